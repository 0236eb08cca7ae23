"""The search page (with and without its script) and its results."""

from __future__ import annotations

from flask.testing import FlaskClient

from glossary import Entry, Glossary, Term


def test_search_page_without_javascript(client: FlaskClient) -> None:
    page = client.get("/search?q=Takaichi").get_data(as_text=True)
    assert "Takaichi Sanae" in page
    assert '<span class="form" lang="ja">高市早苗</span>' in page
    assert '<span class="form" lang="ko">다카이치 사나에</span>' in page
    assert 'lang="ja">たかいち さなえ</span>' in page  # the reading, tagged Japanese
    assert 'class="badge kind">person' in page and "status-approved" in page
    assert "variant" in page  # how it matched


def test_home_page_counts_entries(client: FlaskClient, glossary: Glossary) -> None:
    page = client.get("/").get_data(as_text=True)
    # What a visitor may see: the approved entries (GLOSSARY_READER_STATUSES).
    assert f"{glossary.count(status='approved')} entries in the glossary" in page
    assert '<label for="q">' in page and 'src="/static/search.js"' in page


def test_partial_results_are_the_list_only(client: FlaskClient) -> None:
    """What the search-as-you-type script swaps in: the list, no page around it."""
    part = client.get("/search?q=高市&partial=1").get_data(as_text=True)
    assert "<html" not in part and "Takaichi Sanae" in part
    assert 'class="badge match"' in part and "variant" in part  # 高市 is the family name


def test_search_filters_by_language_and_kind(client: FlaskClient) -> None:
    assert "Nara" in client.get("/search?q=Nara&kind=place").get_data(as_text=True)
    assert "Nara Prefecture" not in client.get("/search?q=Nara&kind=person").get_data(as_text=True)
    bad = client.get("/search?q=Nara&lang=xx")
    assert bad.status_code == 400 and "language" in bad.get_data(as_text=True)


def test_results_link_to_entries(client: FlaskClient) -> None:
    results = client.get("/api/lookup?q=Takaichi").get_json()["results"]
    page = client.get("/search?q=Takaichi").get_data(as_text=True)
    assert f'href="/entries/{results[0]["id"]}"' in page


def test_markup_in_terms_is_shown_as_text(client: FlaskClient, glossary: Glossary) -> None:
    glossary.add(
        Entry(kind="term", status="approved", terms=[Term("en", "<script>alert(1)</script>")])
    )
    page = client.get("/search?q=<script>").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_long_result_lists_offer_more(client: FlaskClient, glossary: Glossary) -> None:
    for i in range(25):
        glossary.add(Entry(kind="term", status="approved", terms=[Term("en", f"tariff {i:02}")]))
    page = client.get("/search?q=tariff").get_data(as_text=True)
    assert page.count('<a class="title"') == 20
    assert 'href="/search?q=tariff&amp;more=1">Show more results</a>' in page
    more = client.get("/search?q=tariff&more=1").get_data(as_text=True)
    assert more.count('<a class="title"') == 25 and "Show more results" not in more

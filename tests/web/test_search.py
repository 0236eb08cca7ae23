"""The web app's search page and JSON API (Flask test client)."""

from __future__ import annotations

from flask.testing import FlaskClient


def test_search_page_without_javascript(client: FlaskClient) -> None:
    page = client.get("/search?q=Takaichi").get_data(as_text=True)
    assert "Takaichi Sanae" in page
    assert '<span class="form" lang="ja">高市早苗</span>' in page
    assert '<span class="form" lang="ko">다카이치 사나에</span>' in page
    assert "variant" in page  # how it matched


def test_home_page_counts_entries(client: FlaskClient) -> None:
    page = client.get("/").get_data(as_text=True)
    assert "entries in the glossary" in page and 'for="q"' in page


def test_entry_page_shows_forms_and_history(client: FlaskClient) -> None:
    results = client.get("/api/lookup?q=Nara Prefecture").get_json()["results"]
    page = client.get(f"/entries/{results[0]['id']}").get_data(as_text=True)
    assert "奈良県" in page and "나라현" in page and "created" in page


def test_api_lookup(client: FlaskClient) -> None:
    data = client.get("/api/lookup?q=高市&lang=ja").get_json()
    assert data["query"] == "高市"
    assert data["results"][0]["terms"]["en"][0]["text"] == "Takaichi Sanae"


def test_api_errors_share_one_shape(client: FlaskClient) -> None:
    for url, status in (
        ("/api/lookup", 400),
        ("/api/entries/99999", 404),
        ("/api/lookup?q=x&kind=nope", 400),
        ("/api/nothing", 404),
    ):
        resp = client.get(url)
        assert resp.status_code == status, url
        body = resp.get_json()
        assert set(body) == {"error"}, url
        assert set(body["error"]) == {"status", "code", "message"}, url
        assert body["error"]["status"] == status


def test_markup_in_terms_is_shown_as_text(client: FlaskClient, app) -> None:  # type: ignore[no-untyped-def]
    from glossary import Entry, Term

    glossary = app.extensions["glossary"]
    glossary.add(Entry(kind="term", terms=[Term("en", "<script>alert(1)</script>")]))
    page = client.get("/search?q=<script>").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page

"""The articles pages: the list, and an article with its known terms marked and linked."""

from __future__ import annotations

import re

from flask.testing import FlaskClient

from glossary import Entry, Glossary, Term
from glossary.curation import known_terms
from glossary.mining.articles import Article


def test_articles_list(client: FlaskClient, glossary: Glossary) -> None:
    page = client.get("/articles").get_data(as_text=True)
    for a in glossary.articles():
        assert f'href="/articles/{a["id"]}"' in page


def test_article_marks_known_terms_with_links(client: FlaskClient, glossary: Glossary) -> None:
    tokyo = glossary.lookup("Tokyo", limit=1)[0].entry.id
    first = glossary.articles()[0]["id"]
    page = client.get(f"/articles/{first}").get_data(as_text=True)
    assert re.search(
        rf'<a class="known status-approved" href="/entries/{tokyo}"[^>]*>Tokyo</a>', page
    )
    assert "Glossary entries in this article" in page


def test_korean_and_japanese_articles_are_tagged_and_marked(
    client: FlaskClient, glossary: Glossary
) -> None:
    article_id, _ = glossary.add_article(
        Article(
            path="ko.txt",
            title="다카이치 총리 방한",
            lang="ko",
            text="다카이치 사나에 총리가 서울에 왔다.",
        )
    )
    page = client.get(f"/articles/{article_id}").get_data(as_text=True)
    takaichi = glossary.lookup("Takaichi Sanae")[0].entry.id
    assert '<article lang="ko">' in page
    assert f'href="/entries/{takaichi}"' in page and ">다카이치 사나에</a> " in page


def test_known_terms_prefers_the_longest_form(glossary: Glossary) -> None:
    glossary.add(Entry(kind="place", status="approved", terms=[Term("en", "Nara Park")]))
    text = "They walked in Nara Park, then left Nara Prefecture."
    marks = known_terms(glossary, text)
    assert [text[m.start : m.end] for m in marks] == ["Nara Park", "Nara Prefecture"]


def test_rejected_entries_are_not_marked(glossary: Glossary) -> None:
    glossary.add(Entry(kind="term", status="rejected", terms=[Term("en", "walked")]))
    assert known_terms(glossary, "They walked.") == []


def test_missing_article_is_404(client: FlaskClient) -> None:
    assert client.get("/articles/9999").status_code == 404

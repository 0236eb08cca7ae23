"""Hostile input: every parser and entry point gives a result or a clear error
(a GlossaryError naming what is wrong), never an unhandled exception."""

from __future__ import annotations

import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary import Entry, Glossary, GlossaryError, Term, open_glossary
from glossary.check import Checker
from glossary.formats.csv import COLUMNS, parse_csv
from glossary.lang.keys import normalize_key
from glossary.mining import mine_text
from glossary.mining.articles import decode_article_bytes, parse_article

# Text from every script the tool meets, plus the characters that break parsers.
SCRIPTS = st.sampled_from(
    list("abcXYZ 0-9'’.,;:\"\n\r\t|=+@-—・ー")
    + list("가나다라이재명다카이치")
    + list("あいうカタカナ高市早苗奈良県")
    + ["\x00", "\ufeff", "\u200b", "İ", "ß", "ō", "\U0001f600", "\ud7a3"]
)
TEXT = st.lists(SCRIPTS, max_size=200).map("".join) | st.text(max_size=200)
FAST = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@FAST
@given(TEXT)
def test_normalize_key_never_fails(text: str) -> None:
    assert isinstance(normalize_key(text), str)


@FAST
@given(st.binary(max_size=300))
def test_article_bytes_decode_or_clear_error(data: bytes) -> None:
    try:
        text = decode_article_bytes(data, "a.txt")
    except GlossaryError as exc:
        assert "a.txt" in str(exc)
        return
    try:
        art = parse_article(text, "a.txt")
    except GlossaryError as exc:
        assert "a.txt" in str(exc)
        return
    assert isinstance(art.text, str)


HEADER = ",".join(COLUMNS) + "\n"


@FAST
@given(TEXT, st.booleans())
def test_csv_parses_or_names_the_line(body: str, with_header: bool) -> None:
    text = (HEADER if with_header else "") + body
    try:
        rows = list(parse_csv(io.StringIO(text, newline=""), "t.csv"))
    except GlossaryError as exc:
        assert str(exc).startswith("t.csv")
        return
    for row in rows:
        assert row.entry.terms


@settings(max_examples=40, deadline=None)
@given(TEXT, st.sampled_from(["auto", "en", "ko", "ja"]))
def test_mining_any_text(text: str, lang: str) -> None:
    try:
        candidates = mine_text(text, lang=lang)
    except GlossaryError:
        return
    for c in candidates:
        assert c.canonical and c.surfaces


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Glossary:
    url = f"sqlite:///{tmp_path_factory.mktemp('h') / 'g.sqlite3'}"
    g = open_glossary(url)
    g.add(
        Entry(
            kind="person",
            status="approved",
            origin="japanese",
            terms=[
                Term("en", "Takaichi Sanae", family="Takaichi", given="Sanae"),
                Term("ko", "다카이치 사나에", family="다카이치", given="사나에"),
                Term("ja", "高市早苗", reading="たかいち さなえ", family="高市", given="早苗"),
            ],
        )
    )
    g.add(
        Entry(
            kind="org",
            status="approved",
            terms=[Term("en", "National Security Office"), Term("ko", "국가안보실")],
        )
    )
    return g


@FAST
@given(TEXT, st.sampled_from([None, "en", "ko", "ja"]))
def test_lookup_any_query(small: Glossary, query: str, lang: str | None) -> None:
    try:
        results = small.lookup(query, lang=lang)
    except GlossaryError:
        return
    assert all(m.match in ("exact", "variant", "prefix", "substring", "fuzzy") for m in results)


@FAST
@given(TEXT)
def test_check_findings_point_at_what_they_found(small: Glossary, text: str) -> None:
    checker = Checker.from_glossary(small)
    for f in checker.check(text):
        assert text[f.offset : f.offset + f.length] == f.found
        assert f.line >= 1 and f.column >= 1

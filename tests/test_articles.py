"""Reading article files: metadata block, body, and clear refusals of bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.errors import ParseError
from glossary.mining.articles import parse_article, read_article
from tests.conftest import ROOT, SEEDS


def test_seed_articles_have_metadata() -> None:
    arts = [read_article(p) for p in sorted(SEEDS.glob("*.txt"))]
    assert [a.date for a in arts] == ["2026-01-08", "2026-01-09"]
    assert all(a.lang == "en" and a.source.startswith("Asia Today") for a in arts)
    assert arts[1].title.startswith("South Korea-Japan summit set for Jan. 13")
    assert arts[1].text.startswith("South Korean President Lee Jae Myung (R)")


def test_seed_articles_together_are_the_given_seed_file() -> None:
    given = (ROOT / "seeds" / "000_09a125e2c1e406d9.txt").read_text(encoding="utf-8")
    for art in (read_article(p) for p in SEEDS.glob("*.txt")):
        assert art.title in given
        assert art.text in given


def test_file_without_metadata_uses_first_line_as_title() -> None:
    art = parse_article("Headline here\n\nBody text.")
    assert art.title == "Headline here" and art.text.startswith("Headline")


def test_unclosed_metadata_block() -> None:
    with pytest.raises(ParseError, match="a.txt, line 1: .*never closed"):
        parse_article("---\ntitle: x\ndate: 2026-01-01\n", "a.txt")
    with pytest.raises(ParseError, match="a.txt, line 3: a metadata line must look like"):
        parse_article("---\ntitle: x\nno colon here\n---\nbody", "a.txt")


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), (b"\x00\x01\x02binary", "binary"), (b"caf\xe9 au lait\n", "not UTF-8")],
)
def test_bad_files_are_refused_by_name(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    with pytest.raises(ParseError, match=message) as info:
        read_article(path)
    assert str(path) in str(info.value)

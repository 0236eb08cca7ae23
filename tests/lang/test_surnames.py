"""The one table of Korean family names: its checks, and every user reading it."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.errors import ParseError
from glossary.lang.ko import split_person_name, suggest_press_spellings
from glossary.lang.romanized import korean_surnames
from glossary.lang.surnames import (
    COLUMNS,
    english_miner_spellings,
    korean_miner_surnames,
    load_surnames,
    press_spellings,
    surnames,
    two_syllable_surnames,
)
from glossary.mining.korean import KoreanEngine
from glossary.mining.names import is_korean_name

HEADER = "\t".join(COLUMNS) + "\n"


def _table(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "surnames.tsv"
    path.write_text("# a comment\n" + HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def test_the_shipped_table_loads_with_every_row_checked() -> None:
    rows = surnames()
    assert len(rows) == len({r.hangul for r in rows}) > 90
    lee = next(r for r in rows if r.hangul == "이")
    assert lee.spellings[:3] == ("I", "Lee", "Yi")  # strict RR first
    assert lee.press == ("Lee", "Yi", "Rhee", "Ri")  # most common first
    assert lee.korean_miner and lee.source.startswith("Lee Jae-myung")


@pytest.mark.parametrize(
    ("row", "where"),
    [
        ("kim\tKim\t-\t-\tyes\t-", "column 'hangul'"),
        ("김\tkim\t-\t-\tyes\t-", "column 'spellings'"),
        ("김\tGim\tKim, Ghim\t-\tyes\t-", "column 'press'"),
        ("김\tGim\t-\t김\tyes\t-", "column 'english_miner'"),
        ("김\tGim\t-\t-\tmaybe\t-", "column 'korean_miner'"),
        ("황보\tHwangbo\t-\t-\tyes\t-", "column 'korean_miner'"),
        ("김\tGim\t-\t-\tyes", "6 tab-separated columns"),
        ("김\tGim\t\t-\tyes\t-", "each filled"),
    ],
)
def test_a_bad_row_is_named_by_line_and_column(tmp_path: Path, row: str, where: str) -> None:
    with pytest.raises(ParseError, match="line 3") as err:
        load_surnames(_table(tmp_path, row))
    assert where in str(err.value)


def test_a_bad_header_or_a_name_listed_twice_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "old.tsv"
    bad.write_text("hangul\tspellings\n김\tGim | Kim\n", encoding="utf-8")
    with pytest.raises(ParseError, match="the header must be"):
        load_surnames(bad)
    twice = _table(tmp_path, "김\tGim\t-\t-\tyes\t-", "김\tKim\t-\t-\tyes\t-")
    with pytest.raises(ParseError, match="line 4.*twice"):
        load_surnames(twice)


def test_each_column_feeds_its_user() -> None:
    # spellings: the lookup reads "Rhee" as 이; 선 has press spellings only, no lookup key yet
    assert korean_surnames("Rhee") == {"이"} and korean_surnames("Seon") == frozenset()
    # press: the press-spelling suggestions start from it
    assert press_spellings()["선"] == ("Sun", "Seon")
    assert suggest_press_spellings("선기호")[0].startswith("Sun ")
    # two-syllable rows: the split of a name written solid
    assert two_syllable_surnames() == {"남궁", "황보", "제갈", "선우", "독고", "사공", "서문"}
    assert split_person_name("남궁민") == ("남궁", "민")
    # english_miner: "Lee Jae-myung" is read as a Korean name, "Wang Yi" is not
    spellings = english_miner_spellings()
    assert {"lee", "kye", "rah"} <= spellings and "wang" not in spellings
    assert is_korean_name(["Lee", "Jae-myung"]) and not is_korean_name(["Wang", "Yi"])
    # korean_miner: 이재명 is a person; a noun starting with 경 (경기도) is not taken for one
    assert "이" in korean_miner_surnames() and "경" not in korean_miner_surnames()
    engine = KoreanEngine("ko", "", [])
    assert engine.default_proper_kind([], "이재명") == "person"
    assert engine.default_proper_kind([], "경기도") == "org"

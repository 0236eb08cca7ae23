"""The Korean data files load, follow their documented syntax, and agree with the code."""

from __future__ import annotations

import pytest

from glossary.lang.ko import romanize
from glossary.lang.ko.exceptions import (
    WHOLE,
    exceptions,
    provinces,
    short_stem_units,
    unit_lookalikes,
)
from glossary.lang.ko.jamo import is_hangul_word, is_syllable
from glossary.lang.ko.katakana import curated_names
from glossary.lang.ko.press import syllable_spellings
from glossary.lang.ko.sino import reading_table
from glossary.lang.ko.tables import DATA_DIR, read_rows
from glossary.lang.surnames import press_spellings


@pytest.mark.parametrize("name", sorted(p.name for p in DATA_DIR.glob("*.tsv")))
def test_every_file_has_a_header_and_three_columns(name: str) -> None:
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    assert text.startswith("#"), "each data file opens with a header explaining it"
    rows = read_rows(name, 2)
    assert rows
    if name != "hanja_readings.tsv":  # generated: its third column may be empty
        assert all(len(row) >= 3 and row[2] for row in rows), "every row cites a source"


@pytest.mark.parametrize(("name", "strict"), sorted(provinces().items()))
def test_province_romanizations(name: str, strict: str) -> None:
    assert romanize(name, kind="place") == strict


@pytest.mark.parametrize(("name", "strict"), sorted(short_stem_units().items()))
def test_short_stem_unit_romanizations(name: str, strict: str) -> None:
    assert len(name) == 2 and romanize(name, kind="place") == strict


def test_unit_lookalikes_end_in_a_unit() -> None:
    units = set("도시군구읍면리동가")
    for noun in unit_lookalikes():
        assert is_hangul_word(noun) and len(noun) >= 2 and noun[-1] in units


def test_exceptions_syntax() -> None:
    for word, respelling in exceptions().items():
        assert is_hangul_word(word)
        assert respelling == WHOLE or is_hangul_word(respelling) or respelling.isascii()


def test_name_tables_syntax() -> None:
    for surname, spellings in press_spellings().items():
        assert is_hangul_word(surname) and len(surname) <= 2
        assert spellings and all(s[:1].isupper() and s.isascii() for s in spellings)
    for syllable, spellings in syllable_spellings().items():
        assert is_syllable(syllable)
        assert spellings and all(s[:1].isupper() and s.isascii() for s in spellings)
    for name, katakana in curated_names().items():
        assert is_hangul_word(name) and "・" in katakana


def test_hanja_table() -> None:
    table = reading_table()
    assert len(table) > 10_000
    assert all(readings and all(is_syllable(r) for r in readings) for readings in table.values())

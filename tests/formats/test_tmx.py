"""TMX 1.4b: one unit per entry and target language; TMX from other tools reads."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from typing import ClassVar

import pytest

from glossary import Glossary
from glossary.errors import ParseError
from glossary.formats import export_entries, import_file
from glossary.formats.base import TranslationRecord
from tests.formats.contract import FormatContract, notices, read_all, records
from tests.formats.samples import fixture

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
REQUIRED_HEADER = (
    "creationtool",
    "creationtoolversion",
    "segtype",
    "o-tmf",
    "adminlang",
    "srclang",
    "datatype",
)


class TestTmxContract(FormatContract):
    fmt = "tmx"
    malformed_line = 6
    bad_record_at = (9, "tuv")
    written_ids: ClassVar[list[int]] = [1, 2, 3, 4, 5, 6, 7, 8, 10]


def _export(g: Glossary, **kw: object) -> bytes:
    out = io.BytesIO()
    export_entries(g, "tmx", out, **kw)  # type: ignore[arg-type]
    return out.getvalue()


def test_tmx_14b_header_and_languages(loaded: Glossary) -> None:
    root = ET.fromstring(_export(loaded))
    assert root.tag == "tmx" and root.get("version") == "1.4"
    header = root.find("header")
    assert header is not None
    assert all(header.get(a) for a in REQUIRED_HEADER)
    assert header.get("srclang") == "en"
    units = root.findall("body/tu")
    assert units and all(tuv.get(XML_LANG) for tu in units for tuv in tu.findall("tuv"))
    for tu in units:
        langs = [tuv.get(XML_LANG) for tuv in tu.findall("tuv")]
        assert langs[0] == "en" and len(langs) == 2 and langs[1] in ("ko", "ja")
        # Elements in the order of the TMX DTD: notes and properties, then variants.
        tags = [child.tag for child in tu]
        assert tags.index("tuv") == len(tags) - 2


def test_one_unit_per_entry_and_target(loaded: Glossary) -> None:
    both = ET.fromstring(_export(loaded)).findall("body/tu")
    ko = ET.fromstring(_export(loaded, target="ko")).findall("body/tu")
    expected = sum(
        1
        for e in loaded.entries()
        for lang in ("ko", "ja")
        if any(t.role == "preferred" for t in e.terms_in("en"))
        and any(t.role == "preferred" for t in e.terms_in(lang))
    )
    assert len(both) == expected
    assert {tu.get("tuid", "").rsplit("-", 1)[1] for tu in ko} == {"ko"}


def test_reads_tmx_11_from_another_tool() -> None:
    first, second = records("tmx", fixture("tmx11_from_another_tool", "tmx").read_bytes())
    assert isinstance(first, TranslationRecord)
    assert [(t.lang, t.text) for t in first.entry.terms] == [
        ("en", "the Korean Peninsula"),  # inline codes are not text
        ("ko", "한반도"),
        ("ja", "朝鮮半島"),
    ]
    assert first.targets == ("ko", "ja") and first.entry_id is None
    assert (first.entry.kind, first.entry.status) == ("term", "candidate")
    assert isinstance(second, TranslationRecord)
    assert second.source == "North Korea" and second.targets == ("ko",)


def test_reads_a_file_in_a_legacy_japanese_encoding() -> None:
    (record,) = records("tmx", fixture("shift_jis_encoding", "tmx").read_bytes())
    assert [t.text for t in record.entry.terms] == ["Tokyo", "東京都"]


def test_units_of_one_entry_become_one_record() -> None:
    items = records("tmx", fixture("unicode_three_scripts", "tmx").read_bytes())
    assert [r.entry_id for r in items] == [1, 2, 3, 4, 5, 6, 7, 8, 10]
    assert isinstance(items[0], TranslationRecord) and items[0].targets == ("ko", "ja")


def test_a_foreign_memory_adds_what_is_new(loaded: Glossary) -> None:
    peninsula = loaded.lookup("Korean Peninsula")[0].entry
    report = import_file(loaded, fixture("tmx11_from_another_tool", "tmx"))
    assert report.problems == []
    # "the Korean Peninsula" is not the stored English form: a new candidate entry.
    assert len(report.created) == 1
    assert loaded.get(report.created[0]).status == "candidate"
    assert peninsula.id not in report.unchanged
    # "North Korea" / 북한 is what the glossary says already.
    north = loaded.lookup("North Korea")[0].entry
    assert report.unchanged == [north.id] and report.updated == [] and report.conflicts == []


def test_a_foreign_memory_fills_in_a_missing_form(g: Glossary) -> None:
    import_file(g, io.BytesIO(b"kind,status,en\nplace,approved,North Korea\n"), fmt="csv")
    report = import_file(g, fixture("tmx11_from_another_tool", "tmx"))
    assert [(u.entry_id, u.lang, u.old, u.new) for u in report.updated] == [(1, "ko", "", "북한")]
    assert g.get(1).preferred("ko").text == "북한"  # type: ignore[union-attr]


def test_not_utf8_names_the_line() -> None:
    data = fixture("unicode_three_scripts", "tmx").read_bytes().replace("이재명".encode(), b"\xff")
    with pytest.raises(ParseError, match=r"x.tmx, line 12: is not UTF-8 text"):
        read_all("tmx", data, "x.tmx")


def test_not_a_tmx_file() -> None:
    with pytest.raises(ParseError, match="not a TMX file: its root element is <tbx>"):
        read_all("tmx", fixture("unicode_three_scripts", "tbx").read_bytes())


def test_what_the_glossary_leaves_out_of_a_foreign_memory_is_said() -> None:
    data = fixture("tmx11_from_another_tool", "tmx").read_bytes()
    said = notices("tmx", data, "other.tmx")
    assert (
        "left out: variants in 'DE-DE' (1, at line 11, tu 1 (tuid '17')); the glossary keeps "
        "English, Korean and Japanese" in said
    )
    assert any(m.startswith("left out: inline codes <bpt> in segments") for m in said)
    assert len(said) == 4


def test_a_target_form_awaiting_review_comes_back_as_one(g: Glossary) -> None:
    data = fixture("unicode_three_scripts", "tmx").read_bytes()
    assert data.count(b'<prop type="x-glossary-suggested">text</prop>') == 2  # entry 7, ko and ja
    import_file(g, io.BytesIO(data), fmt="tmx")
    assert g.get(7).preferred("ko").suggested == ["text"]  # type: ignore[union-attr]
    assert g.get(1).preferred("ko").suggested == []  # type: ignore[union-attr]

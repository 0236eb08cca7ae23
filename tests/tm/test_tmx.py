"""TMX 1.4b in and out, in the shapes memoQ, Trados Studio and OmegaT write."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest

from glossary.errors import ParseError
from glossary.tm.tmx import Skipped, read_units, write_units
from tests.tm.conftest import FIXTURES

NOW = datetime(2026, 12, 10, 9, 0, tzinfo=UTC)


def read(name: str) -> list:
    with (FIXTURES / name).open("rb") as f:
        return list(read_units(f, name))


def test_memoq_context_props_and_inline_codes() -> None:
    units = read("memoq_en_ja.tmx")
    assert len(units) == 3
    first, second, _ = units
    en = first.variant("en")
    assert en.tag == "en-US" and first.variant("ja").tag == "ja-JP"
    assert en.before == "Opening Statement by Chief Cabinet Secretary Suga"
    assert en.after.startswith("The meeting approved 21")
    assert ("x-document", "201702_24_a.html") in [(p.type, p.text) for p in first.props]
    assert first.attrs["changeid"] == "desk2" and first.srclang == "en"
    # inline codes are kept as markup and left out of the text
    v = second.variant("en")
    assert v.text == "The meeting approved 21 general and other measures and personnel decisions."
    assert v.seg.startswith('The meeting approved <bpt i="1" type="bold">{}</bpt>21<ept i="1">')
    assert second.variant("ja").text == "一般案件等21件と人事が決定されました。"


def test_trados_attributes_and_empty_codes() -> None:
    units = read("trados_ko_en.tmx")
    assert [u.srclang for u in units] == ["ko", "ko", "ko"]
    assert units[0].attrs["usagecount"] == "3"
    assert units[0].props[-1].type == "x-ConfirmationLevel"
    ko = units[1].variant("ko")
    assert ko.text == "서울의 날씨는 맑았다."
    assert ko.seg == '<bpt i="1" type="bold" x="1"/>서울<ept i="1"/>의 날씨는 맑았다.'
    assert units[2].variant("en").text == "The meeting lasted three hours."


def test_omegat_doctype_variant_attributes_notes_and_untranslated() -> None:
    units = read("omegat_en_ko.tmx")
    assert len(units) == 3
    first, alt, untranslated = units
    assert first.variant("ko").text == "정상회담은 도쿄에서 열린다."
    assert first.variant("ko").attrs["changeid"] == "translator"
    assert first.variant("ko").tag == "KO-KR"
    assert alt.notes == ["Shorter wording for the headline."]
    assert [p.type for p in alt.props] == ["file", "id"]
    assert alt.variant("ko").text == "대통령, 오늘 일본 방문"
    assert isinstance(untranslated, Skipped) and "fewer than two" in untranslated.reason


def test_all_languages_several_variants_and_other_languages() -> None:
    units = read("all_languages.tmx")
    three, two, french = units
    assert three.srclang == "*all*" and three.languages == ["en", "ja"]  # French left out
    assert two.srclang == "ko" and two.languages == ["ko", "en", "ja"]
    # <hi> is text with formatting: kept in the text, and in the markup
    assert two.variant("en").text == "The president visited Japan today."
    assert '<hi type="italic">Japan</hi>' in two.variant("en").seg
    assert isinstance(french, Skipped)


@pytest.mark.parametrize(
    "name", ["memoq_en_ja.tmx", "trados_ko_en.tmx", "omegat_en_ko.tmx", "all_languages.tmx"]
)
def test_round_trip_keeps_everything(name: str) -> None:
    units = [u for u in read(name) if not isinstance(u, Skipped)]
    out = io.BytesIO()
    assert write_units(units, out, now=NOW) == len(units)
    again = list(read_units(io.BytesIO(out.getvalue()), "again.tmx"))
    assert [u.snapshot() for u in again] == [
        {**u.snapshot(), "origin_file": "again.tmx"} for u in units
    ]
    # and writing what was read back gives the same file, byte for byte
    out2 = io.BytesIO()
    write_units(again, out2, now=NOW)
    assert out2.getvalue() == out.getvalue()


def test_export_of_one_pair_puts_the_source_first() -> None:
    units = [u for u in read("all_languages.tmx") if not isinstance(u, Skipped)]
    out = io.BytesIO()
    assert write_units(units, out, source="ja", target="en", now=NOW) == 2
    text = out.getvalue().decode()
    assert 'srclang="ja"' in text
    first_tu = text.split("<tu ", 2)[1].split("</tu>")[0]
    assert first_tu.index('xml:lang="ja-JP"') < first_tu.index('xml:lang="en"')
    assert "fr-FR" not in text


HEAD = b'<tmx version="1.4"><header srclang="en"/><body>'
BAD = {
    "not well-formed": (b'<tmx version="1.4"><header/><body><tu>', 1, None),
    "no header": (
        b'<tmx version="1.4"><body><tu><tuv xml:lang="en"><seg>a</seg></tuv></tu></body></tmx>',
        1,
        "header",
    ),
    "tuv without a language": (
        HEAD + b"\n<tu>\n<tuv><seg>a</seg></tuv></tu></body></tmx>",
        3,
        "tuv",
    ),
    "tuv without a seg": (HEAD + b'\n<tu><tuv xml:lang="en">\n</tuv></tu></body></tmx>', 2, "tuv"),
    "tu without tuv": (HEAD + b'\n\n<tu tuid="x"></tu></body></tmx>', 3, "tu"),
    "foreign element in seg": (
        HEAD + b'<tu><tuv xml:lang="en">\n<seg>a <b>b</b></seg></tuv></tu></body></tmx>',
        2,
        "b",
    ),
    "not tmx": (b"<tbx><text/></tbx>", 1, None),
    "entities": (b'<!DOCTYPE tmx [<!ENTITY a "aaaa">]><tmx/>', 1, None),
    "unknown root": (b"<tu>\n<tuv/></tu>", 1, None),
    "empty": (b"", 1, None),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_files_name_file_line_and_element(case: str) -> None:
    data, line, element = BAD[case]
    with pytest.raises(ParseError) as err:
        list(read_units(io.BytesIO(data), "bad.tmx"))
    assert err.value.path == "bad.tmx"
    assert err.value.line == line
    if element:
        assert err.value.field == element


_UNIT = '<tu><tuv xml:lang="en"><seg>{}</seg></tuv><tuv xml:lang="ko"><seg>문장</seg></tuv></tu>'
HOSTILE = {
    "billion laughs": (
        '<!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>'
        '<tmx version="1.4"><header/><body>' + _UNIT.format("&c;") + "</body></tmx>",
        "entities",
    ),
    "external entity": (
        '<!DOCTYPE tmx [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        '<tmx version="1.4"><header/><body>' + _UNIT.format("&e;") + "</body></tmx>",
        "entities",
    ),
    "external parameter entity": (
        '<!DOCTYPE tmx [<!ENTITY % p SYSTEM "http://127.0.0.1:9/x.dtd"> %p;]>'
        '<tmx version="1.4"><header/><body>' + _UNIT.format("a") + "</body></tmx>",
        "entities",
    ),
    "undefined entity": (
        '<tmx version="1.4"><header/><body>' + _UNIT.format("&nope;") + "</body></tmx>",
        "entity",
    ),
    "deep nesting": (
        '<tmx version="1.4"><header/><body>'
        + _UNIT.format("<hi>" * 200 + "x" + "</hi>" * 200)
        + "</body></tmx>",
        "nested more than 100 deep",
    ),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_files_are_refused(case: str) -> None:
    """The fast reader is the hardened parser: no entity is expanded, nothing fetched."""
    data, message = HOSTILE[case]
    with pytest.raises(ParseError) as err:
        list(read_units(io.BytesIO(data.encode()), "hostile.tmx"))
    assert err.value.path == "hostile.tmx"
    assert message in str(err.value)


def test_a_remote_dtd_is_not_read() -> None:
    """A DOCTYPE naming the TMX DTD, as OmegaT and memoQ write it, is fine: never read."""
    data = (
        '<?xml version="1.0"?>\n<!DOCTYPE tmx SYSTEM "http://127.0.0.1:9/tmx14.dtd">\n'
        '<tmx version="1.4"><header srclang="en"/><body>' + _UNIT.format("a") + "</body></tmx>"
    ).encode()
    (unit,) = read_units(io.BytesIO(data), "dtd.tmx")
    assert unit.variant("ko").text == "문장"  # type: ignore[union-attr]


def test_segments_across_chunks_and_nested_inline_codes() -> None:
    """Text and codes of a segment are put together in order, however the file is cut
    into chunks; code content stays out of the text, <hi> and <sub> text stays in."""
    seg = (
        'A <bpt i="1" type="bold">&lt;b&gt;</bpt>bold<ept i="1">&lt;/b&gt;</ept> word, '
        '<ph x="2"/>a <hi type="italic">tilted <ph x="3">{x}</ph>one</hi>'
        ' and a footnote<ph type="fn">[<sub>Note &amp; text</sub>]</ph>.'
    )
    filler = "x" * 70_000  # past the reader's 64 KB chunks
    data = (
        '<tmx version="1.4"><header srclang="en"/><body>'
        f'<tu><prop type="x-filler">{filler}</prop>'
        f'<tuv xml:lang="en"><seg>{seg}</seg></tuv>'
        '<tuv xml:lang="ja"><seg>文</seg></tuv></tu></body></tmx>'
    ).encode()
    (unit,) = read_units(io.BytesIO(data), "codes.tmx")
    en = unit.variant("en")
    assert unit.props[0].text == filler
    assert en.text == "A bold word, a tilted one and a footnote."  # type: ignore[union-attr]
    assert en.seg == (  # type: ignore[union-attr]
        'A <bpt i="1" type="bold">&lt;b&gt;</bpt>bold<ept i="1">&lt;/b&gt;</ept> word, '
        '<ph x="2"/>a <hi type="italic">tilted <ph x="3">{x}</ph>one</hi>'
        ' and a footnote<ph type="fn">[<sub>Note &amp; text</sub>]</ph>.'
    )

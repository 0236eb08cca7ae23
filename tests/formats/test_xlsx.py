"""XLSX: the CSV's columns in a workbook whose text cells are text, never formulas."""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import update

from glossary import Entry, Glossary, Term
from glossary.errors import GlossaryError, ParseError
from glossary.formats import FORMATS, export_entries, format_for, import_file
from glossary.formats.csv import columns_for
from glossary.store.models import EntryRow
from tests.formats.contract import FormatContract, notices, read_all, records
from tests.formats.samples import EPOCH, fixture, workbook, written


def cells(data: bytes) -> dict[str, list[tuple[str, Any, str, str]]]:
    """What a workbook holds: per sheet, each filled cell's place, value, type and format."""
    wb = openpyxl.load_workbook(io.BytesIO(data))
    return {
        ws.title: [
            (c.coordinate, c.value, c.data_type, c.number_format)
            for row in ws.iter_rows()
            for c in row
            if c.value is not None
        ]
        for ws in wb.worksheets
    }


class TestXlsxContract(FormatContract):
    fmt = "xlsx"
    malformed_line = None  # a workbook has rows, not lines: a broken one has no place
    bad_record_at = (3, "kind")

    def assert_same_file(self, got: bytes, expected: bytes) -> None:
        # The bytes also depend on the zlib and openpyxl at hand (and are the same from
        # one export to the next: see below); what matters is what the workbook holds.
        assert cells(got) == cells(expected)
        assert (
            zipfile.ZipFile(io.BytesIO(got)).namelist()
            == zipfile.ZipFile(io.BytesIO(expected)).namelist()
        )


def _export(g: Glossary, **kw: object) -> bytes:
    out = io.BytesIO()
    export_entries(g, "xlsx", out, **kw)  # type: ignore[arg-type]
    return out.getvalue()


def test_the_same_glossary_gives_the_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
    first = written("xlsx")
    assert written("xlsx") == first
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH + 86400))
    later = written("xlsx")
    assert later != first and cells(later) == cells(first)
    core = zipfile.ZipFile(io.BytesIO(first)).read("docProps/core.xml").decode()
    assert "2024-01-02T03:04:05Z" in core and "glossary" in core


def test_text_cells_are_text_and_nothing_is_a_formula() -> None:
    sheet = cells(written("xlsx"))["Glossary"]
    for place, value, kind, number_format in sheet:
        if place[1].isdigit() and place[0] == "A" and place != "A1":  # ids are numbers
            assert kind == "n" and isinstance(value, int)
        else:
            assert (kind, number_format) == ("s", "@"), place
    values = [v for _, v, _, _ in sheet]
    assert '=HYPERLINK("http://example.org") is text, not a formula' in values
    assert "-5% tariff" in values and "+5% duty" in values and "@関税" in values
    assert not [v for v in values if isinstance(v, str) and v.startswith("'")]


def test_the_columns_are_the_csvs_with_roles_and_review_marks(g: Glossary) -> None:
    import_file(g, fixture("unicode_three_scripts", "csv"))
    data = _export(g)
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb["Glossary"]
    assert [c.value for c in ws[1]] == list(columns_for(None)) and ws.freeze_panes == "A2"
    row = {h: c.value for h, c in zip(columns_for(None), ws[2], strict=True)}
    assert row["review"] == "en_variants: Lee" and row["en_variants"] == "Lee Jae Myung | Lee"
    assert row["ko_hanja"] == "李在明" and row["ja_reading"] == "イ・ジェミョン"
    report = import_file(g, io.BytesIO(data), fmt="xlsx")
    assert sorted(report.unchanged) == list(range(1, 11)) and not report.conflicts
    ko = openpyxl.load_workbook(io.BytesIO(_export(g, target="ko")))["Glossary"]
    assert [c.value for c in ko[1]] == list(columns_for("ko"))


def test_format_by_name_and_extension() -> None:
    assert format_for("glossary.XLSX") is FORMATS["xlsx"] is format_for("xlsx")


def test_a_workbook_from_a_spreadsheet_program(g: Glossary) -> None:
    """Cells a spreadsheet typed as numbers or dates are read as their text; formulas
    another tool wrote come as their text; other sheets are named in a notice."""
    from datetime import datetime

    rows: list[list[object]] = [
        ["id", "kind", "status", "en", "ko", "note", None],
        [101, "term", "approved", 2024, "이천이십사", datetime(2025, 6, 4), None],
        [102.0, "term", "candidate", "=SUM(A1)", "합계", None, None],
    ]
    data = workbook(rows)
    wb = openpyxl.load_workbook(io.BytesIO(data))
    wb.create_sheet("Notes").append(["not read"])
    out = io.BytesIO()
    wb.save(out)
    items = read_all("xlsx", out.getvalue(), "book.xlsx")
    first, second = records("xlsx", out.getvalue())
    assert (first.entry_id, first.entry.preferred("en").text) == (101, "2024")  # type: ignore[union-attr]
    assert first.entry.note == "2025-06-04"
    assert second.entry_id == 102 and second.entry.preferred("en").text == "=SUM(A1)"  # type: ignore[union-attr]
    assert notices("xlsx", out.getvalue(), "book.xlsx") == [
        "left out: the sheet 'Notes' (1); only the sheet 'Glossary' is read"
    ]
    assert len(items) == 3
    report = import_file(g, io.BytesIO(out.getvalue()), fmt="xlsx", name="book.xlsx")
    assert report.created == [101, 102] and len(report.notices) == 1


def test_the_first_sheet_is_read_when_none_is_named_glossary() -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Terms"
    ws.append(["kind", "en"])
    ws.append(["term", "shuttle diplomacy"])
    out = io.BytesIO()
    wb.save(out)
    (record,) = records("xlsx", out.getvalue())
    assert record.entry.preferred("en").text == "shuttle diplomacy"  # type: ignore[union-attr]


def test_a_row_wider_than_the_header_is_a_problem() -> None:
    data = workbook([["kind", "en"], ["term", "a"], ["term", "b", "stray"], ["term", "c", None]])
    items = read_all("xlsx", data, "wide.xlsx")
    assert [type(i).__name__ for i in items] == ["EntryRecord", "Problem", "EntryRecord"]
    assert str(items[1]) == "wide.xlsx, line 3: the row has 3 cells but the header has 2"


def test_an_upload_that_cannot_seek_is_read(g: Glossary) -> None:
    class Unseekable(io.BytesIO):
        def seekable(self) -> bool:
            return False

    data = fixture("unicode_three_scripts", "xlsx").read_bytes()
    report = import_file(g, Unseekable(data), name="up.xlsx", max_bytes=len(data))
    assert len(report.created) == 10


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04 not really", "is not an XLSX workbook, or is damaged"),
        (b"id,kind,en\n", "is not an XLSX workbook, or is damaged"),
    ],
)
def test_what_is_not_a_workbook_is_refused(data: bytes, message: str) -> None:
    with pytest.raises(ParseError, match=message) as info:
        read_all("xlsx", data, "x.xlsx")
    assert str(info.value).startswith("x.xlsx: ")


def _with_part(name: str, content: bytes) -> bytes:
    """The sample workbook with one part replaced."""
    source = zipfile.ZipFile(io.BytesIO(fixture("unicode_three_scripts", "xlsx").read_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, content if info.filename == name else source.read(info))
    return out.getvalue()


def test_xml_that_declares_entities_is_refused() -> None:
    sheet = zipfile.ZipFile(io.BytesIO(fixture("unicode_three_scripts", "xlsx").read_bytes()))
    xml = sheet.read("xl/worksheets/sheet1.xml")
    laughs = b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
    for prolog in (laughs, b"<!-- a comment <a> first -->" + laughs, b"<?pi x?>\n" + laughs):
        data = _with_part("xl/worksheets/sheet1.xml", b'<?xml version="1.0"?>' + prolog + xml)
        with pytest.raises(ParseError, match="declares a document type"):
            read_all("xlsx", data, "laughs.xlsx")
    # A comment before the root element is no declaration.
    quiet = _with_part("xl/worksheets/sheet1.xml", b"<!-- x -->\n" + xml)
    assert len(records("xlsx", quiet)) == 10


def test_a_zip_bomb_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import glossary.formats.xlsx as xlsx

    monkeypatch.setattr(xlsx, "_BOMB_FLOOR", 1 << 20)
    data = _with_part("xl/theme/theme1.xml", b"<a>" + b" " * (8 << 20) + b"</a>")
    with pytest.raises(ParseError, match="refused as a zip bomb"):
        read_all("xlsx", data, "bomb.xlsx")


def test_a_cell_too_long_for_a_spreadsheet_stops_the_export(
    g: Glossary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    entry = g.add(Entry("term", [Term("en", "long note")]))
    # The glossary refuses such a note (10,000 characters at most); another program
    # writing the database directly can still leave one.
    with g.writing() as s:
        s.execute(update(EntryRow).where(EntryRow.id == entry.id).values(note="x" * 40_000))
    spool, folder = tmp_path / "spool", tmp_path / "exports"
    spool.mkdir()
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spool))
    with pytest.raises(GlossaryError, match=f"entry {entry.id}: its note of 40,000 characters"):
        export_entries(g, "xlsx", folder / "out.xlsx")
    assert list(folder.iterdir()) == []  # no file, half or whole
    assert list(spool.iterdir()) == []  # nor the sheet openpyxl streamed aside


def test_conflicts_are_compared_column_by_column_as_in_csv(g: Glossary) -> None:
    import_file(g, fixture("unicode_three_scripts", "csv"))
    fewer = workbook([["id", "kind", "en", "ko"], [1, "person", "Lee Jae-myung", "이재명"]])
    report = import_file(g, io.BytesIO(fewer), fmt="xlsx")
    assert report.unchanged == [1] and report.conflicts == []  # no hanja column: no say
    other = workbook([["id", "kind", "ko", "ko_romanization"], [1, "person", "이재명", "Yi"]])
    (conflict,) = import_file(g, io.BytesIO(other), fmt="xlsx", name="x.xlsx").conflicts
    assert conflict.line == 2
    assert "ko_romanization: the file has 'Yi', the glossary 'I Jaemyeong'" in conflict.reason

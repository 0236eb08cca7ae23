"""CSV: the columns of data/terms.csv, spreadsheet-safe, byte-identical round trips."""

from __future__ import annotations

import csv
import io

import pytest
from sqlalchemy import update

from glossary import Entry, Glossary, Term
from glossary.errors import ParseError
from glossary.formats import export_entries, import_file
from glossary.formats.csv import COLUMNS, columns_for, neutralise_formula, restore_formula
from glossary.store.models import EntryRow
from tests.conftest import TERMS_CSV
from tests.formats.contract import FormatContract
from tests.formats.samples import fixture


class TestCsvContract(FormatContract):
    fmt = "csv"
    malformed_line = 2
    bad_record_at = (3, "kind")


def _export(g: Glossary, **options: object) -> bytes:
    out = io.BytesIO()
    export_entries(g, "csv", out, **options)  # type: ignore[arg-type]
    return out.getvalue()


def test_shipped_glossary_export_import_export_is_byte_identical(
    loaded: Glossary, other: Glossary
) -> None:
    first = _export(loaded)
    report = import_file(other, io.BytesIO(first), fmt="csv")
    assert len(report.created) == loaded.count() and not report.conflicts
    assert _export(other) == first


def test_header_is_the_columns_of_data_terms_csv(loaded: Glossary) -> None:
    header = _export(loaded).split(b"\n", 1)[0].decode()
    assert header.split(",") == list(COLUMNS)
    assert TERMS_CSV.read_text(encoding="utf-8").split("\n", 1)[0] == header


def test_bom_option_for_spreadsheets(g: Glossary) -> None:
    import_file(g, fixture("unicode_three_scripts", "csv"))
    with_bom = _export(g, bom=True)
    assert with_bom.startswith(b"\xef\xbb\xbf") and with_bom[3:] == _export(g)
    again = import_file(g, io.BytesIO(with_bom), fmt="csv")
    assert len(again.unchanged) == 10 and not again.conflicts


@pytest.mark.parametrize(
    "value", ["=1+1", "+33 2 1234", "-5% tariff", "@SUM(A1)", "\tcell", "\rcell"]
)
def test_formula_cells_are_neutralised_and_restored(value: str) -> None:
    cell = neutralise_formula(value)
    assert cell == "'" + value
    assert restore_formula(cell) == value
    # A value that really starts with an apostrophe keeps it.
    assert restore_formula(neutralise_formula("'" + value)) == "'" + value
    assert restore_formula("'plain") == "'plain" and neutralise_formula("plain") == "plain"


def test_formula_looking_values_survive_a_spreadsheet_round_trip(g: Glossary) -> None:
    data = fixture("unicode_three_scripts", "csv").read_bytes()
    assert b"'=HYPERLINK" in data and b",'-5% tariff,'+5% duty," in data and b"'@" in data
    import_file(g, io.BytesIO(data), fmt="csv")
    entry = g.get(3)
    assert entry.note.startswith('=HYPERLINK("http://example.org")')
    assert [t.text for t in g.get(7).terms_in("en")] == ["-5% tariff", "+5% duty"]
    assert g.get(7).preferred("ja").text == "@関税"  # type: ignore[union-attr]


def test_target_limits_the_columns_and_reimports_without_conflict(g: Glossary) -> None:
    import_file(g, fixture("unicode_three_scripts", "csv"))
    data = _export(g, target="ko")
    header = data.split(b"\n", 1)[0].decode().split(",")
    assert header == list(columns_for("ko")) and not [c for c in header if c.startswith("ja")]
    report = import_file(g, io.BytesIO(data), fmt="csv")
    assert len(report.unchanged) == 10 and not report.conflicts


def test_a_differing_value_is_a_conflict_naming_the_column(g: Glossary) -> None:
    import_file(g, fixture("unicode_three_scripts", "csv"))
    data = fixture("unicode_three_scripts", "csv").read_text(encoding="utf-8")
    edited = data.replace(",李在明,I Jaemyeong,", ",李在明,Yi Jaemyeong,")
    report = import_file(g, io.BytesIO(edited.encode()), fmt="csv", name="edited.csv")
    assert [c.entry_id for c in report.conflicts] == [1]
    conflict = report.conflicts[0]
    assert conflict.line == 2 and "ko_romanization" in conflict.reason
    assert "'Yi Jaemyeong'" in conflict.reason and "'I Jaemyeong'" in conflict.reason
    assert g.get(1).preferred("ko").romanization == "I Jaemyeong"  # type: ignore[union-attr]
    assert g.get(1).version == 1


def test_rows_without_id_match_by_preferred_form_and_kind(g: Glossary) -> None:
    import_file(g, fixture("unicode_three_scripts", "csv"))
    data = "kind,en,ko\nplace,Sejong,세종\nterm,Sejong,세종\n".encode()
    report = import_file(g, io.BytesIO(data), fmt="csv")
    assert report.unchanged == [5]  # the place, not the person with the same name
    assert report.created == [11]  # a term "Sejong" is new
    assert g.get(11).kind == "term"


def test_not_utf8_is_refused_with_its_line(g: Glossary) -> None:
    data = "kind,en\nterm,caf\xe9\n".encode("latin-1")
    with pytest.raises(Exception, match=r"latin1.csv, line 2: is not UTF-8"):
        import_file(g, io.BytesIO(data), name="latin1.csv")
    assert g.count() == 0


def test_forms_added_since_are_no_conflict_but_forms_missing_are(g: Glossary) -> None:
    import_file(g, fixture("unicode_three_scripts", "csv"))
    entry = g.get(1)
    entry.terms.append(Term("en", "President Lee", "variant"))
    g.update(entry)  # a curator (or the miner) adds a form after the export
    again = import_file(g, fixture("unicode_three_scripts", "csv"))
    assert again.conflicts == [] and 1 in again.unchanged
    data = fixture("unicode_three_scripts", "csv").read_text(encoding="utf-8")
    edited = data.replace(",Lee Jae Myung | Lee,", ",Lee Jae Myung | Lee | Yi Jae-myeong,")
    report = import_file(g, io.BytesIO(edited.encode()), fmt="csv")
    assert [c.entry_id for c in report.conflicts] == [1]
    assert "en_variants: the glossary lacks 'Yi Jae-myeong'" in report.conflicts[0].reason


def test_a_suggested_variant_keeps_its_mark_through_a_round_trip(
    loaded: Glossary, other: Glossary
) -> None:
    lee = loaded.lookup("Lee Jae-myung")[0].entry
    lee.terms.append(Term("en", "Lee", "variant", suggested=["text"]))  # as the miner adds it
    loaded.update(lee)
    data = _export(loaded)
    row = next(line for line in data.decode().splitlines() if line.startswith(f"{lee.id},"))
    assert ",en_variants: Lee," in row and "Lee Jae Myung | Lee Jaemyung | Lee," in row
    import_file(other, io.BytesIO(data), fmt="csv")
    back = other.get(lee.id or 0)
    assert [(t.text, t.suggested) for t in back.terms_in("en") if t.role == "variant"][-1] == (
        "Lee",
        ["text"],
    )
    assert _export(other) == data
    # Imported back into the glossary it came from: nothing differs.
    report = import_file(loaded, io.BytesIO(data), fmt="csv")
    assert report.conflicts == [] and lee.id in report.unchanged


def test_a_review_mark_must_name_a_form_the_row_lists(g: Glossary) -> None:
    data = "kind,review,en,en_variants\nperson,en_variants: Yi,Lee Jae-myung,Lee Jae Myung\n"
    with pytest.raises(ParseError, match="review names 'Yi' in en_variants") as info:
        import_file(g, io.BytesIO(data.encode()), fmt="csv", name="marks.csv")
    assert (info.value.line, info.value.field) == (2, "review")
    with pytest.raises(ParseError, match="'ko_nickname' in review is not a language column"):
        import_file(
            g, io.BytesIO(data.replace("en_variants: Yi", "ko_nickname").encode()), fmt="csv"
        )


def test_a_bare_carriage_return_cannot_start_a_row(g: Glossary) -> None:
    """A note stored with a bare CR (through the API, before CRs were normalised) is
    quoted on export: an RFC 4180 reader sees one row, not a new one starting "=1+1",
    and the export imports again unchanged."""
    saved = g.add(Entry(kind="term", status="approved", terms=[Term("en", "tariff")]))
    with g.writing() as s:  # what such a note looks like in the database
        s.execute(update(EntryRow).where(EntryRow.id == saved.id).values(note="\r=1+1"))
    data = _export(g)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    assert len(rows) == 2 and rows[1][COLUMNS.index("note")] == "'\r=1+1"
    assert not any(row[0].startswith("=") for row in rows)
    report = import_file(g, io.BytesIO(data), fmt="csv")
    assert len(report.unchanged) == 1 and not report.conflicts


def test_carriage_returns_are_line_feeds_on_input(g: Glossary) -> None:
    entry = g.add(
        Entry(
            kind="term",
            note="line one\r\nline two\rline three",
            terms=[Term("en", "tariff", note="a\rb")],
        )
    )
    stored = g.get(entry.id or 0)
    assert stored.note == "line one\nline two\nline three"
    assert stored.terms[0].note == "a\nb"

"""The Python API of glossary.formats: choosing a format, exporting, importing."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from glossary import Entry, Glossary, Term, formats
from glossary.errors import GlossaryError
from glossary.formats import (
    FORMATS,
    FileTooLarge,
    export_entries,
    format_for,
    import_file,
    iter_documents,
    iter_entries,
)
from glossary.formats.base import ExportOptions
from glossary.formats.csv import CsvFormat
from glossary.store.models import ChangeRow, TermKeyRow
from glossary.store.reindex import pause_full_text
from tests.formats.samples import fixture, sample_entries


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("po", "po"),
        ("CSV", "csv"),
        ("glossary.ko.po", "po"),
        ("x/terms.TBX", "tbx"),
        ("a.tmx", "tmx"),
    ],
)
def test_format_by_name_or_extension(name: str, expected: str) -> None:
    assert format_for(name) is FORMATS[expected]


def test_unknown_format_is_refused() -> None:
    with pytest.raises(GlossaryError, match="cannot tell the format of 'notes.docx'"):
        format_for("notes.docx")


def test_iter_entries_is_glossary_entries(loaded: Glossary) -> None:
    assert list(iter_entries(loaded, batch_size=7)) == list(loaded.entries())
    assert list(iter_entries(loaded, status="candidate", kind="person")) == list(
        loaded.entries(status="candidate", kind="person")
    )


@pytest.mark.parametrize("target", [None, "ko", "ja"])
def test_csv_written_from_documents_is_csv_written_from_entries(
    loaded: Glossary, target: str | None
) -> None:
    # The export writes CSV rows straight from the entry documents; the sample entries
    # add formula cells, review marks, variants and notes to the shipped glossary.
    for entry in sample_entries():
        entry.id = None
        loaded.add(entry)
    options = ExportOptions(target=target)
    from_entries, from_documents = io.BytesIO(), io.BytesIO()
    n = CsvFormat().write(iter_entries(loaded), from_entries, options)
    assert CsvFormat().write(iter_documents(loaded), from_documents, options) == n
    assert n == loaded.count() and b"'=HYPERLINK" in from_entries.getvalue()
    assert from_documents.getvalue() == from_entries.getvalue()


def test_export_reports_progress_and_filters(loaded: Glossary) -> None:
    calls: list[tuple[int, int]] = []
    n = export_entries(
        loaded, "csv", io.BytesIO(), status="approved", progress=lambda d, t: calls.append((d, t))
    )
    assert n == loaded.count(status="approved") and calls[-1] == (n, n)


def test_export_streams_as_it_reads() -> None:
    """A writer writes each entry before it asks for the next one (memory stays flat)."""
    seen: list[int] = []
    out = io.BytesIO()

    def entries() -> Iterator[Entry]:
        for e in sample_entries():
            seen.append(len(out.getvalue()))
            yield e

    for name, fmt in FORMATS.items():
        seen.clear()
        out.seek(0)
        out.truncate()
        target = "ja" if name == "po" else None
        fmt.write(entries(), out, ExportOptions(target=target, shared_sources=frozenset()))
        # Output is flushed in blocks: by the last entry the writer has not buffered all.
        assert len(seen) == 10 and out.getvalue(), name


@pytest.mark.parametrize("fmt", ["csv", "tbx"])  # read as documents, and as entries
def test_export_to_a_path_is_all_or_nothing(
    loaded: Glossary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    path = folder / f"out.{fmt}"
    path.write_text("previous")

    def broken(*args: object, **kwargs: object) -> Iterator[Entry]:
        yield from list(loaded.entries())[:3]
        raise RuntimeError("the database went away")

    monkeypatch.setattr(formats, "iter_entries", broken)
    monkeypatch.setattr(formats, "iter_documents", broken)
    with pytest.raises(RuntimeError):
        export_entries(loaded, fmt, path)
    assert path.read_text() == "previous" and list(folder.iterdir()) == [path]
    monkeypatch.undo()
    assert export_entries(loaded, fmt, path) == loaded.count()
    head = b"id,kind" if fmt == "csv" else b"<?xml"
    assert path.read_bytes().startswith(head) and list(folder.iterdir()) == [path]
    assert path.stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_upload_size_limit(g: Glossary) -> None:
    data = fixture("unicode_three_scripts", "csv").read_bytes()
    with pytest.raises(FileTooLarge, match="larger than the limit"):
        import_file(g, io.BytesIO(data), name="up.csv", max_bytes=100)

    class Unseekable(io.BytesIO):
        def seekable(self) -> bool:
            return False

    with pytest.raises(FileTooLarge):
        import_file(g, Unseekable(data), name="up.csv", max_bytes=100)
    assert g.count() == 0
    report = import_file(g, Unseekable(data), name="up.csv", max_bytes=len(data))
    assert len(report.created) == 10


def test_imported_entries_are_findable_and_in_the_history(g: Glossary) -> None:
    report = import_file(g, fixture("unicode_three_scripts", "tbx"), user="importer")
    assert g.lookup("大野潤一郎")[0].entry.id == 2
    assert g.lookup("Ono Junichiro")[0].entry.id == 2
    assert g.lookup("나라현")[0].entry.id == 4
    history = g.history(limit=100)
    assert sorted(c.entry_id for c in history) == report.created
    assert {c.action for c in history} == {"create"} and {c.user for c in history} == {"importer"}
    assert history[0].after == g.get(history[0].entry_id).snapshot()
    # Undo of the import's changes deletes what it created.
    g.undo(history[0].id)
    assert g.count() == 0


def test_new_entries_after_an_import_get_fresh_ids(g: Glossary) -> None:
    import_file(g, fixture("unicode_three_scripts", "csv"))
    added = g.add(Entry("term", [Term("en", "joint news conference")]))
    assert added.id == 11
    g.delete(added.id, added.version)
    data = b"kind,en\nterm,trilateral security cooperation\n"
    report = import_file(g, io.BytesIO(data), fmt="csv")
    assert report.created == [12]  # the deleted entry's id is not handed out again


def test_large_import_rebuilds_the_search_indexes_in_bulk(
    g: Glossary, monkeypatch: pytest.MonkeyPatch
) -> None:
    import glossary.formats.importer as importer

    monkeypatch.setattr(importer, "CHUNK", 3)
    monkeypatch.setattr(importer, "BULK_THRESHOLD", 3)
    set_aside: list[list[str]] = []

    def pause(conn: object) -> list[str]:  # the real one, watched
        triggers = pause_full_text(conn)  # type: ignore[arg-type]
        set_aside.append(triggers)
        return triggers

    monkeypatch.setattr(importer, "pause_full_text", pause)
    import_file(g, fixture("unicode_three_scripts", "csv"))
    if g.engine.dialect.name == "sqlite":
        # Paused once, every trigger that feeds the full-text tables (migration 0002).
        assert len(set_aside) == 1 and len(set_aside[0]) >= 3
    else:
        assert set_aside == []  # PostgreSQL's indexes are ordinary ones
    with g.reading() as s:
        keys = s.scalar(select(func.count(TermKeyRow.id)))
        creates = s.scalar(select(func.count(ChangeRow.id)))
    assert keys and creates == 10
    # Exact, substring and typo search all find what was imported in bulk.
    assert g.lookup("이재명")[0].entry.id == 1
    assert g.lookup("潤一郎")[0].entry.id == 2
    assert 3 in [m.entry.id for m in g.lookup("Asia-Pacifc Economic Cooperation")]
    if g.engine.dialect.name == "sqlite":
        with g.engine.connect() as conn:
            triggers = conn.exec_driver_sql(
                "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
            ).scalar()
            assert triggers and triggers >= 3
            for table in ("fts_typo", "fts_cjk"):
                conn.exec_driver_sql(
                    f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)"
                )
    # Later edits keep the indexes current through the restored triggers.
    entry = g.get(4)
    entry.terms.append(Term("ja", "奈良", "variant"))
    g.update(entry)
    assert [m.entry.id for m in g.lookup("奈良")][:1] == [4]


def test_an_entry_added_after_an_import_never_reuses_a_deleted_id(g: Glossary) -> None:
    first = g.add(Entry("term", [Term("en", "shuttle diplomacy")]))
    second = g.add(Entry("term", [Term("en", "forced laborers")]))
    g.delete(second.id or 0, second.version)
    import_file(g, io.BytesIO(b"id,kind,en\n1,term,shuttle diplomacy\n"), fmt="csv")
    third = g.add(Entry("term", [Term("en", "transnational crimes")]))
    assert first.id == 1 and third.id not in (None, first.id)
    if g.engine.dialect.name == "postgresql":
        # The import set the id sequence past every id it knows, without lowering it.
        # (SQLite's own rowids reuse the highest deleted id: Glossary.add's business.)
        assert (third.id or 0) > (second.id or 0)

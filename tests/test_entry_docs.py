"""Entry documents (``entry_docs``) always say what the tables say, whoever writes them.

The lookup and the exports read entries from their documents, which database triggers
write (migration 0003). After every kind of write (the API's, an import in bulk, mining,
and plain SQL from another program) each entry's document must give the same entry as
the ORM reads from ``entries`` and ``terms``, on both backends.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from sqlalchemy import select, text

from glossary import Entry, Glossary, Term
from glossary.formats import export_entries, import_file
from glossary.intake.linking import save_candidates
from glossary.mining import mine_paths
from glossary.store.documents import entry_from_doc, entry_from_values, values_from_entry
from glossary.store.models import EntryDocRow, EntryRow
from glossary.store.rows import entry_from_row
from tests.conftest import person

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def assert_documents_match(g: Glossary) -> int:
    """Every entry has one document, and it gives the entry the ORM gives."""
    when = g._lookup.hydrator.when
    with g.reading() as s:
        rows = {row.id: entry_from_row(row) for row in s.scalars(select(EntryRow))}
        docs = {d.entry_id: d.doc for d in s.scalars(select(EntryDocRow))}
    assert sorted(docs) == sorted(rows)
    for entry_id, entry in rows.items():
        assert entry_from_doc(entry_id, docs[entry_id], when) == entry, entry_id
        # Code that works on documents' values reads an entry object the same way.
        assert entry_from_values(entry_id, values_from_entry(entry), when) == entry, entry_id
    return len(rows)


def test_documents_follow_every_api_write(g: Glossary) -> None:
    a = g.add(
        Entry(
            kind="org",
            status="approved",
            terms=[
                Term("en", "National Security Office"),
                Term("ko", "국가안보실", romanization="Gukga Anbosil"),
            ],
        )
    )
    b = g.add(person("Takaichi Sanae", "Takaichi", "Sanae", note='quotes " and \\ kept'))
    c = g.add(Entry(kind="org", status="candidate", terms=[Term("ko", "안보실")]))
    assert_documents_match(g)

    edited = g.get(a.id)  # type: ignore[arg-type]
    edited.terms.append(Term("ja", "国家安全保障室", reading="こっかあんぜんほしょうしつ"))
    edited.terms[0].note = "the office, not the council"
    edited.terms[1].suggested = ["romanization"]
    edited.status = "candidate"
    g.update(edited)
    assert_documents_match(g)

    g.merge(c.id, a.id)  # type: ignore[arg-type]
    assert_documents_match(g)
    for change in g.history(a.id)[:1]:
        g.undo(change.id)
    assert_documents_match(g)

    g.delete(b.id, version=b.version)  # type: ignore[arg-type]
    assert_documents_match(g)
    g.undo(g.history(b.id)[0].id)  # type: ignore[arg-type]
    assert assert_documents_match(g) == 3


def test_documents_follow_writes_by_other_programs(g: Glossary) -> None:
    """A program writing the tables with plain SQL gets the documents rewritten too."""
    a = g.add(person("Lee Jae-myung", "Lee", "Jae-myung"))
    b = g.add(Entry(kind="place", terms=[Term("en", "Gyeongju"), Term("ko", "경주")]))
    with g.engine.begin() as conn:
        conn.execute(text("UPDATE terms SET text = 'Gyeongju City' WHERE text = 'Gyeongju'"))
        conn.execute(text("UPDATE entries SET evidence_count = 7 WHERE id = :id"), {"id": a.id})
        # A term moved from one entry to another.
        conn.execute(
            text("UPDATE terms SET entry_id = :b WHERE entry_id = :a AND lang = 'en'"),
            {"a": a.id, "b": b.id},
        )
        conn.execute(text("DELETE FROM terms WHERE text = '경주'"))
    assert_documents_match(g)
    moved = g.get(b.id)  # type: ignore[arg-type]
    assert [t.text for t in moved.terms] == ["Lee Jae-myung", "Gyeongju City"]
    with g.engine.begin() as conn:
        conn.execute(text("DELETE FROM entries WHERE id = :id"), {"id": a.id})
    assert assert_documents_match(g) == 1


def test_documents_after_a_bulk_import(g: Glossary, monkeypatch: pytest.MonkeyPatch) -> None:
    import glossary.formats.importer as importer

    monkeypatch.setattr(importer, "CHUNK", 7)
    monkeypatch.setattr(importer, "BULK_THRESHOLD", 5)
    g.add(Entry(kind="term", terms=[Term("en", "shuttle diplomacy")]))
    rows = ["kind,en,ko,ja"] + [f"term,term number {n},용어 {n},用語{n}" for n in range(40)]
    report = import_file(g, io.BytesIO("\n".join(rows).encode()), fmt="csv")
    assert len(report.created) == 40
    assert assert_documents_match(g) == 41
    if g.engine.dialect.name == "sqlite":
        with g.engine.connect() as conn:
            names = conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'entry_docs%'"
            ).all()
            temp = conn.exec_driver_sql("SELECT count(*) FROM sqlite_temp_master").scalar()
        assert len(names) == 6 and temp == 0  # put back; nothing temporary left behind
    # The documents keep following edits after the import.
    entry = g.lookup("term number 3")[0].entry
    entry.terms.append(Term("ja", "用語三", "variant"))
    g.update(entry)
    assert assert_documents_match(g) == 41
    out = io.BytesIO()
    assert export_entries(g, "csv", out) == 41
    assert "用語三" in out.getvalue().decode("utf-8")


def test_documents_after_mining(g: Glossary) -> None:
    result = mine_paths(sorted(SEEDS.rglob("*.txt")))
    save_candidates(g, result)
    assert assert_documents_match(g) > 10
    save_candidates(g, result)  # again: evidence counts change on existing entries
    assert_documents_match(g)


def test_entries_read_from_documents_are_the_orms(g: Glossary) -> None:
    """Glossary.entries() reads documents; it gives what the ORM gives, filters and all."""
    from glossary.store import entries as stored

    g.add(person("Takaichi Sanae", "Takaichi", "Sanae"))
    g.add(Entry(kind="org", status="candidate", terms=[Term("ko", "국가안보실")]))
    g.add(Entry(kind="place", status="approved", terms=[Term("en", "Nara Prefecture")]))
    g.add(Entry(kind="person", status="candidate", terms=[Term("en", "Lee Jae-myung")]))
    for status, kind in [(None, None), ("approved", None), (None, "person"), ("candidate", "org")]:
        with g.reading() as s:
            orm = stored.entries_after(s, 0, status=status, kind=kind, limit=100)
        assert list(g.entries(status=status, kind=kind, batch_size=1)) == orm
        assert orm, (status, kind)

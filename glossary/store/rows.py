"""Moving entries between the public objects (:mod:`glossary.model`) and table rows."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, insert
from sqlalchemy.orm import Session

from glossary.model import Entry, Term
from glossary.store.documents import LANG_ORDER
from glossary.store.indexing import keys_for_entry
from glossary.store.models import EntryRow, TermKeyRow, TermRow
from glossary.vocab import TERM_FIELDS


def entry_from_row(row: EntryRow) -> Entry:
    """A detached :class:`Entry` with the row's data and its terms in order."""
    return Entry(
        id=row.id,
        kind=row.kind,
        status=row.status,
        origin=row.origin or "",
        note=row.note or "",
        version=row.version,
        evidence_count=row.evidence_count,
        created_at=row.created_at,
        created_by=row.created_by,
        updated_at=row.updated_at,
        updated_by=row.updated_by,
        terms=[term_from_row(t) for t in sorted(row.terms, key=_term_order)],
    )


def _term_order(row: TermRow) -> tuple[int, int, int]:
    # The id last: two forms with the same position (written by another program) still
    # come in one order, whoever reads them.
    return (LANG_ORDER.get(row.lang, 9), row.position, row.id)


def term_from_row(row: TermRow) -> Term:
    return Term(
        id=row.id,
        lang=row.lang,
        text=row.text,
        role=row.role,
        note=row.note or "",
        suggested=list(row.suggested or []),
        **{name: getattr(row, name) or "" for name in TERM_FIELDS},
    )


def term_rows(entry: Entry) -> list[TermRow]:
    """New term rows for the entry's terms, numbered in order within each language."""
    rows: list[TermRow] = []
    counters: dict[str, int] = {}
    for term in entry.terms:
        pos = counters.get(term.lang, 0)
        counters[term.lang] = pos + 1
        rows.append(
            TermRow(
                lang=term.lang,
                text=term.text,
                role=term.role,
                position=pos,
                note=term.note,
                suggested=list(term.suggested),
                **{name: getattr(term, name) for name in TERM_FIELDS},
            )
        )
    return rows


#: Columns of a key row, in the order of :func:`key_tuples`.
KEY_COLUMNS = ("entry_id", "lang", "key", "match", "source", "fuzzy", "cjk")


def key_tuples(entry_id: int, entry: Entry) -> list[tuple[Any, ...]]:
    """The ``term_keys`` rows of an entry (see :mod:`glossary.store.indexing`), as tuples."""
    return [(entry_id, *k) for k in keys_for_entry(entry)]


def key_rows(entry_id: int, entry: Entry) -> list[dict[str, Any]]:
    """The ``term_keys`` rows of an entry, as dictionaries."""
    return [dict(zip(KEY_COLUMNS, row, strict=True)) for row in key_tuples(entry_id, entry)]


def write_keys(session: Session, entry_id: int, entry: Entry) -> None:
    """Replace the entry's lookup keys so the next query finds it by its new forms.

    Runs in the caller's transaction: the substring and typo indexes follow through the
    database's own triggers (SQLite) or indexes (PostgreSQL), so the edit is findable by
    every kind of match as soon as it is committed.
    """
    session.execute(delete(TermKeyRow).where(TermKeyRow.entry_id == entry_id))
    rows = key_rows(entry_id, entry)
    if rows:
        session.execute(insert(TermKeyRow), rows)


def assign_entry(session: Session, row: EntryRow, entry: Entry, user: str) -> None:
    """Write ``entry``'s data into its row (the version goes up), with new lookup keys."""
    from glossary.store.models import utcnow

    row.kind = entry.kind
    row.status = entry.status
    row.origin = entry.origin
    row.note = entry.note
    row.updated_at = utcnow()
    row.updated_by = user
    row.terms.clear()
    session.flush()
    row.terms.extend(term_rows(entry))
    session.flush()
    write_keys(session, row.id, entry)

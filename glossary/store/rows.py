"""Moving entries between the public objects (:mod:`glossary.model`) and table rows."""

from __future__ import annotations

from sqlalchemy import delete
from sqlalchemy.orm import Session

from glossary.indexing import keys_for_entry
from glossary.model import Entry, Term
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


_LANG_ORDER = {"en": 0, "ko": 1, "ja": 2}


def _term_order(row: TermRow) -> tuple[int, int]:
    return (_LANG_ORDER.get(row.lang, 9), row.position)


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


def write_keys(session: Session, entry_id: int, entry: Entry) -> None:
    """Replace the entry's lookup keys so the next query finds it by its new forms."""
    session.execute(delete(TermKeyRow).where(TermKeyRow.entry_id == entry_id))
    session.add_all(
        TermKeyRow(entry_id=entry_id, lang=k.lang, key=k.key, match=k.match, source=k.source)
        for k in keys_for_entry(entry)
    )

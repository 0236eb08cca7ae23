"""What an export reads: entries' documents in id order, a batch at a time, and the
facts about the whole export a format needs before it writes (how many entries, which
English forms several entries share)."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import Any, cast

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from glossary.store.documents import DocRow, read_doc
from glossary.store.models import EntryDocRow, EntryRow, TermRow
from glossary.vocab import status_filter

#: One status, several (any of them), or None for all.
Statuses = str | Collection[str] | None


def _filtered(q: Any, status: Statuses, kind: str | None) -> Any:
    statuses = status_filter(status)
    if statuses is not None:
        q = q.where(EntryRow.status.in_(statuses))
    if kind:
        q = q.where(EntryRow.kind == kind)
    return q


def shared_english_forms(s: Session, status: Statuses, kind: str | None) -> frozenset[str]:
    """English preferred forms that several of the exported entries have (PO contexts)."""
    q = (
        select(TermRow.text)
        .join(EntryRow, EntryRow.id == TermRow.entry_id)
        .where(TermRow.lang == "en", TermRow.role == "preferred")
        .group_by(TermRow.text)
        .having(func.count(func.distinct(TermRow.entry_id)) > 1)
    )
    return frozenset(s.scalars(_filtered(q, status, kind)))


def document_batch(
    s: Session, after: int, *, status: Statuses, kind: str | None, limit: int
) -> list[DocRow]:
    """Up to ``limit`` entries with ids above ``after`` as (id, document values)."""
    docs = cast(Table, EntryDocRow.__table__)
    entries_t = cast(Table, EntryRow.__table__)
    q = select(docs.c.entry_id, docs.c.doc)
    if status_filter(status) is not None or kind:
        q = _filtered(q.join(entries_t, entries_t.c.id == docs.c.entry_id), status, kind)
    q = q.where(docs.c.entry_id > after).order_by(docs.c.entry_id).limit(limit)
    result = s.execute(q)
    # The driver's rows as they are: two plain columns need no conversion.
    cursor = getattr(result, "cursor", None)
    rows = cursor.fetchall() if cursor is not None else result.all()
    return [(entry_id, read_doc(doc)) for entry_id, doc in rows]


def documents(
    reading: Any, *, status: Statuses, kind: str | None, batch_size: int
) -> Iterator[list[DocRow]]:
    """Every batch of :func:`document_batch`, each read in its own session from
    ``reading`` (a callable giving a read-only session)."""
    last = 0
    while True:
        with reading() as s:
            batch = document_batch(s, last, status=status, kind=kind, limit=batch_size)
        if not batch:
            return
        last = batch[-1][0]
        yield batch

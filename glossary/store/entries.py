"""Reading and writing entry rows: the one way an entry is created, loaded and listed.

Every entry the product creates (an edit, an import, mining, a split, an undo) is
created by :func:`insert_entry`, so every new entry gets its id, its term rows and its
lookup keys the same way. Ids are the database's ``INTEGER`` (32-bit on PostgreSQL):
:data:`MAX_ID` is the one limit every caller checks against.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from glossary.errors import GlossaryError, NotFound
from glossary.model import Entry
from glossary.store.loading import load_one
from glossary.store.models import ChangeRow, EntryRow, OccurrenceRow, TermKeyRow, utcnow
from glossary.store.rows import entry_from_row, term_rows, write_keys
from glossary.vocab import status_filter

#: The largest id an entry (or a change, an article) can have: the id columns are
#: INTEGER, which PostgreSQL stores in 32 bits.
MAX_ID = 2**31 - 1


def is_storable_id(ident: int | None) -> bool:
    """Whether ``ident`` can be the id of a stored row (1 to :data:`MAX_ID`): a larger
    or negative number names nothing, and some drivers refuse to even send it."""
    return ident is not None and 0 < ident <= MAX_ID


def load_entry(s: Session, entry_id: int, *, lock: bool = False) -> EntryRow:
    """The entry's row with its terms; NotFound if there is none. ``lock`` takes a row
    lock on PostgreSQL (SQLite's writer already holds the database lock)."""
    missing = f"there is no entry {entry_id}"
    if not is_storable_id(entry_id):
        raise NotFound(missing)
    q = select(EntryRow).where(EntryRow.id == entry_id).options(selectinload(EntryRow.terms))
    return load_one(s, q, missing, lock=lock)


def next_entry_id(s: Session) -> int:
    """The id the next new entry gets on SQLite: above every entry and every id the
    history has seen, so a deleted entry's id is never handed out again."""
    top = max(
        s.scalar(select(func.max(EntryRow.id))) or 0,
        s.scalar(select(func.max(ChangeRow.entry_id))) or 0,
    )
    return int(top) + 1


def new_entry_row(
    entry: Entry, user: str, *, entry_id: int | None = None, evidence_count: int = 0
) -> EntryRow:
    """A new row for ``entry`` (not yet added to a session), stamped by ``user``."""
    now = utcnow()
    row = EntryRow(
        kind=entry.kind,
        status=entry.status,
        origin=entry.origin,
        note=entry.note,
        evidence_count=evidence_count,
        created_at=now,
        created_by=user,
        updated_at=now,
        updated_by=user,
    )
    if entry_id is not None:
        row.id = entry_id
    return row


def insert_entry(
    s: Session,
    entry: Entry,
    user: str,
    *,
    entry_id: int | None = None,
    evidence_count: int = 0,
) -> EntryRow:
    """Store a new entry with its terms and lookup keys inside the caller's transaction.

    ``entry_id`` recreates an entry under its old id (undo of a delete, an import that
    names ids); without it the entry gets the next id. ``evidence_count`` is for an
    entry created with evidence it takes over (undo, split).
    """
    if entry_id is not None and not is_storable_id(entry_id):
        raise GlossaryError(f"entry id {entry_id} is out of range (1 to {MAX_ID})")
    row = new_entry_row(entry, user, entry_id=entry_id, evidence_count=evidence_count)
    if entry_id is None and s.get_bind().dialect.name == "sqlite":
        # SQLite hands out max(id) + 1, so after a delete it would reuse the deleted
        # entry's id and mix the new entry into its history (and block its undo).
        # Writers hold the write lock here, so this is race-free.
        row.id = next_entry_id(s)
        if row.id > MAX_ID:
            raise GlossaryError(f"no entry id is left for new entries (the limit is {MAX_ID})")
    row.terms = term_rows(entry)
    s.add(row)
    try:
        s.flush()
    except IntegrityError as exc:
        raise GlossaryError(f"entry {entry_id} cannot be stored: {exc.orig}") from None
    write_keys(s, row.id, entry)
    return row


def entries_after(
    s: Session, last: int, *, status: str | None, kind: str | None, limit: int
) -> list[Entry]:
    """Up to ``limit`` entries with ids above ``last``, in id order."""
    q = (
        select(EntryRow)
        .where(EntryRow.id > last)
        .options(selectinload(EntryRow.terms))
        .order_by(EntryRow.id)
        .limit(limit)
    )
    if status:
        q = q.where(EntryRow.status == status)
    if kind:
        q = q.where(EntryRow.kind == kind)
    return [entry_from_row(r) for r in s.scalars(q)]


def count_entries(
    s: Session, *, status: str | Collection[str] | None = None, kind: str | None = None
) -> int:
    """How many entries there are, of one status or any of several, and of one kind."""
    q = select(func.count(EntryRow.id))
    statuses = status_filter(status)
    if statuses is not None:
        q = q.where(EntryRow.status.in_(statuses))
    if kind:
        q = q.where(EntryRow.kind == kind)
    return int(s.scalar(q) or 0)


def candidates(s: Session, *, kind: str | None, limit: int, offset: int) -> list[Entry]:
    """Candidates, most evidence first."""
    q = select(EntryRow).where(EntryRow.status == "candidate")
    if kind:
        q = q.where(EntryRow.kind == kind)
    rows = s.scalars(
        q.options(selectinload(EntryRow.terms))
        .order_by(EntryRow.evidence_count.desc(), EntryRow.id)
        .limit(limit)
        .offset(offset)
    )
    return [entry_from_row(r) for r in rows]


def entries_by_id(s: Session, ids: Iterable[int]) -> dict[int, Entry]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    rows = s.scalars(
        select(EntryRow).where(EntryRow.id.in_(wanted)).options(selectinload(EntryRow.terms))
    )
    return {r.id: entry_from_row(r) for r in rows}


def entries_with_keys(
    s: Session, keys: list[str], statuses: Collection[str] = ("approved", "candidate")
) -> list[tuple[str, int, str]]:
    """(key, entry id, status) of every entry of ``statuses`` (not rejected ones, unless
    asked) that has one of the lookup ``keys``, approved entries first, then by evidence."""
    out: list[tuple[str, int, str]] = []
    for i in range(0, len(keys), 500):
        chunk = keys[i : i + 500]
        out.extend(
            (key, entry_id, status)
            for key, entry_id, status in s.execute(
                select(TermKeyRow.key, TermKeyRow.entry_id, EntryRow.status)
                .join(EntryRow, EntryRow.id == TermKeyRow.entry_id)
                .where(TermKeyRow.key.in_(chunk), EntryRow.status.in_(list(statuses)))
                .order_by(TermKeyRow.key, EntryRow.status, EntryRow.evidence_count.desc())
            )
        )
    return out


def last_change_id(s: Session) -> int:
    return int(s.scalar(select(func.max(ChangeRow.id))) or 0)


# -- evidence ---------------------------------------------------------------------------


def occurrence_ids(s: Session, entry_id: int) -> list[int]:
    return list(s.scalars(select(OccurrenceRow.id).where(OccurrenceRow.entry_id == entry_id)))


def move_occurrences(s: Session, from_entry: int, to_entry: int) -> None:
    """Hand all of one entry's evidence to another."""
    s.execute(
        update(OccurrenceRow).where(OccurrenceRow.entry_id == from_entry).values(entry_id=to_entry)
    )


def occurrences_with_surface(
    s: Session, entry_id: int, keys: set[str], key: Callable[[str], str]
) -> list[int]:
    """The ids of an entry's evidence rows whose surface has one of ``keys`` (under the
    key function ``key``)."""
    if not keys:
        return []
    rows = s.execute(
        select(OccurrenceRow.id, OccurrenceRow.surface).where(OccurrenceRow.entry_id == entry_id)
    )
    return [int(i) for i, surface in rows if key(surface) in keys]


def attach_occurrences(s: Session, ids: list[int], entry_id: int) -> None:
    """Give these evidence sentences (back) to an entry."""
    if ids:
        s.execute(update(OccurrenceRow).where(OccurrenceRow.id.in_(ids)).values(entry_id=entry_id))

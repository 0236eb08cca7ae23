"""Writing an import: many new entries at once, and finding the stored entries a
file's records are about.

New entries are written with multi-row inserts a chunk at a time (the DBAPI's
executemany on SQLite, several times faster than SQLAlchemy's per-row parameter
handling), in the same columns :func:`glossary.store.entries.insert_entry` writes;
:func:`entry_values` builds their rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from operator import attrgetter
from typing import Any, cast

from sqlalchemy import JSON, DateTime, Table, func, insert, select, text
from sqlalchemy.orm import Session, selectinload

from glossary.lang.keys import normalize_key
from glossary.model import Entry
from glossary.store.engine import restore_page_cache, set_page_cache
from glossary.store.models import ChangeRow, EntryRow, TermKeyRow, TermRow
from glossary.store.rows import KEY_COLUMNS, key_tuples
from glossary.vocab import TERM_FIELDS

#: Page cache for a SQLite import, in kilobytes.
SQLITE_CACHE_KB = 256 * 1024
#: Values per ``IN (...)`` list (SQLite allows 32,766 parameters per statement).
_IN_BATCH = 900

ENTRY_COLUMNS = (
    "id",
    "kind",
    "status",
    "origin",
    "note",
    "version",
    "evidence_count",
    "created_at",
    "created_by",
    "updated_at",
    "updated_by",
)
TERM_COLUMNS = ("entry_id", "lang", "text", "role", "position", *TERM_FIELDS, "note", "suggested")
CHANGE_COLUMNS = ("entry_id", "action", "user", "at", "before", "after", "batch")
_term_values = attrgetter("lang", "text", "role")
_term_fields = attrgetter(*TERM_FIELDS)


def entry_values(
    entry_id: int, entry: Entry, user: str, now: datetime
) -> tuple[tuple[Any, ...], list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """The rows of a new entry for :class:`BulkWriter` (``ENTRY_COLUMNS``,
    ``TERM_COLUMNS``, ``KEY_COLUMNS``): what :func:`glossary.store.entries.insert_entry`
    writes, as tuples. Terms are numbered in order within each language."""
    row = (entry_id, entry.kind, entry.status, entry.origin, entry.note, 1, 0, now, user, now, user)
    terms = []
    positions: dict[str, int] = {}
    for t in entry.terms:
        pos = positions.get(t.lang, 0)
        positions[t.lang] = pos + 1
        terms.append((entry_id, *_term_values(t), pos, *_term_fields(t), t.note, list(t.suggested)))
    return row, terms, key_tuples(entry_id, entry)


def start_import(s: Session) -> tuple[int, int]:
    """(the next free entry id, how many entries there are) for an import that hands
    out ids itself; on PostgreSQL other writers cannot create entries until it commits
    (readers are not blocked)."""
    if s.get_bind().dialect.name == "postgresql":
        s.execute(text("LOCK TABLE entries IN SHARE ROW EXCLUSIVE MODE"))
    top_entry = s.scalar(select(func.max(EntryRow.id))) or 0
    # Ids of deleted entries live on in the history: never hand them out again.
    top_change = s.scalar(select(func.max(ChangeRow.entry_id))) or 0
    existing = s.scalar(select(func.count(EntryRow.id))) or 0
    return max(top_entry, top_change) + 1, int(existing)


def sync_id_sequence(s: Session) -> None:
    """After rows were stored with explicit ids, make PostgreSQL's counter continue past
    them (and past the ids of deleted entries, which live on in the history)."""
    if s.get_bind().dialect.name != "postgresql":
        return
    top = max(
        s.scalar(select(func.max(EntryRow.id))) or 0,
        s.scalar(select(func.max(ChangeRow.entry_id))) or 0,
    )
    if top:
        s.execute(
            text(
                "SELECT setval(pg_get_serial_sequence('entries', 'id'), GREATEST(:top, "
                "COALESCE(pg_sequence_last_value(pg_get_serial_sequence('entries', 'id')), 0)))"
            ),
            {"top": top},
        )


class BulkWriter:
    """Multi-row inserts: the DBAPI's executemany on SQLite (several times faster than
    SQLAlchemy's per-row parameter handling), Core inserts elsewhere."""

    def __init__(self, s: Session) -> None:
        self.conn = s.connection()
        self.dialect = self.conn.dialect
        self.raw = self.dialect.name == "sqlite"
        self._sql: dict[str, tuple[str, list[Callable[[Any], Any] | None]]] = {}
        # A bigger page cache keeps the indexes being filled in memory (the default
        # is 2 MB); :meth:`close` puts the connection's own setting back.
        self.cache_size = set_page_cache(self.conn, SQLITE_CACHE_KB) if self.raw else None

    def close(self) -> None:
        if self.cache_size is not None:
            restore_page_cache(self.conn, self.cache_size)
            self.cache_size = None

    def insert(
        self, model: type[Any], columns: tuple[str, ...], rows: list[tuple[Any, ...]]
    ) -> None:
        if not rows:
            return
        table = _table(model)
        if not self.raw:
            self.conn.execute(insert(table), [dict(zip(columns, r, strict=True)) for r in rows])
            return
        if table.name not in self._sql:
            quote = self.dialect.identifier_preparer.quote
            sql = (
                f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in columns)}) "
                f"VALUES ({', '.join('?' * len(columns))})"
            )
            # JSON and dates need converting; numbers, text and booleans sqlite3 takes as is.
            procs: list[Callable[[Any], Any] | None] = [
                _quick(table.c[c].type, self.dialect)
                if isinstance(table.c[c].type, (JSON, DateTime))
                else None
                for c in columns
            ]
            self._sql[table.name] = (sql, procs)
        sql, procs = self._sql[table.name]
        convert = [(i, p) for i, p in enumerate(procs) if p is not None]
        if convert:
            data = []
            for r in rows:
                values = list(r)
                for i, p in convert:
                    values[i] = p(values[i])
                data.append(tuple(values))
            rows = data
        self.conn.exec_driver_sql(sql, cast(Any, rows))


def _quick(column_type: Any, dialect: Any) -> Callable[[Any], Any] | None:
    """The bind processor SQLAlchemy uses for a JSON or date column, answering at once
    for the values an import writes over and over: an empty list (a term's marks) and
    the time stamp of the import (on every row)."""
    convert = column_type.dialect_impl(dialect).bind_processor(dialect)
    if convert is None:
        return None
    if isinstance(column_type, JSON):
        empty = convert([])
        return lambda value: empty if value == [] else convert(value)
    last: list[Any] = [None, convert(None)]

    def stamp(value: Any) -> Any:
        if value != last[0]:  # datetimes: compared by value, never mutated
            last[:] = [value, convert(value)]
        return last[1]

    return stamp


def write_new_entries(
    w: BulkWriter,
    entries: list[tuple[Any, ...]],
    terms: list[tuple[Any, ...]],
    keys: list[tuple[Any, ...]],
    changes: list[tuple[Any, ...]],
) -> None:
    """Insert gathered new entries, their terms, lookup keys and "create" changes."""
    w.insert(EntryRow, ENTRY_COLUMNS, entries)
    w.insert(TermRow, TERM_COLUMNS, terms)
    w.insert(TermKeyRow, KEY_COLUMNS, keys)
    w.insert(ChangeRow, CHANGE_COLUMNS, changes)


def _table(model: type[Any]) -> Table:
    return cast(Table, model.__table__)


def entry_row(s: Session, entry_id: int) -> EntryRow | None:
    return s.get(EntryRow, entry_id)


def _in_batches(values: Iterable[Any]) -> Iterable[list[Any]]:
    batch: list[Any] = []
    for v in values:
        batch.append(v)
        if len(batch) >= _IN_BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def stored_by_id(s: Session, ids: set[int]) -> dict[int, EntryRow]:
    found: dict[int, EntryRow] = {}
    for batch in _in_batches(sorted(ids)):
        q = select(EntryRow).where(EntryRow.id.in_(batch)).options(selectinload(EntryRow.terms))
        for row in s.scalars(q):
            found[row.id] = row
    return found


def stored_by_text(
    s: Session, wanted: set[tuple[str, str]]
) -> dict[tuple[str, str], list[tuple[int, str]]]:
    """Stored entries whose preferred form in a language is exactly a given text:
    (lang, text) -> [(entry id, kind)], found through the lookup-key index."""
    if not wanted:
        return {}
    keys: set[str] = set()
    unkeyed: list[tuple[str, str]] = []
    for lang, t in wanted:
        k = normalize_key(t)
        if k:
            keys.add(k)
        else:
            unkeyed.append((lang, t))
    langs = sorted({lang for lang, _ in wanted})
    candidates: set[int] = set()
    for batch in _in_batches(sorted(keys)):
        candidates.update(
            s.scalars(
                select(TermKeyRow.entry_id).where(
                    TermKeyRow.key.in_(batch), TermKeyRow.lang.in_(langs)
                )
            )
        )
    out: dict[tuple[str, str], list[tuple[int, str]]] = {}

    def collect(rows: Iterable[Any]) -> None:
        for eid, lang, t, kind in rows:
            if (lang, t) in wanted:
                out.setdefault((lang, t), []).append((eid, kind))

    base = select(TermRow.entry_id, TermRow.lang, TermRow.text, EntryRow.kind).join(
        EntryRow, EntryRow.id == TermRow.entry_id
    )
    for batch in _in_batches(sorted(candidates)):
        collect(s.execute(base.where(TermRow.entry_id.in_(batch), TermRow.role == "preferred")))
    for lang, t in unkeyed:  # forms with no letters at all cannot be found by key
        collect(
            s.execute(
                base.where(TermRow.lang == lang, TermRow.text == t, TermRow.role == "preferred")
            )
        )
    for matches in out.values():
        matches.sort()
    return out

"""Building :class:`~glossary.model.Entry` objects from the rows of one query.

The result is the same as :func:`glossary.store.rows.entry_from_row` gives from the ORM
(the tests compare them), without the ORM's cost: one statement brings the matched
entries and all their terms, and values are converted with the same SQLAlchemy type
processors the ORM uses (dates stored as text in SQLite, JSON lists).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table
from sqlalchemy.engine import Dialect

from glossary.model import Entry, Term
from glossary.store.models import EntryRow
from glossary.store.rows import LANG_ORDER


def _term_order(row: tuple[Any, ...]) -> tuple[int, int]:
    return (LANG_ORDER.get(row[12], 9), row[15])


class Hydrator:
    """Turns the rows of :meth:`Statements.entries` into entries, for one backend."""

    def __init__(self, dialect: Dialect) -> None:
        column = cast(Table, EntryRow.__table__).c.created_at
        processor = column.type.dialect_impl(dialect).result_processor(dialect, None)
        self._datetime: Callable[[Any], datetime | None] = processor or (lambda v: v)

    def _when(self, value: Any) -> datetime | None:
        if not isinstance(value, str):
            return value  # PostgreSQL: already a datetime
        try:
            # What SQLAlchemy stores in SQLite ("2026-11-25 09:00:00.000000"), read the
            # fast way; anything else the way SQLAlchemy reads it.
            return datetime.fromisoformat(value)
        except ValueError:
            return self._datetime(value)

    def entries(self, rows: Iterable[tuple[Any, ...]]) -> dict[int, Entry]:
        """Entries by id, each with its terms in the order the ORM gives them."""
        heads: dict[int, tuple[Any, ...]] = {}
        term_rows: dict[int, list[tuple[Any, ...]]] = {}
        for row in rows:
            entry_id = row[0]
            found = term_rows.get(entry_id)
            if found is None:
                heads[entry_id] = row
                found = term_rows[entry_id] = []
            if row[11] is not None:  # None: an entry without terms (LEFT JOIN)
                found.append(row)
        when = self._when
        entries: dict[int, Entry] = {}
        for entry_id, head in heads.items():
            found = term_rows[entry_id]
            if len(found) > 1:
                found.sort(key=_term_order)
            # Columns are NOT NULL (empty strings), as the ORM reads them.
            terms = [
                Term(
                    r[12],
                    r[13],
                    r[14],
                    r[16],
                    r[17],
                    r[18],
                    r[19],
                    r[20],
                    r[21],
                    r[22],
                    r[23],
                    r[24],
                    _suggested(r[25]),
                    r[11],
                )
                for r in found
            ]
            entries[entry_id] = Entry(
                head[1],  # kind
                terms,
                head[2],  # status
                head[3],  # origin
                head[4],  # note
                entry_id,
                head[5],  # version
                head[6],  # evidence_count
                when(head[7]),
                head[8],
                when(head[9]),
                head[10],
            )
        return entries


def _suggested(value: Any) -> list[str]:
    if not value or value == "[]":
        return []
    if isinstance(value, str):
        return list(json.loads(value))
    return list(value)  # PostgreSQL: already a list

"""Building :class:`~glossary.model.Entry` objects from the rows of one query.

The result is the same as :func:`glossary.store.rows.entry_from_row` gives from the ORM
(the tests compare them), without the ORM's cost: one statement brings the matched
entries' documents (:mod:`glossary.store.documents`), one row an entry, and time stamps
are read with the same SQLAlchemy type processor the ORM uses.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table
from sqlalchemy.engine import Dialect

from glossary.model import Entry
from glossary.store.documents import entry_from_doc
from glossary.store.models import EntryRow


class Hydrator:
    """Turns the rows of :meth:`Statements.entries` into entries, for one backend."""

    def __init__(self, dialect: Dialect) -> None:
        column = cast(Table, EntryRow.__table__).c.created_at
        processor = column.type.dialect_impl(dialect).result_processor(dialect, None)
        self._datetime: Callable[[Any], datetime | None] = processor or (lambda v: v)

    def when(self, value: Any) -> datetime | None:
        """A time stamp as a document holds it (text), as the ORM would read it."""
        if not isinstance(value, str):
            return value
        try:
            # What SQLAlchemy stores in SQLite ("2026-11-25 09:00:00.000000") and what
            # PostgreSQL's JSON holds ("2026-11-25T09:00:00+00:00"), read the fast way;
            # anything else the way SQLAlchemy reads it.
            return datetime.fromisoformat(value)
        except ValueError:
            return self._datetime(value)

    def entries(self, rows: Iterable[tuple[int, str]]) -> dict[int, Entry]:
        """Entries by id from ``(entry id, document)`` rows, terms in the ORM's order."""
        when = self.when
        return {entry_id: entry_from_doc(entry_id, doc, when) for entry_id, doc in rows}

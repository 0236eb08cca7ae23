"""Building :class:`~glossary.model.Entry` objects from the rows of one query.

The result is the same as :func:`glossary.store.rows.entry_from_row` gives from the ORM
(the tests compare them), without the ORM's cost: one statement brings the matched
entries' documents (:mod:`glossary.store.documents`), one row an entry, and time stamps
are read with :meth:`datetime.fromisoformat`, or (for any other text) with the same
SQLAlchemy type processor the ORM uses, which is only made the first time it is needed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from glossary.model import Entry
from glossary.store.documents import entry_from_doc

if TYPE_CHECKING:
    from sqlalchemy.engine import Dialect


class Hydrator:
    """Turns the rows of :meth:`Statements.entries` into entries, for one backend
    (its SQLAlchemy dialect, or a function giving it when it is first needed)."""

    def __init__(self, dialect: Dialect | Callable[[], Dialect]) -> None:
        self._dialect = dialect
        self._processor: Callable[[Any], datetime | None] | None = None

    def _orm_datetime(self, value: Any) -> datetime | None:
        if self._processor is None:
            from sqlalchemy import Table

            from glossary.store.models import EntryRow

            dialect = self._dialect if not callable(self._dialect) else self._dialect()
            column = cast(Table, EntryRow.__table__).c.created_at
            processor = column.type.dialect_impl(dialect).result_processor(dialect, None)
            self._processor = processor or (lambda v: v)
        return self._processor(value)

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
            return self._orm_datetime(value)

    def entries(self, rows: Iterable[tuple[int, str]]) -> dict[int, Entry]:
        """Entries by id from ``(entry id, document)`` rows, terms in the ORM's order."""
        when = self.when
        return {entry_id: entry_from_doc(entry_id, doc, when) for entry_id, doc in rows}

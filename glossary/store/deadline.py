"""Statements stopped at a deadline: while a translation-memory match or concordance
runs under a :class:`~glossary.lookup.budget.Deadline`, the deadline is checked before
every statement sent on the glossary's engine, and the database stops a statement that
runs past it (SQLite through a progress handler, PostgreSQL through
``statement_timeout``). Outside such a block nothing is checked or limited.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from sqlalchemy import Engine, event

from glossary.lookup.budget import Deadline

#: The deadline of the match or concordance running in this thread (or task), if any.
_ACTIVE: ContextVar[Deadline | None] = ContextVar("tm_deadline", default=None)
#: SQLite virtual-machine steps between two looks at the deadline (about 0.1 ms).
_PROGRESS_STEPS = 5000
#: PostgreSQL's SQLSTATE for a statement cancelled by statement_timeout.
_QUERY_CANCELED = "57014"
_HANDLER = "glossary_tm_deadline"
_TIMEOUT_SET = "glossary_tm_timeout"


def active() -> Deadline | None:
    """The deadline of the block running in this thread (or task), if any."""
    return _ACTIVE.get()


def _expired() -> bool:
    deadline = _ACTIVE.get()
    return deadline is not None and deadline.expired()


def _before_statement(
    conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool
) -> None:
    """Before each statement on the glossary's engine: nothing, unless a match or
    concordance of this thread is running; then the deadline is checked and the database
    told to stop the statement when it passes."""
    deadline = _ACTIVE.get()
    if deadline is None:
        return
    deadline.check()
    if conn.dialect.name == "sqlite":
        if not conn.info.get(_HANDLER):
            # Stays on the connection: it interrupts only statements run under a deadline.
            conn.connection.dbapi_connection.set_progress_handler(_expired, _PROGRESS_STEPS)
            conn.info[_HANDLER] = True
        return
    transaction = conn.get_transaction()
    key = (id(deadline), id(transaction))
    if transaction is not None and conn.info.get(_TIMEOUT_SET) != key:
        left = max(1, round(deadline.left() * 1000))
        # SET LOCAL: it ends with the transaction, the pooled connection keeps no limit.
        cursor.execute(f"SET LOCAL statement_timeout = {left}")
        conn.info[_TIMEOUT_SET] = key


def _watch(engine: Engine) -> None:
    if not event.contains(engine, "before_cursor_execute", _before_statement):
        event.listen(engine, "before_cursor_execute", _before_statement)


def stopped(exc: BaseException) -> bool:
    """Whether the database stopped a statement because the deadline had passed."""
    orig = getattr(exc, "orig", exc)
    if isinstance(orig, sqlite3.OperationalError):
        return "interrupt" in str(orig)
    return getattr(orig, "sqlstate", None) == _QUERY_CANCELED


@contextmanager
def statements_until(engine: Engine, deadline: Deadline) -> Iterator[None]:
    """Check ``deadline`` before each statement the block sends on ``engine`` (in this
    thread or task), and have the database stop one still running when it passes."""
    _watch(engine)
    token = _ACTIVE.set(deadline)
    try:
        yield
    finally:
        _ACTIVE.reset(token)

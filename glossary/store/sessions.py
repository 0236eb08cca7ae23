"""Transactions on the glossary's database: read-only sessions, and write sessions
whose work is committed as one transaction or not at all."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from glossary.errors import ConflictError
from glossary.store.engine import WRITE


class Sessions:
    """Sessions on one engine; writers take SQLite's write lock when they begin."""

    def __init__(self, engine: Engine) -> None:
        self._read = sessionmaker(engine, expire_on_commit=False)
        self._write = sessionmaker(engine.execution_options(**WRITE), expire_on_commit=False)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only session (no write lock is taken)."""
        with self._read() as session:
            yield session
            session.rollback()

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """A session whose work is committed as one transaction, or not at all; an edit
        that lost a race with another writer raises ConflictError."""
        with self._write() as session:
            try:
                yield session
                session.commit()
            except StaleDataError as exc:
                session.rollback()
                raise ConflictError() from exc
            except BaseException:
                session.rollback()
                raise


#: Raised when a row changed under an edit (optimistic locking lost).
StaleEdit = StaleDataError

"""Opening the database: SQLite (WAL, foreign keys, write locks) or PostgreSQL.

SQLAlchemy is imported only when an engine is made: the command line's lookups and
checks read a SQLite file through :mod:`sqlite3` alone (:class:`Connector`), and
importing SQLAlchemy would cost them more than the rest of their work.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from glossary.errors import GlossaryError

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine
    from sqlalchemy.engine import Dialect

#: Execution option that makes a SQLite transaction take the write lock at BEGIN, so two
#: writers queue up instead of failing half-way (readers are not blocked, thanks to WAL).
WRITE = {"glossary_write": True}

_SQLITE_PREFIX = "sqlite:///"


def make_engine(url: str) -> Engine:
    """Create the engine for ``url``, creating the SQLite file's folder if needed."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    try:
        parsed = make_url(url)
    except Exception as exc:  # sqlalchemy raises ArgumentError with a terse message
        raise GlossaryError(f"the database address {url!r} is not valid: {exc}") from None
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return _sqlite_engine(url, parsed.database)
    if backend == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        return create_engine(parsed, pool_pre_ping=True, future=True)
    raise GlossaryError(
        f"the database address {url!r} is neither SQLite nor PostgreSQL; "
        "use sqlite:///path/to/file.sqlite3 or postgresql+psycopg://user:pass@host/db"
    )


def _sqlite_engine(url: str, database: str | None) -> Engine:
    from sqlalchemy import create_engine, event

    if database and database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": 30}, future=True)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        _set_up_sqlite(dbapi_connection)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        if conn.get_execution_options().get("glossary_write"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")

    return engine


def _set_up_sqlite(dbapi_connection: Any) -> None:
    """What every connection to a SQLite glossary needs, however it was opened."""
    # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite's own transaction
    # handling defers it and cannot take the write lock up front); connections opened
    # without SQLAlchemy begin their transactions themselves too.
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def sqlite_file(url: str) -> str | None:
    """The absolute path of a plain SQLite file address (``sqlite:///path``, no query
    options, no escapes), as SQLAlchemy would open it; None for anything else (an
    in-memory database, options, another backend), which goes through SQLAlchemy."""
    if not url.startswith(_SQLITE_PREFIX) or any(c in url for c in "?%#"):
        return None
    path = url[len(_SQLITE_PREFIX) :]
    if not path or path == ":memory:" or path.startswith("file:"):
        return None
    return os.path.abspath(path)


def connect_sqlite(path: str) -> sqlite3.Connection:
    """A connection of its own to a SQLite glossary file, set up as the engine's are."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, timeout=30, check_same_thread=False, isolation_level=None)
    _set_up_sqlite(conn)
    return conn


class Connector:
    """Where a glossary's DBAPI connections come from, for the statements it runs
    without SQLAlchemy (the lookup, reading entries' documents).

    A SQLite file is opened with :mod:`sqlite3` itself, and SQLAlchemy is never
    imported for it; anything else asks the SQLAlchemy engine (made by ``engine()``)
    for a connection and detaches it from the pool.
    """

    def __init__(self, url: str, engine: Callable[[], Engine]) -> None:
        self._engine = engine
        self.file = sqlite_file(url)
        self.dbapi: Any
        if self.file is not None:
            self.dialect_name = "sqlite"
            self.dbapi = sqlite3
            self.pooled = False
        else:
            made = engine()
            self.dialect_name = made.dialect.name
            self.dbapi = made.dialect.loaded_dbapi
            # An in-memory SQLite database exists only in the pool's own connection.
            self.pooled = self.dialect_name == "sqlite" and made.url.database in (
                None,
                "",
                ":memory:",
            )

    @classmethod
    def for_engine(cls, engine: Engine) -> Connector:
        """Connections from ``engine`` (whatever its database)."""
        return cls("", lambda: engine)

    def connect(self) -> Any:
        """A new DBAPI connection the caller owns and closes (not for ``pooled``)."""
        if self.file is not None:
            return connect_sqlite(self.file)
        fairy = self._engine().raw_connection()
        fairy.detach()
        return fairy.dbapi_connection

    @contextmanager
    def borrowed(self) -> Iterator[Any]:
        """The pool's connection for the time of a ``with`` block (an in-memory database)."""
        fairy = self._engine().raw_connection()
        try:
            yield fairy.dbapi_connection
        finally:
            fairy.close()

    def dialect(self) -> Dialect:
        """SQLAlchemy's dialect of the database (this imports SQLAlchemy)."""
        return self._engine().dialect


def is_sqlite(engine: Engine) -> bool:
    """True when the glossary is stored in an embedded SQLite file."""
    return engine.dialect.name == "sqlite"


def set_page_cache(conn: Connection, kib: int) -> int | None:
    """Give a SQLite connection a page cache of ``kib`` KiB; return its setting before,
    for :func:`restore_page_cache` (bulk work fills indexes larger than the default
    2 MB keeps in memory)."""
    before: int | None = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql(f"PRAGMA cache_size = -{kib}")
    return before


def restore_page_cache(conn: Connection, before: int) -> None:
    """Put back the page cache setting :func:`set_page_cache` returned."""
    conn.exec_driver_sql(f"PRAGMA cache_size = {int(before)}")


def unavailable_errors() -> tuple[type[Exception], ...]:
    """Errors meaning the database could not be reached or used just now: SQLAlchemy's,
    and the drivers' own (the lookup uses DBAPI connections directly)."""
    from sqlalchemy.exc import OperationalError

    errors: list[type[Exception]] = [OperationalError, sqlite3.OperationalError]
    try:
        import psycopg
    except ImportError:  # PostgreSQL support not installed
        return tuple(errors)
    errors.append(psycopg.OperationalError)
    return tuple(errors)

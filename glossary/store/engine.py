"""Opening the database: SQLite (WAL, foreign keys, write locks) or PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

from glossary.errors import GlossaryError

#: Execution option that makes a SQLite transaction take the write lock at BEGIN, so two
#: writers queue up instead of failing half-way (readers are not blocked, thanks to WAL).
WRITE = {"glossary_write": True}


def make_engine(url: str) -> Engine:
    """Create the engine for ``url``, creating the SQLite file's folder if needed."""
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
    if database and database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": 30}, future=True)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event below emit BEGIN itself (pysqlite's own
        # transaction handling defers it and cannot take the write lock up front).
        dbapi_connection.isolation_level = None
        cur = dbapi_connection.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        if conn.get_execution_options().get("glossary_write"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")

    return engine


def is_sqlite(engine: Engine) -> bool:
    """True when the glossary is stored in an embedded SQLite file."""
    return engine.dialect.name == "sqlite"


def unavailable_errors() -> tuple[type[Exception], ...]:
    """Errors meaning the database could not be reached or used just now: SQLAlchemy's,
    and the drivers' own (the lookup uses DBAPI connections directly)."""
    import sqlite3

    from sqlalchemy.exc import OperationalError

    errors: list[type[Exception]] = [OperationalError, sqlite3.OperationalError]
    try:
        import psycopg
    except ImportError:  # PostgreSQL support not installed
        return tuple(errors)
    errors.append(psycopg.OperationalError)
    return tuple(errors)

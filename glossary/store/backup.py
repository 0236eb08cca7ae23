"""Backing up and restoring the embedded SQLite glossary, safely while it is in use.

Both directions use SQLite's online backup API, which copies a consistent snapshot
page by page while other connections go on reading and writing. A PostgreSQL
glossary is backed up with PostgreSQL's own tools (see README: ``pg_dump``).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from glossary.errors import GlossaryError
from glossary.store.migrate import head_revision


def _sqlite_path(url: str) -> str:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        raise GlossaryError(
            "backup and restore work on the embedded SQLite glossary; for PostgreSQL use "
            "pg_dump --format=custom --file=glossary.dump DBNAME and pg_restore "
            "(see README, 'Backup')"
        )
    if not parsed.database or parsed.database == ":memory:":
        raise GlossaryError("an in-memory database cannot be backed up")
    return parsed.database


def backup(url: str, target: str | Path) -> int:
    """Copy the glossary at ``url`` to the SQLite file ``target``; return its size in bytes."""
    source = _sqlite_path(url)
    target = Path(target)
    if target.exists():
        raise GlossaryError(f"{target} exists already; choose a new file for the backup")
    # Connecting to a missing file would create an empty database there: check first.
    if not Path(source).is_file():
        raise GlossaryError(
            f"there is no glossary at {source} to back up; create it with 'glossary init', "
            "or name the right one with --database"
        )
    src = sqlite3.connect(source)
    try:
        _check_glossary(src, source)
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".partial")
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        finally:
            dst.close()
    finally:
        src.close()
    partial.replace(target)  # the backup appears whole or not at all
    return target.stat().st_size


def _check_glossary(conn: sqlite3.Connection, path: str) -> None:
    """Refuse a file that is not a glossary database (an empty or foreign file)."""
    try:
        found = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).fetchone()
    except sqlite3.DatabaseError as exc:
        raise GlossaryError(f"{path} is not a glossary database: {exc}") from None
    if not found:
        raise GlossaryError(
            f"{path} is not a glossary database (it has no schema version); nothing was backed up"
        )


def check_backup(path: str | Path) -> str:
    """Check that a file is an intact glossary backup; return its schema revision."""
    p = Path(path)
    if not p.is_file():
        raise GlossaryError(f"{p} does not exist")
    try:
        conn = sqlite3.connect(f"file:{p}?mode=ro", uri=True)
        try:
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise GlossaryError(f"{p} is not a glossary backup: {exc}") from None
    if ok != "ok":
        raise GlossaryError(f"{p} is damaged (SQLite integrity check: {ok})")
    if not revision:
        raise GlossaryError(f"{p} is not a glossary backup: it has no schema version")
    return str(revision[0])


def restore(url: str, source: str | Path, engine: Engine | None = None) -> str:
    """Replace the glossary at ``url`` with the backup ``source`` (checked first)."""
    target = _sqlite_path(url)
    revision = check_backup(source)
    head = head_revision()
    if revision > (head or ""):
        raise GlossaryError(
            f"{source} was made by a newer version of glossary (schema {revision}); "
            "upgrade glossary before restoring it"
        )
    if engine is not None:
        engine.dispose()
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(target, timeout=30)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return revision

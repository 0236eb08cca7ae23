"""Rebuilding every entry's lookup keys, when the indexing rules change or after a bulk load.

The keys in ``term_keys`` are derived data: :func:`glossary.store.rows.write_keys` keeps
them current entry by entry, and ``index_state`` records the version of the rules
(:data:`glossary.store.indexing.INDEX_VERSION`) they were made with. When the software's rules
are newer than the stored keys, :func:`ensure_keys_current` rebuilds them all, once, in
one transaction; other readers keep the old keys until it commits.

A rebuild of a large glossary (a million entries) is organised for speed: the key
indexes are dropped and created again once the rows are in (one sort instead of
millions of random B-tree inserts), and on SQLite the triggers that keep the full-text
tables current are set aside (their definitions are read from the database and put
back as they were) and the full-text tables refilled in one pass at the end. Entries
are read from their documents (:mod:`glossary.store.documents`). All of it is one
transaction: readers see the old keys or the new ones.
"""

from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Callable
from typing import Any, cast

from sqlalchemy import Connection, Engine, Table, delete, func, insert, select

from glossary.model import Entry
from glossary.store.bulk import bulk_work
from glossary.store.documents import entry_from_doc
from glossary.store.engine import WRITE, restore_page_cache, set_page_cache
from glossary.store.indexing import INDEX_VERSION
from glossary.store.models import EntryRow, IndexStateRow, TermKeyRow, utcnow
from glossary.store.rows import KEY_COLUMNS, key_tuples

log = logging.getLogger(__name__)

STATE_NAME = "lookup"
#: Tables whose SQLite triggers keep the full-text tables current (migration 0002).
_TRIGGER_TABLES = ("term_keys", "fts_typo_keys")
#: From this many entries on, a rebuild drops and recreates the key indexes.
BULK_ENTRIES = 20_000
#: Page cache while the full-text tables are refilled, in kilobytes.
_REFILL_CACHE_KB = 8 * 1024

_keys = cast(Table, TermKeyRow.__table__)
_state = cast(Table, IndexStateRow.__table__)


def stored_version(conn: Connection) -> int | None:
    """The indexing-rules version the stored keys follow (None: unknown, rebuild)."""
    return conn.scalar(select(IndexStateRow.version).where(IndexStateRow.name == STATE_NAME))


def ensure_keys_current(engine: Engine) -> bool:
    """Rebuild every entry's keys if they were made by other rules; True if it did."""
    with engine.connect() as conn:
        if stored_version(conn) == INDEX_VERSION:
            return False
    return rebuild_keys(engine, only_if_stale=True) is not None


def rebuild_keys(
    engine: Engine,
    *,
    batch_size: int = 5000,
    only_if_stale: bool = False,
) -> int | None:
    """Recompute the keys of every entry in one transaction; return how many entries.

    With ``only_if_stale`` nothing is done (None is returned) when, once the write lock
    is held, the keys turn out to be current: another process rebuilt them meanwhile.
    """
    with engine.execution_options(**WRITE).begin() as conn:
        if only_if_stale and stored_version(conn) == INDEX_VERSION:
            return None
        started = time.perf_counter()
        count = conn.scalar(select(func.count(EntryRow.id))) or 0
        bulk = count >= BULK_ENTRIES
        sqlite = conn.dialect.name == "sqlite"
        paused = pause_full_text(conn)
        indexes = list(_keys.indexes) if bulk else []
        for index in indexes:
            # First: deleting every key is then one sweep of the table, not millions of
            # index deletions (each page overwritten, SQLite's secure_delete being on).
            index.drop(conn)
        conn.execute(delete(TermKeyRow))
        with bulk_work() as collect:
            _write_keys(conn, batch_size, collect)
        log.info("keys of %d entries written in %.1f s", count, time.perf_counter() - started)
        for index in indexes:
            index.create(conn)
        log.info("key indexes ready after %.1f s", time.perf_counter() - started)
        if sqlite:
            resume_full_text(conn, paused)
        elif bulk:
            conn.exec_driver_sql("ANALYZE term_keys")
        _set_state(conn, STATE_NAME, INDEX_VERSION)
        log.info("full-text indexes ready after %.1f s", time.perf_counter() - started)
    return count


def pause_full_text(conn: Connection, tables: tuple[str, ...] = _TRIGGER_TABLES) -> list[str]:
    """Stop keeping SQLite's full-text tables current row by row, for a bulk write.

    Maintaining them key by key costs about ten times more than refilling them once.
    The triggers on ``tables`` that feed them (the lookup keys' by default, migration
    0002) are dropped and their definitions returned; :func:`resume_full_text` in the
    same transaction refills the tables and creates the triggers again (for other
    tables, the caller refills its own), so other connections never see the
    difference. On PostgreSQL nothing is paused (its indexes are ordinary ones):
    returns ``[]``.
    """
    if conn.dialect.name != "sqlite":
        return []
    marks = ", ".join("?" * len(tables))
    found = conn.exec_driver_sql(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ({marks})",
        tables,
    ).all()
    for name, _ in found:
        conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
    return [sql for _, sql in found]


def resume_full_text(conn: Connection, triggers: list[str]) -> None:
    """Refill the full-text tables from ``term_keys`` and put back the ``triggers`` that
    :func:`pause_full_text` returned."""
    if conn.dialect.name != "sqlite":
        return
    # The row-id sort below takes as much memory as the page cache allows, and an import
    # runs with a large cache (imports.SQLITE_CACHE_KB): 150 MB more at a million
    # entries. The refill writes in order and needs no cache to speak of (22.2 s with
    # 8 MB, 24.7 s with 256 MB, in an import of a million entries).
    cache_size = set_page_cache(conn, _REFILL_CACHE_KB)
    try:
        _refill_full_text(conn)
    finally:
        restore_page_cache(conn, cache_size or -2000)
    for sql in triggers:
        conn.exec_driver_sql(sql)


def _refill_full_text(conn: Connection) -> None:
    for statement in (
        "DELETE FROM fts_typo_keys",
        # In key order, straight from the key index, which holds the flag (migration
        # 0004): no sort, and in-order inserts.
        "INSERT OR IGNORE INTO fts_typo_keys(key) "
        "SELECT key FROM term_keys WHERE fuzzy ORDER BY key",
        # Not 'rebuild': it reads the source in id order, but the typo index's row ids
        # are ``length << 32 | id``, and FTS5 writes out its pending terms whenever a row
        # id is lower than the one before, so a rebuild made a segment every few rows and
        # spent its time merging them (27.5 s at a million entries; in row-id order,
        # 3.5 s).
        "INSERT INTO fts_typo(fts_typo) VALUES ('delete-all')",
        "INSERT INTO fts_typo(rowid, k) SELECT rid, k FROM fts_typo_source ORDER BY rid",
        "INSERT INTO fts_cjk(fts_cjk) VALUES ('rebuild')",
    ):
        conn.exec_driver_sql(statement)


def _set_state(conn: Connection, name: str, version: int) -> None:
    conn.execute(delete(_state).where(_state.c.name == name))
    conn.execute(insert(_state).values(name=name, version=version, built_at=utcnow()))


def _insert_keys(conn: Connection, rows: list[tuple[Any, ...]]) -> None:
    if not rows:
        return
    if conn.dialect.name == "sqlite":
        # The DBAPI's executemany directly: several times faster than SQLAlchemy's
        # row-by-row parameter handling, which matters for millions of keys.
        marks = ", ".join("?" * len(KEY_COLUMNS))
        conn.exec_driver_sql(
            f"INSERT INTO term_keys ({', '.join(KEY_COLUMNS)}) VALUES ({marks})", rows
        )
    else:
        conn.execute(insert(_keys), [dict(zip(KEY_COLUMNS, r, strict=True)) for r in rows])


def _write_keys(conn: Connection, batch_size: int, collect: Callable[[], None]) -> None:
    """Compute and write every entry's keys, a range of ids at a time.

    (A helper process computing two batches in three was tried: on this 2-CPU machine it
    made no difference; the two CPUs did not give twice the work of one.)
    """
    top = conn.scalar(select(func.max(EntryRow.id))) or 0
    sql = (
        "SELECT entry_id, doc FROM entry_docs WHERE entry_id > {p} AND entry_id <= {p} "
        "ORDER BY entry_id"
    ).format(p="?" if conn.dialect.paramstyle == "qmark" else "%s")
    dbapi = conn.connection.dbapi_connection
    assert dbapi is not None
    cur = dbapi.cursor()
    for lo, hi in itertools.pairwise([*range(0, top, batch_size), top]):
        cur.execute(sql, (lo, hi))
        entries = [entry_from_doc(entry_id, doc) for entry_id, doc in cur.fetchall()]
        _insert_keys(conn, _batch_keys(entries))
        collect()


def _batch_keys(batch: list[Entry]) -> list[tuple[Any, ...]]:
    """The key rows of a batch of entries."""
    rows: list[tuple[Any, ...]] = []
    for entry in batch:
        assert entry.id is not None
        rows += key_tuples(entry.id, entry)
    return rows

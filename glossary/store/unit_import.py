"""The rows of a large write of translation units (a TMX import) inside one transaction.

:class:`UnitRowWriter` is given units a chunk at a time with their sentences' search
tokens and hashes, and writes them with the DBAPI's executemany on SQLite (several
times faster than SQLAlchemy's row-by-row parameter handling). A large write sets aside
the triggers that keep the search index (``fts_tm``) current and fills it for the new
sentences every :data:`REFILL_EVERY` of them and at the end, in the same transaction: a
crash leaves the memory as it was, triggers included. Which units are new is the caller's decision
(:mod:`glossary.tm.importing`); :meth:`UnitRowWriter.stored_keys` tells it which
sentence sets the memory holds already, through the index of sentence hashes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, cast

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from glossary.model import Unit
from glossary.store.engine import restore_page_cache, set_page_cache
from glossary.store.models import UnitChangeRow, UnitRow, VariantRow, utcnow
from glossary.store.reindex import pause_full_text
from glossary.store.units import (
    UNIT_COLUMNS,
    VARIANT_COLUMNS,
    Derived,
    next_unit_id,
    props_json,
    to_json,
    variant_own,
)

#: A unit as duplicates are told: its languages and sentence hashes.
UnitKey = frozenset[tuple[str, str]]
#: Page cache of a SQLite import, in kilobytes.
_IMPORT_CACHE_KB = 64 * 1024
#: FTS5's in-memory buffer while the search index is refilled, in bytes (its default, 1
#: MB, makes a segment every few thousand sentences and then spends its time merging).
_REFILL_HASH_BYTES = 64 * 1024 * 1024
_DEFAULT_HASH_BYTES = 1024 * 1024
#: While the search index is set aside, it is filled every this many new sentences (a
#: batch this large costs FTS5 no more than one statement at the end; a smaller one
#: several times more).
REFILL_EVERY = 100_000
_IN_CHUNK = 500


#: A unit ready to be written: its own values of ``tm_units`` (:data:`UNIT_OWN`), each
#: sentence's values of ``tm_variants`` (:data:`VARIANT_OWN`) and its key. Plain tuples,
#: which a reading process hands over quickly.
PreparedUnit = tuple[tuple[Any, ...], list[tuple[Any, ...]], UnitKey]
#: The columns of ``tm_units`` that come from the unit itself, in order.
UNIT_OWN = UNIT_COLUMNS[1:10]
#: The columns of ``tm_variants`` that come from the sentence itself, in order.
VARIANT_OWN = VARIANT_COLUMNS[2:]


def prepare_unit(unit: Unit, derived: Sequence[Derived]) -> PreparedUnit:
    """The rows of a unit to be imported, without its id (``derived``: each sentence's
    search tokens and hash)."""
    own = (
        unit.srclang,
        unit.origin,
        unit.origin_file,
        None,
        None,
        unit.tuid,
        to_json(unit.attrs) if unit.attrs else "{}",
        props_json(unit.props) if unit.props else "[]",
        to_json(unit.notes) if unit.notes else "[]",
    )
    variants = [variant_own(v, d) for v, d in zip(unit.variants, derived, strict=True)]
    key = frozenset((v.lang, d[1]) for v, d in zip(unit.variants, derived, strict=True))
    return own, variants, key


class UnitRowWriter:
    """Writes the rows of new units in the caller's transaction (see the module's notes)."""

    def __init__(self, s: Session, user: str, batch: str) -> None:
        self.s = s
        self.conn = s.connection()
        self.raw = self.conn.dialect.name == "sqlite"
        self.user = user
        self.batch = batch
        self.next_id = next_unit_id(s)
        self.first_id = self.next_id
        #: How many units the memory held before this write.
        self.existing = int(s.scalar(select(func.count(UnitRow.id))) or 0)
        self._stamp = _bind(UnitRow.__table__, "created_at", self.conn)(utcnow())
        self._sql: dict[str, str] = {}
        #: The full-text triggers set aside, and the last sentence id they had seen.
        self.paused: list[str] | None = None
        self.indexed_up_to = 0
        #: Sentences written since the search index was last filled.
        self.unindexed = 0
        # The default page cache (2 MB) is small for the index of sentence hashes
        # a large import writes into; put back by close().
        self.cache_size = set_page_cache(self.conn, _IMPORT_CACHE_KB) if self.raw else None

    def close(self) -> None:
        """Put the page cache back (whether the write went through or not)."""
        if self.cache_size is not None:
            restore_page_cache(self.conn, self.cache_size)
            self.cache_size = None

    def pause_search_index(self) -> None:
        """From now on, fill the search index a large batch of sentences at a time and
        at :meth:`finish`, not row by row (SQLite; on PostgreSQL its GIN index is an
        ordinary one and nothing is paused)."""
        if self.paused is None and self.raw:
            self.paused = pause_full_text(self.conn, ("tm_variants",))
            self.indexed_up_to = int(self.s.scalar(select(func.max(VariantRow.id))) or 0)
            self.conn.exec_driver_sql(
                f"INSERT INTO fts_tm(fts_tm, rank) VALUES ('hashsize', {_REFILL_HASH_BYTES})"
            )

    def write(self, units: Sequence[PreparedUnit]) -> None:
        """Store ``units`` as new ones, with ids in order."""
        if not units:
            return
        units_rows = []
        variant_rows = []
        first = self.next_id
        self.next_id += len(units)
        tail = (self.batch, 1, self._stamp, self.user, self._stamp, self.user)
        for uid, (own, variants, _) in enumerate(units, first):
            units_rows.append((uid, *own, *tail))
            variant_rows += [(uid, i, *v) for i, v in enumerate(variants)]
        self._insert(UnitRow.__table__, UNIT_COLUMNS, units_rows)
        self._insert(VariantRow.__table__, VARIANT_COLUMNS, variant_rows)
        if self.paused is not None:
            self.unindexed += len(variant_rows)
            if self.unindexed >= REFILL_EVERY:
                # While a second process reads the file, this one would wait: the index
                # is filled meanwhile, in batches large enough to cost as much as one.
                self._fill_search_index()

    def stored_keys(self, keys: Sequence[UnitKey]) -> set[UnitKey]:
        """Those of ``keys`` that a stored unit has (all its sentences the same)."""
        exacts = sorted({e for key in keys for _, e in key})
        found: dict[int, set[tuple[str, str]]] = {}
        for start in range(0, len(exacts), _IN_CHUNK):
            rows = self.s.execute(
                select(VariantRow.unit_id).where(
                    VariantRow.exact.in_(exacts[start : start + _IN_CHUNK])
                )
            ).all()
            for (uid,) in rows:
                found.setdefault(uid, set())
        if not found:
            return set()
        ids = list(found)
        for start in range(0, len(ids), _IN_CHUNK):
            for uid, lang, ex in self.s.execute(
                select(VariantRow.unit_id, VariantRow.lang, VariantRow.exact).where(
                    VariantRow.unit_id.in_(ids[start : start + _IN_CHUNK])
                )
            ).all():
                found[uid].add((lang, ex))
        return {frozenset(v) for v in found.values()} & set(keys)

    def finish(self, file: str, added: int) -> int:
        """Fill the search index if it was set aside, and record the import as one
        change; return the change's id."""
        if self.paused is not None:
            self._refill_search_index()
        change = UnitChangeRow(
            unit_id=None,
            action="import",
            user=self.user,
            before=None,
            after={
                "file": file,
                "units": added,
                "first_id": self.first_id,
                "last_id": self.next_id - 1,
            },
            batch=self.batch,
        )
        self.s.add(change)
        self.s.flush()
        return change.id

    def _fill_search_index(self) -> None:
        """Put the sentences written since the last fill into ``fts_tm``."""
        top = int(self.s.scalar(select(func.max(VariantRow.id))) or 0)
        self.conn.exec_driver_sql(
            "INSERT INTO fts_tm(rowid, grams) SELECT id, grams FROM tm_variants "
            "WHERE id > ? AND id <= ?",
            (self.indexed_up_to, top),
        )
        self.indexed_up_to = top
        self.unindexed = 0

    def _refill_search_index(self) -> None:
        """Put the last new sentences into ``fts_tm``, then the triggers back (same
        transaction)."""
        assert self.paused is not None
        conn = self.conn
        self._fill_search_index()
        conn.exec_driver_sql(
            f"INSERT INTO fts_tm(fts_tm, rank) VALUES ('hashsize', {_DEFAULT_HASH_BYTES})"
        )
        for sql in self.paused:
            conn.exec_driver_sql(sql)
        self.paused = None

    def _insert(self, table: Any, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
        if not rows:
            return
        t = cast(Table, table)
        if self.raw:
            sql = self._sql.get(t.name)
            if sql is None:
                sql = self._sql[t.name] = (
                    f"INSERT INTO {t.name} ({', '.join(columns)}) "
                    f"VALUES ({', '.join('?' * len(columns))})"
                )
            # The DBAPI's executemany directly: several times faster than SQLAlchemy's
            # row-by-row parameter handling.
            self.conn.exec_driver_sql(sql, cast(Any, rows))
        else:
            self.conn.execute(insert(t), [dict(zip(columns, r, strict=True)) for r in rows])


def _bind(table: Any, column: str, conn: Any) -> Callable[[Any], Any]:
    """What the driver is given for a value of ``column`` (SQLite stores dates as text)."""
    col_type = cast(Table, table).c[column].type
    dialect = conn.dialect
    proc = (
        col_type.dialect_impl(dialect).bind_processor(dialect)
        if conn.dialect.name == "sqlite"
        else None
    )
    return proc or (lambda value: value)

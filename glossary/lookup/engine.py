"""The lookup itself: which statements run for a query, and how results are ranked.

A query is normalised (:func:`glossary.lang.keys.normalize_key`; a trailing English
possessive is also tried without it) and matched, strongest first:

1. **exact / variant / prefix** — one range scan of the key index from the query's key
   to the end of its prefix range, in key order: the rows equal to the key come first
   (``exact`` for a written form, ``variant`` for a field or generated variant), then
   the keys that continue it (``prefix``, search-as-you-type);
2. **variant by romanization system** — for a query in Latin letters that is no stored
   form or variant, its sound keys (:func:`glossary.store.indexing.query_sound_keys`), so that
   "Yi Jae-myeong" finds "Lee Jae-myung";
3. **substring** — for a Korean or Japanese query that is no stored form or variant,
   while fewer than ``limit`` entries were found: the keys containing it (高市 in 高市早苗,
   안보 in 국가안보실), from one- and two-character pieces, so one- and two-character
   queries work;
4. **fuzzy** — only when nothing above matched: keys within a few typos
   (:mod:`glossary.lookup.fuzzy`).

An entry is reported once, under its strongest match. Filters (language of the matched
form, kind, status) apply inside every statement, so ``limit`` counts what is returned.
Results are ranked by match type, approved before candidate, then the closer typo match,
then evidence (how often the entry was seen in articles). When more entries match than
``limit``, the strongest and closest are chosen first (for prefixes, the shortest
completions among the first in key order), then ranked.

Every statement is answered from an index: the key index (which covers exact, variant
and prefix lookups without reading the table), the substring and typo indexes, and the
primary keys of the chosen entries and their terms; no statement reads more rows than a
small multiple of ``limit``.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Collection, Hashable
from operator import itemgetter
from typing import TYPE_CHECKING, Any, TypeVar

from glossary.errors import LookupTooSlow
from glossary.lang import normalize_language
from glossary.lang.keys import has_cjk, normalize_key, strip_possessive
from glossary.lookup.budget import Deadline, check_query_length, sqlite_deadline, time_limit
from glossary.lookup.fuzzy import TypoSearch
from glossary.lookup.hydrate import Hydrator
from glossary.lookup.match import MATCH_ORDER, Match, rank_key
from glossary.lookup.sql import SQLITE, Statements, statements_for
from glossary.model import Entry
from glossary.settings import get_whole_number
from glossary.store.engine import Connector
from glossary.store.indexing import query_sound_keys
from glossary.vocab import KINDS, check_choice, status_filter

if TYPE_CHECKING:
    from sqlalchemy import Engine

_KEY_END = "\U0010ffff"
_EXACT, _VARIANT, _PREFIX, _SUBSTRING, _FUZZY = range(5)
# Key rows read per statement: one entry can match by several keys (a form, a field,
# the same key in another language).
_POOL_FACTOR = 4
_MIN_POOL = 40
_FIRST_SLACK = 2
# A sound key is a variant in a looser sense than a stored spelling.
_SOUND_SCORE = 0.9
# PostgreSQL's SQLSTATE for a statement cancelled by statement_timeout.
_QUERY_CANCELED = "57014"
T = TypeVar("T")


class _Candidates:
    """The best match found so far for each entry, in the order entries were found."""

    __slots__ = ("best",)

    def __init__(self) -> None:
        # entry id -> [rank, score, key]
        self.best: dict[int, list[Any]] = {}

    def add(self, rows: list[Any], classify: Callable[[str, str], tuple[int, float]]) -> None:
        best = self.best
        for entry_id, key, match in rows:
            rank, score = classify(key, match)
            if rank < 0:
                continue
            old = best.get(entry_id)
            if old is None:
                best[entry_id] = [rank, score, key]
            elif rank < old[0] or (rank == old[0] and score > old[1]):
                old[:] = [rank, score, key]

    def has(self, rank: int) -> bool:
        return any(v[0] <= rank for v in self.best.values())


def search(
    conn: Any,
    statements: Statements,
    hydrator: Hydrator,
    typos: TypoSearch,
    query: str,
    *,
    lang: str | None = None,
    kind: str | None = None,
    status: str | Collection[str] | None = None,
    limit: int = 20,
    deadline: Deadline | None = None,
) -> list[Match]:
    """Find up to ``limit`` entries matching ``query`` on a DBAPI connection; ``status``
    is one status or several (any of them).

    :class:`~glossary.errors.QueryTooLong` for a query longer than
    :data:`~glossary.lookup.budget.MAX_QUERY_LENGTH`; :class:`~glossary.errors.LookupTooSlow`
    when it runs past ``deadline`` (default: the ``lookup_time_limit`` setting from now),
    with nothing returned, not even what it had found by then.
    """
    check_query_length(query)
    if deadline is None:
        deadline = Deadline(time_limit())
    watch = sqlite_deadline(conn, deadline) if statements is SQLITE else contextlib.nullcontext()
    try:
        with watch:
            return _search(
                conn, statements, hydrator, typos, query, lang, kind, status, limit, deadline
            )
    except Exception as exc:
        if deadline.expired() and _stopped(exc):
            raise LookupTooSlow(deadline.seconds) from None
        raise


def _stopped(exc: Exception) -> bool:
    """Whether the database stopped a statement because the deadline had passed: SQLite's
    progress handler interrupts it, PostgreSQL's statement_timeout cancels it."""
    if isinstance(exc, sqlite3.OperationalError):
        return "interrupt" in str(exc)
    return getattr(exc, "sqlstate", None) == _QUERY_CANCELED


def _search(
    conn: Any,
    statements: Statements,
    hydrator: Hydrator,
    typos: TypoSearch,
    query: str,
    lang: str | None,
    kind: str | None,
    status: str | Collection[str] | None,
    limit: int,
    deadline: Deadline,
) -> list[Match]:
    if lang:
        lang = normalize_language(lang)
    if kind:
        check_choice("kind", kind, KINDS)
    statuses = status_filter(status)
    key = normalize_key(query)
    bare = strip_possessive(query.strip())
    bare_key = normalize_key(bare) if bare else ""
    keys = {k for k in (key, bare_key) if k}
    if not keys or limit < 1 or statuses == ():
        return []

    flags = (bool(lang), bool(kind), len(statuses or ()))
    filters = [*(f for f in (lang, kind) if f), *(statuses or ())]
    pool = max(limit * _POOL_FACTOR, _MIN_POOL)
    # Key rows read first in the range scan: most keys in a range are different entries'
    # (64 of the first 80 at a million entries), and each row read costs about 0.6 µs.
    first = limit + limit // 2 + _FIRST_SLACK
    found = _Candidates()
    cur = conn.cursor()

    # 1. exact, variant, prefix: one range scan from the shortest key (the possessive-free
    #    key is nearly always a prefix of the query's key, so one scan covers both).
    starts = sorted(keys, key=len)
    for i, start in enumerate(starts):
        if i and start.startswith(starts[0]):
            continue

        def classify(found_key: str, match: str, start: str = start) -> tuple[int, float]:
            if found_key in keys:
                return (_EXACT if match == "form" else _VARIANT), 1.0
            return _PREFIX, len(start) / len(found_key)

        statement = statements.keys_range(*flags)
        cur.execute(statement, (start, start + _KEY_END, *filters, first))
        rows = cur.fetchall()
        found.add(rows, classify)
        deadline.check()
        if len(rows) == first and len(found.best) < limit:
            # Several of the keys were one entry's: read the wider pool (the rows read
            # already classify as before, so they change nothing).
            cur.execute(statement, (start, start + _KEY_END, *filters, pool))
            found.add(cur.fetchall(), classify)

    # 2. romanization-system variants of a query in Latin letters (unless it is itself a
    #    stored form or variant: then the sound keys would only add other spellings).
    if not found.has(_VARIANT):
        sound = query_sound_keys(query)
        if sound:
            cur.execute(
                statements.keys_in(len(sound), True, *flags),
                (*statements.list_params(sound), *filters, pool),
            )
            found.add(cur.fetchall(), _constant(_VARIANT, _SOUND_SCORE))
            deadline.check()

    # 3. inside Korean and Japanese forms, when nothing matched it as a whole.
    if not found.has(_VARIANT) and len(found.best) < limit and has_cjk(key):
        _substrings(cur, statements, found, key, flags, filters, 2 * limit)
        deadline.check()

    # 4. typos, when nothing else matched: the closest keys first, until enough entries.
    if not found.best:
        by_score: dict[float, list[str]] = {}
        for typo_key, typo_score in typos.similar_keys(cur, key, deadline):
            by_score.setdefault(typo_score, []).append(typo_key)
        for typo_score in sorted(by_score, reverse=True):
            typo_keys = by_score[typo_score]
            cur.execute(
                statements.keys_in(len(typo_keys), False, *flags),
                (*statements.list_params(typo_keys), *filters, pool),
            )
            found.add(cur.fetchall(), _constant(_FUZZY, typo_score))
            if len(found.best) >= limit:
                break
            deadline.check()

    if not found.best:
        return []
    # The strongest matches first (the closest completions among prefixes); status and
    # evidence, which come with the entries, then order the chosen ones.
    chosen = sorted(found.best.items(), key=lambda item: (item[1][0], -item[1][1]))[:limit]
    ids = [entry_id for entry_id, _ in chosen]
    cur.execute(statements.entries(len(ids)), statements.list_params(ids))
    entries = hydrator.entries(cur.fetchall())
    ranked = []
    for entry_id, (rank, score, matched) in chosen:
        entry = entries.get(entry_id)
        if entry is None:  # deleted between two statements (PostgreSQL, autocommit)
            continue
        order = rank_key(rank, entry.status, score, entry.evidence_count, entry_id)
        ranked.append((order, Match(entry, MATCH_ORDER[rank], score, matched)))
    ranked.sort(key=itemgetter(0))
    return [match for _, match in ranked]


def _constant(rank: int, score: float) -> Callable[[str, str], tuple[int, float]]:
    """A classification giving every row the same match type and score."""

    def classify(_key: str, _match: str) -> tuple[int, float]:
        return rank, score

    return classify


def _substrings(
    cur: Any,
    statements: Statements,
    found: _Candidates,
    key: str,
    flags: tuple[bool, bool, int],
    filters: list[str],
    pool: int,
) -> None:
    if statements is SQLITE:
        # fts_cjk holds each key's two-character pieces, and its last character alone,
        # with a one-character prefix index (migration 0002).
        if len(key) == 1:
            expression = f'"{key}"*'
        else:
            pieces = dict.fromkeys(key[i : i + 2] for i in range(len(key) - 1))
            expression = " AND ".join('"' + p.replace('"', '""') + '"' for p in pieces)
        params: tuple[Any, ...] = (expression, *filters, pool)
    else:
        if len(key) <= 2:
            grams = [key]
        else:
            grams = list(dict.fromkeys(key[i : i + 2] for i in range(len(key) - 1)))
        params = (grams, key, *filters, pool)
    cur.execute(statements.substrings(*flags), params)

    def classify(found_key: str, _match: str) -> tuple[int, float]:
        if found_key == key or key not in found_key:
            return -1, 0.0  # the range scan's own; pieces that are not adjacent
        rank = _PREFIX if found_key.startswith(key) else _SUBSTRING
        return rank, len(key) / len(found_key)

    found.add(cur.fetchall(), classify)


class Lookup:
    """The lookup of one glossary, with a database connection of its own per thread.

    Each thread keeps one DBAPI connection (detached from SQLAlchemy's pool, or for a
    SQLite file opened by :mod:`sqlite3` without SQLAlchemy) for its lookups, so a
    lookup costs its statements and nothing else. :meth:`find` caches nothing but the
    prepared statements: the next lookup sees every committed edit, whoever made it.
    :meth:`remember` keeps answers until the next committed change.
    """

    def __init__(self, source: Engine | Connector) -> None:
        connector = source if isinstance(source, Connector) else Connector.for_engine(source)
        self.connector = connector
        self.statements = statements_for(connector.dialect_name)
        # SQLAlchemy's dialect only if a time stamp ever needs its type processor.
        self.hydrator = Hydrator(connector.dialect)
        self.typos = TypoSearch(self.statements)
        self._local = threading.local()
        self._lock = threading.Lock()
        self._opened: list[tuple[int, Any]] = []
        self._errors = connector.dbapi.OperationalError
        self._pooled = connector.pooled
        # Answers remember() keeps (the least recently used go first).
        self.memo_size = get_whole_number("lookup_cache")
        #: Seconds one lookup may run (the ``lookup_time_limit`` setting).
        self.time_limit = time_limit()
        self._memo = _Memo()

    def find(
        self,
        query: str,
        *,
        lang: str | None = None,
        kind: str | None = None,
        status: str | Collection[str] | None = None,
        limit: int = 20,
    ) -> list[Match]:
        """See :func:`search`; the deadline is :attr:`time_limit` seconds from now."""
        deadline = Deadline(self.time_limit)
        return self.run(
            lambda conn: search(
                conn,
                self.statements,
                self.hydrator,
                self.typos,
                query,
                lang=lang,
                kind=kind,
                status=status,
                limit=limit,
                deadline=deadline,
            )
        )

    def entries_after(
        self, last: int, *, status: str | None, kind: str | None, limit: int
    ) -> list[Entry]:
        """Up to ``limit`` entries with ids above ``last`` (of one status and kind, when
        given), in id order, read from their documents as lookup results are."""
        params = (last, *(f for f in (status, kind) if f), limit)
        statement = self.statements.entries_after(bool(status), bool(kind))

        def read(conn: Any) -> list[Entry]:
            cur = conn.cursor()
            cur.execute(statement, params)
            return list(self.hydrator.entries(cur.fetchall()).values())

        return self.run(read)

    def run(self, work: Callable[[Any], T]) -> T:
        """``work(connection)`` on this thread's DBAPI connection, its statements in one
        snapshot; ``work`` must only read (it runs once more, on a new connection, when
        the connection turns out to be broken)."""
        if self._pooled:
            with self.connector.borrowed() as conn:
                # The pool's one connection: no snapshot of its own (it may be in use).
                return work(conn)
        for attempt in (1, 2):
            conn = self._connection()
            try:
                return self._snapshot(conn, work)
            except self._errors:
                # A broken connection (a restarted server): forget it and try once more.
                self._forget(conn)
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")  # pragma: no cover

    def remember(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, or what it returned for ``key`` while the database is unchanged.

        For answers that depend on nothing but the glossary (a lookup's JSON, say), kept
        for every thread of the process. On SQLite, a connection of the memo's own asks
        ``PRAGMA data_version``, which moves whenever any other connection (any thread or
        process) commits; that connection never writes, so every change is seen and
        drops every answer kept. An answer is computed after the version is read, so it
        is never older than the version it is kept under (it may be newer: then the next
        call sees the version move and drops it). PostgreSQL has no such cheap signal,
        nor does an in-memory database: there, ``compute()`` runs every time.
        """
        if self._pooled or self.statements is not SQLITE or self.memo_size < 1:
            return compute()
        memo = self._memo
        with memo.lock:
            try:
                version = memo.version_now(self)
            except self._errors:
                return compute()
            if version != memo.version:
                memo.answers.clear()
                memo.version = version
            elif key in memo.answers:
                memo.answers.move_to_end(key)
                return memo.answers[key]
        value = compute()
        with memo.lock:
            if memo.version == version:
                memo.answers[key] = value
                if len(memo.answers) > self.memo_size:
                    memo.answers.popitem(last=False)
        return value

    def _snapshot(self, conn: Any, work: Callable[[Any], T]) -> T:
        sqlite = self.statements is SQLITE
        if sqlite:
            conn.execute("BEGIN")  # one snapshot for all the statements of the work
        try:
            return work(conn)
        finally:
            if sqlite:
                conn.execute("COMMIT")

    def _connection(self) -> Any:
        local = self._local
        conn = getattr(local, "conn", None)
        if conn is not None and local.pid == os.getpid():
            return conn
        conn = self.connector.connect()
        if self.statements is not SQLITE:
            conn.autocommit = True  # each statement on its own: no idle transactions
            # pg_trgm's default (0.3) misses some keys two typos away from a short query.
            conn.execute("SET pg_trgm.similarity_threshold = 0.2")
            # The server stops any statement that outlives the lookup's deadline.
            conn.execute(f"SET statement_timeout = {max(1, round(self.time_limit * 1000))}")
        local.conn, local.pid = conn, os.getpid()
        with self._lock:
            self._opened.append((local.pid, conn))
        return conn

    def _forget(self, conn: Any) -> None:
        """Drop a connection after an error (it may be broken); the next lookup opens one."""
        self._local.conn = None
        with self._lock:
            self._opened = [(pid, c) for pid, c in self._opened if c is not conn]
        with contextlib.suppress(self.connector.dbapi.Error):
            conn.close()  # closing a broken connection may fail too

    def close(self) -> None:
        """Close every connection this lookup opened (in this process)."""
        with self._lock:
            opened, self._opened = self._opened, []
        for pid, conn in opened:
            # A connection inherited from a parent process is the parent's to close
            # (closing SQLite's copy would drop the parent's file locks).
            if pid == os.getpid():
                conn.close()
        self._local = threading.local()
        self._memo.close()


class _Memo:
    """The answers :meth:`Lookup.remember` keeps, and the connection that dates them."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.answers: OrderedDict[Hashable, Any] = OrderedDict()
        self.version: tuple[int, int] | None = None
        self._conn: Any = None
        self._pid = 0

    def version_now(self, lookup: Lookup) -> tuple[int, int]:
        """The database's version as this process's memo connection sees it (under lock)."""
        if self._conn is None or self._pid != os.getpid():
            self._conn, self._pid = lookup.connector.connect(), os.getpid()
        # Paired with the connection: another connection counts from elsewhere.
        return (id(self._conn), self._conn.execute("PRAGMA data_version").fetchone()[0])

    def close(self) -> None:
        with self.lock:
            if self._conn is not None and self._pid == os.getpid():
                self._conn.close()
            self._conn = None
            self.answers.clear()
            self.version = None


def lookup_entries(
    session: Any,
    query: str,
    *,
    lang: str | None = None,
    kind: str | None = None,
    status: str | Collection[str] | None = None,
    limit: int = 20,
) -> list[Match]:
    """Look up inside an open SQLAlchemy session, seeing its uncommitted changes."""
    connection = session.connection()
    dialect = connection.dialect
    statements = statements_for(dialect.name)
    return search(
        connection.connection.dbapi_connection,
        statements,
        Hydrator(dialect),
        TypoSearch(statements),
        query,
        lang=lang,
        kind=kind,
        status=status,
        limit=limit,
    )

"""The SQL statements of a lookup, written once per backend.

The lookup talks to the DBAPI connection directly (sqlite3 or psycopg) with a handful of
fixed statements that the driver prepares once and reuses: going through SQLAlchemy's
ORM would cost several times the time of the query itself. Statements differ by the
filters a lookup uses (language, kind, how many statuses), so each variant is built once
and kept.

Every statement that finds candidate keys returns the same columns, so one loop ranks
them all: ``entry_id, key, match``. Status and evidence, which rank entries of the same
match type, come with the chosen entries themselves.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from functools import cache
from typing import Any

_HITS = "k.entry_id, k.key, k.match"
# Lists up to this long are written out as parameters (the statement for each length is
# prepared once); longer ones go as one JSON array.
_INLINE = 64


class Statements(ABC):
    """Statement texts for one backend; ``p`` is the driver's parameter marker."""

    name = ""
    p = "?"

    def _filters(self, lang: bool, kind: bool, status: int) -> tuple[str, str]:
        """The conditions of a language, a kind and ``status`` statuses (0: any)."""
        keys = f" AND k.lang = {self.p}" if lang else ""
        entries = f" AND e.kind = {self.p}" if kind else ""
        if status == 1:
            entries += f" AND e.status = {self.p}"
        elif status:
            entries += f" AND e.status IN ({', '.join([self.p] * status)})"
        return keys, entries

    @abstractmethod
    def _list(self, column: str, n: int) -> str:
        """``column`` is one of ``n`` values (given by :meth:`list_params`)."""

    @abstractmethod
    def list_params(self, values: list[Any]) -> tuple[Any, ...]:
        """The parameters of a :meth:`_list` condition over ``values``."""

    def _from(self, kind: bool, status: int) -> str:
        # Without a kind or status filter the key index alone answers (no entry rows are
        # read until the chosen entries are fetched). With one, CROSS JOIN keeps SQLite
        # from starting at the entries table (it would scan every person for one key).
        if kind or status:
            return "term_keys AS k CROSS JOIN entries AS e"
        return "term_keys AS k"

    def _joined(self, kind: bool, status: int) -> str:
        return " AND e.id = k.entry_id" if kind or status else ""

    @cache  # noqa: B019 (one instance per backend, kept for the life of the process)
    def keys_range(self, lang: bool, kind: bool, status: int) -> str:
        """Keys from ``lo`` (inclusive) to ``hi`` in key order: exact, variant and prefix."""
        keys, entries = self._filters(lang, kind, status)
        p = self.p
        return (
            f"SELECT {_HITS} FROM {self._from(kind, status)} "
            f"WHERE k.key >= {p} AND k.key < {p} AND k.match <> 'sound'{keys}"
            f"{self._joined(kind, status)}{entries} ORDER BY k.key LIMIT {p}"
        )

    @cache  # noqa: B019
    def keys_in(self, n: int, sound: bool, lang: bool, kind: bool, status: int) -> str:
        """Rows of the listed keys: sound keys, or (for typo matches) the other keys."""
        keys, entries = self._filters(lang, kind, status)
        which = "=" if sound else "<>"
        return (
            f"SELECT {_HITS} FROM {self._from(kind, status)} "
            f"WHERE {self._list('k.key', n)} AND k.match {which} 'sound'{keys}"
            f"{self._joined(kind, status)}{entries} LIMIT {self.p}"
        )

    @abstractmethod
    def substrings(self, lang: bool, kind: bool, status: int) -> str:
        """Korean and Japanese keys that may contain the query (the caller checks)."""

    @cache  # noqa: B019
    def entries(self, n: int) -> str:
        """The documents of the listed entries (glossary.store.documents)."""
        return f"SELECT d.entry_id, d.doc FROM entry_docs AS d WHERE {self._list('d.entry_id', n)}"

    @cache  # noqa: B019
    def entries_after(self, status: bool, kind: bool) -> str:
        """The documents of the entries with ids above ``?`` (of one status, then one
        kind, when asked), in id order, at most ``?`` of them."""
        p = self.p
        where = f"e.id > {p}" + (f" AND e.status = {p}" if status else "")
        where += f" AND e.kind = {p}" if kind else ""
        return (
            "SELECT e.id, d.doc FROM entries AS e JOIN entry_docs AS d ON d.entry_id = e.id "
            f"WHERE {where} ORDER BY e.id LIMIT {p}"
        )


class SQLiteStatements(Statements):
    name = "sqlite"
    p = "?"

    def _list(self, column: str, n: int) -> str:
        if n <= _INLINE:
            return f"{column} IN ({', '.join('?' * n)})"
        # One statement for any longer list: a JSON array read by json_each.
        return f"{column} IN (SELECT value FROM json_each(?))"

    def list_params(self, values: list[Any]) -> tuple[Any, ...]:
        if len(values) <= _INLINE:
            return tuple(values)
        return (json.dumps(values, ensure_ascii=False),)

    @cache  # noqa: B019
    def substrings(self, lang: bool, kind: bool, status: int) -> str:
        keys, entries = self._filters(lang, kind, status)
        return (
            f"SELECT {_HITS} FROM fts_cjk CROSS JOIN {self._from(kind, status)} "
            f"WHERE fts_cjk MATCH ? AND k.id = fts_cjk.rowid{keys}"
            f"{self._joined(kind, status)}{entries} LIMIT ?"
        )

    @cache  # noqa: B019
    def trigram_counts(self, n: int) -> str:
        """How many typo-index keys hold each of ``n`` trigrams, counting up to a cap."""
        one = "(SELECT count(*) FROM (SELECT 1 FROM fts_typo WHERE fts_typo MATCH ? LIMIT ?))"
        return "SELECT " + ", ".join([one] * n)

    @cache  # noqa: B019
    def typo_candidates(self) -> str:
        """Distinct keys matching a full-text query of the typo index in a row-id
        (length) band, at most ``?`` of them. The typo index's row id is
        ``length << 32 | id`` of the key in ``fts_typo_keys`` (migration 0002)."""
        return (
            "SELECT t.key FROM fts_typo CROSS JOIN fts_typo_keys AS t "
            "WHERE fts_typo MATCH ? AND fts_typo.rowid BETWEEN ? AND ? "
            "AND t.id = (fts_typo.rowid & 4294967295) LIMIT ?"
        )


class PostgresStatements(Statements):
    name = "postgresql"
    p = "%s"

    def _list(self, column: str, n: int) -> str:
        return f"{column} = ANY(%s)"

    def list_params(self, values: list[Any]) -> tuple[Any, ...]:
        return (values,)

    @cache  # noqa: B019
    def substrings(self, lang: bool, kind: bool, status: int) -> str:
        keys, entries = self._filters(lang, kind, status)
        # glossary_key_grams (migration 0002): the one- and two-character pieces of a key,
        # GIN-indexed for the keys flagged cjk.
        return (
            f"SELECT {_HITS} FROM {self._from(kind, status)} "
            "WHERE k.cjk AND glossary_key_grams(k.key) @> %s::text[] "
            f"AND strpos(k.key, %s) > 0{keys}{self._joined(kind, status)}{entries} LIMIT %s"
        )

    @cache  # noqa: B019
    def similar_keys(self) -> str:
        """Typo-index keys pg_trgm finds similar (its GIN index, ``%`` operator)."""
        return (
            "SELECT key FROM (SELECT DISTINCT k.key FROM term_keys AS k WHERE k.fuzzy "
            "AND k.key %% %s AND abs(length(k.key) - %s) <= %s) AS near "
            "ORDER BY similarity(key, %s) DESC LIMIT %s"
        )


SQLITE = SQLiteStatements()
POSTGRES = PostgresStatements()


def statements_for(dialect_name: str) -> Statements:
    """The statements of the ``sqlite`` or ``postgresql`` backend."""
    if dialect_name == "sqlite":
        return SQLITE
    if dialect_name == "postgresql":
        return POSTGRES
    raise ValueError(f"no lookup statements for the {dialect_name!r} backend")

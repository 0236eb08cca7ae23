"""The index of the memory's search tokens: the units worth scoring for a sentence
(fuzzy matches), and the sentences holding a phrase (the concordance), found through the
index of search tokens (``fts_tm`` on SQLite, ``ix_tm_variants_grams`` on PostgreSQL) rather
than by reading the whole memory.

A unit that matches a sentence at, say, 70% shares most of its tokens with it, so it
shares some of the sentence's *rarest* tokens. The posting list of each token of the
sentence is read up to :data:`POSTINGS_CAP` entries: a token found in more sentences
than that ("the", "は") says little and is left out. The sentences that share the
most of the remaining tokens are the candidates; ``bench/tm.py`` measures how many of
the matches an exhaustive scan finds this misses.
"""

from __future__ import annotations

import threading
from collections import Counter

from sqlalchemy import Connection, func, select, text
from sqlalchemy.orm import Session

from glossary.store.models import UnitChangeRow, VariantRow

#: Postings read per token at most.
POSTINGS_CAP = 2000


def _quote(gram: str) -> str:
    return '"' + gram.replace('"', '""') + '"'


def postings(conn: Connection, gram: str, cap: int = POSTINGS_CAP) -> list[int]:
    """Ids of the variants whose search tokens include ``gram`` (at most ``cap``)."""
    if conn.dialect.name == "sqlite":
        result = conn.exec_driver_sql(
            "SELECT rowid FROM fts_tm WHERE fts_tm MATCH ? LIMIT ?", (_quote(gram), cap)
        )
        # The driver's rows as they are: one integer column needs no conversion.
        return [r[0] for r in result.cursor.fetchall()] if result.cursor else []
    else:
        rows = conn.execute(
            text(
                "SELECT id FROM tm_variants WHERE string_to_array(grams, ' ') "
                "@> ARRAY[CAST(:g AS text)] LIMIT :cap"
            ),
            {"g": gram, "cap": cap},
        )
    return [r[0] for r in rows]


class _CommonTokens:
    """The tokens found too common in a memory, remembered per database until the memory
    changes (a new change in ``tm_changes``, a new sentence): most words of a sentence
    ("the", "は") are common, and telling so costs reading :data:`POSTINGS_CAP` postings
    each time."""

    MOST = 200_000

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._by_db: dict[str, tuple[tuple[int, int], set[str]]] = {}

    def current(self, conn: Connection) -> set[str]:
        """The set of common tokens for this database as it is now (the caller adds to it)."""
        row = conn.execute(
            select(
                select(func.max(UnitChangeRow.id)).scalar_subquery(),
                select(func.max(VariantRow.id)).scalar_subquery(),
            )
        ).one()
        generation = (int(row[0] or 0), int(row[1] or 0))
        key = str(conn.engine.url)
        with self._lock:
            known = self._by_db.get(key)
            if known is None or known[0] != generation or len(known[1]) > self.MOST:
                known = self._by_db[key] = (generation, set())
            return known[1]


_common_tokens = _CommonTokens()


def candidates(s: Session, grams: list[str], *, limit: int = 100) -> list[tuple[int, int]]:
    """The variants that share the most informative search tokens with a sentence:
    ``[(variant id, tokens shared)]``, most shared first. A token in more than
    :data:`POSTINGS_CAP` sentences is left out (and remembered as such)."""
    conn = s.connection()
    common_now = _common_tokens.current(conn)
    counts: Counter[int] = Counter()
    for gram in dict.fromkeys(grams):
        if gram in common_now:
            continue
        ids = postings(conn, gram, POSTINGS_CAP + 1)
        if len(ids) > POSTINGS_CAP:
            common_now.add(gram)  # too common to tell sentences apart
            continue
        counts.update(ids)
    return counts.most_common(limit)


def containing(s: Session, grams: list[str], *, limit: int) -> list[int]:
    """Ids of variants whose search tokens include every one of ``grams`` (a token
    ending in ``*`` is a one-character prefix), at most ``limit``, newest first."""
    conn = s.connection()
    grams = list(dict.fromkeys(grams))
    if not grams:
        return []
    if conn.dialect.name == "sqlite":
        query = " AND ".join(_quote(g[:-1]) + "*" if g.endswith("*") else _quote(g) for g in grams)
        rows = conn.exec_driver_sql(
            "SELECT rowid FROM fts_tm WHERE fts_tm MATCH ? ORDER BY rowid DESC LIMIT ?",
            (query, limit),
        )
        return [r[0] for r in rows]
    whole = [g for g in grams if not g.endswith("*")]
    prefixes = [g[:-1] for g in grams if g.endswith("*")]
    where = []
    params: dict[str, object] = {"limit": limit}
    if whole:
        where.append("string_to_array(grams, ' ') @> CAST(:whole AS text[])")
        params["whole"] = whole
    for i, p in enumerate(prefixes):
        # PostgreSQL's array index cannot look up a prefix: this part reads the table.
        where.append(f"(' ' || grams) LIKE :p{i}")
        params[f"p{i}"] = f"% {p}%"
    rows = conn.execute(
        text(
            f"SELECT id FROM tm_variants WHERE {' AND '.join(where)} ORDER BY id DESC LIMIT :limit"
        ),
        params,
    )
    return [r[0] for r in rows]

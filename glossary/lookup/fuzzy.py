"""Typo matches: keys a few edits away, found through a trigram index and checked with rapidfuzz.

A typo match is a key within ``d`` edits (Levenshtein distance) of the query, where ``d``
grows with the query's length (:func:`max_edits`); its score is ``1 - edits / length``.
Scanning every key with rapidfuzz takes about 70 ms at a million entries; instead:

* Take ``d + 1`` pieces of the query (padded with a space each side, as the index pads
  every key) that do not overlap. ``d`` edits touch at most ``d`` pieces, so every key
  within ``d`` edits contains one piece whole, and with it all of that piece's
  trigrams. One full-text query, ``(some trigrams of piece 1, ANDed) OR (piece 2) OR
  …``, finds every such key (a key holding a piece holds any of its trigrams); SQLite
  intersects the postings itself. With ``d + 2`` pieces, two are whole: ``(piece 1 AND
  piece 2) OR (piece 1 AND piece 3) OR …`` reads more postings but returns fewer
  candidates.
* Where the pieces lie, which form to use and which trigrams of each piece to AND is
  chosen from how many keys hold each trigram (counted the first time it is needed and
  remembered for a few minutes): a rare trigram narrows a piece at little cost, a
  common one costs the reading of all its postings, and a typo's own trigrams, which no
  key has, empty their piece for nothing. A piece is at most :data:`_MAX_PIECE`
  characters, so the planner's work grows linearly with the query (it grew with its
  cube: a 600-character query took 20 s); every step checks the lookup's deadline
  (:mod:`glossary.lookup.budget`).
* The index holds each distinct key once (a family name is the key of thousands of
  entries), and only keys of about the query's length are read: each is filed under
  the row id ``length << 32 | id``, so a length band is a row-id range.
* Candidates are checked with rapidfuzz's Levenshtein distance. Passes widen from one
  edit up to ``d`` and stop at the first that finds a key: every key within that many
  edits has then been seen, so none missed is closer, and the first result is one an
  exhaustive scan would rank first.

A pass reads at most a few thousand candidates; only a query whose every cut leaves
common pieces reaches that cap, and only then can a key within reach be missed. On
PostgreSQL pg_trgm's GIN index (``key % query``) gives the candidates instead.
"""

from __future__ import annotations

import time
from bisect import insort
from itertools import combinations
from typing import Any

from glossary.lookup.budget import Deadline
from glossary.lookup.sql import POSTGRES, SQLITE, Statements

#: Shortest query (in key characters) worth a typo search.
MIN_LENGTH = 4
#: Trigram counts are exact up to this many keys (above, a trigram is just "common").
RARE = 200_000
_LENGTH_SHIFT = 32
_MAX_CANDIDATES = 5000
#: Candidates compared with the query between two looks at the deadline.
_CHECK_BATCH = 1000
_RARITY_TTL = 600.0
_RARITY_MAX = 200_000
#: Longest piece the planner cuts (see :func:`plan`): 22 trigrams to choose from. With
#: 16, three plans in 1,380 of typo queries on generated names cost up to 8% more.
_MAX_PIECE = 24


def max_edits(length: int) -> int:
    """How many edits a typo match may be from a query of ``length`` characters: one up
    to nine (Kim Bu-hung), two up to seventeen (Takaichi Sanae), three beyond."""
    if length <= 9:
        return 1
    if length <= 17:
        return 2
    return 3


def score(edits: int, query: str, key: str) -> float:
    """The score of a typo match: 1 minus the edits per character of the longer text."""
    return 1.0 - edits / max(len(query), len(key))


def _quote(gram: str) -> str:
    return '"' + gram.replace('"', '""') + '"'


#: Relative cost of reading one posting and of checking one candidate key (a row
#: fetched, joined and compared): how the pieces and their trigrams are chosen.
_POSTING_COST = 1.0
_CANDIDATE_COST = 200.0
#: How much a second trigram narrows an AND, as a power of its share of the keys: 1 if
#: trigrams were independent; names' trigrams are not (measured on generated names).
_CORRELATION = 0.5


def typo_query(
    padded: str,
    edits: int,
    counts: dict[str, int],
    total: int,
    deadline: Deadline | None = None,
    prices: Pieces | None = None,
) -> str:
    """The full-text query that finds every key within ``edits`` edits of ``padded``.

    Either ``edits + 1`` pieces, any one whole (``(a) OR (b) OR (c)``), or ``edits + 2``
    pieces, any two whole (``(a AND b) OR (a AND c) OR …``): whichever the trigram
    counts predict to be cheaper. The second reads postings more often but returns far
    fewer candidates when every piece is made of common trigrams. ``prices``: the
    :func:`pieces` of ``padded``, when the caller has them already.
    """
    total = max(total, 1)
    if prices is None:
        prices = pieces(padded, counts, total, deadline)
    options = []
    for whole in (1, 2):
        cut = plan(padded, edits + whole, counts, total, deadline, prices)
        if len(cut) < edits + whole:
            continue  # too short to cut so finely
        read = expected = 0.0
        groups = list(combinations(cut, whole))
        for group in groups:
            read += sum(counts[g] for grams, _ in group for g in grams)
            expected += _expected(tuple(g for grams, _ in group for g in grams), counts, total)
        price = _POSTING_COST * read + _CANDIDATE_COST * expected
        options.append((price, whole, groups))
    if not options:  # shorter than three characters a piece: any trigram at all
        grams = [padded[i : i + 3] for i in range(max(1, len(padded) - 2))]
        return " OR ".join(_quote(g) for g in dict.fromkeys(grams))
    _, _, groups = min(options, key=lambda o: o[0])
    return " OR ".join(
        "(" + " AND ".join(_quote(g) for grams, _ in group for g in grams) + ")" for group in groups
    )


def _expected(grams: tuple[str, ...], counts: dict[str, int], total: int) -> float:
    """About how many keys hold every one of ``grams``: the rarest one's count, narrowed
    by each other one less than independence would (trigrams of names go together)."""
    ordered = sorted(counts[g] for g in grams)
    size = float(ordered[0]) if ordered else float(total)
    for count in ordered[1:]:
        size *= (count / total) ** _CORRELATION
    return size


#: The cheapest (price, trigrams) of each piece, by end and then start (:func:`pieces`).
Pieces = list[dict[int, tuple[float, tuple[str, ...]]]]


def pieces(
    padded: str, counts: dict[str, int], total: int, deadline: Deadline | None = None
) -> Pieces:
    """For every piece of ``padded`` of three to :data:`_MAX_PIECE` characters, the
    trigrams to AND and their price: at most ``_MAX_PIECE`` pieces start at each
    character, so this is linear in the length of ``padded``."""
    n = len(padded)
    total = max(total, 1)
    found: Pieces = [{} for _ in range(n + 1)]
    for start in range(n - 2):
        if deadline is not None:
            deadline.check()
        ranked: list[tuple[int, str]] = []  # the piece's distinct trigrams, rarest first
        for end in range(start + 3, min(n, start + _MAX_PIECE) + 1):
            gram = padded[end - 3 : end]
            entry = (counts[gram], gram)
            if entry not in ranked:
                insort(ranked, entry)
            found[end][start] = _cheapest_and(ranked, total)
    return found


def plan(
    padded: str,
    parts: int,
    counts: dict[str, int],
    total: int,
    deadline: Deadline | None = None,
    prices: Pieces | None = None,
) -> list[tuple[tuple[str, ...], float]]:
    """Choose ``parts`` pieces of ``padded`` that do not overlap, each of three to
    :data:`_MAX_PIECE` characters (fewer pieces when it is too short), and for each piece
    the trigrams to AND, as cheap as the trigram counts predict (postings read,
    candidates returned); each with its price. ``prices``: :func:`pieces` of the same
    text, when the caller has them already.

    The pieces need not cover ``padded``: ``d`` edits touch at most ``d`` of any
    ``d + 1`` pieces that do not overlap, wherever they lie. A longer piece would only
    add trigrams to choose from, and a price never needs that many. The work is
    ``parts * _MAX_PIECE`` steps a character: linear in the length of ``padded``.
    """
    n = len(padded)
    parts = max(1, min(parts, n // 3))
    if prices is None:
        prices = pieces(padded, counts, total, deadline)
    Plan = tuple[float, tuple[tuple[int, int], ...]]
    # done[e]: the cheapest plan of the pieces so far, the last ending at e or before.
    done: list[Plan | None] = [(0.0, ())] * (n + 1)
    for _ in range(parts):
        if deadline is not None:
            deadline.check()
        best: list[Plan | None] = [None] * (n + 1)
        for end in range(3, n + 1):
            here: Plan | None = None
            for start, (price, _) in prices[end].items():
                before = done[start]
                if before is not None and (here is None or before[0] + price < here[0]):
                    here = (before[0] + price, (*before[1], (start, end)))
            prev = best[end - 1]
            best[end] = prev if here is None or (prev is not None and prev[0] <= here[0]) else here
        done = best
    chosen = done[n]
    assert chosen is not None  # n >= 3 * parts
    return [(prices[b][a][1], prices[b][a][0]) for a, b in chosen[1]]


def _cheapest_and(ranked: list[tuple[int, str]], total: int) -> tuple[float, tuple[str, ...]]:
    """The cheapest AND of the rarest trigrams of a piece (``ranked`` rarest first): the
    rarest alone, or with the next rarest, and so on, whichever costs least."""
    best_price, best_length = float("inf"), 0
    read = 0.0
    expected = float(total)
    for i, (count, _) in enumerate(ranked):
        read += count
        expected = count if i == 0 else expected * (count / total) ** _CORRELATION
        price = _POSTING_COST * read + _CANDIDATE_COST * expected
        if price < best_price:
            best_price, best_length = price, i + 1
    return best_price, tuple(gram for _, gram in ranked[:best_length])


class TypoSearch:
    """Typo search on one glossary."""

    def __init__(self, statements: Statements) -> None:
        self.statements = statements
        self._rarity: dict[str, tuple[int, float]] = {}
        self._size: tuple[int, float] | None = None

    def similar_keys(
        self, cur: Any, key: str, deadline: Deadline | None = None
    ) -> list[tuple[str, float]]:
        """Keys within typo distance of ``key`` (not ``key`` itself), closest first,
        with their scores; :class:`~glossary.errors.LookupTooSlow` past ``deadline``."""
        if len(key) < MIN_LENGTH:
            return []
        if self.statements is SQLITE:
            found = self._sqlite(cur, key, deadline)
        elif self.statements is POSTGRES:
            found = self._postgres(cur, key, deadline)
        else:  # pragma: no cover - statements_for refuses other backends
            raise ValueError(self.statements.name)
        ranked = sorted(found.items(), key=lambda item: (item[1], item[0]))
        return [(k, score(edits, key, k)) for k, edits in ranked]

    # -- SQLite -----------------------------------------------------------------------

    def _sqlite(self, cur: Any, key: str, deadline: Deadline | None) -> dict[str, int]:
        padded = f" {key} "
        counts = self._counts(cur, list(dict.fromkeys(padded[i : i + 3] for i in range(len(key)))))
        total = self._total(cur)
        prices = pieces(padded, counts, total, deadline)
        most = max_edits(len(key))
        distances: dict[str, int] = {}  # every candidate seen, within ``most`` edits
        for edits in range(1, most + 1):
            expression = typo_query(padded, edits, counts, total, deadline, prices)
            band = (
                (len(key) - edits) << _LENGTH_SHIFT,
                ((len(key) + edits + 1) << _LENGTH_SHIFT) - 1,
            )
            cur.execute(SQLITE.typo_candidates(), (expression, *band, _MAX_CANDIDATES))
            new = [k for (k,) in cur.fetchall() if k not in distances and k != key]
            distances.update(dict.fromkeys(new, most + 1))
            distances.update(_within(key, new, most, deadline))
            found = {k: d for k, d in distances.items() if d <= edits}
            if found:
                return found
        return {}

    def _total(self, cur: Any) -> int:
        """About how many keys the typo index holds (half the key ids), remembered."""
        now = time.monotonic()
        if self._size is None or now - self._size[1] > _RARITY_TTL:
            cur.execute("SELECT max(id) FROM term_keys")
            self._size = ((cur.fetchone()[0] or 0) // 2, now)
        return self._size[0]

    def _counts(self, cur: Any, grams: list[str]) -> dict[str, int]:
        """How many keys hold each trigram (up to just above :data:`RARE`), remembered."""
        now = time.monotonic()
        known: dict[str, int] = {}
        missing = []
        for gram in grams:
            hit = self._rarity.get(gram)
            if hit is not None and now - hit[1] < _RARITY_TTL:
                known[gram] = hit[0]
            else:
                missing.append(gram)
        if missing:
            params: list[Any] = []
            for gram in missing:
                params += [_quote(gram), RARE + 1]
            cur.execute(SQLITE.trigram_counts(len(missing)), params)
            if len(self._rarity) > _RARITY_MAX:
                self._rarity.clear()
            for gram, count in zip(missing, cur.fetchone(), strict=True):
                known[gram] = count
                self._rarity[gram] = (count, now)
        return known

    # -- PostgreSQL -------------------------------------------------------------------

    def _postgres(self, cur: Any, key: str, deadline: Deadline | None) -> dict[str, int]:
        edits = max_edits(len(key))
        cur.execute(POSTGRES.similar_keys(), (key, len(key), edits, key, _MAX_CANDIDATES))
        keys = [row[0] for row in cur.fetchall() if row[0] != key]
        found = _within(key, keys, edits, deadline)
        best = min(found.values(), default=0)
        return {k: e for k, e in found.items() if e == best}


def _within(
    key: str, keys: list[str], edits: int, deadline: Deadline | None = None
) -> dict[str, int]:
    """The keys at most ``edits`` away from ``key``, with their distances (checked a
    batch at a time against ``deadline``)."""
    found: dict[str, int] = {}
    if not keys:
        return found
    # Imported here: only a lookup that matched nothing else checks typos.
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    for i in range(0, len(keys), _CHECK_BATCH):
        if deadline is not None:
            deadline.check()
        hits = process.extract(
            key,
            keys[i : i + _CHECK_BATCH],
            scorer=Levenshtein.distance,
            score_cutoff=edits,
            limit=None,
        )
        found.update((hit, int(distance)) for hit, distance, _ in hits)
    return found

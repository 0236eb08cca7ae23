"""Typo matches: keys a few edits away, found through a trigram index and checked with rapidfuzz.

A typo match is a key within ``d`` edits (Levenshtein distance) of the query, where ``d``
grows with the query's length (:func:`max_edits`); its score is ``1 - edits / length``.
Scanning every key with rapidfuzz takes about 70 ms at a million entries; instead:

* Cut the query (padded with a space each side, as the index pads every key) into
  ``d + 1`` pieces. ``d`` edits touch at most ``d`` pieces, so every key within ``d``
  edits contains one piece whole, and with it all of that piece's trigrams. One
  full-text query, ``(some trigrams of piece 1, ANDed) OR (piece 2) OR …``, finds every
  such key (a key holding a piece holds any of its trigrams); SQLite intersects the
  postings itself. Cut into ``d + 2`` pieces, two are whole: ``(piece 1 AND piece 2)
  OR (piece 1 AND piece 3) OR …`` reads more postings but returns fewer candidates.
* Where to cut, which form to use and which trigrams of each piece to AND is chosen
  from how many keys hold each trigram (counted the first time it is needed and
  remembered for a few minutes): a rare trigram narrows a piece at little cost, a
  common one costs the reading of all its postings, and a typo's own trigrams, which no
  key has, empty their piece for nothing.
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
from functools import cache
from itertools import combinations, pairwise
from typing import Any

from glossary.lookup.sql import POSTGRES, SQLITE, Statements

#: Shortest query (in key characters) worth a typo search.
MIN_LENGTH = 4
#: Trigram counts are exact up to this many keys (above, a trigram is just "common").
RARE = 200_000
_LENGTH_SHIFT = 32
_MAX_CANDIDATES = 5000
_RARITY_TTL = 600.0
_RARITY_MAX = 200_000


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


def typo_query(padded: str, edits: int, counts: dict[str, int], total: int) -> str:
    """The full-text query that finds every key within ``edits`` edits of ``padded``.

    Either ``edits + 1`` pieces, any one whole (``(a) OR (b) OR (c)``), or ``edits + 2``
    pieces, any two whole (``(a AND b) OR (a AND c) OR …``): whichever the trigram
    counts predict to be cheaper. The second reads postings more often but returns far
    fewer candidates when every piece is made of common trigrams.
    """
    total = max(total, 1)
    options = []
    for whole in (1, 2):
        pieces = plan(padded, edits + whole, counts, total)
        if len(pieces) < edits + whole:
            continue  # too short to cut so finely
        read = expected = 0.0
        groups = list(combinations(pieces, whole))
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


def plan(
    padded: str, parts: int, counts: dict[str, int], total: int
) -> list[tuple[tuple[str, ...], float]]:
    """Cut ``padded`` into ``parts`` pieces of three characters or more (fewer when it is
    too short) and choose, for each piece, the trigrams to AND, as cheap as the trigram
    counts predict (postings read, candidates returned); each with its price."""
    n = len(padded)
    parts = max(1, min(parts, n // 3))
    total = max(total, 1)

    @cache
    def piece(start: int, end: int) -> tuple[float, tuple[str, ...]]:
        grams = sorted({padded[i : i + 3] for i in range(start, end - 2)}, key=counts.__getitem__)
        best: tuple[float, tuple[str, ...]] = (float("inf"), ())
        read = 0.0
        expected = float(total)
        for i, gram in enumerate(grams):
            read += counts[gram]
            expected = counts[gram] if i == 0 else expected * (counts[gram] / total) ** _CORRELATION
            price = _POSTING_COST * read + _CANDIDATE_COST * expected
            if price < best[0]:
                best = (price, tuple(grams[: i + 1]))
        return best

    # layers[k][end]: the cheapest (price, cuts) covering padded[:end] with k pieces.
    layers: list[dict[int, tuple[float, list[int]]]] = [{0: (0.0, [])}]
    for k in range(1, parts + 1):
        layer: dict[int, tuple[float, list[int]]] = {}
        for end in range(3 * k, n + 1):
            options = [
                (prev[0] + piece(start, end)[0], [*prev[1], end])
                for start, prev in layers[k - 1].items()
                if end - start >= 3
            ]
            if options:
                layer[end] = min(options)
        layers.append(layer)
    cuts = [0, *layers[parts][n][1]]
    return [(piece(a, b)[1], piece(a, b)[0]) for a, b in pairwise(cuts)]


class TypoSearch:
    """Typo search on one glossary."""

    def __init__(self, statements: Statements) -> None:
        self.statements = statements
        self._rarity: dict[str, tuple[int, float]] = {}
        self._size: tuple[int, float] | None = None

    def similar_keys(self, cur: Any, key: str) -> list[tuple[str, float]]:
        """Keys within typo distance of ``key`` (not ``key`` itself), closest first,
        with their scores."""
        if len(key) < MIN_LENGTH:
            return []
        if self.statements is SQLITE:
            found = self._sqlite(cur, key)
        elif self.statements is POSTGRES:
            found = self._postgres(cur, key)
        else:  # pragma: no cover - statements_for refuses other backends
            raise ValueError(self.statements.name)
        ranked = sorted(found.items(), key=lambda item: (item[1], item[0]))
        return [(k, score(edits, key, k)) for k, edits in ranked]

    # -- SQLite -----------------------------------------------------------------------

    def _sqlite(self, cur: Any, key: str) -> dict[str, int]:
        padded = f" {key} "
        counts = self._counts(cur, list(dict.fromkeys(padded[i : i + 3] for i in range(len(key)))))
        most = max_edits(len(key))
        distances: dict[str, int] = {}  # every candidate seen, within ``most`` edits
        for edits in range(1, most + 1):
            expression = typo_query(padded, edits, counts, self._total(cur))
            band = (
                (len(key) - edits) << _LENGTH_SHIFT,
                ((len(key) + edits + 1) << _LENGTH_SHIFT) - 1,
            )
            cur.execute(SQLITE.typo_candidates(), (expression, *band, _MAX_CANDIDATES))
            new = [k for (k,) in cur.fetchall() if k not in distances and k != key]
            distances.update(dict.fromkeys(new, most + 1))
            distances.update(_within(key, new, most))
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

    def _postgres(self, cur: Any, key: str) -> dict[str, int]:
        edits = max_edits(len(key))
        cur.execute(POSTGRES.similar_keys(), (key, len(key), edits, key, _MAX_CANDIDATES))
        keys = [row[0] for row in cur.fetchall() if row[0] != key]
        found = _within(key, keys, edits)
        best = min(found.values(), default=0)
        return {k: e for k, e in found.items() if e == best}


def _within(key: str, keys: list[str], edits: int) -> dict[str, int]:
    """The keys at most ``edits`` away from ``key``, with their distances."""
    if not keys:
        return {}
    # Imported here: only a lookup that matched nothing else checks typos.
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    hits = process.extract(key, keys, scorer=Levenshtein.distance, score_cutoff=edits, limit=None)
    return {found: int(distance) for found, distance, _ in hits}

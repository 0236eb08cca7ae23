"""Aligning an article and its translation into translation units.

Both texts are split into sentences (:mod:`glossary.mining.sentences`), then aligned
by Gale and Church's method (1993): the cost of pairing sentences is the improbability
of their lengths in characters, given the ratio of the two texts' lengths, plus the
improbability of the kind of pairing, over the beads 1-1, 1-2, 2-1, 1-0 and 0-1 (the
priors of their paper, 2-2 left out). Beyond what length alone can tell, two kinds of
anchor make a pairing cheaper:

* **glossary anchors**: an entry of the glossary whose forms in both languages occur
  on both sides (高市 and Takaichi, 日本 and Japan), found by the style check's
  automaton;
* **numbers** found on both sides (21, 1955).

The curator reviews the beads (the web app's alignment page) before they become units.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from glossary.lang import get_language
from glossary.mining.sentences import sentences

#: Priors of the kinds of bead (Gale & Church 1993, table 5; 2-2 left out).
PRIORS = {
    (1, 1): 0.89,
    (1, 0): 0.0099 / 2,
    (0, 1): 0.0099 / 2,
    (2, 1): 0.089 / 2,
    (1, 2): 0.089 / 2,
}
#: Variance of the length of a translation, per character (Gale & Church's 6.8).
VARIANCE = 6.8
#: How much cheaper a bead is for each glossary entry, and each number, on both sides.
ANCHOR_BONUS = 3.0
NUMBER_BONUS = 1.5
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass
class Bead:
    """Sentences of the source and of the target that translate each other."""

    source: list[int]
    target: list[int]
    cost: float = 0.0
    anchors: list[int] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return f"{len(self.source)}-{len(self.target)}"


@dataclass
class Alignment:
    """Two texts split into sentences, and the beads that pair them."""

    source_lang: str
    target_lang: str
    source: list[str]
    target: list[str]
    beads: list[Bead]

    def pairs(self) -> list[tuple[str, str]]:
        """Each bead's source and target text (sentences of a side joined)."""
        return [(self.join(b.source, True), self.join(b.target, False)) for b in self.beads]

    def join(self, indices: list[int], source: bool) -> str:
        lang = self.source_lang if source else self.target_lang
        parts = [(self.source if source else self.target)[i] for i in indices]
        return (" " if get_language(lang).spaced else "").join(parts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source_lang": self.source_lang,
            "target_lang": self.target_lang,
            "beads": [
                {
                    "kind": b.kind,
                    "source": self.join(b.source, True),
                    "target": self.join(b.target, False),
                    "source_sentences": b.source,
                    "target_sentences": b.target,
                    "anchors": b.anchors,
                    "cost": round(b.cost, 3),
                }
                for b in self.beads
            ],
        }


def _length(text: str) -> int:
    return sum(1 for c in text if not c.isspace())


def _phi(z: float) -> float:
    return 0.5 * (1 + math.erf(z / math.sqrt(2)))


def length_cost(l1: int, l2: int, ratio: float) -> float:
    """−log of how likely a source of ``l1`` characters is translated in ``l2``."""
    if l1 == 0 and l2 == 0:
        return 0.0
    mean = (l1 + l2 / ratio) / 2
    z = (ratio * l1 - l2) / math.sqrt(VARIANCE * ratio * mean)
    p = 2 * (1 - _phi(abs(z)))
    return -math.log(max(p, 1e-12))


#: English month names, which Korean (3월) and Japanese (3月) write as numbers.
_MONTHS = {
    name: str(n)
    for n, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
#: A month name followed by a day (March 12, Sept. 3): "may" alone is a verb too often.
_MONTH_DAY = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})\b")


def numbers(text: str) -> set[str]:
    """The numbers of a sentence (thousands separators dropped), and the month of an
    English date as its number, so that "March 12" shares both with 3月12日 and 3월 12일."""
    text = unicodedata.normalize("NFKC", text)
    found = {m.group().replace(",", "") for m in _NUMBER.finditer(text)}
    for m in _MONTH_DAY.finditer(text):
        month = _MONTHS.get(m.group(1).lower())
        if month:
            found.add(month)
    return found


#: Cells of the search (source sentences × target sentences) searched in full; longer
#: texts are searched in a band around the diagonal, as hunalign does, so that the work
#: grows with their length rather than its square.
FULL_SEARCH_CELLS = 250_000
#: Half the width of that band, in target sentences: at least this many, and at least
#: a tenth of the longer text (a long stretch left out of one side still fits in it).
MIN_BAND = 40


def band(n: int, m: int) -> Callable[[int], range]:
    """The target positions the search considers after ``i`` source sentences: all of
    them for texts of up to :data:`FULL_SEARCH_CELLS` cells, else those near the
    diagonal from (0, 0) to (n, m)."""
    if (n + 1) * (m + 1) <= FULL_SEARCH_CELLS or n == 0:
        return lambda i: range(m + 1)
    half = max(MIN_BAND, max(n, m) // 10)

    def near(i: int) -> range:
        centre = i * m // n
        return range(max(0, centre - half), min(m, centre + half) + 1)

    return near


def align_sentences(
    source: list[str],
    target: list[str],
    source_lang: str,
    target_lang: str,
    entries: Callable[[str, str], set[int]] | None = None,
) -> Alignment:
    """Align two lists of sentences; ``entries(text, lang)`` names the glossary entries
    a sentence mentions (the anchors), when given."""
    ls = [_length(s) for s in source]
    lt = [_length(t) for t in target]
    ratio = (sum(lt) / sum(ls)) if sum(ls) and sum(lt) else 1.0
    ent_s = [entries(s, source_lang) if entries else set() for s in source]
    ent_t = [entries(t, target_lang) if entries else set() for t in target]
    num_s = [numbers(s) for s in source]
    num_t = [numbers(t) for t in target]
    n, m = len(source), len(target)
    # Lengths of the first k sentences of each side.
    cum_s = [0]
    for x in ls:
        cum_s.append(cum_s[-1] + x)
    cum_t = [0]
    for x in lt:
        cum_t.append(cum_t[-1] + x)
    steps = [(di, dj, -math.log(prior)) for (di, dj), prior in PRIORS.items()]
    within = band(n, m)
    inf = float("inf")
    # cost[i][j]: the cheapest alignment of the first i and j sentences (a row holds
    # only the cells of the band); back[i][j]: its last bead.
    cost: list[dict[int, float]] = [{} for _ in range(n + 1)]
    back: list[dict[int, tuple[int, int]]] = [{} for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        row = cost[i]
        for j in within(i):
            here = row.get(j, inf)
            if here == inf:
                continue
            for di, dj, penalty in steps:
                ni, nj = i + di, j + dj
                if ni > n or nj > m:
                    continue
                c = here + penalty
                c += length_cost(cum_s[ni] - cum_s[i], cum_t[nj] - cum_t[j], ratio)
                if di and dj:
                    es = ent_s[i] if di == 1 else ent_s[i] | ent_s[i + 1]
                    et = ent_t[j] if dj == 1 else ent_t[j] | ent_t[j + 1]
                    ns = num_s[i] if di == 1 else num_s[i] | num_s[i + 1]
                    nt = num_t[j] if dj == 1 else num_t[j] | num_t[j + 1]
                    c -= ANCHOR_BONUS * len(es & et) + NUMBER_BONUS * len(ns & nt)
                if c < cost[ni].get(nj, inf):
                    cost[ni][nj] = c
                    back[ni][nj] = (di, dj)
    beads: list[Bead] = []
    i, j = n, m
    while i or j:
        di, dj = back[i][j]
        src, tgt = list(range(i - di, i)), list(range(j - dj, j))
        shared = set().union(*(ent_s[k] for k in src)) & set().union(*(ent_t[k] for k in tgt))
        beads.append(Bead(src, tgt, cost[i][j] - cost[i - di][j - dj], sorted(shared)))
        i, j = i - di, j - dj
    beads.reverse()
    return Alignment(source_lang, target_lang, source, target, beads)


def align_texts(
    source_text: str,
    target_text: str,
    source_lang: str,
    target_lang: str,
    entries: Callable[[str, str], set[int]] | None = None,
) -> Alignment:
    """Split two parallel texts into sentences and align them."""
    return align_sentences(
        sentences(source_text, source_lang),
        sentences(target_text, target_lang),
        source_lang,
        target_lang,
        entries,
    )


def precision_recall(
    predicted: list[Bead], gold: list[tuple[list[int], list[int]]]
) -> tuple[float, float]:
    """Share of predicted beads that are in the gold alignment, and of gold beads found."""
    got = {(tuple(b.source), tuple(b.target)) for b in predicted}
    want = {(tuple(s), tuple(t)) for s, t in gold}
    right = len(got & want)
    return (right / len(got) if got else 0.0, right / len(want) if want else 0.0)

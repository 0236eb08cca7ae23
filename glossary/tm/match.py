"""Fuzzy matches: the units most like a new sentence, with the percentage a CAT tool
would show, and the glossary's terms for the sentence.

The percentage is an edit distance over match tokens (:mod:`glossary.tm.text`): words
for English, characters for Korean and Japanese, ``100 × (1 − distance / length of
the longer sentence)``, rounded down. As memoQ and Trados Studio do:

* **100%** only when the sentence is the same (white space aside) and its inline
  codes too; any other difference (punctuation, capitals, a number) gives 99% at most.
* **Numbers and names** are placeables: a number, or the name of a glossary entry
  (found by the style check's automaton), counts as one token whatever its length, a
  different number or name in its place costs no edit, and each one that differs
  costs 1 point (Trados Studio's auto-localisation and text replacement penalties).
* **Inline codes** are left out of the distance; a unit whose codes differ from the
  sentence's, or that has codes where the sentence has none, loses 1 point (Trados
  Studio's missing and different formatting penalties).
* **Context matches** come first: a 100% match whose stored previous sentence (and
  next, when both are known) is the one before (and after) the new sentence.

Matches are ordered context, then by percentage, then newest first.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from rapidfuzz.distance import Levenshtein

from glossary.lang.script import language_by_script
from glossary.model import Unit
from glossary.store.unit_index import candidates
from glossary.store.units import variant_texts, variants_with_hash
from glossary.tm.limits import checkpoint
from glossary.tm.text import (
    NUMBER,
    collapse,
    exact_key,
    inline_codes,
    normalise,
    search_grams,
    tokens,
)

if TYPE_CHECKING:
    from glossary.check import Checker
    from glossary.tm.memory import TranslationMemory

#: Matches under this percentage are not reported (memoQ's default).
MIN_SCORE = 50
NAME = "\x02"
_FIRST_NAME_CHAR = 0xE000


@dataclass
class Prepared:
    """A sentence ready to be compared: its tokens with numbers and names as
    placeables, what those placeables are, and its inline codes."""

    raw: str
    classes: list[str]
    numbers: list[str]
    names: list[str]
    codes: list[tuple[str, str]]


def prepare(text: str, seg: str = "", names: list[tuple[int, int, int]] | None = None) -> Prepared:
    """Tokens of ``text``; ``names`` are the spans of glossary entries found in it,
    ``(start, end, entry_id)``, which become one placeable token each."""
    entry_of: list[int] = []
    if names:
        parts = []
        pos = 0
        for start, end, entry_id in names:
            if start < pos:
                continue
            parts.append(text[pos:start])
            parts.append(chr(_FIRST_NAME_CHAR + len(entry_of) % 6000))
            entry_of.append(entry_id)
            pos = end
        parts.append(text[pos:])
        substituted = "".join(parts)
    else:
        substituted = text
    classes: list[str] = []
    numbers: list[str] = []
    found: list[str] = []
    for kind, token in tokens(normalise(substituted)):
        if kind == "word" or kind == "cjk":
            classes.append(token)
        elif kind == "num":
            classes.append(NUMBER)
            numbers.append(token.replace(",", ""))
        else:
            classes.append(NAME)
            found.append(str(entry_of[(ord(token) - _FIRST_NAME_CHAR) % 6000]))
    return Prepared(collapse(text), classes, numbers, found, inline_codes(seg))


def _differing(a: list[str], b: list[str]) -> int:
    """How many placeables of one sentence have no equal in the other."""
    if a == b:
        return 0
    ca, cb = Counter(a), Counter(b)
    return max(sum((ca - cb).values()), sum((cb - ca).values()))


def score(query: Prepared, unit: Prepared) -> int:
    """The match percentage of a stored sentence for a new one (see the module's notes)."""
    formatting = 0
    if bool(query.codes) != bool(unit.codes) or query.codes != unit.codes:
        formatting = 1
    if query.raw == unit.raw:
        return 100 - formatting
    longest = max(len(query.classes), len(unit.classes))
    if longest == 0:
        return 0
    distance = Levenshtein.distance(query.classes, unit.classes)
    base = 100.0 * (1 - distance / longest)
    placeables = _differing(query.numbers, unit.numbers) + _differing(query.names, unit.names)
    return max(0, min(99, math.floor(base + 1e-9) - placeables - formatting))


@dataclass
class TermInSentence:
    """A glossary entry found in the sentence, and its form in the target language."""

    entry_id: int
    found: str
    target: str | None
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"entry_id": self.entry_id, "found": self.found, "target": self.target}


@dataclass
class TmMatch:
    """A unit that matches a sentence, with its percentage and what to check in it."""

    unit: Unit
    source_lang: str
    target_lang: str
    score: int
    kind: str  # context, exact or fuzzy
    terms: list[TermInSentence] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def source(self) -> str:
        v = self.unit.variant(self.source_lang)
        return v.text if v else ""

    @property
    def target(self) -> str:
        v = self.unit.variant(self.target_lang)
        return v.text if v else ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.unit.id,
            "source": self.source,
            "target": self.target,
            "source_lang": self.source_lang,
            "target_lang": self.target_lang,
            "score": self.score,
            "match": self.kind,
            "terms": [t.to_dict() for t in self.terms],
            "warnings": self.warnings,
            "origin": self.unit.origin,
            "origin_file": self.unit.origin_file,
            "updated_at": self.unit.updated_at.isoformat() if self.unit.updated_at else None,
        }


def detect_source(sentence: str) -> str:
    """The language of a sentence by its script (English when it has no letters)."""
    return language_by_script(sentence) or "en"


class Matcher:
    """Fuzzy matching over a memory, with the glossary's names as placeables."""

    def __init__(self, tm: TranslationMemory, checker: Checker | None) -> None:
        self.tm = tm
        self.checker = checker

    def names(self, text: str) -> list[tuple[int, int, int]]:
        if self.checker is None:
            return []
        return [
            (start, end, patterns[0].entry_id)
            for start, end, _, patterns in self.checker.known_forms(text)
        ]

    def find(
        self,
        sentence: str,
        *,
        source: str | None = None,
        target: str | None = None,
        limit: int = 5,
        min_score: int = MIN_SCORE,
        before: str | None = None,
        after: str | None = None,
        candidates_limit: int = 100,
    ) -> list[TmMatch]:
        src = source or detect_source(sentence)
        query = prepare(sentence, names=self.names(sentence))
        g = self.tm.g
        with g.reading() as s:
            exact_ids = variants_with_hash(s, exact_key(sentence), src, candidates_limit)
            found = candidates(s, search_grams(sentence), limit=candidates_limit)
            ids = list(exact_ids | {vid for vid, _ in found})
            rows = variant_texts(s, ids, src)
        scored: dict[int, tuple[int, bool]] = {}
        for n, (_vid, unit_id, text, seg, prev, nxt) in enumerate(rows):
            if n % 50 == 0:
                checkpoint()  # a match under a time limit stops at its deadline
            pct = score(query, prepare(text, seg, self.names(text)))
            if pct < min_score:
                continue
            context = (
                pct == 100
                and before is not None
                and bool(prev)
                and collapse(prev) == collapse(before)
                and (after is None or not nxt or collapse(nxt) == collapse(after))
            )
            best = scored.get(unit_id)
            if best is None or (context, pct) > (best[1], best[0]):
                scored[unit_id] = (pct, context)
        # Only the best few are read whole (ties are then ordered newest first).
        # Ties go to the newest units (the larger ids), as in the final order.
        ranked = sorted(scored, key=lambda u: (scored[u][1], scored[u][0], u), reverse=True)
        cutoff = ranked[: limit * 4]
        units = self.tm.get_many(cutoff)
        out: list[TmMatch] = []
        for unit_id in cutoff:
            pct, context = scored[unit_id]
            unit = units.get(unit_id)
            if unit is None:
                continue
            tgt = target or next((lang for lang in unit.languages if lang != src), None)
            if tgt is None or unit.variant(tgt) is None:
                continue
            kind = "context" if context else "exact" if pct == 100 else "fuzzy"
            out.append(TmMatch(unit, src, tgt, pct, kind))
        out.sort(
            key=lambda m: (
                m.kind != "context",
                -m.score,
                -(m.unit.updated_at.timestamp() if m.unit.updated_at else 0),
                -(m.unit.id or 0),
            )
        )
        out = out[:limit]
        self._add_terms(sentence, src, out)
        return out

    # -- terms ------------------------------------------------------------------------

    def terms(self, sentence: str, target: str) -> list[TermInSentence]:
        """The glossary entries found in ``sentence``, each with its house form in
        ``target``."""
        if self.checker is None:
            return []
        from glossary.check.patterns import house_form

        out = []
        for start, end, found, patterns in self.checker.known_forms(sentence):
            entry_id = patterns[0].entry_id
            entry = self._entry(entry_id)
            form = house_form(entry, target, self.checker.style) if entry else None
            out.append(TermInSentence(entry_id, found, form, start, end))
        return out

    def _entry(self, entry_id: int) -> Any:
        cache: dict[int, Any] = self.__dict__.setdefault("_entries", {})
        if entry_id not in cache:
            try:
                cache[entry_id] = self.tm.g.get(entry_id)
            except Exception:  # deleted since the checker was built
                cache[entry_id] = None
        return cache[entry_id]

    def _add_terms(self, sentence: str, src: str, matches: list[TmMatch]) -> None:
        by_target: dict[str, list[TermInSentence]] = {}
        for m in matches:
            if m.target_lang not in by_target:
                by_target[m.target_lang] = self.terms(sentence, m.target_lang)
            m.terms = by_target[m.target_lang]
            m.warnings = self.warnings(m.terms, m.target, m.target_lang)

    def warnings(self, terms: list[TermInSentence], target_text: str, lang: str) -> list[str]:
        """What a translator should check in a unit's target: entries of the sentence
        whose house form the target does not use."""
        if self.checker is None or not terms:
            return []
        uses: dict[int, list[tuple[str, str]]] = {}
        for _, _, found, patterns in self.checker.known_forms(target_text):
            for p in patterns:
                if p.lang == lang:
                    uses.setdefault(p.entry_id, []).append((found, p.category))
        out = []
        for t in terms:
            if not t.target:
                continue
            seen = uses.get(t.entry_id, [])
            if any(cat == "house" for _, cat in seen):
                continue
            other = next((f for f, cat in seen if cat not in ("accepted", "partial")), None)
            if other:
                out.append(
                    f"the translation writes “{other}” for “{t.found}”; the glossary's "
                    f"form is “{t.target}”"
                )
            elif not any(cat in ("accepted", "partial") for _, cat in seen):
                out.append(
                    f"the translation does not use “{t.target}”, the glossary's form "
                    f"for “{t.found}”"
                )
        return out

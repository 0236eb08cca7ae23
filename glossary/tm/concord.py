"""Concordance: every unit whose sentences contain a word or phrase, with the hits.

The phrase and the sentences are folded as the lookup folds keys (case, width,
diacritics, katakana and hiragana), so ``tokyo`` finds “Tōkyō” and ひらがな finds
katakana. A phrase that names a glossary entry (found by the lookup, in any of its
forms, romanizations or readings) is searched in every form the entry has in every
language, and a person's family name alone, so “Takaichi” also finds 高市 and 다카이치.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from glossary.model import Unit
from glossary.store.unit_index import containing
from glossary.store.units import variant_langs_and_texts
from glossary.tm.limits import checkpoint
from glossary.tm.text import _CJK_CLASS, fold, search_grams

if TYPE_CHECKING:
    from glossary.tm.memory import TranslationMemory

_CJK_ONLY = re.compile(f"^[{_CJK_CLASS}]$")


@dataclass
class Concordance:
    """A unit holding the phrase: which sentence is shown as source and target, and
    where the hits are in each (character offsets)."""

    unit: Unit
    source_lang: str
    target_lang: str
    hits: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        s, t = self.unit.variant(self.source_lang), self.unit.variant(self.target_lang)
        return {
            "id": self.unit.id,
            "source": s.text if s else "",
            "target": t.text if t else "",
            "source_lang": self.source_lang,
            "target_lang": self.target_lang,
            "source_hits": [list(h) for h in self.hits.get(self.source_lang, [])],
            "target_hits": [list(h) for h in self.hits.get(self.target_lang, [])],
        }


#: Each character as :func:`fold` folds it, remembered (texts repeat their characters).
_FOLDED: dict[str, str] = {}


def folded_with_offsets(text: str) -> tuple[str, Sequence[int]]:
    """``fold(text)`` and, for each of its characters, the offset it came from."""
    if text.isascii():  # folding is lowering, character for character
        return text.lower(), range(len(text))
    out: list[str] = []
    where: list[int] = []
    known = _FOLDED
    for i, ch in enumerate(text):
        f = known.get(ch)
        if f is None:
            f = known[ch] = fold(ch)
        out.append(f)
        if len(f) == 1:
            where.append(i)
        else:
            where.extend([i] * len(f))
    return "".join(out), where


def find_spans(text: str, needles: list[str]) -> list[tuple[int, int]]:
    """Where the folded ``needles`` occur in ``text``, as offsets into ``text``,
    left to right, not overlapping (the longest at each place)."""
    folded, where = folded_with_offsets(text)
    spans: list[tuple[int, int]] = []
    for needle in needles:
        if not needle:
            continue
        start = folded.find(needle)
        while start >= 0:
            end = start + len(needle)
            spans.append((where[start], where[end - 1] + 1))
            start = folded.find(needle, end)
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    chosen: list[tuple[int, int]] = []
    for s in spans:
        if not chosen or s[0] >= chosen[-1][1]:
            chosen.append(s)
    return chosen


def forms_for(tm: TranslationMemory, phrase: str) -> list[str]:
    """The phrase, and every form of the glossary entries it names."""
    forms = [phrase.strip()]
    for m in tm.g.lookup(phrase, limit=5):
        if m.match not in ("exact", "variant"):
            continue
        for term in m.entry.terms:
            if term.role == "forbidden":
                continue
            forms.append(term.text)
            if m.entry.kind == "person" and term.family:
                forms.append(term.family)
    return list(dict.fromkeys(f for f in forms if f))


def _grams_query(form: str) -> list[str]:
    grams = search_grams(form, finals=False)
    if len(grams) == 1 and _CJK_ONLY.match(grams[0]):
        return [grams[0] + "*"]  # one character: the pieces that start with it
    return grams


def concordance(tm: TranslationMemory, phrase: str, *, limit: int = 50) -> list[Concordance]:
    """The units (newest first, at most ``limit``) whose sentences hold ``phrase`` or
    a form of the entry it names, with the hits marked."""
    forms = forms_for(tm, phrase)
    needles = list(dict.fromkeys(fold(f) for f in forms))
    found: dict[int, dict[str, list[tuple[int, int]]]] = {}
    with tm.g.reading() as s:
        ids: set[int] = set()
        for form in forms:
            grams = _grams_query(form)
            if grams:
                ids.update(containing(s, grams, limit=limit * 4))
        id_list = sorted(ids, reverse=True)
        for n, (unit_id, lang, text) in enumerate(variant_langs_and_texts(s, id_list)):
            if n % 100 == 0:
                checkpoint()  # a concordance under a time limit stops at its deadline
            spans = find_spans(text, needles)
            if spans:
                found.setdefault(unit_id, {})[lang] = spans
    chosen = sorted(found, reverse=True)[:limit]
    units = tm.get_many(chosen)
    out = []
    for unit_id in chosen:
        unit = units.get(unit_id)
        if unit is None:
            continue
        hits = found[unit_id]
        # Mark hits on the other sentences of the unit too (the phrase may be in both).
        for v in unit.variants:
            if v.lang not in hits:
                spans = find_spans(v.text, needles)
                if spans:
                    hits[v.lang] = spans
        src = next(lang for lang in unit.languages if lang in hits)
        _, tgt = unit.pair(src)
        if tgt == src:
            continue
        out.append(Concordance(unit, src, tgt, hits))
    return out

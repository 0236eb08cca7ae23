"""Spell Korean letter by letter in Latin script, so the Hangul can be restored exactly.

This is the transliteration mode of the Revised Romanization (RR 2000 ch.3 art.8),
for library catalogues and academic writing, not for news copy: it ignores sound
changes, writes ㄱ ㄷ ㅂ ㄹ always as g d b l, and marks a silent ㅇ or an ambiguous
letter boundary with a hyphen (물엿 mul-yeos, 없었습니다 eobs-eoss-seubnida). The work is
done by the ``hangul-romanize`` package (its ``academic`` rule).
"""

from __future__ import annotations

from functools import cache

from hangul_romanize import Transliter
from hangul_romanize.rule import academic


@cache
def _transliter() -> Transliter:
    return Transliter(academic)


def transliterate(text: str) -> str:
    """Transliterate Hangul letter by letter (RR art. 8); other characters pass through."""
    return str(_transliter().translit(text))

"""Normalised lookup keys: the form under which every written form is indexed.

A key is the text after Unicode NFKC, case folding, removal of Latin diacritics and
macrons (Tōkyō -> tokyo), removal of spaces, hyphens, apostrophes, full stops and
middle dots, and katakana folded to hiragana. Only Latin letters lose their marks:
decomposing kana would strip its voicing (が -> か) and decomposing Hangul would split
syllables into letters.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Spaces, hyphens and dashes, apostrophes and quotes, full stops, middle dots.
_FOLDED = set(
    " \t\n\u00a0\u3000"
    "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30a0\ufe63\uff0d"
    "'\u2018\u2019\u02bc\u2032\uff07`\u00b4"
    ".\uff0e\u3002"
    "\u00b7\u30fb\uff65\u2027\u2022"
    ",\u3001\uff0c"
)
_REMOVE = {ord(c): None for c in _FOLDED}


@lru_cache(maxsize=4096)
def _strip_latin_marks(ch: str) -> str:
    decomposed = unicodedata.normalize("NFD", ch)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _is_latin_with_marks(ch: str) -> bool:
    cp = ord(ch)
    return 0x00C0 <= cp <= 0x024F or 0x1E00 <= cp <= 0x1EFF


def fold_kana(text: str) -> str:
    """Turn katakana into hiragana (the long-vowel mark ー and ヴ-like rare kana stay)."""
    out = []
    for ch in text:
        cp = ord(ch)
        if 0x30A1 <= cp <= 0x30F6:
            out.append(chr(cp - 0x60))
        else:
            out.append(ch)
    return "".join(out)


def strip_latin_diacritics(text: str) -> str:
    """Remove macrons and accents from Latin letters only (Chōsei -> Chosei)."""
    return "".join(_strip_latin_marks(c) if _is_latin_with_marks(c) else c for c in text)


def normalize_key(text: str) -> str:
    """The lookup key of ``text``: what two spellings of the same form have in common."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = strip_latin_diacritics(text)
    # Combining marks left after NFKC on Latin letters (e.g. "o" + U+0304) are dropped,
    # but not the kana voicing marks, which NFKC has already composed.
    text = "".join(c for c in text if not (unicodedata.combining(c) and ord(c) < 0x3000))
    text = text.translate(_REMOVE)
    return fold_kana(text)


def strip_possessive(text: str) -> str | None:
    """``Takaichi's`` -> ``Takaichi``; None when ``text`` is not an English possessive."""
    for suffix in ("'s", "’s", "'S", "’S"):
        if text.endswith(suffix) and len(text) > len(suffix):
            return text[: -len(suffix)]
    if text.endswith(("s'", "s’")) and len(text) > 2:
        return text[:-1]
    return None

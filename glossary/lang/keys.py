"""Normalised lookup keys: the form under which every written form is indexed.

A key is the text after Unicode NFKC, case folding, removal of Latin diacritics and
macrons (Tōkyō -> tokyo), removal of spaces, hyphens, apostrophes, full stops, middle
dots and invisible characters (control characters, zero-width space, soft hyphen,
byte-order mark), and katakana folded to hiragana. Only Latin letters lose their marks:
decomposing kana would strip its voicing (が -> か) and decomposing Hangul would split
syllables into letters.
"""

from __future__ import annotations

import re
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
# Invisible characters that only get in the way of matching: control characters (NUL
# among them, which SQL text and full-text queries cannot hold), the soft hyphen, the
# zero-width space, the word joiner and the byte-order mark.
_INVISIBLE = {
    *(chr(cp) for cp in range(0x20)),
    *(chr(cp) for cp in range(0x7F, 0xA0)),
    "\u00ad",
    "\u200b",
    "\u2060",
    "\ufeff",
}
_REMOVE = {ord(c): None for c in _FOLDED | _INVISIBLE}


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


# The same rules as one-character translation tables and a regular expression, built
# once from the functions above: the lookup normalises every query, and the index
# every form, so this is on the hot path (tests compare it with the plain definition).
_LATIN_MARKS = {
    cp: _strip_latin_marks(chr(cp))
    for cp in (*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00))
    if _strip_latin_marks(chr(cp)) != chr(cp)
}
_COMBINING_BELOW_KANA = re.compile(
    "["
    + "".join(re.escape(chr(cp)) for cp in range(0x3000) if unicodedata.combining(chr(cp)))
    + "]"
)
_REMOVE_AND_FOLD_KANA = {**_REMOVE, **{cp: cp - 0x60 for cp in range(0x30A1, 0x30F7)}}
_CJK = re.compile(
    "[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7a3\ud7b0-\ud7ff"  # Hangul
    "\u3041-\u309f\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9f"  # kana
    "\u3005-\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]"  # Han
)


def strip_latin_diacritics(text: str) -> str:
    """Remove macrons and accents from Latin letters only (Chōsei -> Chosei)."""
    return text if text.isascii() else text.translate(_LATIN_MARKS)


def normalize_key(text: str) -> str:
    """The lookup key of ``text``: what two spellings of the same form have in common."""
    if text.isascii():  # NFKC leaves ASCII alone and case folding is lower()
        return text.lower().translate(_REMOVE)
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.translate(_LATIN_MARKS)
    # Combining marks left after NFKC on Latin letters (e.g. "o" + U+0304) are dropped,
    # but not the kana voicing marks, which NFKC has already composed.
    text = _COMBINING_BELOW_KANA.sub("", text)
    return text.translate(_REMOVE_AND_FOLD_KANA)


_HAN = re.compile(
    "[\\u3005-\\u3007\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\U00020000-\\U0003134f]"
)


def has_cjk(text: str) -> bool:
    """True when ``text`` holds Hangul, kana or Han characters (as script.is_cjk, faster)."""
    return _CJK.search(text) is not None


def has_han(text: str) -> bool:
    """True when ``text`` holds Han characters (kanji, hanja)."""
    return _HAN.search(text) is not None


def strip_possessive(text: str) -> str | None:
    """``Takaichi's`` -> ``Takaichi``; None when ``text`` is not an English possessive."""
    for suffix in ("'s", "’s", "'S", "’S"):
        if text.endswith(suffix) and len(text) > len(suffix):
            return text[: -len(suffix)]
    if text.endswith(("s'", "s’")) and len(text) > 2:
        return text[:-1]
    return None

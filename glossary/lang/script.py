"""Which writing system a piece of text is in, decided by Unicode ranges.

Short strings (a name, a query) are decided by script alone: Hangul means Korean,
kana means Japanese, Latin means English. Kanji/hanja without kana is ambiguous
between Japanese and Korean hanja; for names in this tool it is Japanese unless the
caller knows better (Korean articles rarely write names in hanja alone).
"""

from __future__ import annotations

import unicodedata
from collections import Counter

HANGUL = "hangul"
HIRAGANA = "hiragana"
KATAKANA = "katakana"
HAN = "han"
LATIN = "latin"
OTHER = "other"


def char_script(ch: str) -> str:
    """Name the script of one character (hangul, hiragana, katakana, han, latin, other)."""
    cp = ord(ch)
    if 0xAC00 <= cp <= 0xD7A3 or 0x1100 <= cp <= 0x11FF or 0x3130 <= cp <= 0x318F:
        return HANGUL
    if 0xA960 <= cp <= 0xA97F or 0xD7B0 <= cp <= 0xD7FF:
        return HANGUL
    if 0x3041 <= cp <= 0x309F:
        return HIRAGANA
    if 0x30A0 <= cp <= 0x30FF or 0x31F0 <= cp <= 0x31FF or 0xFF66 <= cp <= 0xFF9F:
        # U+30FB (middle dot) and U+30FC (long vowel mark) count as katakana
        return KATAKANA
    if (
        0x4E00 <= cp <= 0x9FFF
        or 0x3400 <= cp <= 0x4DBF
        or 0xF900 <= cp <= 0xFAFF
        or 0x20000 <= cp <= 0x3134F
        or cp in (0x3005, 0x3006, 0x3007)  # 々 〆 〇
    ):
        return HAN
    if ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN"):
        return LATIN
    if 0xFF21 <= cp <= 0xFF5A:  # full-width Latin letters
        return LATIN
    return OTHER


def script_counts(text: str) -> Counter[str]:
    """Count the letters of each script in ``text`` (punctuation and digits are ignored)."""
    counts: Counter[str] = Counter()
    for ch in text:
        s = char_script(ch)
        if s != OTHER:
            counts[s] += 1
    return counts


def language_by_script(text: str) -> str | None:
    """Decide ``en``, ``ko`` or ``ja`` from the scripts in ``text``; None when it has no letters.

    Any kana makes it Japanese (Japanese text always has some); otherwise Hangul makes
    it Korean; Han characters alone are taken as Japanese; Latin letters alone as English.
    """
    counts = script_counts(text)
    if not counts:
        return None
    if counts[HIRAGANA] or counts[KATAKANA]:
        return "ja"
    if counts[HANGUL]:
        return "ko"
    if counts[HAN]:
        return "ja"
    if counts[LATIN]:
        return "en"
    return None


def is_cjk(text: str) -> bool:
    """True when ``text`` contains Hangul, kana or Han characters."""
    return any(char_script(ch) in (HANGUL, HIRAGANA, KATAKANA, HAN) for ch in text)

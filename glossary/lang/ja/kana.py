"""Kana handling shared by the romanizers: katakana to hiragana, and cutting kana into syllables.

A "syllable" here is one kana unit as the romanization tables see it: a single kana
(か), a kana with a small ゃ/ゅ/ょ/ぁ/ぃ/ぅ/ぇ/ぉ/ゎ (きょ, ふぁ), the moraic nasal ん,
the small っ, or the katakana long-vowel mark ー. Word separators (a space, the
katakana middle dot ・, the double hyphen ＝) are kept as ``" "`` units.
"""

from __future__ import annotations

import unicodedata

from glossary.errors import GlossaryError
from glossary.lang.script import HAN, char_script

SMALL_GLIDES = frozenset("ゃゅょぁぃぅぇぉゎ")
WORD_SEPARATORS = frozenset(" \u3000・=＝･")
LONG_MARK = "ー"
VOWELS = frozenset("aeiou")

#: The gojūon grid: each consonant (the vowels alone under "") with its five kana, in
#: the order a i u e o.
KANA_ROWS: dict[str, str] = {
    "": "あいうえお",
    "k": "かきくけこ",
    "s": "さしすせそ",
    "t": "たちつてと",
    "n": "なにぬねの",
    "h": "はひふへほ",
    "m": "まみむめも",
    "r": "らりるれろ",
    "g": "がぎぐげご",
    "z": "ざじずぜぞ",
    "d": "だぢづでど",
    "b": "ばびぶべぼ",
    "p": "ぱぴぷぺぽ",
}

# Two-kana units that the tables know. Any other kana followed by a small kana is
# cut into two units (the small kana is then read as its full-size vowel).
_DIGRAPH_HEADS = "きしちにひみりぎじぢびぴゔてでとどふうつくぐすずいけげせぜねへめれぺべ"


class NotKana(GlossaryError):
    """The text given to a kana function contains kanji, so it has no single reading."""

    def __init__(self, text: str) -> None:
        self.text = text
        super().__init__(
            f"{text!r} contains kanji; give its reading in kana (hiragana or katakana)"
        )


def to_hiragana(text: str) -> str:
    """Turn katakana into hiragana, leaving ー, ・, Latin letters and everything else alone.

    Half-width katakana (ｶﾀｶﾅ) is first widened with NFKC, which may change the length
    of the string; full-width input keeps its length, so character indices stay valid.
    """
    if any(0xFF61 <= ord(ch) <= 0xFF9F for ch in text):
        text = unicodedata.normalize("NFKC", text)
    out = []
    for ch in text:
        cp = ord(ch)
        if 0x30A1 <= cp <= 0x30F6:
            out.append(chr(cp - 0x60))
        elif ch == "ヽ":
            out.append("ゝ")
        elif ch == "ヾ":
            out.append("ゞ")
        else:
            out.append(ch)
    return "".join(out)


def to_katakana(text: str) -> str:
    """Turn hiragana into katakana, leaving everything else alone."""
    return "".join(chr(ord(ch) + 0x60) if 0x3041 <= ord(ch) <= 0x3096 else ch for ch in text)


def is_kana(text: str) -> bool:
    """True when ``text`` has letters, all hiragana or katakana (spaces, ・ and ー allowed)."""
    seen = False
    for ch in text:
        if ch in WORD_SEPARATORS or ch == LONG_MARK:
            continue
        cp = ord(ch)
        if 0x3041 <= cp <= 0x309F or 0x30A0 <= cp <= 0x30FF or 0xFF66 <= cp <= 0xFF9F:
            seen = True
            continue
        return False
    return seen


def check_no_kanji(text: str) -> None:
    """Raise :class:`NotKana` when ``text`` holds kanji, which a kana romanizer cannot read."""
    for ch in text:
        if char_script(ch) == HAN:
            raise NotKana(text)


def expand_iteration_marks(hira: str) -> str:
    """Replace the kana repeat marks ゝ/ゞ with the kana they repeat (みすゞ → みすず)."""
    if "ゝ" not in hira and "ゞ" not in hira:
        return hira
    out: list[str] = []
    for ch in hira:
        if ch in "ゝゞ" and out:
            prev = out[-1]
            if ch == "ゞ":
                voiced = unicodedata.normalize("NFC", prev + "\u3099")
                out.append(voiced if len(voiced) == 1 else prev)
            else:
                base = unicodedata.normalize("NFD", prev)[0]
                out.append(base)
        else:
            out.append(ch)
    return "".join(out)


def syllables(hira: str, known: frozenset[str] | set[str]) -> list[tuple[int, str]]:
    """Cut hiragana into units; return ``(start index, unit)`` pairs.

    ``known`` is the set of two-kana units the caller's table has (きょ, ふぁ …). Word
    separators come back as ``" "``; any other character comes back alone.
    """
    units: list[tuple[int, str]] = []
    i = 0
    n = len(hira)
    while i < n:
        ch = hira[i]
        if ch in WORD_SEPARATORS:
            units.append((i, " "))
            i += 1
            continue
        if i + 1 < n and hira[i + 1] in SMALL_GLIDES and ch in _DIGRAPH_HEADS:
            pair = ch + hira[i + 1]
            if pair in known:
                units.append((i, pair))
                i += 2
                continue
        units.append((i, ch))
        i += 1
    return units

"""Take Hangul syllables apart into letters and put them back together.

Every Korean rule in this package works on letters (jamo): the initial consonant,
the vowel and the final consonant(s) of each syllable block. Letters are the
compatibility jamo a translator types (ㄱ, ㅏ, ㄺ …); an empty initial (the silent
ㅇ) is written ``"ㅇ"`` and an empty final ``""``.
"""

from __future__ import annotations

from typing import NamedTuple

SYLLABLE_FIRST = 0xAC00
SYLLABLE_LAST = 0xD7A3

INITIALS: tuple[str, ...] = tuple("ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ")
VOWELS: tuple[str, ...] = tuple("ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ")
FINALS: tuple[str, ...] = ("", *"ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ")

_INITIAL_INDEX = {c: i for i, c in enumerate(INITIALS)}
_VOWEL_INDEX = {c: i for i, c in enumerate(VOWELS)}
_FINAL_INDEX = {c: i for i, c in enumerate(FINALS)}

# Two-letter finals, split into the letter that stays and the letter that links on.
CLUSTERS: dict[str, tuple[str, str]] = {
    "ㄳ": ("ㄱ", "ㅅ"),
    "ㄵ": ("ㄴ", "ㅈ"),
    "ㄶ": ("ㄴ", "ㅎ"),
    "ㄺ": ("ㄹ", "ㄱ"),
    "ㄻ": ("ㄹ", "ㅁ"),
    "ㄼ": ("ㄹ", "ㅂ"),
    "ㄽ": ("ㄹ", "ㅅ"),
    "ㄾ": ("ㄹ", "ㅌ"),
    "ㄿ": ("ㄹ", "ㅍ"),
    "ㅀ": ("ㄹ", "ㅎ"),
    "ㅄ": ("ㅂ", "ㅅ"),
}


class Syllable(NamedTuple):
    """One Hangul syllable block as its three letters."""

    initial: str
    vowel: str
    final: str


def is_syllable(ch: str) -> bool:
    """True for a precomposed Hangul syllable block (가 … 힣)."""
    return len(ch) == 1 and SYLLABLE_FIRST <= ord(ch) <= SYLLABLE_LAST


def decompose(ch: str) -> Syllable:
    """Split a syllable block such as 닭 into its letters (ㄷ, ㅏ, ㄺ)."""
    index = ord(ch) - SYLLABLE_FIRST
    if not 0 <= index <= SYLLABLE_LAST - SYLLABLE_FIRST:
        raise ValueError(f"{ch!r} is not a Hangul syllable")
    return Syllable(INITIALS[index // 588], VOWELS[(index // 28) % 21], FINALS[index % 28])


def compose(initial: str, vowel: str, final: str = "") -> str:
    """Build the syllable block for three letters: ``compose("ㄷ", "ㅏ", "ㄺ")`` is 닭."""
    return chr(
        SYLLABLE_FIRST
        + _INITIAL_INDEX[initial] * 588
        + _VOWEL_INDEX[vowel] * 28
        + _FINAL_INDEX[final]
    )


def is_hangul_word(text: str) -> bool:
    """True when ``text`` is non-empty and made only of Hangul syllable blocks."""
    return bool(text) and all(is_syllable(c) for c in text)

"""Spelling-blind keys for romanized Korean and Japanese names.

One Korean name has many Latin spellings: the strict Revised Romanization (I Jaemyeong),
the press spelling the person uses (Lee Jae-myung), McCune–Reischauer (Yi Chae-myŏng),
and everything in between (Yi Jae-myeong, Rhee Jae-myung). Edit distance is no help
here: it ranks "Lim Jae-myeong", somebody else, closer to "Yi Jae-myeong" than "Lee
Jae-myung" is. Instead each spelling is *folded* to what every system agrees on, and two
spellings of one name fold to the same key:

* the family name, through ``data/korean_surnames.tsv``, to its Hangul (Lee, Yi, Rhee,
  I → 이; Lim, Im → 임, a different key);
* the given name, letter by letter: the vowels RR, the press and McCune–Reischauer
  write differently (eo / o / u / eu, yeo / yo / yu, i / ee / ui) to one letter each,
  and the consonants they voice differently (k / g, t / d, p / b, ch / j, r / l), an n
  written for ㄹ after ㅇ or ㄴ (Sŏng-nak, Silla) to l; doubled letters to one, and an h
  after a vowel at the end of a syllable (Ahn, Oh).

Japanese romanizations differ in long vowels and one consonant: Ōno, Ohno, Oono and
Ono; Itō, Itoh and Ito; Shimbun and Shinbun. :func:`fold_japanese` removes those
differences.

A fold is deliberately coarse (정 Jeong and 중 Jung fold together, as the press spells
both "Jung"): it makes a *variant* match, never an exact one, and only between names.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from pathlib import Path

from glossary.lang.keys import strip_latin_diacritics
from glossary.lang.surnames import SURNAMES_FILE, surnames
from glossary.lang.surnames import load_surnames as read_surname_table

# One pass, longest spelling first: each vowel or consonant spelling to its class.
_KOREAN_FOLDS = {
    "eui": "i",
    "yeo": "yo",
    "you": "yo",
    "yoo": "yo",
    "yu": "yo",
    "eo": "o",
    "eu": "o",
    "oo": "o",
    "ou": "o",
    "u": "o",
    "ui": "i",
    "ee": "i",
    "ai": "ae",
    "oi": "oe",
    "ch": "j",
    "sh": "s",
    "k": "g",
    "c": "g",
    "q": "g",
    "t": "d",
    "p": "b",
    "f": "b",
    "r": "l",
    "z": "j",
}
_KOREAN_PATTERN = re.compile("|".join(sorted(_KOREAN_FOLDS, key=len, reverse=True)))
_JAPANESE_FOLDS = {"ou": "o", "oo": "o", "uu": "u", "aa": "a"}
_JAPANESE_PATTERN = re.compile("|".join(_JAPANESE_FOLDS))
_VOWELS = "aeiouwy"
_H_AFTER_VOWEL = re.compile(f"(?<=[{_VOWELS}])h(?=[^{_VOWELS}]|$)")
_OH = re.compile(f"(?<=o)h(?=[^{_VOWELS}]|$)")
_M_BEFORE_LABIAL = re.compile("m(?=[bmp])")
_DOUBLED = re.compile(r"(.)\1+")
# ㄹ after ㅇ or ㄴ is often written as pronounced (Sŏng-nak for 성락, Silla for 신라).
_LIQUID = re.compile("(?<=ng)n|n(?=l)|(?<=l)n")
_NOT_LETTER = re.compile("[^a-z]+")
_WORD_BREAK = re.compile(r"[\s,]+")

# Revised Romanization of single Hangul syllables, letter by letter (a given name is
# romanized without sound changes, RR 2000 ch.3 art.4).
_INITIALS: tuple[str, ...] = (
    *("g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch"),
    *("k", "t", "p", "h"),
)
_MEDIALS: tuple[str, ...] = (
    *("a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo"),
    *("u", "wo", "we", "wi", "yu", "eu", "ui", "i"),
)
_FINALS: tuple[str, ...] = (
    *("", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l"),
    *("m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"),
)


def hangul_letters(text: str) -> str:
    """Romanize Hangul syllable by syllable (재명 → jaemyeong); other text is dropped."""
    out = []
    for ch in text:
        index = ord(ch) - 0xAC00
        if 0 <= index < 11172:
            out.append(_INITIALS[index // 588] + _MEDIALS[(index // 28) % 21] + _FINALS[index % 28])
    return "".join(out)


def latin_letters(text: str) -> str:
    """Lower-case ASCII letters of ``text`` (Kŭn-hye → kunhye), everything else dropped."""
    if not text.isascii():
        text = strip_latin_diacritics(unicodedata.normalize("NFKC", text))
    return _NOT_LETTER.sub("", text.casefold())


def is_latin_name(text: str) -> bool:
    """True when ``text`` has Latin letters and nothing but them, spaces and punctuation."""
    if text.isascii():
        return any(c.isalpha() for c in text)
    letters = [c for c in unicodedata.normalize("NFKC", text) if c.isalpha()]
    return bool(letters) and all(
        unicodedata.name(c, "").startswith("LATIN")
        for c in strip_latin_diacritics("".join(letters))
    )


@lru_cache(maxsize=65536)
def fold_korean(text: str) -> str:
    """Fold a romanized Korean word so every romanization system agrees on it.

    ``fold_korean("Jae-myung") == fold_korean("jaemyeong") == fold_korean("Chae-myŏng")``.
    """
    s = latin_letters(text)
    s = _KOREAN_PATTERN.sub(lambda m: _KOREAN_FOLDS[m.group()], s)
    s = _H_AFTER_VOWEL.sub("", s)
    s = _LIQUID.sub("l", s)
    return _DOUBLED.sub(r"\1", s)


@lru_cache(maxsize=65536)
def fold_japanese(text: str) -> str:
    """Fold a romanized Japanese word: long vowels and m/n before labials.

    ``Ōno``, ``Ohno``, ``Oono`` and ``Ono`` all fold to ``ono``; ``Shimbun`` to ``shinbun``.
    """
    s = latin_letters(text)
    s = _OH.sub("", s)
    s = _JAPANESE_PATTERN.sub(lambda m: _JAPANESE_FOLDS[m.group()], s)
    return _M_BEFORE_LABIAL.sub("n", s)


def load_surnames(path: Path | str = SURNAMES_FILE) -> dict[str, tuple[str, ...]]:
    """The spellings the lookup recognises for each family name (its ``spellings``
    column): Hangul → Latin spellings as written, strict RR first."""
    return {s.hangul: s.spellings for s in read_surname_table(path) if s.spellings}


@cache
def _surnames_by_spelling() -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for surname in surnames():
        for spelling in surname.spellings:
            found.setdefault(latin_letters(spelling), set()).add(surname.hangul)
    return {spelling: frozenset(names) for spelling, names in found.items()}


def korean_surnames(spelling: str) -> frozenset[str]:
    """The Hangul family names a Latin spelling may stand for: ``Lee`` → {이}."""
    return _surnames_by_spelling().get(latin_letters(spelling), frozenset())


@lru_cache(maxsize=65536)
def korean_name_folds(family: str, given: str) -> frozenset[str]:
    """Folded keys of a Korean person's name: Hangul family name + folded given name.

    The parts may be in Hangul (이, 재명) or Latin letters (Lee, Jae-myung); a Latin
    family name that is in none of the table's rows gives no key.
    """
    family, given = family.strip(), given.strip()
    if not family or not given:
        return frozenset()
    if all(0xAC00 <= ord(c) <= 0xD7A3 for c in family):
        heads: Iterable[str] = (family,)
    else:
        heads = korean_surnames(family)
    if any(0xAC00 <= ord(c) <= 0xD7A3 for c in given):
        tail = fold_korean(hangul_letters(given))
    else:
        tail = fold_korean(given)
    return frozenset(head + tail for head in heads if tail)


def korean_query_folds(text: str) -> set[str]:
    """The keys :func:`korean_name_folds` would give for a name typed in Latin letters,
    reading either the first or the last word as the family name."""
    words = [w for w in _WORD_BREAK.split(text.strip()) if w]
    if len(words) < 2:
        return set()
    return set(korean_name_folds(words[0], " ".join(words[1:]))) | korean_name_folds(
        words[-1], " ".join(words[:-1])
    )


def split_latin_name(text: str) -> Iterator[tuple[str, str]]:
    """(family, given) readings of a Latin name whose first or last word is a Korean
    family name in the table (``Lee Jae Myung`` → (Lee, Jae Myung))."""
    words = [w for w in _WORD_BREAK.split(text.strip()) if w]
    if len(words) < 2:
        return
    if korean_surnames(words[0]):
        yield words[0], " ".join(words[1:])
    if korean_surnames(words[-1]):
        yield words[-1], " ".join(words[:-1])

"""Personal names written in Latin letters: Korean and Japanese romanization.

* ``is_korean_name(tokens)``: family name first (a spelling from the ``english_miner``
  column of ``glossary/lang/data/korean_surnames.tsv``),
  then a given name of one or two romanized syllables ("Lee Jae-myung",
  "Lee Jae Myung", "Kim Jong Un");
* ``is_romaji(word)``: the word reads as Hepburn romanization of Japanese
  ("Takaichi", "Shigeru"), which "John" or "Lim" do not;
* ``person_key(surface)``: the clustering key of a person's name: its letters,
  lowercased and sorted, so that name order, spaces and hyphens do not matter
  ("Sanae Takaichi" = "Takaichi Sanae", "Lee Jae Myung" = "Lee Jae-myung");
* ``house_style(surfaces, family)``: the canonical form of a person's name:
  family name first for Korean and Japanese names, the Korean given name joined
  with a hyphen ("Lee Jae-myung"), others as most often written.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import cache

from glossary.lang.surnames import english_miner_spellings
from glossary.mining.rules import load_table, load_words

# Hepburn romaji: an optional consonant (or digraph), a vowel; a syllabic n; a
# doubled consonant before another syllable.
_ROMAJI = re.compile(
    r"(?:(?:ky|gy|sh|ch|ny|hy|by|py|my|ry|j|ts|f|[kgsztdnhbpmyrw])?[aiueo]"
    r"|n(?![aiueoy])|([kstpgdbc])(?=\1))+"
)
# One Revised Romanization (or McCune-Reischauer-like) syllable of a given name.
_KO_SYLLABLE = re.compile(
    r"(?:kk|tt|pp|ss|jj|ch|[gkndrlmbsjhpty])?"
    r"(?:yae|yeo|wae|you|ae|ya|eo|ye|wa|oe|yo|wo|we|wi|yu|eu|ui|oo|ou|ee|ea|ay|oh|u|a|e|i|o)"
    r"(?:ng|[kntlmpgbr])?"
)


def is_korean_syllable(word: str) -> bool:
    """Whether ``word`` is one romanized Korean syllable ("jae", "myung", "lak")."""
    return bool(_KO_SYLLABLE.fullmatch(word.lower()))


def _korean_given(parts: list[str]) -> bool:
    syllables: list[str] = []
    for p in parts:
        syllables.extend(s for s in p.split("-") if s)
    return 1 <= len(syllables) <= 2 and all(is_korean_syllable(s) for s in syllables)


def is_korean_name(tokens: list[str]) -> bool:
    """Whether the name tokens read as a Korean name, family name first."""
    if len(tokens) < 2 or tokens[0].lower() not in english_miner_spellings():
        return False
    return _korean_given(tokens[1:])


def is_korean_name_reversed(tokens: list[str]) -> bool:
    """Whether the name reads as a Korean name written given name first ("Jae-myung Lee")."""
    if len(tokens) < 2 or tokens[-1].lower() not in english_miner_spellings():
        return False
    return "-" in "".join(tokens[:-1]) and _korean_given(tokens[:-1])


def is_romaji(word: str) -> bool:
    """Whether ``word`` reads as Hepburn romanization of Japanese."""
    w = word.lower().replace("ō", "o").replace("ū", "u")
    return len(w) >= 2 and bool(_ROMAJI.fullmatch(w))


@cache
def western_given_names() -> frozenset[str]:
    """Western given names that read as romaji (``en_given_names.txt``) and the short
    forms and their full names (``en_given_name_short_forms.txt``): "Joe Biden" reads
    as romaji letter by letter, but "Joe" is no Japanese name."""
    out: set[str] = set(load_words("en_given_names.txt", lower=False))
    for row in load_table("en_given_name_short_forms.txt"):
        out.add(row[0])
        if len(row) > 1:
            out.update(x.strip() for x in row[1].split("|"))
    return frozenset(out)


def is_japanese_name(tokens: list[str]) -> bool:
    """Whether every token of a two- or three-token name reads as romaji."""
    return 2 <= len(tokens) <= 3 and all(is_romaji(t) for t in tokens)


def person_key(surface: str) -> str:
    """Clustering key of a person's name: its letters, lowercased and sorted.

    Accents and macrons do not count: "Kōno Tarō" and "Taro Kono" share a key.
    """
    bare = unicodedata.normalize("NFKD", surface.lower())
    letters = sorted(ch for ch in bare if ch.isalpha())
    return "p:" + "".join(letters)


def name_tokens(surface: str) -> list[str]:
    return surface.replace("\u00a0", " ").split()


def _korean_canonical(family: str, given_parts: list[str]) -> str:
    syllables: list[str] = []
    for p in given_parts:
        syllables.extend(s for s in p.split("-") if s)
    given = "-".join(s.lower() for s in syllables)
    return f"{family} {given[:1].upper()}{given[1:]}"


def house_style(surfaces: Counter[str], family_hints: set[str]) -> str | None:
    """Canonical form of a person cluster's name, or None to let the caller choose.

    ``surfaces`` counts the cluster's surfaces; ``family_hints`` holds words known
    to be the family name (a single-word surface of the same person, say).
    """
    multi = [(s, c) for s, c in surfaces.items() if len(name_tokens(s)) >= 2]
    if not multi:
        return None
    multi.sort(key=lambda sc: (-sc[1], -sc[0].count("-"), sc[0]))
    for surface, _ in multi:
        toks = name_tokens(surface)
        if is_korean_name(toks):
            hyphenated = [s for s, _ in multi if "-" in s and is_korean_name(name_tokens(s))]
            if hyphenated:
                return hyphenated[0]
            return _korean_canonical(toks[0], toks[1:])
        if is_korean_name_reversed(toks):
            return _korean_canonical(toks[-1], toks[:-1])
    for surface, _ in multi:
        toks = name_tokens(surface)
        if is_japanese_name(toks) and toks[0] not in western_given_names():
            lowered = {h.lower() for h in family_hints}
            if toks[0].lower() in lowered:
                return surface
            if toks[-1].lower() in lowered:
                return " ".join([toks[-1], *toks[:-1]])
            # no evidence: a surface written family-first wins if there is one
            return surface
    return None

"""Write Korean in Latin letters by the official Revised Romanization of Korean (RR 2000).

Source: 국어의 로마자 표기법, 문화관광부 고시 제2000-8호 (2000-07-07). What this
module implements, by article of its chapter 3:

* art. 1 — sound changes are written (see :mod:`glossary.lang.ko.sound`): 백마 Baengma,
  신라 Silla, 해돋이 haedoji, 좋고 joko; but not in nouns where ㅎ follows ㄱ ㄷ ㅂ (묵호
  Mukho, 집현전 Jiphyeonjeon), and tensification is never written (압구정 Apgujeong);
* art. 2 — where a syllable boundary could be misread a hyphen *may* be used (중앙
  Jung-ang, 해운대 Hae-undae): only with ``hyphen=True``, since real names mostly omit it;
* art. 3 — proper nouns start with a capital letter (``kind`` other than ``term``);
* art. 4 — persons: family name first, a space, then the given name as one word with no
  sound change inside it (한복남 Han Boknam); ``hyphen=True`` gives Han Bok-nam;
* art. 5 — administrative units 도 시 군 구 읍 면 리 동 가 take a hyphen and no sound change
  across it (의정부시 Uijeongbu-si, 봉천1동 Bongcheon 1(il)-dong), for ``kind="place"``;
  nouns that merely end in a unit syllable stay one word (미아사거리 Miasageori,
  굽은다리 Gubeundari, 답십리 Dapsimni: ``data/unit_lookalikes.tsv``), and the few
  units after a one-syllable stem are listed (명동 Myeong-dong: ``data/short_stem_units.tsv``);
* art. 6 — natural features, cultural properties and structures are one word, with no
  hyphen (남산 Namsan, 불국사 Bulguksa, 독도 Dokdo).

Road-name addresses (도로명주소) follow the Ministry of the Interior and Safety's
romanization of road names (행정자치부, 2007-12, in force for every road sign and
address since): the road units 대로 로 길 are written -daero -ro -gil after a hyphen,
with no sound change across it (세종대로 Sejong-daero, 종로 Jong-ro), a numbered
branch road N길 is "N-gil" and N번길 is "Nbeon-gil" (한강대로23길 Hangang-daero 23-gil,
성남대로2번길 Seongnam-daero 2beon-gil), with no Korean reading of the number. A word
ending in 대로, or a road with a branch or a building number after it, is read as a
road; 종로 alone stays the district and station name Jongno (RR's own example), and
:func:`road_form` gives its road spelling Jong-ro.

Words are separated by spaces and sound changes never cross a word boundary. Text that
is not Hangul passes through unchanged.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from glossary.errors import InvalidValue
from glossary.lang.ko.exceptions import (
    WHOLE,
    exceptions,
    provinces,
    short_stem_units,
    unit_lookalikes,
)
from glossary.lang.ko.jamo import VOWELS, decompose, is_hangul_word, is_syllable
from glossary.lang.ko.names import split_person_name
from glossary.lang.ko.sound import NEUTRAL, pronounce

KINDS: tuple[str, ...] = ("term", "person", "place", "org", "facility", "event", "work")
"""The kinds of glossary entry (as in :mod:`glossary.vocab`); all but ``term`` are proper nouns."""
PROPER_KINDS = frozenset(KINDS[1:])

ONSET_RR: dict[str, str] = {
    "ㄱ": "g", "ㄲ": "kk", "ㄴ": "n", "ㄷ": "d", "ㄸ": "tt", "ㄹ": "r", "ㅁ": "m",
    "ㅂ": "b", "ㅃ": "pp", "ㅅ": "s", "ㅆ": "ss", "ㅇ": "", "ㅈ": "j", "ㅉ": "jj",
    "ㅊ": "ch", "ㅋ": "k", "ㅌ": "t", "ㅍ": "p", "ㅎ": "h",
}  # fmt: skip
_VOWEL_SPELLINGS = (
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae",
    "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i",
)  # fmt: skip
VOWEL_RR: dict[str, str] = dict(zip(VOWELS, _VOWEL_SPELLINGS, strict=True))
CODA_RR: dict[str, str] = {
    "": "", "ㄱ": "k", "ㄴ": "n", "ㄷ": "t", "ㄹ": "l", "ㅁ": "m", "ㅂ": "p", "ㅇ": "ng",
}  # fmt: skip

UNITS: tuple[str, ...] = ("특별자치시", "특별자치도", "특별시", "광역시", *"도시군구읍면리동가")
"""Administrative units written after a hyphen in place names (RR ch.3 art.5)."""

ROAD_UNITS: dict[str, str] = {"대로": "daero", "로": "ro", "길": "gil"}
"""Road units of road-name addresses and their fixed spellings (MOIS road-name rules)."""

_HANGUL_RUN = re.compile(r"[가-힣]+|[^가-힣]+")
_PLACE_WORD = re.compile(r"([가-힣]*?)([0-9]*)(" + "|".join(UNITS) + r")")
_ROAD_WORD = re.compile(r"([가-힣]+?)(대로|로|길)(?:([0-9]+)(번길|길))?")
_ROAD_BRANCH = re.compile(r"([0-9]+)(번길|길)")
_BUILDING_NUMBER = re.compile(r"[0-9]+(?:-[0-9]+)?")
_SINO_DIGITS = "영일이삼사오육칠팔구"
# One-syllable district names: the districts 중구 동구 서구 남구 북구 of many cities.
_DISTRICT_DIRECTIONS = frozenset("중동서남북")


def check_kind(kind: str | None) -> str | None:
    """Return ``kind`` unchanged when it is one of :data:`KINDS` (or None), else raise."""
    if kind is not None and kind not in KINDS:
        raise InvalidValue("kind", kind, KINDS)
    return kind


def syllable_rr(ch: str) -> str:
    """Romanize one syllable on its own, as RR writes each syllable of a given name."""
    initial, vowel, final = decompose(ch)
    return ONSET_RR[initial] + VOWEL_RR[vowel] + CODA_RR[NEUTRAL[final]]


def word_syllables(word: str) -> tuple[str, ...]:
    """Romanize a Hangul-only word with its sound changes, one string per syllable.

    The exception table is consulted first (a respelling, or a romanization given
    whole, which comes back as a single string).
    """
    return _word_parts(word)[0]


@lru_cache(maxsize=65536)
def _word_parts(word: str) -> tuple[tuple[str, ...], tuple[bool, ...]]:
    """The syllables of :func:`word_syllables`, and for each boundary whether a
    hyphen may go there (not where a final consonant linked on to the next vowel)."""
    respelling = exceptions().get(word)
    if respelling and respelling != WHOLE:
        if not is_hangul_word(respelling):
            return (respelling,), ()
        word = respelling
    out: list[str] = []
    open_boundary: list[bool] = []
    previous = ""
    for index, (initial, vowel, final) in enumerate(pronounce(word)):
        onset = "l" if initial == "ㄹ" and previous == "ㄹ" else ONSET_RR[initial]
        if index:
            open_boundary.append(not (initial != "ㅇ" and decompose(word[index])[0] == "ㅇ"))
        out.append(onset + VOWEL_RR[vowel] + CODA_RR[final])
        previous = final
    return tuple(out), tuple(open_boundary)


@cache
def _valid_syllables() -> frozenset[str]:
    """Every string RR can write for one syllable (for the hyphen test of art. 2)."""
    return frozenset(
        onset + vowel + coda
        for onset in ONSET_RR.values()
        for vowel in VOWEL_RR.values()
        for coda in CODA_RR.values()
    )


def _confusable(left: str, right: str) -> bool:
    """True when ``left + right`` could also be read as other syllables (해운대: hae|un, ha|eun)."""
    valid = _valid_syllables()
    joined = left + right
    if joined in valid:
        return True
    return any(
        joined[:k] in valid and joined[k:] in valid for k in range(1, len(joined)) if k != len(left)
    )


def _join_word(word: str, hyphen: bool) -> str:
    """Romanize a Hangul-only word; with ``hyphen``, mark confusable boundaries (art. 2)."""
    syllables, open_boundary = _word_parts(word)
    if not hyphen or len(syllables) < 2:
        return "".join(syllables)
    parts = [syllables[0]]
    for i, right in enumerate(syllables[1:]):
        confusable = open_boundary[i] and _confusable(syllables[i], right)
        parts.append("-" + right if confusable else right)
    return "".join(parts)


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def _romanize_chunk(chunk: str, *, proper: bool, hyphen: bool) -> str:
    """Romanize a word that may mix Hangul with other characters (which pass through)."""
    out: list[str] = []
    for match in _HANGUL_RUN.finditer(chunk):
        piece = match.group()
        if is_syllable(piece[0]):
            roman = _join_word(piece, hyphen)
            if proper and (not out or not out[-1][-1:].isalnum()):
                roman = _capitalize(roman)
            out.append(roman)
        else:
            out.append(piece)
    return "".join(out)


def sino_number(number: int) -> str:
    """Write a number from 0 to 9999 in Sino-Korean numerals (12 → 십이), as read aloud."""
    if not 0 <= number <= 9999:
        raise ValueError("only numbers from 0 to 9999 are spelled out")
    if number == 0:
        return "영"
    out = []
    for value, name in ((1000, "천"), (100, "백"), (10, "십"), (1, "")):
        digit, number = divmod(number, value)
        if digit:
            out.append(("" if digit == 1 and name else _SINO_DIGITS[digit]) + name)
    return "".join(out)


@cache
def _one_word_endings() -> tuple[str, ...]:
    """Endings that make a place word one word: unit look-alikes and whole names (왕십리)."""
    whole = (name for name, respelling in exceptions().items() if respelling == WHOLE)
    return (*unit_lookalikes(), *whole)


@lru_cache(maxsize=65536)
def _split_place_word(word: str) -> tuple[str, str, str] | None:
    """Split a place word into (stem, number, unit) when it ends in an administrative unit."""
    if word in exceptions():
        return None
    if word in short_stem_units():
        return word[:-1], "", word[-1]
    if word.endswith(_one_word_endings()):
        return None  # 미아사거리 ends in the noun 거리, 상왕십리 in the whole name 왕십리
    match = _PLACE_WORD.fullmatch(word)
    if not match:
        return None
    stem, digits, unit = match.groups()
    if len(unit) > 1:
        ok = bool(stem)
    elif unit == "도":
        ok = stem + unit in provinces()
    elif unit == "가":
        ok = bool(digits)
    elif unit == "구" and len(stem) == 1:
        ok = stem in _DISTRICT_DIRECTIONS  # 중구 Jung-gu, but 대구 Daegu
    else:
        ok = len(stem) >= 2 or bool(digits)
    if not ok:
        return None
    return stem, digits, unit


def is_administrative(text: str) -> bool:
    """True when the place name ``text`` ends in an administrative unit (의정부시, 중구).

    도 counts only for the provinces of ``data/provinces.tsv`` (제주도 yes, 독도 no); 가
    only after a number (종로 2가); the other units after a name of two syllables or
    more, or a number, and 구 also after 중 동 서 남 북 (중구 Jung-gu); so 대구, 왕십리
    and 영동 are names, not units. The one-syllable stems of ``data/short_stem_units.tsv``
    count (명동); words ending in a noun of ``data/unit_lookalikes.tsv`` do not
    (미아사거리, 굽은다리, 을지로입구).
    """
    words = text.split()
    return bool(words) and _split_place_word(words[-1]) is not None


def _road_parts(word: str, *, numbered: bool) -> tuple[str, str, str, str] | None:
    """Split a road name into (name, road unit, branch number, branch unit), or None.

    A word ending in 대로, or in 길 after a name of two syllables or more, is a road;
    one ending in 로 only with a branch (테헤란로87길) or when ``numbered`` (a building
    number or a branch road follows it), since 종로 alone is also the district Jongno.
    """
    if word in exceptions():
        return None
    match = _ROAD_WORD.fullmatch(word)
    if not match:
        return None
    stem, road, number, branch = match.groups()
    if number or numbered or road == "대로":
        return stem, road, number or "", branch or ""
    if road == "길" and len(stem) >= 2:
        return stem, road, "", ""
    return None


def _branch_rr(number: str, branch: str) -> str:
    """A branch road's number and unit: 23길 → 23-gil, 2번길 → 2beon-gil (MOIS rules)."""
    return f"{number}-gil" if branch == "길" else f"{number}beon-gil"


def _romanize_road(parts: tuple[str, str, str, str], *, hyphen: bool) -> str:
    stem, road, number, branch = parts
    out = _capitalize(_join_word(stem, hyphen)) + "-" + ROAD_UNITS[road]
    return out + (" " + _branch_rr(number, branch) if number else "")


@lru_cache(maxsize=65536)
def _romanize_place_word(word: str, *, hyphen: bool, numbered: bool = False) -> str:
    road = _road_parts(word, numbered=numbered)
    if road is not None:
        return _romanize_road(road, hyphen=hyphen)
    branch = _ROAD_BRANCH.fullmatch(word)
    if branch:  # 사임당로 3길: the branch written apart
        return _branch_rr(*branch.groups())
    parts = _split_place_word(word)
    if parts is None:
        return _romanize_chunk(word, proper=True, hyphen=hyphen)
    stem, digits, unit = parts
    out = _capitalize(_join_word(stem, hyphen)) if stem else ""
    if digits:
        number = int(digits)
        reading = "".join(word_syllables(sino_number(number))) if number <= 9999 else ""
        out += (" " if stem else "") + digits + (f"({reading})" if reading else "")
    return out + "-" + "".join(word_syllables(unit))


def romanize_person(name: str, *, family: str | None = None, hyphen: bool = False) -> str:
    """Romanize a person's name by RR art. 4: 민용하 → Min Yongha (Min Yong-ha with hyphen)."""
    family_name, given = split_person_name(name, family)
    out = _capitalize(_syllables_alone(family_name, separator=""))
    if given:
        out += " " + _capitalize(_syllables_alone(given, separator="-" if hyphen else ""))
    return out


def _syllables_alone(text: str, *, separator: str) -> str:
    """Romanize each syllable on its own (no sound change), joined by ``separator``."""
    pieces = [syllable_rr(ch) if is_syllable(ch) else ch for ch in text]
    return separator.join(pieces)


def romanize(
    text: str, *, kind: str | None = None, hyphen: bool = False, family: str | None = None
) -> str:
    """Romanize Korean text by the strict Revised Romanization rules (RR 2000).

    ``kind`` is ``None``/``"term"`` (lowercase common word), ``"person"``, ``"place"``,
    ``"org"``, ``"facility"``, ``"event"`` or ``"work"`` (proper nouns: each word
    capitalised).
    Persons are written family name first (``family`` forces the split); places get
    a hyphen before an administrative unit. ``hyphen=True`` adds the optional hyphens
    RR allows: between the syllables of a given name (Min Yong-ha) and, elsewhere,
    where a syllable boundary could be misread (Jung-ang, Hae-undae).
    """
    check_kind(kind)
    text = text.strip()
    if not text:
        return ""
    if kind == "person":
        return romanize_person(text, family=family, hyphen=hyphen)
    if kind == "place":
        return _romanize_place(text, hyphen=hyphen, roads=False)
    proper = kind in PROPER_KINDS
    out: list[str] = []
    for token in text.split():
        out.append(_romanize_chunk(token, proper=proper, hyphen=hyphen))
    return " ".join(out)


def _romanize_place(text: str, *, hyphen: bool, roads: bool) -> str:
    """Romanize a place word by word; a road followed by a number is read as a road."""
    words = text.split()
    out: list[str] = []
    for i, word in enumerate(words):
        after = words[i + 1] if i + 1 < len(words) else ""
        numbered = roads or bool(_ROAD_BRANCH.fullmatch(after) or _BUILDING_NUMBER.fullmatch(after))
        out.append(_romanize_place_word(word, hyphen=hyphen, numbered=numbered))
    return " ".join(out)


def road_form(text: str) -> str | None:
    """The road-name spelling of a place that ends in 로 (종로 → Jong-ro), or None.

    :func:`romanize` writes 종로 alone as the district and station name Jongno; the
    road of the same name is Jong-ro in road-name addresses (MOIS road-name rules).
    """
    text = text.strip()
    words = text.split()
    if not words or _road_parts(words[-1], numbered=True) is None:
        return None
    return _romanize_place(text, hyphen=False, roads=True)

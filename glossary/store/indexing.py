"""Which lookup keys an entry is indexed under.

Every term's own text is indexed as a ``form`` (a query equal to it matches ``exact``).
Its romanizations, reading, press spelling, hanja and name parts, and the name-order
variants, are indexed as ``variant``. Korean and Japanese names and romanized place
names also get ``sound`` keys (:mod:`glossary.lang.romanized`): one key shared by every
romanization of the name, so that "Yi Jae-myeong" finds "Lee Jae-myung" as a variant.

Keys per entry stay few: written forms collapse under the normalised key (case, spaces,
hyphens, apostrophes, macrons), so a person has a key for each form, each field, both
name orders where a house style uses them, the family name, and one or two sound keys
(about a dozen for a person with English, Korean and Japanese forms).

Each key also says which substring and typo indexes it feeds: ``fuzzy`` (typo search,
for keys in Latin letters, Hangul or kana; one key string per entry, whatever the
language) and ``cjk`` (substring search inside Korean and Japanese forms). Changing
what this module produces means bumping :data:`INDEX_VERSION`, which makes the next
:func:`glossary.open_glossary` rebuild the keys of every entry.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import NamedTuple, Protocol

from glossary.lang.keys import has_cjk, has_han, normalize_key, strip_possessive
from glossary.lang.romanized import (
    fold_japanese,
    fold_korean,
    hangul_letters,
    is_latin_name,
    korean_name_folds,
    korean_query_folds,
    split_latin_name,
)
from glossary.lang.styles import ORIGINS, rule_for, style_names
from glossary.model import Entry, Term

#: Bump when the keys an entry gets change: stored keys are then rebuilt on open.
INDEX_VERSION = 2

#: Term fields indexed as variants, and the name each key records as its source.
_VARIANT_FIELDS = ("romanization", "press", "reading", "hepburn", "plain", "hanja")
#: Sources whose keys typo search looks at (not name orders and sound keys).
_FUZZY_SOURCES = frozenset({"text", *_VARIANT_FIELDS, "family"})
#: Sources whose keys substring search looks inside (a family name or the other name
#: order is inside the full form already).
_SUBSTRING_SOURCES = frozenset({"text", *_VARIANT_FIELDS})
#: Prefixes of sound keys: no normalised form starts with "~" followed by a letter here
#: in practice, and lookups tell the two apart by ``match`` anyway.
KOREAN_SOUND = "~k"
JAPANESE_SOUND = "~j"
_MAX_SOUND_KEYS = 4
_MIN_SOUND_LENGTH = 3
_FAMILY_ALONE_MIN = 2  # a one-letter family name alone (이, 李, O) would match everywhere


class IndexKey(NamedTuple):
    """One key of an entry: the language of the term it came from, the normalised key,
    how it matches (form, variant, sound), which field it came from, and which
    substring/typo indexes it feeds."""

    lang: str
    key: str
    match: str
    source: str
    fuzzy: bool = False
    cjk: bool = False


class _Adder(Protocol):
    def __call__(
        self, lang: str, text: str, match: str, source: str, *, min_length: int = 1
    ) -> None: ...


@cache
def _name_orders(origin: str, lang: str) -> tuple[bool, ...]:
    """Family-first (True) and/or given-first (False): the orders the house styles use."""
    if origin not in ORIGINS:
        return (True, False)
    orders = {rule_for(style, origin, lang).family_first for style in style_names()}
    return tuple(sorted(orders, reverse=True))


def _is_latin(text: str) -> bool:
    return not has_cjk(text)


def _first_word(value: str) -> str | None:
    parts = value.split()
    return parts[0] if len(parts) > 1 else None


def keys_for_entry(entry: Entry) -> Iterator[IndexKey]:
    """Every distinct (language, key) an entry is found under; a form beats a variant."""
    seen: dict[tuple[str, str], tuple[str, str]] = {}

    def add(lang: str, text: str, match: str, source: str, *, min_length: int = 1) -> None:
        key = normalize_key(text)
        if len(key) < min_length:
            return
        old = seen.get((lang, key))
        if old is None or (old[0] == "variant" and match == "form"):
            seen[(lang, key)] = (match, source)

    for term in entry.terms:
        add(term.lang, term.text, "form", "text")
        for name in _VARIANT_FIELDS:
            value = getattr(term, name)
            if value:
                # Hepburn and romanization fields index in the term's language, so that a
                # Latin-script query filtered to "ja" still finds the Japanese form.
                add(term.lang, value, "variant", name)
        if term.family and term.given:
            _add_name_parts(term, entry.origin, add)

    fuzzy_done: set[str] = set()
    for (lang, key), (match, source) in seen.items():
        fuzzy = (
            source in _FUZZY_SOURCES
            and len(key) >= 3
            and key not in fuzzy_done
            and not has_han(key)  # a mistyped kanji is another word, not an edit away
        )
        if fuzzy:
            fuzzy_done.add(key)
        cjk = source in _SUBSTRING_SOURCES and has_cjk(key)
        yield IndexKey(lang, key, match, source, fuzzy, cjk)
    yield from _sound_keys(entry)


def _add_name_parts(term: Term, origin: str, add: _Adder) -> None:
    family, given = term.family.strip(), term.given.strip()
    add(term.lang, family, "variant", "family", min_length=_FAMILY_ALONE_MIN)
    # The family part of a reading or romanization written "family given".
    for name in ("reading", "hepburn", "plain", "romanization", "press"):
        head = _first_word(getattr(term, name))
        if head:
            add(term.lang, head, "variant", name, min_length=_FAMILY_ALONE_MIN)
    # Latin script: both orders always (Takaichi Sanae, Sanae Takaichi); Hangul and
    # kanji: the orders the house styles write (names.variants lists the same set).
    latin = _is_latin(family + given)
    orders = (True, False) if latin else _name_orders(origin, term.lang)
    for family_first in orders:
        text = family + given if family_first else given + family
        add(term.lang, text, "variant", "name-order")


# -- sound keys ---------------------------------------------------------------------------


def _sound_keys(entry: Entry) -> Iterator[IndexKey]:
    found: dict[tuple[str, str], None] = {}

    def add(lang: str, prefix: str, folded: str) -> None:
        if len(folded) >= _MIN_SOUND_LENGTH and len(found) < _MAX_SOUND_KEYS:
            found.setdefault((lang, prefix + folded), None)

    korean = entry.origin == "korean" or (
        not entry.origin and any(t.lang == "ko" for t in entry.terms)
    )
    if entry.kind == "person":
        if korean:
            for lang, folded in _korean_person_folds(entry):
                add(lang, KOREAN_SOUND, folded)
        if entry.origin == "japanese":
            for lang, folded in _japanese_person_folds(entry):
                add(lang, JAPANESE_SOUND, folded)
    else:
        if any(t.lang == "ko" for t in entry.terms):
            for lang, folded in _korean_place_folds(entry):
                add(lang, KOREAN_SOUND, folded)
        for term in entry.terms_in("ja"):
            for value in (term.hepburn, term.plain):
                if value:
                    add("ja", JAPANESE_SOUND, fold_japanese(value))
    for lang, key in found:
        yield IndexKey(lang, key, "sound", "romanization-system")


def _korean_person_folds(entry: Entry) -> Iterator[tuple[str, str]]:
    hangul_family = next((t.family for t in entry.terms_in("ko") if t.family), "")
    # Fold sets are sorted: a set's order changes from one process to the next, and only
    # the first few sound keys of an entry are kept (_MAX_SOUND_KEYS).
    for term in entry.terms:
        if term.family and term.given:
            for folded in sorted(korean_name_folds(term.family, term.given)):
                if _agrees(folded, hangul_family):
                    yield term.lang, folded
        for value in (term.text, term.romanization, term.press):
            if value and is_latin_name(value):
                for family, given in split_latin_name(value):
                    for folded in sorted(korean_name_folds(family, given)):
                        if _agrees(folded, hangul_family):
                            yield term.lang, folded


def _agrees(folded: str, hangul_family: str) -> bool:
    """A spelling such as Yu may stand for 유 or 류: keep the one the Korean form has."""
    return not hangul_family or folded.startswith(hangul_family)


def _japanese_person_folds(entry: Entry) -> Iterator[tuple[str, str]]:
    for term in entry.terms:
        if term.lang == "en" or term.lang == "ja":
            values = [term.text] if term.lang == "en" else [term.hepburn, term.plain]
            for value in values:
                if value and is_latin_name(value):
                    yield term.lang, fold_japanese(value)
            if term.family and term.given and _is_latin(term.family + term.given):
                yield term.lang, fold_japanese(term.given + term.family)


def _korean_place_folds(entry: Entry) -> Iterator[tuple[str, str]]:
    for term in entry.terms:
        if term.lang == "ko":
            for value in (term.romanization, term.press):
                if value:
                    yield "ko", fold_korean(value)
            if " " not in term.text.strip():
                yield "ko", fold_korean(hangul_letters(term.text))
        elif term.lang == "en" and len(term.text.split()) == 1:
            yield "en", fold_korean(term.text)


def query_sound_keys(query: str) -> list[str]:
    """The sound keys a Latin-letter query is looked up under (none for other scripts)."""
    if not is_latin_name(query):
        return []
    texts = [query]
    bare = strip_possessive(query.strip())
    if bare:
        texts.append(bare)
    keys: dict[str, None] = {}
    for text in texts:
        for folded in sorted(korean_query_folds(text)):
            keys[KOREAN_SOUND + folded] = None
        keys[KOREAN_SOUND + fold_korean(text)] = None
        keys[JAPANESE_SOUND + fold_japanese(text)] = None
    return [k for k in keys if len(k) - 2 >= _MIN_SOUND_LENGTH]

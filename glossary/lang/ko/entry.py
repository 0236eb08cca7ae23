"""Everything the glossary shows about the Latin spelling of one Korean entry.

:func:`romanize_entry` feeds ``glossary romanize --lang ko``: the strict Revised
Romanization, a suggested press spelling for persons, the letter-by-letter
transliteration, the family/given split, and the alternatives a translator may meet.
"""

from __future__ import annotations

import re
from typing import TypedDict

from glossary.lang.ko.names import split_person_name
from glossary.lang.ko.press import suggest_press_spellings
from glossary.lang.ko.romanize import check_kind, road_form, romanize
from glossary.lang.ko.transliterate import transliterate

# The Korean reading RR adds after the number of a unit: 2(i)-ga, 1(il)-dong.
_NUMBER_READING = re.compile(r"([0-9]+)\([a-z]+\)-")


class RomanizedEntry(TypedDict):
    """The romanizations of one Korean entry (see :func:`romanize_entry`)."""

    strict: str
    plain: str | None
    plain_is_suggestion: bool
    transliteration: str
    family: str | None
    given: str | None
    alternatives: list[str]


def romanize_entry(text: str, kind: str | None = None, family: str | None = None) -> RomanizedEntry:
    """Romanize a Korean glossary entry every way a translator needs.

    ``strict`` is the RR form (:func:`~glossary.lang.ko.romanize.romanize`). For a
    person, ``plain`` is the top suggested press spelling (``plain_is_suggestion`` is
    True: it must be checked against the person's own spelling), ``family`` and
    ``given`` are the Hangul parts, and ``alternatives`` holds the hyphenated RR form
    and the other suggestions. For other kinds ``plain``, ``family`` and ``given`` are
    None and ``alternatives`` holds the form with RR's optional hyphens, if different;
    for places also the address form of a numbered unit without the Korean reading of
    the number (종로 2가 Jongno 2(i)-ga, also written Jongno 2-ga) and the road-name
    spelling of a name ending in 로 (종로 Jongno, the road Jong-ro).
    """
    check_kind(kind)
    text = " ".join(text.split())
    strict = romanize(text, kind=kind, family=family)
    alternatives: list[str] = []
    if kind == "person":
        family_name, given = split_person_name(text, family)
        forced = family_name if family or " " in text else None
        suggestions = suggest_press_spellings(text, family=forced)
        plain = suggestions[0] if suggestions else None
        for form in [romanize(text, kind=kind, family=family, hyphen=True), *suggestions[1:]]:
            if form not in (strict, plain) and form not in alternatives:
                alternatives.append(form)
        return {
            "strict": strict,
            "plain": plain,
            "plain_is_suggestion": plain is not None,
            "transliteration": transliterate(text),
            "family": family_name,
            "given": given or None,
            "alternatives": alternatives,
        }
    candidates: list[str | None] = [romanize(text, kind=kind, hyphen=True)]
    if kind == "place":
        candidates += [_NUMBER_READING.sub(r"\1-", strict), road_form(text)]
    for extra in candidates:
        if extra and extra != strict and extra not in alternatives:
            alternatives.append(extra)
    return {
        "strict": strict,
        "plain": None,
        "plain_is_suggestion": False,
        "transliteration": transliterate(text),
        "family": None,
        "given": None,
        "alternatives": alternatives,
    }

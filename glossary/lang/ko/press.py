"""Suggest how the English-language press would spell a Korean person's name.

Korean people choose the English spelling of their own name, so no rule can give it:
Lee Jae-myung, Park Geun-hye, Yoon Suk Yeol and Moon Jae-in are facts to curate. What
this module offers is a ranked list of SUGGESTIONS for a translator to check, built
from the conventional spellings of family names (the ``press`` column of
``glossary/lang/data/korean_surnames.tsv``) and of
given-name syllables (``data/given_syllables.tsv``), with the strict RR form as the
last resort. Forms: family name, space, given name hyphenated with lowercase after the
hyphen ("Lee Jae-myung"), then the variants "Lee Jae Myung" and "Lee Jaemyung".
"""

from __future__ import annotations

import itertools
from functools import cache

from glossary.lang.ko.jamo import is_syllable
from glossary.lang.ko.names import split_person_name
from glossary.lang.ko.romanize import syllable_rr
from glossary.lang.ko.tables import read_rows
from glossary.lang.surnames import press_spellings

RANK_DECAY = 0.7
"""Weight of each next spelling of a syllable against the one before it."""
STRICT_WEIGHT = 0.5
"""Extra weight of the strict RR form when it is not among the conventional spellings."""
FORM_WEIGHTS = {"hyphen": 1.0, "space": 0.9, "joined": 0.6}
"""Weight of each way of writing a two-syllable given name (Jae-myung, Jae Myung, Jaemyung)."""


def _spellings(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(",") if part.strip())


@cache
def syllable_spellings() -> dict[str, tuple[str, ...]]:
    """Map each given-name syllable to its conventional spellings, most common first."""
    return {row[0]: _spellings(row[1]) for row in read_rows("given_syllables.tsv", 2)}


def _strict(text: str) -> str:
    roman = "".join(syllable_rr(ch) if is_syllable(ch) else ch for ch in text)
    return roman[:1].upper() + roman[1:]


def _options(known: tuple[str, ...], strict: str) -> list[tuple[str, float]]:
    """Weighted spellings: the known ones by rank, then the strict RR form if new."""
    options = [(name, RANK_DECAY**rank) for rank, name in enumerate(known)]
    if strict not in known:
        options.append((strict, RANK_DECAY ** len(known) * (STRICT_WEIGHT if known else 1.0)))
    return options


def family_options(family: str) -> list[tuple[str, float]]:
    """Weighted spellings of a family name (conventional first, strict RR last)."""
    return _options(press_spellings().get(family, ()), _strict(family))


def syllable_options(syllable: str) -> list[tuple[str, float]]:
    """Weighted spellings of one given-name syllable (conventional first, strict RR last)."""
    return _options(syllable_spellings().get(syllable, ()), _strict(syllable))


def _given_forms(parts: tuple[str, ...]) -> list[tuple[str, float]]:
    """The ways of writing a given name from its syllable spellings, with their weights."""
    if len(parts) == 1:
        return [(parts[0], 1.0)]
    rest = [p.lower() for p in parts[1:]]
    return [
        (parts[0] + "-" + "-".join(rest), FORM_WEIGHTS["hyphen"]),
        (" ".join(parts), FORM_WEIGHTS["space"]),
        (parts[0] + "".join(rest), FORM_WEIGHTS["joined"]),
    ]


def suggest_press_spellings(name: str, *, family: str | None = None, limit: int = 10) -> list[str]:
    """Suggest English spellings of a Korean person's name, most likely first.

    A SUGGESTION for review, never the answer: 이재명 gives "Lee Jae-myung" first, then
    variants. ``family`` forces the family name (see :func:`split_person_name`).
    """
    family_name, given = split_person_name(name, family)
    scored: dict[str, float] = {}
    given_syllables = [syllable_options(ch) for ch in given]
    for fam, fam_weight in family_options(family_name):
        if not given_syllables:
            scored[fam] = max(scored.get(fam, 0.0), fam_weight)
            continue
        for combo in itertools.product(*given_syllables):
            weight = fam_weight
            for _, w in combo:
                weight *= w
            for form, form_weight in _given_forms(tuple(p for p, _ in combo)):
                full = f"{fam} {form}"
                scored[full] = max(scored.get(full, 0.0), weight * form_weight)
    ranked = sorted(scored.items(), key=lambda item: (-item[1], item[0]))
    return [spelling for spelling, _ in ranked[:limit]]

"""Words the romanization rules cannot work out from spelling, and the place-unit lists.

All come from data files (``data/exceptions.tsv``, ``data/provinces.tsv``,
``data/unit_lookalikes.tsv``, ``data/short_stem_units.tsv``) whose headers explain
their syntax and cite their sources; this module only loads them.
"""

from __future__ import annotations

from functools import cache

from glossary.errors import ParseError
from glossary.lang.ko.jamo import is_hangul_word
from glossary.lang.ko.tables import DATA_DIR, read_rows

WHOLE = "="
"""Respelling that keeps the word as written but marks it as one whole name."""


@cache
def exceptions() -> dict[str, str]:
    """Map each exceptional word to its respelling (Hangul, Latin, or ``"="``)."""
    table: dict[str, str] = {}
    for row in read_rows("exceptions.tsv", 2):
        word, respelling = row[0], row[1]
        if not is_hangul_word(word) or not respelling:
            raise ParseError(str(DATA_DIR / "exceptions.tsv"), None, f"bad row for {word!r}")
        table[word] = respelling
    return table


@cache
def provinces() -> dict[str, str]:
    """Map each province name ending in 도 to its RR romanization."""
    return {row[0]: row[1] for row in read_rows("provinces.tsv", 2)}


@cache
def unit_lookalikes() -> dict[str, str]:
    """Map each common noun that ends in a unit syllable (거리, 다리, 입구) to its meaning."""
    return {row[0]: row[1] for row in read_rows("unit_lookalikes.tsv", 2)}


@cache
def short_stem_units() -> dict[str, str]:
    """Map each place with a one-syllable stem before its unit (명동) to its RR romanization."""
    return {row[0]: row[1] for row in read_rows("short_stem_units.tsv", 2)}

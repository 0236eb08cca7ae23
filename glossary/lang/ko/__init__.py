"""Korean language rules: romanization, names, katakana and hanja readings.

Pure functions over Hangul text, no database. The public API:

* :func:`romanize` — strict Revised Romanization (RR 2000) with its sound changes;
* :func:`transliterate` — RR's letter-by-letter transliteration;
* :func:`split_person_name` — (family, given) of a Korean person's name;
* :func:`reads_as_korean_name` — whether Hangul is written as a Korean name is;
* :func:`suggest_press_spellings` — suggested English spellings of a person's name;
* :func:`hangul_candidates` — the Hangul a romanized person's name may stand for;
* :func:`place_candidates` — the Hangul a strict RR place name may stand for;
* :func:`to_katakana` — suggested Japanese press katakana for a Korean name;
* :func:`sino_korean_reading` — the Korean reading of a kanji/hanja term;
* :func:`romanize_entry` — all of the above a glossary entry shows, as one dict.

Everything marked a suggestion is for a translator to check, never an answer.
"""

from __future__ import annotations

from glossary.lang.ko.entry import RomanizedEntry, romanize_entry
from glossary.lang.ko.from_roman import hangul_candidates, place_candidates
from glossary.lang.ko.katakana import to_katakana
from glossary.lang.ko.names import reads_as_korean_name, split_person_name
from glossary.lang.ko.press import suggest_press_spellings
from glossary.lang.ko.romanize import KINDS, is_administrative, romanize
from glossary.lang.ko.sino import sino_korean_reading
from glossary.lang.ko.transliterate import transliterate

__all__ = [
    "KINDS",
    "RomanizedEntry",
    "hangul_candidates",
    "is_administrative",
    "place_candidates",
    "reads_as_korean_name",
    "romanize",
    "romanize_entry",
    "sino_korean_reading",
    "split_person_name",
    "suggest_press_spellings",
    "to_katakana",
    "transliterate",
]

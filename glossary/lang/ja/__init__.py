"""Japanese language rules: read kanji names, romanize kana, write Japanese names in Hangul.

Pure functions, no database. The public API::

    hepburn("とうきょう")                      # 'tōkyō'
    plain("じゅんいちろう", capitalize=True)   # 'Junichiro'
    passport("かとう")                         # 'Kato'
    suggest_readings("石破茂", kind="person")  # [Reading(kana='いしば しげる', ...), ...]
    split_person_name("高市早苗")              # NameSplit(family='高市', given='早苗', ...)
    to_hangul("たかいち さなえ")               # '다카이치 사나에'
    romaji_to_kana("Takaichi Sanae")           # 'たかいち さなえ'
    romaji_to_kana_candidates("Tokyo")         # ['とうきょう', ...]
    kanji_candidates("たかいち")               # ['高市', ...] (needs jamdict-data)
    romanize_entry("高市早苗", kind="person")  # reading, strict, plain, passport, family, given …

The UniDic analyzer (fugashi + unidic-lite) and pykakasi are loaded on first use;
JMnedict (jamdict-data) is used where installed.
"""

from __future__ import annotations

from glossary.lang.ja.entry import romanize_entry
from glossary.lang.ja.from_roman import kanji_candidates, romaji_to_kana, romaji_to_kana_candidates
from glossary.lang.ja.hangul import to_hangul
from glossary.lang.ja.hepburn import hepburn, passport, passport_variants, plain
from glossary.lang.ja.kana import NotKana
from glossary.lang.ja.names import NameSplit, split_person_name
from glossary.lang.ja.readings import Reading, suggest_readings

__all__ = [
    "NameSplit",
    "NotKana",
    "Reading",
    "hepburn",
    "kanji_candidates",
    "passport",
    "passport_variants",
    "plain",
    "romaji_to_kana",
    "romaji_to_kana_candidates",
    "romanize_entry",
    "split_person_name",
    "suggest_readings",
    "to_hangul",
]

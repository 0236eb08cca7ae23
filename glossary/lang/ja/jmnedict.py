"""Look up Japanese names in JMnedict (surnames, given names, places, known people) if installed.

The same database also holds JMdict, the group's dictionary of common words, whose
readings carry frequency marks; :func:`common_readings` reads them (明日 あした, 私
わたし), so a common word is not read as the rare name that JMnedict lists first.

JMnedict is the Electronic Dictionary Research and Development Group's names
dictionary (CC BY-SA 4.0). It is read from the SQLite file that the PyPI package
``jamdict-data`` installs (JMnedict of 2020-05-29, about 740,000 entries; the
unpacked file is about 310 MB). Only that file is used, read-only with the standard
``sqlite3`` module; the ``jamdict`` library itself is not needed. Set the environment
variable ``GLOSSARY_JAMDICT_DB`` to use a jamdict database elsewhere.

Everything here is optional: without the file, ``available()`` is False and every
lookup returns an empty list, so callers work (less well) without it.
JMnedict gives readings and name types but no frequencies, so its readings are
possibilities, not a ranking.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from functools import lru_cache

from glossary.lang.ja.kana import to_hiragana

ENV_VAR = "GLOSSARY_JAMDICT_DB"

SURNAME = "surname"
GIVEN_TYPES = frozenset({"given", "masc", "fem"})
PLACE_TYPES = frozenset({"place", "station"})
PERSON = "person"

_local = threading.local()
_generation = 0  # bumped by use_database so every thread reconnects
_path_checked = False
_path: str | None = None
_path_lock = threading.Lock()


def use_database(path: str | None) -> None:
    """Read JMnedict from ``path`` from now on; None turns JMnedict off (tests, comparisons)."""
    global _path_checked, _path, _generation
    with _path_lock:
        _path = path if path and os.path.isfile(path) else None
        _path_checked = True
        _generation += 1
        old = getattr(_local, "conn", None)
        if old is not None:
            old.close()
            _local.conn = None
        readings.cache_clear()
        spellings.cache_clear()
        common_readings.cache_clear()
        kana_word.cache_clear()


def database_path() -> str | None:
    """The jamdict SQLite file to read, or None when there is none.

    ``GLOSSARY_JAMDICT_DB`` names the file; set it to an empty value to turn JMnedict
    off. Unset, the file installed by the ``jamdict-data`` package is used if present.
    """
    global _path_checked, _path
    if not _path_checked:
        with _path_lock:
            if not _path_checked:
                candidate = os.environ.get(ENV_VAR)
                if candidate is None:
                    try:
                        import jamdict_data

                        candidate = str(jamdict_data.JAMDICT_DB_PATH)
                    except ImportError:
                        candidate = None
                if candidate and os.path.isfile(candidate):
                    _path = candidate
                _path_checked = True
    return _path


def _connection() -> sqlite3.Connection | None:
    path = database_path()
    if path is None:
        return None
    conn = getattr(_local, "conn", None)
    if conn is None or getattr(_local, "generation", -1) != _generation:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        _local.conn = conn
        _local.generation = _generation
    return conn


def available() -> bool:
    """True when the JMnedict database can be read."""
    try:
        conn = _connection()
        if conn is None:
            return False
        conn.execute("SELECT 1 FROM NEKanji LIMIT 1").fetchone()
        return True
    except sqlite3.Error:
        return False


_BY_KANJI = """
SELECT n.text, group_concat(DISTINCT tt.text)
FROM NEKanji k
JOIN NEKana n ON n.idseq = k.idseq
LEFT JOIN NETranslation t ON t.idseq = k.idseq
LEFT JOIN NETransType tt ON tt.tid = t.ID
WHERE k.text = ?
GROUP BY k.idseq, n.text
"""

_BY_KANA = """
SELECT k.text, group_concat(DISTINCT tt.text)
FROM NEKana n
JOIN NEKanji k ON k.idseq = n.idseq
LEFT JOIN NETranslation t ON t.idseq = n.idseq
LEFT JOIN NETransType tt ON tt.tid = t.ID
WHERE n.text = ?
GROUP BY n.idseq, k.text
"""


def _merge(rows: list[tuple[str, str | None]]) -> list[tuple[str, frozenset[str]]]:
    merged: dict[str, set[str]] = {}
    for text, types in rows:
        merged.setdefault(text, set()).update(t for t in (types or "").split(",") if t)
    return [(text, frozenset(types)) for text, types in merged.items()]


@lru_cache(maxsize=20000)
def readings(kanji: str) -> list[tuple[str, frozenset[str]]]:
    """Readings (hiragana) of a name written ``kanji``, each with its JMnedict types.

    Types are JMnedict's: surname, given, masc, fem, person (a full name of a known
    person), place, station, company, organization, unclass …
    """
    try:
        conn = _connection()
        if conn is None or not kanji:
            return []
        rows = conn.execute(_BY_KANJI, (kanji,)).fetchall()
    except sqlite3.Error:
        return []
    return _merge([(to_hiragana(r), t) for r, t in rows])


@lru_cache(maxsize=20000)
def spellings(kana: str) -> list[tuple[str, frozenset[str]]]:
    """Kanji spellings of a name read ``kana`` (hiragana or katakana), each with its types."""
    try:
        conn = _connection()
        if conn is None or not kana:
            return []
        rows = conn.execute(_BY_KANA, (to_hiragana(kana),)).fetchall()
    except sqlite3.Error:
        return []
    return _merge(rows)


# JMdict: each reading of a word written ``kanji``, with the frequency marks of the word
# as so written (KJP) and of the reading (KNP), and the kanji spellings the reading is
# restricted to (KNR); readings marked "no kanji" are for the kana spelling only.
_COMMON_BY_KANJI = """
SELECT k.idseq, n.text,
       (SELECT group_concat(text) FROM KJP WHERE kid = k.ID),
       (SELECT group_concat(text) FROM KNP WHERE kid = n.ID),
       (SELECT group_concat(text, '|') FROM KNR WHERE kid = n.ID)
FROM Kanji k
JOIN Kana n ON n.idseq = k.idseq
WHERE k.text = ? AND NOT coalesce(n.nokanji, 0)
ORDER BY k.idseq, n.ID
"""
# JMdict's frequency marks: in the 10,000 most frequent words of its sources (…1) or
# the next 10,000 (…2); nfNN ranks news words in bands of 500 (nf01 most frequent).
_PRIORITY = {"news": 2.0, "ichi": 2.0, "spec": 2.0, "gai": 2.0}


def _priority(tags: str | None) -> float:
    score = 0.0
    for tag in (tags or "").split(","):
        if tag.startswith("nf") and tag[2:].isdigit():
            score += max(0.0, (49 - int(tag[2:])) / 48)
        elif tag[:-1] in _PRIORITY and tag[-1:] in "12":
            score += _PRIORITY[tag[:-1]] / int(tag[-1])
    return score


@lru_cache(maxsize=20000)
def common_readings(kanji: str) -> list[tuple[str, bool]]:
    """JMdict readings (hiragana) of the word ``kanji``, the most common first.

    Each reading comes with True when JMdict marks it as frequent. Words are ranked by
    the frequency marks of their kanji spelling; within a word, the first reading
    JMdict lists with a frequency mark comes first (明日: あした before あす and
    みょうにち), then the others in JMdict's order. [] when JMdict has no such word.
    """
    try:
        conn = _connection()
        if conn is None or not kanji:
            return []
        rows = conn.execute(_COMMON_BY_KANJI, (kanji,)).fetchall()
    except sqlite3.Error:
        return []
    words: dict[int, tuple[float, list[tuple[str, bool]]]] = {}
    for idseq, kana, kanji_tags, kana_tags, restricted in rows:
        if restricted and kanji not in restricted.split("|"):
            continue
        kanas = words.setdefault(idseq, (_priority(kanji_tags), []))[1]
        kanas.append((to_hiragana(kana), bool(kana_tags)))
    out: list[tuple[str, bool]] = []
    for _, kanas in sorted(words.values(), key=lambda w: -w[0]):
        ranked = [k for k in kanas if k[1]] + [k for k in kanas if not k[1]]
        out.extend(k for k in ranked if k[0] not in {r for r, _ in out})
    return out


@lru_cache(maxsize=20000)
def kana_word(kana: str) -> bool:
    """Whether JMdict has a word written ``kana`` (a loanword in katakana such as
    レガシー or スマホ); False without the dictionary."""
    try:
        conn = _connection()
        if conn is None or not kana:
            return False
        return (
            conn.execute("SELECT 1 FROM Kana WHERE text = ? LIMIT 1", (kana,)).fetchone()
            is not None
        )
    except sqlite3.Error:
        return False

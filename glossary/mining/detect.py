"""Deciding an article's language (en, ko or ja), the same answer on every run.

Two rules, measured on short names: langdetect got 12 of 20 right (it calls kanji
names Korean, and unseeded it changes its answer between calls); the Unicode-script
rule got 20 of 20. So:

* short text (under ``SHORT_LETTERS`` letters) or mixed text (no script holds
  ``MIXED_SHARE`` of the letters) is decided by script alone: any kana means
  Japanese, else Hangul means Korean, else Han means Japanese, else Latin English;
* longer text goes to langdetect with ``DetectorFactory.seed = 0`` (deterministic),
  and its answer is kept only when the script agrees: Japanese needs kana, Korean
  needs Hangul, English needs Latin letters; otherwise the script rule decides.
"""

from __future__ import annotations

from glossary.lang.script import (
    HAN,
    HANGUL,
    HIRAGANA,
    KATAKANA,
    LATIN,
    language_by_script,
    script_counts,
)

SHORT_LETTERS = 60
MIXED_SHARE = 0.6
SAMPLE_CHARS = 4000

_factory_ready = False


def _langdetect(text: str) -> str | None:
    global _factory_ready
    try:
        from langdetect import DetectorFactory
        from langdetect.detector_factory import init_factory
        from langdetect.lang_detect_exception import LangDetectException
    except ImportError:  # pragma: no cover - langdetect is a core dependency
        return None
    DetectorFactory.seed = 0
    if not _factory_ready:
        init_factory()
        _factory_ready = True
    from langdetect import detector_factory

    try:
        detector = detector_factory._factory.create()
        detector.append(text)
        return str(detector.detect())
    except LangDetectException:
        return None


def script_language(text: str) -> str:
    """The language the scripts of ``text`` point to; ``en`` when it has no letters."""
    return language_by_script(text) or "en"


def detect_language(text: str) -> str:
    """``en``, ``ko`` or ``ja`` for ``text``; deterministic."""
    sample = text[:SAMPLE_CHARS]
    counts = script_counts(sample)
    total = sum(counts.values())
    by_script = script_language(sample)
    if total < SHORT_LETTERS:
        return by_script
    kana = counts[HIRAGANA] + counts[KATAKANA]
    top = max(counts[LATIN], counts[HANGUL], counts[HAN] + kana)
    if top / total < MIXED_SHARE:
        return by_script
    guess = _langdetect(sample)
    if guess == "ja" and kana:
        return "ja"
    if guess == "ko" and counts[HANGUL]:
        return "ko"
    if guess == "en" and counts[LATIN] and by_script == "en":
        return "en"
    return by_script

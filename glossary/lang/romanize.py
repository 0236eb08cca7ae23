"""One entry point for romanizing native text, whichever language it is in.

:func:`romanize_text` returns the object of the ``glossary romanize --json`` contract:
``input``, ``lang``, ``kind``, ``reading`` (Japanese), ``strict`` (Revised Romanization
or modified Hepburn with macrons), ``plain`` (the English-press form: for Korean persons
a *suggested* press spelling, for Japanese the form without macrons),
``transliteration`` (Korean letter by letter), ``family`` and ``given`` (the native name
parts of a person), and ``alternatives``.
"""

from __future__ import annotations

from typing import Any

from glossary.errors import GlossaryError, InvalidValue
from glossary.lang import normalize_language
from glossary.lang.script import language_by_script
from glossary.vocab import KINDS


def romanize_text(
    text: str,
    *,
    lang: str | None = None,
    kind: str | None = None,
    reading: str | None = None,
) -> dict[str, Any]:
    """Romanize Korean or Japanese ``text`` (the language is guessed from the script)."""
    text = text.strip()
    if not text:
        raise GlossaryError("there is no text to romanize")
    if kind is not None and kind not in KINDS:
        raise InvalidValue("kind", kind, KINDS)
    lang = normalize_language(lang) if lang else (language_by_script(text) or "")
    if reading and lang != "ja":
        raise GlossaryError("--reading is for Japanese text (a kana reading)")
    if lang == "ko":
        from glossary.lang.ko import romanize_entry as ko_entry

        data: dict[str, Any] = dict(ko_entry(text, kind=kind or "term"))
        return {
            "input": text,
            "lang": "ko",
            "kind": kind,
            "reading": None,
            "strict": data.get("strict"),
            "plain": data.get("plain"),
            "plain_is_suggestion": data.get("plain_is_suggestion", False),
            "transliteration": data.get("transliteration"),
            "family": data.get("family"),
            "given": data.get("given"),
            "alternatives": list(data.get("alternatives") or []),
        }
    if lang == "ja":
        from glossary.lang.ja import romanize_entry as ja_entry

        data = dict(ja_entry(text, kind=kind, reading=reading))
        family, given = data.get("family"), data.get("given")
        return {
            "input": text,
            "lang": "ja",
            "kind": kind,
            "reading": data.get("reading"),
            "reading_source": data.get("reading_source"),
            "strict": data.get("strict"),
            "plain": data.get("plain"),
            "passport": data.get("passport"),
            "hangul": data.get("hangul"),
            "transliteration": None,
            "family": family["text"] if family else None,
            "given": given["text"] if given else None,
            "alternatives": list(data.get("alternatives") or []),
        }
    raise GlossaryError(
        f"{text!r} is not Korean or Japanese text; give --lang ko or --lang ja for native "
        "text (English needs no romanization)"
    )

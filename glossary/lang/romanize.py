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
from glossary.lang import get_language
from glossary.lang.base import not_romanizable
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
    code = lang or language_by_script(text)
    language = get_language(code) if code else None
    if reading and not (language and language.has_readings):
        raise GlossaryError("--reading is for Japanese text (a kana reading)")
    if language is None:
        raise not_romanizable(text)
    return language.romanize(text, kind=kind, reading=reading)

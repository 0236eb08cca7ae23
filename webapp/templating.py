"""What the templates need beyond the entries themselves: language tags for Korean and
Japanese text, and names rendered per house style."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from flask import Flask, current_app
from markupsafe import Markup

from glossary.errors import GlossaryError
from glossary.lang import LANGUAGE_NAMES
from glossary.lang.names import PersonName, render
from glossary.lang.script import is_cjk, language_by_script
from glossary.lang.styles import house_styles
from glossary.model import Entry
from glossary.vocab import KINDS, LANGUAGE_FIELDS, ROLES, STATUSES

FIELD_LABELS = {
    "hanja": "Hanja",
    "romanization": "Revised Romanization",
    "press": "Press spelling",
    "reading": "Reading (kana)",
    "hepburn": "Hepburn",
    "plain": "Plain (press)",
    "family": "Family name",
    "given": "Given name",
}


def text_lang(text: str | None) -> str:
    """'ko' or 'ja' when the text is written in Hangul or Japanese script, else ''."""
    if not text:
        return ""
    lang = language_by_script(text)
    return lang if lang in ("ko", "ja") else ""


_KO = Markup(' lang="ko"')
_JA = Markup(' lang="ja"')
_NONE = Markup("")


def lang_attr(text: str | None, default: str = "") -> Markup:
    """` lang="ko"` / ` lang="ja"` for Korean or Japanese text, so it gets the right font.

    ``default`` is the language the text is known to belong to (a Korean form's hanja is
    Korean, though Han characters alone would be taken for Japanese)."""
    if not text or text.isascii():
        return _NONE  # Latin letters, digits and punctuation: the page's own language
    if default in ("ko", "ja"):
        if not is_cjk(text):
            return _NONE  # a romanization with macrons (Chōsei) is Latin text
        return _KO if default == "ko" else _JA
    lang = text_lang(text)
    return _KO if lang == "ko" else _JA if lang == "ja" else _NONE


def name_renderings(entry: Entry) -> list[dict[str, Any]]:
    """For a person with name parts: each house style's rendering in each language."""
    if entry.kind != "person" or not entry.origin:
        return []
    parts = {}
    for lang in ("en", "ko", "ja"):
        t = entry.preferred(lang)
        if t and (t.family or t.given):
            parts[lang] = (t.family, t.given)
    if not parts:
        return []
    rows = []
    for style, description in house_styles().items():
        cells = {}
        for lang, (family, given) in parts.items():
            try:
                cells[lang] = render(PersonName(family, given, entry.origin), lang, style)
            except GlossaryError:
                cells[lang] = ""
        rows.append({"style": style, "description": description, "cells": cells})
    return rows


def when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


def register(app: Flask) -> None:
    app.jinja_env.filters.update(lang_attr=lang_attr, text_lang=text_lang, when=when)
    app.jinja_env.globals.update(
        name_renderings=name_renderings,
        LANGUAGE_NAMES=LANGUAGE_NAMES,
        LANGUAGE_FIELDS=LANGUAGE_FIELDS,
        FIELD_LABELS=FIELD_LABELS,
        KINDS=KINDS,
        STATUSES=STATUSES,
        ROLES=ROLES,
        house_style=lambda: current_app.config["HOUSE_STYLE"],
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True

"""The language rules' suggestions shown beside each field of the entry editor.

For a Japanese form: readings (with alternatives), Hepburn, the plain press form, name
parts, and the Hangul transcription offered for the Korean form. For a Korean form:
Revised Romanization, press-spelling candidates, name parts, and the katakana offered
for the Japanese form. Suggestions are never saved by themselves: a curator takes one
with a click and saves.
"""

from __future__ import annotations

import contextlib
import importlib
from collections.abc import Callable, Iterable
from typing import Any

from glossary.errors import GlossaryError
from glossary.model import Entry, Term
from webapp.forms import Row


def _function(module: str, name: str) -> Callable[..., Any] | None:
    """A language-rules function, or None while that module is not installed."""
    try:
        found: Callable[..., Any] | None = getattr(importlib.import_module(module), name, None)
    except ImportError:
        return None
    return found


def _texts(values: Iterable[Any]) -> list[str]:
    out: list[str] = []
    for v in values:
        if isinstance(v, dict):
            v = v.get("text") or v.get("strict") or v.get("plain") or v.get("reading")
        if isinstance(v, str) and v.strip() and v.strip() not in out:
            out.append(v.strip())
    return out


def _part(value: Any, key: str = "text") -> str | None:
    if isinstance(value, dict):
        found = value.get(key)
        return found if isinstance(found, str) else None
    return value if isinstance(value, str) else None


MAX_PER_FIELD = 6


def japanese(
    term: Term, kind: str, origin: str = ""
) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Suggestions for a Japanese form's fields, and for the Korean form (Hangul)."""
    romanize = _function("glossary.lang.ja", "romanize_entry")
    if romanize is None:
        return {}, {}
    try:
        r = romanize(term.text, kind=kind, reading=term.reading or None)
        # With a curated reading there are no alternatives: ask for them separately, so a
        # curator can still see what else the name could be read as.
        guessed = romanize(term.text, kind=kind) if term.reading else r
    except GlossaryError:
        return {}, {}
    alternatives = [guessed, *(guessed.get("alternatives") or [])]
    fields: dict[str, list[str]] = {
        "reading": _texts([r.get("reading"), *(a.get("reading") for a in alternatives)]),
        "hepburn": _texts([r.get("strict"), *(a.get("strict") for a in alternatives)]),
        "plain": _texts([r.get("plain"), r.get("passport")]),
    }
    if kind == "person":
        fields["family"] = _texts([_part(r.get("family"))])
        fields["given"] = _texts([_part(r.get("given"))])
    # Hangul transcription is for Japanese names, not for terms (those take Sino-Korean).
    names = kind in ("person", "place") and origin in ("", "japanese")
    other = {"text": _texts([r.get("hangul")])} if names else {}
    return fields, other


def korean(
    term: Term, kind: str, origin: str = ""
) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Suggestions for a Korean form's fields, and for the Japanese form (katakana)."""
    romanize = _function("glossary.lang.ko", "romanize_entry")
    fields: dict[str, list[str]] = {}
    if romanize is not None:
        try:
            r = romanize(term.text, kind=kind, family=term.family or None)
        except GlossaryError:
            r = {}
        fields["romanization"] = _texts([r.get("strict"), r.get("transliteration")])
        # A press spelling is a Korean person's own choice: only Korean names get one.
        if kind == "person" and origin in ("", "korean"):
            fields["press"] = _texts([r.get("plain"), *(r.get("alternatives") or [])])
        if kind == "person":
            fields["family"] = _texts([_part(r.get("family"))])
            fields["given"] = _texts([_part(r.get("given"))])
    other: dict[str, list[str]] = {}
    katakana = _function("glossary.lang.ko", "to_katakana")
    if katakana is not None and kind in ("person", "place") and origin in ("", "korean"):
        with contextlib.suppress(GlossaryError):
            other["text"] = _texts([katakana(term.text)])
    return fields, other


def attach(entry: Entry, rows: list[Row]) -> None:
    """Fill each editor row's suggestions (only values that differ from what is there)."""
    cross: dict[str, dict[str, list[str]]] = {"ko": {}, "ja": {}}
    for row in rows:
        t = row.term
        if not t.text or row.new:
            continue
        if t.lang == "ja":
            fields, other = japanese(t, entry.kind, entry.origin)
            target = "ko"
        elif t.lang == "ko":
            fields, other = korean(t, entry.kind, entry.origin)
            target = "ja"
        else:
            continue
        row.suggestions = _differing(t, fields)
        if t.role == "preferred":
            for name, values in other.items():
                cross[target].setdefault(name, []).extend(values)
    for row in rows:
        if row.new and row.term.lang in cross:
            have = {x.text for x in entry.terms_in(row.term.lang)}
            row.suggestions = {
                k: [v for v in vs if v not in have] for k, vs in cross[row.term.lang].items()
            }
            row.suggestions = {k: vs for k, vs in row.suggestions.items() if vs}


def _differing(term: Term, fields: dict[str, list[str]]) -> dict[str, list[str]]:
    out = {}
    for name, values in fields.items():
        current = getattr(term, name, "")
        keep = [v for v in values if v != current][:MAX_PER_FIELD]
        if keep:
            out[name] = keep
    return out

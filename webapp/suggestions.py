"""The language rules' suggestions shown beside each field of the entry editor.

The rules are :mod:`glossary.lang.suggestions`, the same as ``glossary suggest`` and
mining use. Beside each form's fields: the values that differ from what is there (a
Japanese form's readings with alternatives, Hepburn, plain form, name parts; a Korean
form's Revised Romanization, press spellings, name parts). Beside the empty row of each
language: the forms the rules suggest for it (the Hangul of a Japanese name, the
katakana of a Korean one, a Sino-Korean reading, ...). Suggestions are never saved by
themselves: a curator takes one with a click and saves.
"""

from __future__ import annotations

from glossary.lang.suggestions import FORM, KATAKANA, suggest
from glossary.model import Entry, Term
from webapp.forms import Row

MAX_PER_FIELD = 6


def attach(entry: Entry, rows: list[Row]) -> None:
    """Fill each editor row's suggestions (only values that differ from what is there)."""
    forms: dict[str, dict[str, list[str]]] = {}
    for row in rows:
        t = row.term
        if not t.text or row.new:
            continue
        fields: dict[str, list[str]] = {}
        for s in suggest(entry, t):
            if s.lang == t.lang:
                fields.setdefault(s.field, []).extend(s.values)
            else:  # a form in another language: offered on that language's empty row
                name = FORM if s.field == KATAKANA else s.field
                forms.setdefault(s.lang, {}).setdefault(name, []).extend(s.values)
        row.suggestions = _differing(t, fields)
    for row in rows:
        if row.new and row.term.lang in forms:
            have = {x.text for x in entry.terms_in(row.term.lang)}
            offered = {
                k: [v for v in dict.fromkeys(vs) if v not in have]
                for k, vs in forms[row.term.lang].items()
            }
            row.suggestions = {k: vs for k, vs in offered.items() if vs}


def _differing(term: Term, fields: dict[str, list[str]]) -> dict[str, list[str]]:
    out = {}
    for name, values in fields.items():
        current = getattr(term, name, "")
        keep = [v for v in dict.fromkeys(values) if v != current][:MAX_PER_FIELD]
        if keep:
            out[name] = keep
    return out

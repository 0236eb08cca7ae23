"""Filling and checking an entry's fields with the language rules (``glossary suggest``).

The rules are :mod:`glossary.lang.suggestions`; this module compares what they propose
with what is stored. An empty field may be filled with the proposal, marked as a
suggestion for a curator. A field a curator filled is never changed: where the rules
disagree with it, the disagreement is listed for review.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from glossary.lang.script import KATAKANA, char_script
from glossary.lang.suggestions import FORM, Suggestion, suggest_entry, suggested_term
from glossary.lang.suggestions import KATAKANA as KATAKANA_FIELD
from glossary.model import Entry


@dataclass(frozen=True)
class Proposal:
    """What the rules propose for one field of one entry, and what is stored now."""

    entry_id: int | None
    lang: str
    field: str  # a term field, "text" for a whole new form, "katakana" (a Korean name)
    proposed: str
    current: str
    source: str  # which rule proposed it
    suggestion: Suggestion | None = None  # the rules' answer, for filling a new form

    @property
    def status(self) -> str:
        """``fill`` (field empty), ``agrees`` or ``disagrees`` (with a curated value)."""
        if not self.current:
            return "fill"
        return "agrees" if _same(self.current, self.proposed) else "disagrees"

    def to_dict(self) -> dict[str, Any]:
        return {
            "entry_id": self.entry_id,
            "lang": self.lang,
            "field": self.field,
            "proposed": self.proposed,
            "current": self.current or None,
            "status": self.status,
            "source": self.source,
        }


def _same(a: str, b: str) -> bool:
    """Equal but for spaces and capitals, which are house-style choices, not errors."""
    return a.replace(" ", "").casefold() == b.replace(" ", "").casefold()


def _katakana_form(entry: Entry) -> str:
    for t in entry.terms_in("ja"):
        if t.text and all(char_script(c) == KATAKANA or c == "・" for c in t.text):
            return t.text
    pref = entry.preferred("ja")
    return pref.reading if pref and pref.reading else ""


def _current(entry: Entry, s: Suggestion) -> str:
    if s.field == KATAKANA_FIELD:
        return _katakana_form(entry)
    term = entry.preferred(s.lang)
    if term is None:
        return ""
    return term.text if s.field == FORM else str(getattr(term, s.field))


def proposals(entry: Entry) -> list[Proposal]:
    """Everything the language rules propose for an entry, compared with what is stored."""
    return [
        Proposal(entry.id, s.lang, s.field, s.value, _current(entry, s), s.source, s)
        for s in suggest_entry(entry)
        if s.check
    ]


def apply_proposals(entry: Entry, found: list[Proposal]) -> bool:
    """Fill the entry's empty fields with the proposals, marked as suggestions; never
    overwrite a value. Return True if anything was filled."""
    changed = False
    for p in found:
        if p.status != "fill":
            continue
        if p.field in (FORM, KATAKANA_FIELD):
            if entry.preferred(p.lang) is None and p.suggestion is not None:
                entry.terms.append(suggested_term(p.suggestion))
                changed = True
            continue
        term = entry.preferred(p.lang)
        if term is None or getattr(term, p.field):
            continue
        setattr(term, p.field, p.proposed)
        if p.field not in term.suggested:
            term.suggested.append(p.field)
        changed = True
    return changed

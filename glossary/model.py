"""The glossary's public objects: an :class:`Entry` and its :class:`Term` forms, and the
sentence memory's :class:`Unit` (a TMX translation unit) and its :class:`Variant`
sentences.

These are plain data, detached from the database: scripts read and build them,
:class:`glossary.Glossary` stores entries and :class:`glossary.tm.TranslationMemory`
units.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from glossary.errors import GlossaryError, InvalidValue
from glossary.lang import LANGUAGES, normalize_language
from glossary.vocab import (
    KINDS,
    LANGUAGE_FIELDS,
    ORIGINS,
    ROLES,
    STATUSES,
    TERM_FIELDS,
    check_choice,
)

#: Longest form: a term's text or any of its fields (the longest in the shipped glossary
#: has 40 characters); lookups take queries as long (glossary.lookup.budget).
MAX_TERM_LENGTH = 200
#: Longest note, on an entry or on a term.
MAX_NOTE_LENGTH = 10_000
# Control characters (Unicode category Cc): none in a form; in a note, tab and line feed.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_NOTE_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _check_text(what: str, value: str, most: int, control: re.Pattern[str]) -> None:
    """Refuse ``value`` (named ``what`` in the message) if it is longer than ``most``
    characters or holds a control character, which no page or terminal shows."""
    if len(value) > most:
        raise GlossaryError(
            f"{what} is {len(value):,} characters long; at most {most:,} are allowed"
        )
    bad = control.search(value)
    if bad is not None:
        char = bad.group()
        why = ", which no database stores" if char == "\x00" else ", which cannot be shown"
        raise GlossaryError(f"{what} holds the control character U+{ord(char):04X}{why}; remove it")


def _short(text: str) -> str:
    """A form for a message: the first 40 characters of a long one."""
    return repr(text if len(text) <= 40 else text[:40] + "…")


def unix_lines(text: str) -> str:
    """``text`` with every line ending a line feed: a carriage return, alone or before a
    line feed (as browsers send a text box's lines), would end a CSV row in other tools."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


@dataclass
class Term:
    """One written form of an entry in one language, with its romanizations and name parts."""

    lang: str
    text: str
    role: str = "preferred"
    hanja: str = ""
    romanization: str = ""
    press: str = ""
    reading: str = ""
    hepburn: str = ""
    plain: str = ""
    family: str = ""
    given: str = ""
    note: str = ""
    suggested: list[str] = field(default_factory=list)
    id: int | None = None

    def validate(self) -> Term:
        """Check the language, role and fields; return self with the language normalised."""
        self.lang = normalize_language(self.lang)
        check_choice("role", self.role, ROLES)
        if not self.text.strip():
            raise GlossaryError(f"a {self.lang} term has no text")
        self.text = self.text.strip()
        for name in ("text", *TERM_FIELDS, "note"):
            value = unix_lines(getattr(self, name))
            setattr(self, name, value)
            what = f"{self.lang} term {_short(self.text)}: the {name}"
            if name == "note":
                _check_text(what, value, MAX_NOTE_LENGTH, _NOTE_CONTROL)
            else:
                _check_text(what, value, MAX_TERM_LENGTH, _CONTROL)
        allowed = LANGUAGE_FIELDS[self.lang]
        for name in TERM_FIELDS:
            value = getattr(self, name)
            if value and name not in allowed:
                raise GlossaryError(
                    f"{self.lang} term {self.text!r}: the field {name!r} belongs to "
                    f"{'Korean' if name in ('hanja', 'romanization', 'press') else 'Japanese'} "
                    f"terms; {self.lang} terms have: {', '.join(allowed) or 'none'}"
                )
        for name in self.suggested:
            if name not in TERM_FIELDS and name != "text":
                raise GlossaryError(f"suggested field {name!r} is not a term field")
        return self

    def to_dict(self) -> dict[str, Any]:
        """The term as JSON: text, role, the fields of its language, and suggestions."""
        out: dict[str, Any] = {"text": self.text, "role": self.role}
        for name in LANGUAGE_FIELDS[self.lang]:
            out[name] = getattr(self, name) or None
        if self.note:
            out["note"] = self.note
        out["suggested"] = list(self.suggested)
        return out

    def snapshot(self) -> dict[str, Any]:
        """Every field, for the history."""
        out: dict[str, Any] = {"lang": self.lang, "text": self.text, "role": self.role}
        for name in (*TERM_FIELDS, "note"):
            value = getattr(self, name)
            if value:
                out[name] = value
        if self.suggested:
            out["suggested"] = list(self.suggested)
        return out

    @classmethod
    def from_snapshot(cls, data: dict[str, Any]) -> Term:
        return cls(**{k: v for k, v in data.items() if k != "id"})

    def copy(self) -> Term:
        """The same form with every field, not yet stored (no id)."""
        return Term.from_snapshot(self.snapshot())


@dataclass
class Entry:
    """One concept or named thing, with its forms in English, Korean and Japanese."""

    kind: str
    terms: list[Term] = field(default_factory=list)
    status: str = "candidate"
    origin: str = ""
    note: str = ""
    id: int | None = None
    version: int = 0
    evidence_count: int = 0
    created_at: datetime | None = None
    created_by: str = ""
    updated_at: datetime | None = None
    updated_by: str = ""

    def validate(self) -> Entry:
        """Check kind, status, origin and every term; refuse values outside the vocabularies."""
        check_choice("kind", self.kind, KINDS)
        check_choice("status", self.status, STATUSES)
        if self.origin:
            check_choice("origin", self.origin, ORIGINS)
        self.note = unix_lines(self.note)
        _check_text("the note", self.note, MAX_NOTE_LENGTH, _NOTE_CONTROL)
        if not self.terms:
            raise GlossaryError("an entry needs at least one term")
        preferred: dict[str, Term] = {}
        for term in self.terms:
            term.validate()
            if term.role != "preferred":
                continue
            first = preferred.setdefault(term.lang, term)
            if first is not term:
                raise GlossaryError(
                    f"an entry has one preferred form per language, but the {term.lang} forms "
                    f"{_short(first.text)} and {_short(term.text)} are both preferred; make "
                    "one of them a variant"
                )
        return self

    def preferred(self, lang: str) -> Term | None:
        """The house form in ``lang`` (the first preferred term, else the first term)."""
        forms = [t for t in self.terms if t.lang == lang]
        for t in forms:
            if t.role == "preferred":
                return t
        return forms[0] if forms else None

    def terms_in(self, lang: str) -> list[Term]:
        return [t for t in self.terms if t.lang == lang]

    @property
    def label(self) -> str:
        """A short name for messages: the English preferred form, else any preferred form."""
        for lang in ("en", "ko", "ja"):
            t = self.preferred(lang)
            if t:
                return t.text
        return f"entry {self.id}"

    def to_dict(self) -> dict[str, Any]:
        """The entry as JSON: id, kind, status, terms by language, and bookkeeping."""
        return {
            "id": self.id,
            "kind": self.kind,
            "status": self.status,
            "origin": self.origin or None,
            "note": self.note,
            "version": self.version,
            "evidence_count": self.evidence_count,
            "terms": {
                lang: [t.to_dict() for t in self.terms_in(lang)]
                for lang in ("en", "ko", "ja")
                if self.terms_in(lang)
            },
        }

    @classmethod
    def from_snapshot(cls, data: dict[str, Any]) -> Entry:
        """A new, unsaved entry with the data of a :meth:`snapshot` (id and version left
        out)."""
        return cls(
            kind=data["kind"],
            status=data["status"],
            origin=data.get("origin", ""),
            note=data.get("note", ""),
            terms=[Term.from_snapshot(t) for t in data.get("terms", [])],
        )

    def snapshot(self) -> dict[str, Any]:
        """Everything a curator can change, for the history and undo."""
        return {
            "id": self.id,
            "kind": self.kind,
            "status": self.status,
            "origin": self.origin,
            "note": self.note,
            "version": self.version,
            "terms": [t.snapshot() for t in self.terms],
        }


# -- translation units ------------------------------------------------------------------

#: Where a translation unit came from.
UNIT_ORIGINS = ("import", "align", "manual")


@dataclass
class Prop:
    """A TMX ``<prop type="...">``: a named piece of text a CAT tool keeps with a unit."""

    type: str
    text: str
    lang: str = ""

    def to_dict(self) -> dict[str, str]:
        out = {"type": self.type, "text": self.text}
        if self.lang:
            out["lang"] = self.lang
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Prop:
        return cls(str(data.get("type", "")), str(data.get("text", "")), str(data.get("lang", "")))


@dataclass
class Variant:
    """One sentence of a unit in one language.

    ``text`` is the sentence as a translator reads it (inline codes left out); ``seg``
    the TMX ``<seg>`` content with its inline markup (``<bpt>``, ``<ept>``, ``<ph>``,
    ``<it>``, ``<hi>``) when it has any, else empty. ``before`` and ``after`` are the
    neighbouring sentences of the document it came from (for context matches).
    """

    lang: str
    text: str
    seg: str = ""
    tag: str = ""
    before: str = ""
    after: str = ""
    attrs: dict[str, str] = field(default_factory=dict)
    props: list[Prop] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    id: int | None = None

    def snapshot(self) -> dict[str, Any]:
        return {
            "lang": self.lang,
            "text": self.text,
            "seg": self.seg,
            "tag": self.tag,
            "before": self.before,
            "after": self.after,
            "attrs": dict(self.attrs),
            "props": [p.to_dict() for p in self.props],
            "notes": list(self.notes),
        }

    @classmethod
    def from_snapshot(cls, data: dict[str, Any]) -> Variant:
        return cls(
            lang=data["lang"],
            text=data["text"],
            seg=data.get("seg", ""),
            tag=data.get("tag", ""),
            before=data.get("before", ""),
            after=data.get("after", ""),
            attrs=dict(data.get("attrs") or {}),
            props=[Prop.from_dict(p) for p in data.get("props") or []],
            notes=list(data.get("notes") or []),
        )


@dataclass
class Unit:
    """A translation unit: its sentences by language and where it came from."""

    variants: list[Variant]
    srclang: str = ""
    origin: str = "manual"
    origin_file: str = ""
    source_article_id: int | None = None
    target_article_id: int | None = None
    tuid: str = ""
    attrs: dict[str, str] = field(default_factory=dict)
    props: list[Prop] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    id: int | None = None
    version: int = 1
    batch: str = ""
    created_at: datetime | None = None
    created_by: str = ""
    updated_at: datetime | None = None
    updated_by: str = ""

    def variant(self, lang: str) -> Variant | None:
        """The first sentence in ``lang``, if the unit has one."""
        for v in self.variants:
            if v.lang == lang:
                return v
        return None

    @property
    def languages(self) -> list[str]:
        seen: list[str] = []
        for v in self.variants:
            if v.lang not in seen:
                seen.append(v.lang)
        return seen

    def pair(self, source: str | None = None, target: str | None = None) -> tuple[str, str]:
        """The source and target languages to show the unit in: the ones asked for,
        else the unit's own source language and its first other language."""
        langs = self.languages
        src = source or (self.srclang if self.srclang in langs else langs[0])
        if target is None:
            target = next((lang for lang in langs if lang != src), src)
        return src, target

    def validate(self) -> None:
        """Refuse a unit a memory cannot hold: fewer than two languages, empty text."""
        for v in self.variants:
            if v.lang not in LANGUAGES:
                raise InvalidValue("language", v.lang, LANGUAGES)
            if not v.text.strip():
                raise GlossaryError(f"the {v.lang} sentence of the unit is empty")
            if "\x00" in v.text:
                raise GlossaryError(f"the {v.lang} sentence holds a NUL character")
        if len(self.languages) < 2:
            raise GlossaryError("a translation unit needs sentences in two languages at least")
        if self.origin not in UNIT_ORIGINS:
            raise InvalidValue("origin", self.origin, UNIT_ORIGINS)

    def snapshot(self) -> dict[str, Any]:
        """The unit as plain data, for the history."""
        return {
            "id": self.id,
            "version": self.version,
            "srclang": self.srclang,
            "origin": self.origin,
            "origin_file": self.origin_file,
            "source_article_id": self.source_article_id,
            "target_article_id": self.target_article_id,
            "tuid": self.tuid,
            "attrs": dict(self.attrs),
            "props": [p.to_dict() for p in self.props],
            "notes": list(self.notes),
            "batch": self.batch,
            "variants": [v.snapshot() for v in self.variants],
        }

    @classmethod
    def from_snapshot(cls, data: dict[str, Any]) -> Unit:
        return cls(
            variants=[Variant.from_snapshot(v) for v in data.get("variants", [])],
            srclang=data.get("srclang", ""),
            origin=data.get("origin", "manual"),
            origin_file=data.get("origin_file", ""),
            source_article_id=data.get("source_article_id"),
            target_article_id=data.get("target_article_id"),
            tuid=data.get("tuid", ""),
            attrs=dict(data.get("attrs") or {}),
            props=[Prop.from_dict(p) for p in data.get("props") or []],
            notes=list(data.get("notes") or []),
            id=data.get("id"),
            version=data.get("version", 1),
            batch=data.get("batch", ""),
        )

    def to_dict(self, source: str | None = None, target: str | None = None) -> dict[str, Any]:
        """The unit as the command line and the HTTP API show it: one source and one
        target sentence (``id``, ``source``, ``target``, ``source_lang``, ``target_lang``),
        then every variant and where the unit came from."""
        src, tgt = self.pair(source, target)
        s, t = self.variant(src), self.variant(tgt)
        return {
            "id": self.id,
            "source": s.text if s else "",
            "target": t.text if t else "",
            "source_lang": src,
            "target_lang": tgt,
            "version": self.version,
            "origin": self.origin,
            "origin_file": self.origin_file,
            "variants": {v.lang: v.text for v in self.variants},
            "created_by": self.created_by,
            "created_at": self.created_at.isoformat() if self.created_at else None,
            "updated_by": self.updated_by,
            "updated_at": self.updated_at.isoformat() if self.updated_at else None,
        }

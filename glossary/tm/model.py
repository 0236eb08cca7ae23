"""Translation units: a sentence and its translations, as plain dataclasses.

A :class:`Unit` is one TMX translation unit: a :class:`Variant` per language (English,
Korean, Japanese; either may be the source), where it came from, and what the file it
was imported from said about it (TMX attributes, ``<prop>`` and ``<note>``), which is
written back on export.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from glossary.errors import GlossaryError, InvalidValue
from glossary.lang import LANGUAGES

ORIGINS = ("import", "align", "manual")


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
        if self.origin not in ORIGINS:
            raise InvalidValue("origin", self.origin, ORIGINS)

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

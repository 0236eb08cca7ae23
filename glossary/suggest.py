"""Filling and checking an entry's romanization fields with the language rules.

For every entry the rules propose values for its fields: Japanese readings, Hepburn
and press forms, name parts; Korean strict romanization and press-spelling
suggestions; a Hangul form for Japanese names and places, a katakana form for Korean
persons, a Sino-Korean reading for kanji terms. An empty field may be filled with the
proposal, marked as a suggestion for a curator. A field a curator filled is never
changed: where the rules disagree with it, the disagreement is listed for review.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from glossary.lang.script import HAN, HIRAGANA, KATAKANA, char_script
from glossary.model import Entry, Term


@dataclass(frozen=True)
class Proposal:
    """What the rules propose for one field of one entry, and what is stored now."""

    entry_id: int | None
    lang: str
    field: str  # a term field, or "text" for a whole new form
    proposed: str
    current: str
    source: str  # which rule proposed it

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


def _all_kanji_or_kana(text: str) -> bool:
    return all(char_script(c) in (HAN, HIRAGANA, KATAKANA) for c in text if not c.isspace())


def _japanese(entry: Entry, ja: Term) -> Iterator[Proposal]:
    from glossary.lang.ja import romanize_entry, to_hangul

    person = entry.kind == "person" and entry.origin == "japanese"
    if entry.kind == "person" and not person:
        # Korean and Chinese persons are read in katakana by the Japanese press, not by
        # Japanese readings of their characters (李在明 is イ・ジェミョン, not り ざいめい).
        return
    if all(char_script(c) == KATAKANA or c in "・ー" for c in ja.text) and not person:
        return  # a loanword (ワシントン): its English form is the romanization that counts
    if not ja.reading and not _all_kanji_or_kana(ja.text):
        return
    kind = "person" if person else entry.kind
    data = romanize_entry(ja.text, kind=kind, reading=ja.reading or None)
    reading = data.get("reading") or ""
    if not reading:
        return
    if not ja.reading:
        yield Proposal(entry.id, "ja", "reading", reading, "", "reading suggestion")
    yield Proposal(entry.id, "ja", "hepburn", data["strict"], ja.hepburn, "modified Hepburn")
    yield Proposal(entry.id, "ja", "plain", data["plain"], ja.plain, "press form")
    if person and data.get("family") and data.get("given"):
        yield Proposal(entry.id, "ja", "family", data["family"]["text"], ja.family, "name split")
        yield Proposal(entry.id, "ja", "given", data["given"]["text"], ja.given, "name split")
    ko = entry.preferred("ko")
    # A place is only known to be Japanese when it has no Korean form yet (台湾 is 대만,
    # not 다이완); a Japanese person's Hangul is checked against the standard.
    if person or (entry.kind == "place" and ko is None):
        yield Proposal(
            entry.id,
            "ko",
            "text",
            to_hangul(reading),
            ko.text if ko else "",
            "Korean standard for transcribing Japanese",
        )


def _korean(entry: Entry, ko: Term) -> Iterator[Proposal]:
    from glossary.lang.ko import romanize, suggest_press_spellings, to_katakana

    korean_person = entry.kind == "person" and entry.origin == "korean"
    if entry.kind == "person" and not korean_person:
        return  # the Hangul of a foreign name: its romanization comes from its own language
    if korean_person:
        family = ko.family or None
        yield Proposal(
            entry.id,
            "ko",
            "romanization",
            romanize(ko.text, kind="person", family=family),
            ko.romanization,
            "Revised Romanization, person",
        )
        press = suggest_press_spellings(ko.text, family=family)
        if press:
            yield Proposal(entry.id, "ko", "press", press[0], ko.press, "press-spelling table")
        yield Proposal(
            entry.id,
            "ja",
            "katakana",
            to_katakana(ko.text, family=family),
            _katakana_form(entry),
            "Japanese press katakana",
        )
    elif entry.kind in ("place", "facility") and _is_native_korean_name(entry):
        yield Proposal(
            entry.id,
            "ko",
            "romanization",
            romanize(ko.text, kind=entry.kind),
            ko.romanization,
            "Revised Romanization",
        )


def _katakana_form(entry: Entry) -> str:
    for t in entry.terms_in("ja"):
        if t.text and all(char_script(c) == KATAKANA or c == "・" for c in t.text):
            return t.text
    pref = entry.preferred("ja")
    return pref.reading if pref and pref.reading else ""


def _is_native_korean_name(entry: Entry) -> bool:
    """A Korean place's romanization is its English name (Busan, Gyeongju)."""
    en, ko = entry.preferred("en"), entry.preferred("ko")
    if en is None or ko is None:
        return False
    from glossary.lang.ko import romanize

    return _same(romanize(ko.text, kind="place").lower(), en.text.lower()) or bool(ko.romanization)


def _sino(entry: Entry) -> Iterator[Proposal]:
    from glossary.lang.ko import sino_korean_reading

    ja, ko = entry.preferred("ja"), entry.preferred("ko")
    if ja is None or ko is not None or entry.kind in ("person", "place"):
        return
    if all(char_script(c) == HAN for c in ja.text):
        reading = sino_korean_reading(ja.text, kind=entry.kind)
        if reading:
            yield Proposal(entry.id, "ko", "text", reading, "", "Sino-Korean reading")


def proposals(entry: Entry) -> list[Proposal]:
    """Everything the language rules propose for an entry, compared with what is stored."""
    out: list[Proposal] = []
    ja, ko = entry.preferred("ja"), entry.preferred("ko")
    if ja is not None:
        out.extend(_japanese(entry, ja))
    if ko is not None:
        out.extend(_korean(entry, ko))
    out.extend(_sino(entry))
    return out


def apply_proposals(entry: Entry, found: list[Proposal]) -> bool:
    """Fill the entry's empty fields with the proposals, marked as suggestions; never
    overwrite a value. Return True if anything was filled."""
    changed = False
    for p in found:
        if p.status != "fill":
            continue
        if p.field in ("text", "katakana"):
            if p.field == "text" and entry.preferred(p.lang) is None:
                entry.terms.append(Term(p.lang, p.proposed, suggested=["text"]))
                changed = True
            elif p.field == "katakana" and entry.preferred("ja") is None:
                entry.terms.append(
                    Term("ja", p.proposed, reading=p.proposed, suggested=["text", "reading"])
                )
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

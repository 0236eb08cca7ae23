"""TBX (TermBase eXchange): TBX-Basic in TBX v3 (ISO 30042:2019) and in TBX v2 (``martif``,
TBX-Basic 2008, for tools that read no v3); both are read, as are other tools' files.

One concept entry per entry, one language section per language, one term section per
form::

    <conceptEntry id="entry-2">
      <note>kind: person</note>
      <note>status: approved</note>
      <langSec xml:lang="ja">
        <termSec>
          <term>高市早苗</term>
          <termNote type="termType">fullForm</termNote>
          <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
          <note>reading: たかいち さなえ</note>
        </termSec>
      </langSec>
    </conceptEntry>

Roles map to administrative status and term type: preferred is a preferred full form,
a variant an admitted full form, an abbreviation an admitted abbreviation, a
deprecated form a deprecated one; a forbidden form is deprecated with the note
``role: forbidden``. What TBX-Basic has no data category for (kind, status and origin
of the entry; readings, romanizations, name parts and review marks of a form) is
written as ``name: value`` notes, which this reader turns back into fields; any other
note is the entry's or the form's own note.

The v2 export (format ``tbx2``) has the same content in v2's element names:
``termEntry``, ``langSet`` and ``tig`` for concept entry, language and term sections.

The reader also takes what other tools write: TBX v2 ``martif`` files (``termEntry``,
``langSet``, ``tig`` and ``ntig``), the DCT style of TBX v3 (``<basic:termType>``),
language tags such as ``en-US``, and the admitted values of other dialects (notRecommended,
superseded, acronym, shortForm). Entries from such files have kind ``term`` and status
``candidate`` unless they say otherwise, and languages other than English, Korean and
Japanese are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import IO, ClassVar

from glossary.errors import GlossaryError, InvalidValue, ParseError
from glossary.formats.base import (
    Dropped,
    EntryRecord,
    ExportOptions,
    Format,
    Item,
    Problem,
    export_time,
)
from glossary.formats.po import VERSION
from glossary.formats.xmlsafe import Node, SafeXmlReader, escape_text
from glossary.lang import LANGUAGES, normalize_language
from glossary.model import Entry, Term
from glossary.vocab import LANGUAGE_FIELDS, TERM_FIELDS

#: The namespace of TBX v3 (ISO 30042:2019, the standard's second edition).
NAMESPACE = "urn:iso:std:iso:30042:ed-2"
#: Namespaces of the TBX core structure: ISO 30042:2019's, the one drafts of it used
#: (which earlier versions of this tool wrote), and none (v2 martif files).
CORE_NAMESPACES = {NAMESPACE, "urn:iso:std:iso:30042:ed:3.0", ""}

_STATUS_OUT = {
    "preferred": "preferredTerm-admn-sts",
    "variant": "admittedTerm-admn-sts",
    "abbreviation": "admittedTerm-admn-sts",
    "deprecated": "deprecatedTerm-admn-sts",
    "forbidden": "deprecatedTerm-admn-sts",
}
_TYPE_OUT = {"abbreviation": "abbreviation"}
_STATUS_IN = {
    "preferredterm-admn-sts": "preferred",
    "preferred": "preferred",
    "standardizedterm-admn-sts": "preferred",
    "legalterm-admn-sts": "preferred",
    "regulatedterm-admn-sts": "preferred",
    "admittedterm-admn-sts": "admitted",
    "admitted": "admitted",
    "deprecatedterm-admn-sts": "deprecated",
    "deprecated": "deprecated",
    "notrecommended": "deprecated",
    "notrecommendedterm-admn-sts": "deprecated",
    "supersededterm-admn-sts": "deprecated",
    "superseded": "deprecated",
    "obsolete": "deprecated",
    "obsoleteterm-admn-sts": "deprecated",
}
_SHORT_TYPES = {"abbreviation", "acronym", "shortform", "initialism", "clippedterm"}
_ENTRY_KEYS = ("kind", "status", "origin")
_TERM_KEYS = (*TERM_FIELDS, "suggested", "role")
_KEYED = re.compile(r"^([a-z]+): (.*)$", re.DOTALL)
_OUR_ID = re.compile(r"^entry-(\d+)$")
_GROUPS = {"descripGrp", "adminGrp", "termNoteGrp", "transacGrp"}


def _note(text: str, keys: Iterable[str]) -> str:
    """A free note, prefixed with ``note:`` when it would read as one of ``keys``."""
    m = _KEYED.match(text)
    if m and (m.group(1) in keys or m.group(1) == "note"):
        return "note: " + text
    return text


#: Element names of TBX v3 and of TBX v2 (martif) for the same structure.
V3_TAGS = ("conceptEntry", "langSec", "termSec")
V2_TAGS = ("termEntry", "langSet", "tig")


def concept(
    entry: Entry, langs: tuple[str, ...], n: int = 0, tags: tuple[str, str, str] = V3_TAGS
) -> str:
    """The ``conceptEntry`` element of one entry (``n``: its place, for an id when the
    entry has none); with :data:`V2_TAGS`, the ``termEntry`` of a TBX v2 file."""
    concept_tag, lang_tag, term_tag = tags
    ident = f"entry-{entry.id}" if entry.id else f"c{n}"
    out = [f'      <{concept_tag} id="{ident}">\n']
    out.append(f"        <note>kind: {escape_text(entry.kind)}</note>\n")
    out.append(f"        <note>status: {escape_text(entry.status)}</note>\n")
    if entry.origin:
        out.append(f"        <note>origin: {escape_text(entry.origin)}</note>\n")
    if entry.note:
        out.append(f"        <note>{escape_text(_note(entry.note, _ENTRY_KEYS))}</note>\n")
    for lang in langs:
        terms = entry.terms_in(lang)
        if not terms:
            continue
        out.append(f'        <{lang_tag} xml:lang="{lang}">\n')
        for t in terms:
            out.append(f"          <{term_tag}>\n")
            out.append(f"            <term>{escape_text(t.text)}</term>\n")
            out.append(
                '            <termNote type="termType">'
                f"{_TYPE_OUT.get(t.role, 'fullForm')}</termNote>\n"
            )
            out.append(
                '            <termNote type="administrativeStatus">'
                f"{_STATUS_OUT[t.role]}</termNote>\n"
            )
            if t.role == "forbidden":
                out.append("            <note>role: forbidden</note>\n")
            for name in TERM_FIELDS:
                value = getattr(t, name)
                if value:
                    out.append(f"            <note>{name}: {escape_text(value)}</note>\n")
            if t.suggested:
                out.append(
                    f"            <note>suggested: {escape_text(', '.join(t.suggested))}</note>\n"
                )
            if t.note:
                out.append(f"            <note>{escape_text(_note(t.note, _TERM_KEYS))}</note>\n")
            out.append(f"          </{term_tag}>\n")
        out.append(f"        </{lang_tag}>\n")
    out.append(f"      </{concept_tag}>\n")
    return "".join(out)


def _file_description(options: ExportOptions) -> str:
    now = options.now or export_time()
    return (
        "    <fileDesc>\n"
        "      <titleStmt>\n"
        "        <title>Glossary</title>\n"
        "      </titleStmt>\n"
        "      <sourceDesc>\n"
        f"        <p>Exported by glossary {escape_text(VERSION)} on "
        f"{now:%Y-%m-%d %H:%M} UTC.</p>\n"
        "      </sourceDesc>\n"
        "    </fileDesc>\n"
    )


class TbxFormat(Format):
    """TBX-Basic (TBX v3): concept entries for terminology tools."""

    name = "tbx"
    label = "TBX (TermBase eXchange)"
    extensions = (".tbx",)
    media_type = "application/x-tbx+xml"
    kind: ClassVar[str] = "entry"
    tags: ClassVar[tuple[str, str, str]] = V3_TAGS

    def head(self, options: ExportOptions) -> str:
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<tbx xmlns="{NAMESPACE}" type="TBX-Basic" style="dca" xml:lang="en">\n'
            "  <tbxHeader>\n"
            f"{_file_description(options)}"
            "  </tbxHeader>\n"
            "  <text>\n"
            "    <body>\n"
        )

    def render(self, entries: list[Entry], options: ExportOptions, before: int) -> tuple[str, int]:
        langs = ("en", options.target) if options.target else LANGUAGES
        out: list[str] = []
        for entry in entries:
            if any(t.lang in langs for t in entry.terms):
                out.append(concept(entry, langs, before + len(out) + 1, self.tags))
        return "".join(out), len(out)

    def tail(self, options: ExportOptions) -> str:
        return "    </body>\n  </text>\n</tbx>\n"

    def read(self, stream: IO[bytes], name: str) -> Iterator[Item]:
        """Concept entries as records; what the glossary has no place for (languages it
        does not keep, data categories such as part of speech) is said in notices."""
        reader = SafeXmlReader(stream, name, {"conceptEntry", "termEntry"})
        dropped = Dropped(name)
        n = 0
        for node in reader:
            if n == 0:
                _check_root(reader.root, name)
            n += 1
            yield _record(node, n, name, dropped)
        if n == 0:
            _check_root(reader.root, name)
        yield from dropped.notices()


class Tbx2Format(TbxFormat):
    """TBX-Basic 2008 (TBX v2, ``martif``), for tools that read no TBX v3, such as
    translate-toolkit (and so Weblate). The content of :class:`TbxFormat` in v2's element
    names; read by the same reader."""

    name = "tbx2"
    label = "TBX v2 (martif, TBX-Basic 2008, for older tools)"
    tags: ClassVar[tuple[str, str, str]] = V2_TAGS

    def head(self, options: ExportOptions) -> str:
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">\n'
            '<martif type="TBX-Basic" xml:lang="en">\n'
            "  <martifHeader>\n"
            f"{_file_description(options)}"
            "    <encodingDesc>\n"
            '      <p type="XCSURI">TBXBasicXCSV02.xcs</p>\n'
            "    </encodingDesc>\n"
            "  </martifHeader>\n"
            "  <text>\n"
            "    <body>\n"
        )

    def tail(self, options: ExportOptions) -> str:
        return "    </body>\n  </text>\n</martif>\n"


def _check_root(root: Node | None, name: str) -> None:
    if root is None:  # pragma: no cover - SafeXmlReader raises first
        raise ParseError(name, 1, "the file is empty")
    if root.tag not in ("tbx", "martif") or root.ns not in CORE_NAMESPACES:
        raise ParseError(
            name,
            root.line,
            f"is not a TBX file: its root element is <{root.tag}>, not <tbx> or <martif>",
        )


#: Elements that hold the structure (read for what they contain) and transactions
#: (who changed an entry when), which are left out as a whole.
_STRUCTURE = {"langSec", "langSet", "termSec", "tig", "ntig", "termGrp", "term"}
_NO_PLACE = "the glossary has no place for them"


def _categories(node: Node) -> Iterator[tuple[str, str, Node]]:
    """(data category, text, element) of what is directly in ``node`` (groups opened),
    structure left out: other elements come as ``<tag>``, transactions as
    ``transacGrp``."""
    for child in node.children:
        if child.tag in _STRUCTURE and child.ns in CORE_NAMESPACES:
            continue
        if child.tag == "transacGrp":
            yield "transacGrp", "", child
        elif child.tag in _GROUPS:
            yield from _categories(child)
        elif (
            child.tag in ("termNote", "descrip", "admin", "transac") and child.ns in CORE_NAMESPACES
        ):
            yield child.get("type"), child.all_text().strip(), child
        elif child.tag == "note" and child.ns in CORE_NAMESPACES:
            yield "note", child.all_text().strip(), child
        elif child.ns not in CORE_NAMESPACES:  # DCT style: <basic:termType>
            yield child.tag, child.all_text().strip(), child
        else:
            yield f"<{child.tag}>", child.all_text().strip(), child


def _drop(dropped: Dropped, category: str, element: Node, where: str) -> None:
    if category == "transacGrp":
        what = "transaction records (transacGrp: who changed an entry, and when)"
    elif category.startswith("<"):
        what = f"{category} elements"
    else:
        what = f"{category!r} data categories" if category else "data categories without a type"
    dropped.add(what, _NO_PLACE, element.line, where)


#: Data categories kept in notes, by where they are.
_CONCEPT_NOTES = ("definition", "subjectField", "context", "source")
_LANGUAGE_NOTES = ("definition", "source")
_TERM_NOTES = ("definition", "context", "source", "usageNote")


def _record(node: Node, n: int, name: str, dropped: Dropped | None = None) -> EntryRecord | Problem:
    dropped = dropped or Dropped(name)
    ident = node.get("id")
    where = f"{node.tag} {n}" + (f" (id {ident!r})" if ident else "")
    m = _OUR_ID.match(ident)
    entry_id = int(m.group(1)) if m else None
    scope: list[str] = []
    fields: dict[str, str] = {}
    notes: list[str] = []
    for category, value, element in _categories(node):
        if category == "note":
            if not value:
                continue
            km = _KEYED.match(value)
            if km and km.group(1) in _ENTRY_KEYS and km.group(1) not in fields:
                fields[km.group(1)] = km.group(2).strip()
                continue
            if km and km.group(1) == "note":
                value = km.group(2)
            notes.append(value)
        elif category in _CONCEPT_NOTES:
            if value:
                notes.append(f"{category}: {value}")
        else:
            _drop(dropped, category, element, where)
    for key in _ENTRY_KEYS:
        if key in fields:
            scope.append(key)
    terms: list[Term] = []
    stated: list[frozenset[str]] = []
    for section in node.children:
        if section.tag not in ("langSec", "langSet"):
            continue
        tag = section.get("xml:lang") or section.get("lang")
        try:
            lang = normalize_language(tag)
        except InvalidValue:
            what = f"language sections in {tag!r}" if tag else "language sections without xml:lang"
            dropped.add(
                what, "the glossary keeps English, Korean and Japanese", section.line, where
            )
            continue
        if lang not in scope:
            scope.append(lang)
        for category, value, element in _categories(section):
            if category in _LANGUAGE_NOTES or category == "note":
                if value:
                    notes.append(f"{category} ({lang}): {value}")
            else:
                _drop(dropped, category, element, where)
        got = _terms(section, lang, dropped, where)
        if isinstance(got, tuple):
            message, line, category = got
            return Problem(name, line, message, category, f"{where}, langSec {tag}")
        for term, keys in got:
            terms.append(term)
            stated.append(keys)
    if notes:
        scope.append("note")
    if not terms:
        return Problem(
            name, node.line, "has no term in English, Korean or Japanese", "langSec", where
        )
    entry = Entry(
        kind=fields.get("kind", "term"),
        status=fields.get("status", "candidate"),
        origin=fields.get("origin", ""),
        note="\n".join(notes),
        terms=terms,
        id=entry_id,
    )
    try:
        entry.validate()
    except InvalidValue as exc:
        return Problem(name, node.line, str(exc), exc.field, where)
    except GlossaryError as exc:
        return Problem(name, node.line, str(exc), None, where)
    return EntryRecord(
        entry=entry,
        entry_id=entry_id,
        line=node.line,
        element=where,
        scope=tuple(scope),
        stated=stated,
    )


def _terms(
    section: Node, lang: str, dropped: Dropped, where: str
) -> list[tuple[Term, frozenset[str]]] | tuple[str, int, str]:
    """The forms of one language section, each with what the file states about it (the
    values a form without them says nothing about), or (message, line, data category)
    of what is wrong with the section."""
    found: list[tuple[Term, str, str, int, set[str]]] = []  # + status, type, its line, stated
    allowed = LANGUAGE_FIELDS[lang]
    for holder in section.children:
        if holder.tag not in ("termSec", "tig", "ntig"):
            continue
        group = holder.find("termGrp") if holder.tag == "ntig" else holder
        if group is None:
            continue
        term_node = group.find("term")
        text = term_node.all_text().strip() if term_node is not None else ""
        if not text:
            return ("a term section has no term", holder.line, "term")
        term = Term(lang=lang, text=text, role="variant")
        keys = {"lang", "text"}
        status = term_type = ""
        status_line = holder.line
        notes: list[str] = []
        places = [group, holder] if group is not holder else [holder]
        for place in places:
            for category, value, element in _categories(place):
                if category == "administrativeStatus":
                    status, status_line = value, element.line
                elif category == "termType":
                    term_type = value
                elif category == "note":
                    if not value:
                        continue
                    km = _KEYED.match(value)
                    key, said = (km.group(1), km.group(2).strip()) if km else ("", value)
                    if key in allowed and not getattr(term, key):
                        setattr(term, key, said)
                        keys.add(key)
                    elif key == "suggested":
                        term.suggested = [s.strip() for s in said.split(",") if s.strip()]
                        keys.add("suggested")
                    elif key == "role" and said == "forbidden":
                        term.role = "forbidden"
                        keys.add("role")
                    else:
                        notes.append(said if key == "note" else value)
                elif category in _TERM_NOTES:
                    if value:
                        notes.append(f"{category}: {value}")
                else:
                    _drop(dropped, category, element, where)
        term.note = "\n".join(notes)
        if notes:
            keys.add("note")
        if status or term_type:
            keys.add("role")
        found.append((term, status, term_type, status_line, keys))
    has_preferred = any(_STATUS_IN.get(s.lower()) == "preferred" for _, s, _, _, _ in found)
    terms: list[tuple[Term, frozenset[str]]] = []
    for term, status, term_type, status_line, keys in found:
        level = _STATUS_IN.get(status.lower()) if status else None
        if status and level is None:
            return (
                f"the administrative status {status!r} of {term.text!r} is not known; use "
                "preferredTerm-admn-sts, admittedTerm-admn-sts or deprecatedTerm-admn-sts",
                status_line,
                "administrativeStatus",
            )
        short = term_type.lower() in _SHORT_TYPES
        if term.role == "forbidden":
            pass
        elif level == "preferred" or (level is None and not has_preferred and not short):
            term.role = "preferred"
            has_preferred = True
        elif level == "deprecated":
            term.role = "deprecated"
        else:
            term.role = "abbreviation" if short else "variant"
        terms.append((term, frozenset(keys)))
    return terms

"""TMX 1.4b for translation units, as memoQ, Trados Studio and OmegaT write it.

Reading keeps what those tools put in a file and expect back: each ``<tu>``'s
attributes (``tuid``, ``creationdate``, ``changeid`` ...), its ``<prop>`` and ``<note>``
elements and those of each ``<tuv>``, the language tag as spelled (``ko-KR``), and the
inline codes of each ``<seg>`` (``<bpt>``, ``<ept>``, ``<ph>``, ``<it>``, ``<hi>``,
``<ut>``, ``<sub>``), which are written back on export and left out of the text that
is matched. ``srclang="*all*"`` (any variant may be the source) and units with several
variants (English, Korean and Japanese in one ``<tu>``) are kept as they are. memoQ's
context properties (``x-context-pre``, ``x-context-post``) become the sentences before
and after, used for context matches.

A file that is not TMX (not well-formed XML, no ``<header>``, a ``<tuv>`` without a
language or a ``<seg>``, a ``<tu>`` without variants) raises
:class:`~glossary.errors.ParseError` naming the file, line and element. Variants in
other languages than English, Korean and Japanese are left out; a unit left with fewer
than two languages is skipped and counted.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import IO, cast

from glossary.errors import InvalidValue, ParseError
from glossary.formats.base import export_time
from glossary.formats.xmlsafe import (
    MAX_DEPTH,
    Refused,
    XmlStream,
    escape_attr,
    escape_text,
    local_attrs,
    local_name,
)
from glossary.lang import normalize_language
from glossary.tm.model import Prop, Unit, Variant

#: Inline elements whose content is markup of the original document, not text.
CODES = frozenset({"bpt", "ept", "ph", "it", "ut"})
#: Every element a TMX 1.4b segment may hold.
INLINE = CODES | {"hi", "sub"}
CONTEXT_BEFORE = "x-context-pre"
CONTEXT_AFTER = "x-context-post"
_TU_OWN = ("tuid", "srclang")
_TUV_OWN = ("xml:lang", "lang")


@dataclass
class Skipped:
    """A unit the memory cannot keep (fewer than two of its languages), with where."""

    line: int
    element: str
    reason: str


_CODE_ELEMENT = re.compile(r"<(bpt|ept|ph|it|ut)\b[^>]*?(?:/>|>.*?</\1>)", re.S)
_ANY_TAG = re.compile(r"<[^>]+>")


def context_text(value: str) -> str:
    """The sentence a memoQ context property holds (``<seg>text</seg>``), as plain text."""
    return html.unescape(_ANY_TAG.sub("", _CODE_ELEMENT.sub("", value))).strip()


# -- reading --------------------------------------------------------------------------
#
# The reader keeps no tree: the expat handlers sort each element by what it is to the
# unit it belongs to (the unit, a variant, its segment, a property or note, something
# else) and keep only what a Unit needs, a segment as its text and elements in order.
# Units are made from that once a chunk of the file is parsed. A million units are read
# several times faster than by building a tree of every element first.

# What an element is to the reader.
_OUTSIDE, _HEADER, _TU, _TUV, _SEG, _INSIDE_SEG, _TEXT, _OTHER = range(8)
#: Ends an element in a segment's list of text and elements.
_END = object()


class _RawSeg:
    __slots__ = ("children", "items")

    def __init__(self) -> None:
        #: text (str), an element's start (tag, attributes, line) and _END, in order
        self.items: list[object] = []
        self.children = False


class _RawTuv:
    __slots__ = ("attrs", "line", "notes", "props", "seg")

    def __init__(self, attrs: dict[str, str], line: int) -> None:
        self.attrs = attrs
        self.line = line
        self.props: list[Prop] = []
        self.notes: list[str] = []
        self.seg: _RawSeg | None = None


class _RawTu:
    __slots__ = ("attrs", "line", "notes", "props", "tuvs")

    def __init__(self, attrs: dict[str, str], line: int) -> None:
        self.attrs = attrs
        self.line = line
        self.props: list[Prop] = []
        self.notes: list[str] = []
        self.tuvs: list[_RawTuv] = []


class _TmxStream(XmlStream):
    """The hardened parser's handlers for TMX: collects the ``<tu>`` elements.

    Character data is only handed over where it is kept (a segment, a property, a
    note): elsewhere the parser has no handler for it, and in a segment the handler is
    the segment's own list's ``append``, called by the parser without Python code.
    """

    def __init__(self, stream: IO[bytes], name: str) -> None:
        super().__init__(stream, name)
        self.root_tag = ""
        self.root_line = 0
        self.header: dict[str, str] | None = None
        self.done: list[_RawTu] = []
        self._roles: list[int] = [-1]  # -1: outside the root element
        self._tu: _RawTu | None = None
        self._tuv: _RawTuv | None = None
        self._seg: _RawSeg | None = None
        self._text: list[str] = []
        self._text_attrs: dict[str, str] = {}
        self._text_owner: _RawTu | _RawTuv | None = None
        self._text_kind = ""
        self._names: dict[str, str] = {}
        self._attr_names: dict[str, str] = {}
        p = self.parser
        p.StartElementHandler = self._start
        p.EndElementHandler = self._end

    def has_root(self) -> bool:
        return bool(self.root_tag)

    def _attrs(self, attrs: dict[str, str]) -> dict[str, str]:
        try:
            names = self._attr_names
            return {names[k]: v for k, v in attrs.items()}
        except KeyError:
            return local_attrs(attrs, self._attr_names)

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        roles = self._roles
        if len(roles) > MAX_DEPTH:
            raise Refused(f"elements are nested more than {MAX_DEPTH} deep")
        tag = self._names.get(name) or local_name(name, self._names)
        if attrs:
            attrs = self._attrs(attrs)
        parent = roles[-1]
        if parent == _TUV:
            tuv = self._tuv
            assert tuv is not None
            if tag == "seg" and tuv.seg is None:
                tuv.seg = self._seg = _RawSeg()
                self.parser.CharacterDataHandler = self._seg.items.append
                roles.append(_SEG)
            elif tag == "prop" or tag == "note":
                roles.append(self._open_text(tag, attrs, tuv))
            else:
                roles.append(_OTHER)
        elif parent == _TU:
            tu = self._tu
            assert tu is not None
            if tag == "tuv":
                self._tuv = _RawTuv(attrs, self.parser.CurrentLineNumber)
                tu.tuvs.append(self._tuv)
                roles.append(_TUV)
            elif tag == "prop" or tag == "note":
                roles.append(self._open_text(tag, attrs, tu))
            else:
                roles.append(_OTHER)
        elif parent == _INSIDE_SEG or parent == _SEG:  # noqa: SIM109 - faster than `in`
            assert self._seg is not None
            self._seg.items.append((tag, attrs, self.parser.CurrentLineNumber))
            self._seg.children = True
            roles.append(_INSIDE_SEG)
        elif parent == _TEXT or parent == _OTHER:  # noqa: SIM109
            roles.append(parent)
        elif tag == "tu":
            self._tu = _RawTu(attrs, self.parser.CurrentLineNumber)
            if parent == -1:  # not a TMX file: said once the unit is read
                self.root_tag, self.root_line = tag, self._tu.line
            roles.append(_TU)
        elif parent == -1:
            self.root_tag = tag
            self.root_line = self.parser.CurrentLineNumber
            roles.append(_OUTSIDE)
        elif tag == "header" and len(roles) == 2 and self.header is None:
            self.header = attrs
            roles.append(_HEADER)
        else:
            roles.append(_OUTSIDE)

    def _open_text(self, tag: str, attrs: dict[str, str], owner: _RawTu | _RawTuv) -> int:
        self._text = []
        self._text_attrs = attrs
        self._text_owner = owner
        self._text_kind = tag
        self.parser.CharacterDataHandler = self._text.append
        return _TEXT

    def _end(self, _name: str) -> None:
        roles = self._roles
        role = roles.pop()
        if role == _SEG:
            self._seg = None
            self.parser.CharacterDataHandler = None
        elif role == _TUV:
            self._tuv = None
        elif role == _TU:
            assert self._tu is not None
            self.done.append(self._tu)
            self._tu = None
        elif role == _INSIDE_SEG:
            assert self._seg is not None
            self._seg.items.append(_END)
        elif role == _TEXT and roles[-1] != _TEXT:
            self.parser.CharacterDataHandler = None
            owner = self._text_owner
            assert owner is not None
            text = "".join(self._text)
            if self._text_kind == "prop":
                a = self._text_attrs
                owner.props.append(Prop(a.get("type", ""), text, a.get("xml:lang", "")))
            else:
                owner.notes.append(text)


def _segment(seg: _RawSeg) -> tuple[str, str]:
    """A segment's text (inline codes left out) and, when it holds elements, its markup."""
    items = seg.items
    if not seg.children:
        return "".join(cast(list[str], items)), ""
    plain: list[str] = []
    markup: list[str] = []
    open_: list[tuple[str, str, int, bool]] = []
    codes = 0
    for item in items:
        if isinstance(item, str):
            if not codes:
                plain.append(item)
            markup.append(escape_text(item))
        elif item is _END:
            tag, attrs, at, code = open_.pop()
            if len(markup) == at + 1:
                markup[at] = f"<{tag}{attrs}/>"
            else:
                markup.append(f"</{tag}>")
            codes -= code
        else:
            tag, values, _ = cast(tuple[str, dict[str, str], int], item)
            attrs = "".join(f' {k}="{escape_attr(v)}"' for k, v in values.items())
            code = tag in CODES
            markup.append(f"<{tag}{attrs}>")
            open_.append((tag, attrs, len(markup) - 1, code))
            codes += code
    return "".join(plain), "".join(markup)


def _bad_child(seg: _RawSeg) -> tuple[str, int] | None:
    """The first element directly inside a segment that TMX does not allow there."""
    depth = 0
    for item in seg.items:
        if isinstance(item, str):
            continue
        if item is _END:
            depth -= 1
            continue
        if depth == 0:
            tag, _, line = cast(tuple[str, dict[str, str], int], item)
            if tag not in INLINE:
                return tag, line
        depth += 1
    return None


class _Reader:
    """Units from the collected ``<tu>`` elements (language tags looked up once each)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.srclang = ""
        self._langs: dict[str, str | None] = {}

    def lang(self, tag: str) -> str | None:
        if tag not in self._langs:
            try:
                self._langs[tag] = normalize_language(tag)
            except InvalidValue:
                self._langs[tag] = None  # a language the memory does not keep
        return self._langs[tag]

    def variant(self, tuv: _RawTuv) -> Variant | None:
        name = self.name
        attrs = tuv.attrs
        tag = attrs.get("xml:lang") or attrs.get("lang")
        if not tag:
            raise ParseError(name, tuv.line, "a <tuv> has no xml:lang attribute", "tuv")
        seg = tuv.seg
        if seg is None:
            raise ParseError(name, tuv.line, "a <tuv> has no <seg>", "tuv")
        if seg.children:
            bad = _bad_child(seg)
            if bad is not None:
                raise ParseError(name, bad[1], f"<{bad[0]}> is not allowed inside a <seg>", bad[0])
        lang = self.lang(tag)
        if lang is None:
            return None
        plain, markup = _segment(seg)
        text = plain.strip()
        if not text:
            return None
        before = after = ""
        for p in tuv.props:
            if p.type == CONTEXT_BEFORE:
                before = context_text(p.text)
            elif p.type == CONTEXT_AFTER:
                after = context_text(p.text)
        return Variant(
            lang=lang,
            text=text,
            seg=markup,
            tag=tag if tag != lang else "",
            before=before,
            after=after,
            attrs={k: v for k, v in attrs.items() if k not in _TUV_OWN} if len(attrs) > 1 else {},
            props=tuv.props,
            notes=tuv.notes,
        )

    def unit(self, tu: _RawTu, n: int) -> Unit | Skipped:
        attrs = tu.attrs
        tuid = attrs.get("tuid", "")
        if not tu.tuvs:
            where = f"tu {n}" + (f" (tuid {tuid!r})" if tuid else "")
            raise ParseError(self.name, tu.line, f"{where} has no <tuv>", "tu")
        variants = [v for v in map(self.variant, tu.tuvs) if v is not None]
        if len({v.lang for v in variants}) < 2:
            where = f"tu {n}" + (f" (tuid {tuid!r})" if tuid else "")
            return Skipped(
                tu.line, where, "it has fewer than two sentences in English, Korean or Japanese"
            )
        src = attrs.get("srclang") or self.srclang
        if src and src != "*all*":
            src = self.lang(src) or ""
        return Unit(
            variants=variants,
            srclang=src,
            origin="import",
            origin_file=self.name,
            tuid=tuid,
            attrs={k: v for k, v in attrs.items() if k not in _TU_OWN},
            props=tu.props,
            notes=tu.notes,
        )


def read_units(stream: IO[bytes], name: str) -> Iterator[Unit | Skipped]:
    """Each translation unit of a TMX file, or a :class:`Skipped` for one the memory
    cannot keep; ParseError (file, line, element) for a file that is not TMX."""
    xml = _TmxStream(stream, name)
    reader = _Reader(name)
    n = 0
    for _ in xml.chunks():
        if not xml.done:
            continue
        if n == 0:
            reader.srclang = _check_root(xml, name)
        done = xml.done
        xml.done = []
        for tu in done:
            n += 1
            yield reader.unit(tu, n)
    if n == 0:
        _check_root(xml, name)


def _check_root(xml: _TmxStream, name: str) -> str:
    if xml.root_tag != "tmx":
        raise ParseError(
            name,
            xml.root_line,
            f"is not a TMX file: its root element is <{xml.root_tag}>, not <tmx>",
        )
    if xml.header is None:
        raise ParseError(name, xml.root_line, "the TMX file has no <header>", "header")
    return xml.header.get("srclang", "")


# -- writing --------------------------------------------------------------------------


def _stamp(when: datetime | None) -> str:
    return f"{when:%Y%m%dT%H%M%SZ}" if when else ""


def header(source: str | None, version: str, now: datetime | None = None) -> str:
    """The start of a TMX 1.4b file, up to ``<body>``."""
    when = now or export_time()
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<tmx version="1.4">\n'
        f'  <header creationtool="glossary" creationtoolversion="{escape_attr(version)}" '
        'segtype="sentence" o-tmf="glossary" adminlang="en" '
        f'srclang="{source or "*all*"}" datatype="plaintext" creationdate="{_stamp(when)}"/>\n'
        "  <body>\n"
    )


FOOTER = "  </body>\n</tmx>\n"


def _prop_xml(p: Prop, indent: str) -> str:
    lang = f' xml:lang="{escape_attr(p.lang)}"' if p.lang else ""
    return f'{indent}<prop type="{escape_attr(p.type)}"{lang}>{escape_text(p.text)}</prop>\n'


def _context_prop(kind: str, text: str) -> Prop:
    return Prop(kind, f"<seg>{escape_text(text)}</seg>")


def _tuv_xml(v: Variant) -> str:
    attrs = "".join(f' {k}="{escape_attr(val)}"' for k, val in v.attrs.items())
    out = [f'      <tuv xml:lang="{escape_attr(v.tag or v.lang)}"{attrs}>\n']
    props = list(v.props)
    kinds = {p.type for p in props}
    if v.before and CONTEXT_BEFORE not in kinds:
        props.append(_context_prop(CONTEXT_BEFORE, v.before))
    if v.after and CONTEXT_AFTER not in kinds:
        props.append(_context_prop(CONTEXT_AFTER, v.after))
    out += [_prop_xml(p, "        ") for p in props]
    out += [f"        <note>{escape_text(n)}</note>\n" for n in v.notes]
    out.append(f"        <seg>{v.seg or escape_text(v.text)}</seg>\n      </tuv>\n")
    return "".join(out)


def unit_xml(unit: Unit, source: str | None = None, target: str | None = None) -> str | None:
    """The ``<tu>`` of a unit, with only the ``source`` and ``target`` variants when
    given (source first); None when the unit lacks one of them."""
    variants = unit.variants
    if source or target:
        wanted = [lang for lang in (source, target) if lang]
        if any(unit.variant(lang) is None for lang in wanted):
            return None
        if source and target:
            variants = [v for lang in wanted for v in variants if v.lang == lang]
        elif source:
            variants = sorted(variants, key=lambda v: v.lang != source)
    attrs: dict[str, str] = {}
    if unit.tuid:
        attrs["tuid"] = unit.tuid
    src_lang = source or unit.srclang
    if src_lang:
        # As the source sentence's language tag is spelled (en-US, ko-KR): readers such
        # as translate-toolkit and Trados Studio find the source <tuv> by its xml:lang.
        v = unit.variant(src_lang)
        spelled = v.tag if v is not None and v.tag else src_lang
        if not source or spelled != source:
            attrs["srclang"] = spelled
    attrs.update(unit.attrs)
    attrs.setdefault("creationdate", _stamp(unit.created_at))
    if unit.created_by:
        attrs.setdefault("creationid", unit.created_by)
    if unit.version > 1 and unit.updated_at:  # edited here since it was imported
        attrs["changedate"] = _stamp(unit.updated_at)
        attrs["changeid"] = unit.updated_by
    out = ["    <tu"]
    out += [f' {k}="{escape_attr(v)}"' for k, v in attrs.items() if v]
    out.append(">\n")
    out += [_prop_xml(p, "      ") for p in unit.props]
    out += [f"      <note>{escape_text(n)}</note>\n" for n in unit.notes]
    out += [_tuv_xml(v) for v in variants]
    out.append("    </tu>\n")
    return "".join(out)


def write_units(
    units: Iterable[Unit],
    out: IO[bytes],
    *,
    source: str | None = None,
    target: str | None = None,
    version: str = "",
    now: datetime | None = None,
) -> int:
    """Write ``units`` as TMX 1.4b to ``out``; return how many units were written."""
    out.write(header(source, version, now).encode("utf-8"))
    n = 0
    batch: list[str] = []
    for unit in units:
        text = unit_xml(unit, source, target)
        if text is None:
            continue
        batch.append(text)
        n += 1
        if len(batch) >= 1000:
            out.write("".join(batch).encode("utf-8"))
            batch.clear()
    out.write(("".join(batch) + FOOTER).encode("utf-8"))
    return n

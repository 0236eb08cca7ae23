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
from typing import IO

from glossary.errors import InvalidValue, ParseError
from glossary.formats.base import export_time
from glossary.formats.xmlsafe import Node, SafeXmlReader, escape_attr, escape_text
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


# -- reading --------------------------------------------------------------------------


def _plain(items: list[str | Node] | None, parts: list[str]) -> str:
    if items is None:
        return "".join(parts)
    out = []
    for item in items:
        if isinstance(item, str):
            out.append(item)
        elif item.tag not in CODES:
            out.append(_plain(item.items, item.parts))
    return "".join(out)


def _markup(items: list[str | Node] | None, parts: list[str]) -> str:
    if items is None:
        return escape_text("".join(parts))
    out = []
    for item in items:
        if isinstance(item, str):
            out.append(escape_text(item))
            continue
        attrs = "".join(f' {k}="{escape_attr(v)}"' for k, v in item.attrs.items())
        inner = _markup(item.items, item.parts) if (item.items or item.parts) else ""
        out.append(f"<{item.tag}{attrs}>{inner}</{item.tag}>" if inner else f"<{item.tag}{attrs}/>")
    return "".join(out)


_CODE_ELEMENT = re.compile(r"<(bpt|ept|ph|it|ut)\b[^>]*?(?:/>|>.*?</\1>)", re.S)
_ANY_TAG = re.compile(r"<[^>]+>")


def context_text(value: str) -> str:
    """The sentence a memoQ context property holds (``<seg>text</seg>``), as plain text."""
    return html.unescape(_ANY_TAG.sub("", _CODE_ELEMENT.sub("", value))).strip()


def _props(node: Node) -> list[Prop]:
    return [Prop(p.get("type"), p.all_text(), p.get("xml:lang")) for p in node.findall("prop")]


def _notes(node: Node) -> list[str]:
    return [n.all_text() for n in node.findall("note")]


def _variant(tuv: Node, name: str) -> Variant | None:
    tag = tuv.get("xml:lang") or tuv.get("lang")
    if not tag:
        raise ParseError(name, tuv.line, "a <tuv> has no xml:lang attribute", "tuv")
    seg = tuv.find("seg")
    if seg is None:
        raise ParseError(name, tuv.line, "a <tuv> has no <seg>", "tuv")
    for child in seg.children:
        if child.tag not in INLINE:
            raise ParseError(
                name, child.line, f"<{child.tag}> is not allowed inside a <seg>", child.tag
            )
    try:
        lang = normalize_language(tag)
    except InvalidValue:
        return None  # a language the memory does not keep
    text = _plain(seg.items, seg.parts).strip()
    if not text:
        return None
    props = _props(tuv)
    before = after = ""
    for p in props:
        if p.type == CONTEXT_BEFORE:
            before = context_text(p.text)
        elif p.type == CONTEXT_AFTER:
            after = context_text(p.text)
    return Variant(
        lang=lang,
        text=text,
        seg=_markup(seg.items, seg.parts) if seg.children else "",
        tag=tag if tag != lang else "",
        before=before,
        after=after,
        attrs={k: v for k, v in tuv.attrs.items() if k not in _TUV_OWN},
        props=props,
        notes=_notes(tuv),
    )


def _unit(node: Node, n: int, name: str, srclang: str) -> Unit | Skipped:
    tuid = node.get("tuid")
    where = f"tu {n}" + (f" (tuid {tuid!r})" if tuid else "")
    tuvs = node.findall("tuv")
    if not tuvs:
        raise ParseError(name, node.line, f"{where} has no <tuv>", "tu")
    variants = [v for v in (_variant(t, name) for t in tuvs) if v is not None]
    if len({v.lang for v in variants}) < 2:
        return Skipped(
            node.line, where, "it has fewer than two sentences in English, Korean or Japanese"
        )
    src = node.get("srclang") or srclang
    if src and src != "*all*":
        try:
            src = normalize_language(src)
        except InvalidValue:
            src = ""
    return Unit(
        variants=variants,
        srclang=src,
        origin="import",
        origin_file=name,
        tuid=tuid,
        attrs={k: v for k, v in node.attrs.items() if k not in _TU_OWN},
        props=_props(node),
        notes=_notes(node),
    )


def read_units(stream: IO[bytes], name: str) -> Iterator[Unit | Skipped]:
    """Each translation unit of a TMX file, or a :class:`Skipped` for one the memory
    cannot keep; ParseError (file, line, element) for a file that is not TMX."""
    reader = SafeXmlReader(stream, name, {"tu"}, ordered=True)
    n = 0
    srclang = ""
    for node in reader:
        if n == 0:
            srclang = _check_root(reader.root, name)
        n += 1
        yield _unit(node, n, name, srclang)
    if n == 0:
        _check_root(reader.root, name)


def _check_root(root: Node | None, name: str) -> str:
    if root is None:  # pragma: no cover - SafeXmlReader raises first
        raise ParseError(name, 1, "the file is empty")
    if root.tag != "tmx":
        raise ParseError(
            name, root.line, f"is not a TMX file: its root element is <{root.tag}>, not <tmx>"
        )
    header = root.find("header")
    if header is None:
        raise ParseError(name, root.line, "the TMX file has no <header>", "header")
    return header.get("srclang")


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
    if not source and unit.srclang:
        attrs["srclang"] = unit.srclang
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

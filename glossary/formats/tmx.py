"""TMX 1.4b (Translation Memory eXchange): English-to-target pairs for CAT tools.

One translation unit per entry and target language, English first::

    <tu tuid="2-ja">
      <prop type="x-glossary-entry">2</prop>
      <prop type="x-glossary-kind">person</prop>
      <prop type="x-glossary-status">approved</prop>
      <tuv xml:lang="en"><seg>Takaichi Sanae</seg></tuv>
      <tuv xml:lang="ja"><seg>高市早苗</seg></tuv>
    </tu>

Only entries with both an English and a target house form are written. The header
carries the attributes TMX 1.4b requires (creationtool, creationtoolversion, segtype,
o-tmf, adminlang, srclang, datatype), and every variant its ``xml:lang``.

A target form that awaits a curator's review has ``<prop type="x-glossary-suggested">text
</prop>``, so that it comes back as a suggestion.

The reader takes TMX 1.1 to 1.4 from other tools (``lang`` or ``xml:lang``, language
tags such as ``ko-KR``, inline codes in segments, which are left out of the text).
Consecutive units of one entry (its Korean and Japanese units) become one record. What
the glossary has no place for (other languages, other tools' properties, notes of a
variant, inline codes) is said in notices.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, ClassVar

from glossary.errors import GlossaryError, InvalidValue, ParseError
from glossary.formats.base import (
    TARGETS,
    Dropped,
    ExportOptions,
    Format,
    Item,
    Problem,
    TranslationRecord,
    export_time,
)
from glossary.formats.po import VERSION, house_form
from glossary.formats.xmlsafe import Node, SafeXmlReader, escape_attr, escape_text
from glossary.lang import LANGUAGE_NAMES, normalize_language
from glossary.model import Entry, Term

_PROP = "x-glossary-"
#: Inline elements whose content is markup of the original document, not text.
_CODES = {"bpt", "ept", "ph", "it", "ut"}


def unit(entry: Entry, target: str) -> str | None:
    """The ``tu`` of one entry and target language; None when either form is missing."""
    en = house_form(entry, "en")
    form = house_form(entry, target)
    if en is None or form is None:
        return None
    if entry.id is not None:
        out = [f'    <tu tuid="{entry.id}-{target}">\n']
        out.append(f'      <prop type="{_PROP}entry">{entry.id}</prop>\n')
    else:
        out = ["    <tu>\n"]
    out.append(f'      <prop type="{_PROP}kind">{escape_text(entry.kind)}</prop>\n')
    out.append(f'      <prop type="{_PROP}status">{escape_text(entry.status)}</prop>\n')
    if "text" in form.suggested:  # the target form awaits a curator's review
        out.append(f'      <prop type="{_PROP}suggested">text</prop>\n')
    if entry.note:
        out.append(f"      <note>{escape_text(entry.note)}</note>\n")
    out.append(f'      <tuv xml:lang="en"><seg>{escape_text(en.text)}</seg></tuv>\n')
    out.append(f'      <tuv xml:lang="{target}"><seg>{escape_text(form.text)}</seg></tuv>\n')
    out.append("    </tu>\n")
    return "".join(out)


class TmxFormat(Format):
    """TMX 1.4b: a translation memory of English and Korean or Japanese forms."""

    name = "tmx"
    label = "TMX (translation memory)"
    extensions = (".tmx",)
    media_type = "application/x-tmx+xml"
    kind: ClassVar[str] = "translation"

    def head(self, options: ExportOptions) -> str:
        now = options.now or export_time()
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<tmx version="1.4">\n'
            f'  <header creationtool="glossary" creationtoolversion="{escape_attr(VERSION)}" '
            'segtype="phrase" o-tmf="glossary" adminlang="en" srclang="en" '
            f'datatype="plaintext" creationdate="{now:%Y%m%dT%H%M%SZ}"/>\n'
            "  <body>\n"
        )

    def render(self, entries: list[Entry], options: ExportOptions, before: int) -> tuple[str, int]:
        targets = (options.target,) if options.target else TARGETS
        out = []
        n = 0
        for entry in entries:
            written = False
            for target in targets:
                assert target is not None
                text = unit(entry, target)
                if text is not None:
                    out.append(text)
                    written = True
            n += written
        return "".join(out), n

    def tail(self, options: ExportOptions) -> str:
        return "  </body>\n</tmx>\n"

    def read(self, stream: IO[bytes], name: str) -> Iterator[Item]:
        reader = SafeXmlReader(stream, name, {"tu"})
        dropped = Dropped(name)
        pending: TranslationRecord | None = None
        n = 0
        for node in reader:
            if n == 0:
                _check_root(reader.root, name)
            n += 1
            item = _record(node, n, name, dropped)
            if (
                isinstance(item, TranslationRecord)
                and pending is not None
                and item.entry_id is not None
                and item.entry_id == pending.entry_id
                and not set(item.targets) & set(pending.targets)
            ):
                _join(pending, item)
                continue
            if pending is not None:
                yield pending
                pending = None
            if isinstance(item, TranslationRecord):
                pending = item
            else:
                yield item
        if pending is not None:
            yield pending
        if n == 0:
            _check_root(reader.root, name)
        yield from dropped.notices()


def _check_root(root: Node | None, name: str) -> None:
    if root is None:  # pragma: no cover - SafeXmlReader raises first
        raise ParseError(name, 1, "the file is empty")
    if root.tag != "tmx":
        raise ParseError(
            name, root.line, f"is not a TMX file: its root element is <{root.tag}>, not <tmx>"
        )
    if root.find("header") is None:
        raise ParseError(name, root.line, "the TMX file has no <header>", "header")


def _join(into: TranslationRecord, more: TranslationRecord) -> None:
    """Add the target forms of another unit of the same entry."""
    into.targets = (*into.targets, *more.targets)
    into.entry.terms += [t for t in more.entry.terms if t.lang in more.targets]


def _seg_text(node: Node, codes: list[Node] | None = None) -> str:
    """The text of a segment without its inline codes (collected in ``codes``)."""
    parts = list(node.parts)
    for child in node.children:
        if child.tag not in _CODES:
            parts.append(_seg_text(child, codes))
        elif codes is not None:
            codes.append(child)
    return "".join(parts)


_NO_PLACE = "the glossary has no place for them"
_OWN_PROPS = {"entry", "kind", "status", "suggested"}


def _record(
    node: Node, n: int, name: str, dropped: Dropped | None = None
) -> TranslationRecord | Problem:
    dropped = dropped or Dropped(name)
    tuid = node.get("tuid")
    where = f"tu {n}" + (f" (tuid {tuid!r})" if tuid else "")
    props: dict[str, str] = {}
    for p in node.findall("prop"):
        kind = p.get("type")
        if kind.startswith(_PROP) and kind.removeprefix(_PROP) in _OWN_PROPS:
            props[kind.removeprefix(_PROP)] = p.all_text().strip()
        else:
            dropped.add(f"properties of type {kind!r}", _NO_PLACE, p.line, where)
    note = "\n".join(x.all_text().strip() for x in node.findall("note") if x.all_text().strip())
    forms: dict[str, str] = {}
    for tuv in node.findall("tuv"):
        tag = tuv.get("xml:lang") or tuv.get("lang")
        try:
            lang = normalize_language(tag)
        except InvalidValue:
            what = f"variants in {tag!r}" if tag else "variants without xml:lang"
            dropped.add(what, "the glossary keeps English, Korean and Japanese", tuv.line, where)
            continue
        for extra in tuv.children:
            if extra.tag in ("note", "prop"):
                dropped.add(f"<{extra.tag}> elements of variants", _NO_PLACE, extra.line, where)
        seg = tuv.find("seg")
        codes: list[Node] = []
        text = _seg_text(seg, codes).strip() if seg is not None else ""
        for code in codes:
            dropped.add(
                f"inline codes <{code.tag}> in segments",
                "they are markup, not text",
                code.line,
                where,
            )
        if text and lang not in forms:
            forms[lang] = text
    if "en" not in forms:
        return Problem(name, node.line, "has no English (en) variant", "tuv", where)
    targets = tuple(lang for lang in TARGETS if lang in forms)
    if not targets:
        return Problem(
            name,
            node.line,
            f"has no {' or '.join(LANGUAGE_NAMES[t] for t in TARGETS)} variant",
            "tuv",
            where,
        )
    marks = ["text"] if props.get("suggested") == "text" else []
    entry_id: int | None = None
    if props.get("entry", "").isdigit():
        entry_id = int(props["entry"])
    entry = Entry(
        kind=props.get("kind") or "term",
        status=props.get("status") or "candidate",
        note=note,
        terms=[
            Term(lang, forms[lang], "preferred", suggested=marks if lang != "en" else [])
            for lang in ("en", *targets)
        ],
        id=entry_id,
    )
    try:
        entry.validate()
    except InvalidValue as exc:
        return Problem(name, node.line, str(exc), f"{_PROP}{exc.field}", where)
    except GlossaryError as exc:
        return Problem(name, node.line, str(exc), "seg", where)
    return TranslationRecord(
        entry=entry, targets=targets, entry_id=entry_id, line=node.line, element=where
    )

"""Reading XML safely and as a stream; escaping text for the XML writers.

The reader is expat with the protections of defusedxml: a file that declares entities
(the "billion laughs" and external-entity attacks) is refused, nothing outside the file
is ever fetched, and the external DTD a TBX v2 file names is not read. It hands over
one record element (a TBX concept entry, a TMX translation unit) at a time as a small
tree of :class:`Node`, with the line each element starts on, so memory stays flat and
errors can say where they are.

The file's encoding is decoded by Python, not expat, so that any encoding Python
knows works (a TMX saved as Shift_JIS or EUC-KR) and a byte that is not valid in it is
reported with its line.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from typing import IO
from xml.parsers import expat

from glossary.errors import ParseError
from glossary.formats.base import clean_text, text_codec

XML_NS = "http://www.w3.org/XML/1998/namespace"
_SEP = "\x1f"  # namespace separator expat puts between a namespace and a local name
_CHUNK = 1 << 16
#: How deep elements may nest: record elements are a dozen levels deep, and deeper
#: nesting only serves to exhaust the reader (whose tree walks recurse).
MAX_DEPTH = 100
_DECLARED = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


class Node:
    """One element: local name, namespace, attributes, its own text, children, line."""

    __slots__ = ("attrs", "children", "items", "line", "ns", "parts", "tag")

    def __init__(self, tag: str, ns: str, attrs: dict[str, str], line: int) -> None:
        self.tag = tag
        self.ns = ns
        self.attrs = attrs
        self.line = line
        self.children: list[Node] = []
        self.parts: list[str] = []
        #: Text and children in document order, kept only by a reader made with
        #: ``ordered=True`` (mixed content such as a TMX segment with inline codes).
        self.items: list[str | Node] | None = None

    @property
    def text(self) -> str:
        """The character data directly inside the element (not inside its children)."""
        return "".join(self.parts)

    def all_text(self) -> str:
        """All character data inside the element, children included."""
        return "".join([*self.parts, *(c.all_text() for c in self.children)])

    def find(self, tag: str) -> Node | None:
        for child in self.children:
            if child.tag == tag:
                return child
        return None

    def findall(self, tag: str) -> list[Node]:
        return [c for c in self.children if c.tag == tag]

    def get(self, name: str, default: str = "") -> str:
        return self.attrs.get(name, default)


class Refused(Exception):
    """Raised inside the expat handlers to stop a file that tries something unsafe."""


def _refuse_entity(*_args: object) -> None:
    raise Refused("the file declares XML entities, which are not accepted (for safety)")


def _refuse_external(*_args: object) -> int:
    raise Refused("the file refers to an external resource, which is never fetched")


def _refuse_skipped(name: str, _is_parameter: int) -> None:
    raise Refused(f"the file uses the entity &{name}; which is not defined here")


def _detect_encoding(head: bytes) -> tuple[str, int]:
    """The codec of an XML file from its byte-order mark or declaration, and the BOM size."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8", 3
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", 0
    if head.startswith(b"<\x00?\x00"):
        return "utf-16-le", 0
    if head.startswith(b"\x00<\x00?"):
        return "utf-16-be", 0
    m = _DECLARED.match(head)
    if m:
        name = m.group(1).decode("ascii")
        try:
            return text_codec(name), 0
        except LookupError:
            raise ValueError(name) from None
    return "utf-8", 0


def hardened_parser() -> expat.XMLParserType:
    """An expat parser that refuses entity declarations, external entities and entities
    it does not know (handlers raise :class:`Refused`), never reads an external DTD, and
    hands over character data in runs (``buffer_text``); namespaces are reported as
    ``namespace + U+001F + local name``."""
    p = expat.ParserCreate(namespace_separator=_SEP)
    p.buffer_text = True
    p.buffer_size = _CHUNK
    p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    p.EntityDeclHandler = _refuse_entity
    p.UnparsedEntityDeclHandler = _refuse_entity
    p.ExternalEntityRefHandler = _refuse_external
    p.SkippedEntityHandler = _refuse_skipped
    return p


class XmlStream:
    """Feed a byte stream to a :func:`hardened_parser`, a chunk at a time.

    The stream is decoded by Python (see the module's notes); :meth:`chunks` feeds it
    and yields after each chunk, so that a subclass's handlers (set on ``parser``) can
    hand over what they collected. Refusals and XML errors become ParseError with the
    file and line. A subclass says whether a root element was seen (:meth:`has_root`).
    """

    def __init__(self, stream: IO[bytes], name: str) -> None:
        self.stream = stream
        self.name = name
        self.parser = hardened_parser()

    def has_root(self) -> bool:  # pragma: no cover - every subclass overrides it
        raise NotImplementedError

    def chunks(self) -> Iterator[None]:
        """Feed the whole stream, yielding after each chunk."""
        head = self.stream.read(_CHUNK)
        try:
            encoding, skip = _detect_encoding(head)
        except ValueError as exc:
            raise ParseError(
                self.name, 1, f"the XML declaration names an unknown text encoding {exc.args[0]!r}"
            ) from None
        decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
        chunk = head[skip:]
        lines_before = 0
        while True:
            final = not chunk
            try:
                text = decoder.decode(chunk, final=final)
            except UnicodeError as exc:  # UnicodeDecodeError, or another codec's error
                start = exc.start if isinstance(exc, UnicodeDecodeError) else 0
                line = lines_before + chunk[:start].count(b"\n") + 1
                raise ParseError(
                    self.name, line, f"is not {encoding.upper()} text; save the file as UTF-8"
                ) from None
            lines_before += text.count("\n")
            self._feed(text, final)
            yield
            if final:
                break
            chunk = self.stream.read(_CHUNK)
        if not self.has_root():
            raise ParseError(self.name, 1, "the file is empty; it needs at least a root element")

    def _feed(self, text: str, final: bool) -> None:
        try:
            self.parser.Parse(text, final)
        except Refused as exc:
            raise ParseError(self.name, self.parser.CurrentLineNumber, str(exc)) from None
        except expat.ExpatError as exc:
            message = expat.errors.messages.get(exc.code, str(exc))
            if (
                not self.has_root()
                and exc.code == expat.errors.codes[expat.errors.XML_ERROR_NO_ELEMENTS]
            ):
                raise ParseError(
                    self.name, 1, "the file is empty; it needs a root element"
                ) from None
            raise ParseError(
                self.name,
                exc.lineno,
                f"is not well-formed XML: {message} (column {exc.offset + 1})",
            ) from None


class SafeXmlReader(XmlStream):
    """Parse an XML stream, handing over each element named in ``records`` when complete."""

    def __init__(
        self, stream: IO[bytes], name: str, records: set[str], *, ordered: bool = False
    ) -> None:
        super().__init__(stream, name)
        self.records = records
        self.ordered = ordered
        self.root: Node | None = None
        self._stack: list[Node] = []
        self._done: list[Node] = []
        self._in_record = 0
        self._names: dict[str, tuple[str, str]] = {}
        self._attr_names: dict[str, str] = {}
        p = self.parser
        p.StartElementHandler = self._start
        p.EndElementHandler = self._end
        p.CharacterDataHandler = self._data

    def has_root(self) -> bool:
        return self.root is not None

    # -- expat handlers -------------------------------------------------------------

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        if len(self._stack) >= MAX_DEPTH:
            raise Refused(f"elements are nested more than {MAX_DEPTH} deep")
        split = self._names.get(name)
        if split is None:
            ns, _, tag = name.rpartition(_SEP)
            split = self._names[name] = (ns, tag)
        ns, tag = split
        if attrs:
            attrs = local_attrs(attrs, self._attr_names)
        node = Node(tag, ns, attrs, self.parser.CurrentLineNumber)
        stack = self._stack
        if self._in_record:
            parent = stack[-1]
            parent.children.append(node)
            if self.ordered:
                if parent.items is None:
                    parent.items = []
                parent.items.append(node)
        elif self.root is None:
            self.root = node
        elif len(stack) == 1 and tag not in self.records:
            # The root's own children (a header, the body) are kept for their
            # attributes; deeper elements outside records are only walked through.
            self.root.children.append(node)
        if tag in self.records:
            self._in_record += 1
        stack.append(node)

    def _end(self, _name: str) -> None:
        node = self._stack.pop()
        if self._in_record and node.tag in self.records:
            self._in_record -= 1
            if not self._in_record:
                self._done.append(node)

    def _data(self, text: str) -> None:
        if self._in_record or len(self._stack) <= 2:
            node = self._stack[-1]
            node.parts.append(text)
            if self.ordered and self._in_record:
                if node.items is None:
                    node.items = []
                node.items.append(text)

    # -- driving --------------------------------------------------------------------

    def __iter__(self) -> Iterator[Node]:
        """Each record element, complete with its children, in file order."""
        for _ in self.chunks():
            yield from self._done
            self._done.clear()


def local_attrs(attrs: dict[str, str], names: dict[str, str]) -> dict[str, str]:
    """Attributes by local name (``xml:lang`` for the XML namespace's), with ``names``
    a cache of the names seen so far."""
    clean: dict[str, str] = {}
    for key, value in attrs.items():
        local = names.get(key)
        if local is None:
            ans, _, local = key.rpartition(_SEP)
            local = names[key] = "xml:" + local if ans == XML_NS else local
        clean[local] = value
    return clean


def local_name(name: str, names: dict[str, str]) -> str:
    """An element's local name (without its namespace), ``names`` a cache."""
    local = names.get(name)
    if local is None:
        local = names[name] = name.rpartition(_SEP)[2]
    return local


# -- writing ------------------------------------------------------------------------

_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_ATTR_ESCAPES = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "\n": "&#10;",
        "\r": "&#13;",
        "\t": "&#9;",
    }
)


def escape_text(value: str) -> str:
    """``value`` as XML character data (control characters XML cannot hold are dropped)."""
    return clean_text(value).translate(_TEXT_ESCAPES)


def escape_attr(value: str) -> str:
    """``value`` as a double-quoted XML attribute value."""
    return clean_text(value).translate(_ATTR_ESCAPES)

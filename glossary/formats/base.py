"""What every exchange format shares: the read/write contract, records, problems, reports.

A format module defines one :class:`Format` subclass. Its ``write`` turns entries into
a file as it reads them (exports stream, so memory stays flat however large the
glossary); its ``read`` turns a file into :class:`EntryRecord` or
:class:`TranslationRecord` objects, one per row or element, and a :class:`Problem`
for each row or element that cannot be used. A problem in the file as a whole (not
UTF-8, not well-formed XML, no header) raises :class:`~glossary.errors.ParseError`.

Two kinds of file exist:

* **entry files** (CSV, TBX) carry whole entries: importing one creates the entries
  that are not there yet, and reports the others as unchanged or in conflict;
* **translation files** (PO, TMX) pair an English form with its Korean or Japanese
  form: importing one fills in or updates the target forms of the entries it names.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import IO, Any, ClassVar

from glossary.errors import ParseError
from glossary.lang import LANGUAGES
from glossary.model import Entry
from glossary.store.documents import TERM_LANG, TERM_ROLE, TERM_SUGGESTED, TERMS, marks

#: ``progress(done, total)``; units are entries for exports and bytes for imports.
Progress = Callable[[int, int], None]

TARGETS: tuple[str, ...] = ("ko", "ja")
#: Entries rendered at a time by :meth:`Format.write`.
WRITE_BATCH = 1000

# Characters XML 1.0 cannot hold (and gettext tools refuse): C0 controls other than
# tab, line feed and carriage return, and lone surrogates.
_INVALID_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def clean_text(value: str) -> str:
    """``value`` without the control characters no XML or PO file can carry."""
    return _INVALID_CHARS.sub("", value) if _INVALID_CHARS.search(value) else value


#: Text codecs that are no character encoding of a file: escapes, domain names, none.
_NOT_FILE_ENCODINGS = frozenset(
    {"unicode-escape", "raw-unicode-escape", "idna", "punycode", "undefined"}
)


def text_codec(name: str) -> str:
    """The codec called ``name`` (an encoding a file declares), if it is a character
    encoding; LookupError for an unknown name and for codecs such as base64, zlib, rot13
    or unicode_escape, which are not."""
    info = codecs.lookup(name)
    if info.name in _NOT_FILE_ENCODINGS:
        raise LookupError(name)
    # Codecs that are not text encodings refuse at once; a text encoding that cannot
    # decode "<" is let through: decoding the file will say so.
    with contextlib.suppress(UnicodeError):
        b"<".decode(info.name)
    return info.name


def export_time() -> datetime:
    """The time stamped into export headers: now, or ``SOURCE_DATE_EPOCH`` when set
    (for reproducible files)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    return datetime.now(UTC).replace(microsecond=0)


@dataclass
class ExportOptions:
    """How to write a file: target language, byte-order mark, PO contexts, timestamp."""

    target: str | None = None
    bom: bool = False
    #: PO: English forms that belong to several exported entries (they get a msgctxt).
    #: None: the PO writer works them out itself (reading the entries into memory).
    shared_sources: frozenset[str] | None = None
    now: datetime | None = None
    #: Only what curators reviewed (an export of approved entries): forms whose text is
    #: still a suggestion (mined from articles, say) are left out; see :meth:`Format.reviewed`.
    reviewed_only: bool = False


@dataclass
class EntryRecord:
    """A whole entry read from an entry file (a CSV row, a TBX concept entry)."""

    entry: Entry
    entry_id: int | None = None
    line: int | None = None
    element: str | None = None
    #: What the file can say about an entry (CSV: its columns); formats compare on it.
    scope: tuple[str, ...] = ()
    #: Per form of ``entry.terms``, the values the file states (``text``, ``role``,
    #: ``reading``...); a value it leaves out says nothing (a TBX term without a hanja
    #: note does not contradict a stored hanja). None: everything is stated.
    stated: list[frozenset[str]] | None = None


@dataclass
class Notice:
    """Something in a file that an import leaves out (a language the glossary does not
    keep, a data category it has no place for, a comment it does not read): said in
    the report, never dropped without a word."""

    file: str
    message: str
    line: int | None = None
    element: str | None = None

    def __str__(self) -> str:
        return f"{self.file}: {self.message}"  # the message says where

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "element": self.element,
            "message": self.message,
        }


class Dropped:
    """Counts what a reader leaves out, by kind, to say it once at the end of the file:
    a notice per kind of thing, with how many there were and where the first was."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.seen: dict[str, list[Any]] = {}  # what -> [count, why, line, element]

    def add(self, what: str, why: str, line: int | None = None, element: str | None = None) -> None:
        """Note one ``what`` (a plural: "extracted comments (#.)") left out, and why."""
        found = self.seen.get(what)
        if found is None:
            self.seen[what] = [1, why, line, element]
        else:
            found[0] += 1

    def notices(self) -> Iterator[Notice]:
        for what, (count, why, line, element) in self.seen.items():
            where = "" if line is None else f", {'first ' if count > 1 else ''}at line {line}"
            if element:
                where += f", {element}"
            yield Notice(self.file, f"left out: {what} ({count}{where}); {why}", line, element)


@dataclass
class TranslationRecord:
    """The target-language forms a translation file gives for one English form.

    ``entry`` holds the English preferred form, the target forms (role preferred,
    ``suggested == ["text"]`` when the file marks them as unconfirmed) and whatever
    else the file says (kind, status, note): it is the entry to create when no stored
    entry has this English form.
    """

    entry: Entry
    targets: tuple[str, ...]
    entry_id: int | None = None
    #: The entry's version when it was exported (PO reference), if the file says.
    version: int | None = None
    line: int | None = None
    element: str | None = None
    #: The file marks the target forms as not final (PO ``#, fuzzy``): a proposal for a
    #: curator, which never replaces a curated form.
    proposal: bool = False
    #: What tells apart units with the same English form in the file (a PO ``msgctxt``
    #: other tools write): part of the record's identity.
    context: str | None = None

    @property
    def source(self) -> str:
        en = self.entry.preferred("en")
        return en.text if en is not None else ""


def context_line(context: str) -> str:
    """The line of an entry's note that records the context (a PO ``msgctxt``) that told
    it apart from entries with the same English form in the file it came from."""
    return f"PO context: {' '.join(context.split())}"


Record = EntryRecord | TranslationRecord


@dataclass
class Problem:
    """A row or element that cannot be imported: where it is, which field, and why."""

    file: str
    line: int | None
    message: str
    field: str | None = None
    element: str | None = None

    def where(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", line {self.line}"
        if self.element:
            where += f", {self.element}"
        if self.field:
            where += f", field {self.field!r}"
        return where

    def __str__(self) -> str:
        return f"{self.where()}: {self.message}"

    def to_error(self) -> ParseError:
        """The problem as the error that stops an import."""
        message = f"{self.element}: {self.message}" if self.element else self.message
        return ParseError(self.file, self.line, message, self.field)

    @classmethod
    def from_error(cls, exc: ParseError) -> Problem:
        return cls(exc.path, exc.line, exc.reason, exc.field)

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": "problem",
            "file": self.file,
            "line": self.line,
            "element": self.element,
            "field": self.field,
            "message": self.message,
        }


#: What a format's reader yields: records, problems with records, and notices.
Item = Record | Problem | Notice


@dataclass
class Update:
    """A target form an import changed: which entry, which language, from what to what."""

    entry_id: int
    lang: str
    old: str
    new: str
    line: int | None = None
    element: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.entry_id,
            "lang": self.lang,
            "old": self.old,
            "new": self.new,
            "line": self.line,
            "element": self.element,
        }


@dataclass
class Conflict:
    """A value in the file that differs from the stored, curated one (which was kept)."""

    entry_id: int
    reason: str
    line: int | None = None
    element: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.entry_id,
            "reason": self.reason,
            "line": self.line,
            "element": self.element,
        }


@dataclass
class ImportReport:
    """What an import did (or, for a dry run, would do)."""

    file: str = ""
    format: str = ""
    dry_run: bool = False
    created: list[int] = field(default_factory=list)
    updated: list[Update] = field(default_factory=list)
    unchanged: list[int] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: Forms a translator proposed (PO ``#, fuzzy``) where a curated form is: added as
    #: suggestions for a curator to review.
    proposed: list[Update] = field(default_factory=list)
    #: What the file holds that the glossary has no place for, and left out.
    notices: list[Notice] = field(default_factory=list)

    def summary(self) -> str:
        """One line for the translator: how many entries were created, updated, and so on."""
        verb = "would be " if self.dry_run else ""
        parts = [
            f"{len(self.created)} {verb}created",
            f"{len(self.updated)} {verb}updated",
            f"{len(self.unchanged)} unchanged",
            f"{len(self.conflicts)} conflicting",
        ]
        if self.proposed:
            parts.append(f"{len(self.proposed)} {verb}proposed for review")
        if self.problems:
            parts.append(f"{len(self.problems)} skipped as bad")
        text = ", ".join(parts)
        return f"{text} (dry run: nothing was written)" if self.dry_run else text

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": "summary",
            "file": self.file,
            "format": self.format,
            "dry_run": self.dry_run,
            "created": len(self.created),
            "updated": [u.to_dict() for u in self.updated],
            "unchanged": len(self.unchanged),
            "conflicts": [c.to_dict() for c in self.conflicts],
            "problems": [p.to_dict() for p in self.problems],
            "proposed": [u.to_dict() for u in self.proposed],
            "notices": [n.to_dict() for n in self.notices],
        }


class Format(ABC):
    """One exchange format: a name, file extensions, a writer and a reader."""

    name: ClassVar[str]
    label: ClassVar[str]
    extensions: ClassVar[tuple[str, ...]]
    media_type: ClassVar[str]
    #: True for PO: one file per target language, so a target must be given.
    needs_target: ClassVar[bool] = False
    #: "entry" (CSV, TBX) or "translation" (PO, TMX); see the module docstring.
    kind: ClassVar[str] = "entry"
    #: True when :meth:`render` also takes entries as their documents' values
    #: (:data:`glossary.store.documents.DocRow`), which an export then gives it: for a
    #: format that needs no entry objects, that is most of the cost of a large export.
    reads_documents: ClassVar[bool] = False

    def write(self, entries: Iterable[Any], out: IO[bytes], options: ExportOptions) -> int:
        """Write ``entries`` to ``out`` as they come (:meth:`head`, the entries a batch at
        a time, :meth:`tail`); return how many were written. Entries are
        :class:`~glossary.model.Entry` objects, or documents' values for a format that
        :attr:`reads_documents`."""
        options = self.prepare(options)
        sink = TextSink(out)
        sink.write(self.head(options))
        n = 0
        batch: list[Any] = []
        for entry in entries:
            batch.append(entry)
            if len(batch) >= WRITE_BATCH:
                text, written = self.render(batch, options, n)
                sink.write(text)
                n += written
                batch = []
        text, written = self.render(batch, options, n)
        sink.write(text)
        sink.write(self.tail(options))
        sink.flush()
        return n + written

    def reviewed(self, item: Any, options: ExportOptions) -> Any | None:
        """``item`` (an entry, or a document's values) without the forms an
        approved-only export leaves out: every form whose text is a suggestion awaiting
        a curator. None when it has no form left."""
        return without_suggested_forms(item, lambda lang, role: False)

    def prepare(self, options: ExportOptions) -> ExportOptions:
        """``options`` with everything :meth:`head`, :meth:`render` and :meth:`tail` need
        settled once (the time stamp), so that batches rendered apart agree."""
        if options.now is None:
            options = replace(options, now=export_time())
        return options

    def head(self, options: ExportOptions) -> str:
        """The text before the entries (a header, the root element)."""
        return ""

    @abstractmethod
    def render(self, entries: list[Any], options: ExportOptions, before: int) -> tuple[str, int]:
        """The text of ``entries`` (``before`` were written ahead of them), and how many
        of them it holds: an entry without the forms a file needs is left out."""

    def tail(self, options: ExportOptions) -> str:
        """The text after the entries."""
        return ""

    @abstractmethod
    def read(self, stream: IO[bytes], name: str) -> Iterator[Item]:
        """Read a file: one record or problem per row or element, in file order, and a
        :class:`Notice` for what the file holds that the glossary leaves out."""

    def differences(self, stored: Entry, record: EntryRecord) -> list[str]:
        """What the file says that the stored entry does not, a few words per field; empty
        when importing the record would change nothing.

        Only what the record's ``scope`` names is compared (all of it when the scope is
        empty): a file that says nothing about Japanese does not contradict the
        Japanese forms a curator added.
        """
        scope = record.scope or SCOPE
        given = record.entry
        out = [
            f"{name}: the file has {getattr(given, name)!r}, the glossary {getattr(stored, name)!r}"
            for name in ("kind", "status", "origin", "note")
            if name in scope and getattr(given, name) != getattr(stored, name)
        ]
        for lang in LANGUAGES:
            if lang not in scope:
                continue
            # Every form the file gives must be stored as it says; forms added since (by
            # a curator, or mined from articles) are no conflict.
            theirs = {t.text: t.snapshot() for t in stored.terms_in(lang)}
            for i, t in enumerate(given.terms):
                if t.lang != lang:
                    continue
                have = theirs.get(t.text)
                if have is None:
                    out.append(f"{lang} form {t.text!r} ({t.role}): not in the glossary")
                    continue
                said = t.snapshot()
                keys = set(have) | set(said)
                if record.stated is not None:
                    keys &= record.stated[i]  # what the file leaves out says nothing
                what = [k for k in sorted(keys) if have.get(k) != said.get(k)]
                if what:
                    out.append(f"{lang} form {t.text!r}: {', '.join(what)} differ")
        return out


def without_suggested_forms(item: Any, keep: Callable[[str, str], bool]) -> Any | None:
    """An entry (or an entry's document values) without its forms whose text is a
    suggestion, except those ``keep(lang, role)`` says to keep; None if no form is left."""
    if isinstance(item, Entry):
        if not any("text" in t.suggested for t in item.terms):
            return item
        terms = [t for t in item.terms if "text" not in t.suggested or keep(t.lang, t.role)]
        return replace(item, terms=terms) if terms else None
    entry_id, values = item
    doc_terms = values[TERMS]
    if not any(t[TERM_SUGGESTED] and "text" in marks(t[TERM_SUGGESTED]) for t in doc_terms):
        return item
    kept = [
        t
        for t in doc_terms
        if not (t[TERM_SUGGESTED] and "text" in marks(t[TERM_SUGGESTED]))
        or keep(t[TERM_LANG], t[TERM_ROLE])
    ]
    if not kept:
        return None
    values = list(values)
    values[TERMS] = kept
    return entry_id, values


#: Everything an entry file can say about an entry.
SCOPE: tuple[str, ...] = ("kind", "status", "origin", "note", *LANGUAGES)


def content(entry: Entry) -> dict[str, object]:
    """What a curator can change in an entry, without its id and version."""
    snap = entry.snapshot()
    snap.pop("id", None)
    snap.pop("version", None)
    return snap


class TextSink:
    """Collects text and writes it to a binary stream as UTF-8, a block at a time."""

    def __init__(self, out: IO[bytes], *, block: int = 1 << 16) -> None:
        self.out = out
        self.parts: list[str] = []
        self.size = 0
        self.block = block

    def write(self, text: str) -> None:
        self.parts.append(text)
        self.size += len(text)
        if self.size >= self.block:
            self.flush()

    def flush(self) -> None:
        if self.parts:
            self.out.write("".join(self.parts).encode("utf-8"))
            self.parts.clear()
            self.size = 0


def locate_bad_utf8(data: bytes) -> int:
    """The line (from 1) of the first byte sequence in ``data`` that is not UTF-8."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return data[: exc.start].count(b"\n") + 1
    return 1

"""Exchange formats: one module per format behind one read/write interface.

::

    from glossary import open_glossary
    from glossary.formats import export_entries, import_file

    g = open_glossary()
    export_entries(g, "po", "glossary.ko.po", target="ko", status="approved")
    report = import_file(g, "glossary.ko.po", dry_run=True)   # edited by a translator
    print(report.summary())   # "0 would be created, 3 would be updated, ..."

:data:`FORMATS` maps each name (``csv``, ``po``, ``tbx``, ``tmx``) to its
:class:`~glossary.formats.base.Format`; :func:`format_for` picks one by name or by a
file's extension. Exports stream: entries are read from the database a batch at a time
and written as they come, so memory stays flat however large the glossary.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeVar, cast

from glossary.errors import GlossaryError, InvalidValue
from glossary.formats.base import (
    TARGETS,
    ExportOptions,
    Format,
    ImportReport,
    Problem,
    Progress,
)
from glossary.formats.csv import CsvFormat
from glossary.formats.po import PoFormat
from glossary.formats.tbx import Tbx2Format, TbxFormat
from glossary.formats.tmx import TmxFormat
from glossary.formats.xlsx import XlsxFormat
from glossary.lang import normalize_language
from glossary.lookup.hydrate import Hydrator
from glossary.model import Entry
from glossary.store.bulk import bulk_work, collect_young
from glossary.store.documents import NOTE, TERM_NOTE, TERMS, DocRow, entry_from_values
from glossary.store.entries import count_entries
from glossary.store.exports import Statuses, documents, shared_english_forms
from glossary.vocab import KINDS, check_choice, status_filter

if TYPE_CHECKING:
    from glossary.api import Glossary

__all__ = [
    "FORMATS",
    "UPLOAD_LIMIT",
    "ExportOptions",
    "FileTooLarge",
    "Format",
    "ImportReport",
    "Problem",
    "export_entries",
    "format_for",
    "import_file",
    "iter_documents",
    "iter_entries",
]

FORMATS: dict[str, Format] = {
    f.name: f
    for f in (CsvFormat(), XlsxFormat(), PoFormat(), TbxFormat(), Tbx2Format(), TmxFormat())
}
#: A sensible size limit for uploaded files (the web app passes it as ``max_bytes``).
UPLOAD_LIMIT = 50 * 1024 * 1024
_EXPORT_BATCH = 5000


class FileTooLarge(GlossaryError):
    """An uploaded file is larger than the limit."""


T = TypeVar("T")


def format_for(name_or_path: str | os.PathLike[str]) -> Format:
    """The format called ``name_or_path`` (po, csv, tbx, tmx), or the one its file
    extension names (``glossary.ko.po`` is PO)."""
    text = str(name_or_path).strip()
    if text.lower() in FORMATS:
        return FORMATS[text.lower()]
    suffix = Path(text).suffix.lower()
    for fmt in FORMATS.values():
        if suffix in fmt.extensions:
            return fmt
    raise GlossaryError(
        f"cannot tell the format of {text!r}: name one of {', '.join(FORMATS)}, or use a "
        f"file name ending in {', '.join(e for f in FORMATS.values() for e in f.extensions)}"
    )


# -- export ---------------------------------------------------------------------------


def export_entries(
    g: Glossary,
    fmt: str,
    out: IO[bytes] | str | os.PathLike[str],
    *,
    target: str | None = None,
    status: Statuses = None,
    kind: str | None = None,
    bom: bool = False,
    progress: Progress | None = None,
    notes: bool = True,
) -> int:
    """Write the entries of ``g`` (of one status, or any of several, and of one kind, if
    given; all otherwise) to ``out`` in format ``fmt``; return how many entries were
    written.

    ``target`` (``ko`` or ``ja``) limits the file to English and that language; a PO
    catalogue needs one. An export of approved entries carries only what curators
    reviewed: forms still awaiting review are left out (:meth:`Format.reviewed`). ``bom``
    starts a CSV with the byte-order mark spreadsheet programs look for.
    ``notes=False`` leaves the entries' and terms' notes out. A file named by path is
    written whole or not at all.
    """
    f = format_for(fmt)
    if target is not None:
        target = normalize_language(target)
        if target not in TARGETS:
            raise InvalidValue("target", target, TARGETS)
    elif f.needs_target:
        raise GlossaryError(
            f"a {f.name.upper()} file has one target language: choose Korean (ko) or Japanese (ja)"
        )
    statuses = status_filter(status)
    if kind is not None:
        check_choice("kind", kind, KINDS)
    options = ExportOptions(target=target, bom=bom, reviewed_only=status == "approved")
    if f.name == "po":
        options.shared_sources = _shared_english_forms(g, statuses, kind)
    total = _count(g, statuses, kind) if progress else 0

    def write(stream: IO[bytes]) -> int:
        with bulk_work():
            read = iter_documents if f.reads_documents else iter_entries
            entries: Iterator[Any] = read(g, status=statuses, kind=kind)
            if not notes:
                entries = _without_notes(entries)
            entries = _with_progress(entries, total, progress)
            if options.reviewed_only:
                entries = _reviewed(f, entries, options)
            return f.write(entries, stream, options)

    return write_whole(out, write)


def write_whole(out: IO[bytes] | str | os.PathLike[str], write: Callable[[IO[bytes]], T]) -> T:
    """``write(stream)`` to ``out``; a file named by path is written whole or not at
    all (next to it, then renamed over it: readers never see half a file)."""
    if not isinstance(out, (str, os.PathLike)):
        return write(out)
    path = Path(out)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    try:
        try:
            stream = tmp.open("xb")
        except OSError as exc:
            raise _cannot_write(path, exc) from None
        with stream:
            n = write(stream)
        try:
            os.replace(tmp, path)
        except OSError as exc:
            raise _cannot_write(path, exc) from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return n


def open_source(
    stack: contextlib.ExitStack[Any],
    path_or_stream: str | os.PathLike[str] | IO[bytes],
    name: str | None,
) -> tuple[IO[bytes], str, Path | None]:
    """The file to read (opened on ``stack`` when named by path), the name to report it
    under (``name``, else the path, the stream's name or "upload") and its path if any."""
    if not isinstance(path_or_stream, (str, os.PathLike)):
        label = name or str(getattr(path_or_stream, "name", "") or "upload")
        return path_or_stream, label, None
    path = Path(path_or_stream)
    try:
        stream: IO[bytes] = stack.enter_context(path.open("rb"))
    except OSError as exc:
        raise GlossaryError(f"{path}: cannot be read: {exc.strerror}") from None
    return stream, name or str(path), path


def _cannot_write(path: Path, exc: OSError) -> GlossaryError:
    """The error for an export file that cannot be written, in the translator's words."""
    folder = path.parent
    if not folder.is_dir():
        why = f"the folder {folder} does not exist; create it first or choose another"
    else:
        why = exc.strerror or str(exc)
    return GlossaryError(f"cannot write {path}: {why}")


def _reviewed(f: Format, entries: Iterable[Any], options: ExportOptions) -> Iterator[Any]:
    """The entries with only their reviewed forms (entries with none are left out)."""
    for item in entries:
        kept = f.reviewed(item, options)
        if kept is not None:
            yield kept


def _with_progress(entries: Iterable[T], total: int, progress: Progress | None) -> Iterator[T]:
    if progress is None:
        yield from entries
        return
    n = 0
    for entry in entries:
        yield entry
        n += 1
        if n % _EXPORT_BATCH == 0:
            progress(n, total)
    progress(n, total)


def _without_notes(entries: Iterator[Any]) -> Iterator[Any]:
    """Entries (or documents' values) with the notes of the entry and its terms left out."""
    for item in entries:
        if isinstance(item, Entry):
            item.note = ""
            for term in item.terms:
                term.note = ""
        else:
            values = item[1]
            values[NOTE] = ""
            for term_values in values[TERMS]:
                term_values[TERM_NOTE] = ""
        yield item


def _count(g: Glossary, status: Statuses, kind: str | None) -> int:
    with g.reading() as s:
        return count_entries(s, status=status, kind=kind)


def _shared_english_forms(g: Glossary, status: Statuses, kind: str | None) -> frozenset[str]:
    with g.reading() as s:
        return shared_english_forms(s, status, kind)


def iter_entries(
    g: Glossary,
    *,
    status: Statuses = None,
    kind: str | None = None,
    batch_size: int = _EXPORT_BATCH,
) -> Iterator[Entry]:
    """Every entry (of one status and kind, if given) in id order, a batch at a time.

    The same entries as :meth:`Glossary.entries`, read from their documents
    (:mod:`glossary.store.documents`): one row and one JSON parse an entry, several
    times faster than the ORM, which matters for a million entries.
    """
    when = Hydrator(g.engine.dialect).when
    for entry_id, values in iter_documents(g, status=status, kind=kind, batch_size=batch_size):
        yield entry_from_values(entry_id, values, when)


def iter_documents(
    g: Glossary,
    *,
    status: Statuses = None,
    kind: str | None = None,
    batch_size: int = _EXPORT_BATCH,
) -> Iterator[DocRow]:
    """What :func:`iter_entries` gives, as each entry's id and document values
    (:func:`glossary.store.documents.read_doc`), for writers that need no entry objects."""
    for batch in documents(g.reading, status=status, kind=kind, batch_size=batch_size):
        yield from batch
        collect_young()  # the batch's garbage; the caller sets the collector aside


# -- import ---------------------------------------------------------------------------


def import_file(
    g: Glossary,
    path_or_stream: str | os.PathLike[str] | IO[bytes],
    *,
    fmt: str | None = None,
    name: str | None = None,
    dry_run: bool = False,
    skip_bad: bool = False,
    user: str | None = None,
    progress: Progress | None = None,
    max_bytes: int | None = None,
) -> ImportReport:
    """Import a CSV, PO, TBX or TMX file into ``g`` as one transaction.

    The format is ``fmt``, else the one the file name's extension says (``name`` names
    a stream, such as an upload). A bad row or element stops the import with nothing
    written (ParseError names file, line or element, and field), unless ``skip_bad``:
    then the good rows are imported and the bad ones listed in ``report.problems``.
    ``dry_run`` reports what would happen and writes nothing. A stream longer than
    ``max_bytes`` raises FileTooLarge.
    """
    from glossary.formats.importer import apply_records  # the importer needs this package

    with contextlib.ExitStack() as stack:
        stream, label, _path = open_source(stack, path_or_stream, name)
        f = format_for(fmt or label)
        size = _size(stream)
        if max_bytes is not None:
            if size > max_bytes:
                raise FileTooLarge(_too_large(label, max_bytes))
            if not size:
                stream = cast(IO[bytes], _Limited(stream, max_bytes, label))

        def tick(_records: int) -> None:
            if progress is not None:
                try:
                    done = stream.tell()
                except (OSError, ValueError):
                    done = 0
                progress(done if size else 0, size)

        return apply_records(
            g,
            f,
            f.read(stream, label),
            name=label,
            dry_run=dry_run,
            skip_bad=skip_bad,
            user=user,
            tick=tick if progress else None,
        )
    raise AssertionError("unreachable")  # pragma: no cover - for type checkers


def _size(stream: IO[bytes]) -> int:
    """The stream's length in bytes if it can be measured, else 0."""
    try:
        if not stream.seekable():
            return 0
        here = stream.tell()
        end = stream.seek(0, os.SEEK_END)
        stream.seek(here)
        return max(0, end - here)
    except (OSError, ValueError, AttributeError):
        return 0


def _too_large(label: str, limit: int) -> str:
    return f"{label} is larger than the limit of {limit / 1024 / 1024:g} MB; split it into parts"


class _Limited:
    """A stream that refuses to read past ``limit`` bytes (for uploads of unknown size)."""

    def __init__(self, raw: IO[bytes], limit: int, label: str) -> None:
        self.raw = raw
        self.limit = limit
        self.label = label
        self.count = 0

    def _took(self, data: bytes) -> bytes:
        self.count += len(data)
        if self.count > self.limit:
            raise FileTooLarge(_too_large(self.label, self.limit))
        return data

    def read(self, n: int = -1) -> bytes:
        return self._took(self.raw.read(n))

    def readline(self, n: int = -1) -> bytes:
        return self._took(self.raw.readline(n))

    def __iter__(self) -> Iterator[bytes]:
        while line := self.readline():
            yield line

    def tell(self) -> int:
        return self.count

    def seekable(self) -> bool:
        return False

"""XLSX workbooks for spreadsheet programs (Excel, LibreOffice, Google Sheets): the
glossary CSV's columns in a sheet named ``Glossary``.

One row per entry under a header row, with the columns, roles, review marks and ``|``
separated lists of :mod:`glossary.formats.csv`. Every text cell is stored as text (a
string cell in the Text number format), so nothing in it can run as a formula and no
apostrophe is needed, or shown, before ``=HYPERLINK(...)`` or ``-5% tariff``; the ``id``
is a number. Written with openpyxl's streaming writer, so memory stays flat; the file's
time stamps are those of the export (``SOURCE_DATE_EPOCH`` when set), so that the same
glossary gives the same bytes.

The reader takes the sheet named ``Glossary``, or else the first one, and reads cells
as they are typed (a number or date a spreadsheet made of a cell is read as its text);
other sheets are named in a notice. A file that is not a workbook, a damaged one, or
one whose XML declares entities is refused.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import tempfile
import warnings
import zipfile
from collections.abc import Iterable, Iterator
from datetime import date, datetime, time
from typing import IO, Any, ClassVar

from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.packaging.core import DocumentProperties
from openpyxl.styles import Font
from openpyxl.xml.functions import tostring

from glossary.errors import GlossaryError, ParseError
from glossary.formats.base import (
    Dropped,
    EntryRecord,
    ExportOptions,
    Format,
    Item,
    clean_text,
    export_time,
)
from glossary.formats.csv import (
    as_records,
    columns_for,
    iter_cells,
    iter_rows,
    row_differences,
)
from glossary.formats.po import VERSION
from glossary.model import Entry

SHEET = "Glossary"
#: The most characters a cell holds (Excel's limit; longer text would be cut).
MAX_CELL = 32_767
#: An archive member that unpacks to more than this many times its packed size, and to
#: more than :data:`_BOMB_FLOOR` bytes, is taken for a zip bomb (spreadsheet XML packs
#: at 5 to 30 to one).
MAX_RATIO = 200
_BOMB_FLOOR = 64 << 20
#: How far into an XML part its prolog (where entities would be declared) may reach.
_PROLOG_LIMIT = 1 << 20
_CORE = "docProps/core.xml"


class XlsxFormat(Format):
    """XLSX: the glossary CSV's columns in a workbook, cells typed as text."""

    name = "xlsx"
    label = "XLSX (Excel, LibreOffice, Google Sheets)"
    extensions = (".xlsx",)
    media_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    kind: ClassVar[str] = "entry"
    reads_documents: ClassVar[bool] = True

    def write(self, entries: Iterable[Any], out: IO[bytes], options: ExportOptions) -> int:
        options = self.prepare(options)
        now = (options.now or export_time()).replace(tzinfo=None)
        columns = columns_for(options.target)
        wb = Workbook(write_only=True)
        ws = wb.create_sheet(SHEET)
        ws.freeze_panes = "A2"
        bold = Font(bold=True)
        header = []
        for col in columns:
            cell = _text_cell(ws, col)
            cell.font = bold
            header.append(cell)
        ws.append(header)
        n = 0
        try:
            for cells in iter_cells(entries, columns):
                ws.append(
                    [_cell(ws, c, value, cells[0]) for c, value in zip(columns, cells, strict=True)]
                )
                n += 1
        except BaseException:
            _discard(ws)
            raise
        with tempfile.TemporaryFile() as packed:
            wb.save(packed)
            packed.seek(0)
            _repack(packed, out, now)
        return n

    def differences(self, stored: Entry, record: EntryRecord) -> list[str]:
        return row_differences(stored, record)

    def render(self, entries: list[Any], options: ExportOptions, before: int) -> tuple[str, int]:
        raise NotImplementedError("a workbook is not text: XlsxFormat.write writes it")

    def read(self, stream: IO[bytes], name: str) -> Iterator[Item]:
        with contextlib.ExitStack() as stack:
            if not _seekable(stream):
                # A zip archive is read from its end: spool an upload of unknown size.
                spooled = stack.enter_context(tempfile.SpooledTemporaryFile(max_size=1 << 24))
                shutil.copyfileobj(stream, spooled)
                spooled.seek(0)
                stream = spooled
            wb = _open(stream, name)
            stack.callback(wb.close)
            titles = wb.sheetnames
            if not titles:
                raise ParseError(name, None, "the workbook has no sheet")
            title = SHEET if SHEET in titles else titles[0]
            dropped = Dropped(name)
            for other in titles:
                if other != title:
                    dropped.add(f"the sheet {other!r}", f"only the sheet {title!r} is read")
            rows = _rows(wb[title], name)
            first = next(rows, None)
            header = _texts(first or ())
            while header and not header[-1]:
                header.pop()  # formatted but empty columns at the right
            if not header:
                raise ParseError(name, 1, f"the sheet {title!r} is empty; it needs a header row")
            yield from as_records(
                iter_rows(header, _cut(rows, len(header), name), name, quoted_formulas=False)
            )
            yield from dropped.notices()


def _discard(ws: Any) -> None:
    """Finish and remove the sheet openpyxl was streaming to a temporary file (an
    export stopped half-way)."""
    with contextlib.suppress(Exception):
        ws.close()
    writer = getattr(ws, "_writer", None)  # openpyxl's own: it holds the temporary file
    if writer is not None:
        with contextlib.suppress(Exception):
            writer.cleanup()


def _text_cell(ws: Any, value: str) -> WriteOnlyCell:
    """A cell that holds ``value`` as text whatever it looks like: openpyxl would take a
    string starting with ``=`` for a formula; the Text format keeps a spreadsheet from
    converting it when someone edits it."""
    cell = WriteOnlyCell(ws, value=value)
    cell.data_type = "s"
    cell.number_format = "@"
    return cell


def _cell(ws: Any, column: str, value: str, ident: str) -> WriteOnlyCell | None:
    if not value:
        return None
    if column == "id":
        return WriteOnlyCell(ws, value=int(value))
    value = clean_text(value)
    if len(value) > MAX_CELL:
        raise GlossaryError(
            f"entry {ident or '(new)'}: its {column} of {len(value):,} characters does not fit "
            f"in a spreadsheet cell (at most {MAX_CELL:,}); export as CSV or TBX instead"
        )
    return _text_cell(ws, value)


def _repack(packed: IO[bytes], out: IO[bytes], now: datetime) -> None:
    """Copy the workbook into ``out`` with the export's time on every member and in its
    document properties, so that the same glossary gives the same bytes."""
    stamp = max(now, datetime(1980, 1, 1)).timetuple()[:6]
    with zipfile.ZipFile(packed) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=stamp)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            if info.filename == _CORE:
                props = DocumentProperties(creator=f"glossary {VERSION}", created=now)
                props.modified = now
                target.writestr(member, tostring(props.to_tree()))
                continue
            with source.open(info) as data, target.open(member, "w") as copy:
                shutil.copyfileobj(data, copy, 1 << 20)


def _seekable(stream: IO[bytes]) -> bool:
    try:
        return bool(stream.seekable())
    except (AttributeError, ValueError):
        return False


def _open(stream: IO[bytes], name: str) -> Any:
    """The workbook in ``stream``, checked first for what openpyxl would not refuse."""
    try:
        with zipfile.ZipFile(stream) as archive:
            _check_archive(archive, name)
        stream.seek(0)
        with warnings.catch_warnings():
            # Parts openpyxl does not read (data validation, say) only warn; the cells
            # are what is imported.
            warnings.simplefilter("ignore")
            return load_workbook(stream, read_only=True, data_only=False, keep_links=False)
    except GlossaryError:
        raise
    except zipfile.BadZipFile:
        if stream.seek(0, 2) == 0:
            raise ParseError(
                name, 1, "the file is empty; it needs a sheet with a header row"
            ) from None
        raise _damaged(name, "it is not a zip archive, or a part of it is missing") from None
    except Exception as exc:  # whatever openpyxl, zipfile or zlib make of a broken file
        raise _damaged(name, f"{type(exc).__name__}: {exc}") from None


def _damaged(name: str, why: str) -> ParseError:
    return ParseError(
        name, None, f"is not an XLSX workbook, or is damaged ({why}); save it again as .xlsx"
    )


def _rows(sheet: Any, name: str) -> Iterator[tuple[Any, ...]]:
    """The sheet's rows from the first, as values; the sheet is parsed as it is read, so
    a broken part is refused here."""
    rows = sheet.iter_rows(min_row=1, values_only=True)
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except GlossaryError:
            raise
        except Exception as exc:
            raise _damaged(name, f"{type(exc).__name__}: {exc}") from None
        yield row


def _check_archive(archive: zipfile.ZipFile, name: str) -> None:
    """Refuse a zip bomb, and XML parts that declare a document type (where entities,
    the "billion laughs" and external-entity attacks, are declared)."""
    for info in archive.infolist():
        packed = max(info.compress_size, 1)
        if info.file_size > _BOMB_FLOOR and info.file_size > MAX_RATIO * packed:
            raise ParseError(
                name,
                None,
                f"{info.filename} unpacks to {info.file_size:,} bytes from "
                f"{info.compress_size:,}: refused as a zip bomb",
            )
        if info.filename.endswith((".xml", ".rels")):
            with archive.open(info) as part:
                prolog_declares = _declares_doctype(part.read(_PROLOG_LIMIT))
            if prolog_declares:
                raise ParseError(
                    name,
                    None,
                    f"{info.filename} declares a document type (XML entities), which is "
                    "not accepted (for safety)",
                )


_SPACE = re.compile(rb"\s*")


def _declares_doctype(data: bytes) -> bool:
    """Whether the prolog of an XML part (what comes before its root element: comments,
    processing instructions, a document type) declares a document type. ``data`` is the
    part's start; a prolog that does not end in it is refused too."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        data = data.decode("utf-16", "replace").encode()
    at = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    while True:
        at = _SPACE.match(data, at).end()  # type: ignore[union-attr]
        if data.startswith(b"<?", at):
            close, skip = data.find(b"?>", at + 2), 2
        elif data.startswith(b"<!--", at):
            close, skip = data.find(b"-->", at + 4), 3
        else:
            return data.startswith(b"<!", at)  # else the root element (or nothing)
        if close < 0:
            return True
        at = close + skip


def _texts(values: Iterable[Any]) -> list[str]:
    """Cell values as the text a CSV cell would hold."""
    return [_text(v) for v in values]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    return str(value)


def _cut(rows: Iterator[tuple[Any, ...]], width: int, name: str) -> Iterator[tuple[int, list[str]]]:
    """(row number, cells) of the rows under the header, cut to the header's width (a
    spreadsheet row is as long as its last filled cell)."""
    for number, values in enumerate(rows, 2):
        cells = _texts(values)
        extra = [c for c in cells[width:] if c.strip()]
        if extra:
            yield number, cells  # the row reader reports the cell count
            continue
        cells = cells[:width]
        yield number, cells + [""] * (width - len(cells))

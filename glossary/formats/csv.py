"""The glossary CSV: one row per entry, one column per language field.

This is the format of ``data/terms.csv``, the curated glossary that ships. Columns
(header row required; columns may come in any order and empty ones may be left out):

``id``             entry number (optional for new rows; keeps references stable)
``kind``           person, place, org, facility, event, work or term (required)
``status``         approved, candidate (needs review) or rejected
``origin``         for persons: korean, japanese, chinese or western
``note``           free text for curators and translators
``review``         values that are suggestions awaiting a curator: fields of a house
                   form (``ja_reading | ko``) and other forms, by column and text
                   (``en_variants: Lee``)
``{lang}``         the preferred form in en, ko or ja
``{lang}_variants``       other accepted spellings
``{lang}_abbreviations``  short forms (APEC, G20)
``{lang}_deprecated``     known forms that are not house style
``{lang}_forbidden``      forms never to be used
``{lang}_family``, ``{lang}_given``  name parts of a person's preferred form
``ko_hanja``, ``ko_romanization`` (strict Revised Romanization), ``ko_press`` (press
spelling); ``ja_reading`` (kana), ``ja_hepburn`` (with macrons), ``ja_plain`` (press
form without macrons)

Several values in one cell are separated by ``|`` (spaces around it are ignored).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import IO, Any, ClassVar

from glossary.errors import GlossaryError, InvalidValue, ParseError
from glossary.formats.base import (
    EntryRecord,
    ExportOptions,
    Format,
    Problem,
    Record,
)
from glossary.lang import LANGUAGES
from glossary.model import Entry, Term, unix_lines
from glossary.store.documents import (
    KIND,
    NOTE,
    ORIGIN,
    STATUS,
    TERM_AT,
    TERM_LANG,
    TERM_ROLE,
    TERM_SUGGESTED,
    TERM_TEXT,
    TERMS,
    DocRow,
    marks,
    values_from_entry,
)
from glossary.vocab import LANGUAGE_FIELDS

SEPARATOR = "|"
_ROLE_COLUMNS = (
    ("variants", "variant"),
    ("abbreviations", "abbreviation"),
    ("deprecated", "deprecated"),
    ("forbidden", "forbidden"),
)


def _language_columns(lang: str) -> list[str]:
    cols = [lang] + [f"{lang}_{suffix}" for suffix, _ in _ROLE_COLUMNS]
    fields = LANGUAGE_FIELDS[lang]
    cols += [f"{lang}_{f}" for f in fields if f not in ("family", "given")]
    cols += [f"{lang}_family", f"{lang}_given"]
    return cols


ENTRY_COLUMNS: tuple[str, ...] = ("id", "kind", "status", "origin", "note", "review")
COLUMNS: tuple[str, ...] = (
    *ENTRY_COLUMNS,
    *[c for lang in LANGUAGES for c in _language_columns(lang)],
)


#: Columns listing several forms of one role.
_LIST_COLUMNS = frozenset(f"{lang}_{suffix}" for lang in LANGUAGES for suffix, _ in _ROLE_COLUMNS)


def columns_for(target: str | None) -> tuple[str, ...]:
    """The columns of an export: all of them, or English and one target language."""
    if target is None:
        return COLUMNS
    return (*ENTRY_COLUMNS, *_language_columns("en"), *_language_columns(target))


@dataclass
class CsvRow:
    """An entry read from the CSV, with the line it started on."""

    line: int
    entry_id: int | None
    entry: Entry
    #: The header of the file the row came from.
    columns: tuple[str, ...] = COLUMNS


def split_cell(value: str) -> list[str]:
    """The values of a multi-valued cell, in order, without blanks."""
    return [v.strip() for v in value.split(SEPARATOR) if v.strip()]


def join_cell(values: Iterable[str]) -> str:
    return " | ".join(values)


def read_csv(path: str | Path) -> list[CsvRow]:
    """Read a glossary CSV file; ParseError names the line and column of any bad value."""
    p = Path(path)
    try:
        with p.open("rb") as f:
            return list(parse_csv(decoded_lines(f, str(p)), str(p)))
    except OSError as exc:
        raise ParseError(str(p), None, f"cannot be read: {exc.strerror}") from None


def decoded_lines(stream: IO[bytes], name: str) -> Iterator[str]:
    """The lines of a UTF-8 file (a byte-order mark is allowed), stopping at a bad byte."""
    for number, raw in enumerate(stream, 1):
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError:
            raise ParseError(name, number, "is not UTF-8 text; save the file as UTF-8") from None


def parse_csv(stream: IO[str] | Iterable[str], name: str) -> Iterator[CsvRow]:
    """Parse glossary CSV text, one entry per row; the first bad row raises ParseError."""
    for item in iter_csv(stream, name):
        if isinstance(item, Problem):
            raise item.to_error()
        yield item


def iter_csv(stream: IO[str] | Iterable[str], name: str) -> Iterator[CsvRow | Problem]:
    """Parse glossary CSV text: an entry, or a problem naming line and column, per row.

    A problem with the file as a whole (no header, an unknown column, broken quoting)
    raises ParseError.
    """
    reader = csv.reader(stream, strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise ParseError(name, 1, "the file is empty; it needs a header row") from None
    except csv.Error as exc:
        raise ParseError(name, 1, f"not valid CSV: {exc}") from None

    def rows() -> Iterator[tuple[int, list[str]]]:
        while True:
            start = reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise ParseError(name, reader.line_num, f"not valid CSV: {exc}") from None
            yield start, cells

    yield from iter_rows(header, rows(), name)


def check_header(header: list[str], name: str) -> tuple[str, ...]:
    """The columns a header row names (a spreadsheet's, a CSV file's); ParseError for an
    unknown or repeated column, or one missing that every file needs."""
    header = [h.strip() for h in header]
    unknown = [h for h in header if h not in COLUMNS]
    if unknown:
        raise ParseError(
            name,
            1,
            f"unknown column {unknown[0]!r}; the columns are: {', '.join(COLUMNS)}",
            unknown[0],
        )
    repeated = [h for i, h in enumerate(header) if h in header[:i]]
    if repeated:
        raise ParseError(name, 1, f"the column {repeated[0]!r} appears twice", repeated[0])
    if "kind" not in header:
        raise ParseError(name, 1, "the header has no 'kind' column", "kind")
    if not any(lang in header for lang in LANGUAGES):
        raise ParseError(name, 1, "the header needs at least one of the columns en, ko, ja")
    return tuple(header)


def iter_rows(
    header: list[str],
    rows: Iterable[tuple[int, list[str]]],
    name: str,
    *,
    quoted_formulas: bool = True,
) -> Iterator[CsvRow | Problem]:
    """Entries (or problems) from a header and (line, cells) rows: what CSV files and
    spreadsheets share. ``quoted_formulas``: cells may carry the apostrophe that
    :func:`neutralise_formula` adds (CSV), which is removed."""
    columns = check_header(header, name)
    seen_ids: dict[int, int] = {}
    for line, cells in rows:
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(columns):
            yield Problem(
                name, line, f"the row has {len(cells)} cells but the header has {len(columns)}"
            )
            continue
        row = dict(zip(columns, cells, strict=True))
        try:
            csv_row = _row_to_entry(row, name, line, quoted_formulas)
        except ParseError as exc:
            yield Problem.from_error(exc)
            continue
        csv_row.columns = columns
        if csv_row.entry_id is not None:
            if csv_row.entry_id in seen_ids:
                yield Problem(
                    name,
                    line,
                    f"id {csv_row.entry_id} is already used on line {seen_ids[csv_row.entry_id]}",
                    "id",
                )
                continue
            seen_ids[csv_row.entry_id] = line
        yield csv_row


#: Per language: (field, column) of the preferred form's fields, (column, role) of the others.
_LANG_COLUMNS = {
    lang: (
        tuple((f, f"{lang}_{f}") for f in LANGUAGE_FIELDS[lang]),
        tuple((f"{lang}_{suffix}", role) for suffix, role in _ROLE_COLUMNS),
    )
    for lang in LANGUAGES
}


def _row_to_entry(
    row: dict[str, str], name: str, line: int, quoted_formulas: bool = True
) -> CsvRow:
    if quoted_formulas:
        cells = {k: restore_formula(v.strip()) if v else "" for k, v in row.items()}
    else:
        cells = {k: v.strip() for k, v in row.items()}

    def cell(col: str) -> str:
        return cells.get(col, "")

    entry_id: int | None = None
    if cell("id"):
        try:
            entry_id = int(cell("id"))
            if entry_id <= 0:
                raise ValueError
        except ValueError:
            raise ParseError(
                name, line, f"{cell('id')!r} is not a positive whole number", "id"
            ) from None
    review: list[str] = []
    suggested_forms: set[tuple[str, str]] = set()  # (list column, form)
    for r in split_cell(cell("review")):
        col, colon, text = r.partition(":")
        col, text = col.strip(), text.strip()
        if colon and col in _LIST_COLUMNS:
            if text not in split_cell(cell(col)):
                raise ParseError(
                    name, line, f"review names {text!r} in {col}, which does not list it", "review"
                )
            suggested_forms.add((col, text))
        elif colon or r not in COLUMNS or r in ENTRY_COLUMNS:
            raise ParseError(name, line, f"{r!r} in review is not a language column", "review")
        else:
            review.append(r)
    terms: list[Term] = []
    for lang in LANGUAGES:
        preferred = cell(lang)
        field_columns, role_columns = _LANG_COLUMNS[lang]
        if not preferred:
            filled = [col for _, col in field_columns if cell(col)]
            if filled:
                raise ParseError(
                    name, line, f"{filled[0]} is filled but the {lang} form is empty", filled[0]
                )
        else:
            term = Term(lang=lang, text=preferred, role="preferred")
            for f, col in field_columns:
                value = cells.get(col)
                if value:
                    setattr(term, f, value)
            if review:
                term.suggested = [
                    r.removeprefix(f"{lang}_") for r in review if r.startswith(f"{lang}_")
                ]
                if lang in review:
                    term.suggested.append("text")
            terms.append(term)
        for col, role in role_columns:
            value = cells.get(col)
            if value:
                for text in split_cell(value):
                    marked = ["text"] if (col, text) in suggested_forms else []
                    terms.append(Term(lang=lang, text=text, role=role, suggested=marked))
    if not terms:
        raise ParseError(name, line, "the row has no form in any language (en, ko, ja)")
    entry = Entry(
        kind=cell("kind"),
        status=cell("status") or "candidate",
        origin=cell("origin"),
        note=cell("note"),
        terms=terms,
    )
    try:
        entry.validate()
    except InvalidValue as exc:
        raise ParseError(name, line, str(exc), exc.field if exc.field in row else None) from None
    except GlossaryError as exc:
        raise ParseError(name, line, str(exc)) from None
    return CsvRow(line=line, entry_id=entry_id, entry=entry)


# Every column's place in a row, and per language, computed once: (place in a term's
# values, place in the row) of the house form's fields, and (role, place in the row) of
# the columns listing the other forms.
_PLACE = {column: i for i, column in enumerate(COLUMNS)}
_FIELD_PLACES = {
    lang: tuple((TERM_AT[f], _PLACE[f"{lang}_{f}"]) for f in LANGUAGE_FIELDS[lang])
    for lang in LANGUAGES
}
_ROLE_PLACES = {
    lang: tuple((role, _PLACE[f"{lang}_{suffix}"]) for suffix, role in _ROLE_COLUMNS)
    for lang in LANGUAGES
}
_ID, _KIND, _STATUS, _ORIGIN, _NOTE, _REVIEW = (_PLACE[c] for c in ENTRY_COLUMNS)
_ROLE_SUFFIX = {role: suffix for suffix, role in _ROLE_COLUMNS}


def entry_to_row(entry: Entry, languages: Iterable[str] = LANGUAGES) -> dict[str, str]:
    """The CSV cells of an entry (the inverse of reading a row); ``review`` lists the
    suggestions of ``languages`` only (those a file with fewer columns carries)."""
    cells = _cells(entry.id, values_from_entry(entry), frozenset(languages))
    return dict(zip(COLUMNS, cells, strict=True))


def _cells(entry_id: int | None, d: list[Any], languages: frozenset[str]) -> list[str]:
    """The cells of an entry, in the order of :data:`COLUMNS`, from its document's
    values (:mod:`glossary.store.documents`): an export writes a million rows straight
    from the documents, without building entries."""
    row = [""] * len(COLUMNS)
    row[_ID] = str(entry_id or "")
    row[_KIND] = d[KIND]
    row[_STATUS] = d[STATUS]
    row[_ORIGIN] = d[ORIGIN]
    row[_NOTE] = d[NOTE]
    by_lang: dict[str, list[list[Any]]] = {}
    for t in d[TERMS]:
        found = by_lang.get(t[TERM_LANG])
        if found is None:
            by_lang[t[TERM_LANG]] = [t]
        else:
            found.append(t)
    review: list[str] = []
    for lang in LANGUAGES:
        terms = by_lang.get(lang)
        if not terms:
            continue
        # The house form; without one, every form goes to its role's column.
        pref = None
        for t in terms:
            if t[TERM_ROLE] == "preferred":
                pref = t
                break
        if pref is not None:
            row[_PLACE[lang]] = pref[TERM_TEXT]
            for at, place in _FIELD_PLACES[lang]:
                row[place] = pref[at]
            if pref[TERM_SUGGESTED] and lang in languages:
                review += [
                    lang if s == "text" else f"{lang}_{s}" for s in marks(pref[TERM_SUGGESTED])
                ]
            if len(terms) == 1:
                continue
        others: dict[str, list[str]] = {}
        for t in terms:
            if t is not pref:
                others.setdefault(t[TERM_ROLE], []).append(t[TERM_TEXT])
                if t[TERM_SUGGESTED] and lang in languages and "text" in marks(t[TERM_SUGGESTED]):
                    review.append(f"{lang}_{_ROLE_SUFFIX[t[TERM_ROLE]]}: {t[TERM_TEXT]}")
        for role, place in _ROLE_PLACES[lang]:
            if role in others:
                row[place] = join_cell(others[role])
    if review:
        row[_REVIEW] = join_cell(review)
    return row


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A cell starting with none of these is written as it is (most cells: checked first).
_FORMULA_FIRST = frozenset("'=+-@\t\r")
# A cell starting with one of them, in a row's cells each preceded by NUL (a NUL inside a cell
# can only make the row look suspect, and its cells are then checked one by one).
_SUSPECT_CELL = re.compile("\0['=+\\-@\t\r]")


def neutralise_formula(value: str) -> str:
    """Prefix a cell a spreadsheet would run as a formula with an apostrophe (and one
    that already starts with apostrophes before such a character with one more, so that
    :func:`restore_formula` gives back exactly what was written)."""
    return "'" + value if value.lstrip("'").startswith(_FORMULA_START) else value


def restore_formula(value: str) -> str:
    """Undo :func:`neutralise_formula` when reading a cell back."""
    if value[:1] == "'" and value.lstrip("'").startswith(_FORMULA_START):
        return value[1:]
    return value


def iter_cells(items: Iterable[Entry | DocRow], columns: Iterable[str]) -> Iterator[list[str]]:
    """The cells of a row per entry (given as an entry or as its document's values), in
    the order of ``columns``: what a CSV file and a spreadsheet hold."""
    cols = list(columns)
    languages = frozenset(lang for lang in LANGUAGES if lang in cols)
    pick = None if cols == list(COLUMNS) else itemgetter(*(_PLACE[c] for c in cols))
    for item in items:
        if isinstance(item, Entry):
            cells = _cells(item.id, values_from_entry(item), languages)
        else:
            cells = _cells(item[0], item[1], languages)
        yield cells if pick is None else list(pick(cells))


def _write_rows(items: Iterable[Entry | DocRow], text: IO[str], columns: Iterable[str]) -> int:
    """Write a row per entry, with cells a spreadsheet would run as formulas quoted, and
    every cell holding a line break quoted (a bare CR too)."""
    writer = csv.writer(text, lineterminator="\n")
    first = _FORMULA_FIRST
    suspect = _SUSPECT_CELL.search
    n = 0
    for cells in iter_cells(items, columns):
        # One search over the whole row finds the rare row with a cell to look at.
        joined = "\0" + "\0".join(cells)
        if suspect(joined):
            for i, v in enumerate(cells):
                if v and v[0] in first:
                    cells[i] = neutralise_formula(v)
        if "\r" in joined:
            text.write(_quoted_row(cells))
        else:
            writer.writerow(cells)
        n += 1
    return n


def _quoted_row(cells: list[str]) -> str:
    """A row as RFC 4180 writes it, every cell holding a comma, a quote, CR or LF
    quoted. Python's writer quotes only the line end it writes (LF): a bare CR in a cell
    (stored before CRs were normalised on input) would end the row for every other
    reader and start one of its own."""
    return (
        ",".join('"' + c.replace('"', '""') + '"' if _NEEDS_QUOTES.search(c) else c for c in cells)
        + "\n"
    )


_NEEDS_QUOTES = re.compile('[,"\r\n]')


class CsvFormat(Format):
    """The glossary CSV (``data/terms.csv``): one row per entry, for spreadsheets."""

    name = "csv"
    label = "CSV (spreadsheet)"
    extensions = (".csv",)
    media_type = "text/csv; charset=utf-8"
    kind: ClassVar[str] = "entry"
    reads_documents: ClassVar[bool] = True

    def head(self, options: ExportOptions) -> str:
        text = io.StringIO()
        csv.writer(text, lineterminator="\n").writerow(columns_for(options.target))
        return ("\ufeff" if options.bom else "") + text.getvalue()

    def render(
        self, entries: list[Entry | DocRow], options: ExportOptions, before: int
    ) -> tuple[str, int]:
        text = io.StringIO()
        n = _write_rows(entries, text, columns_for(options.target))
        return text.getvalue(), n

    def read(self, stream: IO[bytes], name: str) -> Iterator[Record | Problem]:
        return as_records(iter_csv(decoded_lines(stream, name), name))

    def differences(self, stored: Entry, record: EntryRecord) -> list[str]:
        return row_differences(stored, record)


def row_differences(stored: Entry, record: EntryRecord) -> list[str]:
    """What a row (of a CSV file or a spreadsheet) says that the stored entry does not,
    column by column, for the columns the file has."""
    languages = [lang for lang in LANGUAGES if lang in record.scope] or LANGUAGES
    have = entry_to_row(stored, languages)
    given = entry_to_row(record.entry, languages)
    out = []
    for col in record.scope or COLUMNS[1:]:
        # A CR stored before line ends were normalised on input is no difference.
        if unix_lines(have[col]) == given[col]:
            continue
        if col == "review":
            # Marks on forms the file does not give (left out of an approved-only
            # export, say) are no conflict.
            theirs = [r for r in split_cell(have[col]) if _names_a_form_in(r, given)]
            if theirs != split_cell(given[col]):
                out.append(f"review: the file has {given[col]!r}, the glossary {have[col]!r}")
            continue
        if col in _LIST_COLUMNS:
            # Forms added since (by a curator, or mined from articles) are no conflict:
            # only a form the file lists and the glossary lacks is.
            missing = [v for v in split_cell(given[col]) if v not in split_cell(have[col])]
            if missing:
                out.append(f"{col}: the glossary lacks {join_cell(missing)!r}")
            continue
        out.append(f"{col}: the file has {given[col]!r}, the glossary {have[col]!r}")
    return out


def _names_a_form_in(mark: str, row: dict[str, str]) -> bool:
    """Whether a review mark (``ko_reading``, ``en_variants: Lee``) is about a form that
    ``row`` gives."""
    col, colon, text = mark.partition(":")
    if colon:
        return text.strip() in split_cell(row.get(col.strip(), ""))
    lang = col.split("_", 1)[0]
    return bool(row.get(lang))


def as_records(rows: Iterable[CsvRow | Problem]) -> Iterator[EntryRecord | Problem]:
    """The rows of a CSV file or spreadsheet as the records an import takes."""
    for item in rows:
        if isinstance(item, Problem):
            yield item
        else:
            item.entry.id = item.entry_id
            yield EntryRecord(
                entry=item.entry,
                entry_id=item.entry_id,
                line=item.line,
                scope=tuple(c for c in item.columns if c != "id"),
            )

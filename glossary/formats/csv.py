"""The glossary CSV: one row per entry, one column per language field.

This is the format of ``data/terms.csv``, the curated glossary that ships. Columns
(header row required; columns may come in any order and empty ones may be left out):

``id``             entry number (optional for new rows; keeps references stable)
``kind``           person, place, org, facility, event, work or term (required)
``status``         approved, candidate (needs review) or rejected
``origin``         for persons: korean, japanese, chinese or western
``note``           free text for curators and translators
``review``         fields whose values are suggestions awaiting a curator, e.g.
                   ``ja_reading | ko``
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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from glossary.errors import GlossaryError, InvalidValue, ParseError
from glossary.lang import LANGUAGES
from glossary.model import Entry, Term
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


COLUMNS: tuple[str, ...] = (
    "id",
    "kind",
    "status",
    "origin",
    "note",
    "review",
    *[c for lang in LANGUAGES for c in _language_columns(lang)],
)


@dataclass
class CsvRow:
    """An entry read from the CSV, with the line it started on."""

    line: int
    entry_id: int | None
    entry: Entry


def split_cell(value: str) -> list[str]:
    """The values of a multi-valued cell, in order, without blanks."""
    return [v.strip() for v in value.split(SEPARATOR) if v.strip()]


def join_cell(values: Iterable[str]) -> str:
    return " | ".join(values)


def read_csv(path: str | Path) -> list[CsvRow]:
    """Read a glossary CSV file; ParseError names the line and column of any bad value."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ParseError(str(p), None, f"cannot be read: {exc.strerror}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ParseError(str(p), line, "is not UTF-8 text; save the file as UTF-8") from None
    return list(parse_csv(io.StringIO(text, newline=""), str(p)))


def parse_csv(stream: IO[str], name: str) -> Iterator[CsvRow]:
    """Parse glossary CSV text, one entry per row."""
    reader = csv.reader(stream)
    try:
        header = next(reader)
    except StopIteration:
        raise ParseError(name, 1, "the file is empty; it needs a header row") from None
    except csv.Error as exc:
        raise ParseError(name, 1, f"not valid CSV: {exc}") from None
    header = [h.strip() for h in header]
    unknown = [h for h in header if h not in COLUMNS]
    if unknown:
        raise ParseError(
            name,
            1,
            f"unknown column {unknown[0]!r}; the columns are: {', '.join(COLUMNS)}",
            unknown[0],
        )
    if "kind" not in header:
        raise ParseError(name, 1, "the header has no 'kind' column", "kind")
    if not any(lang in header for lang in LANGUAGES):
        raise ParseError(name, 1, "the header needs at least one of the columns en, ko, ja")
    seen_ids: dict[int, int] = {}
    line = 1
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise ParseError(name, reader.line_num, f"not valid CSV: {exc}") from None
        line = start
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            raise ParseError(
                name, line, f"the row has {len(cells)} cells but the header has {len(header)}"
            )
        row = dict(zip(header, cells, strict=True))
        csv_row = _row_to_entry(row, name, line)
        if csv_row.entry_id is not None:
            if csv_row.entry_id in seen_ids:
                raise ParseError(
                    name,
                    line,
                    f"id {csv_row.entry_id} is already used on line {seen_ids[csv_row.entry_id]}",
                    "id",
                )
            seen_ids[csv_row.entry_id] = line
        yield csv_row


def _row_to_entry(row: dict[str, str], name: str, line: int) -> CsvRow:
    def cell(col: str) -> str:
        return restore_formula(row.get(col, "").strip())

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
    review = split_cell(cell("review"))
    for r in review:
        if r not in COLUMNS or r in ("id", "kind", "status", "origin", "note", "review"):
            raise ParseError(name, line, f"{r!r} in review is not a language column", "review")
    terms: list[Term] = []
    for lang in LANGUAGES:
        preferred = cell(lang)
        fields: dict[str, Any] = {f: cell(f"{lang}_{f}") for f in LANGUAGE_FIELDS[lang]}
        if not preferred:
            filled = [f"{lang}_{f}" for f, v in fields.items() if v]
            if filled:
                raise ParseError(
                    name, line, f"{filled[0]} is filled but the {lang} form is empty", filled[0]
                )
        else:
            suggested = [r.removeprefix(f"{lang}_") for r in review if r.startswith(f"{lang}_")]
            if lang in review:
                suggested.append("text")
            terms.append(
                Term(lang=lang, text=preferred, role="preferred", suggested=suggested, **fields)
            )
        for suffix, role in _ROLE_COLUMNS:
            for value in split_cell(cell(f"{lang}_{suffix}")):
                terms.append(Term(lang=lang, text=value, role=role))
    if not terms:
        raise ParseError(name, line, "the row has no form in any language (en, ko, ja)")
    entry = Entry(
        kind=cell("kind"),
        status=cell("status") or "candidate",
        origin=cell("origin"),
        note=row.get("note", "").strip(),
        terms=terms,
    )
    try:
        entry.validate()
    except InvalidValue as exc:
        raise ParseError(name, line, str(exc), exc.field if exc.field in row else None) from None
    except GlossaryError as exc:
        raise ParseError(name, line, str(exc)) from None
    return CsvRow(line=line, entry_id=entry_id, entry=entry)


def entry_to_row(entry: Entry) -> dict[str, str]:
    """The CSV cells of an entry (the inverse of reading a row)."""
    row = {c: "" for c in COLUMNS}
    row.update(
        id=str(entry.id or ""),
        kind=entry.kind,
        status=entry.status,
        origin=entry.origin,
        note=entry.note,
    )
    review: list[str] = []
    for lang in LANGUAGES:
        pref = entry.preferred(lang)
        if pref is not None and pref.role == "preferred":
            row[lang] = pref.text
            for f in LANGUAGE_FIELDS[lang]:
                row[f"{lang}_{f}"] = getattr(pref, f)
            review += [lang if s == "text" else f"{lang}_{s}" for s in pref.suggested]
        for suffix, role in _ROLE_COLUMNS:
            row[f"{lang}_{suffix}"] = join_cell(
                t.text for t in entry.terms_in(lang) if t.role == role and t is not pref
            )
    row["review"] = join_cell(review)
    return row


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value: str) -> str:
    """Prefix a cell a spreadsheet would run as a formula with an apostrophe."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def restore_formula(value: str) -> str:
    """Undo :func:`neutralise_formula` when reading a cell back."""
    if value.startswith("'") and value[1:2] and value[1:].startswith(_FORMULA_START):
        return value[1:]
    return value


def write_csv(
    entries: Iterable[Entry], stream: IO[str], *, columns: Iterable[str] = COLUMNS
) -> int:
    """Write entries as glossary CSV; return how many rows were written."""
    cols = list(columns)
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(cols)
    n = 0
    for entry in entries:
        row = entry_to_row(entry)
        writer.writerow([neutralise_formula(row[c]) for c in cols])
        n += 1
    return n

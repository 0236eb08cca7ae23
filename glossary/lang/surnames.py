"""Korean family names, read once from ``data/korean_surnames.tsv``.

The one list of Korean family names. Each row says how a family name is written in
Latin letters and how each part of the glossary uses it (the file's header explains
the columns): the lookup reads :attr:`Surname.spellings`, the press-spelling
suggestions :attr:`Surname.press`, the English and Korean miners
:func:`english_miner_spellings` and :func:`korean_miner_surnames`, the split of a
Korean name :func:`two_syllable_surnames`.

Pure Python and cheap to import: nothing is read until a function is called.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from glossary.errors import ParseError

SURNAMES_FILE = Path(__file__).parent / "data" / "korean_surnames.tsv"
COLUMNS = ("hangul", "spellings", "press", "english_miner", "korean_miner", "source")
EMPTY = "-"


@dataclass(frozen=True)
class Surname:
    """One row of the surname table."""

    hangul: str
    spellings: tuple[str, ...]  # what the lookup recognises: strict RR first
    press: tuple[str, ...]  # the press spellings, most common first
    english_miner: tuple[str, ...]  # the spellings the English miner takes for it
    korean_miner: bool  # the Korean miner reads 3-syllable nouns starting with it as persons
    source: str


def _is_hangul(text: str) -> bool:
    return bool(text) and all(0xAC00 <= ord(c) <= 0xD7A3 for c in text)


def _values(cell: str) -> tuple[str, ...]:
    if cell == EMPTY:
        return ()
    return tuple(v.strip() for v in cell.split("|") if v.strip())


def _latin_ok(spelling: str) -> bool:
    """A spelling is ASCII letters (and hyphens or spaces), starting with a capital."""
    return (
        spelling[:1].isupper()
        and spelling.isascii()
        and all(c.isalpha() or c in " -" for c in spelling)
    )


def _row(path: Path, number: int, cells: list[str]) -> Surname:
    hangul, spellings, press, english, korean, source = cells
    if not _is_hangul(hangul) or len(hangul) > 2:
        raise ParseError(str(path), number, "not a Hangul family name", "hangul")
    lists = {
        "spellings": _values(spellings),
        "press": _values(press),
        "english_miner": _values(english),
    }
    for column, values in lists.items():
        bad = next((v for v in values if not _latin_ok(v)), None)
        if bad is not None:
            raise ParseError(
                str(path),
                number,
                f"{bad!r} is not a spelling in Latin letters starting with a capital",
                column,
            )
    wanted = "-" if len(hangul) == 2 else "yes or no"
    if korean not in (("-",) if len(hangul) == 2 else ("yes", "no")):
        raise ParseError(str(path), number, f"expected {wanted}, not {korean!r}", "korean_miner")
    return Surname(
        hangul,
        lists["spellings"],
        lists["press"],
        lists["english_miner"],
        korean == "yes",
        "" if source == EMPTY else source,
    )


def load_surnames(path: Path | str = SURNAMES_FILE) -> tuple[Surname, ...]:
    """Read and check a surname table (see the header of ``data/korean_surnames.tsv``).

    Raises :class:`~glossary.errors.ParseError` naming the file, the line and the column.
    """
    path = Path(path)
    rows: list[Surname] = []
    seen: set[str] = set()
    header_seen = False
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = [c.strip() for c in line.split("\t")]
            if not header_seen:
                if tuple(cells) != COLUMNS:
                    raise ParseError(str(path), number, "the header must be: " + ", ".join(COLUMNS))
                header_seen = True
                continue
            if len(cells) != len(COLUMNS) or not all(cells):
                raise ParseError(
                    str(path),
                    number,
                    f"expected {len(COLUMNS)} tab-separated columns, each filled (- if empty)",
                )
            row = _row(path, number, cells)
            if row.hangul in seen:
                raise ParseError(str(path), number, f"{row.hangul} is listed twice", "hangul")
            seen.add(row.hangul)
            rows.append(row)
    if not header_seen:
        raise ParseError(str(path), None, "the file has no header line")
    return tuple(rows)


@cache
def surnames() -> tuple[Surname, ...]:
    """The shipped surname table, in file order (read once per process)."""
    return load_surnames()


@cache
def hangul_surnames() -> frozenset[str]:
    """Every family name of the table, in Hangul."""
    return frozenset(s.hangul for s in surnames())


@cache
def two_syllable_surnames() -> frozenset[str]:
    """The two-syllable family names (남궁, 황보, ...), recognised without a space."""
    return frozenset(s.hangul for s in surnames() if len(s.hangul) == 2)


@cache
def korean_miner_surnames() -> frozenset[str]:
    """The family names that mark a three-syllable Korean proper noun as a person."""
    return frozenset(s.hangul for s in surnames() if s.korean_miner)


@cache
def english_miner_spellings() -> frozenset[str]:
    """The Latin spellings (lowercase) that mark a name in English text as Korean."""
    return frozenset(v.lower() for s in surnames() for v in s.english_miner)


@cache
def press_spellings() -> dict[str, tuple[str, ...]]:
    """Each family name with press spellings: Hangul → those spellings, most common first."""
    return {s.hangul: s.press for s in surnames() if s.press}

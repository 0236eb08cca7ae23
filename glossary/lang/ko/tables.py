"""Read the Korean data files shipped in ``glossary/lang/ko/data/``, once per process.

Every file is UTF-8, tab-separated, one row a line; lines starting with ``#`` and
blank lines are ignored, so each file opens with a header that explains its columns
and its sources. Trailing empty columns may be left out.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from glossary.errors import ParseError

DATA_DIR = Path(__file__).resolve().parent / "data"


@cache
def read_rows(name: str, min_columns: int = 2) -> tuple[tuple[str, ...], ...]:
    """Return the rows of ``data/<name>`` as tuples of stripped cells.

    Raises :class:`~glossary.errors.ParseError` naming the line when a row has fewer
    than ``min_columns`` cells.
    """
    path = DATA_DIR / name
    rows: list[tuple[str, ...]] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cells = tuple(cell.strip() for cell in line.split("\t"))
            if len(cells) < min_columns or not cells[0]:
                raise ParseError(
                    str(path), number, f"expected at least {min_columns} tab-separated columns"
                )
            rows.append(cells)
    return tuple(rows)

"""Loading the miner's rule files from ``glossary/mining/data``.

Every rule file is UTF-8 text that starts with a header of ``#`` lines saying what
the file holds and how it is written. Two shapes exist:

* word lists (``load_words``): entries separated by spaces or new lines;
* tables (``load_table``): one entry per line, fields separated by a TAB or by two
  or more spaces, so that a single space can stand inside an entry
  ("Prime Minister    official").

Files are read once per process and cached.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).with_name("data")
_FIELD_SEP = re.compile(r"\t+| {2,}")


def _lines(name: str) -> list[str]:
    path = DATA_DIR / name
    out = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


@cache
def load_words(name: str, *, lower: bool = True) -> frozenset[str]:
    """The set of words in a word-list file (lowercased unless ``lower`` is False)."""
    words: set[str] = set()
    for line in _lines(name):
        for w in line.split():
            words.add(w.lower() if lower else w)
    return frozenset(words)


@cache
def load_lines(name: str) -> tuple[str, ...]:
    """The entries of a file with one entry (possibly with spaces) per line."""
    return tuple(_lines(name))


@cache
def load_table(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of a table file, each a tuple of its fields."""
    return tuple(tuple(_FIELD_SEP.split(line)) for line in _lines(name))

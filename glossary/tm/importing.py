"""A TMX import: the file read a chunk of units at a time, duplicates told apart, and
the new units handed to the store's writer (:mod:`glossary.store.unit_import`), all in
one transaction.

Each sentence's search tokens and hash are computed once, here. Duplicates are found
with the database's index of sentence hashes (and, when the memory was empty, a
fixed-size filter first), so memory stays flat however large the file. A large import
fills the search index in large batches rather than row by row. A large file is read
and prepared by a second process (:mod:`glossary.tm.read_ahead`) while this one writes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any

from glossary.model import Unit
from glossary.store import history as hist
from glossary.store.bulk import collect_young
from glossary.store.unit_import import PreparedUnit, UnitKey, UnitRowWriter, prepare_unit
from glossary.store.units import Derived
from glossary.tm.text import exact_key, grams_text
from glossary.tm.tmx import Skipped, read_units

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

#: ``progress(done, total)`` in bytes of the file being imported.
Progress = Callable[[int, int], None]
#: Units read before they are written.
_CHUNK = 2000
#: From this many new units on, an import on SQLite fills the search index once at the
#: end (when it adds a ninth or more of what the memory holds), not row by row.
BULK_UNITS = 5000


@dataclass
class TmImportReport:
    """What a TMX import did: units added, already there, skipped, with where."""

    file: str
    added: int = 0
    duplicates: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    batch: str = ""
    change_id: int | None = None

    def summary(self) -> str:
        return (
            f"{self.added} units added, {self.duplicates} already in the memory, "
            f"{len(self.skipped)} skipped"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "added": self.added,
            "duplicates": self.duplicates,
            "skipped": len(self.skipped),
            "change_id": self.change_id,
        }


def derive(unit: Unit) -> list[Derived]:
    """Each sentence's search tokens and hash, as the store keeps them."""
    return [(grams_text(v.text), exact_key(v.text)) for v in unit.variants]


class _SeenFilter:
    """The units of this import so far, in a fixed 16 MB whatever the file's size: a
    Bloom filter over their keys (four bits each). A unit it has not seen is new; one it
    may have seen is looked up in the database (a million units make a handful of such
    look-ups)."""

    BITS = 1 << 27

    def __init__(self) -> None:
        self.bits = bytearray(self.BITS >> 3)

    def add(self, key: UnitKey) -> bool:
        """Record ``key``; True if it may have been recorded before."""
        h = hash(key)
        step = ((h >> 32) | 1) & 0xFFFFFFFF
        at = h & 0xFFFFFFFF
        bits = self.bits
        mask = self.BITS - 1
        seen = True
        for _ in range(4):
            at = (at + step) & mask
            byte, bit = at >> 3, 1 << (at & 7)
            if not bits[byte] & bit:
                seen = False
                bits[byte] |= bit
        return seen


#: A chunk of the file, ready to be written: the file's position after it, and its
#: units (or the units skipped, with where).
Chunk = tuple[int, list[PreparedUnit | Skipped]]


def prepared_chunks(stream: IO[bytes], name: str) -> Iterator[Chunk]:
    """The units of a TMX file, :data:`_CHUNK` at a time, each with its sentences' search
    tokens and hashes computed once and its rows made (ParseError for a bad file)."""
    chunk: list[PreparedUnit | Skipped] = []
    for item in read_units(stream, name):
        chunk.append(item if isinstance(item, Skipped) else prepare_unit(item, derive(item)))
        if len(chunk) >= _CHUNK:
            yield _tell(stream), chunk
            chunk = []
    yield _tell(stream), chunk


def _tell(stream: IO[bytes]) -> int:
    try:
        return stream.tell()
    except (OSError, ValueError):
        return 0


class TmxImport:
    """One TMX import inside the caller's transaction (see the module's notes)."""

    def __init__(
        self,
        s: Session,
        name: str,
        user: str,
        stream: IO[bytes],
        total: int,
        progress: Progress | None,
    ) -> None:
        self.report = TmImportReport(file=name, batch=hist.new_batch())
        self.writer = UnitRowWriter(s, user, self.report.batch)
        self.stream = stream
        self.total = total
        self.progress = progress
        self.filter = _SeenFilter() if self.writer.existing == 0 else None

    def run(self, chunks: Iterable[Chunk] | None = None) -> TmImportReport:
        """Write the file's units (``chunks``: read from it by another process, else
        read here)."""
        try:
            for position, chunk in chunks or prepared_chunks(self.stream, self.report.file):
                self._write(chunk)
                if self.progress is not None:
                    with contextlib.suppress(OSError, ValueError):
                        self.progress(position, self.total)
            report = self.report
            report.change_id = self.writer.finish(report.file, report.added)
            return report
        finally:
            self.writer.close()

    def _write(self, chunk: list[PreparedUnit | Skipped]) -> None:
        units: list[PreparedUnit] = []
        for item in chunk:
            if isinstance(item, Skipped):
                self.report.skipped.append(item)
            else:
                units.append(item)
        fresh = self._new_units(units)
        if not fresh:
            return
        self.report.added += len(fresh)
        if self._bulk_worthwhile():
            self.writer.pause_search_index()
        self.writer.write(fresh)
        collect_young()

    def _bulk_worthwhile(self) -> bool:
        """Filling the search index once beats keeping it current row by row when the
        import adds more than about a ninth of what is there (as for entries)."""
        added = self.report.added
        return added >= BULK_UNITS and added * 9 >= self.writer.existing

    def _new_units(self, units: list[PreparedUnit]) -> list[PreparedUnit]:
        """Those of ``units`` not in the memory yet (nor earlier in the file, nor earlier
        in the chunk); the others are counted as duplicates."""
        filter_ = self.filter
        if filter_ is not None:  # the memory was empty: only this import's units
            maybe = [u[2] for u in units if filter_.add(u[2])]
        else:
            maybe = [u[2] for u in units]
        stored = self.writer.stored_keys(maybe) if maybe else set()
        fresh = []
        in_chunk: set[UnitKey] = set()
        for unit in units:
            key = unit[2]
            if key in in_chunk or key in stored:
                self.report.duplicates += 1
                continue
            in_chunk.add(key)
            fresh.append(unit)
        return fresh

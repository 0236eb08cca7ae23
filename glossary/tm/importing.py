"""A TMX import: the file read a chunk of units at a time, duplicates told apart, and
the new units handed to the store's writer (:mod:`glossary.store.unit_import`), all in
one transaction.

Each sentence's search tokens and hash are computed once, here. Duplicates are found
with the database's index of sentence hashes (and, when the memory was empty, a
fixed-size filter first), so memory stays flat however large the file. A large import
fills the search index once at the end rather than row by row.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any

from glossary.model import Unit
from glossary.store import history as hist
from glossary.store.bulk import collect_young
from glossary.store.unit_import import UnitKey, UnitRowWriter
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

    def run(self) -> TmImportReport:
        try:
            chunk: list[Unit] = []
            for item in read_units(self.stream, self.report.file):
                if isinstance(item, Skipped):
                    self.report.skipped.append(item)
                    continue
                chunk.append(item)
                if len(chunk) >= _CHUNK:
                    self._write(chunk)
                    chunk = []
            self._write(chunk)
            report = self.report
            report.change_id = self.writer.finish(report.file, report.added)
            return report
        finally:
            self.writer.close()

    def _write(self, chunk: list[Unit]) -> None:
        if not chunk:
            return
        # Each sentence's hash and search tokens, computed once.
        exacts = [[exact_key(v.text) for v in u.variants] for u in chunk]
        keys = [
            frozenset(zip((v.lang for v in u.variants), ex, strict=True))
            for u, ex in zip(chunk, exacts, strict=True)
        ]
        fresh = self._new_units(chunk, keys)
        if not fresh:
            return
        units = [chunk[k] for k in fresh]
        derived = [
            [(grams_text(v.text), ex) for v, ex in zip(chunk[k].variants, exacts[k], strict=True)]
            for k in fresh
        ]
        self.report.added += len(fresh)
        if self._bulk_worthwhile():
            self.writer.pause_search_index()
        self.writer.write(units, derived)
        if self.progress is not None:
            with contextlib.suppress(OSError, ValueError):
                self.progress(self.stream.tell(), self.total)
        collect_young()

    def _bulk_worthwhile(self) -> bool:
        """Filling the search index once beats keeping it current row by row when the
        import adds more than about a ninth of what is there (as for entries)."""
        added = self.report.added
        return added >= BULK_UNITS and added * 9 >= self.writer.existing

    def _new_units(self, chunk: list[Unit], keys: list[UnitKey]) -> list[int]:
        """The places in ``chunk`` of the units not in the memory yet (nor earlier in the
        file, nor earlier in the chunk); the others are counted as duplicates."""
        filter_ = self.filter
        if filter_ is not None:  # the memory was empty: only this import's units
            maybe = [k for k, key in enumerate(keys) if filter_.add(key)]
        else:
            maybe = list(range(len(keys)))
        stored = self.writer.stored_keys([keys[k] for k in maybe]) if maybe else set()
        fresh = []
        in_chunk: set[UnitKey] = set()
        for k, key in enumerate(keys):
            if key in in_chunk or key in stored:
                self.report.duplicates += 1
                continue
            in_chunk.add(key)
            fresh.append(k)
        return fresh

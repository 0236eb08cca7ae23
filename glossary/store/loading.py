"""Loading the one row a caller asks for by id, locked for the transaction if asked:
an entry (:func:`glossary.store.entries.load_entry`) or a translation unit
(:func:`glossary.store.units.load_unit`)."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy import Select
from sqlalchemy.orm import Session

from glossary.errors import NotFound

R = TypeVar("R")


def load_one(s: Session, q: Select[R], missing: str, *, lock: bool = False) -> R:
    """The row ``q`` selects, or NotFound saying ``missing``. ``lock`` takes a row lock
    on PostgreSQL (SQLite's writer already holds the database lock)."""
    if lock and s.get_bind().dialect.name == "postgresql":
        q = q.with_for_update()
    row = s.scalar(q)
    if row is None:
        raise NotFound(missing)
    return row

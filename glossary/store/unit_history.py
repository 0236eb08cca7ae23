"""The history of translation units (``tm_changes``): the changes recorded, read back,
and what each did, in a few words. What an undo does is decided by
:class:`glossary.tm.memory.TranslationMemory`; the rows it reads and writes are here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from glossary.store.changelog import RecordedChange, add_change, change_values
from glossary.store.entries import is_storable_id
from glossary.store.models import UnitChangeRow, UnitRow


@dataclass
class UnitChange(RecordedChange):
    """One recorded change to the memory: a unit added, edited, deleted, an import, an undo."""

    unit_id: int | None

    def to_dict(self) -> dict[str, Any]:
        return self.as_dict("unit_id", summary=self.summary)

    @property
    def summary(self) -> str:
        """One line saying what the change did."""
        return describe(self.action, self.before, self.after)


def change_from_row(row: UnitChangeRow) -> UnitChange:
    return UnitChange(id=row.id, unit_id=row.unit_id, **change_values(row))


def record(
    s: Session,
    unit_id: int | None,
    action: str,
    user: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    batch: str,
    *,
    undoes: int | None = None,
) -> UnitChangeRow:
    """Record one change of the memory (in the caller's transaction)."""
    row = add_change(
        s, UnitChangeRow, "unit_id", unit_id, action, user, before, after, batch, undoes
    )
    s.flush()
    return row


def changes(s: Session, unit_id: int | None, limit: int) -> list[UnitChange]:
    """Changes, newest first: of one unit (with the import that brought it), or of the
    whole memory."""
    q = select(UnitChangeRow).order_by(UnitChangeRow.id.desc()).limit(limit)
    if unit_id is not None:
        if not is_storable_id(unit_id):
            return []
        batch = s.scalar(select(UnitRow.batch).where(UnitRow.id == unit_id))
        own = UnitChangeRow.unit_id == unit_id
        if batch:
            imported = (UnitChangeRow.batch == batch) & (UnitChangeRow.action == "import")
            q = q.where(own | imported)
        else:
            q = q.where(own)
    return [change_from_row(r) for r in s.scalars(q)]


def get_change_row(s: Session, change_id: int) -> UnitChangeRow | None:
    """The change with this id, or None."""
    return s.get(UnitChangeRow, change_id) if is_storable_id(change_id) else None


def first_edit(s: Session, unit_id: int) -> UnitChangeRow | None:
    """The first edit recorded for a unit, if any."""
    return s.scalar(
        select(UnitChangeRow)
        .where(UnitChangeRow.unit_id == unit_id, UnitChangeRow.action == "update")
        .order_by(UnitChangeRow.id)
        .limit(1)
    )


def mark_undone(s: Session, change: UnitChangeRow, undo: UnitChangeRow) -> None:
    """Note on ``change`` that ``undo`` undid it."""
    change.undone_by = undo.id
    s.flush()


def _texts(snap: dict[str, Any] | None) -> dict[str, str]:
    return {v["lang"]: v["text"] for v in (snap or {}).get("variants", [])}


def describe(action: str, before: dict[str, Any] | None, after: dict[str, Any] | None) -> str:
    """Say in a few words what a change did to a unit."""
    if action == "import":
        info = after or {}
        return f"imported {info.get('units', 0)} units from {info.get('file', 'a file')}"
    if action == "undo" and before is not None and "import" in before:
        return f"undo: removed the {before.get('units', 0)} units of an import"
    label = "undo: " if action == "undo" else ""
    if before is None:
        return label + "created"
    if after is None:
        return label + "deleted"
    old, new = _texts(before), _texts(after)
    parts = [
        f"{lang}: “{old.get(lang, '—')}” → “{new.get(lang, '—')}”"
        for lang in sorted(set(old) | set(new))
        if old.get(lang) != new.get(lang)
    ]
    if not parts and before != after:
        parts.append("details changed")
    return label + ("; ".join(parts) if parts else "no visible change")

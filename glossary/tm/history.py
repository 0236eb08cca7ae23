"""The history of translation units, and what each change did, in a few words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from glossary.store.models import UnitChangeRow


@dataclass
class UnitChange:
    """One recorded change to the memory: a unit added, edited, deleted, an import, an undo."""

    id: int
    unit_id: int | None
    action: str
    user: str
    at: datetime
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    batch: str
    undoes: int | None
    undone_by: int | None

    @property
    def summary(self) -> str:
        """One line saying what the change did."""
        return describe(self.action, self.before, self.after)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "unit_id": self.unit_id,
            "action": self.action,
            "user": self.user,
            "at": self.at.isoformat(),
            "summary": self.summary,
            "before": self.before,
            "after": self.after,
            "batch": self.batch,
            "undoes": self.undoes,
            "undone_by": self.undone_by,
        }


def change_from_row(row: UnitChangeRow) -> UnitChange:
    return UnitChange(
        id=row.id,
        unit_id=row.unit_id,
        action=row.action,
        user=row.user,
        at=row.at,
        before=row.before,
        after=row.after,
        batch=row.batch,
        undoes=row.undoes,
        undone_by=row.undone_by,
    )


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

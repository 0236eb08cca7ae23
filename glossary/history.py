"""The history of every entry: change rows, and undo that replays a change backwards."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from glossary.store.models import ChangeRow

ACTIONS = ("create", "update", "merge", "delete", "undo", "import")


@dataclass
class Change:
    """One recorded change: who did what to which entry, when, before and after."""

    id: int
    entry_id: int
    action: str
    user: str
    at: datetime
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    batch: str
    undoes: int | None
    undone_by: int | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "entry_id": self.entry_id,
            "action": self.action,
            "user": self.user,
            "at": self.at.isoformat(),
            "before": self.before,
            "after": self.after,
            "batch": self.batch,
            "undoes": self.undoes,
            "undone_by": self.undone_by,
        }

    @property
    def summary(self) -> str:
        """One line saying what the change did, for lists and messages."""
        return describe(self.action, self.before, self.after)


def change_from_row(row: ChangeRow) -> Change:
    return Change(
        id=row.id,
        entry_id=row.entry_id,
        action=row.action,
        user=row.user,
        at=row.at,
        before=row.before,
        after=row.after,
        batch=row.batch,
        undoes=row.undoes,
        undone_by=row.undone_by,
    )


def new_batch() -> str:
    return uuid.uuid4().hex


def record(
    session: Session,
    *,
    entry_id: int,
    action: str,
    user: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    batch: str,
    undoes: int | None = None,
) -> ChangeRow:
    """Add a change row to the session (it is written with the change it describes)."""
    row = ChangeRow(
        entry_id=entry_id,
        action=action,
        user=user,
        before=before,
        after=after,
        batch=batch,
        undoes=undoes,
    )
    session.add(row)
    return row


def describe(action: str, before: dict[str, Any] | None, after: dict[str, Any] | None) -> str:
    """Say in a few words what changed between two snapshots of an entry."""
    if action == "create" or before is None:
        return "created"
    if after is None:
        merged = before.get("merged_into")
        return f"merged into entry {merged}" if merged else "deleted"
    parts = []
    for name in ("kind", "status", "origin", "note"):
        if before.get(name) != after.get(name):
            parts.append(f"{name}: {before.get(name) or '—'} → {after.get(name) or '—'}")
    old_terms = {(t["lang"], t["text"], t["role"]) for t in before.get("terms", [])}
    new_terms = {(t["lang"], t["text"], t["role"]) for t in after.get("terms", [])}
    for lang, text, role in sorted(new_terms - old_terms):
        parts.append(f"+{lang} {text} ({role})")
    for lang, text, role in sorted(old_terms - new_terms):
        parts.append(f"−{lang} {text} ({role})")
    if not parts and before.get("terms") != after.get("terms"):
        parts.append("term details changed")
    label = {"undo": "undo: ", "merge": "merge: "}.get(action, "")
    return label + ("; ".join(parts) if parts else "no visible change")

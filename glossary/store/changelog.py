"""What the two histories share: the entries' (``changes``, :mod:`glossary.store.history`)
and the translation units' (``tm_changes``, :mod:`glossary.store.unit_history`).

Both tables have the same columns but the one naming what changed (``entry_id``,
``unit_id``); a change is recorded, read back and written out the same way in both.
The tables stay separate: the helpers here take the row class and that column's name.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from glossary.store.models import ChangeRow, UnitChangeRow

#: The columns of a change beside its id and the id of what changed, in table order.
CHANGE_FIELDS = ("action", "user", "at", "before", "after", "batch", "undoes", "undone_by")

R = TypeVar("R", ChangeRow, UnitChangeRow)


@dataclass
class RecordedChange:
    """A change read back from either history; each history's own class adds the id
    of what changed and says in a few words what the change did."""

    id: int
    action: str
    user: str
    at: datetime
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    batch: str
    undoes: int | None
    undone_by: int | None

    def as_dict(self, subject: str, *, summary: str | None = None) -> dict[str, Any]:
        """JSON-ready data: id, ``subject`` (the id of what changed), then the other
        columns, with ``summary`` after the time where one is given."""
        data: dict[str, Any] = {
            "id": self.id,
            subject: getattr(self, subject),
            "action": self.action,
            "user": self.user,
            "at": self.at.isoformat(),
        }
        if summary is not None:
            data["summary"] = summary
        data.update(
            before=self.before,
            after=self.after,
            batch=self.batch,
            undoes=self.undoes,
            undone_by=self.undone_by,
        )
        return data


def add_change(
    s: Session,
    row_class: type[R],
    subject: str,
    subject_id: int | None,
    action: str,
    user: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    batch: str,
    undoes: int | None,
) -> R:
    """Add one change row of ``row_class`` to the session; ``subject`` names the column
    that holds ``subject_id`` (``entry_id`` or ``unit_id``)."""
    row = row_class(**{subject: subject_id}, action=action, user=user, batch=batch)
    row.before, row.after, row.undoes = before, after, undoes
    s.add(row)
    return row


def change_values(row: ChangeRow | UnitChangeRow) -> dict[str, Any]:
    """The columns of a change row that both histories' change objects take as they are."""
    return {name: getattr(row, name) for name in CHANGE_FIELDS}

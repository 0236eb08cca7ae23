"""The history of every entry: change rows, and undo that replays a change backwards.

Every write records what it did through three helpers, :func:`created`, :func:`changed`
and :func:`deleted`, in the same transaction as the write; :func:`undo` replays a
recorded operation backwards.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from glossary.errors import NotFound, UndoError
from glossary.model import Entry
from glossary.store.changelog import RecordedChange, add_change, change_values
from glossary.store.entries import (
    attach_occurrences,
    insert_entry,
    is_storable_id,
    load_entry,
    occurrence_ids,
)
from glossary.store.models import ChangeRow, EntryRow
from glossary.store.rows import assign_entry, entry_from_row

ACTIONS = ("create", "update", "merge", "delete", "undo", "import")


@dataclass
class Change(RecordedChange):
    """One recorded change: who did what to which entry, when, before and after."""

    entry_id: int

    def to_dict(self) -> dict[str, Any]:
        return self.as_dict("entry_id")

    @property
    def summary(self) -> str:
        """One line saying what the change did, for lists and messages."""
        return describe(self.action, self.before, self.after)


def change_from_row(row: ChangeRow) -> Change:
    return Change(id=row.id, entry_id=row.entry_id, **change_values(row))


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
    return add_change(
        session, ChangeRow, "entry_id", entry_id, action, user, before, after, batch, undoes
    )


def created(
    s: Session,
    row: EntryRow,
    user: str,
    batch: str,
    *,
    evidence_from: tuple[int, list[int]] | None = None,
) -> ChangeRow:
    """Record that ``row`` was created (call after it is flushed). ``evidence_from`` is
    (entry id, evidence row ids) when the new entry took evidence from another entry, so
    that undo gives it back."""
    after = entry_from_row(row).snapshot()
    if evidence_from is not None:
        after["evidence_from"] = {"entry_id": evidence_from[0], "occurrences": evidence_from[1]}
    return record(
        s, entry_id=row.id, action="create", user=user, before=None, after=after, batch=batch
    )


def changed(
    s: Session,
    row: EntryRow,
    before: dict[str, Any],
    user: str,
    batch: str,
    *,
    action: str = "update",
    undoes: int | None = None,
) -> ChangeRow:
    """Record that ``row`` changed from the snapshot ``before`` to what it holds now."""
    after = entry_from_row(row).snapshot()
    return add_change(s, ChangeRow, "entry_id", row.id, action, user, before, after, batch, undoes)


def deleted(
    s: Session,
    row: EntryRow,
    user: str,
    batch: str,
    *,
    action: str = "delete",
    undoes: int | None = None,
) -> ChangeRow:
    """Delete ``row`` and record it (see :func:`removal_snapshot`)."""
    before = removal_snapshot(s, row)
    entry_id = row.id
    s.delete(row)
    return add_change(s, ChangeRow, "entry_id", entry_id, action, user, before, None, batch, undoes)


def removal_snapshot(
    s: Session, row: EntryRow, *, merged_into: int | None = None
) -> dict[str, Any]:
    """What the history keeps of an entry about to be deleted: its data and the ids of
    its evidence (kept, detached), so that undo can give them back."""
    before = entry_from_row(row).snapshot()
    before["occurrences"] = occurrence_ids(s, row.id)
    if merged_into is not None:
        before["merged_into"] = merged_into
    return before


def changes(s: Session, entry_id: int | None, limit: int) -> list[Change]:
    """Changes, newest first: of one entry, or of the whole glossary."""
    if entry_id is not None and not is_storable_id(entry_id):
        return []
    q = select(ChangeRow).order_by(ChangeRow.id.desc()).limit(limit)
    if entry_id is not None:
        q = q.where(ChangeRow.entry_id == entry_id)
    return [change_from_row(r) for r in s.scalars(q)]


def entries_changed(s: Session, after: int, upto: int) -> set[int]:
    """The ids of the entries with a change numbered above ``after``, up to ``upto``."""
    q = select(ChangeRow.entry_id).where(ChangeRow.id > after, ChangeRow.id <= upto).distinct()
    return set(s.scalars(q))


def get_change(s: Session, change_id: int) -> ChangeRow:
    row = s.get(ChangeRow, change_id) if is_storable_id(change_id) else None
    if row is None:
        raise NotFound(f"there is no change {change_id}")
    return row


def undo(s: Session, change_id: int, user: str) -> list[Change]:
    """Undo a change and the other changes of the same operation (both sides of a
    merge), recording the undo as changes of one new operation."""
    first = get_change(s, change_id)
    if first.undone_by is not None:
        raise UndoError(f"change {change_id} was already undone by change {first.undone_by}")
    group = s.scalars(
        select(ChangeRow).where(ChangeRow.batch == first.batch).order_by(ChangeRow.id)
    ).all()
    batch = new_batch()
    done: list[ChangeRow] = []
    # Undo in reverse order: a merge restores the deleted source before the target.
    for ch in reversed(group):
        _check_undoable(s, ch)
    for ch in reversed(group):
        new = _replay_backwards(s, ch, user, batch)
        s.flush()
        ch.undone_by = new.id
        done.append(new)
    s.flush()
    return [change_from_row(r) for r in done]


def _check_undoable(s: Session, ch: ChangeRow) -> None:
    row = s.get(EntryRow, ch.entry_id)
    if ch.after is None:  # a delete: the entry must still be gone
        if row is not None:
            raise UndoError(f"entry {ch.entry_id} exists again; change {ch.id} cannot be undone")
        return
    if row is None:
        raise UndoError(
            f"entry {ch.entry_id} was deleted after change {ch.id}; undo the deletion first"
        )
    if row.version != ch.after["version"]:
        later = s.scalars(
            select(ChangeRow.id)
            .where(ChangeRow.entry_id == ch.entry_id, ChangeRow.id > ch.id)
            .order_by(ChangeRow.id)
        ).all()
        raise UndoError(
            f"entry {ch.entry_id} was changed again after change {ch.id} "
            f"(by change {', '.join(map(str, later)) or '?'}); undo those first"
        )


def _replay_backwards(s: Session, ch: ChangeRow, user: str, batch: str) -> ChangeRow:
    target = ch.before
    if target is None:  # undo a creation: delete the entry (evidence it took goes back)
        change = deleted(s, load_entry(s, ch.entry_id), user, batch, action="undo", undoes=ch.id)
        taken = (ch.after or {}).get("evidence_from")
        if taken and taken["occurrences"]:
            s.flush()
            attach_occurrences(s, taken["occurrences"], taken["entry_id"])
            giver = s.get(EntryRow, taken["entry_id"])
            if giver is not None:
                giver.evidence_count = giver.evidence_count + len(taken["occurrences"])
        return change
    entry = Entry.from_snapshot(target)
    if ch.after is None:  # undo a deletion: recreate with the same id and evidence
        occ = target.get("occurrences") or []
        row = insert_entry(s, entry, user, entry_id=ch.entry_id, evidence_count=len(occ))
        attach_occurrences(s, occ, ch.entry_id)
        after = entry_from_row(row).snapshot()
        return add_change(
            s, ChangeRow, "entry_id", ch.entry_id, "undo", user, None, after, batch, ch.id
        )
    row = load_entry(s, ch.entry_id)
    before = entry_from_row(row).snapshot()
    assign_entry(s, row, entry, user)
    return changed(s, row, before, user, batch, action="undo", undoes=ch.id)


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

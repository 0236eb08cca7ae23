"""What each visitor is shown of the glossary.

Curators and admins see every entry and every note. Readers and anonymous visitors see
the entries whose status the ``reader_statuses`` setting lists (approved ones by
default), and the notes curators write on entries and terms only with ``reader_notes``:
an entry they may not see does not exist for them (404), a status they may not see is
refused (403), and notes are left out of pages, lookups, the history and exports.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from flask import current_app

from glossary.errors import NotFound, PermissionDenied
from glossary.model import Entry
from glossary.store.history import Change
from glossary.vocab import STATUSES
from webapp.auth import can


def visible_statuses() -> tuple[str, ...] | None:
    """The statuses of the entries this visitor sees; None: every entry."""
    if can("curator"):
        return None
    statuses: tuple[str, ...] = current_app.config["READER_STATUSES"]
    return None if set(statuses) >= set(STATUSES) else statuses


def sees_notes() -> bool:
    """Whether this visitor is shown the notes on entries and terms."""
    return can("curator") or bool(current_app.config["READER_NOTES"])


def status_filter(requested: str | None) -> str | tuple[str, ...] | None:
    """The status filter of this visitor's lookup or export: the status asked for if
    they may see it (PermissionDenied if not), else every status they may see."""
    visible = visible_statuses()
    if not requested:
        return visible
    if visible is not None and requested in STATUSES and requested not in visible:
        raise PermissionDenied(
            f"{requested} entries are shown to curators only; log in as a curator to see them"
        )
    return requested


def shown(entry: Entry) -> Entry:
    """``entry`` as this visitor may see it (NotFound if they may not see it at all)."""
    visible = visible_statuses()
    if visible is not None and entry.status not in visible:
        raise NotFound(f"there is no entry {entry.id}")
    if sees_notes():
        return entry
    return replace(entry, note="", terms=[replace(t, note="") for t in entry.terms])


def shown_change(change: Change) -> Change:
    """A change of an entry the visitor may see, without notes if they see none."""
    if sees_notes():
        return change
    return replace(change, before=_no_notes(change.before), after=_no_notes(change.after))


def _no_notes(snapshot: dict[str, Any] | None) -> dict[str, Any] | None:
    if snapshot is None:
        return None
    out = {k: v for k, v in snapshot.items() if k != "note"}
    if "terms" in snapshot:
        out["terms"] = [{k: v for k, v in t.items() if k != "note"} for t in snapshot["terms"]]
    return out

"""Approving and rejecting candidates, one or many at a time."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from glossary.api import Glossary
from glossary.errors import ConflictError, GlossaryError
from glossary.model import Entry
from glossary.settings import current_user
from glossary.vocab import STATUSES, check_choice


def set_status(
    g: Glossary, entry_id: int, status: str, *, version: int | None = None, user: str | None = None
) -> Entry:
    """Give an entry a new status. ``version`` is the version the curator saw: if someone
    saved the entry since, ConflictError is raised and nothing is written."""
    check_choice("status", status, STATUSES)
    entry = g.get(entry_id)
    if version is not None and entry.version != version:
        raise ConflictError(entry_id, version, entry.version)
    entry.status = status
    return g.update(entry, user=user or current_user())


@dataclass
class ReviewReport:
    """What a batch of approvals or rejections did."""

    done: list[Entry] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _review(
    g: Glossary,
    status: str,
    entries: Iterable[int | tuple[int, int]],
    user: str | None,
) -> ReviewReport:
    report = ReviewReport()
    for item in entries:
        entry_id, version = item if isinstance(item, tuple) else (item, None)
        try:
            report.done.append(set_status(g, entry_id, status, version=version, user=user))
        except GlossaryError as exc:
            report.problems.append(f"entry {entry_id}: {exc}")
    return report


def approve(
    g: Glossary, entries: Iterable[int | tuple[int, int]], *, user: str | None = None
) -> ReviewReport:
    """Approve each entry (an id, or an (id, version seen) pair); an entry that cannot be
    approved (missing, changed since) is left alone and named in the report."""
    return _review(g, "approved", entries, user)


def reject(
    g: Glossary, entries: Iterable[int | tuple[int, int]], *, user: str | None = None
) -> ReviewReport:
    """Reject each entry, as :func:`approve` approves."""
    return _review(g, "rejected", entries, user)

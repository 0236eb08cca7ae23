"""Sending names a draft uses but the glossary does not know to the curation queue."""

from __future__ import annotations

from collections.abc import Iterable

from glossary.api import Glossary
from glossary.check.findings import Finding
from glossary.lang.script import language_by_script
from glossary.model import Entry, Term


def queue_unknown_name(
    g: Glossary,
    surface: str,
    kind: str,
    *,
    sentence: str = "",
    source: str = "",
    user: str | None = None,
) -> tuple[int, bool]:
    """Add ``surface`` as a candidate entry unless an entry has that form already;
    return (entry id, created)."""
    for m in g.lookup(surface, limit=3):
        if m.match in ("exact", "variant"):
            return m.entry.id or 0, False
    lang = language_by_script(surface) or "en"
    note = f"Seen in a draft{f' ({source})' if source else ''}: {sentence}".strip()
    entry = g.add(
        Entry(kind=kind, status="candidate", note=note, terms=[Term(lang, surface)]), user=user
    )
    return entry.id or 0, True


def queue_unknown(
    g: Glossary, findings: Iterable[Finding], *, user: str | None = None
) -> list[int]:
    """Queue every unknown-name finding; return the ids of the entries created."""
    created = []
    for f in findings:
        if f.rule != "unknown-name":
            continue
        entry_id, new = queue_unknown_name(
            g,
            f.found,
            str(f.extra.get("kind") or "term"),
            sentence=str(f.extra.get("sentence") or ""),
            source=f.file,
            user=user,
        )
        if new:
            created.append(entry_id)
    return created

"""Splitting a wrong merge: some forms of an entry move to a new entry of their own."""

from __future__ import annotations

from glossary.api import Glossary
from glossary.errors import GlossaryError, NotFound
from glossary.lang.keys import normalize_key, strip_possessive
from glossary.model import Entry, Term
from glossary.settings import current_user
from glossary.store import entries as stored
from glossary.store import history as hist
from glossary.store.rows import assign_entry, entry_from_row


def split(
    g: Glossary,
    entry_id: int,
    version: int,
    term_ids: list[int],
    *,
    kind: str | None = None,
    user: str | None = None,
) -> tuple[Entry, Entry]:
    """Move some forms of an entry into a new entry of their own (a wrong merge undone).

    The moved forms keep their fields; if the new entry has no preferred form in a
    language, its first form there becomes preferred. The evidence sentences in which one
    of the moved forms was seen move with them. Both changes are one operation in the
    history, undone together (the evidence goes back too).
    Returns (the original as saved, the new entry).
    """
    if not term_ids:
        raise GlossaryError("choose the forms to move to the new entry")
    who = user or current_user()
    with g.writing() as s:
        row = g.load_in(s, entry_id, version)
        original = entry_from_row(row)
        wanted = set(term_ids)
        moving = [t for t in original.terms if t.id in wanted]
        staying = [t for t in original.terms if t.id not in wanted]
        if len(moving) != len(wanted):
            raise NotFound(f"entry {entry_id} has no form with id {sorted(wanted)}")
        if not staying:
            raise GlossaryError("leave at least one form in the original entry")
        new = Entry(
            kind=kind or original.kind,
            status="candidate",
            origin=original.origin,
            terms=_with_preferred([t.copy() for t in moving]),
        ).validate()
        kept = Entry(
            kind=original.kind,
            status=original.status,
            origin=original.origin,
            note=original.note,
            id=original.id,
            version=original.version,
            terms=_with_preferred([t.copy() for t in staying]),
        ).validate()
        batch = hist.new_batch()
        before = original.snapshot()
        moved_keys = {normalize_key(t.text) for t in moving} - {
            normalize_key(t.text) for t in staying
        }
        evidence = stored.occurrences_with_surface(s, entry_id, moved_keys, _surface_key)
        assign_entry(s, row, kept, who)
        row.evidence_count = max(row.evidence_count - len(evidence), 0)
        s.flush()
        saved = entry_from_row(row)
        hist.changed(s, row, before, who, batch)
        new_row = stored.insert_entry(s, new, who, evidence_count=len(evidence))
        stored.attach_occurrences(s, evidence, new_row.id)
        created = entry_from_row(new_row)
        hist.created(s, new_row, who, batch, evidence_from=(entry_id, evidence))
    return saved, created


def _surface_key(surface: str) -> str:
    """The key of an evidence surface, without a possessive (Lee Jae-yong's)."""
    return normalize_key(strip_possessive(surface) or surface)


def _with_preferred(terms: list[Term]) -> list[Term]:
    for lang in {t.lang for t in terms}:
        forms = [t for t in terms if t.lang == lang]
        if not any(t.role == "preferred" for t in forms):
            forms[0].role = "preferred"
    return terms

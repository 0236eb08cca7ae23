"""The queue of mined candidates a curator works through, with their evidence."""

from __future__ import annotations

from typing import Any

from glossary.api import Glossary
from glossary.model import Entry
from glossary.store import articles as stored_articles
from glossary.store import entries as stored


def candidate_queue(
    g: Glossary, *, kind: str | None = None, limit: int = 50, offset: int = 0
) -> tuple[list[Entry], int]:
    """Candidates awaiting review, most evidence first, and how many there are in all."""
    with g.reading() as s:
        found = stored.candidates(s, kind=kind, limit=limit, offset=offset)
        return found, stored.count_entries(s, status="candidate", kind=kind)


def sentences_for(
    g: Glossary, entry_ids: list[int], per_entry: int = 3
) -> dict[int, list[dict[str, Any]]]:
    """Up to ``per_entry`` evidence sentences for each entry, with their article, at once."""
    with g.reading() as s:
        return stored_articles.evidence_for(s, entry_ids, per_entry)

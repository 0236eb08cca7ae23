"""One lookup result and the order results come in."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from glossary.model import Entry

#: How a query can match, strongest first.
MATCH_ORDER: tuple[str, ...] = ("exact", "variant", "prefix", "substring", "fuzzy")
STATUS_RANK = {"approved": 0, "candidate": 1, "rejected": 2}


@dataclass
class Match:
    """One lookup result: the entry, how it matched, with what score, and on which key."""

    entry: Entry
    match: str
    score: float
    matched_key: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON object: id, kind, status, match, score, terms by language."""
        data = self.entry.to_dict()
        return {
            "id": data["id"],
            "kind": data["kind"],
            "status": data["status"],
            "match": self.match,
            "score": round(self.score, 3),
            "terms": data["terms"],
            "origin": data["origin"],
            "note": data["note"],
            "version": data["version"],
        }


def rank_key(
    rank: int, status: str, score: float, evidence: int, entry_id: int
) -> tuple[int, int, float, int, float, int]:
    """Sort key of a result: match type; approved before candidate; for typo matches the
    closer one; then more evidence; then the closer match; then the older entry."""
    fuzzy_score = -score if rank == 4 else 0.0
    return (rank, STATUS_RANK.get(status, 3), fuzzy_score, -evidence, -score, entry_id)

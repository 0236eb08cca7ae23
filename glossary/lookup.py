"""Finding entries by any of their forms, under the normalised key of :mod:`glossary.keys`.

Matches are tried in order of strength: ``exact`` (the query is one of the entry's
written forms), ``variant`` (a romanization, reading, press spelling or name-order
variant), ``prefix`` (search-as-you-type) and ``substring`` (a part of a Korean or
Japanese form, such as 高市 in 高市早苗). Results are ranked by match, then approved
before candidate, then by how much evidence an entry has.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from glossary.keys import normalize_key, strip_possessive
from glossary.lang import normalize_language
from glossary.lang.script import is_cjk
from glossary.model import Entry
from glossary.store.models import EntryRow, TermKeyRow
from glossary.store.rows import entry_from_row
from glossary.vocab import KINDS, STATUSES, check_choice

MATCH_ORDER = ("exact", "variant", "prefix", "substring", "fuzzy")
_STATUS_RANK = {"approved": 0, "candidate": 1, "rejected": 2}
_KEY_END = "\U0010ffff"
SelectT = TypeVar("SelectT", bound=Select)


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


def _filtered(q: SelectT, lang: str | None) -> SelectT:
    if lang:
        q = q.where(TermKeyRow.lang == lang)
    return q


def lookup_entries(
    session: Session,
    query: str,
    *,
    lang: str | None = None,
    kind: str | None = None,
    status: str | None = None,
    limit: int = 20,
) -> list[Match]:
    """Find up to ``limit`` entries matching ``query``; see the module docstring."""
    if lang:
        lang = normalize_language(lang)
    if kind:
        check_choice("kind", kind, KINDS)
    if status:
        check_choice("status", status, STATUSES)
    keys = [normalize_key(query)]
    bare = strip_possessive(query.strip())
    if bare:
        keys.append(normalize_key(bare))
    keys = [k for k in dict.fromkeys(keys) if k]
    if not keys:
        return []

    best: dict[int, tuple[int, float, str]] = {}  # entry id -> (match rank, score, key)

    def consider(entry_id: int, match: str, score: float, key: str) -> None:
        rank = MATCH_ORDER.index(match)
        old = best.get(entry_id)
        if old is None or (rank, -score) < (old[0], -old[1]):
            best[entry_id] = (rank, score, key)

    for key in keys:
        rows = session.execute(
            _filtered(select(TermKeyRow.entry_id, TermKeyRow.match, TermKeyRow.key), lang).where(
                TermKeyRow.key == key
            )
        ).all()
        for entry_id, match, k in rows:
            consider(entry_id, "exact" if match == "form" else "variant", 1.0, k)

    key = keys[0]
    pool = max(limit * 5, 50)
    prefix_rows = session.execute(
        _filtered(select(TermKeyRow.entry_id, TermKeyRow.key), lang)
        .where(TermKeyRow.key > key, TermKeyRow.key < key + _KEY_END)
        .order_by(TermKeyRow.key)
        .limit(pool)
    ).all()
    for entry_id, k in prefix_rows:
        consider(entry_id, "prefix", len(key) / len(k), k)

    if is_cjk(query) and len(best) < limit:
        sub_rows = session.execute(
            _filtered(select(TermKeyRow.entry_id, TermKeyRow.key), lang)
            .where(TermKeyRow.key.contains(key, autoescape=True))
            .limit(pool)
        ).all()
        for entry_id, k in sub_rows:
            if k != key and not k.startswith(key):
                consider(entry_id, "substring", len(key) / len(k) * 0.9, k)

    if not best:
        return []
    q = select(EntryRow).where(EntryRow.id.in_(best)).options(selectinload(EntryRow.terms))
    if kind:
        q = q.where(EntryRow.kind == kind)
    if status:
        q = q.where(EntryRow.status == status)
    entry_rows = session.scalars(q).all()
    results = []
    for row in entry_rows:
        rank, score, k = best[row.id]
        results.append(
            (
                (rank, _STATUS_RANK.get(row.status, 3), -score, -row.evidence_count, row.id),
                Match(entry_from_row(row), MATCH_ORDER[rank], score, k),
            )
        )
    results.sort(key=lambda pair: pair[0])
    return [m for _, m in results[:limit]]

"""What curators work through: the queue of mined candidates, splitting a wrong merge,
and articles with the glossary's known terms marked.

The web app's curation pages are thin shells over these functions.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from glossary import history as hist
from glossary.api import Glossary
from glossary.errors import ConflictError, GlossaryError, NotFound
from glossary.keys import normalize_key
from glossary.lang.script import HAN, HANGUL, HIRAGANA, KATAKANA, LATIN, char_script
from glossary.model import Entry, Term
from glossary.store.models import ArticleRow, EntryRow, OccurrenceRow, TermKeyRow
from glossary.store.rows import entry_from_row


def candidate_queue(
    g: Glossary, *, kind: str | None = None, limit: int = 50, offset: int = 0
) -> tuple[list[Entry], int]:
    """Candidates awaiting review, most evidence first, and how many there are in all."""
    with g.reading() as s:
        base = select(EntryRow).where(EntryRow.status == "candidate")
        counter = select(func.count(EntryRow.id)).where(EntryRow.status == "candidate")
        if kind:
            base = base.where(EntryRow.kind == kind)
            counter = counter.where(EntryRow.kind == kind)
        rows = s.scalars(
            base.options(selectinload(EntryRow.terms))
            .order_by(EntryRow.evidence_count.desc(), EntryRow.id)
            .limit(limit)
            .offset(offset)
        ).all()
        total = int(s.scalar(counter) or 0)
        return [entry_from_row(r) for r in rows], total


def sentences_for(
    g: Glossary, entry_ids: list[int], per_entry: int = 3
) -> dict[int, list[dict[str, Any]]]:
    """Up to ``per_entry`` evidence sentences for each entry, with their article, at once."""
    out: dict[int, list[dict[str, Any]]] = defaultdict(list)
    if not entry_ids:
        return out
    with g.reading() as s:
        rank = (
            func.row_number()
            .over(
                partition_by=OccurrenceRow.entry_id,
                order_by=(OccurrenceRow.article_id, OccurrenceRow.start),
            )
            .label("rank")
        )
        inner = (
            select(OccurrenceRow.id, rank).where(OccurrenceRow.entry_id.in_(entry_ids)).subquery()
        )
        rows = s.execute(
            select(OccurrenceRow, ArticleRow.title)
            .join(inner, inner.c.id == OccurrenceRow.id)
            .join(ArticleRow, ArticleRow.id == OccurrenceRow.article_id)
            .where(inner.c.rank <= per_entry)
            .order_by(OccurrenceRow.entry_id, inner.c.rank)
        ).all()
        for occ, title in rows:
            assert occ.entry_id is not None
            out[occ.entry_id].append(
                {
                    "surface": occ.surface,
                    "sentence": occ.sentence,
                    "article_id": occ.article_id,
                    "title": title,
                }
            )
    return out


def split(
    g: Glossary,
    entry_id: int,
    version: int,
    term_ids: list[int],
    *,
    kind: str | None = None,
    user: str,
) -> tuple[Entry, Entry]:
    """Move some forms of an entry into a new entry of their own (a wrong merge undone).

    The moved forms keep their fields; if the new entry has no preferred form in a
    language, its first form there becomes preferred. Both changes are one operation in
    the history, undone together. Evidence stays with the original entry.
    Returns (the original as saved, the new entry).
    """
    if not term_ids:
        raise GlossaryError("choose the forms to move to the new entry")
    with g.writing() as s:
        row = g._load(s, entry_id, lock=True)
        if row.version != version:
            raise ConflictError(entry_id, version, row.version)
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
            terms=_with_preferred([_copy(t) for t in moving]),
        ).validate()
        kept = Entry(
            kind=original.kind,
            status=original.status,
            origin=original.origin,
            note=original.note,
            id=original.id,
            version=original.version,
            terms=_with_preferred([_copy(t) for t in staying]),
        ).validate()
        batch = hist.new_batch()
        before = original.snapshot()
        g._assign(s, row, kept, user)
        s.flush()
        saved = entry_from_row(row)
        hist.record(
            s,
            entry_id=entry_id,
            action="update",
            user=user,
            before=before,
            after=saved.snapshot(),
            batch=batch,
        )
        new_row = g.insert_entry(s, new, user)
        created = entry_from_row(new_row)
        hist.record(
            s,
            entry_id=new_row.id,
            action="create",
            user=user,
            before=None,
            after=created.snapshot(),
            batch=batch,
        )
    return saved, created


def _copy(t: Term) -> Term:
    return Term.from_snapshot(t.snapshot())


def _with_preferred(terms: list[Term]) -> list[Term]:
    for lang in {t.lang for t in terms}:
        forms = [t for t in terms if t.lang == lang]
        if not any(t.role == "preferred" for t in forms):
            forms[0].role = "preferred"
    return terms


# -- articles with their known terms marked --------------------------------------------


@dataclass
class Mark:
    """A stretch of an article's text that is a form of a glossary entry."""

    start: int
    end: int
    entry_id: int
    status: str
    label: str


_MAX_SPAN_WORDS = 6
_MAX_SPAN_CHARS = 12
#: Only this much of an article is searched for known terms (a news article is far
#: shorter; a 5 MB file would otherwise mean tens of millions of candidate keys).
MAX_MARKED_CHARS = 200_000
_CJK = {HANGUL, HAN, HIRAGANA, KATAKANA}


def article(g: Glossary, article_id: int) -> dict[str, Any]:
    """One article with its text, for reading."""
    with g.reading() as s:
        row = s.get(ArticleRow, article_id)
        if row is None:
            raise NotFound(f"there is no article {article_id}")
        return {
            "id": row.id,
            "title": row.title,
            "date": row.date,
            "source": row.source,
            "lang": row.lang,
            "path": row.path,
            "url": row.url,
            "text": row.text,
        }


def _spans(text: str) -> dict[str, list[tuple[int, int]]]:
    """Every stretch of text that could be a glossary form, by its lookup key.

    Latin text: runs of up to six words. Korean and Japanese: runs of two to twelve
    characters (spaces inside Korean names included), since words are not separated.
    """
    found: dict[str, list[tuple[int, int]]] = defaultdict(list)
    words: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        script = char_script(text[i])
        if script == LATIN or text[i].isdigit():
            j = i
            while j < n and (
                char_script(text[j]) == LATIN
                or text[j].isdigit()
                or (text[j] in "-'’." and j + 1 < n and char_script(text[j + 1]) == LATIN)
            ):
                j += 1
            words.append((i, j))
            i = j
        elif script in _CJK:
            j = i
            while j < n and (char_script(text[j]) in _CJK or text[j] in " ・"):
                j += 1
            run_end = j
            for a in range(i, run_end):
                if text[a] in " ・":
                    continue
                for b in range(a + 2, min(a + _MAX_SPAN_CHARS, run_end) + 1):
                    if text[b - 1] in " ・":
                        continue
                    found[normalize_key(text[a:b])].append((a, b))
            i = run_end
        else:
            i += 1
    for a in range(len(words)):
        for b in range(a, min(a + _MAX_SPAN_WORDS, len(words))):
            start, end = words[a][0], words[b][1]
            gap = text[words[b - 1][1] : words[b][0]] if b > a else ""
            if b > a and (len(gap) > 1 or gap not in (" ", "-")):
                break
            found[normalize_key(text[start:end])].append((start, end))
            bare = text[start:end]
            if bare.endswith(("'s", "’s")):
                found[normalize_key(bare[:-2])].append((start, end - 2))
    return found


def known_terms(g: Glossary, text: str) -> list[Mark]:
    """The forms of glossary entries (not rejected ones) found in ``text``, longest first
    where they overlap, in text order."""
    spans = _spans(text[:MAX_MARKED_CHARS])
    keys = [k for k in spans if len(k) >= 2]
    hits: dict[str, tuple[int, str]] = {}
    with g.reading() as s:
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            rows = s.execute(
                select(TermKeyRow.key, TermKeyRow.entry_id, EntryRow.status)
                .join(EntryRow, EntryRow.id == TermKeyRow.entry_id)
                .where(TermKeyRow.key.in_(chunk), EntryRow.status != "rejected")
                .order_by(TermKeyRow.key, EntryRow.status, EntryRow.evidence_count.desc())
            ).all()
            for key, entry_id, status in rows:
                if key not in hits or (hits[key][1] != "approved" and status == "approved"):
                    hits[key] = (entry_id, status)
        labels: dict[int, str] = {}
        ids = {eid for eid, _ in hits.values()}
        if ids:
            for row in s.scalars(
                select(EntryRow).where(EntryRow.id.in_(ids)).options(selectinload(EntryRow.terms))
            ):
                labels[row.id] = entry_from_row(row).label
    candidates = [
        Mark(a, b, eid, status, labels.get(eid, ""))
        for key, (eid, status) in hits.items()
        for a, b in spans[key]
    ]
    candidates.sort(key=lambda m: (-(m.end - m.start), m.start))
    taken = [False] * (len(text) + 1)
    chosen: list[Mark] = []
    for m in candidates:
        if any(taken[m.start : m.end]):
            continue
        for k in range(m.start, m.end):
            taken[k] = True
        chosen.append(m)
    chosen.sort(key=lambda m: m.start)
    return chosen


def segments(text: str, marks: list[Mark]) -> list[tuple[str, Mark | None]]:
    """The text cut into plain pieces and marked pieces, in order, for rendering."""
    out: list[tuple[str, Mark | None]] = []
    pos = 0
    for m in marks:
        if m.start > pos:
            out.append((text[pos : m.start], None))
        out.append((text[m.start : m.end], m))
        pos = m.end
    if pos < len(text):
        out.append((text[pos:], None))
    return out


def article_counts(g: Glossary) -> dict[int, int]:
    """How many evidence sentences each article gave."""
    with g.reading() as s:
        rows = s.execute(
            select(OccurrenceRow.article_id, func.count(OccurrenceRow.id)).group_by(
                OccurrenceRow.article_id
            )
        ).all()
        return {int(a): int(n) for a, n in rows}

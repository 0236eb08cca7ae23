"""Reading and writing articles and the evidence sentences entries were found in."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from glossary.errors import NotFound
from glossary.mining.articles import Article
from glossary.store.entries import is_storable_id
from glossary.store.models import ArticleRow, EntryRow, OccurrenceRow


def add_article(s: Session, article: Article) -> tuple[int, bool]:
    """Store an article unless the same text is already stored; return (id, created)."""
    existing = s.scalar(select(ArticleRow.id).where(ArticleRow.sha256 == article.sha256))
    if existing is not None:
        return existing, False
    row = ArticleRow(
        title=article.title,
        source=article.source,
        date=article.date,
        lang=article.lang,
        path=article.path,
        url=article.url,
        sha256=article.sha256,
        text=article.text,
    )
    s.add(row)
    s.flush()
    return row.id, True


def list_articles(s: Session) -> list[dict[str, Any]]:
    """The stored articles, newest first (without their text)."""
    rows = s.execute(
        select(
            ArticleRow.id,
            ArticleRow.title,
            ArticleRow.date,
            ArticleRow.source,
            ArticleRow.lang,
            ArticleRow.path,
        ).order_by(ArticleRow.date.desc(), ArticleRow.id)
    ).all()
    return [dict(r._mapping) for r in rows]


def get_article(s: Session, article_id: int) -> dict[str, Any]:
    """One article with its text; NotFound if there is none."""
    row = s.get(ArticleRow, article_id) if is_storable_id(article_id) else None
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


def article_counts(s: Session) -> dict[int, int]:
    """How many evidence sentences each article gave."""
    rows = s.execute(
        select(OccurrenceRow.article_id, func.count(OccurrenceRow.id)).group_by(
            OccurrenceRow.article_id
        )
    ).all()
    return {int(a): int(n) for a, n in rows}


def evidence(s: Session, entry_id: int, limit: int) -> list[dict[str, Any]]:
    """The sentences an entry was found in, with the article each came from."""
    rows = s.execute(
        select(OccurrenceRow, ArticleRow.title, ArticleRow.path)
        .join(ArticleRow, ArticleRow.id == OccurrenceRow.article_id)
        .where(OccurrenceRow.entry_id == entry_id)
        .order_by(OccurrenceRow.article_id, OccurrenceRow.start)
        .limit(limit)
    ).all()
    return [
        {
            "surface": o.surface,
            "sentence": o.sentence,
            "start": o.start,
            "end": o.end,
            "article_id": o.article_id,
            "title": title,
            "file": path,
        }
        for o, title, path in rows
    ]


def evidence_for(
    s: Session, entry_ids: list[int], per_entry: int
) -> dict[int, list[dict[str, Any]]]:
    """Up to ``per_entry`` evidence sentences for each entry, with their article."""
    out: dict[int, list[dict[str, Any]]] = defaultdict(list)
    if not entry_ids:
        return out
    rank = (
        func.row_number()
        .over(
            partition_by=OccurrenceRow.entry_id,
            order_by=(OccurrenceRow.article_id, OccurrenceRow.start),
        )
        .label("rank")
    )
    inner = select(OccurrenceRow.id, rank).where(OccurrenceRow.entry_id.in_(entry_ids)).subquery()
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


def add_evidence(
    s: Session,
    entry_id: int,
    sentences: list[tuple[int, int, str, str]],
) -> int:
    """Attach evidence to an entry: (article id, start, surface, sentence) each, skipping
    what is already recorded at the same place; return how many were added."""
    added = 0
    for article_id, start, surface, sentence in sentences:
        exists = s.scalar(
            select(OccurrenceRow.id).where(
                OccurrenceRow.article_id == article_id,
                OccurrenceRow.start == start,
                OccurrenceRow.surface == surface,
            )
        )
        if exists is not None:
            continue
        s.add(
            OccurrenceRow(
                entry_id=entry_id,
                article_id=article_id,
                surface=surface,
                sentence=sentence,
                start=start,
                end=start + len(surface),
            )
        )
        added += 1
    if added:
        row = s.get(EntryRow, entry_id)
        if row is not None:
            row.evidence_count = (row.evidence_count or 0) + added
    return added

"""Loading the curated glossary and the seed articles (what ``glossary init`` does).

The whole file is read and checked before anything is written, and everything is
written in one transaction: a bad row stops the load with nothing stored. Loading
what is already there changes nothing; an entry whose stored data differs from the
file is reported as a conflict and left as the curators made it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from glossary.api import Glossary
from glossary.errors import GlossaryError
from glossary.formats.base import EntryRecord
from glossary.formats.csv import CsvFormat, read_csv
from glossary.formats.importer import apply_records
from glossary.mining.articles import iter_article_paths, read_article
from glossary.store.imports import sync_id_sequence

__all__ = ["LoadReport", "load_articles", "load_terms", "sync_id_sequence"]

Progress = Callable[[int, int], None]


@dataclass
class LoadReport:
    """What a load did: entries created, already present, and conflicting."""

    created: list[int] = field(default_factory=list)
    unchanged: list[int] = field(default_factory=list)
    conflicts: list[tuple[int, int, str]] = field(default_factory=list)  # (line, id, why)

    def summary(self) -> str:
        return (
            f"{len(self.created)} created, {len(self.unchanged)} unchanged, "
            f"{len(self.conflicts)} conflicting"
        )


def load_terms(
    g: Glossary,
    path: str | Path,
    *,
    user: str | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> LoadReport:
    """Load a glossary CSV into ``g`` as one transaction; see the module docstring.

    ``progress(i, n)`` is called once for each of the file's ``n`` rows.
    """
    rows = read_csv(path)  # raises ParseError before anything is written
    records = [
        EntryRecord(
            entry=r.entry,
            entry_id=r.entry_id,
            line=r.line,
            scope=tuple(c for c in r.columns if c != "id"),
        )
        for r in rows
    ]
    seen = 0

    def tick(done: int) -> None:
        nonlocal seen
        if progress is not None:
            for i in range(seen + 1, done + 1):
                progress(i, len(rows))
        seen = done

    report = apply_records(
        g, CsvFormat(), records, name=str(path), dry_run=dry_run, user=user, tick=tick
    )
    return LoadReport(
        created=report.created,
        unchanged=report.unchanged,
        conflicts=[(c.line or 0, c.entry_id, c.reason) for c in report.conflicts],
    )


@dataclass
class ArticleLoadReport:
    added: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def load_articles(g: Glossary, folder: str | Path) -> ArticleLoadReport:
    """Store every article file of ``folder`` not stored yet; unreadable files are reported."""
    report = ArticleLoadReport()
    p = Path(folder)
    if not p.exists():
        raise GlossaryError(f"the seed folder {p} does not exist")
    articles = []
    for path in iter_article_paths([p]):
        try:
            articles.append(read_article(path))
        except GlossaryError as exc:
            report.problems.append(str(exc))
    with g.writing() as s:
        for article in articles:
            _, created = g.add_article(article, session=s)
            (report.added if created else report.already).append(article.path)
    return report

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

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from glossary import history as hist
from glossary.api import Glossary
from glossary.articles import iter_article_paths, read_article
from glossary.errors import GlossaryError
from glossary.formats.csv import CsvRow, read_csv
from glossary.model import Entry
from glossary.settings import current_user
from glossary.store.models import EntryRow, TermRow
from glossary.store.rows import entry_from_row

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


def _content(entry: Entry) -> dict[str, object]:
    snap = entry.snapshot()
    snap.pop("id", None)
    snap.pop("version", None)
    return snap


def _find_existing(s: Session, row: CsvRow) -> EntryRow | None:
    if row.entry_id is not None:
        return s.get(EntryRow, row.entry_id)
    for lang in ("en", "ko", "ja"):
        pref = row.entry.preferred(lang)
        if pref is None:
            continue
        found = s.scalar(
            select(EntryRow)
            .join(TermRow, TermRow.entry_id == EntryRow.id)
            .where(
                TermRow.lang == lang,
                TermRow.text == pref.text,
                TermRow.role == "preferred",
                EntryRow.kind == row.entry.kind,
            )
            .limit(1)
        )
        return found
    return None


def load_terms(
    g: Glossary,
    path: str | Path,
    *,
    user: str | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> LoadReport:
    """Load a glossary CSV into ``g`` as one transaction; see the module docstring."""
    rows = read_csv(path)  # raises ParseError before anything is written
    who = user or current_user()
    report = LoadReport()
    batch = hist.new_batch()
    with g.writing() as s:
        for i, row in enumerate(rows, 1):
            existing = _find_existing(s, row)
            if existing is not None:
                stored = entry_from_row(existing)
                if _content(stored) == _content(row.entry):
                    report.unchanged.append(stored.id or 0)
                else:
                    report.conflicts.append(
                        (row.line, stored.id or 0, "differs from the stored entry, which was kept")
                    )
            else:
                new = g.insert_entry(s, row.entry, who, entry_id=row.entry_id)
                saved = entry_from_row(new)
                hist.record(
                    s,
                    entry_id=new.id,
                    action="create",
                    user=who,
                    before=None,
                    after=saved.snapshot(),
                    batch=batch,
                )
                report.created.append(new.id)
            if progress:
                progress(i, len(rows))
        sync_id_sequence(s)
        if dry_run:
            s.rollback()
    return report


def sync_id_sequence(s: Session) -> None:
    """After rows were stored with explicit ids, make PostgreSQL's counter continue past them."""
    if s.get_bind().dialect.name != "postgresql":
        return
    top = s.scalar(select(func.max(EntryRow.id))) or 0
    if top:
        s.execute(
            text("SELECT setval(pg_get_serial_sequence('entries', 'id'), :top)"), {"top": top}
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

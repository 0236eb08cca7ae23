"""The Python API: open a glossary, look terms up, add, edit, merge, undo.

>>> from glossary import open_glossary
>>> g = open_glossary()                   # the embedded SQLite file
>>> [m.entry.label for m in g.lookup("Takaichi")]
['Takaichi Sanae']
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from glossary import history as hist
from glossary.articles import Article
from glossary.errors import ConflictError, GlossaryError, NotFound, UndoError
from glossary.history import Change, change_from_row
from glossary.lookup import Lookup, Match
from glossary.model import Entry, Term
from glossary.settings import current_user, default_database_url
from glossary.store.engine import WRITE, make_engine
from glossary.store.migrate import current_revision, head_revision, upgrade
from glossary.store.models import (
    ArticleRow,
    ChangeRow,
    EntryRow,
    OccurrenceRow,
    utcnow,
)
from glossary.store.reindex import ensure_keys_current
from glossary.store.rows import assign_entry, entry_from_row, term_rows, write_keys

T = TypeVar("T")


def open_glossary(url: str | None = None, *, migrate: bool = True) -> Glossary:
    """Open the glossary at ``url`` (default: the ``GLOSSARY_DATABASE_URL`` setting, else
    the SQLite file in the instance folder), creating or upgrading its tables."""
    return Glossary(url or default_database_url(), migrate=migrate)


class Glossary:
    """A translation memory stored in SQLite or PostgreSQL."""

    def __init__(self, url: str, *, migrate: bool = True) -> None:
        self.url = url
        self.engine = make_engine(url)
        if migrate:
            upgrade(self.engine)
            ensure_keys_current(self.engine)
        elif current_revision(self.engine) != head_revision():
            raise GlossaryError(
                "the database is not set up for this version of glossary; run 'glossary init'"
            )
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(self.engine.execution_options(**WRITE), expire_on_commit=False)
        self._lookup = Lookup(self.engine)

    # -- sessions -----------------------------------------------------------------------

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only session (no write lock is taken)."""
        with self._read() as session:
            yield session
            session.rollback()

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """A session whose work is committed as one transaction, or not at all."""
        with self._write() as session:
            try:
                yield session
                session.commit()
            except StaleDataError as exc:
                session.rollback()
                raise ConflictError() from exc
            except BaseException:
                session.rollback()
                raise

    def close(self) -> None:
        self._lookup.close()
        self.engine.dispose()

    def __enter__(self) -> Glossary:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading ------------------------------------------------------------------------

    def get(self, entry_id: int) -> Entry:
        """The entry with this id; NotFound if there is none."""
        with self.reading() as s:
            return entry_from_row(self._load(s, entry_id))

    def entries(
        self, *, status: str | None = None, kind: str | None = None, batch_size: int = 500
    ) -> Iterator[Entry]:
        """Every entry (optionally of one status or kind), in id order, a batch at a time."""
        last = 0
        while True:
            with self.reading() as s:
                q = (
                    select(EntryRow)
                    .where(EntryRow.id > last)
                    .options(selectinload(EntryRow.terms))
                    .order_by(EntryRow.id)
                    .limit(batch_size)
                )
                if status:
                    q = q.where(EntryRow.status == status)
                if kind:
                    q = q.where(EntryRow.kind == kind)
                rows = s.scalars(q).all()
                batch = [entry_from_row(r) for r in rows]
            if not batch:
                return
            yield from batch
            last = batch[-1].id or last

    def count(self, *, status: str | None = None) -> int:
        """How many entries there are (of one status, if given)."""
        with self.reading() as s:
            q = select(func.count(EntryRow.id))
            if status:
                q = q.where(EntryRow.status == status)
            return int(s.scalar(q) or 0)

    def lookup(
        self,
        query: str,
        *,
        lang: str | None = None,
        kind: str | None = None,
        status: str | None = None,
        limit: int = 20,
    ) -> list[Match]:
        """Find entries by any written form, romanization or reading, best match first.

        Each result says how it matched (exact, variant, prefix, substring, fuzzy) and
        with what score; see :mod:`glossary.lookup`. Every committed edit is found by the
        next lookup, from this process or another.
        """
        return self._lookup.find(query, lang=lang, kind=kind, status=status, limit=limit)

    def remember(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, kept for ``key`` until the next committed change to the glossary
        (by anyone); for answers that depend on the glossary alone, such as the JSON of a
        lookup. Kept per thread, on SQLite only (see :meth:`Lookup.remember`)."""
        return self._lookup.remember(key, compute)

    def generation(self) -> int:
        """A number that grows with every recorded change: caches built from the glossary
        (such as the style checker) are rebuilt when it moves."""
        with self.reading() as s:
            return int(s.scalar(select(func.max(ChangeRow.id))) or 0)

    def evidence(self, entry_id: int, limit: int = 50) -> list[dict[str, Any]]:
        """The sentences an entry was found in, with the article each came from."""
        with self.reading() as s:
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

    # -- writing ------------------------------------------------------------------------

    def add(self, entry: Entry, *, user: str | None = None) -> Entry:
        """Store a new entry; return it with its id and version."""
        entry.validate()
        who = user or current_user()
        with self.writing() as s:
            row = self.insert_entry(s, entry, who)
            saved = entry_from_row(row)
            hist.record(
                s,
                entry_id=row.id,
                action="create",
                user=who,
                before=None,
                after=saved.snapshot(),
                batch=hist.new_batch(),
            )
        return saved

    def update(self, entry: Entry, *, user: str | None = None) -> Entry:
        """Replace an entry's data with ``entry``'s.

        ``entry.version`` must be the version the editor started from: if someone else
        saved the entry since, ConflictError is raised and nothing is written.
        """
        if entry.id is None:
            raise GlossaryError("update needs an entry id; use add() for a new entry")
        entry.validate()
        who = user or current_user()
        with self.writing() as s:
            row = self.update_in(s, entry, who, batch=hist.new_batch())
            if row is None:
                s.rollback()
                return entry_from_row(self._load(s, entry.id))
            saved = entry_from_row(row)
        return saved

    def update_in(self, s: Session, entry: Entry, user: str, *, batch: str) -> EntryRow | None:
        """Update an entry inside the caller's transaction, recording the change in
        ``batch``; None (and nothing recorded) when the data did not change."""
        assert entry.id is not None
        row = self._load(s, entry.id, lock=True)
        if row.version != entry.version:
            raise ConflictError(entry.id, entry.version, row.version)
        before = entry_from_row(row).snapshot()
        try:
            self._assign(s, row, entry, user)
        except StaleDataError:
            raise ConflictError(entry.id, entry.version, None) from None
        after = entry_from_row(row).snapshot()
        if _same(before, after):
            return None
        hist.record(
            s, entry_id=row.id, action="update", user=user, before=before, after=after, batch=batch
        )
        return row

    def delete(self, entry_id: int, version: int, *, user: str | None = None) -> None:
        """Delete an entry (its evidence is kept, detached); undo brings both back."""
        who = user or current_user()
        with self.writing() as s:
            row = self._load(s, entry_id, lock=True)
            if row.version != version:
                raise ConflictError(entry_id, version, row.version)
            before = entry_from_row(row).snapshot()
            before["occurrences"] = self._occurrence_ids(s, entry_id)
            s.delete(row)
            hist.record(
                s,
                entry_id=entry_id,
                action="delete",
                user=who,
                before=before,
                after=None,
                batch=hist.new_batch(),
            )

    def merge(
        self,
        source_id: int,
        into_id: int,
        *,
        source_version: int | None = None,
        into_version: int | None = None,
        user: str | None = None,
    ) -> Entry:
        """Merge one entry into another: its forms become variants of the target, its
        evidence moves over, and it is removed. Undo of either change restores both."""
        if source_id == into_id:
            raise GlossaryError("an entry cannot be merged into itself")
        who = user or current_user()
        batch = hist.new_batch()
        with self.writing() as s:
            source = self._load(s, source_id, lock=True)
            target = self._load(s, into_id, lock=True)
            for eid, row, seen in (
                (source_id, source, source_version),
                (into_id, target, into_version),
            ):
                if seen is not None and row.version != seen:
                    raise ConflictError(eid, seen, row.version)
            source_entry = entry_from_row(source)
            target_entry = entry_from_row(target)
            target_before = target_entry.snapshot()
            source_before = source_entry.snapshot()
            moved = self._occurrence_ids(s, source_id)
            source_before["occurrences"] = moved
            source_before["merged_into"] = into_id
            merged = _merged_entry(target_entry, source_entry)
            s.execute(
                update(OccurrenceRow)
                .where(OccurrenceRow.entry_id == source_id)
                .values(entry_id=into_id)
            )
            s.delete(source)
            s.flush()
            self._assign(s, target, merged, who)
            target.evidence_count = target.evidence_count + source.evidence_count
            s.flush()
            hist.record(
                s,
                entry_id=into_id,
                action="merge",
                user=who,
                before=target_before,
                after=entry_from_row(target).snapshot(),
                batch=batch,
            )
            hist.record(
                s,
                entry_id=source_id,
                action="delete",
                user=who,
                before=source_before,
                after=None,
                batch=batch,
            )
            saved = entry_from_row(target)
        return saved

    # -- history ------------------------------------------------------------------------

    def history(self, entry_id: int | None = None, *, limit: int = 100) -> list[Change]:
        """Changes, newest first: of one entry, or of the whole glossary."""
        if entry_id is not None and not _storable(entry_id):
            return []
        with self.reading() as s:
            q = select(ChangeRow).order_by(ChangeRow.id.desc()).limit(limit)
            if entry_id is not None:
                q = q.where(ChangeRow.entry_id == entry_id)
            return [change_from_row(r) for r in s.scalars(q)]

    def change(self, change_id: int) -> Change:
        with self.reading() as s:
            row = s.get(ChangeRow, change_id) if _storable(change_id) else None
            if row is None:
                raise NotFound(f"there is no change {change_id}")
            return change_from_row(row)

    def undo(self, change_id: int, *, user: str | None = None) -> list[Change]:
        """Undo a change (and the other changes of the same operation, such as both sides
        of a merge), recording the undo itself as a change. Refused when the entry was
        changed again since: undo the later changes first."""
        who = user or current_user()
        with self.writing() as s:
            first = s.get(ChangeRow, change_id) if _storable(change_id) else None
            if first is None:
                raise NotFound(f"there is no change {change_id}")
            if first.undone_by is not None:
                raise UndoError(
                    f"change {change_id} was already undone by change {first.undone_by}"
                )
            group = s.scalars(
                select(ChangeRow).where(ChangeRow.batch == first.batch).order_by(ChangeRow.id)
            ).all()
            batch = hist.new_batch()
            done: list[ChangeRow] = []
            # Undo in reverse order: a merge restores the deleted source before the target.
            for ch in reversed(group):
                self._check_undoable(s, ch)
            for ch in reversed(group):
                new = self._replay_backwards(s, ch, who, batch)
                s.flush()
                ch.undone_by = new.id
                done.append(new)
            s.flush()
            result = [change_from_row(r) for r in done]
        return result

    # -- articles -----------------------------------------------------------------------

    def add_article(self, article: Article, *, session: Session | None = None) -> tuple[int, bool]:
        """Store an article unless the same text is already stored; return (id, created)."""
        if session is None:
            with self.writing() as s:
                return self.add_article(article, session=s)
        existing = session.scalar(select(ArticleRow.id).where(ArticleRow.sha256 == article.sha256))
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
        session.add(row)
        session.flush()
        return row.id, True

    def articles(self) -> list[dict[str, Any]]:
        """The stored articles, newest first (without their text)."""
        with self.reading() as s:
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

    # -- internals ----------------------------------------------------------------------

    def _load(self, s: Session, entry_id: int, *, lock: bool = False) -> EntryRow:
        if not _storable(entry_id):  # a database cannot even be asked about it
            raise NotFound(f"there is no entry {entry_id}")
        q = select(EntryRow).where(EntryRow.id == entry_id).options(selectinload(EntryRow.terms))
        if lock and s.get_bind().dialect.name == "postgresql":
            q = q.with_for_update()
        row = s.scalar(q)
        if row is None:
            raise NotFound(f"there is no entry {entry_id}")
        return row

    def insert_entry(
        self, s: Session, entry: Entry, user: str, *, entry_id: int | None = None
    ) -> EntryRow:
        now = utcnow()
        row = EntryRow(
            kind=entry.kind,
            status=entry.status,
            origin=entry.origin,
            note=entry.note,
            evidence_count=0,
            created_at=now,
            created_by=user,
            updated_at=now,
            updated_by=user,
        )
        if entry_id is not None:
            row.id = entry_id
        elif s.get_bind().dialect.name == "sqlite":
            # SQLite hands out max(id) + 1, so after a delete it would reuse the deleted
            # entry's id and mix the new entry into its history (and block its undo).
            # Writers hold the write lock here, so this is race-free.
            top = max(
                s.scalar(select(func.max(EntryRow.id))) or 0,
                s.scalar(select(func.max(ChangeRow.entry_id))) or 0,
            )
            row.id = top + 1
        row.terms = term_rows(entry)
        s.add(row)
        try:
            s.flush()
        except IntegrityError as exc:
            raise GlossaryError(f"entry {entry_id} cannot be stored: {exc.orig}") from None
        write_keys(s, row.id, entry)
        return row

    def _assign(self, s: Session, row: EntryRow, entry: Entry, user: str) -> None:
        assign_entry(s, row, entry, user)

    def _occurrence_ids(self, s: Session, entry_id: int) -> list[int]:
        return list(s.scalars(select(OccurrenceRow.id).where(OccurrenceRow.entry_id == entry_id)))

    def _check_undoable(self, s: Session, ch: ChangeRow) -> None:
        row = s.get(EntryRow, ch.entry_id)
        if ch.after is None:  # a delete: the entry must still be gone
            if row is not None:
                raise UndoError(
                    f"entry {ch.entry_id} exists again; change {ch.id} cannot be undone"
                )
            return
        if row is None:
            raise UndoError(
                f"entry {ch.entry_id} was deleted after change {ch.id}; undo the deletion first"
            )
        if row.version != ch.after["version"]:
            later = s.scalars(
                select(ChangeRow.id)
                .where(ChangeRow.entry_id == ch.entry_id, ChangeRow.id > ch.id)
                .order_by(ChangeRow.id)
            ).all()
            raise UndoError(
                f"entry {ch.entry_id} was changed again after change {ch.id} "
                f"(by change {', '.join(map(str, later)) or '?'}); undo those first"
            )

    def _replay_backwards(self, s: Session, ch: ChangeRow, user: str, batch: str) -> ChangeRow:
        target = ch.before
        if target is None:  # undo a creation: delete the entry
            row = self._load(s, ch.entry_id)
            before = entry_from_row(row).snapshot()
            before["occurrences"] = self._occurrence_ids(s, ch.entry_id)
            s.delete(row)
            return hist.record(
                s,
                entry_id=ch.entry_id,
                action="undo",
                user=user,
                before=before,
                after=None,
                batch=batch,
                undoes=ch.id,
            )
        entry = _entry_from_snapshot(target)
        if ch.after is None:  # undo a deletion: recreate with the same id and evidence
            row = self.insert_entry(s, entry, user, entry_id=ch.entry_id)
            occ = target.get("occurrences") or []
            if occ:
                s.execute(
                    update(OccurrenceRow)
                    .where(OccurrenceRow.id.in_(occ))
                    .values(entry_id=ch.entry_id)
                )
                row.evidence_count = len(occ)
            s.flush()
            return hist.record(
                s,
                entry_id=ch.entry_id,
                action="undo",
                user=user,
                before=None,
                after=entry_from_row(row).snapshot(),
                batch=batch,
                undoes=ch.id,
            )
        row = self._load(s, ch.entry_id)
        before = entry_from_row(row).snapshot()
        self._assign(s, row, entry, user)
        return hist.record(
            s,
            entry_id=ch.entry_id,
            action="undo",
            user=user,
            before=before,
            after=entry_from_row(row).snapshot(),
            batch=batch,
            undoes=ch.id,
        )


def _storable(ident: int) -> bool:
    """Whether ``ident`` fits an id column (a signed 64-bit integer at most): a larger
    number names no entry or change, and the database driver refuses it."""
    return -(2**63) <= ident < 2**63


def _same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    strip = ("version",)
    return {k: v for k, v in a.items() if k not in strip} == {
        k: v for k, v in b.items() if k not in strip
    }


def _entry_from_snapshot(data: dict[str, Any]) -> Entry:
    return Entry(
        kind=data["kind"],
        status=data["status"],
        origin=data.get("origin", ""),
        note=data.get("note", ""),
        terms=[Term.from_snapshot(t) for t in data.get("terms", [])],
    )


def _merged_entry(target: Entry, source: Entry) -> Entry:
    """The target with every form of the source it lacks, as a variant."""
    merged = _entry_from_snapshot(target.snapshot())
    merged.id, merged.version = target.id, target.version
    have = {(t.lang, t.text) for t in merged.terms}
    for t in source.terms:
        if (t.lang, t.text) in have:
            continue
        copy = Term.from_snapshot(t.snapshot())
        if copy.role == "preferred":
            copy.role = "variant"
        merged.terms.append(copy)
        have.add((t.lang, t.text))
    if source.note and source.note not in merged.note:
        merged.note = (merged.note + "\n" + source.note).strip()
    return merged

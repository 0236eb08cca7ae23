"""The Python API: open a glossary, look terms up, add, edit, merge, undo.

>>> from glossary import open_glossary
>>> g = open_glossary()                   # the embedded SQLite file
>>> [m.entry.label for m in g.lookup("Takaichi")]
['Takaichi Sanae']
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Iterator
from contextlib import AbstractContextManager
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

from glossary.errors import ConflictError, GlossaryError
from glossary.lookup import Lookup, Match
from glossary.model import Entry
from glossary.settings import current_user, default_database_url
from glossary.store.engine import Connector, make_engine
from glossary.store.migrate import head_revision, stored_revision

# The storage modules below use SQLAlchemy's ORM, and are imported by the methods that
# need them: looking entries up and reading them (what the command line does most) run
# on plain DBAPI connections, and for a SQLite file SQLAlchemy is never imported.
if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

    from glossary.mining.articles import Article
    from glossary.store.history import Change
    from glossary.store.models import EntryRow
    from glossary.store.sessions import Sessions

T = TypeVar("T")


def open_glossary(url: str | None = None, *, migrate: bool = True) -> Glossary:
    """Open the glossary at ``url`` (default: the ``GLOSSARY_DATABASE_URL`` setting, else
    the SQLite file in the instance folder), creating or upgrading its tables."""
    return Glossary(url or default_database_url(), migrate=migrate)


class Glossary:
    """A translation memory stored in SQLite or PostgreSQL."""

    def __init__(self, url: str, *, migrate: bool = True) -> None:
        self.url = url
        connector = Connector(url, lambda: self.engine)
        self._lookup = Lookup(connector)
        if migrate:
            from glossary.store.migrate import upgrade
            from glossary.store.reindex import ensure_keys_current

            upgrade(self.engine)
            ensure_keys_current(self.engine)
        elif (
            self._lookup.run(lambda conn: stored_revision(conn, connector.dialect_name))
            != head_revision()
        ):
            self.close()
            raise GlossaryError(
                "the database is not set up for this version of glossary; run 'glossary init'"
            )

    @cached_property
    def engine(self) -> Engine:
        """The SQLAlchemy engine of the glossary's database (made when first used)."""
        return make_engine(self.url)

    @cached_property
    def _sessions(self) -> Sessions:
        from glossary.store.sessions import Sessions

        return Sessions(self.engine)

    def reading(self) -> AbstractContextManager[Session]:
        """A read-only session (no write lock is taken)."""
        return self._sessions.reading()

    def writing(self) -> AbstractContextManager[Session]:
        """A session whose work is committed as one transaction, or not at all."""
        return self._sessions.writing()

    def close(self) -> None:
        """Close the database connections this process opened (the glossary opens new
        ones if it is used again)."""
        self._lookup.close()
        if "engine" in self.__dict__:  # made only if something needed it
            self.engine.dispose()

    def __enter__(self) -> Glossary:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading ------------------------------------------------------------------------

    def get(self, entry_id: int) -> Entry:
        """The entry with this id; NotFound if there is none."""
        from glossary.store import entries as stored
        from glossary.store.rows import entry_from_row

        with self.reading() as s:
            return entry_from_row(stored.load_entry(s, entry_id))

    def entries(
        self, *, status: str | None = None, kind: str | None = None, batch_size: int = 500
    ) -> Iterator[Entry]:
        """Every entry (optionally of one status or kind), in id order, a batch at a time."""
        last = 0
        while True:
            batch = self._lookup.entries_after(last, status=status, kind=kind, limit=batch_size)
            if not batch:
                return
            yield from batch
            last = batch[-1].id or last

    def count(self, *, status: str | Collection[str] | None = None) -> int:
        """How many entries there are (of one status, or of any of several, if given)."""
        from glossary.store import entries as stored

        with self.reading() as s:
            return stored.count_entries(s, status=status)

    def lookup(
        self,
        query: str,
        *,
        lang: str | None = None,
        kind: str | None = None,
        status: str | Collection[str] | None = None,
        limit: int = 20,
    ) -> list[Match]:
        """Find entries by any written form, romanization or reading, best match first.

        Each result says how it matched (exact, variant, prefix, substring, fuzzy) and
        with what score; see :mod:`glossary.lookup`. ``status`` keeps entries of one
        status, or of any of several. Every committed edit is found by the next lookup,
        from this process or another. A query longer than 200 characters raises
        :class:`~glossary.errors.QueryTooLong`; a lookup that runs longer than the
        ``lookup_time_limit`` setting raises :class:`~glossary.errors.LookupTooSlow`.
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
        from glossary.store import entries as stored

        with self.reading() as s:
            return stored.last_change_id(s)

    def changes_since(self, generation: int) -> tuple[int, dict[int, Entry | None]]:
        """The generation now, and every entry changed after ``generation`` as it is now
        (None: deleted): what a cache built at ``generation`` has to update. A generation
        now below ``generation`` (a backup was restored) lists nothing: build again."""
        from glossary.store import entries as stored
        from glossary.store import history as hist

        with self.reading() as s:
            now = stored.last_change_id(s)
            if now <= generation:
                return now, {}
            ids = hist.entries_changed(s, generation, now)
            found = stored.entries_by_id(s, ids)
        return now, {i: found.get(i) for i in sorted(ids)}

    def evidence(self, entry_id: int, limit: int = 50) -> list[dict[str, Any]]:
        """The sentences an entry was found in, with the article each came from."""
        from glossary.store import articles as stored_articles

        with self.reading() as s:
            return stored_articles.evidence(s, entry_id, limit)

    # -- writing ------------------------------------------------------------------------

    def add(self, entry: Entry, *, user: str | None = None) -> Entry:
        """Store a new entry; return it with its id and version."""
        from glossary.store import history as hist
        from glossary.store.rows import entry_from_row

        entry.validate()
        who = user or current_user()
        with self.writing() as s:
            row = self.create_in(s, entry, who, batch=hist.new_batch())
            saved = entry_from_row(row)
        return saved

    def update(self, entry: Entry, *, user: str | None = None) -> Entry:
        """Replace an entry's data with ``entry``'s.

        ``entry.version`` must be the version the editor started from: if someone else
        saved the entry since, ConflictError is raised and nothing is written.
        """
        if entry.id is None:
            raise GlossaryError("update needs an entry id; use add() for a new entry")
        from glossary.store import entries as stored
        from glossary.store import history as hist
        from glossary.store.rows import entry_from_row

        entry.validate()
        who = user or current_user()
        with self.writing() as s:
            row = self.update_in(s, entry, who, batch=hist.new_batch())
            if row is None:
                s.rollback()
                return entry_from_row(stored.load_entry(s, entry.id))
            saved = entry_from_row(row)
        return saved

    def delete(self, entry_id: int, version: int, *, user: str | None = None) -> None:
        """Delete an entry (its evidence is kept, detached); undo brings both back."""
        from glossary.store import history as hist

        who = user or current_user()
        with self.writing() as s:
            row = self.load_in(s, entry_id, version)
            hist.deleted(s, row, who, hist.new_batch())

    # -- steps inside a caller's transaction (curation, intake, import) ----------------

    def load_in(self, s: Session, entry_id: int, version: int | None = None) -> EntryRow:
        """The entry's row, locked for writing; ConflictError if ``version`` is given and
        someone saved the entry since."""
        from glossary.store import entries as stored

        row = stored.load_entry(s, entry_id, lock=True)
        if version is not None and row.version != version:
            raise ConflictError(entry_id, version, row.version)
        return row

    def create_in(self, s: Session, entry: Entry, user: str, *, batch: str) -> EntryRow:
        """Create an entry inside the caller's transaction, recording it in ``batch``."""
        from glossary.store import entries as stored
        from glossary.store import history as hist

        row = stored.insert_entry(s, entry, user)
        hist.created(s, row, user, batch)
        return row

    def update_in(self, s: Session, entry: Entry, user: str, *, batch: str) -> EntryRow | None:
        """Update an entry inside the caller's transaction, recording the change in
        ``batch``; None (and nothing recorded) when the data did not change."""
        from glossary.store import history as hist
        from glossary.store.rows import assign_entry, entry_from_row
        from glossary.store.sessions import StaleEdit

        assert entry.id is not None
        row = self.load_in(s, entry.id, entry.version)
        before = entry_from_row(row).snapshot()
        try:
            assign_entry(s, row, entry, user)
        except StaleEdit:
            raise ConflictError(entry.id, entry.version, None) from None
        if _same(before, entry_from_row(row).snapshot()):
            return None
        hist.changed(s, row, before, user, batch)
        return row

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
        from glossary.store import entries as stored
        from glossary.store import history as hist
        from glossary.store.rows import assign_entry, entry_from_row

        who = user or current_user()
        batch = hist.new_batch()
        with self.writing() as s:
            source = self.load_in(s, source_id, source_version)
            target = self.load_in(s, into_id, into_version)
            target_entry = entry_from_row(target)
            target_before = target_entry.snapshot()
            merged = _merged_entry(target_entry, entry_from_row(source))
            source_before = hist.removal_snapshot(s, source, merged_into=into_id)
            stored.move_occurrences(s, source_id, into_id)
            s.delete(source)
            s.flush()
            assign_entry(s, target, merged, who)
            target.evidence_count = target.evidence_count + source.evidence_count
            s.flush()
            hist.changed(s, target, target_before, who, batch, action="merge")
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

    def split(
        self,
        entry_id: int,
        version: int,
        term_ids: list[int],
        *,
        kind: str | None = None,
        user: str | None = None,
    ) -> tuple[Entry, Entry]:
        """Move the forms ``term_ids`` of an entry to a new candidate entry, with the
        evidence they were seen in; see :func:`glossary.curation.split`. Returns (the
        original as saved, the new entry); one undo reverts both."""
        from glossary.curation.split import split

        return split(self, entry_id, version, term_ids, kind=kind, user=user)

    # -- history ------------------------------------------------------------------------

    def history(self, entry_id: int | None = None, *, limit: int = 100) -> list[Change]:
        """Changes, newest first: of one entry, or of the whole glossary."""
        from glossary.store import history as hist

        with self.reading() as s:
            return hist.changes(s, entry_id, limit)

    def change(self, change_id: int) -> Change:
        from glossary.store import history as hist

        with self.reading() as s:
            return hist.change_from_row(hist.get_change(s, change_id))

    def undo(self, change_id: int, *, user: str | None = None) -> list[Change]:
        """Undo a change (and the other changes of the same operation, such as both sides
        of a merge), recording the undo itself as a change. Refused when the entry was
        changed again since: undo the later changes first."""
        from glossary.store import history as hist

        who = user or current_user()
        with self.writing() as s:
            return hist.undo(s, change_id, who)

    # -- articles -----------------------------------------------------------------------

    def add_article(self, article: Article, *, session: Session | None = None) -> tuple[int, bool]:
        """Store an article unless the same text is already stored; return (id, created)."""
        from glossary.store import articles as stored_articles

        if session is None:
            with self.writing() as s:
                return stored_articles.add_article(s, article)
        return stored_articles.add_article(session, article)

    def articles(self) -> list[dict[str, Any]]:
        """The stored articles, newest first (without their text)."""
        from glossary.store import articles as stored_articles

        with self.reading() as s:
            return stored_articles.list_articles(s)


def _same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    strip = ("version",)
    return {k: v for k, v in a.items() if k not in strip} == {
        k: v for k, v in b.items() if k not in strip
    }


def _merged_entry(target: Entry, source: Entry) -> Entry:
    """The target with every form of the source it lacks, as a variant."""
    merged = Entry.from_snapshot(target.snapshot())
    merged.id, merged.version = target.id, target.version
    have = {(t.lang, t.text) for t in merged.terms}
    for t in source.terms:
        if (t.lang, t.text) in have:
            continue
        copy = t.copy()
        if copy.role == "preferred":
            copy.role = "variant"
        merged.terms.append(copy)
        have.add((t.lang, t.text))
    if source.note and source.note not in merged.note:
        merged.note = (merged.note + "\n" + source.note).strip()
    return merged

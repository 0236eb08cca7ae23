"""Applying what a file says to the glossary: one transaction, in bulk, never overwriting.

An import is one transaction: a bad row or element stops it with nothing written
(unless the caller skips bad rows, which are then reported), and a dry run reports
what would happen and writes nothing.

* An **entry record** (CSV row, TBX concept) is matched to a stored entry by its id, or
  else by its first preferred form (English, else Korean, else Japanese) and kind. A
  match that says the same is *unchanged*; one that differs is a *conflict*, reported
  and left as the curators made it. An unmatched record is *created*.
* A **translation record** (PO unit, TMX unit) is matched by its id or its English
  preferred form. A target form the entry lacks is filled in; a different one replaces
  the stored form when the file was exported from the entry's current version (the
  translator edited what we gave them), or when the stored form is only a suggestion or
  the entry is still a candidate; otherwise it is a conflict. A replaced house form is
  kept as a deprecated form, so the style check still catches it. An unmatched record
  creates an entry.

New entries are written with multi-row inserts a chunk at a time (the DBAPI's
executemany on SQLite), with their lookup keys and a "create" change each; a large
import on SQLite rebuilds the full-text search tables and writes the entry documents
once at the end instead of row by row (see :func:`glossary.store.reindex.pause_full_text`
and :func:`glossary.store.documents.pause_documents`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from glossary.api import Glossary
from glossary.errors import ParseError
from glossary.formats.base import (
    Conflict,
    EntryRecord,
    Format,
    ImportReport,
    Item,
    Notice,
    Problem,
    Record,
    TranslationRecord,
    Update,
    context_line,
)
from glossary.lang import LANGUAGE_NAMES, LANGUAGES
from glossary.model import Entry, Term
from glossary.settings import current_user
from glossary.store import history as hist
from glossary.store.bulk import bulk_work
from glossary.store.documents import pause_documents, resume_documents
from glossary.store.entries import MAX_ID, is_storable_id
from glossary.store.imports import (
    BulkWriter,
    entry_row,
    entry_values,
    start_import,
    stored_by_id,
    stored_by_text,
    sync_id_sequence,
    write_new_entries,
)
from glossary.store.models import utcnow
from glossary.store.reindex import pause_full_text, resume_full_text
from glossary.store.rows import (
    assign_entry,
    entry_from_row,
)
from glossary.vocab import TERM_FIELDS

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from glossary.store.models import EntryRow

#: Records matched and written per round trip to the database.
CHUNK = 1000
#: New entries from which an import may rebuild the full-text indexes in one go.
BULK_THRESHOLD = 5000
_LANG_ORDER = {lang: i for i, lang in enumerate(LANGUAGES)}
#: The largest entry id (a record naming a larger id, or one below 1, is a bad record).
MAX_ENTRY_ID = MAX_ID


def apply_records(
    g: Glossary,
    fmt: Format,
    items: Iterable[Item],
    *,
    name: str,
    dry_run: bool = False,
    skip_bad: bool = False,
    user: str | None = None,
    tick: Callable[[int], None] | None = None,
) -> ImportReport:
    """Import ``items`` (records and problems, as a format's reader yields them) into
    ``g`` as one transaction; ``tick(n)`` is called after every chunk of records."""
    report = ImportReport(file=name, format=fmt.name, dry_run=dry_run)
    with bulk_work() as collect, g.writing() as s:
        run = _Run(s, fmt, report, user or current_user(), skip_bad)
        try:
            done = 0
            chunk: list[Record] = []
            for item in items:
                if isinstance(item, Notice):
                    report.notices.append(item)
                    continue
                if not isinstance(item, Problem) and not _storable_id(item.entry_id):
                    item = Problem(
                        name,
                        item.line,
                        f"entry id {item.entry_id} is out of range (1 to {MAX_ENTRY_ID})",
                        "id",
                        item.element,
                    )
                if isinstance(item, Problem):
                    run.problem(item)
                    continue
                chunk.append(item)
                if len(chunk) >= CHUNK:
                    run.process(chunk)
                    done += len(chunk)
                    chunk = []
                    collect()
                    if tick:
                        tick(done)
            if chunk:
                run.process(chunk)
                done += len(chunk)
            run.finish()
        finally:
            with contextlib.suppress(Exception):
                run.writer.close()

        if tick:
            tick(done)
        if dry_run:
            s.rollback()
        else:
            sync_id_sequence(s)
    return report


_term_values = attrgetter("lang", "text", "role")
_term_fields = attrgetter(*TERM_FIELDS)


@dataclass
class _Pending:
    """Entries to create, gathered for one multi-row insert per table (rows are tuples
    in the order of the ``*_COLUMNS`` above)."""

    entries: list[tuple[Any, ...]] = field(default_factory=list)
    terms: list[tuple[Any, ...]] = field(default_factory=list)
    keys: list[tuple[Any, ...]] = field(default_factory=list)
    changes: list[tuple[Any, ...]] = field(default_factory=list)
    #: id -> the entry as created, for records later in the chunk that name it again.
    by_id: dict[int, Entry] = field(default_factory=dict)
    #: (lang, preferred form) -> ids of entries created with it, in order.
    by_text: dict[tuple[str, str], list[int]] = field(default_factory=dict)


class _Run:
    """One import: the session, the running report and the next free entry id."""

    def __init__(
        self, s: Session, fmt: Format, report: ImportReport, user: str, skip_bad: bool
    ) -> None:
        self.s = s
        self.fmt = fmt
        self.report = report
        self.user = user
        self.skip_bad = skip_bad
        self.batch = hist.new_batch()
        self.now = utcnow()
        # Entry ids are handed out here, not by the database's counter.
        self.next_id, self.existing = start_import(s)
        self.pending = _Pending()
        self.writer = BulkWriter(s)
        # The full-text and document triggers set aside for a large import
        # (pause_full_text, pause_documents).
        self.paused: list[str] | None = None
        self.paused_documents: list[str] = []

    # -- problems -------------------------------------------------------------------

    def problem(self, item: Problem) -> None:
        if not self.skip_bad:
            raise item.to_error()
        self.report.problems.append(item)

    # -- one chunk ------------------------------------------------------------------

    def process(self, chunk: list[Record]) -> None:
        ids = {r.entry_id for r in chunk if r.entry_id is not None}
        wanted: set[tuple[str, str]] = set()
        for r in chunk:
            if isinstance(r, TranslationRecord):
                wanted.add(("en", r.source))
            elif r.entry_id is None:
                key = _match_key(r.entry)
                if key:
                    wanted.add(key)
        by_text = stored_by_text(self.s, wanted)
        ids |= {eid for matches in by_text.values() for eid, _ in matches}
        stored = stored_by_id(self.s, ids)
        for r in chunk:
            if isinstance(r, EntryRecord):
                self._entry_record(r, stored, by_text)
            else:
                self._translation_record(r, stored, by_text)
        if self.paused is None and self.writer.raw and self._bulk_worthwhile():
            self.paused = pause_full_text(self.s.connection())  # SQLite only
            self.paused_documents = pause_documents(self.s.connection())

        self._insert_pending()
        self.s.flush()
        self.s.expunge_all()

    def _bulk_worthwhile(self) -> bool:
        """Rebuilding the full-text indexes once beats keeping them current row by row
        when the import adds more than about a tenth of what is there."""
        created = len(self.report.created)
        return created >= BULK_THRESHOLD and created * 9 >= self.existing

    def finish(self) -> None:
        self._insert_pending()
        if self.paused is not None:
            self.s.flush()
            resume_full_text(self.s.connection(), self.paused)
            resume_documents(self.s.connection(), self.paused_documents)
            self.paused = None
        self.writer.close()

    def _entry_record(
        self,
        r: EntryRecord,
        stored: dict[int, EntryRow],
        by_text: dict[tuple[str, str], list[tuple[int, str]]],
    ) -> None:
        found: Entry | None = None
        if r.entry_id is not None:
            found = self._entry_by_id(r.entry_id, stored)
        else:
            key = _match_key(r.entry)
            if key is not None:
                kind = r.entry.kind if "kind" in r.scope or not r.scope else None
                found = self._entry_by_text(key, kind, stored, by_text)
        if found is None:
            self._create(r.entry, r.entry_id)
            return
        assert found.id is not None
        diffs = self.fmt.differences(found, r)
        if not diffs:
            self.report.unchanged.append(found.id)
            return
        reason = "differs from the stored entry, which was kept: " + "; ".join(diffs[:3])
        if len(diffs) > 3:
            reason += f"; and {len(diffs) - 3} more"
        self.report.conflicts.append(Conflict(found.id, reason, r.line, r.element))

    def _translation_record(
        self,
        r: TranslationRecord,
        stored: dict[int, EntryRow],
        by_text: dict[tuple[str, str], list[tuple[int, str]]],
    ) -> None:
        found: Entry | None = None
        by_id = r.entry_id is not None
        if r.entry_id is not None:
            # The file names the entry (a PO reference, a TMX property): that entry, or a
            # new one with this id if the glossary has none.
            found = self._entry_by_id(r.entry_id, stored)
        else:
            matches = self._ids_by_text(("en", r.source), None, by_text)
            if r.context is not None:
                matches = self._in_context(matches, r, stored)
            if len(matches) > 1:
                self.problem(
                    Problem(
                        self.report.file,
                        r.line,
                        f"cannot tell which entry {r.source!r} is: entries "
                        f"{', '.join(map(str, matches))} have this English form; keep the "
                        "context (msgctxt) or reference (#:) the export wrote",
                        "msgid" if self.fmt.name == "po" else "tuv",
                        r.element,
                    )
                )
                return
            if matches:
                found = self._entry_by_id(matches[0], stored)
        if found is None:
            self._create(r.entry, r.entry_id)
            return
        assert found.id is not None
        if found.id in self.pending.by_id:
            # Created earlier in this chunk: write it now so it can be updated like any other.
            self._insert_pending()
            self.s.flush()
            row = entry_row(self.s, found.id)
            assert row is not None
            stored[found.id] = row
        en = found.preferred("en")
        if by_id and (en is None or en.text != r.source):
            now = en.text if en is not None else "(none)"
            self.report.conflicts.append(
                Conflict(
                    found.id,
                    f"the English form is now {now!r}, not {r.source!r}: the file is older "
                    "than the entry; nothing was changed",
                    r.line,
                    r.element,
                )
            )
            return
        self._apply_translation(found, stored[found.id], r)

    def _apply_translation(self, found: Entry, row: EntryRow, r: TranslationRecord) -> None:
        assert found.id is not None
        changed = replace(found, terms=[Term.from_snapshot(t.snapshot()) for t in found.terms])
        updates: list[Update] = []
        proposals: list[Update] = []
        conflicted = False
        for lang in r.targets:
            given = r.entry.preferred(lang)
            if given is None or given.role != "preferred" or not given.text:
                continue
            current = _house_form(changed, lang)
            if current is not None and current.text == given.text:
                continue
            editable = (
                current is None
                or (r.version is not None and r.version == found.version and not r.proposal)
                or "text" in current.suggested
                or found.status == "candidate"
            )
            if not editable and r.proposal:
                assert current is not None
                # Not final (fuzzy): a proposal for a curator beside the curated form.
                outcome = _propose_form(changed, lang, given.text)
                if outcome == "added":
                    proposals.append(
                        Update(found.id, lang, current.text, given.text, r.line, r.element)
                    )
                elif outcome != "known":
                    conflicted = True
                    self.report.conflicts.append(
                        Conflict(
                            found.id,
                            f"the proposed {LANGUAGE_NAMES[lang]} form {given.text!r} is a "
                            f"{outcome} form of this entry; nothing was changed",
                            r.line,
                            r.element,
                        )
                    )
                continue
            if not editable:
                assert current is not None
                conflicted = True
                self.report.conflicts.append(
                    Conflict(
                        found.id,
                        f"the {LANGUAGE_NAMES[lang]} form {given.text!r} differs from the "
                        f"curated {current.text!r}, which was kept",
                        r.line,
                        r.element,
                    )
                )
                continue
            _replace_house_form(changed, lang, given, r.proposal)
            updates.append(
                Update(
                    found.id, lang, current.text if current else "", given.text, r.line, r.element
                )
            )
        if not updates and not proposals:
            if not conflicted:
                self.report.unchanged.append(found.id)
            return
        changed.validate()
        before = found.snapshot()
        assign_entry(self.s, row, changed, self.user)
        hist.changed(self.s, row, before, self.user, self.batch)
        self.report.updated.extend(updates)
        self.report.proposed.extend(proposals)

    # -- finding stored entries -----------------------------------------------------

    def _entry_by_id(self, entry_id: int, stored: dict[int, EntryRow]) -> Entry | None:
        if entry_id in self.pending.by_id:
            return self.pending.by_id[entry_id]
        row = stored.get(entry_id)
        return entry_from_row(row) if row is not None else None

    def _ids_by_text(
        self,
        key: tuple[str, str],
        kind: str | None,
        by_text: dict[tuple[str, str], list[tuple[int, str]]],
    ) -> list[int]:
        ids = [eid for eid, k in by_text.get(key, []) if kind is None or k == kind]
        for eid in self.pending.by_text.get(key, []):
            if kind is None or self.pending.by_id[eid].kind == kind:
                ids.append(eid)
        return sorted(set(ids))

    def _in_context(
        self, ids: list[int], r: TranslationRecord, stored: dict[int, EntryRow]
    ) -> list[int]:
        """Of the entries with the record's English form, those its context names: the
        entries created from a unit with this context (their note records it), else the
        one that already has the record's target forms. None of them: a new entry."""
        line = context_line(r.context or "")
        entries = [e for e in (self._entry_by_id(i, stored) for i in ids) if e is not None]
        named = [e.id for e in entries if line in e.note.splitlines()]
        if named:
            return [i for i in named if i is not None]
        same = [
            e.id
            for e in entries
            if all(
                (form := r.entry.preferred(lang)) is not None
                and (house := _house_form(e, lang)) is not None
                and house.text == form.text
                for lang in r.targets
            )
        ]
        return [i for i in same if i is not None]

    def _entry_by_text(
        self,
        key: tuple[str, str],
        kind: str | None,
        stored: dict[int, EntryRow],
        by_text: dict[tuple[str, str], list[tuple[int, str]]],
    ) -> Entry | None:
        ids = self._ids_by_text(key, kind, by_text)
        return self._entry_by_id(ids[0], stored) if ids else None

    # -- creating -------------------------------------------------------------------

    def _create(self, entry: Entry, entry_id: int | None) -> None:
        if entry_id is None:
            entry_id = self.next_id
            if entry_id > MAX_ENTRY_ID:
                raise ParseError(
                    self.report.file,
                    None,
                    f"no entry id is left for new entries: the file uses {MAX_ENTRY_ID}, "
                    "the largest there is",
                    "id",
                )
        self.next_id = max(self.next_id, entry_id + 1)
        entry.terms.sort(key=lambda t: _LANG_ORDER.get(t.lang, 9))
        p = self.pending
        user, now = self.user, self.now
        row, terms, keys = entry_values(entry_id, entry, user, now)
        p.entries.append(row)
        p.terms += terms
        p.keys += keys
        snap = entry.snapshot()
        snap["id"] = entry_id
        snap["version"] = 1
        p.changes.append((entry_id, "create", user, now, None, snap, self.batch))
        created = Entry(
            id=entry_id,
            version=1,
            kind=entry.kind,
            status=entry.status,
            origin=entry.origin,
            note=entry.note,
            terms=entry.terms,
        )
        p.by_id[entry_id] = created
        key = _match_key(entry)
        if key is not None:
            p.by_text.setdefault(key, []).append(entry_id)
        en = entry.preferred("en")
        if en is not None and en.role == "preferred" and key != ("en", en.text):
            p.by_text.setdefault(("en", en.text), []).append(entry_id)
        self.report.created.append(entry_id)

    def _insert_pending(self) -> None:
        p = self.pending
        if not p.entries:
            return
        self.s.flush()
        write_new_entries(self.writer, p.entries, p.terms, p.keys, p.changes)
        self.pending = _Pending()


# -- helpers ------------------------------------------------------------------------


def _storable_id(entry_id: int | None) -> bool:
    return entry_id is None or is_storable_id(entry_id)


def _match_key(entry: Entry) -> tuple[str, str] | None:
    """The form an entry is recognised by: its first preferred form (en, else ko, else ja)."""
    for lang in LANGUAGES:
        pref = entry.preferred(lang)
        if pref is not None:
            return (lang, pref.text)
    return None


def _house_form(entry: Entry, lang: str) -> Term | None:
    for t in entry.terms:
        if t.lang == lang and t.role == "preferred":
            return t
    return None


def _propose_form(entry: Entry, lang: str, text: str) -> str:
    """Add ``text`` to the entry as a variant awaiting review ("added"); "known" if the
    entry has it as a house form, variant or abbreviation already, else its role
    (deprecated, forbidden), which a proposal does not change."""
    for t in entry.terms:
        if t.lang == lang and t.text == text:
            return t.role if t.role in ("deprecated", "forbidden") else "known"
    at = max((i for i, t in enumerate(entry.terms) if t.lang == lang), default=len(entry.terms))
    entry.terms.insert(at + 1, Term(lang=lang, text=text, role="variant", suggested=["text"]))
    return "added"


def _replace_house_form(entry: Entry, lang: str, given: Term, proposal: bool = False) -> None:
    """Make ``given.text`` the house form in ``lang``; keep the old one as deprecated.

    A form the entry already has (as a variant, say) is promoted with its readings and
    romanizations; a new form comes without them (the file's were the old form's). A
    ``proposal`` (not final in the file) stays marked as a suggestion.
    """
    current = _house_form(entry, lang)
    same = next((t for t in entry.terms if t.lang == lang and t.text == given.text), None)
    if same is not None:
        entry.terms.remove(same)
        new = same
        new.role = "preferred"
    else:
        new = Term(lang=lang, text=given.text, role="preferred")
    new.suggested = ["text"] if proposal or "text" in given.suggested else []
    if current is None:
        at = next((i for i, t in enumerate(entry.terms) if t.lang == lang), None)
        if at is None:
            at = sum(1 for t in entry.terms if _LANG_ORDER[t.lang] < _LANG_ORDER[lang])
        entry.terms.insert(at, new)
        return
    at = entry.terms.index(current)
    entry.terms.insert(at, new)
    if "text" in current.suggested:
        entry.terms.remove(current)  # only a suggestion: nobody confirmed it
    else:
        current.role = "deprecated"
        current.suggested = [s for s in current.suggested if s != "text"]

"""The sentence memory of a glossary: translation units added, read, edited, deleted,
their history and undo, TMX import and export, matches, the concordance and alignment.

The rows are read and written by the store (:mod:`glossary.store.units`,
:mod:`glossary.store.unit_history`, :mod:`glossary.store.unit_import`); this module
decides what each change does. An edit names the version it was based on: a stale
version raises ConflictError and writes nothing, as for entries.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator
from typing import IO, TYPE_CHECKING, Any

from glossary.errors import ConflictError, GlossaryError, InvalidValue, NotFound, UndoError
from glossary.lang import LANGUAGES, normalize_language
from glossary.model import Unit, Variant
from glossary.settings import current_user
from glossary.store import history as hist
from glossary.store import unit_history as changes
from glossary.store import units as rows
from glossary.store.bulk import bulk_work, collect_young
from glossary.store.unit_history import UnitChange, change_from_row
from glossary.tm.importing import Chunk, Progress, TmImportReport, TmxImport, derive
from glossary.tm.tmx import write_units

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from glossary.api import Glossary
    from glossary.check import Checker
    from glossary.check.cache import CheckerCache
    from glossary.mining.articles import Article
    from glossary.store.models import UnitChangeRow
    from glossary.tm.align import Alignment
    from glossary.tm.concord import Concordance
    from glossary.tm.match import TermInSentence, TmMatch

__all__ = ["TmImportReport", "TranslationMemory", "check_lang"]


def check_lang(name: str, value: str | None) -> str | None:
    """``value`` as one of en, ko, ja (``ko-KR`` is ko), or None."""
    if value is None or value == "":
        return None
    try:
        return normalize_language(value)
    except InvalidValue:
        raise InvalidValue(name, value, LANGUAGES) from None


def _same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    strip = ("version",)
    return {k: v for k, v in a.items() if k not in strip} == {
        k: v for k, v in b.items() if k not in strip
    }


class TranslationMemory:
    """The sentence memory of a glossary: translation units in English, Korean and
    Japanese, either way round."""

    def __init__(self, g: Glossary) -> None:
        self.g = g
        self._checkers: CheckerCache | None = None

    # -- reading --------------------------------------------------------------------

    def get(self, unit_id: int) -> Unit:
        """The unit with this id; NotFound if there is none."""
        with self.g.reading() as s:
            return rows.unit_from_row(rows.load_unit(s, unit_id))

    def get_many(self, ids: list[int]) -> dict[int, Unit]:
        """The units with these ids (those that exist), by id."""
        if not ids:
            return {}
        with self.g.reading() as s:
            return rows.units_by_id(s, ids)

    def count(self) -> int:
        with self.g.reading() as s:
            return rows.count_units(s)

    def newest_ids(self, n: int = 50) -> list[int]:
        """The ids of the ``n`` units stored last, newest first."""
        with self.g.reading() as s:
            return rows.newest_unit_ids(s, n)

    def units(
        self,
        *,
        source: str | None = None,
        target: str | None = None,
        batch_size: int = 1000,
    ) -> Iterator[Unit]:
        """Every unit (with sentences in ``source`` and ``target``, when given), in id
        order, a batch at a time."""
        langs = [
            lang for lang in (check_lang("source", source), check_lang("target", target)) if lang
        ]
        last = 0
        while True:
            with self.g.reading() as s:
                batch = rows.units_after(s, last, langs, batch_size)
            if not batch:
                return
            yield from batch
            last = batch[-1].id or last
            collect_young()

    # -- writing --------------------------------------------------------------------

    def add(self, unit: Unit, *, user: str | None = None) -> Unit:
        """Store a new unit; return it with its id and version."""
        unit.validate()
        who = user or current_user()
        batch = hist.new_batch()
        with self.g.writing() as s:
            saved = self._create(s, unit, who, batch)
        return saved

    def _create(self, s: Session, unit: Unit, user: str, batch: str) -> Unit:
        row = rows.insert_unit(s, unit, derive(unit), user, batch, unit_id=None)
        saved = rows.unit_from_row(row)
        changes.record(s, row.id, "create", user, None, saved.snapshot(), batch)
        return saved

    def update(self, unit: Unit, *, user: str | None = None) -> Unit:
        """Replace a unit's sentences and details with ``unit``'s.

        ``unit.version`` must be the version the editor started from: if someone else
        saved the unit since, ConflictError is raised and nothing is written.
        """
        if unit.id is None:
            raise GlossaryError("update needs a unit id; use add() for a new unit")
        unit.validate()
        who = user or current_user()
        with self.g.writing() as s:
            row = rows.load_unit(s, unit.id, lock=True)
            if row.version != unit.version:
                raise ConflictError(unit.id, unit.version, row.version)
            before = rows.unit_from_row(row).snapshot()
            rows.assign_unit(s, row, unit, derive(unit), who)
            after = rows.unit_from_row(row).snapshot()
            if _same(before, after):
                rows.discard_changes(s)
                return rows.unit_from_row(rows.load_unit(s, unit.id))
            changes.record(s, row.id, "update", who, before, after, hist.new_batch())
            return rows.unit_from_row(row)

    def delete(self, unit_id: int, version: int, *, user: str | None = None) -> None:
        """Delete a unit; undo brings it back with the same id."""
        who = user or current_user()
        with self.g.writing() as s:
            row = rows.load_unit(s, unit_id, lock=True)
            if row.version != version:
                raise ConflictError(unit_id, version, row.version)
            before = rows.unit_from_row(row).snapshot()
            rows.delete_unit(s, row)
            changes.record(s, unit_id, "delete", who, before, None, hist.new_batch())

    # -- history --------------------------------------------------------------------

    def history(self, unit_id: int | None = None, *, limit: int = 100) -> list[UnitChange]:
        """Changes, newest first: of one unit (with the import that brought it), or of
        the whole memory."""
        with self.g.reading() as s:
            return changes.changes(s, unit_id, limit)

    def change(self, change_id: int) -> UnitChange:
        with self.g.reading() as s:
            row = changes.get_change_row(s, change_id)
            if row is None:
                raise NotFound(f"there is no change {change_id} of the translation memory")
            return change_from_row(row)

    def undo(self, change_id: int, *, user: str | None = None) -> UnitChange:
        """Undo a change (an edit, a deletion, an addition or a whole import), recording
        the undo as a change. Refused when the unit was changed again since."""
        who = user or current_user()
        with self.g.writing() as s:
            ch = changes.get_change_row(s, change_id)
            if ch is None:
                raise NotFound(f"there is no change {change_id} of the translation memory")
            if ch.undone_by is not None:
                raise UndoError(f"change {change_id} was already undone by change {ch.undone_by}")
            if ch.action == "import":
                new = self._undo_import(s, ch, who)
            elif ch.action == "undo" and ch.before is not None and "import" in ch.before:
                raise UndoError("an undone import cannot be redone; import the file again")
            else:
                new = self._replay_backwards(s, ch, who)
            changes.mark_undone(s, ch, new)
            return change_from_row(new)

    def _undo_import(self, s: Session, ch: UnitChangeRow, user: str) -> UnitChangeRow:
        changed = []
        for row in rows.edited_units_of_batch(s, ch.batch):
            # Edited and then put back by undo counts as unchanged: the unit is as the
            # first edit found it.
            first = changes.first_edit(s, row.id)
            if first is None or not _same(first.before or {}, rows.unit_from_row(row).snapshot()):
                changed.append(row.id)
        if changed:
            raise UndoError(
                f"units {', '.join(map(str, changed[:5]))} of this import were edited since; "
                "undo those edits first"
            )
        removed = rows.delete_batch(s, ch.batch)
        info = dict(ch.after or {})
        return changes.record(
            s,
            None,
            "undo",
            user,
            {"import": info.get("file", ""), "units": removed},
            None,
            hist.new_batch(),
            undoes=ch.id,
        )

    def _replay_backwards(self, s: Session, ch: UnitChangeRow, user: str) -> UnitChangeRow:
        assert ch.unit_id is not None
        row = rows.find_unit(s, ch.unit_id)
        if ch.after is None:  # a deletion: the unit must still be gone
            if row is not None:
                raise UndoError(f"unit {ch.unit_id} exists again; change {ch.id} cannot be undone")
        elif row is None:
            raise UndoError(
                f"unit {ch.unit_id} was deleted after change {ch.id}; undo the deletion first"
            )
        elif row.version != ch.after.get("version"):
            raise UndoError(
                f"unit {ch.unit_id} was changed again after change {ch.id}; undo that first"
            )
        before: dict[str, Any] | None
        after: dict[str, Any] | None
        if ch.before is None:  # undo an addition
            assert row is not None
            before = rows.unit_from_row(row).snapshot()
            rows.delete_unit(s, row)
            after = None
        elif ch.after is None:  # undo a deletion: the same id again
            unit = Unit.from_snapshot(ch.before)
            new_row = rows.insert_unit(s, unit, derive(unit), user, unit.batch, unit_id=ch.unit_id)
            before, after = None, rows.unit_from_row(new_row).snapshot()
        else:
            assert row is not None
            before = rows.unit_from_row(row).snapshot()
            old = Unit.from_snapshot(ch.before)
            rows.assign_unit(s, row, old, derive(old), user)
            after = rows.unit_from_row(row).snapshot()
        return changes.record(
            s, ch.unit_id, "undo", user, before, after, hist.new_batch(), undoes=ch.id
        )

    # -- matching -------------------------------------------------------------------

    def checker(self, style: str | None = None) -> Checker:
        """The style check's automaton over the glossary (rebuilt when it changes)."""
        from glossary.check.cache import CheckerCache
        from glossary.settings import get_setting

        if self._checkers is None:
            self._checkers = CheckerCache(self.g)
        return self._checkers.get(style or get_setting("house_style"))

    def match(
        self,
        sentence: str,
        *,
        source: str | None = None,
        target: str | None = None,
        limit: int = 5,
        min_score: int | None = None,
        before: str | None = None,
        after: str | None = None,
        style: str | None = None,
    ) -> list[TmMatch]:
        """The units most like ``sentence`` (context and 100% matches first), each with
        its match percentage, the glossary entries found in the sentence with their
        ``target`` forms, and warnings where the unit's translation does not use them.
        ``source`` defaults to the sentence's script; ``before`` and ``after`` are the
        neighbouring sentences (for context matches)."""
        from glossary.tm.match import MIN_SCORE, Matcher

        if not sentence.strip():
            raise GlossaryError("give the sentence to look up")
        src, tgt = check_lang("source", source), check_lang("target", target)
        matcher = Matcher(self, self.checker(style))
        return matcher.find(
            sentence,
            source=src,
            target=tgt,
            limit=limit,
            min_score=MIN_SCORE if min_score is None else min_score,
            before=before,
            after=after,
        )

    def terms(
        self, sentence: str, target: str, *, style: str | None = None
    ) -> list[TermInSentence]:
        """The glossary entries found in ``sentence``, with their house forms in ``target``."""
        from glossary.tm.match import Matcher

        lang = check_lang("target", target)
        assert lang is not None
        return Matcher(self, self.checker(style)).terms(sentence, lang)

    def concordance(self, phrase: str, *, limit: int = 50) -> list[Concordance]:
        """Every unit (newest first) whose sentences hold ``phrase``, or a form of the
        glossary entry it names, with the hits marked."""
        from glossary.tm.concord import concordance

        if not phrase.strip():
            raise GlossaryError("give the word or phrase to search for")
        return concordance(self, phrase, limit=limit)

    # -- alignment ------------------------------------------------------------------

    def align(
        self,
        source_text: str,
        target_text: str,
        source: str,
        target: str,
        *,
        style: str | None = None,
    ) -> Alignment:
        """Split two parallel texts into sentences and align them, with the glossary's
        entries as anchors (see :mod:`glossary.tm.align`)."""
        from glossary.tm.align import align_texts

        src, tgt = check_lang("source", source), check_lang("target", target)
        assert src and tgt
        if src == tgt:
            raise GlossaryError("the source and target languages are the same")
        checker = self.checker(style)

        def entries(text: str, lang: str) -> set[int]:
            return {
                p.entry_id
                for _, _, _, patterns in checker.known_forms(text)
                for p in patterns
                if p.lang == lang
            }

        return align_texts(source_text, target_text, src, tgt, entries)

    def save_alignment(
        self,
        alignment: Alignment,
        *,
        beads: list[int] | None = None,
        source_article: Article | None = None,
        target_article: Article | None = None,
        user: str | None = None,
    ) -> list[Unit]:
        """Store the beads of an alignment that pair sentences (all of them, or those
        numbered in ``beads``) as units, in one transaction, with the sentences around
        each as its context and the two articles as where it came from."""
        who = user or current_user()
        batch = hist.new_batch()
        chosen = [
            b
            for i, b in enumerate(alignment.beads)
            if b.source and b.target and (beads is None or i in beads)
        ]
        saved: list[Unit] = []
        with self.g.writing() as s:
            ids: list[int | None] = [None, None]
            for k, art in enumerate((source_article, target_article)):
                if art is not None:
                    ids[k], _ = self.g.add_article(art, session=s)
            for b in chosen:
                unit = Unit(
                    variants=[
                        _in_context(
                            alignment.source_lang,
                            alignment.join(b.source, True),
                            alignment.source,
                            b.source,
                        ),
                        _in_context(
                            alignment.target_lang,
                            alignment.join(b.target, False),
                            alignment.target,
                            b.target,
                        ),
                    ],
                    srclang=alignment.source_lang,
                    origin="align",
                    origin_file=source_article.path if source_article else "",
                    source_article_id=ids[0],
                    target_article_id=ids[1],
                )
                unit.validate()
                unit_saved = self._create(s, unit, who, batch)
                saved.append(unit_saved)
        return saved

    # -- TMX ------------------------------------------------------------------------

    def import_tmx(
        self,
        path_or_stream: str | os.PathLike[str] | IO[bytes],
        *,
        name: str | None = None,
        user: str | None = None,
        progress: Progress | None = None,
    ) -> TmImportReport:
        """Import a TMX file as one transaction: every unit, or (on a bad file, whose
        ParseError names file, line and element) nothing. Units already in the memory
        with the same sentences are counted, not added twice."""
        from glossary.formats import open_source

        who = user or current_user()
        chunks: Iterable[Chunk] | None = None
        with contextlib.ExitStack() as stack:
            stream, label, path = open_source(stack, path_or_stream, name)
            total = 0
            if path is not None:
                total = path.stat().st_size
                from glossary.tm.read_ahead import read_ahead, worthwhile

                if worthwhile(path):
                    chunks = stack.enter_context(
                        contextlib.closing(read_ahead(path, label, stream))
                    )
            stack.enter_context(bulk_work())
            with self.g.writing() as s:
                return TmxImport(s, label, who, stream, total, progress).run(chunks)
        raise AssertionError("unreachable")  # pragma: no cover

    def export_tmx(
        self,
        out: IO[bytes] | str | os.PathLike[str],
        *,
        source: str | None = None,
        target: str | None = None,
    ) -> int:
        """Write the memory (the units with sentences in ``source`` and ``target``, when
        given) as TMX 1.4b; return how many units were written. A file named by path is
        written whole or not at all."""
        from glossary.formats import write_whole
        from glossary.formats.po import VERSION

        src, tgt = check_lang("source", source), check_lang("target", target)
        if src and tgt and src == tgt:
            raise GlossaryError("the source and target languages are the same")

        def write(stream: IO[bytes]) -> int:
            with bulk_work():
                units = self.units(source=src, target=tgt)
                return write_units(units, stream, source=src, target=tgt, version=VERSION)

        return write_whole(out, write)


def _in_context(lang: str, text: str, sentences: list[str], picked: list[int]) -> Variant:
    """The sentence ``text`` (sentences ``picked`` of an article's ``sentences``) with
    the sentences just before and after it as its context."""
    first, last = picked[0], picked[-1]
    return Variant(
        lang,
        text,
        before=sentences[first - 1] if first > 0 else "",
        after=sentences[last + 1] if last + 1 < len(sentences) else "",
    )

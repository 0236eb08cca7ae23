"""Translation units in the glossary's database: add, read, edit, delete, history and
undo, TMX import (one transaction) and export.

Units get their ids from the memory itself, one more than the largest id stored or
named in the history, so a deleted unit's id (and history) is never given to another
unit; writers hold the write lock (SQLite) or lock ``tm_units`` (PostgreSQL) meanwhile.
An edit names the version it was based on: a stale version raises ConflictError and
writes nothing, as for entries.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, cast

import orjson
from sqlalchemy import Table, delete, func, insert, select, text
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from glossary.errors import ConflictError, GlossaryError, InvalidValue, NotFound, UndoError
from glossary.lang import LANGUAGES, normalize_language
from glossary.settings import current_user
from glossary.store import history as hist
from glossary.store.bulk import bulk_work, collect_young
from glossary.store.models import UnitChangeRow, UnitRow, VariantRow, utcnow
from glossary.store.reindex import pause_full_text
from glossary.tm.history import UnitChange, change_from_row
from glossary.tm.model import Prop, Unit, Variant
from glossary.tm.text import exact_key, grams_text
from glossary.tm.tmx import Skipped, read_units, write_units

if TYPE_CHECKING:
    from glossary.api import Glossary
    from glossary.check import Checker
    from glossary.check.cache import CheckerCache
    from glossary.mining.articles import Article
    from glossary.tm.align import Alignment
    from glossary.tm.concord import Concordance
    from glossary.tm.match import TermInSentence, TmMatch

#: ``progress(done, total)`` in bytes of the file being imported.
Progress = Callable[[int, int], None]
_CHUNK = 2000
UNIT_COLUMNS = (
    "id",
    "srclang",
    "origin",
    "origin_file",
    "source_article_id",
    "target_article_id",
    "tuid",
    "attrs",
    "props",
    "notes",
    "batch",
    "version",
    "created_at",
    "created_by",
    "updated_at",
    "updated_by",
)
VARIANT_COLUMNS = (
    "unit_id",
    "position",
    "lang",
    "tag",
    "text",
    "seg",
    "before",
    "after",
    "attrs",
    "props",
    "notes",
    "grams",
    "exact",
)


def _json(value: Any) -> str:
    return orjson.dumps(value).decode("utf-8")


def _props_json(props: list[Prop]) -> str:
    return _json([p.to_dict() for p in props])


def variant_values(
    v: Variant, unit_id: int, position: int, exact: str | None = None
) -> tuple[Any, ...]:
    """A ``tm_variants`` row of a variant, in :data:`VARIANT_COLUMNS` order (``exact``:
    the sentence's hash, when the caller has it already)."""
    return (
        unit_id,
        position,
        v.lang,
        v.tag,
        v.text,
        v.seg,
        v.before,
        v.after,
        _json(v.attrs) if v.attrs else "{}",
        _props_json(v.props) if v.props else "[]",
        _json(v.notes) if v.notes else "[]",
        grams_text(v.text),
        exact or exact_key(v.text),
    )


def variant_from_row(row: VariantRow) -> Variant:
    return Variant(
        id=row.id,
        lang=row.lang,
        text=row.text,
        seg=row.seg,
        tag=row.tag,
        before=row.before,
        after=row.after,
        attrs=orjson.loads(row.attrs or "{}"),
        props=[Prop.from_dict(p) for p in orjson.loads(row.props or "[]")],
        notes=orjson.loads(row.notes or "[]"),
    )


def unit_from_row(row: UnitRow) -> Unit:
    return Unit(
        id=row.id,
        version=row.version,
        srclang=row.srclang,
        origin=row.origin,
        origin_file=row.origin_file,
        source_article_id=row.source_article_id,
        target_article_id=row.target_article_id,
        tuid=row.tuid,
        attrs=orjson.loads(row.attrs or "{}"),
        props=[Prop.from_dict(p) for p in orjson.loads(row.props or "[]")],
        notes=orjson.loads(row.notes or "[]"),
        batch=row.batch,
        created_at=row.created_at,
        created_by=row.created_by,
        updated_at=row.updated_at,
        updated_by=row.updated_by,
        variants=[variant_from_row(v) for v in sorted(row.variants, key=lambda v: v.position)],
    )


@dataclass
class TmImportReport:
    """What a TMX import did: units added, already there, skipped, with where."""

    file: str
    added: int = 0
    duplicates: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    batch: str = ""
    change_id: int | None = None

    def summary(self) -> str:
        return (
            f"{self.added} units added, {self.duplicates} already in the memory, "
            f"{len(self.skipped)} skipped"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "added": self.added,
            "duplicates": self.duplicates,
            "skipped": len(self.skipped),
            "change_id": self.change_id,
        }


def check_lang(name: str, value: str | None) -> str | None:
    """``value`` as one of en, ko, ja (``ko-KR`` is ko), or None."""
    if value is None or value == "":
        return None
    try:
        return normalize_language(value)
    except InvalidValue:
        raise InvalidValue(name, value, LANGUAGES) from None


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
            return unit_from_row(self._load(s, unit_id))

    def get_many(self, ids: list[int]) -> dict[int, Unit]:
        """The units with these ids (those that exist), by id."""
        if not ids:
            return {}
        with self.g.reading() as s:
            rows = s.scalars(
                select(UnitRow).where(UnitRow.id.in_(ids)).options(selectinload(UnitRow.variants))
            ).all()
            return {r.id: unit_from_row(r) for r in rows}

    def count(self) -> int:
        with self.g.reading() as s:
            return int(s.scalar(select(func.count(UnitRow.id))) or 0)

    def newest_ids(self, n: int = 50) -> list[int]:
        """The ids of the ``n`` units stored last, newest first."""
        with self.g.reading() as s:
            return list(s.scalars(select(UnitRow.id).order_by(UnitRow.id.desc()).limit(n)))

    def units(
        self,
        *,
        source: str | None = None,
        target: str | None = None,
        batch_size: int = 1000,
    ) -> Iterator[Unit]:
        """Every unit (with sentences in ``source`` and ``target``, when given), in id
        order, a batch at a time."""
        langs = [lang for lang in (check_lang("source", source), check_lang("target", target))]
        last = 0
        while True:
            with self.g.reading() as s:
                q = select(UnitRow).where(UnitRow.id > last)
                for lang in langs:
                    if lang:
                        has = select(VariantRow.id).where(
                            VariantRow.unit_id == UnitRow.id, VariantRow.lang == lang
                        )
                        q = q.where(has.exists())
                q = q.options(selectinload(UnitRow.variants)).order_by(UnitRow.id).limit(batch_size)
                batch = [unit_from_row(r) for r in s.scalars(q)]
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
            row = self._insert(s, unit, who, batch, unit_id=None)
            saved = unit_from_row(row)
            s.add(
                UnitChangeRow(
                    unit_id=row.id,
                    action="create",
                    user=who,
                    before=None,
                    after=saved.snapshot(),
                    batch=batch,
                )
            )
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
            row = self._load(s, unit.id, lock=True)
            if row.version != unit.version:
                raise ConflictError(unit.id, unit.version, row.version)
            before = unit_from_row(row).snapshot()
            try:
                self._assign(s, row, unit, who)
            except StaleDataError:
                raise ConflictError(unit.id, unit.version, None) from None
            after = unit_from_row(row).snapshot()
            if _same(before, after):
                s.rollback()
                return unit_from_row(self._load(s, unit.id))
            s.add(
                UnitChangeRow(
                    unit_id=row.id,
                    action="update",
                    user=who,
                    before=before,
                    after=after,
                    batch=hist.new_batch(),
                )
            )
            return unit_from_row(row)

    def delete(self, unit_id: int, version: int, *, user: str | None = None) -> None:
        """Delete a unit; undo brings it back with the same id."""
        who = user or current_user()
        with self.g.writing() as s:
            row = self._load(s, unit_id, lock=True)
            if row.version != version:
                raise ConflictError(unit_id, version, row.version)
            before = unit_from_row(row).snapshot()
            s.delete(row)
            s.add(
                UnitChangeRow(
                    unit_id=unit_id,
                    action="delete",
                    user=who,
                    before=before,
                    after=None,
                    batch=hist.new_batch(),
                )
            )

    # -- history --------------------------------------------------------------------

    def history(self, unit_id: int | None = None, *, limit: int = 100) -> list[UnitChange]:
        """Changes, newest first: of one unit (with the import that brought it), or of
        the whole memory."""
        with self.g.reading() as s:
            q = select(UnitChangeRow).order_by(UnitChangeRow.id.desc()).limit(limit)
            if unit_id is not None:
                if not _storable(unit_id):
                    return []
                batch = s.scalar(select(UnitRow.batch).where(UnitRow.id == unit_id))
                own = UnitChangeRow.unit_id == unit_id
                if batch:
                    imported = (UnitChangeRow.batch == batch) & (UnitChangeRow.action == "import")
                    q = q.where(own | imported)
                else:
                    q = q.where(own)
            return [change_from_row(r) for r in s.scalars(q)]

    def change(self, change_id: int) -> UnitChange:
        with self.g.reading() as s:
            row = s.get(UnitChangeRow, change_id) if _storable(change_id) else None
            if row is None:
                raise NotFound(f"there is no change {change_id} of the translation memory")
            return change_from_row(row)

    def undo(self, change_id: int, *, user: str | None = None) -> UnitChange:
        """Undo a change (an edit, a deletion, an addition or a whole import), recording
        the undo as a change. Refused when the unit was changed again since."""
        who = user or current_user()
        with self.g.writing() as s:
            ch = s.get(UnitChangeRow, change_id) if _storable(change_id) else None
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
            s.flush()
            ch.undone_by = new.id
            s.flush()
            return change_from_row(new)

    def _undo_import(self, s: Session, ch: UnitChangeRow, user: str) -> UnitChangeRow:
        changed = []
        for row in s.scalars(
            select(UnitRow)
            .where(UnitRow.batch == ch.batch, UnitRow.version > 1)
            .options(selectinload(UnitRow.variants))
        ):
            # Edited and then put back by undo counts as unchanged: the unit is as the
            # first edit found it.
            first = s.scalar(
                select(UnitChangeRow)
                .where(UnitChangeRow.unit_id == row.id, UnitChangeRow.action == "update")
                .order_by(UnitChangeRow.id)
                .limit(1)
            )
            if first is None or not _same(first.before or {}, unit_from_row(row).snapshot()):
                changed.append(row.id)
        if changed:
            raise UndoError(
                f"units {', '.join(map(str, changed[:5]))} of this import were edited since; "
                "undo those edits first"
            )
        ids = s.scalars(select(UnitRow.id).where(UnitRow.batch == ch.batch)).all()
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            s.execute(delete(VariantRow).where(VariantRow.unit_id.in_(part)))
            s.execute(delete(UnitRow).where(UnitRow.id.in_(part)))
        info = dict(ch.after or {})
        new = UnitChangeRow(
            unit_id=None,
            action="undo",
            user=user,
            before={"import": info.get("file", ""), "units": len(ids)},
            after=None,
            batch=hist.new_batch(),
            undoes=ch.id,
        )
        s.add(new)
        return new

    def _replay_backwards(self, s: Session, ch: UnitChangeRow, user: str) -> UnitChangeRow:
        assert ch.unit_id is not None
        row = s.get(UnitRow, ch.unit_id)
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
            before = unit_from_row(row).snapshot()
            s.delete(row)
            after = None
        elif ch.after is None:  # undo a deletion: the same id again
            unit = Unit.from_snapshot(ch.before)
            new_row = self._insert(s, unit, user, unit.batch, unit_id=ch.unit_id)
            before, after = None, unit_from_row(new_row).snapshot()
        else:
            assert row is not None
            before = unit_from_row(row).snapshot()
            self._assign(s, row, Unit.from_snapshot(ch.before), user)
            after = unit_from_row(row).snapshot()
        new = UnitChangeRow(
            unit_id=ch.unit_id,
            action="undo",
            user=user,
            before=before,
            after=after,
            batch=hist.new_batch(),
            undoes=ch.id,
        )
        s.add(new)
        return new

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
                src_text = alignment.join(b.source, True)
                tgt_text = alignment.join(b.target, False)
                first, last = b.source[0], b.source[-1]
                tfirst, tlast = b.target[0], b.target[-1]
                unit = Unit(
                    variants=[
                        Variant(
                            alignment.source_lang,
                            src_text,
                            before=alignment.source[first - 1] if first > 0 else "",
                            after=alignment.source[last + 1]
                            if last + 1 < len(alignment.source)
                            else "",
                        ),
                        Variant(
                            alignment.target_lang,
                            tgt_text,
                            before=alignment.target[tfirst - 1] if tfirst > 0 else "",
                            after=alignment.target[tlast + 1]
                            if tlast + 1 < len(alignment.target)
                            else "",
                        ),
                    ],
                    srclang=alignment.source_lang,
                    origin="align",
                    origin_file=source_article.path if source_article else "",
                    source_article_id=ids[0],
                    target_article_id=ids[1],
                )
                unit.validate()
                row = self._insert(s, unit, who, batch, unit_id=None)
                unit_saved = unit_from_row(row)
                s.add(
                    UnitChangeRow(
                        unit_id=row.id,
                        action="create",
                        user=who,
                        before=None,
                        after=unit_saved.snapshot(),
                        batch=batch,
                    )
                )
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
        who = user or current_user()
        with contextlib.ExitStack() as stack:
            if isinstance(path_or_stream, (str, os.PathLike)):
                path = Path(path_or_stream)
                label = name or str(path)
                try:
                    stream: IO[bytes] = stack.enter_context(path.open("rb"))
                except OSError as exc:
                    raise GlossaryError(f"{path}: cannot be read: {exc.strerror}") from None
                total = path.stat().st_size
            else:
                stream = path_or_stream
                label = name or str(getattr(stream, "name", "") or "upload")
                total = 0
            stack.enter_context(bulk_work())
            with self.g.writing() as s:
                return _Import(s, label, who, stream, total, progress).run()
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

    # -- internals ------------------------------------------------------------------

    def _load(self, s: Session, unit_id: int, *, lock: bool = False) -> UnitRow:
        if not _storable(unit_id):
            raise NotFound(f"there is no translation unit {unit_id}")
        q = select(UnitRow).where(UnitRow.id == unit_id).options(selectinload(UnitRow.variants))
        if lock and s.get_bind().dialect.name == "postgresql":
            q = q.with_for_update()
        row = s.scalar(q)
        if row is None:
            raise NotFound(f"there is no translation unit {unit_id}")
        return row

    def _insert(
        self, s: Session, unit: Unit, user: str, batch: str, *, unit_id: int | None
    ) -> UnitRow:
        now = utcnow()
        if unit_id is None:
            unit_id = next_unit_id(s)
        row = UnitRow(
            id=unit_id,
            srclang=unit.srclang,
            origin=unit.origin,
            origin_file=unit.origin_file,
            source_article_id=unit.source_article_id,
            target_article_id=unit.target_article_id,
            tuid=unit.tuid,
            attrs=_json(unit.attrs),
            props=_props_json(unit.props),
            notes=_json(unit.notes),
            batch=batch,
            created_at=now,
            created_by=user,
            updated_at=now,
            updated_by=user,
        )
        s.add(row)
        s.flush()
        self._write_variants(s, row, unit)
        s.refresh(row)
        return row

    def _write_variants(self, s: Session, row: UnitRow, unit: Unit) -> None:
        s.execute(delete(VariantRow).where(VariantRow.unit_id == row.id))
        values = [
            dict(zip(VARIANT_COLUMNS, variant_values(v, row.id, i), strict=True))
            for i, v in enumerate(unit.variants)
        ]
        s.execute(insert(VariantRow), values)
        s.expire(row, ["variants"])

    def _assign(self, s: Session, row: UnitRow, unit: Unit, user: str) -> None:
        row.srclang = unit.srclang
        row.tuid = unit.tuid
        row.attrs = _json(unit.attrs)
        row.props = _props_json(unit.props)
        row.notes = _json(unit.notes)
        row.updated_at = utcnow()
        row.updated_by = user
        s.flush()  # the version goes up here (and a stale one fails)
        self._write_variants(s, row, unit)
        s.flush()
        s.refresh(row)


def next_unit_id(s: Session) -> int:
    """One more than any unit id stored or named in the history (the caller holds the
    write lock; on PostgreSQL ``tm_units`` is locked here for the transaction)."""
    if s.get_bind().dialect.name == "postgresql":
        s.execute(text("LOCK TABLE tm_units IN SHARE ROW EXCLUSIVE MODE"))
    top = max(
        s.scalar(select(func.max(UnitRow.id))) or 0,
        s.scalar(select(func.max(UnitChangeRow.unit_id))) or 0,
    )
    return int(top) + 1


def _storable(ident: int) -> bool:
    return -(2**63) <= ident < 2**63


def _same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    strip = ("version",)
    return {k: v for k, v in a.items() if k not in strip} == {
        k: v for k, v in b.items() if k not in strip
    }


#: A unit as duplicates are told: the languages and sentences (white space aside).
UnitKey = frozenset[tuple[str, str]]


#: From this many new units on, an import on SQLite fills the search index once at the
#: end (when it adds a ninth or more of what the memory holds), not row by row.
BULK_UNITS = 5000
#: Page cache of a SQLite import, in kilobytes.
_IMPORT_CACHE_KB = 64 * 1024
#: FTS5's in-memory buffer while the search index is refilled, in bytes (its default, 1
#: MB, makes a segment every few thousand sentences and then spends its time merging).
_REFILL_HASH_BYTES = 64 * 1024 * 1024
_DEFAULT_HASH_BYTES = 1024 * 1024


class _SeenFilter:
    """The units of this import so far, in a fixed 16 MB whatever the file's size: a
    Bloom filter over their keys (four bits each). A unit it has not seen is new; one it
    may have seen is looked up in the database (a million units make a handful of such
    look-ups)."""

    BITS = 1 << 27

    def __init__(self) -> None:
        self.bits = bytearray(self.BITS >> 3)

    def add(self, key: UnitKey) -> bool:
        """Record ``key``; True if it may have been recorded before."""
        h = hash(key)
        step = ((h >> 32) | 1) & 0xFFFFFFFF
        at = h & 0xFFFFFFFF
        bits = self.bits
        mask = self.BITS - 1
        seen = True
        for _ in range(4):
            at = (at + step) & mask
            byte, bit = at >> 3, 1 << (at & 7)
            if not bits[byte] & bit:
                seen = False
                bits[byte] |= bit
        return seen


class _Import:
    """One TMX import inside one transaction: rows written a chunk at a time.

    Each sentence's search tokens and hash are computed once. On SQLite the rows go
    in through the DBAPI's executemany; a large import sets aside the triggers that
    keep the search index (``fts_tm``) current and fills it for the new sentences in
    one statement at the end, in the same transaction: a crash leaves the memory as it
    was, triggers included. Duplicates are found with the database's index of sentence
    hashes (and, when the memory was empty, a fixed-size filter first), so memory stays
    flat however large the file.
    """

    def __init__(
        self,
        s: Session,
        name: str,
        user: str,
        stream: IO[bytes],
        total: int,
        progress: Progress | None,
    ) -> None:
        self.s = s
        self.conn = s.connection()
        self.raw = self.conn.dialect.name == "sqlite"
        self.report = TmImportReport(file=name, batch=hist.new_batch())
        self.user = user
        self.stream = stream
        self.total = total
        self.progress = progress
        self.next_id = next_unit_id(s)
        self.first_id = self.next_id
        self.existing = int(s.scalar(select(func.count(UnitRow.id))) or 0)
        self.filter = _SeenFilter() if self.existing == 0 else None
        now = utcnow()
        self.now = now
        self._stamp = _bind(UnitRow.__table__, "created_at", self.conn)(now)
        self._sql: dict[str, str] = {}
        #: The full-text triggers set aside, and the last sentence id they had seen.
        self.paused: list[str] | None = None
        self.indexed_up_to = 0
        self.cache_size: int | None = None
        if self.raw:
            # The default page cache (2 MB) is small for the index of sentence hashes
            # a large import writes into; put back at the end.
            self.cache_size = self.conn.exec_driver_sql("PRAGMA cache_size").scalar()
            self.conn.exec_driver_sql(f"PRAGMA cache_size = -{_IMPORT_CACHE_KB}")

    def run(self) -> TmImportReport:
        try:
            return self._run()
        finally:
            if self.cache_size is not None:
                self.conn.exec_driver_sql(f"PRAGMA cache_size = {int(self.cache_size)}")

    def _run(self) -> TmImportReport:
        chunk: list[Unit] = []
        for item in read_units(self.stream, self.report.file):
            if isinstance(item, Skipped):
                self.report.skipped.append(item)
                continue
            chunk.append(item)
            if len(chunk) >= _CHUNK:
                self._write(chunk)
                chunk = []
        self._write(chunk)
        if self.paused is not None:
            self._refill_search_index()
        report = self.report
        change = UnitChangeRow(
            unit_id=None,
            action="import",
            user=self.user,
            before=None,
            after={
                "file": report.file,
                "units": report.added,
                "first_id": self.first_id,
                "last_id": self.next_id - 1,
            },
            batch=report.batch,
        )
        self.s.add(change)
        self.s.flush()
        report.change_id = change.id
        return report

    def _write(self, chunk: list[Unit]) -> None:
        if not chunk:
            return
        # Each sentence's hash and search tokens, computed once.
        exacts = [[exact_key(v.text) for v in u.variants] for u in chunk]
        keys = [
            frozenset(zip((v.lang for v in u.variants), ex, strict=True))
            for u, ex in zip(chunk, exacts, strict=True)
        ]
        fresh = self._new_units(chunk, keys)
        if not fresh:
            return
        units_rows = []
        variant_rows = []
        stamp, user, batch = self._stamp, self.user, self.report.batch
        for k in fresh:
            unit = chunk[k]
            uid = self.next_id
            self.next_id += 1
            units_rows.append(
                (
                    uid,
                    unit.srclang,
                    unit.origin,
                    unit.origin_file,
                    None,
                    None,
                    unit.tuid,
                    _json(unit.attrs) if unit.attrs else "{}",
                    _props_json(unit.props) if unit.props else "[]",
                    _json(unit.notes) if unit.notes else "[]",
                    batch,
                    1,
                    stamp,
                    user,
                    stamp,
                    user,
                )
            )
            variant_rows += [
                variant_values(v, uid, i, exact)
                for i, (v, exact) in enumerate(zip(unit.variants, exacts[k], strict=True))
            ]
        self.report.added += len(fresh)
        if self.paused is None and self.raw and self._bulk_worthwhile():
            self.paused = pause_full_text(self.conn, ("tm_variants",))
            self.indexed_up_to = int(self.s.scalar(select(func.max(VariantRow.id))) or 0)
        self._insert(UnitRow.__table__, UNIT_COLUMNS, units_rows)
        self._insert(VariantRow.__table__, VARIANT_COLUMNS, variant_rows)
        if self.progress is not None:
            with contextlib.suppress(OSError, ValueError):
                self.progress(self.stream.tell(), self.total)
        collect_young()

    def _bulk_worthwhile(self) -> bool:
        """Filling the search index once beats keeping it current row by row when the
        import adds more than about a ninth of what is there (as for entries)."""
        added = self.report.added
        return added >= BULK_UNITS and added * 9 >= self.existing

    def _refill_search_index(self) -> None:
        """Put the new sentences into ``fts_tm`` in one statement, then the triggers
        back (same transaction)."""
        assert self.paused is not None
        conn = self.conn
        conn.exec_driver_sql(
            f"INSERT INTO fts_tm(fts_tm, rank) VALUES ('hashsize', {_REFILL_HASH_BYTES})"
        )
        conn.exec_driver_sql(
            "INSERT INTO fts_tm(rowid, grams) SELECT id, grams FROM tm_variants WHERE id > ?",
            (self.indexed_up_to,),
        )
        conn.exec_driver_sql(
            f"INSERT INTO fts_tm(fts_tm, rank) VALUES ('hashsize', {_DEFAULT_HASH_BYTES})"
        )
        for sql in self.paused:
            conn.exec_driver_sql(sql)
        self.paused = None

    def _new_units(self, chunk: list[Unit], keys: list[UnitKey]) -> list[int]:
        """The places in ``chunk`` of the units not in the memory yet (nor earlier in the
        file, nor earlier in the chunk); the others are counted as duplicates."""
        filter_ = self.filter
        if filter_ is not None:  # the memory was empty: only this import's units
            maybe = [k for k, key in enumerate(keys) if filter_.add(key)]
        else:
            maybe = list(range(len(keys)))
        stored = self._stored_keys([keys[k] for k in maybe]) if maybe else set()
        fresh = []
        in_chunk: set[UnitKey] = set()
        for k, key in enumerate(keys):
            if key in in_chunk or key in stored:
                self.report.duplicates += 1
                continue
            in_chunk.add(key)
            fresh.append(k)
        return fresh

    def _stored_keys(self, keys: list[UnitKey]) -> set[UnitKey]:
        """Those of ``keys`` that a stored unit has (all its sentences the same)."""
        exacts = sorted({e for key in keys for _, e in key})
        found: dict[int, set[tuple[str, str]]] = {}
        for start in range(0, len(exacts), 500):
            rows = self.s.execute(
                select(VariantRow.unit_id).where(VariantRow.exact.in_(exacts[start : start + 500]))
            ).all()
            for (uid,) in rows:
                found.setdefault(uid, set())
        if not found:
            return set()
        ids = list(found)
        for start in range(0, len(ids), 500):
            for uid, lang, ex in self.s.execute(
                select(VariantRow.unit_id, VariantRow.lang, VariantRow.exact).where(
                    VariantRow.unit_id.in_(ids[start : start + 500])
                )
            ).all():
                found[uid].add((lang, ex))
        return {frozenset(v) for v in found.values()} & set(keys)

    def _insert(self, table: Any, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
        if not rows:
            return
        t = cast(Table, table)
        if self.raw:
            sql = self._sql.get(t.name)
            if sql is None:
                sql = self._sql[t.name] = (
                    f"INSERT INTO {t.name} ({', '.join(columns)}) "
                    f"VALUES ({', '.join('?' * len(columns))})"
                )
            # The DBAPI's executemany directly: several times faster than SQLAlchemy's
            # row-by-row parameter handling.
            self.conn.exec_driver_sql(sql, cast(Any, rows))
        else:
            self.conn.execute(insert(t), [dict(zip(columns, r, strict=True)) for r in rows])


def _bind(table: Any, column: str, conn: Any) -> Callable[[Any], Any]:
    """What the driver is given for a value of ``column`` (SQLite stores dates as text)."""
    col_type = cast(Table, table).c[column].type
    dialect = conn.dialect
    proc = (
        col_type.dialect_impl(dialect).bind_processor(dialect)
        if conn.dialect.name == "sqlite"
        else None
    )
    return proc or (lambda value: value)

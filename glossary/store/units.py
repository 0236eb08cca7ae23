"""Translation units in the database (``tm_units``, ``tm_variants``): rows made from
units and units read back, new ids, reading, writing and deleting, and the sentences
that fuzzy matches and the concordance score.

Units get their ids from the memory itself, one more than the largest id stored or
named in the history, so a deleted unit's id (and history) is never given to another
unit; writers hold the write lock (SQLite) or lock ``tm_units`` (PostgreSQL) meanwhile.

Each sentence is stored with two values derived from its text by the memory's rules
(:mod:`glossary.tm.text`), which the caller passes in: its search tokens (``grams``, as
the index of :mod:`glossary.store.unit_index` stores them) and the hash that finds it
again for a 100% match (``exact``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

import orjson
from sqlalchemy import Table, delete, func, insert, select, text
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from glossary.errors import ConflictError, NotFound
from glossary.model import Prop, Unit, Variant
from glossary.store.entries import is_storable_id
from glossary.store.loading import load_one
from glossary.store.models import UnitChangeRow, UnitRow, VariantRow, utcnow

#: A sentence's search tokens and its hash, as :mod:`glossary.tm.text` makes them.
Derived = tuple[str, str]
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
#: Ids per ``IN (...)`` list.
_IN_CHUNK = 500


def to_json(value: Any) -> str:
    return orjson.dumps(value).decode("utf-8")


def props_json(props: list[Prop]) -> str:
    return to_json([p.to_dict() for p in props])


def variant_own(v: Variant, derived: Derived) -> tuple[Any, ...]:
    """The values of a sentence's ``tm_variants`` row that come from the sentence, in
    :data:`VARIANT_COLUMNS` order (after ``unit_id`` and ``position``)."""
    grams, exact = derived
    return (
        v.lang,
        v.tag,
        v.text,
        v.seg,
        v.before,
        v.after,
        to_json(v.attrs) if v.attrs else "{}",
        props_json(v.props) if v.props else "[]",
        to_json(v.notes) if v.notes else "[]",
        grams,
        exact,
    )


def variant_values(v: Variant, unit_id: int, position: int, derived: Derived) -> tuple[Any, ...]:
    """A ``tm_variants`` row of a variant, in :data:`VARIANT_COLUMNS` order."""
    return (unit_id, position, *variant_own(v, derived))


def tmx_details(row: Any) -> dict[str, Any]:
    """What a TMX file said about a unit or a sentence (``attrs``, ``props``, ``notes``),
    read back from the JSON text of its row."""
    return {
        "attrs": orjson.loads(row.attrs or "{}"),
        "props": [Prop.from_dict(p) for p in orjson.loads(row.props or "[]")],
        "notes": orjson.loads(row.notes or "[]"),
    }


def variant_from_row(row: Any) -> Variant:
    """The sentence of a ``tm_variants`` row (an ORM row or a Core one)."""
    return Variant(
        id=row.id,
        lang=row.lang,
        text=row.text,
        seg=row.seg,
        tag=row.tag,
        before=row.before,
        after=row.after,
        **tmx_details(row),
    )


def unit_from_row(row: UnitRow) -> Unit:
    return _unit(row, [variant_from_row(v) for v in sorted(row.variants, key=lambda v: v.position)])


def _unit(row: Any, variants: list[Variant]) -> Unit:
    """The unit of a ``tm_units`` row (an ORM row or a Core one) with its sentences."""
    return Unit(
        id=row.id,
        version=row.version,
        srclang=row.srclang,
        origin=row.origin,
        origin_file=row.origin_file,
        source_article_id=row.source_article_id,
        target_article_id=row.target_article_id,
        tuid=row.tuid,
        **tmx_details(row),
        batch=row.batch,
        created_at=row.created_at,
        created_by=row.created_by,
        updated_at=row.updated_at,
        updated_by=row.updated_by,
        variants=variants,
    )


_units = cast(Table, UnitRow.__table__)
_variants = cast(Table, VariantRow.__table__)


def _read_units(s: Session, where: Any, *, limit: int | None = None) -> list[Unit]:
    """The units that ``where`` selects, in id order, read with two plain queries (the
    ORM's objects are not needed to read, and cost several times more)."""
    q = select(_units).where(where).order_by(_units.c.id)
    if limit is not None:
        q = q.limit(limit)
    unit_rows = s.execute(q).all()
    if not unit_rows:
        return []
    sentences: dict[int, list[Variant]] = {r.id: [] for r in unit_rows}
    ids = list(sentences)
    for start in range(0, len(ids), _IN_CHUNK):
        for v in s.execute(
            select(_variants)
            .where(_variants.c.unit_id.in_(ids[start : start + _IN_CHUNK]))
            .order_by(_variants.c.unit_id, _variants.c.position)
        ):
            sentences[v.unit_id].append(variant_from_row(v))
    return [_unit(r, sentences[r.id]) for r in unit_rows]


# -- reading ------------------------------------------------------------------------


def load_unit(s: Session, unit_id: int, *, lock: bool = False) -> UnitRow:
    """The row of a unit, with its sentences (locked for the transaction on PostgreSQL
    with ``lock``); NotFound if there is none."""
    missing = f"there is no translation unit {unit_id}"
    if not is_storable_id(unit_id):
        raise NotFound(missing)
    q = select(UnitRow).where(UnitRow.id == unit_id).options(selectinload(UnitRow.variants))
    return load_one(s, q, missing, lock=lock)


def find_unit(s: Session, unit_id: int) -> UnitRow | None:
    """The row of a unit, or None."""
    return s.get(UnitRow, unit_id) if is_storable_id(unit_id) else None


def units_by_id(s: Session, ids: Sequence[int]) -> dict[int, Unit]:
    """The units with these ids (those that exist), by id."""
    out: dict[int, Unit] = {}
    wanted = [i for i in dict.fromkeys(ids) if is_storable_id(i)]
    for start in range(0, len(wanted), _IN_CHUNK):
        for unit in _read_units(s, _units.c.id.in_(wanted[start : start + _IN_CHUNK])):
            out[unit.id or 0] = unit
    return out


def count_units(s: Session) -> int:
    return int(s.scalar(select(func.count(UnitRow.id))) or 0)


def newest_unit_ids(s: Session, n: int) -> list[int]:
    """The ids of the ``n`` units stored last, newest first."""
    return list(s.scalars(select(UnitRow.id).order_by(UnitRow.id.desc()).limit(n)))


def units_after(s: Session, last: int, langs: Sequence[str], limit: int) -> list[Unit]:
    """Up to ``limit`` units with ids above ``last`` and a sentence in each of
    ``langs``, in id order."""
    where = _units.c.id > last
    for lang in langs:
        has = select(_variants.c.id).where(
            _variants.c.unit_id == _units.c.id, _variants.c.lang == lang
        )
        where = where & has.exists()
    return _read_units(s, where, limit=limit)


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


# -- writing ------------------------------------------------------------------------


def insert_unit(
    s: Session,
    unit: Unit,
    derived: list[Derived],
    user: str,
    batch: str,
    *,
    unit_id: int | None,
) -> UnitRow:
    """Store a new unit (with ``unit_id``, or the next free id); ``derived`` holds each
    of its sentences' search tokens and hash."""
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
        attrs=to_json(unit.attrs),
        props=props_json(unit.props),
        notes=to_json(unit.notes),
        batch=batch,
        created_at=now,
        created_by=user,
        updated_at=now,
        updated_by=user,
    )
    s.add(row)
    s.flush()
    _write_variants(s, row, unit, derived)
    s.refresh(row)
    return row


def _write_variants(s: Session, row: UnitRow, unit: Unit, derived: list[Derived]) -> None:
    s.execute(delete(VariantRow).where(VariantRow.unit_id == row.id))
    values = [
        dict(zip(VARIANT_COLUMNS, variant_values(v, row.id, i, d), strict=True))
        for i, (v, d) in enumerate(zip(unit.variants, derived, strict=True))
    ]
    s.execute(insert(VariantRow), values)
    s.expire(row, ["variants"])


def assign_unit(s: Session, row: UnitRow, unit: Unit, derived: list[Derived], user: str) -> None:
    """Give a stored unit ``unit``'s sentences and details; its version goes up. A row
    someone else saved meanwhile raises ConflictError."""
    row.srclang = unit.srclang
    row.tuid = unit.tuid
    row.attrs = to_json(unit.attrs)
    row.props = props_json(unit.props)
    row.notes = to_json(unit.notes)
    row.updated_at = utcnow()
    row.updated_by = user
    try:
        s.flush()  # the version goes up here (and a stale one fails)
    except StaleDataError:
        raise ConflictError(row.id, unit.version, None) from None
    _write_variants(s, row, unit, derived)
    s.flush()
    s.refresh(row)


def delete_unit(s: Session, row: UnitRow) -> None:
    s.delete(row)
    s.flush()


def discard_changes(s: Session) -> None:
    """Roll the caller's transaction back (a write that turned out to change nothing)."""
    s.rollback()


def edited_units_of_batch(s: Session, batch: str) -> list[UnitRow]:
    """The units a batch (an import) added that were edited since (version above 1)."""
    return list(
        s.scalars(
            select(UnitRow)
            .where(UnitRow.batch == batch, UnitRow.version > 1)
            .options(selectinload(UnitRow.variants))
        )
    )


def delete_batch(s: Session, batch: str) -> int:
    """Delete every unit a batch added; return how many."""
    ids = s.scalars(select(UnitRow.id).where(UnitRow.batch == batch)).all()
    for start in range(0, len(ids), _IN_CHUNK):
        part = ids[start : start + _IN_CHUNK]
        s.execute(delete(VariantRow).where(VariantRow.unit_id.in_(part)))
        s.execute(delete(UnitRow).where(UnitRow.id.in_(part)))
    return len(ids)


# -- the sentences matches and the concordance score ---------------------------------


def variants_with_hash(s: Session, exact: str, lang: str, limit: int) -> set[int]:
    """Ids of the sentences in ``lang`` with this hash (the candidates of a 100% match),
    the newest ``limit`` of them (a memory can hold one boilerplate line thousands of
    times)."""
    return set(
        s.scalars(
            select(VariantRow.id)
            .where(VariantRow.exact == exact, VariantRow.lang == lang)
            .order_by(VariantRow.id.desc())
            .limit(limit)
        )
    )


def variant_texts(
    s: Session, ids: Sequence[int], lang: str
) -> list[tuple[int, int, str, str, str, str]]:
    """``(id, unit id, text, seg, before, after)`` of the sentences in ``lang`` among ``ids``."""
    rows: list[Any] = []
    for start in range(0, len(ids), _IN_CHUNK):
        rows += s.execute(
            select(
                VariantRow.id,
                VariantRow.unit_id,
                VariantRow.text,
                VariantRow.seg,
                VariantRow.before,
                VariantRow.after,
            ).where(VariantRow.id.in_(ids[start : start + _IN_CHUNK]), VariantRow.lang == lang)
        ).all()
    return [tuple(r) for r in rows]


def variant_langs_and_texts(s: Session, ids: Sequence[int]) -> list[tuple[int, str, str]]:
    """``(unit id, lang, text)`` of the sentences with these ids."""
    out: list[tuple[int, str, str]] = []
    for start in range(0, len(ids), _IN_CHUNK):
        rows = s.execute(
            select(VariantRow.unit_id, VariantRow.lang, VariantRow.text).where(
                VariantRow.id.in_(ids[start : start + _IN_CHUNK])
            )
        ).all()
        out += [(r[0], r[1], r[2]) for r in rows]
    return out

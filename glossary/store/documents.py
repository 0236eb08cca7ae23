"""Entry documents: every entry with its terms as one JSON text (table ``entry_docs``).

The lookup and the exports read whole entries, many at a time. Read from ``entries`` and
``terms``, an entry costs a row and a row per term, each turned into Python values
column by column; read from its document it costs one row and one JSON parse, which
is about twice as fast for a lookup's twenty entries and for a million-entry export.
Documents are parsed with orjson, which takes 1.3 µs for a typical 320-byte document
where the standard library's parser takes 2.3 µs.

A document is a JSON array::

    [kind, status, origin, note, version, evidence_count,
     created_at, created_by, updated_at, updated_by,
     [[language rank, position, term id, lang, text, role, hanja, romanization,
       press, reading, hepburn, plain, family, given, note, suggested], ...]]

The database writes the documents itself (migration 0003): triggers on ``entries`` and
``terms`` rewrite an entry's document in the same statement as any change to the entry
or its terms, whoever makes it, so a document is never older than the rows. The terms
come in no particular order; :func:`entry_from_doc` orders them as the ORM does
(language rank: English, Korean, Japanese; then position and id).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

import orjson

from glossary.model import Entry, Term
from glossary.vocab import TERM_FIELDS

if TYPE_CHECKING:
    from sqlalchemy import Connection

#: The order of an entry's languages (the ORM's and the documents'): English, Korean,
#: Japanese. Kept here rather than beside the ORM so that reading documents needs no ORM.
LANG_ORDER = {"en": 0, "ko": 1, "ja": 2}

# A term's language rank (LANG_ORDER), position and id come first, so
# that sorting the term lists as they are puts them in the order the ORM gives.
_TERM_VALUES = (
    "CASE t.lang WHEN 'en' THEN 0 WHEN 'ko' THEN 1 WHEN 'ja' THEN 2 ELSE 9 END, "
    "t.position, t.id, t.lang, t.text, t.role, t.hanja, t.romanization, t.press, t.reading, "
    "t.hepburn, t.plain, t.family, t.given, t.note"
)
_ENTRY_VALUES = (
    "e.kind, e.status, e.origin, e.note, e.version, e.evidence_count, "
    "e.created_at, e.created_by, e.updated_at, e.updated_by"
)
_SQLITE_DOC = (
    f"json_array({_ENTRY_VALUES}, (SELECT json_group_array(json_array({_TERM_VALUES}, "
    "json(t.suggested))) FROM terms AS t WHERE t.entry_id = e.id))"
)
_POSTGRES_DOC = (
    f"json_build_array({_ENTRY_VALUES}, coalesce((SELECT json_agg(json_build_array("
    f"{_TERM_VALUES}, t.suggested)) FROM terms AS t WHERE t.entry_id = e.id), '[]'))::text"
)


def _sqlite_write(where: str) -> str:
    return (
        f"INSERT OR REPLACE INTO entry_docs (entry_id, doc) SELECT e.id, {_SQLITE_DOC} "
        f"FROM entries AS e WHERE {where}"
    )


def refill_sql(dialect: str, where: str = "1 = 1") -> str:
    """The statement that (re)writes the documents of the entries ``where`` selects
    (alias ``e``), on the ``sqlite`` or ``postgresql`` backend."""
    if dialect == "sqlite":
        return _sqlite_write(where)
    return (
        f"INSERT INTO entry_docs (entry_id, doc) SELECT e.id, {_POSTGRES_DOC} "
        f"FROM entries AS e WHERE {where} "
        "ON CONFLICT (entry_id) DO UPDATE SET doc = excluded.doc"
    )


#: SQLite's triggers, by name (migration 0003).
SQLITE_TRIGGERS: tuple[tuple[str, str], ...] = (
    (
        "entry_docs_entry_insert",
        "CREATE TRIGGER entry_docs_entry_insert AFTER INSERT ON entries BEGIN "
        f"{_sqlite_write('e.id = new.id')}; END",
    ),
    (
        "entry_docs_entry_update",
        "CREATE TRIGGER entry_docs_entry_update AFTER UPDATE ON entries BEGIN "
        "DELETE FROM entry_docs WHERE entry_id = old.id AND old.id <> new.id; "
        f"{_sqlite_write('e.id = new.id')}; END",
    ),
    (
        "entry_docs_entry_delete",
        "CREATE TRIGGER entry_docs_entry_delete AFTER DELETE ON entries BEGIN "
        "DELETE FROM entry_docs WHERE entry_id = old.id; END",
    ),
    (
        "entry_docs_term_insert",
        "CREATE TRIGGER entry_docs_term_insert AFTER INSERT ON terms BEGIN "
        f"{_sqlite_write('e.id = new.entry_id')}; END",
    ),
    (
        "entry_docs_term_update",
        "CREATE TRIGGER entry_docs_term_update AFTER UPDATE ON terms BEGIN "
        f"{_sqlite_write('e.id = old.entry_id')}; "
        f"{_sqlite_write('e.id = new.entry_id AND new.entry_id <> old.entry_id')}; END",
    ),
    (
        "entry_docs_term_delete",
        "CREATE TRIGGER entry_docs_term_delete AFTER DELETE ON terms BEGIN "
        f"{_sqlite_write('e.id = old.entry_id')}; END",
    ),
)

#: PostgreSQL's function writing one document, and the triggers (migration 0003).
POSTGRES_FUNCTIONS: tuple[str, ...] = (
    "CREATE FUNCTION glossary_write_doc(eid integer) RETURNS void LANGUAGE sql AS $$ "
    + refill_sql("postgresql", "e.id = eid")
    + " $$",
    """CREATE FUNCTION glossary_entries_doc() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'DELETE' THEN
            DELETE FROM entry_docs WHERE entry_id = OLD.id;
        ELSE
            IF TG_OP = 'UPDATE' AND OLD.id <> NEW.id THEN
                DELETE FROM entry_docs WHERE entry_id = OLD.id;
            END IF;
            PERFORM glossary_write_doc(NEW.id);
        END IF;
        RETURN NULL;
    END $$""",
    """CREATE FUNCTION glossary_terms_doc() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP <> 'INSERT' THEN
            PERFORM glossary_write_doc(OLD.entry_id);
        END IF;
        IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.entry_id <> OLD.entry_id) THEN
            PERFORM glossary_write_doc(NEW.entry_id);
        END IF;
        RETURN NULL;
    END $$""",
    "CREATE TRIGGER entry_docs_entries AFTER INSERT OR UPDATE OR DELETE ON entries "
    "FOR EACH ROW EXECUTE FUNCTION glossary_entries_doc()",
    "CREATE TRIGGER entry_docs_terms AFTER INSERT OR UPDATE OR DELETE ON terms "
    "FOR EACH ROW EXECUTE FUNCTION glossary_terms_doc()",
)


# -- reading ------------------------------------------------------------------------


#: The places of a document's values (see the module docstring) ...
KIND, STATUS, ORIGIN, NOTE, VERSION, EVIDENCE = range(6)
CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY, TERMS = range(6, 11)
#: ... and of a term's: TERM_AT[field] for the fields (hanja ... given).
TERM_ID, TERM_LANG, TERM_TEXT, TERM_ROLE = 2, 3, 4, 5
TERM_AT = {name: 6 + i for i, name in enumerate(TERM_FIELDS)}
TERM_NOTE, TERM_SUGGESTED = 14, 15
#: An entry as its document's values: (entry id, values).
DocRow = tuple[int, list[Any]]


def marks(value: Any) -> list[str]:
    """A term's ``suggested`` marks as a document holds them."""
    if not value:
        return []
    if isinstance(value, str):  # a JSON column written as text by hand
        value = json.loads(value)
    return list(value)


_loads = orjson.loads
_fromisoformat = datetime.fromisoformat


def read_doc(doc: str) -> list[Any]:
    """A document's values, its terms in the ORM's order (language rank: English,
    Korean, Japanese; then position and id)."""
    d: list[Any] = _loads(doc)
    terms = d[TERMS]
    if len(terms) > 1:
        terms.sort()  # language rank, position, id: unique before the lists differ
    return d


def entry_from_doc(
    entry_id: int, doc: str, when: Callable[[Any], datetime | None] | None = None
) -> Entry:
    """The entry an ``entry_docs`` document holds.

    Time stamps are read with :meth:`datetime.fromisoformat` (SQLite's text as
    SQLAlchemy writes it, PostgreSQL's JSON), or with ``when`` for anything else.
    """
    return entry_from_values(entry_id, read_doc(doc), when)


def entry_from_values(
    entry_id: int, d: list[Any], when: Callable[[Any], datetime | None] | None = None
) -> Entry:
    """The entry of a document's values (:func:`read_doc`)."""
    terms = d[TERMS]
    created, updated = d[6], d[8]
    try:
        created = _fromisoformat(created) if created else None
        updated = _fromisoformat(updated) if updated else None
    except (TypeError, ValueError):
        if when is None:
            raise
        created, updated = when(d[6]), when(d[8])
    return Entry(
        d[0],  # kind
        [
            Term(
                t[3],
                t[4],
                t[5],
                t[6],
                t[7],
                t[8],
                t[9],
                t[10],
                t[11],
                t[12],
                t[13],
                t[14],
                marks(t[15]) if t[15] else [],
                t[2],
            )
            for t in terms
        ],
        d[1],  # status
        d[2],  # origin
        d[3],  # note
        entry_id,
        d[4],  # version
        d[5],  # evidence_count
        created,
        d[7],
        updated,
        d[9],
    )


def values_from_entry(entry: Entry) -> list[Any]:
    """The values of the document an entry would have: the inverse of
    :func:`entry_from_values`, for code that works on documents' values."""
    positions: dict[str, int] = {}
    terms = []
    for t in entry.terms:
        position = positions.get(t.lang, 0)
        positions[t.lang] = position + 1
        terms.append(
            [
                LANG_ORDER.get(t.lang, 9),
                position,
                t.id,
                t.lang,
                t.text,
                t.role,
                *(getattr(t, name) for name in TERM_FIELDS),
                t.note,
                list(t.suggested),
            ]
        )
    return [
        entry.kind,
        entry.status,
        entry.origin,
        entry.note,
        entry.version,
        entry.evidence_count,
        entry.created_at.isoformat(" ") if entry.created_at else None,
        entry.created_by,
        entry.updated_at.isoformat(" ") if entry.updated_at else None,
        entry.updated_by,
        terms,
    ]


# -- bulk writes --------------------------------------------------------------------

_DIRTY_TRIGGERS = (
    "CREATE TEMP TRIGGER entry_docs_dirty_entry_insert AFTER INSERT ON main.entries BEGIN "
    "INSERT OR IGNORE INTO entry_docs_dirty VALUES (new.id); END",
    "CREATE TEMP TRIGGER entry_docs_dirty_entry_update AFTER UPDATE ON main.entries BEGIN "
    "INSERT OR IGNORE INTO entry_docs_dirty VALUES (old.id), (new.id); END",
    "CREATE TEMP TRIGGER entry_docs_dirty_entry_delete AFTER DELETE ON main.entries BEGIN "
    "INSERT OR IGNORE INTO entry_docs_dirty VALUES (old.id); END",
    "CREATE TEMP TRIGGER entry_docs_dirty_term_insert AFTER INSERT ON main.terms BEGIN "
    "INSERT OR IGNORE INTO entry_docs_dirty VALUES (new.entry_id); END",
    "CREATE TEMP TRIGGER entry_docs_dirty_term_update AFTER UPDATE ON main.terms BEGIN "
    "INSERT OR IGNORE INTO entry_docs_dirty VALUES (old.entry_id), (new.entry_id); END",
    "CREATE TEMP TRIGGER entry_docs_dirty_term_delete AFTER DELETE ON main.terms BEGIN "
    "INSERT OR IGNORE INTO entry_docs_dirty VALUES (old.entry_id); END",
)


def pause_documents(conn: Connection) -> list[str]:
    """For a bulk write on SQLite: stop rewriting documents row by row.

    Rewriting an entry's document for each of its terms as they are inserted one by one
    costs more than writing each document once at the end. The document triggers are
    dropped (their definitions returned) and, in their place, temporary triggers of this
    connection note which entries changed; :func:`resume_documents`, in the same
    transaction, writes those entries' documents and puts the triggers back. Other
    connections never see the difference. On PostgreSQL nothing is paused (``[]``).
    """
    if conn.dialect.name != "sqlite":
        return []
    found = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
        "AND name LIKE 'entry\\_docs\\_%' ESCAPE '\\'"
    ).all()
    conn.exec_driver_sql(
        "CREATE TEMP TABLE IF NOT EXISTS entry_docs_dirty (entry_id INTEGER PRIMARY KEY)"
    )
    for name, _ in found:
        conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
    for statement in _DIRTY_TRIGGERS:
        conn.exec_driver_sql(statement)
    return [sql for _, sql in found]


def resume_documents(conn: Connection, triggers: list[str]) -> None:
    """Write the documents of the entries changed since :func:`pause_documents`, and
    put its ``triggers`` back."""
    if conn.dialect.name != "sqlite":
        return
    for statement in _DIRTY_TRIGGERS:
        conn.exec_driver_sql("DROP TRIGGER " + statement.split()[3])
    conn.exec_driver_sql(
        "DELETE FROM entry_docs WHERE entry_id IN (SELECT entry_id FROM entry_docs_dirty)"
    )
    conn.exec_driver_sql(refill_sql("sqlite", "e.id IN (SELECT entry_id FROM entry_docs_dirty)"))
    conn.exec_driver_sql("DROP TABLE temp.entry_docs_dirty")
    for sql in triggers:
        conn.exec_driver_sql(sql)

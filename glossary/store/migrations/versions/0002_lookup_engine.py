"""lookup engine: key flags, covering key index, substring and typo indexes

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 09:00:00

``term_keys`` gains ``fuzzy`` and ``cjk`` flags and a covering index for exact, variant
and prefix lookups. The substring and typo indexes are backend-specific and are not in
the models (``glossary.store.models.is_unmodelled``):

* SQLite: two external-content FTS5 tables whose postings hold only row ids
  (detail=none), kept current by triggers. ``fts_typo_keys`` holds each distinct key
  flagged ``fuzzy`` once (a family name is the key of thousands of entries); ``fts_typo``
  indexes the trigrams of `` key `` (a space each side, so that the first and last
  letters count) under the row id ``length(key) << 32 | id``: typo search reads only the
  postings of keys of about the query's length, as a row-id range, and then the
  candidates' text from the small ``fts_typo_keys``. ``fts_cjk`` indexes the keys
  flagged ``cjk`` as their overlapping two-character pieces (高市早苗 → 高市 市早 早苗
  苗, the last piece one character), with a prefix index of one character: a
  two-character substring is one piece, a one-character substring the first character
  of a piece, a longer one every piece of it. The trigram tokenizer cannot do this: it
  answers nothing shorter than three characters, not even as a prefix, and
  two-character names (高市, 안보) are common. The pieces are cut in SQL, so the first
  :data:`_PIECES` characters of a key are indexed (a longer Korean or Japanese form is
  rare; its tail is not searchable inside). ``ix_terms_covering`` holds every column
  of ``terms`` in entry order, so an entry's terms are read from one place.
* PostgreSQL: a ``pg_trgm`` GIN index over the ``fuzzy`` keys, and a GIN index over
  ``glossary_key_grams(key)``, the one- and two-character pieces of the ``cjk`` keys.

Keys stored before this revision lack the flags; ``index_state`` has no row for them,
so the glossary rebuilds every entry's keys when it is next opened.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_PIECES = 48


def _pieces(n: int) -> str:
    return " || ' ' || ".join(f"substr({{k}}, {i}, 2)" for i in range(1, n + 1))


#: key -> '高市 市早 早苗 苗' (pieces past the end of the key are empty strings; the CASE
#: keeps short keys, the usual ones, from paying for 48 pieces).
_CJK_PIECES = (
    f"CASE WHEN length({{k}}) <= 8 THEN {_pieces(8)} "
    f"WHEN length({{k}}) <= 16 THEN {_pieces(16)} ELSE {_pieces(_PIECES)} END"
)
_TRIGGER_PARTS = {
    "new": _CJK_PIECES.format(k="new.key"),
    "old": _CJK_PIECES.format(k="old.key"),
}
_SQLITE_UP = (
    # Every column of a term, in entry order: the lookup reads an entry's terms from this
    # index alone (SQLite has no size limit on index rows; PostgreSQL has, so there the
    # lookup reads the table through ix_terms_entry).
    "CREATE INDEX ix_terms_covering ON terms (entry_id, lang, position, id, text, role, "
    "hanja, romanization, press, reading, hepburn, plain, family, given, note, suggested)",
    # Typo search works on distinct key strings (a family name is the key of thousands of
    # entries); the lookup then finds the entries of the keys it chose.
    "CREATE TABLE fts_typo_keys (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE)",
    "CREATE VIEW fts_typo_source AS SELECT (length(key) << 32) | id AS rid, "
    "' ' || key || ' ' AS k FROM fts_typo_keys",
    "CREATE VIRTUAL TABLE fts_typo USING fts5(k, content='fts_typo_source', "
    "content_rowid='rid', tokenize='trigram', detail='none', columnsize=0)",
    f"CREATE VIEW fts_cjk_source AS SELECT id, {_CJK_PIECES.format(k='key')} AS k "
    "FROM term_keys WHERE cjk",
    "CREATE VIRTUAL TABLE fts_cjk USING fts5(k, content='fts_cjk_source', "
    "content_rowid='id', tokenize='ascii', detail='none', columnsize=0, prefix='1')",
    """CREATE TRIGGER fts_term_keys_insert AFTER INSERT ON term_keys BEGIN
        INSERT OR IGNORE INTO fts_typo_keys(key) SELECT new.key WHERE new.fuzzy;
        INSERT INTO fts_cjk(rowid, k) SELECT new.id, {new} WHERE new.cjk;
    END""",
    """CREATE TRIGGER fts_term_keys_delete AFTER DELETE ON term_keys BEGIN
        DELETE FROM fts_typo_keys WHERE old.fuzzy AND key = old.key
            AND NOT EXISTS (SELECT 1 FROM term_keys WHERE key = old.key AND fuzzy);
        INSERT INTO fts_cjk(fts_cjk, rowid, k)
            SELECT 'delete', old.id, {old} WHERE old.cjk;
    END""",
    """CREATE TRIGGER fts_term_keys_update AFTER UPDATE ON term_keys BEGIN
        DELETE FROM fts_typo_keys WHERE old.fuzzy AND key = old.key
            AND NOT EXISTS (SELECT 1 FROM term_keys WHERE key = old.key AND fuzzy);
        INSERT OR IGNORE INTO fts_typo_keys(key) SELECT new.key WHERE new.fuzzy;
        INSERT INTO fts_cjk(fts_cjk, rowid, k)
            SELECT 'delete', old.id, {old} WHERE old.cjk;
        INSERT INTO fts_cjk(rowid, k) SELECT new.id, {new} WHERE new.cjk;
    END""",
    """CREATE TRIGGER fts_typo_keys_insert AFTER INSERT ON fts_typo_keys BEGIN
        INSERT INTO fts_typo(rowid, k)
            VALUES ((length(new.key) << 32) | new.id, ' ' || new.key || ' ');
    END""",
    """CREATE TRIGGER fts_typo_keys_delete AFTER DELETE ON fts_typo_keys BEGIN
        INSERT INTO fts_typo(fts_typo, rowid, k)
            VALUES ('delete', (length(old.key) << 32) | old.id, ' ' || old.key || ' ');
    END""",
)
_SQLITE_DOWN = (
    "DROP INDEX IF EXISTS ix_terms_covering",
    "DROP TRIGGER IF EXISTS fts_typo_keys_delete",
    "DROP TRIGGER IF EXISTS fts_typo_keys_insert",
    "DROP TRIGGER IF EXISTS fts_term_keys_update",
    "DROP TRIGGER IF EXISTS fts_term_keys_delete",
    "DROP TRIGGER IF EXISTS fts_term_keys_insert",
    "DROP TABLE IF EXISTS fts_cjk",
    "DROP VIEW IF EXISTS fts_cjk_source",
    "DROP TABLE IF EXISTS fts_typo",
    "DROP VIEW IF EXISTS fts_typo_source",
    "DROP TABLE IF EXISTS fts_typo_keys",
)

_POSTGRES_UP = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX ix_term_keys_trgm ON term_keys USING gin (key gin_trgm_ops) WHERE fuzzy",
    """CREATE FUNCTION glossary_key_grams(k text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT coalesce(array_agg(DISTINCT g), '{}'::text[]) FROM (
            SELECT substr(k, i, 1) AS g FROM generate_series(1, char_length(k)) AS i
            UNION ALL
            SELECT substr(k, i, 2) FROM generate_series(1, char_length(k) - 1) AS i
        ) AS pieces
    $$""",
    "CREATE INDEX ix_term_keys_grams ON term_keys USING gin (glossary_key_grams(key)) WHERE cjk",
)
_POSTGRES_DOWN = (
    "DROP INDEX IF EXISTS ix_term_keys_grams",
    "DROP FUNCTION IF EXISTS glossary_key_grams(text)",
    "DROP INDEX IF EXISTS ix_term_keys_trgm",
)


def upgrade() -> None:
    op.create_table(
        "index_state",
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("built_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    with op.batch_alter_table("term_keys", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("fuzzy", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.add_column(
            sa.Column("cjk", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.drop_index("ix_term_keys_key")
        batch_op.create_index(
            "ix_term_keys_lookup", ["key", "lang", "match", "entry_id"], unique=False
        )
    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": _SQLITE_UP, "postgresql": _POSTGRES_UP}.get(dialect, ()):
        if statement.startswith("CREATE TRIGGER"):
            statement = statement.format(**_TRIGGER_PARTS)
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": _SQLITE_DOWN, "postgresql": _POSTGRES_DOWN}.get(dialect, ()):
        op.execute(statement)
    with op.batch_alter_table("term_keys", schema=None) as batch_op:
        batch_op.drop_index("ix_term_keys_lookup")
        batch_op.create_index("ix_term_keys_key", ["key", "entry_id"], unique=False)
        batch_op.drop_column("cjk")
        batch_op.drop_column("fuzzy")
    op.drop_table("index_state")

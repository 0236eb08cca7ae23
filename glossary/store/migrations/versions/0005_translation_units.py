"""translation units: the sentence memory (units, their variants, their history)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-10 09:00:00

``tm_units`` holds one translation unit (a TMX ``tu``) a row, ``tm_variants`` its
sentences, one a language, and ``tm_changes`` their history. Candidate retrieval for
fuzzy matches and the concordance read an index over ``tm_variants.grams`` (the
search tokens of each sentence: words, and pairs of Korean or Japanese characters):

* SQLite: the external-content FTS5 table ``fts_tm`` (tokenizer ``ascii``, which keeps
  every non-ASCII character inside its token; postings hold row ids only) kept current
  by triggers, with a one-character prefix index for one-character searches;
* PostgreSQL: a GIN index over ``string_to_array(grams, ' ')``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

SQLITE_UP = (
    "CREATE VIRTUAL TABLE fts_tm USING fts5(grams, content='tm_variants', "
    "content_rowid='id', tokenize='ascii', detail='none', columnsize=0, prefix='1')",
    """CREATE TRIGGER fts_tm_insert AFTER INSERT ON tm_variants BEGIN
        INSERT INTO fts_tm(rowid, grams) VALUES (new.id, new.grams);
    END""",
    """CREATE TRIGGER fts_tm_delete AFTER DELETE ON tm_variants BEGIN
        INSERT INTO fts_tm(fts_tm, rowid, grams) VALUES ('delete', old.id, old.grams);
    END""",
    """CREATE TRIGGER fts_tm_update AFTER UPDATE OF grams ON tm_variants BEGIN
        INSERT INTO fts_tm(fts_tm, rowid, grams) VALUES ('delete', old.id, old.grams);
        INSERT INTO fts_tm(rowid, grams) VALUES (new.id, new.grams);
    END""",
)
SQLITE_DOWN = (
    "DROP TRIGGER IF EXISTS fts_tm_update",
    "DROP TRIGGER IF EXISTS fts_tm_delete",
    "DROP TRIGGER IF EXISTS fts_tm_insert",
    "DROP TABLE IF EXISTS fts_tm",
)
POSTGRES_UP = (
    "CREATE INDEX ix_tm_variants_grams ON tm_variants USING gin (string_to_array(grams, ' '))",
)
POSTGRES_DOWN = ("DROP INDEX IF EXISTS ix_tm_variants_grams",)


def upgrade() -> None:
    op.create_table(
        "tm_units",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("srclang", sa.String(length=16), nullable=False),
        sa.Column("origin", sa.String(length=16), nullable=False),
        sa.Column("origin_file", sa.Text(), nullable=False),
        sa.Column("source_article_id", sa.Integer(), nullable=True),
        sa.Column("target_article_id", sa.Integer(), nullable=True),
        sa.Column("tuid", sa.Text(), nullable=False),
        sa.Column("attrs", sa.Text(), nullable=False),
        sa.Column("props", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("batch", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(["source_article_id"], ["articles.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["target_article_id"], ["articles.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("tm_units", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tm_units_batch"), ["batch"], unique=False)
    op.create_table(
        "tm_variants",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("lang", sa.String(length=8), nullable=False),
        sa.Column("tag", sa.String(length=35), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("seg", sa.Text(), nullable=False),
        sa.Column("before", sa.Text(), nullable=False),
        sa.Column("after", sa.Text(), nullable=False),
        sa.Column("attrs", sa.Text(), nullable=False),
        sa.Column("props", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("grams", sa.Text(), nullable=False),
        sa.Column("exact", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(["unit_id"], ["tm_units.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("tm_variants", schema=None) as batch_op:
        batch_op.create_index("ix_tm_variants_unit", ["unit_id", "position"], unique=False)
        batch_op.create_index("ix_tm_variants_exact", ["exact", "lang"], unique=False)
    op.create_table(
        "tm_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("user", sa.String(length=100), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.Column("batch", sa.String(length=36), nullable=False),
        sa.Column("undoes", sa.Integer(), nullable=True),
        sa.Column("undone_by", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("tm_changes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tm_changes_batch"), ["batch"], unique=False)
        batch_op.create_index(batch_op.f("ix_tm_changes_unit_id"), ["unit_id"], unique=False)
    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP}.get(dialect, ()):
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN}.get(dialect, ()):
        op.execute(statement)
    op.drop_table("tm_changes")
    op.drop_table("tm_variants")
    op.drop_table("tm_units")

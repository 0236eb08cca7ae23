"""entry documents: each entry with its terms as one JSON text, kept by triggers

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 12:00:00

``entry_docs`` holds, for every entry, the entry and all its terms as one JSON array
(:mod:`glossary.store.documents` reads it). A lookup that returns twenty entries, or an
export of a million, then reads one row an entry instead of an entry row and each of its
term rows column by column, which cost most of their time.

The documents are derived data, written by the database itself: triggers on ``entries``
and ``terms`` rewrite an entry's document whenever the entry or one of its terms is
inserted, changed or deleted, whatever program writes it. A bulk import sets the triggers
aside and rewrites the documents of the entries it touched in one statement
(:func:`glossary.store.documents.pause_documents`).

``ix_terms_covering`` (migration 0002), which served the lookup's reading of terms, is
no longer needed and is dropped: it was the largest index of ``terms`` to keep current.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from glossary.store.documents import POSTGRES_FUNCTIONS, SQLITE_TRIGGERS, refill_sql

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_SQLITE_DOWN = (
    *(f"DROP TRIGGER IF EXISTS {name}" for name, _ in SQLITE_TRIGGERS),
    "CREATE INDEX ix_terms_covering ON terms (entry_id, lang, position, id, text, role, "
    "hanja, romanization, press, reading, hepburn, plain, family, given, note, suggested)",
)
_POSTGRES_DOWN = (
    "DROP TRIGGER IF EXISTS entry_docs_terms ON terms",
    "DROP TRIGGER IF EXISTS entry_docs_entries ON entries",
    "DROP FUNCTION IF EXISTS glossary_terms_doc()",
    "DROP FUNCTION IF EXISTS glossary_entries_doc()",
    "DROP FUNCTION IF EXISTS glossary_write_doc(integer)",
)


def upgrade() -> None:
    op.create_table(
        "entry_docs",
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("doc", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("entry_id"),
    )
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP INDEX IF EXISTS ix_terms_covering")
        op.execute(refill_sql("sqlite"))
        for _, statement in SQLITE_TRIGGERS:
            op.execute(statement)
    elif dialect == "postgresql":
        for statement in POSTGRES_FUNCTIONS:
            op.execute(statement)
        op.execute(refill_sql("postgresql"))


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": _SQLITE_DOWN, "postgresql": _POSTGRES_DOWN}.get(dialect, ()):
        op.execute(statement)
    op.drop_table("entry_docs")

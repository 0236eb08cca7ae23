"""the key index also holds the typo flag, so the typo index's keys come from it in order

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05 11:00:00

A key rebuild or a bulk import refills ``fts_typo_keys`` with the distinct keys flagged
``fuzzy``. Without the flag in ``ix_term_keys_lookup`` that meant reading the whole
table and sorting some four million keys (13.7 s at a million entries); with it, the
index already lists them in key order and the refill is one pass over it (1.1 s). The
index grows by one byte a key.
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("term_keys", schema=None) as batch_op:
        batch_op.drop_index("ix_term_keys_lookup")
        batch_op.create_index(
            "ix_term_keys_lookup", ["key", "lang", "match", "entry_id", "fuzzy"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("term_keys", schema=None) as batch_op:
        batch_op.drop_index("ix_term_keys_lookup")
        batch_op.create_index(
            "ix_term_keys_lookup", ["key", "lang", "match", "entry_id"], unique=False
        )

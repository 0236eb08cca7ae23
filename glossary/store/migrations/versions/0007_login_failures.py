"""login failures: failed logins and unknown API tokens, counted for every server process

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 16:00:00

The login limits counted failures in each server process: with four gunicorn workers a
guesser had four times the limit, and a restart forgot them. ``login_failures`` holds
one row per failure (for the login window only) under the SHA-256 of what it counts
against: an account name and client address, or a client address.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "login_failures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("login_failures", schema=None) as batch_op:
        batch_op.create_index("ix_login_failures_key", ["key", "at"], unique=False)
        batch_op.create_index("ix_login_failures_at", ["at"], unique=False)


def downgrade() -> None:
    op.drop_table("login_failures")

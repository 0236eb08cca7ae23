"""web sessions: one row per signed-in browser session, so that logging out ends it

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07 15:00:00

The session used to live in the signed cookie alone: a copy taken before logging out
worked for the cookie's fourteen days. Now the cookie carries a random secret and
``web_sessions`` its SHA-256, the account and when it expires; logging out deletes the
row, and a new password or role deletes every row of the account. Sessions opened
before this migration end (their cookies name no row).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "web_sessions",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("web_sessions", schema=None) as batch_op:
        batch_op.create_index("ix_web_sessions_user_id", ["user_id"], unique=False)
        batch_op.create_index("ix_web_sessions_expires_at", ["expires_at"], unique=False)


def downgrade() -> None:
    op.drop_table("web_sessions")

"""api token expiry: every API token stops working at a date

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 18:00:00

API tokens used to work until revoked, and only all of an account's tokens could be
revoked at once. ``api_tokens.expires_at`` says when each one stops working (``glossary
users token NAME --days N`` sets it, 90 days by default); tokens made before this
migration expire 90 days after it, so that scripts keep working meanwhile.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

#: How long the tokens made before this migration keep working.
_GRACE = timedelta(days=90)


def upgrade() -> None:
    with op.batch_alter_table("api_tokens", schema=None) as batch_op:
        batch_op.add_column(sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True))
    tokens = sa.table("api_tokens", sa.column("expires_at", sa.DateTime(timezone=True)))
    op.execute(tokens.update().values(expires_at=datetime.now(UTC) + _GRACE))
    with op.batch_alter_table("api_tokens", schema=None) as batch_op:
        batch_op.alter_column(
            "expires_at", existing_type=sa.DateTime(timezone=True), nullable=False
        )


def downgrade() -> None:
    with op.batch_alter_table("api_tokens", schema=None) as batch_op:
        batch_op.drop_column("expires_at")

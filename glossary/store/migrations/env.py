"""Alembic environment: runs migrations on the connection the glossary hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from glossary.settings import default_database_url
from glossary.store.models import Base, is_unmodelled

config = context.config
target_metadata = Base.metadata


def run_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        # Called from the alembic command line (for example to autogenerate a migration).
        engine = create_engine(config.get_main_option("sqlalchemy.url") or default_database_url())
        with engine.begin() as conn:
            _run(conn)
        return
    _run(connection)


def _run(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        # Autogenerate must not drop the per-backend search structures of migration 0002.
        include_object=lambda obj, name, type_, reflected, other: not is_unmodelled(name, type_),
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()

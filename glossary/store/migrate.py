"""Creating and upgrading the database schema with Alembic.

Whether the schema is current is answered without Alembic, which costs more to import
than a lookup costs to run: the stored revision is one statement on ``alembic_version``,
and the newest revision is the number of the newest file in ``migrations/versions/``
(each migration's revision id is its file name's number; tests/test_migrations.py checks
that Alembic agrees). Alembic itself is loaded only to upgrade a schema that is behind.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
VERSIONS = MIGRATIONS / "versions"


def alembic_config() -> Config:
    """Alembic configuration pointing at the migrations shipped with the package."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def revision_table_sql(dialect_name: str) -> str:
    """A statement giving one row when ``alembic_version`` exists (none otherwise)."""
    if dialect_name == "sqlite":
        return "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    return "SELECT 1 WHERE to_regclass('alembic_version') IS NOT NULL"


REVISION_SQL = "SELECT version_num FROM alembic_version"


def stored_revision(conn: Any, dialect_name: str) -> str | None:
    """The schema revision recorded in a database, read on a DBAPI connection (None for
    a database without tables; several revisions, which this software never writes,
    are joined by commas and so match no head)."""
    cur = conn.cursor()
    try:
        cur.execute(revision_table_sql(dialect_name))
        if cur.fetchone() is None:
            return None
        cur.execute(REVISION_SQL)
        found = sorted(str(row[0]) for row in cur.fetchall())
    finally:
        cur.close()
    return ",".join(found) or None


def current_revision(engine: Engine) -> str | None:
    """The schema revision the database is at (None for an empty database)."""
    with engine.connect() as conn:
        if conn.exec_driver_sql(revision_table_sql(engine.dialect.name)).first() is None:
            return None
        found = sorted(str(v) for v in conn.exec_driver_sql(REVISION_SQL).scalars())
    return ",".join(found) or None


@cache
def head_revision() -> str | None:
    """The newest schema revision this version of the software knows."""
    numbers = sorted(p.name.split("_", 1)[0] for p in VERSIONS.glob("[0-9]*_*.py"))
    return numbers[-1] if numbers else None


def upgrade(engine: Engine) -> bool:
    """Bring the schema up to date; return True if anything was changed."""
    if current_revision(engine) == head_revision():
        return False
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return True

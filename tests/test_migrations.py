"""The Alembic migrations create exactly the tables the code expects, on both backends."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from glossary.store.engine import make_engine
from glossary.store.migrate import current_revision, head_revision, upgrade
from glossary.store.models import Base, is_unmodelled


def _modelled(obj: object, name: str | None, type_: str, reflected: bool, other: object) -> bool:
    # The per-backend search structures (FTS5 tables, trigram and gram indexes) are
    # created by migration 0002 outside the models; the models say which.
    return not is_unmodelled(name, type_)


def test_migrated_schema_matches_models(db_url: str) -> None:
    engine = make_engine(db_url)
    assert current_revision(engine) == head_revision()
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": _modelled})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []
    assert upgrade(engine) is False  # already at head: nothing to do
    engine.dispose()


def test_sqlite_uses_wal_and_foreign_keys(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()


def test_search_structures_exist(db_url: str) -> None:
    """What the comparison above leaves out is there, on each backend."""
    engine = make_engine(db_url)
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            names = set(
                conn.exec_driver_sql(
                    "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')"
                )
                .scalars()
                .all()
            )
            assert {"fts_typo", "fts_cjk", "fts_term_keys_insert", "fts_term_keys_delete"} <= names
        else:
            names = set(
                conn.exec_driver_sql(
                    "SELECT indexname FROM pg_indexes WHERE tablename = 'term_keys'"
                )
                .scalars()
                .all()
            )
            assert {"ix_term_keys_trgm", "ix_term_keys_grams"} <= names
    engine.dispose()


def test_downgrade_and_upgrade_again(db_url: str) -> None:
    """Migration 0002 can be undone and redone (its SQL is backend-specific)."""
    from alembic import command

    from glossary.store.migrate import alembic_config

    engine = make_engine(db_url)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001")
    assert current_revision(engine) == "0001"
    assert upgrade(engine) is True
    assert current_revision(engine) == head_revision()
    engine.dispose()


def test_tokens_made_before_expiry_existed_work_for_90_days(db_url: str) -> None:
    """Migration 0008 gives the tokens it finds an expiry 90 days off: scripts keep
    working meanwhile."""
    from datetime import UTC, datetime, timedelta

    from alembic import command
    from sqlalchemy import text

    from glossary.store.migrate import alembic_config

    engine = make_engine(db_url)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0007")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO users (name, role, password_hash, created_at) "
                "VALUES ('bot', 'reader', '', :now)"
            ),
            {"now": datetime.now(UTC)},
        )
        conn.execute(
            text(
                "INSERT INTO api_tokens (user_id, name, token_hash, created_at) "
                "SELECT id, 'old', :hash, :now FROM users WHERE name = 'bot'"
            ),
            {"hash": "0" * 64, "now": datetime.now(UTC)},
        )
    assert upgrade(engine) is True
    with engine.connect() as conn:
        (expires,) = conn.execute(text("SELECT expires_at FROM api_tokens")).one()
    if isinstance(expires, str):  # SQLite hands back text
        expires = datetime.fromisoformat(expires)
    if expires.tzinfo is None:
        expires = expires.replace(tzinfo=UTC)
    assert timedelta(days=89) < expires - datetime.now(UTC) <= timedelta(days=90)
    engine.dispose()

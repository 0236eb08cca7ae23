"""Shared fixtures: a fresh database on SQLite and on PostgreSQL for every store test,
the CLI runner, and the Flask app and client (flaskr-style)."""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from glossary import Entry, Glossary, Term, open_glossary
from glossary.store.engine import make_engine
from glossary.store.migrate import upgrade
from tests.pg_server import TempPostgres

ROOT = Path(__file__).resolve().parent.parent
TERMS_CSV = ROOT / "data" / "terms.csv"
SEEDS = ROOT / "seeds" / "articles"
_counter = itertools.count()


@pytest.fixture(scope="session")
def pg_admin_url() -> Iterator[str]:
    """An admin URL of a real PostgreSQL server (started here unless one is configured)."""
    url = os.environ.get("GLOSSARY_TEST_POSTGRES_URL")
    if url:
        yield url
        return
    server = TempPostgres()
    try:
        yield server.start()
    finally:
        server.stop()


@pytest.fixture(scope="session")
def pg_template(pg_admin_url: str) -> str:
    """A migrated template database that each test's database is copied from."""
    admin = create_engine(pg_admin_url, isolation_level="AUTOCOMMIT")
    name = f"glossary_tpl_{os.getpid()}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(pg_admin_url).set(database=name).render_as_string(hide_password=False)
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    admin.dispose()
    return name


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tpl") / "template.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


def _fresh_pg(admin_url: str, template: str) -> str:
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    name = f"glossary_t{os.getpid()}_{next(_counter)}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    admin.dispose()
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def _fresh_sqlite(template: Path, tmp_path: Path) -> str:
    path = tmp_path / "glossary.sqlite3"
    shutil.copy(template, path)
    return f"sqlite:///{path}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, migrated, empty database: SQLite file and real PostgreSQL in turn."""
    if request.param == "sqlite":
        return _fresh_sqlite(request.getfixturevalue("sqlite_template"), tmp_path)
    return _fresh_pg(
        request.getfixturevalue("pg_admin_url"), request.getfixturevalue("pg_template")
    )


@pytest.fixture
def sqlite_url(sqlite_template: Path, tmp_path: Path) -> str:
    """A fresh SQLite database only (for tests of SQLite-specific behaviour)."""
    return _fresh_sqlite(sqlite_template, tmp_path)


@pytest.fixture
def g(db_url: str) -> Iterator[Glossary]:
    glossary = open_glossary(db_url)
    yield glossary
    glossary.close()


def person(en: str, family: str, given: str, **kw: object) -> Entry:
    """A small person entry for tests."""
    return Entry(
        kind="person",
        status="approved",
        origin="japanese",
        terms=[Term("en", en, family=family, given=given)],
        **kw,
    )  # type: ignore[arg-type]


@pytest.fixture
def runner(db_url: str, tmp_path: Path) -> CliRunner:
    """A CLI runner whose commands use the test database."""
    return CliRunner(
        env={
            "GLOSSARY_DATABASE_URL": db_url,
            "GLOSSARY_INSTANCE_PATH": str(tmp_path / "instance"),
            "GLOSSARY_USER": "tester",
        }
    )


@pytest.fixture
def loaded(g: Glossary) -> Glossary:
    """The glossary with the shipped data/terms.csv and seed articles loaded."""
    from glossary.formats.loader import load_articles, load_terms

    load_terms(g, TERMS_CSV, user="tester")
    load_articles(g, SEEDS)
    return g


@pytest.fixture
def app(sqlite_url: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    """The web app on a temporary SQLite file holding the shipped glossary."""
    from glossary.formats.loader import load_articles, load_terms
    from webapp import create_app

    with open_glossary(sqlite_url) as glossary:
        load_terms(glossary, TERMS_CSV, user="tester")
        load_articles(glossary, SEEDS)
    app = create_app({"TESTING": True, "DATABASE_URL": sqlite_url})
    yield app
    app.extensions["glossary"].close()


@pytest.fixture
def client(app):  # type: ignore[no-untyped-def]
    return app.test_client()

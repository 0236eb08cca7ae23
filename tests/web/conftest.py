"""Fixtures for the web app: the app on a copy of a SQLite file holding the shipped
glossary, accounts of every role, and a helper that logs in and posts forms with their
CSRF token (flaskr-style)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import update
from werkzeug.test import TestResponse

from glossary import Entry, Glossary, Term, open_glossary
from glossary.accounts import add_user
from glossary.mining.articles import Article
from glossary.store.models import EntryRow, OccurrenceRow
from tests.conftest import SEEDS, TERMS_CSV

PASSWORD = "correct horse battery"
ROLES = ("reader", "curator", "admin")


@pytest.fixture(scope="session")
def web_template(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file with the shipped glossary, seed articles and one user per role."""
    from glossary.formats.loader import load_articles, load_terms

    path = tmp_path_factory.mktemp("web") / "glossary.sqlite3"
    shutil.copy(sqlite_template, path)
    with open_glossary(f"sqlite:///{path}") as g:
        load_terms(g, TERMS_CSV, user="tester")
        load_articles(g, SEEDS)
        for role in ROLES:
            add_user(g, role, role, PASSWORD)
        with g.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def db_file(web_template: Path, tmp_path: Path) -> str:
    path = tmp_path / "glossary.sqlite3"
    shutil.copy(web_template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def app(db_file: str, tmp_path: Path) -> Iterator[Flask]:
    """The web app on a fresh copy of the shipped glossary; anonymous reading allowed."""
    from webapp import create_app

    app = create_app(
        {"TESTING": True, "DATABASE_URL": db_file, "INSTANCE_PATH": str(tmp_path / "instance")}
    )
    yield app
    app.extensions["glossary"].close()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def glossary(app: Flask) -> Glossary:
    g: Glossary = app.extensions["glossary"]
    return g


class Browser:
    """A test client that logs in and sends forms with the page's CSRF token."""

    def __init__(self, client: FlaskClient) -> None:
        self.client = client

    def csrf(self) -> str:
        page = self.client.get("/login").get_data(as_text=True)
        found = re.search(r'name="csrf_token" value="([^"]+)"', page)
        assert found, "the login form carries the CSRF token"
        return found.group(1)

    def login(self, name: str, password: str = PASSWORD) -> TestResponse:
        return self.client.post(
            "/login", data={"name": name, "password": password, "csrf_token": self.csrf()}
        )

    def logout(self) -> TestResponse:
        return self.client.post("/logout", data={"csrf_token": self.csrf()})

    def post(self, url: str, data: dict[str, Any] | None = None, **kw: Any) -> TestResponse:
        data = dict(data or {})
        data.setdefault("csrf_token", self.csrf())
        return self.client.post(url, data=data, **kw)

    def get(self, url: str, **kw: Any) -> TestResponse:
        return self.client.get(url, **kw)


@pytest.fixture
def browser(client: FlaskClient) -> Browser:
    return Browser(client)


@pytest.fixture
def curator(client: FlaskClient) -> Browser:
    b = Browser(client)
    assert b.login("curator").status_code == 302
    return b


def add_candidate(
    g: Glossary, text: str, sentences: list[str], *, kind: str = "person", lang: str = "en"
) -> Entry:
    """A mined candidate with evidence sentences from one article, as the miner leaves it."""
    entry = g.add(Entry(kind=kind, status="candidate", terms=[Term(lang, text)]), user="miner")
    body = " ".join(sentences)
    article_id, _ = g.add_article(
        Article(path=f"mined/{text}.txt", text=body, title=f"Article about {text}", lang=lang)
    )
    with g.writing() as s:
        for sentence in sentences:
            start = body.index(text) if text in body else 0
            s.add(
                OccurrenceRow(
                    entry_id=entry.id,
                    article_id=article_id,
                    surface=text,
                    sentence=sentence,
                    start=start,
                    end=start + len(text),
                )
            )
        s.execute(
            update(EntryRow).where(EntryRow.id == entry.id).values(evidence_count=len(sentences))
        )
    return g.get(entry.id or 0)

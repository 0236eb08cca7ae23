"""The glossary the app serves: opened once per app (and worker), as flaskr's ``db.py``
opens its database."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from flask import Flask, current_app

from glossary.api import Glossary, open_glossary

T = TypeVar("T")


def init_app(app: Flask) -> None:
    """Open the configured database for ``app`` (the schema must be current: the
    app never migrates it; ``glossary init`` does)."""
    app.extensions["glossary"] = open_glossary(app.config["DATABASE_URL"], migrate=False)


def release_connections(app: Flask) -> None:
    """Close every database connection the app holds in this process, before the server
    forks its workers: a connection must not cross a fork (two processes would share
    one SQLite file handle or one PostgreSQL session). Each worker opens its own
    when it first needs one; the glossary object stays usable."""
    get_glossary(app).close()


def get_glossary(app: Flask | None = None) -> Glossary:
    """The glossary the app (by default the current one) serves."""
    glossary: Glossary = (app or current_app).extensions["glossary"]
    return glossary


def per_app(key: str, make: Callable[[Glossary], T]) -> T:
    """The object ``make`` builds over the current app's glossary, built once per app
    (and worker) and kept under ``key``: the translation memory, the check's cache."""
    extensions: dict[str, Any] = current_app.extensions
    found: T | None = extensions.get(key)
    if found is None:
        found = extensions[key] = make(get_glossary(current_app))
    return found

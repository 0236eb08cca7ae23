"""The glossary web app: a Flask application factory with one blueprint per feature."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask

from glossary.api import Glossary, open_glossary
from glossary.settings import default_database_url, get_setting


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the web app; ``config`` overrides settings (tests pass a temporary database)."""
    instance = Path(get_setting("instance_path"))
    app = Flask(__name__, instance_path=str(instance), instance_relative_config=False)
    app.config.update(
        DATABASE_URL=default_database_url(),
        ANONYMOUS_READ=get_setting("anonymous_read") != "0",
        JSON_AS_ASCII=False,
    )
    if config:
        app.config.update(config)
    app.json.ensure_ascii = False  # type: ignore[attr-defined]

    glossary = open_glossary(app.config["DATABASE_URL"], migrate=False)
    app.extensions["glossary"] = glossary

    from webapp import api, errors, search

    errors.register(app)
    app.register_blueprint(search.bp)
    app.register_blueprint(api.bp)
    return app


def get_glossary(app: Flask) -> Glossary:
    """The glossary the app serves."""
    glossary: Glossary = app.extensions["glossary"]
    return glossary

"""The glossary web app: a Flask application factory with one blueprint per feature."""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path
from typing import Any

from flask import Flask

from glossary.formats import UPLOAD_LIMIT
from glossary.settings import (
    default_database_url,
    get_setting,
    get_statuses,
    get_switch,
    get_whole_number,
)
from webapp.errors import SafeJSONProvider

SECRET_KEY_FILE = "secret_key"


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the web app; ``config`` overrides settings (tests pass a temporary database
    and instance folder)."""
    config = dict(config or {})
    instance = Path(config.pop("INSTANCE_PATH", None) or get_setting("instance_path"))
    app = Flask(__name__, instance_path=str(instance.resolve()))
    app.config.update(
        DATABASE_URL=default_database_url(),
        ANONYMOUS_READ=get_setting("anonymous_read") != "0",
        READER_STATUSES=get_statuses("reader_statuses"),
        READER_NOTES=get_switch("reader_notes"),
        LOGIN_ATTEMPTS=get_whole_number("login_attempts"),
        LOGIN_ADDRESS_ATTEMPTS=get_whole_number("login_address_attempts"),
        LOGIN_WINDOW=get_whole_number("login_window"),
        HOUSE_STYLE=get_setting("house_style"),
        SESSION_COOKIE_NAME="glossary_session",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=get_switch("secure_cookies"),
        PROXY_HOPS=get_whole_number("proxy_hops"),
        PERMANENT_SESSION_LIFETIME=timedelta(days=14),
        # Imports are the largest requests (with room for the form around the file);
        # anything bigger is refused with 413.
        MAX_CONTENT_LENGTH=UPLOAD_LIMIT + 1024 * 1024,
        MAX_FORM_MEMORY_SIZE=2 * 1024 * 1024,
    )
    app.config.update(config)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = load_secret_key(Path(app.instance_path))
    # Non-ASCII as it is, keys in the order written; a body nested too deeply is bad JSON.
    app.json = SafeJSONProvider(app)
    app.json.ensure_ascii = False
    app.json.sort_keys = False

    hops = app.config["PROXY_HOPS"]
    if hops:
        # The client's own address (for the login limits) and scheme, as the proxies saw.
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)  # type: ignore[method-assign]

    from webapp import (
        api,
        articles,
        auth,
        check,
        csrf,
        curate,
        db,
        entries,
        errors,
        exchange,
        headers,
        search,
        templating,
        tm,
    )

    db.init_app(app)
    # Before the blueprints: every <int:...> in a route names a database id, and a
    # number no id column holds (2**63 and above) names nothing (404) rather than
    # reaching the database driver, which refuses it (500).
    app.url_map.converters["int"] = errors.StoredIntConverter
    errors.register(app)
    headers.register(app)
    auth.register(app)
    csrf.register(app)
    templating.register(app)
    for module in (search, entries, curate, articles, exchange, check, tm, auth, api):
        app.register_blueprint(module.bp)
    return app


def load_secret_key(instance: Path) -> str:
    """The key that signs session cookies: read from the instance folder, or made there
    once (readable by the owner only). It never lives in the repository."""
    path = instance / SECRET_KEY_FILE
    try:
        return path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        pass
    instance.mkdir(parents=True, exist_ok=True)
    # Written beside, then linked into place: a second worker starting at the same moment
    # either finds the whole key or makes the link fail and reads the first one's key.
    tmp = instance / f".{SECRET_KEY_FILE}.{os.getpid()}.{secrets.token_hex(4)}"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write(secrets.token_hex(32) + "\n")
    try:
        os.link(tmp, path)
    except FileExistsError:
        pass
    finally:
        tmp.unlink()
    return path.read_text(encoding="ascii").strip()

"""Protection against cross-site request forgery for every form and cookie-authenticated
API call.

Each session holds a random token; every POST, PUT, PATCH and DELETE must send it back,
as the form field ``csrf_token`` or the ``X-CSRF-Token`` header. Requests that carry an
API token instead of a cookie need none (a forged request cannot add the header), nor do
anonymous API calls, which are refused with 401 anyway.
"""

from __future__ import annotations

import hmac
import secrets

from flask import Flask, g, render_template, request, session
from flask.typing import ResponseReturnValue

from webapp.errors import json_error, wants_json

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
FIELD = "csrf_token"
HEADER = "X-CSRF-Token"


def csrf_token() -> str:
    """This session's token, made on first use."""
    token = session.get(FIELD)
    if not token:
        token = secrets.token_urlsafe(32)
        session[FIELD] = token
    return str(token)


def _check() -> ResponseReturnValue | None:
    if request.method in SAFE_METHODS or request.routing_exception is not None:
        return None  # no route to run (404, 405): that is the answer, nothing is written
    if request.path.startswith("/api/") and (g.get("via_token") or g.get("user") is None):
        return None
    expected = session.get(FIELD)
    sent = request.headers.get(HEADER) or request.form.get(FIELD) or ""
    if expected and hmac.compare_digest(str(expected), sent):
        return None
    message = (
        "This form has expired or did not come from this site. "
        "Go back, reload the page and try again; nothing was changed."
    )
    if wants_json():
        return json_error(400, "CSRFError", message)
    return render_template("error.html", title="Form expired", message=message), 400


def register(app: Flask) -> None:
    app.before_request(_check)
    app.jinja_env.globals["csrf_token"] = csrf_token

"""One JSON shape for every API error: {"error": {"status", "code", "message"}}; a page
for every other error.

A database that cannot be reached (a PostgreSQL server restarting, a SQLite file locked
for longer than the busy timeout) is answered with 503 and ``Retry-After``, not 500: the
request can simply be sent again, and the next one opens a fresh connection.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, current_app, jsonify, render_template, request
from flask.json.provider import DefaultJSONProvider
from flask.typing import ResponseReturnValue
from werkzeug.exceptions import HTTPException
from werkzeug.exceptions import NotFound as RouteNotFound
from werkzeug.routing import IntegerConverter

from glossary.errors import (
    ConflictError,
    GlossaryError,
    LookupTooSlow,
    NotFound,
    PermissionDenied,
    UndoError,
)
from glossary.store.engine import unavailable_errors

_STATUS: dict[type[GlossaryError], int] = {
    NotFound: 404,
    ConflictError: 409,
    UndoError: 409,
    PermissionDenied: 403,
    # Not the request's fault: the server ran out of the time a lookup may take.
    LookupTooSlow: 503,
}


#: The largest number a database id column (a signed 64-bit integer) holds.
MAX_STORED_INT = 2**63 - 1


class StoredIntConverter(IntegerConverter):
    """``<int:...>`` in a route: a whole number; one larger than any database id column
    holds names nothing (404), whatever the method (a converter that merely declined
    would let the router answer 405 for another method's route)."""

    def to_python(self, value: str) -> int:
        number = int(super().to_python(value))
        if number > MAX_STORED_INT:
            raise RouteNotFound(f"nothing here has the number {number}: it is larger than any id")
        return number


class SafeJSONProvider(DefaultJSONProvider):
    """Flask's JSON, except that a request body nested too deeply to parse is bad JSON
    (the ValueError Flask answers with 400) rather than a RecursionError (a 500), and so
    are NaN and Infinity, which Python reads but JSON does not have."""

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        kwargs.setdefault("parse_constant", _not_json)
        try:
            return super().loads(s, **kwargs)
        except RecursionError:
            raise ValueError("the JSON is nested too deeply") from None


def _not_json(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


def status_for(exc: GlossaryError) -> int:
    """The HTTP status of a library error: 404, 409, 403, 503, else 400 (bad input)."""
    return next((s for cls, s in _STATUS.items() if isinstance(exc, cls)), 400)


def error_body(status: int, code: str, message: str, **extra: Any) -> dict[str, Any]:
    """The body of every API error response."""
    body: dict[str, Any] = {"status": status, "code": code, "message": message}
    body.update(extra)
    return {"error": body}


def json_error(
    status: int, code: str, message: str, *, headers: dict[str, str] | None = None, **extra: Any
) -> ResponseReturnValue:
    return jsonify(error_body(status, code, message, **extra)), status, headers or {}


def glossary_error(exc: GlossaryError, **extra: Any) -> ResponseReturnValue:
    """Turn a library error into its HTTP status and the JSON error body."""
    return json_error(status_for(exc), type(exc).__name__, str(exc), **extra)


def wants_json() -> bool:
    """True for the JSON API, and for pages' scripts that asked for JSON."""
    return request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json"


#: Seconds a client is asked to wait before retrying while the database is unavailable.
RETRY_UNAVAILABLE = 5


def register(app: Flask) -> None:
    """Answer errors as JSON under /api and as a page elsewhere, for every route."""

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException) -> ResponseReturnValue:
        status = exc.code or 500
        name = exc.name or "Error"
        # The exception's own headers (Allow on a 405, say), but not its content type.
        headers = {k: v for k, v in exc.get_headers() if k.lower() != "content-type"}
        if wants_json():
            return json_error(
                status, name.replace(" ", ""), exc.description or name, headers=headers
            )
        return (
            render_template(
                "error.html", title=f"{status} {name}", message=exc.description or name
            ),
            status,
            headers,
        )

    @app.errorhandler(GlossaryError)
    def _glossary_error(exc: GlossaryError) -> ResponseReturnValue:
        if wants_json():
            return glossary_error(exc)
        return render_template("error.html", title="Not possible", message=str(exc)), status_for(
            exc
        )

    def _database_unavailable(exc: Exception) -> ResponseReturnValue:
        current_app.logger.error("database unavailable: %s", exc, exc_info=exc)
        message = (
            "the glossary database cannot be reached just now; "
            f"try again in {RETRY_UNAVAILABLE} seconds"
        )
        headers = {"Retry-After": str(RETRY_UNAVAILABLE)}
        if wants_json():
            return json_error(
                503, "DatabaseUnavailable", message, headers=headers, retry_after=RETRY_UNAVAILABLE
            )
        page = render_template("error.html", title="Try again in a moment", message=message)
        return page, 503, headers

    for error in unavailable_errors():
        app.register_error_handler(error, _database_unavailable)

"""One JSON shape for every API error: {"error": {"status", "code", "message"}}; a page
for every other error."""

from __future__ import annotations

from typing import Any

from flask import Flask, jsonify, render_template, request
from flask.typing import ResponseReturnValue
from werkzeug.exceptions import HTTPException

from glossary.errors import ConflictError, GlossaryError, NotFound, PermissionDenied, UndoError

_STATUS: dict[type[GlossaryError], int] = {
    NotFound: 404,
    ConflictError: 409,
    UndoError: 409,
    PermissionDenied: 403,
}


def status_for(exc: GlossaryError) -> int:
    """The HTTP status of a library error: 404, 409, 403, else 400 (bad input)."""
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


def register(app: Flask) -> None:
    """Answer errors as JSON under /api and as a page elsewhere, for every route."""

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException) -> ResponseReturnValue:
        status = exc.code or 500
        name = exc.name or "Error"
        if wants_json():
            return json_error(status, name.replace(" ", ""), exc.description or name)
        return render_template(
            "error.html", title=f"{status} {name}", message=exc.description or name
        ), status

    @app.errorhandler(GlossaryError)
    def _glossary_error(exc: GlossaryError) -> ResponseReturnValue:
        if wants_json():
            return glossary_error(exc)
        return render_template("error.html", title="Not possible", message=str(exc)), status_for(
            exc
        )

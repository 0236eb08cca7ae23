"""One JSON shape for every API error: {"error": {"status", "code", "message"}}."""

from __future__ import annotations

from typing import Any

from flask import Flask, jsonify, render_template, request
from flask.typing import ResponseReturnValue
from werkzeug.exceptions import HTTPException

from glossary.errors import ConflictError, GlossaryError, NotFound, PermissionDenied

_STATUS = {NotFound: 404, ConflictError: 409, PermissionDenied: 403}


def error_body(status: int, code: str, message: str, **extra: Any) -> dict[str, Any]:
    """The body of every API error response."""
    body: dict[str, Any] = {"status": status, "code": code, "message": message}
    body.update(extra)
    return {"error": body}


def json_error(status: int, code: str, message: str, **extra: Any) -> ResponseReturnValue:
    return jsonify(error_body(status, code, message, **extra)), status


def glossary_error(exc: GlossaryError) -> ResponseReturnValue:
    """Turn a library error into its HTTP status and the JSON error body."""
    status = next((s for cls, s in _STATUS.items() if isinstance(exc, cls)), 400)
    code = type(exc).__name__
    return json_error(status, code, str(exc))


def register(app: Flask) -> None:
    """Answer errors as JSON under /api and as a page elsewhere, for every route."""

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException) -> ResponseReturnValue:
        status = exc.code or 500
        if request.path.startswith("/api/"):
            return json_error(status, (exc.name or "Error").replace(" ", ""), exc.description or "")
        return render_template(
            "error.html", message=f"{status} {exc.name}: {exc.description}"
        ), status

    @app.errorhandler(GlossaryError)
    def _glossary_error(exc: GlossaryError) -> ResponseReturnValue:
        if request.path.startswith("/api/"):
            return glossary_error(exc)
        status = next((s for cls, s in _STATUS.items() if isinstance(exc, cls)), 400)
        return render_template("error.html", message=str(exc)), status

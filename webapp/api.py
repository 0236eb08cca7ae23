"""The JSON API under /api."""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify, request
from flask.typing import ResponseReturnValue

from webapp import get_glossary
from webapp.errors import json_error

bp = Blueprint("api", __name__, url_prefix="/api")


@bp.get("/lookup")
def lookup() -> ResponseReturnValue:
    """Find entries: ?q=&lang=&kind=&status=&limit= ; JSON {query, results}."""
    q = request.args.get("q", "")
    if not q.strip():
        return json_error(400, "MissingQuery", "give the text to look up as ?q=")
    try:
        limit = min(max(int(request.args.get("limit", 20)), 1), 200)
    except ValueError:
        return json_error(400, "InvalidLimit", "limit must be a whole number from 1 to 200")
    matches = get_glossary(current_app).lookup(
        q,
        lang=request.args.get("lang") or None,
        kind=request.args.get("kind") or None,
        status=request.args.get("status") or None,
        limit=limit,
    )
    return jsonify({"query": q, "results": [m.to_dict() for m in matches]})


@bp.get("/entries/<int:entry_id>")
def entry(entry_id: int) -> ResponseReturnValue:
    """One entry with its evidence."""
    g = get_glossary(current_app)
    data = g.get(entry_id).to_dict()
    data["evidence"] = g.evidence(entry_id)
    return jsonify(data)

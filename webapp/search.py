"""The search page: / and /search?q= (works without JavaScript)."""

from __future__ import annotations

from flask import Blueprint, current_app, render_template, request
from flask.typing import ResponseReturnValue

from glossary.errors import GlossaryError
from webapp import get_glossary

bp = Blueprint("search", __name__)


@bp.get("/")
@bp.get("/search")
def search() -> ResponseReturnValue:
    q = request.args.get("q", "").strip()
    lang = request.args.get("lang") or None
    matches, error = [], None
    g = get_glossary(current_app)
    if q:
        try:
            matches = g.lookup(q, lang=lang, limit=50)
        except GlossaryError as exc:
            error = str(exc)
    return render_template(
        "search.html", q=q, lang=lang, matches=matches, error=error, total=g.count()
    )


@bp.get("/entries/<int:entry_id>")
def entry(entry_id: int) -> ResponseReturnValue:
    g = get_glossary(current_app)
    try:
        e = g.get(entry_id)
    except GlossaryError as exc:
        return render_template("error.html", message=str(exc)), 404
    return render_template(
        "entry.html", entry=e, evidence=g.evidence(entry_id), history=g.history(entry_id)
    )

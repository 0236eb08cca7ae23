"""The search page: / and /search?q= (search as you type; works without JavaScript)."""

from __future__ import annotations

from flask import Blueprint, current_app, render_template, request
from flask.typing import ResponseReturnValue

from glossary.errors import GlossaryError
from webapp.db import get_glossary
from webapp.errors import status_for
from webapp.visibility import visible_statuses

bp = Blueprint("search", __name__)

#: Results on the page (the page's script asks again as the query changes); "more" shows
#: up to MORE.
PAGE_SIZE = 20
MORE = 200


@bp.get("/")
@bp.get("/search")
def search() -> ResponseReturnValue:
    """Search results for ?q= (with ?lang= and ?kind=); ?partial=1 returns only the list,
    for the page's search-as-you-type script."""
    q = request.args.get("q", "").strip()
    lang = request.args.get("lang") or None
    kind = request.args.get("kind") or None
    more = bool(request.args.get("more"))
    limit = MORE if more else PAGE_SIZE
    matches, error, total, status = [], None, 0, 200
    g = get_glossary(current_app)
    visible = visible_statuses()
    if q:
        try:
            matches = g.lookup(q, lang=lang, kind=kind, status=visible, limit=limit)
        except GlossaryError as exc:
            error, status = str(exc), status_for(exc)
    else:
        total = g.count(status=visible)
    context = {
        "q": q,
        "lang": lang,
        "kind": kind,
        "matches": matches,
        "error": error,
        "total": total,
        "has_more": not more and len(matches) == limit,
    }
    if request.args.get("partial"):
        return render_template("_results.html", **context), status
    return render_template("search.html", **context), status

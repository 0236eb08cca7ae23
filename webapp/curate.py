"""The curation queue: mined candidates, most evidence first, to accept, reject, edit,
merge or split, one at a time or in bulk, from the keyboard."""

from __future__ import annotations

from flask import (
    Blueprint,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue
from werkzeug.exceptions import BadRequest

from glossary.curation import candidate_queue, sentences_for, set_status
from glossary.errors import GlossaryError
from glossary.model import Entry
from glossary.vocab import KINDS
from webapp.auth import requires, user_name
from webapp.db import get_glossary
from webapp.entries import flash_change
from webapp.errors import MAX_STORED_INT, wants_json

bp = Blueprint("curate", __name__, url_prefix="/curate")

PAGE_SIZE = 50
ACTIONS = {"approve": "approved", "reject": "rejected"}


@bp.get("")
@requires("curator")
def queue() -> ResponseReturnValue:
    g = get_glossary(current_app)
    kind = request.args.get("kind") or None
    if kind and kind not in KINDS:
        raise BadRequest(f"kind must be one of {', '.join(KINDS)}")
    page = max(request.args.get("page", 1, type=int) or 1, 1)
    if (page - 1) * PAGE_SIZE > MAX_STORED_INT:
        raise BadRequest(f"page must be a whole number from 1 to {MAX_STORED_INT // PAGE_SIZE}")
    entries, total = candidate_queue(g, kind=kind, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    sentences = sentences_for(g, [e.id for e in entries if e.id is not None])
    return render_template(
        "curate.html",
        entries=entries,
        sentences=sentences,
        total=total,
        page=page,
        pages=max((total + PAGE_SIZE - 1) // PAGE_SIZE, 1),
        kind=kind,
    )


def _set_status(entry_id: int, version: int, status: str) -> Entry:
    return set_status(
        get_glossary(current_app), entry_id, status, version=version, user=user_name()
    )


def _form_version(entry_id: int) -> int:
    raw = request.form.get(f"version-{entry_id}") or request.form.get("version")
    try:
        return int(raw or "")
    except ValueError:
        raise BadRequest("the form did not say which version of the entry you saw") from None


def _back() -> str:
    kind = request.form.get("kind") or None
    return url_for("curate.queue", kind=kind)


@bp.post("/<int:entry_id>/<action>")
@requires("curator")
def decide(entry_id: int, action: str) -> ResponseReturnValue:
    """Accept (approve) or reject one candidate."""
    if action not in ACTIONS:
        raise BadRequest(f"the action must be one of {', '.join(ACTIONS)}")
    saved = _set_status(entry_id, _form_version(entry_id), ACTIONS[action])
    change = get_glossary(current_app).history(entry_id, limit=1)[0]
    message = f"{'Accepted' if action == 'approve' else 'Rejected'} “{saved.label}”."
    if wants_json():
        return jsonify({"message": message, "entry": saved.to_dict(), "change": change.id})
    flash_change(message, entry_id)
    return redirect(_back())


@bp.post("/bulk")
@requires("curator")
def bulk() -> ResponseReturnValue:
    """Accept or reject every ticked candidate; a candidate someone else changed meanwhile
    is left alone and named."""
    action = request.form.get("action", "")
    if action not in ACTIONS:
        raise BadRequest(f"the action must be one of {', '.join(ACTIONS)}")
    ids = [int(x) for x in request.form.getlist("ids") if x.isdigit()]
    if not ids:
        flash("Tick the candidates first.")
        return redirect(_back())
    done, problems = [], []
    for entry_id in ids:
        try:
            done.append(_set_status(entry_id, _form_version(entry_id), ACTIONS[action]))
        except GlossaryError as exc:
            problems.append(str(exc))
    verb = "Accepted" if action == "approve" else "Rejected"
    flash(f"{verb} {len(done)} candidate{'s' if len(done) != 1 else ''}.")
    for p in problems:
        flash(p, "error")
    return redirect(_back())

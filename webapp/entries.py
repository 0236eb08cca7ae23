"""One entry: its page (forms, name order per house style, evidence, history), the
editor, and the curator's operations on it (delete, merge, split, undo)."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from werkzeug.exceptions import BadRequest

from glossary.curation import split
from glossary.errors import ConflictError, GlossaryError, NotFound
from glossary.model import Entry
from webapp.auth import requires, safe_next, user_name
from webapp.db import get_glossary
from webapp.forms import editor_rows, entry_from_form
from webapp.suggestions import attach
from webapp.visibility import shown, shown_change

bp = Blueprint("entries", __name__)


def _version() -> int:
    try:
        return int(request.form["version"])
    except (KeyError, ValueError):
        raise BadRequest("the form did not say which version of the entry you saw") from None


def _back(default: str) -> str:
    return safe_next(request.values.get("next") or default)


def flash_change(message: str, entry_id: int | None = None) -> None:
    """A message after a change, with an Undo button for the change just made."""
    g = get_glossary(current_app)
    latest = g.history(entry_id, limit=1)
    category = f"undo:{latest[0].id}" if latest else "message"
    flash(message, category)


@bp.get("/entries/<int:entry_id>")
def show(entry_id: int) -> ResponseReturnValue:
    g = get_glossary(current_app)
    entry = shown(g.get(entry_id))
    return render_template(
        "entry.html",
        entry=entry,
        evidence=g.evidence(entry_id),
        history=[shown_change(c) for c in g.history(entry_id)],
    )


def _editor(
    entry: Entry,
    *,
    status: int = 200,
    error: str | None = None,
    saved: Entry | None = None,
) -> ResponseReturnValue:
    rows = editor_rows(entry)
    attach(entry, rows)
    return render_template(
        "edit.html",
        entry=entry,
        rows=rows,
        error=error,
        saved=saved,
        next=request.values.get("next", ""),
    ), status


@bp.get("/entries/<int:entry_id>/edit")
@requires("curator")
def edit(entry_id: int) -> ResponseReturnValue:
    return _editor(get_glossary(current_app).get(entry_id))


@bp.get("/entries/new")
@requires("curator")
def new() -> ResponseReturnValue:
    kind = request.args.get("kind", "term")
    return _editor(Entry(kind=kind if kind else "term", status="approved"))


@bp.post("/entries/new")
@requires("curator")
def create() -> ResponseReturnValue:
    g = get_glossary(current_app)
    entry = entry_from_form(request.form, Entry(kind="term"))
    try:
        saved = g.add(entry, user=user_name())
    except GlossaryError as exc:
        return _editor(entry, status=400, error=str(exc))
    flash_change(f"Added “{saved.label}”.", saved.id)
    return redirect(url_for("entries.show", entry_id=saved.id))


@bp.post("/entries/<int:entry_id>/edit")
@requires("curator")
def save(entry_id: int) -> ResponseReturnValue:
    """Save the editor. A stale version is refused with both versions shown and the
    editor still holding everything that was typed."""
    g = get_glossary(current_app)
    current = g.get(entry_id)
    mine = entry_from_form(request.form, current)
    mine.version = _version()
    try:
        saved = g.update(mine, user=user_name())
    except ConflictError as exc:
        mine.version = current.version  # saving again now means: mine over theirs
        return _editor(mine, status=409, error=str(exc), saved=current)
    except GlossaryError as exc:
        return _editor(mine, status=400, error=str(exc))
    if saved.version == current.version:
        flash("Nothing changed.")
    else:
        flash_change(f"Saved “{saved.label}” (version {saved.version}).", entry_id)
    return redirect(_back(url_for("entries.show", entry_id=entry_id)))


@bp.post("/entries/<int:entry_id>/delete")
@requires("curator")
def delete(entry_id: int) -> ResponseReturnValue:
    g = get_glossary(current_app)
    label = g.get(entry_id).label
    g.delete(entry_id, _version(), user=user_name())
    flash_change(f"Deleted “{label}”.", entry_id)
    return redirect(_back(url_for("search.search")))


@bp.route("/entries/<int:entry_id>/merge", methods=["GET"])
@requires("curator")
def merge_page(entry_id: int) -> ResponseReturnValue:
    """Pick the entry to merge this one into, with a search."""
    g = get_glossary(current_app)
    entry = g.get(entry_id)
    q = request.args.get("q")
    if q is None:
        q = entry.label
    matches = [m for m in g.lookup(q, limit=20) if m.entry.id != entry_id] if q.strip() else []
    return render_template(
        "merge.html", entry=entry, q=q, matches=matches, next=request.args.get("next", "")
    )


@bp.post("/entries/<int:entry_id>/merge")
@requires("curator")
def merge(entry_id: int) -> ResponseReturnValue:
    g = get_glossary(current_app)
    try:
        into = int(request.form["into"])
        into_version = int(request.form["into_version"])
    except (KeyError, ValueError):
        raise BadRequest("choose the entry to merge into") from None
    source = g.get(entry_id)
    merged = g.merge(
        entry_id,
        into,
        source_version=_version(),
        into_version=into_version,
        user=user_name(),
    )
    flash_change(f"Merged “{source.label}” into “{merged.label}”.", into)
    return redirect(_back(url_for("entries.show", entry_id=into)))


@bp.get("/entries/<int:entry_id>/split")
@requires("curator")
def split_page(entry_id: int) -> ResponseReturnValue:
    entry = get_glossary(current_app).get(entry_id)
    return render_template("split.html", entry=entry, next=request.args.get("next", ""))


@bp.post("/entries/<int:entry_id>/split")
@requires("curator")
def split_entry(entry_id: int) -> ResponseReturnValue:
    g = get_glossary(current_app)
    ids = [int(x) for x in request.form.getlist("term") if x.isdigit()]
    kept, created = split(
        g,
        entry_id,
        _version(),
        ids,
        kind=request.form.get("kind") or None,
        user=user_name(),
    )
    flash_change(f"Split “{created.label}” off “{kept.label}” into a new candidate.", created.id)
    return redirect(url_for("entries.show", entry_id=created.id))


@bp.post("/changes/<int:change_id>/undo")
@requires("curator")
def undo(change_id: int) -> ResponseReturnValue:
    g = get_glossary(current_app)
    done = g.undo(change_id, user=user_name())
    flash_change(f"Undid change {change_id}.", done[-1].entry_id if done else None)
    target = url_for("search.search")
    if done:
        try:
            g.get(done[-1].entry_id)
            target = url_for("entries.show", entry_id=done[-1].entry_id)
        except NotFound:
            pass
    return redirect(_back(target))

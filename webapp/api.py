"""The JSON API under /api: lookup, entries (read, add, edit, merge, delete), history
and undo, and its OpenAPI description. Every error has one shape (webapp.errors)."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from flask import Blueprint, current_app, jsonify, request, url_for
from flask.typing import ResponseReturnValue

from glossary.errors import ConflictError, GlossaryError
from glossary.model import Entry, Term
from glossary.vocab import LANGUAGE_FIELDS
from webapp.auth import current_user, requires, user_name
from webapp.db import get_glossary
from webapp.errors import glossary_error, json_error
from webapp.openapi import openapi_document
from webapp.visibility import sees_notes, shown, shown_change, status_filter, visible_statuses

bp = Blueprint("api", __name__, url_prefix="/api")

ENTRY_FIELDS = {"kind", "status", "origin", "note", "terms", "version"}
TERM_KEYS = {
    "text",
    "role",
    "note",
    "suggested",
    "lang",
    *(f for fs in LANGUAGE_FIELDS.values() for f in fs),
}


class BadJSON(GlossaryError):
    """The request body is not the JSON this route expects."""


def _body() -> dict[str, Any]:
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise BadJSON("send a JSON object as the request body (Content-Type: application/json)")
    try:
        # JSON may escape half a character ("\ud800"), which is no text to store.
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise BadJSON(
            "the JSON holds a lone surrogate (such as \\ud800), which is not text"
        ) from None
    return data


def _terms(raw: Any) -> list[Term]:
    """Terms as in an entry's JSON: {"en": [{...}], "ko": [...]} or a list with "lang"."""
    items: list[tuple[str, Any]] = []
    if isinstance(raw, dict):
        for lang, terms in raw.items():
            if not isinstance(terms, list):
                raise BadJSON(f"terms.{lang} must be a list of term objects")
            items += [(lang, t) for t in terms]
    elif isinstance(raw, list):
        items = [(t.get("lang", "") if isinstance(t, dict) else "", t) for t in raw]
    else:
        raise BadJSON('terms must be an object by language, e.g. {"en": [{"text": "..."}]}')
    out = []
    for lang, t in items:
        if not isinstance(t, dict) or not isinstance(t.get("text"), str):
            raise BadJSON('each term is an object with at least "text"')
        if not isinstance(lang, str) or not isinstance(t.get("lang", ""), str):
            raise BadJSON('a term\'s "lang" is a string: en, ko or ja')
        suggested = t.get("suggested")
        if suggested is None:
            suggested = []
        if not isinstance(suggested, list) or not all(isinstance(s, str) for s in suggested):
            raise BadJSON('"suggested" is a list of field names, such as ["reading"]')
        unknown = set(t) - TERM_KEYS
        if unknown:
            raise BadJSON(f"unknown term field(s): {', '.join(sorted(unknown))}")
        fields: dict[str, str] = {}
        for k, v in t.items():
            if k in ("lang", "suggested"):
                continue
            if v is not None and not isinstance(v, str):
                raise BadJSON(f"term field {k!r} must be a string (or null)")
            fields[k] = v or ""
        term = Term(lang=lang, text=fields.pop("text"))
        for k, v in fields.items():
            setattr(term, k, v)
        term.suggested = list(suggested)
        out.append(term)
    return out


def _apply(entry: Entry, data: dict[str, Any]) -> Entry:
    unknown = set(data) - ENTRY_FIELDS - {"id", "evidence_count", "evidence"}
    if unknown:
        raise BadJSON(f"unknown entry field(s): {', '.join(sorted(unknown))}")
    for name in ("kind", "status", "origin", "note"):
        if name in data:
            value = data[name]
            if value is not None and not isinstance(value, str):
                raise BadJSON(f"{name} must be a string")
            setattr(entry, name, value or "")
    if "terms" in data:
        entry.terms = _terms(data["terms"])
    return entry


class _BadQuery(Exception):
    """A query string a route cannot answer: the code and message of its 400 answer."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@bp.errorhandler(_BadQuery)
def _bad_query(exc: _BadQuery) -> ResponseReturnValue:
    return json_error(400, exc.code, str(exc))


def _query(what: str) -> str:
    """The request's ``?q=``, which must hold ``what``."""
    q = request.args.get("q", "")
    if not q.strip():
        raise _BadQuery("MissingQuery", f"give {what} as ?q=")
    return q


def _limit(default: int, most: int) -> int:
    """The request's ``?limit=``, from 1 to ``most``."""
    try:
        limit = int(request.args.get("limit", default))
    except ValueError:
        limit = 0
    if not 1 <= limit <= most:
        raise _BadQuery("InvalidLimit", f"limit must be a whole number from 1 to {most}")
    return limit


@bp.get("/lookup")
def lookup() -> ResponseReturnValue:
    """Find entries: ?q=&lang=&kind=&status=&limit= ; JSON {query, results}."""
    q = _query("the text to look up")
    limit = _limit(20, 200)
    lang = request.args.get("lang") or None
    kind = request.args.get("kind") or None
    status = status_filter(request.args.get("status") or None)
    notes = sees_notes()
    g = get_glossary(current_app)

    def answer() -> bytes:
        matches = g.lookup(q, lang=lang, kind=kind, status=status, limit=limit)
        if not notes:
            matches = [replace(m, entry=shown(m.entry)) for m in matches]
        return jsonify({"query": q, "results": [m.to_dict() for m in matches]}).get_data()

    # Translators look up the same names all day: the answer is kept until the glossary
    # changes (Glossary.remember), so a repeated lookup costs no statement but one.
    body = g.remember(("api.lookup", q, lang, kind, status, notes, limit), answer)
    return current_app.response_class(body, mimetype="application/json")


@bp.get("/entries/<int:entry_id>")
def entry(entry_id: int) -> ResponseReturnValue:
    """One entry with its evidence."""
    g = get_glossary(current_app)
    data = shown(g.get(entry_id)).to_dict()
    data["evidence"] = g.evidence(entry_id)
    return jsonify(data)


@bp.post("/entries")
@requires("curator")
def create() -> ResponseReturnValue:
    """Add an entry; 201 with the stored entry (its id and version) and its Location."""
    data = _body()
    entry = _apply(Entry(kind=""), data)
    if "status" not in data:
        entry.status = "candidate"
    saved = get_glossary(current_app).add(entry, user=user_name())
    assert saved.id is not None
    return (
        jsonify(saved.to_dict()),
        201,
        {"Location": url_for("api.entry", entry_id=saved.id)},
    )


@bp.patch("/entries/<int:entry_id>")
@requires("curator")
def patch(entry_id: int) -> ResponseReturnValue:
    """Change an entry: send "version" (the one you read) and the fields to change;
    "terms", if sent, replaces all forms. A stale version gets 409 with the current entry."""
    data = _body()
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise BadJSON('send "version": the version of the entry your change is based on')
    g = get_glossary(current_app)
    current = g.get(entry_id)
    if current.version != version:
        return _conflict(ConflictError(entry_id, version, current.version), current)
    entry = _apply(current, data)
    entry.version = version
    try:
        saved = g.update(entry, user=user_name())
    except ConflictError as exc:
        return _conflict(exc, g.get(entry_id))
    return jsonify(saved.to_dict())


def _conflict(exc: ConflictError, current: Entry) -> ResponseReturnValue:
    return glossary_error(exc, current=current.to_dict())


@bp.delete("/entries/<int:entry_id>")
@requires("curator")
def delete(entry_id: int) -> ResponseReturnValue:
    """Delete an entry: ?version= (the one you read). Undo brings it back."""
    version = request.args.get("version", type=int)
    if version is None:
        raise BadJSON("send ?version=: the version of the entry you mean to delete")
    get_glossary(current_app).delete(entry_id, version, user=user_name())
    return "", 204


@bp.post("/entries/<int:entry_id>/merge")
@requires("curator")
def merge(entry_id: int) -> ResponseReturnValue:
    """Merge this entry into {"into": ID}; optional "version" and "into_version" refuse
    the merge (409) if either entry changed since you read it."""
    data = _body()
    into = data.get("into")
    if not isinstance(into, int) or isinstance(into, bool):
        raise BadJSON('send "into": the id of the entry to merge this one into')
    for name in ("version", "into_version"):
        # true is no version number, though Python counts it as 1.
        if name in data and (not isinstance(data[name], int) or isinstance(data[name], bool)):
            raise BadJSON(f"{name} must be a whole number")
    merged = get_glossary(current_app).merge(
        entry_id,
        into,
        source_version=data.get("version"),
        into_version=data.get("into_version"),
        user=user_name(),
    )
    return jsonify(merged.to_dict())


@bp.get("/entries/<int:entry_id>/history")
def history(entry_id: int) -> ResponseReturnValue:
    """The entry's changes, newest first (who made each: to signed-in users only)."""
    limit = _limit(100, 1000)
    g = get_glossary(current_app)
    if visible_statuses() is not None:
        shown(g.get(entry_id))  # 404 for an entry this visitor may not see
    changes = [shown_change(c).to_dict() for c in g.history(entry_id, limit=limit)]
    if current_user() is None:
        # Account names are for signed-in users: a visitor who knew them could guess
        # their passwords (and be refused for a while, not the account).
        for change in changes:
            change["user"] = None
    return jsonify({"entry_id": entry_id, "changes": changes})


@bp.post("/changes/<int:change_id>/undo")
@requires("curator")
def undo(change_id: int) -> ResponseReturnValue:
    """Undo a change (both halves of a merge together); returns the undo's own changes."""
    done = get_glossary(current_app).undo(change_id, user=user_name())
    return jsonify({"undone": change_id, "changes": [c.to_dict() for c in done]})


@bp.get("/tm/match")
def tm_match() -> ResponseReturnValue:
    """Translation-memory matches for a sentence: ?q=&from=&to=&limit= ;
    JSON {query, results} with the objects of 'glossary tm match --json'."""
    from glossary.tm.limits import bounded_match
    from webapp.tm import memory

    q = _query("the sentence")
    limit = _limit(5, 100)
    found = bounded_match(
        memory(),
        q,
        source=request.args.get("from") or None,
        target=request.args.get("to") or None,
        limit=limit,
        before=request.args.get("before") or None,
        after=request.args.get("after") or None,
    )
    return jsonify({"query": q, "results": [m.to_dict() for m in found]})


@bp.get("/tm/concordance")
def tm_concordance() -> ResponseReturnValue:
    """Units holding a word or phrase: ?q=&limit= ; JSON {query, results} with the
    objects of 'glossary tm concord --json'."""
    from glossary.tm.limits import bounded_concordance
    from webapp.tm import memory

    q = _query("the word or phrase")
    limit = _limit(50, 200)
    found = bounded_concordance(memory(), q, limit=limit)
    return jsonify({"query": q, "results": [c.to_dict() for c in found]})


@bp.get("/openapi.json")
def openapi() -> ResponseReturnValue:
    """This API described in OpenAPI 3.1."""
    return jsonify(openapi_document())

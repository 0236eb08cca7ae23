"""The sentence memory in the web app: "Translate a sentence" (matches, glossary terms,
concordance), the units (search, edit, history, undo, delete for curators), and the
review of an alignment before its pairs become units."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from markupsafe import Markup, escape
from werkzeug.exceptions import BadRequest

from glossary.errors import ConflictError, GlossaryError
from glossary.lang import LANGUAGES
from glossary.tm import TranslationMemory, Unit, Variant
from glossary.tm.limits import bounded_concordance, bounded_match, bounded_terms
from webapp.auth import requires, user_name
from webapp.db import per_app
from webapp.errors import status_for

bp = Blueprint("tm", __name__)

#: Longest text the alignment page takes (align longer articles with the command line).
MAX_ALIGN_CHARS = 200_000


def memory() -> TranslationMemory:
    return per_app("translation_memory", TranslationMemory)


def marked(text: str, spans: list[tuple[int, int]] | list[list[int]]) -> Markup:
    """The text with each hit in <mark> (escaped: markup in a sentence is shown as text)."""
    out = []
    pos = 0
    for start, end in spans:
        out.append(str(escape(text[pos:start])))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        pos = end
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


def _lang(name: str) -> str | None:
    value = request.values.get(name) or None
    if value is not None and value not in LANGUAGES:
        raise BadRequest(f"{name} must be one of {', '.join(LANGUAGES)}")
    return value


@bp.route("/translate", methods=["GET", "POST"])
def translate() -> ResponseReturnValue:
    """Paste a sentence: the memory's matches, the glossary's terms, the concordance.

    The page's form is sent by POST: a sentence of 2,000 Korean or Japanese characters
    is some 18,000 bytes once percent-encoded, past the request line a server such as
    gunicorn takes (4,094 bytes), which would refuse it before the page could say
    anything. ``GET /translate?q=...`` still answers, for links to a lookup."""
    fields = request.form if request.method == "POST" else request.args
    sentence = fields.get("q", "")
    source, target = _lang("from"), _lang("to")
    phrase = fields.get("concord", "")
    tm = memory()
    matches, terms, hits, error, status = [], [], [], None, 200
    try:
        if sentence.strip():
            matches = bounded_match(tm, sentence, source=source, target=target, limit=10)
            if target or matches:
                terms = bounded_terms(tm, sentence, target or matches[0].target_lang)
        if phrase.strip():
            hits = bounded_concordance(tm, phrase, limit=30)
    except GlossaryError as exc:
        # The page as typed, with why nothing was found (400 too long, 503 too slow).
        error, status = str(exc), status_for(exc)
    page = render_template(
        "translate.html",
        sentence=sentence,
        source=source,
        target=target,
        phrase=phrase,
        matches=matches,
        terms=terms,
        hits=hits,
        marked=marked,
        languages=LANGUAGES,
        error=error,
    )
    return page, status


@bp.get("/tm/units")
def units() -> ResponseReturnValue:
    """The units: those holding a word or phrase, or the newest."""
    q = request.args.get("q", "")
    tm = memory()
    error, status = None, 200
    rows: list[tuple[Unit, str, str, dict[str, list[tuple[int, int]]]]] = []
    if q.strip():
        try:
            found = bounded_concordance(tm, q, limit=100)
            rows = [(c.unit, c.source_lang, c.target_lang, c.hits) for c in found]
        except GlossaryError as exc:
            error, status = str(exc), status_for(exc)
    else:
        newest = sorted(tm.get_many(tm.newest_ids()).values(), key=lambda u: -(u.id or 0))
        rows = [(u, *u.pair(), {}) for u in newest]
    page = render_template(
        "tm_units.html", q=q, rows=rows, marked=marked, count=tm.count(), error=error
    )
    return page, status


@bp.get("/tm/units/<int:unit_id>")
def unit(unit_id: int) -> ResponseReturnValue:
    tm = memory()
    return render_template(
        "tm_unit.html", unit=tm.get(unit_id), history=tm.history(unit_id), languages=LANGUAGES
    )


def _version() -> int:
    try:
        return int(request.form["version"])
    except (KeyError, ValueError):
        raise BadRequest("the form did not say which version of the unit you saw") from None


@bp.post("/tm/units/<int:unit_id>/edit")
@requires("curator")
def edit(unit_id: int) -> ResponseReturnValue:
    tm = memory()
    current = tm.get(unit_id)
    edited = tm.get(unit_id)
    edited.version = _version()
    variants = []
    for i, v in enumerate(edited.variants):
        text = request.form.get(f"text_{i}", v.text).strip()
        if text != v.text:
            # The sentence changed: its inline codes no longer fit it.
            v = Variant(
                v.lang,
                text,
                tag=v.tag,
                before=v.before,
                after=v.after,
                attrs=v.attrs,
                props=v.props,
                notes=v.notes,
            )
        variants.append(v)
    edited.variants = variants
    try:
        tm.update(edited, user=user_name())
    except ConflictError as exc:
        flash(f"Not saved: {exc}. The unit as it is now is shown; make your change again.")
        return render_template(
            "tm_unit.html",
            unit=tm.get(unit_id),
            history=tm.history(unit_id),
            languages=LANGUAGES,
            stale=edited,
            current=current,
        ), 409
    except GlossaryError as exc:
        flash(f"Not saved: {exc}")
        return redirect(url_for("tm.unit", unit_id=unit_id))
    flash("Unit saved.")
    return redirect(url_for("tm.unit", unit_id=unit_id))


@bp.post("/tm/units/<int:unit_id>/delete")
@requires("curator")
def delete(unit_id: int) -> ResponseReturnValue:
    memory().delete(unit_id, _version(), user=user_name())
    flash(f"Unit {unit_id} deleted; its history has an Undo.")
    return redirect(url_for("tm.units"))


@bp.post("/tm/changes/<int:change_id>/undo")
@requires("curator")
def undo(change_id: int) -> ResponseReturnValue:
    tm = memory()
    change = tm.change(change_id)
    try:
        tm.undo(change_id, user=user_name())
        flash("Undone.")
    except GlossaryError as exc:
        flash(f"Not undone: {exc}")
    if change.unit_id is not None:
        try:
            tm.get(change.unit_id)
            return redirect(url_for("tm.unit", unit_id=change.unit_id))
        except GlossaryError:
            pass
    return redirect(url_for("tm.units"))


@bp.route("/tm/align", methods=["GET", "POST"])
@requires("curator")
def align() -> ResponseReturnValue:
    """Paste an article and its translation, review the pairs, save the ones you keep."""
    form = request.form
    source = form.get("from") or "ja"
    target = form.get("to") or "en"
    source_text, target_text = form.get("source_text", ""), form.get("target_text", "")
    alignment, error = None, None
    if request.method == "POST":
        try:
            if source not in LANGUAGES or target not in LANGUAGES:
                raise GlossaryError("choose the languages of both texts")
            if len(source_text) + len(target_text) > MAX_ALIGN_CHARS:
                raise GlossaryError(
                    f"the texts are longer than {MAX_ALIGN_CHARS:,} characters; "
                    "align them with 'glossary tm align'"
                )
            if not source_text.strip() or not target_text.strip():
                raise GlossaryError("paste both the article and its translation")
            alignment = memory().align(source_text, target_text, source, target)
            if "save" in form:
                keep = [int(i) for i in form.getlist("keep") if i.isdigit()]
                saved = memory().save_alignment(alignment, beads=keep, user=user_name())
                flash(f"Saved {len(saved)} units from the alignment.")
                return redirect(url_for("tm.units"))
        except GlossaryError as exc:
            error = str(exc)
    return render_template(
        "tm_align.html",
        source=source,
        target=target,
        source_text=source_text,
        target_text=target_text,
        alignment=alignment,
        languages=LANGUAGES,
        error=error,
    )

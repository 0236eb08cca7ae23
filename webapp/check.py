"""The style check in the web app: a page to paste a draft and POST /api/check."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from flask import Blueprint, Flask, current_app, jsonify, render_template, request
from flask.typing import ResponseReturnValue
from markupsafe import Markup, escape

from glossary.check import Finding
from glossary.check.cache import CheckerCache
from glossary.errors import GlossaryError, PermissionDenied
from glossary.intake.unknown import queue_unknown_name
from glossary.lang.styles import house_styles
from webapp.auth import can, user_name
from webapp.db import get_glossary, per_app
from webapp.errors import status_for

if TYPE_CHECKING:
    from glossary.mining.service import SharedMiner

bp = Blueprint("check", __name__)

#: Drafts larger than this are refused: check long documents with the command line.
MAX_DRAFT_CHARS = 1_000_000


class DraftTooLong(GlossaryError):
    """The draft is larger than the web check accepts."""


def warm_up(app: Flask) -> list[str]:
    """Build the checker of the app's house style and run the check, unknown names and
    all, on a short draft in each language, so that what it loads is loaded and
    initialised in this process: worker processes forked from it share it instead of
    each loading its own. The Korean and Japanese analysers are the app's shared miner's
    (see :func:`use_shared_miner`) when it has one. Returns the languages warmed (an
    analyser that is not installed is skipped)."""
    from glossary.mining.service import WARM_UP_TEXTS

    warmed = []
    with app.app_context():
        checker = checker_cache().get(app.config.get("HOUSE_STYLE") or "default")
        for lang, draft in WARM_UP_TEXTS.items():
            try:
                checker.check(draft, "warm-up", miner=app.extensions.get("shared_miner"))
            except ImportError:  # the language's extra (ko, ja) is not installed
                continue
            warmed.append(lang)
    return warmed


def use_shared_miner(app: Flask, miner: SharedMiner) -> None:
    """Have the check's unknown-name rule ask ``miner`` (the analysers in a process of
    their own, which every worker of the server shares) instead of loading them here."""
    app.extensions["shared_miner"] = miner


def checker_cache() -> CheckerCache:
    return per_app("checker_cache", CheckerCache)


def run_check(text: str, style: str | None) -> tuple[str, list[Finding]]:
    if len(text) > MAX_DRAFT_CHARS:
        raise DraftTooLong(
            f"the draft has {len(text):,} characters; the web check takes up to "
            f"{MAX_DRAFT_CHARS:,} (use 'glossary check' for longer documents)"
        )
    chosen = style or current_app.config.get("HOUSE_STYLE") or "default"
    checker = checker_cache().get(chosen)
    return checker.style, checker.check(
        text, "draft", miner=current_app.extensions.get("shared_miner")
    )


def highlight(text: str, findings: list[Finding]) -> Markup:
    """The draft as HTML with each finding marked in place (escaped, so markup in a draft
    is shown as text)."""
    parts: list[str] = []
    pos = 0
    for i, f in enumerate(sorted(findings, key=lambda f: f.offset)):
        if f.offset < pos:
            continue  # an inconsistency reported on a span already marked
        parts.append(str(escape(text[pos : f.offset])))
        parts.append(
            f'<mark class="finding {f.severity}" id="f{i}" title="{escape(f.message)}">'
            f"{escape(f.found)}</mark>"
        )
        pos = f.offset + f.length
    parts.append(str(escape(text[pos:])))
    return Markup("".join(parts))


def finding_place(value: str) -> tuple[int, int]:
    """Where the finding to apply is, from the form's ``OFFSET:LENGTH``."""
    offset, _, length = value.partition(":")
    if not (offset.isdecimal() and length.isdecimal()) or len(value) > 40:
        raise GlossaryError(
            "the suggestion to apply is not one this page offered; check the draft again "
            "and use the buttons beside its findings"
        )
    return int(offset), int(length)


def apply_finding(text: str, offset: int, length: int, found: str, suggestion: str) -> str:
    """Replace one finding with its suggestion, if the draft still has it there."""
    if text[offset : offset + length] != found:
        raise GlossaryError("the draft changed since it was checked; check it again")
    return text[:offset] + suggestion + text[offset + length :]


@bp.route("/check", methods=["GET", "POST"])
def page() -> ResponseReturnValue:
    text = request.form.get("text", "")
    style = request.form.get("style") or current_app.config.get("HOUSE_STYLE") or "default"
    error = None
    notice = ""
    status = 200
    findings: list[Finding] = []
    if request.method == "POST":
        try:
            queue = request.form.get("queue")
            if queue is not None:
                if not can("curator"):
                    raise PermissionDenied(
                        "sending names to the curation queue needs the "
                        "curator role; log in as a curator"
                    )
                entry_id, created = queue_unknown_name(
                    get_glossary(current_app),
                    request.form.get(f"found_{queue}", ""),
                    request.form.get(f"kind_{queue}", "term"),
                    sentence=request.form.get(f"sentence_{queue}", ""),
                    source="web check",
                    user=user_name(),
                )
                notice = (
                    f"Sent to the curation queue as entry {entry_id}."
                    if created
                    else f"Entry {entry_id} has this form already."
                )
            apply = request.form.get("apply")
            if apply is not None:
                offset, length = finding_place(apply)
                text = apply_finding(
                    text,
                    offset,
                    length,
                    request.form.get(f"found_{apply}", ""),
                    request.form.get(f"suggestion_{apply}", ""),
                )
            style, findings = run_check(text, style)
        except GlossaryError as exc:
            error, status = str(exc), status_for(exc)
        except ValueError as exc:
            error, status = str(exc), 400
    return render_template(
        "check.html",
        notice=notice,
        text=text,
        style=style,
        styles=house_styles(),
        findings=findings,
        marked=highlight(text, findings),
        error=error,
        checked=request.method == "POST" and error is None,
    ), status


@bp.post("/api/check")
def api_check() -> ResponseReturnValue:
    """Check a draft: {"text": ..., "style": ...} -> {"style", "findings": [...]}."""
    data: Any = request.get_json(silent=True)
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("text"), str)
        or not isinstance(data.get("style", ""), str)
    ):
        from webapp.errors import json_error

        return json_error(400, "BadJSON", 'send {"text": "the draft", "style": "default"}')
    style, findings = run_check(data["text"], data.get("style"))
    errors = sum(1 for f in findings if f.severity == "error")
    return jsonify({"style": style, "errors": errors, "findings": [f.to_dict() for f in findings]})

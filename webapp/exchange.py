"""Export downloads and import uploads in the exchange formats (CSV, XLSX, PO, TBX, TMX)."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from typing import IO

from flask import Blueprint, Response, current_app, render_template, request
from flask.typing import ResponseReturnValue
from werkzeug.exceptions import BadRequest
from werkzeug.utils import get_content_type

from glossary.errors import GlossaryError
from glossary.formats import FORMATS, UPLOAD_LIMIT, export_entries, import_file
from glossary.vocab import KINDS, STATUSES
from webapp.auth import requires, user_name
from webapp.db import get_glossary
from webapp.visibility import sees_notes, status_filter

bp = Blueprint("exchange", __name__)

#: Exports are written to a temporary file first, in memory while they are small.
_SPOOL = 8 * 1024 * 1024


def _choice(name: str, allowed: tuple[str, ...], default: str | None = None) -> str | None:
    value = request.values.get(name) or default
    if value is not None and value not in allowed:
        raise BadRequest(f"{name} must be one of {', '.join(allowed)}")
    return value


def _page(**context: object) -> str:
    return render_template(
        "import.html" if request.endpoint and "import" in request.endpoint else "export.html",
        formats=FORMATS,
        statuses=STATUSES,
        limit_mb=UPLOAD_LIMIT // (1024 * 1024),
        **context,
    )


@bp.get("/export")
def export_page() -> ResponseReturnValue:
    return _page()


@bp.get("/export/download")
def export_download() -> ResponseReturnValue:
    """The export as a file download: ?format=&target=&status=&kind=&bom=1."""
    fmt = _choice("format", tuple(FORMATS), "csv")
    assert fmt is not None
    target = _choice("target", ("ko", "ja"))
    status = _choice("status", STATUSES)
    kind = _choice("kind", KINDS)
    statuses = status_filter(status)  # 403 for a status this visitor may not see
    out = tempfile.SpooledTemporaryFile(max_size=_SPOOL)  # noqa: SIM115 (_chunks closes it)
    try:
        export_entries(
            get_glossary(current_app),
            fmt,
            out,
            target=target,
            status=statuses,
            kind=kind,
            bom=bool(request.args.get("bom")),
            notes=sees_notes(),
        )
    except GlossaryError as exc:
        out.close()
        return _page(error=str(exc)), 400
    f = FORMATS[fmt]
    name = "glossary" + (f".{target}" if target else "") + f.extensions[0]
    size = out.tell()
    out.seek(0)
    return Response(
        _chunks(out),
        # Every export is UTF-8; the CSV and PO types name their charset already.
        content_type=f.media_type
        if "charset=" in f.media_type
        else get_content_type(f.media_type, "utf-8"),
        headers={
            "Content-Disposition": f"attachment; filename={name}",
            "Content-Length": str(size),
        },
    )


def _chunks(stream: IO[bytes]) -> Iterator[bytes]:
    """The file's bytes a piece at a time; the file is closed when they are sent."""
    with stream:
        while chunk := stream.read(64 * 1024):
            yield chunk


@bp.get("/import")
@requires("admin")
def import_page() -> ResponseReturnValue:
    return _page(report=None)


@bp.post("/import")
@requires("admin")
def import_upload() -> ResponseReturnValue:
    """Import an uploaded file; with dry run nothing is written, only the report shown."""
    upload = request.files.get("file")
    if upload is None or not upload.filename:
        return _page(report=None, error="Choose a file to import."), 400
    fmt = _choice("format", tuple(FORMATS))
    dry_run = bool(request.form.get("dry_run"))
    try:
        report = import_file(
            get_glossary(current_app),
            upload.stream,
            fmt=fmt,
            name=upload.filename,
            dry_run=dry_run,
            skip_bad=bool(request.form.get("skip_bad")),
            user=user_name(),
            max_bytes=UPLOAD_LIMIT,
        )
    except GlossaryError as exc:
        return _page(report=None, error=str(exc)), 400
    return _page(report=report, dry_run=dry_run, filename=upload.filename)

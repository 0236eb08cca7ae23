"""The headers every answer carries, so that browsers hold the pages to what they are:
scripts and styles from this site only, never inside another site's frame, content
types as sent, and no addresses (which hold the queries) sent to other sites."""

from __future__ import annotations

from flask import Flask, Response

#: The pages load their scripts and styles from /static and nothing from elsewhere;
#: they have no inline scripts, styles or event handlers, so none is allowed.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Frame-Options": "DENY",  # frame-ancestors, for browsers that predate it
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


def _add_headers(response: Response) -> Response:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def register(app: Flask) -> None:
    app.after_request(_add_headers)

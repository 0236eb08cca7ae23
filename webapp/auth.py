"""Logging in and out, who the request is from, and what their role lets them do.

A browser logs in with a name and password and gets a signed, HttpOnly, SameSite session
cookie; a script sends ``Authorization: Bearer TOKEN`` (``glossary users token NAME``).
Reading may be open to anonymous visitors (the ``anonymous_read`` setting); writing
always needs a curator or an admin.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    Flask,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask.typing import ResponseReturnValue

from glossary.users import User, authenticate, get_user, verify_token
from webapp import get_glossary
from webapp.errors import json_error, wants_json

bp = Blueprint("auth", __name__)
F = TypeVar("F", bound=Callable[..., Any])

# Pages anyone may open even when reading needs a login.
_OPEN_ENDPOINTS = {"auth.login", "auth.logout", "static", "api.openapi"}


def current_user() -> User | None:
    """The user the current request is from, or None for an anonymous visitor."""
    user: User | None = g.get("user")
    return user


def user_name() -> str:
    """The name recorded in the history for this request's changes."""
    user = current_user()
    return user.name if user else "anonymous"


def _load_user() -> ResponseReturnValue | None:
    g.user = None
    g.via_token = False
    header = request.headers.get("Authorization")
    if header:
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return json_error(
                401,
                "InvalidToken",
                "send the API token as 'Authorization: Bearer TOKEN'",
                headers={"WWW-Authenticate": "Bearer"},
            )
        user = verify_token(get_glossary(current_app), token.strip())
        if user is None:
            return json_error(
                401,
                "InvalidToken",
                "this API token is not known (make one with 'glossary users token NAME')",
                headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
            )
        g.user, g.via_token = user, True
    elif "uid" in session:
        user = get_user(get_glossary(current_app), session["uid"])
        if user is None or user.password_fingerprint != session.get("pw"):
            session.clear()  # account gone or password changed: the session ends
        else:
            g.user = user
    anonymous_allowed = current_app.config["ANONYMOUS_READ"]
    if g.user is None and not anonymous_allowed and request.endpoint not in _OPEN_ENDPOINTS:
        return login_required()
    return None


def login_required() -> ResponseReturnValue:
    """401 for the API; for pages, the login form and then back here."""
    if wants_json():
        return json_error(
            401,
            "LoginRequired",
            "log in or send an API token",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))


def forbidden(role: str) -> ResponseReturnValue:
    user = current_user()
    message = f"this needs the {role} role; you are logged in as {user.name if user else '?'}"
    if wants_json():
        return json_error(403, "PermissionDenied", message)
    return render_template("error.html", title="Not allowed", message=message), 403


def requires(role: str) -> Callable[[F], F]:
    """Let the view run only for users with ``role`` or a stronger one."""

    def decorate(view: F) -> F:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            user = current_user()
            if user is None:
                return login_required()
            if not user.can(role):
                return forbidden(role)
            return view(*args, **kwargs)

        return cast(F, wrapped)

    return decorate


def can(role: str) -> bool:
    """For templates: may the current user act as ``role``?"""
    user = current_user()
    return bool(user and user.can(role))


def safe_next(target: str | None) -> str:
    """Only paths on this site: never send a user who just logged in elsewhere."""
    home = request.script_root + "/"
    if not target:
        return home
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return home
    return target


@bp.route("/login", methods=["GET", "POST"])
def login() -> ResponseReturnValue:
    """The login form."""
    error = None
    name = ""
    if request.method == "POST":
        name = request.form.get("name", "").strip()
        password = request.form.get("password", "")
        user = authenticate(get_glossary(current_app), name, password)
        if user is None:
            error = "That name and password do not match an account."
        else:
            session.clear()  # a fresh session (and CSRF token) for the new login
            session["uid"] = user.id
            session["pw"] = user.password_fingerprint
            session.permanent = True
            flash(f"Logged in as {user.name} ({user.role}).")
            return redirect(safe_next(request.form.get("next")))
    status = 401 if error else 200
    return render_template(
        "login.html", error=error, name=name, next=request.values.get("next", "")
    ), status


@bp.post("/logout")
def logout() -> ResponseReturnValue:
    session.clear()
    flash("Logged out.")
    return redirect(safe_next(None))


def register(app: Flask) -> None:
    app.before_request(_load_user)
    app.jinja_env.globals.update(current_user=current_user, can=can)

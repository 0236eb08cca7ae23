"""Logging in and out, who the request is from, and what their role lets them do.

A browser logs in with a name and password and gets a signed, HttpOnly, SameSite session
cookie naming a session the database keeps (:mod:`glossary.accounts.logins`): logging out, a new
password or a new role ends it for every copy of the cookie. A script sends
``Authorization: Bearer TOKEN`` (``glossary users token NAME``).
Reading may be open to anonymous visitors (the ``anonymous_read`` setting); writing
always needs a curator or an admin.

Guessing is slowed down: after ``login_attempts`` failed logins for one account name from
one client address, or ``login_address_attempts`` failed logins or unknown API tokens
from one client address, within ``login_window`` seconds, further attempts are refused
with 429 (and ``Retry-After``) until the oldest counted failure is that old; a
successful login clears the account's count for that address. Counting an account per
address means a guesser who knows a name cannot lock its owner out from elsewhere. The
counts are kept in the database (:class:`glossary.accounts.logins.FailedLogins`): every server
process sees them, and a restart keeps them.
"""

from __future__ import annotations

import math
import time
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

from glossary.accounts import User, authenticate, verify_token
from glossary.accounts.logins import FailedLogins, end_session, open_session, session_user
from webapp.db import get_glossary
from webapp.errors import json_error, wants_json

bp = Blueprint("auth", __name__)
F = TypeVar("F", bound=Callable[..., Any])

# Pages anyone may open even when reading needs a login.
_OPEN_ENDPOINTS = {"auth.login", "auth.logout", "static", "api.openapi"}


def _failures() -> FailedLogins:
    counter: FailedLogins = current_app.extensions["login_failures"]
    return counter


def _address() -> str:
    return request.remote_addr or "unknown"


def _in_words(seconds: float) -> str:
    if seconds < 60:
        n = max(1, math.ceil(seconds))
        return f"{n} second{'s' if n != 1 else ''}"
    n = math.ceil(seconds / 60)
    return f"{n} minute{'s' if n != 1 else ''}"


def too_many_attempts(message: str, wait: float, *, api: bool = False) -> ResponseReturnValue:
    """429 with ``Retry-After``: the one JSON error shape for the API (and for ``api``
    requests, those with a token), else the message on the login form."""
    seconds = math.ceil(wait)
    headers = {"Retry-After": str(seconds)}
    if api or wants_json():
        return json_error(429, "TooManyAttempts", message, headers=headers, retry_after=seconds)
    page = render_template(
        "login.html",
        error=message,
        name=request.form.get("name", "").strip(),
        next=request.values.get("next", ""),
    )
    return page, 429, headers


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
        failures, address_key = _failures(), f"token:{_address()}"
        wait = failures.wait(address_key, current_app.config["LOGIN_ADDRESS_ATTEMPTS"])
        if wait:
            return too_many_attempts(
                f"too many unknown API tokens from this address; try again in {_in_words(wait)}",
                wait,
                api=True,
            )
        user = verify_token(get_glossary(current_app), token.strip())
        if user is None:
            failures.fail(address_key)
            return json_error(
                401,
                "InvalidToken",
                "this API token is not known (make one with 'glossary users token NAME')",
                headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
            )
        g.user, g.via_token = user, True
    elif "sid" in session:
        user = session_user(get_glossary(current_app), str(session["sid"]))
        if user is None:
            session.clear()  # logged out, expired, new password or role: it has ended
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
        failures = _failures()
        # The account's count is kept per address: a guesser elsewhere, who may know the
        # name, cannot lock its owner out.
        account_key = f"name:{name.casefold()}\0{_address()}"
        address_key = f"login:{_address()}"
        wait = max(
            failures.wait(account_key, current_app.config["LOGIN_ATTEMPTS"]),
            failures.wait(address_key, current_app.config["LOGIN_ADDRESS_ATTEMPTS"]),
        )
        if wait:  # refused before the password is even checked
            return too_many_attempts(
                "Too many failed logins for this account or from this computer. "
                f"Please try again in {_in_words(wait)}.",
                wait,
            )
        user = authenticate(get_glossary(current_app), name, password)
        if user is None:
            failures.fail(account_key, address_key)
            error = "That name and password do not match an account."
        else:
            failures.clear(account_key)
            session.clear()  # a fresh session (and CSRF token) for the new login
            lifetime = current_app.config["PERMANENT_SESSION_LIFETIME"]
            session["sid"] = open_session(get_glossary(current_app), user, lifetime)
            session.permanent = True
            flash(f"Logged in as {user.name} ({user.role}).")
            return redirect(safe_next(request.form.get("next")))
    status = 401 if error else 200
    return render_template(
        "login.html", error=error, name=name, next=request.values.get("next", "")
    ), status


@bp.post("/logout")
def logout() -> ResponseReturnValue:
    """End the session here and in the database: a copy of its cookie opens nothing."""
    if "sid" in session:
        end_session(get_glossary(current_app), str(session["sid"]))
    session.clear()
    flash("Logged out.")
    return redirect(safe_next(None))


def register(app: Flask) -> None:
    app.extensions["login_failures"] = FailedLogins(
        get_glossary(app), app.config["LOGIN_WINDOW"], app.config.get("LOGIN_CLOCK", time.time)
    )
    app.before_request(_load_user)
    app.jinja_env.globals.update(current_user=current_user, can=can)

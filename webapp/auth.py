"""Logging in and out, who the request is from, and what their role lets them do.

A browser logs in with a name and password and gets a signed, HttpOnly, SameSite session
cookie naming a session the database keeps (:mod:`glossary.logins`): logging out, a new
password or a new role ends it for every copy of the cookie. A script sends
``Authorization: Bearer TOKEN`` (``glossary users token NAME``).
Reading may be open to anonymous visitors (the ``anonymous_read`` setting); writing
always needs a curator or an admin.

Guessing is slowed down: after ``login_attempts`` failed logins for one account name, or
``login_address_attempts`` failed logins or unknown API tokens from one client address,
within ``login_window`` seconds, further attempts are refused with 429 (and
``Retry-After``) until the oldest counted failure is that old; a successful login clears
the account's count. The counts live in each server process (a gunicorn worker counts
its own requests) and are lost when it restarts.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
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
from glossary.logins import end_session, open_session, session_user
from webapp.db import get_glossary
from webapp.errors import json_error, wants_json

bp = Blueprint("auth", __name__)
F = TypeVar("F", bound=Callable[..., Any])

# Pages anyone may open even when reading needs a login.
_OPEN_ENDPOINTS = {"auth.login", "auth.logout", "static", "api.openapi"}


class FailureCounter:
    """Recent failures per key (an account name, a client address), in this process.

    A key is refused once ``limit`` failures fall within the last ``window`` seconds, and
    allowed again when the oldest of them is ``window`` seconds old. ``clock`` gives the
    time in seconds (monotonic; tests pass their own).
    """

    #: Keys kept at most; beyond it the expired ones are swept, then the oldest dropped.
    MAX_KEYS = 10_000

    def __init__(self, window: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.window = window
        self.clock = clock
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def wait(self, key: str, limit: int) -> float:
        """Seconds until ``key`` may try again (0: it may try now). ``limit`` 0: no limit."""
        if limit <= 0:
            return 0.0
        with self._lock:
            now = self.clock()
            times = self._recent(key, now)
            if len(times) < limit:
                return 0.0
            # Allowed again once all but limit - 1 of them are out of the window.
            return max(times[len(times) - limit] + self.window - now, 0.001)

    def fail(self, key: str) -> None:
        with self._lock:
            now = self.clock()
            times = self._recent(key, now)
            if not times:
                self._failures[key] = times = deque()
                if len(self._failures) > self.MAX_KEYS:
                    self._sweep(now)
            times.append(now)

    def clear(self, key: str) -> None:
        with self._lock:
            self._failures.pop(key, None)

    def _recent(self, key: str, now: float) -> deque[float]:
        times = self._failures.get(key)
        if times is None:
            return deque()
        while times and times[0] <= now - self.window:
            times.popleft()
        if not times:
            del self._failures[key]
        return times

    def _sweep(self, now: float) -> None:
        for key in list(self._failures):
            self._recent(key, now)
        while len(self._failures) > self.MAX_KEYS:
            del self._failures[next(iter(self._failures))]  # the longest-known key


def _failures() -> FailureCounter:
    counter: FailureCounter = current_app.extensions["login_failures"]
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
        account_key, address_key = f"name:{name.casefold()}", f"login:{_address()}"
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
            failures.fail(account_key)
            failures.fail(address_key)
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
    app.extensions["login_failures"] = FailureCounter(
        app.config["LOGIN_WINDOW"], app.config.get("LOGIN_CLOCK", time.monotonic)
    )
    app.before_request(_load_user)
    app.jinja_env.globals.update(current_user=current_user, can=can)

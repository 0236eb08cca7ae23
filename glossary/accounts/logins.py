"""Signing in to the web app: browser sessions and failed logins, kept in the database.

A session's cookie carries a random secret; the database keeps only its SHA-256, the
account and when it expires. Logging out deletes the session, and a new password or a
new role ends every session of the account (:func:`glossary.accounts.set_password`,
:func:`glossary.accounts.set_role`), so a copy of the cookie taken before opens nothing.
Failed logins are counted there too (:class:`FailedLogins`), for every server process.

>>> secret = open_session(g, user)
>>> session_user(g, secret).name
'mina'
>>> end_session(g, secret)
>>> session_user(g, secret) is None
True
"""

from __future__ import annotations

import hashlib
import secrets
import time
from collections.abc import Callable
from datetime import timedelta

from glossary.accounts import User, aware, user_from_row
from glossary.api import Glossary
from glossary.store import accounts as stored
from glossary.store.models import utcnow

#: How long a session lasts without logging in again.
SESSION_LIFETIME = timedelta(days=14)


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def open_session(g: Glossary, user: User, lifetime: timedelta = SESSION_LIFETIME) -> str:
    """Start a session for ``user``; return the secret its cookie carries (the database
    keeps only its digest). Sessions that have expired are forgotten at the same time."""
    secret = secrets.token_urlsafe(32)
    now = utcnow()
    with g.writing() as s:
        stored.add_session(s, _digest(secret), user.id, now, now + lifetime)
    return secret


def session_user(g: Glossary, secret: str) -> User | None:
    """The account of the session whose cookie carries ``secret``; None once it has
    ended (logged out, expired, password or role changed, account deleted)."""
    with g.reading() as s:
        found = stored.session_with_user(s, _digest(secret))
        if found is None or aware(found[1]) <= utcnow():
            return None
        return user_from_row(found[0])


def end_session(g: Glossary, secret: str) -> None:
    """End one session (logging out)."""
    with g.writing() as s:
        stored.delete_session(s, _digest(secret))


class FailedLogins:
    """Recent failed logins and unknown API tokens, per key (an account name and client
    address, a client address), counted in the database: every server process sees the
    same counts, and a restart forgets none.

    A key is refused once ``limit`` failures fall within the last ``window`` seconds,
    and allowed again when the oldest of them is ``window`` seconds old. Keys are stored
    as their SHA-256 (a name typed into the login form may be someone's password).
    ``clock`` gives the time in seconds since the epoch (tests pass their own).
    """

    def __init__(self, g: Glossary, window: float, clock: Callable[[], float] = time.time) -> None:
        self.g = g
        self.window = window
        self.clock = clock

    def wait(self, key: str, limit: int) -> float:
        """Seconds until ``key`` may try again (0: it may try now). ``limit`` 0: no limit."""
        if limit <= 0:
            return 0.0
        now = self.clock()
        with self.g.reading() as s:
            recent = stored.recent_failures(s, _digest(key), now - self.window, limit)
        if len(recent) < limit:
            return 0.0
        # Allowed again once all but limit - 1 of them are out of the window.
        return max(recent[-1] + self.window - now, 0.001)

    def fail(self, *keys: str) -> None:
        """Count one failure against each of ``keys`` (and forget those out of the window)."""
        now = self.clock()
        with self.g.writing() as s:
            stored.add_failures(s, [_digest(k) for k in keys], now, now - self.window)

    def clear(self, key: str) -> None:
        """Forget the failures of ``key`` (after a successful login)."""
        with self.g.writing() as s:
            stored.clear_failures(s, _digest(key))

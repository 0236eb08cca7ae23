"""Signing in to the web app: browser sessions kept in the database.

A session's cookie carries a random secret; the database keeps only its SHA-256, the
account and when it expires. Logging out deletes the session, and a new password or a
new role ends every session of the account (:func:`glossary.accounts.set_password`,
:func:`glossary.accounts.set_role`), so a copy of the cookie taken before opens nothing.

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
from datetime import timedelta

from sqlalchemy import delete, select

from glossary.accounts import User, aware, user_from_row
from glossary.api import Glossary
from glossary.store.models import UserRow, WebSessionRow, utcnow

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
        s.execute(delete(WebSessionRow).where(WebSessionRow.expires_at <= now))
        s.add(
            WebSessionRow(
                id=_digest(secret), user_id=user.id, created_at=now, expires_at=now + lifetime
            )
        )
    return secret


def session_user(g: Glossary, secret: str) -> User | None:
    """The account of the session whose cookie carries ``secret``; None once it has
    ended (logged out, expired, password or role changed, account deleted)."""
    with g.reading() as s:
        found = s.execute(
            select(UserRow, WebSessionRow.expires_at)
            .join(WebSessionRow, WebSessionRow.user_id == UserRow.id)
            .where(WebSessionRow.id == _digest(secret))
        ).first()
        if found is None or aware(found[1]) <= utcnow():
            return None
        return user_from_row(found[0])


def end_session(g: Glossary, secret: str) -> None:
    """End one session (logging out)."""
    with g.writing() as s:
        s.execute(delete(WebSessionRow).where(WebSessionRow.id == _digest(secret)))

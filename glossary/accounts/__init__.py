"""Accounts: who may read, curate and administer the glossary, and their API tokens.

Passwords are stored as salted scrypt hashes (:mod:`werkzeug.security`); an API token
is shown once, when it is made, and only its SHA-256 is stored; it works until it expires
(90 days by default) or is revoked, alone or with the account's others. Roles come from
:data:`glossary.vocab.USER_ROLES`, weakest first: a ``reader`` reads, a ``curator``
also edits, an ``admin`` also imports and manages accounts.

>>> add_user(g, "mina", "curator", "a long passphrase")
>>> authenticate(g, "mina", "a long passphrase").role
'curator'
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from werkzeug.security import check_password_hash, generate_password_hash

from glossary.api import Glossary
from glossary.errors import GlossaryError, NotFound, PermissionDenied
from glossary.store import accounts as stored
from glossary.store.models import ApiTokenRow, UserRow, utcnow
from glossary.vocab import MAX_TOKEN_DAYS, TOKEN_DAYS, USER_ROLES, check_choice

MIN_PASSWORD_LENGTH = 8
TOKEN_PREFIX = "glos_"
#: How stale ``last_used_at`` may get before a token's use is written down again: a
#: script making thousands of lookups should not turn each one into a write.
TOKEN_TOUCH_INTERVAL = timedelta(minutes=5)


@cache
def _dummy_hash() -> str:
    """Compared against when the user does not exist, so that a wrong name costs as much
    time as a wrong password and does not reveal which names exist. Made when a password
    is first checked, not at import (hashing costs tens of milliseconds, and most
    commands that import this module check no password)."""
    return generate_password_hash("not a password")


@dataclass(frozen=True)
class User:
    """An account: its name and role."""

    id: int
    name: str
    role: str
    created_at: datetime | None = None

    def can(self, role: str) -> bool:
        """True when this user's role is ``role`` or a stronger one."""
        return role_rank(self.role) >= role_rank(role)

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "role": self.role,
            "created_at": self.created_at.isoformat() if self.created_at else None,
        }


def role_rank(role: str) -> int:
    """0 for reader, 1 for curator, 2 for admin; InvalidValue for anything else."""
    return USER_ROLES.index(check_choice("role", role, USER_ROLES))


def user_from_row(row: UserRow) -> User:
    """The account a ``users`` row holds."""
    return User(row.id, row.name, row.role, row.created_at)


def _check_name(name: str) -> str:
    name = name.strip()
    if not name or len(name) > 100 or any(c.isspace() for c in name):
        raise GlossaryError("a user name is 1 to 100 characters without spaces")
    return name


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise GlossaryError(f"a password needs at least {MIN_PASSWORD_LENGTH} characters")


def add_user(g: Glossary, name: str, role: str, password: str) -> User:
    """Create an account; GlossaryError if the name is taken or the password too short."""
    name = _check_name(name)
    check_choice("role", role, USER_ROLES)
    _check_password(password)
    with g.writing() as s:
        if stored.user_named(s, name) is not None:
            raise GlossaryError(f"there is already a user {name!r}")
        row = UserRow(name=name, role=role, password_hash=generate_password_hash(password))
        s.add(row)
        s.flush()
        return user_from_row(row)


def get_user(g: Glossary, user_id: int) -> User | None:
    """The account with this id, or None."""
    with g.reading() as s:
        row = stored.user_by_id(s, user_id)
        return user_from_row(row) if row else None


def find_user(g: Glossary, name: str) -> User:
    """The account with this name; NotFound if there is none."""
    with g.reading() as s:
        row = stored.user_named(s, name)
        if row is None:
            raise NotFound(f"there is no user {name!r}")
        return user_from_row(row)


def list_users(g: Glossary) -> list[User]:
    """Every account, by name."""
    with g.reading() as s:
        return [user_from_row(r) for r in stored.all_users(s)]


def authenticate(g: Glossary, name: str, password: str) -> User | None:
    """The user if ``password`` is theirs, else None (the same for an unknown name)."""
    with g.reading() as s:
        row = stored.user_named(s, name.strip())
        known = row.password_hash if row and row.password_hash else _dummy_hash()
        ok = check_password_hash(known, password)
        if row is None or not row.password_hash or not ok:
            return None
        return user_from_row(row)


def set_role(g: Glossary, name: str, role: str) -> User:
    """Give a user another role (their open sessions end: they log in again as it)."""
    check_choice("role", role, USER_ROLES)
    with g.writing() as s:
        row = stored.user_named(s, name)
        if row is None:
            raise NotFound(f"there is no user {name!r}")
        row.role = role
        stored.end_sessions_of(s, row.id)
        s.flush()
        return user_from_row(row)


def set_password(g: Glossary, name: str, password: str) -> User:
    """Change a user's password (their open sessions end)."""
    _check_password(password)
    with g.writing() as s:
        row = stored.user_named(s, name)
        if row is None:
            raise NotFound(f"there is no user {name!r}")
        row.password_hash = generate_password_hash(password)
        stored.end_sessions_of(s, row.id)
        s.flush()
        return user_from_row(row)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class TokenInfo:
    """One API token as listed (the token itself is never kept): its number, label and
    when it was made, last used and expires."""

    id: int
    label: str
    created_at: datetime
    last_used_at: datetime | None
    expires_at: datetime

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "label": self.label,
            "created_at": self.created_at.isoformat(),
            "last_used_at": self.last_used_at.isoformat() if self.last_used_at else None,
            "expires_at": self.expires_at.isoformat(),
        }


def create_token(g: Glossary, name: str, label: str = "", days: int = TOKEN_DAYS) -> str:
    """Make an API token for user ``name``, working for ``days`` days, and return it;
    only its hash is kept."""
    if not 1 <= days <= MAX_TOKEN_DAYS:
        raise GlossaryError(f"a token works for 1 to {MAX_TOKEN_DAYS:,} days, not {days}")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    now = utcnow()
    with g.writing() as s:
        user = stored.user_named(s, name)
        if user is None:
            raise NotFound(f"there is no user {name!r}")
        s.add(
            ApiTokenRow(
                user_id=user.id,
                name=label[:100],
                token_hash=_token_hash(token),
                created_at=now,
                expires_at=now + timedelta(days=days),
            )
        )
    return token


def list_tokens(g: Glossary, name: str) -> list[TokenInfo]:
    """The API tokens of user ``name``, oldest first."""
    with g.reading() as s:
        user = stored.user_named(s, name)
        if user is None:
            raise NotFound(f"there is no user {name!r}")
        rows = stored.tokens_of(s, user.id)
        return [
            TokenInfo(
                r.id,
                r.name,
                aware(r.created_at),
                aware(r.last_used_at) if r.last_used_at else None,
                aware(r.expires_at),
            )
            for r in rows
        ]


def revoke_token(g: Glossary, name: str, token_id: int) -> None:
    """Delete one API token of user ``name`` (its number from :func:`list_tokens`)."""
    with g.writing() as s:
        user = stored.user_named(s, name)
        if user is None:
            raise NotFound(f"there is no user {name!r}")
        row = stored.token_by_id(s, token_id)
        if row is None or row.user_id != user.id:
            raise NotFound(
                f"{name} has no token {token_id}; 'glossary users tokens {name}' lists them"
            )
        s.delete(row)


def verify_token(g: Glossary, token: str) -> User | None:
    """The user an API token belongs to, or None if the token is unknown."""
    if not token.startswith(TOKEN_PREFIX):
        return None
    digest = _token_hash(token)
    with g.reading() as s:
        found = stored.token_with_user(s, digest)
        if found is None:
            return None
        tok, row = found
        # The lookup was by hash already; compare again in constant time for good measure.
        if not hmac.compare_digest(tok.token_hash, digest):
            return None
        if aware(tok.expires_at) <= utcnow():
            return None  # expired: as unknown as a wrong token
        user = user_from_row(row)
        last, token_id = tok.last_used_at, tok.id
    now = utcnow()
    if last is None or now - aware(last) > TOKEN_TOUCH_INTERVAL:
        with g.writing() as s:
            row_tok = stored.token_by_id(s, token_id)
            if row_tok is not None:
                row_tok.last_used_at = now
    return user


def revoke_tokens(g: Glossary, name: str) -> int:
    """Delete every API token of user ``name``; return how many there were."""
    with g.writing() as s:
        user = stored.user_named(s, name)
        if user is None:
            raise NotFound(f"there is no user {name!r}")
        rows = stored.tokens_of(s, user.id)
        for r in rows:
            s.delete(r)
        return len(rows)


def require(user: User | None, role: str) -> User:
    """``user`` if it may act as ``role``; PermissionDenied otherwise."""
    if user is None:
        raise PermissionDenied("log in first")
    if not user.can(role):
        raise PermissionDenied(f"this needs the {role} role; {user.name} is a {user.role}")
    return user


def aware(when: datetime) -> datetime:
    """``when`` with its time zone (UTC): SQLite hands back naive datetimes for
    timezone-aware columns."""
    return when if when.tzinfo else when.replace(tzinfo=utcnow().tzinfo)

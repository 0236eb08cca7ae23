"""Reading and writing accounts, API tokens, browser sessions and failed logins."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from glossary.store.entries import is_storable_id
from glossary.store.models import ApiTokenRow, LoginFailureRow, UserRow, WebSessionRow


def user_named(s: Session, name: str) -> UserRow | None:
    return s.scalar(select(UserRow).where(UserRow.name == name))


def user_by_id(s: Session, user_id: int) -> UserRow | None:
    return s.get(UserRow, user_id) if is_storable_id(user_id) else None


def all_users(s: Session) -> list[UserRow]:
    return list(s.scalars(select(UserRow).order_by(UserRow.name)))


def tokens_of(s: Session, user_id: int) -> list[ApiTokenRow]:
    """An account's API tokens, oldest first."""
    q = select(ApiTokenRow).where(ApiTokenRow.user_id == user_id).order_by(ApiTokenRow.id)
    return list(s.scalars(q))


def token_by_id(s: Session, token_id: int) -> ApiTokenRow | None:
    return s.get(ApiTokenRow, token_id) if is_storable_id(token_id) else None


def token_with_user(s: Session, digest: str) -> tuple[ApiTokenRow, UserRow] | None:
    """The token with this hash and its account."""
    found = s.execute(
        select(ApiTokenRow, UserRow)
        .join(UserRow, UserRow.id == ApiTokenRow.user_id)
        .where(ApiTokenRow.token_hash == digest)
    ).first()
    return (found[0], found[1]) if found is not None else None


def end_sessions_of(s: Session, user_id: int) -> None:
    """End every browser session of an account."""
    s.execute(delete(WebSessionRow).where(WebSessionRow.user_id == user_id))


def add_session(s: Session, digest: str, user_id: int, now: datetime, expires_at: datetime) -> None:
    """Keep a new browser session (and forget those that have expired)."""
    s.execute(delete(WebSessionRow).where(WebSessionRow.expires_at <= now))
    s.add(WebSessionRow(id=digest, user_id=user_id, created_at=now, expires_at=expires_at))


def session_with_user(s: Session, digest: str) -> tuple[UserRow, datetime] | None:
    """The account of the session with this digest, and when the session expires."""
    found = s.execute(
        select(UserRow, WebSessionRow.expires_at)
        .join(WebSessionRow, WebSessionRow.user_id == UserRow.id)
        .where(WebSessionRow.id == digest)
    ).first()
    return (found[0], found[1]) if found is not None else None


def delete_session(s: Session, digest: str) -> None:
    s.execute(delete(WebSessionRow).where(WebSessionRow.id == digest))


def recent_failures(s: Session, digest: str, since: float, limit: int) -> list[float]:
    """When the latest ``limit`` failed logins of a key after ``since`` were, newest
    first."""
    return list(
        s.scalars(
            select(LoginFailureRow.at)
            .where(LoginFailureRow.key == digest, LoginFailureRow.at > since)
            .order_by(LoginFailureRow.at.desc())
            .limit(limit)
        )
    )


def add_failures(s: Session, digests: list[str], now: float, forget_before: float) -> None:
    """Count a failure against each key (and forget failures before ``forget_before``)."""
    s.execute(delete(LoginFailureRow).where(LoginFailureRow.at <= forget_before))
    s.add_all(LoginFailureRow(key=d, at=now) for d in digests)


def clear_failures(s: Session, digest: str) -> None:
    s.execute(delete(LoginFailureRow).where(LoginFailureRow.key == digest))

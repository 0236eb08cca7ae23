"""The closed vocabularies of the data model, with a check that names the allowed values."""

from __future__ import annotations

from collections.abc import Collection

from glossary.errors import InvalidValue

KINDS: tuple[str, ...] = ("person", "place", "org", "facility", "event", "work", "term")
STATUSES: tuple[str, ...] = ("candidate", "approved", "rejected")
ROLES: tuple[str, ...] = ("preferred", "variant", "abbreviation", "deprecated", "forbidden")
ORIGINS: tuple[str, ...] = ("korean", "japanese", "chinese", "western")
USER_ROLES: tuple[str, ...] = ("reader", "curator", "admin")

#: Fields a term carries in each language, beyond its text and role.
LANGUAGE_FIELDS: dict[str, tuple[str, ...]] = {
    "en": ("family", "given"),
    "ko": ("hanja", "romanization", "press", "family", "given"),
    "ja": ("reading", "hepburn", "plain", "family", "given"),
}
TERM_FIELDS: tuple[str, ...] = (
    "hanja",
    "romanization",
    "press",
    "reading",
    "hepburn",
    "plain",
    "family",
    "given",
)


def check_choice(field: str, value: str, allowed: tuple[str, ...]) -> str:
    """Return ``value`` if it is one of ``allowed``, else raise InvalidValue listing them."""
    if value not in allowed:
        raise InvalidValue(field, value, allowed)
    return value


def status_filter(status: str | Collection[str] | None) -> tuple[str, ...] | None:
    """The statuses a filter keeps, each checked: one status, or any of several; None
    keeps every entry (no status given, or all of them). An empty collection keeps none."""
    if status is None or status == "":
        return None
    wanted = (status,) if isinstance(status, str) else tuple(dict.fromkeys(status))
    for one in wanted:
        check_choice("status", one, STATUSES)
    return None if set(wanted) == set(STATUSES) else wanted


#: How long a new API token works unless asked otherwise, and at most (days).
TOKEN_DAYS = 90
MAX_TOKEN_DAYS = 3650

"""How much one lookup may ask of the server: the query's length and the time it runs.

A query longer than :data:`MAX_QUERY_LENGTH` characters is refused before any work
(:class:`~glossary.errors.QueryTooLong`): no name or term is that long, and the work of a
typo search grows with the query. Every lookup also runs against a :class:`Deadline`
(the ``lookup_time_limit`` setting): it is checked between the lookup's statements and
inside the typo planner's and candidate loops, and the database stops a statement that
runs past it (SQLite through a progress handler, PostgreSQL through
``statement_timeout``). A lookup past its deadline raises
:class:`~glossary.errors.LookupTooSlow` and returns nothing: a partial answer could hide
the entry a translator is looking for and make it look missing.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from glossary.errors import GlossaryError, LookupTooSlow, QueryTooLong
from glossary.model import MAX_TERM_LENGTH
from glossary.settings import SETTINGS_BY_NAME, get_whole_number

#: Longest query, in characters: as long as the longest form the glossary may hold.
MAX_QUERY_LENGTH = MAX_TERM_LENGTH
#: SQLite virtual-machine steps between two looks at the deadline (about 0.1 ms).
_PROGRESS_STEPS = 5000


def check_query_length(query: str) -> None:
    """Refuse a query longer than :data:`MAX_QUERY_LENGTH` (leading and trailing spaces
    do not count)."""
    length = len(query.strip())
    if length > MAX_QUERY_LENGTH:
        raise QueryTooLong(length, MAX_QUERY_LENGTH)


def time_limit() -> float:
    """Seconds one lookup may run: the ``lookup_time_limit`` setting (milliseconds, at
    least 1: a lookup is never unbounded)."""
    ms = get_whole_number("lookup_time_limit")
    if ms < 1:
        raise GlossaryError(
            f"the setting {SETTINGS_BY_NAME['lookup_time_limit'].env_var} must be at least "
            "1 (milliseconds): a lookup always has a time limit"
        )
    return ms / 1000


class Deadline:
    """The moment a lookup must be done by."""

    __slots__ = ("_clock", "at", "seconds")

    def __init__(self, seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds = seconds
        self._clock = clock
        self.at = clock() + seconds

    def expired(self) -> bool:
        return self._clock() >= self.at

    def left(self) -> float:
        """Seconds until the deadline (negative once it has passed)."""
        return self.at - self._clock()

    def check(self) -> None:
        """Raise :class:`LookupTooSlow` once the deadline has passed."""
        if self._clock() >= self.at:
            raise LookupTooSlow(self.seconds)


@contextmanager
def sqlite_deadline(conn: Any, deadline: Deadline) -> Iterator[None]:
    """Let SQLite interrupt any statement ``conn`` runs past ``deadline`` (the statement
    then raises ``sqlite3.OperationalError: interrupted``)."""
    conn.set_progress_handler(deadline.expired, _PROGRESS_STEPS)
    try:
        yield
    finally:
        conn.set_progress_handler(None, _PROGRESS_STEPS)

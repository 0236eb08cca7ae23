"""Errors the glossary raises, named after what went wrong.

Every error a translator can cause derives from :class:`GlossaryError`; the command
line turns them into a one-line message and exit status 2 (bad input) and the HTTP API
into one JSON error shape.
"""

from __future__ import annotations

from collections.abc import Iterable


class GlossaryError(Exception):
    """Something the user asked for cannot be done; the message says why."""

    exit_code = 2


class InvalidValue(GlossaryError):
    """A field holds a value outside the allowed set."""

    def __init__(self, field: str, value: object, allowed: Iterable[str]) -> None:
        self.field = field
        self.value = value
        self.allowed = tuple(allowed)
        super().__init__(f"{field} {value!r} is not known; use one of: {', '.join(self.allowed)}")


class ParseError(GlossaryError):
    """A file could not be read; the message names the file, line and field."""

    def __init__(
        self,
        path: str,
        line: int | None,
        message: str,
        field: str | None = None,
    ) -> None:
        self.path = path
        self.line = line
        self.field = field
        self.reason = message
        where = path
        if line is not None:
            where += f", line {line}"
        if field:
            where += f", column {field!r}"
        super().__init__(f"{where}: {message}")


class NotFound(GlossaryError):
    """The entry, change or user asked for does not exist."""


class ConflictError(GlossaryError):
    """Someone else changed the entry since you loaded it; nothing was written."""

    def __init__(
        self, entry_id: int | None = None, expected: int | None = None, actual: int | None = None
    ) -> None:
        self.entry_id = entry_id
        self.expected = expected
        self.actual = actual
        what = f"entry {entry_id}" if entry_id is not None else "the entry"
        detail = ""
        if expected is not None and actual is not None:
            detail = f" (you edited version {expected}, it is now at version {actual})"
        super().__init__(
            f"{what} was changed by someone else{detail}; reload it and make your change again"
        )


class UndoError(GlossaryError):
    """A change cannot be undone (for example, later changes depend on it)."""


class PermissionDenied(GlossaryError):
    """The user's role does not allow this action."""


class QueryTooLong(GlossaryError):
    """A query is longer than its search may take: a lookup's than any name or term the
    glossary holds, a translation-memory match's than a sentence, a concordance's than a
    phrase."""

    def __init__(
        self,
        length: int,
        most: int,
        *,
        what: str = "the query",
        search: str = "a lookup",
        advice: str = "look up a name or a term, not a sentence or a paragraph",
    ) -> None:
        self.length = length
        self.most = most
        super().__init__(
            f"{what} is {length:,} characters long; {search} takes at most {most:,} ({advice})"
        )


class LookupTooSlow(GlossaryError):
    """A lookup (or a translation-memory match or concordance) ran past its time limit
    and was stopped; nothing was returned."""

    def __init__(self, seconds: float, what: str = "lookup") -> None:
        self.seconds = seconds
        super().__init__(
            f"this {what} took longer than {seconds:g} seconds and was stopped; "
            "try again with a shorter or more exact query"
        )

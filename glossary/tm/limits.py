"""How much one translation-memory match or concordance may ask of the server: the
length of what is looked up, and the time it runs.

A sentence longer than the ``tm_match_max_length`` setting (2,000 characters), or a
phrase longer than ``tm_concordance_max_length`` (200), is refused before any work
(:class:`~glossary.errors.QueryTooLong`, HTTP 400, exit status 2): the candidates of
a match are read token by token, so its work grows with the sentence. What is left
runs against the lookup's :class:`~glossary.lookup.budget.Deadline` (the
``lookup_time_limit`` setting): the deadline is checked before every statement the
match or concordance sends, and the database stops a statement that runs past it
(SQLite through a progress handler, PostgreSQL through ``statement_timeout``). Past it,
:class:`~glossary.errors.LookupTooSlow` is raised (HTTP 503) and nothing is returned.

The style check's automaton, which a match needs and builds once per change of the
glossary, is built before the clock starts: building it is not the sentence's work.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, event

from glossary.errors import GlossaryError, LookupTooSlow, QueryTooLong
from glossary.lookup.budget import Deadline, time_limit
from glossary.settings import SETTINGS_BY_NAME, get_whole_number

if TYPE_CHECKING:
    from glossary.api import Glossary
    from glossary.tm.concord import Concordance
    from glossary.tm.match import TermInSentence, TmMatch
    from glossary.tm.store import TranslationMemory

#: The deadline of the match or concordance running in this thread (or task), if any.
_ACTIVE: ContextVar[Deadline | None] = ContextVar("tm_deadline", default=None)
#: SQLite virtual-machine steps between two looks at the deadline (about 0.1 ms).
_PROGRESS_STEPS = 5000
#: PostgreSQL's SQLSTATE for a statement cancelled by statement_timeout.
_QUERY_CANCELED = "57014"
_HANDLER = "glossary_tm_deadline"
_TIMEOUT_SET = "glossary_tm_timeout"


def most(setting: str) -> int:
    """The longest text, in characters, the setting ``setting`` lets through (at least 1)."""
    n = get_whole_number(setting)
    if n < 1:
        raise GlossaryError(
            f"the setting {SETTINGS_BY_NAME[setting].env_var} must be at least 1 (characters)"
        )
    return n


def _check(text: str, setting: str, what: str, search: str, advice: str) -> None:
    length, limit = len(text.strip()), most(setting)
    if length > limit:
        raise QueryTooLong(length, limit, what=what, search=search, advice=advice)


def check_sentence(sentence: str) -> None:
    """Refuse a sentence longer than the ``tm_match_max_length`` setting (leading and
    trailing spaces do not count)."""
    _check(
        sentence,
        "tm_match_max_length",
        "the sentence",
        "a translation-memory match",
        "look up one sentence at a time",
    )


def check_phrase(phrase: str) -> None:
    """Refuse a concordance phrase longer than the ``tm_concordance_max_length`` setting."""
    _check(
        phrase,
        "tm_concordance_max_length",
        "the phrase",
        "a concordance search",
        "search for a word or a phrase, not a sentence",
    )


def checkpoint() -> None:
    """Raise :class:`LookupTooSlow` if the match or concordance running in this thread
    has passed its deadline; nothing outside one. For the Python loops between
    statements (scoring candidates, marking hits), which no statement check reaches."""
    deadline = _ACTIVE.get()
    if deadline is not None:
        deadline.check()


def _expired() -> bool:
    deadline = _ACTIVE.get()
    return deadline is not None and deadline.expired()


def _before_statement(
    conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool
) -> None:
    """Before each statement on the glossary's engine: nothing, unless a match or
    concordance of this thread is running; then the deadline is checked and the database
    told to stop the statement when it passes."""
    deadline = _ACTIVE.get()
    if deadline is None:
        return
    deadline.check()
    if conn.dialect.name == "sqlite":
        if not conn.info.get(_HANDLER):
            # Stays on the connection: it interrupts only statements run under a deadline.
            conn.connection.dbapi_connection.set_progress_handler(_expired, _PROGRESS_STEPS)
            conn.info[_HANDLER] = True
        return
    transaction = conn.get_transaction()
    key = (id(deadline), id(transaction))
    if transaction is not None and conn.info.get(_TIMEOUT_SET) != key:
        left = max(1, round(deadline.left() * 1000))
        # SET LOCAL: it ends with the transaction, the pooled connection keeps no limit.
        cursor.execute(f"SET LOCAL statement_timeout = {left}")
        conn.info[_TIMEOUT_SET] = key


def _watch(engine: Engine) -> None:
    if not event.contains(engine, "before_cursor_execute", _before_statement):
        event.listen(engine, "before_cursor_execute", _before_statement)


def _stopped(exc: BaseException) -> bool:
    """Whether the database stopped a statement because the deadline had passed."""
    orig = getattr(exc, "orig", exc)
    if isinstance(orig, sqlite3.OperationalError):
        return "interrupt" in str(orig)
    return getattr(orig, "sqlstate", None) == _QUERY_CANCELED


@contextmanager
def time_limited(g: Glossary, what: str) -> Iterator[Deadline]:
    """Run the block against a deadline of the ``lookup_time_limit`` setting: the
    statements it sends on the glossary's engine are stopped once it passes, and
    :class:`LookupTooSlow` (naming ``what``) is raised."""
    deadline = Deadline(time_limit())
    _watch(g.engine)
    token = _ACTIVE.set(deadline)
    try:
        yield deadline
    except LookupTooSlow:
        raise LookupTooSlow(deadline.seconds, what) from None
    except Exception as exc:
        if deadline.expired() and _stopped(exc):
            raise LookupTooSlow(deadline.seconds, what) from None
        raise
    finally:
        _ACTIVE.reset(token)


def bounded_match(
    tm: TranslationMemory,
    sentence: str,
    *,
    style: str | None = None,
    before: str | None = None,
    after: str | None = None,
    **kwargs: Any,
) -> list[TmMatch]:
    """:meth:`TranslationMemory.match` within the length and time limits."""
    for text in (sentence, before or "", after or ""):
        check_sentence(text)
    tm.checker(style)  # built (or found) before the clock starts
    with time_limited(tm.g, "match"):
        return tm.match(sentence, style=style, before=before, after=after, **kwargs)


def bounded_terms(
    tm: TranslationMemory, sentence: str, target: str, *, style: str | None = None
) -> list[TermInSentence]:
    """:meth:`TranslationMemory.terms` within the length and time limits."""
    check_sentence(sentence)
    tm.checker(style)
    with time_limited(tm.g, "match"):
        return tm.terms(sentence, target, style=style)


def bounded_concordance(
    tm: TranslationMemory, phrase: str, *, limit: int = 50
) -> list[Concordance]:
    """:meth:`TranslationMemory.concordance` within the length and time limits."""
    check_phrase(phrase)
    with time_limited(tm.g, "concordance"):
        return tm.concordance(phrase, limit=limit)

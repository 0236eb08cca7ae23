"""What one translation-memory match or concordance may ask of the server: a sentence or
phrase longer than its setting is refused before any work, and the work runs against
the lookup's time limit, on every path (Python, command line, API, pages)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from click.testing import CliRunner
from sqlalchemy import text

from glossary import Glossary
from glossary.cli import cli
from glossary.errors import LookupTooSlow, QueryTooLong
from glossary.lookup.budget import Deadline
from glossary.tm import TranslationMemory
from glossary.tm import index as tm_index
from glossary.tm.limits import (
    bounded_concordance,
    bounded_match,
    check_phrase,
    check_sentence,
    checkpoint,
    time_limited,
)
from tests.tm.conftest import FIXTURES

#: A statement that runs for minutes unless it is stopped.
ENDLESS = (
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000) "
    "SELECT count(*) FROM c"
)


def test_default_limits_fit_a_sentence_and_a_phrase() -> None:
    check_sentence("x" * 2000)
    check_phrase("x" * 200)
    with pytest.raises(QueryTooLong, match="the sentence is 2,001 characters long; a trans"):
        check_sentence("x" * 2001)
    with pytest.raises(QueryTooLong, match="the phrase is 201 characters long"):
        check_phrase("x" * 201)
    check_sentence("  " + "x" * 2000 + "\n")  # spaces around it do not count


def test_the_settings_move_the_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GLOSSARY_TM_MATCH_MAX_LENGTH", "10")
    monkeypatch.setenv("GLOSSARY_TM_CONCORDANCE_MAX_LENGTH", "3")
    with pytest.raises(QueryTooLong, match="at most 10"):
        check_sentence("x" * 11)
    with pytest.raises(QueryTooLong, match="at most 3"):
        check_phrase("Seoul")
    monkeypatch.setenv("GLOSSARY_TM_MATCH_MAX_LENGTH", "0")
    with pytest.raises(Exception, match="GLOSSARY_TM_MATCH_MAX_LENGTH must be at least 1"):
        check_sentence("x")


def test_a_long_sentence_is_refused_before_any_work(
    tm: TranslationMemory, monkeypatch: pytest.MonkeyPatch
) -> None:
    tm.import_tmx(FIXTURES / "memoq_en_ja.tmx")

    def no_work(*args: object, **kwargs: object) -> list[int]:
        raise AssertionError("the index was read for a sentence that is too long")

    monkeypatch.setattr(tm_index, "postings", no_work)
    monkeypatch.setattr(tm_index, "containing", no_work)
    with pytest.raises(QueryTooLong):
        bounded_match(tm, "The Cabinet met. " * 200)
    with pytest.raises(QueryTooLong):
        bounded_match(tm, "The Cabinet met.", before="x" * 2001)
    with pytest.raises(QueryTooLong):
        bounded_concordance(tm, "Cabinet " * 30)


def _slow_index(monkeypatch: pytest.MonkeyPatch, now: list[float]) -> None:
    """Each read of the index takes 10 s by a clock the limits' deadlines share."""
    monkeypatch.setenv("GLOSSARY_LOOKUP_TIME_LIMIT", "50")

    def deadline(seconds: float) -> Deadline:
        return Deadline(seconds, clock=lambda: now[0])

    def slow(real: Callable[..., list[int]]) -> Callable[..., list[int]]:
        def run(*args: object, **kwargs: object) -> list[int]:
            now[0] += 10.0
            return real(*args, **kwargs)

        return run

    monkeypatch.setattr("glossary.tm.limits.Deadline", deadline)
    monkeypatch.setattr(tm_index, "postings", slow(tm_index.postings))


def test_a_slow_match_is_stopped(tm: TranslationMemory, monkeypatch: pytest.MonkeyPatch) -> None:
    """The deadline is checked before each statement of the match: one whose reads of
    the index run past it is stopped, on both backends, and the memory still answers."""
    tm.import_tmx(FIXTURES / "memoq_en_ja.tmx")
    sentence = "I would like to give an overview of the Cabinet meeting today."
    expected = [m.unit.id for m in bounded_match(tm, sentence)]
    assert expected
    _slow_index(monkeypatch, [0.0])
    with pytest.raises(LookupTooSlow, match="this match took longer than 0.05 seconds"):
        bounded_match(tm, sentence)
    monkeypatch.undo()
    assert [m.unit.id for m in bounded_match(tm, sentence)] == expected


def test_the_database_stops_a_statement_at_the_deadline(
    g: Glossary, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite's progress handler and PostgreSQL's statement_timeout stop a statement
    still running at the deadline; the same connection then runs statements to the end
    outside a deadline."""
    monkeypatch.setenv("GLOSSARY_LOOKUP_TIME_LIMIT", "100")
    with (
        pytest.raises(LookupTooSlow, match="this concordance took longer than 0.1 seconds"),
        time_limited(g, "concordance"),
        g.reading() as s,
    ):
        s.execute(text(ENDLESS)).all()
    with g.reading() as s:
        assert s.execute(text("SELECT count(*) FROM (VALUES (1), (2)) AS v")).scalar() == 2
        short = ENDLESS.replace("1000000000", "200000")
        assert s.execute(text(short)).scalar() == 200000


def test_cli_refuses_a_long_sentence_and_phrase(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["tm", "match", "a" * 2001])
    assert result.exit_code == 2
    assert "Error: the sentence is 2,001 characters long" in result.output
    assert "at most 2,000 (look up one sentence at a time)" in result.output
    result = runner.invoke(cli, ["tm", "concord", "--json", "b" * 300])
    assert result.exit_code == 2
    assert "Error: the phrase is 300 characters long; a concordance search takes at most 200" in (
        result.output
    )


def test_cli_says_when_a_match_was_too_slow(
    runner: CliRunner, g: Glossary, monkeypatch: pytest.MonkeyPatch
) -> None:
    TranslationMemory(g).import_tmx(FIXTURES / "memoq_en_ja.tmx")
    _slow_index(monkeypatch, [0.0])
    result = runner.invoke(cli, ["tm", "match", "The Cabinet approved the budget."])
    assert result.exit_code == 2
    assert "Error: this match took longer than 0.05 seconds and was stopped" in result.output


def test_checkpoint_stops_python_work_past_the_deadline(
    g: Glossary, monkeypatch: pytest.MonkeyPatch
) -> None:
    """checkpoint() is for loops that send no statement: nothing outside a deadline,
    LookupTooSlow once it has passed."""
    checkpoint()  # no deadline: nothing happens
    now = [0.0]
    monkeypatch.setenv("GLOSSARY_LOOKUP_TIME_LIMIT", "50")
    monkeypatch.setattr("glossary.tm.limits.Deadline", lambda s: Deadline(s, clock=lambda: now[0]))
    with time_limited(g, "match"):
        checkpoint()
        now[0] = 1.0
        with pytest.raises(LookupTooSlow):
            checkpoint()
    checkpoint()  # the deadline went with the block

"""What one lookup may ask of the server: a query-length limit, a typo planner whose work
grows linearly with the query, and a time limit on every lookup path (issue 20)."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary import Entry, Glossary, Term, open_glossary
from glossary.cli import cli
from glossary.errors import GlossaryError, LookupTooSlow, QueryTooLong
from glossary.lookup import fuzzy, lookup_entries, search
from glossary.lookup.budget import MAX_QUERY_LENGTH, Deadline, sqlite_deadline, time_limit
from glossary.lookup.fuzzy import max_edits, plan
from glossary.lookup.hydrate import Hydrator
from glossary.lookup.sql import SQLITE


class _CountingDict(dict[str, int]):
    """Trigram counts that count how often the planner reads them."""

    reads = 0

    def __getitem__(self, gram: str) -> int:
        self.reads += 1
        return super().__getitem__(gram)


def _planner_reads(length: int) -> int:
    rng = random.Random(length)
    padded = " " + "".join(rng.choice("abcdefghij") for _ in range(length)) + " "
    counts = _CountingDict({padded[i : i + 3]: rng.randint(0, 5000) for i in range(length)})
    for parts in (2, 3, 4, 5):
        plan(padded, parts, counts, 100_000)
    return counts.reads


def test_typo_planner_work_grows_linearly_with_the_query() -> None:
    """Four times the query, about four times the work (it was about 64 times: a
    600-character query took 20 s and 4,000 characters more than 100 s)."""
    short, long = _planner_reads(100), _planner_reads(400)
    assert long < 5 * short


@settings(max_examples=300, deadline=None)
@given(
    key=st.text(alphabet="abcdeé 가나다", min_size=4, max_size=60),
    edits=st.lists(
        st.tuples(st.sampled_from("sid"), st.integers(0, 59), st.sampled_from("axé나")),
        max_size=3,
    ),
    seed=st.integers(0, 1000),
)
def test_every_key_within_reach_holds_a_whole_piece(
    key: str, edits: list[tuple[str, int, str]], seed: int
) -> None:
    """``d`` edits leave one of ``d + 1`` pieces whole (two of ``d + 2``): every key
    within reach holds all the trigrams the plan ANDs for that piece."""
    typo = key
    for op, at, letter in edits[: max_edits(len(key))]:
        at %= len(typo) + 1
        if op == "s" and at < len(typo):
            typo = typo[:at] + letter + typo[at + 1 :]
        elif op == "d" and at < len(typo) and len(typo) > 1:
            typo = typo[:at] + typo[at + 1 :]
        else:
            typo = typo[:at] + letter + typo[at:]
    done = sum(1 for _ in edits[: max_edits(len(key))])
    padded, target = f" {key} ", f" {typo} "
    rng = random.Random(seed)
    counts = {padded[i : i + 3]: rng.randint(0, 10_000) for i in range(len(padded) - 2)}
    held = {target[i : i + 3] for i in range(len(target) - 2)}
    for whole in (1, 2):
        pieces = plan(padded, done + whole, counts, 20_000)
        if len(pieces) < done + whole:
            continue  # too short: the caller ORs every trigram instead
        intact = [grams for grams, _ in pieces if set(grams) <= held]
        assert len(intact) >= whole, (key, typo, pieces)


def test_pieces_stay_short() -> None:
    padded = " " + "takaichisanae" * 10 + " "
    counts = {padded[i : i + 3]: (i * 37) % 900 for i in range(len(padded) - 2)}
    for parts in (2, 3, 4, 5):
        cut = plan(padded, parts, counts, 10_000)
        assert len(cut) == parts
        assert all(1 <= len(grams) <= fuzzy._MAX_PIECE - 2 for grams, _ in cut)


def test_a_query_longer_than_the_limit_is_refused(g: Glossary) -> None:
    with pytest.raises(QueryTooLong) as caught:
        g.lookup("a" * 4000)
    assert "4,000 characters" in str(caught.value)
    assert f"at most {MAX_QUERY_LENGTH}" in str(caught.value)
    assert isinstance(caught.value, GlossaryError)
    # The limit itself is a lookup like any other (a typo search that finds nothing).
    assert g.lookup("a" * MAX_QUERY_LENGTH) == []
    assert g.lookup("  " + "b" * MAX_QUERY_LENGTH + "  ") == []


def test_the_limit_holds_inside_a_session_too(g: Glossary) -> None:
    with g.reading() as s, pytest.raises(QueryTooLong):
        lookup_entries(s, "가" * (MAX_QUERY_LENGTH + 1))


def test_cli_names_the_limit(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["lookup", "x" * 4000])
    assert result.exit_code == 2
    assert "4,000 characters" in result.output and "Traceback" not in result.output


def test_cli_names_the_line_of_standard_input(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["lookup", "-", "--json"], input="Takaichi\n" + "x" * 300 + "\n")
    assert result.exit_code == 2
    assert "standard input, line 2: the query is 300 characters long" in result.output


def test_time_limit_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    assert time_limit() == 2.0
    monkeypatch.setenv("GLOSSARY_LOOKUP_TIME_LIMIT", "250")
    assert time_limit() == 0.25
    monkeypatch.setenv("GLOSSARY_LOOKUP_TIME_LIMIT", "0")
    with pytest.raises(GlossaryError, match="at least 1"):
        time_limit()


def test_a_slow_typo_search_is_stopped(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The deadline is checked inside the typo search: one that runs past it (here the
    clock jumps 10 s once it starts) is stopped with a clear error, on both backends."""
    monkeypatch.setenv("GLOSSARY_LOOKUP_TIME_LIMIT", "50")
    now = [0.0]
    real = fuzzy.max_edits

    def deadline(seconds: float) -> Deadline:
        return Deadline(seconds, clock=lambda: now[0])

    def slow_max_edits(length: int) -> int:
        now[0] += 10.0
        return real(length)

    monkeypatch.setattr("glossary.lookup.engine.Deadline", deadline)
    monkeypatch.setattr(fuzzy, "max_edits", slow_max_edits)
    g = open_glossary(db_url)
    try:
        g.add(Entry(kind="person", status="approved", terms=[Term("en", "Takaichi Sanae")]))
        # An exact match needs no typo search: the clock stands still.
        assert [m.match for m in g.lookup("Takaichi Sanae")] == ["exact"]
        with pytest.raises(LookupTooSlow, match="longer than 0.05 seconds"):
            g.lookup("Takaichi Sanea")
    finally:
        g.close()


def test_sqlite_stops_a_statement_at_the_deadline(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "x.sqlite3")
    endless = (
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000000) "
        "SELECT count(*) FROM c"
    )
    with sqlite_deadline(conn, Deadline(0.05)), pytest.raises(sqlite3.OperationalError):
        conn.execute(endless).fetchall()
    # The handler goes with the lookup: the connection's next statements run to the end.
    assert conn.execute("SELECT count(*) FROM (VALUES (1), (2))").fetchone() == (2,)
    conn.close()


def test_a_statement_stopped_by_sqlite_is_a_lookup_too_slow(sqlite_url: str) -> None:
    g = open_glossary(sqlite_url)
    conn = g.engine.raw_connection()
    try:
        with pytest.raises(LookupTooSlow):
            search(
                conn.dbapi_connection,
                SQLITE,
                Hydrator(g.engine.dialect),
                fuzzy.TypoSearch(SQLITE),
                "Takaichi Sanea",
                deadline=Deadline(0),
            )
    finally:
        conn.close()
        g.close()


@pytest.mark.postgres
def test_postgres_lookups_have_a_statement_timeout(
    pg_admin_url: str, pg_template: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import psycopg

    from glossary.lookup.engine import _stopped
    from tests.conftest import _fresh_pg

    monkeypatch.setenv("GLOSSARY_LOOKUP_TIME_LIMIT", "1500")
    g = open_glossary(_fresh_pg(pg_admin_url, pg_template))
    try:
        g.lookup("Takaichi")
        conn = g._lookup._connection()
        assert conn.execute("SHOW statement_timeout").fetchone()[0] == "1500ms"
        conn.execute("SET statement_timeout = 10")
        with pytest.raises(psycopg.errors.QueryCanceled) as caught:
            conn.execute("SELECT pg_sleep(1)")
        assert _stopped(caught.value)
    finally:
        g.close()

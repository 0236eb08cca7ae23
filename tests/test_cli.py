"""The command line: init, lookup and history, per the contract of DESIGN.md."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import update

from glossary import open_glossary
from glossary.cli import cli
from glossary.formats.csv import COLUMNS
from glossary.store.models import EntryRow, TermRow
from tests.conftest import SEEDS, TERMS_CSV


def _json_lines(output: str) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in output.splitlines()]


def test_init_loads_glossary_and_seeds_and_is_idempotent(runner: CliRunner, db_url: str) -> None:
    args = ["init", "--json", "--terms", str(TERMS_CSV), "--seeds", str(SEEDS)]
    first = runner.invoke(cli, args)
    assert first.exit_code == 0, first.output
    report = _json_lines(first.stdout)[0]
    assert report["created"] >= 40 and report["articles_added"] == 2
    assert report["mined"]["created"] > 0 and report["mined"]["evidence"] > 0
    with open_glossary(db_url) as g:
        entries, changes = g.count(), len(g.history(limit=10_000))
        queue = g.count(status="candidate")
    second = runner.invoke(cli, args)
    again = _json_lines(second.stdout)[0]
    assert again["created"] == 0 and again["conflicts"] == []
    assert again["unchanged"] == report["created"] and again["articles_present"] == 2
    assert again["mined"]["created"] == 0 and again["mined"]["evidence"] == 0
    with open_glossary(db_url) as g:  # the second run changed nothing
        assert (g.count(), len(g.history(limit=10_000))) == (entries, changes)
        assert g.count(status="candidate") == queue


def _init(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["init", "--terms", str(TERMS_CSV), "--seeds", str(SEEDS)])
    assert result.exit_code == 0, result.output


def test_lookup_nara_prefecture_shows_native_forms(runner: CliRunner) -> None:
    """Done-when check of the core issue."""
    _init(runner)
    result = runner.invoke(cli, ["lookup", "--json", "Nara Prefecture"])
    assert result.exit_code == 0
    first = _json_lines(result.stdout)[0]
    assert first["match"] == "exact" and first["kind"] == "place"
    assert first["terms"]["ja"][0]["text"] == "奈良県"
    assert first["terms"]["ko"][0]["text"] == "나라현"
    assert set(first) >= {"id", "kind", "status", "match", "score", "terms"}


def test_lookup_takaichi_shows_kanji_reading_and_romanizations(runner: CliRunner) -> None:
    _init(runner)
    result = runner.invoke(cli, ["lookup", "--json", "Takaichi Sanae"])
    ja = _json_lines(result.stdout)[0]["terms"]["ja"][0]
    assert ja["text"] == "高市早苗"
    assert ja["reading"] == "たかいち さなえ"
    assert ja["hepburn"] == "Takaichi Sanae" and ja["plain"] == "Takaichi Sanae"


def test_lookup_is_case_insensitive_and_any_script(runner: CliRunner) -> None:
    _init(runner)
    for query in ("nara prefecture", "奈良県", "나라현", "ならけん"):
        result = runner.invoke(cli, ["lookup", "--json", query])
        assert _json_lines(result.stdout)[0]["terms"]["en"][0]["text"] == "Nara Prefecture"


def test_lookup_json_prints_only_json(runner: CliRunner) -> None:
    _init(runner)
    result = runner.invoke(cli, ["lookup", "--json", "nothing like this"])
    assert result.exit_code == 0 and result.stdout == ""


def test_lookup_batch_reads_queries_from_stdin(runner: CliRunner) -> None:
    _init(runner)
    result = runner.invoke(cli, ["lookup", "--json", "-"], input="Busan\n\n부산\nzzzz\n")
    lines = _json_lines(result.stdout)
    assert [line["query"] for line in lines] == ["Busan", "부산", "zzzz"]
    assert lines[0]["results"][0]["id"] == lines[1]["results"][0]["id"]
    assert lines[2]["results"] == []


def test_unknown_language_or_kind_is_refused_with_allowed_values(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["lookup", "--lang", "fr", "x"])
    assert result.exit_code == 2 and "'en', 'ko', 'ja'" in result.output
    result = runner.invoke(cli, ["lookup", "--kind", "people", "x"])
    assert result.exit_code == 2 and "person" in result.output


def test_malformed_terms_file_stops_init_with_nothing_written(
    runner: CliRunner, db_url: str, tmp_path: Path
) -> None:
    bad = tmp_path / "terms.csv"
    good_row = ",".join({"kind": "term", "en": "good"}.get(c, "") for c in COLUMNS)
    bad_row = ",".join(
        {"kind": "term", "status": "approved?", "en": "bad"}.get(c, "") for c in COLUMNS
    )
    bad.write_text(",".join(COLUMNS) + "\n" + good_row + "\n" + bad_row + "\n", encoding="utf-8")
    result = runner.invoke(cli, ["init", "--terms", str(bad), "--seeds", str(SEEDS)])
    assert result.exit_code == 2
    assert f"{bad}, line 3, column 'status'" in result.stderr
    assert "candidate, approved, rejected" in result.stderr
    with open_glossary(db_url) as g:
        assert g.count() == 0 and g.articles() == []


def test_history_and_undo_commands(runner: CliRunner, db_url: str) -> None:
    _init(runner)
    with open_glossary(db_url) as g:
        e = g.lookup("Busan")[0].entry
        e.note = "port city"
        g.update(e, user="tester")
    hist = runner.invoke(cli, ["history", "--json", str(e.id)])
    changes = _json_lines(hist.stdout)
    assert [c["action"] for c in changes] == ["update", "create"]
    undo = runner.invoke(cli, ["undo", "--json", str(changes[0]["id"])])
    assert undo.exit_code == 0, undo.output
    assert _json_lines(undo.stdout)[0]["undoes"] == changes[0]["id"]
    with open_glossary(db_url) as g:
        assert g.get(e.id).note == ""  # type: ignore[arg-type]
    again = runner.invoke(cli, ["undo", str(changes[0]["id"])])
    assert again.exit_code == 2 and "already undone" in again.stderr


def test_show_writes_control_characters_as_escapes(runner: CliRunner, db_url: str) -> None:
    """A BEL stored before control characters were refused is printed as \\x07, not
    sent to the terminal."""
    _init(runner)
    g = open_glossary(db_url)
    try:
        with g.writing() as s:
            s.execute(update(TermRow).where(TermRow.entry_id == 1).values(text="Lee\x07\x1b[2J"))
            s.execute(update(EntryRow).where(EntryRow.id == 1).values(note="a\nb\x07"))
    finally:
        g.close()
    result = runner.invoke(cli, ["show", "1"])
    assert result.exit_code == 0
    assert "\x07" not in result.output and "\x1b" not in result.output
    assert "Lee\\x07\\x1b[2J" in result.output and "note: a\nb\\x07" in result.output


def test_show_prints_entry(runner: CliRunner) -> None:
    _init(runner)
    result = runner.invoke(cli, ["show", "1"])
    assert result.exit_code == 0 and "이재명" in result.output
    missing = runner.invoke(cli, ["show", "99999"])
    assert missing.exit_code == 2 and "no entry 99999" in missing.stderr


def test_format_choices_are_the_formats() -> None:
    """The command line names the formats without loading them; the names must agree."""
    from glossary.cli.exchange import FORMAT_NAMES, TARGETS
    from glossary.formats import FORMATS
    from glossary.formats.base import TARGETS as FORMAT_TARGETS

    assert list(FORMAT_NAMES) == sorted(FORMATS)
    assert TARGETS == FORMAT_TARGETS

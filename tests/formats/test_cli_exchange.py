"""``glossary export`` and ``glossary import`` per the command-line contract."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from glossary import open_glossary
from glossary.cli import cli
from glossary.formats import FORMATS
from glossary.formats.base import EntryRecord, TranslationRecord
from tests.conftest import SEEDS, TERMS_CSV
from tests.formats.samples import fixture


def _init(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["init", "--terms", str(TERMS_CSV), "--seeds", str(SEEDS)])
    assert result.exit_code == 0, result.output


def _lines(output: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in output.splitlines()]


@pytest.mark.parametrize(
    ("fmt", "target", "start"),
    [
        ("csv", None, b"id,kind,status"),
        ("xlsx", None, b"PK\x03\x04"),
        ("po", "ko", b"# Glossary: English to Korean."),
        ("tbx", None, b'<?xml version="1.0" encoding="UTF-8"?>\n<tbx '),
        ("tbx2", None, b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE martif '),
        ("tmx", "ja", b'<?xml version="1.0" encoding="UTF-8"?>\n<tmx '),
    ],
)
def test_export_writes_the_file(
    runner: CliRunner, tmp_path: Path, db_url: str, fmt: str, target: str | None, start: bytes
) -> None:
    _init(runner)
    out = tmp_path / f"glossary.{fmt}"
    args = ["export", "--format", fmt, "-o", str(out)] + (["--target", target] if target else [])
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and "Exporting" in result.stderr
    with open_glossary(db_url) as g:
        assert f"Wrote {g.count(status='approved')} entries" in result.stderr or fmt == "tmx"
    assert out.read_bytes().startswith(start)


def test_export_format_from_the_file_name_and_to_stdout(runner: CliRunner, tmp_path: Path) -> None:
    _init(runner)
    out = tmp_path / "all.tbx"
    result = runner.invoke(cli, ["export", "--status", "all", "-o", str(out)])
    assert result.exit_code == 0 and out.read_bytes().startswith(b"<?xml")
    result = runner.invoke(cli, ["export", "--format", "csv", "--kind", "person"])
    assert result.exit_code == 0
    rows = result.stdout.splitlines()
    assert rows[0].startswith("id,kind") and all(",person," in r for r in rows[1:])


def test_export_po_without_target_is_bad_input(runner: CliRunner, tmp_path: Path) -> None:
    _init(runner)
    result = runner.invoke(cli, ["export", "--format", "po", "-o", str(tmp_path / "x.po")])
    assert result.exit_code == 2
    assert "--target ko or --target ja" in result.stderr
    assert not (tmp_path / "x.po").exists()


def test_import_reports_and_is_idempotent(runner: CliRunner, db_url: str) -> None:
    path = str(fixture("unicode_three_scripts", "tbx"))
    first = runner.invoke(cli, ["import", "--json", path])
    assert first.exit_code == 0, first.output
    (summary,) = _lines(first.stdout)
    assert summary["type"] == "summary" and summary["created"] == 10
    again = runner.invoke(cli, ["import", path])
    assert again.exit_code == 0
    assert again.stdout.startswith(f"{path}: 0 created, 0 updated, 10 unchanged, 0 conflicting")


def test_import_dry_run_writes_nothing(runner: CliRunner, db_url: str) -> None:
    _init(runner)
    with open_glossary(db_url) as g:
        before = (g.count(), len(g.history(limit=10_000)))
    result = runner.invoke(
        cli, ["import", "--dry-run", str(fixture("unicode_three_scripts", "csv"))]
    )
    assert result.exit_code == 0, result.output
    assert "would be created" in result.stdout and "dry run: nothing was written" in result.stdout
    with open_glossary(db_url) as g:
        assert (g.count(), len(g.history(limit=10_000))) == before


def test_a_bad_row_exits_2_naming_file_line_and_field(runner: CliRunner, db_url: str) -> None:
    path = str(fixture("bad_record", "csv"))
    result = runner.invoke(cli, ["import", "--json", path])
    assert result.exit_code == 2
    assert f"Error: {path}, line 3, column 'kind': kind 'human' is not known" in result.stderr
    (problem,) = _lines(result.stdout)
    assert (problem["type"], problem["line"], problem["field"]) == ("problem", 3, "kind")
    with open_glossary(db_url) as g:
        assert g.count() == 0


def test_skip_bad_imports_the_good_rows(runner: CliRunner, db_url: str) -> None:
    path = str(fixture("bad_record", "tmx"))
    result = runner.invoke(cli, ["import", "--skip-bad", "--json", path])
    assert result.exit_code == 0, result.output
    problem, summary = _lines(result.stdout)
    assert problem["type"] == "problem" and problem["element"] == "tu 2 (tuid 'b')"
    assert summary["created"] == 2 and len(summary["problems"]) == 1
    human = runner.invoke(cli, ["import", "--skip-bad", path])
    assert "skipped:" in human.stderr and "has no English (en) variant" in human.stderr


def test_a_malformed_file_exits_2(runner: CliRunner) -> None:
    for fmt in ("csv", "po", "tbx", "tmx", "xlsx"):
        result = runner.invoke(cli, ["import", str(fixture("malformed", fmt))])
        assert result.exit_code == 2, fmt
        assert "malformed." in result.stderr
        assert "line" in result.stderr or "is not an XLSX workbook" in result.stderr


def test_unknown_extension_needs_a_format(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "terms.txt"
    path.write_bytes(fixture("unicode_three_scripts", "csv").read_bytes())
    result = runner.invoke(cli, ["import", str(path)])
    assert result.exit_code == 2 and "cannot tell the format" in result.stderr
    result = runner.invoke(cli, ["import", "--format", "csv", str(path)])
    assert result.exit_code == 0, result.output


def test_import_from_standard_input(runner: CliRunner) -> None:
    data = fixture("unicode_three_scripts", "tmx").read_bytes()
    result = runner.invoke(cli, ["import", "--format", "tmx", "-"], input=data)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("<stdin>: 9 created")


def test_export_into_a_missing_folder_exits_2_with_a_message(
    runner: CliRunner, tmp_path: Path
) -> None:
    _init(runner)
    target = tmp_path / "missing" / "dir" / "x.tbx"
    result = runner.invoke(cli, ["export", "-o", str(target)])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines()[-1] == (
        f"Error: cannot write {target}: the folder {target.parent} does not exist; "
        "create it first or choose another"
    )
    assert "Traceback" not in result.output and not (tmp_path / "missing").exists()


def _forms_of_lee_jae_myung(path: Path, fmt: str) -> list[tuple[str, str, list[str]]]:
    """(text, role, review marks) of the English forms the file gives entry 1."""
    with path.open("rb") as stream:
        items = list(FORMATS[fmt].read(stream, path.name))
    (lee,) = [
        i for i in items if isinstance(i, (EntryRecord, TranslationRecord)) and i.entry_id == 1
    ]
    return [(t.text, t.role, t.suggested) for t in lee.entry.terms_in("en")]


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "tbx", "tbx2", "po"])
def test_an_approved_export_leaves_out_forms_awaiting_review(
    runner: CliRunner, tmp_path: Path, fmt: str
) -> None:
    """The miner proposes a bare "Lee" for 이재명 from the seed articles: until a curator
    accepts it, the default export does not give it out as an admitted synonym."""
    _init(runner)
    approved, everything = tmp_path / f"approved.{fmt}", tmp_path / f"all.{fmt}"
    target = ["--target", "ko"] if fmt == "po" else []
    args = ["export", "--format", fmt, *target, "-o", str(approved)]
    assert runner.invoke(cli, args).exit_code == 0
    args = ["export", "--format", fmt, *target, "--status", "all", "-o", str(everything)]
    assert runner.invoke(cli, args).exit_code == 0
    given = _forms_of_lee_jae_myung(approved, fmt)
    assert ("Lee Jae-myung", "preferred", []) in given and ("Lee Jae Myung", "variant", []) in given
    assert "Lee" not in [text for text, _, _ in given]
    # Every entry, with what awaits review marked as such.
    assert ("Lee", "variant", ["text"]) in _forms_of_lee_jae_myung(everything, fmt)


def test_an_import_from_another_tool_says_what_it_left_out(runner: CliRunner) -> None:
    _init(runner)
    path = str(fixture("from_another_tool", "tbx"))
    result = runner.invoke(cli, ["import", path])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == f"{path}: 0 created, 0 updated, 1 unchanged, 0 conflicting"
    assert (
        "  left out: language sections in 'de' (1, at line 34, conceptEntry 1 (id 't1')); "
        "the glossary keeps English, Korean and Japanese" in lines
    )
    assert len(lines) == 5  # the summary and four notices
    (summary,) = _lines(runner.invoke(cli, ["import", "--json", path]).stdout)
    assert [n["line"] for n in summary["notices"]] == [12, 37, 19, 34]


def test_an_import_lists_the_forms_a_translator_proposed(runner: CliRunner, tmp_path: Path) -> None:
    _init(runner)
    path = tmp_path / "ko.po"
    assert runner.invoke(cli, ["export", "--target", "ko", "-o", str(path)]).exit_code == 0
    text = path.read_text(encoding="utf-8")
    unit = 'msgid "Takaichi Sanae"\nmsgstr "다카이치 사나에"'
    assert unit in text
    path.write_text(text.replace(unit, '#, fuzzy\nmsgid "Takaichi Sanae"\nmsgstr "다카이치"'))
    result = runner.invoke(cli, ["import", str(path)])
    assert result.exit_code == 0, result.output
    assert ", 1 proposed for review" in result.stdout.splitlines()[0]
    assert "'다카이치' proposed for review beside the curated '다카이치 사나에'" in result.stdout
    (summary,) = _lines(runner.invoke(cli, ["import", "--json", "--dry-run", str(path)]).stdout)
    assert summary["proposed"] == [] and summary["updated"] == []  # proposed once already

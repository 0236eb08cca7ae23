"""The README documents every command, every setting and every CSV column."""

from __future__ import annotations

import re

import pytest

from glossary.cli import cli
from glossary.formats.csv import COLUMNS
from glossary.settings import SETTINGS
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_is_documented(command: str) -> None:
    assert re.search(rf"`glossary {command}\b", README), command


@pytest.mark.parametrize("setting", [s.env_var for s in SETTINGS])
def test_every_setting_is_documented(setting: str) -> None:
    assert f"`{setting}`" in README


def test_every_csv_column_is_documented() -> None:
    documented = set(re.findall(r"`([a-z_{}]+)`", README))
    for column in COLUMNS:
        generic = re.sub(r"^(en|ko|ja)", "{lang}", column)
        assert column in documented or generic in documented, column


def test_readme_starts_with_the_two_commands() -> None:
    head = README[:1500]
    assert "make run" in head and "make test" in head


def test_ci_runs_the_readme_test_command() -> None:
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_every_exchange_format_is_documented() -> None:
    from glossary.formats import FORMATS

    section = README[README.index("## Exchange formats") :]
    section = section[: section.index("\n## ", 1)]
    for name in FORMATS:
        assert f"(`{name}`) |" in section, name  # its row in the table of formats

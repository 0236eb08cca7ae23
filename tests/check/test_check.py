"""The house-style check: dirty drafts get the right findings, clean drafts get none."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from glossary import Entry, Glossary, Term
from glossary.check import Checker
from glossary.cli import cli
from tests.conftest import SEEDS


def entries() -> list[Entry]:
    """A small glossary: persons of each origin, a place, an org, a term with roles."""
    items = [
        Entry(
            kind="person",
            status="approved",
            origin="korean",
            terms=[
                Term("en", "Lee Jae-myung", family="Lee", given="Jae-myung"),
                Term("en", "Lee Jae Myung", role="variant"),
                Term("ko", "이재명", family="이", given="재명"),
                Term("ja", "李在明", family="李", given="在明"),
            ],
        ),
        Entry(
            kind="person",
            status="approved",
            origin="japanese",
            terms=[
                Term("en", "Takaichi Sanae", family="Takaichi", given="Sanae"),
                Term("ko", "다카이치 사나에", family="다카이치", given="사나에"),
                Term("ja", "高市早苗", reading="たかいち さなえ", family="高市", given="早苗"),
            ],
        ),
        Entry(
            kind="place",
            status="approved",
            terms=[
                Term("en", "Nara Prefecture"),
                Term("en", "Nara", role="variant"),
                Term("ko", "나라현"),
                Term("ja", "奈良県", reading="ならけん"),
            ],
        ),
        Entry(
            kind="org",
            status="approved",
            terms=[
                Term("en", "presidential office"),
                Term("en", "Office of the President", role="variant"),
                Term("en", "Blue House", role="deprecated"),
                Term("en", "Chong Wa Dae", role="forbidden"),
            ],
        ),
        Entry(
            kind="place",
            status="approved",
            terms=[Term("en", "United States"), Term("en", "US", role="abbreviation")],
        ),
        Entry(kind="term", status="candidate", terms=[Term("en", "goodwill events")]),
    ]
    for i, e in enumerate(items, 1):
        e.id = i
    return items


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker.from_entries(entries(), "default")


def rules(checker: Checker, text: str) -> list[tuple[str, str, str]]:
    return [(f.rule, f.found, f.suggestion) for f in checker.check(text)]


CLEAN_DRAFTS = [
    "President Lee Jae-myung met Prime Minister Takaichi Sanae in Nara Prefecture.",
    "Takaichi's hometown is Nara. Lee's visit follows Takaichi Sanae's trip.",
    "The presidential office said the United States and the US alliance matter to us.",
    "The Presidential office said so.",  # sentence-initial capital of a lower-case term
    "이재명 대통령은 다카이치 사나에 총리와 나라현에서 만났다. 다카이치 총리는 말했다.",
    "高市総理は奈良県で李在明大統領と会談した。高市早苗首相は述べた。",
    "Goodwill events were held.",  # candidate entries define no house style
]


@pytest.mark.parametrize("draft", CLEAN_DRAFTS)
def test_clean_drafts_have_no_findings(checker: Checker, draft: str) -> None:
    assert checker.check(draft) == []


@pytest.mark.parametrize(
    ("draft", "expected"),
    [
        ("Lee Jae Myung arrived.", ("spelling", "Lee Jae Myung", "Lee Jae-myung")),
        ("LEE Jae-myung arrived.", ("spelling", "LEE Jae-myung", "Lee Jae-myung")),
        ("Jae-myung Lee arrived.", ("name-order", "Jae-myung Lee", "Lee Jae-myung")),
        ("Sanae Takaichi arrived.", ("name-order", "Sanae Takaichi", "Takaichi Sanae")),
        ("Sanae Takaichi's plan.", ("name-order", "Sanae Takaichi", "Takaichi Sanae")),
        ("takaichi sanae arrived.", ("spelling", "takaichi sanae", "Takaichi Sanae")),
        ("The Blue House said.", ("deprecated", "Blue House", "presidential office")),
        ("Chong Wa Dae said.", ("forbidden", "Chong Wa Dae", "presidential office")),
        ("타카이치 총리는 말했다.", ("transcription", "타카이치", "다카이치")),
        ("타카이치 사나에 총리", ("transcription", "타카이치 사나에", "다카이치 사나에")),
    ],
)
def test_dirty_drafts(checker: Checker, draft: str, expected: tuple[str, str, str]) -> None:
    assert rules(checker, draft) == [expected]


def test_word_boundaries(checker: Checker) -> None:
    # Leeds is not Lee, Naravan is not Nara, USA is not US (they are unknown names).
    draft = "Leeds is not Lee; Naravan is not Nara; USA is not US."
    assert {f.rule for f in checker.check(draft)} == {"unknown-name"}
    assert checker.check(draft, unknown=False) == []


def test_finding_positions_are_one_based_lines_and_columns(checker: Checker) -> None:
    (f,) = checker.check("First line.\nThen Sanae Takaichi spoke.", file="d.txt")
    assert (f.file, f.line, f.column, f.offset, f.length) == ("d.txt", 2, 6, 17, 14)
    assert f.severity == "error" and f.entry_id == 2


def test_one_entity_written_two_accepted_ways(checker: Checker) -> None:
    found = rules(checker, "The presidential office said. Later the Office of the President said.")
    assert found == [("inconsistent", "Office of the President", "presidential office")]


def test_house_style_changes_name_order(checker: Checker) -> None:
    ap = Checker.from_entries(entries(), "ap")
    assert ap.check("Sanae Takaichi arrived.") == []
    assert rules(ap, "Takaichi Sanae arrived.") == [
        ("name-order", "Takaichi Sanae", "Sanae Takaichi")
    ]
    caps = Checker.from_entries(entries(), "capitalised-family")
    assert caps.check("TAKAICHI Sanae and LEE Jae-myung") == []


def test_unknown_style_lists_the_styles() -> None:
    with pytest.raises(Exception, match="ap, japan-gov"):
        Checker.from_entries(entries(), "chicago")


def test_check_command_on_seed_article(loaded: Glossary, runner: CliRunner) -> None:
    article = str(SEEDS / "2026-01-09-korea-japan-summit-nara.txt")
    result = runner.invoke(cli, ["check", "--json", article])
    assert result.exit_code == 1  # the seed writes "Lee Jae Myung" and "Sanae Takaichi"
    found = [json.loads(line) for line in result.stdout.splitlines()]
    assert {"Lee Jae Myung", "Sanae Takaichi", "Shigeru Ishiba"} <= {f["found"] for f in found}
    first = found[0]
    assert set(first) >= {
        "file",
        "line",
        "column",
        "found",
        "suggestion",
        "rule",
        "entry_id",
        "severity",
    }
    assert first["file"] == article


def test_check_command_clean_stdin_exits_zero(loaded: Glossary, runner: CliRunner) -> None:
    result = runner.invoke(cli, ["check", "-"], input="Takaichi Sanae visited Busan.\n")
    assert result.exit_code == 0, result.output
    assert "0 findings" in result.stderr


def test_check_command_unreadable_file(loaded: Glossary, runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00binary")
    result = runner.invoke(cli, ["check", str(bad)])
    assert result.exit_code == 2 and "bad.txt" in result.stderr


def test_unknown_names_are_information(checker: Checker) -> None:
    found = [
        (f.rule, f.found, f.severity, f.extra.get("kind"))
        for f in checker.check("Takaichi Sanae met Foreign Minister Motegi Toshimitsu in Osaka.")
    ]
    assert ("unknown-name", "Motegi Toshimitsu", "info", "person") in found
    assert ("unknown-name", "Osaka", "info", "place") in found
    assert all(f[1] != "Takaichi Sanae" for f in found)  # known names are not unknown
    assert checker.check("Motegi Toshimitsu spoke.", unknown=False) == []


def test_check_command_queues_unknown_names(loaded: Glossary, runner: CliRunner) -> None:
    draft = "Takaichi Sanae met Foreign Minister Motegi Toshimitsu in Busan.\n"
    result = runner.invoke(cli, ["check", "--queue-unknown", "--json", "-"], input=draft)
    assert result.exit_code == 0, result.output  # information only: no error
    assert "1 unknown names sent to the curation queue" in result.stderr
    queued = loaded.lookup("Motegi Toshimitsu")[0].entry
    assert queued.status == "candidate" and queued.kind == "person"
    assert "Foreign Minister Motegi Toshimitsu" in queued.note
    again = runner.invoke(cli, ["check", "--queue-unknown", "-"], input=draft)
    assert "0 unknown names sent" in again.stderr  # not queued twice


def test_inconsistency_is_within_one_language() -> None:
    """A Korean quote in an English draft writes the entity in another language, not
    another way (issue 19: no "inconsistent: 대통령 → president")."""
    president = Entry(
        kind="term", status="approved", terms=[Term("en", "president"), Term("ko", "대통령")]
    )
    office = Entry(
        kind="org",
        status="approved",
        terms=[
            Term("en", "presidential office"),
            Term("en", "Office of the President", role="variant"),
            Term("ko", "대통령실"),
        ],
    )
    president.id, office.id = 1, 2
    checker = Checker.from_entries([president, office], "default")
    draft = (
        'The president spoke. A Korean paper wrote: "대통령은 말했다." '
        "The presidential office and the 대통령실 agreed."
    )
    assert checker.check(draft, unknown=False) == []
    # Two English ways of one entity still are one.
    found = rules(checker, draft + " The Office of the President denied it.")
    assert found == [("inconsistent", "Office of the President", "presidential office")]

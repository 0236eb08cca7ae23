"""Filling and checking romanization fields: fill what is empty, never overwrite."""

from __future__ import annotations

import json

from click.testing import CliRunner

from glossary import Entry, Glossary, Term
from glossary.cli import cli
from glossary.curation.proposals import apply_proposals, proposals


def by_field(entry: Entry) -> dict[tuple[str, str], tuple[str, str]]:
    return {(p.lang, p.field): (p.proposed, p.status) for p in proposals(entry)}


def test_japanese_person_gets_reading_romanizations_and_hangul() -> None:
    e = Entry(
        kind="person",
        status="approved",
        origin="japanese",
        terms=[Term("en", "Ishiba Shigeru"), Term("ja", "石破茂")],
    )
    found = by_field(e)
    assert found[("ja", "reading")] == ("いしば しげる", "fill")
    assert found[("ja", "hepburn")] == ("Ishiba Shigeru", "fill")
    assert found[("ja", "family")] == ("石破", "fill")
    # 국립국어원 일본어 표기: initial い, し → 이시바 시게루
    assert found[("ko", "text")] == ("이시바 시게루", "fill")


def test_curated_value_is_kept_and_disagreement_listed() -> None:
    e = Entry(
        kind="place",
        status="approved",
        terms=[
            Term("en", "Nara Prefecture"),
            Term("ja", "奈良県", reading="ならけん", hepburn="Nara-ken", plain="Narra"),
        ],
    )
    found = by_field(e)
    assert found[("ja", "hepburn")][1] == "agrees"
    assert found[("ja", "plain")] == ("Nara-ken", "disagrees")
    apply_proposals(e, proposals(e))
    ja = e.preferred("ja")
    assert ja is not None and ja.plain == "Narra" and ja.suggested == []


def test_korean_person_romanization_and_katakana() -> None:
    e = Entry(
        kind="person",
        status="candidate",
        origin="korean",
        terms=[Term("en", "Lee Jae-myung"), Term("ko", "이재명", family="이", given="재명")],
    )
    found = by_field(e)
    assert found[("ko", "romanization")] == ("I Jaemyeong", "fill")  # RR ch.3 art.4
    assert found[("ko", "press")][1] == "fill"
    assert found[("ja", "katakana")] == ("イ・ジェミョン", "fill")  # NHK: イ・ジェミョン
    apply_proposals(e, proposals(e))
    ko = e.preferred("ko")
    assert ko is not None and ko.romanization == "I Jaemyeong"
    assert set(ko.suggested) == {"romanization", "press"}
    ja = e.preferred("ja")
    assert ja is not None and ja.text == "イ・ジェミョン" and "text" in ja.suggested


def test_foreign_names_are_not_read_as_japanese() -> None:
    e = Entry(
        kind="person",
        status="approved",
        origin="korean",
        terms=[Term("en", "Lee Jae-myung"), Term("ja", "李在明", reading="イ・ジェミョン")],
    )
    assert ("ja", "reading") not in by_field(e) and ("ja", "hepburn") not in by_field(e)
    loan = Entry(
        kind="place", status="approved", terms=[Term("en", "Washington"), Term("ja", "ワシントン")]
    )
    assert proposals(loan) == []


def test_sino_korean_reading_for_a_kanji_term() -> None:
    e = Entry(
        kind="org",
        status="approved",
        terms=[Term("en", "National Institute for Defense Studies"), Term("ja", "防衛研究所")],
    )
    assert by_field(e)[("ko", "text")] == ("방위연구소", "fill")


def test_suggest_command_fills_and_records_history(g: Glossary) -> None:
    e = g.add(
        Entry(
            kind="person",
            status="approved",
            origin="japanese",
            terms=[Term("en", "Ishiba Shigeru"), Term("ja", "石破茂", hepburn="Ishiba S.")],
        )
    )
    runner = CliRunner(env={"GLOSSARY_DATABASE_URL": g.url})
    result = runner.invoke(cli, ["suggest", "--json", "--apply"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert {"entry_id", "lang", "field", "proposed", "current", "status"} <= set(rows[0])
    assert any(r["field"] == "hepburn" and r["status"] == "disagrees" for r in rows)
    stored = g.get(e.id)  # type: ignore[arg-type]
    ja = stored.preferred("ja")
    assert ja is not None and ja.reading == "いしば しげる" and "reading" in ja.suggested
    assert ja.hepburn == "Ishiba S."  # curated: not overwritten
    assert stored.preferred("ko") is not None
    assert g.history(e.id)[0].action == "update"  # type: ignore[arg-type]

"""``glossary mine``: the contract's JSON, bad files, and --save into the curation queue."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from glossary import Entry, Glossary, Term
from glossary.cli import cli
from tests.conftest import ROOT, SEEDS

FIXTURES = ROOT / "tests" / "fixtures" / "articles"


def _lines(output: str) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in output.splitlines()]


def test_mine_json_follows_the_contract() -> None:
    result = CliRunner().invoke(cli, ["mine", "--json", str(SEEDS)])
    assert result.exit_code == 0, result.output
    found = {c["canonical"]: c for c in _lines(result.stdout)}
    lee = found["Lee Jae-myung"]
    assert set(lee) >= {"canonical", "kind", "lang", "surfaces", "count", "contexts"}
    assert lee["kind"] == "person" and lee["lang"] == "en"
    assert {"Lee Jae Myung", "Lee Jae-myung"} <= set(lee["surfaces"])
    assert all({"file", "sentence"} <= set(ctx) for ctx in lee["contexts"])
    assert "Takaichi Sanae" in found and "Sanae Takaichi" in found["Takaichi Sanae"]["surfaces"]
    assert "shuttle diplomacy" in {c.lower() for c in found}


def test_bad_files_are_named_and_skipped(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(
        "Prime Minister Takaichi Sanae visited Busan.\n", encoding="utf-8"
    )
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 in Seoul".encode("latin-1"))
    result = CliRunner().invoke(cli, ["mine", "--json", str(tmp_path)])
    assert result.exit_code == 0
    assert "empty.txt" in result.stderr and "latin1.txt" in result.stderr
    assert any(c["canonical"] == "Takaichi Sanae" for c in _lines(result.stdout))
    only_bad = CliRunner().invoke(cli, ["mine", str(tmp_path / "empty.txt")])
    assert only_bad.exit_code == 2


def test_save_links_known_entries_and_queues_new_ones(g: Glossary) -> None:
    takaichi = g.add(
        Entry(
            kind="person",
            status="approved",
            origin="japanese",
            terms=[Term("en", "Takaichi Sanae", family="Takaichi", given="Sanae")],
        )
    )
    runner = CliRunner(env={"GLOSSARY_DATABASE_URL": g.url, "GLOSSARY_USER": "miner"})
    result = runner.invoke(cli, ["mine", "--save", "--json", str(SEEDS)])
    assert result.exit_code == 0, result.output
    assert "Saved:" in result.stderr
    evidence = g.evidence(takaichi.id)  # type: ignore[arg-type]
    assert evidence and any("Sanae Takaichi" in ev["sentence"] for ev in evidence)
    assert g.get(takaichi.id).status == "approved"  # type: ignore[arg-type]
    lee = g.lookup("Lee Jae-myung")[0].entry
    assert lee.status == "candidate" and lee.kind == "person"
    assert {t.text for t in lee.terms_in("en")} >= {"Lee Jae-myung", "Lee Jae Myung"}
    ko = lee.preferred("ko")  # suggested by the language rules, marked for review
    assert ko is not None and ko.text == "이재명" and "text" in ko.suggested
    before = g.count()
    again = runner.invoke(cli, ["mine", "--save", str(SEEDS)])
    assert again.exit_code == 0
    assert g.count() == before  # nothing duplicated
    assert len(g.evidence(takaichi.id)) == len(evidence)  # type: ignore[arg-type]


def test_save_links_japanese_text_by_romanization(g: Glossary, tmp_path: Path) -> None:
    ishiba = g.add(
        Entry(
            kind="person",
            status="approved",
            origin="japanese",
            terms=[Term("en", "Ishiba Shigeru", family="Ishiba", given="Shigeru")],
        )
    )
    article = tmp_path / "ja.txt"
    article.write_text("---\nlanguage: ja\n---\n石破茂首相は記者会見で述べた。\n", encoding="utf-8")
    runner = CliRunner(env={"GLOSSARY_DATABASE_URL": g.url})
    result = runner.invoke(cli, ["mine", "--save", str(article)])
    assert result.exit_code == 0, result.output
    entry = g.get(ishiba.id)  # type: ignore[arg-type]
    assert [t.text for t in entry.terms_in("ja")] == ["石破茂"]
    assert entry.terms_in("ja")[0].suggested == ["text"]
    assert g.evidence(ishiba.id)[0]["surface"] == "石破茂"  # type: ignore[arg-type]

"""Fuzzy matches, context matches, the glossary's terms in the sentence, concordance."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from glossary import Glossary
from glossary.cli import cli
from glossary.tm import TranslationMemory, Unit, Variant
from glossary.tm.match import prepare, score
from tests.tm.conftest import FIXTURES, pair


def pct(a: str, b: str, seg: str = "") -> int:
    return score(prepare(a), prepare(b, seg))


@pytest.mark.parametrize(
    ("new", "stored", "expected"),
    [
        # identical, white space aside
        ("The meeting lasted three hours.", "The meeting  lasted three hours.", 100),
        # capitals or punctuation only: never 100
        ("the meeting lasted three hours.", "The meeting lasted three hours.", 99),
        ("The meeting lasted three hours", "The meeting lasted three hours.", 99),
        # a number is a placeable: no edit, one point
        ("Exports rose 5 percent in May.", "Exports rose 7 percent in May.", 99),
        # one word of ten replaced: 90 (words, not characters, for English)
        (
            "The two leaders agreed to meet again in Tokyo next month.",
            "The two leaders agreed to meet again in Seoul next month.",
            90,
        ),
        # Japanese by characters: one of thirteen replaced
        ("大統領は今日、日本を訪問した。", "大統領は昨日、日本を訪問した。", 92),
        # Korean by characters (spaces do not count): two syllables of thirteen
        ("대통령은 오늘 일본을 방문했다.", "대통령은 오늘 중국을 방문했다.", 84),
        ("Good morning.", "The weather in Seoul was clear.", 0),
    ],
)
def test_percentages_as_cat_tools_report_them(new: str, stored: str, expected: int) -> None:
    assert pct(new, stored) == expected


def test_inline_codes_are_not_text_but_cost_a_point() -> None:
    seg = 'The weather in <bpt i="1" type="bold" x="1"/>Seoul<ept i="1"/> was clear.'
    assert pct("The weather in Seoul was clear.", "The weather in Seoul was clear.", seg) == 99


def test_a_glossary_name_is_one_placeable(loaded: Glossary) -> None:
    tm = TranslationMemory(loaded)
    checker = tm.checker()
    from glossary.tm.match import Matcher

    m = Matcher(tm, checker)
    a = "Prime Minister Takaichi Sanae met the president on Monday."
    b = "Prime Minister Ishiba Shigeru met the president on Monday."
    # two of nine words differ, but they are one known name for another: 99, not 77
    assert score(prepare(a, names=m.names(a)), prepare(b, names=m.names(b))) == 99
    assert pct(a, b) == 77  # without the glossary


def test_matches_best_first_with_context_first(tm: TranslationMemory) -> None:
    sentence = "The two leaders agreed to meet again in Tokyo next month."
    tm.add(pair(sentence, "両首脳は来月、東京で再び会うことで一致した。"))
    with_context = pair(sentence, "両首脳は来月東京で再会することで合意した。")
    with_context.variants[0].before = "Lee and Takaichi held talks in Nara."
    tm.add(with_context)
    tm.add(
        pair(
            "The two leaders agreed to meet again in Seoul next month.",
            "両首脳は来月、ソウルで再び会うことで一致した。",
        )
    )
    tm.add(pair("Exports rose 5 percent in May.", "5月の輸出は5%増えた。"))
    found = tm.match(sentence, before="Lee and Takaichi held talks in Nara.")
    assert [(m.kind, m.score) for m in found] == [("context", 100), ("exact", 100), ("fuzzy", 90)]
    assert found[0].target == "両首脳は来月東京で再会することで合意した。"
    # without the context, both 100% matches, newest first
    plain = tm.match(sentence)
    assert [m.kind for m in plain][:2] == ["exact", "exact"]
    assert plain[0].unit.id == with_context_id(tm, "両首脳は来月東京で")
    # the other way round: Japanese sentence, English target
    back = tm.match("両首脳は来月、ソウルで再び会うことで一致した。", target="en")
    assert back[0].score == 100 and back[0].target.endswith("Seoul next month.")
    assert tm.match("Completely unrelated words about weather.") == []


def with_context_id(tm: TranslationMemory, prefix: str) -> int | None:
    return next(u.id for u in tm.units() if u.variant("ja").text.startswith(prefix))  # type: ignore[union-attr]


def test_terms_in_the_sentence_and_warnings(loaded: Glossary) -> None:
    tm = TranslationMemory(loaded)
    tm.add(pair("Prime Minister Takaichi Sanae visited Nara.", "高市早苗首相は奈良を訪れた。"))
    tm.add(
        pair(
            "Prime Minister Takaichi Sanae visited Nara today.", "タカイチ首相は今日奈良を訪れた。"
        )
    )
    found = tm.match("Prime Minister Takaichi Sanae visited Nara.", target="ja")
    assert found[0].score == 100
    terms = {t.found: t.target for t in found[0].terms}
    assert terms["Takaichi Sanae"] == "高市早苗"
    assert found[0].warnings == []
    second = next(m for m in found if m.target.startswith("タカイチ"))
    assert any("高市早苗" in w for w in second.warnings)
    d = found[0].to_dict()
    assert {"id", "source", "target", "source_lang", "target_lang", "score", "terms"} <= set(d)
    assert {"entry_id", "found", "target"} == set(d["terms"][0])


def test_concordance_marks_hits_in_any_script(loaded: Glossary) -> None:
    tm = TranslationMemory(loaded)
    tm.import_tmx(FIXTURES / "memoq_en_ja.tmx")
    tm.add(pair("Takaichi spoke in Nara.", "高市首相は奈良で演説した。"))
    tm.add(
        Unit(
            [Variant("ko", "다카이치 총리가 말했다."), Variant("en", "Takaichi said.")],
            srclang="ko",
        )
    )
    hits = tm.concordance("cabinet meeting")
    assert len(hits) == 1
    d = hits[0].to_dict()
    start, end = d["source_hits"][0]
    assert d["source"][start:end] == "Cabinet meeting"
    # the entry's forms in every language: Takaichi finds 高市 and 다카이치
    found = tm.concordance("Takaichi")
    texts = {c.to_dict()["source"] for c in found} | {c.to_dict()["target"] for c in found}
    assert "高市首相は奈良で演説した。" in texts and "다카이치 총리가 말했다." in texts
    ja = next(c for c in found if c.unit.variant("ja"))
    spans = ja.hits["ja"]
    assert ja.unit.variant("ja").text[spans[0][0] : spans[0][1]] == "高市"  # type: ignore[union-attr]
    # one Japanese character
    assert any("奈良" in c.to_dict()["source"] for c in tm.concordance("良"))


def test_cli_match_and_concord_json(runner: CliRunner, g: Glossary) -> None:
    TranslationMemory(g).import_tmx(FIXTURES / "trados_ko_en.tmx")
    result = runner.invoke(
        cli, ["tm", "match", "--json", "--limit", "2", "대통령은 어제 일본을 방문했다."]
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert rows[0]["source_lang"] == "ko" and rows[0]["target_lang"] == "en"
    assert rows[0]["target"] == "The president visited Japan today."
    assert 0 < rows[0]["score"] < 100
    result = runner.invoke(cli, ["tm", "concord", "--json", "Seoul"])
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert len(rows) == 1
    hit = rows[0]["source_hits"] or rows[0]["target_hits"]
    side = rows[0]["source"] if rows[0]["source_hits"] else rows[0]["target"]
    assert side[hit[0][0] : hit[0][1]] == "Seoul"


def test_a_common_word_is_left_out_until_the_memory_changes(
    tm: TranslationMemory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A word in more sentences than the index reads says nothing and is left out (and
    remembered as such); once sentences are deleted it is rare again and finds them."""
    import glossary.store.unit_index as unit_index

    monkeypatch.setattr(unit_index, "POSTINGS_CAP", 3)
    words = ["one", "two", "three", "four", "five"]
    units = [tm.add(pair(f"Zebra {w} grazing.", f"シマウマ{i}。")) for i, w in enumerate(words)]
    # "zebra" and "grazing" are in five sentences each, "six" in none: no candidate
    assert [m.unit.id for m in tm.match("Zebra six grazing.", source="en", min_score=0)] == []
    for u in units[2:]:
        tm.delete(u.id or 0, u.version)
    found = tm.match("Zebra six grazing.", source="en", min_score=0)
    assert {m.unit.id for m in found} == {units[0].id, units[1].id}


def test_a_line_stored_many_times_reads_only_the_newest_candidates(tm: TranslationMemory) -> None:
    """Boilerplate ("Thank you.") can be in a memory thousands of times: a match reads
    the newest candidates of a 100% match, not every copy."""
    for i in range(130):
        tm.add(pair("Thank you very much.", f"대단히 감사합니다 ({i})."))
    found = tm.match("Thank you very much.", limit=3)
    assert [m.score for m in found] == [100, 100, 100]
    assert [m.target for m in found] == [f"대단히 감사합니다 ({i})." for i in (129, 128, 127)]

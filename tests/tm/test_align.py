"""Alignment of real parallel texts against their alignment by hand, and saving it.

The pairs (tests/fixtures/tm/align/SOURCE.md): the Japanese opening statement of a
press conference of the Prime Minister's Office of Japan and its English translation,
which leaves one Japanese sentence out and says "(Abridged)" instead, and renders one
Japanese sentence as two; and two texts of the U.S. government in English and in the
Korean of the U.S. Embassy in Seoul, remarks of the ambassador (one English sentence
is two Korean ones) and a statement of the Secretary of State (1-1 throughout).
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from glossary import Glossary
from glossary.cli import cli
from glossary.tm import TranslationMemory
from glossary.tm.align import align_sentences, align_texts, length_cost, precision_recall
from tests.tm.conftest import FIXTURES

ALIGN = FIXTURES / "align"
JA = (ALIGN / "kantei_20170224_ja.txt").read_text(encoding="utf-8")
EN = (ALIGN / "kantei_20170224_en.txt").read_text(encoding="utf-8")
GOLD = json.loads((ALIGN / "gold.json").read_text(encoding="utf-8"))["beads"]

#: Measured on this pair (the figures the README and the closing note quote).
PRECISION = 0.8
RECALL = 2 / 3


def test_length_cost_prefers_lengths_in_ratio() -> None:
    assert length_cost(100, 40, 0.4) < length_cost(100, 80, 0.4)


def test_beads_of_each_kind() -> None:
    a = align_sentences(
        ["aaaa aaaa aaaa.", "bbbb bbbb bbbb bbbb bbbb bbbb bbbb bbbb.", "cc."],
        ["AAAA AAAA AAAA.", "BBBB BBBB BBBB BBBB.", "BBBB BBBB BBBB BBBB.", "CC."],
        "en",
        "en",
    )
    assert [b.kind for b in a.beads] == ["1-1", "1-2", "1-1"]


def test_precision_and_recall_on_a_government_release(loaded: Glossary) -> None:
    tm = TranslationMemory(loaded)
    with_anchors = tm.align(JA, EN, "ja", "en")
    assert len(with_anchors.source) == 11 and len(with_anchors.target) == 11
    p, r = precision_recall(with_anchors.beads, GOLD)
    print(f"kantei 2017-02-24 ja-en: precision {p:.2f}, recall {r:.2f}")
    assert round(p, 2) >= PRECISION and round(r, 2) >= round(RECALL, 2)
    # the one-to-two bead is found, and the sentences with the same numbers pair up
    kinds = {(tuple(b.source), tuple(b.target)) for b in with_anchors.beads}
    assert ((8,), (7, 8)) in kinds and ((1,), (1,)) in kinds
    # glossary anchors: an entry both sides name is recorded on its bead
    assert any(b.anchors for b in with_anchors.beads)
    length_only = align_texts(JA, EN, "ja", "en")
    assert precision_recall(length_only.beads, GOLD)[1] <= r


#: The Korean pairs: source, target, alignment by hand, sentences on each side, and
#: precision and recall measured with the shipped glossary's anchors.
KOREAN_PAIRS = [
    (
        "usembassy_20230630_ko.txt",
        "usembassy_20230630_en.txt",
        "gold_usembassy_20230630.json",
        9,
        8,
        1.0,
        1.0,
    ),
    (
        "usembassy_20140813_ko.txt",
        "state_20140813_en.txt",
        "gold_usembassy_20140813.json",
        11,
        11,
        1.0,
        1.0,
    ),
]


@pytest.mark.parametrize(
    ("source", "target", "gold", "n", "m", "precision", "recall"),
    KOREAN_PAIRS,
    ids=["goldberg-2023-06-30", "kerry-2014-08-13"],
)
def test_precision_and_recall_on_korean_english_pairs(
    loaded: Glossary,
    source: str,
    target: str,
    gold: str,
    n: int,
    m: int,
    precision: float,
    recall: float,
) -> None:
    ko = (ALIGN / source).read_text(encoding="utf-8")
    en = (ALIGN / target).read_text(encoding="utf-8")
    beads = json.loads((ALIGN / gold).read_text(encoding="utf-8"))["beads"]
    alignment = TranslationMemory(loaded).align(ko, en, "ko", "en")
    assert len(alignment.source) == n and len(alignment.target) == m
    p, r = precision_recall(alignment.beads, beads)
    print(f"{source} ko-en: precision {p:.2f}, recall {r:.2f}")
    assert round(p, 2) >= precision and round(r, 2) >= recall
    # every bead of the gold alignment that is not 1-1 is found as it is
    found = {(tuple(b.source), tuple(b.target)) for b in alignment.beads}
    for s, t in beads:
        if (len(s), len(t)) != (1, 1):
            assert (tuple(s), tuple(t)) in found
    # the glossary's names (미국 and United States, 한국 and Korea) anchor some beads
    assert any(b.anchors for b in alignment.beads)


def test_cli_align_and_save(runner: CliRunner, g: Glossary, tmp_path) -> None:  # type: ignore[no-untyped-def]
    ja, en = tmp_path / "ja.txt", tmp_path / "en.txt"
    ja.write_text(JA, encoding="utf-8")
    en.write_text(EN, encoding="utf-8")
    result = runner.invoke(
        cli, ["tm", "align", "--from", "ja", "--to", "en", "--json", str(ja), str(en)]
    )
    assert result.exit_code == 0, result.output
    beads = [json.loads(line) for line in result.output.splitlines()]
    assert beads[0]["source"] == "閣議の概要について申し上げます。"
    assert beads[0]["target"] == "I would like to give an overview of the Cabinet meeting."
    assert TranslationMemory(g).count() == 0  # nothing saved without --save
    result = runner.invoke(
        cli, ["tm", "align", "--from", "ja", "--to", "en", "--save", str(ja), str(en)]
    )
    assert result.exit_code == 0, result.output
    tm = TranslationMemory(g)
    paired = [b for b in beads if b["source"] and b["target"]]
    assert tm.count() == len(paired)
    second = next(u for u in tm.units() if u.variant("ja").text.startswith("一般案件"))  # type: ignore[union-attr]
    assert second.origin == "align" and second.source_article_id is not None
    assert second.variant("ja").before == "閣議の概要について申し上げます。"  # type: ignore[union-attr]
    # the saved units are found again: a context match for the next sentence
    m = tm.match(
        "一般案件等21件と人事が決定されました。",
        target="en",
        before="閣議の概要について申し上げます。",
    )
    assert m[0].kind == "context"
    assert (
        m[0].target == "The meeting approved 21 general and other measures and personnel decisions."
    )


def _long_parallel_text(n: int, seed: int) -> tuple[list[str], list[str]]:
    """A source of ``n`` sentences and a "translation" whose sentences are about 1.5
    times as long, with a few sentences left out and a few split in two."""
    import random

    rng = random.Random(seed)
    source, target = [], []
    for i in range(n):
        words = rng.randint(3, 30)
        source.append(" ".join("a" * rng.randint(2, 7) for _ in range(words)) + f" {i}.")
        roll = rng.random()
        if roll < 0.02:
            continue  # left out of the translation
        length = int(words * rng.uniform(1.2, 1.8))
        sentence = " ".join("b" * rng.randint(2, 7) for _ in range(length)) + f" {i}."
        if roll > 0.97 and length > 4:
            half = sentence.split()
            target += [" ".join(half[: len(half) // 2]) + ".", " ".join(half[len(half) // 2 :])]
        else:
            target.append(sentence)
    return source, target


def test_long_texts_are_searched_in_a_band_with_the_same_result(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Past FULL_SEARCH_CELLS, only a band around the diagonal is searched (the work
    grows with the length, not its square), and it finds the alignment the full search
    finds."""
    from glossary.tm import align as align_module

    source, target = _long_parallel_text(600, seed=7)
    n, m = len(source), len(target)
    assert (n + 1) * (m + 1) > align_module.FULL_SEARCH_CELLS
    cells = sum(len(align_module.band(n, m)(i)) for i in range(n + 1))
    assert cells < (n + 1) * (m + 1) / 4
    banded = align_sentences(source, target, "en", "en")
    monkeypatch.setattr(align_module, "FULL_SEARCH_CELLS", 10**9)
    assert sum(len(align_module.band(n, m)(i)) for i in range(n + 1)) == (n + 1) * (m + 1)
    full = align_sentences(source, target, "en", "en")
    assert [(b.source, b.target) for b in banded.beads] == [
        (b.source, b.target) for b in full.beads
    ]
    # the numbers at the end of each sentence anchor it: every kept sentence is paired
    paired = {i for b in banded.beads if b.target for i in b.source}
    assert len(paired) >= 0.95 * n


def test_dates_share_their_month_across_scripts() -> None:
    from glossary.tm.align import numbers

    assert numbers("from March 12 to 15, 2017") == {"3", "12", "15", "2017"}
    assert numbers("3月12日から3月15日まで") == {"3", "12", "15"}
    assert numbers("3월 12일부터 15일까지") == {"3", "12", "15"}
    assert numbers("Sept. 3 and 1,200 people") == {"9", "3", "1200"}
    # a month name needs a day after it: "may" is also a verb
    assert numbers("Exports may rise 5 percent") == {"5"}

"""The development corpus scorer: each rule of the guideline's scoring section, by hand."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from glossary.cli import cli
from glossary.errors import ParseError
from glossary.mining.scoring import (
    GoldRow,
    aggregate,
    corpus_texts,
    mine_json,
    normalize_surface,
    predicted_groups,
    read_corpus_text,
    read_gold,
    score_article,
    score_corpus,
)


def gold(*rows: tuple[str, str]) -> list[GoldRow]:
    return [GoldRow(surface, canonical, "place") for surface, canonical in rows]


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("\u2018Abe\u2019", "'abe'"),  # curly single quotes to straight
        ("\u201cShuttle diplomacy\u201d", '"shuttle diplomacy"'),  # curly double quotes
        ("Japan\u2013ROK relations", "japan-rok relations"),  # en dash
        ("Japan\u2014ROK", "japan-rok"),  # em dash
        ("  Lee \n Jae-myung\t", "lee jae-myung"),  # whitespace collapsed and trimmed
        ("LEE Jae Myung", "lee jae myung"),  # case folded
        ("Straße", "strasse"),  # case folding, not just lower()
        ("Takaichi's", "takaichi"),  # a final 's removed
        ("Takaichi\u2019s", "takaichi"),  # also after a curly apostrophe
        ("Workers' Party", "workers' party"),  # only a final 's
        ("Lee's office", "lee's office"),  # not an inner one
        ("Kings", "kings"),  # a plain final s stays
    ],
)
def test_normalisation_rules(raw, normal):
    assert normalize_surface(raw) == normal


def test_each_json_line_gives_its_surfaces_else_its_canonical():
    lines = [
        {"canonical": "South Korea", "surfaces": ["ROK", "South Korea"]},
        {"canonical": "Seoul", "surfaces": []},
        {"canonical": "Busan"},
    ]
    assert predicted_groups(lines) == [["ROK", "South Korea"], ["Seoul"], ["Busan"]]


def test_precision_and_recall_over_distinct_normalised_surfaces():
    rows = gold(("Japan", "Japan"), ("ROK", "South Korea"), ("Seoul", "Seoul"))
    # "japan" twice and "JAPAN's" are one surface; "Tokyo" is extra; "Seoul" is missed
    score = score_article(rows, [["Japan", "japan"], ["JAPAN's"], ["ROK"], ["Tokyo"]])
    assert (score.surfaces.tp, score.surfaces.fp, score.surfaces.fn) == (2, 1, 1)
    assert score.missed == ["Seoul"]
    assert score.extra == ["Tokyo"]
    assert score.surfaces.precision == pytest.approx(2 / 3)
    assert score.surfaces.recall == pytest.approx(2 / 3)


def test_gold_surfaces_are_normalised_too():
    rows = gold(("Japan\u2013ROK relations", "Japan-South Korea relations"))
    score = score_article(rows, [["japan-rok relations"]])
    assert score.surfaces.tp == 1 and score.surfaces.fp == 0


def test_pairs_together_and_belonging_together():
    rows = gold(
        ("ROK", "South Korea"),
        ("South Korea", "South Korea"),
        ("Korea", "South Korea"),
        ("Japan", "Japan"),
    )
    groups = [["ROK", "South Korea", "Japan"], ["Korea"]]
    score = score_article(rows, groups)
    # ROK/South Korea: together and same canonical; ROK/Japan, South Korea/Japan:
    # together but different; Korea with ROK and with South Korea: apart but the same
    assert (score.pairs.tp, score.pairs.fp, score.pairs.fn) == (1, 2, 2)
    assert {(k, *sorted((a, b))) for k, a, b in score.wrong_pairs} == {
        ("merged", "Japan", "ROK"),
        ("merged", "Japan", "South Korea"),
        ("split", "Korea", "ROK"),
        ("split", "Korea", "South Korea"),
    }


def test_pairs_only_over_surfaces_in_both_gold_and_prediction():
    rows = gold(("ROK", "South Korea"), ("South Korea", "South Korea"), ("Korea", "South Korea"))
    # "Korea" is not predicted, "Tokyo" is not in the gold: neither enters a pair
    score = score_article(rows, [["ROK", "South Korea", "Tokyo"]])
    assert (score.pairs.tp, score.pairs.fp, score.pairs.fn) == (1, 0, 0)


def test_a_surface_in_two_lines_is_together_with_both():
    rows = gold(("ROK", "South Korea"), ("South Korea", "South Korea"), ("Japan", "Japan"))
    score = score_article(rows, [["ROK", "South Korea"], ["ROK", "Japan"]])
    assert (score.pairs.tp, score.pairs.fp, score.pairs.fn) == (1, 1, 0)


def test_canonicals_compare_after_normalisation():
    rows = [
        GoldRow("Officials\u2019 Meeting", "Officials' Meeting", "event"),
        GoldRow("the meeting of officials", "Officials\u2019 Meeting", "event"),
    ]
    score = score_article(rows, [["Officials' Meeting", "the meeting of officials"]])
    assert score.pairs.tp == 1


def test_micro_average_sums_counts_not_ratios():
    one = score_article(gold(("A", "A")), [["A"]])  # P 1, R 1
    two = score_article(gold(("B", "B"), ("C", "C"), ("D", "D")), [["B"], ["X"]])  # 1 of 2, 1 of 3
    count, surfaces, pairs = aggregate([one, two])
    assert count == 2
    assert (surfaces.tp, surfaces.fp, surfaces.fn) == (2, 1, 2)
    assert surfaces.precision == pytest.approx(2 / 3)  # a macro average would give 0.75
    assert surfaces.recall == pytest.approx(2 / 4)
    assert (pairs.tp, pairs.fp, pairs.fn) == (0, 0, 0)


def write_text(path, body, header="source: https://example.org/a\nlang: en\n"):
    path.write_text(header + body, encoding="utf-8")
    return path


def test_header_lines_are_not_part_of_the_body(tmp_path):
    text = read_corpus_text(write_text(tmp_path / "01-en-a.txt", "Seoul is a city.\n"))
    assert (text.source, text.lang, text.body) == (
        "https://example.org/a",
        "en",
        "Seoul is a city.\n",
    )
    assert text.gold_path.name == "01-en-a.gold.tsv"


@pytest.mark.parametrize(
    ("header", "line", "field"),
    [
        ("lang: en\nsource: https://example.org\n", 1, "source"),
        ("source: https://example.org\n\n", 2, "lang"),
        ("source:\nlang: en\n", 1, "source"),
    ],
)
def test_a_missing_header_line_names_file_line_and_field(tmp_path, header, line, field):
    path = write_text(tmp_path / "x.txt", "Body.\n", header=header)
    with pytest.raises(ParseError) as err:
        read_corpus_text(path)
    assert (err.value.path, err.value.line, err.value.field) == (str(path), line, field)


def test_a_text_without_a_body_is_refused(tmp_path):
    with pytest.raises(ParseError, match="no body"):
        read_corpus_text(write_text(tmp_path / "x.txt", "\n"))


def test_gold_file_rows_and_errors(tmp_path):
    path = tmp_path / "g.gold.tsv"
    path.write_text(
        "surface\tcanonical\ttype\tnote\n"
        "ROK\tSouth Korea\tplace\t\n\nSeoul\tSeoul\tplace\tcapital\n",
        encoding="utf-8",
    )
    rows = read_gold(path)
    assert [(r.surface, r.canonical, r.type, r.note, r.line) for r in rows] == [
        ("ROK", "South Korea", "place", "", 2),
        ("Seoul", "Seoul", "place", "capital", 4),
    ]
    path.write_text(
        "surface\tcanonical\ttype\tnote\nROK\tSouth Korea\tcountry\t\n", encoding="utf-8"
    )
    with pytest.raises(ParseError) as err:
        read_gold(path)
    assert (err.value.line, err.value.field) == (2, "type")
    path.write_text("surface\tcanonical\ttype\tnote\nROK\t\tplace\t\n", encoding="utf-8")
    with pytest.raises(ParseError) as err:
        read_gold(path)
    assert (err.value.line, err.value.field) == (2, "canonical")
    path.write_text("surface\tcanonical\nROK\tSouth Korea\n", encoding="utf-8")
    with pytest.raises(ParseError, match="header"):
        read_gold(path)


BODY = (
    "Seoul, March 3 -- Foreign Minister Cho Tae-yul met Secretary of State Antony Blinken "
    "in Seoul on Monday. Cho said the Ministry of Foreign Affairs would work with Japan.\n"
)


def test_mining_in_process_prints_what_the_command_prints(tmp_path):
    body_file = tmp_path / "01-en-talks.txt"
    body_file.write_text(BODY, encoding="utf-8")
    result = CliRunner().invoke(cli, ["mine", "--json", "--lang", "auto", str(body_file)])
    assert result.exit_code == 0, result.output
    from_command = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert from_command
    in_process = mine_json(BODY, body_file.name)

    def without_file(candidates):  # the command names its file, mine_json a copy of it
        return [
            {**c, "contexts": [{k: v for k, v in x.items() if k != "file"} for x in c["contexts"]]}
            for c in candidates
        ]

    assert without_file(in_process) == without_file(from_command)


def test_the_header_lines_are_never_mined(tmp_path):
    root = tmp_path / "corpus"
    (root / "dev").mkdir(parents=True)
    header = "source: https://www.whitehouse.gov/Pentagon-Ottawa\nlang: en\n"
    # mined as a plain file, the header line would give a candidate
    assert any("Pentagon" in s for c in mine_json(header + BODY) for s in c["surfaces"])
    write_text(root / "dev" / "01-en-talks.txt", BODY, header=header)
    (root / "dev" / "01-en-talks.gold.tsv").write_text(
        "surface\tcanonical\ttype\tnote\nSeoul\tSeoul\tplace\t\n", encoding="utf-8"
    )
    (text,) = corpus_texts(root)
    assert text.body == BODY
    (score,) = score_corpus(root)
    assert (score.split, score.lang, score.missed) == ("dev", "en", [])
    assert score.extra and not any("Pentagon" in s for s in score.extra)

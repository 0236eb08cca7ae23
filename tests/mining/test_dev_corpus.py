"""The development corpus itself: headers, gold files, sources and the fixed split."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from glossary.mining.mention import KINDS
from glossary.mining.scoring import SPLITS, corpus_texts, normalize_surface, read_gold

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "mining-dev"
TEXTS = corpus_texts(CORPUS)
NAME = re.compile(r"^(\d{2,3})-(en|ko|ja)-[a-z0-9]+(?:-[a-z0-9]+)*\.txt$")
SOURCE_COLUMNS = ["file", "source", "publisher", "licence", "retrieved"]


def _ids(texts):
    return [t.path.name for t in texts]


def _sources() -> dict[str, dict[str, str]]:
    rows: dict[str, dict[str, str]] = {}
    for path in sorted(CORPUS.glob("sources-*.tsv")):
        with path.open(encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
            assert reader.fieldnames == SOURCE_COLUMNS, path
            for row in reader:
                assert row["file"] not in rows, f"{path}: {row['file']} listed twice"
                rows[row["file"]] = row
    return rows


def test_the_corpus_has_english_texts():
    assert sum(t.lang == "en" for t in TEXTS) >= 20


@pytest.mark.parametrize("text", TEXTS, ids=_ids(TEXTS))
def test_text_name_header_and_split(text):
    match = NAME.match(text.path.name)
    assert match, f"{text.path.name}: name it NN-<lang>-<slug>.txt"
    number, lang = int(match.group(1)), match.group(2)
    assert text.lang == lang, f"{text.path.name}: header says lang: {text.lang}"
    assert text.source.startswith(("https://", "http://")), text.source
    # the split was fixed before mining: odd numbers dev, even numbers test
    assert text.split == ("dev" if number % 2 else "test")
    assert text.body.strip() and not text.body.lstrip().startswith(("source:", "lang:"))


@pytest.mark.parametrize("text", TEXTS, ids=_ids(TEXTS))
def test_gold_surfaces_occur_in_the_body_with_allowed_types(text):
    rows = read_gold(text.gold_path)  # refuses a type outside the allowed set
    assert rows, f"{text.gold_path.name} has no rows"
    seen: dict[str, str] = {}
    for row in rows:
        assert row.surface in text.body, f"{text.gold_path.name}:{row.line}: {row.surface!r}"
        assert row.type in KINDS
        key = normalize_surface(row.surface)
        assert key not in seen, f"{text.gold_path.name}:{row.line}: same as {seen[key]!r}"
        seen[key] = row.surface


@pytest.mark.parametrize("text", TEXTS, ids=_ids(TEXTS))
def test_every_text_has_a_sources_row_with_a_licence(text):
    row = _sources().get(f"{text.split}/{text.path.name}")
    assert row, f"{text.path.name} is in no sources-*.tsv"
    assert row["source"] == text.source
    assert row["licence"].strip() and row["publisher"].strip()
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["retrieved"])


def test_every_sources_row_names_a_text():
    names = {f"{t.split}/{t.path.name}" for t in TEXTS}
    assert set(_sources()) <= names


def test_no_stray_files():
    for split in SPLITS:
        for path in (CORPUS / split).iterdir():
            if path.suffix == ".tsv":
                assert path.name.endswith(".gold.tsv")
                assert path.with_name(path.name[: -len(".gold.tsv")] + ".txt").exists(), path
            else:
                assert path.suffix == ".txt", path


@pytest.mark.parametrize("lang", sorted({t.lang for t in TEXTS}))
def test_dev_and_test_are_both_non_empty(lang):
    for split in SPLITS:
        assert any(t.lang == lang and t.split == split for t in TEXTS), (lang, split)

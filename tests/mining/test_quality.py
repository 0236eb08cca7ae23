"""Precision and recall of the miner against the gold annotations.

The floors sit a little under the figures measured when the rules were written
(bench/mine_quality.py prints the real figures): a drop below them is a regression.
"""

from __future__ import annotations

import pytest

from glossary.mining.evaluate import overall_clustering

FLOORS = {"en": 0.90, "ko": 0.85, "ja": 0.85}


@pytest.mark.parametrize("lang", ["en", "ko", "ja"])
def test_surface_f1_above_floor(quality, lang):
    rep = quality[lang]
    assert rep.articles >= 2
    assert rep.surfaces.f1 >= FLOORS[lang], (
        f"{lang}: {rep.surfaces}; missed {rep.false_negatives}; extra {rep.false_positives}"
    )


@pytest.mark.parametrize("lang", ["en", "ko", "ja"])
def test_precision_and_recall_each_reasonable(quality, lang):
    rep = quality[lang]
    assert rep.surfaces.precision >= 0.80
    assert rep.surfaces.recall >= 0.80


def test_variant_clustering_f1(quality):
    total = overall_clustering(quality)
    assert total.tp >= 20
    assert total.f1 >= 0.90, [r.wrong_pairs for r in quality.values()]


@pytest.mark.parametrize("lang", ["en", "ko", "ja"])
def test_canonical_forms_follow_house_style(quality, lang):
    assert quality[lang].canonical_accuracy >= 0.90

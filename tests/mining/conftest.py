from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLD_DIR = Path(__file__).with_name("gold")
ARTICLE_DIRS = [ROOT / "seeds" / "articles", ROOT / "tests" / "fixtures" / "articles"]


@pytest.fixture(scope="session")
def quality():
    from glossary.mining.evaluate import evaluate, load_gold

    gold = load_gold(sorted(GOLD_DIR.glob("*.tsv")))
    return evaluate(gold, ARTICLE_DIRS)

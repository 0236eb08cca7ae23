"""Print the miner's precision, recall and F1 against the gold annotations.

    python bench/mine_quality.py [-v]

Surfaces per language (English, Korean, Japanese) and variant clustering, over
the seed articles and the test articles (tests/mining/gold/*.tsv); ``-v`` also
lists the misses, the extras and the wrongly clustered pairs.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from glossary.mining.evaluate import evaluate, load_gold, overall_clustering  # noqa: E402

GOALS = {"en": 0.90, "ko": 0.75, "ja": 0.75, "clustering": 0.90}


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    gold = load_gold(sorted((ROOT / "tests" / "mining" / "gold").glob("*.tsv")))
    reports = evaluate(
        gold, [ROOT / "seeds" / "articles", ROOT / "tests" / "fixtures" / "articles"]
    )
    print(f"{'':12}{'articles':>9}{'P':>8}{'R':>8}{'F1':>8}{'goal':>7}   canonical  kind")
    for lang in ("en", "ko", "ja"):
        rep = reports.get(lang)
        if rep is None:
            continue
        s = rep.surfaces
        print(
            f"{lang + ' surfaces':12}{rep.articles:>9}{s.precision:>8.3f}{s.recall:>8.3f}"
            f"{s.f1:>8.3f}{GOALS[lang]:>7.2f}   {rep.canonical_accuracy:>9.3f}"
            f"  {rep.kind_accuracy:.3f}"
        )
        c = rep.clustering
        print(
            f"{lang + ' clusters':12}{'':>9}{c.precision:>8.3f}{c.recall:>8.3f}{c.f1:>8.3f}"
            f"   ({c.tp} true pairs)"
        )
        if verbose:
            print("   missed:", ", ".join(f"{a}: {s}" for a, s in rep.false_negatives))
            print("   extra: ", ", ".join(f"{a}: {s}" for a, s in rep.false_positives))
            print("   pairs: ", ", ".join(f"{k} {a} / {b}" for k, a, b in rep.wrong_pairs))
    total = overall_clustering(reports)
    print(
        f"{'clustering':12}{'':>9}{total.precision:>8.3f}{total.recall:>8.3f}{total.f1:>8.3f}"
        f"{GOALS['clustering']:>7.2f}   ({total.tp} true pairs)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""Print the miner's precision, recall and F1 against the gold annotations.

    python bench/mine_quality.py [-v]

Two parts. The tuned fixtures: surfaces per language (English, Korean, Japanese) and
variant clustering, over the seed articles and the test articles (tests/mining/gold/*.tsv).
The development corpus (tests/fixtures/mining-dev/), scored as the annotation guideline
says, with its ``dev`` and ``test`` splits apart, per language and for Korean and Japanese
together, against the goals of issue 15 for ``test``.

``-v`` also lists the misses, the extras and the wrongly clustered pairs: for the tuned
fixtures, and for the development corpus's ``dev`` split only (``test`` is measured,
never studied).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from glossary.mining.evaluate import evaluate, load_gold, overall_clustering  # noqa: E402
from glossary.mining.scoring import SPLITS, ArticleScore, aggregate, score_corpus  # noqa: E402

GOALS = {"en": 0.90, "ko": 0.75, "ja": 0.75, "clustering": 0.90}
DEV_CORPUS = ROOT / "tests" / "fixtures" / "mining-dev"
#: Issue 15's goals, for the development corpus's test split: surface F1, clustering F1.
CORPUS_GOALS = {"en": 0.85, "ko+ja": 0.75}
CLUSTER_GOAL = 0.90
LANG_GROUPS = {"en": ("en",), "ko": ("ko",), "ja": ("ja",), "ko+ja": ("ko", "ja")}


def tuned_fixtures(verbose: bool) -> None:
    gold = load_gold(sorted((ROOT / "tests" / "mining" / "gold").glob("*.tsv")))
    reports = evaluate(
        gold, [ROOT / "seeds" / "articles", ROOT / "tests" / "fixtures" / "articles"]
    )
    print("Tuned fixtures (tests/mining/gold)")
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


def _goal_cell(value: float, goal: float | None) -> str:
    if goal is None:
        return f"{'':>12}"
    return f"{goal:>6.2f} {'met' if value >= goal else 'NOT':>4} "


def development_corpus(verbose: bool) -> None:
    print()
    print(f"Development corpus ({DEV_CORPUS.relative_to(ROOT)}), scored by the guideline")
    scores = score_corpus(DEV_CORPUS)
    if not scores:
        print("   no texts found")
        return
    print(
        f"{'split':6}{'lang':7}{'texts':>6}{'P':>8}{'R':>8}{'F1':>8}{'goal':>12}"
        f"{'clust F1':>10}{'goal':>12}  pairs"
    )
    for split in SPLITS:
        for group, langs in LANG_GROUPS.items():
            chosen = [s for s in scores if s.split == split and s.lang in langs]
            if not chosen:
                if group != "ko+ja":
                    print(f"{split:6}{group:7}{'none':>6}")
                continue
            count, surf, pairs = aggregate(chosen)
            test = split == "test"
            surface_goal = CORPUS_GOALS.get(group) if test else None
            cluster_goal = CLUSTER_GOAL if test else None
            print(
                f"{split:6}{group:7}{count:>6}{surf.precision:>8.3f}{surf.recall:>8.3f}"
                f"{surf.f1:>8.3f}{_goal_cell(surf.f1, surface_goal)}{pairs.f1:>10.3f}"
                f"{_goal_cell(pairs.f1, cluster_goal)}  {pairs.tp} true, "
                f"{pairs.fp} merged, {pairs.fn} split"
            )
    if verbose:
        for score in (s for s in scores if s.split == "dev"):
            _print_errors(score)


def _print_errors(score: ArticleScore) -> None:
    print(f"\n{score.name} [{score.lang}]  {score.surfaces}")
    print("   missed:", " | ".join(score.missed))
    print("   extra: ", " | ".join(score.extra))
    if score.wrong_pairs:
        print("   pairs: ", " | ".join(f"{k} {a} / {b}" for k, a, b in score.wrong_pairs))


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    tuned_fixtures(verbose)
    development_corpus(verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

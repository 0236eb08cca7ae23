"""Measuring the miner against gold annotations (used by the tests and the bench).

A gold file is a TSV with a header line ``surface, canonical, kind, article``
(``#`` lines are comments): one row for every distinct surface of every article.

* Surfaces: the set of (article, surface) pairs mined is compared with the gold
  set: precision, recall, F1 per language.
* Clustering: over the distinct surfaces of a language that are both mined and in
  the gold, pairs of surfaces put in one candidate are compared with pairs that
  share a gold canonical form (pairwise precision, recall, F1).
* Canonical and kind: of the gold surfaces mined, the share whose candidate has
  the gold canonical form, and the share whose candidate has the gold kind.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from glossary.lang import get_language
from glossary.mining import read_for_mining
from glossary.mining.cluster import Clusterer


@dataclass
class GoldRow:
    surface: str
    canonical: str
    kind: str
    article: str


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __str__(self) -> str:
        return (
            f"P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}  "
            f"(tp {self.tp}, fp {self.fp}, fn {self.fn})"
        )


@dataclass
class LangReport:
    lang: str
    articles: int = 0
    surfaces: Score = field(default_factory=Score)
    clustering: Score = field(default_factory=Score)
    canonical_ok: int = 0
    kind_ok: int = 0
    matched: int = 0
    false_positives: list[tuple[str, str]] = field(default_factory=list)
    false_negatives: list[tuple[str, str]] = field(default_factory=list)
    wrong_pairs: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def canonical_accuracy(self) -> float:
        return self.canonical_ok / self.matched if self.matched else 1.0

    @property
    def kind_accuracy(self) -> float:
        return self.kind_ok / self.matched if self.matched else 1.0


def load_gold(paths: Iterable[str | Path]) -> list[GoldRow]:
    rows: list[GoldRow] = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            lines = [ln for ln in f if ln.strip() and not ln.startswith("#")]
        for rec in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            rows.append(GoldRow(rec["surface"], rec["canonical"], rec["kind"], rec["article"]))
    return rows


def find_article(name: str, dirs: Iterable[str | Path]) -> Path:
    for d in dirs:
        p = Path(d) / name
        if p.exists():
            return p
    raise FileNotFoundError(f"article {name} of the gold is in none of the folders")


def evaluate(gold: list[GoldRow], article_dirs: Iterable[str | Path]) -> dict[str, LangReport]:
    """Mine the gold's articles and score the result, per language."""
    dirs = list(article_dirs)
    by_article: dict[str, list[GoldRow]] = defaultdict(list)
    for row in gold:
        by_article[row.article].append(row)
    reports: dict[str, LangReport] = {}
    clusterers: dict[str, Clusterer] = {}
    gold_canon: dict[str, dict[str, GoldRow]] = defaultdict(dict)
    for article, rows in sorted(by_article.items()):
        art = read_for_mining(find_article(article, dirs))
        rep = reports.setdefault(art.lang, LangReport(art.lang))
        rep.articles += 1
        mentions = get_language(art.lang).miner()(art.text)
        clusterers.setdefault(art.lang, Clusterer(max_contexts=1)).add_all(mentions, article)
        mined = {m.surface for m in mentions}
        wanted = {r.surface for r in rows}
        rep.surfaces.tp += len(mined & wanted)
        rep.surfaces.fp += len(mined - wanted)
        rep.surfaces.fn += len(wanted - mined)
        rep.false_positives += [(article, s) for s in sorted(mined - wanted)]
        rep.false_negatives += [(article, s) for s in sorted(wanted - mined)]
        for r in rows:
            gold_canon[art.lang].setdefault(r.surface, r)
    for lang, rep in reports.items():
        cands = clusterers[lang].candidates()
        cand_of: dict[str, int] = {}
        for i, c in enumerate(cands):
            for s in c.surfaces:
                if s not in cand_of or cands[cand_of[s]].count < c.count:
                    cand_of[s] = i
        surfaces = sorted(s for s in gold_canon[lang] if s in cand_of)
        for s in surfaces:
            g = gold_canon[lang][s]
            c = cands[cand_of[s]]
            rep.matched += 1
            rep.canonical_ok += c.canonical == g.canonical
            rep.kind_ok += c.kind == g.kind
        for i, a in enumerate(surfaces):
            for b in surfaces[i + 1 :]:
                same_gold = gold_canon[lang][a].canonical == gold_canon[lang][b].canonical
                same_pred = cand_of[a] == cand_of[b]
                if same_gold and same_pred:
                    rep.clustering.tp += 1
                elif same_pred:
                    rep.clustering.fp += 1
                    rep.wrong_pairs.append(("merged", a, b))
                elif same_gold:
                    rep.clustering.fn += 1
                    rep.wrong_pairs.append(("split", a, b))
    return reports


def overall_clustering(reports: dict[str, LangReport]) -> Score:
    total = Score()
    for rep in reports.values():
        total.tp += rep.clustering.tp
        total.fp += rep.clustering.fp
        total.fn += rep.clustering.fn
    return total

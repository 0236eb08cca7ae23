"""Print the miner's speed: articles per second per core, per language.

    python bench/mine.py [--seconds S] [--folder N]

Articles of about 500 words (English) or of similar length (Korean, Japanese:
about 1,500 characters) are made here by shuffling the sentences of the test
articles (nothing is written to the repository). Model load time (kiwipiepy,
UniDic, the rule files) is measured apart, then each language is mined in one
process on one core for about S seconds. ``--folder N`` also writes N articles
to a temporary folder and mines it with ``mine_paths``, printing peak memory
before and after to show it stays flat.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from glossary.lang import get_language  # noqa: E402
from glossary.mining import mine_paths, read_for_mining  # noqa: E402
from glossary.mining.sentences import sentences  # noqa: E402

SOURCES = {
    "en": ["seeds/articles/*.txt", "tests/fixtures/articles/en-*"],
    "ko": ["tests/fixtures/articles/ko-*"],
    "ja": ["tests/fixtures/articles/ja-*"],
}


def _pool(lang: str) -> list[str]:
    pool: list[str] = []
    for pattern in SOURCES[lang]:
        for path in sorted(ROOT.glob(pattern)):
            art = read_for_mining(path)
            pool.extend(s for s in sentences(art.text, lang) if len(s) > 20)
    return pool


def _size(text: str, lang: str) -> int:
    return len(text.split()) if lang == "en" else len(text)


def make_articles(lang: str, count: int, seed: int = 1) -> list[str]:
    """``count`` articles of ~500 words (en) or ~1,500 characters (ko, ja)."""
    rng = random.Random(seed)
    pool = _pool(lang)
    target = 500 if lang == "en" else 1500
    out = []
    for _ in range(count):
        sents: list[str] = []
        while _size(" ".join(sents), lang) < target:
            sents.append(rng.choice(pool))
        paras = [" ".join(sents[i : i + 3]) for i in range(0, len(sents), 3)]
        out.append("\n\n".join(paras))
    return out


def load_times() -> dict[str, float]:
    times = {}
    for lang, sample in (("en", "Lee met Takaichi."), ("ko", "이재명 대통령"), ("ja", "高市首相")):
        t = time.perf_counter()
        if lang == "ko":
            from glossary.mining.korean import load as ko_load

            ko_load()
        elif lang == "ja":
            from glossary.mining.japanese import load as ja_load

            ja_load()
        get_language(lang).miner()(sample)
        times[lang] = time.perf_counter() - t
    return times


def speed(lang: str, seconds: float) -> tuple[float, int, float]:
    articles = make_articles(lang, 200)
    mine = get_language(lang).miner()
    n = 0
    cpu0 = time.process_time()
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        mine(articles[n % len(articles)])
        n += 1
    cpu = time.process_time() - cpu0
    words = sum(_size(a, lang) for a in articles) / len(articles)
    return n / cpu, n, words


def folder(n: int) -> None:
    langs = ["en", "ko", "ja"]
    with tempfile.TemporaryDirectory() as tmp:
        per = {lang: make_articles(lang, 50, seed=7) for lang in langs}
        for i in range(n):
            lang = langs[i % 3]
            text = per[lang][(i // 3) % 50]
            Path(tmp, f"{i:06}.txt").write_text(text, encoding="utf-8")
        rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        marks: list[float] = []

        def progress(i: int, total: int, path: str) -> None:
            if i % max(1, total // 4) == 0:
                marks.append(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)

        t = time.perf_counter()
        result = mine_paths([tmp], progress=progress)
        dt = time.perf_counter() - t
        rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"folder of {n} articles: {dt:.1f} s, {len(result.candidates)} candidates; "
            f"peak RSS {rss0:.0f} MiB before, "
            + ", ".join(f"{m:.0f}" for m in marks)
            + f" MiB at each quarter, {rss1:.0f} MiB after"
        )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=3.0)
    ap.add_argument("--folder", type=int, default=0)
    args = ap.parse_args()
    loads = load_times()
    print(
        "load time (analyser + rules, once per process): "
        + ", ".join(f"{k} {v:.2f} s" for k, v in loads.items())
    )
    goals = {"en": 200, "ko": 30, "ja": 30}
    for lang in ("en", "ko", "ja"):
        rate, n, size = speed(lang, args.seconds)
        unit = "words" if lang == "en" else "chars"
        print(
            f"{lang}: {rate:7.1f} articles/s/core  (goal {goals[lang]}; {n} articles of "
            f"~{size:.0f} {unit})"
        )
    if args.folder:
        folder(args.folder)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

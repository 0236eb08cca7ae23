"""The sentence memory at 10,000, 100,000 and 1,000,000 units: TMX import, fuzzy
matches and the concordance.

Generates a TMX file of English sentences (words drawn from a Zipf-distributed
vocabulary of made-up words, so that "the"-like words are in most sentences and most
words in few, as in news text) with Japanese-script targets, all made here, nothing
downloaded. Then:

* imports it with ``glossary tm import``'s library call into a fresh SQLite file, in a
  child process: throughput (units per second of elapsed time, and per second of the
  process's CPU time) and that process's peak memory;
* times ``TranslationMemory.match`` for queries that are stored sentences with one to
  four words replaced, inserted or deleted, and for new sentences: p50 and p95;
* measures the recall of those matches against an exhaustive scan of every stored
  sentence in the same run (rapidfuzz's word-level edit distance over all units, then
  the memory's own percentage for the best of them): the share of the scan's five best
  matches (at 50% or more) that the memory returned, and the share of queries whose
  best match it found;
* times ``TranslationMemory.concordance`` for one word of a sentence: p50.

    python bench/tm.py [--sizes 10000 100000 1000000] [--queries 200] [--dir DIR]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from glossary.formats.xmlsafe import escape_text

VOCAB = 30_000
KANA = (
    "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん"
)
KANJI = "日本国政府首相大統領会談外務省経済発表記者会見協力関係地域安全保障問題"


def make_vocab(rng: random.Random) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    seen: set[str] = set()
    while len(seen) < VOCAB:
        seen.add("".join(rng.choice(letters) for _ in range(rng.randint(2, 9))))
    return sorted(seen)


def zipf(n: int) -> list[float]:
    """Cumulative Zipf weights over ``n`` words (for random.choices)."""
    total = 0.0
    out = []
    for i in range(n):
        total += 1 / (i + 1)
        out.append(total)
    return out


def sentence(rng: random.Random, vocab: list[str], cum: list[float]) -> list[str]:
    return rng.choices(vocab, cum_weights=cum, k=rng.randint(8, 25))


def target(rng: random.Random) -> str:
    return (
        "".join(
            rng.choice(KANJI if rng.random() < 0.4 else KANA) for _ in range(rng.randint(15, 40))
        )
        + "。"
    )


def generate(n: int, seed: int = 1) -> Iterator[tuple[list[str], str]]:
    """The ``n`` units of the bench: an English sentence's words and a Japanese target."""
    rng = random.Random(seed)
    vocab = make_vocab(rng)
    weights = zipf(len(vocab))
    for _ in range(n):
        words = sentence(rng, vocab, weights)
        yield words, target(rng)


def write_tmx(path: Path, n: int, seed: int = 1) -> list[list[str]]:
    sources = []
    with path.open("w", encoding="utf-8") as f:
        f.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
            '  <header creationtool="bench" creationtoolversion="1" segtype="sentence" '
            'o-tmf="bench" adminlang="en" srclang="en-US" datatype="plaintext"/>\n  <body>\n'
        )
        for i, (words, ja) in enumerate(generate(n, seed)):
            sources.append(words)
            en = escape_text(" ".join(words).capitalize())
            f.write(
                f'    <tu tuid="{i}" creationdate="20260101T000000Z">\n'
                f'      <tuv xml:lang="en-US"><seg>{en}.</seg></tuv>\n'
                f'      <tuv xml:lang="ja-JP"><seg>{ja}</seg></tuv>\n    </tu>\n'
            )
        f.write("  </body>\n</tmx>\n")
    return sources


def _import(url: str, path: str, out: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    from glossary.api import open_glossary
    from glossary.tm import TranslationMemory

    g = open_glossary(url)
    me, kids = resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN
    before = [resource.getrusage(who) for who in (me, kids)]
    start = time.perf_counter()
    report = TranslationMemory(g).import_tmx(path)
    took = time.perf_counter() - start
    g.close()
    usage = [resource.getrusage(who) for who in (me, kids)]
    cpu = [
        u.ru_utime + u.ru_stime - b.ru_utime - b.ru_stime
        for u, b in zip(usage, before, strict=True)
    ]
    # A large file is read by a child process (glossary.tm.read_ahead): its CPU time and
    # peak memory are counted too.
    out.put(
        (report.added, took, cpu[0], cpu[1], usage[0].ru_maxrss / 1024, usage[1].ru_maxrss / 1024)
    )


def load() -> str:
    """The machine's load average (1, 5 and 15 minutes): how shared the cores were."""
    return "load average " + " ".join(f"{x:.1f}" for x in os.getloadavg())


def perturb(rng: random.Random, words: list[str], vocab: list[str]) -> list[str]:
    words = list(words)
    for _ in range(rng.randint(1, 4)):
        op = rng.random()
        i = rng.randrange(len(words))
        if op < 0.5:
            words[i] = rng.choice(vocab)
        elif op < 0.75:
            words.insert(i, rng.choice(vocab))
        elif len(words) > 3:
            del words[i]
    return words


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))] if values else 0.0


def run(size: int, queries: int, folder: Path) -> None:
    tmx = folder / f"bench-{size}.tmx"
    t0 = time.perf_counter()
    sources = write_tmx(tmx, size)
    made = time.perf_counter() - t0
    print(f"\n== {size:,} units (TMX {tmx.stat().st_size / 1e6:.0f} MB, made in {made:.1f} s)")
    db = folder / f"bench-{size}.sqlite3"
    db.unlink(missing_ok=True)
    url = f"sqlite:///{db}"
    from glossary.api import open_glossary

    open_glossary(url).close()  # the schema, outside the timed import
    ctx = multiprocessing.get_context("spawn")
    q: multiprocessing.Queue = ctx.Queue()  # type: ignore[type-arg]
    p = ctx.Process(target=_import, args=(url, str(tmx), q))
    p.start()
    added, took, cpu, child_cpu, peak, child_peak = q.get()
    p.join()
    rate = added / took
    # CPU time too: on a machine shared with other work, the elapsed time says as much
    # about the other work as about the import.
    both = cpu + child_cpu
    print(
        f"import: {added:,} units in {took:.1f} s = {rate:,.0f} units/s "
        f"(CPU {both:.1f} s = {cpu:.1f} s writing + {child_cpu:.1f} s reading ahead; "
        f"{added / max(both, 1e-9):,.0f} units per CPU second), "
        f"peak memory {peak:,.0f} MB (+ {child_peak:,.0f} MB reading ahead); {load()}"
    )

    from glossary.tm import TranslationMemory
    from glossary.tm.match import prepare, score

    g = open_glossary(url)
    tm = TranslationMemory(g)
    rng = random.Random(7)
    vocab = make_vocab(random.Random(1))
    cum = zipf(len(vocab))
    # The scan's choices: each sentence's words as one character each, so that
    # rapidfuzz's string edit distance is the edit distance over words.
    code: dict[str, str] = {}

    def encode(words: list[str]) -> str:
        return "".join(code.setdefault(w.lower(), chr(0x4E00 + len(code))) for w in words)

    choices = [encode(ws) for ws in sources]
    texts = [" ".join(ws).capitalize() + "." for ws in sources]
    times: list[float] = []
    hit5 = total5 = best_found = best_total = 0
    for i in range(queries):
        if i % 4 == 3:
            words = sentence(rng, vocab, cum)
        else:
            words = perturb(rng, sources[rng.randrange(size)], vocab)
        text = " ".join(words).capitalize() + "."
        start = time.perf_counter()
        found = tm.match(text, source="en", target="ja", limit=5)
        times.append((time.perf_counter() - start) * 1000)
        # exhaustive scan: the 50 nearest by word edit distance, then our percentage
        near = process.extract(
            encode(words),
            choices,
            scorer=Levenshtein.normalized_similarity,
            limit=50,
            score_cutoff=0.45,
        )
        qp = prepare(text)
        truth = sorted((score(qp, prepare(texts[k])) for _, _, k in near), reverse=True)
        truth = [s for s in truth if s >= 50][:5]
        if not truth:
            continue
        got = [m.score for m in found]
        total5 += len(truth)
        hit5 += min(len(truth), sum(1 for s in got if s >= truth[-1]))
        best_total += 1
        best_found += bool(got) and got[0] == truth[0]
    print(
        f"match: p50 {pct(times, 0.5):.1f} ms, p95 {pct(times, 0.95):.1f} ms over {queries} "
        f"queries; recall of the scan's top 5 (>= 50%): {hit5 / max(1, total5):.1%}, "
        f"best match found: {best_found / max(1, best_total):.1%} of {best_total}"
    )
    ctimes = []
    for _ in range(min(100, queries)):
        word = rng.choice(sources[rng.randrange(size)])
        start = time.perf_counter()
        tm.concordance(word, limit=50)
        ctimes.append((time.perf_counter() - start) * 1000)
    print(
        f"concordance: p50 {statistics.median(ctimes):.1f} ms, p95 {pct(ctimes, 0.95):.1f} ms; "
        f"{load()}"
    )
    g.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--dir", type=Path, default=None)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        for size in args.sizes:
            run(size, args.queries, Path(tmp))


if __name__ == "__main__":
    main()

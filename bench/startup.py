"""Cold start of the command line: time, CPU and memory of each everyday command.

Each command runs in a fresh process (the first run of each is thrown away: it writes
the bytecode cache, as an installed copy has it), ``--runs`` times; the median wall
time, the median CPU time (user + system) and the peak resident memory are printed,
with the heavy packages the command imported (from one more run under ``-X importtime``).
The glossary is the shipped one (``glossary init`` into bench/out/startup/, once).

    python bench/startup.py [--runs 7]

Goals (issue 19): ``--help``, ``lookup``, ``romanize --lang ko`` and ``check --no-unknown``
at or under 0.15 s; ``romanize --lang ja`` under 0.5 s when no reading has to be
suggested. On a busy machine wall time grows with the load: the first two rows (Python
doing nothing, and Python importing what sqlite-utils needs, sqlite3 and click) are the
yardstick for reading the others.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "startup"
HEAVY = (
    "sqlalchemy",
    "alembic",
    "werkzeug",
    "flask",
    "rapidfuzz",
    "ahocorasick",
    "langdetect",
    "kiwipiepy",
    "fugashi",
    "jamdict_data",
    "pykakasi",
)
PERSON_READING = ("--reading", "たかいち さなえ", "高市早苗")
DRAFT = (
    "Prime Minister Takaichi Sanae met President Lee Jae-myung in Seoul on Monday.\n"
    "The two leaders discussed trade and security.\n"
)


def commands(draft: Path) -> list[tuple[str, list[str]]]:
    """(label, arguments) of every command measured, goal rows first."""
    d = str(draft)
    return [
        ("--help", ["--help"]),
        ("lookup --json Takaichi", ["lookup", "--json", "Takaichi"]),
        ("romanize --lang ko (Seoul, Hangul)", ["romanize", "--lang", "ko", "서울특별시"]),
        ("check --no-unknown draft", ["check", "--no-unknown", d]),
        ("romanize --lang ja (kana)", ["romanize", "--lang", "ja", "とうきょう"]),
        (
            "romanize --lang ja --reading KANA (kanji)",
            ["romanize", "--lang", "ja", "--reading", "とうきょう", "東京"],
        ),
        ("romanize --lang ja (kanji: suggests a reading)", ["romanize", "--lang", "ja", "東京"]),
        (
            "romanize --lang ja --kind person --reading KANA",
            ["romanize", "--lang", "ja", "--kind", "person", *PERSON_READING],
        ),
        ("check draft (unknown names)", ["check", d]),
    ]


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak RSS in MB) of one fresh process."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} failed with exit status {proc.returncode}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def heavy_imports(argv: list[str], env: dict[str, str]) -> list[str]:
    """The heavy packages a command imports, from ``-X importtime``."""
    done = subprocess.run(
        [argv[0], "-X", "importtime", *argv[1:]],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    names = set(re.findall(r"^import time:\s+\d+ \|\s+\d+ \|\s*([\w.]+)$", done.stderr, re.M))
    return [h for h in HEAVY if h in names]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7, help="fresh processes per command")
    args = ap.parse_args()

    OUT.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(
        GLOSSARY_INSTANCE_PATH=str(OUT / "instance"),
        # Bytecode cached as for an installed copy, outside the source tree.
        PYTHONPYCACHEPREFIX=str(OUT / "pycache"),
        PYTHONPATH=os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep),
    )
    env.pop("GLOSSARY_DATABASE_URL", None)
    glossary = [sys.executable, "-m", "glossary"]
    if not (OUT / "instance" / "glossary.sqlite3").exists():
        print("glossary init (once) ...", file=sys.stderr)
        subprocess.run([*glossary, "init"], env=env, check=True, capture_output=True)

    with tempfile.TemporaryDirectory() as tmp:
        draft = Path(tmp) / "draft.txt"
        draft.write_text(DRAFT, encoding="utf-8")
        rows: list[tuple[str, list[str]]] = [
            ("python -c pass (yardstick)", [sys.executable, "-c", "pass"]),
            ("python: import sqlite3, click", [sys.executable, "-c", "import sqlite3, click"]),
        ]
        rows += [(label, [*glossary, *argv]) for label, argv in commands(draft)]
        load = os.getloadavg()[0]
        print(
            f"{os.cpu_count()} CPU cores, load average {load:.1f}; median of {args.runs} "
            "fresh processes each (bytecode cached)"
        )
        print(f"{'command':<52} {'wall s':>7} {'CPU s':>6} {'RSS MB':>7}  heavy imports")
        for label, argv in rows:
            run_once(argv, env)  # writes the bytecode cache; not counted
            runs = [run_once(argv, env) for _ in range(args.runs)]
            wall = statistics.median(r[0] for r in runs)
            cpu = statistics.median(r[1] for r in runs)
            rss = max(r[2] for r in runs)
            heavy = ", ".join(heavy_imports(argv, env)) or "-"
            print(f"{label:<52} {wall:>7.3f} {cpu:>6.3f} {rss:>7.0f}  {heavy}", flush=True)


if __name__ == "__main__":
    main()

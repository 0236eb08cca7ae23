"""Time and memory of exporting and importing each exchange format.

    python bench/formats.py                      # 100,000 and 1,000,000 entries
    python bench/formats.py --sizes 20000        # a quick run
    python bench/formats.py --database-url postgresql+psycopg://...  # a PostgreSQL server

For each size, a glossary of synthetic entries shaped like data/terms.csv (persons with
their Korean and Japanese forms, readings, romanizations and name parts; places;
organisations with abbreviations; terms) is written as CSV and imported into an empty
SQLite database; it is then exported in every format, and each export is imported
into another empty database. Every step runs in its own process, which reports its
wall-clock seconds and its peak memory (maximum resident set size, which includes
about 60 MB of interpreter and libraries).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from glossary.model import Entry, Term  # noqa: E402

FORMATS = ("csv", "xlsx", "po", "tbx", "tbx2", "tmx")

_KO_FAMILY = ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임"]
_KO_FAMILY_RR = ["Gim", "I", "Bak", "Choe", "Jeong", "Gang", "Jo", "Yun", "Jang", "Im"]
_KO_FAMILY_PRESS = ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim"]
_KO_FAMILY_KATA = ["キム", "イ", "パク", "チェ", "チョン", "カン", "チョ", "ユン", "チャン", "イム"]
_KO_SYL = ["민", "서", "지", "현", "준", "수", "영", "호", "은", "진", "우", "성"]
_KO_SYL_RR = ["min", "seo", "ji", "hyeon", "jun", "su", "yeong", "ho", "eun", "jin", "u", "seong"]
_JA_FAMILY = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤"]
_JA_FAMILY_KANA = [
    "さとう",
    "すずき",
    "たかはし",
    "たなか",
    "いとう",
    "わたなべ",
    "やまもと",
    "なかむら",
    "こばやし",
    "かとう",
]
_JA_FAMILY_HEP = [
    "Satō",
    "Suzuki",
    "Takahashi",
    "Tanaka",
    "Itō",
    "Watanabe",
    "Yamamoto",
    "Nakamura",
    "Kobayashi",
    "Katō",
]
_JA_SYL = ["ゆ", "き", "は", "る", "な", "み", "こ", "た", "ろ", "し", "け", "と"]
_JA_SYL_HEP = ["yu", "ki", "ha", "ru", "na", "mi", "ko", "ta", "ro", "shi", "ke", "to"]
_JA_SYL_KANA = ["ユ", "キ", "ハ", "ル", "ナ", "ミ", "コ", "タ", "ロ", "シ", "ケ", "ト"]


def _digits(n: int, base: int, width: int) -> list[int]:
    out = []
    for _ in range(width):
        out.append(n % base)
        n //= base
    return out


def synthetic(i: int) -> Entry:
    """Entry number ``i`` of the synthetic glossary (unique forms, realistic fields)."""
    d = _digits(i, 12, 6)
    kind = ("person", "person", "place", "org", "term")[i % 5]
    f = i % 10
    if kind == "person" and i % 2 == 0:  # Korean person
        given_ko = "".join(_KO_SYL[x] for x in d[:3])
        given_rr = "".join(_KO_SYL_RR[x] for x in d[:3])
        tail = "".join(_KO_SYL_RR[x] for x in d[3:])
        press_given = f"{given_rr.capitalize()}-{tail}"
        en = f"{_KO_FAMILY_PRESS[f]} {press_given}"
        return Entry(
            kind="person",
            status="approved",
            origin="korean",
            note=f"Synthetic Korean person {i}.",
            terms=[
                Term("en", en, family=_KO_FAMILY_PRESS[f], given=press_given),
                Term("en", f"{_KO_FAMILY_PRESS[f]} {given_rr}{tail}", "variant"),
                Term(
                    "ko",
                    _KO_FAMILY[f] + given_ko + "".join(_KO_SYL[x] for x in d[3:]),
                    romanization=f"{_KO_FAMILY_RR[f]} {given_rr}{tail}",
                    press=en,
                    family=_KO_FAMILY[f],
                    given=given_ko + "".join(_KO_SYL[x] for x in d[3:]),
                ),
                Term("ja", f"{_KO_FAMILY_KATA[f]}・{''.join(_JA_SYL_KANA[x] for x in d)}"),
            ],
        )
    if kind == "person":  # Japanese person
        kana = "".join(_JA_SYL[x] for x in d)
        hep = "".join(_JA_SYL_HEP[x] for x in d).capitalize()
        en = f"{_JA_FAMILY_HEP[f].replace('ō', 'o')} {hep}"
        return Entry(
            kind="person",
            status="approved",
            origin="japanese",
            note=f"Synthetic Japanese person {i}.",
            terms=[
                Term("en", en, family=_JA_FAMILY_HEP[f].replace("ō", "o"), given=hep),
                Term("en", f"{hep} {_JA_FAMILY_HEP[f].replace('ō', 'o')}", "variant"),
                Term("ko", f"{_KO_FAMILY[f]}{''.join(_KO_SYL[x] for x in d)}"),
                Term(
                    "ja",
                    _JA_FAMILY[f] + kana,
                    reading=f"{_JA_FAMILY_KANA[f]} {kana}",
                    hepburn=f"{_JA_FAMILY_HEP[f]} {hep}",
                    plain=en,
                    family=_JA_FAMILY[f],
                    given=kana,
                ),
            ],
        )
    stem = "".join(_JA_SYL_HEP[x] for x in d).capitalize()
    ko = "".join(_KO_SYL[x] for x in d)
    ja = "".join(_JA_SYL_KANA[x] for x in d)
    if kind == "place":
        return Entry(
            kind="place",
            status="approved",
            terms=[
                Term("en", f"{stem} Province"),
                Term("en", stem, "variant"),
                Term("ko", f"{ko}도"),
                Term("ja", f"{ja}県", reading=f"{''.join(_JA_SYL[x] for x in d)}けん"),
            ],
        )
    words = [stem, "National", "Council" if kind == "org" else "Policy"]
    return Entry(
        kind=kind,
        status="approved" if i % 7 else "candidate",
        note="" if i % 3 else f"Synthetic {kind} {i}; =formula-looking note",
        terms=[
            Term("en", " ".join(words)),
            Term("en", "".join(w[0] for w in words) + str(i), "abbreviation"),
            Term("ko", f"{ko} 국가 위원회"),
            Term("ja", f"{ja}国家委員会"),
        ],
    )


def synthetic_entries(n: int) -> Iterator[Entry]:
    for i in range(1, n + 1):
        e = synthetic(i)
        e.id = i
        yield e


# -- steps, each run in a child process --------------------------------------------


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(args: argparse.Namespace) -> None:
    from glossary.api import open_glossary
    from glossary.formats import export_entries, import_file
    from glossary.formats.base import ExportOptions
    from glossary.formats.csv import CsvFormat

    start = time.perf_counter()
    count = 0
    if args.step == "generate":
        with open(args.file, "wb") as out:
            count = CsvFormat().write(synthetic_entries(args.size), out, ExportOptions())
    elif args.step == "export":
        with open_glossary(args.database_url) as g:
            target = "ja" if args.format == "po" else None
            count = export_entries(g, args.format, args.file, target=target)
    elif args.step == "import":
        with open_glossary(args.database_url) as g:
            report = import_file(g, args.file, fmt=args.format, user="bench")
            count = len(report.created) + len(report.updated)
            if report.problems or report.conflicts:
                raise SystemExit(f"unexpected: {report.summary()}")
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "peak_mb": _peak_mb(), "count": count}))


def _run(*argv: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", *argv], capture_output=True, text=True, check=False
    )
    if out.returncode != 0:
        raise SystemExit(f"step {' '.join(argv)} failed:\n{out.stderr}")
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def _fresh_database(base: str | None, folder: Path, name: str) -> str:
    if base is None:
        return f"sqlite:///{folder / name}.sqlite3"
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    db = f"bench_{name}_{os.getpid()}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{db}"'))
        conn.execute(text(f'CREATE DATABASE "{db}"'))
    admin.dispose()
    return make_url(base).set(database=db).render_as_string(hide_password=False)


def _line(what: str, size: int, r: dict[str, float]) -> None:
    rate = r["count"] / r["seconds"] if r["seconds"] else 0
    print(
        f"{what:<12} {size:>10,} {r['seconds']:>9.1f} s {r['peak_mb']:>8.0f} MB "
        f"{rate:>10,.0f} entries/s",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--formats", nargs="+", choices=FORMATS, default=list(FORMATS))
    parser.add_argument("--database-url", default=None, help="admin URL of a PostgreSQL server")
    parser.add_argument("--keep", default=None, help="folder to keep the files in")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("step", nargs="?", help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--file", help=argparse.SUPPRESS)
    parser.add_argument("--format", help=argparse.SUPPRESS)
    parser.add_argument("--database", dest="child_db", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        args.database_url = args.child_db
        child(args)
        return
    backend = "PostgreSQL" if args.database_url else "SQLite"
    python = sys.version.split()[0]
    print(f"glossary exchange formats, {backend}, {os.cpu_count()} CPUs, Python {python}")
    print(f"{'step':<12} {'entries':>10} {'time':>11} {'peak RSS':>11} {'rate':>21}")
    with tempfile.TemporaryDirectory(prefix="glossary-bench-", dir=args.keep) as tmp:
        folder = Path(tmp)
        for size in args.sizes:
            source = folder / f"source-{size}.csv"
            _run("generate", "--size", str(size), "--file", str(source))
            db = _fresh_database(args.database_url, folder, f"main{size}")
            _line("import csv", size, _run("import", "--file", str(source), "--database", db))
            exported: dict[str, Path] = {}
            for fmt in args.formats:
                path = folder / f"export-{size}-{fmt}.{fmt.rstrip('2')}"
                _line(
                    f"export {fmt}",
                    size,
                    _run("export", "--format", fmt, "--file", str(path), "--database", db),
                )
                exported[fmt] = path
            for fmt in args.formats:
                if fmt == "csv":
                    continue
                other = _fresh_database(args.database_url, folder, f"{fmt}{size}")
                _line(
                    f"import {fmt}",
                    size,
                    _run(
                        "import", "--file", str(exported[fmt]), "--format", fmt, "--database", other
                    ),
                )
            for path in folder.glob(f"*{size}*"):
                path.unlink()


if __name__ == "__main__":
    main()

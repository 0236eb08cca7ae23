"""HTTP benchmark: requests per second and p95 latency of /api/lookup and /search under
1, 8 and 32 concurrent clients, on a 100,000-entry glossary served by the production
server (``glossary serve``: gunicorn).

    python bench/http.py                      # build (once) and measure; about two minutes
    python bench/http.py --entries 20000 --seconds 3

Loopback only: the server listens on 127.0.0.1 and the clients talk to nothing else.
Every level is bounded by a number of requests and a number of seconds. The glossary is
built once into bench/out/ (ignored by git) and reused while its size matches.

Goal on 2 cores: 2,500 lookups per second, p95 under 20 ms at 32 clients. Reference on
the same machine: a trivial JSON endpoint under gunicorn with 2 workers serves about
6,800 requests per second (the Flask development server 1,900).

Then the memory of every server process after a warm-up in which every worker has
checked an English, a Korean and a Japanese draft (so each has used the unknown-name
check and its analysers): resident (RSS), proportional (PSS: shared pages divided among
the processes sharing them) and unique (USS: what the process alone holds) megabytes.
Goal (issue 19): 150 MB a worker at rest, with all of them warm. ``--memory-only``
skips the throughput levels.
"""

from __future__ import annotations

import sys
from pathlib import Path

# This file is called http.py, as the task names it; keep its folder off the import path
# so that "import http" anywhere below still finds the standard library's package.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import argparse  # noqa: E402 (after the path fix above)
import asyncio  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import socket  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import time  # noqa: E402
from urllib.parse import quote  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from glossary import Entry, Term, open_glossary  # noqa: E402
from glossary.store.entries import insert_entry  # noqa: E402

OUT = ROOT / "bench" / "out"
HOST = "127.0.0.1"  # loopback only, never anything else

# Syllables for made-up but plausible names in three scripts: (latin, hangul, kana).
_KO = [
    ("Kim", "김"), ("Lee", "이"), ("Park", "박"), ("Choi", "최"), ("Jung", "정"), ("Kang", "강"),
    ("Cho", "조"), ("Yoon", "윤"), ("Jang", "장"), ("Lim", "임"), ("Han", "한"), ("Oh", "오"),
    ("Seo", "서"), ("Shin", "신"), ("Kwon", "권"), ("Hwang", "황"), ("Ahn", "안"), ("Song", "송"),
]  # fmt: skip
_KO_GIVEN = [
    ("min", "민"), ("jun", "준"), ("seo", "서"), ("yeon", "연"), ("ji", "지"), ("woo", "우"),
    ("hyun", "현"), ("soo", "수"), ("young", "영"), ("jae", "재"), ("ho", "호"), ("eun", "은"),
    ("sung", "성"), ("hee", "희"), ("jin", "진"), ("kyung", "경"), ("won", "원"), ("tae", "태"),
]  # fmt: skip
_JA_FAMILY = [
    ("Sato", "佐藤", "さとう"), ("Suzuki", "鈴木", "すずき"),
    ("Takahashi", "高橋", "たかはし"), ("Tanaka", "田中", "たなか"),
    ("Watanabe", "渡辺", "わたなべ"), ("Ito", "伊藤", "いとう"),
    ("Yamamoto", "山本", "やまもと"), ("Nakamura", "中村", "なかむら"),
    ("Kobayashi", "小林", "こばやし"), ("Kato", "加藤", "かとう"),
    ("Yoshida", "吉田", "よしだ"), ("Yamada", "山田", "やまだ"),
    ("Sasaki", "佐々木", "ささき"), ("Matsumoto", "松本", "まつもと"),
    ("Inoue", "井上", "いのうえ"), ("Kimura", "木村", "きむら"),
    ("Hayashi", "林", "はやし"), ("Shimizu", "清水", "しみず"),
]  # fmt: skip
_JA_GIVEN = [
    ("Hiroshi", "博", "ひろし"), ("Yuki", "由紀", "ゆき"), ("Kenji", "健二", "けんじ"),
    ("Akiko", "明子", "あきこ"), ("Takeshi", "武", "たけし"), ("Naoko", "直子", "なおこ"),
    ("Makoto", "誠", "まこと"), ("Yoko", "洋子", "ようこ"), ("Daisuke", "大輔", "だいすけ"),
    ("Emi", "恵美", "えみ"), ("Shota", "翔太", "しょうた"), ("Mai", "麻衣", "まい"),
]  # fmt: skip
_WORDS = [
    "Council", "Institute", "Agency", "Forum", "Bank", "Committee", "Foundation", "Union",
    "Ministry", "Center", "Association", "Corporation", "Authority", "Commission", "Office",
]  # fmt: skip
_TOPICS = [
    "Trade", "Energy", "Maritime", "Defense", "Climate", "Semiconductor", "Fisheries",
    "Tourism", "Labor", "Nuclear", "Digital", "Regional", "Cultural", "Financial", "Health",
]  # fmt: skip


def _entry(i: int, rnd: random.Random) -> Entry:
    """The i-th made-up entry: a Korean or Japanese person, or an organisation."""
    pick = i % 3
    if pick == 0:
        (fam_l, fam_h), (g1l, g1h), (g2l, g2h) = (
            rnd.choice(_KO),
            rnd.choice(_KO_GIVEN),
            rnd.choice(_KO_GIVEN),
        )
        given_l = f"{g1l.capitalize()}-{g2l}{i % 97 or ''}"
        return Entry(
            kind="person",
            status="approved",
            origin="korean",
            terms=[
                Term("en", f"{fam_l} {given_l}", family=fam_l, given=given_l),
                Term("ko", f"{fam_h}{g1h}{g2h}{i}", family=fam_h, given=f"{g1h}{g2h}{i}"),
            ],
        )
    if pick == 1:
        (fl, fk, fr), (gl, gk, gr) = rnd.choice(_JA_FAMILY), rnd.choice(_JA_GIVEN)
        suffix = str(i)
        return Entry(
            kind="person",
            status="approved",
            origin="japanese",
            terms=[
                Term("en", f"{fl} {gl}{suffix}", family=fl, given=f"{gl}{suffix}"),
                Term(
                    "ja",
                    f"{fk}{gk}{suffix}",
                    reading=f"{fr} {gr}",
                    hepburn=f"{fl} {gl}",
                    plain=f"{fl} {gl}",
                    family=fk,
                    given=f"{gk}{suffix}",
                ),
            ],
        )
    name = f"{rnd.choice(_TOPICS)} {rnd.choice(_WORDS)} {i}"
    return Entry(kind="org", status=rnd.choice(["approved", "candidate"]), terms=[Term("en", name)])


def build(url: str, n: int) -> None:
    """Fill an empty glossary with the shipped terms and ``n`` made-up entries."""
    from glossary.formats.loader import load_terms

    rnd = random.Random(20260101)
    g = open_glossary(url)
    try:
        load_terms(g, ROOT / "data" / "terms.csv", user="bench")
        have = g.count()
        started = time.monotonic()
        batch = 2000
        for start in range(0, n, batch):
            with g.writing() as s:
                for i in range(start, min(n, start + batch)):
                    entry = _entry(i, rnd).validate()
                    insert_entry(s, entry, "bench")  # no history: made-up data
            done = min(n, start + batch)
            rate = done / (time.monotonic() - started)
            print(f"\r  built {done:,}/{n:,} entries ({rate:,.0f}/s)", end="", file=sys.stderr)
        print(file=sys.stderr)
        assert g.count() == have + n
    finally:
        g.close()


def queries(n: int) -> list[str]:
    """What translators type: prefixes as they type, whole names, Korean and Japanese."""
    rnd = random.Random(7)
    out: list[str] = []
    for i in range(n):
        kind = i % 6
        if kind == 0:
            out.append(rnd.choice(_JA_FAMILY)[0][: rnd.randint(3, 6)])
        elif kind == 1:
            fam, given = rnd.choice(_KO), rnd.choice(_KO_GIVEN)
            out.append(f"{fam[0]} {given[0].capitalize()}")
        elif kind == 2:
            out.append(rnd.choice(_JA_FAMILY)[1])
        elif kind == 3:
            out.append(rnd.choice(_KO)[1] + rnd.choice(_KO_GIVEN)[1])
        elif kind == 4:
            out.append(rnd.choice(["Takaichi", "Lee Jae-myung", "Nara", "APEC", "G20", "Tokyo"]))
        else:
            out.append(f"{rnd.choice(_TOPICS)} {rnd.choice(_WORDS)[:4]}")
    return out


#: Drafts for the memory warm-up, one per language, each naming people and places the
#: glossary lacks (so the unknown-name check runs its analyser).
DRAFTS = {
    "en": "Prime Minister Takaichi Sanae met President Lee Jae-myung in Seoul. "
    "Kim Min-jun of the Busan Maritime Institute said the talks went well.\n",
    "ko": "이재명 대통령은 서울에서 다카이치 사나에 총리를 만났다. "
    "부산해양연구원의 김민준 연구원은 회담이 잘 진행됐다고 말했다.\n",
    "ja": "高市早苗首相は東京で李在明大統領と会談した。山田太郎氏は会談が順調だったと語った。\n",
}
#: The shared library each language's analyser maps into a process once it is loaded.
ANALYSER_LIBRARIES = {"ko": "kiwipiepy", "ja": "fugashi"}
#: What the command line of the server's process of shared analysers holds.
ANALYSERS_COMMAND = b"glossary.mining.service"


def _memory(pid: int) -> dict[str, float]:
    """RSS, PSS and USS of a process in MB (Linux: /proc/PID/smaps_rollup)."""
    fields: dict[str, float] = {}
    with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3 and parts[2] == "kB":
                fields[parts[0].rstrip(":")] = int(parts[1]) / 1024
    return {
        "rss": fields["Rss"],
        "pss": fields["Pss"],
        "uss": fields["Private_Clean"] + fields["Private_Dirty"],
    }


def _children(pid: int) -> list[int]:
    with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as f:
        return [int(p) for p in f.read().split()]


def _is_analysers(pid: int) -> bool:
    with open(f"/proc/{pid}/cmdline", "rb") as f:
        return ANALYSERS_COMMAND in f.read()


def _workers(master: int) -> list[int]:
    """The server's worker processes (its children but the analysers' process)."""
    return [pid for pid in _children(master) if not _is_analysers(pid)]


def _maps(pid: int, library: str) -> bool:
    with open(f"/proc/{pid}/maps", encoding="ascii", errors="replace") as f:
        return library in f.read()


def _post(port: int, path: str, body: dict[str, str]) -> int:
    import json
    import urllib.request

    request = urllib.request.Request(
        f"http://{HOST}:{port}{path}",
        data=json.dumps(body, ensure_ascii=False).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=900) as resp:
        status: int = resp.status
        resp.read()
        return status


def _cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat", encoding="ascii") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def warm_workers(port: int, master: int, workers: int, seconds: float) -> dict[int, float]:
    """Check drafts in every language, several at a time, until every worker has spent
    CPU time on checks (so it has served some; the Korean and Japanese texts it gets
    are mined by the server's shared analysers, in a process of their own), or
    ``seconds`` have passed; return each worker's CPU seconds spent."""
    from concurrent.futures import ThreadPoolExecutor

    deadline = time.monotonic() + seconds
    pids = _workers(master)
    start = {pid: _cpu_seconds(pid) for pid in pids}
    spent = dict.fromkeys(pids, 0.0)
    rounds = 0
    with ThreadPoolExecutor(max_workers=2 * workers) as pool:
        while time.monotonic() < deadline:
            jobs = [
                pool.submit(_post, port, "/api/check", {"text": DRAFTS[lang] * (1 + i % 3)})
                for i in range(2 * workers)
                for lang in DRAFTS
            ]
            if any(job.result() != 200 for job in jobs):
                raise SystemExit("a check during the warm-up failed")
            rounds += 1
            spent = {pid: _cpu_seconds(pid) - start.get(pid, 0.0) for pid in _workers(master)}
            warm = [pid for pid, cpu in spent.items() if cpu >= 0.1]
            if rounds >= 3 and len(warm) == workers:
                break
    return spent


def report_memory(port: int, master: int, workers: int, seconds: float) -> None:
    t0 = time.monotonic()
    spent = warm_workers(port, master, workers, seconds)
    took = time.monotonic() - t0
    time.sleep(2)  # at rest
    print(
        f"memory at rest, after {took:.0f} s of English, Korean and Japanese checks "
        "(CPU: the seconds each worker spent on them):"
    )
    print(f"{'process':<12} {'RSS MB':>8} {'PSS MB':>8} {'USS MB':>8} {'CPU s':>7}")
    workers_now = _workers(master)
    rows = [("master", master)] + [(f"worker {i + 1}", p) for i, p in enumerate(workers_now)]
    rows += [("analysers", p) for p in _children(master) if _is_analysers(p)]
    total = 0.0
    for name, pid in rows:
        m = _memory(pid)
        total += m["pss"]
        cpu = f"{spent[pid]:>7.1f}" if pid in spent else f"{'':>7}"
        print(f"{name:<12} {m['rss']:>8.0f} {m['pss']:>8.0f} {m['uss']:>8.0f} {cpu}", flush=True)
    print(f"{'all (PSS)':<12} {total:>17.0f}")
    worst = max(_memory(pid)["rss"] for pid in workers_now)
    loaded = [
        pid for pid in workers_now if any(_maps(pid, lib) for lib in ANALYSER_LIBRARIES.values())
    ]
    print(
        f"largest worker: {worst:.0f} MB RSS (goal: 150 MB); workers that loaded an "
        f"analyser of their own: {len(loaded)}"
    )


class _Connection:
    """One client's HTTP/1.1 connection, kept alive between requests like a browser's."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> tuple[float, int]:
        t0 = time.perf_counter()
        for attempt in (1, 2):
            if self.writer is None:
                self.reader, self.writer = await asyncio.open_connection(HOST, self.port)
            assert self.reader is not None
            self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {HOST}\r\n\r\n".encode())
            try:
                await self.writer.drain()
                head = await self.reader.readuntil(b"\r\n\r\n")
            except (ConnectionError, asyncio.IncompleteReadError):
                await self.close()  # the server closed an idle connection: open another
                if attempt == 2:
                    raise
                continue
            break
        status = int(head.split(b" ", 2)[1])
        headers = head.decode("latin-1").lower()
        length = int(headers.split("content-length:", 1)[1].split("\r\n", 1)[0])
        await self.reader.readexactly(length)
        if "connection: close" in headers:
            await self.close()
        return time.perf_counter() - t0, status

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def _level(
    paths: list[str], port: int, clients: int, max_requests: int, seconds: float
) -> dict[str, float]:
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds
    counter = iter(range(max_requests))

    async def client() -> None:
        nonlocal errors
        conn = _Connection(port)
        try:
            for i in counter:
                if time.perf_counter() > deadline:
                    return
                latency, status = await conn.get(paths[i % len(paths)])
                latencies.append(latency)
                if status != 200:
                    errors += 1
        finally:
            await conn.close()

    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "requests": len(latencies),
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(latencies) * 1000,
        "p95": latencies[int(len(latencies) * 0.95) - 1] * 1000,
        "errors": errors,
    }


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        port: int = s.getsockname()[1]
        return port


def _wait_ready(port: int, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit("the server stopped before it was ready")
        try:
            with socket.create_connection((HOST, port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the server did not start in time")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--entries", type=int, default=100_000, help="made-up entries (default 100,000)"
    )
    ap.add_argument("--workers", type=int, default=None, help="server workers (default: serve's)")
    ap.add_argument("--seconds", type=float, default=5.0, help="at most this long per level")
    ap.add_argument("--requests", type=int, default=20_000, help="at most this many per level")
    ap.add_argument("--clients", default="1,8,32", help="concurrency levels")
    ap.add_argument("--rebuild", action="store_true", help="build the glossary again")
    ap.add_argument(
        "--memory-only", action="store_true", help="measure memory only, no throughput levels"
    )
    ap.add_argument(
        "--warm-seconds",
        type=float,
        default=300.0,
        help="at most this long checking drafts until every worker is warm",
    )
    ap.add_argument(
        "--no-cache",
        action="store_true",
        help="serve without the lookup cache (GLOSSARY_LOOKUP_CACHE=0): every request "
        "runs its lookup",
    )
    args = ap.parse_args()

    OUT.mkdir(parents=True, exist_ok=True)
    db = OUT / f"http-{args.entries}.sqlite3"
    url = f"sqlite:///{db}"
    if args.rebuild or not db.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        print(
            f"Building a glossary of {args.entries:,} made-up entries in {db} ...", file=sys.stderr
        )
        build(url, args.entries)
    with open_glossary(url) as g:
        total = g.count()

    port = _free_port()
    cmd = [sys.executable, "-c", "from glossary.cli import main; main()", "serve"]
    cmd += ["--host", HOST, "--port", str(port), "--database", url, "--no-access-log"]
    if args.workers:
        cmd += ["--workers", str(args.workers)]
    env = {**os.environ, "GLOSSARY_INSTANCE_PATH": str(OUT / "instance")}
    if args.no_cache:
        env["GLOSSARY_LOOKUP_CACHE"] = "0"
    server = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_ready(port, server, timeout=300)
        qs = queries(500)
        endpoints = {
            "/api/lookup": [f"/api/lookup?q={quote(q)}&limit=20" for q in qs],
            "/search": [f"/search?q={quote(q)}" for q in qs],
        }
        # Warm every worker up (first requests load code and fill caches).
        asyncio.run(_level(endpoints["/api/lookup"], port, 8, 400, 10))
        workers = args.workers or min(8, 2 * (os.cpu_count() or 1))
        if args.memory_only:
            print(f"glossary: {total:,} entries (SQLite); server: gunicorn, {workers} workers")
            report_memory(port, server.pid, workers, args.warm_seconds)
            return
        print(
            f"glossary: {total:,} entries (SQLite); server: gunicorn, {workers} workers; "
            f"lookup cache {'off' if args.no_cache else 'on'} ({len(set(qs))} distinct "
            "queries, repeated); "
            f"{os.cpu_count()} CPU cores; client: asyncio on the same machine; "
            f"each level at most {args.requests:,} requests or {args.seconds:g} s"
        )
        print(
            f"{'endpoint':<12} {'clients':>7} {'requests':>9} {'req/s':>8} {'p50 ms':>8} "
            f"{'p95 ms':>8} {'errors':>6}"
        )
        for name, paths in endpoints.items():
            for clients in (int(c) for c in args.clients.split(",")):
                r = asyncio.run(_level(paths, port, clients, args.requests, args.seconds))
                print(
                    f"{name:<12} {clients:>7} {r['requests']:>9,.0f} {r['rps']:>8,.0f} "
                    f"{r['p50']:>8.1f} {r['p95']:>8.1f} {r['errors']:>6.0f}",
                    flush=True,
                )
        report_memory(port, server.pid, workers, args.warm_seconds)
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        if server.stderr:
            server.stderr.close()


if __name__ == "__main__":
    main()

"""Load test: concurrent lookups and curator edits against the production server
(``glossary serve``: gunicorn), then a check of the database against what every client
was told.

    python bench/load.py                                  # 100,000 entries, 16 clients, 10 s
    python bench/load.py --entries 5000 --clients 16 --seconds 10
    python bench/load.py --database-url postgresql+psycopg://user@127.0.0.1/glossary_load

Each client is a thread with one kept-alive HTTP/1.1 connection (http.client) to
127.0.0.1 only, acting as a curator with its own API token. It looks terms up
(``GET /api/lookup``) and edits entries: it reads one (``GET /api/entries/<id>``) and
writes a new note with the version it read (``PATCH``). Half the edits go to a few
entries that every client edits, so conflicts must happen: a refused edit must be a 409,
after which the client reads the entry again and retries (at most --retries times). The
run is bounded by --seconds and by --requests.

Every client logs what the server told it; afterwards the final database is read
through the Python API (``open_glossary``, ``Glossary.get``, ``Glossary.history``) and
checked: for each edited entry, the note is the one written by the acknowledged edit with
the highest version, the version went up by exactly the number of acknowledged edits (no
lost update, no write nobody was told about), every acknowledged edit is in the history
and no refused edit is; and no request got a 5xx or, for an edit, anything but 200 or
409. Prints throughput, p95 latency per kind of request and the verdict; exits 1 if a
check fails.

On SQLite the glossary bench/http.py builds (bench/out/http-N.sqlite3) is copied to
bench/out/load.sqlite3 for every run, so runs start alike and never change it. With
--database-url the given database is used as it is (filled first if it is empty).
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this folder comes first on sys.path and its http.py would hide the
# standard library's http package (http.client, and urllib's use of it): drop it.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
ROOT = _HERE.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import argparse  # noqa: E402 (after the path fix above)
import http.client  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import secrets  # noqa: E402
import sqlite3  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from collections import Counter, defaultdict  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from contextlib import contextmanager  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from typing import Any  # noqa: E402
from urllib.parse import quote  # noqa: E402

from sqlalchemy import select  # noqa: E402

from bench.http import HOST, OUT, _free_port, _wait_ready, build, queries  # noqa: E402
from glossary import open_glossary  # noqa: E402
from glossary.accounts import add_user, create_token, find_user, revoke_tokens, set_role  # noqa: E402
from glossary.errors import NotFound  # noqa: E402
from glossary.store.history import Change  # noqa: E402
from glossary.store.models import EntryRow  # noqa: E402

KINDS = ("lookup", "read", "edit")  # GET /api/lookup, GET /api/entries/<id>, PATCH it
TIMEOUT = 60.0  # seconds a client waits for one answer (gunicorn's worker timeout too)


# -- preparing ------------------------------------------------------------------------


def sqlite_copy(entries: int) -> str:
    """A fresh copy of bench/http.py's glossary of ``entries`` made-up entries (built
    first if needed) in bench/out/load.sqlite3; its URL."""
    OUT.mkdir(parents=True, exist_ok=True)
    template = OUT / f"http-{entries}.sqlite3"
    if not template.exists():
        print(
            f"Building a glossary of {entries:,} made-up entries in {template} ...", file=sys.stderr
        )
        build(f"sqlite:///{template}", entries)
    db = OUT / "load.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    src, dst = sqlite3.connect(template), sqlite3.connect(db)
    try:
        src.backup(dst)  # a consistent copy, whatever is still in the template's WAL
    finally:
        src.close()
        dst.close()
    return f"sqlite:///{db}"


def make_curators(url: str, n: int) -> list[tuple[str, str]]:
    """``n`` curator accounts (load-01, ...), each with one fresh API token: (name, token).
    Their older tokens are revoked, so runs against the same database do not pile up."""
    out = []
    with open_glossary(url) as g:
        for i in range(1, n + 1):
            name = f"load-{i:02}"
            try:
                find_user(g, name)
                set_role(g, name, "curator")
            except NotFound:
                add_user(g, name, "curator", secrets.token_urlsafe(24))
            revoke_tokens(g, name)
            out.append((name, create_token(g, name, "bench/load.py")))
    return out


@dataclass
class Targets:
    """The entries clients edit: ``hot`` ones every client edits, ``spread`` ones picked
    at random; ``before`` holds each one's (version, note) before the run."""

    hot: list[int]
    spread: list[int]
    before: dict[int, tuple[int, str]]


def pick_targets(url: str, hot: int, pool: int, seed: int = 1) -> Targets:
    """Choose ``hot`` shared entries and ``pool`` others at random; note their state."""
    with open_glossary(url) as g:
        with g.reading() as s:
            ids = list(s.scalars(select(EntryRow.id).order_by(EntryRow.id)))
        chosen = random.Random(seed).sample(ids, min(len(ids), hot + pool))
        before = {}
        for eid in chosen:
            e = g.get(eid)
            before[eid] = (e.version, e.note)
    return Targets(hot=chosen[:hot], spread=chosen[hot:], before=before)


# -- the server -----------------------------------------------------------------------


@contextmanager
def serve(
    url: str, *, instance: Path, log: Path, workers: int | None = None, timeout: float = 90
) -> Iterator[int]:
    """Run ``glossary serve`` (gunicorn) on 127.0.0.1 for ``url``; yield its port. Its
    stderr goes to ``log`` (tracebacks of a 5xx end up there)."""
    port = _free_port()
    cmd = [sys.executable, "-c", "from glossary.cli import main; main()", "serve"]
    cmd += ["--host", HOST, "--port", str(port), "--database", url, "--no-access-log"]
    if workers:
        cmd += ["--workers", str(workers)]
    env = {**os.environ, "GLOSSARY_INSTANCE_PATH": str(instance)}
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "wb") as err:
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=err)
    try:
        try:
            _wait_ready(port, proc, timeout)
        except SystemExit as exc:  # bench/http.py's way of giving up
            raise RuntimeError(f"{exc}; see {log}") from None
        yield port
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def warm_up(port: int, paths: list[str], timeout: float = 90) -> None:
    """Wait for the workers to answer, and let each load its code and fill its caches."""
    deadline = time.monotonic() + timeout
    while True:  # the port is open before the workers have booted
        conn = http.client.HTTPConnection(HOST, port, timeout=TIMEOUT)
        try:
            conn.request("GET", paths[0])
            if conn.getresponse().status == 200:
                break
        except (OSError, http.client.HTTPException):
            pass
        finally:
            conn.close()
        if time.monotonic() > deadline:
            raise RuntimeError("the server did not answer lookups in time")
        time.sleep(0.2)

    def some(offset: int) -> None:
        conn = http.client.HTTPConnection(HOST, port, timeout=TIMEOUT)
        try:
            for p in paths[offset : offset + 25]:
                conn.request("GET", p)
                conn.getresponse().read()
        finally:
            conn.close()

    threads = [threading.Thread(target=some, args=(i * 25,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


# -- the clients ----------------------------------------------------------------------


@dataclass
class Ack:
    """An edit the server acknowledged (200): the entry's new version and the note."""

    entry_id: int
    version: int
    value: str
    client: str


@dataclass
class ClientLog:
    """What the server told one client."""

    name: str
    acks: list[Ack] = field(default_factory=list)
    conflicts: int = 0  # edits refused with 409 (each is read again and retried)
    gave_up: int = 0  # edits dropped after --retries refusals in a row
    unanswered: list[tuple[int, str]] = field(default_factory=list)  # PATCHes without answer
    statuses: Counter[tuple[str, int]] = field(default_factory=Counter)  # (kind, status)
    latencies: dict[str, list[float]] = field(default_factory=lambda: {k: [] for k in KINDS})
    errors: list[str] = field(default_factory=list)


class _Budget:
    """At most so many requests in all, and nothing after the deadline."""

    def __init__(self, requests: int, seconds: float) -> None:
        self.left = requests
        self.deadline = time.monotonic() + seconds
        self.lock = threading.Lock()

    def take(self) -> bool:
        if time.monotonic() >= self.deadline:
            return False
        with self.lock:
            if self.left <= 0:
                return False
            self.left -= 1
            return True


class _Stop(Exception):
    """The budget is spent."""


class _Client:
    def __init__(
        self,
        name: str,
        token: str,
        port: int,
        budget: _Budget,
        targets: Targets,
        paths: list[str],
        *,
        edit_share: float,
        hot_share: float,
        retries: int,
        run_id: str,
        seed: int,
    ) -> None:
        self.log = ClientLog(name)
        self.token, self.port, self.budget = token, port, budget
        self.targets, self.paths = targets, paths
        self.edit_share, self.hot_share, self.retries = edit_share, hot_share, retries
        self.prefix = f"load {run_id} {name}"
        self.rnd = random.Random(seed)
        self.seq = 0
        self.conn = http.client.HTTPConnection(HOST, port, timeout=TIMEOUT)

    def run(self) -> None:
        try:
            while True:
                if self.rnd.random() < self.edit_share:
                    self.edit()
                else:
                    self.lookup()
        except _Stop:
            pass
        except Exception as exc:  # a bug here must show in the verdict, not vanish
            self.log.errors.append(f"client {self.log.name} stopped: {exc!r}")
        finally:
            self.conn.close()

    def send(self, kind: str, method: str, path: str, body: Any = None) -> tuple[int, Any] | None:
        """One request; (status, JSON body or None), or None when no answer came."""
        if not self.budget.take():
            raise _Stop
        headers = {"Authorization": f"Bearer {self.token}", "Accept": "application/json"}
        payload = None
        if body is not None:
            payload = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        started = time.perf_counter()
        for attempt in (1, 2):
            try:
                self.conn.request(method, path, body=payload, headers=headers)
                resp = self.conn.getresponse()
                raw = resp.read()
                break
            except (OSError, http.client.HTTPException) as exc:
                self.conn.close()  # the next request opens a new connection
                # A read may be sent again (the server may have closed an idle kept-alive
                # connection); an edit that got no answer may or may not have been made.
                if method == "GET" and attempt == 1:
                    continue
                self.log.statuses[kind, 0] += 1
                self.log.errors.append(f"{method} {path}: no answer ({exc!r})")
                return None
        self.log.latencies[kind].append(time.perf_counter() - started)
        self.log.statuses[kind, resp.status] += 1
        try:
            data = json.loads(raw) if raw else None
        except ValueError:
            data = None
        return resp.status, data

    def error(self, method: str, path: str, status: int, data: Any) -> None:
        err = data.get("error") if isinstance(data, dict) else None
        message = err.get("message") if isinstance(err, dict) else str(data)[:200]
        self.log.errors.append(f"{method} {path}: {status} {message}")

    def lookup(self) -> None:
        path = self.rnd.choice(self.paths)
        answer = self.send("lookup", "GET", path)
        if answer is None:
            return
        status, data = answer
        if status != 200 or not isinstance(data, dict) or not isinstance(data.get("results"), list):
            self.error("GET", path, status, data)

    def edit(self) -> None:
        hot, spread = self.targets.hot, self.targets.spread
        use_hot = bool(hot) and (not spread or self.rnd.random() < self.hot_share)
        eid = self.rnd.choice(hot if use_hot else spread)
        path = f"/api/entries/{eid}"
        for _ in range(self.retries + 1):
            answer = self.send("read", "GET", path)
            if answer is None:
                return
            status, data = answer
            if status != 200 or not isinstance(data, dict) or type(data.get("version")) is not int:
                self.error("GET", path, status, data)
                return
            version = data["version"]
            self.seq += 1
            value = f"{self.prefix} #{self.seq}"  # unique: each attempt writes its own
            answer = self.send("edit", "PATCH", path, {"version": version, "note": value})
            if answer is None:
                self.log.unanswered.append((eid, value))
                return
            status, data = answer
            if status == 200:
                saved = data.get("version") if isinstance(data, dict) else None
                note = data.get("note") if isinstance(data, dict) else None
                if saved != version + 1 or note != value:
                    self.log.errors.append(
                        f"PATCH {path} (version {version}, note {value!r}): 200 with "
                        f"version {saved!r} and note {note!r}"
                    )
                if type(saved) is int:
                    self.log.acks.append(Ack(eid, saved, value, self.log.name))
                return
            if status == 409:
                self.log.conflicts += 1
                err = data.get("error") if isinstance(data, dict) else None
                current = err.get("current") if isinstance(err, dict) else None
                if (
                    not isinstance(err, dict)
                    or err.get("code") != "ConflictError"
                    or not isinstance(current, dict)
                    or current.get("version") == version
                ):
                    self.log.errors.append(
                        f"PATCH {path} (version {version}): 409 that is not a stale version: "
                        f"{str(data)[:200]}"
                    )
                    return
                continue  # someone else saved first: read it again and retry
            self.error("PATCH", path, status, data)
            return
        self.log.gave_up += 1


def run_clients(
    port: int,
    curators: list[tuple[str, str]],
    targets: Targets,
    *,
    seconds: float,
    max_requests: int,
    edit_share: float = 0.3,
    hot_share: float = 0.5,
    retries: int = 3,
    run_id: str = "",
    seed: int = 1,
) -> tuple[list[ClientLog], float]:
    """One thread per curator until ``seconds`` pass or ``max_requests`` are sent; their
    logs and the time it took."""
    paths = [f"/api/lookup?q={quote(q)}&limit=20" for q in queries(500)]
    budget = _Budget(max_requests, seconds)
    clients = [
        _Client(
            name,
            token,
            port,
            budget,
            targets,
            paths,
            edit_share=edit_share,
            hot_share=hot_share,
            retries=retries,
            run_id=run_id,
            seed=seed * 1000 + i,
        )
        for i, (name, token) in enumerate(curators)
    ]
    threads = [threading.Thread(target=c.run, name=c.log.name) for c in clients]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return [c.log for c in clients], time.perf_counter() - started


# -- checking -------------------------------------------------------------------------


def verify(url: str, logs: list[ClientLog], targets: Targets, run_id: str) -> list[str]:
    """Compare the final database with the clients' logs; what does not agree."""
    acks: dict[int, list[Ack]] = defaultdict(list)
    for log in logs:
        for a in log.acks:
            acks[a.entry_id].append(a)
    unanswered = {value for log in logs for _, value in log.unanswered}
    prefix = f"load {run_id} "
    failures: list[str] = []
    with open_glossary(url, migrate=False) as g:
        for eid, (v0, note0) in sorted(targets.before.items()):
            mine = sorted(acks.get(eid, []), key=lambda a: a.version)
            versions = [a.version for a in mine]
            want = list(range(v0 + 1, v0 + 1 + len(mine)))
            if versions != want:
                dup = sorted(v for v, n in Counter(versions).items() if n > 1)
                failures.append(
                    f"entry {eid}: {len(mine)} acknowledged edits were told versions "
                    f"{_span(versions)}, not {v0 + 1}..{v0 + len(mine)}"
                    + (f" (versions {dup} acknowledged twice)" if dup else "")
                )
            final = g.get(eid)
            if final.version != v0 + len(mine):
                why = (
                    "an acknowledged edit was lost"
                    if final.version < v0 + len(mine)
                    else ("a write no client was told about")
                )
                failures.append(
                    f"entry {eid}: at version {final.version}, but it was at {v0} and "
                    f"{len(mine)} edits were acknowledged ({why})"
                )
            expected = mine[-1].value if mine else note0
            if final.note != expected:
                failures.append(
                    f"entry {eid}: its note is {final.note!r}, but the acknowledged edit with "
                    f"the highest version wrote {expected!r}"
                )
            written: dict[str, Change] = {}
            for c in g.history(eid, limit=len(mine) + 1000):
                note = (c.after or {}).get("note")
                if c.action == "update" and isinstance(note, str) and note.startswith(prefix):
                    written[note] = c
            for a in mine:
                found = written.pop(a.value, None)
                if found is None:
                    failures.append(
                        f"entry {eid}: the acknowledged edit {a.value!r} (version {a.version}) "
                        "is not in its history"
                    )
                    continue
                was, now = (found.before or {}).get("version"), (found.after or {}).get("version")
                if (was, now, found.user) != (a.version - 1, a.version, a.client):
                    failures.append(
                        f"entry {eid}: the history has {a.value!r} as version {was} -> {now} "
                        f"by {found.user}, but {a.client} was told version {a.version}"
                    )
            for value, c in sorted(written.items()):
                what = (
                    "an edit that got no answer"
                    if value in unanswered
                    else ("an edit that was refused")
                )
                failures.append(
                    f"entry {eid}: the history holds {what}: {value!r} "
                    f"(version {(c.after or {}).get('version')})"
                )
    return failures


def _span(versions: list[int]) -> str:
    if len(versions) <= 8:
        return str(versions)
    return f"[{versions[0]}, {versions[1]}, ..., {versions[-1]}]"


# -- the whole run --------------------------------------------------------------------


def p95(values: list[float]) -> float:
    """The 95th percentile (nearest rank), 0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


@dataclass
class Report:
    """Everything a run measured and found."""

    logs: list[ClientLog]
    elapsed: float
    failures: list[str]  # the final database disagrees with the logs
    targets: Targets  # every entry the clients could edit, and its state before
    run_id: str  # in every note this run wrote
    server_log: Path

    def count(self, kind: str) -> int:
        return sum(n for log in self.logs for (k, _), n in log.statuses.items() if k == kind)

    @property
    def requests(self) -> int:
        return sum(self.count(k) for k in KINDS)

    @property
    def acked(self) -> int:
        return sum(len(log.acks) for log in self.logs)

    @property
    def edited(self) -> int:
        """Entries with at least one acknowledged edit."""
        return len({a.entry_id for log in self.logs for a in log.acks})

    @property
    def conflicts(self) -> int:
        return sum(log.conflicts for log in self.logs)

    @property
    def gave_up(self) -> int:
        return sum(log.gave_up for log in self.logs)

    @property
    def server_errors(self) -> int:
        """Answers with a 5xx status."""
        return sum(n for log in self.logs for (_, s), n in log.statuses.items() if s >= 500)

    @property
    def edit_statuses(self) -> Counter[int]:
        """How many PATCHes got each status (0: no answer)."""
        out: Counter[int] = Counter()
        for log in self.logs:
            for (k, s), n in log.statuses.items():
                if k == "edit":
                    out[s] += n
        return out

    @property
    def errors(self) -> list[str]:
        """Every answer that was not the expected one (and every request without one)."""
        return [e for log in self.logs for e in log.errors]

    @property
    def ok(self) -> bool:
        return not self.errors and not self.failures and self.server_errors == 0

    def latencies(self, kind: str) -> list[float]:
        return [x for log in self.logs for x in log.latencies[kind]]

    def lines(self) -> list[str]:
        t = self.elapsed
        out = [
            f"ran {t:.1f} s with {len(self.logs)} clients: {self.requests:,} requests, "
            f"{self.requests / t:,.0f} req/s",
            f"{'kind':<8} {'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8}",
        ]
        for label in KINDS:
            lat = self.latencies(label)
            p50 = statistics.median(lat) * 1000 if lat else 0.0
            rate, top = len(lat) / t, p95(lat) * 1000
            out.append(f"{label:<8} {len(lat):>9,} {rate:>8,.0f} {p50:>8.1f} {top:>8.1f}")
        statuses = ", ".join(
            f"{s or 'no answer'}: {n:,}" for s, n in sorted(self.edit_statuses.items())
        )
        out.append(
            f"edits: {self.count('edit'):,} sent ({statuses}); {self.acked:,} acknowledged "
            f"({self.acked / t:,.1f}/s), {self.conflicts:,} refused as stale (409), "
            f"{self.gave_up:,} given up after repeated 409s"
        )
        out.append(f"errors: {len(self.errors):,} (5xx: {self.server_errors:,})")
        for e in self.errors[:10]:
            out.append(f"  {e}")
        if len(self.errors) > 10:
            out.append(f"  ... and {len(self.errors) - 10:,} more")
        for f in self.failures[:20]:
            out.append(f"  {f}")
        if len(self.failures) > 20:
            out.append(f"  ... and {len(self.failures) - 20:,} more")
        if self.ok:
            out.append(
                f"verdict: OK. {self.edited} entries edited, {len(self.targets.before)} checked: "
                "each holds its last acknowledged edit, its version counts every acknowledged "
                "edit (no lost update), its history has every acknowledged edit and no other"
            )
        else:
            out.append(
                f"verdict: FAILED ({len(self.failures)} disagreements with the database, "
                f"{len(self.errors)} errors); server log: {self.server_log}"
            )
        return out


def run_load(
    url: str,
    *,
    clients: int,
    seconds: float,
    max_requests: int = 200_000,
    edit_share: float = 0.3,
    hot: int = 4,
    pool: int = 200,
    hot_share: float = 0.5,
    retries: int = 3,
    workers: int | None = None,
    instance: Path = OUT / "instance",
    server_log: Path = OUT / "load-server.log",
    seed: int = 1,
) -> Report:
    """Accounts, targets, the server and the clients; then the check. ``url`` must hold
    a glossary already (see bench.http.build)."""
    curators = make_curators(url, clients)
    targets = pick_targets(url, hot, pool, seed)
    run_id = secrets.token_hex(4)
    with serve(url, instance=instance, log=server_log, workers=workers) as port:
        warm_up(port, [f"/api/lookup?q={quote(q)}&limit=20" for q in queries(200)])
        logs, elapsed = run_clients(
            port,
            curators,
            targets,
            seconds=seconds,
            max_requests=max_requests,
            edit_share=edit_share,
            hot_share=hot_share,
            retries=retries,
            run_id=run_id,
            seed=seed,
        )
    failures = verify(url, logs, targets, run_id)
    return Report(logs, elapsed, failures, targets, run_id, server_log)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--entries", type=int, default=100_000, help="made-up entries (SQLite)")
    ap.add_argument("--clients", type=int, default=16, help="concurrent clients (threads)")
    ap.add_argument("--seconds", type=float, default=10.0, help="at most this long")
    ap.add_argument("--requests", type=int, default=200_000, help="at most this many requests")
    ap.add_argument("--edit-share", type=float, default=0.3, help="share of edits (0.3)")
    ap.add_argument("--hot", type=int, default=4, help="entries every client edits (4)")
    ap.add_argument(
        "--hot-share", type=float, default=0.5, help="share of edits on those entries (0.5)"
    )
    ap.add_argument("--pool", type=int, default=200, help="other entries edited at random")
    ap.add_argument("--retries", type=int, default=3, help="retries of an edit after a 409")
    ap.add_argument("--workers", type=int, default=None, help="server workers (default: serve's)")
    ap.add_argument(
        "--database-url",
        default=None,
        help="use this database (e.g. PostgreSQL) instead of a copy of bench/http.py's",
    )
    args = ap.parse_args()

    if args.database_url:
        url = args.database_url
        with open_glossary(url) as g:
            empty = g.count() == 0
        if empty:
            print(f"Filling the empty glossary with {args.entries:,} entries ...", file=sys.stderr)
            build(url, args.entries)
    else:
        url = sqlite_copy(args.entries)
    with open_glossary(url) as g:
        total = g.count()
        backend = g.engine.dialect.name
    workers = args.workers or min(8, 2 * (os.cpu_count() or 1))
    print(
        f"glossary: {total:,} entries ({backend}); server: gunicorn, {workers} workers; "
        f"{os.cpu_count()} CPU cores; clients: {args.clients} threads (http.client, kept-alive "
        f"connections) on the same machine; {args.edit_share:.0%} edits, "
        f"{args.hot_share:.0%} of them on the {args.hot} shared entries (all clients edit "
        f"them), the rest on {args.pool} others; at most "
        f"{args.requests:,} requests or {args.seconds:g} s",
        flush=True,
    )
    report = run_load(
        url,
        clients=args.clients,
        seconds=args.seconds,
        max_requests=args.requests,
        edit_share=args.edit_share,
        hot=args.hot,
        pool=args.pool,
        hot_share=args.hot_share,
        retries=args.retries,
        workers=args.workers,
    )
    print("\n".join(report.lines()))
    sys.exit(0 if report.ok else 1)


if __name__ == "__main__":
    main()

"""`glossary serve` runs the app under a production WSGI server."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from email.message import Message
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy.engine import make_url

from glossary.cli import cli


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextmanager
def _serving(
    db_file: str, tmp_path: Path, server: str, workers: int
) -> Iterator[tuple[subprocess.Popen[bytes], int]]:
    """``glossary serve`` on a free port, stopped afterwards: (process, port)."""
    port = _free_port()
    env = {
        **os.environ,
        "GLOSSARY_DATABASE_URL": db_file,
        "GLOSSARY_INSTANCE_PATH": str(tmp_path / "instance"),
    }
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from glossary.cli import main; main()",
            "serve",
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--server",
            server,
            "--no-access-log",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        yield proc, port
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        assert proc.stderr is not None
        proc.stderr.close()


def _get_when_ready(proc: subprocess.Popen[bytes], url: str) -> tuple[Any, Message]:
    """The JSON of ``url`` once the server answers, and the response's headers."""
    deadline = time.monotonic() + 180  # a loaded CI machine starts (and loads Kiwi) slowly
    while True:
        try:
            with urllib.request.urlopen(url, timeout=20) as resp:
                return json.loads(resp.read()), resp.headers
        except OSError:
            if time.monotonic() > deadline or proc.poll() is not None:
                raise
            time.sleep(0.2)


def test_serve_defaults_to_loopback_port_5000() -> None:
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert "127.0.0.1" in result.output and "5000" in result.output
    assert "gunicorn" in result.output and "waitress" in result.output


@pytest.mark.parametrize("server", ["gunicorn", "waitress"])
def test_serve_answers_lookups(server: str, db_file: str, tmp_path: Path) -> None:
    with _serving(db_file, tmp_path, server, 1) as (proc, port):
        body, headers = _get_when_ready(proc, f"http://127.0.0.1:{port}/api/lookup?q=Takaichi")
        assert body["results"][0]["terms"]["en"][0]["text"] == "Takaichi Sanae"
        # The server software is not named (nor its version).
        assert headers.get_all("Server") == ["glossary"]
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert (tmp_path / "instance" / "secret_key").exists()


def _open_files(pid: int) -> list[str]:
    found = []
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            found.append(os.readlink(f"/proc/{pid}/fd/{fd}"))
        except OSError:  # closed meanwhile
            continue
    return found


def _maps(pid: int, library: str) -> bool:
    with open(f"/proc/{pid}/maps", encoding="ascii", errors="replace") as f:
        return library in f.read()


def _children(pid: int) -> list[int]:
    with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as f:
        return [int(p) for p in f.read().split()]


def _command(pid: int) -> str:
    with open(f"/proc/{pid}/cmdline", "rb") as f:
        return f.read().replace(b"\0", b" ").decode()


def test_gunicorn_workers_ask_one_process_of_analysers_and_keep_own_connections(
    db_file: str, tmp_path: Path
) -> None:
    """The Korean and Japanese analysers run in one process of their own beside the
    workers, which ask it for the check's unknown names instead of each loading them;
    the main process closes its database connections before forking, so the workers
    open their own (Linux: read from /proc)."""
    database = make_url(db_file).database
    assert database is not None
    with _serving(db_file, tmp_path, "gunicorn", 2) as (proc, port):
        _get_when_ready(proc, f"http://127.0.0.1:{port}/api/lookup?q=Takaichi")
        # gunicorn forks its workers up to a tenth of a second apart: the first may
        # answer everything below before the second exists.
        deadline = time.monotonic() + 30
        while len(_children(proc.pid)) < 3 and time.monotonic() < deadline:
            time.sleep(0.1)
        for text, name in (
            ("장관은 부산에서 김민준 연구원을 만났다.", "김민준"),
            ("大臣は大阪で山田太郎氏と会った。", "山田太郎"),
        ):
            for _ in range(4):  # several requests, so that both workers answer some
                request = urllib.request.Request(
                    f"http://127.0.0.1:{port}/api/check",
                    data=json.dumps({"text": text}).encode(),
                    headers={"Content-Type": "application/json"},
                )
                with urllib.request.urlopen(request, timeout=120) as resp:
                    findings = json.loads(resp.read())["findings"]
                unknown = [f["found"] for f in findings if f["rule"] == "unknown-name"]
                assert name in unknown
        children = _children(proc.pid)
        analysers = [c for c in children if "glossary.mining.service" in _command(c)]
        workers = [c for c in children if c not in analysers]
        assert len(analysers) == 1 and len(workers) == 2
        assert _maps(analysers[0], "kiwipiepy") and _maps(analysers[0], "fugashi")
        for pid in [proc.pid, *workers]:
            assert not _maps(pid, "kiwipiepy") and not _maps(pid, "fugashi")
        assert not any(path.startswith(database) for path in _open_files(proc.pid))
        assert any(path.startswith(database) for w in workers for path in _open_files(w))
    # Stopping the server stops its analysers too.
    deadline = time.monotonic() + 15
    while os.path.exists(f"/proc/{analysers[0]}") and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not os.path.exists(f"/proc/{analysers[0]}")


def _timed_get(url: str) -> tuple[int, float, bytes]:
    """Status, seconds and body of one GET (an error status is an answer too)."""
    t0 = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=30) as resp:
            status, body = resp.status, resp.read()
    except urllib.error.HTTPError as exc:
        status, body = exc.code, exc.read()
    return status, time.monotonic() - t0, body


def test_long_queries_do_not_hold_up_the_served_app(db_file: str, tmp_path: Path) -> None:
    """The audit's attack: eight 4,000-character lookups at once (each took more than
    100 s of CPU) while a translator keeps searching. Every one is answered within a
    second, and so is every ordinary lookup sent meanwhile."""
    long_query = "a" * 4000
    with _serving(db_file, tmp_path, "gunicorn", 2) as (proc, port):
        base = f"http://127.0.0.1:{port}"
        _get_when_ready(proc, f"{base}/api/openapi.json")
        attacks = [
            f"{base}/api/lookup?q={long_query}",
            f"{base}/search?q={long_query}",
            f"{base}/search?q={long_query}&partial=1",
            f"{base}/api/lookup?q={long_query}&lang=en",
        ] * 2
        ordinary = [f"{base}/api/lookup?q=Takaichi%20Sanea&limit={n}" for n in range(1, 9)]
        with ThreadPoolExecutor(max_workers=16) as pool:
            # All at once: each ordinary lookup is sent right after an attack.
            futures = [
                pool.submit(_timed_get, url)
                for pair in zip(attacks, ordinary, strict=True)
                for url in pair
            ]
            answers = [f.result() for f in futures]
        attacked, served = answers[0::2], answers[1::2]
    for status, seconds, body in attacked:
        assert status == 400 and seconds < 1.0, (status, seconds)
        assert b"a lookup takes at most" in body
    for status, seconds, body in served:
        assert status == 200 and seconds < 1.0, (status, seconds)
        assert json.loads(body)["results"][0]["match"] == "fuzzy"


def _raw(port: int, request: bytes) -> tuple[bytes, dict[str, str], bytes]:
    """Send ``request`` as it is; the status line, headers and body of the answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=20) as sock:
        sock.sendall(request)
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    status, *lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines)
    return status.encode(), headers, body


def test_the_servers_own_refusals_are_json(db_file: str, tmp_path: Path) -> None:
    """gunicorn refuses some requests before the app sees them (a request line longer
    than 4,094 bytes: a Korean query of 500 characters is 4,500 bytes encoded); those
    answers have the app's error shape and headers too (they were an HTML page)."""
    with _serving(db_file, tmp_path, "gunicorn", 1) as (proc, port):
        _get_when_ready(proc, f"http://127.0.0.1:{port}/api/openapi.json")
        long_line = b"GET /api/lookup?q=" + b"%EA%B0%80" * 500 + b" HTTP/1.1\r\nHost: x\r\n\r\n"
        not_http = b"HELLO THERE\r\n\r\n"
        for request, code in ((long_line, 414), (not_http, 400)):
            status, headers, body = _raw(port, request)
            assert status.startswith(f"HTTP/1.1 {code} ".encode()), status
            assert headers["Content-Type"] == "application/json"
            assert headers["Server"] == "glossary"
            assert headers["X-Content-Type-Options"] == "nosniff"
            error = json.loads(body)["error"]
            assert error["status"] == code and error["code"] and error["message"]
        assert "too long" in json.loads(_raw(port, long_line)[2])["error"]["message"]

"""A PostgreSQL restart while `glossary serve` runs: the app keeps serving afterwards,
lookups and edits alike, without being restarted itself.

The test restarts a PostgreSQL cluster of its own (tests/pg_server.py), so the cluster
the other tests share is never interrupted; it needs PostgreSQL's programs (initdb,
pg_ctl) even when GLOSSARY_TEST_POSTGRES_URL names a server for the others.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from glossary import open_glossary
from glossary.accounts import add_user, create_token
from glossary.formats.loader import load_terms
from tests.conftest import TERMS_CSV
from tests.pg_server import TempPostgres

pytestmark = pytest.mark.postgres


@pytest.fixture
def own_postgres() -> Iterator[TempPostgres]:
    """A PostgreSQL cluster for this test alone, which it may stop and start."""
    server = TempPostgres()
    try:
        server.start()
        yield server
    finally:
        server.stop()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class Client:
    """JSON over HTTP to the served app, with an API token."""

    def __init__(self, base: str, token: str) -> None:
        self.base = base
        self.token = token

    def call(self, method: str, path: str, body: Any = None) -> tuple[int, Any]:
        headers = {"Authorization": f"Bearer {self.token}", "Accept": "application/json"}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        req = urllib.request.Request(self.base + path, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                raw = resp.read()
                status: int = resp.status
                ctype = resp.headers.get("Content-Type", "")
        except urllib.error.HTTPError as exc:
            raw, status, ctype = exc.read(), exc.code, exc.headers.get("Content-Type", "")
        if "json" in ctype:
            return status, json.loads(raw)
        return status, raw.decode("utf-8", "replace")

    def lookup(self, q: str) -> tuple[int, Any]:
        return self.call("GET", "/api/lookup?" + urllib.parse.urlencode({"q": q}))

    def edit_note(self, entry_id: int, note: str) -> tuple[int, Any]:
        status, entry = self.call("GET", f"/api/entries/{entry_id}")
        if status != 200:
            return status, entry
        return self.call(
            "PATCH", f"/api/entries/{entry_id}", {"version": entry["version"], "note": note}
        )


def _serve(db_url: str, tmp_path: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    env = {
        **os.environ,
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
        "GLOSSARY_DATABASE_URL": db_url,
        "GLOSSARY_INSTANCE_PATH": str(tmp_path / "instance"),
    }
    with (tmp_path / "serve.log").open("wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "glossary", "serve", "--port", str(port), "--workers", "2"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90  # a loaded CI machine starts slowly
    while True:
        try:
            with urllib.request.urlopen(base + "/api/lookup?q=Nara", timeout=20):
                return proc, base
        except OSError:
            if time.monotonic() > deadline or proc.poll() is not None:
                proc.kill()
                proc.wait(timeout=20)
                raise AssertionError((tmp_path / "serve.log").read_text()) from None
            time.sleep(0.2)


def test_serving_survives_a_postgresql_restart(own_postgres: TempPostgres, tmp_path: Path) -> None:
    admin_url = f"postgresql+psycopg://{own_postgres.user}@127.0.0.1:{own_postgres.port}/postgres"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text('CREATE DATABASE "served"'))
    admin.dispose()
    db_url = make_url(admin_url).set(database="served").render_as_string(hide_password=False)
    with open_glossary(db_url) as g:
        load_terms(g, TERMS_CSV, user="tester")
        add_user(g, "curator", "curator", "correct horse battery")
        token = create_token(g, "curator")
        nara = g.lookup("Nara Prefecture")[0].entry.id
    assert nara is not None

    proc, base = _serve(db_url, tmp_path)
    client = Client(base, token)
    try:
        # Both workers and their threads hold database connections before the restart.
        for _ in range(12):
            status, body = client.lookup("Takaichi")
            assert status == 200 and body["results"][0]["terms"]["en"][0]["text"] == (
                "Takaichi Sanae"
            )
        status, body = client.edit_note(nara, "before the restart")
        assert status == 200 and body["note"] == "before the restart"

        own_postgres.stop_server("fast")  # every open connection is ended
        try:
            # While the database is down, requests fail cleanly: 503, try again shortly.
            status, body = client.lookup("Lee Jae-myung")
            assert status == 503, (status, body)
            assert body["error"]["code"] == "DatabaseUnavailable"
            assert body["error"]["retry_after"] == 5
            req = urllib.request.Request(base + "/search?q=Nara")
            with pytest.raises(urllib.error.HTTPError) as down:
                urllib.request.urlopen(req, timeout=30)
            assert down.value.code == 503 and down.value.headers["Retry-After"] == "5"
            page = down.value.read().decode()
            down.value.close()
            assert "cannot be reached just now; try again in 5 seconds" in page
        finally:
            own_postgres.start_server()

        # The same server, with no restart of its own: every request succeeds again.
        assert proc.poll() is None
        for i in range(20):
            query = ("Takaichi", "Lee Jae-myung", "다카이치", "高市", "Nara Prefectur")[i % 5]
            status, body = client.lookup(query)
            assert status == 200, (i, status, body)
            assert body["results"], (i, query)
        for i in range(6):
            status, body = client.edit_note(nara, f"after the restart {i}")
            assert status == 200, (i, status, body)
            assert body["note"] == f"after the restart {i}"
        status, body = client.call(
            "POST",
            "/api/entries",
            {"kind": "term", "status": "approved", "terms": {"en": [{"text": "after restart"}]}},
        )
        assert status == 201, body
        assert client.lookup("after restart")[1]["results"][0]["id"] == body["id"]
        status, page = client.call("GET", "/search?q=Nara")
        assert status == 200 and "Nara Prefecture" in page
        with open_glossary(db_url) as g:
            assert g.get(nara).note == "after the restart 5"
    finally:
        proc.terminate()
        proc.wait(timeout=30)

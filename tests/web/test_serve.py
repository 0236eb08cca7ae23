"""`glossary serve` runs the app under a production WSGI server."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from glossary.cli import cli


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def test_serve_defaults_to_loopback_port_5000() -> None:
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert "127.0.0.1" in result.output and "5000" in result.output
    assert "gunicorn" in result.output and "waitress" in result.output


@pytest.mark.parametrize("server", ["gunicorn", "waitress"])
def test_serve_answers_lookups(server: str, db_file: str, tmp_path: Path) -> None:
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
            "1",
            "--server",
            server,
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        url = f"http://127.0.0.1:{port}/api/lookup?q=Takaichi"
        deadline = time.monotonic() + 90  # a loaded CI machine starts slowly
        while True:
            try:
                with urllib.request.urlopen(url, timeout=20) as resp:
                    body = json.loads(resp.read())
                    headers = resp.headers
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.2)
        assert body["results"][0]["terms"]["en"][0]["text"] == "Takaichi Sanae"
        if server == "gunicorn":
            assert "gunicorn" in headers.get("Server", "")
        else:
            assert "waitress" in headers.get("Server", "")
        assert (tmp_path / "instance" / "secret_key").exists()
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        assert proc.stderr is not None
        proc.stderr.close()

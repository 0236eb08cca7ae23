"""A throwaway PostgreSQL server for the test suite (Debian's postgresql package).

If GLOSSARY_TEST_POSTGRES_URL is set (an admin URL such as
postgresql+psycopg://postgres@127.0.0.1:5432/postgres), that server is used. Otherwise a
new cluster is created with initdb in a temporary folder and started on a free port on
127.0.0.1; as root it runs as the 'postgres' system user, as PostgreSQL requires.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


class PostgresUnavailable(RuntimeError):
    """No PostgreSQL server could be found or started."""


def _bin(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if candidates:
        return candidates[-1]
    raise PostgresUnavailable(
        f"PostgreSQL's {name} was not found. Install Debian's postgresql package "
        "(apt-get install postgresql) or set GLOSSARY_TEST_POSTGRES_URL to a server."
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class TempPostgres:
    """Start a private PostgreSQL cluster; ``admin_url`` connects as its superuser."""

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="glossary-pg-"))
        self.data = self.dir / "data"
        self.port = _free_port()
        self.as_root = os.geteuid() == 0
        self.user = "postgres" if self.as_root else os.environ.get("USER", "postgres")

    def _run(self, *args: str) -> None:
        cmd = list(args)
        if self.as_root:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        result = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            raise PostgresUnavailable(
                f"{' '.join(args[:2])} failed: {result.stderr.strip() or result.stdout.strip()}"
            )

    def start(self) -> str:
        if self.as_root:
            shutil.chown(self.dir, user="postgres")
            os.chmod(self.dir, 0o700)
        self._run(
            _bin("initdb"),
            "-D",
            str(self.data),
            "-U",
            self.user,
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        )
        self.start_server()
        return f"postgresql+psycopg://{self.user}@127.0.0.1:{self.port}/postgres"

    def start_server(self) -> None:
        """Start the (initialised) cluster and wait until it accepts connections."""
        self._run(
            _bin("pg_ctl"),
            "-D",
            str(self.data),
            "-l",
            str(self.dir / "log"),
            "-w",
            "-o",
            f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
            "-c max_connections=200",
            "start",
        )

    def stop_server(self, mode: str = "fast") -> None:
        """Stop the server, keeping the cluster: 'fast' ends every open connection, as
        an administrator's restart or a failover does."""
        self._run(_bin("pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")

    def stop(self) -> None:
        try:
            self._run(_bin("pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)

"""SIGKILL in the middle of work leaves a consistent glossary with every acknowledged
write present and nothing half-written (SQLite and PostgreSQL)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from glossary import Entry, Term, open_glossary

EDITOR = """
import sys
from glossary import open_glossary
g = open_glossary(sys.argv[1])
entry_id = int(sys.argv[2])
i = 0
while True:
    e = g.get(entry_id)
    i += 1
    e.note = f"edit {i}"
    e.terms[0].text = f"Term {i}"
    g.update(e, user="editor")
    print(f"ack {i}", flush=True)
"""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2])
    return env


def test_kill_during_a_burst_of_edits(db_url: str) -> None:
    with open_glossary(db_url) as g:
        e = g.add(Entry(kind="term", status="approved", terms=[Term("en", "Term 0")]))
    proc = subprocess.Popen(
        [sys.executable, "-c", EDITOR, db_url, str(e.id)],
        stdout=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    assert proc.stdout is not None
    acked = 0
    deadline = time.monotonic() + 120
    while acked < 25 and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        acked = int(line.split()[1])
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stdout.close()
    assert acked >= 25, "the editor did not get going"
    with open_glossary(db_url) as g:
        stored = g.get(e.id)  # type: ignore[arg-type]
        done = int(stored.note.split()[1])
        assert done >= acked  # every acknowledged write is there
        assert stored.terms[0].text == f"Term {done}"  # the entry and its terms agree
        assert stored.version == done + 1
        changes = g.history(e.id, limit=10_000)  # type: ignore[arg-type]
        assert len(changes) == done + 1  # one change row per write, none half-written
        assert g.lookup(f"Term {done}")[0].entry.id == e.id  # the index agrees too
        assert not [m for m in g.lookup(f"Term {done - 1}") if m.match == "exact"]


def _articles(folder: Path, n: int) -> None:
    folder.mkdir()
    body = (
        "Prime Minister Takaichi Sanae met President Lee Jae-myung in Nara Prefecture "
        "to discuss shuttle diplomacy and transnational crimes. "
    ) * 20
    for i in range(n):
        (folder / f"a{i:04}.txt").write_text(
            f"Report {i}: Minister Person{i} Example visited Busan.\n\n{body}\n", encoding="utf-8"
        )


@pytest.mark.parametrize("delay", [2.8, 3.6])  # mining ends near 2.5 s, saving near 4 s
def test_kill_during_mine_save_leaves_all_or_nothing(
    db_url: str, tmp_path: Path, delay: float
) -> None:
    folder = tmp_path / "articles"
    _articles(folder, 150)
    open_glossary(db_url).close()
    cmd = [sys.executable, "-m", "glossary", "mine", "--save", str(folder)]
    env = _env() | {"GLOSSARY_DATABASE_URL": db_url}
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    with open_glossary(db_url) as g:
        articles, entries = len(g.articles()), g.count()
        # One transaction: either the run had committed everything, or nothing at all.
        assert (articles, entries) == (0, 0) or articles == 150, (articles, entries)
    # The next run starts cleanly and completes.
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    with open_glossary(db_url) as g:
        assert len(g.articles()) == 150
        assert g.lookup("Takaichi Sanae")[0].entry.evidence_count > 0

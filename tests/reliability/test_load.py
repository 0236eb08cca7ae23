"""Concurrent lookups and curator edits against a real ``glossary serve`` (gunicorn): no
5xx, every refused edit a 409 for a stale version, no lost update, every acknowledged edit
in the history (bench/load.py on a small glossary; SQLite and PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

from bench.http import build
from bench.load import Ack, run_load, verify
from glossary import open_glossary


def test_concurrent_curators_lose_no_edit(db_url: str, tmp_path: Path) -> None:
    build(db_url, 300)  # data/terms.csv and 300 made-up entries
    report = run_load(
        db_url,
        clients=8,
        seconds=4,
        max_requests=20_000,
        edit_share=0.6,
        hot=2,  # every client edits these two: conflicts must happen
        hot_share=0.7,
        pool=20,
        retries=2,
        workers=2,  # two processes, two threads each: edits race across processes
        instance=tmp_path / "instance",
        server_log=tmp_path / "server.log",
    )
    summary = "\n".join(report.lines())
    assert report.count("lookup") > 50 and report.count("edit") > 50, summary
    assert report.server_errors == 0, summary
    assert set(report.edit_statuses) <= {200, 409}, summary  # a refused edit is a 409
    assert report.errors == [], summary
    assert report.conflicts > 0, summary
    assert report.acked > 20, summary
    hot = report.targets.hot
    assert any(a.entry_id == hot[0] for log in report.logs for a in log.acks), summary
    assert report.failures == [], summary  # final state and history match the acks
    assert report.ok

    # The check reads the real database. An acknowledged edit the database does not hold
    # (a lost update) is reported ...
    logs, targets, run_id = report.logs, report.targets, report.run_id
    with open_glossary(db_url) as g:
        entry = g.get(hot[0])
    lost = Ack(hot[0], entry.version + 1, f"load {run_id} load-01 #lost", "load-01")
    logs[0].acks.append(lost)
    found = verify(db_url, logs, targets, run_id)
    assert any(f"entry {hot[0]}: at version" in f and "was lost" in f for f in found), found
    assert any(f"{lost.value!r} (version {lost.version}) is not in" in f for f in found), found
    logs[0].acks.remove(lost)
    assert verify(db_url, logs, targets, run_id) == []

    # ... and so is a write no client was told about.
    entry.note = f"load {run_id} behind the server's back"
    with open_glossary(db_url) as g:
        g.update(entry, user="someone")
    found = verify(db_url, logs, targets, run_id)
    assert any(f"entry {hot[0]}: at version" in f and "no client" in f for f in found), found
    assert any("the history holds an edit that was refused" in f for f in found), found
    assert any("the acknowledged edit with the highest version" in f for f in found), found

"""SIGKILL in the middle of work leaves a consistent glossary with every acknowledged
write present and nothing half-written (SQLite and PostgreSQL)."""

from __future__ import annotations

import contextlib
import csv
import os
import pty
import re
import select
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import make_url

from glossary import Entry, Glossary, Term, open_glossary

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


# A few seconds of work, and past the size from which an import pauses the full-text
# triggers (importer.BULK_THRESHOLD) before 40% of it.
IMPORT_ROWS = 15_000


def _large_csv(path: Path, n: int) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["kind", "status", "note", "en", "en_variants", "ko", "ja"])
        for i in range(n):
            out.writerow(
                [
                    "term",
                    "approved",
                    f"Imported row {i}",
                    f"Bulk term {i:06}",
                    f"Bulk variant {i:06}",
                    f"대량 용어 {i}",
                    f"大量用語{i}",
                ]
            )


def _wait_for_progress(fd: int, proc: subprocess.Popen[bytes], percent: int) -> int:
    """Read the import's progress bar (on a terminal) until it shows ``percent``."""
    seen = b""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            assert proc.poll() is None, f"the import ended first: {seen[-300:]!r}"
            continue
        try:
            data = os.read(fd, 4096)
        except OSError:  # EIO: the terminal's other end is closed, the import is over
            data = b""
        assert data, f"the import ended before {percent}%: {seen[-300:]!r}"
        seen = (seen + data)[-1000:]
        shown = [int(p) for p in re.findall(rb"(\d+)%", seen)]
        if shown and shown[-1] >= percent:
            return shown[-1]
    raise AssertionError(f"no {percent}% progress in two minutes: {seen[-300:]!r}")


def _sqlite_state(url: str) -> tuple[str, list[str]]:
    """PRAGMA integrity_check (and the full-text indexes' own check), and the names of
    the triggers that keep the full-text indexes current."""
    with open_glossary(url) as g, g.engine.connect() as conn:
        result = "\n".join(r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check"))
        for table in ("fts_typo", "fts_cjk"):  # raises if an index disagrees with its rows
            conn.exec_driver_sql(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
        triggers = conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
        )
        return result, [r[0] for r in triggers]


def _row_counts(g: Glossary) -> dict[str, int]:
    with g.reading() as s:
        return {
            table: s.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
            for table in ("entries", "terms", "term_keys", "changes")
        }


def _wait_for_wal(path: Path, proc: subprocess.Popen[bytes]) -> None:
    """Wait until SQLite writes the transaction into the write-ahead log: the commit."""
    wal = path.with_name(path.name + "-wal")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        with contextlib.suppress(FileNotFoundError):
            if wal.stat().st_size > 0:
                return
        time.sleep(0.001)
    raise AssertionError("the import never wrote to the write-ahead log")


@contextlib.contextmanager
def _hold_id_sequence(url: str) -> Iterator[Connection]:
    """Hold PostgreSQL's entry id sequence in an open transaction: an import, which sets
    it as its last statement before COMMIT, waits there until this ends."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            seq = conn.scalar(text("SELECT pg_get_serial_sequence('entries', 'id')"))
            conn.exec_driver_sql(f"ALTER SEQUENCE {seq} CACHE 1")  # no change; locks it
            yield conn
            conn.rollback()
    finally:
        engine.dispose()


#: The entry id sequence, as pg_locks names it.
ENTRY_ID_SEQUENCE = "pg_get_serial_sequence('entries', 'id')::regclass"


def _wait_for_lock(
    conn: Connection,
    proc: subprocess.Popen[bytes],
    relation: str = ENTRY_ID_SEQUENCE,
) -> None:
    """Wait until the import waits for the ``relation`` held on ``conn`` (by default
    the entry id sequence)."""
    deadline = time.monotonic() + 60
    # Asked of pg_locks, not of pg_stat_activity's query text, which may still show the
    # statement before the one that waits.
    query = text(
        "SELECT count(*) FROM pg_locks WHERE NOT granted AND pid <> pg_backend_pid() "
        f"AND relation = {relation}"
    )
    while time.monotonic() < deadline and proc.poll() is None:
        if conn.scalar(query):
            return
        time.sleep(0.02)
    raise AssertionError("the import never reached its last statement")


def _kill_import(
    cmd: list[str],
    env: dict[str, str],
    db_url: str,
    stage: str,
    percent: int,
    hold: Callable[[str], contextlib.AbstractContextManager[Connection]],
    relation: str = ENTRY_ID_SEQUENCE,
) -> int:
    """Run an import and SIGKILL it at ``percent`` of its progress bar (stage "rows") or
    at its commit: on SQLite once the transaction's pages go into the write-ahead log;
    on PostgreSQL at its last statement, which ``hold(db_url)`` holds up (waiting for
    ``relation``, by default the entry id sequence). Returns the percentage shown."""
    sqlite = db_url.startswith("sqlite")
    # On a terminal the import draws its progress bar: the test kills it at a known point.
    main, child = pty.openpty()
    with contextlib.ExitStack() as stack:
        stack.callback(os.close, main)
        if not sqlite and stage == "commit":
            held = stack.enter_context(hold(db_url))
        proc = subprocess.Popen(
            cmd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=child
        )
        os.close(child)
        try:
            shown = _wait_for_progress(main, proc, percent if stage == "rows" else 100)
            if stage == "commit" and sqlite:
                _wait_for_wal(Path(make_url(db_url).database or ""), proc)
            elif stage == "commit":
                _wait_for_lock(held, proc, relation)
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, "the import finished before it was killed"
    return shown


@pytest.mark.parametrize("stage", ["rows", "commit"])
def test_kill_during_a_large_import_leaves_all_or_nothing(
    db_url: str, tmp_path: Path, stage: str
) -> None:
    """Killed at 40% of the rows, or at the commit (SQLite: once the transaction's pages
    go into the write-ahead log; PostgreSQL: with every row written, at its last statement
    before COMMIT, which the test holds up)."""
    source = tmp_path / "large.csv"
    _large_csv(source, IMPORT_ROWS)
    with open_glossary(db_url) as g:
        g.add(Entry(kind="term", status="approved", terms=[Term("en", "Kept before")]))
        rows_before = _row_counts(g)
    sqlite = db_url.startswith("sqlite")
    if sqlite:
        triggers_before = _sqlite_state(db_url)[1]
        assert "fts_term_keys_insert" in triggers_before
    cmd = [sys.executable, "-m", "glossary", "import", str(source)]
    env = _env() | {"GLOSSARY_DATABASE_URL": db_url}
    shown = _kill_import(cmd, env, db_url, stage, 40, _hold_id_sequence)
    assert shown >= 40

    # The next start opens the glossary: consistent, and the import is all there or not.
    if sqlite:
        integrity, triggers = _sqlite_state(db_url)
        assert integrity == "ok"
        assert triggers == triggers_before  # the import's paused triggers are back
    with open_glossary(db_url) as g:
        count = g.count()
        assert count in (1, 1 + IMPORT_ROWS), count
        assert g.lookup("Kept before")[0].match == "exact"
        imported = count > 1
        assert bool(g.lookup(f"Bulk term {IMPORT_ROWS - 1:06}")) == imported
        if not imported:  # nothing of the import is left behind, not even its history
            assert _row_counts(g) == rows_before

    # A second import completes, creating what the first left out and nothing twice.
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    created = 0 if imported else IMPORT_ROWS
    assert f"{created} created" in done.stdout, done.stdout
    with open_glossary(db_url) as g:
        assert g.count() == 1 + IMPORT_ROWS
        for query in (
            "Bulk term 012345",
            "Bulk variant 012345",
            "대량 용어 12345",
            "大量用語12345",
        ):
            found = g.lookup(query)
            assert found and found[0].entry.terms[0].text == "Bulk term 012345", query
        assert g.lookup("用語1234", limit=3)  # the substring index took the rows in too
        assert g.lookup("Bulk term 01234x")[0].match == "fuzzy"
    if sqlite:
        assert _sqlite_state(db_url) == ("ok", triggers_before)


# Past the size from which a TMX import fills the sentence index once at the end
# (glossary.tm.importing.BULK_UNITS: 5,000 units, 2,000 a chunk) from 40% of it on.
TM_UNITS = 15_000


def _large_tmx(path: Path, n: int) -> None:
    with path.open("w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n')
        f.write('<header srclang="en" segtype="sentence"/>\n<body>\n')
        for i in range(n):
            f.write(
                f'<tu tuid="{i}"><tuv xml:lang="en"><seg>Imported sentence {i:06} about '
                f'the summit.</seg></tuv><tuv xml:lang="ko"><seg>가져온 문장 {i:06}번.'
                "</seg></tuv></tu>\n"
            )
        f.write("</body>\n</tmx>\n")


def _tm_state(url: str) -> tuple[str, list[str]]:
    """As _sqlite_state, with the sentence index's own check."""
    integrity, triggers = _sqlite_state(url)
    with open_glossary(url) as g, g.engine.connect() as conn:
        conn.exec_driver_sql("INSERT INTO fts_tm(fts_tm) VALUES ('integrity-check')")
    return integrity, triggers


def _tm_counts(g: Glossary) -> dict[str, int]:
    with g.reading() as s:
        return {
            table: s.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
            for table in ("tm_units", "tm_variants", "tm_changes")
        }


@contextlib.contextmanager
def _hold_tm_changes(url: str) -> Iterator[Connection]:
    """Hold ``tm_changes`` in an open transaction: a TMX import, whose last statement
    before COMMIT records the import there, waits at that statement until this ends."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("LOCK TABLE tm_changes IN EXCLUSIVE MODE")
            yield conn
            conn.rollback()
    finally:
        engine.dispose()


@pytest.mark.parametrize("stage", ["rows", "commit"])
def test_kill_during_a_large_tmx_import_leaves_all_or_nothing(
    db_url: str, tmp_path: Path, stage: str
) -> None:
    """A TMX import killed at 60% of the file (its search-index triggers set aside since
    40%, on SQLite) or at the commit: the memory is as before, triggers and index
    included, or has every unit; a second import adds what is missing."""
    from glossary.tm import TranslationMemory, Unit, Variant

    source = tmp_path / "large.tmx"
    _large_tmx(source, TM_UNITS)
    with open_glossary(db_url) as g:
        TranslationMemory(g).add(
            Unit([Variant("en", "Kept before the import."), Variant("ko", "가져오기 전 문장.")])
        )
        counts_before = _tm_counts(g)
    sqlite = db_url.startswith("sqlite")
    if sqlite:
        triggers_before = _tm_state(db_url)[1]
        assert "fts_tm_insert" in triggers_before
    cmd = [sys.executable, "-m", "glossary", "tm", "import", str(source)]
    env = _env() | {"GLOSSARY_DATABASE_URL": db_url}
    shown = _kill_import(cmd, env, db_url, stage, 60, _hold_tm_changes, "'tm_changes'::regclass")
    assert shown >= 60

    if sqlite:
        integrity, triggers = _tm_state(db_url)
        assert integrity == "ok"
        assert triggers == triggers_before  # the paused triggers are back
    last = f"Imported sentence {TM_UNITS - 1:06} about the summit."
    with open_glossary(db_url) as g:
        tm = TranslationMemory(g)
        count = tm.count()
        assert count in (1, 1 + TM_UNITS), count
        imported = count > 1
        assert tm.match("Kept before the import.")[0].score == 100
        assert bool(tm.concordance(f"{TM_UNITS - 1:06}")) == imported  # the index agrees
        if not imported:  # nothing of the import is left, not even its history
            assert _tm_counts(g) == counts_before

    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    added = 0 if imported else TM_UNITS
    assert f"{added} units added, {TM_UNITS - added} already in the memory" in done.stdout
    with open_glossary(db_url) as g:
        tm = TranslationMemory(g)
        assert tm.count() == 1 + TM_UNITS
        found = tm.match(last, source="en", target="ko")
        assert found and found[0].score == 100 and found[0].target == "가져온 문장 014999번."
        hits = tm.concordance("012345")
        assert [c.unit.variant("ko").text for c in hits] == ["가져온 문장 012345번."]  # type: ignore[union-attr]
    if sqlite:
        assert _tm_state(db_url) == ("ok", triggers_before)


def _readers_of(path: Path) -> list[int]:
    """The reading processes (glossary.tm.read_ahead) still running for ``path``."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes()
        except OSError:
            continue
        if b"glossary.tm.read_ahead" in cmdline and str(path).encode() in cmdline:
            found.append(int(proc.name))
    return found


def test_kill_during_an_import_read_by_a_second_process(db_url: str, tmp_path: Path) -> None:
    """A file large enough to be read by a second process (glossary.tm.read_ahead), the
    import killed at half its progress: nothing of it is left, index and triggers
    included, and the reading process stops too."""
    from glossary.tm import TranslationMemory, Unit, Variant
    from glossary.tm.read_ahead import READ_AHEAD_BYTES

    source = tmp_path / "read-ahead.tmx"
    note = "A note a translator left. " * 12
    with source.open("w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n')
        f.write('<header srclang="en" segtype="sentence"/>\n<body>\n')
        i = 0
        while f.tell() < READ_AHEAD_BYTES + 1024:
            f.write(
                f'<tu tuid="{i}"><note>{note}</note><tuv xml:lang="en"><seg>Read ahead '
                f'sentence {i:06}.</seg></tuv><tuv xml:lang="ko"><seg>미리 읽은 문장 {i:06}.'
                "</seg></tuv></tu>\n"
            )
            i += 1
        f.write("</body>\n</tmx>\n")
    with open_glossary(db_url) as g:
        TranslationMemory(g).add(
            Unit([Variant("en", "Kept before the import."), Variant("ko", "가져오기 전 문장.")])
        )
        counts_before = _tm_counts(g)
    sqlite = db_url.startswith("sqlite")
    triggers_before = _tm_state(db_url)[1] if sqlite else []
    cmd = [sys.executable, "-m", "glossary", "tm", "import", str(source)]
    env = _env() | {"GLOSSARY_DATABASE_URL": db_url}
    assert _kill_import(cmd, env, db_url, "rows", 50, _hold_tm_changes) >= 50
    for _ in range(100):  # the reader sees its pipe closed and stops
        if not _readers_of(source):
            break
        time.sleep(0.1)
    assert _readers_of(source) == []
    with open_glossary(db_url) as g:
        assert _tm_counts(g) == counts_before
        assert TranslationMemory(g).match("Kept before the import.")[0].score == 100
    if sqlite:
        assert _tm_state(db_url) == ("ok", triggers_before)

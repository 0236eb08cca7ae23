"""The everyday commands start without loading what they do not need (issue 19).

Each command runs in a fresh Python process, as a translator runs it, and the test
looks at the modules that process imported: migrations (Alembic), the ORM
(SQLAlchemy), password hashing (Werkzeug) and the language analysers (kiwipiepy,
fugashi, jamdict, pykakasi) must stay out of the commands that do not use them. Times
are measured by bench/startup.py, not here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from glossary import Entry, Term, open_glossary
from glossary.store.engine import Connector, make_engine, sqlite_file
from glossary.store.migrate import current_revision, head_revision, stored_revision
from tests.conftest import ROOT, person

ANALYSERS = {"kiwipiepy", "fugashi", "unidic_lite", "jamdict", "jamdict_data", "pykakasi"}
STORAGE = {"alembic", "sqlalchemy", "werkzeug"}

# Runs the command line in this process and writes down every module it imported.
_PROBE = """
import json, sys
from glossary.cli import main
try:
    main(sys.argv[2:])
    code = 0
except SystemExit as exc:
    code = exc.code
with open(sys.argv[1], "w") as f:
    json.dump({"code": code, "modules": sorted(sys.modules)}, f)
"""


def run_fresh(tmp_path: Path, *args: str) -> tuple[int, str, set[str]]:
    """(exit status, stdout, top-level packages imported) of one command in a new process."""
    report = tmp_path / "modules.json"
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "GLOSSARY_INSTANCE_PATH": str(tmp_path / "instance"),
    }
    env.pop("GLOSSARY_DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(report), *args],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    data = json.loads(report.read_text(encoding="utf-8"))
    return data["code"], done.stdout, {m.split(".")[0] for m in data["modules"]}


@pytest.fixture
def filled(sqlite_url: str) -> str:
    with open_glossary(sqlite_url) as g:
        g.add(person("Takaichi Sanae", "Takaichi", "Sanae"))
        g.add(Entry(kind="place", status="approved", terms=[Term("en", "Nara Prefecture")]))
    return sqlite_url


def test_lookup_loads_no_migrations_orm_hashing_or_analysers(tmp_path: Path, filled: str) -> None:
    code, out, imported = run_fresh(tmp_path, "lookup", "--json", "--database", filled, "Takaichi")
    assert code == 0
    assert json.loads(out.splitlines()[0])["terms"]["en"][0]["text"] == "Takaichi Sanae"
    assert imported & (ANALYSERS | STORAGE) == set()


def test_lookup_of_a_typo_still_loads_nothing_heavy(tmp_path: Path, filled: str) -> None:
    """The typo search (rapidfuzz) is loaded when nothing else matched, and only then."""
    code, out, imported = run_fresh(tmp_path, "lookup", "--json", "--database", filled, "Takaici")
    assert code == 0 and "Takaichi Sanae" in out
    assert "rapidfuzz" in imported
    assert imported & (ANALYSERS | STORAGE) == set()
    code, out, imported = run_fresh(tmp_path, "lookup", "--json", "--database", filled, "Nara")
    assert code == 0 and "rapidfuzz" not in imported


def test_help_and_check_without_unknown_names_load_nothing_heavy(
    tmp_path: Path, filled: str
) -> None:
    code, out, imported = run_fresh(tmp_path, "--help")
    assert code == 0 and "lookup" in out
    assert imported & (ANALYSERS | STORAGE | {"flask", "rapidfuzz"}) == set()

    draft = tmp_path / "draft.txt"
    draft.write_text("Sanae Takaichi visited Nara Prefecture.\n", encoding="utf-8")
    code, out, imported = run_fresh(
        tmp_path, "check", "--no-unknown", "--database", filled, str(draft)
    )
    assert code == 1 and "name-order" in out  # 1: a finding is an error
    assert imported & (ANALYSERS | STORAGE) == set()


def test_romanize_loads_only_the_analysers_it_uses(tmp_path: Path) -> None:
    code, out, imported = run_fresh(tmp_path, "romanize", "--lang", "ko", "--json", "서울")
    assert code == 0 and json.loads(out)["strict"] == "seoul"
    assert imported & (ANALYSERS | STORAGE) == set()
    # A Japanese reading the translator gives is not suggested: no dictionaries, no
    # pykakasi (UniDic still finds the word boundaries of the kanji).
    code, out, imported = run_fresh(
        tmp_path, "romanize", "--lang", "ja", "--json", "--reading", "とうきょう", "東京"
    )
    assert code == 0 and json.loads(out)["strict"] == "Tōkyō"
    assert imported & (STORAGE | {"jamdict", "jamdict_data", "pykakasi", "kiwipiepy"}) == set()
    code, out, imported = run_fresh(tmp_path, "romanize", "--lang", "ja", "--json", "とうきょう")
    assert code == 0 and json.loads(out)["plain"] == "Tokyo"
    assert imported & (ANALYSERS | STORAGE) == set()


def test_importing_accounts_hashes_no_password(tmp_path: Path) -> None:
    """The dummy hash (compared against for unknown names) is made at the first login."""
    probe = (
        "import werkzeug.security as ws\n"
        "def refuse(*a, **k): raise SystemExit('hashed at import')\n"
        "ws.generate_password_hash = refuse\n"
        "import glossary.accounts\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


def test_head_revision_without_alembic_is_alembics_head() -> None:
    from alembic.script import ScriptDirectory

    from glossary.store.migrate import alembic_config

    assert head_revision() == ScriptDirectory.from_config(alembic_config()).get_current_head()


def test_stored_revision_read_without_sqlalchemy(db_url: str) -> None:
    """The revision read on a bare DBAPI connection is the one SQLAlchemy reads."""
    engine = make_engine(db_url)
    connector = Connector(db_url, lambda: engine)
    conn = connector.connect()
    try:
        assert stored_revision(conn, connector.dialect_name) == current_revision(engine)
        assert current_revision(engine) == head_revision()
    finally:
        conn.close()
        engine.dispose()


def test_empty_database_has_no_revision_and_is_refused(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    connector = Connector(url, lambda: make_engine(url))
    conn = connector.connect()
    try:
        assert stored_revision(conn, "sqlite") is None
    finally:
        conn.close()
    with pytest.raises(Exception, match="run 'glossary init'"):
        open_glossary(url, migrate=False)


@pytest.mark.parametrize(
    "url",
    [
        "sqlite:///glossary.sqlite3",
        "sqlite:///instance/glossary.sqlite3",
        "sqlite:////tmp/instance/glossary.sqlite3",
        "sqlite:////tmp/日本語/용어집.sqlite3",
    ],
)
def test_sqlite_file_is_the_file_sqlalchemy_opens(url: str) -> None:
    from sqlalchemy.engine import make_url

    database = make_url(url).database
    assert database is not None
    assert sqlite_file(url) == os.path.abspath(database)


@pytest.mark.parametrize(
    "url",
    [
        "sqlite://",
        "sqlite:///:memory:",
        "sqlite:///glossary.sqlite3?mode=ro&uri=true",
        "sqlite:///with%20space.sqlite3",
        "postgresql+psycopg://user@localhost/glossary",
    ],
)
def test_other_addresses_go_through_sqlalchemy(url: str) -> None:
    assert sqlite_file(url) is None

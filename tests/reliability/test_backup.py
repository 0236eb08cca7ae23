"""Backup and restore of the SQLite glossary: a round trip, and refusals."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from glossary import Entry, Term, open_glossary
from glossary.cli import cli


def test_backup_restore_round_trip(sqlite_url: str, tmp_path: Path) -> None:
    g = open_glossary(sqlite_url)
    kept = g.add(
        Entry(
            kind="place",
            status="approved",
            terms=[Term("en", "Nara Prefecture"), Term("ja", "奈良県")],
        )
    )
    runner = CliRunner(env={"GLOSSARY_DATABASE_URL": sqlite_url})
    copy = tmp_path / "backup.sqlite3"
    result = runner.invoke(cli, ["backup", str(copy)])
    assert result.exit_code == 0, result.output
    # Changes after the backup: an edit and a new entry.
    e = g.get(kept.id)  # type: ignore[arg-type]
    e.note = "changed after the backup"
    g.update(e)
    g.add(Entry(kind="term", terms=[Term("en", "after")]))
    g.close()
    result = runner.invoke(cli, ["restore", "--yes", str(copy)])
    assert result.exit_code == 0, result.output
    with open_glossary(sqlite_url) as g2:
        assert g2.count() == 1
        assert g2.get(kept.id).note == ""  # type: ignore[arg-type]
        assert g2.lookup("奈良県")[0].entry.id == kept.id
        assert [c.action for c in g2.history()] == ["create"]


def test_backup_refuses_to_overwrite(sqlite_url: str, tmp_path: Path) -> None:
    existing = tmp_path / "x.sqlite3"
    existing.write_text("keep me")
    runner = CliRunner(env={"GLOSSARY_DATABASE_URL": sqlite_url})
    result = runner.invoke(cli, ["backup", str(existing)])
    assert result.exit_code == 2 and "exists already" in result.stderr
    assert existing.read_text() == "keep me"


def test_restore_refuses_a_file_that_is_not_a_backup(sqlite_url: str, tmp_path: Path) -> None:
    with open_glossary(sqlite_url) as g:
        g.add(Entry(kind="term", terms=[Term("en", "survivor")]))
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not a database" * 100)
    runner = CliRunner(env={"GLOSSARY_DATABASE_URL": sqlite_url})
    result = runner.invoke(cli, ["restore", "--yes", str(junk)])
    assert result.exit_code == 2 and "not a glossary backup" in result.stderr
    with open_glossary(sqlite_url) as g:
        assert g.lookup("survivor")


def test_postgres_backup_points_to_pg_dump(db_url: str, tmp_path: Path) -> None:
    runner = CliRunner(env={"GLOSSARY_DATABASE_URL": db_url})
    result = runner.invoke(cli, ["backup", str(tmp_path / "b.sqlite3")])
    if db_url.startswith("postgresql"):
        assert result.exit_code == 2 and "pg_dump" in result.stderr
    else:
        assert result.exit_code == 0


def test_backup_of_a_missing_database_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "no such glossary.sqlite3"
    copy = tmp_path / "backups" / "b.sqlite3"
    runner = CliRunner()
    result = runner.invoke(cli, ["backup", "--database", f"sqlite:///{missing}", str(copy)])
    assert result.exit_code == 2
    assert f"there is no glossary at {missing}" in result.stderr
    assert "Backed up" not in result.output
    assert list(tmp_path.iterdir()) == []  # neither the source nor the backup (nor its folder)


def test_backup_of_a_file_that_is_not_a_glossary_is_refused(tmp_path: Path) -> None:
    for name, data in (("empty.sqlite3", b""), ("junk.sqlite3", b"not a database" * 100)):
        source = tmp_path / name
        source.write_bytes(data)
        copy = tmp_path / f"{name}.backup"
        result = CliRunner().invoke(cli, ["backup", "--database", f"sqlite:///{source}", str(copy)])
        assert result.exit_code == 2, result.output
        assert "is not a glossary database" in result.stderr
        assert source.read_bytes() == data and not copy.exists()
        assert not copy.with_name(copy.name + ".partial").exists()

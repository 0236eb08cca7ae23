"""Translation units in the store, on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from glossary import ConflictError, Glossary
from glossary.cli import cli
from glossary.errors import NotFound, ParseError, UndoError
from glossary.tm import TranslationMemory, Variant
from tests.tm.conftest import FIXTURES, pair


def test_add_get_and_edit_with_history(tm: TranslationMemory) -> None:
    unit = pair("The president visited Japan today.", "大統領は今日、日本を訪問した。")
    saved = tm.add(unit, user="ana")
    assert saved.id is not None and saved.version == 1 and saved.created_by == "ana"
    again = tm.get(saved.id)
    assert again.variant("ja").text == "大統領は今日、日本を訪問した。"  # type: ignore[union-attr]
    again.variants[1] = Variant("ja", "大統領は本日、日本を訪問した。")
    edited = tm.update(again, user="ben")
    assert edited.version == 2 and edited.updated_by == "ben"
    # an edit based on the old version is refused and writes nothing
    again.variants[1] = Variant("ja", "別の訳")
    with pytest.raises(ConflictError):
        tm.update(again, user="cho")
    assert tm.get(saved.id).variant("ja").text == "大統領は本日、日本を訪問した。"  # type: ignore[union-attr]
    changes = tm.history(saved.id)
    assert [c.action for c in changes] == ["update", "create"]
    assert "本日" in changes[0].summary and changes[0].user == "ben"


def test_undo_an_edit_and_a_deletion(tm: TranslationMemory) -> None:
    saved = tm.add(pair("The meeting lasted three hours.", "회의는 3시간 동안 열렸다.", "ko"))
    assert saved.id is not None
    edited = tm.get(saved.id)
    edited.variants[0] = Variant("en", "The meeting lasted 3 hours.")
    tm.update(edited)
    edit = tm.history(saved.id)[0]
    tm.undo(edit.id)
    assert tm.get(saved.id).variant("en").text == "The meeting lasted three hours."  # type: ignore[union-attr]
    current = tm.get(saved.id)
    tm.delete(saved.id, current.version)
    with pytest.raises(NotFound):
        tm.get(saved.id)
    deletion = tm.history(saved.id)[0]
    assert deletion.action == "delete"
    tm.undo(deletion.id)
    back = tm.get(saved.id)
    assert back.id == saved.id and back.variant("ko").text == "회의는 3시간 동안 열렸다."  # type: ignore[union-attr]
    with pytest.raises(UndoError):
        tm.undo(deletion.id)  # already undone


def test_a_deleted_units_id_is_not_given_again(tm: TranslationMemory) -> None:
    first = tm.add(pair("One.", "하나.", "ko"))
    assert first.id is not None
    tm.delete(first.id, 1)
    second = tm.add(pair("Two.", "둘.", "ko"))
    assert second.id == first.id + 1


def test_import_and_export_round_trip(tm: TranslationMemory, tmp_path: Path) -> None:
    report = tm.import_tmx(FIXTURES / "memoq_en_ja.tmx", user="ana")
    assert (report.added, report.duplicates, len(report.skipped)) == (3, 0, 0)
    units = list(tm.units())
    assert [u.origin for u in units] == ["import"] * 3
    assert units[1].variant("en").seg.count("<bpt") == 1  # type: ignore[union-attr]
    assert units[0].variant("en").before.startswith("Opening Statement")  # type: ignore[union-attr]
    # the import is one change in the history of each of its units
    assert [c.action for c in tm.history(units[0].id)] == ["import"]
    out = tmp_path / "out.tmx"
    assert tm.export_tmx(out, source="en", target="ja") == 3
    again = TranslationMemory(tm.g)
    report2 = again.import_tmx(out)
    assert (report2.added, report2.duplicates) == (0, 3)  # nothing twice
    text = out.read_text(encoding="utf-8")
    assert '<prop type="x-document">201702_24_a.html</prop>' in text
    assert '<bpt i="1" type="bold">{}</bpt>21<ept i="1">{}</ept>' in text
    assert 'changeid="desk2"' in text and 'xml:lang="ja-JP"' in text


def test_a_bad_file_writes_nothing(tm: TranslationMemory) -> None:
    good = (FIXTURES / "trados_ko_en.tmx").read_bytes()
    # a good unit first, then a broken one: the import stops and keeps nothing
    bad = good.replace(
        b'<tuv xml:lang="en-US">\n        <seg>The meeting', b"<tuv>\n        <seg>The meeting"
    )
    with pytest.raises(ParseError) as err:
        tm.import_tmx(io.BytesIO(bad), name="broken.tmx")
    assert err.value.path == "broken.tmx" and err.value.field == "tuv"
    assert tm.count() == 0 and tm.history() == []


def test_undo_an_import(tm: TranslationMemory) -> None:
    report = tm.import_tmx(FIXTURES / "all_languages.tmx")
    assert report.added == 2 and len(report.skipped) == 1
    assert report.change_id is not None
    units = list(tm.units())
    edited = units[0]
    edited.notes = ["changed"]
    tm.update(edited)
    with pytest.raises(UndoError, match="edited since"):
        tm.undo(report.change_id)
    tm.undo(tm.history(edited.id)[0].id)
    tm.undo(report.change_id)
    assert tm.count() == 0


def test_cli_import_export(runner: CliRunner, g: Glossary, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["tm", "import", str(FIXTURES / "trados_ko_en.tmx")])
    assert result.exit_code == 0, result.output
    assert "3 units added" in result.output
    out = tmp_path / "ko-en.tmx"
    result = runner.invoke(cli, ["tm", "export", "--from", "ko", "--to", "en", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").count("<tu ") == 3
    bad = tmp_path / "bad.tmx"
    bad.write_bytes(
        b'<tmx version="1.4"><header srclang="en"/><body>\n<tu><tuv xml:lang="en"></tuv></tu>'
    )
    result = runner.invoke(cli, ["tm", "import", str(bad)])
    assert result.exit_code == 2
    assert f"{bad}, line 2" in result.output and "<seg>" in result.output
    assert TranslationMemory(g).count() == 3

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


def _tmx(sentences: list[tuple[str, str]]) -> bytes:
    units = "".join(
        f'<tu><tuv xml:lang="en"><seg>{en}</seg></tuv>'
        f'<tuv xml:lang="ko"><seg>{ko}</seg></tuv></tu>\n'
        for en, ko in sentences
    )
    return f'<tmx version="1.4"><header srclang="en"/><body>\n{units}</body></tmx>'.encode()


def _fts_state(tm: TranslationMemory) -> list[str]:
    """The sentence index's triggers (SQLite), after its own consistency check."""
    with tm.g.engine.connect() as conn:
        if conn.dialect.name != "sqlite":
            return []
        conn.exec_driver_sql("INSERT INTO fts_tm(fts_tm) VALUES ('integrity-check')")
        rows = conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'tm_variants'"
        )
        return sorted(r[0] for r in rows)


@pytest.mark.parametrize("bulk", [False, True])
def test_duplicates_across_chunks_and_a_memory_that_is_not_empty(
    tm: TranslationMemory, monkeypatch: pytest.MonkeyPatch, bulk: bool
) -> None:
    """Units already in the memory, earlier in the file (another chunk) or earlier in the
    chunk are counted, not added; with the search index filled at the end (bulk) or row
    by row, every new sentence is found and the triggers are as before."""
    import glossary.store.unit_import as unit_import
    import glossary.tm.importing as store

    monkeypatch.setattr(store, "_CHUNK", 7)
    monkeypatch.setattr(store, "BULK_UNITS", 5 if bulk else 10**9)
    # set aside, the index is filled every 20 sentences (and at the end)
    monkeypatch.setattr(unit_import, "REFILL_EVERY", 20)
    triggers = _fts_state(tm)
    tm.add(pair("Sentence 3 of the file.", "파일의 문장 3.", "ko"))
    sentences = [(f"Sentence {i} of the file.", f"파일의 문장 {i}.") for i in range(40)]
    data = _tmx(
        [
            *sentences,
            sentences[5],
            sentences[38],
            sentences[38],
            ("Sentence 3 of the file.", "다른 번역."),
        ]
    )
    report = tm.import_tmx(io.BytesIO(data), name="dups.tmx")
    # 3 was in the memory; 5 and 38 (twice) again; the other translation of 3 is new
    assert (report.added, report.duplicates) == (40, 4)
    assert tm.count() == 41
    assert _fts_state(tm) == triggers
    for i in (0, 6, 7, 39):  # first chunk, around a chunk's end, last
        found = tm.match(f"Sentence {i} of the file.", source="en", target="ko")
        assert found[0].score == 100 and found[0].target == f"파일의 문장 {i}."
        assert [c.unit.variant("ko").text for c in tm.concordance(f"문장 {i}")] == [  # type: ignore[union-attr]
            f"파일의 문장 {i}."
        ]
    again = tm.import_tmx(io.BytesIO(data), name="dups.tmx")
    assert (again.added, again.duplicates) == (0, 44)


def test_a_bad_unit_after_the_index_was_set_aside_writes_nothing(
    tm: TranslationMemory, monkeypatch: pytest.MonkeyPatch
) -> None:
    import glossary.tm.importing as store

    monkeypatch.setattr(store, "_CHUNK", 5)
    monkeypatch.setattr(store, "BULK_UNITS", 5)
    triggers = _fts_state(tm)
    good = _tmx([(f"Sentence {i}.", f"문장 {i}.") for i in range(30)])
    bad = good.replace(b"</body>", b"<tu><tuv><seg>no language</seg></tuv></tu></body>")
    with pytest.raises(ParseError):
        tm.import_tmx(io.BytesIO(bad), name="bad.tmx")
    assert tm.count() == 0 and tm.history() == []
    assert _fts_state(tm) == triggers
    assert tm.import_tmx(io.BytesIO(good), name="good.tmx").added == 30
    assert tm.concordance("문장 29")[0].unit.variant("en").text == "Sentence 29."  # type: ignore[union-attr]


def _stored(tm: TranslationMemory) -> list[dict[str, object]]:
    return [{k: v for k, v in u.snapshot().items() if k not in ("id", "batch")} for u in tm.units()]


@pytest.mark.parametrize("name", ["memoq_en_ja.tmx", "all_languages.tmx", "omegat_en_ko.tmx"])
def test_a_file_read_by_a_second_process_is_stored_the_same(
    tm: TranslationMemory, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str
) -> None:
    """A large file is read by a child process (here: any file): the units, skipped
    units and duplicates are those the reader in this process finds."""
    import glossary.tm.read_ahead as read_ahead

    # Twice the file: the second copy's units are duplicates, in the same transaction.
    data = (FIXTURES / name).read_bytes()
    body = data[data.index(b"<body>") + 6 : data.index(b"</body>")]
    doubled = data.replace(b"</body>", body + b"</body>")
    path = tmp_path / name
    path.write_bytes(doubled)
    here = tm.import_tmx(path)
    in_process = _stored(tm)
    assert here.change_id is not None
    tm.undo(here.change_id)
    monkeypatch.setattr(read_ahead, "READ_AHEAD_BYTES", 0)
    seen: list[tuple[int, int]] = []
    ahead = tm.import_tmx(path, progress=lambda done, total: seen.append((done, total)))
    assert (ahead.added, ahead.duplicates, len(ahead.skipped)) == (
        here.added,
        here.duplicates,
        len(here.skipped),
    )
    assert ahead.duplicates == here.added > 0
    assert [(s.line, s.reason) for s in ahead.skipped] == [(s.line, s.reason) for s in here.skipped]
    assert _stored(tm) == in_process
    assert seen and seen[-1] == (len(doubled), len(doubled))


def test_a_bad_file_read_by_a_second_process_writes_nothing(
    tm: TranslationMemory, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import glossary.tm.read_ahead as read_ahead

    monkeypatch.setattr(read_ahead, "READ_AHEAD_BYTES", 0)
    good = [(f"Sentence {i}.", f"문장 {i}.") for i in range(5000)]
    data = _tmx(good).replace(b"</body>", b"<tu><tuv><seg>no language</seg></tuv></tu></body>")
    path = tmp_path / "bad.tmx"
    path.write_bytes(data)
    with pytest.raises(ParseError) as err:
        tm.import_tmx(path)
    assert err.value.path == str(path) and err.value.field == "tuv"
    assert err.value.line == 5002  # the header, then a unit a line
    assert tm.count() == 0 and tm.history() == []


@pytest.mark.parametrize("interpreter", ["/bin/false", "/no/such/python"])
def test_a_reader_that_cannot_start_leaves_the_file_to_this_process(
    tm: TranslationMemory, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, interpreter: str
) -> None:
    """Where no second interpreter can run (it stops at once, or is not there), the
    file is read here and imported whole."""
    import glossary.tm.read_ahead as read_ahead

    monkeypatch.setattr(read_ahead, "READ_AHEAD_BYTES", 0)
    monkeypatch.setattr(read_ahead.sys, "executable", interpreter)
    path = tmp_path / "units.tmx"
    path.write_bytes(_tmx([(f"Sentence {i}.", f"문장 {i}.") for i in range(30)]))
    report = tm.import_tmx(path)
    assert (report.added, report.duplicates) == (30, 0)
    assert tm.match("Sentence 29.", source="en")[0].target == "문장 29."


@pytest.mark.parametrize("unit_id", [0, -1, 2**31, 2**40, 2**63])
def test_an_id_past_the_id_columns_is_no_unit(tm: TranslationMemory, unit_id: int) -> None:
    """Ids are INTEGER columns, as entries' are (one limit for both): an id PostgreSQL
    cannot hold names no unit, rather than an error from the database."""
    tm.add(pair("The meeting lasted three hours.", "회의는 3시간 동안 열렸다."))
    with pytest.raises(NotFound):
        tm.get(unit_id)
    assert tm.get_many([unit_id]) == {}
    assert tm.history(unit_id) == []

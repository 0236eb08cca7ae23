"""A TMX round trip with a real client: translate-toolkit (what Weblate and Pootle use)
writes a memory, ``glossary tm import`` reads it, ``glossary tm export`` writes it again,
and translate-toolkit reads back the same units, languages and notes."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from translate.storage import tmx as tt_tmx

from glossary.cli import cli

#: (source, its language as written, target, its language as written, notes)
UNITS = [
    ("The president visited Japan today.", "en", "대통령은 오늘 일본을 방문했다.", "ko-KR", []),
    (
        "대통령은 내일 서울로 돌아온다.",
        "ko-KR",
        "The president returns to Seoul tomorrow.",
        "en",
        ["from a Yonhap story", "checked by the desk"],
    ),
    ("Exports rose 5 percent in May.", "en-US", "5月の輸出は5%増えた。", "ja-JP", ["numbers kept"]),
    (
        "閣議の概要について申し上げます。",
        "ja",
        "I would like to give an overview of the Cabinet meeting.",
        "en",
        [],
    ),
]


def _written_by_translate_toolkit(path: Path) -> None:
    store = tt_tmx.tmxfile(sourcelanguage="en")
    for source, src, target, tgt, notes in UNITS:
        store.addtranslation(source, src, target, tgt)
        unit = store.units[-1]
        # translate-toolkit writes srclang="en" on every unit of an English-source store
        unit.xmlelement.set("srclang", src)
        for note in notes:
            unit.addnote(note)
    path.write_bytes(bytes(store))


def _read_by_translate_toolkit(path: Path) -> set[tuple[str, str, str, str, tuple[str, ...]]]:
    store = tt_tmx.tmxfile.parsefile(str(path))
    got = set()
    for unit in store.units:
        tuvs = unit.xmlelement.findall(unit.namespaced("tuv"))
        langs = [t.get("{http://www.w3.org/XML/1998/namespace}lang") for t in tuvs]
        texts = [unit.getNodeText(t) for t in tuvs]
        # the source <tuv> is the one whose xml:lang is the unit's srclang (or the file's)
        src = unit.xmlelement.get("srclang") or store.sourcelanguage
        first = langs.index(src)
        other = 1 - first
        notes = tuple(n for n in unit.getnotes().split("\n") if n)
        got.add((texts[first], langs[first], texts[other], langs[other], notes))
    return got


def test_a_translate_toolkit_tmx_survives_import_and_export(
    runner: CliRunner, tmp_path: Path
) -> None:
    written = tmp_path / "weblate.tmx"
    _written_by_translate_toolkit(written)
    # translate-toolkit reads its own file as we mean it
    assert _read_by_translate_toolkit(written) == {
        (s, sl, t, tl, tuple(n)) for s, sl, t, tl, n in UNITS
    }

    result = runner.invoke(cli, ["tm", "import", "--json", str(written)])
    assert result.exit_code == 0, result.output
    assert '"added": 4' in result.output

    exported = tmp_path / "export.tmx"
    result = runner.invoke(cli, ["tm", "export", "-o", str(exported)])
    assert result.exit_code == 0, result.output
    assert "Wrote 4 units" in result.output

    # the same sentences, language tags as written, source side and notes
    assert _read_by_translate_toolkit(exported) == {
        (s, sl, t, tl, tuple(n)) for s, sl, t, tl, n in UNITS
    }
    # and translate-toolkit's own view of a unit: source and target text
    store = tt_tmx.tmxfile.parsefile(str(exported))
    store.settargetlanguage("ko-KR")
    by_source = {u.source: u for u in store.units}
    assert (
        by_source["The president visited Japan today."].target == "대통령은 오늘 일본을 방문했다."
    )


def test_a_pair_exported_for_two_languages_reads_as_one_direction(
    runner: CliRunner, tmp_path: Path
) -> None:
    written = tmp_path / "weblate.tmx"
    _written_by_translate_toolkit(written)
    assert runner.invoke(cli, ["tm", "import", str(written)]).exit_code == 0
    exported = tmp_path / "en-ja.tmx"
    result = runner.invoke(cli, ["tm", "export", "--from", "en", "--to", "ja", "-o", str(exported)])
    assert result.exit_code == 0, result.output
    store = tt_tmx.tmxfile.parsefile(str(exported))
    pairs = {(u.source, u.target) for u in store.units}
    # English first whatever the unit's own source was (the Japanese one above)
    assert pairs == {
        ("Exports rose 5 percent in May.", "5月の輸出は5%増えた。"),
        (
            "I would like to give an overview of the Cabinet meeting.",
            "閣議の概要について申し上げます。",
        ),
    }

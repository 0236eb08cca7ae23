"""PO catalogues: one per target language, msgfmt-clean, edits come back as updates."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path
from typing import ClassVar

import polib
import pytest

from glossary import Entry, Glossary, Term
from glossary.errors import GlossaryError, ParseError
from glossary.formats import export_entries, import_file
from glossary.formats.base import TranslationRecord
from glossary.formats.po import po_string
from tests.formats.contract import FormatContract, read_all
from tests.formats.samples import add_samples, fixture

MSGFMT = shutil.which("msgfmt")


class TestPoContract(FormatContract):
    fmt = "po"
    malformed_line = 7
    bad_record_at = (10, "kind")
    written_ids: ClassVar[list[int]] = [1, 2, 3, 4, 5, 6, 7, 8, 10]  # 9 has no English form


def msgfmt_check(path: Path, out: Path) -> None:
    """GNU gettext's own check (compiling to ``out``): fails with msgfmt's message."""
    assert MSGFMT, "GNU gettext's msgfmt is needed (Debian package gettext)"
    mo = out / (path.stem + ".mo")
    result = subprocess.run(
        [MSGFMT, "-c", "-o", str(mo), str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert mo.stat().st_size > 0


def _export(g: Glossary, target: str, path: Path | None = None, **kw: object) -> bytes:
    out = io.BytesIO()
    export_entries(g, "po", out, target=target, **kw)  # type: ignore[arg-type]
    if path is not None:
        path.write_bytes(out.getvalue())
    return out.getvalue()


@pytest.mark.parametrize("target", ["ko", "ja"])
def test_msgfmt_accepts_every_export(loaded: Glossary, tmp_path: Path, target: str) -> None:
    add_samples(loaded)  # every role, review marks, notes, three scripts
    for status in (None, "approved", "candidate"):
        path = tmp_path / f"{target}-{status}.po"
        _export(loaded, target, path, status=status)
        msgfmt_check(path, tmp_path)


def test_msgfmt_accepts_the_fixture_and_an_empty_catalogue(tmp_path: Path, g: Glossary) -> None:
    msgfmt_check(fixture("unicode_three_scripts", "po"), tmp_path)
    path = tmp_path / "empty.po"
    _export(g, "ko", path)
    msgfmt_check(path, tmp_path)


def test_header_names_language_charset_and_plural_forms(loaded: Glossary) -> None:
    po = polib.pofile(_export(loaded, "ko").decode())
    assert po.metadata["Language"] == "ko"
    assert po.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert po.metadata["Plural-Forms"] == "nplurals=1; plural=0;"
    for name in ("Project-Id-Version", "PO-Revision-Date", "Last-Translator", "Language-Team"):
        assert po.metadata[name]


def test_units_carry_source_target_and_comments(loaded: Glossary) -> None:
    po = polib.pofile(_export(loaded, "ja").decode())
    takaichi = po.find("Takaichi Sanae")
    assert takaichi is not None and takaichi.msgstr == "高市早苗"
    assert takaichi.tcomment.splitlines()[:2] == ["kind: person", "status: approved"]
    assert "reading: たかいち さなえ" in takaichi.tcomment
    assert "note: Prime Minister of Japan" in takaichi.tcomment
    assert takaichi.occurrences[0][0].startswith("entry/")
    ko = polib.pofile(_export(loaded, "ko").decode()).find("Lee Jae-myung")
    assert ko is not None and "romanization: I Jaemyeong" in ko.tcomment


def test_msgctxt_only_where_an_english_form_belongs_to_several_entries() -> None:
    po = polib.pofile(fixture("unicode_three_scripts", "po").read_text(encoding="utf-8"))
    contexts = {(u.msgid, u.msgctxt) for u in po}
    assert ("Sejong", "place #5") in contexts and ("Sejong", "person #6") in contexts
    assert [u.msgctxt for u in po if u.msgid != "Sejong"] == [None] * 7


def test_what_is_not_final_is_fuzzy_and_a_missing_target_is_empty() -> None:
    po = polib.pofile(fixture("unicode_three_scripts", "po").read_text(encoding="utf-8"))
    tariff, nara = po.find("-5% tariff"), po.find("Nara Prefecture")
    assert "fuzzy" in tariff.flags and "suggested: text" in tariff.tcomment  # a suggested form
    assert "fuzzy" in nara.flags and "status: candidate" in nara.tcomment  # a candidate
    assert "suggested: reading" in nara.tcomment
    assert po.find("Wi Sung-lac").msgstr == "" and po.find("Wi Sung-lac").flags == []
    assert po.find("Lee Jae-myung").flags == []  # approved, nothing awaiting review


@pytest.mark.parametrize(
    "value",
    ['"quoted"', "back\\slash", "tab\there", "two\nlines", "ends with newline\n", "\n"],
)
def test_strings_are_escaped_as_gettext_reads_them(value: str) -> None:
    head = 'msgid ""\nmsgstr ""\n"Language: ko\\n"\n\n'
    text = f"{head}msgid {po_string('x')}\nmsgstr {po_string(value)}\n"
    assert polib.pofile(text).find("x").msgstr == value


def test_a_po_export_needs_a_target(g: Glossary) -> None:
    with pytest.raises(GlossaryError, match="Korean \\(ko\\) or Japanese \\(ja\\)"):
        export_entries(g, "po", io.BytesIO())


def test_an_edited_catalogue_updates_the_target_forms(loaded: Glossary) -> None:
    data = _export(loaded, "ko").decode()
    takaichi = loaded.lookup("Takaichi Sanae")[0].entry
    masuda = loaded.lookup("Masuda Masayuki")[0].entry
    assert masuda.preferred("ko") is None
    edited = data.replace('msgstr "다카이치 사나에"', 'msgstr "다카이치 사나에 총리"').replace(
        'msgid "Masuda Masayuki"\nmsgstr ""', 'msgid "Masuda Masayuki"\nmsgstr "마스다 마사유키"'
    )
    report = import_file(loaded, io.BytesIO(edited.encode()), name="edited.po", user="translator")
    assert [(u.entry_id, u.lang, u.old, u.new) for u in report.updated] == [
        (takaichi.id, "ko", "다카이치 사나에", "다카이치 사나에 총리"),
        (masuda.id, "ko", "", "마스다 마사유키"),
    ]
    assert report.created == [] and report.conflicts == []
    after = loaded.get(takaichi.id or 0)
    assert after.preferred("ko").text == "다카이치 사나에 총리"  # type: ignore[union-attr]
    # The old house form is kept as deprecated, so the style check still catches it.
    assert ("다카이치 사나에", "deprecated") in [(t.text, t.role) for t in after.terms_in("ko")]
    assert after.version == takaichi.version + 1
    change = loaded.history(takaichi.id)[0]
    assert change.action == "update" and change.user == "translator"
    assert loaded.lookup("다카이치 사나에 총리")[0].entry.id == takaichi.id
    # Importing the same file again changes nothing; undo puts the old form back.
    again = import_file(loaded, io.BytesIO(edited.encode()), fmt="po")
    assert again.updated == [] and again.conflicts == []
    loaded.undo(change.id)
    assert loaded.get(takaichi.id or 0).preferred("ko").text == "다카이치 사나에"  # type: ignore[union-attr]


def test_a_stale_catalogue_does_not_overwrite_a_curated_form(loaded: Glossary) -> None:
    data = _export(loaded, "ko").decode()
    entry = loaded.lookup("Takaichi Sanae")[0].entry
    entry.note += " Checked."
    loaded.update(entry)  # a curator edits the entry after the export
    edited = data.replace('msgstr "다카이치 사나에"', 'msgstr "타카이치 사나에"')
    report = import_file(loaded, io.BytesIO(edited.encode()), fmt="po")
    assert report.updated == []
    assert [c.entry_id for c in report.conflicts] == [entry.id]
    assert "'타카이치 사나에'" in report.conflicts[0].reason
    assert "curated '다카이치 사나에'" in report.conflicts[0].reason
    assert loaded.get(entry.id or 0).preferred("ko").text == "다카이치 사나에"  # type: ignore[union-attr]


def test_a_catalogue_from_another_tool(g: Glossary) -> None:
    g.add(Entry("person", [Term("en", "Lee Jae-myung"), Term("ko", "이재명")], status="approved"))
    g.add(Entry("place", [Term("en", "Busan")], status="approved"))
    g.add(Entry("place", [Term("en", "Nara Prefecture"), Term("ko", "나라 현")]))
    report = import_file(g, fixture("from_another_tool", "po"))
    assert report.problems == []
    # Curated and different: a conflict. Missing: filled in. Candidate: updated (and
    # fuzzy, so still a suggestion). Unknown: a new candidate entry.
    assert [c.entry_id for c in report.conflicts] == [1]
    assert [(u.entry_id, u.new) for u in report.updated] == [(2, "부산"), (3, "나라현")]
    assert g.get(3).preferred("ko").suggested == ["text"]  # type: ignore[union-attr]
    (new,) = report.created
    created = g.get(new)
    assert (created.status, created.kind, created.label) == ("candidate", "term", "Gyeongju")
    assert created.preferred("ko").text == "경주"  # type: ignore[union-attr]


def test_a_catalogue_without_language_is_refused(tmp_path: Path) -> None:
    data = (
        b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        b'\nmsgid "a"\nmsgstr "b"\n'
    )
    with pytest.raises(ParseError, match="no Language field") as info:
        read_all("po", data, "nolang.po")
    assert info.value.field == "Language"


def test_an_english_catalogue_is_refused() -> None:
    data = b'msgid ""\nmsgstr ""\n"Language: en_US\\n"\n\nmsgid "a"\nmsgstr "b"\n'
    with pytest.raises(ParseError, match="Korean \\(ko\\) or Japanese \\(ja\\)"):
        read_all("po", data, "en.po")


def test_a_catalogue_is_decoded_as_its_header_says() -> None:
    head = 'msgid ""\nmsgstr ""\n"Language: ko\\n"\n"Content-Type: text/plain; charset={}\\n"\n\n'
    latin1 = (head.format("ISO-8859-1") + 'msgid "café"\nmsgstr "cafe"\n').encode("latin-1")
    (record,) = read_all("po", latin1, "latin1.po")
    assert isinstance(record, TranslationRecord) and record.source == "café"
    bad = (head.format("UTF-8") + 'msgid "café"\nmsgstr "카페"\n').encode()
    with pytest.raises(ParseError, match="bad.po, line 7: is not UTF-8"):
        read_all("po", bad.replace("카페".encode(), b"\xff\xfe"), "bad.po")


def test_a_catalogue_is_read_a_block_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    import glossary.formats.po as po

    data = fixture("unicode_three_scripts", "po").read_bytes()
    whole = [(r.line, r.entry_id, r.entry.terms) for r in read_all("po", data)]  # type: ignore[attr-defined]
    monkeypatch.setattr(po, "_BLOCK_UNITS", 2)
    blocks = [(r.line, r.entry_id, r.entry.terms) for r in read_all("po", data)]  # type: ignore[attr-defined]
    assert blocks == whole and len(whole) == 9
    bad = fixture("bad_record", "po").read_bytes() + 'msgid "Ulsan"\nmsgstr "울산"\n'.encode()
    monkeypatch.setattr(po, "_BLOCK_UNITS", 1)
    items = list(po.PoFormat().read(io.BytesIO(bad), "bad.po"))
    assert [(p.line, p.field) for p in items if not isinstance(p, TranslationRecord)] == [
        (10, "kind")
    ]
    assert [r.line for r in items if isinstance(r, TranslationRecord)] == [6, 14, 17]
    with pytest.raises(ParseError, match="bad.po, line 20: is not a valid PO line"):
        list(po.PoFormat().read(io.BytesIO(bad + b'\nmsgid "x\n'), "bad.po"))


GWANGJU = """msgid ""
msgstr ""
"Language: ko\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgctxt "metropolitan city"
msgid "Gwangju"
msgstr "광주광역시"

msgctxt "Gyeonggi Province"
msgid "Gwangju"
msgstr "경기도 광주시"
"""


def test_msgctxt_from_another_tool_is_part_of_an_entrys_identity(g: Glossary) -> None:
    """Two units "Gwangju" told apart by their context are two entries, and importing
    the file again changes nothing (it used to merge them, each import flipping them)."""
    first = import_file(g, io.BytesIO(GWANGJU.encode()), name="gwangju.po")
    assert len(first.created) == 2 and first.updated == [] and first.conflicts == []
    city, county = (g.get(i) for i in first.created)
    assert [(e.preferred("ko").text, e.note) for e in (city, county)] == [  # type: ignore[union-attr]
        ("광주광역시", "PO context: metropolitan city"),
        ("경기도 광주시", "PO context: Gyeonggi Province"),
    ]
    again = import_file(g, io.BytesIO(GWANGJU.encode()), name="gwangju.po")
    assert again.created == [] and again.updated == [] and again.conflicts == []
    assert sorted(again.unchanged) == sorted(first.created)
    # An edit reaches the entry of its own context only.
    edited = GWANGJU.replace('"경기도 광주시"', '"광주시"')
    report = import_file(g, io.BytesIO(edited.encode()), name="gwangju.po")
    assert [(u.entry_id, u.old, u.new) for u in report.updated] == [
        (county.id, "경기도 광주시", "광주시")
    ]
    assert g.get(city.id or 0).preferred("ko").text == "광주광역시"  # type: ignore[union-attr]


def test_a_context_matches_an_entry_that_has_its_target_form(g: Glossary) -> None:
    kept = g.add(
        Entry("place", [Term("en", "Gwangju"), Term("ko", "광주광역시")], status="approved")
    )
    report = import_file(g, io.BytesIO(GWANGJU.encode()), name="gwangju.po")
    assert report.unchanged == [kept.id] and len(report.created) == 1
    assert g.get(kept.id or 0).note == ""  # the curated entry is not touched


def test_only_this_tools_own_contexts_name_an_entry(g: Glossary) -> None:
    g.add(Entry("term", [Term("en", "tariff"), Term("ko", "관세")], status="approved"))
    foreign = GWANGJU.replace('"metropolitan city"', '"issue #1"')
    report = import_file(g, io.BytesIO(foreign.encode()), name="x.po")
    assert len(report.created) == 2 and report.conflicts == []  # not entry 1, "tariff"


def _edit_unit(po_text: str, msgid: str, msgstr: str, *, fuzzy: bool) -> str:
    po = polib.pofile(po_text)
    unit = po.find(msgid)
    assert unit is not None
    unit.msgstr = msgstr
    if fuzzy and "fuzzy" not in unit.flags:
        unit.flags.append("fuzzy")
    return str(po)


def test_a_fuzzy_unit_is_a_proposal_never_a_replacement(loaded: Glossary) -> None:
    data = _export(loaded, "ko").decode()
    takaichi = loaded.lookup("Takaichi Sanae")[0].entry
    edited = _edit_unit(data, "Takaichi Sanae", "다카이치", fuzzy=True)
    report = import_file(loaded, io.BytesIO(edited.encode()), name="fuzzy.po", user="translator")
    assert report.updated == [] and report.conflicts == []
    assert [(p.entry_id, p.old, p.new) for p in report.proposed] == [
        (takaichi.id, "다카이치 사나에", "다카이치")
    ]
    assert "1 proposed for review" in report.summary()
    after = loaded.get(takaichi.id or 0)
    # The curated form stays the house form; the proposal waits beside it for a curator.
    assert [(t.text, t.role, t.suggested) for t in after.terms_in("ko")] == [
        ("다카이치 사나에", "preferred", []),
        ("다카이치", "variant", ["text"]),
    ]
    assert loaded.history(takaichi.id)[0].user == "translator"
    again = import_file(loaded, io.BytesIO(edited.encode()), name="fuzzy.po")
    assert again.proposed == [] and again.updated == [] and takaichi.id in again.unchanged
    # The same edit without the fuzzy flag is the translator's final word: it updates.
    final = _edit_unit(_export(loaded, "ko").decode(), "Takaichi Sanae", "다카이치", fuzzy=False)
    report = import_file(loaded, io.BytesIO(final.encode()), name="final.po")
    assert [(u.old, u.new) for u in report.updated] == [("다카이치 사나에", "다카이치")]


def test_a_fuzzy_proposal_of_a_deprecated_form_is_a_conflict(g: Glossary) -> None:
    g.add(
        Entry(
            "place",
            [Term("en", "Busan"), Term("ko", "부산"), Term("ko", "부산시", "deprecated")],
            status="approved",
        )
    )
    data = _edit_unit(_export(g, "ko").decode(), "Busan", "부산시", fuzzy=True)
    report = import_file(g, io.BytesIO(data.encode()), name="x.po")
    assert report.proposed == [] and report.updated == []
    (conflict,) = report.conflicts
    assert "'부산시' is a deprecated form of this entry" in conflict.reason


def test_candidates_and_suggested_values_are_fuzzy_in_an_export_of_everything(
    loaded: Glossary,
) -> None:
    po = polib.pofile(_export(loaded, "ko").decode())  # every status
    translated = [u for u in po if u.msgstr]
    candidates = [u for u in translated if "status: candidate" in u.tcomment]
    assert candidates and all("fuzzy" in u.flags for u in candidates)
    final = [
        u for u in translated if "status: approved" in u.tcomment and "suggested:" not in u.tcomment
    ]
    assert final and not any("fuzzy" in u.flags for u in final)
    # Read back, each form has the marks it has in the glossary: a candidate's fuzzy
    # flag is its status, not a mark on its form.
    records = [r for r in read_all("po", str(po).encode()) if isinstance(r, TranslationRecord)]
    checked = 0
    for r in records:
        given, stored = r.entry.preferred("ko"), loaded.get(r.entry_id or 0).preferred("ko")
        if given is not None and given.role == "preferred" and stored is not None:
            assert given.suggested == [m for m in stored.suggested if m not in ("family", "given")]
            checked += 1
    assert checked >= len(candidates)


def test_other_forms_and_their_roles_are_comments_and_read_back(
    g: Glossary, other: Glossary, tmp_path: Path
) -> None:
    east_sea = g.add(
        Entry(
            "place",
            [
                Term("en", "East Sea"),
                Term("en", "Sea of Japan", "variant"),
                Term("ko", "동해"),
                Term("ko", "일본해", "forbidden"),
            ],
            status="approved",
            note="Korean house style never writes 일본해.",
        )
    )
    data = _export(g, "ko")
    unit = polib.pofile(data.decode()).find("East Sea")
    assert unit is not None and unit.msgstr == "동해"
    assert "variant (en): Sea of Japan" in unit.tcomment.splitlines()
    assert "forbidden (ko): 일본해" in unit.tcomment.splitlines()
    (tmp_path / "east-sea.po").write_bytes(data)
    msgfmt_check(tmp_path / "east-sea.po", tmp_path)
    import_file(other, io.BytesIO(data), fmt="po")
    back = other.get(east_sea.id or 0)
    assert [(t.lang, t.text, t.role) for t in back.terms] == [
        (t.lang, t.text, t.role) for t in east_sea.terms
    ]
    assert back.note == east_sea.note
    assert _export(other, "ko") == data


def test_what_a_catalogue_holds_that_the_glossary_does_not_read_is_said(g: Glossary) -> None:
    report = import_file(g, fixture("from_another_tool", "po"))
    messages = [n.message for n in report.notices]
    assert any(m.startswith("left out: extracted comments (#.) (1, at line 11)") for m in messages)
    assert any(m.startswith("left out: obsolete units (#~) (1, at line 25)") for m in messages)
    assert len(messages) == 2
    assert report.to_dict()["notices"][0]["file"] == str(fixture("from_another_tool", "po"))

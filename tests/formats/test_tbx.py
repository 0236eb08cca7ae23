"""TBX: TBX-Basic v3 out; v3 (DCA and DCT) and v2 martif in; XML parsed safely."""

from __future__ import annotations

import io
import socket
import xml.etree.ElementTree as ET

import pytest

from glossary import Glossary, Term
from glossary.errors import ParseError
from glossary.formats import export_entries, import_file
from glossary.formats.base import EntryRecord
from glossary.formats.tbx import NAMESPACE
from tests.formats.contract import FormatContract, notices, read_all, records
from tests.formats.samples import add_samples, fixture, written
from tests.formats.validators import (
    TBX_BASIC_SCH,
    TBX_CORE_RNG,
    relaxng_errors,
    schematron_errors,
)

NS = {"t": NAMESPACE}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


class TestTbxContract(FormatContract):
    fmt = "tbx"
    malformed_line = 10
    bad_record_at = (13, "administrativeStatus")


def _export(g: Glossary, **kw: object) -> bytes:
    out = io.BytesIO()
    export_entries(g, "tbx", out, **kw)  # type: ignore[arg-type]
    return out.getvalue()


def test_tbx_basic_v3_structure(loaded: Glossary) -> None:
    root = ET.fromstring(_export(loaded))
    assert root.tag == f"{{{NAMESPACE}}}tbx"
    assert root.get("type") == "TBX-Basic" and root.get("style") == "dca"
    concepts = root.findall("t:text/t:body/t:conceptEntry", NS)
    assert len(concepts) == loaded.count()
    for concept, entry in zip(concepts, loaded.entries(), strict=True):
        assert concept.get("id") == f"entry-{entry.id}"
        sections = concept.findall("t:langSec", NS)
        assert [s.get(XML_LANG) for s in sections] == [
            lang for lang in ("en", "ko", "ja") if entry.terms_in(lang)
        ]
        for section in sections:
            terms = entry.terms_in(section.get(XML_LANG) or "")
            term_secs = section.findall("t:termSec", NS)
            assert [ts.findtext("t:term", namespaces=NS) for ts in term_secs] == [
                t.text for t in terms
            ]
            for ts, term in zip(term_secs, terms, strict=True):
                notes = {n.get("type"): n.text for n in ts.findall("t:termNote", NS)}
                assert notes["administrativeStatus"] in (
                    "preferredTerm-admn-sts",
                    "admittedTerm-admn-sts",
                    "deprecatedTerm-admn-sts",
                )
                assert notes["termType"] in ("fullForm", "abbreviation")
                assert (notes["administrativeStatus"] == "preferredTerm-admn-sts") == (
                    term.role == "preferred"
                )


def test_the_namespace_is_iso_30042_2019() -> None:
    root = ET.fromstring(written("tbx"))
    assert root.tag == "{urn:iso:std:iso:30042:ed-2}tbx"


@pytest.mark.parametrize("status", [None, "approved"])
def test_exports_pass_the_official_tbx_basic_schemas(loaded: Glossary, status: str | None) -> None:
    """The shipped glossary (and the samples, which hold every role, review marks and
    notes) against LTAC's TBX core RELAX NG schema and TBX-Basic DCA Schematron."""
    add_samples(loaded)  # every role, review marks, notes, three scripts
    data = _export(loaded, status=status)
    assert b"Wi Sung-lak" in data or status == "approved"
    assert data.count(b"<conceptEntry ") > 40
    assert relaxng_errors(data, TBX_CORE_RNG) == []
    assert schematron_errors(data, TBX_BASIC_SCH) == []


def test_the_samples_pass_the_official_schemas() -> None:
    data = written("tbx")  # every role, review marks, notes that look like fields
    assert relaxng_errors(data, TBX_CORE_RNG) == []
    assert schematron_errors(data, TBX_BASIC_SCH) == []


@pytest.mark.parametrize(
    ("change", "found"),
    [
        # The checks catch what they are there for (else a pass would prove little).
        ((b"urn:iso:std:iso:30042:ed-2", b"urn:iso:std:iso:30042:ed:3.0"), "DCT style elements"),
        ((b">fullForm<", b">fullName<"), "/termType/ type may be"),
        ((b">preferredTerm-admn-sts<", b">preferred<"), "/administrativeStatus/ type may be"),
    ],
)
def test_the_schematron_check_finds_what_is_wrong(change: tuple[bytes, bytes], found: str) -> None:
    data = fixture("unicode_three_scripts", "tbx").read_bytes().replace(*change)
    errors = schematron_errors(data, TBX_BASIC_SCH)
    assert errors and all(found in e for e in errors), errors[:3]


def test_roles_become_status_type_and_notes() -> None:
    root = ET.fromstring(fixture("unicode_three_scripts", "tbx").read_bytes())

    def term_sec(text: str) -> ET.Element:
        for ts in root.iter(f"{{{NAMESPACE}}}termSec"):
            if ts.findtext("t:term", namespaces=NS) == text:
                return ts
        raise AssertionError(text)

    def described(text: str) -> tuple[str | None, str | None, list[str | None]]:
        ts = term_sec(text)
        notes = {n.get("type"): n.text for n in ts.findall("t:termNote", NS)}
        return (
            notes["administrativeStatus"],
            notes["termType"],
            [n.text for n in ts.findall("t:note", NS)],
        )

    assert described("APEC") == ("admittedTerm-admn-sts", "abbreviation", [])
    assert described("Woo Sung-lak")[0] == "deprecatedTerm-admn-sts"
    assert described("Wi Sung-lak")[::2] == ("deprecatedTerm-admn-sts", ["role: forbidden"])
    assert described("奈良県")[2] == ["reading: ならけん", "suggested: reading"]
    assert "note: kind: this note only looks like a field." in [
        n.text for n in root.iter(f"{{{NAMESPACE}}}note")
    ]


def test_target_keeps_english_and_one_language(g: Glossary) -> None:
    import_file(g, fixture("unicode_three_scripts", "tbx"))
    root = ET.fromstring(_export(g, target="ja"))
    langs = {s.get(XML_LANG) for s in root.iter(f"{{{NAMESPACE}}}langSec")}
    assert langs == {"en", "ja"}
    report = import_file(g, io.BytesIO(_export(g, target="ja")), fmt="tbx")
    assert len(report.unchanged) == 10 and not report.conflicts


def test_reads_tbx_v2_martif_as_other_tools_write_it() -> None:
    first, second = records("tbx", fixture("tbx_v2_martif", "tbx").read_bytes())
    assert isinstance(first, EntryRecord)
    apec = first.entry
    assert [(t.lang, t.text, t.role) for t in apec.terms] == [
        ("en", "Asia-Pacific Economic Cooperation", "preferred"),
        ("en", "APEC", "abbreviation"),
        ("ko", "아시아태평양경제협력체", "preferred"),
        ("ko", "아태경협", "deprecated"),
    ]
    # The French section is left out, and the import says so.
    assert notices("tbx", fixture("tbx_v2_martif", "tbx").read_bytes(), "v2.tbx") == [
        "left out: language sections in 'fr' (1, at line 36, termEntry 1 (id 'c101')); "
        "the glossary keeps English, Korean and Japanese"
    ]
    assert (apec.kind, apec.status) == ("term", "candidate")
    assert apec.note == "subjectField: Politics"
    assert apec.terms[2].note == "context: 아시아태평양경제협력체(APEC) 정상회의"
    assert first.entry_id is None and first.element == "termEntry 1 (id 'c101')"
    busan = second.entry
    assert [(t.lang, t.text, t.role) for t in busan.terms] == [
        ("en", "Busan", "preferred"),
        ("en", "Pusan", "variant"),
        ("ja", "釜山", "preferred"),
    ]


def test_reads_tbx_v3_dct_style_and_the_iso_2019_namespace() -> None:
    (record,) = records("tbx", fixture("tbx_v3_dct_style", "tbx").read_bytes())
    assert [(t.lang, t.text, t.role) for t in record.entry.terms] == [
        ("en", "Group of 20", "preferred"),
        ("en", "G20", "abbreviation"),
        ("ja", "主要20か国・地域", "preferred"),
        ("ja", "Ｇ２０", "deprecated"),
    ]


def test_foreign_entries_match_stored_ones_whatever_their_kind(loaded: Glossary) -> None:
    report = import_file(loaded, fixture("tbx_v2_martif", "tbx"))
    apec = loaded.lookup("Asia-Pacific Economic Cooperation")[0].entry
    busan = loaded.lookup("Busan")[0].entry
    assert report.created == []
    assert {c.entry_id for c in report.conflicts} | set(report.unchanged) == {apec.id, busan.id}


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("billion_laughs", "declares XML entities"),
        ("external_entity", "declares XML entities"),
    ],
)
def test_entities_are_refused(g: Glossary, case: str, message: str) -> None:
    with pytest.raises(ParseError, match=message) as info:
        import_file(g, fixture(case, "tbx"))
    assert info.value.line is not None and info.value.line > 1
    assert g.count() == 0


def test_a_remote_dtd_is_never_fetched(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("the parser tried to reach the network")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    (record,) = records("tbx", fixture("remote_dtd", "tbx").read_bytes())
    assert record.entry.terms[0].text == "Taiwan Strait"


def test_not_a_tbx_file() -> None:
    with pytest.raises(ParseError, match="not a TBX file: its root element is <tmx>"):
        read_all("tbx", fixture("unicode_three_scripts", "tmx").read_bytes())


def test_a_concept_without_our_languages_is_a_problem() -> None:
    data = (
        b'<tbx xmlns="urn:iso:std:iso:30042:ed:3.0"><text><body>'
        b'<conceptEntry id="x"><langSec xml:lang="fr"><termSec><term>chat</term></termSec>'
        b"</langSec></conceptEntry></body></text></tbx>"
    )
    problem, notice = read_all("tbx", data, "fr.tbx")
    assert "no term in English, Korean or Japanese" in str(problem)
    assert "left out: language sections in 'fr'" in str(notice)
    assert "conceptEntry 1 (id 'x')" in str(problem)


def test_a_differing_form_is_a_conflict_and_added_forms_are_not(g: Glossary) -> None:
    import_file(g, fixture("unicode_three_scripts", "tbx"))
    entry = g.get(2)
    entry.terms.append(Term("ko", "오노", "abbreviation"))
    g.update(entry)
    data = fixture("unicode_three_scripts", "tbx").read_text(encoding="utf-8")
    report = import_file(g, io.BytesIO(data.encode()), fmt="tbx")
    assert report.conflicts == [] and len(report.unchanged) == 10
    edited = data.replace(
        "<note>reading: おおの じゅんいちろう</note>", "<note>reading: おおの</note>"
    )
    report = import_file(g, io.BytesIO(edited.encode()), fmt="tbx")
    (conflict,) = report.conflicts
    assert conflict.entry_id == 2 and conflict.element == "conceptEntry 2 (id 'entry-2')"
    assert "ja form '大野潤一郎': reading differ" in conflict.reason
    assert g.get(2).preferred("ja").reading == "おおの じゅんいちろう"  # type: ignore[union-attr]


def test_values_a_foreign_file_leaves_out_are_no_conflict(loaded: Glossary) -> None:
    """Another tool's TBX names 이재명 without hanja, romanization or name parts: it says
    nothing about them, so it agrees with the glossary (it used to be a conflict)."""
    lee = loaded.lookup("Lee Jae-myung")[0].entry
    assert lee.preferred("ko").hanja and lee.preferred("en").family  # type: ignore[union-attr]
    report = import_file(loaded, fixture("from_another_tool", "tbx"))
    assert report.conflicts == [] and report.created == [] and report.unchanged == [lee.id]
    # What the file does say is still compared.
    data = fixture("from_another_tool", "tbx").read_bytes()
    other = data.replace(b"<term>Lee Jae Myung</term>", b"<term>Lee Jae-myeong</term>")
    (conflict,) = import_file(loaded, io.BytesIO(other), fmt="tbx").conflicts
    assert "en form 'Lee Jae-myeong' (variant): not in the glossary" in conflict.reason
    stale = data.replace(b"admittedTerm-admn-sts", b"deprecatedTerm-admn-sts")
    (conflict,) = import_file(loaded, io.BytesIO(stale), fmt="tbx").conflicts
    assert "en form 'Lee Jae Myung': role differ" in conflict.reason


def test_what_a_foreign_file_holds_that_the_glossary_leaves_out_is_said(g: Glossary) -> None:
    report = import_file(g, fixture("from_another_tool", "tbx"), name="other.tbx")
    where = "conceptEntry 1 (id 't1')"
    assert [n.message for n in report.notices] == [
        "left out: transaction records (transacGrp: who changed an entry, and when) "
        f"(1, at line 12, {where}); the glossary has no place for them",
        f"left out: <xref> elements (1, at line 37, {where}); the glossary has no place for them",
        f"left out: 'partOfSpeech' data categories (2, first at line 19, {where}); "
        "the glossary has no place for them",
        f"left out: language sections in 'de' (1, at line 34, {where}); "
        "the glossary keeps English, Korean and Japanese",
    ]
    assert report.to_dict()["notices"][0]["line"] == 12

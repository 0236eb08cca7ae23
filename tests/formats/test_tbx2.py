"""TBX v2 (``martif``, TBX-Basic 2008): the export for tools that read no TBX v3."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import pytest

from glossary import Glossary
from glossary.formats import FORMATS, export_entries, format_for, import_file
from tests.formats.contract import FormatContract
from tests.formats.samples import EPOCH, add_samples, fixture
from tests.formats.validators import TBX_BASIC_2008_RNG, relaxng_errors, schematron_errors

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


class TestTbx2Contract(FormatContract):
    fmt = "tbx2"
    malformed_line = 10
    bad_record_at = (13, "administrativeStatus")


def _export(g: Glossary, **kw: object) -> bytes:
    out = io.BytesIO()
    export_entries(g, "tbx2", out, **kw)  # type: ignore[arg-type]
    return out.getvalue()


def test_a_format_of_its_own_that_reads_like_tbx() -> None:
    assert format_for("tbx2") is FORMATS["tbx2"]
    assert format_for("glossary.tbx") is FORMATS["tbx"]  # a .tbx file is v3 unless named


@pytest.mark.parametrize("status", [None, "approved"])
def test_exports_pass_the_tbx_basic_2008_schema(loaded: Glossary, status: str | None) -> None:
    """The 2008 TBX-Basic integrated RELAX NG schema, and the Schematron rules in it."""
    add_samples(loaded)  # every role, review marks, notes, three scripts
    data = _export(loaded, status=status)
    assert b"Wi Sung-lak" in data or status == "approved"
    assert data.count(b"<termEntry ") > 40
    assert relaxng_errors(data, TBX_BASIC_2008_RNG) == []
    assert schematron_errors(data, TBX_BASIC_2008_RNG) == []


def test_the_fixture_passes_the_2008_schema_which_catches_mistakes() -> None:
    data = fixture("unicode_three_scripts", "tbx2").read_bytes()
    assert relaxng_errors(data, TBX_BASIC_2008_RNG) == []
    assert schematron_errors(data, TBX_BASIC_2008_RNG) == []
    wrong = data.replace(b">deprecatedTerm-admn-sts<", b">forbiddenTerm-admn-sts<")
    assert "administrativeStatus must be one of" in " ".join(
        schematron_errors(wrong, TBX_BASIC_2008_RNG)
    )
    term_note = b'<termNote type="termType">fullForm</termNote>'
    misplaced = data.replace(term_note, b"<note>x</note>" + term_note, 1)  # notes come last
    assert relaxng_errors(misplaced, TBX_BASIC_2008_RNG)


def test_v2_carries_what_v3_carries(g: Glossary, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same entries, forms, roles and notes, in v2's element names."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
    v3 = fixture("unicode_three_scripts", "tbx").read_text(encoding="utf-8")
    v2 = fixture("unicode_three_scripts", "tbx2").read_text(encoding="utf-8")
    renamed = v2.replace("termEntry", "conceptEntry").replace("langSet", "langSec")
    renamed = renamed.replace("<tig>", "<termSec>").replace("</tig>", "</termSec>")
    body = renamed[renamed.index("<body>") :]
    assert body.replace("</martif>", "</tbx>") == v3[v3.index("<body>") :]
    root = ET.fromstring(v2.encode())
    assert root.tag == "martif" and root.get("type") == "TBX-Basic"
    assert root.get(XML_LANG) == "en" and root.find("martifHeader/fileDesc/sourceDesc")
    # Read back into a glossary: the same entries as from the v3 file.
    import_file(g, io.BytesIO(v2.encode()), fmt="tbx2")
    assert _export(g).decode() == v2

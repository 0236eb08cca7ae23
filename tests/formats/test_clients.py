"""Our exports as the tools translators use read them: translate-toolkit (PO, TMX and TBX
v2: what Weblate reads), Babel (PO) and LibreOffice, headless (XLSX, and CSV through its
UTF-8 filter). The shipped glossary with the samples added: three scripts, every role,
forms awaiting review, formula-looking cells."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from translate.storage import po as tt_po
from translate.storage import tbx as tt_tbx
from translate.storage import tmx as tt_tmx

from glossary import Entry, Glossary, open_glossary
from glossary.formats import export_entries
from tests.conftest import TERMS_CSV
from tests.formats.samples import add_samples

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture
def glossary(sqlite_url: str) -> Iterator[Glossary]:
    """The shipped glossary with the samples (on SQLite: these tests are about files)."""
    from glossary.formats.loader import load_terms

    with open_glossary(sqlite_url) as g:
        load_terms(g, TERMS_CSV, user="tester")
        add_samples(g)
        yield g


def _export(g: Glossary, fmt: str, path: Path, **kw: object) -> Path:
    export_entries(g, fmt, path, **kw)  # type: ignore[arg-type]
    return path


def _house(entry: Entry, lang: str) -> str:
    return next((t.text for t in entry.terms_in(lang) if t.role == "preferred"), "")


def _not_final(entry: Entry, lang: str) -> bool:
    form = next((t for t in entry.terms_in(lang) if t.role == "preferred"), None)
    if form is None:
        return False
    marks = [m for m in form.suggested if m not in ("family", "given")]
    return entry.status != "approved" or bool(marks)


def _entry_of(location: str) -> int:
    assert location.startswith("entry/")
    return int(location.removeprefix("entry/").split(":")[0])


# -- PO -------------------------------------------------------------------------------


@pytest.mark.parametrize("target", ["ko", "ja"])
def test_translate_toolkit_reads_our_po(glossary: Glossary, tmp_path: Path, target: str) -> None:
    path = _export(glossary, "po", tmp_path / f"glossary.{target}.po", target=target)
    store = tt_po.pofile.parsefile(str(path))
    units = [u for u in store.units if not u.isheader()]
    with_english = [e for e in glossary.entries() if _house(e, "en")]
    assert len(units) == len(with_english) > 60
    assert store.gettargetlanguage() == target
    for unit in units:
        (location,) = unit.getlocations()
        entry = glossary.get(_entry_of(location))
        assert unit.source == _house(entry, "en")
        assert unit.target == _house(entry, target)
        assert unit.isfuzzy() == _not_final(entry, target), unit.source
    contexts = {u.getcontext() for u in units if u.source == "Sejong"}
    assert len(contexts) >= 2 and "" not in contexts
    (wi,) = [u for u in units if u.source == "Wi Sung-lac" and "forbidden" in u.getnotes()]
    notes = wi.getnotes("translator").splitlines()
    assert "forbidden (en): Wi Sung-lak" in notes and "deprecated (en): Woo Sung-lak" in notes


@pytest.mark.parametrize("target", ["ko", "ja"])
def test_babel_reads_and_compiles_our_po(glossary: Glossary, tmp_path: Path, target: str) -> None:
    path = _export(glossary, "po", tmp_path / f"glossary.{target}.po", target=target)
    with path.open("rb") as f:
        catalog = read_po(f, locale=target)
    assert str(catalog.locale) == target
    messages = [m for m in catalog if m.id]
    assert len(messages) == len([e for e in glossary.entries() if _house(e, "en")])
    assert list(catalog.check()) == []
    for message in messages:
        (location, _), *_ = message.locations
        entry = glossary.get(_entry_of(f"{location}:0"))
        assert (message.id, message.string) == (_house(entry, "en"), _house(entry, target))
        assert message.fuzzy == _not_final(entry, target), message.id
    assert catalog.get("Sejong", context=f"place #{_sejong(glossary, 'place')}") is not None
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    assert compiled.getvalue()[:4] in (b"\xde\x12\x04\x95", b"\x95\x04\x12\xde")


def _sejong(g: Glossary, kind: str) -> int:
    return next(e.id for e in g.entries(kind=kind) if _house(e, "en") == "Sejong")  # type: ignore[misc]


# -- TMX ------------------------------------------------------------------------------


def test_translate_toolkit_reads_our_tmx(glossary: Glossary, tmp_path: Path) -> None:
    path = _export(glossary, "tmx", tmp_path / "glossary.tmx", target="ko")
    store = tt_tmx.tmxfile.parsefile(str(path))
    expected = {
        f"{e.id}-ko": (_house(e, "en"), _house(e, "ko"))
        for e in glossary.entries()
        if _house(e, "en") and _house(e, "ko")
    }
    got = {u.getid(): (u.source, u.target) for u in store.units}
    assert got == expected and len(got) > 50


# -- TBX v2 ---------------------------------------------------------------------------


def test_translate_toolkit_reads_our_tbx_v2(glossary: Glossary, tmp_path: Path) -> None:
    path = _export(glossary, "tbx2", tmp_path / "glossary.tbx")
    store = tt_tbx.tbxfile.parsefile(str(path))
    store.settargetlanguage("ko")
    assert len(store.units) == glossary.count()
    checked = 0
    for unit in store.units:
        entry = glossary.get(int(unit.getid().removeprefix("entry-")))
        if not entry.terms_in("en"):
            continue  # translate-toolkit then takes the first language for the source
        assert [(t.text, t.deprecated) for t in unit.get_source_terms()] == [
            (t.text, t.role in ("deprecated", "forbidden")) for t in entry.terms_in("en")
        ]
        assert [t.text for t in unit.get_target_terms()] == [t.text for t in entry.terms_in("ko")]
        checked += 1
    assert checked > 60


# -- LibreOffice ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def libreoffice(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The soffice command, with a profile of its own (a first start makes it)."""
    assert SOFFICE, "LibreOffice Calc is needed (Debian package libreoffice-calc-nogui)"
    profile = tmp_path_factory.mktemp("libreoffice-profile")
    return [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless"]


def _convert(command: list[str], source: Path, to: str, infilter: str | None = None) -> Path:
    out = source.parent / f"by-libreoffice-{to.split(':')[0]}"
    args = [*command, *([f"--infilter={infilter}"] if infilter else [])]
    result = subprocess.run(
        [*args, "--convert-to", to, "--outdir", str(out), str(source)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    made = out / f"{source.stem}.{to.split(':')[0]}"
    assert made.is_file(), result.stdout
    return made


def _values(path: Path) -> list[list[object]]:
    ws = openpyxl.load_workbook(path)["Glossary"]
    return [[c.value for c in row] for row in ws.iter_rows()]


def _formulas(path: Path) -> list[str]:
    wb = openpyxl.load_workbook(path)
    return [
        c.coordinate
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for c in row
        if c.data_type == "f"
    ]


def test_libreoffice_opens_our_xlsx_as_we_wrote_it(
    glossary: Glossary, tmp_path: Path, libreoffice: list[str]
) -> None:
    ours = _export(glossary, "xlsx", tmp_path / "glossary.xlsx")
    saved = _convert(libreoffice, ours, "xlsx")  # opened and saved again by Calc
    assert _values(saved) == _values(ours)
    assert _formulas(saved) == []
    text = _convert(libreoffice, ours, "csv:Text - txt - csv (StarCalc):44,34,76,1")
    rows = list(csv.reader(io.StringIO(text.read_text(encoding="utf-8"))))
    assert len(rows) == glossary.count() + 1
    cells = {c for row in rows for c in row}
    assert {"이재명", "李在明", "大野潤一郎", "おおの じゅんいちろう", "다카이치 사나에"} <= cells
    # Formula-looking text is text, shown as it is: no apostrophe, nothing computed.
    assert '=HYPERLINK("http://example.org") is text, not a formula' in cells
    assert "-5% tariff" in cells and "@関税" in cells
    assert not [c for c in cells if c.startswith("'")]


def test_libreoffice_reads_our_csv_with_its_utf8_filter(
    glossary: Glossary, tmp_path: Path, libreoffice: list[str]
) -> None:
    """With the UTF-8 character set chosen on import (token 3 of the filter, 76), Korean
    and Japanese survive and no cell becomes a formula; the apostrophe that keeps a
    cell from running as one stays visible (XLSX has neither problem)."""
    ours = _export(glossary, "csv", tmp_path / "glossary.csv")
    sheet = _convert(libreoffice, ours, "xlsx", infilter="CSV:44,34,76,1")
    ws = openpyxl.load_workbook(sheet).worksheets[0]
    assert ws.max_row == glossary.count() + 1
    values = {c.value for row in ws.iter_rows() for c in row if c.value is not None}
    assert {"이재명", "李在明", "大野潤一郎", "おおの じゅんいちろう", "다카이치 사나에"} <= values
    assert _formulas(sheet) == []
    assert '\'=HYPERLINK("http://example.org") is text, not a formula' in values
    assert "'-5% tariff" in values

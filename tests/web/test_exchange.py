"""Export downloads and import uploads, with their options, by role."""

from __future__ import annotations

import csv
import io

from flask.testing import FlaskClient

from glossary import Glossary
from glossary.accounts import create_token
from tests.formats.samples import fixture
from tests.web.conftest import Browser


def test_export_page_lists_formats_and_options(browser: Browser) -> None:
    page = browser.get("/export").get_data(as_text=True)
    for code in ("csv", "po", "tbx", "tmx"):
        assert f'name="format" value="{code}"' in page
    assert 'name="target"' in page and 'name="bom"' in page and 'for="status"' in page


def test_csv_export_downloads_approved_entries(browser: Browser, glossary: Glossary) -> None:
    resp = browser.get("/export/download?format=csv&status=approved")
    assert resp.status_code == 200
    assert resp.headers["Content-Disposition"] == "attachment; filename=glossary.csv"
    text = resp.get_data().decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == glossary.count(status="approved")
    assert any(r["en"] == "Takaichi Sanae" and r["ja"] == "高市早苗" for r in rows)
    with_bom = browser.get("/export/download?format=csv&bom=1").get_data()
    assert with_bom.startswith(b"\xef\xbb\xbf")


def test_po_export_needs_a_target(browser: Browser) -> None:
    missing = browser.get("/export/download?format=po")
    assert missing.status_code == 400 and "target language" in missing.get_data(as_text=True)
    resp = browser.get("/export/download?format=po&target=ko")
    assert resp.status_code == 200 and "glossary.ko.po" in resp.headers["Content-Disposition"]
    assert 'msgstr "다카이치 사나에"' in resp.get_data(as_text=True)
    assert browser.get("/export/download?format=docx").status_code == 400


def test_import_dry_run_then_for_real(browser: Browser, glossary: Glossary) -> None:
    browser.login("admin")
    new_csv = "kind,status,en,ko\norg,approved,Korea Meteorological Administration,기상청\n"
    data = {"file": (io.BytesIO(new_csv.encode()), "new.csv"), "dry_run": "1"}
    resp = browser.post("/import", data, content_type="multipart/form-data")
    assert resp.status_code == 200
    page = resp.get_data(as_text=True)
    assert "Dry run of new.csv" in page and "1 would be created" in page
    assert glossary.lookup("Korea Meteorological Administration") == []
    data = {"file": (io.BytesIO(new_csv.encode()), "new.csv")}
    page = browser.post("/import", data, content_type="multipart/form-data").get_data(as_text=True)
    assert "Imported new.csv" in page
    entry = glossary.lookup("Korea Meteorological Administration")[0].entry
    assert glossary.history(entry.id)[0].user == "admin"


def test_bad_import_says_why(browser: Browser) -> None:
    browser.login("admin")
    data = {"file": (io.BytesIO(b"\x00\x01binary"), "bad.csv")}
    resp = browser.post("/import", data, content_type="multipart/form-data")
    assert resp.status_code == 400 and 'class="error"' in resp.get_data(as_text=True)
    empty = browser.post("/import", {}, content_type="multipart/form-data")
    assert empty.status_code == 400 and "Choose a file" in empty.get_data(as_text=True)


def test_import_is_for_admins(browser: Browser) -> None:
    browser.login("curator")
    data = {"file": (io.BytesIO(b"kind,en\nterm,x\n"), "x.csv")}
    assert browser.post("/import", data, content_type="multipart/form-data").status_code == 403


def test_an_import_page_says_what_the_file_left_out(browser: Browser) -> None:
    browser.login("admin")
    data = {
        "file": (io.BytesIO(fixture("from_another_tool", "tbx").read_bytes()), "other.tbx"),
        "dry_run": "1",
    }
    page = browser.post("/import", data, content_type="multipart/form-data").get_data(as_text=True)
    assert "0 conflicting" in page and "Left out of the file" in page
    assert "left out: language sections in &#39;de&#39;" in page


def test_xlsx_and_tbx_v2_downloads(browser: Browser, glossary: Glossary) -> None:
    import openpyxl

    # Signed in: a visitor's export leaves the curators' notes out (issue 20), and a
    # re-import of that would differ in every note.
    browser.login("admin")
    page = browser.get("/export").get_data(as_text=True)
    assert 'value="xlsx"' in page and 'value="tbx2"' in page
    resp = browser.get("/export/download?format=xlsx&status=approved")
    assert resp.status_code == 200 and resp.mimetype.endswith("spreadsheetml.sheet")
    assert resp.headers["Content-Disposition"] == "attachment; filename=glossary.xlsx"
    ws = openpyxl.load_workbook(io.BytesIO(resp.get_data()))["Glossary"]
    assert ws.max_row == glossary.count(status="approved") + 1
    v2 = browser.get("/export/download?format=tbx2").get_data()
    assert b"<martif " in v2 and b"<termEntry " in v2
    data = {"file": (io.BytesIO(resp.get_data()), "glossary.xlsx"), "dry_run": "1"}
    page = browser.post("/import", data, content_type="multipart/form-data").get_data(as_text=True)
    assert f"{glossary.count(status='approved')} unchanged, 0 conflicting" in page


def test_a_carriage_return_sent_to_the_api_cannot_start_an_exported_row(
    client: FlaskClient, glossary: Glossary
) -> None:
    """The audit's formula: a note "\\r=1+1" stored through the API, then exported."""
    token = create_token(glossary, "curator", "tests")
    body = {
        "kind": "term",
        "status": "approved",
        "note": "\r=1+1",
        "terms": {"en": [{"text": "x"}]},
    }
    resp = client.post("/api/entries", json=body, headers={"Authorization": f"Bearer {token}"})
    assert resp.status_code == 201 and resp.get_json()["note"] == "\n=1+1"
    text = client.get("/export/download?format=csv").get_data().decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert not any(row and row[0].startswith("=") for row in rows)
    assert len(rows) == glossary.count(status="approved") + 1

"""The style check in the web app: POST /api/check and the /check page."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from glossary import Glossary
from tests.web.conftest import Browser

DIRTY = "President Lee Jae Myung met Sanae Takaichi.\n<b>bold</b> stays text."


def test_api_check_returns_findings(client: FlaskClient) -> None:
    resp = client.post("/api/check", json={"text": DIRTY})
    assert resp.status_code == 200
    data = resp.get_json()
    assert data["style"] == "default" and data["errors"] == 2
    found = {(f["found"], f["suggestion"], f["rule"]) for f in data["findings"]}
    assert found == {
        ("Lee Jae Myung", "Lee Jae-myung", "spelling"),
        ("Sanae Takaichi", "Takaichi Sanae", "name-order"),
    }
    first = data["findings"][0]
    assert (first["line"], first["column"], first["severity"]) == (1, 11, "error")


def test_api_check_with_another_style(client: FlaskClient) -> None:
    data = client.post("/api/check", json={"text": "Sanae Takaichi", "style": "ap"}).get_json()
    assert data["findings"] == []
    bad = client.post("/api/check", json={"text": "x", "style": "chicago"})
    assert bad.status_code == 400 and "japan-gov" in bad.get_json()["error"]["message"]


def test_api_check_bad_body(client: FlaskClient) -> None:
    resp = client.post("/api/check", data="not json")
    assert resp.status_code == 400 and set(resp.get_json()["error"]) == {
        "status",
        "code",
        "message",
    }


def test_checker_follows_edits(client: FlaskClient, glossary: Glossary) -> None:
    assert client.post("/api/check", json={"text": "Busan"}).get_json()["findings"] == []
    busan = glossary.lookup("Busan")[0].entry
    busan.terms[0].role = "variant"
    busan.terms.insert(0, busan.terms[0].__class__("en", "Busan Metropolitan City"))
    glossary.update(busan)
    after = client.post("/api/check", json={"text": "Busan"}).get_json()["findings"]
    assert after == []  # an accepted short form stays fine
    busan = glossary.get(busan.id)  # type: ignore[arg-type]
    busan.terms[1].role = "deprecated"
    glossary.update(busan)
    after = client.post("/api/check", json={"text": "Busan"}).get_json()["findings"]
    assert [(f["rule"], f["suggestion"]) for f in after] == [
        ("deprecated", "Busan Metropolitan City")
    ]


def test_check_page_marks_findings_and_applies_one(browser: Browser) -> None:
    page = browser.get("/check").get_data(as_text=True)
    assert 'for="text"' in page and 'name="style"' in page
    resp = browser.post("/check", {"text": DIRTY, "style": "default"})
    html = resp.get_data(as_text=True)
    assert '<mark class="finding error"' in html and "Lee Jae Myung</mark>" in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html  # markup in a draft is shown as text
    applied = browser.post(
        "/check",
        {
            "text": DIRTY,
            "style": "default",
            "apply": "10:13",
            "found_10:13": "Lee Jae Myung",
            "suggestion_10:13": "Lee Jae-myung",
        },
    )
    html = applied.get_data(as_text=True)
    assert "President Lee Jae-myung met Sanae Takaichi." in html
    assert "1 finding with" in html


def test_check_page_refuses_stale_apply(browser: Browser) -> None:
    resp = browser.post(
        "/check", {"text": "Hello", "apply": "0:5", "found_0:5": "Lee J", "suggestion_0:5": "x"}
    )
    assert "the draft changed since it was checked" in resp.get_data(as_text=True)


def test_curator_sends_an_unknown_name_to_the_queue(curator: Browser, glossary: Glossary) -> None:
    text = "Foreign Minister Motegi Toshimitsu spoke."
    html = curator.post("/check", {"text": text}).get_data(as_text=True)
    assert "Send to curation queue" in html
    resp = curator.post(
        "/check",
        {
            "text": text,
            "queue": "17:17",
            "found_17:17": "Motegi Toshimitsu",
            "kind_17:17": "person",
            "sentence_17:17": text,
        },
    )
    assert "Sent to the curation queue as entry" in resp.get_data(as_text=True)
    entry = glossary.lookup("Motegi Toshimitsu")[0].entry
    assert entry.status == "candidate" and entry.kind == "person"


def test_anonymous_cannot_queue(browser: Browser) -> None:
    text = "Foreign Minister Motegi Toshimitsu spoke."
    html = browser.post("/check", {"text": text}).get_data(as_text=True)
    assert "Send to curation queue" not in html
    resp = browser.post(
        "/check",
        {
            "text": text,
            "queue": "17:17",
            "found_17:17": "Motegi Toshimitsu",
            "kind_17:17": "person",
        },
    )
    assert "needs the curator role" in resp.get_data(as_text=True)


@pytest.mark.parametrize("apply", ["x:y", "5", "1:-2", ":"])
def test_a_made_up_apply_is_refused_in_words(browser: Browser, apply: str) -> None:
    """The audit's /check?apply=x:y showed Python's "invalid literal for int()"."""
    resp = browser.post("/check", {"text": "Hello", "apply": apply})
    assert resp.status_code == 400
    page = resp.get_data(as_text=True)
    assert "the suggestion to apply is not one this page offered" in page
    assert "invalid literal" not in page and "unpack" not in page

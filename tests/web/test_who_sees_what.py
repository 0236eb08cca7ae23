"""What anonymous visitors and readers are shown, next to curators: account names only
to signed-in users; approved entries only, without curators' notes, unless the settings
open more (issue 20)."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from glossary import Entry, Glossary, GlossaryError, Term
from glossary.accounts import create_token
from glossary.mining.articles import Article
from tests.web.conftest import Browser


def _takaichi(glossary: Glossary) -> int:
    entry_id = glossary.lookup("Takaichi Sanae")[0].entry.id
    assert entry_id is not None
    return entry_id


def test_account_names_are_shown_to_signed_in_users_only(
    client: FlaskClient, browser: Browser, glossary: Glossary
) -> None:
    """Names on the entry page and in the history would let anyone guess at a curator's
    password; visitors see when an entry changed, not who changed it."""
    entry_id = _takaichi(glossary)
    page = client.get(f"/entries/{entry_id}").get_data(as_text=True)
    assert "tester" not in page
    assert "last changed" in page and "<b>create</b> —" in page
    changes = client.get(f"/api/entries/{entry_id}/history").get_json()["changes"]
    assert changes and all(c["user"] is None for c in changes)

    browser.login("reader")
    page = browser.get(f"/entries/{entry_id}").get_data(as_text=True)
    assert "last changed by tester" in page and "<b>create</b> by tester" in page
    changes = browser.get(f"/api/entries/{entry_id}/history").get_json()["changes"]
    assert {c["user"] for c in changes} == {"tester"}


def test_account_names_are_shown_to_scripts_with_a_token(
    client: FlaskClient, glossary: Glossary
) -> None:
    headers = {"Authorization": f"Bearer {create_token(glossary, 'reader')}"}
    entry_id = _takaichi(glossary)
    changes = client.get(f"/api/entries/{entry_id}/history", headers=headers).get_json()
    assert {c["user"] for c in changes["changes"]} == {"tester"}


def _hidden(glossary: Glossary) -> tuple[int, int]:
    """A rejected entry and a candidate, each with a curator's note."""
    rejected = glossary.add(
        Entry(
            kind="person",
            status="rejected",
            note="Not a person: a misread headline.",
            terms=[Term("en", "Zorvath Quellin")],
        )
    )
    candidate = glossary.add(
        Entry(
            kind="person",
            status="candidate",
            note="Check the spelling with the desk.",
            terms=[Term("en", "Brindle Oakhurst", note="as the wire writes it")],
        )
    )
    assert rejected.id and candidate.id
    return rejected.id, candidate.id


def _visitor_and_reader(app: Flask) -> tuple[FlaskClient, FlaskClient]:
    reader = Browser(app.test_client())
    assert reader.login("reader").status_code == 302
    return app.test_client(), reader.client


def test_readers_and_visitors_see_approved_entries_only(app: Flask, glossary: Glossary) -> None:
    """The audit read rejected entries anonymously through the lookup, the entry page,
    the search and the export; now they (and candidates) do not exist for visitors."""
    rejected, candidate = _hidden(glossary)
    for who in _visitor_and_reader(app):
        for q, entry_id in (("Zorvath Quellin", rejected), ("Brindle Oakhurst", candidate)):
            assert who.get(f"/api/lookup?q={q}").get_json()["results"] == []
            for url in (f"/search?q={q}", f"/search?q={q}&partial=1"):
                page = who.get(url).get_data(as_text=True)
                assert f'href="/entries/{entry_id}"' not in page and "0 entries for" in page
        for entry_id in (rejected, candidate):
            for url in (f"/entries/{entry_id}", f"/api/entries/{entry_id}"):
                resp = who.get(url)
                assert resp.status_code == 404, url
                assert f"there is no entry {entry_id}" in resp.get_data(as_text=True)
            assert who.get(f"/api/entries/{entry_id}/history").status_code == 404
        refused = who.get("/api/lookup?q=Zorvath&status=rejected")
        assert refused.status_code == 403
        assert (
            "rejected entries are shown to curators only" in refused.get_json()["error"]["message"]
        )
        assert who.get("/export/download?format=csv&status=rejected").status_code == 403
        export = who.get("/export/download?format=csv").get_data(as_text=True)
        assert "Zorvath Quellin" not in export and "Brindle Oakhurst" not in export
        assert "Takaichi Sanae" in export
    # The count on the home page is of what the visitor can find.
    page = app.test_client().get("/").get_data(as_text=True)
    assert f"{glossary.count(status='approved')} entries in the glossary" in page


def test_curators_see_every_entry_and_note(curator: Browser, glossary: Glossary) -> None:
    rejected, candidate = _hidden(glossary)
    found = curator.get("/api/lookup?q=Zorvath Quellin").get_json()["results"]
    assert found[0]["id"] == rejected and found[0]["note"].startswith("Not a person")
    rejected_only = curator.get("/api/lookup?q=Zorvath&status=rejected").get_json()["results"]
    assert [r["id"] for r in rejected_only] == [rejected]
    assert "Check the spelling" in curator.get(f"/entries/{candidate}").get_data(as_text=True)
    data = curator.get(f"/api/entries/{candidate}").get_json()
    assert data["terms"]["en"][0]["note"] == "as the wire writes it"
    export = curator.get("/export/download?format=csv&status=rejected").get_data(as_text=True)
    assert "Zorvath Quellin" in export and "Not a person" in export


def test_notes_are_for_curators(app: Flask, glossary: Glossary) -> None:
    """Curators' notes (on entries and terms) are left out for readers and visitors:
    from lookups, the entry page, its history and exports."""
    entry = glossary.add(
        Entry(
            kind="term",
            status="approved",
            note="Desk memo: do not confuse with the 2019 bill.",
            terms=[Term("en", "Grain Tariff Act", note="the wire's spelling")],
        )
    )
    assert entry.id is not None
    glossary.update(
        Entry(
            kind="term",
            status="approved",
            note="Desk memo, revised: the 2021 bill.",
            terms=[Term("en", "Grain Tariff Act", note="the wire's spelling")],
            id=entry.id,
            version=entry.version,
        )
    )
    for who in _visitor_and_reader(app):
        (found,) = who.get("/api/lookup?q=Grain Tariff Act").get_json()["results"]
        assert found["note"] == "" and "note" not in found["terms"]["en"][0]
        data = who.get(f"/api/entries/{entry.id}").get_json()
        assert data["note"] == "" and "note" not in data["terms"]["en"][0]
        page = who.get(f"/entries/{entry.id}").get_data(as_text=True)
        assert "Desk memo" not in page and "wire's spelling" not in page
        history = who.get(f"/api/entries/{entry.id}/history").get_data(as_text=True)
        assert "Desk memo" not in history and "wire" not in history
        export = who.get("/export/download?format=csv").get_data(as_text=True)
        assert "Desk memo" not in export and "Grain Tariff Act" in export
        tbx = who.get("/export/download?format=tbx").get_data(as_text=True)
        assert "Desk memo" not in tbx and "wire's spelling" not in tbx


def test_a_setting_opens_more_to_readers(
    db_file: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from webapp import create_app

    monkeypatch.setenv("GLOSSARY_READER_STATUSES", "approved, candidate,rejected")
    monkeypatch.setenv("GLOSSARY_READER_NOTES", "1")
    app = create_app(
        {"TESTING": True, "DATABASE_URL": db_file, "INSTANCE_PATH": str(tmp_path / "i")}
    )
    try:
        glossary = app.extensions["glossary"]
        rejected, candidate = _hidden(glossary)
        client = app.test_client()
        assert client.get(f"/entries/{rejected}").status_code == 200
        found = client.get("/api/lookup?q=Brindle Oakhurst").get_json()["results"]
        assert found[0]["id"] == candidate and found[0]["note"].startswith("Check the spelling")
        assert client.get("/api/lookup?q=Zorvath&status=rejected").status_code == 200
    finally:
        app.extensions["glossary"].close()
    monkeypatch.setenv("GLOSSARY_READER_STATUSES", "approved,candidate")
    monkeypatch.setenv("GLOSSARY_READER_NOTES", "0")
    app = create_app(
        {"TESTING": True, "DATABASE_URL": db_file, "INSTANCE_PATH": str(tmp_path / "i")}
    )
    try:
        client = app.test_client()
        assert client.get("/api/lookup?q=Brindle Oakhurst").get_json()["results"][0]["note"] == ""
        assert client.get("/api/lookup?q=Zorvath Quellin").get_json()["results"] == []
    finally:
        app.extensions["glossary"].close()
    for bad in ("candidate", "approved,pending"):
        monkeypatch.setenv("GLOSSARY_READER_STATUSES", bad)
        with pytest.raises(GlossaryError, match="GLOSSARY_READER_STATUSES lists entry statuses"):
            create_app({"TESTING": True, "DATABASE_URL": db_file})


def test_articles_mark_only_entries_the_visitor_sees(
    app: Flask, curator: Browser, glossary: Glossary
) -> None:
    article_id, _ = glossary.add_article(
        Article(path="a.txt", text="Brindle Oakhurst met Takaichi Sanae.", title="Visit", lang="en")
    )
    _hidden(glossary)
    page = app.test_client().get(f"/articles/{article_id}").get_data(as_text=True)
    assert "Takaichi Sanae</a>" in page and "Brindle Oakhurst</a>" not in page
    page = curator.get(f"/articles/{article_id}").get_data(as_text=True)
    assert "Brindle Oakhurst</a>" in page

"""The JSON API: lookup, entries, writes by role and token, conflicts, merge, undo, the
OpenAPI document, and the one error shape."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from glossary import Glossary
from glossary.accounts import create_token
from tests.web.conftest import add_candidate
from webapp.openapi import openapi_document


def _auth(glossary: Glossary, role: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {create_token(glossary, role, 'tests')}"}


def _nara(glossary: Glossary) -> int:
    entry_id = glossary.lookup("Nara Prefecture")[0].entry.id
    assert entry_id is not None
    return entry_id


NEW = {
    "kind": "org",
    "terms": {
        "en": [{"text": "Korea Meteorological Administration"}],
        "ko": [{"text": "기상청", "romanization": "Gisangcheong"}],
    },
}


def test_lookup(client: FlaskClient) -> None:
    data = client.get("/api/lookup?q=高市&lang=ja").get_json()
    assert data["query"] == "高市"
    first = data["results"][0]
    assert first["terms"]["en"][0]["text"] == "Takaichi Sanae"
    assert {"id", "kind", "status", "match", "score", "terms"} <= set(first)
    places = client.get("/api/lookup?q=Nara&kind=place").get_json()["results"]
    assert places and all(r["kind"] == "place" for r in places)
    assert len(client.get("/api/lookup?q=a&limit=1").get_json()["results"]) <= 1


def test_get_entry_with_evidence(client: FlaskClient, glossary: Glossary) -> None:
    c = add_candidate(glossary, "Cho Hyun", ["Cho Hyun flew to Tokyo."])
    data = client.get(f"/api/entries/{c.id}", headers=_auth(glossary, "curator")).get_json()
    assert data["id"] == c.id and data["version"] == c.version
    assert data["evidence"][0]["sentence"] == "Cho Hyun flew to Tokyo."


def test_anonymous_writes_get_401(client: FlaskClient, glossary: Glossary) -> None:
    entry_id = _nara(glossary)
    for method, url, body in (
        ("post", "/api/entries", NEW),
        ("patch", f"/api/entries/{entry_id}", {"version": 1, "note": "x"}),
        ("post", f"/api/entries/{entry_id}/merge", {"into": 1}),
        ("delete", f"/api/entries/{entry_id}?version=1", None),
        ("post", "/api/changes/1/undo", None),
    ):
        resp = getattr(client, method)(url, json=body)
        assert resp.status_code == 401, url
        assert resp.get_json()["error"]["code"] == "LoginRequired"
        assert resp.headers["WWW-Authenticate"].startswith("Bearer")


def test_a_readers_writes_get_403(client: FlaskClient, glossary: Glossary) -> None:
    headers = _auth(glossary, "reader")
    resp = client.post("/api/entries", json=NEW, headers=headers)
    assert resp.status_code == 403 and resp.get_json()["error"]["code"] == "PermissionDenied"
    assert client.get("/api/lookup?q=Nara", headers=headers).status_code == 200


def test_unknown_token_is_401(client: FlaskClient) -> None:
    for header in ("Bearer glos_not-a-token", "Basic abc", "Bearer "):
        resp = client.get("/api/lookup?q=Nara", headers={"Authorization": header})
        assert resp.status_code == 401 and resp.get_json()["error"]["code"] == "InvalidToken"


def test_curator_adds_an_entry(client: FlaskClient, glossary: Glossary) -> None:
    resp = client.post("/api/entries", json=NEW, headers=_auth(glossary, "curator"))
    assert resp.status_code == 201
    data = resp.get_json()
    assert resp.headers["Location"] == f"/api/entries/{data['id']}"
    assert data["status"] == "candidate" and data["version"] == 1
    assert data["terms"]["ko"][0]["romanization"] == "Gisangcheong"
    assert glossary.history(data["id"])[0].user == "curator"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"kind": "org"}, "at least one term"),
        ({**NEW, "kind": "planet"}, "kind 'planet' is not known"),
        ({**NEW, "colour": "red"}, "unknown entry field(s): colour"),
        ({"kind": "org", "terms": {"en": [{"txt": "x"}]}}, 'at least "text"'),
        ({"kind": "org", "terms": {"en": [{"text": "x", "reading": "y"}]}}, "field 'reading'"),
        ([1, 2], "send a JSON object"),
    ],
)
def test_bad_entries_get_400(
    client: FlaskClient, glossary: Glossary, body: Any, message: str
) -> None:
    resp = client.post("/api/entries", json=body, headers=_auth(glossary, "curator"))
    assert resp.status_code == 400
    assert message in resp.get_json()["error"]["message"]


def test_patch_with_version(client: FlaskClient, glossary: Glossary) -> None:
    entry_id = _nara(glossary)
    headers = _auth(glossary, "curator")
    version = glossary.get(entry_id).version
    resp = client.patch(
        f"/api/entries/{entry_id}", json={"version": version, "note": "API note"}, headers=headers
    )
    assert resp.status_code == 200
    data = resp.get_json()
    assert data["note"] == "API note" and data["version"] == version + 1
    assert data["terms"]["ja"][0]["text"] == "奈良県"  # terms untouched when not sent
    missing = client.patch(f"/api/entries/{entry_id}", json={"note": "x"}, headers=headers)
    assert missing.status_code == 400 and "version" in missing.get_json()["error"]["message"]


def test_stale_patch_gets_409_with_the_current_entry(
    client: FlaskClient, glossary: Glossary
) -> None:
    entry_id = _nara(glossary)
    headers = _auth(glossary, "curator")
    version = glossary.get(entry_id).version
    client.patch(
        f"/api/entries/{entry_id}", json={"version": version, "note": "first"}, headers=headers
    )
    resp = client.patch(
        f"/api/entries/{entry_id}", json={"version": version, "note": "second"}, headers=headers
    )
    assert resp.status_code == 409
    error = resp.get_json()["error"]
    assert error["code"] == "ConflictError" and error["status"] == 409
    assert error["current"]["note"] == "first" and error["current"]["version"] == version + 1
    assert glossary.get(entry_id).note == "first"


def test_merge_and_undo(client: FlaskClient, glossary: Glossary) -> None:
    headers = _auth(glossary, "curator")
    c = add_candidate(glossary, "Takaichi-san", ["Takaichi-san arrived."])
    target = glossary.lookup("Takaichi Sanae")[0].entry
    resp = client.post(
        f"/api/entries/{c.id}/merge",
        json={"into": target.id, "version": c.version, "into_version": target.version},
        headers=headers,
    )
    assert resp.status_code == 200
    assert any(t["text"] == "Takaichi-san" for t in resp.get_json()["terms"]["en"])
    assert client.get(f"/api/entries/{c.id}", headers=headers).status_code == 404
    history = client.get(f"/api/entries/{target.id}/history").get_json()["changes"]
    assert history[0]["action"] == "merge"
    undo = client.post(f"/api/changes/{history[0]['id']}/undo", headers=headers)
    assert undo.status_code == 200 and undo.get_json()["undone"] == history[0]["id"]
    assert client.get(f"/api/entries/{c.id}", headers=headers).status_code == 200
    again = client.post(f"/api/changes/{history[0]['id']}/undo", headers=headers)
    assert again.status_code == 409 and "already undone" in again.get_json()["error"]["message"]


def test_stale_merge_is_409(client: FlaskClient, glossary: Glossary) -> None:
    c = add_candidate(glossary, "Takaichi-san", ["Takaichi-san arrived."])
    target = glossary.lookup("Takaichi Sanae")[0].entry
    resp = client.post(
        f"/api/entries/{c.id}/merge",
        json={"into": target.id, "version": c.version + 5},
        headers=_auth(glossary, "curator"),
    )
    assert resp.status_code == 409


def test_delete_needs_the_version(client: FlaskClient, glossary: Glossary) -> None:
    entry_id = _nara(glossary)
    headers = _auth(glossary, "admin")
    assert client.delete(f"/api/entries/{entry_id}", headers=headers).status_code == 400
    version = glossary.get(entry_id).version
    assert (
        client.delete(f"/api/entries/{entry_id}?version={version}", headers=headers).status_code
        == 204
    )
    assert client.get(f"/api/entries/{entry_id}").status_code == 404


def test_openapi_documents_every_api_route(client: FlaskClient, app: Flask) -> None:
    doc = client.get("/api/openapi.json").get_json()
    assert doc["openapi"].startswith("3.1")
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/"):
            continue
        path = rule.rule.replace("<int:entry_id>", "{id}").replace("<int:change_id>", "{id}")
        assert path in doc["paths"], path
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            assert method.lower() in doc["paths"][path], (path, method)


@pytest.mark.parametrize(
    ("method", "url", "status"),
    [
        ("get", "/api/lookup", 400),
        ("get", "/api/lookup?q=x&limit=0", 400),
        ("get", "/api/lookup?q=x&limit=abc", 400),
        ("get", "/api/entries/99999", 404),
        ("get", "/api/lookup?q=x&kind=nope", 400),
        ("get", "/api/lookup?q=x&lang=xx", 400),
        ("get", "/api/nothing", 404),
        ("put", "/api/lookup", 405),
        ("post", "/api/changes/99999/undo", 401),
    ],
)
def test_api_errors_share_one_shape(
    client: FlaskClient, method: str, url: str, status: int
) -> None:
    resp = getattr(client, method)(url)
    assert resp.status_code == status, url
    body = resp.get_json()
    assert set(body) == {"error"}, url
    assert set(body["error"]) == {"status", "code", "message"}, url
    assert body["error"]["status"] == status and body["error"]["message"]


def test_too_large_requests_are_refused(
    client: FlaskClient, app: Flask, glossary: Glossary
) -> None:
    big = b"x" * (app.config["MAX_CONTENT_LENGTH"] + 1)
    resp = client.post(
        "/api/entries",
        data=big,
        headers={**_auth(glossary, "curator"), "Content-Type": "application/json"},
    )
    assert resp.status_code == 413 and resp.get_json()["error"]["status"] == 413


def _entry_input_is_valid(body: dict[str, Any]) -> bool:
    import jsonschema_rs

    components = openapi_document()["components"]
    schema = {"$ref": "#/components/schemas/EntryInput", "components": components}
    return bool(jsonschema_rs.Draft202012Validator(schema).is_valid(body))


@pytest.mark.parametrize(
    "body",
    [
        {"kind": "term", "terms": []},
        {"kind": "term", "terms": {"en": []}},
        {"kind": "term", "terms": [{"lang": "ko", "text": "기상청", "hepburn": "Kishōchō"}]},
        {"kind": "term", "terms": {"en": [{"text": "tariff", "suggested": {}}]}},
        {"kind": "term", "terms": {"en": [{"text": "tariff", "suggested": ""}]}},
    ],
)
def test_the_document_and_the_server_refuse_the_same_entries(
    client: FlaskClient, glossary: Glossary, body: dict[str, Any]
) -> None:
    """The audit's disagreements: bodies the document allowed and the server refused
    (no term; Hepburn on a Korean term in a list), or the other way (suggested: {})."""
    resp = client.post("/api/entries", json=body, headers=_auth(glossary, "curator"))
    assert resp.status_code == 400 and resp.get_json()["error"]["code"] in (
        "BadJSON",
        "GlossaryError",
    )
    assert not _entry_input_is_valid(body)
    good = {"kind": "term", "terms": [{"lang": "ko", "text": "기상청", "romanization": "x"}]}
    assert _entry_input_is_valid(good)


def test_merge_versions_are_whole_numbers_not_true(client: FlaskClient, glossary: Glossary) -> None:
    headers = _auth(glossary, "curator")
    c = add_candidate(glossary, "Takaichi-san", ["Takaichi-san arrived."])
    target = glossary.lookup("Takaichi Sanae")[0].entry
    for name in ("version", "into_version"):
        resp = client.post(
            f"/api/entries/{c.id}/merge", json={"into": target.id, name: True}, headers=headers
        )
        assert resp.status_code == 400 and f"{name} must be a whole number" in resp.get_data(
            as_text=True
        )
    assert glossary.get(c.id or 0).version == c.version  # nothing merged


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_is_not_json(client: FlaskClient, glossary: Glossary, constant: str) -> None:
    terms = '"terms": {"en": [{"text": "x"}]}'
    body = '{"kind": "term", "evidence_count": ' + constant + ", " + terms + "}"
    resp = client.post(
        "/api/entries",
        data=body,
        headers={**_auth(glossary, "curator"), "Content-Type": "application/json"},
    )
    assert resp.status_code == 400 and resp.get_json()["error"]["code"] == "BadJSON"


def test_a_ten_megabyte_note_is_refused(client: FlaskClient, glossary: Glossary) -> None:
    before = glossary.count()
    body = {"kind": "term", "note": "x" * 10_000_000, "terms": {"en": [{"text": "x"}]}}
    resp = client.post("/api/entries", json=body, headers=_auth(glossary, "curator"))
    assert resp.status_code == 400
    assert "at most 10,000" in resp.get_json()["error"]["message"]
    assert glossary.count() == before

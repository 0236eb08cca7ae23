"""The sentence memory's routes under limits: a sentence or phrase longer than its
setting gets 400 QueryTooLong before any work, a match past the time limit 503
LookupTooSlow, in the API's JSON error shape and on the pages."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from glossary import Glossary
from glossary.tm import TranslationMemory
from tests.tm.conftest import FIXTURES
from tests.tm.test_limits import _slow_index

SENTENCE = "I would like to give an overview of the Cabinet meeting."


@pytest.fixture
def memory(glossary: Glossary) -> TranslationMemory:
    tm = TranslationMemory(glossary)
    tm.import_tmx(FIXTURES / "memoq_en_ja.tmx")
    return tm


def _error(resp: object, status: int, code: str) -> str:
    assert resp.status_code == status  # type: ignore[attr-defined]
    error = resp.get_json()["error"]  # type: ignore[attr-defined]
    assert error["status"] == status and error["code"] == code
    return str(error["message"])


def test_api_refuses_a_long_sentence_and_phrase(client: FlaskClient, memory: object) -> None:
    message = _error(
        client.get("/api/tm/match", query_string={"q": "a" * 4000}), 400, "QueryTooLong"
    )
    assert "the sentence is 4,000 characters long" in message and "at most 2,000" in message
    long_context = {"q": SENTENCE, "before": "b" * 2001}
    _error(client.get("/api/tm/match", query_string=long_context), 400, "QueryTooLong")
    message = _error(
        client.get("/api/tm/concordance", query_string={"q": "Cabinet " * 40}), 400, "QueryTooLong"
    )
    assert "the phrase is 319 characters long" in message and "at most 200" in message


def test_api_answers_at_the_limits(client: FlaskClient, memory: object) -> None:
    at_limit = SENTENCE + " " + "x" * (2000 - len(SENTENCE) - 1)
    resp = client.get("/api/tm/match", query_string={"q": at_limit})
    assert resp.status_code == 200
    assert client.get("/api/tm/concordance", query_string={"q": "C" * 200}).status_code == 200
    resp = client.get("/api/tm/match", query_string={"q": SENTENCE, "to": "ja"})
    assert resp.get_json()["results"][0]["score"] == 100


def test_pages_refuse_a_long_sentence_and_phrase(client: FlaskClient, memory: object) -> None:
    resp = client.get("/translate", query_string={"q": "a" * 4000})
    page = resp.get_data(as_text=True)
    assert resp.status_code == 400
    assert "a translation-memory match takes at most 2,000" in page
    assert 'id="q"' in page and "a" * 4000 in page  # the box still holds what was typed
    resp = client.get("/translate", query_string={"concord": "c" * 500})
    assert resp.status_code == 400 and "a concordance search takes at most 200" in resp.text
    resp = client.get("/tm/units", query_string={"q": "u" * 500})
    assert resp.status_code == 400 and "a concordance search takes at most 200" in resp.text
    assert 'id="q"' in resp.text
    assert client.get("/tm/units", query_string={"q": "Cabinet"}).status_code == 200


def test_a_slow_match_is_a_503(
    client: FlaskClient, memory: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    _slow_index(monkeypatch, [0.0])
    message = _error(
        client.get("/api/tm/match", query_string={"q": SENTENCE}), 503, "LookupTooSlow"
    )
    assert "this match took longer than 0.05 seconds" in message
    resp = client.get("/translate", query_string={"q": SENTENCE})
    assert resp.status_code == 503 and "this match took longer than" in resp.text


def test_openapi_states_the_limits(client: FlaskClient) -> None:
    paths = client.get("/api/openapi.json").get_json()["paths"]
    match = {p["name"]: p for p in paths["/api/tm/match"]["get"]["parameters"]}
    assert match["q"]["schema"]["maxLength"] == 2000
    assert match["before"]["schema"]["maxLength"] == 2000
    concord = {p["name"]: p for p in paths["/api/tm/concordance"]["get"]["parameters"]}
    assert concord["q"]["schema"]["maxLength"] == 200
    assert "503" in paths["/api/tm/match"]["get"]["responses"]

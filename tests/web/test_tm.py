"""The sentence memory in the web app and the HTTP API."""

from __future__ import annotations

import re
from urllib.parse import urlencode

from flask.testing import FlaskClient

from glossary import Glossary
from glossary.tm import TranslationMemory
from tests.tm.conftest import FIXTURES
from tests.tm.test_align import EN, JA
from tests.web.conftest import Browser


def _memory(glossary: Glossary) -> TranslationMemory:
    tm = TranslationMemory(glossary)
    tm.import_tmx(FIXTURES / "memoq_en_ja.tmx")
    tm.import_tmx(FIXTURES / "trados_ko_en.tmx")
    return tm


def test_translate_page_shows_matches_terms_and_concordance(
    client: FlaskClient, glossary: Glossary
) -> None:
    _memory(glossary)
    page = client.get(
        "/translate",
        query_string={"q": "The president visited Japan yesterday.", "concord": "Seoul"},
    ).get_data(as_text=True)
    assert "The president visited Japan today." in page
    assert re.search(r'class="score">\d\d%', page)
    assert "일본" in page  # the glossary's Korean form of Japan
    assert "<mark>서울</mark>" in page or "<mark>Seoul</mark>" in page


def test_translate_form_posts_a_long_korean_sentence(browser: Browser, glossary: Glossary) -> None:
    """A 1,500-character Korean sentence in a GET query would be past the 4,094-byte
    request line gunicorn takes (refused with a 414 before the app sees it): the form
    posts it, and the page answers with the matches and the terms."""
    _memory(glossary)
    known = "대통령은 오늘 일본을 방문했다."
    sentence = " ".join([known] * 83)
    sentence += " " + "가" * (1499 - len(sentence) - 1) + "."
    assert len(sentence) == 1500 and len("GET /translate?" + urlencode({"q": sentence})) > 4094
    form = browser.get("/translate").get_data(as_text=True)
    assert 'method="post"' in form and 'name="csrf_token"' in form
    resp = browser.post("/translate", {"q": sentence, "to": "en", "concord": "일본"})
    page = resp.get_data(as_text=True)
    assert resp.status_code == 200, page
    assert sentence in page  # the box still holds what was posted
    assert 'class="terms"' in page and "Japan</span>" in page  # 일본 → Japan
    assert "<mark>일본</mark>" in page
    # a link to a lookup still works by GET, as before
    linked = browser.get("/translate", query_string={"q": known, "to": "en"})
    assert linked.status_code == 200 and "The president visited Japan today." in linked.text
    # a POST without the page's token is refused, as every form of the app is
    assert browser.client.post("/translate", data={"q": known}).status_code == 400


def test_api_match_and_concordance(client: FlaskClient, glossary: Glossary) -> None:
    _memory(glossary)
    data = client.get(
        "/api/tm/match", query_string={"q": "대통령은 오늘 일본을 방문했다.", "to": "en"}
    ).get_json()
    first = data["results"][0]
    assert first["score"] == 100 and first["target"] == "The president visited Japan today."
    assert {t["target"] for t in first["terms"]} >= {"Japan"}
    assert client.get("/api/tm/match?q=").status_code == 400
    assert client.get("/api/tm/match?q=x&limit=0").get_json()["error"]["code"] == "InvalidLimit"
    hits = client.get("/api/tm/concordance?q=Cabinet").get_json()["results"]
    assert hits and hits[0]["source_hits"]
    doc = client.get("/api/openapi.json").get_json()
    assert {"/api/tm/match", "/api/tm/concordance"} <= set(doc["paths"])


def test_curator_edits_with_history_undo_and_delete(curator: Browser, glossary: Glossary) -> None:
    tm = _memory(glossary)
    unit = next(u for u in tm.units() if u.variant("ko"))
    ko_index = [v.lang for v in unit.variants].index("ko")
    page = curator.get(f"/tm/units/{unit.id}").get_data(as_text=True)
    assert "Save" in page and "History" in page
    resp = curator.post(
        f"/tm/units/{unit.id}/edit",
        {"version": unit.version, f"text_{ko_index}": "대통령은 오늘 일본을 찾았다."},
    )
    assert resp.status_code == 302
    assert tm.get(unit.id).variant("ko").text == "대통령은 오늘 일본을 찾았다."  # type: ignore[arg-type, union-attr]
    # a stale version is refused with the unit as it is now
    stale = curator.post(
        f"/tm/units/{unit.id}/edit", {"version": unit.version, f"text_{ko_index}": "x"}
    )
    assert stale.status_code == 409
    change = tm.history(unit.id)[0]
    curator.post(f"/tm/changes/{change.id}/undo")
    assert tm.get(unit.id).variant("ko").text == "대통령은 오늘 일본을 방문했다."  # type: ignore[arg-type, union-attr]
    current = tm.get(unit.id)  # type: ignore[arg-type]
    assert (
        curator.post(f"/tm/units/{unit.id}/delete", {"version": current.version}).status_code == 302
    )
    assert unit.id not in tm.get_many([unit.id])  # type: ignore[list-item]
    listing = curator.get("/tm/units?q=weather").get_data(as_text=True)
    assert "<mark>weather</mark>" in listing


def test_alignment_is_reviewed_before_it_is_saved(curator: Browser, glossary: Glossary) -> None:
    tm = TranslationMemory(glossary)
    form = {"from": "ja", "to": "en", "source_text": JA, "target_text": EN}
    page = curator.post("/tm/align", form).get_data(as_text=True)
    assert "Review the pairs" in page and tm.count() == 0
    keep = re.findall(r'name="keep" value="(\d+)"', page)
    assert len(keep) >= 8
    resp = curator.post("/tm/align", {**form, "save": "1", "keep": keep[:3]})
    assert resp.status_code == 302
    assert tm.count() == 3
    assert {u.origin for u in tm.units()} == {"align"}


def test_readers_cannot_reach_the_alignment(browser: Browser) -> None:
    assert browser.login("reader").status_code == 302
    assert browser.get("/tm/align").status_code == 403

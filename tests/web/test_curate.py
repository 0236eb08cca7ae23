"""The curation queue: order, evidence, accept, reject, bulk actions, and the JSON the
page's keyboard script uses."""

from __future__ import annotations

import re

from glossary import Glossary
from tests.web.conftest import Browser, add_candidate


def _queue_ids(page: str) -> list[int]:
    return [int(x) for x in re.findall(r'<li class="candidate"[^>]*data-id="(\d+)"', page)]


def test_queue_lists_candidates_most_evidence_first(curator: Browser, glossary: Glossary) -> None:
    few = add_candidate(glossary, "Park Ji-won", ["Park Ji-won met reporters."])
    many = add_candidate(
        glossary,
        "Cho Hyun",
        ["Cho Hyun flew to Tokyo.", "Cho Hyun met Iwaya.", "Cho Hyun returned."],
    )
    page = curator.get("/curate").get_data(as_text=True)
    ids = _queue_ids(page)
    assert ids.index(many.id or 0) < ids.index(few.id or 0)
    assert ids[0] == many.id  # three sentences beat the shipped candidates' none
    assert "3 sentences" in page and "<mark>Cho Hyun</mark> flew to Tokyo." in page
    assert (
        f'Candidates to review <span class="muted">({glossary.count(status="candidate")})' in page
    )
    assert "Keyboard shortcuts" in page and 'src="/static/curate.js"' in page
    approved = glossary.lookup("Nara Prefecture")[0].entry.id
    assert approved not in ids


def test_queue_filters_by_kind(curator: Browser, glossary: Glossary) -> None:
    org = add_candidate(glossary, "Korea Gas Corp", ["Korea Gas Corp said."], kind="org")
    person = add_candidate(glossary, "Park Ji-won", ["Park Ji-won met reporters."])
    ids = _queue_ids(curator.get("/curate?kind=org").get_data(as_text=True))
    assert org.id in ids and person.id not in ids


def test_accept_a_candidate(curator: Browser, glossary: Glossary) -> None:
    c = add_candidate(glossary, "Park Ji-won", ["Park Ji-won met reporters."])
    resp = curator.post(f"/curate/{c.id}/approve", {f"version-{c.id}": c.version})
    assert resp.status_code == 302 and resp.headers["Location"] == "/curate"
    assert glossary.get(c.id or 0).status == "approved"
    page = curator.get("/curate").get_data(as_text=True)
    assert "Accepted “Park Ji-won”." in page and c.id not in _queue_ids(page)
    assert re.search(r'action="/changes/\d+/undo"', page)  # undo right there


def test_reject_by_keyboard_script_gets_json(curator: Browser, glossary: Glossary) -> None:
    c = add_candidate(glossary, "Park Ji-won", ["Park Ji-won met reporters."])
    resp = curator.post(
        f"/curate/{c.id}/reject",
        {f"version-{c.id}": c.version},
        headers={"Accept": "application/json"},
    )
    assert resp.status_code == 200
    body = resp.get_json()
    assert body["entry"]["status"] == "rejected" and body["message"] == "Rejected “Park Ji-won”."
    assert glossary.change(body["change"]).entry_id == c.id


def test_stale_accept_is_a_conflict(curator: Browser, glossary: Glossary) -> None:
    c = add_candidate(glossary, "Park Ji-won", ["Park Ji-won met reporters."])
    stale = c.version
    c.note = "edited meanwhile"
    glossary.update(c)
    resp = curator.post(
        f"/curate/{c.id}/approve",
        {f"version-{c.id}": stale},
        headers={"Accept": "application/json"},
    )
    assert resp.status_code == 409 and resp.get_json()["error"]["code"] == "ConflictError"
    assert glossary.get(c.id or 0).status == "candidate"


def test_bulk_accept_and_reject(curator: Browser, glossary: Glossary) -> None:
    a = add_candidate(glossary, "Park Ji-won", ["Park Ji-won met reporters."])
    b = add_candidate(glossary, "Cho Hyun", ["Cho Hyun flew to Tokyo."])
    c = add_candidate(glossary, "Wi Sung-rak", ["Wi Sung-rak said."])
    stale_c = c.version
    c.note = "changed by a colleague"
    glossary.update(c)
    data = {
        "action": "approve",
        "ids": [str(a.id), str(b.id), str(c.id)],
        f"version-{a.id}": a.version,
        f"version-{b.id}": b.version,
        f"version-{c.id}": stale_c,
    }
    resp = curator.post("/curate/bulk", data)
    assert resp.status_code == 302
    assert [glossary.get(x.id or 0).status for x in (a, b, c)] == [
        "approved",
        "approved",
        "candidate",
    ]
    page = curator.get("/curate").get_data(as_text=True)
    assert "Accepted 2 candidates." in page and "was changed by someone else" in page
    resp = curator.post(
        "/curate/bulk", {"action": "reject", "ids": [str(c.id)], f"version-{c.id}": c.version + 1}
    )
    assert glossary.get(c.id or 0).status == "rejected"


def test_bulk_needs_a_known_action(curator: Browser) -> None:
    assert curator.post("/curate/bulk", {"action": "explode", "ids": ["1"]}).status_code == 400
    assert curator.post("/curate/1/explode", {"version": 1}).status_code == 400


def test_empty_queue_says_so(curator: Browser, glossary: Glossary) -> None:
    for e in list(glossary.entries(status="candidate")):
        e.status = "rejected"
        glossary.update(e)
    page = curator.get("/curate").get_data(as_text=True)
    assert "Nothing to review" in page

"""Every route that writes, found in the app's own URL map, refuses anonymous users,
readers and forms without the CSRF token, and importing refuses curators; nothing is
written by any refused request."""

from __future__ import annotations

import pytest
from flask import Flask

from glossary import Glossary
from glossary.tm import TranslationMemory, Unit, Variant
from tests.web.conftest import Browser

SAMPLE_UNIT = Unit(
    [Variant("en", "The meeting lasted three hours."), Variant("ko", "회의는 3시간 동안 열렸다.")]
)

# Routes that take a body but write nothing: checking a draft, translating a sentence,
# logging in and out.
READING = {"check.page", "check.api_check", "tm.translate", "auth.login", "auth.logout"}
ADMIN_ONLY = {"exchange.import_upload"}


def _writing_routes(app: Flask, glossary: Glossary) -> list[tuple[str, str, str]]:
    """(endpoint, method, url) of every writing route, with real ids filled in."""
    entry_id = glossary.lookup("Nara Prefecture")[0].entry.id
    change_id = glossary.history(entry_id)[0].id
    memory = TranslationMemory(glossary)
    units = list(memory.units())
    unit_id = units[0].id if units else memory.add(SAMPLE_UNIT).id
    values = {"entry_id": entry_id, "change_id": change_id, "action": "accept", "unit_id": unit_id}
    routes = []
    for rule in app.url_map.iter_rules():
        methods = sorted((rule.methods or set()) - {"GET", "HEAD", "OPTIONS"})
        if not methods or rule.endpoint in READING or rule.endpoint == "static":
            continue
        url = rule.rule
        for name in rule.arguments:
            url = url.replace(f"<int:{name}>", str(values[name])).replace(
                f"<{name}>", str(values[name])
            )
        routes += [(rule.endpoint, method, url) for method in methods]
    return routes


def _send(browser: Browser, method: str, url: str, *, csrf: bool = True) -> int:
    headers = {"X-CSRF-Token": browser.csrf()} if csrf else {}
    data = {"csrf_token": browser.csrf()} if csrf and not url.startswith("/api/") else {}
    if url.startswith("/api/"):
        resp = browser.client.open(url, method=method, json={}, headers=headers)
    else:
        resp = browser.client.open(url, method=method, data=data, headers=headers)
    return resp.status_code


def test_the_map_has_the_writing_routes(app: Flask, glossary: Glossary) -> None:
    found = {endpoint for endpoint, _, _ in _writing_routes(app, glossary)}
    # A route renamed or added shows up here (and is then checked below).
    assert {"api.create", "api.patch", "api.delete", "api.merge", "api.undo"} <= found
    assert {"entries.save", "entries.delete", "curate.decide", "curate.bulk"} <= found
    assert {"tm.edit", "tm.delete", "tm.undo", "tm.align"} <= found
    assert found >= ADMIN_ONLY


@pytest.mark.parametrize("who", ["anonymous", "reader"])
def test_writing_routes_refuse_anonymous_users_and_readers(
    app: Flask, browser: Browser, glossary: Glossary, who: str
) -> None:
    if who == "reader":
        assert browser.login("reader").status_code == 302
    routes = _writing_routes(app, glossary)
    before = glossary.generation()
    memory = len(TranslationMemory(glossary).history())
    for endpoint, method, url in routes:
        status = _send(browser, method, url)
        if url.startswith("/api/"):
            expected = {401} if who == "anonymous" else {403}
        else:
            # Pages send anonymous users to the login form.
            expected = {302, 401} if who == "anonymous" else {403}
        assert status in expected, f"{who} {method} {url} ({endpoint}) gave {status}"
    assert glossary.generation() == before  # nothing was written
    assert len(TranslationMemory(glossary).history()) == memory


def test_writing_routes_refuse_forms_without_the_csrf_token(
    app: Flask, browser: Browser, glossary: Glossary
) -> None:
    assert browser.login("admin").status_code == 302
    before = glossary.generation()
    for endpoint, method, url in _writing_routes(app, glossary):
        status = _send(browser, method, url, csrf=False)
        assert status == 400, f"{method} {url} ({endpoint}) without CSRF gave {status}"
    assert glossary.generation() == before


def test_importing_needs_an_admin(app: Flask, browser: Browser, glossary: Glossary) -> None:
    assert browser.login("curator").status_code == 302
    for endpoint, method, url in _writing_routes(app, glossary):
        if endpoint in ADMIN_ONLY:
            assert _send(browser, method, url) == 403, url

"""Requests the server refuses clearly instead of working on them or failing: a lookup
query longer than the limit (400, before any work is done), numbers no database id can
be (404 or 400, not 500) (issue 20)."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient

from glossary.lookup.budget import MAX_QUERY_LENGTH
from tests.web.conftest import Browser

LONG = "a" * 4000


def test_api_lookup_refuses_a_long_query(client: FlaskClient) -> None:
    resp = client.get(f"/api/lookup?q={LONG}")
    assert resp.status_code == 400
    error = resp.get_json()["error"]
    assert error["status"] == 400 and error["code"] == "QueryTooLong"
    assert f"at most {MAX_QUERY_LENGTH}" in error["message"]
    assert "4,000 characters" in error["message"]


def test_api_lookup_at_the_limit_is_answered(client: FlaskClient) -> None:
    resp = client.get(f"/api/lookup?q={'a' * MAX_QUERY_LENGTH}")
    assert resp.status_code == 200 and resp.get_json()["results"] == []


def test_search_page_and_its_partial_refuse_a_long_query(client: FlaskClient) -> None:
    for url in (f"/search?q={LONG}", f"/search?q={LONG}&partial=1"):
        resp = client.get(url)
        assert resp.status_code == 400, url
        assert f"a lookup takes at most {MAX_QUERY_LENGTH}" in resp.get_data(as_text=True)
    # The page still shows the search box holding what was typed.
    assert 'id="q"' in client.get(f"/search?q={LONG}").get_data(as_text=True)


def test_merge_search_refuses_a_long_query(curator: Browser) -> None:
    resp = curator.get(f"/entries/1/merge?q={LONG}")
    assert resp.status_code == 400
    assert f"a lookup takes at most {MAX_QUERY_LENGTH}" in resp.get_data(as_text=True)


TOO_BIG = 2**63  # one more than a database id column holds


def test_numbers_no_id_can_be_are_not_found(app: Flask, browser: Browser) -> None:
    """Every route with a number in its path, taken from the URL map, with 2**63 there:
    404 (it was 500 for /articles/9223372036854775808: the driver refused the number)."""
    assert browser.login("admin").status_code == 302
    headers = {"X-CSRF-Token": browser.csrf()}
    seen = set()
    for rule in app.url_map.iter_rules():
        if "<int:" not in rule.rule:
            continue
        url = rule.rule
        for name in rule.arguments:
            url = url.replace(f"<int:{name}>", str(TOO_BIG)).replace(f"<{name}>", "approve")
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            resp = browser.client.open(url, method=method, headers=headers, json={})
            assert resp.status_code == 404, (method, url, resp.status_code)
            seen.add(rule.endpoint)
    assert {"articles.show", "entries.show", "api.entry", "api.undo"} <= seen


def test_a_page_number_no_query_can_reach_is_refused(curator: Browser) -> None:
    resp = curator.get("/curate?page=99999999999999999999")
    assert resp.status_code == 400 and "page must be a whole number" in resp.get_data(as_text=True)


def test_every_answer_carries_the_security_headers(client: FlaskClient, curator: Browser) -> None:
    """Pages, API answers and errors alike (none had them)."""
    answers = [
        client.get("/"),
        client.get("/api/lookup?q=Nara"),
        client.get("/entries/999999"),
        client.get("/api/entries/999999"),
        client.get("/static/search.js"),
        curator.get("/curate"),
    ]
    for resp in answers:
        resp.close()  # the headers stay; the static file is let go
    for resp in answers:
        csp = resp.headers["Content-Security-Policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp
        assert resp.headers["X-Frame-Options"] == "DENY"
        assert resp.headers["X-Content-Type-Options"] == "nosniff"
        assert resp.headers["Referrer-Policy"] == "same-origin"


def test_a_wrong_method_is_answered_with_allow(client: FlaskClient) -> None:
    for url in ("/api/lookup?q=Nara", "/export"):
        resp = client.delete(url)
        assert resp.status_code == 405 and "GET" in resp.headers["Allow"], url
    error = client.delete("/api/lookup?q=Nara").get_json()["error"]
    assert error["status"] == 405 and error["code"] == "MethodNotAllowed"


def test_exports_name_their_charset_once(client: FlaskClient) -> None:
    types = {
        fmt: client.get(f"/export/download?format={fmt}&target=ja").headers["Content-Type"]
        for fmt in ("csv", "po", "tbx", "tmx")
    }
    assert types["csv"] == "text/csv; charset=utf-8"
    assert types["po"] == "text/x-gettext-translation; charset=utf-8"
    assert types["tbx"] == "application/x-tbx+xml; charset=utf-8"
    assert all(t.count("charset") == 1 for t in types.values()), types

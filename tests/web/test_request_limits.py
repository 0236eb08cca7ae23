"""Every lookup route refuses a query longer than the limit with a clear 400, before any
work is done (issue 20)."""

from __future__ import annotations

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

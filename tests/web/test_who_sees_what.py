"""What anonymous visitors and readers are shown, next to curators: account names only
to signed-in users (issue 20)."""

from __future__ import annotations

from flask.testing import FlaskClient
from glossary.accounts import create_token

from glossary import Glossary
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

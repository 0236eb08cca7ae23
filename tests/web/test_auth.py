"""Accounts and safety: login, logout, roles, tokens, CSRF, cookies, the secret key."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from glossary import Glossary
from glossary.accounts import create_token, set_password, set_role
from glossary.errors import GlossaryError
from tests.conftest import ROOT
from tests.web.conftest import PASSWORD, Browser


def test_login_and_logout(browser: Browser) -> None:
    resp = browser.login("curator")
    assert resp.status_code == 302
    page = browser.get("/").get_data(as_text=True)
    assert "Logged in as curator (curator)" in page and "Log out" in page
    assert 'href="/curate"' in page
    resp = browser.logout()
    assert resp.status_code == 302
    page = browser.get("/").get_data(as_text=True)
    assert "Logged out." in page and 'href="/curate"' not in page and "Log in" in page


def test_wrong_password_is_refused_without_saying_which_part(browser: Browser) -> None:
    wrong = browser.login("curator", "not the password")
    unknown = browser.login("nobody", PASSWORD)
    for resp in (wrong, unknown):
        assert resp.status_code == 401
        assert "do not match an account" in resp.get_data(as_text=True)
    assert "Log in" in browser.get("/").get_data(as_text=True)


def test_login_goes_back_only_to_this_site(browser: Browser) -> None:
    token = browser.csrf()
    data = {"name": "reader", "password": PASSWORD, "csrf_token": token}
    resp = browser.client.post("/login", data={**data, "next": "https://evil.example/x"})
    assert resp.headers["Location"] == "/"
    browser.logout()
    data["csrf_token"] = browser.csrf()
    resp = browser.client.post("/login", data={**data, "next": "/articles"})
    assert resp.headers["Location"] == "/articles"


def test_session_cookie_is_httponly_and_samesite(browser: Browser) -> None:
    resp = browser.login("reader")
    cookie = resp.headers["Set-Cookie"]
    assert "glossary_session=" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_every_form_needs_the_csrf_token(browser: Browser, glossary: Glossary) -> None:
    before = browser.client.post("/login", data={"name": "curator", "password": PASSWORD})
    assert before.status_code == 400 and "expired" in before.get_data(as_text=True)
    browser.login("curator")
    entry_id = glossary.lookup("Nara Prefecture")[0].entry.id
    version = glossary.get(entry_id).version
    resp = browser.client.post(f"/entries/{entry_id}/delete", data={"version": version})
    assert resp.status_code == 400
    forged = browser.client.post(
        f"/entries/{entry_id}/delete", data={"version": version, "csrf_token": "guess"}
    )
    assert forged.status_code == 400
    assert glossary.get(entry_id).version == version  # nothing happened
    # Cookie-authenticated API calls need it too, as a header.
    api = browser.client.delete(f"/api/entries/{entry_id}?version={version}")
    assert api.status_code == 400 and api.get_json()["error"]["code"] == "CSRFError"
    ok = browser.client.delete(
        f"/api/entries/{entry_id}?version={version}", headers={"X-CSRF-Token": browser.csrf()}
    )
    assert ok.status_code == 204


def test_secret_key_is_made_in_the_instance_folder(app: Flask, tmp_path: Path) -> None:
    key_file = tmp_path / "instance" / "secret_key"
    assert key_file.read_text().strip() == app.config["SECRET_KEY"]
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    from webapp import create_app

    again = create_app(
        {"DATABASE_URL": app.config["DATABASE_URL"], "INSTANCE_PATH": str(tmp_path / "instance")}
    )
    assert again.config["SECRET_KEY"] == app.config["SECRET_KEY"]  # kept across restarts
    again.extensions["glossary"].close()
    tracked = (ROOT / ".gitignore").read_text()
    assert "instance/" in tracked


def test_password_change_ends_open_sessions(browser: Browser, glossary: Glossary) -> None:
    browser.login("curator")
    assert browser.get("/curate").status_code == 200
    set_password(glossary, "curator", "another long password")
    assert browser.get("/curate").status_code == 302  # back to the login form


def _cookie(browser: Browser) -> str:
    cookie = browser.client.get_cookie("glossary_session")
    assert cookie is not None
    return cookie.value


def _with_cookie(app: Flask, value: str) -> Browser:
    client = app.test_client()
    client.set_cookie("glossary_session", value)
    return Browser(client)


def test_a_cookie_copied_before_logout_opens_nothing(app: Flask, browser: Browser) -> None:
    """The audit's copy: the cookie of a logged-in curator, taken before they log out."""
    browser.login("curator")
    copy = _cookie(browser)
    assert _with_cookie(app, copy).get("/curate").status_code == 200
    browser.logout()
    thief = _with_cookie(app, copy)
    assert thief.get("/curate").status_code == 302  # to the login form
    assert "Log in" in thief.get("/").get_data(as_text=True)


def test_logging_out_leaves_the_accounts_other_sessions(app: Flask, browser: Browser) -> None:
    browser.login("curator")
    elsewhere = Browser(app.test_client())
    elsewhere.login("curator")
    browser.logout()
    assert elsewhere.get("/curate").status_code == 200


def test_a_role_change_ends_open_sessions(app: Flask, browser: Browser, glossary: Glossary) -> None:
    browser.login("curator")
    copy = _cookie(browser)
    set_role(glossary, "curator", "reader")
    assert browser.get("/curate").status_code == 302
    assert _with_cookie(app, copy).get("/curate").status_code == 302
    assert browser.login("curator").status_code == 302  # logging in again works, as a reader
    assert browser.get("/curate").status_code == 403


@pytest.fixture
def closed_app(db_file: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    from webapp import create_app

    app = create_app(
        {
            "TESTING": True,
            "DATABASE_URL": db_file,
            "INSTANCE_PATH": str(tmp_path / "instance"),
            "ANONYMOUS_READ": False,
        }
    )
    yield app
    app.extensions["glossary"].close()


def test_reading_can_require_a_login(closed_app: Flask) -> None:
    client = closed_app.test_client()
    for url in ("/", "/search?q=Nara", "/articles", "/entries/1", "/export"):
        resp = client.get(url)
        assert resp.status_code == 302 and resp.headers["Location"].startswith("/login"), url
    api = client.get("/api/lookup?q=Nara")
    assert api.status_code == 401 and api.get_json()["error"]["code"] == "LoginRequired"
    assert client.get("/login").status_code == 200
    assert client.get("/api/openapi.json").status_code == 200
    b = Browser(client)
    b.login("reader")
    assert "Nara Prefecture" in client.get("/search?q=Nara").get_data(as_text=True)
    token = create_token(closed_app.extensions["glossary"], "reader")
    fresh = closed_app.test_client()
    ok = fresh.get("/api/lookup?q=Nara", headers={"Authorization": f"Bearer {token}"})
    assert ok.status_code == 200


def test_reading_is_open_to_anonymous_users_by_default(client: FlaskClient) -> None:
    assert client.get("/search?q=Nara").status_code == 200
    assert client.get("/api/lookup?q=Nara").status_code == 200


@pytest.mark.parametrize(
    ("url", "method"),
    [
        ("/curate", "get"),
        ("/entries/1/edit", "get"),
        ("/entries/new", "get"),
        ("/entries/1/merge", "get"),
        ("/entries/1/split", "get"),
        ("/import", "get"),
    ],
)
def test_curator_pages_by_role(browser: Browser, url: str, method: str) -> None:
    anonymous = browser.get(url)
    assert anonymous.status_code == 302 and "/login?next=" in anonymous.headers["Location"]
    browser.login("reader")
    assert browser.get(url).status_code == 403
    browser.logout()
    browser.login("curator")
    assert browser.get(url).status_code == (403 if url == "/import" else 200)
    browser.logout()
    browser.login("admin")
    assert browser.get(url).status_code == 200


def test_a_readers_posts_are_refused(browser: Browser, glossary: Glossary) -> None:
    browser.login("reader")
    entry_id = glossary.lookup("Nara Prefecture")[0].entry.id
    version = glossary.get(entry_id).version
    for url, data in (
        (f"/entries/{entry_id}/delete", {"version": version}),
        (f"/curate/{entry_id}/reject", {"version": version}),
        (f"/entries/{entry_id}/edit", {"version": version, "rows": 0}),
        ("/curate/bulk", {"action": "reject", "ids": entry_id}),
        ("/changes/1/undo", {}),
    ):
        assert browser.post(url, data).status_code == 403, url
    assert glossary.get(entry_id).version == version


def test_anonymous_readers_get_no_cookie(client: FlaskClient) -> None:
    """Only logging in needs a session: reading pages sets no cookie."""
    for url in ("/", "/search?q=Nara", "/articles"):
        assert "Set-Cookie" not in client.get(url).headers, url
    assert "Set-Cookie" in client.get("/login").headers  # the login form's CSRF token


class Clock:
    """A clock the test moves by hand (the login limits' window is in its seconds)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def limited_app(db_file: str, tmp_path: Path, clock: Clock):  # type: ignore[no-untyped-def]
    """The app with the default login limits (5 per account, 300 s) on a test clock, and
    8 failures per address to keep the test short."""
    from webapp import create_app

    app = create_app(
        {
            "TESTING": True,
            "DATABASE_URL": db_file,
            "INSTANCE_PATH": str(tmp_path / "instance"),
            "LOGIN_ADDRESS_ATTEMPTS": 8,
            "LOGIN_CLOCK": clock,
        }
    )
    assert app.config["LOGIN_ATTEMPTS"] == 5 and app.config["LOGIN_WINDOW"] == 300
    yield app
    app.extensions["glossary"].close()


def _client(app: Flask, address: str) -> FlaskClient:
    """A test client whose requests come from ``address``."""
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


def _from(app: Flask, address: str) -> Browser:
    return Browser(_client(app, address))


def _logged_in(b: Browser) -> bool:
    return "Logged in as" in b.get("/").get_data(as_text=True)


def test_the_sixth_failed_login_is_refused_even_with_the_right_password(
    limited_app: Flask, clock: Clock
) -> None:
    b = _from(limited_app, "10.0.0.1")
    for _ in range(5):
        clock.now += 1
        assert b.login("curator", "not the password").status_code == 401
    sixth = b.login("curator", "not the password")
    assert sixth.status_code == 429
    assert sixth.headers["Retry-After"] == "296"  # the first failure leaves the window then
    page = sixth.get_data(as_text=True)
    assert "Too many failed logins for this account or from this computer." in page
    assert "Please try again in 5 minutes." in page and 'role="alert"' in page
    right = b.login("curator", PASSWORD)
    assert right.status_code == 429 and not _logged_in(b)
    # Nor is the refused account's name in another case or with spaces a way round it.
    assert b.login(" CURATOR ", PASSWORD).status_code == 429
    # Another account, from the same computer, is not affected.
    assert b.login("reader").status_code == 302 and _logged_in(b)


def test_a_guesser_elsewhere_cannot_lock_the_owner_out(limited_app: Flask) -> None:
    """The account's limit counts per address: someone who learnt the name and fails
    five times is refused, and the curator at their own desk logs in as ever."""
    guesser = _from(limited_app, "203.0.113.9")
    for _ in range(5):
        assert guesser.login("curator", "not the password").status_code == 401
    assert guesser.login("curator", PASSWORD).status_code == 429
    owner = _from(limited_app, "10.0.0.1")
    assert owner.login("curator").status_code == 302 and _logged_in(owner)


def test_failed_logins_are_counted_for_every_server_process(
    limited_app: Flask, db_file: str, tmp_path: Path, clock: Clock
) -> None:
    """Two apps on one database, as two gunicorn workers are: failures sent to either
    count against the one limit (each counted its own before)."""
    from webapp import create_app

    other = create_app(
        {
            "TESTING": True,
            "DATABASE_URL": db_file,
            "INSTANCE_PATH": str(tmp_path / "instance"),
            "LOGIN_CLOCK": clock,
        }
    )
    try:
        one, two = _from(limited_app, "10.0.0.1"), _from(other, "10.0.0.1")
        for b in (one, two, one, two, one):
            assert b.login("curator", "not the password").status_code == 401
        assert two.login("curator").status_code == 429
        assert one.login("curator").status_code == 429
    finally:
        other.extensions["glossary"].close()


def test_failed_logins_are_forgotten_after_the_window(limited_app: Flask, clock: Clock) -> None:
    b = _from(limited_app, "10.0.0.1")
    for _ in range(5):
        assert b.login("curator", "not the password").status_code == 401
    clock.now += 299.5
    refused = b.login("curator", PASSWORD)
    assert refused.status_code == 429 and refused.headers["Retry-After"] == "1"
    assert "Please try again in 1 second." in refused.get_data(as_text=True)
    clock.now += 0.5
    assert b.login("curator", PASSWORD).status_code == 302 and _logged_in(b)


def test_a_successful_login_clears_the_accounts_failures(limited_app: Flask, clock: Clock) -> None:
    b = _from(limited_app, "10.0.0.1")
    for _ in range(4):
        assert b.login("curator", "not the password").status_code == 401
    assert b.login("curator").status_code == 302
    b.logout()
    for _ in range(3):  # 4 + 3 failures in the window, but only 3 since the login
        assert b.login("curator", "not the password").status_code == 401
    assert b.login("curator").status_code == 302


def test_failed_logins_are_limited_per_address(limited_app: Flask, clock: Clock) -> None:
    guesser = _from(limited_app, "192.0.2.7")
    for i in range(8):  # a different name each time: no one account reaches its limit
        assert guesser.login(f"guess{i}", "not the password").status_code == 401
    refused = guesser.login("reader")
    assert refused.status_code == 429 and not _logged_in(guesser)
    colleague = _from(limited_app, "192.0.2.8")
    assert colleague.login("reader").status_code == 302  # another address is not affected
    clock.now += 300
    assert guesser.login("reader").status_code == 302


def test_the_login_form_answers_json_clients_with_the_json_error(
    limited_app: Flask,
) -> None:
    b = _from(limited_app, "10.0.0.1")
    for _ in range(5):
        b.login("curator", "not the password")
    resp = b.client.post(
        "/login",
        data={"name": "curator", "password": PASSWORD, "csrf_token": b.csrf()},
        headers={"Accept": "application/json"},
    )
    assert resp.status_code == 429 and resp.headers["Retry-After"] == "300"
    error = resp.get_json()["error"]
    assert error["status"] == 429 and error["code"] == "TooManyAttempts"
    assert error["retry_after"] == 300 and "try again in 5 minutes" in error["message"]


def test_unknown_api_tokens_are_limited_per_address(limited_app: Flask, clock: Clock) -> None:
    token = create_token(limited_app.extensions["glossary"], "reader")
    guesser = _client(limited_app, "198.51.100.1")
    for i in range(8):
        bad = guesser.get("/api/lookup?q=Nara", headers={"Authorization": f"Bearer gt_{i}"})
        assert bad.status_code == 401 and bad.get_json()["error"]["code"] == "InvalidToken"
    clock.now += 10
    refused = guesser.get("/api/lookup?q=Nara", headers={"Authorization": f"Bearer {token}"})
    assert refused.status_code == 429  # even a good token, once the address is refused
    assert refused.headers["Retry-After"] == "290"
    body = refused.get_json()
    assert set(body) == {"error"}
    assert body["error"]["status"] == 429 and body["error"]["code"] == "TooManyAttempts"
    assert body["error"]["retry_after"] == 290
    assert "unknown API tokens" in body["error"]["message"]
    assert "try again in 5 minutes" in body["error"]["message"]
    # A page with a token is answered the same way (tokens are for scripts).
    page = guesser.get("/search?q=Nara", headers={"Authorization": "Bearer gt_x"})
    assert page.status_code == 429 and page.get_json()["error"]["code"] == "TooManyAttempts"
    # Another address with the good token is served; the guesser again after the window.
    other = _client(limited_app, "198.51.100.2")
    ok = other.get("/api/lookup?q=Nara", headers={"Authorization": f"Bearer {token}"})
    assert ok.status_code == 200
    clock.now += 290
    ok = guesser.get("/api/lookup?q=Nara", headers={"Authorization": f"Bearer {token}"})
    assert ok.status_code == 200


def test_a_limit_of_zero_turns_the_limits_off(db_file: str, tmp_path: Path) -> None:
    from webapp import create_app

    app = create_app(
        {
            "TESTING": True,
            "DATABASE_URL": db_file,
            "INSTANCE_PATH": str(tmp_path / "instance"),
            "LOGIN_ATTEMPTS": 0,
            "LOGIN_ADDRESS_ATTEMPTS": 0,
        }
    )
    try:
        b = Browser(app.test_client())
        for _ in range(7):
            assert b.login("curator", "not the password").status_code == 401
        assert b.login("curator").status_code == 302
    finally:
        app.extensions["glossary"].close()


def test_a_bad_limit_setting_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    from glossary.settings import get_whole_number

    monkeypatch.setenv("GLOSSARY_LOGIN_WINDOW", "5 minutes")
    with pytest.raises(GlossaryError, match="GLOSSARY_LOGIN_WINDOW must be a whole number"):
        get_whole_number("login_window")
    monkeypatch.setenv("GLOSSARY_LOGIN_WINDOW", "60")
    assert get_whole_number("login_window") == 60


def _app_with_env(
    db_file: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, **env: str
) -> Flask:
    from webapp import create_app

    for name, value in env.items():
        monkeypatch.setenv(f"GLOSSARY_{name.upper()}", value)
    return create_app(
        {"TESTING": True, "DATABASE_URL": db_file, "INSTANCE_PATH": str(tmp_path / "i")}
    )


def test_secure_cookies_for_https(
    db_file: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = _app_with_env(db_file, tmp_path, monkeypatch)
    cookie = Browser(plain.test_client()).login("reader").headers["Set-Cookie"]
    assert "Secure" not in cookie  # plain HTTP on loopback, as 'glossary serve' runs
    plain.extensions["glossary"].close()
    https = _app_with_env(db_file, tmp_path, monkeypatch, secure_cookies="1")
    client = https.test_client()
    client.environ_base["wsgi.url_scheme"] = "https"
    cookie = Browser(client).login("reader").headers["Set-Cookie"]
    assert "; Secure" in cookie and "HttpOnly" in cookie
    https.extensions["glossary"].close()
    monkeypatch.setenv("GLOSSARY_SECURE_COOKIES", "yes")
    with pytest.raises(GlossaryError, match="GLOSSARY_SECURE_COOKIES"):
        _app_with_env(db_file, tmp_path, monkeypatch)


@pytest.mark.parametrize("hops", ["0", "1"])
def test_behind_a_proxy_the_limits_count_each_client(
    db_file: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hops: str
) -> None:
    """Behind a reverse proxy every request comes from the proxy's address: with
    GLOSSARY_PROXY_HOPS the client's own address (X-Forwarded-For) is counted instead."""
    app = _app_with_env(db_file, tmp_path, monkeypatch, proxy_hops=hops, login_address_attempts="3")
    try:

        def via_proxy(client_address: str) -> Browser:
            client = _client(app, "127.0.0.1")  # the proxy
            client.environ_base["HTTP_X_FORWARDED_FOR"] = client_address
            return Browser(client)

        guesser = via_proxy("198.51.100.1")
        for i in range(3):
            assert guesser.login(f"guess{i}", "not the password").status_code == 401
        assert guesser.login("reader").status_code == 429
        colleague = via_proxy("198.51.100.2").login("reader")
        # Without the setting, the header is not trusted: all share the proxy's count.
        assert colleague.status_code == (302 if hops == "1" else 429)
    finally:
        app.extensions["glossary"].close()

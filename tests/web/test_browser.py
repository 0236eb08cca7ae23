"""The pages in a real browser: Playwright driving Debian's chromium (apt-get install
chromium; Playwright's own browser download is not used).

The app runs on a loopback port in a thread of the test process, on a fresh copy of the
shipped glossary.
"""

from __future__ import annotations

import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from werkzeug.serving import make_server

from glossary import Entry, Glossary, Term
from tests.web.conftest import PASSWORD, add_candidate

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    """Debian's chromium under Playwright. Missing either is a failure, not a skip: CI
    installs both (.ci/run and the test extra)."""
    if not Path(CHROMIUM).exists():
        pytest.fail("the browser tests need Debian's chromium: apt-get install chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("the browser tests need Playwright: pip install playwright")
    # Playwright gives every launch a fresh, temporary profile (--user-data-dir) itself.
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def live(app: Flask) -> Iterator[str]:
    """The app served on a free loopback port for the length of one test."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=10)


@pytest.fixture
def page(chromium: Any) -> Iterator[Any]:
    context = chromium.new_context(locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def login(page: Any, live: str, name: str) -> None:
    page.goto(f"{live}/login")
    page.get_by_label("Name").fill(name)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_selector(f"text=Logged in as {name}")


def test_search_as_you_type(page: Any, live: str) -> None:
    page.goto(live + "/")
    box = page.get_by_label("Look up a term or name in English, Korean or Japanese")
    assert box.evaluate("el => el === document.activeElement")  # focus is in the box
    box.press_sequentially("Takai", delay=40)
    first = page.locator("ol.results > li").first
    first.wait_for()
    assert "Takaichi Sanae" in first.inner_text()
    assert first.locator('.form[lang="ja"]').inner_text() == "高市早苗"
    page.wait_for_url(re.compile(r"/search\?q=Takai$"))  # linkable as typed
    box.fill("다카이")
    page.wait_for_url(re.compile(r"q=%EB%8B%A4%EC%B9%B4%EC%9D%B4"))
    assert "Takaichi Sanae" in page.locator("ol.results").inner_text()
    # From the box, the down arrow reaches the first result and Enter opens it.
    box.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/entries/\d+$"))
    assert page.locator("h1").inner_text() == "Takaichi Sanae"


def test_login_and_logout(page: Any, live: str) -> None:
    page.goto(live + "/")
    page.get_by_role("link", name="Log in").click()
    page.get_by_label("Name").fill("curator")
    page.get_by_label("Password").fill("wrong password")
    page.get_by_role("button", name="Log in").click()
    assert "do not match an account" in page.get_by_role("alert").inner_text()
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_selector("text=Logged in as curator (curator).")
    assert page.get_by_role("link", name="Curate").is_visible()
    cookies = page.context.cookies()
    session = next(c for c in cookies if c["name"] == "glossary_session")
    assert session["httpOnly"] and session["sameSite"] == "Lax"
    page.get_by_role("button", name="Log out").click()
    page.wait_for_selector("text=Logged out.")
    assert page.get_by_role("link", name="Curate").count() == 0


def test_curating_a_candidate_to_an_approved_entry(
    page: Any, live: str, glossary: Glossary
) -> None:
    c = add_candidate(
        glossary,
        "Ishiba Shigeru",
        ["Ishiba Shigeru met Lee Jae-myung.", "Ishiba Shigeru left Busan.", "Ishiba spoke."],
    )
    entry = glossary.get(c.id or 0)
    entry.terms.append(Term("ja", "石破茂"))
    entry.origin = "japanese"
    glossary.update(entry, user="miner")
    login(page, live, "curator")
    page.goto(live + "/curate")
    current = page.locator("li.candidate.current")
    assert current.get_attribute("data-id") == str(c.id)  # most evidence first
    assert "Ishiba Shigeru met Lee Jae-myung." in current.inner_text()
    page.keyboard.press("e")
    page.wait_for_url(re.compile(rf"/entries/{c.id}/edit"))
    # Take the suggested reading, Hepburn and Hangul form with one click each.
    page.get_by_role("button", name="いしば しげる").first.click()
    reading = page.locator('input[name$="-reading"]').first
    assert reading.input_value() == "いしば しげる"
    page.locator('button.suggest[data-fill$="-hepburn"][data-value="Ishiba Shigeru"]').click()
    page.locator('button.suggest[data-value="이시바 시게루"]').click()
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(r"/curate$"))
    assert "Saved “Ishiba Shigeru”" in page.locator(".flashes").inner_text()
    page.locator(f"#c-{c.id}").wait_for()
    page.locator(f"#c-{c.id}").focus()
    page.keyboard.press("a")
    page.locator(f"#c-{c.id}").wait_for(state="detached")
    assert "Accepted “Ishiba Shigeru”." in page.locator("#curate-status").inner_text()
    saved = glossary.get(c.id or 0)
    assert saved.status == "approved"
    ja = saved.preferred("ja")
    ko = saved.preferred("ko")
    assert ja is not None and ja.reading == "いしば しげる" and ja.hepburn == "Ishiba Shigeru"
    assert ko is not None and ko.text == "이시바 시게루"
    # The undo offered right there takes the acceptance back.
    page.keyboard.press("u")
    page.wait_for_selector("text=Undid change")
    assert glossary.get(c.id or 0).status == "candidate"


def test_conflicting_edit_from_two_sessions(chromium: Any, live: str, glossary: Glossary) -> None:
    entry_id = glossary.lookup("Nara Prefecture")[0].entry.id
    first_ctx, second_ctx = chromium.new_context(), chromium.new_context()
    try:
        first, second = first_ctx.new_page(), second_ctx.new_page()
        login(first, live, "curator")
        login(second, live, "admin")
        for p in (first, second):
            p.goto(f"{live}/entries/{entry_id}/edit")
        first.get_by_label("Note").fill("Note from the first session")
        first.get_by_role("button", name="Save").click()
        first.wait_for_selector("text=Saved “Nara Prefecture”")
        second.get_by_label("Note").fill("Note from the second session")
        second.get_by_role("button", name="Save").click()
        second.wait_for_selector("text=Someone else saved this entry")
        conflict = second.locator("section.conflict").inner_text()
        assert "Your version" in conflict and "Saved version" in conflict and "curator" in conflict
        assert second.get_by_label("Note").input_value() == "Note from the second session"
        assert glossary.get(entry_id or 0).note == "Note from the first session"
        second.get_by_role("button", name="Save").click()
        second.wait_for_selector("text=Saved “Nara Prefecture”")
        assert glossary.get(entry_id or 0).note == "Note from the second session"
    finally:
        first_ctx.close()
        second_ctx.close()


def test_undo_from_the_history(page: Any, live: str, glossary: Glossary) -> None:
    entry = glossary.add(Entry(kind="term", status="approved", terms=[Term("en", "tariff")]))
    entry.note = "a mistaken note"
    glossary.update(entry, user="colleague")
    login(page, live, "curator")
    page.goto(f"{live}/entries/{entry.id}")
    assert "a mistaken note" in page.locator(".note").inner_text()
    latest = glossary.history(entry.id, limit=1)[0]
    page.get_by_role("button", name=f"Undo change {latest.id}").click()
    page.wait_for_selector(f"text=Undid change {latest.id}.")
    assert page.locator(".note").count() == 0
    assert glossary.get(entry.id or 0).note == ""
    assert "undone by change" in page.locator("ol.history").inner_text()

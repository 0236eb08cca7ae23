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
from urllib.parse import urlencode

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
    """A page in a fresh context; whatever the test did on it, the browser refused
    nothing under the app's Content-Security-Policy (it would say so on the console)."""
    context = chromium.new_context(locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(10_000)
    refused: list[str] = []
    page.on(
        "console",
        lambda msg: refused.append(msg.text) if "Content Security Policy" in msg.text else None,
    )
    yield page
    context.close()
    assert not refused, refused


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


def test_choosing_a_kind_filters_the_queue(page: Any, live: str, glossary: Glossary) -> None:
    """The kind menu submits itself from curate.js (the pages allow no inline handler)."""
    add_candidate(glossary, "Busan Tower", ["Busan Tower is tall."], kind="facility")
    login(page, live, "curator")
    page.goto(live + "/curate")
    page.get_by_label("Kind").select_option("facility")
    page.wait_for_url(re.compile(r"/curate\?kind=facility$"))
    assert "Busan Tower" in page.locator("li.candidate").first.inner_text()


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


SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=1">'
SVG = '"><svg onload="window.__pwned=1;alert(1)">'


class Watch:
    """Dialogs a page opens (none should)."""

    def __init__(self, page: Any) -> None:
        self.dialogs: list[str] = []

        def on_dialog(dialog: Any) -> None:
            self.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)

    def assert_inert(self, page: Any, *texts: str) -> None:
        """Each of ``texts`` is on the page as text, and none of the markup ran."""
        body = page.locator("body").inner_text()
        for t in texts:
            assert t in body, (page.url, t)
        assert page.evaluate("typeof window.__pwned") == "undefined", page.url
        injected = page.evaluate(
            """() => ({
                handlers: document.querySelectorAll('[onerror], [onload]').length,
                scripts: [...document.scripts].filter(s => s.text.includes('__pwned')).length,
                svg: document.querySelectorAll('main svg, main img').length,
            })"""
        )
        assert injected == {"handlers": 0, "scripts": 0, "svg": 0}, (page.url, injected)
        assert not self.dialogs, (page.url, self.dialogs)


def test_markup_in_entries_is_shown_as_text(page: Any, live: str, glossary: Glossary) -> None:
    name = f"Evil {SCRIPT}"
    seen = f"Officials said {name} hired {IMG} staff."
    other = f"Another report {SVG} followed."
    c = add_candidate(glossary, name, [seen, other])
    entry = glossary.get(c.id or 0)
    entry.terms[0].family, entry.terms[0].given = "Evil", SCRIPT
    entry.terms.append(Term("ko", f"악당 {IMG}"))
    entry.terms.append(Term("ja", f"悪者{SVG}", reading=f"あくしゃ{SVG}"))
    entry.note = f"Note {SCRIPT} {IMG} {SVG}"
    glossary.update(entry, user="miner")
    watch = Watch(page)
    forms = (name, f"악당 {IMG}", f"悪者{SVG}")
    # A candidate, with a note: a curator sees both on every page.
    login(page, live, "curator")

    # The results page as the server sends it.
    page.goto(f"{live}/search?q=Evil")
    page.locator("ol.results > li").first.wait_for()
    watch.assert_inert(page, *forms)
    # The query itself, echoed back.
    page.goto(f"{live}/search?" + urlencode({"q": SVG}))
    watch.assert_inert(page, f"for “{SVG}”")

    # Search as you type: the results list is put in place by the page's script.
    page.goto(live + "/")
    box = page.get_by_label("Look up a term or name in English, Korean or Japanese")
    box.press_sequentially("Evil", delay=40)
    page.locator("ol.results > li").first.wait_for()
    watch.assert_inert(page, *forms)
    box.fill(IMG)
    page.wait_for_url(re.compile(r"q=%3Cimg"))
    page.get_by_role("status").filter(has_text=IMG).wait_for()
    watch.assert_inert(page, f"for “{IMG}”")

    # The entry: forms, name order, note and evidence sentences (one with its form marked).
    page.goto(f"{live}/entries/{c.id}")
    watch.assert_inert(page, *forms, f"あくしゃ{SVG}", entry.note, seen, other)
    assert page.locator("h1").inner_text() == name
    assert page.locator(".evidence mark").first.inner_text() == name

    # The articles list, and the article the sentences came from.
    page.goto(f"{live}/articles")
    title = f"Article about {name}"
    watch.assert_inert(page, title)
    page.get_by_role("link", name=title).click()
    page.wait_for_url(re.compile(r"/articles/\d+$"))
    watch.assert_inert(page, title, seen, other)

    # The curators' queue and the edit form (values inside attributes).
    page.goto(f"{live}/curate")
    page.locator(f"#c-{c.id}").wait_for()
    watch.assert_inert(page, name, seen, other)
    page.goto(f"{live}/entries/{c.id}/edit")
    watch.assert_inert(page)
    assert page.get_by_label("Note").input_value() == entry.note
    texts = page.locator('input[name$="-text"]')
    values = [texts.nth(i).input_value() for i in range(texts.count())]
    assert set(forms) <= set(values), values


def test_translate_a_sentence(page: Any, live: str, glossary: Glossary) -> None:
    from glossary.tm import TranslationMemory, Unit, Variant

    tm = TranslationMemory(glossary)
    tm.add(
        Unit(
            [
                Variant("en", "The president visited Japan today."),
                Variant("ko", "대통령은 오늘 일본을 방문했다."),
            ],
            srclang="en",
        )
    )
    tm.add(
        Unit(
            [
                Variant("en", "<script>window.pwned = 1</script> visited Japan."),
                Variant("ko", "<img src=x onerror=window.pwned=2>"),
            ],
            srclang="en",
        )
    )
    page.goto(live + "/")
    page.get_by_role("link", name="Translate").click()
    page.get_by_label("Paste a sentence in English, Korean or Japanese").fill(
        "The president visited Japan yesterday."
    )
    page.get_by_label("Concordance: a word or phrase").fill("visited Japan")
    page.get_by_role("button", name="Find matches").click()
    first = page.locator("ol.matches > li").first
    first.wait_for()
    assert first.locator(".score").inner_text() == "80%"  # one word of five
    assert first.locator('.target[lang="ko"]').inner_text() == "대통령은 오늘 일본을 방문했다."
    terms = page.locator("ul.terms").inner_text()
    assert "Japan → 일본" in terms
    marks = page.locator("ol.concordance mark").all_inner_texts()
    assert marks.count("visited Japan") == 2
    # what a unit holds is shown as text, never run
    assert "<script>window.pwned = 1</script>" in page.locator("ol.concordance").inner_text()
    assert page.evaluate("window.pwned") is None

"""Take the screenshots in docs/: the main pages of the web app in Debian's chromium.

    apt-get install chromium fonts-noto-cjk      # the browser, and fonts for 한국어 and 日本語
    python docs/screenshots.py

The app runs on a loopback port on a temporary copy of the shipped glossary and seed
articles, with the miner's candidates from the seed articles in the curation queue.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402
from sqlalchemy import update  # noqa: E402
from werkzeug.serving import make_server  # noqa: E402

from glossary import Entry, Glossary, Term, open_glossary  # noqa: E402
from glossary.accounts import add_user  # noqa: E402
from glossary.formats.loader import load_articles, load_terms  # noqa: E402
from glossary.store.models import EntryRow, OccurrenceRow  # noqa: E402
from webapp import create_app  # noqa: E402

DOCS = ROOT / "docs"
SEEDS = ROOT / "seeds" / "articles"
PASSWORD = "screenshot passphrase"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def add_mined_candidates(g: Glossary) -> None:
    """What the miner finds in the seed articles and the glossary does not have yet,
    stored as candidates with their sentences (as ``glossary mine --save`` will)."""
    from glossary.mining import mine_paths

    articles = {a["path"]: a["id"] for a in g.articles()}
    for cand in mine_paths([str(SEEDS)]).candidates:
        if g.lookup(cand.canonical, limit=1) or not cand.contexts:
            continue
        terms = [Term(cand.lang, cand.canonical)]
        terms += [Term(cand.lang, s, role="variant") for s in cand.surfaces if s != cand.canonical][
            :3
        ]
        entry = g.add(Entry(kind=cand.kind, status="candidate", terms=terms), user="miner")
        with g.writing() as s:
            n = 0
            for ctx in cand.contexts:
                article_id = articles.get(ctx.file) or next(iter(articles.values()))
                s.add(
                    OccurrenceRow(
                        entry_id=entry.id,
                        article_id=article_id,
                        surface=ctx.surface,
                        sentence=ctx.sentence,
                        start=ctx.start,
                        end=ctx.end,
                    )
                )
                n += 1
            s.execute(update(EntryRow).where(EntryRow.id == entry.id).values(evidence_count=n))


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="glossary-shots-"))
    url = f"sqlite:///{tmp / 'glossary.sqlite3'}"
    with open_glossary(url) as g:
        load_terms(g, ROOT / "data" / "terms.csv", user="curator")
        load_articles(g, SEEDS)
        add_user(g, "curator", "curator", PASSWORD)
        add_mined_candidates(g)
        takaichi = g.lookup("Takaichi Sanae")[0].entry.id
        # The editor is shown on a candidate with a Japanese form, for its suggestions.
        to_edit = next((e.id for e in g.entries(status="candidate") if e.terms_in("ja")), takaichi)
    app = create_app({"DATABASE_URL": url, "INSTANCE_PATH": str(tmp / "instance")})
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.goto(base + "/")
            page.screenshot(path=str(DOCS / "home.png"))
            page.goto(base + "/search?q=Takaichi")
            page.screenshot(path=str(DOCS / "search.png"), full_page=True)
            page.goto(f"{base}/entries/{takaichi}")
            page.screenshot(path=str(DOCS / "entry.png"), full_page=True)
            page.goto(base + "/articles")
            page.screenshot(path=str(DOCS / "articles.png"))
            page.get_by_role("link").filter(has_text="summit").first.click()
            page.screenshot(path=str(DOCS / "article.png"))
            page.goto(base + "/login")
            page.get_by_label("Name").fill("curator")
            page.get_by_label("Password").fill(PASSWORD)
            page.get_by_role("button", name="Log in").click()
            page.goto(base + "/curate")
            page.screenshot(path=str(DOCS / "curate.png"))
            page.goto(f"{base}/entries/{to_edit}/edit?next=/curate")
            # The Save bar sticks to the window's bottom; a full-page shot would show it
            # in the middle of the form.
            page.add_style_tag(content=".actions.sticky { position: static; }")
            page.screenshot(path=str(DOCS / "edit.png"), full_page=True)
            browser.close()
    finally:
        server.shutdown()
        app.extensions["glossary"].close()
        shutil.rmtree(tmp, ignore_errors=True)
    print("wrote", ", ".join(sorted(p.name for p in DOCS.glob("*.png"))))


if __name__ == "__main__":
    main()

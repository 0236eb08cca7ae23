"""The entry page and the curator's work on one entry: edit (with a conflicting edit),
delete, merge, split and undo."""

from __future__ import annotations

import html
import re

from glossary import Glossary
from tests.web.conftest import Browser, add_candidate


def _id(glossary: Glossary, text: str) -> int:
    entry_id = glossary.lookup(text, limit=1)[0].entry.id
    assert entry_id is not None
    return entry_id


def _editor_form(page: str) -> dict[str, str]:
    """The values the editor's form would send as it stands (text inputs and selects)."""
    data: dict[str, str] = {}
    for tag in re.findall(r"<input[^>]*>", page):
        name = re.search(r'name="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if not name or ('type="checkbox"' in tag and "checked" not in tag):
            continue
        data[name.group(1)] = html.unescape(value.group(1)) if value else ""
    for name, body in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', page, re.S):
        chosen = re.search(r"<option[^>]*selected[^>]*>([^<]*)</option>", body)
        value = re.search(r'value="([^"]*)"', chosen.group(0)) if chosen else None
        data[name] = value.group(1) if value else (chosen.group(1) if chosen else "")
    note = re.search(r'<textarea id="note" name="note"[^>]*>(.*?)</textarea>', page, re.S)
    data["note"] = html.unescape(note.group(1)) if note else ""
    data.pop("csrf_token", None)
    return data


def test_entry_page_shows_every_form_with_its_fields(browser: Browser, glossary: Glossary) -> None:
    entry_id = _id(glossary, "Takaichi Sanae")
    page = browser.get(f"/entries/{entry_id}").get_data(as_text=True)
    assert '<span class="form" lang="ja">高市早苗</span>' in page
    assert '<span class="form" lang="ko">다카이치 사나에</span>' in page
    assert "Reading (kana)" in page and 'lang="ja">たかいち さなえ' in page
    assert "Hepburn" in page and "Family name" in page
    assert "preferred" in page
    # Name order per house style: AP puts a Japanese given name first in English.
    assert "Name order by house style" in page
    assert re.search(r"ap</th>\s*<td lang=\"en\">Sanae Takaichi</td>", page)
    assert re.search(r"capitalised-family</th>\s*<td lang=\"en\">TAKAICHI Sanae</td>", page)
    assert "History" in page and "created" in page
    assert "Edit" not in page and "Undo" not in page  # anonymous: read only


def test_entry_page_shows_evidence_with_its_article(browser: Browser, glossary: Glossary) -> None:
    c = add_candidate(glossary, "Kim Min-seok", ["Kim Min-seok spoke on Monday."])
    browser.login("curator")  # a candidate: curators see it
    page = browser.get(f"/entries/{c.id}").get_data(as_text=True)
    assert "<mark>Kim Min-seok</mark> spoke on Monday." in page
    assert "Article about Kim Min-seok" in page and 'href="/articles/' in page


def test_missing_entry_is_404(browser: Browser) -> None:
    resp = browser.get("/entries/999999")
    assert resp.status_code == 404 and "there is no entry 999999" in resp.get_data(as_text=True)


def test_curator_edits_an_entry_and_can_undo(curator: Browser, glossary: Glossary) -> None:
    entry_id = _id(glossary, "Nara Prefecture")
    page = curator.get(f"/entries/{entry_id}/edit").get_data(as_text=True)
    form = _editor_form(page)
    assert form["kind"] == "place" and form["version"] == str(glossary.get(entry_id).version)
    form["note"] = "Checked against the prefecture's own site."
    resp = curator.post(f"/entries/{entry_id}/edit", form)
    assert resp.status_code == 302
    saved = glossary.get(entry_id)
    assert saved.note == "Checked against the prefecture's own site."
    assert {t.text for t in saved.terms} >= {"Nara Prefecture", "奈良県", "나라현"}
    page = curator.get(resp.headers["Location"]).get_data(as_text=True)
    assert "Saved “Nara Prefecture”" in page
    change = glossary.history(entry_id, limit=1)[0]
    assert change.user == "curator" and change.action == "update"
    undo = curator.post(f"/changes/{change.id}/undo", {"next": f"/entries/{entry_id}"})
    assert undo.status_code == 302
    assert glossary.get(entry_id).note != "Checked against the prefecture's own site."
    assert "undone by change" in curator.get(f"/entries/{entry_id}").get_data(as_text=True)


def test_editor_adds_and_removes_forms(curator: Browser, glossary: Glossary) -> None:
    entry_id = _id(glossary, "Nara Prefecture")
    form = _editor_form(curator.get(f"/entries/{entry_id}/edit").get_data(as_text=True))
    blank_en = next(
        k[: -len("text")]
        for k, v in form.items()
        if k.endswith("-text") and not v and form[k[: -len("text")] + "lang"] == "en"
    )
    form[blank_en + "text"] = "Nara-ken"
    form[blank_en + "role"] = "variant"
    ko_row = next(k[: -len("text")] for k, v in form.items() if v == "나라현")
    form[ko_row + "remove"] = "1"
    assert curator.post(f"/entries/{entry_id}/edit", form).status_code == 302
    texts = {(t.lang, t.text, t.role) for t in glossary.get(entry_id).terms}
    assert ("en", "Nara-ken", "variant") in texts
    ko = {text for lang, text, _ in texts if lang == "ko"}
    assert "나라현" not in ko and "나라" in ko


def test_stale_edit_is_refused_with_both_versions_and_nothing_lost(
    curator: Browser, glossary: Glossary
) -> None:
    entry_id = _id(glossary, "Nara Prefecture")
    form = _editor_form(curator.get(f"/entries/{entry_id}/edit").get_data(as_text=True))
    # Someone else saves first.
    theirs = glossary.get(entry_id)
    theirs.note = "Their note"
    glossary.update(theirs, user="colleague")
    form["note"] = "My careful note"
    resp = curator.post(f"/entries/{entry_id}/edit", form)
    assert resp.status_code == 409
    page = resp.get_data(as_text=True)
    assert "Someone else saved this entry" in page
    assert "Your version" in page and "Saved version" in page and "colleague" in page
    assert ">My careful note</textarea>" in page  # what was typed is still there
    assert glossary.get(entry_id).note == "Their note"  # nothing overwritten
    # Saving the refused form again now means "mine over theirs", knowingly.
    again = _editor_form(page)
    assert again["version"] == str(glossary.get(entry_id).version)
    assert curator.post(f"/entries/{entry_id}/edit", again).status_code == 302
    assert glossary.get(entry_id).note == "My careful note"


def test_invalid_edit_keeps_the_form(curator: Browser, glossary: Glossary) -> None:
    entry_id = _id(glossary, "Nara Prefecture")
    form = _editor_form(curator.get(f"/entries/{entry_id}/edit").get_data(as_text=True))
    form["kind"] = "planet"
    resp = curator.post(f"/entries/{entry_id}/edit", form)
    assert resp.status_code == 400
    assert "kind &#39;planet&#39; is not known" in resp.get_data(as_text=True)
    assert 'value="Nara Prefecture"' in resp.get_data(as_text=True)


def test_new_entry(curator: Browser, glossary: Glossary) -> None:
    page = curator.get("/entries/new?kind=org").get_data(as_text=True)
    form = _editor_form(page)
    en = next(k[:-4] for k, v in form.items() if k.endswith("lang") and v == "en")
    form[en + "text"] = "Korea Meteorological Administration"
    resp = curator.post("/entries/new", form)
    assert resp.status_code == 302
    found = glossary.lookup("Korea Meteorological Administration")[0].entry
    assert found.kind == "org" and found.status == "approved"
    assert glossary.history(found.id)[0].user == "curator"


def test_delete_and_undo(curator: Browser, glossary: Glossary) -> None:
    entry_id = _id(glossary, "Nara Prefecture")
    version = glossary.get(entry_id).version
    resp = curator.post(f"/entries/{entry_id}/delete", {"version": version})
    assert resp.status_code == 302
    page = curator.get("/").get_data(as_text=True)
    undo_url = re.search(r'action="(/changes/\d+/undo)"', page)
    assert undo_url and "Deleted “Nara Prefecture”" in page
    assert curator.get(f"/entries/{entry_id}").status_code == 404
    assert curator.post(undo_url.group(1)).status_code == 302
    assert glossary.get(entry_id).label == "Nara Prefecture"


def test_merge_page_searches_and_merges(curator: Browser, glossary: Glossary) -> None:
    c = add_candidate(glossary, "Takaichi-san", ["Takaichi-san arrived in Seoul."])
    target = _id(glossary, "Takaichi Sanae")
    page = curator.get(f"/entries/{c.id}/merge?q=Takaichi").get_data(as_text=True)
    assert "Merge into “Takaichi Sanae”" in page
    assert f'name="into" value="{c.id}"' not in page  # not into itself
    resp = curator.post(
        f"/entries/{c.id}/merge",
        {"version": c.version, "into": target, "into_version": glossary.get(target).version},
    )
    assert resp.status_code == 302
    merged = glossary.get(target)
    assert ("Takaichi-san", "variant") in {(t.text, t.role) for t in merged.terms}
    assert any(ev["surface"] == "Takaichi-san" for ev in glossary.evidence(target))
    assert curator.get(f"/entries/{c.id}").status_code == 404
    change = glossary.history(target, limit=1)[0]
    curator.post(f"/changes/{change.id}/undo")
    assert glossary.get(c.id or 0).label == "Takaichi-san"


def test_split_moves_forms_to_a_new_candidate(curator: Browser, glossary: Glossary) -> None:
    from glossary import Entry, Term

    wrong = glossary.add(
        Entry(
            kind="person",
            status="candidate",
            terms=[Term("en", "Lee Jae-myung"), Term("en", "Lee Jae-yong", role="variant")],
        )
    )
    page = curator.get(f"/entries/{wrong.id}/split").get_data(as_text=True)
    yong = next(t for t in wrong.terms if t.text == "Lee Jae-yong")
    assert f'name="term" value="{yong.id}"' in page
    resp = curator.post(f"/entries/{wrong.id}/split", {"version": wrong.version, "term": yong.id})
    assert resp.status_code == 302
    new_id = int(resp.headers["Location"].rsplit("/", 1)[1])
    new = glossary.get(new_id)
    assert [(t.text, t.role) for t in new.terms] == [("Lee Jae-yong", "preferred")]
    assert [t.text for t in glossary.get(wrong.id or 0).terms] == ["Lee Jae-myung"]
    # One operation in the history: one undo puts the form back.
    change = glossary.history(new_id, limit=1)[0]
    assert curator.post(f"/changes/{change.id}/undo").status_code == 302
    assert {t.text for t in glossary.get(wrong.id or 0).terms} == {"Lee Jae-myung", "Lee Jae-yong"}
    assert curator.get(f"/entries/{new_id}").status_code == 404


def test_undo_refused_when_later_changes_depend_on_it(curator: Browser, glossary: Glossary) -> None:
    entry_id = _id(glossary, "Nara Prefecture")
    e = glossary.get(entry_id)
    e.note = "one"
    glossary.update(e)
    first = glossary.history(entry_id, limit=1)[0]
    e = glossary.get(entry_id)
    e.note = "two"
    glossary.update(e)
    resp = curator.post(f"/changes/{first.id}/undo")
    assert resp.status_code == 409 and "undo those first" in resp.get_data(as_text=True)


def test_edit_page_offers_language_rule_suggestions(curator: Browser, glossary: Glossary) -> None:
    from glossary import Entry, Term

    c = glossary.add(
        Entry(
            kind="person",
            status="candidate",
            origin="japanese",
            terms=[Term("en", "Ishiba Shigeru"), Term("ja", "石破茂")],
        )
    )
    page = curator.get(f"/entries/{c.id}/edit").get_data(as_text=True)
    ja_row = re.search(r'name="(t-\d+-)lang" value="ja"', page)
    assert ja_row
    p = ja_row.group(1)
    # Reading, Hepburn and plain suggestions beside the Japanese fields, one click each.
    assert re.search(rf'data-fill="{p}reading" data-value="いしば しげる" lang="ja"', page)
    assert f'data-fill="{p}hepburn" data-value="Ishiba Shigeru"' in page
    assert f'data-fill="{p}family" data-value="石破"' in page
    # ... and the Hangul transcription offered for the missing Korean form.
    ko_row = re.search(r'name="(t-\d+-)lang" value="ko"', page)
    assert ko_row and f'data-fill="{ko_row.group(1)}text" data-value="이시바 시게루"' in page

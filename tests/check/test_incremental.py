"""An edit updates the checker instead of rebuilding it, and it then finds exactly what a
checker built afresh finds."""

from __future__ import annotations

import pytest

from glossary import Entry, Glossary, Term
from glossary.check import Checker, forms
from glossary.check.cache import CheckerCache
from tests.check.test_check import CLEAN_DRAFTS, entries

DRAFTS = [
    *CLEAN_DRAFTS,
    "Lee Jae Myung arrived. Jae-myung Lee left.",
    "Sanae Takaichi met Toshimitsu Motegi and Motegi Toshimitsu in Nara-ken.",
    "The Blue House and Chong Wa Dae said the US and the United States agree.",
    "Goodwill events and goodwill events were held.",
    "타카이치 총리는 나라현에서 말했다.",
]


def edited(items: list[Entry]) -> dict[int, Entry | None]:
    """Edits of every kind: a variant dropped (its generated spelling variant stays), a
    deprecated form added, an entry approved, one deleted, one new."""
    by_id = {e.id: e for e in items}
    lee, nara, goodwill = by_id[1], by_id[3], by_id[6]
    assert lee is not None and nara is not None and goodwill is not None
    lee.terms = [t for t in lee.terms if t.text != "Lee Jae Myung"]
    nara.terms.append(Term("en", "Nara-ken", role="deprecated"))
    goodwill.status = "approved"
    motegi = Entry(
        kind="person",
        status="approved",
        origin="japanese",
        terms=[Term("en", "Motegi Toshimitsu", family="Motegi", given="Toshimitsu")],
    )
    motegi.id = 7
    return {1: lee, 3: nara, 4: None, 6: goodwill, 7: motegi}


def findings(checker: Checker) -> list[list[tuple[object, ...]]]:
    return [
        [(f.rule, f.found, f.suggestion, f.offset, f.entry_id) for f in checker.check(d)]
        for d in DRAFTS
    ]


def test_updated_checker_finds_what_a_fresh_one_finds() -> None:
    before = Checker.from_entries(entries(), "default")
    old_findings = findings(before)
    changes = edited(entries())
    after = before.updated(changes)
    now = [e for e in entries() if e.id not in changes] + [e for e in changes.values() if e]
    fresh = Checker.from_entries(sorted(now, key=lambda e: e.id or 0), "default")
    assert findings(after) == findings(fresh)
    assert findings(after) != old_findings
    assert after.size == fresh.size
    # The checker it came from is untouched (a check running meanwhile sees one state).
    assert findings(before) == old_findings


def test_an_edit_changes_the_findings_it_should() -> None:
    before = Checker.from_entries(entries(), "default")
    after = before.updated(edited(entries()))
    draft = "Lee Jae Myung met Toshimitsu Motegi in Nara-ken. The Blue House said."

    def found(c: Checker) -> set[tuple[str, str]]:
        return {(f.rule, f.found) for f in c.check(draft, unknown=False)}

    assert found(before) == {("spelling", "Lee Jae Myung"), ("deprecated", "Blue House")}
    assert found(after) == {
        ("spelling", "Lee Jae Myung"),
        ("name-order", "Toshimitsu Motegi"),
        ("deprecated", "Nara-ken"),
    }


def test_forms_removed_and_added_back(monkeypatch: pytest.MonkeyPatch) -> None:
    """A form that left the automaton's dictionary and comes back, and the small
    automaton folded into the main one once it is full."""
    base = Checker.from_entries(entries(), "default")
    items = {e.id: e for e in entries()}
    removed = base.updated({5: None})
    assert removed.check("The US said.", unknown=False) == []
    back = removed.updated({5: items[5]})
    assert findings(back) == findings(base)
    monkeypatch.setattr(forms, "OVERLAY_LIMIT", 0)
    folded = back.updated(edited(entries()))
    assert findings(folded) == findings(
        Checker.from_entries(entries(), "default").updated(edited(entries()))
    )


def test_empty_checker_gets_its_first_forms() -> None:
    empty = Checker.from_entries([], "default")
    assert empty.size == 0 and empty.check("Sanae Takaichi arrived.", unknown=False) == []
    takaichi = entries()[1]
    grown = empty.updated({2: takaichi})
    assert [f.rule for f in grown.check("Sanae Takaichi arrived.", unknown=False)] == ["name-order"]


def test_cache_applies_edits_without_rebuilding(
    g: Glossary, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = [g.add(e) for e in entries()[:3]]
    cache = CheckerCache(g)
    first = cache.get("default")
    assert cache.get("default") is first  # nothing changed

    def no_rebuild(*args: object, **kwargs: object) -> Checker:
        raise AssertionError("the checker was built again")

    monkeypatch.setattr(Checker, "from_glossary", no_rebuild)
    nara = g.get(saved[2].id)  # type: ignore[arg-type]
    nara.terms.append(Term("en", "Nara-ken", role="deprecated"))
    g.update(nara)
    g.delete(saved[0].id, saved[0].version)  # type: ignore[arg-type]
    g.add(Entry(kind="place", status="approved", terms=[Term("en", "Busan")]))
    updated = cache.get("default")
    assert updated is not first
    draft = "Lee Jae Myung went to Nara-ken."
    assert [(f.rule, f.found) for f in updated.check(draft, unknown=False)] == [
        ("deprecated", "Nara-ken")
    ]
    assert [f.rule for f in first.check(draft, unknown=False)] == ["spelling"]
    monkeypatch.undo()
    assert findings(updated) == findings(Checker.from_glossary(g, "default"))

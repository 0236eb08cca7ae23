"""The library behind the curation pages, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from glossary import Entry, Glossary, Term
from glossary.curation import candidate_queue, known_terms, sentences_for, split
from glossary.errors import ConflictError, GlossaryError
from tests.web.conftest import add_candidate


def test_queue_order_and_sentences(g: Glossary) -> None:
    one = add_candidate(g, "Park Ji-won", ["Park Ji-won met reporters."])
    three = add_candidate(g, "Cho Hyun", ["Cho Hyun a.", "Cho Hyun b.", "Cho Hyun c."])
    g.add(Entry(kind="term", status="approved", terms=[Term("en", "tariff")]))
    entries, total = candidate_queue(g)
    assert [e.id for e in entries] == [three.id, one.id] and total == 2
    page, total = candidate_queue(g, limit=1, offset=1)
    assert [e.id for e in page] == [one.id] and total == 2
    assert candidate_queue(g, kind="org") == ([], 0)
    found = sentences_for(g, [one.id or 0, three.id or 0], per_entry=2)
    assert [s["sentence"] for s in found[three.id or 0]] == ["Cho Hyun a.", "Cho Hyun b."]
    assert found[one.id or 0][0]["title"] == "Article about Park Ji-won"


def test_split_is_one_undoable_operation(g: Glossary) -> None:
    e = g.add(
        Entry(
            kind="person",
            status="candidate",
            terms=[
                Term("en", "Lee Jae-myung"),
                Term("en", "Lee Jae-yong", role="variant"),
                Term("ko", "이재용"),
            ],
        )
    )
    moving = [t.id or 0 for t in e.terms if t.text in ("Lee Jae-yong", "이재용")]
    with pytest.raises(ConflictError):
        split(g, e.id or 0, e.version + 1, moving, user="curator")
    with pytest.raises(GlossaryError, match="at least one form"):
        split(g, e.id or 0, e.version, [t.id or 0 for t in e.terms], user="curator")
    kept, new = split(g, e.id or 0, e.version, moving, user="curator")
    assert [t.text for t in kept.terms] == ["Lee Jae-myung"]
    assert [(t.lang, t.text, t.role) for t in new.terms] == [
        ("en", "Lee Jae-yong", "preferred"),
        ("ko", "이재용", "preferred"),
    ]
    assert g.lookup("Lee Jae-yong")[0].entry.id == new.id
    changes = g.history(limit=2)
    assert changes[0].batch == changes[1].batch
    g.undo(changes[0].id)
    assert len(g.get(e.id or 0).terms) == 3
    assert g.lookup("Lee Jae-yong")[0].entry.id == e.id


def test_known_terms_in_english_and_korean(g: Glossary) -> None:
    g.add(
        Entry(
            kind="person",
            status="approved",
            terms=[Term("en", "Lee Jae-myung"), Term("ko", "이재명")],
        )
    )
    text = "President Lee Jae-myung's visit. 이재명 대통령이 말했다."
    marks = known_terms(g, text)
    assert [text[m.start : m.end] for m in marks] == ["Lee Jae-myung", "이재명"]

"""The translation-memory store, on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import re
import threading

import pytest

from glossary import ConflictError, Entry, Glossary, GlossaryError, NotFound, Term
from glossary.errors import InvalidValue, UndoError
from tests.conftest import person


def takaichi() -> Entry:
    return Entry(
        kind="person",
        status="approved",
        origin="japanese",
        terms=[
            Term("en", "Takaichi Sanae", family="Takaichi", given="Sanae"),
            Term("en", "Sanae Takaichi", role="variant"),
            Term("ko", "다카이치 사나에", family="다카이치", given="사나에"),
            Term(
                "ja",
                "高市早苗",
                reading="たかいち さなえ",
                hepburn="Takaichi Sanae",
                plain="Takaichi Sanae",
                family="高市",
                given="早苗",
            ),
        ],
    )


def test_add_and_get_round_trip(g: Glossary) -> None:
    saved = g.add(takaichi(), user="ana")
    assert saved.id is not None and saved.version == 1
    again = g.get(saved.id)
    assert again.preferred("ja").reading == "たかいち さなえ"  # type: ignore[union-attr]
    assert [t.text for t in again.terms] == [
        "Takaichi Sanae",
        "Sanae Takaichi",
        "다카이치 사나에",
        "高市早苗",
    ]
    assert again.created_by == "ana"


def test_get_unknown_entry_raises_not_found(g: Glossary) -> None:
    with pytest.raises(NotFound):
        g.get(999)


@pytest.mark.parametrize(
    "query",
    [
        "Takaichi Sanae",
        "takaichi sanae",
        "TAKAICHI SANAE",
        "Sanae Takaichi",
        "高市早苗",
        "다카이치 사나에",
        "たかいち さなえ",
        "Takaichi Sanae's",
        "Takaichi",
        "高市",
    ],
)
def test_lookup_finds_entry_by_any_form(g: Glossary, query: str) -> None:
    saved = g.add(takaichi())
    g.add(person("Ishiba Shigeru", "Ishiba", "Shigeru"))
    results = g.lookup(query)
    assert results and results[0].entry.id == saved.id


def test_lookup_reports_how_it_matched(g: Glossary) -> None:
    g.add(takaichi())
    assert g.lookup("Takaichi Sanae")[0].match == "exact"
    assert g.lookup("Sanae Takaichi")[0].match == "exact"  # a stored variant form
    assert g.lookup("Takaichi")[0].match == "variant"  # family name part
    assert g.lookup("Takai")[0].match == "prefix"
    assert g.lookup("市早")[0].match == "substring"


def test_lookup_filters(g: Glossary) -> None:
    g.add(takaichi())
    assert g.lookup("Takaichi", kind="place") == []
    assert g.lookup("Takaichi", status="candidate") == []
    assert g.lookup("高市", lang="ja")
    assert g.lookup("高市", lang="en") == []
    with pytest.raises(InvalidValue, match="person, place"):
        g.lookup("x", kind="persons")


def test_lookup_ranks_approved_before_candidate(g: Glossary) -> None:
    cand = g.add(Entry(kind="place", status="candidate", terms=[Term("en", "Nara")]))
    appr = g.add(Entry(kind="place", status="approved", terms=[Term("en", "Nara")]))
    assert [m.entry.id for m in g.lookup("nara")] == [appr.id, cand.id]


def test_invalid_values_are_refused_with_allowed_list(g: Glossary) -> None:
    with pytest.raises(InvalidValue, match="allowed|use one of: person"):
        g.add(Entry(kind="human", terms=[Term("en", "X")]))
    with pytest.raises(InvalidValue, match="candidate, approved, rejected"):
        g.add(Entry(kind="term", status="done", terms=[Term("en", "X")]))
    with pytest.raises(InvalidValue, match="en, ko, ja"):
        g.add(Entry(kind="term", terms=[Term("fr", "X")]))
    with pytest.raises(GlossaryError, match="belongs to Japanese"):
        g.add(Entry(kind="term", terms=[Term("en", "X", reading="えっくす")]))
    assert g.count() == 0


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (
            Entry(kind="term", note="x" * 10_000_000, terms=[Term("en", "X")]),
            "the note is 10,000,000 characters long; at most 10,000",
        ),
        (
            Entry(kind="term", terms=[Term("en", "y" * 100_000)]),
            "the text is 100,000 characters long; at most 200",
        ),
        (
            Entry(kind="term", terms=[Term("ko", "국가", romanization="g" * 201)]),
            "the romanization is 201 characters long",
        ),
        (
            Entry(kind="term", terms=[Term("en", "X", note="n" * 10_001)]),
            "the note is 10,001 characters long",
        ),
        (
            Entry(kind="term", terms=[Term("en", "Tariff"), Term("en", "Duty")]),
            "the en forms 'Tariff' and 'Duty' are both preferred; make one of them a variant",
        ),
        (
            Entry(kind="term", terms=[Term("en", "Bell\x07")]),
            "the text holds the control character U+0007",
        ),
        (
            Entry(kind="term", note="ding\x07", terms=[Term("en", "X")]),
            "the note holds the control character U+0007",
        ),
        (
            Entry(kind="term", terms=[Term("en", "a\x00b")]),
            "U+0000, which no database stores",
        ),
        (Entry(kind="term", terms=[Term("en", "Tab\tbed")]), "U+0009"),
    ],
)
def test_what_no_form_or_note_may_hold(g: Glossary, entry: Entry, message: str) -> None:
    """The audit stored a 10 MB note, a 100,000-character term, two preferred English
    forms and a BEL; each is refused, naming what is wrong."""
    with pytest.raises(GlossaryError, match=re.escape(message)):
        g.add(entry)
    assert g.count() == 0


def test_notes_keep_their_lines_and_tabs(g: Glossary) -> None:
    saved = g.add(Entry(kind="term", note="one\ttwo\nthree", terms=[Term("en", "X")]))
    assert g.get(saved.id or 0).note == "one\ttwo\nthree"
    two = [Term("en", "Tariff"), Term("en", "Duty", role="variant"), Term("ko", "관세")]
    assert len(g.add(Entry(kind="term", terms=two)).terms) == 3  # one preferred each


def test_update_records_history_and_bumps_version(g: Glossary) -> None:
    e = g.add(takaichi(), user="ana")
    e.note = "Prime Minister of Japan"
    e2 = g.update(e, user="ben")
    assert e2.version == 2 and e2.note == "Prime Minister of Japan"
    changes = g.history(e.id)
    assert [c.action for c in changes] == ["update", "create"]
    assert changes[0].user == "ben"
    assert changes[0].before["note"] == "" and changes[0].after["note"] == "Prime Minister of Japan"


def test_stale_update_is_refused_and_writes_nothing(g: Glossary) -> None:
    e = g.add(takaichi())
    first = g.get(e.id)
    second = g.get(e.id)
    first.note = "first"
    g.update(first)
    second.note = "second"
    with pytest.raises(ConflictError, match="version 1, it is now at version 2"):
        g.update(second)
    assert g.get(e.id).note == "first"
    assert len(g.history(e.id)) == 2


def test_concurrent_updates_never_lose_one(g: Glossary) -> None:
    """Many writers start from the same version: exactly one wins, the rest conflict."""
    e = g.add(takaichi())
    barrier = threading.Barrier(6)
    outcomes: list[str] = []

    def writer(n: int) -> None:
        mine = g.get(e.id)
        mine.note = f"writer {n}"
        barrier.wait()
        try:
            g.update(mine, user=f"w{n}")
            outcomes.append(f"ok {n}")
        except ConflictError:
            outcomes.append("conflict")

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wins = [o for o in outcomes if o.startswith("ok")]
    assert len(wins) == 1 and outcomes.count("conflict") == 5
    final = g.get(e.id)
    assert final.version == 2 and final.note == f"writer {wins[0].split()[1]}"


def test_unchanged_update_records_nothing(g: Glossary) -> None:
    e = g.add(takaichi())
    same = g.update(g.get(e.id))
    assert same.version == 1 and len(g.history(e.id)) == 1


def test_undo_update_restores_entry(g: Glossary) -> None:
    e = g.add(takaichi())
    edited = g.get(e.id)
    edited.terms[0].text = "Takaichi S."
    g.update(edited)
    assert g.lookup("Takaichi S.")[0].match == "exact"
    change = g.history(e.id)[0]
    undone = g.undo(change.id, user="cur")
    assert undone[0].action == "undo" and undone[0].undoes == change.id
    restored = g.get(e.id)
    assert restored.terms[0].text == "Takaichi Sanae"
    assert restored.version == 3
    assert not [m for m in g.lookup("Takaichi S.") if m.match == "exact"]
    with pytest.raises(UndoError, match="already undone"):
        g.undo(change.id)


def test_undo_of_undo_redoes(g: Glossary) -> None:
    e = g.add(takaichi())
    edited = g.get(e.id)
    edited.status = "rejected"
    g.update(edited)
    undo = g.undo(g.history(e.id)[0].id)[0]
    assert g.get(e.id).status == "approved"
    g.undo(undo.id)
    assert g.get(e.id).status == "rejected"


def test_undo_refused_when_entry_changed_later(g: Glossary) -> None:
    e = g.add(takaichi())
    a = g.get(e.id)
    a.note = "one"
    g.update(a)
    first_change = g.history(e.id)[0].id
    b = g.get(e.id)
    b.note = "two"
    g.update(b)
    with pytest.raises(UndoError, match="changed again"):
        g.undo(first_change)
    assert g.get(e.id).note == "two"


def test_undo_create_deletes_and_undo_delete_restores(g: Glossary) -> None:
    e = g.add(takaichi())
    create = g.history(e.id)[0]
    g.undo(create.id)
    with pytest.raises(NotFound):
        g.get(e.id)
    assert g.lookup("Takaichi") == []
    g.undo(g.history(e.id)[0].id)  # undo the undo: the entry is back with its id
    assert g.get(e.id).preferred("ja").text == "高市早苗"  # type: ignore[union-attr]


def test_delete_and_undo(g: Glossary) -> None:
    e = g.add(takaichi())
    with pytest.raises(ConflictError):
        g.delete(e.id, version=7)
    g.delete(e.id, version=1, user="cur")
    assert g.lookup("高市早苗") == []
    change = g.history(e.id)[0]
    assert change.action == "delete" and change.after is None
    g.undo(change.id)
    assert g.lookup("高市早苗")[0].entry.id == e.id


def test_merge_moves_forms_and_undo_restores_both(g: Glossary) -> None:
    main = g.add(takaichi())
    dup = g.add(
        Entry(
            kind="person",
            status="candidate",
            terms=[
                Term("en", "Sanae Takaichi"),
                Term("en", "PM Takaichi", role="variant"),
                Term("ja", "高市首相"),
            ],
        )
    )
    merged = g.merge(dup.id, main.id, user="cur")
    texts = {(t.lang, t.text, t.role) for t in merged.terms}
    assert ("en", "PM Takaichi", "variant") in texts
    assert ("ja", "高市首相", "variant") in texts
    assert ("ja", "高市早苗", "preferred") in texts
    with pytest.raises(NotFound):
        g.get(dup.id)
    assert g.lookup("PM Takaichi")[0].entry.id == main.id
    merge_change = g.history(main.id)[0]
    assert merge_change.action == "merge"
    g.undo(merge_change.id)
    assert {t.text for t in g.get(main.id).terms} == {t.text for t in takaichi().terms}
    assert g.get(dup.id).preferred("en").text == "Sanae Takaichi"  # type: ignore[union-attr]


def test_merge_into_itself_is_refused(g: Glossary) -> None:
    e = g.add(takaichi())
    with pytest.raises(GlossaryError, match="itself"):
        g.merge(e.id, e.id)


def test_entries_iterates_in_batches(g: Glossary) -> None:
    for i in range(7):
        g.add(
            Entry(
                kind="term",
                status="approved" if i % 2 else "candidate",
                terms=[Term("en", f"term {i}")],
            )
        )
    assert len(list(g.entries(batch_size=3))) == 7
    assert len(list(g.entries(status="approved", batch_size=2))) == 3


def test_a_deleted_entry_id_is_never_reused(g: Glossary) -> None:
    first = g.add(person("Ishiba Shigeru", "Ishiba", "Shigeru"))
    second = g.add(takaichi())
    g.delete(second.id, version=1)  # type: ignore[arg-type]
    third = g.add(Entry(kind="term", terms=[Term("en", "shuttle diplomacy")]))
    assert third.id not in (first.id, second.id)
    assert [c.action for c in g.history(third.id)] == ["create"]  # type: ignore[arg-type]
    g.undo(g.history(second.id)[0].id)  # type: ignore[arg-type]
    assert g.get(second.id).preferred("ja").text == "高市早苗"  # type: ignore[arg-type, union-attr]

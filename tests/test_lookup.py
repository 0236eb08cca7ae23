"""The lookup engine, on SQLite and on a real PostgreSQL server: every match type, the
filters, the ranking, one- and two-character CJK queries, and that the index follows
edits, deletions and merges at once."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from glossary import Entry, Glossary, Term, open_glossary
from glossary.errors import InvalidValue
from glossary.lookup import Match, lookup_entries
from tests.conftest import person


def takaichi() -> Entry:
    return Entry(
        kind="person",
        status="approved",
        origin="japanese",
        terms=[
            Term("en", "Takaichi Sanae", family="Takaichi", given="Sanae"),
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


def lee() -> Entry:
    return Entry(
        kind="person",
        status="approved",
        origin="korean",
        terms=[
            Term("en", "Lee Jae-myung", family="Lee", given="Jae-myung"),
            Term(
                "ko",
                "이재명",
                family="이",
                given="재명",
                hanja="李在明",
                romanization="I Jaemyeong",
                press="Lee Jae-myung",
            ),
            Term("ja", "イ・ジェミョン", reading="イ・ジェミョン"),
        ],
    )


def lim() -> Entry:
    """Somebody else, whose name is closer to "Yi Jae-myeong" by edit distance."""
    return Entry(
        kind="person",
        status="approved",
        origin="korean",
        terms=[
            Term("en", "Lim Jae-myeong", family="Lim", given="Jae-myeong"),
            Term("ko", "임재명", family="임", given="재명"),
        ],
    )


def nso() -> Entry:
    return Entry(
        kind="org",
        status="approved",
        terms=[
            Term("en", "National Security Office"),
            Term("ko", "국가안보실"),
            Term("ja", "国家安保室"),
        ],
    )


def first(g: Glossary, query: str, **kw: object) -> Match:
    results = g.lookup(query, **kw)  # type: ignore[arg-type]
    assert results, f"nothing found for {query!r}"
    return results[0]


def ids(results: list[Match]) -> list[int | None]:
    return [m.entry.id for m in results]


def set_evidence(g: Glossary, entry_id: int | None, count: int) -> None:
    with g.engine.begin() as conn:
        conn.execute(
            text("UPDATE entries SET evidence_count = :n WHERE id = :id"),
            {"n": count, "id": entry_id},
        )


# -- done when: each of these finds the same entry first ---------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "Takaichi Sanae",
        "Sanae Takaichi",
        "TAKAICHI Sanae",
        "Takaichi",
        "高市",
        "高市早苗",
        "たかいち",
        "다카이치",
        "Takaichi Sanae's",
    ],
)
def test_done_when_every_form_finds_takaichi_first(loaded: Glossary, query: str) -> None:
    takaichi_id = first(loaded, "Takaichi Sanae").entry.id
    assert loaded.get(takaichi_id).preferred("ja").text == "高市早苗"  # type: ignore[arg-type,union-attr]
    assert first(loaded, query).entry.id == takaichi_id


# -- each match type ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "match"),
    [
        ("Takaichi Sanae", "exact"),  # a written form
        ("高市早苗", "exact"),
        ("다카이치 사나에", "exact"),
        ("takaichi-sanae", "exact"),  # case, hyphen and space folded
        ("たかいち さなえ", "variant"),  # the reading
        ("タカイチ サナエ", "variant"),  # katakana folded to hiragana
        ("Sanae Takaichi", "variant"),  # generated name order
        ("TAKAICHI Sanae", "exact"),  # capitalised family name: same key as the form
        ("Takaichi", "variant"),  # family name
        ("高市", "variant"),
        ("Takai", "prefix"),
        ("高", "prefix"),
        ("다카", "prefix"),
        ("市早", "substring"),
        ("早苗", "substring"),
        ("苗", "substring"),
        ("카이치", "substring"),
        ("Takaichi Sanea", "fuzzy"),
        ("Takiachi Sanae", "fuzzy"),
    ],
)
def test_match_types(g: Glossary, query: str, match: str) -> None:
    saved = g.add(takaichi())
    found = first(g, query)
    assert (found.entry.id, found.match) == (saved.id, match)
    assert 0 < found.score <= 1


def test_scores(g: Glossary) -> None:
    g.add(takaichi())
    assert first(g, "Takaichi Sanae").score == 1.0
    assert first(g, "Takai").score == pytest.approx(len("takai") / len("takaichi"))
    assert first(g, "市早").score == pytest.approx(2 / 4)
    assert first(g, "Takaichi Sanea").score == pytest.approx(1 - 2 / 13)  # two edits


@pytest.mark.parametrize(
    "query",
    [
        "Lee Jae-myung",
        "Lee Jae Myung",
        "Lee Jaemyung",
        "I Jaemyeong",  # strict Revised Romanization (the stored field)
        "Yi Jae-myeong",  # generated romanization-system variant
        "Rhee Jae-myung",
        "Yi Chae-myŏng",  # McCune-Reischauer
        "Jae-myung Lee",  # given name first
        "Lee Jae-myung's",
        "이재명",
        "李在明",
        "イ・ジェミョン",
    ],
)
def test_korean_romanization_systems_find_the_person(g: Glossary, query: str) -> None:
    target = g.add(lee())
    g.add(lim())
    found = first(g, query)
    assert found.entry.id == target.id
    assert found.match in ("exact", "variant")


def test_lim_is_not_lee(g: Glossary) -> None:
    g.add(lee())
    other = g.add(lim())
    # Edit distance would rank Lim first for "Yi Jae-myeong"; the family name decides.
    assert other.id not in ids(g.lookup("Yi Jae-myeong"))
    assert first(g, "Lim Jae-myung").entry.id == other.id


@pytest.mark.parametrize(
    ("stored", "query"),
    [
        ("Ōno Yoshinori", "Ohno Yoshinori"),
        ("Ōno Yoshinori", "Oono Yoshinori"),
        ("Itō Hirobumi", "Itoh Hirobumi"),
        ("Itō Hirobumi", "Hirobumi Itoh"),
    ],
)
def test_japanese_long_vowel_spellings(g: Glossary, stored: str, query: str) -> None:
    family, given = stored.split()
    saved = g.add(
        Entry(
            kind="person",
            status="approved",
            origin="japanese",
            terms=[Term("en", stored, family=family, given=given)],
        )
    )
    found = first(g, query)
    assert (found.entry.id, found.match) == (saved.id, "variant")


def test_japanese_press_spelling_of_m_before_b(g: Glossary) -> None:
    saved = g.add(
        Entry(
            kind="org",
            status="approved",
            terms=[Term("en", "Asahi Shimbun"), Term("ja", "朝日新聞", hepburn="Asahi Shinbun")],
        )
    )
    assert first(g, "Asahi Shinbun").match == "variant"
    assert first(g, "asahi shimbun").match == "exact"
    assert first(g, "Asahi Shinbun").entry.id == saved.id


def test_korean_place_romanizations(g: Glossary) -> None:
    saved = g.add(
        Entry(
            kind="place",
            status="approved",
            terms=[Term("en", "Busan"), Term("ko", "부산", romanization="Busan")],
        )
    )
    found = first(g, "Pusan")
    assert (found.entry.id, found.match) == (saved.id, "variant")


@pytest.mark.parametrize("query", ["Lee Jae Myng", "Lee Jea-myung", "Le Jae-myung"])
def test_typos_in_korean_names(g: Glossary, query: str) -> None:
    target = g.add(lee())
    g.add(lim())
    found = first(g, query)
    assert (found.entry.id, found.match) == (target.id, "fuzzy")


def test_typo_in_hangul(g: Glossary) -> None:
    saved = g.add(takaichi())
    found = first(g, "다카이치 사나애")
    assert (found.entry.id, found.match) == (saved.id, "fuzzy")


def test_nothing_matches(g: Glossary) -> None:
    g.add(takaichi())
    assert g.lookup("Qwxyz Plonk") == []
    assert g.lookup("") == []
    assert g.lookup("   ") == []
    assert g.lookup("-・'") == []


# -- one- and two-character CJK queries ---------------------------------------------------


@pytest.mark.parametrize(
    ("query", "match"),
    [
        ("안보", "substring"),  # inside 국가안보실
        ("보", "substring"),
        ("실", "substring"),  # the last character
        ("국", "prefix"),
        ("安保", "substring"),
        ("室", "substring"),
        ("国家", "prefix"),
        ("안보실", "substring"),
    ],
)
def test_short_cjk_queries(g: Glossary, query: str, match: str) -> None:
    saved = g.add(nso())
    g.add(takaichi())
    found = first(g, query)
    assert (found.entry.id, found.match) == (saved.id, match)


def test_substring_needs_adjacent_characters(g: Glossary) -> None:
    g.add(nso())
    # 국가 and 안보 are both in 국가안보실, but "국안" is not.
    assert g.lookup("국안") == []


def test_one_character_query_in_many_entries_is_limited(g: Glossary) -> None:
    for i in range(12):
        g.add(Entry(kind="term", status="approved", terms=[Term("ja", f"会議{i:02d}号")]))
    results = g.lookup("議", limit=5)
    assert len(results) == 5
    assert {m.match for m in results} == {"substring"}


# -- filters --------------------------------------------------------------------------------


def test_filters(g: Glossary) -> None:
    person_entry = g.add(takaichi())
    place = g.add(Entry(kind="place", status="candidate", terms=[Term("en", "Takaichi Town")]))
    assert ids(g.lookup("Takaichi", kind="place")) == [place.id]
    assert ids(g.lookup("Takaichi", kind="person")) == [person_entry.id]
    assert ids(g.lookup("Takaichi", status="candidate")) == [place.id]
    assert ids(g.lookup("Takaichi", status="approved")) == [person_entry.id]
    assert g.lookup("Takaichi", kind="org") == []
    assert ids(g.lookup("高市", lang="ja")) == [person_entry.id]
    assert g.lookup("高市", lang="en") == []
    assert ids(g.lookup("Takaichi Sanae", lang="ja")) == [person_entry.id]  # Hepburn field
    assert ids(g.lookup("Takaichi Sanae", lang="ja-JP")) == [person_entry.id]
    assert ids(g.lookup("市早", lang="ja", kind="person", status="approved")) == [person_entry.id]
    assert g.lookup("市早", lang="ko") == []
    assert ids(g.lookup("Takaichi Sanea", kind="person")) == [person_entry.id]
    assert g.lookup("Takaichi Sanea", kind="place") == []


def test_status_filter_of_several_statuses(g: Glossary) -> None:
    """What the web app shows a reader: entries of any of several statuses, filtered
    inside every statement (exact, prefix, substring, typo) on both backends."""
    approved = g.add(takaichi())
    candidate = g.add(Entry(kind="place", status="candidate", terms=[Term("en", "Takaichi Town")]))
    rejected = g.add(Entry(kind="org", status="rejected", terms=[Term("en", "Takaichi Club")]))
    both = ("approved", "candidate")
    assert sorted(ids(g.lookup("Takaichi", status=both))) == sorted([approved.id, candidate.id])
    assert ids(g.lookup("Takaichi Clbu", status=both)) == []  # typo search, filtered
    assert ids(g.lookup("Takaichi Clbu", status=["rejected", "candidate"])) == [rejected.id]
    assert ids(g.lookup("高市", status=both)) == [approved.id]
    assert len(g.lookup("Takaichi", status=("approved", "candidate", "rejected"))) == 3
    assert g.lookup("Takaichi", status=()) == []
    assert g.count(status=both) == 2 and g.count(status=()) == 0
    with pytest.raises(InvalidValue, match="candidate"):
        g.lookup("Takaichi", status=("approved", "done"))


def test_filters_apply_before_the_limit(g: Glossary) -> None:
    for i in range(30):
        g.add(Entry(kind="term", status="approved", terms=[Term("en", f"Nara term {i:02d}")]))
    place = g.add(Entry(kind="place", status="approved", terms=[Term("en", "Nara Park")]))
    assert ids(g.lookup("Nara", kind="place", limit=3)) == [place.id]


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"kind": "persons"}, "person, place"),
        ({"status": "done"}, "candidate"),
        ({"lang": "fr"}, "en, ko, ja"),
    ],
)
def test_invalid_filters_are_refused(g: Glossary, kw: dict[str, str], message: str) -> None:
    with pytest.raises(InvalidValue, match=message):
        g.lookup("x", **kw)  # type: ignore[arg-type]


# -- ranking --------------------------------------------------------------------------------


def test_rank_by_match_type_first(g: Glossary) -> None:
    prefix = g.add(Entry(kind="place", status="approved", terms=[Term("en", "Narashino")]))
    exact = g.add(Entry(kind="place", status="candidate", terms=[Term("en", "Nara")]))
    set_evidence(g, prefix.id, 100)
    assert ids(g.lookup("nara")) == [exact.id, prefix.id]
    assert [m.match for m in g.lookup("nara")] == ["exact", "prefix"]


def test_rank_approved_before_candidate_then_evidence(g: Glossary) -> None:
    cand = g.add(Entry(kind="place", status="candidate", terms=[Term("en", "Nara")]))
    few = g.add(Entry(kind="place", status="approved", terms=[Term("en", "Nara")]))
    many = g.add(Entry(kind="place", status="approved", terms=[Term("en", "Nara")]))
    set_evidence(g, cand.id, 500)
    set_evidence(g, few.id, 2)
    set_evidence(g, many.id, 40)
    assert ids(g.lookup("Nara")) == [many.id, few.id, cand.id]


def test_rank_closer_typo_first(g: Glossary) -> None:
    one = g.add(person("Takaichi Sanae", "Takaichi", "Sanae"))
    two = g.add(person("Takaishi Sanae", "Takaishi", "Sanae"))
    set_evidence(g, two.id, 99)
    results = g.lookup("Takaichi Sanea")
    assert ids(results)[0] == one.id


def test_limit(g: Glossary) -> None:
    for i in range(8):
        g.add(Entry(kind="term", status="approved", terms=[Term("en", f"Security term {i}")]))
    assert len(g.lookup("Security", limit=3)) == 3
    assert len(g.lookup("Security", limit=1)) == 1
    assert len(g.lookup("Security")) == 8


def test_limit_is_filled_when_one_entry_has_many_keys_in_the_range(g: Glossary) -> None:
    """The range scan first reads a few more key rows than the limit; when they are all
    one entry's (its forms, readings, romanizations, name orders), it reads further."""
    forms = [Term("en", f"Taka {letter}", role="variant") for letter in "ABCDEFGH"]
    many = g.add(Entry(kind="term", status="approved", terms=forms))
    others = [g.add(person(f"Takayama Ken{i}", "Takayama", f"Ken{i}")).id for i in range(3)]
    # In key order the first entry's keys (takaa ... takah) come before every other.
    results = g.lookup("taka", limit=3)
    assert len(results) == 3
    assert many.id in ids(results)
    assert set(ids(g.lookup("taka", limit=4))) == {many.id, *others}


# -- the index follows edits ----------------------------------------------------------------


def test_an_edit_is_found_by_the_next_query(g: Glossary) -> None:
    e = g.add(nso())
    edited = g.get(e.id)  # type: ignore[arg-type]
    edited.terms.append(Term("en", "Office of National Security", role="variant"))
    edited.terms.append(Term("ja", "国家安全保障室", role="variant"))
    g.update(edited)
    assert first(g, "Office of National Security").match == "exact"
    assert first(g, "Office of Natinal Security").match == "fuzzy"
    assert first(g, "全保").entry.id == e.id
    assert first(g, "Office of Nat").match == "prefix"
    # and a form taken away is no longer found
    edited = g.get(e.id)  # type: ignore[arg-type]
    edited.terms = [t for t in edited.terms if t.text != "국가안보실"]
    g.update(edited)
    assert g.lookup("안보") == []


def test_edits_from_another_glossary_object_are_seen(db_url: str) -> None:
    """Another process editing the same database: the next lookup sees it."""
    reader, writer = open_glossary(db_url), open_glossary(db_url)
    try:
        assert reader.lookup("Takaichi") == []
        saved = writer.add(takaichi())
        assert first(reader, "Takaichi").entry.id == saved.id
        edited = writer.get(saved.id)  # type: ignore[arg-type]
        edited.status = "candidate"
        edited.note = "changed elsewhere"
        writer.update(edited)
        found = first(reader, "高市")
        assert (found.entry.status, found.entry.note) == ("candidate", "changed elsewhere")
        assert reader.lookup("高市", status="approved") == []
        writer.delete(saved.id, version=2)  # type: ignore[arg-type]
        assert reader.lookup("高市") == []
    finally:
        reader.close()
        writer.close()


@pytest.mark.parametrize("query", ["Takaichi Sanae", "Takai", "市早", "Takaichi Sanea", "高"])
def test_a_deleted_entry_disappears(g: Glossary, query: str) -> None:
    e = g.add(takaichi())
    assert g.lookup(query)
    g.delete(e.id, version=1)  # type: ignore[arg-type]
    assert g.lookup(query) == []
    g.undo(g.history(e.id)[0].id)
    assert ids(g.lookup(query)) == [e.id]


def test_a_korean_sound_key_disappears_with_its_entry(g: Glossary) -> None:
    e = g.add(lee())
    assert ids(g.lookup("Yi Jae-myeong")) == [e.id]
    g.delete(e.id, version=1)  # type: ignore[arg-type]
    assert g.lookup("Yi Jae-myeong") == []


def test_a_merged_entry_disappears_and_its_forms_find_the_target(g: Glossary) -> None:
    main = g.add(takaichi())
    dup = g.add(
        Entry(
            kind="person",
            status="candidate",
            terms=[Term("en", "PM Takaichi"), Term("ja", "高市首相")],
        )
    )
    g.merge(dup.id, main.id)  # type: ignore[arg-type]
    for query in ("PM Takaichi", "高市首相", "首相", "PM Takaichy"):
        assert ids(g.lookup(query)) == [main.id], query
    assert dup.id not in ids(g.lookup("Takaichi"))
    g.undo(g.history(main.id)[0].id)
    assert ids(g.lookup("首相")) == [dup.id]


# -- what a result holds --------------------------------------------------------------------


def test_result_entries_are_the_stored_entries(loaded: Glossary) -> None:
    for entry in loaded.entries():
        label = entry.label
        found = [m.entry for m in loaded.lookup(label, limit=50)]
        assert entry in found, label


def test_to_dict_contract(g: Glossary) -> None:
    g.add(takaichi())
    data = first(g, "Takaichi").to_dict()
    assert list(data)[:6] == ["id", "kind", "status", "match", "score", "terms"]
    assert data["match"] == "variant" and data["score"] == 1.0
    assert set(data["terms"]) == {"en", "ko", "ja"}
    assert data["terms"]["ja"][0]["reading"] == "たかいち さなえ"


def test_lookup_inside_a_session_sees_its_uncommitted_changes(g: Glossary) -> None:
    from glossary.store.models import EntryRow

    e = g.add(takaichi())
    with g.writing() as s:
        row = s.get(EntryRow, e.id)
        assert row is not None
        row.note = "not yet committed"
        s.flush()
        inside = lookup_entries(s, "高市")
        assert inside[0].entry.note == "not yet committed"
        s.rollback()
    assert first(g, "高市").entry.note == ""


def test_lookups_from_threads(g: Glossary) -> None:
    import threading

    e = g.add(takaichi())
    errors: list[str] = []

    def worker() -> None:
        for query in ("Takaichi", "高市", "市早", "Takaichi Sanea"):
            found = g.lookup(query)
            if not found or found[0].entry.id != e.id:
                errors.append(query)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_an_in_memory_glossary_is_looked_up_through_its_one_connection() -> None:
    """sqlite:// lives only in the pool's connection: the lookup uses that one."""
    with open_glossary("sqlite://") as g:
        g.add(person("Takaichi Sanae", "Takaichi", "Sanae"))
        assert [m.match for m in g.lookup("Takaichi Sanae")] == ["exact"]
        assert g.lookup("Takaich Sanae")[0].match == "fuzzy"
        calls: list[int] = []
        g.remember("k", lambda: calls.append(1))
        g.remember("k", lambda: calls.append(1))
        assert len(calls) == 2  # nothing is kept: no connection of its own to date it

"""What the lookup indexes: keys per entry, the romanization-system folds, the fast
normalisation, and the rebuild of every key when the indexing rules change."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from glossary import Entry, Glossary, Term, open_glossary
from glossary.errors import ParseError
from glossary.lang.keys import (
    _REMOVE,
    _is_latin_with_marks,
    _strip_latin_marks,
    has_cjk,
    normalize_key,
)
from glossary.lang.names import PersonName, variants
from glossary.lang.romanized import (
    fold_japanese,
    fold_korean,
    hangul_letters,
    korean_name_folds,
    korean_query_folds,
    korean_surnames,
    load_surnames,
)
from glossary.lang.script import is_cjk
from glossary.store import reindex
from glossary.store.indexing import IndexKey, keys_for_entry, query_sound_keys
from tests.conftest import person


def _reference_key(text: str) -> str:
    """normalize_key as first written, one rule after the other (the docstring's definition)."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = "".join(_strip_latin_marks(c) if _is_latin_with_marks(c) else c for c in text)
    text = "".join(c for c in text if not (unicodedata.combining(c) and ord(c) < 0x3000))
    text = text.translate(_REMOVE)  # folded punctuation and invisible characters
    return "".join(chr(ord(c) - 0x60) if 0x30A1 <= ord(c) <= 0x30F6 else c for c in text)


def test_fast_normalisation_equals_the_definition() -> None:
    rng = random.Random(7)
    alphabet = [
        chr(cp)
        for block in (
            range(0x20, 0x250),
            range(0x300, 0x370),
            range(0x1E00, 0x1F00),
            range(0x3000, 0x3100),
            range(0xAC00, 0xAC30),
            range(0xFF00, 0xFFA0),
        )
        for cp in block
    ]
    for _ in range(20_000):
        sample = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 10)))
        assert normalize_key(sample) == _reference_key(sample), repr(sample)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("aaa\x00", "aaa"),
        ("高市\u200b早苗", "高市早苗"),
        ("\ufeffTokyo", "tokyo"),
        ("Nara\u00ad", "nara"),
    ],
)
def test_invisible_characters_are_dropped(text: str, key: str) -> None:
    assert normalize_key(text) == key


def test_has_cjk_agrees_with_the_script_rules() -> None:
    for cp in [
        *range(0x0, 0x3400, 7),
        *range(0x3000, 0x3200),
        *range(0xA900, 0xFFFF, 3),
        0x20000,
        0x3134F,
        0x31350,
    ]:
        ch = chr(cp)
        if not 0xD800 <= cp <= 0xDFFF:
            assert has_cjk(ch) == is_cjk(ch), hex(cp)


# -- keys of an entry ---------------------------------------------------------------------


def _keys(entry: Entry) -> list[IndexKey]:
    return list(keys_for_entry(entry))


def test_keys_of_a_person() -> None:
    entry = Entry(
        kind="person",
        origin="japanese",
        terms=[
            Term("en", "Takaichi Sanae", family="Takaichi", given="Sanae"),
            Term("ja", "高市早苗", reading="たかいち さなえ", family="高市", given="早苗"),
        ],
    )
    keys = {(k.lang, k.key, k.match) for k in _keys(entry)}
    assert ("en", "takaichisanae", "form") in keys
    assert ("en", "sanaetakaichi", "variant") in keys
    assert ("en", "takaichi", "variant") in keys
    assert ("ja", "高市早苗", "form") in keys
    assert ("ja", "たかいちさなえ", "variant") in keys
    assert ("ja", "たかいち", "variant") in keys  # the family part of the reading
    assert ("ja", "高市", "variant") in keys
    assert ("ja", "早苗高市", "variant") not in keys  # no house style writes kanji given-first
    assert ("en", "~jtakaichisanae", "sound") in keys


def test_one_character_family_names_are_not_keys_alone() -> None:
    keys = {
        k.key
        for k in _keys(
            Entry(
                kind="person",
                origin="korean",
                terms=[Term("ko", "이재명", family="이", given="재명")],
            )
        )
    }
    assert "이" not in keys and "이재명" in keys


@pytest.mark.parametrize(
    ("family", "given", "origin", "lang"),
    [
        ("Takaichi", "Sanae", "japanese", "en"),
        ("Lee", "Jae-myung", "korean", "en"),
        ("Ōtani", "Shōhei", "japanese", "en"),
        ("高市", "早苗", "japanese", "ja"),
        ("다카이치", "사나에", "japanese", "ko"),
        ("이", "재명", "korean", "ko"),
        ("イ", "ジェミョン", "korean", "ja"),
        ("Trump", "Donald", "western", "en"),
        ("트럼프", "도널드", "western", "ko"),
        ("von der Leyen", "Ursula", "western", "en"),
    ],
)
def test_every_name_variant_of_the_house_styles_is_found(
    family: str, given: str, origin: str, lang: str
) -> None:
    """names.variants (the style checker's list) adds no key the index lacks, possessives
    aside: the lookup strips those from the query."""
    entry = Entry(
        kind="person",
        origin=origin,
        terms=[Term(lang, f"{family} {given}", family=family, given=given)],
    )
    keys = {k.key for k in _keys(entry)}
    for form in variants(PersonName(family, given, origin), lang):
        if form.endswith(("'s", "’s", "'", "’")):
            continue
        assert normalize_key(form) in keys, form


def test_keys_per_entry_stay_few(loaded: Glossary) -> None:
    from glossary.store.indexing import keys_for_entry as keys_of

    counts = [len(list(keys_of(e))) for e in loaded.entries()]
    assert max(counts) <= 40
    assert sum(counts) / len(counts) <= 16


def test_typo_and_substring_flags() -> None:
    keys = _keys(
        Entry(
            kind="person",
            origin="japanese",
            terms=[
                Term("en", "Takaichi Sanae", family="Takaichi", given="Sanae"),
                Term("ja", "高市早苗", hepburn="Takaichi Sanae", family="高市", given="早苗"),
            ],
        )
    )
    fuzzy = [k.key for k in keys if k.fuzzy]
    assert fuzzy.count("takaichisanae") == 1  # one per entry, whatever the language
    assert "sanaetakaichi" not in fuzzy  # name orders are not typo-searched
    cjk = {k.key for k in keys if k.cjk}
    assert cjk == {"高市早苗"}  # the family name is inside the form already


# -- romanization-system folds --------------------------------------------------------------


@pytest.mark.parametrize(
    ("spellings", "source"),
    [
        (
            ["Jae-myung", "Jaemyeong", "Chae-myŏng", "Jae Myung"],
            "이재명: press, RR, McCune-Reischauer",
        ),
        (["Geun-hye", "Geunhye", "Kŭn-hye", "Keun-hye"], "박근혜"),
        (["Suk-yeol", "Seok-yeol", "Sŏk-yŏl", "Suk Yeol"], "윤석열"),
        (
            ["Sung-lac", "Seongrak", "Sung-lak", "Sŏng-nak"],
            "위성락 (RR with the ㄴ sound change too)",
        ),
        (["Busan", "Pusan"], "부산: RR 2000 and McCune-Reischauer"),
        (["Gyeongju", "Kyongju", "Kyŏngju"], "경주"),
        (["Dae-jung", "Daejung", "Tae-jung"], "김대중"),
    ],
)
def test_korean_folds(spellings: list[str], source: str) -> None:
    assert len({fold_korean(s) for s in spellings}) == 1, source


def test_korean_folds_keep_different_names_apart() -> None:
    assert fold_korean("Jae-myung") != fold_korean("Jae-min")
    assert korean_name_folds("Lee", "Jae-myung") != korean_name_folds("Lim", "Jae-myeong")


@pytest.mark.parametrize(
    ("spellings", "source"),
    [
        (["Ōno", "Ohno", "Oono", "Ono"], "大野: Hepburn, passport, wāpuro, press"),
        (["Itō", "Itoh", "Ito", "Itou"], "伊藤"),
        (["Shimbun", "Shinbun"], "新聞: traditional and modified Hepburn"),
        (["Yūko", "Yuuko", "Yuko"], "裕子"),
    ],
)
def test_japanese_folds(spellings: list[str], source: str) -> None:
    assert len({fold_japanese(s) for s in spellings}) == 1, source


def test_hangul_letters_are_revised_romanization() -> None:
    assert hangul_letters("재명") == "jaemyeong"
    assert hangul_letters("국가안보실") == "gukgaanbosil"


def test_surnames() -> None:
    assert korean_surnames("Lee") == {"이"}
    assert korean_surnames("RHEE") == {"이"}
    assert korean_surnames("Yu") == {"유", "류"}
    assert korean_surnames("Smith") == frozenset()
    assert korean_query_folds("Yi Jae-myeong") == korean_query_folds("Jae-myung Lee")
    assert query_sound_keys("高市") == []


def test_surname_table_errors_name_the_line(tmp_path: Path) -> None:
    header = "hangul\tspellings\tpress\tenglish_miner\tkorean_miner\tsource\n"
    bad = tmp_path / "surnames.tsv"
    bad.write_text(
        "# comment\n" + header + "김\tGim | Kim\tKim\tKim\tyes\t-\nkim\tKim\t-\t-\tno\t-\n",
        encoding="utf-8",
    )
    with pytest.raises(ParseError, match="line 4"):
        load_surnames(bad)
    bad.write_text(header + "김\tGim\t-\t-\tyes\t-\n김\tKim\t-\t-\tyes\t-\n", encoding="utf-8")
    with pytest.raises(ParseError, match="twice"):
        load_surnames(bad)
    assert load_surnames()["이"][:3] == ("I", "Lee", "Yi")
    assert "선" not in load_surnames()  # press spellings only: not (yet) a lookup key


# -- rebuilding every key -------------------------------------------------------------------


def _count(g: Glossary, sql: str) -> int:
    with g.engine.connect() as conn:
        return int(conn.exec_driver_sql(sql).scalar() or 0)


def test_keys_made_by_older_rules_are_rebuilt_on_open(db_url: str) -> None:
    g = open_glossary(db_url)
    saved = g.add(
        Entry(
            kind="person",
            status="approved",
            origin="korean",
            terms=[Term("en", "Lee Jae-myung", family="Lee", given="Jae-myung")],
        )
    )
    keys = _count(g, "SELECT count(*) FROM term_keys")
    with g.engine.begin() as conn:  # as a database indexed by an older version would be
        conn.exec_driver_sql("DELETE FROM term_keys WHERE match = 'sound'")
        conn.exec_driver_sql("DELETE FROM index_state")
    g.close()
    g = open_glossary(db_url)
    try:
        assert _count(g, "SELECT count(*) FROM term_keys") == keys
        assert [m.entry.id for m in g.lookup("Yi Jae-myeong")] == [saved.id]
        assert reindex.ensure_keys_current(g.engine) is False
    finally:
        g.close()


def test_bulk_rebuild(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bulk rebuild (on SQLite files with a helper process computing two batches in
    three) gives back exactly the keys that writing the entries gave."""
    g = open_glossary(db_url)
    try:
        for i in range(6):
            g.add(
                Entry(
                    kind="term",
                    status="approved",
                    terms=[Term("en", f"Defense term {i}"), Term("ja", f"防衛用語{i}")],
                )
            )
        g.add(person("Takaichi Sanae", "Takaichi", "Sanae"))
        lee = g.add(
            Entry(
                kind="person",
                status="approved",
                origin="korean",
                terms=[
                    Term("en", "Lee Jae-myung", family="Lee", given="Jae-myung"),
                    Term("ko", "이재명", family="이", given="재명"),
                ],
            )
        )
        rows = "SELECT entry_id, lang, key, match, source, fuzzy, cjk FROM term_keys"
        with g.engine.connect() as conn:
            before = sorted(conn.exec_driver_sql(rows).all())
        monkeypatch.setattr(reindex, "BULK_ENTRIES", 1)
        assert reindex.rebuild_keys(g.engine, batch_size=2) == 8
        with g.engine.connect() as conn:
            assert sorted(conn.exec_driver_sql(rows).all()) == before
        if g.engine.dialect.name == "sqlite":
            _same_as_source(g)
            with g.engine.begin() as conn:
                for table in ("fts_typo", "fts_cjk"):
                    conn.exec_driver_sql(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
        assert len(g.lookup("用語")) == 6
        assert [m.match for m in g.lookup("Defense trem 3")] == ["fuzzy"]
        assert [m.match for m in g.lookup("Defense term 3")] == ["exact"]
        assert g.lookup("Yi Jae-myeong")[0].entry.id == lee.id
        assert g.lookup("sanae takaichi")[0].entry.terms[0].text == "Takaichi Sanae"
    finally:
        g.close()


def _same_as_source(g: Glossary) -> None:
    """The typo index's source holds exactly the distinct typo-searchable keys (the
    integrity checks compare the index with its source)."""
    with g.engine.connect() as conn:
        distinct = "SELECT DISTINCT key FROM term_keys WHERE fuzzy"
        held = "SELECT key FROM fts_typo_keys"
        for first, second in ((distinct, held), (held, distinct)):
            assert conn.exec_driver_sql(f"{first} EXCEPT {second}").all() == []
        assert conn.exec_driver_sql("SELECT count(*) FROM fts_typo_keys").scalar()


def test_full_text_indexes_stay_consistent(sqlite_url: str) -> None:
    """SQLite's own check of both full-text indexes against term_keys, after every kind
    of write and a rebuild."""
    g = open_glossary(sqlite_url)
    try:
        a = g.add(
            Entry(
                kind="org",
                status="approved",
                terms=[Term("en", "National Security Office"), Term("ko", "국가안보실")],
            )
        )
        b = g.add(Entry(kind="org", status="candidate", terms=[Term("ko", "안보실")]))
        edited = g.get(a.id)  # type: ignore[arg-type]
        edited.terms.append(Term("ja", "国家安保室"))
        g.update(edited)
        g.merge(b.id, a.id)  # type: ignore[arg-type]
        g.undo(g.history(a.id)[0].id)
        g.delete(b.id, version=1)  # type: ignore[arg-type]
        with g.engine.begin() as conn:
            for table in ("fts_typo", "fts_cjk"):
                conn.exec_driver_sql(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
        _same_as_source(g)
        reindex.rebuild_keys(g.engine)
        with g.engine.begin() as conn:
            for table in ("fts_typo", "fts_cjk"):
                conn.exec_driver_sql(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
            triggers = (
                "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
                " AND tbl_name NOT LIKE 'tm\\_%' ESCAPE '\\'"
            )
            # put back: 5 for the full-text indexes, 6 for the entry documents (the
            # translation memory's own triggers are not the key rebuild's business)
            assert conn.exec_driver_sql(triggers).scalar() == 11
        _same_as_source(g)
    finally:
        g.close()


_SOUND_KEYS_OF_AMBIGUOUS_NAME = """
import json
from glossary import Entry, Term
from glossary.store.indexing import keys_for_entry
e = Entry(kind="person", origin="korean", terms=[
    Term("en", "Yu Jin", family="Yu", given="Jin"),
    Term("en", "Jin Yu", role="variant"),
    Term("en", "Yu Shin", role="variant"),
])
print(json.dumps(sorted(k.key for k in keys_for_entry(e) if k.match == "sound")))
"""


def test_sound_keys_are_the_same_in_every_process() -> None:
    """Yu may be 유 or 류 and either word may be the family name: the forms give more
    sound keys than an entry keeps, and which are kept must not depend on the order of a
    set, which Python's string hashing changes from one process to the next."""
    found = set()
    for seed in range(1, 7):
        out = subprocess.run(
            [sys.executable, "-c", _SOUND_KEYS_OF_AMBIGUOUS_NAME],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
        )
        found.add(out.stdout)
    assert len(found) == 1
    assert len(json.loads(found.pop())) == 4  # the cap, reached


def test_refilling_the_full_text_tables_gives_the_connection_its_cache_back(
    sqlite_url: str,
) -> None:
    """The refill runs with a small page cache (its sort would take as much memory as a
    large one allows) and then gives back the cache the caller had set, as an import's."""
    g = open_glossary(sqlite_url)
    g.add(person("Takaichi Sanae", "Takaichi", "Sanae"))
    with g.engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA cache_size = -123456")
        paused = reindex.pause_full_text(conn)
        reindex.resume_full_text(conn, paused)
        assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -123456
        for table in ("fts_typo", "fts_cjk"):
            check = f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)"
            conn.exec_driver_sql(check)
    assert g.lookup("Takaichi Sanea")[0].match == "fuzzy"
    g.close()

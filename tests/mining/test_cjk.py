from __future__ import annotations

from glossary.mining import mine_text
from glossary.mining.japanese import mine_text as mine_ja
from glossary.mining.korean import mine_text as mine_ko


def kinds(mentions):
    return {m.surface: m.kind for m in mentions}


def test_korean_particles_and_titles_stripped():
    ms = kinds(mine_ko("이재명 대통령은 다카이치 사나에 일본 총리와 회담했다."))
    assert ms["이재명"] == "person"
    assert ms["다카이치 사나에"] == "person"
    assert ms["일본"] == "place"
    assert ms["대통령"] == "term" and ms["총리"] == "term"
    assert "이재명은" not in ms and "이재명 대통령" not in ms


def test_korean_compound_terms_and_offices():
    ms = kinds(
        mine_ko("위성락 국가안보실장은 셔틀외교와 공동기자회견, 초국가 범죄 대응을 설명했다.")
    )
    assert ms["위성락"] == "person"
    assert ms["국가안보실장"] == "term"
    assert ms["국가안보실"] == "org"
    assert ms["셔틀외교"] == "term"
    assert ms["공동기자회견"] == "term"
    assert ms["초국가 범죄"] == "term"


def test_korean_relation_compounds_and_latin_acronyms():
    ms = kinds(mine_ko("한미일 안보협력과 한일 정상회담, APEC 정상회의와 G20 정상회의가 열렸다."))
    assert ms["한미일 안보협력"] == "term"
    assert ms["한일 정상회담"] == "term"
    assert ms["APEC"] == "org" and ms["G20"] == "org"


def test_korean_family_name_with_title_joins_full_name():
    cands = mine_text(
        "이재명 대통령은 출국했다. 이 대통령은 위성락 실장과 논의했다. 위 실장은 설명했다.",
        lang="ko",
    )
    by = {c.canonical: c for c in cands}
    assert set(by["이재명"].surfaces) == {"이재명", "이"}
    assert set(by["위성락"].surfaces) == {"위성락", "위"}


def test_japanese_titles_and_honorifics_stripped():
    ms = kinds(mine_ja("高市総理は李在明大統領と会談し、石破茂前首相も同席した。"))
    assert ms["高市"] == "person"
    assert ms["李在明"] == "person"
    assert ms["石破茂"] == "person"
    assert ms["総理"] == "term" and ms["大統領"] == "term" and ms["首相"] == "term"


def test_japanese_compounds_relations_and_katakana_names():
    ms = kinds(
        mine_ja(
            "シャトル外交と日韓米の連携を確認した。東京大学東洋文化研究所の"
            "ジョン・チュアン・ティオン・リム研究員が発言した。"
        )
    )
    assert ms["シャトル外交"] == "term"
    assert ms["日韓米の連携"] == "term"
    assert ms["ジョン・チュアン・ティオン・リム"] == "person"
    assert ms["東京大学東洋文化研究所"] == "org"


def test_japanese_family_name_joins_full_name():
    cands = mine_text("高市早苗首相は13日に訪韓した。高市首相は会見した。", lang="ja")
    by = {c.canonical: c for c in cands}
    assert set(by["高市早苗"].surfaces) == {"高市早苗", "高市"}


def test_acronym_in_brackets_joins_expansion():
    cands = mine_text(
        "아시아태평양경제협력체(APEC) 정상회의가 열렸다. APEC 회원국이 모였다.", lang="ko"
    )
    by = {c.canonical: c for c in cands}
    assert "APEC" in by["아시아태평양경제협력체"].surfaces

from __future__ import annotations

from glossary.mining import mine_text
from glossary.mining.english import mine_text as mine_en


def surfaces(text):
    return [m.surface for m in mine_en(text)]


def kinds(text):
    return {m.surface: m.kind for m in mine_en(text)}


def test_titles_are_stripped_and_official_titles_kept_as_terms():
    ms = kinds("Talks began after President Lee met Japanese Prime Minister Sanae Takaichi.")
    assert ms["Lee"] == "person"
    assert ms["Sanae Takaichi"] == "person"
    assert ms["President"] == "term"
    assert ms["Prime Minister"] == "term"
    assert "Japanese" not in ms


def test_possessive_is_stripped_but_offsets_point_at_the_name():
    text = "The summit was held in Takaichi's hometown and Takaichi’s party agreed."
    ms = [m for m in mine_en(text) if m.surface == "Takaichi"]
    assert len(ms) == 2
    for m in ms:
        assert text[m.start : m.end] == "Takaichi"


def test_plural_possessive_inside_a_name():
    assert "Foreign Correspondents’ Club of Japan" in surfaces(
        "He spoke at the Foreign Correspondents’ Club of Japan in Tokyo."
    )


def test_singular_possessive_splits_two_names():
    s = surfaces("She works at Japan’s National Institute for Defense Studies.")
    assert "Japan" in s and "National Institute for Defense Studies" in s


def test_sentence_initial_capitals_are_not_names():
    s = surfaces(
        "According to officials, the deal holds. Experts say it will. "
        "Historical issues remain. Although tense, ties improved."
    )
    for word in ("According", "Experts", "Historical", "Although"):
        assert word not in s


def test_sentence_initial_name_with_evidence_is_a_name():
    s = surfaces("Masayuki Masuda spoke first. Masuda said cooperation matters.")
    assert s.count("Masuda") == 1 and "Masayuki Masuda" in s


def test_title_case_headline():
    s = surfaces(
        "Lee And Takaichi Hold First Summit On APEC Sidelines In Gyeongju\n"
        "Lee met Takaichi at the summit in Gyeongju, where APEC leaders gathered."
    )
    assert "Lee And Takaichi Hold First Summit" not in " ".join(s)
    for name in ("Lee", "Takaichi", "APEC", "Gyeongju"):
        assert name in s
    assert "Hold" not in s and "Summit" not in s


def test_connectors_and_numbers_in_names():
    s = surfaces("Leaders of the Group of 20 met at the University of Tokyo.")
    assert "Group of 20" in s and "University of Tokyo" in s
    assert "Tokyo" in s  # nested place


def test_lee_of_korea_is_not_one_name():
    s = surfaces("A speech by Kim of South Korea followed.")
    assert "Kim" in s and "South Korea" in s


def test_name_lists():
    s = surfaces("Trump, Xi, Lee and Takaichi were among the leaders in Seoul, Tokyo and Beijing.")
    for name in ("Trump", "Xi", "Lee", "Takaichi", "Seoul", "Tokyo", "Beijing"):
        assert name in s


def test_lowercase_heads_and_institutions():
    ms = kinds("The presidential office said the Chosei coal mine incident was discussed.")
    assert ms["presidential office"] == "org"
    assert ms["Chosei coal mine"] == "facility"
    assert ms["Chosei coal mine incident"] == "event"


def test_relation_compounds():
    ms = kinds("China-Japan tensions and U.S.-South Korea-Japan cooperation grew.")
    assert ms["China-Japan tensions"] == "term"
    assert ms["U.S.-South Korea-Japan cooperation"] == "term"
    for place in ("China", "Japan", "U.S.", "South Korea"):
        assert ms[place] == "place"


def test_domain_terms_and_generic_phrases():
    s = surfaces(
        "The two leaders agreed on shuttle diplomacy, a joint news conference, "
        "people-to-people exchanges and efforts against transnational crimes last year."
    )
    for term in (
        "shuttle diplomacy",
        "joint news conference",
        "people-to-people exchanges",
        "transnational crimes",
    ):
        assert term in s
    assert "two leaders" not in s and "last year" not in s


def test_verbs_and_participles_do_not_make_terms():
    s = surfaces("They discussed expanding cooperation and deepening trilateral cooperation.")
    assert "expanding cooperation" not in s
    assert "trilateral cooperation" in s


def test_photo_credit_in_capitals():
    assert kinds("Photo by YONHAP / EPA")["YONHAP"] == "org"


def test_common_acronyms_are_not_names():
    s = surfaces("They agreed on DNA testing and AI rules.")
    assert "DNA" not in s and "DNA testing" in s


def test_acronym_and_expansion_cluster():
    text = (
        "Leaders met at the Asia-Pacific Economic Cooperation forum. APEC will meet again. "
        "The Group of 20 summit follows. The G20 agenda is long."
    )
    cands = {c.canonical: c for c in mine_text(text, lang="en")}
    assert set(cands["Asia-Pacific Economic Cooperation"].surfaces) >= {
        "Asia-Pacific Economic Cooperation",
        "APEC",
    }
    assert set(cands["Group of 20"].surfaces) >= {"Group of 20", "G20"}


def test_name_order_and_romanization_variants_cluster():
    text = (
        "South Korean President Lee Jae Myung met Sanae Takaichi. Lee Jae-myung said "
        "Takaichi Sanae agreed. Lee thanked Takaichi."
    )
    cands = {c.canonical: c for c in mine_text(text, lang="en")}
    assert set(cands["Lee Jae-myung"].surfaces) == {"Lee Jae Myung", "Lee Jae-myung", "Lee"}
    assert set(cands["Takaichi Sanae"].surfaces) == {"Sanae Takaichi", "Takaichi Sanae", "Takaichi"}
    assert cands["Lee Jae-myung"].kind == "person"


def test_japanese_name_canonical_is_family_first():
    text = "Former Prime Minister Shigeru Ishiba visited Busan. Ishiba met Lee."
    cands = {c.canonical: c for c in mine_text(text, lang="en")}
    assert "Ishiba Shigeru" in cands
    assert set(cands["Ishiba Shigeru"].surfaces) == {"Shigeru Ishiba", "Ishiba"}

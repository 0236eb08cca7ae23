"""The one set of suggestion rules: (kind, origin, language, existing forms) → suggestion.

Every row says why the rule is as it is. ``None`` means the rules must suggest nothing
for that field: a suggestion in the wrong language is an error a curator has to catch.
"""

from __future__ import annotations

from typing import Any

import pytest

from glossary.lang.suggestions import Suggestion, suggest, suggested_term
from glossary.mining import Candidate
from glossary.model import Entry, Term


def _entry(kind: str, origin: str, form: Term, others: list[Term]) -> Entry:
    return Entry(kind=kind, status="approved", origin=origin, terms=[*others, form])


def _by_key(found: list[Suggestion]) -> dict[tuple[str, str], Suggestion]:
    return {(s.lang, s.field): s for s in found if s.check}


CASES: list[Any] = [
    # -- from a Japanese form --------------------------------------------------------
    pytest.param(
        "person",
        "japanese",
        Term("ja", "石破茂"),
        [Term("en", "Ishiba Shigeru")],
        {
            ("ja", "reading"): "いしば しげる",
            ("ja", "hepburn"): "Ishiba Shigeru",
            ("ja", "family"): "石破",
            ("ja", "given"): "茂",
            ("ko", "text"): "이시바 시게루",
            ("en", "text"): None,
        },
        id="Japanese person: Japanese readings; Hangul by the 국립국어원 standard (い → 이)",
    ),
    pytest.param(
        "person",
        "japanese",
        Term("ja", "高市早苗", reading="たかいち さなえ"),
        [Term("ko", "다카이치 사나에")],
        {
            ("ja", "reading"): None,
            ("ja", "hepburn"): "Takaichi Sanae",
            ("ko", "text"): "다카이치 사나에",
            ("en", "text"): "Takaichi Sanae",
        },
        id="a curated reading wins; the Korean form is checked; English is the romanization",
    ),
    pytest.param(
        "person",
        "",
        Term("ja", "石破茂"),
        [],
        {("ja", "reading"): None, ("ja", "hepburn"): None, ("ko", "text"): None},
        id="unknown origin: a reading would be a guess in what may be the wrong language",
    ),
    pytest.param(
        "person",
        "korean",
        Term("ja", "李在明", reading="イ・ジェミョン"),
        [Term("en", "Lee Jae-myung")],
        {("ja", "hepburn"): None, ("ja", "plain"): None, ("ko", "text"): None},
        id="a Korean name in kanji is not read by Japanese readings (not Ri Ariake)",
    ),
    pytest.param(
        "person",
        "chinese",
        Term("ja", "習近平"),
        [],
        {("ja", "reading"): None, ("ja", "hepburn"): None, ("ko", "text"): None},
        id="a Chinese name's English form is the pinyin (Xi Jinping), not the Hepburn",
    ),
    pytest.param(
        "place",
        "",
        Term("ja", "奈良県", reading="ならけん"),
        [Term("en", "Nara Prefecture")],
        {("ja", "hepburn"): "Nara-ken", ("ko", "text"): "나라현"},
        id="English names the place by its reading: Japanese; Korean translates the unit",
    ),
    pytest.param(
        "place",
        "japanese",
        Term("ja", "大阪"),
        [],
        {("ja", "reading"): "おおさか", ("ko", "text"): "오사카", ("en", "text"): "Osaka"},
        id="a Japanese place: Hangul transcription; English writes it romanized",
    ),
    pytest.param(
        "place",
        "",
        Term("ja", "北京"),
        [Term("en", "Beijing")],
        {("ja", "reading"): "ぺきん", ("ko", "text"): None},
        id="the reading describes the Japanese form; Korean writes 베이징, not 페킨",
    ),
    pytest.param(
        "place",
        "",
        Term("ja", "釜山"),
        [Term("en", "Busan")],
        {("ko", "text"): None},
        id="Korean does not transcribe the Japanese reading of a Korean place (부산)",
    ),
    pytest.param(
        "place",
        "",
        Term("ja", "東京"),
        [],
        {("ko", "text"): None, ("en", "text"): None},
        id="unknown origin, no English: 東京 and 釜山 are both kanji place names",
    ),
    pytest.param(
        "place",
        "",
        Term("ja", "ワシントン"),
        [Term("en", "Washington")],
        {("ja", "reading"): None, ("ja", "hepburn"): None, ("ko", "text"): None},
        id="a katakana loanword: Korean transcribes the original (워싱턴, not 와신톤)",
    ),
    pytest.param(
        "org",
        "",
        Term("ja", "防衛研究所"),
        [Term("en", "National Institute for Defense Studies")],
        {("ko", "text"): "방위연구소", ("en", "text"): None},
        id="a kanji term: its Sino-Korean reading; its English is a translation",
    ),
    pytest.param(
        "org",
        "",
        Term("ja", "防衛研究所"),
        [Term("ko", "방위연구소")],
        {("ko", "text"): None},
        id="the Sino-Korean reading only fills a missing Korean form",
    ),
    pytest.param(
        "term",
        "",
        Term("ja", "首脳会談"),
        [],
        {("ko", "text"): "수뇌회담", ("en", "text"): None},
        id="a reading for review, not a translation (Korean says 정상회담): not Shuno kaidan",
    ),
    pytest.param(
        "term",
        "",
        Term("ja", "DNA鑑定"),
        [],
        {("ja", "reading"): None, ("ko", "text"): None},
        id="Latin letters in the form: only a curated reading says how it is read",
    ),
    # -- from a Korean form ----------------------------------------------------------
    pytest.param(
        "person",
        "korean",
        Term("ko", "이재명", family="이", given="재명"),
        [Term("en", "Lee Jae-myung")],
        {
            ("ko", "romanization"): "I Jaemyeong",
            ("ko", "press"): "Lee Jae-myung",
            ("ja", "katakana"): "イ・ジェミョン",
            ("en", "text"): None,
        },
        id="Korean person: RR for persons (ch.3 art.4), press spelling, NHK katakana",
    ),
    pytest.param(
        "person",
        "korean",
        Term("ko", "이재명"),
        [],
        {("ko", "family"): "이", ("ko", "given"): "재명", ("en", "text"): "Lee Jae-myung"},
        id="no English form yet: the top press spelling, for the curator to confirm",
    ),
    pytest.param(
        "person",
        "japanese",
        Term("ko", "다카이치 사나에"),
        [Term("en", "Takaichi Sanae")],
        {
            ("ko", "family"): "다카이치",
            ("ko", "given"): "사나에",
            ("ko", "romanization"): None,
            ("ko", "press"): None,
            ("ja", "katakana"): None,
        },
        id="a Japanese name in Hangul: split at the space, never romanized (not Dakaichi)",
    ),
    pytest.param(
        "person",
        "",
        Term("ko", "이재명"),
        [],
        {("ko", "romanization"): None, ("ko", "press"): None, ("ja", "katakana"): None},
        id="unknown origin: the Hangul could transcribe a foreign name",
    ),
    pytest.param(
        "person",
        "western",
        Term("ko", "도널드 트럼프"),
        [],
        {("ko", "family"): None, ("ko", "romanization"): None},
        id="a Western name in Hangul is given name first, and romanized from English",
    ),
    pytest.param(
        "place",
        "",
        Term("ko", "부산"),
        [Term("en", "Busan")],
        {("ko", "romanization"): "Busan"},
        id="a native Korean place: its English name is its Revised Romanization",
    ),
    pytest.param(
        "place",
        "korean",
        Term("ko", "경상북도"),
        [Term("en", "North Gyeongsang Province")],
        {("ko", "romanization"): "Gyeongsangbuk-do"},
        id="a curator said the place is Korean: RR, with the hyphen before the unit",
    ),
    pytest.param(
        "place",
        "",
        Term("ko", "나라현"),
        [Term("en", "Nara Prefecture")],
        {("ko", "romanization"): None},
        id="a transcription of a Japanese place is not romanized from Hangul (Nara-hyeon)",
    ),
    pytest.param(
        "org",
        "",
        Term("ko", "유엔"),
        [Term("en", "United Nations")],
        {("ko", "romanization"): None},
        id="a loanword in Hangul (유엔): nothing tells it from a Korean word",
    ),
    # -- from an English form --------------------------------------------------------
    pytest.param(
        "person",
        "korean",
        Term("en", "Lee Jae-myung"),
        [],
        {("ko", "text"): "이재명", ("ja", "katakana"): "イ・ジェミョン"},
        id="a romanized Korean name read back to Hangul (ranked), then to katakana",
    ),
    pytest.param(
        "person",
        "korean",
        Term("en", "Lee Jae-myung"),
        [Term("ko", "이재명")],
        {("ko", "text"): None, ("ja", "katakana"): None},
        id="the Korean form is there: the romanization is not read back",
    ),
    pytest.param(
        "person",
        "japanese",
        Term("en", "Takaichi Sanae", family="Takaichi", given="Sanae"),
        [],
        {("ja", "text"): "高市早苗", ("ko", "text"): "다카이치 사나에"},
        id="a romanized Japanese name: kanji from JMnedict, Hangul from its kana",
    ),
    pytest.param(
        "person",
        "western",
        Term("en", "Joe Biden"),
        [],
        {("ko", "text"): None, ("ja", "text"): None},
        id="a Western name: no rule writes it in Hangul or katakana",
    ),
    pytest.param(
        "place",
        "",
        Term("en", "Busan"),
        [],
        {("ko", "text"): None},
        id="not a person: the romanization of a place may be of any language",
    ),
]


@pytest.mark.parametrize(("kind", "origin", "form", "others", "expected"), CASES)
def test_rule(
    kind: str,
    origin: str,
    form: Term,
    others: list[Term],
    expected: dict[tuple[str, str], str | None],
) -> None:
    found = _by_key(suggest(_entry(kind, origin, form, others), form))
    for key, value in expected.items():
        if value is None:
            assert key not in found, f"{key} should not be suggested: {found[key]}"
        else:
            assert key in found, f"{key} missing from {sorted(found)}"
            assert found[key].value == value


def test_other_readings_are_shown_beside_a_curated_one_unchecked() -> None:
    form = Term("ja", "石破茂", reading="いしば しげる")
    entry = _entry("person", "japanese", form, [])
    readings = [s for s in suggest(entry, form) if s.field == "reading"]
    assert len(readings) == 1 and not readings[0].check
    assert readings[0].values[0] == "いしば しげる"  # the dictionaries' best, beside it
    assert len(readings[0].values) > 1
    assert [s for s in suggest(entry, form, alternatives=False) if s.field == "reading"] == []


def test_fields_of_variants_but_forms_only_from_the_preferred_form() -> None:
    variant = Term("ja", "石破", role="variant")
    entry = _entry("person", "japanese", variant, [Term("ja", "石破茂")])
    found = suggest(entry, variant)
    assert {s.lang for s in found} == {"ja"} and any(s.field == "hepburn" for s in found)


def test_weak_readings_of_a_romanization_are_left_out() -> None:
    form = Term("en", "Woo Sung-lak")
    found = _by_key(suggest(_entry("person", "korean", form, []), form))
    assert found[("ko", "text")].values[0] == "우성락"
    assert all("띾" not in v and "띿" not in v for v in found[("ko", "text")].values)


def test_a_suggested_form_carries_its_parts_marked_as_suggestions() -> None:
    form = Term("en", "Lee Jae-myung")
    found = _by_key(suggest(_entry("person", "korean", form, []), form))
    ko = suggested_term(found[("ko", "text")])
    assert (ko.lang, ko.text, ko.family, ko.given) == ("ko", "이재명", "이", "재명")
    assert ko.suggested == ["text", "family", "given"]
    ja = suggested_term(found[("ja", "katakana")])
    assert (ja.lang, ja.text, ja.suggested) == ("ja", "イ・ジェミョン", ["text"])
    form = Term("en", "Ishiba Shigeru")
    found = _by_key(suggest(_entry("person", "japanese", form, []), form))
    kanji = suggested_term(found[("ja", "text")])
    assert (kanji.text, kanji.reading, kanji.suggested) == (
        "石破茂",
        "いしば しげる",
        ["text", "reading"],
    )


# -- the three users ask the same rules --------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "kind", "canonical", "origin", "forms"),
    [
        ("en", "person", "Lee Jae-myung", "korean", {("ko", "이재명"), ("ja", "イ・ジェミョン")}),
        ("en", "person", "Ishiba Shigeru", "japanese", {("ja", "石破茂"), ("ko", "이시바 시게루")}),
        ("en", "person", "Joe Biden", "", set()),  # romaji-like, but no kanji spelling known
        (
            "ja",
            "person",
            "高市早苗",
            "japanese",
            {("en", "Takaichi Sanae"), ("ko", "다카이치 사나에")},
        ),
        ("ja", "person", "バイデン", "", set()),  # katakana alone: a foreign name
        ("ja", "place", "釜山", "", set()),  # Korean or Japanese place? nothing says
        ("ja", "term", "共同声明", "", {("ko", "공동성명")}),
        ("ko", "person", "이재명", "korean", {("en", "Lee Jae-myung"), ("ja", "イ・ジェミョン")}),
        ("ko", "person", "다카이치 사나에", "", set()),  # a transcription, not a Korean name
    ],
)
def test_mining_asks_the_same_rules(
    lang: str, kind: str, canonical: str, origin: str, forms: set[tuple[str, str]]
) -> None:
    from glossary.intake.linking import _suggested_forms

    got_origin, terms = _suggested_forms(Candidate(canonical, kind, lang, [canonical], 1, []))
    assert got_origin == origin
    assert {(t.lang, t.text) for t in terms} == forms
    entry = Entry(kind=kind, origin=origin, terms=[Term(lang, canonical)])
    expected = [suggested_term(s) for s in suggest(entry, entry.terms[0]) if s.lang != lang]
    assert terms == expected


def test_the_editor_shows_the_rules_values() -> None:
    from webapp.forms import editor_rows
    from webapp.suggestions import attach

    ja = Term("ja", "石破茂")
    entry = _entry("person", "japanese", ja, [Term("en", "Ishiba Shigeru")])
    rows = editor_rows(entry)
    attach(entry, rows)
    found = {(s.lang, s.field): s for s in suggest(entry, ja)}
    ja_row = next(r for r in rows if r.term is ja)
    assert ja_row.suggestions["hepburn"] == list(found[("ja", "hepburn")].values)
    new_ko = next(r for r in rows if r.new and r.term.lang == "ko")
    assert new_ko.suggestions == {"text": ["이시바 시게루"]}
    unknown = _entry("person", "", Term("ja", "石破茂"), [])
    rows = editor_rows(unknown)
    attach(unknown, rows)
    assert all(not r.suggestions for r in rows)

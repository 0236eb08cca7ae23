"""Variants of a person's name the lookup and the style checker must recognise."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as hs

from glossary.errors import InvalidValue
from glossary.lang.names import (
    PersonName,
    korean_given_form,
    parse_latin_name,
    possessive,
    render,
    strip_macrons,
    variants,
)
from glossary.lang.styles import LANGUAGES, style_names

P = PersonName

TAKAICHI = P("Takaichi", "Sanae", "japanese")
LEE = P("Lee", "Jae-myung", "korean")
KOIZUMI = P("Koizumi", "Jun'ichirō", "japanese")

# fmt: off
MUST_INCLUDE = [
    # (name, lang, form)
    # Japanese government request, 2019: family name first
    (TAKAICHI, "en", "Takaichi Sanae"),
    # AP practice: given name first for Japanese names
    (TAKAICHI, "en", "Sanae Takaichi"),
    # official and academic lists: family name in capitals, either order
    (TAKAICHI, "en", "TAKAICHI Sanae"),
    (TAKAICHI, "en", "Sanae TAKAICHI"),
    # English news refers to people by family name alone on second mention
    (TAKAICHI, "en", "Takaichi"),
    # English possessive, straight and typographic apostrophe
    (TAKAICHI, "en", "Takaichi's"),
    (TAKAICHI, "en", "Takaichi’s"),
    (TAKAICHI, "en", "Sanae Takaichi's"),
    (TAKAICHI, "en", "Takaichi Sanae’s"),
    # Korean given names: hyphenated (AP, Yonhap), spaced, joined, hyphen with a capital
    (LEE, "en", "Lee Jae-myung"),
    (LEE, "en", "Lee Jae Myung"),
    (LEE, "en", "Lee Jaemyung"),
    (LEE, "en", "Lee Jae-Myung"),
    (LEE, "en", "Jae-myung Lee"),
    (LEE, "en", "LEE Jae-myung"),
    (LEE, "en", "Lee's"),
    (LEE, "en", "Lee Jae-myung’s"),
    # Hepburn with macrons and the syllable apostrophe, and the plain spellings
    (KOIZUMI, "en", "Koizumi Jun'ichirō"),
    (KOIZUMI, "en", "Koizumi Junichiro"),
    (KOIZUMI, "en", "Jun'ichiro Koizumi"),
    (KOIZUMI, "en", "Junichirō Koizumi"),
    (KOIZUMI, "en", "KOIZUMI Junichiro"),
    (P("Ōtani", "Shōhei", "japanese"), "en", "Shohei Otani"),
    (P("Ōtani", "Shōhei", "japanese"), "en", "Otani"),
    (P("Ōtani", "Shōhei", "japanese"), "en", "Ōtani’s"),
    # McCune–Reischauer breves, with and without
    (P("Pak", "Chŏng-hŭi", "korean"), "en", "Pak Chŏng-hŭi"),
    (P("Pak", "Chŏng-hŭi", "korean"), "en", "Pak Chong-hui"),
    (P("Pak", "Chŏng-hŭi", "korean"), "en", "Pak Chong Hui"),
    # Western names: given first, and the list form family first
    (P("Trump", "Donald", "western"), "en", "Donald Trump"),
    (P("Trump", "Donald", "western"), "en", "Trump Donald"),
    (P("Trump", "Donald", "western"), "en", "Donald TRUMP"),
    # AP possessive for a name ending in s: apostrophe only; others add 's
    (P("Jones", "Tom", "western"), "en", "Tom Jones'"),
    (P("Jones", "Tom", "western"), "en", "Jones's"),
    (P("Xi", "Jinping", "chinese"), "en", "Xi Jinping"),
    (P("Xi", "Jinping", "chinese"), "en", "Xi's"),
    # 한글 맞춤법 제48항: 성과 이름은 붙여 쓰되, 구분할 필요가 있으면 띄어 쓸 수 있다
    (P("이", "재명", "korean"), "ko", "이재명"),
    (P("이", "재명", "korean"), "ko", "이 재명"),
    (P("남궁", "억", "korean"), "ko", "남궁"),
    # Korean press usage: 다카이치 사나에, second mention 다카이치
    (P("다카이치", "사나에", "japanese"), "ko", "다카이치 사나에"),
    (P("다카이치", "사나에", "japanese"), "ko", "다카이치"),
    (P("트럼프", "도널드", "western"), "ko", "도널드 트럼프"),
    # Japanese: kanji solid, with a space, with an ideographic space (as in lists)
    (P("高市", "早苗", "japanese"), "ja", "高市早苗"),
    (P("高市", "早苗", "japanese"), "ja", "高市 早苗"),
    (P("高市", "早苗", "japanese"), "ja", "高市\u3000早苗"),
    (P("高市", "早苗", "japanese"), "ja", "高市"),
    # Japanese press (e.g. NHK): Korean names in katakana with a middle dot
    (P("イ", "ジェミョン", "korean"), "ja", "イ・ジェミョン"),
    (P("イ", "ジェミョン", "korean"), "ja", "イ ジェミョン"),
    (P("イ", "ジェミョン", "korean"), "ja", "イジェミョン"),
    # Japanese convention: nakaguro between the parts of a foreign name in katakana
    (P("トランプ", "ドナルド", "western"), "ja", "ドナルド・トランプ"),
    (P("トランプ", "ドナルド", "western"), "ja", "ドナルドトランプ"),
    (P("トランプ", "ドナルド", "western"), "ja", "トランプ"),
    # kana readings of Japanese names, with a space
    (P("たかいち", "さなえ", "japanese"), "ja", "たかいち さなえ"),
]

MUST_NOT_INCLUDE = [
    # a one-character family name alone is an ordinary word or syllable (이 "this")
    (P("이", "재명", "korean"), "ko", "이"),
    (P("李", "在明", "korean"), "ja", "李"),
    (P("イ", "ジェミョン", "korean"), "ja", "イ"),
    # given name first is not a Korean form for a Korean name
    (P("이", "재명", "korean"), "ko", "재명이"),
    # no middle dot between kanji, no possessive outside English
    (P("高市", "早苗", "japanese"), "ja", "高市・早苗"),
    (P("Takaichi", "Sanae", "japanese"), "ja", "Takaichi's"),
    # the apostrophe of a Western name is part of it, not a Hepburn syllable mark
    (P("O'Neill", "Eugene", "western"), "en", "Eugene ONeill"),
    # kana voicing marks are never stripped
    (P("ガルシア", "ホセ", "western"), "ja", "ホセ・カルシア"),
]
# fmt: on


@pytest.mark.parametrize(("name", "lang", "form"), MUST_INCLUDE)
def test_variant_included(name: PersonName, lang: str, form: str) -> None:
    assert form in variants(name, lang)


@pytest.mark.parametrize(("name", "lang", "form"), MUST_NOT_INCLUDE)
def test_variant_excluded(name: PersonName, lang: str, form: str) -> None:
    assert form not in variants(name, lang)


SAMPLE_NAMES = [
    (TAKAICHI, "en"),
    (LEE, "en"),
    (KOIZUMI, "en"),
    (P("Pak", "Chŏng-hŭi", "korean"), "en"),
    (P("Xi", "Jinping", "chinese"), "en"),
    (P("Trump", "Donald", "western"), "en"),
    (P("von der Leyen", "Ursula", "western"), "en"),
    (P("Suharto", "", "western"), "en"),
    (P("이", "재명", "korean"), "ko"),
    (P("다카이치", "사나에", "japanese"), "ko"),
    (P("高市", "早苗", "japanese"), "ja"),
    (P("イ", "ジェミョン", "korean"), "ja"),
    (P("トランプ", "ドナルド", "western"), "ja"),
]


@pytest.mark.parametrize(("name", "lang"), SAMPLE_NAMES)
def test_every_style_rendering_is_a_variant(name: PersonName, lang: str) -> None:
    found = variants(name, lang)
    for style in style_names():
        assert render(name, lang, style) in found


@pytest.mark.parametrize(("name", "lang"), SAMPLE_NAMES)
def test_variant_set_stays_small(name: PersonName, lang: str) -> None:
    found = variants(name, lang)
    assert 1 <= len(found) <= 70
    assert all(form and form == form.strip() for form in found)


def test_variants_in_other_languages_for_latin_parts() -> None:
    found = variants(TAKAICHI, "ko-KR")
    assert {"Takaichi Sanae", "Sanae Takaichi", "Takaichi"} <= found
    assert not any(form.endswith("s") and "'" in form for form in found)


def test_variants_unknown_language() -> None:
    with pytest.raises(InvalidValue):
        variants(TAKAICHI, "fr")


# --- spelling helpers ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jun'ichirō", "Jun'ichiro"),  # Hepburn macron
        ("Ōtani Shōhei", "Otani Shohei"),
        ("O\u0304tani", "Otani"),  # decomposed macron
        ("Chŏng-hŭi", "Chong-hui"),  # McCune–Reischauer breves
        ("Nguyễn", "Nguyen"),
        ("Wałęsa", "Walesa"),
        ("José Martí", "Jose Marti"),
        ("ガルシア", "ガルシア"),  # precomposed voiced kana stays
        ("か\u3099", "か\u3099"),  # combining voicing mark after kana stays
        ("ぱぴぷぺぽ", "ぱぴぷぺぽ"),
        ("이재명", "이재명"),  # Hangul is never decomposed into jamo
        ("高市早苗", "高市早苗"),
        ("Takaichi Sanae", "Takaichi Sanae"),
    ],
)
def test_strip_macrons(text: str, expected: str) -> None:
    assert strip_macrons(text) == expected


_CJK = hs.one_of(
    hs.characters(min_codepoint=0x3041, max_codepoint=0x30FF),  # kana, incl. U+3099 voicing mark
    hs.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3),  # Hangul syllables
    hs.characters(min_codepoint=0x1100, max_codepoint=0x11FF),  # conjoining jamo
    hs.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),  # CJK ideographs
    hs.sampled_from(" \u3000・ー"),
)


@given(hs.text(_CJK, max_size=20))
def test_strip_macrons_leaves_cjk_alone(text: str) -> None:
    assert strip_macrons(text) == text


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("Takaichi", ["Takaichi's", "Takaichi’s"]),
        ("Sanae Takaichi", ["Sanae Takaichi's", "Sanae Takaichi’s"]),
        ("Jones", ["Jones'", "Jones’", "Jones's", "Jones’s"]),
        ("高市", []),
        ("이재명", []),
        ("", []),
    ],
)
def test_possessive(form: str, expected: list[str]) -> None:
    assert possessive(form) == expected


@pytest.mark.parametrize(
    ("given_name", "form", "expected"),
    [
        ("Jae-myung", "hyphen", "Jae-myung"),
        ("Jae Myung", "hyphen", "Jae-myung"),
        ("jae-Myung", "hyphen", "Jae-myung"),
        ("Jae-myung", "space", "Jae Myung"),
        ("Jae-myung", "joined", "Jaemyung"),
        ("Jae-myung", "as-is", "Jae-myung"),
        ("Suk Yeol", "hyphen", "Suk-yeol"),
        ("Jaemyung", "space", "Jaemyung"),  # no syllable break to work from
        ("재명", "space", "재명"),
    ],
)
def test_korean_given_form(given_name: str, form: str, expected: str) -> None:
    assert korean_given_form(given_name, form) == expected


def test_korean_given_form_unknown() -> None:
    with pytest.raises(InvalidValue):
        korean_given_form("Jae-myung", "camel")


# --- parsing names found in English text ---------------------------------------------

JAPANESE_FAMILIES = {"Takaichi", "Ishiba", "Koizumi"}

# fmt: off
PARSE_CASES = [
    # (text, origin, style, family_names, expected family, expected given)
    # no dictionary: the house style's order decides (default: family first)
    ("Takaichi Sanae", "japanese", "default", None, "Takaichi", "Sanae"),
    # AP order: given name first
    ("Sanae Takaichi", "japanese", "ap", None, "Takaichi", "Sanae"),
    # a known family name at one end decides, whatever the style says
    ("Sanae Takaichi", "japanese", "default", JAPANESE_FAMILIES, "Takaichi", "Sanae"),
    ("Takaichi Sanae", "japanese", "ap", JAPANESE_FAMILIES, "Takaichi", "Sanae"),
    ("Sanae Takaichi's", "japanese", "default", JAPANESE_FAMILIES, "Takaichi", "Sanae"),
    ("Shōhei Ōtani", "japanese", "default", {"Otani"}, "Ōtani", "Shōhei"),
    # capitals mark the family name; case restored from the dictionary or title case
    ("TAKAICHI Sanae", "japanese", "ap", None, "Takaichi", "Sanae"),
    ("Sanae TAKAICHI", "japanese", "default", None, "Takaichi", "Sanae"),
    ("VON DER LEYEN Ursula", "western", "default", None, "Von Der Leyen", "Ursula"),
    ("VON DER LEYEN Ursula", "western", "default", {"von der Leyen"}, "von der Leyen", "Ursula"),
    # comma: family, given
    ("Takaichi, Sanae", "japanese", "ap", None, "Takaichi", "Sanae"),
    # Korean given names keep their spelling
    ("Lee Jae Myung", "korean", "default", None, "Lee", "Jae Myung"),
    ("Jae-myung Lee", "korean", "default", {"Lee", "Kim"}, "Lee", "Jae-myung"),
    # Western names: given first, lower-case particles belong to the family name
    ("Donald Trump", "western", "default", None, "Trump", "Donald"),
    ("Ursula von der Leyen", "western", "default", None, "von der Leyen", "Ursula"),
    ("Ursula von der Leyen", "western", "default", {"von der Leyen"}, "von der Leyen", "Ursula"),
    ("Martin Luther King", "western", "default", None, "King", "Martin Luther"),
    # all in capitals (a headline): no hint from case, the style's order, title case
    ("TAKAICHI SANAE", "japanese", "default", None, "Takaichi", "Sanae"),
]
# fmt: on


@pytest.mark.parametrize(
    ("text", "origin", "style", "families", "family", "given_name"), PARSE_CASES
)
def test_parse_latin_name(
    text: str,
    origin: str,
    style: str,
    families: set[str] | None,
    family: str,
    given_name: str,
) -> None:
    assert parse_latin_name(text, origin, style=style, family_names=families) == P(
        family, given_name, origin
    )


@pytest.mark.parametrize("text", ["Takaichi", "", "   ", "高市 早苗", "Takaichi 早苗", "Agent 007"])
def test_parse_latin_name_refuses(text: str) -> None:
    assert parse_latin_name(text, "japanese") is None


def test_parse_latin_name_checks_origin_and_style() -> None:
    with pytest.raises(InvalidValue):
        parse_latin_name("Sanae Takaichi", "martian")
    with pytest.raises(InvalidValue):
        parse_latin_name("Sanae Takaichi", "japanese", style="nyt")


@pytest.mark.parametrize("style", style_names())
@pytest.mark.parametrize(
    "name", [TAKAICHI, LEE, P("Xi", "Jinping", "chinese"), P("Trump", "Donald", "western")]
)
def test_render_then_parse_round_trips(style: str, name: PersonName) -> None:
    text = render(name, "en", style)
    parsed = parse_latin_name(text, name.origin, style=style)
    assert parsed is not None
    assert parsed.family == name.family
    assert render(parsed, "en", style) == text


def test_languages_known() -> None:
    assert LANGUAGES == ("en", "ko", "ja")

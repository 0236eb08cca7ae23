"""Name-order rules: the data files, their validation, and rendering a name by style."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.errors import GlossaryError, InvalidValue, ParseError
from glossary.lang import LANGUAGES
from glossary.lang import styles as st
from glossary.lang.names import PersonName, render
from glossary.lang.styles import (
    ORIGINS,
    NameOrderRule,
    house_styles,
    load_house_styles,
    load_name_order,
    rule_for,
    style_names,
)

P = PersonName

# fmt: off
RENDER_CASES = [
    # (name, lang, style, expected)
    # Japanese government decision, 2019: Japanese names family name first in Roman letters
    (P("Takaichi", "Sanae", "japanese"), "en", "japan-gov", "Takaichi Sanae"),
    # the curated glossary stores East Asian names family first (project convention)
    (P("Takaichi", "Sanae", "japanese"), "en", "default", "Takaichi Sanae"),
    # AP practice: Japanese names given name first ("Prime Minister Sanae Takaichi")
    (P("Takaichi", "Sanae", "japanese"), "en", "ap", "Sanae Takaichi"),
    # official/academic lists with the family name in capitals
    (P("Takaichi", "Sanae", "japanese"), "en", "capitalised-family", "TAKAICHI Sanae"),
    # capitals keep macrons (Ō → Ō upper-cased, not stripped)
    (P("Ōtani", "Shōhei", "japanese"), "en", "capitalised-family", "ŌTANI Shōhei"),
    # Korean names in English: family first, given name hyphenated, second syllable lower case
    (P("Lee", "Jae-myung", "korean"), "en", "default", "Lee Jae-myung"),
    (P("Lee", "Jae Myung", "korean"), "en", "default", "Lee Jae-myung"),
    # AP practice for Korean names: family first, hyphenated given name (Moon Jae-in)
    (P("Moon", "Jae-in", "korean"), "en", "ap", "Moon Jae-in"),
    # korean-spaced house style: given syllables as capitalised words
    (P("Lee", "Jae-myung", "korean"), "en", "korean-spaced", "Lee Jae Myung"),
    (P("Lee", "Jae-myung", "korean"), "en", "capitalised-family", "LEE Jae-myung"),
    # an unmarked romanised given name cannot be split without a dictionary: left as is
    (P("Lee", "Jaemyung", "korean"), "en", "korean-spaced", "Lee Jaemyung"),
    # Chinese names in English: family name first (Xinhua, AP, Reuters)
    (P("Xi", "Jinping", "chinese"), "en", "default", "Xi Jinping"),
    (P("Xi", "Jinping", "chinese"), "en", "ap", "Xi Jinping"),
    (P("Xi", "Jinping", "chinese"), "en", "capitalised-family", "XI Jinping"),
    # Western names in English: given name first
    (P("Trump", "Donald", "western"), "en", "default", "Donald Trump"),
    (P("Trump", "Donald", "western"), "en", "capitalised-family", "Donald TRUMP"),
    # 한글 맞춤법 제48항: 성과 이름은 붙여 쓴다
    (P("이", "재명", "korean"), "ko", "default", "이재명"),
    (P("이", "재명", "korean"), "ko", "ap", "이재명"),
    # Korean press usage (e.g. Yonhap): Japanese names family first with a space
    (P("다카이치", "사나에", "japanese"), "ko", "default", "다카이치 사나에"),
    # 외래어 표기법 (중국 인명, 현대인은 중국어 발음) and press usage: written solid
    (P("시", "진핑", "chinese"), "ko", "default", "시진핑"),
    # Korean press usage: Western names given name first with a space
    (P("트럼프", "도널드", "western"), "ko", "default", "도널드 트럼프"),
    # Japanese newspapers write kanji names solid
    (P("高市", "早苗", "japanese"), "ja", "default", "高市早苗"),
    (P("高市", "早苗", "japanese"), "ja", "ap", "高市早苗"),
    # kana readings of Japanese names: family and given separated by a space
    (P("たかいち", "さなえ", "japanese"), "ja", "default", "たかいち さなえ"),
    # Japanese press (e.g. NHK): Korean names in katakana with a middle dot
    (P("イ", "ジェミョン", "korean"), "ja", "default", "イ・ジェミョン"),
    # Japanese press: Korean names in kanji written solid
    (P("李", "在明", "korean"), "ja", "default", "李在明"),
    # Japanese press: Chinese names in kanji solid, the katakana reading with a middle dot
    (P("習", "近平", "chinese"), "ja", "default", "習近平"),
    (P("シー", "ジンピン", "chinese"), "ja", "default", "シー・ジンピン"),
    # Japanese convention: nakaguro between the parts of a foreign name in katakana
    (P("トランプ", "ドナルド", "western"), "ja", "default", "ドナルド・トランプ"),
    # capitals only touch Latin letters
    (P("トランプ", "ドナルド", "western"), "ja", "capitalised-family", "ドナルド・トランプ"),
    # a one-part name is written alone
    (P("Suharto", "", "western"), "en", "default", "Suharto"),
    (P("", "Madonna", "western"), "en", "capitalised-family", "Madonna"),
]
# fmt: on


@pytest.mark.parametrize(("name", "lang", "style", "expected"), RENDER_CASES)
def test_render(name: PersonName, lang: str, style: str, expected: str) -> None:
    assert render(name, lang, style) == expected


def test_render_accepts_language_tags_and_style_case() -> None:
    assert render(P("Takaichi", "Sanae", "japanese"), "en-US", " AP ") == "Sanae Takaichi"


def test_render_default_style_is_default() -> None:
    assert render(P("Takaichi", "Sanae", "japanese"), "en") == "Takaichi Sanae"


# --- the shipped data files ----------------------------------------------------------


def test_house_styles_listed_with_descriptions() -> None:
    styles = house_styles()
    assert list(styles)[:5] == ["default", "ap", "japan-gov", "capitalised-family", "korean-spaced"]
    assert all(desc.strip() for desc in styles.values())
    assert style_names() == tuple(styles)


def test_house_styles_returns_a_copy() -> None:
    house_styles()["bogus"] = "x"
    assert "bogus" not in house_styles()


@pytest.mark.parametrize("style", style_names())
@pytest.mark.parametrize("origin", ORIGINS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_style_has_a_rule_everywhere(style: str, origin: str, lang: str) -> None:
    rule = rule_for(style, origin, lang)
    assert isinstance(rule, NameOrderRule)
    assert (rule.style, rule.origin, rule.lang) == (style, origin, lang)
    assert rule.row_style in (style, "*")
    assert rule.line > 0


def test_style_row_overrides_fallback() -> None:
    own = rule_for("ap", "japanese", "en")
    assert own.row_style == "ap" and not own.family_first
    fallback = rule_for("ap", "western", "ja")
    assert fallback.row_style == "*"
    assert fallback.separator == " " and fallback.kana_separator == "・"


def test_cache_can_be_cleared() -> None:
    first = rule_for("default", "korean", "en")
    st.clear_cache()
    assert rule_for("default", "korean", "en") == first


@pytest.mark.parametrize(
    ("args", "field", "allowed"),
    [
        (("nyt", "japanese", "en"), "style", "default"),
        (("default", "martian", "en"), "origin", "korean"),
        (("default", "japanese", "fr"), "language", "ja"),
    ],
)
def test_rule_for_unknown_values(args: tuple[str, str, str], field: str, allowed: str) -> None:
    with pytest.raises(InvalidValue) as err:
        rule_for(*args)
    assert err.value.field == field
    assert allowed in err.value.allowed


def test_bad_style_lists_the_allowed_ones() -> None:
    with pytest.raises(InvalidValue) as err:
        render(P("Takaichi", "Sanae", "japanese"), "en", "reuters")
    assert err.value.allowed == style_names()
    message = str(err.value)
    assert "'reuters'" in message
    for name in ("default", "ap", "japan-gov", "capitalised-family", "korean-spaced"):
        assert name in message


def test_person_name_checks_origin() -> None:
    with pytest.raises(InvalidValue) as err:
        P("Takaichi", "Sanae", "Japanese")
    assert err.value.allowed == ORIGINS


def test_person_name_needs_a_part() -> None:
    with pytest.raises(GlossaryError):
        P(" ", "", "western")


# --- validating edited files -----------------------------------------------------------

STYLES_HEADER = "name\tdescription\n"
ORDER_HEADER = "style\torigin\tlang\torder\tseparator\tkana_separator\tkorean_given\tfamily_case\n"


def _fallback_rows() -> str:
    return "".join(
        f"*\t{origin}\t{lang}\tfamily-first\tspace\tspace\tas-is\tas-is\n"
        for origin in ORIGINS
        for lang in LANGUAGES
    )


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


STYLES = {"default": "Default.", "ap": "AP."}


def test_minimal_valid_files_load(tmp_path: Path) -> None:
    styles = load_house_styles(
        _write(tmp_path, "s.tsv", "# comment\n\n" + STYLES_HEADER + "default\tD\nap\tA\n")
    )
    assert styles == {"default": "D", "ap": "A"}
    text = (
        "# c\n"
        + ORDER_HEADER
        + _fallback_rows()
        + "ap\tjapanese\ten\tgiven-first\tspace\tspace\tas-is\tupper\n"
    )
    rules = load_name_order(_write(tmp_path, "o.tsv", text), styles)
    assert rules[("ap", "japanese", "en")].family_case == "upper"
    assert len(rules) == len(ORIGINS) * len(LANGUAGES) + 1


def test_crlf_and_bom_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "s.tsv"
    path.write_bytes(("\ufeff" + STYLES_HEADER + "default\tD\n").replace("\n", "\r\n").encode())
    assert load_house_styles(path) == {"default": "D"}


# Each case: a row appended after the header and the fallback rows (line 2 + 12 = 14),
# the column the error must name and a phrase of its message.
BAD_ORDER_ROWS = [
    ("ap\tjapanese\ten\tfamily-last\tspace\tspace\tas-is\tas-is", "order", "family-first"),
    ("ap\tjapanese\ten\tgiven-first\tdash\tspace\tas-is\tas-is", "separator", "space"),
    ("ap\tjapanese\ten\tgiven-first\tspace\t・・\tas-is\tas-is", "kana_separator", "none"),
    ("ap\tkorean\ten\tgiven-first\tspace\tspace\tHyphen\tas-is", "korean_given", "hyphen"),
    ("ap\tjapanese\ten\tgiven-first\tspace\tspace\thyphen\tas-is", "korean_given", "only"),
    ("ap\tjapanese\ten\tgiven-first\tspace\tspace\tas-is\tlower", "family_case", "upper"),
    ("reuters\tjapanese\ten\tgiven-first\tspace\tspace\tas-is\tas-is", "style", "default"),
    ("ap\tmartian\ten\tgiven-first\tspace\tspace\tas-is\tas-is", "origin", "western"),
    ("ap\tjapanese\tfr\tgiven-first\tspace\tspace\tas-is\tas-is", "lang", "en"),
    ("ap\tjapanese\ten\tgiven-first\t\tspace\tas-is\tas-is", "separator", "(empty)"),
    # spaces instead of tabs: too few columns; the first missing one is named
    ("ap\tjapanese\ten given-first space space as-is as-is", "order", "tab"),
    ("ap\tjapanese\ten\tgiven-first\tspace\tspace\tas-is\tas-is\textra", "family_case", "found 9"),
    # a second rule for the same style, origin and language
    ("*\tjapanese\ten\tgiven-first\tspace\tspace\tas-is\tas-is", "style", "already on line"),
]


@pytest.mark.parametrize(("row", "column", "phrase"), BAD_ORDER_ROWS)
def test_bad_name_order_row(tmp_path: Path, row: str, column: str, phrase: str) -> None:
    path = _write(
        tmp_path, "name_order.tsv", "# rules\n" + ORDER_HEADER + _fallback_rows() + row + "\n"
    )
    with pytest.raises(ParseError) as err:
        load_name_order(path, STYLES)
    assert err.value.path == str(path)
    assert err.value.line == 15
    assert err.value.field == column
    assert phrase in str(err.value)
    assert f"{path}, line 15, column {column!r}" in str(err.value)


def test_name_order_bad_header(tmp_path: Path) -> None:
    path = _write(tmp_path, "o.tsv", "# c\n\nstyle\torigin\tlanguage\n")
    with pytest.raises(ParseError) as err:
        load_name_order(path, STYLES)
    assert err.value.line == 3
    assert "header" in str(err.value)


def test_name_order_missing_fallback(tmp_path: Path) -> None:
    rows = _fallback_rows().splitlines(keepends=True)
    path = _write(
        tmp_path, "o.tsv", ORDER_HEADER + "".join(r for r in rows if "\twestern\tja\t" not in r)
    )
    with pytest.raises(ParseError) as err:
        load_name_order(path, STYLES)
    assert "western/ja" in str(err.value)
    assert err.value.line is None


def test_name_order_empty_file(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match="no header"):
        load_name_order(_write(tmp_path, "o.tsv", "# only comments\n"), STYLES)


def test_missing_and_non_utf8_files(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match="not found"):
        load_house_styles(tmp_path / "nope.tsv")
    path = tmp_path / "latin1.tsv"
    path.write_bytes(STYLES_HEADER.encode() + "default\tcaf\xe9\n".encode("latin-1"))
    with pytest.raises(ParseError, match="UTF-8"):
        load_house_styles(path)


@pytest.mark.parametrize(
    ("rows", "line", "column", "phrase"),
    [
        ("default\tD\nJapan Gov\tX\n", 3, "name", "lower-case"),
        ("default\tD\n*\tX\n", 3, "name", "lower-case"),
        ("default\tD\ndefault\tX\n", 3, "name", "line 2"),
        ("default\t\n", 2, "description", "empty"),
        ("default\n", 2, "description", "tab"),
    ],
)
def test_bad_house_styles_row(
    tmp_path: Path, rows: str, line: int, column: str, phrase: str
) -> None:
    path = _write(tmp_path, "house_styles.tsv", STYLES_HEADER + rows)
    with pytest.raises(ParseError) as err:
        load_house_styles(path)
    assert (err.value.path, err.value.line, err.value.field) == (str(path), line, column)
    assert phrase in str(err.value)


def test_house_styles_needs_default(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match="'default' must be defined"):
        load_house_styles(_write(tmp_path, "s.tsv", STYLES_HEADER + "ap\tA\n"))

"""One Language object per language, from get_language: what differs, asked, not branched on."""

from __future__ import annotations

import subprocess
import sys

import pytest

from glossary.errors import GlossaryError, InvalidValue
from glossary.lang import LANGUAGE_NAMES, LANGUAGES, Language, get_language
from glossary.mining import english, japanese, korean
from tests.conftest import ROOT


@pytest.mark.parametrize(
    ("tag", "code"),
    [("ko-KR", "ko"), ("ko_KR", "ko"), ("KO", "ko"), (" ko ", "ko"), ("ja-JP", "ja"),
     ("jp", "ja"), ("en-GB", "en"), ("EN", "en")],
)  # fmt: skip
def test_a_tag_names_its_language(tag: str, code: str) -> None:
    language = get_language(tag)
    assert isinstance(language, Language) and language.code == code
    assert language is get_language(code)  # one object per language
    assert language.name == LANGUAGE_NAMES[code]


def test_an_unknown_language_is_refused_with_the_allowed_ones() -> None:
    with pytest.raises(InvalidValue, match="'zh-TW' is not known; use one of: en, ko, ja"):
        get_language("zh-TW")
    assert LANGUAGES == ("en", "ko", "ja")


def test_getting_a_language_loads_no_analyser() -> None:
    code = (
        "import sys; from glossary.lang import get_language; "
        "[get_language(c).word_boundaries for c in ('en', 'ko', 'ja')]; "
        "heavy = ('kiwipiepy', 'fugashi', 'jamdict', 'pykakasi', 'glossary.lang.ko', "
        "'glossary.lang.ja', 'glossary.mining.korean', 'glossary.mining.japanese'); "
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


def test_word_boundaries_only_where_words_are_spaced() -> None:
    # English: a form stands as a whole word; Korean: it starts a word, particles may
    # follow (다카이치는); Japanese is written without spaces: no boundaries at all.
    assert get_language("en").word_boundaries == (True, True)
    assert get_language("ko").word_boundaries == (True, False)
    assert get_language("ja").word_boundaries == (False, False)


def test_the_miner_of_each_language() -> None:
    assert get_language("en").miner() is english.mine_text
    assert get_language("ko").miner() is korean.mine_text
    assert get_language("ja").miner() is japanese.mine_text


def test_romanization_per_language() -> None:
    assert get_language("ko").romanize("종로", kind="place")["strict"] == "Jongno"
    ja = get_language("ja").romanize("とうきょう", kind="place")
    assert ja["strict"] == "Tōkyō" and ja["lang"] == "ja"
    with pytest.raises(GlossaryError, match="English needs no romanization"):
        get_language("en").romanize("Seoul")
    assert get_language("ja").has_readings and not get_language("ko").has_readings


def test_latin_spellings_a_name_may_be_stored_under() -> None:
    assert "Takaichi Sanae" in get_language("ja").latin_spellings("高市早苗", "person")
    korean_person = get_language("ko").latin_spellings("이재명", "person")
    assert "Lee Jae-myung" in korean_person and "I Jaemyeong" in korean_person
    assert get_language("ko").latin_spellings("외교부", "org") == []
    assert get_language("en").latin_spellings("Seoul", "place") == []


@pytest.mark.parametrize(
    ("code", "name", "origin", "parts"),
    [
        ("ko", "이재명", "korean", ("이", "재명")),
        ("ko", "남궁민", "", ("남궁", "민")),  # a two-syllable family name
        ("ko", "다카이치 사나에", "japanese", ("다카이치", "사나에")),  # family name first
        ("ko", "도널드 트럼프", "western", ("트럼프", "도널드")),  # given name first
        ("ko", "트럼프", "western", ("트럼프", "")),  # a foreign name written solid
        ("ja", "高市早苗", "japanese", ("高市", "早苗")),
        ("en", "Takaichi, Sanae", "japanese", ("Takaichi", "Sanae")),  # the comma decides
        ("en", "Joe Biden", "western", ("Biden", "Joe")),
    ],
)
def test_name_splitting(code: str, name: str, origin: str, parts: tuple[str, str]) -> None:
    assert get_language(code).split_person_name(name, origin) == parts

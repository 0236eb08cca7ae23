"""The normalised lookup key: what two spellings of one form have in common."""

from __future__ import annotations

import pytest

from glossary.lang.keys import fold_kana, normalize_key, strip_possessive


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Takaichi Sanae", "takaichisanae"),  # case and spaces folded
        ("TAKAICHI Sanae", "takaichisanae"),  # capitalised family name
        ("Lee Jae-myung", "leejaemyung"),  # hyphen folded
        ("Lee Jae Myung", "leejaemyung"),
        ("Tōkyō", "tokyo"),  # macrons removed from Latin letters
        ("Jun'ichirō", "junichiro"),  # apostrophe folded
        ("Foreign Correspondents’ Club of Japan", "foreigncorrespondentsclubofjapan"),
        ("U.S.", "us"),
        ("イ・ジェミョン", "いじぇみょん"),  # middle dot folded, katakana to hiragana
        ("がっこう", "がっこう"),  # kana voicing is NOT stripped (trap: NFKD + drop marks)
        ("ガッコウ", "がっこう"),
        ("ｶﾞｯｺｳ", "がっこう"),  # half-width katakana via NFKC
        ("다카이치 사나에", "다카이치사나에"),  # Hangul syllables stay whole
        ("高市　早苗", "高市早苗"),  # ideographic space
        ("Ｇ２０", "g20"),  # full-width Latin and digits
        ("Chōsei coal mine", "choseicoalmine"),
    ],
)
def test_normalize_key(text: str, key: str) -> None:
    assert normalize_key(text) == key


def test_kana_folding_keeps_long_vowel_mark() -> None:
    assert fold_kana("ソウル") == "そうる"
    assert fold_kana("シャトル外交") == "しゃとる外交"


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("Takaichi's", "Takaichi"),
        ("Takaichi’s", "Takaichi"),
        ("Lee", None),
        ("Woo Sung-lak's", "Woo Sung-lak"),
        ("Masuda", None),
    ],
)
def test_strip_possessive(text: str, bare: str | None) -> None:
    assert strip_possessive(text) == bare

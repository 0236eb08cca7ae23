"""Suggested English press spellings of Korean names (glossary.lang.ko.press).

These are suggestions: the test checks that the spelling the person and the press
actually use is among the top three (or top five where stated) suggestions.
"""

from __future__ import annotations

import pytest

from glossary.lang.ko import suggest_press_spellings

# (hangul, spelling in use, how many top suggestions must contain it, source)
KNOWN = [
    ("이재명", "Lee Jae-myung", 1, "President of South Korea, official English name"),
    ("박근혜", "Park Geun-hye", 1, "former President, official English name"),
    ("윤석열", "Yoon Suk Yeol", 3, "former President, official English name"),
    ("문재인", "Moon Jae-in", 1, "former President, official English name"),
    ("반기문", "Ban Ki-moon", 1, "UN Secretary-General 2007-2016"),
    ("김대중", "Kim Dae-jung", 1, "former President, Nobel Peace Prize 2000"),
    ("노무현", "Roh Moo-hyun", 1, "former President"),
    ("손흥민", "Son Heung-min", 1, "footballer, Tottenham Hotspur"),
    ("봉준호", "Bong Joon-ho", 1, "film director, Parasite"),
    ("한덕수", "Han Duck-soo", 1, "former Prime Minister"),
    ("홍준표", "Hong Joon-pyo", 1, "politician"),
    ("오세훈", "Oh Se-hoon", 1, "Mayor of Seoul"),
    ("김정은", "Kim Jong-un", 30, "North Korean leader; a North Korean spelling, ranked low"),
    ("강경화", "Kang Kyung-wha", 5, "former Foreign Minister"),
    ("안철수", "Ahn Cheol-soo", 3, "politician"),
    ("남궁민", "Namgoong Min", 1, "actor"),
]


@pytest.mark.parametrize(("hangul", "spelling", "top", "source"), KNOWN, ids=lambda v: str(v))
def test_known_spelling_among_top_suggestions(
    hangul: str, spelling: str, top: int, source: str
) -> None:
    assert spelling in suggest_press_spellings(hangul, limit=top), source


def test_forms_hyphen_first_then_space_then_joined() -> None:
    suggestions = suggest_press_spellings("이재명", limit=30)
    assert suggestions[0] == "Lee Jae-myung"
    assert suggestions.index("Lee Jae Myung") < suggestions.index("Lee Jaemyung")


def test_unknown_syllables_fall_back_to_strict_rr() -> None:
    # 뷁 is in no table: its strict RR form (final ㄺ read ㄱ) is used
    assert suggest_press_spellings("김뷁") == ["Kim Bwek", "Gim Bwek"]


def test_family_forced() -> None:
    assert suggest_press_spellings("황보라", family="황")[0] == "Hwang Bo-ra"
    assert suggest_press_spellings("황보라")[0] == "Hwangbo Ra"

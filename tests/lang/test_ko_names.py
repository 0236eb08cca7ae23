"""Splitting Korean person names into family and given name (glossary.lang.ko.names)."""

from __future__ import annotations

import pytest

from glossary.errors import GlossaryError
from glossary.lang.ko import split_person_name

# (name, family, given, source)
SPLITS = [
    ("이재명", "이", "재명", "President Lee Jae-myung: family 이"),
    ("윤석열", "윤", "석열", "Yoon Suk Yeol: family 윤"),
    ("민용하", "민", "용하", "RR ch.3 art.4 example Min Yongha"),
    ("한복남", "한", "복남", "RR ch.3 art.4 example Han Boknam"),
    ("이 재명", "이", "재명", "a space marks the split"),
    ("남궁민", "남궁", "민", "two-syllable surname 남궁 (actor Namgoong Min)"),
    ("제갈성렬", "제갈", "성렬", "two-syllable surname 제갈"),
    ("선우용여", "선우", "용여", "two-syllable surname 선우"),
    ("황보관", "황보", "관", "two-syllable surname 황보"),
    ("독고영재", "독고", "영재", "two-syllable surname 독고 (actor Dokgo Young-jae)"),
    ("사공일", "사공", "일", "two-syllable surname 사공"),
    ("서문탁", "서문", "탁", "two-syllable surname 서문"),
    ("황 보라", "황", "보라", "a space overrides the surname rule"),
    ("김", "김", "", "a family name alone"),
]


@pytest.mark.parametrize(("name", "family", "given", "source"), SPLITS, ids=lambda v: str(v))
def test_split_person_name(name: str, family: str, given: str, source: str) -> None:
    assert split_person_name(name) == (family, given), source


def test_family_given_explicitly() -> None:
    assert split_person_name("황보라", family="황") == ("황", "보라")


def test_bad_input() -> None:
    with pytest.raises(GlossaryError):
        split_person_name("   ")
    with pytest.raises(GlossaryError):
        split_person_name("이재명", family="박")

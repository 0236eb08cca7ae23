"""romanize_entry: what `glossary romanize --lang ko` shows (glossary.lang.ko.entry)."""

from __future__ import annotations

import pytest

from glossary.errors import InvalidValue
from glossary.lang.ko import romanize_entry

KEYS = {
    "strict",
    "plain",
    "plain_is_suggestion",
    "transliteration",
    "family",
    "given",
    "alternatives",
}


def test_person_entry() -> None:
    entry = romanize_entry("이재명", "person")
    assert set(entry) == KEYS
    assert entry["strict"] == "I Jaemyeong"  # strict RR, ch.3 art.4
    assert entry["plain"] == "Lee Jae-myung"  # official English name, as a suggestion
    assert entry["plain_is_suggestion"] is True
    assert entry["transliteration"] == "ijaemyeong"
    assert (entry["family"], entry["given"]) == ("이", "재명")
    assert entry["alternatives"][0] == "I Jae-myeong"
    assert "Lee Jae-myung" not in entry["alternatives"]


def test_person_entry_with_family_given() -> None:
    entry = romanize_entry("황보라", "person", family="황")
    assert entry["strict"] == "Hwang Bora"
    assert entry["plain"] == "Hwang Bo-ra"
    assert (entry["family"], entry["given"]) == ("황", "보라")


def test_rr_example_person() -> None:
    # RR ch.3 art.4: 민용하 Min Yongha (Min Yong-ha)
    entry = romanize_entry("민용하", "person")
    assert entry["strict"] == "Min Yongha"
    assert entry["plain"] == "Min Yong-ha"  # conventional spelling coincides with RR here
    assert "Min Yong Ha" in entry["alternatives"]


def test_place_entry() -> None:
    # RR ch.3 art.2 and art.5; Busan's own spelling Haeundae-gu
    entry = romanize_entry("해운대구", "place")
    assert entry["strict"] == "Haeundae-gu"
    assert entry["plain"] is None
    assert entry["plain_is_suggestion"] is False
    assert entry["family"] is None and entry["given"] is None
    assert entry["alternatives"] == ["Hae-undae-gu"]


def test_term_entry() -> None:
    entry = romanize_entry("설날")  # SP 제20항: 설날 [설ː랄]
    assert entry["strict"] == "seollal"
    assert entry["transliteration"] == "seolnal"  # RR ch.3 art.8: letter by letter
    assert entry["alternatives"] == []


def test_bad_kind() -> None:
    with pytest.raises(InvalidValue):
        romanize_entry("서울", "country")

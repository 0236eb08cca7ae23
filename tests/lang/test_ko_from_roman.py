"""Reading romanized Korean names back into Hangul (glossary.lang.ko.from_roman)."""

from __future__ import annotations

import pytest

from glossary.lang.ko import hangul_candidates, place_candidates
from glossary.lang.ko.from_roman import _kiwi

# (romanized, expected first candidate, source of the pairing)
PERSONS = [
    ("Lee Jae-myung", "이재명", "President Lee Jae-myung (이재명)"),
    ("Park Geun-hye", "박근혜", "former President Park Geun-hye (박근혜)"),
    ("Yoon Suk Yeol", "윤석열", "former President Yoon Suk Yeol (윤석열)"),
    ("Moon Jae-in", "문재인", "former President Moon Jae-in (문재인)"),
    ("Woo Sung-lak", "우성락", "conventional spellings 우 Woo, 성 Sung, 락 Lak"),
    ("Ban Ki-moon", "반기문", "UN Secretary-General Ban Ki-moon (반기문)"),
    ("Son Heung-min", "손흥민", "footballer Son Heung-min (손흥민)"),
    ("Roh Moo-hyun", "노무현", "former President Roh Moo-hyun (노무현)"),
    ("Chung Mong-joon", "정몽준", "politician Chung Mong-joon (정몽준)"),
    ("Namgoong Min", "남궁민", "actor Namgoong Min (남궁민)"),
    ("Lee Jaemyung", "이재명", "the same name, given name written as one word"),
    ("Jae-myung Lee", "이재명", "the same name in Western order"),
    ("Min Yongha", "민용하", "RR ch.3 art.4 example: 민용하 Min Yongha"),
    ("Han Boknam", "한복남", "RR ch.3 art.4 example: 한복남 Han Boknam"),
]


@pytest.mark.parametrize(("romanized", "hangul", "source"), PERSONS, ids=lambda v: str(v))
def test_person_first_candidate(romanized: str, hangul: str, source: str) -> None:
    candidates = hangul_candidates(romanized)
    assert candidates[0][0] == hangul, (source, candidates[:3])


def test_lee_is_i_then_ri() -> None:
    # 이 is the South Korean spelling of the surname 李; 리 the North Korean one
    names = [text for text, _ in hangul_candidates("Lee")]
    assert names[:2] == ["이", "리"]


def test_given_name_alone() -> None:
    assert hangul_candidates("Jae-myung")[0][0] == "재명"


def test_scores_are_ranked_and_add_up_to_one() -> None:
    candidates = hangul_candidates("Yoon Suk Yeol")
    scores = [score for _, score in candidates]
    assert scores == sorted(scores, reverse=True)
    assert sum(scores) == pytest.approx(1.0, abs=0.01)


def test_punctuation_and_apostrophes_are_ignored() -> None:
    assert hangul_candidates("Lee, Jae-myung")[0][0] == "이재명"
    assert hangul_candidates("Ch'oe Son-hui")[0][0] == "최선희"  # KCNA: Choe Son Hui


def test_empty_input() -> None:
    assert hangul_candidates("  ") == []
    assert place_candidates("") == []


# (strict RR, Hangul, source): every candidate must romanize back to the input
PLACES = [
    ("Gyeongju", "경주", "Gyeongju city"),
    ("Busan", "부산", "RR ch.3 art.3 example"),
    ("Gyeongsangbuk-do", "경상북도", "North Gyeongsang Province"),
    ("Jung-gu", "중구", "Jung-gu"),
    ("Uijeongbu-si", "의정부시", "RR ch.3 art.5 example"),
    ("Hangnyeoul", "학여울", "RR ch.3 art.1 item 2 example (from the exception table)"),
]


@pytest.mark.parametrize(("romanized", "hangul", "source"), PLACES, ids=lambda v: str(v))
def test_place_candidates_contain_the_place(romanized: str, hangul: str, source: str) -> None:
    names = [text for text, _ in place_candidates(romanized)]
    assert hangul in names[:3], (source, names)


# With Kiwi's dictionary (optional extra glossary[ko]) the real name comes first
PLACES_WITH_SOUND_CHANGES = [
    ("Jongno", "종로", "RR ch.3 art.1 item 1 example"),
    ("Silla", "신라", "RR ch.3 art.1 item 1 example"),
    ("Baengma", "백마", "RR ch.3 art.1 item 1 example"),
    ("Seorak", "설악", "RR ch.2 art.2 note 2 example"),
    ("Wangsimni", "왕십리", "RR ch.3 art.1 item 1 example"),
    ("Hallasan", "한라산", "Hallasan National Park"),
]


@pytest.mark.parametrize(
    ("romanized", "hangul", "source"), PLACES_WITH_SOUND_CHANGES, ids=lambda v: str(v)
)
def test_place_candidates_undo_sound_changes(romanized: str, hangul: str, source: str) -> None:
    assert _kiwi() is not None, "install the ko extra (kiwipiepy) to rank place names"
    assert place_candidates(romanized)[0][0] == hangul, source

"""Sino-Korean readings of kanji and hanja terms (glossary.lang.ko.sino).

Sources: the Korean names of the institutions as Korean media and governments use
them, and the examples of 한글 맞춤법 (Hangul orthography, 1988) articles 10-12.
"""

from __future__ import annotations

import pytest

from glossary.lang.ko import sino_korean_reading
from glossary.lang.ko.sino import initial_sound_rule, sino_korean_readings

TERMS = [
    ("防衛研究所", "방위연구소", "Japan's NIDS, Korean 방위연구소"),
    ("国家安保室", "국가안보실", "Korea's National Security Office 국가안보실 (shinjitai 国)"),
    ("大韓民国", "대한민국", "대한민국"),
    ("外務省", "외무성", "Japan's Ministry of Foreign Affairs, Korean 외무성"),
    ("経済産業省", "경제산업성", "Japan's METI, Korean 경제산업성 (shinjitai 経 済 産)"),
    ("文部科学省", "문부과학성", "Japan's MEXT, Korean 문부과학성 (shinjitai 学)"),
    ("国土交通省", "국토교통성", "Japan's MLIT, Korean 국토교통성"),
    ("内閣府", "내각부", "Japan's Cabinet Office, Korean 내각부 (shinjitai 内)"),
    ("自民党", "자민당", "Liberal Democratic Party, Korean 자민당 (shinjitai 党)"),
    ("立憲民主党", "입헌민주당", "CDP, Korean 입헌민주당; 두음법칙 립 → 입 (맞춤법 제11항)"),
    ("衆議院", "중의원", "House of Representatives, Korean 중의원"),
    ("参議院", "참의원", "House of Councillors, Korean 참의원 (shinjitai 参)"),
    ("官房長官", "관방장관", "Chief Cabinet Secretary, Korean 관방장관"),
    ("最高裁判所", "최고재판소", "Supreme Court of Japan, Korean 최고재판소"),
    ("大統領", "대통령", "대통령"),
    ("国会", "국회", "국회 (shinjitai 国 会)"),
    ("選挙", "선거", "선거 (shinjitai 挙, from the override table)"),
    ("研究", "연구", "연구 (shinjitai 研)"),
    ("関西", "관서", "관서 (shinjitai 関)"),
    ("広島", "광도", "the characters' reading (the city is 히로시마 in Korean)"),
    ("奈良県", "나량현", "the characters' reading (the prefecture is 나라현 in Korean)"),
    ("労働", "노동", "노동; 두음법칙 로 → 노 (맞춤법 제12항)"),
    ("歴史", "역사", "역사; 두음법칙 력 → 역 (맞춤법 제11항)"),
    ("女性", "여성", "여성; 두음법칙 녀 → 여 (맞춤법 제10항)"),
    ("理由", "이유", "이유; 맞춤법 제11항"),
    ("良心", "양심", "양심; 맞춤법 제11항"),
    ("老人", "노인", "노인; 맞춤법 제12항"),
    ("来日", "내일", "내일; 맞춤법 제12항 (shinjitai 来)"),
    ("比率", "비율", "비율; 맞춤법 제11항 붙임1 (률 → 율 after a vowel)"),
    ("確率", "확률", "확률; 맞춤법 제11항 붙임1 (률 kept after ㄱ)"),
    ("百分率", "백분율", "백분율; 맞춤법 제11항 붙임1 (률 → 율 after ㄴ)"),
    ("羅列", "나열", "나열; 맞춤법 제11항 붙임1 and 제12항"),
    ("分裂", "분열", "분열; 맞춤법 제11항 붙임1"),
    ("不足", "부족", "부족: 不 is 부 before ㄷ ㅈ"),
    ("不動産", "부동산", "부동산: 不 is 부 before ㄷ ㅈ"),
    ("不安", "불안", "불안"),
    ("芸術", "예술", "예술 (shinjitai 芸 for 藝, from the override table)"),
    ("予算", "예산", "예산 (shinjitai 予 for 豫)"),
    ("医師", "의사", "의사 (shinjitai 医 for 醫)"),
    ("自動車", "자동차", "자동차 (車 read 차, from the override table)"),
    ("駅", "역", "역 (shinjitai 駅 for 驛)"),
    ("第2次", "제2차", "digits pass through"),
]

PERSONS = [
    ("金正恩", "김정은", "金 is 김 as a family name"),
    ("李在明", "이재명", "이재명; 두음법칙 리 → 이"),
    ("尹錫悦", "윤석열", "윤석열"),
    ("朴槿恵", "박근혜", "박근혜 (shinjitai 恵)"),
    ("文在寅", "문재인", "문재인"),
    ("李承晩", "이승만", "이승만"),
    ("諸葛亮", "제갈량", "제갈량: one-syllable given name keeps ㄹ (맞춤법 제11항 붙임2)"),
    ("申砬", "신립", "신립: 맞춤법 제11항 붙임2 example"),
    ("崔麟", "최린", "최린: 맞춤법 제11항 붙임2 example"),
]


@pytest.mark.parametrize(("kanji", "hangul", "source"), TERMS, ids=lambda v: str(v))
def test_term_readings(kanji: str, hangul: str, source: str) -> None:
    assert sino_korean_reading(kanji) == hangul, source


@pytest.mark.parametrize(("kanji", "hangul", "source"), PERSONS, ids=lambda v: str(v))
def test_person_readings(kanji: str, hangul: str, source: str) -> None:
    assert sino_korean_reading(kanji, kind="person") == hangul, source


def test_unknown_character_gives_none() -> None:
    assert sino_korean_reading("東京タワー") is None  # kana has no Sino-Korean reading
    assert sino_korean_reading("") is None


def test_initial_sound_rule() -> None:
    # 한글 맞춤법 제10-12항
    assert [initial_sound_rule(s) for s in ("녀", "뇨", "리", "력", "로", "뢰", "락")] == [
        "여",
        "요",
        "이",
        "역",
        "노",
        "뇌",
        "낙",
    ]
    assert initial_sound_rule("국") == "국"


def test_all_readings_of_a_character() -> None:
    assert sino_korean_readings("車") == ("차", "거")
    assert "김" in sino_korean_readings("金")

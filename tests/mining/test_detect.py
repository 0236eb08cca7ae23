from __future__ import annotations

import pytest

from glossary.mining.detect import detect_language

SHORT = [
    ("高市早苗", "ja"),
    ("李在明", "ja"),
    ("石破茂", "ja"),
    ("이재명", "ko"),
    ("다카이치 사나에", "ko"),
    ("Lee Jae-myung", "en"),
    ("Sanae Takaichi", "en"),
    ("シャトル外交", "ja"),
    ("국가안보실", "ko"),
    ("高市早苗首相は13日", "ja"),
]


@pytest.mark.parametrize(("text", "lang"), SHORT)
def test_short_text_by_script(text, lang):
    assert detect_language(text) == lang


def test_long_text_each_language():
    en = "The two leaders agreed to continue shuttle diplomacy and to expand exchanges. " * 3
    ko = (
        "이재명 대통령은 다카이치 사나에 일본 총리와 정상회담을 갖고 셔틀외교를 이어가기로 했다. "
        * 3
    )
    ja = "高市早苗首相は李在明大統領と会談し、シャトル外交の継続で一致した。" * 3
    assert detect_language(en) == "en"
    assert detect_language(ko) == "ko"
    assert detect_language(ja) == "ja"


def test_mixed_text_with_latin_acronyms_stays_korean():
    text = "APEC G20 UPI EPA DNA AI 정상회의 " * 5
    assert detect_language(text) == "ko"


def test_deterministic_across_calls():
    text = "Seoul Tokyo Beijing summit talks " * 10
    answers = {detect_language(text) for _ in range(20)}
    assert len(answers) == 1

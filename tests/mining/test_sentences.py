from __future__ import annotations

from glossary.mining.sentences import sentences


def test_english_abbreviations_do_not_split():
    text = "On Jan. 8, Mr. Lee met U.S. officials. The U.S. is an ally. John F. Kennedy spoke."
    assert sentences(text, "en") == [
        "On Jan. 8, Mr. Lee met U.S. officials.",
        "The U.S. is an ally.",
        "John F. Kennedy spoke.",
    ]


def test_line_breaks_end_sentences():
    assert sentences("Headline Here\nBody starts. Ends.", "en") == [
        "Headline Here",
        "Body starts.",
        "Ends.",
    ]


def test_japanese_terminators_and_quotes():
    text = "高市首相は「日韓関係は重要だ。」と述べた。李大統領も応じた！次だ？"
    assert sentences(text, "ja") == [
        "高市首相は「日韓関係は重要だ。」と述べた。",
        "李大統領も応じた！",
        "次だ？",
    ]


def test_korean_da_endings():
    text = '이재명 대통령은 13일 출국한다. 위 실장은 "성과가 있다"고 말했다.\n다음'
    assert sentences(text, "ko") == [
        "이재명 대통령은 13일 출국한다.",
        '위 실장은 "성과가 있다"고 말했다.',
        "다음",
    ]

"""Japanese names and places in Hangul by the Korean standard (외래어 표기법, 일본어의 표기).

Sources: the standard's table (표 4 일본어의 가나와 한글 대조표, word-initial and
medial columns) and its rules (제1항 촉음 → ㅅ, 제2항 장모음 not written, with the
standard's own examples), and the forms Korean newspapers and Yonhap use for
Japanese politicians and places (which follow the standard).
"""

from __future__ import annotations

import pytest

from glossary.lang.ja.hangul import to_hangul

TABLE = "국립국어원 외래어 표기법 표 4 (일본어 가나와 한글 대조표)"
R1 = "외래어 표기법 일본어의 표기 제1항 (촉음 ッ → ㅅ), the standard's example"
R2 = "외래어 표기법 일본어의 표기 제2항 (장모음 not written), the standard's example"
PRESS = "Korean press form (Yonhap / 국립국어원 용례), following the standard"

ROWS: list[tuple[str, list[int] | None, str, str]] = [
    # the standard's own examples
    ("さっぽろ", None, "삿포로", R1),
    ("とっとり", None, "돗토리", R1),
    ("よっかいち", None, "욧카이치", R1),
    ("きゅうしゅう", None, "규슈", R2),
    ("にいがた", None, "니가타", R2),
    ("とうきょう", None, "도쿄", R2),
    ("おおさか", None, "오사카", R2),
    # the table: word-initial unaspirated, medial aspirated
    ("か", None, "가", TABLE + ": カ word-initial 가"),
    ("あか", None, "아카", TABLE + ": カ medial 카"),
    ("た", None, "다", TABLE + ": タ word-initial 다"),
    ("ちゃ", None, "자", TABLE + ": チャ word-initial 자"),
    ("おちゃ", None, "오차", TABLE + ": チャ medial 차"),
    ("きょ", None, "교", TABLE + ": キョ word-initial 교"),
    ("じゅ", None, "주", TABLE + ": ジュ 주"),
    ("しゅ", None, "슈", TABLE + ": シュ 슈"),
    ("つ", None, "쓰", TABLE + ": ツ 쓰"),
    ("ず", None, "즈", TABLE + ": ズ 즈"),
    ("づ", None, "즈", TABLE + ": ヅ 즈"),
    ("ぢ", None, "지", TABLE + ": ヂ 지"),
    ("を", None, "오", TABLE + ": ヲ 오"),
    ("ん", None, "ㄴ", TABLE + ": ン is ㄴ (no vowel to carry it here)"),
    # persons (Korean press)
    ("たかいち さなえ", None, "다카이치 사나에", PRESS + " 다카이치 사나에"),
    ("いしば しげる", None, "이시바 시게루", PRESS + " 이시바 시게루"),
    ("きしだ ふみお", None, "기시다 후미오", PRESS + " 기시다 후미오"),
    ("あべ しんぞう", None, "아베 신조", PRESS + " 아베 신조"),
    ("すが よしひで", None, "스가 요시히데", PRESS + " 스가 요시히데"),
    ("こいずみ じゅんいちろう", None, "고이즈미 준이치로", PRESS + " 고이즈미 준이치로"),
    ("こいずみ しんじろう", None, "고이즈미 신지로", PRESS + " 고이즈미 신지로"),
    ("こうの たろう", None, "고노 다로", PRESS + " 고노 다로"),
    ("あそう たろう", None, "아소 다로", PRESS + " 아소 다로"),
    ("もてぎ としみつ", None, "모테기 도시미쓰", PRESS + " 모테기 도시미쓰"),
    ("はやし よしまさ", None, "하야시 요시마사", PRESS + " 하야시 요시마사"),
    ("かみかわ ようこ", None, "가미카와 요코", PRESS + " 가미카와 요코"),
    ("こいけ ゆりこ", None, "고이케 유리코", PRESS + " 고이케 유리코"),
    ("かん なおと", None, "간 나오토", PRESS + " 간 나오토"),
    ("のだ よしひこ", None, "노다 요시히코", PRESS + " 노다 요시히코"),
    ("はとやま ゆきお", None, "하토야마 유키오", PRESS + " 하토야마 유키오"),
    # 富市 is 富|市: the い starts a morpheme (UniDic pron トミイチ), so it is not a long ii
    ("むらやま とみいち", [7], "무라야마 도미이치", PRESS + " 무라야마 도미이치"),
    ("はしもと りゅうたろう", None, "하시모토 류타로", PRESS + " 하시모토 류타로"),
    ("なかそね やすひろ", None, "나카소네 야스히로", PRESS + " 나카소네 야스히로"),
    ("たなか かくえい", None, "다나카 가쿠에이", PRESS + " 다나카 가쿠에이"),
    ("さとう えいさく", None, "사토 에이사쿠", PRESS + " 사토 에이사쿠"),
    ("おぶち けいぞう", None, "오부치 게이조", PRESS + " 오부치 게이조"),
    ("いのうえ", [2], "이노우에", PRESS + " 이노우에 (井上: う starts a morpheme)"),
    # places (Korean press)
    ("なら", None, "나라", PRESS + " 나라"),
    ("ちょうせい", None, "조세이", PRESS + " 조세이 (탄광), 長生炭鉱"),
    ("うべ", None, "우베", PRESS + " 우베"),
    ("きょうと", None, "교토", PRESS + " 교토"),
    ("ふくおか", None, "후쿠오카", PRESS + " 후쿠오카"),
    ("ひろしま", None, "히로시마", PRESS + " 히로시마"),
    ("ほっかいどう", None, "홋카이도", PRESS + " 홋카이도"),
    ("なごや", None, "나고야", PRESS + " 나고야"),
    ("よこはま", None, "요코하마", PRESS + " 요코하마"),
    ("こうべ", None, "고베", PRESS + " 고베"),
    ("せんだい", None, "센다이", PRESS + " 센다이"),
    ("ながさき", None, "나가사키", PRESS + " 나가사키"),
    ("しものせき", None, "시모노세키", PRESS + " 시모노세키"),
    ("おきなわ", None, "오키나와", PRESS + " 오키나와"),
    ("ちば", None, "지바", PRESS + " 지바"),
    ("しずおか", None, "시즈오카", PRESS + " 시즈오카"),
    ("つしま", None, "쓰시마", PRESS + " 쓰시마"),
    ("ぐんま", None, "군마", PRESS + " 군마"),
    ("とちぎ", None, "도치기", PRESS + " 도치기"),
    ("かごしま", None, "가고시마", PRESS + " 가고시마"),
    ("めいじ", None, "메이지", PRESS + " 메이지: え+い is written"),
    (
        "タカイチ・サナエ",
        None,
        "다카이치 사나에",
        "katakana and ・ treated as hiragana and a space",
    ),
]


@pytest.mark.parametrize(
    ("kana", "boundaries", "expected", "source"), ROWS, ids=[r[0] for r in ROWS]
)
def test_to_hangul(kana: str, boundaries: list[int] | None, expected: str, source: str) -> None:
    assert to_hangul(kana, boundaries=boundaries) == expected, source

"""Suggested Japanese press katakana for Korean names (glossary.lang.ko.katakana).

Sources: the katakana NHK and the Japanese national dailies (Asahi, Yomiuri, Mainichi,
Nikkei) print after the kanji or Hangul of each name.
"""

from __future__ import annotations

import pytest

from glossary.lang.ko import to_katakana

PERSONS = [
    ("이재명", "イ・ジェミョン", "NHK: 李在明（イ・ジェミョン）"),
    ("윤석열", "ユン・ソンニョル", "NHK: 尹錫悦（ユン・ソンニョル）, from the curated table"),
    ("문재인", "ムン・ジェイン", "NHK: 文在寅（ムン・ジェイン）"),
    ("박근혜", "パク・クネ", "NHK: 朴槿恵（パク・クネ）, from the curated table"),
    ("김정은", "キム・ジョンウン", "NHK: 金正恩（キム・ジョンウン）"),
    ("김정일", "キム・ジョンイル", "Japanese press: 金正日（キム・ジョンイル）"),
    ("김일성", "キム・イルソン", "Japanese press: 金日成（キム・イルソン）"),
    ("김대중", "キム・デジュン", "Japanese press: 金大中（キム・デジュン）"),
    ("노무현", "ノ・ムヒョン", "Japanese press: 盧武鉉（ノ・ムヒョン）"),
    ("이명박", "イ・ミョンバク", "Japanese press: 李明博（イ・ミョンバク）"),
    ("김영삼", "キム・ヨンサム", "Japanese press: 金泳三（キム・ヨンサム）"),
    ("박정희", "パク・チョンヒ", "Japanese press: 朴正熙（パク・チョンヒ）"),
    ("전두환", "チョン・ドゥファン", "Japanese press: 全斗煥（チョン・ドゥファン）"),
    ("노태우", "ノ・テウ", "Japanese press: 盧泰愚（ノ・テウ）"),
    ("이승만", "イ・スンマン", "Japanese press: 李承晩（イ・スンマン）"),
    ("반기문", "パン・ギムン", "Japanese press: 潘基文（パン・ギムン）"),
    ("조국", "チョ・グク", "Japanese press: 曺国（チョ・グク）"),
    ("한덕수", "ハン・ドクス", "Japanese press: 韓悳洙（ハン・ドクス）"),
    ("이낙연", "イ・ナギョン", "Japanese press: 李洛淵（イ・ナギョン）"),
    ("김여정", "キム・ヨジョン", "Japanese press: 金与正（キム・ヨジョン）"),
    ("추미애", "チュ・ミエ", "Japanese press: 秋美愛（チュ・ミエ）"),
    ("한동훈", "ハン・ドンフン", "Japanese press: 韓東勲（ハン・ドンフン）"),
    ("이준석", "イ・ジュンソク", "Japanese press: 李俊錫（イ・ジュンソク）"),
    ("홍준표", "ホン・ジュンピョ", "Japanese press: 洪準杓（ホン・ジュンピョ）"),
    ("안철수", "アン・チョルス", "Japanese press: 安哲秀（アン・チョルス）"),
    ("정의용", "チョン・ウィヨン", "Japanese press: 鄭義溶（チョン・ウィヨン）"),
    ("강경화", "カン・ギョンファ", "Japanese press: 康京和（カン・ギョンファ）"),
    ("손흥민", "ソン・フンミン", "Japanese press: 孫興民（ソン・フンミン）"),
    ("김연아", "キム・ヨナ", "Japanese press: 金妍兒（キム・ヨナ）"),
    ("박지성", "パク・チソン", "Japanese press: 朴智星（パク・チソン）"),
    ("류현진", "リュ・ヒョンジン", "Japanese press: 柳賢振（リュ・ヒョンジン）"),
    ("최선희", "チェ・ソンヒ", "Japanese press: 崔善姫（チェ・ソンヒ）"),
    ("최룡해", "チェ・リョンヘ", "Japanese press: 崔竜海（チェ・リョンヘ）"),
    ("이해찬", "イ・ヘチャン", "Japanese press: 李海瓚（イ・ヘチャン）"),
    ("황교안", "ファン・ギョアン", "Japanese press: 黄教安（ファン・ギョアン）"),
]

PLACES = [
    ("서울", "ソウル", "Japanese press: ソウル"),
    ("부산", "プサン", "Japanese press: 釜山（プサン）"),
    ("인천", "インチョン", "Japanese press: 仁川（インチョン）"),
    ("대구", "テグ", "Japanese press: 大邱（テグ）"),
    ("광주", "クァンジュ", "Japanese press: 光州（クァンジュ）"),
    ("대전", "テジョン", "Japanese press: 大田（テジョン）"),
    ("울산", "ウルサン", "Japanese press: 蔚山（ウルサン）"),
    ("평양", "ピョンヤン", "Japanese press: 平壌（ピョンヤン）"),
    ("판문점", "パンムンジョム", "Japanese press: 板門店（パンムンジョム）"),
    ("제주", "チェジュ", "Japanese press: 済州（チェジュ）"),
    ("경주", "キョンジュ", "Japanese press: 慶州（キョンジュ）"),
    ("수원", "スウォン", "Japanese press: 水原（スウォン）"),
    ("강릉", "カンヌン", "Japanese press: 江陵（カンヌン）"),
    ("개성", "ケソン", "Japanese press: 開城（ケソン）"),
    ("원산", "ウォンサン", "Japanese press: 元山（ウォンサン）"),
    ("신의주", "シニジュ", "Japanese press: 新義州（シニジュ）"),
    ("청와대", "チョンワデ", "Japanese press: 青瓦台（チョンワデ）"),
    ("명동", "ミョンドン", "Japanese press: 明洞（ミョンドン）"),
    ("한강", "ハンガン", "Japanese press: 漢江（ハンガン）"),
    ("울릉도", "ウルルンド", "Japanese press: 鬱陵島（ウルルンド）"),
]


@pytest.mark.parametrize(("hangul", "katakana", "source"), PERSONS, ids=lambda v: str(v))
def test_person_katakana(hangul: str, katakana: str, source: str) -> None:
    assert to_katakana(hangul) == katakana, source


@pytest.mark.parametrize(("hangul", "katakana", "source"), PLACES, ids=lambda v: str(v))
def test_place_katakana(hangul: str, katakana: str, source: str) -> None:
    assert to_katakana(hangul, kind="place") == katakana, source


def test_voicing_follows_the_family_name() -> None:
    # after a vowel or ㄴ ㄹ ㅁ ㅇ the given name starts voiced (ジェ), after ㄱ ㄷ ㅂ unvoiced
    assert to_katakana("이정희").endswith("ジョンヒ")
    assert to_katakana("박정희").endswith("チョンヒ")


def test_family_name_alone_and_forced_split() -> None:
    assert to_katakana("김") == "キム"
    assert to_katakana("황보라", family="황") == "ファン・ボラ"

"""Romanized Japanese names back to kana, and kanji suggestions for kana names.

Rows are published spellings (Prime Minister's Office English pages, passport
examples of the Ministry of Foreign Affairs, Hepburn and Kunrei tables) paired with
the reading published for the same name.
"""

from __future__ import annotations

import pytest

from glossary.lang.ja import jmnedict
from glossary.lang.ja.from_roman import (
    kanji_candidates,
    romaji_to_kana,
    romaji_to_kana_candidates,
)

KANTEI_EN = "Prime Minister's Office English spelling, reading from the Japanese list of cabinets"
MOFA = "外務省 ヘボン式ローマ字綴方表 passport example"
MH = "Modified Hepburn with macrons (Kenkyusha 3rd ed.)"
KUNREI = "Kunrei-shiki (ISO 3602) with circumflex"

# Unambiguous enough that the top candidate must be right.
TOP: list[tuple[str, str, str]] = [
    ("Takaichi Sanae", "たかいち さなえ", KANTEI_EN + " (TAKAICHI Sanae)"),
    ("Shigeru Ishiba", "しげる いしば", KANTEI_EN + "; word order kept"),
    ("Jun'ichirō", "じゅんいちろう", MH),
    ("Junichiro", "じゅんいちろう", KANTEI_EN + " (KOIZUMI Junichiro)"),
    ("Koizumi Junichiro", "こいずみ じゅんいちろう", KANTEI_EN),
    ("Ohno", "おおの", MOFA + ": 大野 OHNO"),
    ("Katoh", "かとう", MOFA + ": 加藤 KATOH"),
    ("Kohno", "こうの", MOFA + ": 河野 KOHNO"),
    ("Itō", "いとう", MH + ": 伊藤 Itō"),
    ("Itô", "いとう", KUNREI),
    ("Tōkyō", "とうきょう", MH),
    ("Ōsaka", "おおさか", MH + ": word-initial ō is usually おお"),
    ("Namba", "なんば", MOFA + ": 難波 NAMBA"),
    ("Homma", "ほんま", MOFA + ": 本間 HOMMA"),
    ("Sampei", "さんぺい", MOFA + ": 三瓶 SAMPEI"),
    ("Shimbun", "しんぶん", "traditional Hepburn m before b (Asahi Shimbun)"),
    ("shinbun", "しんぶん", MH),
    ("Hattori", "はっとり", MOFA + ": 服部 HATTORI"),
    ("Kikkawa", "きっかわ", MOFA + ": 吉川 KIKKAWA"),
    ("Hotchi", "ほっち", MOFA + ": 発地 HOTCHI"),
    ("matcha", "まっちゃ", MH),
    ("Niigata", "にいがた", MH),
    ("Tyôsei", "ちょうせい", KUNREI + " (長生 ちょうせい)"),
    ("Hukuoka", "ふくおか", KUNREI),
    ("kin'yōbi", "きんようび", MH),
    ("Kan Naoto", "かん なおと", KANTEI_EN),
    ("Hatoyama Yukio", "はとやま ゆきお", KANTEI_EN),
    ("Ikeda Hayato", "いけだ はやと", KANTEI_EN),
    ("Shinya", "しんや", MOFA + ": 信也 SHINYA"),
    ("Yuuki", "ゆうき", "wāpuro spelling of ゆうき"),
    ("Kyūshū", "きゅうしゅう", MH),
]


@pytest.mark.parametrize(("romaji", "kana", "source"), TOP, ids=[r[0] for r in TOP])
def test_romaji_to_kana(romaji: str, kana: str, source: str) -> None:
    assert romaji_to_kana(romaji) == kana, source


# Without macrons the long vowel is invisible: the right reading must be among the
# first three candidates (it may not be first: Kato is かと or かとう).
AMBIGUOUS: list[tuple[str, str, str]] = [
    ("Tokyo", "とうきょう", "prefecture's English name; reading 東京 とうきょう"),
    ("Kyoto", "きょうと", "prefecture's English name; reading 京都 きょうと"),
    ("Osaka", "おおさか", "prefecture's English name; reading 大阪 おおさか"),
    ("Kobe", "こうべ", "city's English name; reading 神戸 こうべ"),
    ("Kochi", "こうち", "prefecture's English name; reading 高知 こうち"),
    ("Oita", "おおいた", "prefecture's English name; reading 大分 おおいた"),
    ("Hyogo", "ひょうご", "prefecture's English name; reading 兵庫 ひょうご"),
    ("Kato", "かとう", MOFA + ": 加藤 KATO"),
    ("Ono", "おおの", MOFA + ": 大野 ONO"),
    ("Kono Taro", "こうの たろう", KANTEI_EN + " (KONO Taro)"),
    ("Shinzo Abe", "しんぞう あべ", KANTEI_EN + " (ABE Shinzo)"),
    ("Sato Eisaku", "さとう えいさく", KANTEI_EN + " (SATO Eisaku)"),
    ("Yoko Kamikawa", "ようこ かみかわ", "MOFA English site (KAMIKAWA Yoko)"),
    ("Taro Aso", "たろう あそう", KANTEI_EN + " (ASO Taro)"),
    ("Yoshiro Mori", "よしろう もり", KANTEI_EN + " (MORI Yoshiro)"),
    ("Ryutaro Hashimoto", "りゅうたろう はしもと", KANTEI_EN + " (HASHIMOTO Ryutaro)"),
    ("Yuko", "ゆうこ", MOFA + ": 優子 YUKO"),
    ("Chosei", "ちょうせい", "press spelling of 長生 (Chosei coal mine)"),
]


@pytest.mark.parametrize(("romaji", "kana", "source"), AMBIGUOUS, ids=[r[0] for r in AMBIGUOUS])
def test_candidates_include_reading(romaji: str, kana: str, source: str) -> None:
    assert kana in romaji_to_kana_candidates(romaji)[:3], source


def test_candidates_keep_word_spaces_and_are_unique() -> None:
    cands = romaji_to_kana_candidates("Kono Taro")
    assert all(c.count(" ") == 1 for c in cands)
    assert len(cands) == len(set(cands))


@pytest.mark.parametrize("text", ["", "   ", "Qwxz", "Xi Jinping"])
def test_not_romaji(text: str) -> None:
    assert romaji_to_kana(text) == ""


@pytest.mark.parametrize(
    ("kana", "kind", "kanji", "source"),
    [
        ("たかいち さなえ", "person", "高市早苗", "JMnedict person entry 高市早苗 たかいちさなえ"),
        ("いしば しげる", "person", "石破茂", "JMnedict person entry 石破茂 いしばしげる"),
        ("たかいち", "person", "高市", "JMnedict surname 高市 たかいち"),
        ("いしば", "person", "石破", "JMnedict surname 石破 いしば"),
        ("ならけん", "place", "奈良県", "JMnedict place 奈良県 ならけん"),
        ("うべ", "place", "宇部", "JMnedict place 宇部 うべ"),
    ],
)
def test_kanji_candidates(kana: str, kind: str, kanji: str, source: str) -> None:
    assert jmnedict.available(), "install the ja extra (jamdict-data)"
    assert kanji in kanji_candidates(kana, kind=kind)[:3], source


@pytest.fixture
def without_jmnedict() -> object:
    saved = jmnedict.database_path()
    jmnedict.use_database(None)
    yield None
    jmnedict.use_database(saved)


@pytest.mark.usefixtures("without_jmnedict")
def test_kanji_candidates_without_jmnedict_is_empty() -> None:
    assert kanji_candidates("たかいち") == []


@pytest.mark.usefixtures("without_jmnedict")
def test_romaji_without_jmnedict_still_reads() -> None:
    assert romaji_to_kana("Takaichi Sanae") == "たかいち さなえ"
    assert "とうきょう" in romaji_to_kana_candidates("Tokyo")[:3]

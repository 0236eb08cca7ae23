"""romanize_entry: the one call behind ``glossary romanize --lang ja``.

Readings and spellings are the published ones (Prime Minister's Office, Korean
press); the romanization rules are checked in test_ja_hepburn.py.
"""

from __future__ import annotations

import pytest

from glossary.lang.ja import romanize_entry

KEYS = {
    "reading",
    "reading_source",
    "strict",
    "plain",
    "passport",
    "passport_variants",
    "hangul",
    "family",
    "given",
    "confidence",
    "alternatives",
}


def test_person_suggested() -> None:
    # 首相官邸: 高市早苗 (たかいち さなえ), English TAKAICHI Sanae; Korean press 다카이치 사나에
    d = romanize_entry("高市早苗", kind="person")
    assert set(d) == KEYS
    assert d["reading"] == "たかいち さなえ"
    assert d["reading_source"] == "suggested"
    assert (d["strict"], d["plain"], d["passport"]) == ("Takaichi Sanae",) * 3
    assert d["hangul"] == "다카이치 사나에"
    assert d["family"]["text"] == "高市" and d["family"]["strict"] == "Takaichi"
    assert d["given"]["text"] == "早苗" and d["given"]["reading"] == "さなえ"
    assert all(
        {"reading", "strict", "plain", "score", "source"} <= set(a) for a in d["alternatives"]
    )


def test_curated_reading_wins() -> None:
    # 菅義偉 is すが よしひで (首相官邸) although UniDic alone prefers かん.
    d = romanize_entry("菅義偉", kind="person", reading="スガ ヨシヒデ")
    assert d["reading"] == "すが よしひで"
    assert d["reading_source"] == "curated"
    assert d["strict"] == "Suga Yoshihide"
    assert d["confidence"] == 1.0
    assert d["alternatives"] == []


def test_long_vowels_and_apostrophe() -> None:
    # 首相官邸: 小泉純一郎 こいずみ じゅんいちろう, English KOIZUMI Junichiro
    d = romanize_entry("小泉純一郎", kind="person")
    assert d["strict"] == "Koizumi Jun'ichirō"
    assert d["plain"] == "Koizumi Junichiro"
    assert d["passport"] == "Koizumi Junichiro"
    assert d["hangul"] == "고이즈미 준이치로"


def test_inoue_is_not_inoe() -> None:
    # 井上 いのうえ: Inoue (う starts a morpheme); Korean press 이노우에
    d = romanize_entry("井上", kind="person")
    assert (d["strict"], d["passport"], d["hangul"]) == ("Inoue", "Inoue", "이노우에")


def test_curated_reading_gets_boundaries_from_unidic() -> None:
    d = romanize_entry("井上", kind="person", reading="いのうえ")
    assert d["strict"] == "Inoue"


def test_passport_oh_variant() -> None:
    # MOFA: 河野 KONO / KOHNO
    d = romanize_entry("河野太郎", kind="person")
    assert d["passport"] == "Kono Taro"
    assert "Kohno Taroh" in d["passport_variants"]


def test_term_layout() -> None:
    # brief: 長生炭鉱 ちょうせいたんこう → Chōsei tankō; Korean press 조세이 (탄광)
    d = romanize_entry("長生炭鉱")
    assert d["reading"] == "ちょうせいたんこう"
    assert (d["strict"], d["plain"]) == ("Chōsei tankō", "Chosei tanko")
    assert d["family"] is None and d["given"] is None


def test_place_layout() -> None:
    d = romanize_entry("奈良県", kind="place")
    assert (d["reading"], d["strict"]) == ("ならけん", "Nara-ken")
    # Korean press: 나라현, 도쿄도 (administrative unit in its Sino-Korean form)
    assert d["hangul"] == "나라현"
    assert romanize_entry("東京都", kind="place")["hangul"] == "도쿄도"
    d = romanize_entry("東京", kind="place")
    assert (d["strict"], d["plain"], d["hangul"]) == ("Tōkyō", "Tokyo", "도쿄")


def test_kana_text_is_romanized_directly() -> None:
    d = romanize_entry("ドナルド・トランプ", kind="person")
    assert d["reading_source"] == "curated"
    assert d["strict"] == "Donarudo Toranpu"
    assert d["family"]["text"] == "トランプ" and d["given"]["text"] == "ドナルド"


def test_unreadable_text() -> None:
    d = romanize_entry("", kind="person")
    assert d["reading"] is None and d["alternatives"] == []


KANTEI_EN = "Prime Minister's Office English list of prime ministers (family name first)"

# (name, curated reading, press form, strict Hepburn)
PRIME_MINISTERS: list[tuple[str, str, str, str]] = [
    ("岸田文雄", "きしだ ふみお", "Kishida Fumio", "Kishida Fumio"),
    ("安倍晋三", "あべ しんぞう", "Abe Shinzo", "Abe Shinzō"),
    ("菅義偉", "すが よしひで", "Suga Yoshihide", "Suga Yoshihide"),
    ("石破茂", "いしば しげる", "Ishiba Shigeru", "Ishiba Shigeru"),
    ("高市早苗", "たかいち さなえ", "Takaichi Sanae", "Takaichi Sanae"),
    ("野田佳彦", "のだ よしひこ", "Noda Yoshihiko", "Noda Yoshihiko"),
    ("小泉純一郎", "こいずみ じゅんいちろう", "Koizumi Junichiro", "Koizumi Jun'ichirō"),
    ("麻生太郎", "あそう たろう", "Aso Taro", "Asō Tarō"),
    ("鳩山由紀夫", "はとやま ゆきお", "Hatoyama Yukio", "Hatoyama Yukio"),
    ("福田康夫", "ふくだ やすお", "Fukuda Yasuo", "Fukuda Yasuo"),
    ("森喜朗", "もり よしろう", "Mori Yoshiro", "Mori Yoshirō"),
    ("村山富市", "むらやま とみいち", "Murayama Tomiichi", "Murayama Tomiichi"),
    ("細川護熙", "ほそかわ もりひろ", "Hosokawa Morihiro", "Hosokawa Morihiro"),
    ("橋本龍太郎", "はしもと りゅうたろう", "Hashimoto Ryutaro", "Hashimoto Ryūtarō"),
    ("中曽根康弘", "なかそね やすひろ", "Nakasone Yasuhiro", "Nakasone Yasuhiro"),
    ("田中角栄", "たなか かくえい", "Tanaka Kakuei", "Tanaka Kakuei"),
    ("佐藤栄作", "さとう えいさく", "Sato Eisaku", "Satō Eisaku"),
    ("吉田茂", "よしだ しげる", "Yoshida Shigeru", "Yoshida Shigeru"),
    ("小渕恵三", "おぶち けいぞう", "Obuchi Keizo", "Obuchi Keizō"),
    ("海部俊樹", "かいふ としき", "Kaifu Toshiki", "Kaifu Toshiki"),
    ("宮沢喜一", "みやざわ きいち", "Miyazawa Kiichi", "Miyazawa Kiichi"),
    ("竹下登", "たけした のぼる", "Takeshita Noboru", "Takeshita Noboru"),
    ("大平正芳", "おおひら まさよし", "Ohira Masayoshi", "Ōhira Masayoshi"),
    ("三木武夫", "みき たけお", "Miki Takeo", "Miki Takeo"),
    ("池田勇人", "いけだ はやと", "Ikeda Hayato", "Ikeda Hayato"),
    ("岸信介", "きし のぶすけ", "Kishi Nobusuke", "Kishi Nobusuke"),
    ("菅直人", "かん なおと", "Kan Naoto", "Kan Naoto"),
    ("羽田孜", "はた つとむ", "Hata Tsutomu", "Hata Tsutomu"),
    ("宇野宗佑", "うの そうすけ", "Uno Sosuke", "Uno Sōsuke"),
    ("鈴木善幸", "すずき ぜんこう", "Suzuki Zenko", "Suzuki Zenkō"),
    ("福田赳夫", "ふくだ たけお", "Fukuda Takeo", "Fukuda Takeo"),
    ("石橋湛山", "いしばし たんざん", "Ishibashi Tanzan", "Ishibashi Tanzan"),
    ("鳩山一郎", "はとやま いちろう", "Hatoyama Ichiro", "Hatoyama Ichirō"),
    ("伊藤博文", "いとう ひろぶみ", "Ito Hirobumi", "Itō Hirobumi"),
    ("東条英機", "とうじょう ひでき", "Tojo Hideki", "Tōjō Hideki"),
    ("近衛文麿", "このえ ふみまろ", "Konoe Fumimaro", "Konoe Fumimaro"),
    ("原敬", "はら たかし", "Hara Takashi", "Hara Takashi"),
]


@pytest.mark.parametrize(
    ("name", "reading", "press", "strict"), PRIME_MINISTERS, ids=[r[0] for r in PRIME_MINISTERS]
)
def test_prime_minister_spellings(name: str, reading: str, press: str, strict: str) -> None:
    # press form: KANTEI_EN; strict: the same with modified Hepburn macrons
    d = romanize_entry(name, kind="person", reading=reading)
    assert d["plain"] == press, KANTEI_EN
    assert d["strict"] == strict, "modified Hepburn of the published reading"

"""Romanizing kana: strict modified Hepburn, the English-press form and the passport form.

Each row names the rule or the published spelling it checks.
"""

from __future__ import annotations

import pytest

from glossary.errors import GlossaryError
from glossary.lang.ja.hepburn import hepburn, passport, passport_variants, plain
from glossary.lang.ja.kana import NotKana

MH = (
    "Modified Hepburn (Kenkyusha New Japanese-English Dictionary 3rd ed.; "
    "ANSI Z39.11 / BS 4812 / ALA-LC)"
)
WP = "Wikipedia 'Hepburn romanization' (modified Hepburn tables and examples)"
BRIEF = "project brief, checked against modified Hepburn"

# (kana, boundaries, particles, capitalize, expected, source)
STRICT: list[tuple[str, list[int] | None, list[int] | None, bool, str, str]] = [
    ("ちょうせい たんこう", None, None, False, "chōsei tankō", BRIEF + ": おう → ō, えい → ei"),
    ("とうきょう", None, None, True, "Tōkyō", MH + ": long o written ō"),
    ("おおさか", None, None, True, "Ōsaka", MH + ": おお written ō"),
    ("じゅんいちろう", None, None, True, "Jun'ichirō", MH + ": n' before a vowel"),
    ("かんいち", None, None, True, "Kan'ichi", MH + ": n' before a vowel"),
    ("きんようび", None, None, False, "kin'yōbi", WP + ": 金曜日 kin'yōbi, n' before y"),
    ("ぐんま", None, None, True, "Gunma", MH + ": n (not m) before m"),
    ("しんぶん", None, None, False, "shinbun", WP + ": 新聞 shinbun in modified Hepburn"),
    ("せんぱい", None, None, False, "senpai", MH + ": n (not m) before p"),
    ("なんば", None, None, True, "Nanba", MH + ": n (not m) before b"),
    ("まっちゃ", None, None, False, "matcha", WP + ": 抹茶 matcha, っ before ch → t"),
    ("はっちょう", None, None, False, "hatchō", MH + ": っ before ch → t"),
    ("にっぽん", None, None, True, "Nippon", MH + ": っ doubles the consonant"),
    ("ほっかいどう", None, None, True, "Hokkaidō", MH + ": っ doubles the consonant"),
    ("さっぽろ", None, None, True, "Sapporo", MH + ": っ doubles the consonant"),
    ("せんせい", None, None, False, "sensei", WP + ": 先生 sensei, えい stays ei"),
    ("えいが", None, None, False, "eiga", WP + ": 映画 eiga, えい stays ei"),
    ("にいがた", None, None, True, "Niigata", WP + ": 新潟 Niigata, いい stays ii"),
    ("おにいさん", None, None, False, "oniisan", WP + ": お兄さん oniisan"),
    ("おかあさん", None, None, False, "okāsan", WP + ": お母さん okāsan, ああ → ā"),
    ("おねえさん", None, None, False, "onēsan", WP + ": お姉さん onēsan, ええ → ē"),
    ("すうがく", None, None, False, "sūgaku", WP + ": 数学 sūgaku, うう → ū"),
    ("ゆうき", None, None, True, "Yūki", MH + ": ゆう → yū"),
    ("タクシー", None, None, False, "takushī", WP + ": タクシー takushī, katakana ー → macron"),
    ("ラーメン", None, None, False, "rāmen", WP + ": ラーメン rāmen"),
    ("スーパー", None, None, False, "sūpā", WP + ": スーパー sūpā"),
    ("いのうえ", [2], None, True, "Inoue", MH + ": no long vowel across a morpheme boundary"),
    ("こうま", [1], None, False, "kouma", WP + ": 子馬 kouma, vowels of two morphemes"),
    ("まつうら", [2], None, True, "Matsuura", "MOFA passport note: 松浦 MATSUURA is no long vowel"),
    ("おもう", [2], None, False, "omou", WP + ": 思う omou, verb ending is its own morpheme"),
    ("しゃしん", None, None, False, "shashin", MH + ": し/しゃ → shi/sha"),
    ("ちず", None, None, False, "chizu", MH + ": ち → chi, ず → zu"),
    ("つづく", None, None, False, "tsuzuku", MH + ": つ → tsu, づ → zu"),
    ("はなぢ", None, None, False, "hanaji", MH + ": ぢ → ji"),
    ("ふじ", None, None, True, "Fuji", MH + ": ふ → fu, じ → ji"),
    ("じょうもん", None, None, True, "Jōmon", MH + ": じょう → jō"),
    ("りょうま", None, None, True, "Ryōma", MH + ": りょう → ryō"),
    ("わたし は", None, [4], False, "watashi wa", MH + ": particle は → wa"),
    ("がっこう へ", None, [5], False, "gakkō e", MH + ": particle へ → e"),
    ("ほん を", None, [3], False, "hon o", MH + ": particle を → o"),
    ("はは", None, None, False, "haha", MH + ": は not a particle stays ha"),
    ("ティ", None, None, False, "ti", WP + ": extended katakana ティ ti"),
    ("ディズニー", None, None, False, "dizunī", WP + ": extended katakana ディ di"),
    ("ファイル", None, None, False, "fairu", WP + ": extended katakana ファ fa"),
    ("ウィ", None, None, False, "wi", WP + ": extended katakana ウィ wi"),
    ("ヴァ", None, None, False, "va", WP + ": extended katakana ヴァ va"),
    ("ジェ", None, None, False, "je", WP + ": extended katakana ジェ je"),
    ("チェ", None, None, False, "che", WP + ": extended katakana チェ che"),
    ("ドナルド・トランプ", None, None, True, "Donarudo Toranpu", MH + ": ・ separates words"),
    ("たかいち さなえ", None, None, True, "Takaichi Sanae", MH + ": capital per word"),
    ("ｶﾀｶﾅ", None, None, False, "katakana", "half-width katakana is widened first"),
]


@pytest.mark.parametrize(
    ("kana", "boundaries", "particles", "capitalize", "expected", "source"),
    STRICT,
    ids=[r[0] for r in STRICT],
)
def test_hepburn(
    kana: str,
    boundaries: list[int] | None,
    particles: list[int] | None,
    capitalize: bool,
    expected: str,
    source: str,
) -> None:
    got = hepburn(kana, boundaries=boundaries, particles=particles, capitalize=capitalize)
    assert got == expected, source


KANTEI_EN = "Prime Minister's Office English site (japan.kantei.go.jp) spelling"
PREF_EN = "the prefecture's official English name"

# (kana, boundaries, capitalize, expected, source)
PLAIN: list[tuple[str, list[int] | None, bool, str, str]] = [
    ("ちょうせい", None, True, "Chosei", BRIEF + ": no macrons"),
    ("とうきょう", None, True, "Tokyo", PREF_EN + " (Tokyo Metropolitan Government)"),
    ("おおさか", None, True, "Osaka", PREF_EN),
    ("きょうと", None, True, "Kyoto", PREF_EN),
    ("ひょうご", None, True, "Hyogo", PREF_EN),
    ("こうち", None, True, "Kochi", PREF_EN),
    ("おおいた", None, True, "Oita", PREF_EN),
    ("ぐんま", None, True, "Gunma", PREF_EN + " (Gunma, not Gumma)"),
    ("こいずみ じゅんいちろう", None, True, "Koizumi Junichiro", KANTEI_EN + ": no apostrophe"),
    ("はしもと りゅうたろう", None, True, "Hashimoto Ryutaro", KANTEI_EN),
    ("さとう えいさく", None, True, "Sato Eisaku", KANTEI_EN),
    ("いのうえ", [2], True, "Inoue", MH + ": boundary kept"),
    ("タクシー", None, False, "takushi", BRIEF + ": katakana ー dropped with the macron"),
    (
        "なんば",
        None,
        True,
        "Namba",
        "Nankai / Osaka Metro station Namba (exceptions)",
    ),
    ("しんばし", None, True, "Shimbashi", "JR East station name Shimbashi (plain_exceptions.tsv)"),
    ("あさひしんぶん", None, True, "Asahi Shimbun", "masthead The Asahi Shimbun"),
    ("よみうりしんぶん", None, True, "Yomiuri Shimbun", "masthead The Yomiuri Shimbun"),
    ("まいにちしんぶん", None, True, "Mainichi Shimbun", "masthead The Mainichi Shimbun"),
    ("しんぶん", None, False, "shinbun", "common noun: the ~しんぶん row applies to names only"),
    ("にっぽん", None, True, "Nippon", "regular rule (Nippon Steel, Nippon Ishin no Kai)"),
]


@pytest.mark.parametrize(
    ("kana", "boundaries", "capitalize", "expected", "source"), PLAIN, ids=[r[0] for r in PLAIN]
)
def test_plain(
    kana: str, boundaries: list[int] | None, capitalize: bool, expected: str, source: str
) -> None:
    assert plain(kana, boundaries=boundaries, capitalize=capitalize) == expected, source


MOFA = "外務省 ヘボン式ローマ字綴方表 (as published by passport offices: 新潟市, 愛媛県, 摂津市)"

# (kana, boundaries, expected, source)
PASSPORT: list[tuple[str, list[int] | None, str, str]] = [
    ("おおの", None, "Ono", MOFA + ": 大野 ONO"),
    ("かとう", None, "Kato", MOFA + ": 加藤 KATO"),
    ("こうの", None, "Kono", MOFA + ": 河野 KONO"),
    ("いとう", None, "Ito", MOFA + ": long o not written"),
    ("おおた", None, "Ota", MOFA + ": 太田 OTA"),
    ("おおたに", None, "Otani", MOFA + ": 大谷 OTANI"),
    ("さいとう", None, "Saito", MOFA + ": 斎藤 SAITO"),
    ("ようこ", None, "Yoko", MOFA + ": 陽子 YOKO"),
    ("ゆうか", None, "Yuka", MOFA + ": 優香 YUKA"),
    ("ゆうき", None, "Yuki", MOFA + ": ゆうき YUKI"),
    ("しゅうじ", None, "Shuji", MOFA + ": しゅうじ SHUJI"),
    ("しょういち", None, "Shoichi", MOFA + ": 翔一 SHOICHI"),
    ("りょうたろう", None, "Ryotaro", MOFA + ": 亮太朗 RYOTARO"),
    ("せのお", None, "Senoo", MOFA + ": 妹尾 SENOO, final お written"),
    ("たかとお", None, "Takatoo", MOFA + ": 高遠 TAKATOO, final お written"),
    ("ニーナ", None, "Nina", MOFA + ": ニーナ NINA, ー omitted"),
    ("サリー", None, "Sari", MOFA + ": サリー SARI, ー omitted"),
    ("まつうら", [2], "Matsuura", MOFA + ": 松浦 MATSUURA (not a long vowel)"),
    ("こうちわ", [1], "Kouchiwa", MOFA + ": 小団扇 KOUCHIWA (not a long vowel)"),
    ("かんだ", None, "Kanda", MOFA + ": 神田 KANDA"),
    ("しんや", None, "Shinya", MOFA + ": 信也 SHINYA, no apostrophe"),
    ("じゅんいちろう", None, "Junichiro", MOFA + ": no apostrophe, long o omitted"),
    ("なんば", None, "Namba", MOFA + ": 難波 NAMBA, M before B"),
    ("ほんま", None, "Homma", MOFA + ": 本間 HOMMA, M before M"),
    ("さんぺい", None, "Sampei", MOFA + ": 三瓶 SAMPEI, M before P"),
    ("しんばし", None, "Shimbashi", MOFA + ": 新橋 SHIMBASHI"),
    ("はっとり", None, "Hattori", MOFA + ": 服部 HATTORI"),
    ("きっかわ", None, "Kikkawa", MOFA + ": 吉川 KIKKAWA"),
    ("てっぺい", None, "Teppei", MOFA + ": 哲平 TEPPEI"),
    ("ほっち", None, "Hotchi", MOFA + ": 発地 HOTCHI, T before CH"),
    ("はっちょう", None, "Hatcho", MOFA + ": 八丁 HATCHO"),
    ("とっとり", None, "Tottori", MOFA + ": 鳥取 TOTTORI"),
    ("ジェシカ", None, "Jieshika", MOFA + " (外国式氏名): ジェ JIE"),
    ("ティナ", None, "Teina", MOFA + " (外国式氏名): ティ TEI"),
    ("ファン", None, "Fuan", MOFA + " (外国式氏名): ファ FUA"),
    ("ヴィクトル", None, "Buikutoru", MOFA + " (外国式氏名): ヴィ BUI"),
]


@pytest.mark.parametrize(
    ("kana", "boundaries", "expected", "source"), PASSPORT, ids=[r[0] for r in PASSPORT]
)
def test_passport(kana: str, boundaries: list[int] | None, expected: str, source: str) -> None:
    assert passport(kana, boundaries=boundaries) == expected, source


@pytest.mark.parametrize(
    ("kana", "variants", "source"),
    [
        ("こうの", ["Kono", "Kohno"], MOFA + ": 河野 KONO/KOHNO"),
        ("おおの", ["Ono", "Ohno"], MOFA + ": 大野 ONO/OHNO"),
        ("かとう", ["Kato", "Katoh"], MOFA + ": 加藤 KATO/KATOH"),
        ("たなか", ["Tanaka"], MOFA + ": no long o, no OH form"),
    ],
)
def test_passport_oh_variants(kana: str, variants: list[str], source: str) -> None:
    assert passport_variants(kana) == variants, source


def test_passport_upper_case() -> None:
    # Passports print the name in capitals (MOFA examples: KATO, NAMBA).
    assert passport("かとう", upper=True) == "KATO"


def test_kanji_is_refused() -> None:
    with pytest.raises(NotKana) as err:
        hepburn("東京")
    assert isinstance(err.value, GlossaryError)
    assert "kana" in str(err.value)


def test_latin_and_digits_pass_through() -> None:
    assert hepburn("G7 さみっと") == "G7 samitto"

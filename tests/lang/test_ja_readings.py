"""Reading suggestions for real Japanese persons, places and terms with published readings.

Every row names where its reading is published. Persons are read family name first
with one space. The accuracy tests at the bottom hold the targets of the module
(top-1 and top-3 rates); the per-row tests check the right reading is among the
top three suggestions.
"""

from __future__ import annotations

import pytest

from glossary.lang.ja import jmnedict
from glossary.lang.ja.readings import Reading, person_splits, suggest_readings

KANTEI = "首相官邸 歴代内閣 (kantei.go.jp), reading in the Japanese Wikipedia article's lead"
WIKI = "Japanese Wikipedia article, reading in the lead"
NIDS = "NIDS (防衛研究所) researcher list: MASUDA Masayuki / 増田雅之"
BOJ = "Bank of Japan profile / Japanese Wikipedia lead"

PERSONS: list[tuple[str, str, str]] = [
    # prime ministers
    ("岸田文雄", "きしだ ふみお", KANTEI),
    ("安倍晋三", "あべ しんぞう", KANTEI),
    ("菅義偉", "すが よしひで", KANTEI),
    ("石破茂", "いしば しげる", KANTEI),
    ("高市早苗", "たかいち さなえ", KANTEI),
    ("野田佳彦", "のだ よしひこ", KANTEI),
    ("小泉純一郎", "こいずみ じゅんいちろう", KANTEI),
    ("麻生太郎", "あそう たろう", KANTEI),
    ("鳩山由紀夫", "はとやま ゆきお", KANTEI),
    ("福田康夫", "ふくだ やすお", KANTEI),
    ("森喜朗", "もり よしろう", KANTEI),
    ("村山富市", "むらやま とみいち", KANTEI),
    ("細川護熙", "ほそかわ もりひろ", KANTEI),
    ("橋本龍太郎", "はしもと りゅうたろう", KANTEI),
    ("中曽根康弘", "なかそね やすひろ", KANTEI),
    ("田中角栄", "たなか かくえい", KANTEI),
    ("佐藤栄作", "さとう えいさく", KANTEI),
    ("吉田茂", "よしだ しげる", KANTEI),
    ("小渕恵三", "おぶち けいぞう", KANTEI),
    ("海部俊樹", "かいふ としき", KANTEI),
    ("宮沢喜一", "みやざわ きいち", KANTEI),
    ("竹下登", "たけした のぼる", KANTEI),
    ("大平正芳", "おおひら まさよし", KANTEI),
    ("三木武夫", "みき たけお", KANTEI),
    ("池田勇人", "いけだ はやと", KANTEI),
    ("岸信介", "きし のぶすけ", KANTEI),
    ("菅直人", "かん なおと", KANTEI),
    ("羽田孜", "はた つとむ", KANTEI),
    ("宇野宗佑", "うの そうすけ", KANTEI),
    ("鈴木善幸", "すずき ぜんこう", KANTEI),
    ("福田赳夫", "ふくだ たけお", KANTEI),
    ("石橋湛山", "いしばし たんざん", KANTEI),
    ("鳩山一郎", "はとやま いちろう", KANTEI),
    ("伊藤博文", "いとう ひろぶみ", KANTEI),
    ("東条英機", "とうじょう ひでき", KANTEI),
    ("近衛文麿", "このえ ふみまろ", KANTEI),
    ("原敬", "はら たかし", KANTEI),
    # other politicians
    ("小池百合子", "こいけ ゆりこ", WIKI),
    ("河野太郎", "こうの たろう", WIKI),
    ("茂木敏充", "もてぎ としみつ", WIKI),
    ("林芳正", "はやし よしまさ", WIKI),
    ("上川陽子", "かみかわ ようこ", WIKI),
    ("小泉進次郎", "こいずみ しんじろう", WIKI),
    ("枝野幸男", "えだの ゆきお", WIKI),
    ("玉木雄一郎", "たまき ゆういちろう", WIKI),
    ("岡田克也", "おかだ かつや", WIKI),
    ("加藤勝信", "かとう かつのぶ", WIKI),
    ("二階俊博", "にかい としひろ", WIKI),
    ("山口那津男", "やまぐち なつお", WIKI),
    ("野田聖子", "のだ せいこ", WIKI),
    ("小沢一郎", "おざわ いちろう", WIKI),
    ("石原慎太郎", "いしはら しんたろう", WIKI),
    # central bankers, researchers
    ("黒田東彦", "くろだ はるひこ", BOJ),
    ("植田和男", "うえだ かずお", BOJ),
    ("増田雅之", "ますだ まさゆき", NIDS),
    # people on banknotes, laureates, artists, athletes, historical figures
    ("福沢諭吉", "ふくざわ ゆきち", "Bank of Japan banknote portraits / " + WIKI),
    ("樋口一葉", "ひぐち いちよう", "Bank of Japan banknote portraits / " + WIKI),
    ("野口英世", "のぐち ひでよ", "Bank of Japan banknote portraits / " + WIKI),
    ("渋沢栄一", "しぶさわ えいいち", "Bank of Japan banknote portraits / " + WIKI),
    ("津田梅子", "つだ うめこ", "Bank of Japan banknote portraits / " + WIKI),
    ("北里柴三郎", "きたさと しばさぶろう", "Bank of Japan banknote portraits / " + WIKI),
    ("湯川秀樹", "ゆかわ ひでき", "Nobel Prize biography / " + WIKI),
    ("川端康成", "かわばた やすなり", "Nobel Prize biography / " + WIKI),
    ("大江健三郎", "おおえ けんざぶろう", "Nobel Prize biography / " + WIKI),
    ("山中伸弥", "やまなか しんや", "Nobel Prize biography / " + WIKI),
    ("村上春樹", "むらかみ はるき", WIKI),
    ("宮崎駿", "みやざき はやお", WIKI),
    ("黒澤明", "くろさわ あきら", WIKI),
    ("夏目漱石", "なつめ そうせき", WIKI),
    ("芥川龍之介", "あくたがわ りゅうのすけ", WIKI),
    ("大谷翔平", "おおたに しょうへい", "MLB / NPB player profile / " + WIKI),
    ("羽生結弦", "はにゅう ゆづる", "ISU biography / " + WIKI),
    ("坂本龍馬", "さかもと りょうま", WIKI),
    ("織田信長", "おだ のぶなが", WIKI),
    ("豊臣秀吉", "とよとみ ひでよし", WIKI),
    ("徳川家康", "とくがわ いえやす", WIKI),
]

MIC = "総務省 全国地方公共団体コード (都道府県名 with kana)"
CITY = "city's official site / Japanese Wikipedia article, reading in the lead"

PREFECTURES: list[tuple[str, str, str]] = [
    ("北海道", "ほっかいどう", MIC),
    ("青森県", "あおもりけん", MIC),
    ("岩手県", "いわてけん", MIC),
    ("宮城県", "みやぎけん", MIC),
    ("秋田県", "あきたけん", MIC),
    ("山形県", "やまがたけん", MIC),
    ("福島県", "ふくしまけん", MIC),
    ("茨城県", "いばらきけん", MIC),
    ("栃木県", "とちぎけん", MIC),
    ("群馬県", "ぐんまけん", MIC),
    ("埼玉県", "さいたまけん", MIC),
    ("千葉県", "ちばけん", MIC),
    ("東京都", "とうきょうと", MIC),
    ("神奈川県", "かながわけん", MIC),
    ("新潟県", "にいがたけん", MIC),
    ("富山県", "とやまけん", MIC),
    ("石川県", "いしかわけん", MIC),
    ("福井県", "ふくいけん", MIC),
    ("山梨県", "やまなしけん", MIC),
    ("長野県", "ながのけん", MIC),
    ("岐阜県", "ぎふけん", MIC),
    ("静岡県", "しずおかけん", MIC),
    ("愛知県", "あいちけん", MIC),
    ("三重県", "みえけん", MIC),
    ("滋賀県", "しがけん", MIC),
    ("京都府", "きょうとふ", MIC),
    ("大阪府", "おおさかふ", MIC),
    ("兵庫県", "ひょうごけん", MIC),
    ("奈良県", "ならけん", MIC),
    ("和歌山県", "わかやまけん", MIC),
    ("鳥取県", "とっとりけん", MIC),
    ("島根県", "しまねけん", MIC),
    ("岡山県", "おかやまけん", MIC),
    ("広島県", "ひろしまけん", MIC),
    ("山口県", "やまぐちけん", MIC),
    ("徳島県", "とくしまけん", MIC),
    ("香川県", "かがわけん", MIC),
    ("愛媛県", "えひめけん", MIC),
    ("高知県", "こうちけん", MIC),
    ("福岡県", "ふくおかけん", MIC),
    ("佐賀県", "さがけん", MIC),
    ("長崎県", "ながさきけん", MIC),
    ("熊本県", "くまもとけん", MIC),
    ("大分県", "おおいたけん", MIC),
    ("宮崎県", "みやざきけん", MIC),
    ("鹿児島県", "かごしまけん", MIC),
    ("沖縄県", "おきなわけん", MIC),
]

CITIES: list[tuple[str, str, str]] = [
    ("東京", "とうきょう", CITY),
    ("京都", "きょうと", CITY),
    ("大阪", "おおさか", CITY),
    ("横浜", "よこはま", CITY),
    ("名古屋", "なごや", CITY),
    ("神戸", "こうべ", CITY),
    ("福岡", "ふくおか", CITY),
    ("札幌", "さっぽろ", CITY),
    ("仙台", "せんだい", CITY),
    ("広島", "ひろしま", CITY),
    ("長崎", "ながさき", CITY),
    ("宇部", "うべ", CITY),
    ("下関", "しものせき", CITY),
    ("難波", "なんば", "Osaka Metro / Nankai Namba station (難波 なんば)"),
    ("奈良", "なら", CITY),
    ("川崎", "かわさき", CITY),
    ("千葉", "ちば", CITY),
    ("北九州", "きたきゅうしゅう", CITY),
    ("新潟", "にいがた", CITY),
    ("浜松", "はままつ", CITY),
    ("熊本", "くまもと", CITY),
    ("相模原", "さがみはら", CITY),
    ("岡山", "おかやま", CITY),
    ("静岡", "しずおか", CITY),
    ("那覇", "なは", CITY),
    ("金沢", "かなざわ", CITY),
    ("新宿", "しんじゅく", CITY),
    ("渋谷", "しぶや", CITY),
    ("池袋", "いけぶくろ", "JR East station name / " + WIKI),
    ("秋葉原", "あきはばら", "JR East station name / " + WIKI),
    ("品川", "しながわ", CITY),
    ("永田町", "ながたちょう", WIKI),
    ("横須賀", "よこすか", CITY),
    ("佐世保", "させぼ", CITY),
    ("岩国", "いわくに", CITY),
    ("嘉手納", "かでな", CITY),
    ("普天間", "ふてんま", WIKI),
    ("辺野古", "へのこ", WIKI),
    ("尖閣諸島", "せんかくしょとう", "内閣官房 領土・主権対策企画調整室 / " + WIKI),
    ("竹島", "たけしま", "内閣官房 領土・主権対策企画調整室 / " + WIKI),
    ("択捉島", "えとろふとう", "国土地理院 地名 / " + WIKI),
    ("国後島", "くなしりとう", "国土地理院 地名 / " + WIKI),
    ("九州", "きゅうしゅう", WIKI),
    ("四国", "しこく", WIKI),
    ("本州", "ほんしゅう", WIKI),
    ("関西", "かんさい", WIKI),
    ("東北", "とうほく", WIKI),
]

PLACES = PREFECTURES + CITIES

MINISTRY = "the body's own site (name with reading) / Japanese Wikipedia lead"

TERMS: list[tuple[str, str, str]] = [
    (
        "長生炭鉱",
        "ちょうせいたんこう",
        "宇部市 / 長生炭鉱の水非常を歴史に刻む会; Japanese Wikipedia",
    ),
    ("防衛研究所", "ぼうえいけんきゅうしょ", MINISTRY),
    ("外務省", "がいむしょう", MINISTRY),
    ("防衛省", "ぼうえいしょう", MINISTRY),
    ("首相官邸", "しゅしょうかんてい", MINISTRY),
    ("財務省", "ざいむしょう", MINISTRY),
    ("総務省", "そうむしょう", MINISTRY),
    ("法務省", "ほうむしょう", MINISTRY),
    ("文部科学省", "もんぶかがくしょう", MINISTRY),
    ("厚生労働省", "こうせいろうどうしょう", MINISTRY),
    ("農林水産省", "のうりんすいさんしょう", MINISTRY),
    ("経済産業省", "けいざいさんぎょうしょう", MINISTRY),
    ("国土交通省", "こくどこうつうしょう", MINISTRY),
    ("環境省", "かんきょうしょう", MINISTRY),
    ("内閣府", "ないかくふ", MINISTRY),
    ("警察庁", "けいさつちょう", MINISTRY),
    ("復興庁", "ふっこうちょう", MINISTRY),
    ("自衛隊", "じえいたい", MINISTRY),
    ("衆議院", "しゅうぎいん", MINISTRY),
    ("参議院", "さんぎいん", MINISTRY),
    ("国会", "こっかい", MINISTRY),
    ("自由民主党", "じゆうみんしゅとう", MINISTRY),
    ("立憲民主党", "りっけんみんしゅとう", MINISTRY),
    ("公明党", "こうめいとう", MINISTRY),
    ("日本銀行", "にっぽんぎんこう", "Bank of Japan FAQ: 正式な読みは「にっぽんぎんこう」"),
    ("最高裁判所", "さいこうさいばんしょ", MINISTRY),
]


JMDICT = "JMdict (EDRDG), the word's first reading with a frequency mark"

# Common words whose dictionary reading the analyses alone got wrong (issue 21): the
# reading must come first, not just in the top three.
COMMON_WORDS: list[tuple[str, str, str]] = [
    ("明日", "あした", JMDICT + " (あした ichi1; あす, みょうにち after it)"),
    ("お母さん", "おかあさん", JMDICT + " (おかあさん ichi1, news1)"),
    ("国", "くに", JMDICT + " (くに ichi1, news1, nf01)"),
    ("私", "わたし", JMDICT + " (わたし ichi1, news1, nf01; わたくし ichi2)"),
    ("今日", "きょう", JMDICT + " (きょう ichi1, listed before こんにち)"),
    ("一人", "ひとり", JMDICT + " (ひとり ichi1, news1)"),
    ("大人", "おとな", JMDICT + " (おとな ichi1, news1)"),
    ("思う", "おもう", JMDICT + " (おもう ichi1, news1)"),
]


def _kanas(text: str, kind: str | None) -> list[str]:
    return [r.kana for r in suggest_readings(text, kind=kind, limit=5)]


# Readings that UniDic and pykakasi do not know; only JMnedict has them.
NEEDS_JMNEDICT = {"羽生結弦": "結弦 ゆづる is in JMnedict only"}


def _rows(rows: list[tuple[str, str, str]]) -> list[object]:
    return [pytest.param(*row, id=row[0]) for row in rows]


def test_jmnedict_is_installed() -> None:
    """The test environment has every reading source (the ja extra installs jamdict-data)."""
    assert jmnedict.available(), "install the ja extra: pip install -e '.[ja]'"
    for text, why in NEEDS_JMNEDICT.items():
        assert text in dict((r[0], r[1]) for r in PERSONS), why


@pytest.mark.parametrize(("text", "reading", "source"), _rows(PERSONS))
def test_person_reading_in_top3(text: str, reading: str, source: str) -> None:
    assert reading in _kanas(text, "person")[:3], source


@pytest.mark.parametrize(("text", "reading", "source"), _rows(PLACES))
def test_place_reading_in_top3(text: str, reading: str, source: str) -> None:
    assert reading in _kanas(text, "place")[:3], source


@pytest.mark.parametrize(("text", "reading", "source"), _rows(TERMS))
def test_term_reading_in_top3(text: str, reading: str, source: str) -> None:
    assert reading in _kanas(text, None)[:3], source


@pytest.mark.parametrize(("text", "reading", "source"), _rows(COMMON_WORDS))
def test_common_word_reads_as_the_dictionary_does(text: str, reading: str, source: str) -> None:
    top = suggest_readings(text)[0]
    assert top.kana == reading, source
    assert "jmdict" in top.source.split("+")


def test_dictionary_readings_are_for_terms_only() -> None:
    # Places and persons keep their name readings: JMdict's common words do not apply
    assert "jmdict" not in suggest_readings("東京", kind="place")[0].source
    assert "jmdict" not in suggest_readings("石破茂", kind="person")[0].source


@pytest.mark.usefixtures("without_jmnedict")
def test_common_words_without_the_dictionary_still_read() -> None:
    assert suggest_readings("国")  # UniDic and pykakasi still answer
    assert jmnedict.common_readings("国") == []


def test_kana_words_of_jmdict() -> None:
    # loanwords in katakana are words of JMdict; a foreign family name is not
    assert jmnedict.kana_word("レガシー") and jmnedict.kana_word("スマホ")
    assert not jmnedict.kana_word("ゼレンスキー")


@pytest.mark.usefixtures("without_jmnedict")
def test_kana_words_without_the_dictionary() -> None:
    assert not jmnedict.kana_word("レガシー")


def accuracy(rows: list[tuple[str, str, str]], kind: str | None) -> tuple[float, float]:
    """(top-1 rate, top-3 rate) of the suggestions over ``rows``."""
    top1 = top3 = 0
    for text, reading, _ in rows:
        kanas = _kanas(text, kind)
        top1 += bool(kanas) and kanas[0] == reading
        top3 += reading in kanas[:3]
    return top1 / len(rows), top3 / len(rows)


# Targets with every source installed; without JMnedict (an installation may leave out
# jamdict-data) the measured rates are lower and the floors below are what UniDic +
# pykakasi give, measured by test_accuracy_without_jmnedict.
FULL = {"person": (0.90, 0.97), "place": (0.95, 0.97), None: (0.90, 0.97)}
NO_JMNEDICT = {"person": (0.80, 0.95), "place": (0.95, 0.97), None: (0.85, 0.95)}


@pytest.mark.parametrize(
    ("rows", "kind"), [(PERSONS, "person"), (PLACES, "place"), (TERMS, None)], ids=str
)
def test_accuracy_targets(rows: list[tuple[str, str, str]], kind: str | None) -> None:
    assert jmnedict.available()
    top1, top3 = accuracy(rows, kind)
    want1, want3 = FULL[kind]
    assert top1 >= want1, f"top-1 {top1:.3f} < {want1}"
    assert top3 >= want3, f"top-3 {top3:.3f} < {want3}"


@pytest.fixture
def without_jmnedict() -> object:
    saved = jmnedict.database_path()
    jmnedict.use_database(None)
    yield None
    jmnedict.use_database(saved)


@pytest.mark.usefixtures("without_jmnedict")
@pytest.mark.parametrize(("rows", "kind"), [(PERSONS, "person"), (PLACES, "place")], ids=str)
def test_accuracy_without_jmnedict(rows: list[tuple[str, str, str]], kind: str) -> None:
    assert not jmnedict.available()
    top1, top3 = accuracy(rows, kind)
    want1, want3 = NO_JMNEDICT[kind]
    assert top1 >= want1, f"top-1 {top1:.3f} < {want1}"
    assert top3 >= want3, f"top-3 {top3:.3f} < {want3}"


def test_scores_add_up_and_rank() -> None:
    rows = suggest_readings("石破茂", kind="person")
    assert rows[0].kana == "いしば しげる"
    assert abs(sum(r.score for r in suggest_readings("石破茂", kind="person", limit=50)) - 1) < 0.01
    assert [r.score for r in rows] == sorted((r.score for r in rows), reverse=True)


def test_kana_input_is_its_own_reading() -> None:
    assert suggest_readings("タカイチ サナエ") == [
        Reading(kana="たかいち さなえ", score=1.0, source="kana")
    ]


def test_empty_text_has_no_reading() -> None:
    assert suggest_readings("  ") == []


def test_inoue_boundary_from_unidic_pronunciation() -> None:
    # UniDic: 井上 kana イノウエ, pron イノウエ (no ー): the う starts a new morpheme.
    top = suggest_readings("井上", kind="person")[0]
    assert top.kana == "いのうえ"
    assert 2 in top.boundaries


@pytest.mark.parametrize(
    ("text", "boundary"),
    [
        ("思う", 2),  # おもう: Wikipedia 'Hepburn romanization', 思う omou (verb ending)
        ("追う", 1),  # おう: the same rule, the う is the verb's ending
        ("吸う", 1),  # すう: the same rule for u + u
    ],
)
def test_verb_ending_u_is_a_morpheme(text: str, boundary: int) -> None:
    assert boundary in suggest_readings(text)[0].boundaries


def test_long_o_within_a_morpheme_stays_long() -> None:
    # 王 おう: UniDic pron オー; one morpheme, so Hepburn ō
    top = suggest_readings("王")[0]
    assert top.kana == "おう" and top.boundaries == []


def test_tokyo_has_no_boundary_inside_long_vowels() -> None:
    # UniDic: 東京 pron トーキョー: both おう are long.
    top = suggest_readings("東京", kind="place")[0]
    assert top.kana == "とうきょう"
    assert top.boundaries == []


@pytest.mark.parametrize(
    ("text", "layout"),
    [
        ("奈良県", "なら-けん"),  # ALA-LC: administrative suffix hyphenated (Nara-ken)
        ("長生炭鉱", "ちょうせい たんこう"),  # brief: Chōsei tankō
        ("外務省", "がいむしょう"),  # one-kanji suffix stays joined (Gaimushō)
        ("首相官邸", "しゅしょう かんてい"),
    ],
)
def test_word_layout(text: str, layout: str) -> None:
    top = suggest_readings(text, kind="place" if text.endswith("県") else None)[0]
    assert top.layout()[0] == layout


def test_person_reading_records_split() -> None:
    top = suggest_readings("小泉純一郎", kind="person")[0]
    assert top.kana == "こいずみ じゅんいちろう"
    assert top.split == 2


def test_person_splits_space_is_certain() -> None:
    assert person_splits("石破 茂") == [(2, 0.99)]

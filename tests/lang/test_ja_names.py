"""Splitting Japanese person names into family and given name, with readings.

Every row's split and reading is the one published for that person (Prime Minister's
Office list of cabinets, the person's Japanese Wikipedia article, NIDS's staff list).
"""

from __future__ import annotations

import pytest

from glossary.lang.ja import jmnedict
from glossary.lang.ja.names import NameSplit, split_person_name

KANTEI = "首相官邸 歴代内閣 / Japanese Wikipedia lead (family, given and reading)"
WIKI = "Japanese Wikipedia article lead (family, given and reading)"

# (name, family, given, family reading, given reading, source)
ROWS: list[tuple[str, str, str, str, str, str]] = [
    ("高市早苗", "高市", "早苗", "たかいち", "さなえ", KANTEI),
    ("石破茂", "石破", "茂", "いしば", "しげる", KANTEI),
    ("岸田文雄", "岸田", "文雄", "きしだ", "ふみお", KANTEI),
    ("菅義偉", "菅", "義偉", "すが", "よしひで", KANTEI),
    ("森喜朗", "森", "喜朗", "もり", "よしろう", KANTEI),
    ("岸信介", "岸", "信介", "きし", "のぶすけ", KANTEI),
    ("小泉純一郎", "小泉", "純一郎", "こいずみ", "じゅんいちろう", KANTEI),
    ("中曽根康弘", "中曽根", "康弘", "なかそね", "やすひろ", KANTEI),
    ("橋本龍太郎", "橋本", "龍太郎", "はしもと", "りゅうたろう", KANTEI),
    ("細川護熙", "細川", "護熙", "ほそかわ", "もりひろ", KANTEI),
    ("原敬", "原", "敬", "はら", "たかし", KANTEI),
    ("林芳正", "林", "芳正", "はやし", "よしまさ", WIKI),
    ("小池百合子", "小池", "百合子", "こいけ", "ゆりこ", WIKI),
    ("茂木敏充", "茂木", "敏充", "もてぎ", "としみつ", WIKI),
    ("北里柴三郎", "北里", "柴三郎", "きたさと", "しばさぶろう", WIKI),
    ("芥川龍之介", "芥川", "龍之介", "あくたがわ", "りゅうのすけ", WIKI),
    ("増田雅之", "増田", "雅之", "ますだ", "まさゆき", "NIDS staff list: MASUDA Masayuki"),
]


@pytest.mark.parametrize(
    ("name", "family", "given", "family_reading", "given_reading", "source"),
    ROWS,
    ids=[r[0] for r in ROWS],
)
def test_split_with_published_reading(
    name: str, family: str, given: str, family_reading: str, given_reading: str, source: str
) -> None:
    # With the curated reading (spaced or not) the split must be right.
    for reading in (f"{family_reading} {given_reading}", family_reading + given_reading):
        got = split_person_name(name, reading)
        assert (got.family, got.given) == (family, given), source
        assert (got.family_reading, got.given_reading) == (family_reading, given_reading)


@pytest.mark.parametrize(
    ("name", "family", "given", "family_reading", "given_reading", "source"),
    ROWS,
    ids=[r[0] for r in ROWS],
)
def test_split_without_reading(
    name: str, family: str, given: str, family_reading: str, given_reading: str, source: str
) -> None:
    got = split_person_name(name)
    assert (got.family, got.given) == (family, given), source
    assert 0 < got.confidence <= 1


def test_split_readings_without_reading_given() -> None:
    got = split_person_name("高市早苗")
    assert got == NameSplit("高市", "早苗", "たかいち", "さなえ", got.confidence)
    assert got.confidence > 0.8


@pytest.mark.parametrize(
    ("name", "family", "given", "source"),
    [
        ("ドナルド・トランプ", "トランプ", "ドナルド", "Western order given・family (NHK style)"),
        ("ジョン・F・ケネディ", "ケネディ", "ジョン・F", "Western order, middle initial kept"),
    ],
)
def test_katakana_western_names(name: str, family: str, given: str, source: str) -> None:
    got = split_person_name(name)
    assert (got.family, got.given, got.western_order) == (family, given, True), source


def test_space_in_name_is_trusted() -> None:
    got = split_person_name("石破 茂")
    assert (got.family, got.given, got.confidence) == ("石破", "茂", 0.99)
    assert got.family_reading == "いしば"


def test_kana_name_with_space() -> None:
    got = split_person_name("たかいち さなえ")
    assert (got.family, got.given, got.family_reading) == ("たかいち", "さなえ", "たかいち")


def test_single_kanji_is_a_family_name() -> None:
    got = split_person_name("菅")
    assert (got.family, got.given) == ("菅", "")


def test_empty_name() -> None:
    assert split_person_name(" ").confidence == 0.0


@pytest.fixture
def without_jmnedict() -> object:
    saved = jmnedict.database_path()
    jmnedict.use_database(None)
    yield None
    jmnedict.use_database(saved)


@pytest.mark.usefixtures("without_jmnedict")
def test_split_works_without_jmnedict() -> None:
    right = sum(
        (split_person_name(name).family, split_person_name(name).given) == (family, given)
        for name, family, given, *_ in ROWS
    )
    assert right / len(ROWS) >= 0.9

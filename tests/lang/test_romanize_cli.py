"""``glossary romanize``: the contract's JSON object for Korean and Japanese text."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from glossary.cli import cli

CONTRACT_KEYS = {
    "input",
    "lang",
    "kind",
    "reading",
    "strict",
    "plain",
    "transliteration",
    "family",
    "given",
    "alternatives",
}


def run(*args: str) -> list[dict]:  # type: ignore[type-arg]
    result = CliRunner().invoke(cli, ["romanize", "--json", *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_korean_person() -> None:
    (obj,) = run("--kind", "person", "이재명")
    assert set(obj) >= CONTRACT_KEYS
    # RR 2000, ch.3 art.4: family name first, a space, given name as one word
    assert obj["strict"] == "I Jaemyeong"
    assert obj["transliteration"] == "ijaemyeong"
    assert (obj["family"], obj["given"]) == ("이", "재명")
    assert obj["plain"] == "Lee Jae-myung" and obj["plain_is_suggestion"] is True


def test_korean_place_and_several_texts() -> None:
    place, term = run("--kind", "place", "경상북도", "독립문")
    assert place["strict"] == "Gyeongsangbuk-do"  # RR ch.3 art.5: hyphen before 도
    assert term["strict"] == "Dongnimmun"  # RR ch.3 art.1: nasal assimilation


def test_korean_places_issue_21() -> None:
    miasageori, myeongdong, road, jongno = run(
        "--kind", "place", "미아사거리", "명동", "성남대로2번길", "종로2가"
    )
    assert miasageori["strict"] == "Miasageori"  # Seoul Metro sign: 사거리 is a word
    assert myeongdong["strict"] == "Myeong-dong"  # Seoul Metro sign; RR ch.3 art.5
    assert road["strict"] == "Seongnam-daero 2beon-gil"  # MOIS road-name rules
    assert jongno["strict"] == "Jongno 2(i)-ga"  # RR ch.3 art.5 example
    assert "Jongno 2-ga" in jongno["alternatives"]  # the address form


def test_korean_road_form_and_palatalisation_in_text_output() -> None:
    result = CliRunner().invoke(cli, ["romanize", "--kind", "place", "종로"])
    assert result.exit_code == 0, result.output
    assert "strict: Jongno" in result.output and "alternatives: Jong-ro" in result.output
    (obj,) = run("곧이어")
    assert obj["strict"] == "godieo"  # SP 제17항: no palatalisation before the verb 이어


def test_japanese_verb_ending_and_common_word_readings() -> None:
    omou, ashita = run("思う", "明日")
    assert omou["reading"] == "おもう" and omou["strict"] == "Omou"  # not Omō
    assert omou["passport"] == "Omou"
    assert ashita["reading"] == "あした" and ashita["strict"] == "Ashita"  # JMdict


def test_japanese_person_with_suggested_reading() -> None:
    (obj,) = run("--kind", "person", "高市早苗")
    assert set(obj) >= CONTRACT_KEYS
    assert obj["lang"] == "ja" and obj["reading"] == "たかいち さなえ"
    assert obj["strict"] == "Takaichi Sanae" and (obj["family"], obj["given"]) == ("高市", "早苗")
    assert obj["alternatives"]  # other readings, ranked


def test_japanese_curated_reading_wins() -> None:
    (obj,) = run("--reading", "ちょうせいたんこう", "長生炭鉱")
    assert obj["reading"] == "ちょうせいたんこう" and obj["reading_source"] == "curated"
    assert obj["strict"] == "Chōsei tankō" and obj["plain"] == "Chosei tanko"


def test_kana_text_is_romanized_as_its_reading() -> None:
    (obj,) = run("じゅんいちろう")
    assert obj["strict"] == "Jun'ichirō" and obj["plain"] == "Junichiro"  # Hepburn n'


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["Takaichi"], "not Korean or Japanese"),
        (["--reading", "なら", "나라"], "--reading"),
        (["--lang", "fr", "x"], "'ko', 'ja'"),
    ],
)
def test_bad_input_exits_2(args: list[str], message: str) -> None:
    result = CliRunner().invoke(cli, ["romanize", *args])
    assert result.exit_code == 2 and message in result.output

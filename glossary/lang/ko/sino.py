"""Read a kanji or hanja term the Korean way (防衛研究所 → 방위연구소), as a suggestion.

Each character gets its Sino-Korean reading (한자음) from ``data/hanja_readings.tsv``
(generated from the Unicode Unihan database, see :mod:`glossary.lang.ko.make_hanja_table`)
with the corrections of ``data/hanja_overrides.tsv``. Japanese shinjitai (県 国 研 広
沢 関 学 会 駅 …) read like the characters they replaced. Then the spelling rules
of Hangul orthography (한글 맞춤법, 1988) are applied:

* initial-sound rule (두음 법칙, art. 10–12) at the start of a word: 녀 뇨 뉴 니 → 여 요
  유 이, 랴 려 례 료 류 리 → 야 여 예 요 유 이, 라 래 로 뢰 루 르 → 나 내 노 뇌 누 느
  (女性 여성, 歴史 역사, 老人 노인, 立憲 입헌);
* 렬 률 after a vowel or ㄴ are written 열 율 (art. 11 붙임 1: 比率 비율, 羅列 나열,
  百分率 백분율, but 確率 확률);
* 不 is read 부 before ㄷ and ㅈ (不足 부족, 不動産 부동산, but 不安 불안).

This is the reading of the characters only: a Japanese name such as 奈良 is
transcribed (나라) in Korean, not read (나량), and many characters have several
readings chosen by the word (金 금, but 김 as a family name: pass ``kind="person"``).
The caller decides; a translator reviews.
"""

from __future__ import annotations

from functools import cache

from glossary.lang.ko.jamo import compose, decompose, is_syllable
from glossary.lang.ko.romanize import check_kind
from glossary.lang.ko.tables import read_rows
from glossary.lang.surnames import two_syllable_surnames

_Y_VOWELS = frozenset("ㅑㅕㅖㅛㅠㅣ")


@cache
def reading_table() -> dict[str, tuple[str, ...]]:
    """Map each Han character to its Sino-Korean readings, preferred first."""
    table = {row[0]: tuple(row[1].split()) for row in read_rows("hanja_readings.tsv", 2)}
    for row in read_rows("hanja_overrides.tsv", 2):
        table[row[0]] = tuple(row[1].split())
    return table


def sino_korean_readings(char: str) -> tuple[str, ...]:
    """All the Sino-Korean readings of one character (without the initial-sound rule)."""
    return reading_table().get(char, ())


def initial_sound_rule(reading: str) -> str:
    """Apply the initial-sound rule to a syllable at the start of a word (리 → 이, 로 → 노)."""
    initial, vowel, final = decompose(reading)
    if initial == "ㄹ":
        return compose("ㅇ" if vowel in _Y_VOWELS else "ㄴ", vowel, final)
    if initial == "ㄴ" and vowel in _Y_VOWELS:
        return compose("ㅇ", vowel, final)
    return reading


def _word_starts(text: str, kind: str | None) -> set[int]:
    """Positions where a word starts (the initial-sound rule applies there)."""
    starts = {
        i for i, ch in enumerate(text) if not ch.isspace() and (i == 0 or text[i - 1].isspace())
    }
    if kind == "person" and " " not in text.strip() and len(text) >= 2:
        family = 2 if len(text) >= 3 and _surname_reading(text[:2]) else 1
        if len(text) - family >= 2:  # a one-syllable given name keeps its ㄹ: 諸葛亮 제갈량
            starts.add(family)
    return starts


def _surname_reading(chars: str) -> bool:
    readings = [sino_korean_readings(ch)[:1] for ch in chars]
    if not all(readings):
        return False
    return "".join(initial_sound_rule(r[0]) for r in readings) in two_syllable_surnames()


def sino_korean_reading(kanji: str, *, kind: str | None = None) -> str | None:
    """Give the Sino-Korean reading of a kanji or hanja term, or None if a character is unknown.

    ``kind="person"`` reads a name: 金 as the family name is 김 (金正恩 → 김정은), and
    the initial-sound rule also applies at the start of a given name of two or more
    syllables; a one-syllable given name keeps its own sound (諸葛亮 제갈량, 申砬 신립:
    한글 맞춤법 제11항 붙임 2). Spaces and ASCII
    digits pass through. A SUGGESTION for review.
    """
    check_kind(kind)
    text = kanji.strip()
    if not text:
        return None
    out: list[str] = []
    for ch in text:
        if ch.isspace() or (ch.isascii() and ch.isdigit()):
            out.append(ch)
            continue
        readings = sino_korean_readings(ch)
        if not readings:
            return None
        out.append(readings[0])
    if kind == "person" and text[0] == "金":
        out[0] = "김"
    starts = _word_starts(text, kind)
    for i, reading in enumerate(out):
        if not is_syllable(reading):
            continue
        previous = out[i - 1] if i and is_syllable(out[i - 1]) else None
        following = out[i + 1] if i + 1 < len(out) and is_syllable(out[i + 1]) else None
        if i in starts:
            reading = initial_sound_rule(reading)
        elif reading in ("렬", "률") and previous and decompose(previous).final in ("", "ㄴ"):
            reading = "열" if reading == "렬" else "율"
        if text[i] == "不" and following and decompose(following).initial in ("ㄷ", "ㅈ"):
            reading = "부"
        out[i] = reading
    return "".join(out)

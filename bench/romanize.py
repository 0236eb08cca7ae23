"""Romanization speed: names per second for Korean and Japanese once loaded, and load time.

Korean: strict Revised Romanization of generated person names and place names.
Japanese: Hepburn, press form and Hangul from kana readings (the fast path once a
reading is known), and reading suggestion for kanji names (dictionary look-ups).

    python bench/romanize.py [--names 20000]
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable

SURNAMES = "김이박최정강조윤장임한오서신권황안송류홍전고문양손배백허남심노하곽성차주우구민"
SYLLABLES = "재명성락민호지원혜진영수동현석열근인준희철훈상우용종태기경혁은정아연서윤"
PLACES = [
    "경상북도",
    "종로구",
    "신라",
    "독립문",
    "왕십리",
    "대관령",
    "해돋이",
    "같이",
    "부산광역시",
    "의정부시",
    "한라산",
    "청와대",
    "국가안보실",
    "속리산",
    "백마",
    "학여울",
    "울릉도",
]
KANA_FAMILY = [
    "たかいち",
    "いしば",
    "きしだ",
    "すが",
    "あべ",
    "のだ",
    "あそう",
    "こうの",
    "もてぎ",
    "はやし",
    "かみかわ",
    "こいずみ",
    "ますだ",
    "いのうえ",
    "おおの",
    "さとう",
    "いとう",
]
KANA_GIVEN = [
    "さなえ",
    "しげる",
    "ふみお",
    "よしひで",
    "しんぞう",
    "じゅんいちろう",
    "たろう",
    "ようこ",
    "としみつ",
    "よしまさ",
    "しんじろう",
    "まさゆき",
    "けんいち",
    "ゆうこ",
]
KANJI_NAMES = [
    "高市早苗",
    "石破茂",
    "岸田文雄",
    "菅義偉",
    "安倍晋三",
    "野田佳彦",
    "麻生太郎",
    "河野太郎",
    "茂木敏充",
    "林芳正",
    "上川陽子",
    "小泉進次郎",
    "小池百合子",
]


def rate(label: str, fn: Callable[[str], object], items: list[str]) -> None:
    t0 = time.perf_counter()
    for item in items:
        fn(item)
    elapsed = time.perf_counter() - t0
    print(f"{label:<44} {len(items) / elapsed:>12,.0f} names/s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--names", type=int, default=20_000)
    args = ap.parse_args()
    rng = random.Random(3)

    t0 = time.perf_counter()
    from glossary.lang import ko

    ko.romanize("이재명", kind="person")
    ko_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    from glossary.lang import ja

    ja.hepburn("たかいち")
    ja.suggest_readings("高市早苗", kind="person")
    ja_load = time.perf_counter() - t0
    print(f"load time: Korean {ko_load:.2f} s, Japanese {ja_load:.2f} s (includes the first call)")

    persons = [
        rng.choice(SURNAMES) + rng.choice(SYLLABLES) + rng.choice(SYLLABLES)
        for _ in range(args.names)
    ]
    places = [rng.choice(PLACES) for _ in range(args.names)]
    rate("Korean persons, strict RR", lambda s: ko.romanize(s, kind="person"), persons)
    rate("Korean places and terms, strict RR", lambda s: ko.romanize(s, kind="place"), places)
    rate("Korean persons, transliteration", ko.transliterate, persons)
    rate(
        "Korean persons, press-spelling suggestions",
        ko.suggest_press_spellings,
        persons[: args.names // 10],
    )

    kana = [f"{rng.choice(KANA_FAMILY)} {rng.choice(KANA_GIVEN)}" for _ in range(args.names)]
    rate("Japanese from kana, Hepburn with macrons", ja.hepburn, kana)
    rate("Japanese from kana, press form", ja.plain, kana)
    rate("Japanese from kana, Hangul", ja.to_hangul, kana)
    kanji = [rng.choice(KANJI_NAMES) for _ in range(max(200, args.names // 100))]
    rate(
        "Japanese kanji persons, reading suggestions",
        lambda s: ja.suggest_readings(s, kind="person"),
        kanji,
    )


if __name__ == "__main__":
    main()

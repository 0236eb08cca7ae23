"""Suggest how the Japanese press writes a Korean name in katakana (이재명 → イ・ジェミョン).

Japanese newspapers and NHK give Korean names in katakana as they sound in Korean,
family and given name separated by ・. The output here is a SUGGESTION built by rule,
to be checked against the paper's own usage; names whose press form the rules miss
(윤석열 ユン・ソンニョル, with an ㄴ inserted in 석열; 박근혜 パク・クネ, with ㅎ dropped)
come from ``data/katakana_names.tsv``.

The rules, from the common practice of Japanese news copy:

* the word is pronounced first, with the Korean sound changes (liaison: 낙연 → 나견
  ナギョン; nasal assimilation; ㄴ ㄹ → ㄹㄹ): see :mod:`glossary.lang.ko.sound`;
* ㄱ ㄷ ㅂ ㅈ are unvoiced (カ タ パ チャ) at the start of a word and after ㄱ ㄷ ㅂ
  (where Korean tenses them: 박정희 パク・チョンヒ), voiced (ガ ダ バ ジャ) after a vowel or
  ㄴ ㄹ ㅁ ㅇ, also across the family/given boundary (이재명 イ・ジェミョン, 반기문
  パン・ギムン); ㅋ ㅌ ㅍ ㅊ ㄲ ㄸ ㅃ ㅉ are never voiced;
* finals: ㄱ ク, ㄴ ン, ㄹ ル, ㅁ ム, ㅂ プ, ㅇ ン, ㄷ ッ;
* vowels: ㅓ and ㅗ are both オ, ㅡ and ㅜ both ウ, ㅐ and ㅔ both エ; 계 혜 례 are ケ ヘ レ,
  희 is ヒ; 광 クァン, 권 クォン, 화 ファ, 회 フェ, 위 ウィ.
"""

from __future__ import annotations

from functools import cache

from glossary.lang.ko.jamo import is_syllable
from glossary.lang.ko.names import split_person_name
from glossary.lang.ko.romanize import check_kind
from glossary.lang.ko.sound import Pronounced, pronounce
from glossary.lang.ko.tables import read_rows

SEPARATOR = "・"

_ROW = {
    "ㄱ": "k", "ㄲ": "k", "ㅋ": "k", "ㄷ": "t", "ㄸ": "t", "ㅌ": "t",
    "ㅂ": "p", "ㅃ": "p", "ㅍ": "p", "ㅈ": "ch", "ㅉ": "ch", "ㅊ": "ch",
    "ㅅ": "s", "ㅆ": "s", "ㄴ": "n", "ㅁ": "m", "ㄹ": "r", "ㅎ": "h", "ㅇ": "",
}  # fmt: skip
_VOICED = {"ㄱ": "g", "ㄷ": "d", "ㅂ": "b", "ㅈ": "j"}
_VOWEL = {
    "ㅏ": "a", "ㅐ": "e", "ㅑ": "ya", "ㅒ": "ye", "ㅓ": "o", "ㅔ": "e", "ㅕ": "yo", "ㅖ": "ye",
    "ㅗ": "o", "ㅘ": "wa", "ㅙ": "we", "ㅚ": "we", "ㅛ": "yo", "ㅜ": "u", "ㅝ": "wo",
    "ㅞ": "we", "ㅟ": "wi", "ㅠ": "yu", "ㅡ": "u", "ㅢ": "ui", "ㅣ": "i",
}  # fmt: skip
# Katakana for each row and vowel a i u e o ya yu yo.
_KANA: dict[str, tuple[str, ...]] = {
    "": ("ア", "イ", "ウ", "エ", "オ", "ヤ", "ユ", "ヨ"),
    "k": ("カ", "キ", "ク", "ケ", "コ", "キャ", "キュ", "キョ"),
    "g": ("ガ", "ギ", "グ", "ゲ", "ゴ", "ギャ", "ギュ", "ギョ"),
    "s": ("サ", "シ", "ス", "セ", "ソ", "シャ", "シュ", "ショ"),
    "ch": ("チャ", "チ", "チュ", "チェ", "チョ", "チャ", "チュ", "チョ"),
    "j": ("ジャ", "ジ", "ジュ", "ジェ", "ジョ", "ジャ", "ジュ", "ジョ"),
    "t": ("タ", "ティ", "トゥ", "テ", "ト", "ティャ", "ティュ", "ティョ"),
    "d": ("ダ", "ディ", "ドゥ", "デ", "ド", "ディャ", "ディュ", "ディョ"),
    "n": ("ナ", "ニ", "ヌ", "ネ", "ノ", "ニャ", "ニュ", "ニョ"),
    "h": ("ハ", "ヒ", "フ", "ヘ", "ホ", "ヒャ", "ヒュ", "ヒョ"),
    "p": ("パ", "ピ", "プ", "ペ", "ポ", "ピャ", "ピュ", "ピョ"),
    "b": ("バ", "ビ", "ブ", "ベ", "ボ", "ビャ", "ビュ", "ビョ"),
    "m": ("マ", "ミ", "ム", "メ", "モ", "ミャ", "ミュ", "ミョ"),
    "r": ("ラ", "リ", "ル", "レ", "ロ", "リャ", "リュ", "リョ"),
}
_VOWEL_COLUMN = {"a": 0, "i": 1, "u": 2, "e": 3, "o": 4, "ya": 5, "yu": 6, "yo": 7}
_SMALL = {"a": "ァ", "o": "ォ", "e": "ェ", "i": "ィ"}
_FINAL = {
    "": "",
    "ㄱ": "ク",
    "ㄴ": "ン",
    "ㄷ": "ッ",
    "ㄹ": "ル",
    "ㅁ": "ム",
    "ㅂ": "プ",
    "ㅇ": "ン",
}
_OBSTRUENT_FINALS = frozenset("ㄱㄷㅂ")


@cache
def curated_names() -> dict[str, str]:
    """Korean names whose press katakana the rules do not give, from the data file."""
    return {row[0].replace(" ", ""): row[1] for row in read_rows("katakana_names.tsv", 2)}


def _onset_row(initial: str, voiced: bool) -> str:
    if voiced and initial in _VOICED:
        return _VOICED[initial]
    return _ROW[initial]


def _cv(row: str, vowel: str) -> str:
    """Katakana for a consonant row and a Korean vowel (in the romanized keys of _VOWEL)."""
    if row and vowel == "ye":
        vowel = "e"  # 계 ケ, 혜 ヘ, 례 レ
    if row and vowel == "ui":
        vowel = "i"  # 희 ヒ
    if vowel in _VOWEL_COLUMN:
        return _KANA[row][_VOWEL_COLUMN[vowel]]
    if not row:
        return {"ye": "イェ", "wa": "ワ", "wo": "ウォ", "we": "ウェ", "wi": "ウィ", "ui": "ウィ"}[
            vowel
        ]
    glide = vowel[1]  # wa wo we wi
    if glide == "e" and row not in ("k", "g", "h"):
        return _KANA[row][3]  # 최 チェ, 쇠 セ, 뇌 ネ
    return _KANA[row][2] + _SMALL[glide]  # 광 クァン, 권 クォン, 화 ファ, 회 フェ


def _syllables_kana(sounds: list[Pronounced], previous_final: str | None) -> str:
    """Katakana for pronounced syllables; ``previous_final`` is None at a word start."""
    out: list[str] = []
    before = previous_final
    for initial, vowel, final in sounds:
        voiced = before is not None and before not in _OBSTRUENT_FINALS
        out.append(_cv(_onset_row(initial, voiced), _VOWEL[vowel]) + _FINAL[final])
        before = final
    return "".join(out)


def _word_kana(word: str, previous_final: str | None = None) -> tuple[str, str | None]:
    """Katakana for one word of Hangul (other characters pass through), and its last final."""
    out: list[str] = []
    run = ""
    last = previous_final

    def flush() -> None:
        nonlocal run, last
        if run:
            sounds = pronounce(run)
            out.append(_syllables_kana(sounds, last))
            last = sounds[-1][2]
            run = ""

    for ch in word:
        if is_syllable(ch):
            run += ch
        else:
            flush()
            out.append(ch)
            last = None
    flush()
    return "".join(out), last


def to_katakana(hangul_name: str, *, kind: str = "person", family: str | None = None) -> str:
    """Suggest the katakana the Japanese press would use for a Korean name (a SUGGESTION).

    Persons (``kind="person"``) are written family ・ given (이재명 → イ・ジェミョン);
    ``family`` forces the family name. Other kinds are written as one continuous word
    per space-separated word (부산 → プサン), words joined by ・.
    """
    check_kind(kind)
    text = " ".join(hangul_name.split())
    curated = curated_names().get(text.replace(" ", ""))
    if curated and (kind == "person" or kind is None):
        return curated
    if kind != "person":
        return SEPARATOR.join(_word_kana(word)[0] for word in text.split(" "))
    family_name, given = split_person_name(text, family)
    family_kana, last = _word_kana(family_name)
    if not given:
        return family_kana
    given_kana, _ = _word_kana(given, last if last is not None else "")
    return family_kana + SEPARATOR + given_kana

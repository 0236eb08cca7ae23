"""Write a Japanese name or place in Hangul as Korean newspapers must: 도쿄, 다카이치 사나에.

Follows the Korean standard for Japanese (외래어 표기법 제3장 제7절 일본어의 표기,
국립국어원; 표 4 "일본어의 가나와 한글 대조표"):

* か・た・きゃ・ちゃ rows are unaspirated at the start of a word (가, 다, 갸, 자) and
  aspirated inside it (카, 타, 캬, 차): たかいち → 다카이치, きょうと → 교토.
* つ is 쓰, ず and づ are 즈, じ and ぢ are 지, す is 스.
* ん is the final ㄴ; っ is the final ㅅ (제1항: 삿포로, 돗토리, 욧카이치).
* Long vowels are not written (제2항): とうきょう 도쿄, おおさか 오사카,
  きゅうしゅう 규슈, にいがた 니가타. え+い is not a long vowel here (めいじ 메이지,
  ちょうせい 조세이), and no long vowel is made across a morpheme boundary (いのうえ
  with boundary [2] → 이노우에).

Spaces (and ・) separate words and are kept; each word starts "word-initial".
Sounds the standard's table does not cover (ファ, ティ, ヴ …) are given the nearest
Hangul (파, 티, 부) as a best effort; a foreign name written in katakana should be
transcribed from its original language instead (ドナルド・トランプ is 도널드 트럼프).
"""

from __future__ import annotations

from glossary.lang.ja.kana import (
    LONG_MARK,
    check_no_kanji,
    expand_iteration_marks,
    syllables,
    to_hiragana,
)

# Initial consonant jamo indices (ㄱ0 ㄲ1 ㄴ2 ㄷ3 ㄸ4 ㄹ5 ㅁ6 ㅂ7 ㅃ8 ㅅ9 ㅆ10 ㅇ11 ㅈ12
# ㅉ13 ㅊ14 ㅋ15 ㅌ16 ㅍ17 ㅎ18) and vowel jamo indices (ㅏ0 ㅑ2 ㅓ4 ㅔ5 ㅕ6 ㅗ8 ㅘ9 ㅚ11
# ㅛ12 ㅜ13 ㅝ14 ㅞ15 ㅟ16 ㅠ17 ㅡ18 ㅣ20).
_V = {"a": 0, "i": 20, "u": 13, "e": 5, "o": 8, "ya": 2, "yu": 17, "yo": 12, "ye": 7}
_U_AS_EU = 18  # ㅡ, for す ず つ づ (스, 즈, 쓰, 즈)
_FINAL_N = 4  # ㄴ
_FINAL_S = 19  # ㅅ


def _syl(initial: int, vowel: int) -> str:
    return chr(0xAC00 + (initial * 21 + vowel) * 28)


# kana -> (initial jamo at word start, initial jamo inside a word, vowel key)
_ROWS: dict[str, tuple[int, int]] = {
    "": (11, 11),
    "k": (0, 15),  # 가 / 카
    "s": (9, 9),
    "t": (3, 16),  # 다 / 타
    "n": (2, 2),
    "h": (18, 18),
    "m": (6, 6),
    "r": (5, 5),
    "g": (0, 0),
    "z": (12, 12),
    "d": (3, 3),
    "b": (7, 7),
    "p": (17, 17),
    "ch": (12, 14),  # 자 / 차
    "j": (12, 12),
    "ts": (10, 10),  # 쓰
    "w": (11, 11),
    "f": (18, 18),
    "v": (7, 7),
}

_KANA: dict[str, tuple[str, str]] = {}


def _add_row(row: str, kana: str, vowels: str = "aiueo") -> None:
    for k, v in zip(kana, vowels, strict=True):
        if k != "・":
            _KANA[k] = (row, v)


_add_row("", "あいうえお")
_add_row("k", "かきくけこ")
_add_row("s", "さしすせそ")
_add_row("t", "た・・てと")
_KANA["ち"] = ("ch", "i")
_KANA["つ"] = ("ts", "u")
_add_row("n", "なにぬねの")
_add_row("h", "はひふへほ")
_add_row("m", "まみむめも")
_add_row("", "や・ゆ・よ", "ayueo")
_KANA["や"] = ("", "ya")
_KANA["ゆ"] = ("", "yu")
_KANA["よ"] = ("", "yo")
_add_row("r", "らりるれろ")
_KANA["わ"] = ("w", "a")
_KANA["ゐ"] = ("", "i")
_KANA["ゑ"] = ("", "e")
_KANA["を"] = ("", "o")
_add_row("g", "がぎぐげご")
_add_row("z", "ざじずぜぞ")
_add_row("d", "だぢづでど")
_KANA["ぢ"] = ("z", "i")
_KANA["づ"] = ("z", "u")
_add_row("b", "ばびぶべぼ")
_add_row("p", "ぱぴぷぺぽ")
_KANA["ゔ"] = ("b", "u")
for _small, _v in zip("ぁぃぅぇぉ", "aiueo", strict=True):
    _KANA[_small] = ("", _v)
_KANA["ゃ"] = ("", "ya")
_KANA["ゅ"] = ("", "yu")
_KANA["ょ"] = ("", "yo")
for _head, _row in (
    ("き", "k"),
    ("に", "n"),
    ("ひ", "h"),
    ("み", "m"),
    ("り", "r"),
    ("ぎ", "g"),
    ("び", "b"),
    ("ぴ", "p"),
):
    for _small, _v in (("ゃ", "ya"), ("ゅ", "yu"), ("ょ", "yo")):
        _KANA[_head + _small] = (_row, _v)
for _head, _row in (("し", "s"), ("ち", "ch"), ("じ", "j"), ("ぢ", "j")):
    # 샤 슈 쇼, 자/차 주/추 조/초: the standard writes these without the y glide
    # after ㅅ, ㅈ and ㅊ except for し (샤 슈 쇼).
    for _small, _v in (("ゃ", "a"), ("ゅ", "u"), ("ょ", "o")):
        _KANA[_head + _small] = (_row, ("y" + _v) if _head == "し" else _v)
# Best-effort forms for the extended katakana the standard's table does not list.
_KANA.update(
    {
        "しぇ": ("s", "ye"),
        "じぇ": ("j", "e"),
        "ちぇ": ("ch", "e"),
        "てぃ": ("t", "i"),
        "でぃ": ("d", "i"),
        "とぅ": ("t", "u"),
        "どぅ": ("d", "u"),
        "ふぁ": ("f", "a"),
        "ふぃ": ("f", "i"),
        "ふぇ": ("f", "e"),
        "ふぉ": ("f", "o"),
        "うぃ": ("w", "i"),
        "うぇ": ("w", "e"),
        "うぉ": ("w", "o"),
        "ゔぁ": ("v", "a"),
        "ゔぃ": ("v", "i"),
        "ゔぇ": ("v", "e"),
        "ゔぉ": ("v", "o"),
        "いぇ": ("", "ye"),
    }
)
_DIGRAPHS = frozenset(k for k in _KANA if len(k) == 2)
_PURE_VOWELS = {"あ": "a", "い": "i", "う": "u", "え": "e", "お": "o"}
# Vowel pairs read as one long vowel and written once (제2항): o+u, o+o, u+u, i+i,
# a+a, e+e. e+i is kept (메이지).
_LONG_PAIRS = frozenset({("o", "u"), ("o", "o"), ("u", "u"), ("i", "i"), ("a", "a"), ("e", "e")})
_WAVOWEL = {"a": 9, "i": 16, "e": 15, "o": 14}  # 와 위 웨 워


def _vowel_jamo(row: str, vowel: str) -> int:
    if row == "w":
        return _WAVOWEL.get(vowel, _V[vowel])
    if vowel == "u" and row in ("s", "z", "ts"):
        return _U_AS_EU
    return _V[vowel]


def to_hangul(kana: str, *, boundaries: list[int] | None = None) -> str:
    """Hangul for a kana reading per 국립국어원 일본어 표기법: たかいち さなえ → 다카이치 사나에.

    ``boundaries``: indices in ``kana`` where a new morpheme starts; no long vowel is
    dropped across one (いのうえ with [2] → 이노우에).
    """
    check_no_kanji(kana)
    hira = expand_iteration_marks(to_hiragana(kana))
    bounds = set(boundaries or ())
    out: list[str] = []
    word_start = True
    last_vowel: str | None = None  # vowel of the last written syllable, for long vowels
    last_long = False
    for idx, unit in syllables(hira, _DIGRAPHS):
        if unit == " ":
            out.append(" ")
            word_start = True
            last_vowel = None
            continue
        if unit in ("ん", "っ"):
            final = _FINAL_N if unit == "ん" else _FINAL_S
            if out and _is_open_syllable(out[-1]):
                out[-1] = chr(ord(out[-1]) + final)
            elif unit == "ん":
                out.append("ㄴ")
            last_vowel = None
            word_start = False
            continue
        if unit == LONG_MARK:
            continue
        spec = _KANA.get(unit)
        if spec is None:
            out.append(unit)
            last_vowel = None
            continue
        row, vowel = spec
        pure = _PURE_VOWELS.get(unit)
        if (
            pure is not None
            and last_vowel is not None
            and not last_long
            and idx not in bounds
            and (last_vowel, pure) in _LONG_PAIRS
        ):
            last_long = True
            continue
        initial = _ROWS[row][0 if word_start else 1]
        out.append(_syl(initial, _vowel_jamo(row, vowel)))
        last_vowel = vowel[-1]
        last_long = False
        word_start = False
    return "".join(out)


def _is_open_syllable(ch: str) -> bool:
    cp = ord(ch) - 0xAC00
    return 0 <= cp < 11172 and cp % 28 == 0

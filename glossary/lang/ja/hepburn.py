"""Write a Japanese reading (kana) in Latin letters: strict Hepburn, press form, passport form.

Three styles from the same kana:

``hepburn``  modified Hepburn with macrons, as in Kenkyusha's *New Japanese-English
             Dictionary* (3rd ed., 1954) and ANSI Z39.11 / BS 4812 / ALA-LC:
             とうきょう → Tōkyō, じゅんいちろう → Jun'ichirō, しんぶん → shinbun,
             せんせい → sensei, にいがた → Niigata, タクシー → takushī.
``plain``    the English-press form: the same letters without macrons and without
             the apostrophe (Tokyo, Junichiro, Osaka), then a short table of
             established spellings (Namba, Asahi Shimbun) in ``data/plain_exceptions.tsv``.
``passport`` the Ministry of Foreign Affairs' passport Hepburn (外務省 ヘボン式
             ローマ字綴方表): long o/u not written (加藤 Kato, 大野 Ono, 優子 Yuko),
             a name ending in おお keeps OO (妹尾 Senoo), ん before b/m/p is M (難波
             Namba, 本間 Homma), っ before ch is T (八丁 Hatcho), and the MOFA spellings
             for foreign sounds (ティ TEI, ファ FUA, ヴァ BUA). ``passport_variants``
             adds the "OH" spelling that the applicant may choose instead (Kohno,
             Ohno, Katoh).

Not every お+う or お+お is a long vowel: in 井上 いのうえ the う starts the next
morpheme (Inoue, not Inōe), in 松浦 まつうら the second う does (Matsuura). Pass
``boundaries``: indices in the kana string where a new morpheme starts; no long
vowel is made across one. ``suggest_readings`` gives such boundaries for each reading.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from glossary.errors import ParseError
from glossary.lang.ja.kana import (
    KANA_ROWS,
    LONG_MARK,
    VOWELS,
    check_no_kanji,
    expand_iteration_marks,
    syllables,
    to_hiragana,
)

STRICT = "strict"
PLAIN = "plain"
PASSPORT = "passport"

_IRREGULAR = {
    "し": "shi",
    "ち": "chi",
    "つ": "tsu",
    "ふ": "fu",
    "じ": "ji",
    "ぢ": "ji",
    "づ": "zu",
    "や": "ya",
    "ゆ": "yu",
    "よ": "yo",
    "わ": "wa",
    "ゐ": "i",
    "ゑ": "e",
    "を": "o",
    "ゔ": "vu",
    "ぁ": "a",
    "ぃ": "i",
    "ぅ": "u",
    "ぇ": "e",
    "ぉ": "o",
    "ゃ": "ya",
    "ゅ": "yu",
    "ょ": "yo",
    "ゎ": "wa",
    "ゕ": "ka",
    "ゖ": "ke",
}
# Yōon: consonant + y + vowel (きゃ kya), with the sh/ch/j spellings of Hepburn.
_YOON_HEADS = {
    "き": "ky",
    "し": "sh",
    "ち": "ch",
    "に": "ny",
    "ひ": "hy",
    "み": "my",
    "り": "ry",
    "ぎ": "gy",
    "じ": "j",
    "ぢ": "j",
    "び": "by",
    "ぴ": "py",
}
# Extended katakana for foreign sounds: the table of Wikipedia "Hepburn romanization"
# (extended katakana), which follows the Kenkyusha / ANSI usage.
_EXTENDED = {
    "しぇ": "she",
    "じぇ": "je",
    "ちぇ": "che",
    "いぇ": "ye",
    "うぃ": "wi",
    "うぇ": "we",
    "うぉ": "wo",
    "ゔぁ": "va",
    "ゔぃ": "vi",
    "ゔぇ": "ve",
    "ゔぉ": "vo",
    "ゔゅ": "vyu",
    "くぁ": "kwa",
    "くぃ": "kwi",
    "くぇ": "kwe",
    "くぉ": "kwo",
    "ぐぁ": "gwa",
    "つぁ": "tsa",
    "つぃ": "tsi",
    "つぇ": "tse",
    "つぉ": "tso",
    "てぃ": "ti",
    "でぃ": "di",
    "てゅ": "tyu",
    "でゅ": "dyu",
    "とぅ": "tu",
    "どぅ": "du",
    "ふぁ": "fa",
    "ふぃ": "fi",
    "ふぇ": "fe",
    "ふぉ": "fo",
    "ふゅ": "fyu",
    "すぃ": "si",
    "ずぃ": "zi",
}
# The passport office's spellings for foreign sounds (外務省 "外国式氏名のヘボン式
# ローマ字の書き方"): ジェ JIE, チェ CHIE, ティ TEI, ディ DEI, デュ DEYU, ファ FUA,
# フィ FUI, フェ FUE, フォ FUO, ヴァ BUA, ヴィ BUI, ヴ BU, ヴェ BUE, ヴォ BUO.
_PASSPORT_EXTENDED = {
    "じぇ": "jie",
    "ちぇ": "chie",
    "てぃ": "tei",
    "でぃ": "dei",
    "でゅ": "deyu",
    "ふぁ": "fua",
    "ふぃ": "fui",
    "ふぇ": "fue",
    "ふぉ": "fuo",
    "ゔぁ": "bua",
    "ゔぃ": "bui",
    "ゔ": "bu",
    "ゔぇ": "bue",
    "ゔぉ": "buo",
}

_VOWEL_ORDER = "aiueo"


def _build_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for consonant, row in KANA_ROWS.items():
        for kana, vowel in zip(row, _VOWEL_ORDER, strict=True):
            table[kana] = consonant + vowel
    table.update(_IRREGULAR)
    for head, cons in _YOON_HEADS.items():
        for small, vowel in (("ゃ", "a"), ("ゅ", "u"), ("ょ", "o")):
            table[head + small] = cons + vowel
    table.update(_EXTENDED)
    return table


ROMAJI: dict[str, str] = _build_table()
DIGRAPHS: frozenset[str] = frozenset(k for k in ROMAJI if len(k) == 2)
_PURE_VOWELS = {"あ": "a", "い": "i", "う": "u", "え": "e", "お": "o"}
# The vowel pairs that modified Hepburn writes as one long vowel. い+い stays "ii"
# and え+い stays "ei" (Kenkyusha 3rd ed.: にいがた Niigata, せんせい sensei).
_LONG_PAIRS = frozenset({("o", "u"), ("o", "o"), ("u", "u"), ("a", "a"), ("e", "e")})
_MACRON = {"a": "ā", "i": "ī", "u": "ū", "e": "ē", "o": "ō"}
_PLAIN_FOLD = str.maketrans("āīūēōĀĪŪĒŌâîûêô", "aiueoAIUEOaiueo")


@dataclass
class _Syl:
    """One romanized syllable while a word is built."""

    text: str
    vowel: str | None
    index: int
    long: bool = False  # already lengthened (no second merge)
    particle: bool = False
    long_pair: tuple[str, str] | None = None  # the kana vowels merged into it


def _capitalize_word(word: str) -> str:
    for i, ch in enumerate(word):
        if ch.isalpha():
            return word[:i] + ch.upper() + word[i + 1 :]
    return word


def _romanize_words(
    kana: str,
    style: str,
    boundaries: Iterable[int] | None,
    particles: Iterable[int] | None,
    oh: bool = False,
) -> list[tuple[str, str]]:
    """Romanize; return (kana word, romanized word) pairs in order."""
    check_no_kanji(kana)
    hira = expand_iteration_marks(to_hiragana(kana))
    bounds = set(boundaries or ())
    parts = set(particles or ())
    units = syllables(hira, DIGRAPHS)
    words: list[tuple[str, str]] = []
    word_start = 0
    pieces: list[_Syl | str] = []
    last_syl: _Syl | None = None
    pending_sokuon = False
    pending_n: int | None = None  # index in pieces of an ん waiting for its next sound

    def finish_n(next_roman: str | None) -> None:
        nonlocal pending_n
        if pending_n is None:
            return
        text = "n"
        if next_roman:
            first = next_roman[0]
            if style == STRICT and (first in VOWELS or first == "y"):
                text = "n'"
            elif style == PASSPORT and first in "bmp":
                text = "m"
        pieces[pending_n] = text
        pending_n = None

    def flush(end: int) -> None:
        nonlocal pieces, last_syl, pending_sokuon, word_start
        finish_n(None)
        if pieces:
            out = []
            for k, p in enumerate(pieces):
                if isinstance(p, _Syl):
                    text = p.text
                    # A name ending in おお keeps both letters in passport style (妹尾 SENOO).
                    if style == PASSPORT and p.long_pair == ("o", "o") and k == len(pieces) - 1:
                        text = text.removesuffix("h") + "o"
                    out.append(text)
                else:
                    out.append(p)
            words.append((hira[word_start:end], "".join(out)))
        pieces = []
        last_syl = None
        pending_sokuon = False

    for idx, unit in units:
        if unit == " ":
            flush(idx)
            word_start = idx + 1
            continue
        if unit == "ん":
            finish_n(None)
            pending_sokuon = False
            pieces.append("n")
            pending_n = len(pieces) - 1
            last_syl = None
            continue
        if unit == "っ":
            finish_n("t")
            pending_sokuon = True
            last_syl = None
            continue
        if unit == LONG_MARK:
            if last_syl is not None and not last_syl.long and last_syl.vowel:
                _lengthen(last_syl, style, (last_syl.vowel, last_syl.vowel), oh)
            continue
        roman = ROMAJI.get(unit)
        if style == PASSPORT and unit in _PASSPORT_EXTENDED:
            roman = _PASSPORT_EXTENDED[unit]
        if roman is None:
            # Not kana (Latin letters, digits, punctuation): keep it as it is.
            finish_n(None)
            pieces.append(unit)
            last_syl = None
            pending_sokuon = False
            continue
        is_particle = idx in parts and unit in ("は", "へ", "を")
        if is_particle:
            roman = {"は": "wa", "へ": "e", "を": "o"}[unit]
        vowel2 = _PURE_VOWELS.get(unit)
        if (
            vowel2 is not None
            and not is_particle
            and last_syl is not None
            and not last_syl.long
            and not last_syl.particle
            and idx not in bounds
            and (last_syl.vowel, vowel2) in _LONG_PAIRS
        ):
            assert last_syl.vowel is not None
            _lengthen(last_syl, style, (last_syl.vowel, vowel2), oh)
            continue
        finish_n(roman)
        if pending_sokuon:
            if roman.startswith("ch"):
                roman = "t" + roman
            elif roman[0] not in VOWELS:
                roman = roman[0] + roman
            pending_sokuon = False
        vowel = roman[-1] if roman[-1] in VOWELS else None
        syl = _Syl(roman, vowel, idx, particle=is_particle)
        pieces.append(syl)
        last_syl = syl
    flush(len(hira))
    return words


def _lengthen(syl: _Syl, style: str, pair: tuple[str, str], oh: bool) -> None:
    syl.long = True
    syl.long_pair = pair
    if style == STRICT:
        syl.text = syl.text[:-1] + _MACRON[syl.text[-1]]
    elif style == PASSPORT and oh and pair[0] == "o":
        syl.text = syl.text + "h"


def _join(words: list[str], capitalize: bool) -> str:
    if capitalize:
        words = [_capitalize_word(w) for w in words]
    return " ".join(w for w in words if w)


def hepburn(
    kana: str,
    *,
    boundaries: list[int] | None = None,
    particles: list[int] | None = None,
    capitalize: bool = False,
) -> str:
    """Modified Hepburn with macrons: とうきょう → tōkyō, じゅんいちろう → jun'ichirō.

    ``boundaries``: indices in ``kana`` where a new morpheme starts (no long vowel
    across one: いのうえ with [2] → inoue). ``particles``: indices of は/へ/を used as
    particles (written wa/e/o). ``capitalize``: capital letter at the start of each
    word, for proper names. Spaces and ・ separate words.
    """
    words = _romanize_words(kana, STRICT, boundaries, particles)
    return _join([w for _, w in words], capitalize)


def plain(
    kana: str,
    *,
    boundaries: list[int] | None = None,
    particles: list[int] | None = None,
    capitalize: bool = False,
) -> str:
    """English-press form without macrons or apostrophe: Tokyo, Osaka, Junichiro, Namba.

    A kana word found in ``data/plain_exceptions.tsv`` takes the spelling given there;
    the ``~`` suffix rows (…しんぶん → … Shimbun) apply only to proper names
    (``capitalize=True``), so the common noun しんぶん stays "shinbun".
    """
    words = _romanize_words(kana, PLAIN, boundaries, particles)
    exact, suffixes = _plain_exceptions()
    out: list[str] = []
    for kana_word, roman in words:
        if kana_word in exact:
            out.append(exact[kana_word])
            continue
        replaced = False
        if capitalize:
            for suffix, spelled in suffixes:
                if kana_word.endswith(suffix) and len(kana_word) > len(suffix):
                    stem = plain(kana_word[: -len(suffix)], capitalize=True)
                    out.append(f"{stem} {spelled}")
                    replaced = True
                    break
        if not replaced:
            out.append(roman.translate(_PLAIN_FOLD).replace("'", ""))
    return _join(out, capitalize)


def passport(
    kana: str,
    *,
    boundaries: list[int] | None = None,
    upper: bool = False,
    oh: bool = False,
) -> str:
    """Passport Hepburn (外務省): Kato, Ono, Yuko, Namba, Homma, Hatcho; ``upper`` for KATO.

    Long o and u are not written; ``oh=True`` gives the "OH" spelling the passport
    office allows on request for おう/おお (Kohno, Ohno, Katoh). Words are capitalized.
    """
    words = _romanize_words(kana, PASSPORT, boundaries, None, oh=oh)
    text = _join([w for _, w in words], True)
    if oh:
        # No "OH" before a syllable that starts with h (しょうへい stays Shohei).
        text = text.replace("ohh", "oh")
    return text.upper() if upper else text


def passport_variants(kana: str, *, boundaries: list[int] | None = None) -> list[str]:
    """Passport spellings a person may hold: the default (Kato), then the OH form (Katoh) if any."""
    base = passport(kana, boundaries=boundaries)
    with_oh = passport(kana, boundaries=boundaries, oh=True)
    return [base] if with_oh == base else [base, with_oh]


EXCEPTIONS_FILE = Path(__file__).parent / "data" / "plain_exceptions.tsv"


@lru_cache(maxsize=1)
def _plain_exceptions() -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    """Read data/plain_exceptions.tsv: exact kana words and ``~`` suffix rows."""
    exact: dict[str, str] = {}
    suffixes: list[tuple[str, str]] = []
    path = str(EXCEPTIONS_FILE)
    with open(EXCEPTIONS_FILE, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cols = [c.strip() for c in line.split("\t")]
            if len(cols) < 3 or not cols[0] or not cols[1] or not cols[2]:
                raise ParseError(path, lineno, "expected kana, spelling and source, TAB-separated")
            key, spelled = cols[0], cols[1]
            if key.startswith("~"):
                suffixes.append((to_hiragana(key[1:]), spelled))
            else:
                if key in exact:
                    raise ParseError(path, lineno, f"{key} is listed twice", "kana")
                exact[to_hiragana(key)] = spelled
    suffixes.sort(key=lambda s: -len(s[0]))
    return exact, tuple(suffixes)

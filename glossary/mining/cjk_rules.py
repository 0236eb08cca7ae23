"""The Korean and Japanese engine's rules: the data files read per language and
the character tests and word lists shared by its stages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from glossary.lang import get_language
from glossary.mining.rules import load_table, load_words

NOMINAL = frozenset(("P", "N", "PRE", "SUF", "L", "D", "J"))


# a name in Hangul (one word of three syllables, or two words) and its kanji in brackets
_HANGUL_WITH_HANJA = re.compile(
    r"(?<![가-힣])([가-힣]{2,5}(?: [가-힣]{2,5})?)"
    r"\(([\u4e00-\u9fff]{1,4}(?: ?[\u4e00-\u9fff]{1,4})?)\)"
)


# four or more Latin words in a row: a sentence quoted in English
_LATIN_STRETCH = re.compile(
    r"[A-Za-z][\w'’.\-]*(?:[\s,;:“”\"()]+[A-Za-z0-9][\w'’.\-]*){3,}[.!?]?", re.ASCII
)


_FORMER = frozenset(("전", "현", "前", "元", "現", "故", "고"))


_OFFICE = frozenset(("府", "室", "실", "庁", "청", "処", "처"))


# kinds whose reading or gloss may follow in brackets
_GLOSSED = frozenset(("person", "place", "org", "facility", "event", "work"))


_TIME_ZONE = frozenset(("時間",))  # "日本時間": the time in Japan


_BUREAU = frozenset("局部課室")  # a title that starts with its bureau: 局長, 部長, 課長


_BOTH = frozenset(("両", "양", "各", "각"))  # both, each: "両外相" is no one portfolio


@dataclass(frozen=True)
class LangRules:
    lang: str
    titles: dict[str, str]  # "portfolio", "office" or "" (see *_titles.txt)
    title_list: tuple[str, ...]  # longest first
    heads: dict[str, tuple[str, str]]  # head -> (kind, "" | "short" | "short-common")
    head_list: tuple[str, ...]  # longest first
    term_heads: frozenset[str]
    term_head_list: tuple[str, ...]
    term_generic: frozenset[str]
    places: frozenset[str]
    institutions: frozenset[str]  # one-word names of institutions (*_institutions.txt)
    chambers: frozenset[str]  # institutions that begin titles ("상원*": 상원 외교위원장)
    stop: frozenset[str]
    relation_chars: frozenset[str]
    acronyms_common: frozenset[str]
    spaced: bool  # Korean: words are separated by spaces


@cache
def lang_rules(lang: str) -> LangRules:
    titles: dict[str, str] = {}
    for row in load_table(f"{lang}_titles.txt"):
        kind = row[1] if len(row) > 1 else ""
        titles[row[0]] = kind if kind in ("portfolio", "office") else ""
    heads: dict[str, tuple[str, str]] = {}
    for row in load_table(f"{lang}_heads.txt"):
        heads[row[0]] = (row[1], row[2] if len(row) > 2 else "")
    term_heads = load_words(f"{lang}_term_heads.txt", lower=False)
    return LangRules(
        lang=lang,
        titles=titles,
        title_list=tuple(sorted(titles, key=len, reverse=True)),
        heads=heads,
        head_list=tuple(sorted(heads, key=len, reverse=True)),
        term_heads=term_heads,
        term_head_list=tuple(sorted(term_heads, key=len, reverse=True)),
        term_generic=load_words(f"{lang}_term_generic.txt", lower=False),
        places=frozenset(w.rstrip("*") for w in load_words(f"{lang}_places.txt", lower=False)),
        institutions=frozenset(
            w for w in load_words(f"{lang}_institutions.txt", lower=False) if "*" not in w
        ),
        chambers=frozenset(
            w.rstrip("*")
            for w in load_words(f"{lang}_institutions.txt", lower=False)
            if w.endswith("*")
        ),
        stop=load_words(f"{lang}_stopwords.txt", lower=False),
        relation_chars=frozenset("".join(load_words(f"{lang}_relations.txt", lower=False))),
        acronyms_common=load_words("en_acronyms_common.txt", lower=False),
        spaced=get_language(lang).spaced,
    )


_LOCAL = frozenset("市町村区県都道府知구시군도")


_PREFECTURE = frozenset("都道府県")


# "日韓米の連携" is a term (the guideline's 日韓米連携); "日韓米の協力" a relation and a noun
_RELATION_NO_HEADS = frozenset(("連携",))  # titles of local government: 市長, 知事, 区長


def _family_name(word: str) -> bool:
    """Whether JMnedict knows ``word`` as a family name (False without JMnedict)."""
    from glossary.lang.ja import jmnedict

    word = _VARIATION_SELECTORS.sub("", word)  # "辻󠄀": the glyph variant of 辻
    return any("surname" in kinds for _, kinds in jmnedict.readings(word))


# variation selectors, which choose a kanji's glyph in official spellings ("辻󠄀")
_VARIATION_SELECTORS = re.compile("[\ufe00-\ufe0f\U000e0100-\U000e01ef]")


def _common_word(word: str) -> bool:
    """Whether JMdict knows ``word`` as a word (False without the dictionary)."""
    from glossary.lang.ja.jmnedict import common_readings

    return bool(common_readings(word))


@cache
def english_equivalents() -> dict[str, tuple[str, ...]]:
    """Korean names and head words with their English forms (ko_en_equivalents.txt)."""
    table: dict[str, tuple[str, ...]] = {}
    for row in load_table("ko_en_equivalents.txt"):
        if len(row) >= 2:
            table[row[0]] = tuple(x.strip() for x in row[1].split("|") if x.strip())
    return table


def _split_heads(rest: str, table: dict[str, tuple[str, ...]]) -> list[tuple[str, ...]] | None:
    """ "항공사고" as the head words 항공 and 사고, each with its English forms."""
    if not rest:
        return []
    for cut in range(len(rest), 0, -1):
        if rest[:cut] in table:
            tail = _split_heads(rest[cut:], table)
            if tail is not None:
                return [table[rest[:cut]], *tail]
    return None


@cache
def sino_syllables() -> frozenset[str]:
    """Hangul syllables that read some hanja (glossary.lang.ko.sino)."""
    from glossary.lang.ko.sino import reading_table

    return frozenset(r for readings in reading_table().values() for r in readings)


def _is_kanji_char(ch: str) -> bool:
    return len(ch) == 1 and "\u4e00" <= ch <= "\u9fff"


def _is_kana(ch: str) -> bool:
    return "\u3041" <= ch <= "\u30ff" or ch in "・ー"


def _nospace(s: str) -> str:
    return s.replace(" ", "").replace("\u00a0", "")

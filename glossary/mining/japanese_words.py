"""Word-level passes of the Japanese miner over the analyser's tokens, and the word
tests they share: katakana words, kanji, words of the dictionary (JMdict) and of
everyday Japanese (wordfreq).

Each pass takes the token list of ``japanese.tokens`` (or of a later step) and gives a
new one: "第45回" one ordinal noun, "日米韓" one relation word, "日本一" no place, the name
after a legal form ("特定非営利活動法人プラス・アーツ") one organisation, a family name the
analyser cut into characters before a title ("仁坂和歌山県知事") one name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from itertools import pairwise

from glossary.lang.ja.jmnedict import common_readings
from glossary.mining.cjk import CTok, lang_rules
from glossary.mining.rules import load_words

LANG = "ja"


# katakana as glossary.lang.script reads it, without the middle dot ・ (U+30FB)
_KATAKANA_RUN = re.compile("[\u30a0-\u30fa\u30fc-\u30ff\u31f0-\u31ff\uff66-\uff9f]+")


def katakana(s: str) -> bool:
    """Whether ``s`` is written in katakana only (no ・)."""
    return bool(_KATAKANA_RUN.fullmatch(s))


def join_pairs(toks: list[CTok], joined: Callable[[CTok, CTok], bool], cat: str) -> list[CTok]:
    """Two touching tokens for which ``joined`` holds become one token of ``cat``."""
    out: list[CTok] = []
    for t in toks:
        prev = out[-1] if out else None
        if prev is not None and prev.end == t.start and joined(prev, t):
            out[-1] = CTok(prev.form + t.form, prev.start, t.end, cat)
            continue
        out.append(t)
    return out


def number_one(toks: list[CTok]) -> list[CTok]:
    """ "日本一", "日本酒", "日本語": a place and one character after it that JMdict knows
    as one word are a common noun, no place (a listed place such as 日本海 stays one)."""
    rules = lang_rules(LANG)
    out = join_pairs(
        toks,
        lambda a, b: (
            a.cat == "P"
            and a.sub == "place"
            and len(b.form) == 1
            # not 国: "日本国" is the country's name
            and b.cat in ("N", "SUF", "D")
            and b.form not in rules.heads
            and b.form != "国"
            and common_word(a.form + b.form)
        ),
        "N",
    )
    for i, t in enumerate(out):
        if t.cat == "N" and t.form in rules.places:
            out[i] = CTok(t.form, t.start, t.end, "P", "place")  # "日本海"
    return out


Rewrite = Callable[[int, list[CTok]], tuple[list[CTok], int] | None]


def rewrite(toks: list[CTok], at: Rewrite) -> list[CTok]:
    """Tokens rewritten left to right: ``at(i, out)`` gives the tokens that replace
    those from ``i`` on and the index to go on from, or None to keep ``toks[i]``."""
    out: list[CTok] = []
    i = 0
    while i < len(toks):
        found = at(i, out)
        if found is None:
            out.append(toks[i])
            i += 1
        else:
            new, i = found
            out.extend(new)
    return out


def legal_forms(text: str, toks: list[CTok]) -> list[CTok]:
    """ "特定非営利活動法人プラス・アーツ", "株式会社トヨタ": the words after a legal form
    (``ja_legal_forms.txt``), up to a punctuation mark or a particle, are one
    organisation's name; the form stands apart (sub "legal")."""
    forms = load_words("ja_legal_forms.txt", lower=False)
    if not any(f in text for f in forms):
        return toks
    n = len(toks)

    def at(i: int, out: list[CTok]) -> tuple[list[CTok], int] | None:
        for form in forms:
            if not text.startswith(form, toks[i].start):
                continue
            k = i
            while k < n and toks[k].end < toks[i].start + len(form):
                k += 1
            if k >= n or toks[k].end != toks[i].start + len(form):
                continue
            # the name: nominal tokens (a word in kana may begin it: "なら国際映画祭")
            j = k + 1
            nominal = False
            while j < n and text[toks[j - 1].end : toks[j].start] in ("", "・"):
                t = toks[j]
                if t.cat in ("P", "N", "SUF", "PRE", "L", "D", "J"):
                    nominal = True
                elif nominal or not all("ぁ" <= ch <= "ゖ" for ch in t.form):
                    break
                j += 1
            while j - 1 > k and toks[j - 1].cat == "J":
                j -= 1
            if nominal:
                start, end = toks[k + 1].start, toks[j - 1].end
                legal = CTok(form, toks[i].start, toks[k].end, "O", "legal")
                return [legal, CTok(text[start:end], start, end, "P", "org")], j
        return None

    return rewrite(toks, at)


def relation_words(toks: list[CTok]) -> list[CTok]:
    """ "日米韓": country characters the analyser cut (日 + 米韓) are one relation word."""
    chars = lang_rules(LANG).relation_chars
    return join_pairs(
        toks,
        lambda a, b: (
            a.cat == "N"
            and b.cat == "N"
            and len(a.form) + len(b.form) <= 4
            and all(ch in chars for ch in a.form + b.form)
        ),
        "N",
    )


# counters of a numbered event or period: 第45回 (the 45th), 第二次 (the second), 第20代
_ORDINAL_COUNTERS = frozenset("回次代期")


def ordinals(toks: list[CTok]) -> list[CTok]:
    """ "第45回衆議院議員総選挙", "第二次世界大戦": 第, a number and its counter are one
    ordinal noun that begins the name of a numbered event."""
    n = len(toks)

    def at(i: int, out: list[CTok]) -> tuple[list[CTok], int] | None:
        t = toks[i]
        if t.form != "第" or i + 1 >= n or toks[i + 1].cat != "D" or t.end != toks[i + 1].start:
            return None
        num = toks[i + 1]
        if i + 2 < n and toks[i + 2].form in _ORDINAL_COUNTERS and num.end == toks[i + 2].start:
            end = toks[i + 2].end
            return [CTok(t.form + num.form + toks[i + 2].form, t.start, end, "N", "ordinal")], i + 3
        if out and out[-1].cat == "P" and out[-1].end == t.start:
            # "福島第一原発": a number after a name tells its sites apart
            return [CTok(t.form + num.form, t.start, num.end, "N")], i + 2
        return None

    return rewrite(toks, at)


def common_word(word: str) -> bool:
    """Whether JMdict knows ``word``, written in kanji, as a word."""
    return bool(common_readings(word))


@cache
def frequencies() -> dict[str, float]:
    """General-language frequencies of Japanese words written in katakana (wordfreq;
    {} without it)."""
    try:
        from wordfreq import get_frequency_dict
    except ImportError:  # pragma: no cover - wordfreq comes with the "en" extra
        return {}
    return {w: f for w, f in get_frequency_dict("ja").items() if _KATAKANA_WORD.fullmatch(w)}


VARIATION_SELECTOR = re.compile("[\ufe00-\ufe0f\U000e0100-\U000e01ef]+")


_KATAKANA_WORD = re.compile("[\u30a1-\u30fa\u30fc]+")


_FREQUENT = 10 ** (3.5 - 9)  # Zipf 3.5: a word of everyday Japanese


def everyday_word(word: str) -> bool:
    """Whether the katakana ``word`` is frequent in general Japanese (Zipf 3.5 or
    more): スマホ, ヒト, but not ゼレンスキー."""
    return frequencies().get(word, 0.0) >= _FREQUENT


def listed_words(words: list[str], named: bool) -> bool:
    """Whether katakana words joined by ・ are a list of everyday words ("ヒト・モノ・
    カネ": people, goods, money), not one name: every word is frequent in general
    Japanese, and there are three or more of them or the analyser read none as a
    name ("ドナルド・トランプ" and "ペルー・リマ" have two frequent words and are
    names)."""
    if len(words) < 2 or not all(words):
        return False
    if not all(everyday_word(w) for w in words):
        return False
    return len(words) >= 3 or not named


def is_kanji(ch: str) -> bool:
    """Whether ``ch`` is a kanji of the CJK Unified Ideographs block."""
    return "\u4e00" <= ch <= "\u9fff"


def ends_in_title(
    text: str,
    toks: list[CTok],
    k: int,
    titles: frozenset[str],
    within: int = 6,
    cats: tuple[str, ...] = ("N", "SUF", "PRE", "P"),
) -> bool:
    """Whether the nouns from token k on (of ``cats``: proper nouns among them unless
    told) end in a title within ``within`` tokens ("和歌山県知事", "自民党幹事長",
    "外務大臣政務官")."""
    end = k
    while (
        end < len(toks) and end - k < within and (end == k or toks[end].start == toks[end - 1].end)
    ):
        if toks[end].cat not in cats:
            break
        words = text[toks[k].start : toks[end].end]
        if any(words.endswith(t) for t in titles):
            return True
        end += 1
    return False


def split_family_names(text: str, toks: list[CTok], titles: frozenset[str]) -> list[CTok]:
    """ "仁坂和歌山県知事", "二階自民党幹事長", "薗浦政務官": a family name the analyser cut
    into single characters (仁 + 坂, 二 + 階) is one name when JMnedict lists the
    characters together as a family name and a title follows."""
    from glossary.lang.ja.jmnedict import readings

    n = len(toks)

    def at(i: int, out: list[CTok]) -> tuple[list[CTok], int] | None:
        t = toks[i]
        before = text[t.start - 1 : t.start] if t.start else ""
        if len(t.form) != 1 or not is_kanji(t.form) or (before and is_kanji(before)):
            return None
        for k in (i + 3, i + 2):
            span = toks[i:k]
            if (
                k < n
                and all(len(x.form) == 1 and is_kanji(x.form) for x in span)
                and all(b.start == a.end for a, b in pairwise(span))
                and toks[k].start == span[-1].end
                and ends_in_title(text, toks, k, titles)
            ):
                form = "".join(x.form for x in span)
                if any("surname" in kinds for _, kinds in readings(form)):
                    return [CTok(form, span[0].start, span[-1].end, "P", "surname")], k
        return None

    return rewrite(toks, at)

"""Mining Korean news text with kiwipiepy (its model ships with the package).

Kiwi's tags become the engine's categories (see ``cjk.py``): NNP proper noun,
NNG common noun, XPN prefix, XSN suffix, SL Latin letters, SN digits, "·" a
joiner; particles (J*), endings and everything else end a noun run, which is how
particles and honorifics are stripped ("이재명은" gives 이재명).

A proper noun with no other sign is a person when it reads as a Korean name
(three syllables, a family-name syllable first, "이재명": the ``korean_miner``
column of ``glossary/lang/data/korean_surnames.tsv``) or has two parts
("다카이치 사나에"); else an organisation. The analyser is loaded once per process
(``load()``, about a second and a half).
"""

from __future__ import annotations

import itertools
import re
from functools import cache
from typing import Any

from glossary.lang.surnames import korean_miner_surnames
from glossary.mining import korean_words
from glossary.mining.cjk import (
    CTok,
    Engine,
    english_equivalents,
    lang_rules,
    latin_hyphen_words,
    sino_syllables,
)
from glossary.mining.countries import abbreviations, country_key
from glossary.mining.mention import Mention
from glossary.mining.rules import load_table

LANG = "ko"
_PLACE_ENDINGS = frozenset("현시도군구주섬")
# the endings of villages and neighbourhoods (리, 읍, 면, 동) and the last syllables of
# the place words they follow ("파주시 문산읍 임진리")
_NEIGHBOURHOOD_ENDINGS = frozenset("리읍면동")
_SPACED_PLACE_ENDINGS = frozenset("시주군현")
_PARTICLES = frozenset("에의은는을를와과로")
_ERA_WORDS = frozenset(("시대", "왕조"))  # written onto a kingdom's name (백제시대)
_PLACE_WORD_ENDS = frozenset("시군구읍면도동")
_TAGS = {"NNP": "P", "NNG": "N", "XPN": "PRE", "XSN": "SUF", "SL": "L", "SN": "D", "SH": "N"}


@cache
def load() -> Any:
    """The Kiwi analyser (loaded once)."""
    from kiwipiepy import Kiwi

    from glossary.mining.rules import load_words

    kiwi = Kiwi()
    # the place list as proper nouns: "사도섬" is 사도 + 섬, not 사 + 도 + 섬
    # (not words marked "*", which are also common nouns: 나라 is "country" as often
    # as Nara)
    for word in load_words("ko_places.txt", lower=False):
        if not word.endswith("*"):
            kiwi.add_user_word(word, "NNP")
    # institutions as proper nouns too: "국민의힘" is a party, not 국민 + 의 + 힘
    for word in load_words("ko_institutions.txt", lower=False):
        if not word.endswith("*"):  # chambers are common nouns too (상원)
            kiwi.add_user_word(word, "NNP")
    return kiwi


def _title_cut(form: str) -> int:
    """Where a title starts at the end of ``form`` (0: none, or too short a word)."""
    if len(form) < 5:
        return 0
    for t in lang_rules(LANG).title_list:
        if len(t) >= 2 and form.endswith(t) and len(form) - len(t) >= 3:
            return len(form) - len(t)
    return 0


@cache
def _relation_chars() -> frozenset[str]:
    return lang_rules(LANG).relation_chars


@cache
def _unknown_noun_id() -> int:
    """The id Kiwi gives a common noun missing from its dictionary (it reads an unknown
    word as a common noun; "블링컨" and "수낵" are names)."""
    return int(load().tokenize("쀍뛣")[0].id)


@cache
def _surnames() -> frozenset[str]:
    """One-syllable Korean family names (glossary/lang/data/korean_surnames.tsv)."""
    from glossary.lang.romanized import load_surnames

    return frozenset(h for h in load_surnames() if len(h) == 1)


def _company_letters(form: str) -> bool:
    """Two or three capitals that are not a common abbreviation (AI, IT, TV)."""
    return (
        2 <= len(form) <= 3
        and form.isupper()
        and form.isalpha()
        and form not in lang_rules(LANG).acronyms_common
    )


def _title_follows(text: str, at: int) -> bool:
    """The word at ``at`` holds a person's title ("합참의장은", "대사가")."""
    word, _, rest = text[at:].partition(" ")
    if rest and (country_key(word, LANG) is not None or word in abbreviations(LANG)):
        # "마크 밀리 미 육군참모총장": the title's country comes first
        word = rest.split(" ", 1)[0]
    return any(title in word for title in lang_rules(LANG).title_list)


def _tag(t: Any) -> str:
    """Kiwi's tag of ``t`` without its irregular-conjugation mark ("VV-I" is VV)."""
    tag = t.tag
    if hasattr(tag, "name"):
        tag = tag.name
    return str(tag).split("-")[0]


def tokens(text: str) -> list[CTok]:
    out: list[CTok] = []
    analysed = load().tokenize(text)
    for at, t in enumerate(analysed):
        tag = _tag(t)
        cat = _TAGS.get(tag, "O")
        form = t.form
        if (
            tag == "NNG"
            and at + 1 < len(analysed)
            and _tag(analysed[at + 1]) == "XSA"
            and analysed[at + 1].start == t.start + t.len
        ):
            cat = "O"  # "중대한": the root of an adjective, no noun of a name or term
        if tag == "SH" and len(form) >= 2:
            cat = "P"  # "李在明 대통령": a name in hanja, not the start of the title
        if (
            tag == "NNG"
            and t.id == _unknown_noun_id()
            and len(form) >= 2
            and all("가" <= ch <= "힣" for ch in form)
        ):
            cat = "P"  # "블링컨": a noun the analyser's dictionary lacks is a name
        if tag in ("SP", "SO") and form in ("·", "・", "ㆍ"):
            cat = "J"
        if (
            form == "-"
            and out
            and out[-1].end == t.start
            and len(out[-1].form) == 1
            and out[-1].form in _relation_chars()
            and text[t.start + 1 : t.start + 2] in _relation_chars()
        ):
            cat = "J"  # "미-북 협상", "한-일 관계": a relation written with a hyphen
        start = t.start
        if (
            tag == "NNP"
            and len(form) >= 4
            and form[-1] in _PARTICLES
            and form[-2] in _PLACE_WORD_ENDS
        ):
            # "흥덕구에": the analyser kept the particle on a district's name
            out.append(CTok(form[:-1], t.start, t.start + len(form) - 1, "P", "place"))
            continue
        if (
            cat in ("O", "N")  # "포항시에서": 시 read as a common noun (o'clock)
            and form in _PLACE_ENDINGS
            and not tag.startswith("J")  # "현대자동차그룹도": the particle 도
            and out
            and out[-1].cat == "P"
            and out[-1].end == start
            and len(out[-1].form) >= 2  # "니가타현"; "조현" is a name
        ):
            cat = "SUF"  # "니가타현": 현 read as a determiner
        if (
            form in _NEIGHBOURHOOD_ENDINGS
            and not tag.startswith("J")
            and out
            and out[-1].cat == "N"
            and len(out[-1].form) >= 2
            and out[-1].end == start
            and out[-1].start >= 2
            and text[out[-1].start - 1] == " "
            and text[out[-1].start - 2] in _PLACE_WORD_ENDS
            and tag in ("NNG", "NNB", "XSN")
        ):
            # "파주시 문산읍 임진리": a village the analyser read as a common noun and
            # its ending, right after a place
            first = out.pop()
            out.append(CTok(first.form + form, first.start, start + t.len, "P", "place"))
            continue
        if (
            cat == "O"
            and len(form) == 1
            and "가" <= form <= "힣"
            and not tag.startswith("J")  # "한국과 일본": a particle, not a given name
            and out
            and out[-1].end == start
            and (start + 1 >= len(text) or not ("가" <= text[start + 1] <= "힣"))
        ):
            # "조현", "윤성현": a family name and a given name whose last syllable the
            # analyser read as a determiner (조/P 현, 윤/P 성/N 현)
            k = len(out) - 1
            while k > 0 and out[k - 1].end == out[k].start and out[k].cat in ("P", "N"):
                k -= 1
            name = text[out[k].start : start + t.len]
            if (
                out[k].cat == "P"
                and len(name) in (2, 3)
                and name[0] in _surnames()
                # "한일간", "남북간": a relation and 간 (between), no name
                and not (len(name) == 3 and all(ch in _relation_chars() for ch in name[:2]))
                and all(x.cat in ("P", "N") and len(x.form) <= 2 for x in out[k:])
            ):
                begin = out[k].start
                del out[k:]
                out.append(CTok(name, begin, start + t.len, "P"))
                continue
        if (
            cat in ("SUF", "O")
            and form == "형"
            and len(out) >= 3
            and out[-1].cat == "D"
            and out[-2].form == "-"
            and out[-3].cat == "P"
            and out[-3].end == out[-2].start
            and out[-2].end == out[-1].start
            and out[-1].end == start
        ):
            # "화성-17형": a named missile, a proper noun, a number and 형 (type)
            begin = out[-3].start
            del out[-3:]
            out.append(CTok(text[begin : start + t.len], begin, start + t.len, "P", "weapon"))
            continue
        if (
            tag == "NNB"
            and form == "간"
            and out
            and out[-1].cat == "N"
            and out[-1].end == start
            and "가" <= text[start + 1 : start + 2] <= "힣"
        ):
            cat = "SUF"  # "대륙간탄도미사일": intercontinental, inside one compound
        if (
            (tag == "NNB" or (tag == "NNG" and not all(ch in sino_syllables() for ch in form)))
            and len(form) >= 2
            and out
            and out[-1].cat == "P"
            and text[out[-1].end : start] == " "
            and text[start + t.len : start + t.len + 1] == " "
            and all("가" <= ch <= "힣" for ch in form)
            and _title_follows(text, start + t.len + 1)
        ):
            # "마크 밀리 합참의장", "데이비드 버거 미 해병대사령관": a foreign family name
            # read as a bound noun or a loanword (not one of hanja: 이재명 정부 장관)
            cat = "P"
        if (
            tag in ("NNB", "NNG")
            and form in _SPACED_PLACE_ENDINGS
            and out
            and out[-1].cat == "P"
            and text[out[-1].end : start] == " "
            and not text[start + 1 : start + 2].isdigit()
        ):
            # "테일러 시에", "오하이오 주": a city's or a state's name and its ending
            # written apart (시 is no hour after a name)
            out[-1].sub = "place"
            cat = "O"
        if tag == "NNB" and form == "씨" and out and out[-1].cat == "P":
            cat = "N"  # "윤성현 씨": the honorific after a name is a title
        if form == "자" and out and out[-1].cat == "D" and out[-1].end == start:
            # "6자회담": a number of parties, one noun of the name
            first = out.pop()
            out.append(CTok(text[first.start : start + t.len], first.start, start + t.len, "N"))
            continue
        if (
            cat == "O"
            and form in ("대", "차", "회")
            and out
            and out[-1].cat == "D"
            and out[-1].end == start
        ):
            # "제4차", "15대", "제20대": an ordinal, one prefix
            begin = out[-1].start
            out.pop()
            if out and out[-1].form == "제" and out[-1].end == begin:
                begin = out.pop().start
            out.append(CTok(text[begin : start + t.len], begin, start + t.len, "PRE", "ordinal"))
            continue
        if (
            cat == "P"
            and len(out) >= 2
            and out[-1].form == "-"
            and out[-1].end == start
            and out[-2].cat == "P"
            and out[-2].end == out[-1].start
            and len(out[-2].form) >= 2
            and len(form) >= 2
        ):
            # "토머스-그린필드": a double-barrelled family name is one word
            first = out[-2]
            del out[-2:]
            out.append(CTok(text[first.start : start + t.len], first.start, start + t.len, "P"))
            continue
        if (
            form == "군"
            and out
            and out[-1].cat == "P"
            and out[-1].end == start
            and country_key(out[-1].form, LANG) is not None
        ):
            cat = "O"  # "러시아군": a country's forces, no place name
        if form in _ERA_WORDS and out and out[-1].cat == "P" and out[-1].end == start:
            # "백제시대", "조선시대": a kingdom's era, no name of a place or a term
            out[-1].cat = "O"
            cat = "O"
        if form in ("발", "행") and out and out[-1].cat == "P" and out[-1].end == start:
            cat = "O"  # "방콕발 무안행": from Bangkok, bound for Muan
        if cat == "L" and out and out[-1].cat == "D" and out[-1].end == start:
            cat = "D"  # "7C221편": a code after a number is no acronym
        if (
            cat == "P"
            and out
            and out[-1].cat == "L"
            and out[-1].end == start
            and out[-1].form.isupper()
            and len(out[-1].form) <= 3
            and (out[-1].start == 0 or not text[out[-1].start - 1].isalnum())
        ):
            # "SK하이닉스", "KB국민은행": a company's Latin letters and its Hangul name
            # are one proper noun
            first = out.pop()
            out.append(CTok(text[first.start : start + t.len], first.start, start + t.len, "P"))
            continue
        if (
            cat == "N"
            and len(out) >= 2
            and out[-1].cat in ("N", "P")
            and out[-1].end == start
            and out[-2].cat in ("L", "P")
            and out[-2].end == out[-1].start
            and out[-2].form[:1].isascii()
            and out[-2].form[:1].isupper()
            and (out[-2].start == 0 or not text[out[-2].start - 1].isalnum())
            and (out[-2].cat == "P" or _company_letters(out[-2].form))
            and (out[-2].cat == "L" or out[-2].sub == "org")
        ):
            # "LG에너지솔루션": a company's letters and two or more nouns written onto
            # them are its name (one glued noun is a product or a paper: "KDI보고서")
            first = out.pop(-2)
            out.pop()
            out.append(
                CTok(text[first.start : start + t.len], first.start, start + t.len, "P", "org")
            )
            continue
        if cat == "N" and form in lang_rules(LANG).institutions:
            cat = "P"  # "안보리": an institution's name the analyser calls a common noun
        cut = _title_cut(form) if cat == "P" else 0
        if cut:
            # "한반도평화교섭본부장": an office and its title read as one proper noun
            out.append(CTok(form[:cut], start, start + cut, "N"))
            out.append(CTok(form[cut:], start + cut, start + t.len, "N"))
            continue
        # "유가족", "한국인": a word of the analyser's dictionary, shaped like a name or not
        sub = "common" if tag == "NNG" and cat == "N" and len(form) == 3 else ""
        if (
            cat == "P"
            and len(form) == 1
            and form in abbreviations(LANG)
            and (start == 0 or text[start - 1].isspace() or text[start - 1] in "([\"'“‘")
            and text[start + 1 : start + 2] == " "
        ):
            sub = "country"  # "미 국무부", "일 외무상": a country's one-syllable name
        out.append(CTok(form, start, start + t.len, cat, sub))
    return _split_names_before_titles(text, _joined_places(latin_hyphen_words(out)))


def _joined_places(toks: list[CTok]) -> list[CTok]:
    """ "인도·태평양", "아시아·태평양": two place words written with a joiner are one
    region when the place list has them written together (인도태평양)."""
    places = lang_rules(LANG).places
    out: list[CTok] = []
    for t in toks:
        if (
            t.cat == "P"
            and len(out) >= 2
            and out[-1].cat == "J"
            and out[-2].cat == "P"
            and out[-2].end == out[-1].start
            and out[-1].end == t.start
            and out[-2].form + t.form in places
        ):
            first, joiner = out[-2], out[-1].form
            del out[-2:]
            out.append(CTok(first.form + joiner + t.form, first.start, t.end, "P", "place"))
            continue
        out.append(t)
    return out


def _split_names_before_titles(text: str, toks: list[CTok]) -> list[CTok]:
    """ "최선희 외무상": a Korean name the analyser split into common nouns (최선 + 희) is
    one proper noun when a title follows it: three syllables, a family name first, each
    read from a hanja, and no institution's ending (안보실 대변인 keeps 안보실). So is
    one it read as a two-syllable proper noun and a common noun ("김민준 씨": 김민 +
    준), unless the proper noun is a country (이란산 대변인 is no one)."""
    rules = lang_rules(LANG)
    out: list[CTok] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        j = i + 1
        while j < len(toks) and toks[j].start == toks[j - 1].end and toks[j].cat == "N":
            j += 1
        word = text[t.start : toks[j - 1].end]
        after = text[toks[j - 1].end : toks[j - 1].end + 12]
        split_name = t.cat == "N" or (
            t.cat == "P"
            and j - i == 2
            and len(t.form) == 2
            and len(toks[i + 1].form) == 1
            and country_key(t.form, LANG) is None
        )
        if (
            j - i >= 2
            and split_name
            and (t.start == 0 or text[t.start - 1].isspace())
            and len(word) == 3
            and word[0] in korean_miner_surnames()
            and all(ch in sino_syllables() for ch in word)
            and not any(word.endswith(h) for h in rules.heads)
            and after.startswith(" ")
            and any(after[1:].startswith(title) for title in rules.title_list)
        ):
            out.append(CTok(word, t.start, toks[j - 1].end, "P"))
            i = j
            continue
        out.append(t)
        i += 1
    return out


class KoreanEngine(Engine):
    def default_proper_kind(self, g: list[CTok], surface: str) -> str:
        if " " in surface and all(t.cat == "P" for t in g):
            return "person"
        if _korean_name_shape(surface):
            return "person"  # not "서배너": 너 reads no hanja
        return "org"

    def is_full_name(self, m: Mention) -> bool:
        s = m.surface
        return " " in s or (len(s) == 3 and s[0] in korean_miner_surnames()) or len(s) >= 5


# a reporter's sign-off: "VOA 뉴스 김환용입니다."
_SIGN_OFF = re.compile(r"(?:뉴스|기자) ([가-힣]{3}) ?입니다\.?\s*$", re.M)


def _replace_inside(
    engine: KoreanEngine, mentions: list[Mention], start: int, end: int, kind: str
) -> None:
    """Put the name at start..end in place of the mentions inside it."""
    mentions[:] = [x for x in mentions if not (start <= x.start and x.end <= end)]
    _add_mention(engine, mentions, start, end, kind)


def _add_mention(
    engine: KoreanEngine, mentions: list[Mention], start: int, end: int, kind: str
) -> None:
    surface = engine.text[start:end]
    sentence = engine.index.sentence_at(start)
    mentions.append(Mention(surface, start, end, sentence, kind, LANG, engine.key(surface, kind)))


# a date that names a document or an event: "9·19 군사합의", "6·15 공동선언"
_DATE_NAME = re.compile(r"(?<![\d.·ㆍ])(1[0-2]|[1-9])[·ㆍ](3[01]|[12]\d|[1-9]) (?=[가-힣])")


def _dated_names(engine: KoreanEngine, toks: list[CTok], mentions: list[Mention]) -> None:
    """Add "9·19 군사합의": a month·day, then nouns ending in a document's or an
    event's head (ko_heads.txt), is one name of that kind."""
    for m in _DATE_NAME.finditer(engine.text):
        after = [t for t in toks if t.start >= m.end()][:3]
        best = None
        for k, t in enumerate(after):
            if t.cat not in ("N", "P") or (
                k and engine.text[after[k - 1].end : t.start] not in ("", " ")
            ):
                break
            kind = engine._head_kind_str(engine.text[m.start() : t.end], proper=True)
            if kind in ("work", "event"):
                best = (t.end, kind)
        if best is None:
            continue
        end, kind = best
        _replace_inside(engine, mentions, m.start(), end, kind)


@cache
def _kind_words() -> dict[str, str]:
    """Nouns before a name that give its kind (glossary/mining/data/ko_kind_words.txt)."""
    return {row[0]: row[1] for row in load_table("ko_kind_words.txt")}


def _kind_word_names(engine: KoreanEngine, toks: list[CTok], mentions: list[Mention]) -> None:
    """Add "태풍 힌남노": a kind word, one space, then a proper noun."""
    for a, b in itertools.pairwise(toks):
        kind = _kind_words().get(a.form)
        if kind is None or b.cat != "P" or engine.text[a.end : b.start] != " ":
            continue
        if a.start and not engine.text[a.start - 1].isspace():
            continue
        _replace_inside(engine, mentions, a.start, b.end, kind)


def _kind_word_short_forms(mentions: list[Mention]) -> None:
    """ "태풍 마이삭" and ‘마이삭’ in one article are one name: the name without its kind
    word takes the kind and the key of the name with it."""
    long_forms: dict[str, Mention] = {}
    for m in mentions:
        first, _, rest = m.surface.partition(" ")
        if rest and " " not in rest and _kind_words().get(first) == m.kind:
            long_forms.setdefault(rest, m)
    for m in mentions:
        whole = long_forms.get(m.surface)
        if whole is not None:
            m.kind, m.normalized = whole.kind, whole.normalized


@cache
def _company_words() -> frozenset[str]:
    """Words that end a company's name after its group's (ko_company_words.txt)."""
    from glossary.mining.rules import load_words

    return load_words("ko_company_words.txt", lower=False)


def _group_short_forms(mentions: list[Mention]) -> None:
    """ "삼성전자" and "삼성이 이날 발표한": a group's name alone is the one company of
    that group the article names in full."""
    full: dict[str, set[str]] = {}
    for m in mentions:
        if m.kind == "org" and " " not in m.surface:
            for w in _company_words():
                if m.surface.endswith(w) and len(m.surface) >= len(w) + 2:
                    full.setdefault(m.surface[: -len(w)], set()).add(m.normalized)
    for m in mentions:
        keys = full.get(m.surface)
        if m.kind == "org" and keys is not None and len(keys) == 1:
            m.normalized = next(iter(keys))


def _korean_name_shape(word: str) -> bool:
    """Three syllables, a family name first, each read from a hanja ("김기남")."""
    return (
        len(word) == 3
        and word[0] in korean_miner_surnames()
        and all(ch in sino_syllables() for ch in word)
    )


def _split_name_and_neighbour(engine: KoreanEngine, mentions: list[Mention]) -> None:
    """ "김기남 삼성전자 부회장": a Korean full name is never followed by another part of
    the same name, so the word after it, when the article names it elsewhere too, is a
    name of its own (its head's kind, else an organisation). Foreign names keep their
    parts ("마이크 폼페오": 크 reads no hanja; "기시다 후미오": the given name is not
    written elsewhere)."""
    for m in list(mentions):
        first, _, rest = m.surface.partition(" ")
        if m.kind != "person" or not rest or " " in rest or len(rest) < 2:
            continue
        if not _korean_name_shape(first) or not all("가" <= ch <= "힣" for ch in rest):
            continue
        if engine.text.count(rest) < 2:
            continue
        mentions.remove(m)
        sentence = engine.index.sentence_at(m.start)
        cut = m.start + len(first) + 1
        mentions.append(
            Mention(first, m.start, m.start + len(first), sentence, "person", LANG, "p:" + first)
        )
        kind = engine._head_kind_str(rest, proper=True) or "org"
        mentions.append(Mention(rest, cut, m.end, sentence, kind, LANG, engine.key(rest, kind)))


def _regions_before_places(engine: KoreanEngine, mentions: list[Mention]) -> None:
    """ "텍사스 테일러 시": a proper noun with no sign of its kind, written right before a
    place, is the region that place lies in."""
    by_start = {m.start: m for m in mentions}
    rules = lang_rules(LANG)
    for m in mentions:
        after = by_start.get(m.end + 1)
        if (
            m.kind == "org"
            and after is not None
            and after.kind == "place"
            and engine.text[m.end : m.end + 1] == " "
            and " " not in m.surface
            and all("가" <= ch <= "힣" for ch in m.surface)
            and m.surface not in rules.institutions
            and engine._head_kind_str(m.surface, proper=True) is None
        ):
            m.kind, m.normalized = "place", engine.key(m.surface, "place")


def _ships_in_events(engine: KoreanEngine, mentions: list[Mention]) -> None:
    """ "세월호 참사", "천안함 피격 사건": a name ending in 호 or 함 that opens an event's
    name is a ship, a facility with a row of its own."""
    have = {(m.start, m.end) for m in mentions}
    for m in list(mentions):
        first = m.surface.split(" ", 1)[0]
        if (
            m.kind == "event"
            and " " in m.surface
            and len(first) >= 3
            and first[-1] in "호함"
            and all("가" <= ch <= "힣" for ch in first)
            and (m.start, m.start + len(first)) not in have
        ):
            key = engine.key(first, "facility")
            sentence = engine.index.sentence_at(m.start)
            end = m.start + len(first)
            mentions.append(Mention(first, m.start, end, sentence, "facility", LANG, key))


def _known_names_over_places(engine: KoreanEngine, mentions: list[Mention]) -> None:
    """ "한국 제주항공 여객기가": a place at the start of a word that, further on, spells a
    name the article has found elsewhere (제주항공, an organisation) is that name."""
    known = {m.surface: (m.kind, m.normalized) for m in mentions if m.kind in ("org", "facility")}
    for m in mentions:  # "제주항공" of "제주항공 사고": a name in a word of its own
        first = m.surface.split(" ", 1)[0]
        if (
            m.kind in ("event", "facility")
            and " " in m.surface
            and first not in known
            and first not in _kind_words()
            and first not in lang_rules(LANG).places
            and country_key(first, LANG) is None
            and engine._head_kind_str(first, proper=True) in (None, "org")
        ):
            known[first] = ("org", engine.key(first, "org"))
    text = engine.text
    for i, m in enumerate(mentions):
        if m.kind != "place":
            continue
        end = m.end
        while end < len(text) and "가" <= text[end] <= "힣":
            end += 1
        for stop in range(end, m.end + 1, -1):  # two syllables more at least (제주도)
            word = text[m.start : stop]
            if word in known:
                kind, key = known[word]
                mentions[i] = Mention(word, m.start, stop, m.sentence, kind, LANG, key)
                break


@cache
def _term_actions() -> frozenset[str]:
    """Verbal nouns after a term that are no part of it (ko_term_actions.txt)."""
    from glossary.mining.rules import load_words

    return load_words("ko_term_actions.txt", lower=False)


def _terms_without_actions(engine: KoreanEngine, mentions: list[Mention]) -> None:
    """ "탄도미사일 실험" gives the term 탄도미사일: the words before an action noun
    (ko_term_actions.txt) that end in a term's head make the term by themselves."""
    for i, m in enumerate(mentions):
        rest, _, action = m.surface.rpartition(" ")
        if m.kind != "term" or action not in _term_actions() or not rest:
            continue
        head = next((h for h in engine.r.term_head_list if rest.endswith(h)), "")
        if not head or rest == head:
            continue  # "미사일 개발": one word before the action is no term
        end = m.start + len(rest)
        mentions[i] = Mention(
            rest, m.start, end, m.sentence, "term", LANG, engine.key(rest, "term")
        )


# one-syllable heads written onto a compound that make it a term: 안 (a bill or a
# motion: "탄핵소추안"); not 권, which ends rights (생명권) and regions (수도권) alike
_TERM_SUFFIXES = frozenset(("안",))


def _glued_suffix_terms(engine: KoreanEngine, toks: list[CTok], mentions: list[Mention]) -> None:
    """Add "탄핵소추안", "탄핵안": nouns written together and ending in a term suffix
    (the noun before it two syllables or more, and no generic word: "최종안") are a term;
    the short form of the one longer such term of the article (탄핵안: 탄핵 + 안, of
    탄핵 + 소추 + 안) is the same term."""
    rules = lang_rules(LANG)
    have = {(m.start, m.end) for m in mentions}
    found: list[tuple[bool, Mention]] = []  # (ends in 안 itself, term)
    for k, t in enumerate(toks):
        suffix = t.form in _TERM_SUFFIXES or (len(t.form) >= 3 and t.form[-1] in _TERM_SUFFIXES)
        if not suffix or k == 0 or t.cat not in ("N", "SUF"):
            continue  # 안, or a noun ending in it (결의안: 해임결의안)
        if k + 1 < len(toks) and toks[k + 1].start == t.end and toks[k + 1].cat in ("N", "SUF"):
            continue  # "안보": the syllable opens a longer noun
        j = k
        while j > 0 and toks[j - 1].end == toks[j].start and toks[j - 1].cat in ("N", "PRE"):
            j -= 1  # "불신임안": a prefix opens the compound
        if j == k or len(toks[k - 1].form) < 2 or toks[k - 1].cat != "N":
            continue
        if j > 0 and toks[j - 1].end == toks[j].start:
            continue  # written onto a name or a number: no compound of common nouns
        if any(x.form in rules.term_generic or x.form in rules.stop for x in toks[j:k]):
            continue
        start, end = toks[j].start, t.end
        if (start, end) in have:
            continue
        surface = engine.text[start:end]
        sentence = engine.index.sentence_at(start)
        m = Mention(surface, start, end, sentence, "term", LANG, engine.key(surface, "term"))
        mentions.append(m)
        found.append((t.form in _TERM_SUFFIXES, m))
    for bare, m in found:
        if not bare:
            continue
        stem = m.surface[:-1]  # 해임 of 해임안
        longer = {
            x.normalized
            for _, x in found
            if x.surface.startswith(stem) and len(x.surface) > len(m.surface)
        }
        if len(longer) == 1:
            m.normalized = next(iter(longer))


def _former_holders(engine: KoreanEngine, mentions: list[Mention]) -> None:
    """ "김용현 전 국방부 장관": a word shaped like a Korean name, then 전 (former) and a
    title within the next words, is a person, whatever its last syllable (현, 구, 대)."""
    titles = lang_rules(LANG).title_list
    text = engine.text
    for m in mentions:
        if m.kind == "person" or not _korean_name_shape(m.surface):
            continue
        if text[m.end : m.end + 3] != " 전 ":
            continue
        words = text[m.end + 3 :].split(" ", 3)[:3]
        if any(title in w for w in words for title in titles):
            m.kind, m.normalized = "person", "p:" + m.surface


def _drop_nested_places(mentions: list[Mention]) -> list[Mention]:
    """A place inside a longer name is no row of its own ("광안리" in 광안리 해변, "개성"
    in 개성역사유적지구); where the place also stands alone, that mention stays. A
    person's or a term's span over a place keeps it: those are more often words read
    together by mistake ("오하이오 콜럼버스" as a person) than one name."""
    return [
        m
        for m in mentions
        if m.kind != "place"
        or not any(
            x is not m
            and x.kind in ("place", "org", "facility", "event", "work")
            and x.start <= m.start <= m.end <= x.end
            and x.end - x.start > m.end - m.start
            for x in mentions
        )
    ]


def _long_head_kind(engine: KoreanEngine, word: str) -> str | None:
    """The kind of the head of two syllables or more ``word`` ends in ("세계보건기구")."""
    for h in engine.r.head_list:
        if len(h) >= 2 and word.endswith(h) and len(word) > len(h):
            kind = engine.r.heads[h][0]
            return None if kind == "none" else kind
    return None


def _written_names(engine: KoreanEngine, toks: list[CTok], mentions: list[Mention]) -> None:
    """Names and terms read off how words are written (``korean_words``)."""
    text, common = engine.text, lang_rules(LANG).acronyms_common
    spans = korean_words.letter_prefix_terms(text, toks)
    spans += korean_words.glued_institutions(text, toks, mentions, engine._head_kind_str)
    spans += korean_words.numbered_works(text, toks, engine._head_kind_str)
    drop = korean_words.no_names(text, mentions)
    mentions[:] = [m for m in mentions if m not in drop]
    runs = korean_words.acronym_runs(mentions, common)
    spans += korean_words.loose_acronyms(toks, mentions, common)
    mentions[:] = [m for m in mentions if m not in runs]
    for start, end, kind in spans:
        # the guideline's nesting: persons, organisations and facilities inside stay
        mentions[:] = [
            x
            for x in mentions
            if not (start <= x.start and x.end <= end)
            or (x.kind in ("person", "org", "facility") and x.end - x.start < end - start)
        ]
        _add_mention(engine, mentions, start, end, kind)
    for start, end, kind in korean_words.inner_institutions(
        toks, mentions, lambda w: _long_head_kind(engine, w)
    ):
        _add_mention(engine, mentions, start, end, kind)
    for short, name in (
        korean_words.bracketed_expansions(text, mentions)
        + korean_words.short_titles(mentions)
        + korean_words.acronym_equivalents(mentions, english_equivalents())
    ):
        short.normalized = name.normalized


def mine_text(text: str) -> list[Mention]:
    """Names and terms in Korean ``text``, with offsets into ``text``."""
    toks = tokens(text)
    engine = KoreanEngine(LANG, text, toks)
    mentions = engine.mine()
    _dated_names(engine, toks, mentions)
    _kind_word_names(engine, toks, mentions)
    _kind_word_short_forms(mentions)
    _group_short_forms(mentions)
    _split_name_and_neighbour(engine, mentions)
    _regions_before_places(engine, mentions)
    _ships_in_events(engine, mentions)
    _former_holders(engine, mentions)
    _terms_without_actions(engine, mentions)
    _glued_suffix_terms(engine, toks, mentions)
    _known_names_over_places(engine, mentions)
    _written_names(engine, toks, mentions)
    mentions = _drop_nested_places(mentions)
    for m in _SIGN_OFF.finditer(text):
        name = m.group(1)
        if name[0] in _surnames():
            s, e = m.span(1)
            mentions = [x for x in mentions if not (x.start < e and s < x.end)]
            mentions.append(
                Mention(name, s, e, engine.index.sentence_at(s), "person", LANG, "p:" + name)
            )
    mentions.sort(key=lambda x: (x.start, -x.end))
    return mentions

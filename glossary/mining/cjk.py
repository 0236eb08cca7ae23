"""The Korean and Japanese miners' common engine, over analysed tokens.

A language adapter (``korean.py``, ``japanese.py``) turns its analyser's output
into :class:`CTok` tokens with a coarse category:

``P`` proper noun (``sub``: person, surname, given, place, org or ""), ``N`` common
noun, ``PRE`` prefix, ``SUF`` noun suffix, ``L`` Latin letters, ``D`` digits,
``J`` a joiner inside a name ("·", "・"), ``NO`` the particle の, ``O`` anything else.

The engine then

1. builds runs of nominal tokens (contiguous, or one space apart in Korean);
2. splits each run at titles (``*_titles.txt``): the name before a title is a person
   ("이재명 대통령은" gives 이재명, "高市総理" gives 高市, "李在明大統領" gives 李在明),
   the title compound is a term when official ("국가안보실장"), and an organisation
   inside it is mined ("국가안보실");
3. reads the rest of the run as a relation term ("한미일 안보협력", "日韓米の連携"),
   a name ending in a head word (``*_heads.txt``: "나라현", "長生炭鉱",
   "도쿄대 동양문화연구소"), proper nouns (with places split out), Latin acronyms
   ("APEC", "G20"), or a compound term of two or more nouns ending in a domain head
   (``*_term_heads.txt``: "셔틀 외교", "シャトル外交");
4. reads the article as a whole: a family name alone joins the one full name that
   starts with it ("다카이치" -> "다카이치 사나에", "李" -> "李在明"); a name seen with a
   person's title anywhere is a person everywhere; an acronym in brackets after a
   name is that name's acronym ("아시아태평양경제협력체(APEC)").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from glossary.lang import get_language
from glossary.mining.countries import abbreviations, country_key
from glossary.mining.mention import Mention
from glossary.mining.rules import load_table, load_words
from glossary.mining.sentences import SentenceIndex, split_sentences

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


class CTok:
    """One analysed token."""

    __slots__ = ("cat", "end", "form", "start", "sub")

    def __init__(self, form: str, start: int, end: int, cat: str, sub: str = "") -> None:
        self.form = form
        self.start = start
        self.end = end
        self.cat = cat
        self.sub = sub

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"{self.form}/{self.cat}{'/' + self.sub if self.sub else ''}"


def latin_hyphen_words(toks: list[CTok]) -> list[CTok]:
    """ "K-POP", "F-35A": Latin letters and digits joined by a hyphen are one word."""
    out: list[CTok] = []
    for t in toks:
        if (
            t.cat in ("L", "D")
            and len(out) >= 2
            and out[-1].form in ("-", "‐")
            and out[-2].cat == "L"
            and out[-2].end == out[-1].start
            and out[-1].end == t.start
        ):
            out.pop()
            first = out.pop()
            out.append(CTok(first.form + "-" + t.form, first.start, t.end, "L"))
            continue
        if (
            t.cat in ("L", "D")
            and out
            and out[-1].cat == "L"
            and out[-1].end == t.start
            and "-" in out[-1].form
        ):
            first = out.pop()
            out.append(CTok(first.form + t.form, first.start, t.end, "L"))  # "F-35" + "A"
            continue
        out.append(t)
    return out


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


class Engine:
    """Mines one text from its tokens."""

    def __init__(self, lang: str, text: str, toks: list[CTok]) -> None:
        self.r = lang_rules(lang)
        self.lang = lang
        self.text = text
        self.toks = toks
        self.index = SentenceIndex(text, split_sentences(text, lang))
        self.mentions: list[Mention] = []
        self.seen: dict[tuple[int, int], Mention] = {}
        self.titled: set[str] = set()  # surfaces seen before a person's title
        self.pairs: list[tuple[int, int]] = []  # (expansion end, acronym start)
        self.glosses: set[int] = set()  # readings and kanji glosses keyed to their name
        self.english: set[int] = set()  # mentions inside sentences quoted in English

    # ---- output -----------------------------------------------------------
    def emit(self, start: int, end: int, kind: str, key: str | None = None) -> Mention | None:
        text = self.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end <= start:
            return None
        old = self.seen.get((start, end))
        if old is not None:
            if kind == "person" and old.kind != "person":
                old.kind = "person"
                old.normalized = "p:" + _nospace(old.surface)
            return old
        surface = text[start:end]
        if key is None:
            key = self.key(surface, kind)
        m = Mention(surface, start, end, self.index.sentence_at(start), kind, self.lang, key)
        self.seen[(start, end)] = m
        self.mentions.append(m)
        return m

    def key(self, surface: str, kind: str) -> str:
        s = _nospace(surface).replace("・", "").replace("·", "").replace("-", "")
        if kind != "person":
            country = country_key(s, self.lang)
            if country is None and kind == "place" and len(s) == 1:
                country = abbreviations(self.lang).get(s)  # 미 = 미국
            if country is not None:
                return "n:" + country  # 한국 = 대한민국, 米国 = アメリカ
        if kind == "person":
            return "p:" + s
        if kind == "term":
            return "t:" + s
        return "n:" + s

    # ---- English inside the article ------------------------------------------
    def _english_stretches(self) -> None:
        """Sentences quoted in English ("[국무부 대변인] "The United States condemns
        ..."") are mined as English; their tokens leave the Korean or Japanese runs."""
        from glossary.mining.english import mine_text as mine_english

        spans = [(m.start(), m.end()) for m in _LATIN_STRETCH.finditer(self.text)]
        if not spans:
            return
        starts = [s for s, _ in spans]
        keep = []
        for t in self.toks:
            i = bisect.bisect_right(starts, t.start) - 1
            if i < 0 or t.start >= spans[i][1]:
                keep.append(t)
        self.toks = keep
        for s, e in spans:
            for m in mine_english(self.text[s:e]):
                start, end = m.start + s, m.end + s
                if (start, end) in self.seen:
                    continue
                mention = Mention(
                    m.surface,
                    start,
                    end,
                    self.index.sentence_at(start),
                    m.kind,
                    self.lang,
                    m.normalized,
                )
                self.seen[(start, end)] = mention
                self.mentions.append(mention)
                self.english.add(id(mention))

    # ---- runs -------------------------------------------------------------
    def _joined(self, prev: CTok, tok: CTok) -> bool:
        if tok.start == prev.end:
            return True
        if self.r.spaced and self.text[prev.end : tok.start] == " ":
            # a space inside a compound; a suffix or digit never follows a space
            return tok.cat not in ("SUF", "J") and prev.cat != "J"
        return False

    def name_ends_before(self, cur: list[CTok], tok: CTok) -> bool:
        """True when a full name ends the run before ``tok`` (a language's rule)."""
        return False

    def runs(self) -> list[list[CTok]]:
        out: list[list[CTok]] = []
        cur: list[CTok] = []
        for tok in self.toks:
            ok = tok.cat in NOMINAL
            if (
                ok
                and tok.cat == "D"
                and not (cur and cur[-1].cat in ("L", "N", "P") and cur[-1].end == tok.start)
            ):
                ok = False
            if ok and cur and (not self._joined(cur[-1], tok) or self.name_ends_before(cur, tok)):
                out.append(cur)
                cur = []
            if (
                ok
                and tok.cat == "N"
                and len(tok.form) == 1
                and tok.form in self.r.stop
                and tok.form not in _FORMER
                and not self._joined_relation(tok)  # "중·러"
                and not (  # "令和6年": the year of an era stays in the run
                    len(cur) >= 2
                    and cur[-1].cat == "D"
                    and cur[-2].cat == "P"
                    and cur[-2].form in self.r.stop
                )
            ):
                ok = False  # "회의 뒤 공동선언": a one-syllable noun of time or place ends a run
            if (
                ok
                and self.r.spaced
                and tok.cat == "N"
                and len(tok.form) >= 2
                and tok.form in self.r.stop
                and cur
                and (
                    cur[-1].cat == "N"
                    # "중화군 일대", "북한 당국"; not "한일 양국 정부" (no row at all)
                    or (cur[-1].cat == "P" and not self._is_relation(cur[-1].form))
                )
            ):
                ok = False  # "핵실험 이후 국제제재", "국제정세 가운데 한일관계"
            if (
                ok
                and tok.cat != "J"
                and cur
                and cur[-1].cat == "J"
                and len(cur) >= 2
                and ((cur[-2].cat == "N") != (tok.cat == "N"))
                # "중·러": two one-syllable country names are a relation, not a list
                and not (
                    len(cur[-2].form) == 1
                    and len(tok.form) == 1
                    and cur[-2].form in self.r.relation_chars
                    and tok.form in self.r.relation_chars
                )
            ):
                # "地元・奈良": a list joiner between a common and a proper noun ends a run
                cur.pop()
                out.append(cur)
                cur = []
            if ok:
                if tok.cat == "J" and (not cur or cur[-1].cat not in ("P", "L", "N")):
                    if cur:
                        out.append(cur)
                    cur = []
                    continue
                cur.append(tok)
            else:
                if cur:
                    out.append(cur)
                cur = []
        if cur:
            out.append(cur)
        cleaned = []
        for run in out:
            while run and run[-1].cat in ("J", "PRE"):
                run = run[:-1]
            if run:
                cleaned.append(run)
        return cleaned

    def mine(self) -> list[Mention]:
        self._english_stretches()
        runs = self.runs()
        for i, run in enumerate(runs):
            rel_only = self.process_run(run)
            if rel_only:
                # "日米韓が", "日韓米で", "한미일은": the relation word standing alone
                self.emit(run[0].start, run[-1].end, "term")
                if self.lang == "ja" and i + 1 < len(runs):
                    self._relation_no(run, runs[i + 1])
        self._acronym_pairs(runs)
        self._readings()
        self.resolve()
        self.link_hanja_names()
        self._chambers_inside()
        self._drop_time_zones()
        self.link_short_forms()
        if self.lang == "ko" and self.english:
            self.link_romanized()
        self.mentions.sort(key=lambda m: (m.start, -m.end))
        return self.mentions

    # ---- titles -----------------------------------------------------------
    def _title_at(self, run: list[CTok], k: int, lo: int) -> tuple[int, str] | None:
        """A title ending at token k: (its start offset, the title)."""
        tok = run[k]
        if tok.cat not in ("N", "SUF"):
            return None
        e = tok.end
        for t in self.r.title_list:
            s = e - len(t)
            if s >= lo and self.text[s:e] == t:
                return s, t
        return None

    def process_run(self, run: list[CTok]) -> bool:
        """Mine one run; True when it is a relation word alone ("日韓米")."""
        seg_start = 0
        k = 0
        rel_only = False
        while k < len(run):
            found = self._title_at(run, k, run[seg_start].start)
            if (
                found is not None
                and k + 1 < len(run)
                and run[k + 1].cat == "N"
                and self._head_kind_str(run[k + 1].form, proper=False) is None
                and run[k + 1].form in self.r.heads
                and self.r.heads[run[k + 1].form][0] == "event"
            ):
                # "외교장관 회담", "外相会談": a meeting, not a person's title; a name
                # before it is still a person's ("윤석열 대통령 취임식")
                names: list[CTok] = []
                x = k - 1
                while x >= seg_start and run[x].end <= found[0] and run[x].cat == "P":
                    names.insert(0, run[x])
                    x -= 1
                if names and all(t.sub in ("person", "surname", "given") for t in names):
                    self.emit(names[0].start, names[-1].end, "person")
                elif names and self.r.spaced and len(names) == 1:
                    name = names[0]
                    if self._is_place_tok(name) or country_key(name.form, self.lang):
                        self.emit(name.start, name.end, "place")  # "미국 대통령 선거"
                    else:
                        m = self.emit(name.start, name.end, "person")
                        if m is not None and not self.is_full_name(m):
                            # not a name after all: kind by default
                            m.kind = self._proper_kind([name], m.surface, False) or "org"
                            m.normalized = self.key(m.surface, m.kind)
                found = None
            if found is not None and k + 1 < len(run):
                nxt = run[k + 1]
                # a title ends a noun compound: "기자 회견" is no title
                if (
                    nxt.start == run[k].end
                    and nxt.cat not in ("P", "L")
                    and nxt.form not in self.r.stop  # "局長ほか"
                ):
                    if nxt.form in _OFFICE and k + 2 >= len(run):
                        # "大統領府": the office of the title's holder
                        self.emit(found[0], nxt.end, "org")
                    # "尹錫悦大統領就任式": the person is still named
                    names = []
                    x = k - 1
                    while x >= seg_start and run[x].end <= found[0] and run[x].cat == "P":
                        names.insert(0, run[x])
                        x -= 1
                    if names and all(t.sub in ("person", "surname", "given") for t in names):
                        self.emit(names[0].start, names[-1].end, "person")
                    found = None
            if found is None:
                k += 1
                continue
            ts, title = found
            # the title compound: common nouns before the title ("국가안보실장")
            cs_idx = k
            while run[cs_idx].start > ts:
                cs_idx -= 1
            # token cs_idx holds the title's first character
            name_end = ts
            if run[cs_idx].start == ts:
                j = cs_idx
                chain = []
                while (
                    j - 1 >= seg_start
                    and run[j - 1].cat in ("N", "PRE", "SUF")
                    and run[j - 1].form not in _FORMER
                    and self._joined(run[j - 1], run[j])
                    and run[j - 1].form not in self.r.places
                    and run[j - 1].form not in self.r.stop  # "両外相": both ministers
                    and not self._katakana_name(run[j - 1])
                    and not self._korean_name_word(run, j - 1, seg_start)
                    # "六者会合首席代表": a meeting's name ends before the title
                    and not (
                        run[j - 1].form in self.r.heads
                        and self.r.heads[run[j - 1].form][0] == "event"
                        and len(run[j - 1].form) >= 2
                    )
                ):
                    if (
                        not self.r.spaced
                        and j - 2 >= seg_start
                        and run[j - 2].cat == "P"
                        and run[j - 2].sub in ("surname", "given", "person")
                        and len(run[j - 1].form) == 1
                        # "矢吹貢一県議会議長": 県 begins the assembly's name
                        and run[j - 1].form not in _LOCAL
                    ):
                        break  # "魏聖洛国家安保室長": 洛 ends the name
                    j -= 1
                    chain.append(run[j])
                # "谷防災担当大臣": one kanji that JMnedict knows as a family name, at
                # the start before a portfolio of two words or more, is the person's
                if (
                    not self.r.spaced
                    and len(chain) >= 3
                    and j == seg_start
                    and _is_kanji_char(run[j].form)
                    and _family_name(run[j].form)
                ):
                    run[j].cat, run[j].sub = "P", "surname"
                    chain.pop()
                    j += 1
                # "自民党幹事長": a party's name (a proper noun and a one-character org
                # ending, or a listed institution) names the office with the title
                if (
                    not self.r.spaced
                    and not chain
                    and j - 1 >= seg_start
                    and run[j - 1].cat == "P"
                    and run[j - 1].sub == "org"
                    and run[j - 1].end == run[j].start
                    and self.r.titles.get(title) == "office"
                ):
                    j -= 1
                    chain.append(run[j])
                    self.emit(run[j].start, run[j].end, "org")
                elif (
                    not self.r.spaced
                    and chain
                    and j - 1 >= seg_start
                    and self.r.heads.get(run[j].form, ("", ""))[0] == "org"
                    and run[j - 1].cat == "P"
                    and run[j - 1].sub not in ("surname", "given", "person")
                    # a place before a one-character head stays a place
                    and not (len(run[j].form) == 1 and run[j - 1].sub == "place")
                    and run[j - 1].end == run[j].start
                ):
                    # "東京大学教授": a proper noun before an organisation's head names
                    # the organisation; it is no person before the title
                    j -= 1
                    chain.append(run[j])
                # "アジア大洋州局長", "北朝鮮政策担当特別代表": a place names the office with
                # the words after it, unless they already name an institution ("韓国" in
                # "韓国外交部長官" is the country of its own)
                if (
                    not self.r.spaced
                    and chain
                    and j - 1 >= seg_start
                    and run[j - 1].cat == "P"
                    and run[j - 1].sub == "place"
                    and run[j - 1].end == run[j].start
                    and not any(
                        self._head_kind_str(c.form, proper=False) == "org"
                        or (c.form in self.r.heads and self.r.heads[c.form][0] == "org")
                        for c in chain
                    )
                    and title[-1] in ("長", "表", "官", "使", "者")
                ):
                    j -= 1
                    chain.append(run[j])
                    if (
                        j - 1 >= seg_start
                        and run[j - 1].cat == "P"
                        and run[j - 1].form in self.r.institutions
                        and run[j - 1].end == run[j].start
                    ):
                        # "国連北朝鮮人権状況特別報告者": the body that appoints to the
                        # office names it too
                        j -= 1
                        chain.append(run[j])
                        self.emit(run[j].start, run[j].end, "org")
                elif (
                    not self.r.spaced
                    and not chain
                    and title[0] in _BUREAU
                    and j - 1 > seg_start
                    and run[j - 1].cat == "P"
                    and run[j - 1].sub == "place"
                    and run[j - 1].end == run[j].start
                ):
                    # "東北アジア局長": the region names the bureau, and so do the words
                    # before it, up to an institution ("外交通商部")
                    j -= 1
                    chain.append(run[j])
                    while (
                        j - 1 > seg_start
                        and run[j - 1].cat == "N"
                        and run[j - 1].end == run[j].start
                        and len(run[j - 1].form) >= 2
                        and run[j - 1].form not in self.r.heads
                        and run[j - 1].form not in self.r.stop
                    ):
                        j -= 1
                        chain.append(run[j])
                # "李在明大統領": a short given name after a family name is the name's
                if (
                    chain
                    and j - 1 >= seg_start
                    and run[j - 1].cat == "P"
                    and run[j - 1].sub in ("surname", "person")
                    and sum(len(c.form) for c in chain) <= 2
                    # "武藤駐韓大使": a word of the dictionary is the title's, not a name's
                    and (self.r.spaced or not _common_word("".join(c.form for c in chain)))
                ):
                    j = cs_idx
                # "文在寅大統領", "尹錫悦大統領": characters the analyser split one by one
                # are a name, not the start of the title
                if not self.r.spaced and len(chain) >= 2 and all(len(c.form) == 1 for c in chain):
                    j = cs_idx
                    if all(c.cat == "N" and _is_kanji_char(c.form) for c in chain):
                        for c in chain:  # "玄 葉 大臣" after a line break: 玄葉
                            c.cat, c.sub = "P", "person"
                # "岩屋大臣": one word before a bare office that JMnedict knows as a family
                # name is the person's, not the office's
                if (
                    not self.r.spaced
                    and len(chain) == 1
                    and j == seg_start
                    and self.r.titles.get(title) == "office"
                    and _family_name(chain[0].form)
                ):
                    j = cs_idx
                    chain[0].cat, chain[0].sub = "P", "surname"
                # "주한 미국대사": an ambassador's title names the country and where
                if (
                    self.r.spaced
                    and title in ("대사", "총영사")
                    and j == cs_idx
                    and j - 2 >= seg_start
                    and run[j - 1].cat == "P"
                    and country_key(run[j - 1].form, self.lang) is not None
                    and run[j - 1].end == run[j].start
                    and len(run[j - 2].form) == 2
                    and run[j - 2].form[0] == "주"
                    and run[j - 2].form[1] in self.r.relation_chars
                ):
                    j -= 2
                # "輪島市長", "용산구청장": the city before a mayor's title belongs to it
                if (
                    j == cs_idx
                    and title[:1] in _LOCAL
                    and j - 1 > seg_start
                    and run[j - 1].cat == "P"
                    and (run[j - 1].sub == "place" or self.r.spaced)
                    and run[j - 1].end == run[j].start
                ):
                    j -= 1
                elif (
                    not self.r.spaced
                    and title[:1] in _LOCAL
                    and len(chain) == 1
                    and chain[0].form in _LOCAL
                    and j - 1 > seg_start
                    and run[j - 1].cat == "P"
                    and run[j - 1].sub == "place"
                    and run[j - 1].end == run[j].start
                ):
                    j -= 1  # "大阪府知事", "神奈川県知事": the prefecture names the governor
                comp_start = run[j].start
                name_end = comp_start
            else:
                comp_start = ts
            title_end = run[k].end
            absorbed = run[cs_idx].start != ts or (j > seg_start and run[j - 1].cat != "P")
            kind = self.r.titles.get(title, "")
            compound = self.text[comp_start:title_end]
            ckind = self.r.titles.get(_nospace(compound), "")
            # a title that names its office: by itself (외교장관, 外務大臣), or with the
            # institution or portfolio before it (통일부 장관, 防災担当副大臣); a bare
            # title (대통령, 首相) is no term
            prefixed = len(_nospace(compound)) > len(title)
            # "両外相", "양 장관", "外相間": ministers of both sides, no title of one
            # portfolio
            both = comp_start == ts and (
                (cs_idx > 0 and run[cs_idx - 1].form in _BOTH)
                or (k + 1 < len(run) and run[k + 1].form in ("間", "간"))  # "外相間"
            )
            if not both and ("portfolio" in (kind, ckind) or (prefixed and (kind or ckind))):
                self.emit(comp_start, title_end, "term")
            # an office inside the title: "국가안보실장" holds "국가안보실"
            if title[-1] in ("장", "長") and len(_nospace(compound)) >= 5:
                inner = compound[:-1]
                hk = self._head_kind_str(inner, proper=False)
                if hk == "org":
                    self.emit(comp_start, title_end - 1, "org")
            # the institution before the title: "통일부" in "통일부 장관", "国務省" in
            # "国務省報道官"
            if prefixed and comp_start < ts:
                hk = self._head_kind_str(self.text[comp_start:ts], proper=False)
                if hk == "org":
                    self.emit(comp_start, ts, "org")
                elif self.r.spaced and " " in self.text[comp_start:ts].strip():
                    # "국무부 대북특별대표": the institution is the compound's first word
                    first = self.text[comp_start:ts].split()[0]
                    if self._head_kind_str(first, proper=False) == "org":
                        self.emit(comp_start, comp_start + len(first), "org")
            elif comp_start == ts and (kind or ckind):
                # a title listed whole ("外交部長官"): the institution in it, before a
                # shorter title it ends in ("外交部" before 長官)
                for t in self.r.title_list:
                    cut = len(compound) - len(t)
                    if cut > 0 and compound.endswith(t) and not compound[:cut].endswith(" "):
                        if self._head_kind_str(compound[:cut], proper=False) == "org":
                            self.emit(comp_start, comp_start + cut, "org")
                        break
            # the name before the title
            name_toks = [t for t in run[seg_start:] if t.start < name_end]
            while name_toks and name_toks[-1].form in _FORMER:
                name_toks.pop()
                absorbed = False
            if absorbed and name_toks:
                name_toks = self._merge_name_tail(name_toks, name_end)
            while name_toks and name_toks[0].form in self.r.stop:
                name_toks.pop(0)  # "양 장관": both ministers
            if name_toks:
                self._titled_name(name_toks)
            seg_start = k + 1
            k += 1
        if seg_start < len(run):
            rel_only = self.process_segment(run[seg_start:])
        return rel_only

    def _is_place_tok(self, t: CTok) -> bool:
        return t.form in self.r.places or t.sub == "place"

    def _titled_name(self, toks: list[CTok]) -> None:
        """The words before a person's title: places, then the person's name."""
        # "金ホン均韓国外交部(…本部長)", "ジョセフ・ユン国務省(…特別代表)": the person's
        # institution between the name and the title
        e = len(toks)
        while e > 0 and toks[e - 1].cat in ("N", "SUF") and not self.r.spaced:
            e -= 1
        if self.r.spaced:
            # "김대중 새정치국민회의 후보": the party between the name and the title
            words = self._words(toks)
            if len(words) >= 2:
                last = words[-1]
                text = self.text[last[0].start : last[-1].end]
                # "더불어민주당 박찬대 원내대표": a Korean name after a word that is none
                # ends like a university (대) and is still the person
                prev = self._span(words[-2])
                prev_name = self._korean_full_name(prev) and not self._head_kind_str(
                    prev, proper=True
                )  # "이준석 서울대 교수"; not "정의당", whose 당 ends a party
                name_last = (
                    self._korean_full_name(text)
                    and text.endswith("대")
                    and not prev_name
                    and country_key(prev, self.lang) is None
                    and prev not in self.r.places
                )
                if not name_last and self._head_kind_str(text, proper=True) in ("org", "event"):
                    self.emit(last[0].start, last[-1].end, "org")  # 당, 국민회의
                    toks = toks[: len(toks) - len(last)]
        if self.r.spaced and toks:
            # "더불어민주당 이재명 대표", "국민의힘 정진석 위원장": the party before a
            # Korean name (one word of three syllables) is a name of its own
            words = self._words(toks)
            if len(words) >= 2 and self._korean_full_name(self._span(words[-1])):
                before = toks[: len(toks) - len(words[-1])]
                if all(t.cat == "P" for t in before) and len(_nospace(self._span(before))) >= 3:
                    self.process_segment(before)
                    toks = words[-1]
                    e = len(toks)
        if 0 < e < len(toks):
            s = e - 1 if toks[e - 1].cat == "P" and toks[e - 1].sub == "place" else e
            org_text = self.text[toks[s].start : toks[-1].end]
            if s > 0 and self._head_kind_str(org_text, proper=False) == "org":
                self.emit(toks[s].start, toks[-1].end, "org")
                toks = toks[:s]
        # an institution between the name and the title: "존 커비 백악관 조정관"
        while toks and toks[-1].cat == "P" and toks[-1].form in self.r.institutions:
            self.emit(toks[-1].start, toks[-1].end, "org")
            toks = toks[:-1]
        # before a title only a listed place is a place ("韓国大統領"); the analyser's
        # place reading of a family name ("高市首相") is not trusted there
        i = len(toks)
        while (
            i > 0
            and toks[i - 1].cat == "P"
            and (toks[i - 1].form in self.r.places or toks[i - 1].sub == "country")
        ):
            i -= 1
        j = i
        while (
            j > 0
            and toks[j - 1].cat == "P"
            and toks[j - 1].form not in self.r.places
            and toks[j - 1].sub != "country"
        ):
            j -= 1
        if self.r.spaced and j > 0 and j < i and self._foreign_given_name(toks, j, i):
            j -= 1  # "헤더 노어트 대변인": a given name the analyser took for a common noun
        if j > 0:
            self.process_segment(toks[:j])
        if j < i and self._place_with_ending(self.text[toks[j].start : toks[i - 1].end]):
            # "서울시 대변인": a listed place and its administrative ending is the
            # city's office, not a person of three syllables
            self.emit(toks[j].start, toks[i - 1].end, "place")
            j = i
        if j < i:
            m = self.emit(toks[j].start, toks[i - 1].end, "person")
            if m is not None:
                self.titled.add(m.surface)
        for t in toks[i:]:
            self.emit(t.start, t.end, "place")

    def _place_with_ending(self, word: str) -> bool:
        """A listed place and a place ending written onto it: 서울시, 경기도, 奈良県."""
        return any(
            word.endswith(h) and word[: -len(h)] in self.r.places
            for h in self.r.head_list
            if self.r.heads[h][0] == "place" and len(word) > len(h)
        )

    def _span(self, toks: list[CTok]) -> str:
        return self.text[toks[0].start : toks[-1].end]

    def _korean_full_name(self, word: str) -> bool:
        """Three syllables, a family name first, each read from a hanja: 이재명."""
        from glossary.lang.surnames import korean_miner_surnames

        return (
            len(word) == 3
            and word[0] in korean_miner_surnames()
            and all(ch in sino_syllables() for ch in word)
        )

    def _korean_name_word(self, run: list[CTok], x: int, lo: int) -> bool:
        """ "유명희 산업통상자원부 통상교섭본부장": a word of its own before a title's
        institution that is shaped like a Korean name (three syllables, a family name
        first, each syllable read from a hanja) and names no office or term; it
        becomes a person's proper noun."""
        tok = run[x]
        text = self.text
        word_start = x == lo or text[run[x - 1].end : tok.start] == " "
        if not (self.r.spaced and tok.cat == "N" and word_start) or tok.sub == "common":
            return False  # "유가족 대표": a common noun of the dictionary is no one
        if text[tok.end : tok.end + 1] != " " or not self._korean_full_name(tok.form):
            return False
        form = tok.form
        if (
            self._head_kind_str(form, proper=True) is not None
            or self._term_head(form)
            or form in self.r.titles
            or form in self.r.term_generic
            or form in self.r.stop
            or any(form.endswith(t) for t in self.r.title_list)
        ):
            return False
        tok.cat = "P"
        return True

    def _katakana_name(self, tok: CTok) -> bool:
        """ "ブリンケン長官": a katakana word before a title that is no word of the
        dictionary (JMdict) is a foreign name; it becomes a person's proper noun."""
        if self.r.spaced or tok.cat != "N" or len(tok.form) < 2:
            return False
        if not all("\u30a1" <= ch <= "\u30fa" or ch == "ー" for ch in tok.form):
            return False
        if _common_word(tok.form) or tok.form in self.r.heads:
            return False
        tok.cat, tok.sub = "P", "person"
        return True

    def _foreign_given_name(self, toks: list[CTok], j: int, i: int) -> bool:
        """Whether the word before the family name ``toks[j:i]`` is a given name: a
        word of two or three syllables standing alone before a one-word foreign family
        name that the analyser knows as a proper noun ("헤더 노어트")."""
        given = toks[j - 1]
        family = self.text[toks[j].start : toks[i - 1].end]
        before = self.text[given.start - 1 : given.start] if given.start else ""
        return (
            given.cat == "N"
            and (j == 1 or before == " ")
            and self.text[given.end : toks[j].start] == " "
            and 2 <= len(given.form) <= 3
            and all("가" <= ch <= "힣" for ch in given.form + family)
            and " " not in family
            # a foreign name: a syllable no hanja reads ("트" of 노어트), so not a
            # Korean name after a common noun ("당시 노무현 대통령")
            and not all(ch in sino_syllables() for ch in given.form + family)
            and given.form not in self.r.term_generic
            and given.form not in self.r.stop
            and given.form not in self.r.titles
            and self._head_kind_str(given.form, proper=True) is None
            and not self._term_head(given.form)
        )

    def _merge_name_tail(self, toks: list[CTok], name_end: int) -> list[CTok]:
        """ "李 在明" or "魏 聖 洛(室長)": a family name and what follows it up to the
        title make one name."""
        last_p = max((i for i, t in enumerate(toks) if t.cat == "P"), default=-1)
        if last_p < 0 or self.r.spaced:
            return toks
        first = last_p
        while (
            first > 0
            and toks[first - 1].cat == "P"
            and toks[first - 1].sub in ("surname", "given", "person")
        ):
            first -= 1
        if toks[first].sub not in ("surname", "person"):
            return toks
        tail = self.text[toks[last_p].end : name_end]
        if not tail or len(tail) > 2:
            return toks
        merged = CTok(
            self.text[toks[first].start : name_end], toks[first].start, name_end, "P", "person"
        )
        return [*toks[:first], merged]

    # ---- heads ------------------------------------------------------------
    def _head_kind_str(self, s: str, proper: bool) -> str | None:
        spaced = s
        s = _nospace(s)
        for h in self.r.head_list:
            if s.endswith(h):
                kind, short = self.r.heads[h]
                if kind == "none":
                    # "등재 신청", "남부": a word that only ends like a head (청, 부);
                    # written onto a longer word it is no word of its own (통일부)
                    if spaced == h or spaced.endswith(" " + h):
                        return None
                    continue
                if short in ("short", "after-proper") and not proper:
                    continue
                if short == "short-common" and not proper and len(s) < 3:
                    continue
                if len(s) == len(h) and not short:
                    return None  # a head word alone is not a name
                if len(s) == len(h):
                    continue
                return kind
        return None

    def _head_of(self, s: str) -> tuple[str, str]:
        """The (kind, mark) of the longest head ``s`` ends in, or ("", "")."""
        s = _nospace(s)
        for h in self.r.head_list:
            if s.endswith(h) and len(s) > len(h):
                return self.r.heads[h]
        return ("", "")

    def _term_head(self, form: str) -> bool:
        if form in self.r.term_heads:
            return True
        return any(form.endswith(h) for h in self.r.term_head_list if len(h) >= 2)

    def _institutions_in_a_row(self, text: str) -> int:
        """ "国連安保理": where the second of two known institutions written together
        starts (0: not two institutions)."""
        for cut in range(1, len(text)):
            if text[:cut] in self.r.institutions and text[cut:] in self.r.institutions:
                return cut
        return 0

    def _joined_relation(self, tok: CTok) -> bool:
        """ "중·러": a country's one syllable before a joiner and another country's,
        not the noun 중 ("during")."""
        text = self.text
        return (
            tok.form in self.r.relation_chars
            and text[tok.end : tok.end + 1] in ("·", "・", "-")
            and text[tok.end + 1 : tok.end + 2] in self.r.relation_chars
        )

    def _is_relation(self, s: str) -> bool:
        s = s.replace("·", "").replace("・", "").replace("-", "")
        return 2 <= len(s) <= 4 and all(ch in self.r.relation_chars for ch in s)

    # ---- segments ---------------------------------------------------------
    def process_segment(
        self, seg: list[CTok], person_hint: bool = False, name_end: int | None = None
    ) -> bool:
        r = self.r
        if (
            len(seg) > 3
            and seg[0].form in r.stop
            and seg[1].cat == "D"
            and seg[2].form in ("年", "년")
            and self._head_kind_str(self.text[seg[3].start : seg[-1].end], proper=True) == "event"
        ):
            # "令和6年能登半島地震": an era year inside an event's official name
            self.emit(seg[0].start, seg[-1].end, "event")
            return False
        while seg and (
            (
                seg[0].form in r.stop
                and seg[0].sub != "country"
                and not self._joined_relation(seg[0])
            )
            or seg[0].form in _FORMER
            or seg[0].cat == "SUF"
            or seg[0].cat == "J"
        ):
            seg = seg[1:]
        if not seg:
            return False
        if not r.spaced and r.institutions:
            # "安保理決議", "国連安保理": a known institution at the start of a compound
            for k in range(len(seg) - 1, -1, -1):
                head = self.text[seg[0].start : seg[k].end]
                cut = self._institutions_in_a_row(head) if k > 0 else 0
                if head in r.institutions or cut:
                    # "自民党公明党", "衆議院参議院": two of one kind are listed, no
                    # name of one body (国連安保理 is the UN's council)
                    listed = bool(cut) and head[cut - 1] == head[-1]
                    if not listed:
                        self.emit(seg[0].start, seg[k].end, "org")
                    if cut:  # 国連 and 安保理 in 国連安保理
                        self.emit(seg[0].start, seg[0].start + cut, "org")
                        self.emit(seg[0].start + cut, seg[k].end, "org")
                    return self.process_segment(seg[k + 1 :]) if k + 1 < len(seg) else False
        whole = self.text[seg[0].start : seg[-1].end]
        if (
            whole in r.places
            or _nospace(whole) in r.places
            or country_key(_nospace(whole), self.lang) is not None
        ) and (
            not r.spaced or any(t.cat == "P" for t in seg)
        ):  # "세 나라": a common noun that is also a place name is not one here
            self.emit(seg[0].start, seg[-1].end, "place")
            return False
        if r.spaced:
            # "일본 니가타현 사도섬", "야마구치현 우베시": a place word stands alone
            words = self._words(seg)
            # "우크라이나 동부 도네츠크주": a common noun between names ends the first
            for wi in range(1, len(words) - 1):
                between = words[wi]
                text = self.text[between[0].start : between[-1].end]
                if (
                    all(t.cat == "N" for t in between)
                    and words[wi - 1][-1].cat == "P"
                    and words[wi + 1][0].cat == "P"
                    and self._head_kind_str(text, proper=False) is None
                    and r.heads.get(text, ("none", ""))[0] == "none"
                    and text not in r.titles
                ):
                    self.process_segment([t for ws in words[:wi] for t in ws])
                    return self.process_segment([t for ws in words[wi + 1 :] for t in ws])
            if (
                len(words) == 2
                and all(t.cat in ("N", "L") for t in words[0])
                and words[0][-1].cat == "N"
                and all(t.cat == "P" for t in words[1])
                and self._head_kind_str(whole, proper=False) is None
                and self.text[words[0][0].start : words[0][-1].end] not in r.titles
            ):
                # "IT기업 애플": a common noun before a name describes it, no part of it
                self.process_segment(words[0])
                return self.process_segment(words[1])
            if len(words) > 1 and words[0][0].sub == "country":
                self.emit(words[0][0].start, words[0][0].end, "place")  # "미 국무부"
                rest = seg[len(words[0]) :]
                if (
                    len(rest) == 1
                    and rest[0].form in r.heads
                    and len(rest[0].form) >= 3
                    and r.heads[rest[0].form][0] != "none"
                ):
                    self.emit(rest[0].start, rest[0].end, r.heads[rest[0].form][0])  # 외무성
                    return False
                return self.process_segment(rest)
            if len(words) > 1:
                first = words[0]
                text = self.text[first[0].start : first[-1].end]
                if (
                    first[0].cat == "P"
                    and (text in r.places or self._head_kind_str(text, proper=True) == "place")
                    # "판문점 선언", "한반도 비핵화 공동선언": the place names the document
                    and self._head_kind_str(whole, proper=False) != "work"
                    # "광안리 해변": a place's head word makes one place with it
                    and r.heads.get(self.text[words[1][0].start : words[1][-1].end])
                    != ("place", "")
                    # "이태원 참사", "포항 지진": a town names the event ("미국 대선" is a
                    # country's election, the country a row of its own)
                    and not (
                        country_key(text, self.lang) is None
                        and len(words[1]) == 1
                        and r.heads.get(words[1][0].form, ("",))[0] == "event"
                    )
                    # "우크라이나 침공 전쟁", "한국 전쟁": a war is named by its country
                    and self._head_of(whole) != ("event", "country")
                ):
                    self.process_segment(first)
                    return self.process_segment(seg[len(first) :])
                # "로버트 라이트하이저 미국 무역대표부": a country between a name and an
                # institution stands apart
                for at, w in enumerate(words[1:-1], 1):
                    wtext = _nospace(self.text[w[0].start : w[-1].end])
                    if len(w) == 1 and country_key(wtext, self.lang) is not None:
                        before = [t for ws in words[:at] for t in ws]
                        after = [t for ws in words[at + 1 :] for t in ws]
                        self.process_segment(before)
                        self.emit(w[0].start, w[-1].end, "place")
                        return self.process_segment(after)
        # relation compounds: "한미일 안보협력", "日韓首脳会談"
        rel = 0
        acc = ""
        for i, t in enumerate(seg[:4]):
            acc += t.form
            if t.cat in ("L", "D") or not all(
                ch in r.relation_chars or ch in "·・-" for ch in t.form
            ):
                break
            if self._is_relation(acc):
                rel = i + 1
        if rel:
            rest = seg[rel:]
            if not rest:
                return True
            if all(t.cat == "SUF" for t in rest):
                # "日韓間", "한일간": the relation word standing alone with a suffix
                self.emit(seg[0].start, seg[rel - 1].end, "term")
                return False
            if rest[0].form in r.stop:
                return False  # "한일 양국 정부": a generic phrase
            rel_kind = self._head_kind_str(self.text[seg[0].start : seg[-1].end], proper=False)
            if rel_kind in ("org", "work"):
                # "한중일 협력사무국", "남북 기본합의서": an institution or a document
                self.emit(seg[0].start, seg[-1].end, rel_kind)
                return False
            h = self._last_term_head(rest)
            for wk in range(len(rest) - 2, -1, -1):
                span = self.text[seg[0].start : rest[wk].end]
                if self._head_kind_str(span, proper=False) == "work":
                    # "한미 자유무역협정 개정 협상": the document named inside is a row
                    self.emit(seg[0].start, rest[wk].end, "work")
                    break
            if h is not None:
                self.emit(seg[0].start, rest[h].end, "term")
                return False
            seg = rest
        self._names_and_terms(seg, person_hint, name_end)
        return False

    def _words(self, seg: list[CTok]) -> list[list[CTok]]:
        words: list[list[CTok]] = [[seg[0]]]
        for t in seg[1:]:
            if t.start == words[-1][-1].end:
                words[-1].append(t)
            else:
                words.append([t])
        return words

    def _last_term_head(self, seg: list[CTok]) -> int | None:
        for h in range(len(seg) - 1, -1, -1):
            if seg[h].cat not in ("N", "SUF"):
                continue
            if self._term_head(seg[h].form):
                return h
            # "正常化" = 正常 + 化: the head spans tokens
            tail = _nospace(self.text[seg[max(0, h - 2)].start : seg[h].end])
            if any(
                tail.endswith(t) and len(t) > len(seg[h].form)
                for t in self.r.term_head_list
                if len(t) >= 2
            ):
                return h
        return None

    def _names_and_terms(self, seg: list[CTok], person_hint: bool, name_end: int | None) -> None:
        r = self.r
        if not r.spaced:
            # "石川県輪島市": a place with its one-character ending, then another name
            for x in range(1, len(seg) - 1):
                if (
                    seg[x - 1].cat == "P"
                    and seg[x].cat in ("N", "SUF")
                    and seg[x].form in r.heads
                    and r.heads[seg[x].form] == ("place", "short")
                    and (
                        seg[x + 1].cat == "P"
                        # "福島県双葉郡": a county of common nouns after its prefecture
                        or (
                            seg[x + 1].cat == "N"
                            and self._head_of(self.text[seg[x + 1].start : seg[-1].end])
                            == ("place", "short-common")
                        )
                    )
                ):
                    self._names_and_terms(seg[: x + 1], person_hint=False, name_end=None)
                    self._names_and_terms(seg[x + 1 :], person_hint, name_end)
                    return
            # "北海道札幌市": a prefecture the analyser reads as one word, then a place
            for x in range(len(seg) - 1):
                if (
                    seg[x].cat == "P"
                    and seg[x].sub == "place"
                    and len(seg[x].form) >= 3
                    and seg[x].form[-1] in _PREFECTURE
                    and seg[x + 1].cat == "P"
                    and seg[x + 1].sub == "place"
                ):
                    self._names_and_terms(seg[: x + 1], person_hint=False, name_end=None)
                    self._names_and_terms(seg[x + 1 :], person_hint, name_end)
                    return
        n = len(seg)
        # the proper-noun prefix
        p = 0
        while p < n and (
            seg[p].cat in ("P", "L", "J") or (seg[p].cat == "D" and p > 0 and seg[p - 1].cat == "L")
        ):
            p += 1
        while p > 0 and seg[p - 1].cat == "J":
            p -= 1
        end_limit = name_end
        if p == n and all(t.form in r.institutions for t in seg):
            # "유엔 안보리": known institutions, whatever their last syllable (리)
            self._proper_nouns(seg, person_hint, whole=True, end_limit=end_limit)
            return
        if p == 0:
            first_p = next((i for i, t in enumerate(seg) if t.cat == "P"), None)
            if (
                first_p is not None
                and first_p <= 2
                and len(seg[first_p - 1].form) == 1
                # "麻浦乙選挙区": a character that abbreviates no country begins the name
                and not (
                    not r.spaced
                    and first_p == 1
                    and seg[0].cat == "N"
                    and seg[0].form not in r.relation_chars
                    and seg[0].form not in r.stop
                    and seg[0].form not in _FORMER
                    and self._head_of(self.text[seg[0].start : seg[-1].end])[1] == "common"
                )
            ):
                # "米ワシントン近郊": a one-character prefix before a proper noun; but
                # "外務省飯倉公館": a ministry (外務 + 省) before its guest house
                if first_p == 2 and not r.spaced:
                    self._common_compound(seg[:first_p])
                self._names_and_terms(seg[first_p:], person_hint, name_end)
                return
            self._common_compound(seg)
            return
        # a name with a head word: "나라현", "조세이 탄광 수몰 사고", "도쿄대 동양문화연구소"
        heads = []
        for h in range(p - 1, n):
            s = self.text[seg[0].start : seg[h].end]
            proper = h < p
            # "奈良県": a one-character head written onto the proper noun
            attached = h == p and h > 0 and len(seg[h].form) == 1 and seg[h].start == seg[h - 1].end
            if attached:
                kind = self._head_kind_str(s, proper=True)
                if kind is not None:
                    heads.append((h, kind))
                continue
            kind = self._head_kind_str(seg[h].form if proper else s, proper=proper)
            if kind is None and not proper:
                kind = self._head_kind_str(s, proper=False)
            if kind is None and not proper and seg[0].cat == "P":
                # "トヨタ自動車": a head that names a company after a proper noun only
                kind = self._head_kind_str(s, proper=True)
                if kind is not None and self._head_of(s)[1] != "after-proper":
                    kind = None
            if kind is not None and seg[h].cat != "D" and seg[h].form not in r.institutions:
                heads.append((h, kind))
        heads = [(h, k) for h, k in heads if not (h < p - 1)]
        if heads and not person_hint:
            h_last = heads[-1][0]
            lead = self.text[seg[0].start : seg[p - 1].end]
            if (
                p == 1
                and seg[0].cat == "P"
                and (lead in r.places or seg[0].sub == "place")
                and h_last >= p
                and self.text[seg[0].end : seg[1].start] == " "
                and heads[-1][1] != "work"  # "판문점 선언": the place names the document
                # "이태원 참사": a town names the event; a country does not ("미국 대선")
                and not (
                    r.spaced
                    and heads[-1][1] == "event"
                    and (
                        (h_last == p and country_key(lead, self.lang) is None)
                        or self._head_of(self.text[seg[0].start : seg[h_last].end])[1] == "country"
                    )
                )
            ):
                # "일본 방위연구소": the country, then the institution
                self.emit(seg[0].start, seg[0].end, "place")
                rest = seg[p:]
                if (
                    len(rest) == 1
                    and rest[0].form in r.heads
                    and len(rest[0].form) >= 3
                    and r.heads[rest[0].form][0] != "none"
                ):
                    self.emit(rest[0].start, rest[0].end, r.heads[rest[0].form][0])  # 외무성
                    return
                self._common_compound(rest, allow_single_org=True)
                return
            for h, kind in heads:
                # a facility or an organisation inside a longer name is a row of its
                # own ("조세이 탄광" in its 사고); a place or an event inside is not
                # ("輪島" in 輪島市, "安城選挙" in 安城選挙区), nor a proper noun that
                # only ends like a head ("安城": 城 is a castle)
                # "清州上党選挙区": 党 after one character inside a name is no party
                inner = (
                    h >= p
                    and kind in ("org", "facility")
                    and (r.spaced or len(seg[h].form) > 1 or len(seg[h - 1].form) > 1)
                    # "朝鮮通信使": 通信 before the suffix 使 is part of one word
                    and (r.spaced or h + 1 >= n or seg[h + 1].cat != "SUF")
                )
                if h == h_last or inner:
                    self.emit(seg[0].start, seg[h].end, kind)
            # proper nouns inside: "도쿄대" in "도쿄대 동양문화연구소"; the longest known
            # place at the start ("アジア太平洋" in "アジア太平洋経済協力会議")
            for q in range(len(seg) - 1, 0, -1):
                if heads[-1][1] == "place" and (
                    not r.spaced or seg[h_last].start == seg[h_last - 1].end
                ):
                    return  # "アジア太平洋地域", "포항시": no place inside a place
                if _nospace(self.text[seg[0].start : seg[q].end]) in r.places:
                    self.emit(seg[0].start, seg[q].end, "place")
                    return
            self._proper_nouns(seg[:p], person_hint=False, whole=False, end_limit=None)
            return
        if all(t.cat in ("L", "D") for t in seg[:p]) and p < n:
            # "DNA 감식", "DNA鑑定": a Latin abbreviation and a domain noun
            th = self._last_term_head(seg[p:])
            letters = self.text[seg[0].start : seg[p - 1].end]
            if th is not None and letters in r.acronyms_common:
                self.emit(seg[0].start, seg[p + th].end, "term")
                return
        self._proper_nouns(seg[:p], person_hint, whole=True, end_limit=end_limit)
        if p < n:
            self._common_compound(seg[p:])

    def _common_compound(self, seg: list[CTok], allow_single_org: bool = False) -> None:
        r = self.r
        if len(seg) >= 2 and seg[0].sub == "ordinal":
            # "제4차 핵실험", "15대 대선", "제20대 대통령 선거": a numbered event
            rest = _nospace(self.text[seg[1].start : seg[-1].end])
            if any(rest.endswith(h) and k == "event" for h, (k, _) in r.heads.items()):
                self.emit(seg[0].start, seg[-1].end, "event")
                return
        while seg and (seg[0].form in r.stop or seg[0].cat in ("SUF", "D", "J")):
            seg = seg[1:]
        if not seg:
            return
        n = len(seg)
        # an organisation made of common nouns: "국가안보실", "外務省", "국방부"
        for k in range(n - 1, -1, -1):
            s = self.text[seg[0].start : seg[k].end]
            kind = self._head_kind_str(s, proper=False)
            if kind == "org" and (k >= 1 or allow_single_org or len(_nospace(s)) >= 3):
                if k == 0 and not allow_single_org and seg[0].cat != "N":
                    continue
                self.emit(seg[0].start, seg[k].end, "org")
                return
        if r.spaced and len(seg) == 1 and seg[0].cat == "N":
            # "문화유산": a compound the analyser's dictionary holds as one word, a
            # modifier of two syllables or more and a head ("기자회견": a generic one)
            form = seg[0].form
            head = next((t for t in r.term_head_list if len(t) >= 2 and form.endswith(t)), "")
            mod = form[: -len(head)] if head else ""
            if len(mod) >= 2 and mod not in r.term_generic and mod not in r.stop:
                self.emit(seg[0].start, seg[0].end, "term")
            return
        h = self._last_term_head(seg)
        if h is None or h == 0:
            return
        tail = seg[: h + 1]
        # two lexical words at least: "人的交流", "인적 교류"; not "비핵화", "非核化" (one
        # word and a suffix)
        lexical = sum(
            1
            for i, t in enumerate(tail)
            if t.cat in ("N", "L")
            or (t.cat == "PRE" and len(t.form) >= 2)
            or (t.cat == "SUF" and i < len(tail) - 1)
        )
        if lexical < 2:
            return
        if any(t.cat == "J" for t in tail):
            return  # "외교·안보": two nouns listed, no term
        # a modifier that makes it a term: "공동 기자회견", not "기자회견" or "국가 안보"
        mods = [
            (t.form, t.form + tail[i + 1].form if tail[i + 1].cat == "SUF" else t.form)
            for i, t in enumerate(tail[:-1])
            if t.cat in ("N", "L", "PRE")
        ]
        # "외교적 접근": a generic word with its suffix (외교 + 적) is generic too
        if not any(m not in r.term_generic and w not in r.term_generic for m, w in mods):
            return
        self.emit(seg[0].start, seg[h].end, "term")

    def _proper_nouns(
        self, seg: list[CTok], person_hint: bool, whole: bool, end_limit: int | None
    ) -> None:
        """Proper nouns of a segment: places apart, the rest grouped into names."""
        r = self.r
        groups: list[list[CTok]] = []
        cur: list[CTok] = []
        for t in seg:
            if t.cat == "J":
                if cur:
                    groups.append(cur)
                cur = []
                continue
            is_place = (
                t.form in r.places
                or t.sub == "place"
                or country_key(t.form, self.lang) is not None
                or (r.spaced and self._head_kind_str(t.form, proper=True) == "place")
            )
            if t.cat in ("L", "D"):
                attached = (
                    cur
                    and cur[-1].cat == "P"
                    and cur[-1].end == t.start
                    and t.cat == "L"
                    and t.form.isupper()
                    and len(t.form) <= 3
                )
                if cur and cur[-1].cat not in ("L", "D") and not attached:
                    groups.append(cur)
                    cur = []
                if (
                    not cur
                    and groups
                    and len(groups[-1]) == 1
                    and groups[-1][0].end == t.start
                    and t.cat == "L"
                    and t.form.isupper()
                    and len(t.form) <= 3
                ):
                    cur = groups.pop()  # "ワシントンDC": the letters belong to the place
                cur.append(t)
                continue
            if (
                t.form in r.institutions
                and not cur
                and groups
                and all(c.form in r.institutions for c in groups[-1])
            ):
                groups[-1].append(t)  # "유엔 안보리": the Security Council of the UN
                continue
            alone = is_place or t.form in r.institutions
            if alone or (cur and cur[-1].cat in ("L", "D")):
                if cur:
                    groups.append(cur)
                cur = []
            if alone:
                groups.append([t])
            else:
                cur.append(t)
        if cur:
            groups.append(cur)
        for gi, g in enumerate(groups):
            start = g[0].start
            end = g[-1].end
            if end_limit is not None and gi == len(groups) - 1:
                end = max(end_limit, start + 1) if end_limit < end else end
            surface = self.text[start:end]
            if not whole:
                # inside a longer name only what is known on its own: places, acronyms,
                # names with their own head ("도쿄대")
                if len(g) > 1 and g[0].cat not in ("L", "D"):
                    for q in range(len(g), 0, -1):
                        sub = self.text[g[0].start : g[q - 1].end]
                        if sub in r.places:
                            self.emit(g[0].start, g[q - 1].end, "place")
                            break
                    continue
                if not (
                    surface in r.places
                    or surface in r.institutions  # 유엔 in 유엔 인권이사회
                    or g[0].cat == "L"
                    or (len(g) == 1 and self._head_kind_str(surface, proper=True))
                ):
                    continue
            if g[0].cat in ("L", "D"):
                letters = surface.replace(" ", "")
                if letters in r.acronyms_common or len(letters) < 2 or not letters[0].isupper():
                    continue
                plural = len(letters) >= 3 and letters[-1] == "s" and letters[:-1].isupper()
                if letters.isalpha() and not letters.isupper() and not plural:
                    continue  # "SDGs", "NGOs": an acronym in the plural stays
                self.emit(start, end, "org")
                continue
            if surface in r.stop:
                continue
            if g[0].form in r.institutions and all(x.form in r.institutions for x in g):
                self.emit(start, end, "org")
                if len(g) > 1:
                    self.emit(g[0].start, g[0].end, "org")  # 유엔 in 유엔 안보리
                continue
            if len(g) == 1 and (
                g[0].form in r.places
                or g[0].sub == "place"
                or country_key(g[0].form, self.lang) is not None  # "이라크 국민들"
            ):
                self.emit(start, end, "place")
                continue
            last = gi == len(groups) - 1
            kind = self._proper_kind(g, surface, person_hint and last)
            if kind:
                m = self.emit(start, end, kind)
                if m is not None and person_hint and last:
                    self.titled.add(m.surface)

    def _proper_kind(self, g: list[CTok], surface: str, person_hint: bool) -> str | None:
        subs = {t.sub for t in g}
        if person_hint or subs & {"person", "surname", "given"}:
            return "person"
        if "org" in subs:
            return "org"
        if g[0].sub == "place" and all(t.cat in ("P", "L") for t in g[1:]):
            return "place"  # "ワシントンDC"
        hk = self._head_kind_str(surface, proper=True)
        if hk:
            return hk
        return self.default_proper_kind(g, surface)

    def default_proper_kind(self, g: list[CTok], surface: str) -> str:
        return "org"

    # ---- special patterns -----------------------------------------------
    def _relation_no(self, rel: list[CTok], nxt: list[CTok]) -> None:
        """ "日韓米の連携": a relation word, の, a domain noun."""
        end = rel[-1].end
        if self.text[end : end + 1] != "の" or nxt[0].start != end + 1:
            return
        h = self._last_term_head(nxt)
        if h is not None and nxt[h].form in _RELATION_NO_HEADS:
            self.emit(
                rel[0].start,
                nxt[h].end,
                "term",
                key="t:"
                + _nospace(self.text[rel[0].start : end])
                + _nospace(self.text[nxt[0].start : nxt[h].end]),
            )

    def _acronym_pairs(self, runs: list[list[CTok]]) -> None:
        """ "아시아태평양경제협력체(APEC)": the acronym is the name's."""
        text = self.text
        for run in runs:
            if run[0].cat != "L":
                continue
            s = run[0].start
            e = run[-1].end
            if text[s - 1 : s] not in ("(", "（") or text[e : e + 1] not in (")", "）"):
                continue
            acr = self.seen.get((s, e))
            best = None
            for m in self.mentions:
                if m.end == s - 1 and m is not acr and (best is None or m.start < best.start):
                    best = m
            if best is None:
                continue
            if acr is None:
                letters = text[s:e]
                if not (
                    letters.isascii()
                    and letters.replace(" ", "").isalnum()
                    and letters[:1].isupper()
                ):
                    continue
                acr = self.emit(s, e, best.kind, key=best.normalized)
            if acr is not None:
                acr.normalized = best.normalized

    def _readings(self) -> None:
        """ "金烘均(キム・ホンギュン)", "武井俊輔(たけいしゅんすけ)": a name's reading in
        kana in brackets right after it is the same person; so is a Korean article's
        name in kanji after the name in Hangul ("모테기 도시미쓰(茂木 敏充)")."""
        text = self.text
        if self.lang == "ko":
            for g in _HANGUL_WITH_HANJA.finditer(text):
                name, hanja = g.span(1), g.span(2)
                old = self.seen.get(name)
                if old is None and " " in g.group(1):
                    # "대통령은 독도(獨島)": the word before the bracket
                    last = self.seen.get((name[1] - len(g.group(1).split()[-1]), name[1]))
                    if last is not None and last.kind not in ("person", "term"):
                        old = last
                if old is not None and old.kind not in ("person", "term"):
                    # a place or an institution glossed in hanja: "독도(獨島)"
                    gloss = self.emit(hanja[0], hanja[1], old.kind, key=old.normalized)
                    if gloss is not None:
                        gloss.normalized = old.normalized
                        self.glosses.add(id(gloss))
                    continue
                two_words = " " in g.group(1)
                if not (two_words or " " in g.group(2) or len(g.group(1)) == 3):
                    continue
                inside = [t for t in self.toks if name[0] <= t.start < name[1]]
                if not inside or any(t.cat not in ("N", "P") for t in inside):
                    continue  # "대통령은 독도(獨島)": a particle, no name
                self.mentions = [
                    x for x in self.mentions if not (x.start < name[1] and name[0] < x.end)
                ]
                for span in [k for k in self.seen if k[0] < name[1] and name[0] < k[1]]:
                    del self.seen[span]
                m = self.emit(name[0], name[1], "person")
                if m is not None:
                    h = self.emit(hanja[0], hanja[1], "person", key=m.normalized)
                    if h is not None:
                        h.normalized = m.normalized
                        self.glosses.add(id(h))
        for m in list(self.mentions):
            if m.kind not in _GLOSSED or text[m.end : m.end + 1] not in ("(", "（"):
                continue
            close = min(
                (i for i in (text.find(")", m.end), text.find("）", m.end)) if i > 0), default=-1
            )
            inner = text[m.end + 1 : close] if close > 0 else ""
            if (
                not inner
                or len(inner) > (20 if m.kind == "person" else 32)
                or inner != inner.strip()
                # "千英宇(チョ・ヨン ウ)": a space may stand inside a person's reading;
                # "第45回…総選挙(だい45かい…)": the name's own digits stay digits
                or not all(
                    _is_kana(ch)
                    or (ch == " " and "・" in inner)
                    or (ch.isdigit() and ch in m.surface)
                    for ch in inner
                )
                or not any(_is_kana(ch) for ch in inner)
            ):
                continue
            s, e = m.end + 1, close
            self.mentions = [x for x in self.mentions if not (s <= x.start and x.end <= e)]
            for span in [k for k in self.seen if s <= k[0] and k[1] <= e]:
                del self.seen[span]
            if m.kind != "person" and (len(inner) < 2 or "・" in inner):
                continue  # "龍山(ヨンサン)": a place's reading is one word
            reading = self.emit(s, e, m.kind, key=m.normalized)
            if reading is not None:
                reading.normalized = m.normalized
                self.glosses.add(id(reading))

    # ---- the article as a whole --------------------------------------------
    def resolve(self) -> None:
        for m in self.mentions:
            if m.surface in self.titled and m.kind not in ("person", "term"):
                m.kind = "person"
                m.normalized = "p:" + _nospace(m.surface)
        people = [m for m in self.mentions if m.kind == "person" and id(m) not in self.glosses]
        surfaces = {m.surface for m in people}

        spaced = [o.replace("・", " ").split() for o in surfaces]
        parts = {w for words in spaced if len(words) > 1 for w in (words[0], words[-1])}

        def full(m: Mention) -> bool:
            # a full name, or one that a shorter name seen alone begins (박진 with 박);
            # not a word of a longer name ("하야시" of "하야시 요시마사")
            if m.surface in parts:
                return False
            return self.is_full_name(m) or any(
                o != m.surface and m.surface.startswith(o) and " " not in m.surface
                for o in surfaces
            )

        old_keys = {id(m): m.normalized for m in people}
        full_keys = {m.surface: m.normalized for m in people if full(m)}
        chosen: dict[str, str] = {}  # one person per family name in an article
        for m in people:
            if m.surface in full_keys:
                continue
            fam = m.surface
            if fam in chosen:
                m.normalized = chosen[fam]
                continue
            keys = set()
            for name, key in full_keys.items():
                # "ジョセフ・ユン" has the words ジョセフ and ユン
                words = name.replace("・", " ").split()
                # "하야시" in "하야시 요시마사", "블링컨" in "토니 블링컨", "李" in "李在明"
                if (len(words) > 1 and fam in (words[0], words[-1])) or (
                    len(words) == 1 and len(fam) <= 2 and name.startswith(fam)
                ):
                    keys.add(key)
            if len(keys) > 1:
                # two people of one family name: the one named last before it
                # ("이재명 후보는 ... 이 후보가", with 이회창 named later)
                before = [
                    x
                    for x in people
                    if x.normalized in keys and x.surface in full_keys and x.start < m.start
                ]
                if before:
                    keys = {max(before, key=lambda x: x.start).normalized}
            if len(keys) == 1:
                m.normalized = chosen[fam] = next(iter(keys))
            else:
                m.normalized = "ps:" + _nospace(fam)
        # a reading in brackets follows its name: "康(カン)" with 康 = 康京和
        moved = {old_keys[id(m)]: m.normalized for m in people if old_keys[id(m)] != m.normalized}
        for m in self.mentions:
            if id(m) in self.glosses and m.normalized in moved:
                m.normalized = moved[m.normalized]

    def link_hanja_names(self) -> None:
        """A Korean name written in kanji and the same name in Hangul (이재명, 李在明) or
        in katakana (イ・ジェミョン) are one person: the kanji read the Sino-Korean way
        (glossary.lang.ko.sino) and written as the Japanese press does
        (glossary.lang.ko.katakana)."""
        from glossary.lang.ko.katakana import to_katakana
        from glossary.lang.ko.sino import sino_korean_reading

        people = [m for m in self.mentions if m.kind == "person"]
        by_form: dict[str, list[Mention]] = {}
        for m in people:
            by_form.setdefault(m.surface.replace("・", "").replace(" ", ""), []).append(m)
        for m in people:
            han = m.surface.replace(" ", "")
            if not 2 <= len(han) <= 4 or not all("\u4e00" <= ch <= "\u9fff" for ch in han):
                continue
            hangul = sino_korean_reading(han, kind="person")
            if not hangul:
                continue
            form = hangul if self.lang == "ko" else to_katakana(hangul).replace("・", "")
            for other in by_form.get(form, ()):
                old = other.normalized
                for x in self.mentions:
                    if x.normalized == old:
                        x.normalized = m.normalized

    def _drop_time_zones(self) -> None:
        """ "日本時間15日": a country naming a time zone is a time, no place."""
        text = self.text
        keep = []
        for m in self.mentions:
            after = text[m.end : m.end + 3].lstrip(" ")
            if m.kind == "place" and after[:2] in _TIME_ZONE:
                self.seen.pop((m.start, m.end), None)
                continue
            keep.append(m)
        self.mentions = keep

    def _chambers_inside(self) -> None:
        """ "상원 외교위원장", "하원 군사위원회": the chamber that begins a longer name or
        title is an organisation of its own (``*`` in ``*_institutions.txt``)."""
        if not self.r.chambers:
            return
        for m in list(self.mentions):
            first = m.surface.split(" ", 1)[0]
            if " " in m.surface and first in self.r.chambers and m.kind != "person":
                self.emit(m.start, m.start + len(first), "org")

    def link_short_forms(self) -> None:
        """An event or facility named with and without a middle word is one ("제주항공
        여객기 사고" and 제주항공 사고, "무안국제공항" and 무안공항): both start with a name
        found in the article and end in the same head word; the short form is the name
        and the head alone."""
        names = {
            _nospace(m.surface)
            for m in self.mentions
            if m.kind in ("place", "org", "person") and id(m) not in self.english
        }
        if self.r.spaced:  # "제주항공" of "제주항공 사고", a name in its own word
            names.update(
                m.surface.split()[0]
                for m in self.mentions
                if m.kind in ("event", "facility") and " " in m.surface
            )
        long_forms: dict[tuple[str, str], list[Mention]] = {}
        short_forms: list[tuple[tuple[str, str], Mention]] = []
        for m in self.mentions:
            if m.kind not in ("event", "facility") or id(m) in self.english:
                continue
            flat = _nospace(m.surface)
            head = next((h for h in self.r.head_list if len(h) >= 2 and flat.endswith(h)), "")
            if not head:
                continue
            for name in names:
                if len(name) >= 2 and flat.startswith(name) and len(flat) > len(name) + len(head):
                    long_forms.setdefault((name, head), []).append(m)
                elif flat == name + head:
                    short_forms.append(((name, head), m))
        for key, short in short_forms:
            targets = {x.normalized for x in long_forms.get(key, ())}
            if len(targets) == 1:
                old = short.normalized
                new = next(iter(targets))
                for x in self.mentions:
                    if x.normalized == old:
                        x.normalized = new

    def link_romanized(self) -> None:
        """A name quoted in English and the same name in Hangul are one ("Muan" and 무안,
        "Yoon Suk Yeol" and 윤석열): the English form is the Hangul romanized (Revised
        Romanization, glossary.lang.ko.romanize) or one of the press's spellings of a
        Korean name (glossary.lang.ko.press)."""
        from glossary.lang.ko.press import suggest_press_spellings
        from glossary.lang.ko.romanize import romanize

        def flat(s: str) -> str:
            return re.sub(r"[\s\-'’.]", "", s).casefold()

        english: dict[str, list[Mention]] = {}
        for m in self.mentions:
            if id(m) in self.english:
                english.setdefault(flat(m.surface), []).append(m)
        if not english:
            return
        equivalents = english_equivalents()
        for m in self.mentions:
            if id(m) in self.english:
                continue
            hangul = _nospace(m.surface)
            if not hangul or not all("가" <= ch <= "힣" for ch in hangul):
                continue
            forms = {flat(e) for e in equivalents.get(hangul, ())}
            if m.kind != "term":
                forms.add(flat(romanize(m.surface)))
                # "제주항공 사고": the name romanized, then its head words in English
                for cut in range(2, len(hangul)):
                    name, rest = hangul[:cut], hangul[cut:]
                    heads = _split_heads(rest, equivalents)
                    if heads is None:
                        continue
                    stems = {flat(romanize(name))} | {flat(e) for e in equivalents.get(name, ())}
                    for stem in stems:
                        combos = [stem]
                        for options in heads:
                            combos = [c + flat(o) for c in combos for o in options]
                        forms.update(combos)
            if m.kind == "person" and len(hangul) in (2, 3, 4):
                forms.update(flat(s) for s in suggest_press_spellings(hangul, limit=6))
            for form in forms:
                for other in english.get(form, ()):
                    old = other.normalized
                    for x in self.mentions:
                        if x.normalized == old:
                            x.normalized = m.normalized

    def is_full_name(self, m: Mention) -> bool:
        """Whether a person mention is a full name (not a family name alone)."""
        return " " in m.surface or len(m.surface) >= 3

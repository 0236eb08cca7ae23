"""Mining Japanese news text with fugashi and UniDic (unidic-lite).

UniDic's parts of speech become the engine's categories (see ``cjk.py``):
固有名詞 proper noun (人名-姓 surname, 人名-名 given name, 地名 place), 普通名詞
common noun, 接頭辞 prefix, 接尾辞 suffix, 数詞 digits, Latin letters, "・" a
joiner; particles and everything else end a noun run ("高市総理は" gives 高市).
Katakana names written with "・" are one name ("ジョン・チュアン・ティオン・リム").
Word-level passes over the tokens (ordinals, relation words, names after a legal
form, family names cut into characters) and the word tests they share live in
``japanese_words.py``. The tagger is loaded once per process (``load()``).
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise
from typing import Any

from glossary.lang.ja.jmnedict import common_readings, kana_word
from glossary.mining.cjk import CTok, Engine, lang_rules, latin_hyphen_words
from glossary.mining.countries import abbreviations
from glossary.mining.japanese_words import (
    VARIATION_SELECTOR,
    common_word,
    ends_in_title,
    everyday_word,
    frequencies,
    is_kanji,
    katakana,
    legal_forms,
    listed_words,
    number_one,
    ordinals,
    relation_words,
    split_family_names,
)
from glossary.mining.mention import Mention
from glossary.mining.rules import load_table, load_words

LANG = "ja"


_FORMER = frozenset("前元現故")


@cache
def load() -> Any:
    """The fugashi tagger over UniDic (loaded once)."""
    import fugashi

    frequencies()  # loaded with the analyser, once
    return fugashi.Tagger()


def _is_latin(s: str) -> bool:
    return s.isascii() and s.isalpha()


def tokens(text: str) -> list[CTok]:
    out: list[CTok] = []
    pos = 0
    for w in load()(text):
        surface = w.surface
        start = text.find(surface, pos)
        if start < 0:
            continue
        end = start + len(surface)
        pos = end
        f = w.feature
        pos1, pos2, pos3, pos4 = f.pos1, f.pos2, f.pos3, f.pos4
        sub = ""
        if _is_latin(surface):
            cat = "L"
        elif surface.isdigit() or pos2 == "数詞":
            cat = "D"
        elif pos1 == "名詞" and pos2 == "固有名詞":
            cat = "P"
            if pos3 == "人名":
                sub = {"姓": "surname", "名": "given"}.get(pos4, "person")
            elif pos3 == "地名":
                sub = "place"
        elif (
            pos1 == "名詞"
            and w.is_unk
            and katakana(surface)
            and len(surface) >= 2
            # "スマホ", "レガシー": an everyday word or a loanword of JMdict, no name
            and not everyday_word(surface)
            and not kana_word(surface)
        ):
            cat = "P"  # "ゼレンスキー": a katakana word missing from UniDic is a name
        elif pos1 == "名詞" and pos3 == "副詞可能" and all("ぁ" <= ch <= "ゖ" for ch in surface):
            cat = "O"  # "このあと谷大臣": a noun in kana used as an adverb ends a run
        elif pos1 == "名詞":
            cat = "N"
        elif pos1 == "接頭辞" or pos1 == "形状詞":
            cat = "PRE"  # "人的交流", "格安航空会社": an adjectival noun before a noun
        elif pos1 == "接尾辞" and pos2 == "名詞的":
            cat = "SUF"
        elif surface in ("・",):
            cat = "J"
        elif pos1 == "記号" and (katakana(surface) or all(is_kanji(ch) for ch in surface)):
            cat = "N"  # "玄" after a line break: a kanji UniDic took for a symbol
        else:
            cat = "O"
            if pos1 in ("助詞", "接続詞"):
                sub = "particle"  # "地方を世界へ", "外務大臣及び…": may stand inside a name
        if VARIATION_SELECTOR.fullmatch(surface) and out and out[-1].end == start:
            prev = out[-1]  # "辻󠄀": a variation selector belongs to the kanji before it
            out[-1] = CTok(prev.form + surface, prev.start, end, prev.cat, prev.sub)
            continue
        if cat in ("O", "SUF") and katakana(surface) and out and out[-1].end == start:
            prev = out[-1]
            if katakana(prev.form) and prev.cat in ("N", "P"):
                # "マクロ" + "ン", "ブリン" + "ケン": a katakana name the analyser cut,
                # its end read as a particle or a suffix
                out[-1] = CTok(prev.form + surface, prev.start, end, "P")
                continue
        out.append(CTok(surface, start, end, cat, sub))
    toks = _merge_katakana_names(out)
    toks = _kana_institutions(text, latin_hyphen_words(_dotted_words(_kind_word_names(toks))))
    toks = legal_forms(text, relation_words(ordinals(_numbered_parties(toks))))
    toks = number_one(toks)
    return _stationed_in(_part_of_place(_direction_places(toks)))


def _stationed_in(toks: list[CTok]) -> list[CTok]:
    """ "在大韓民国日本国大使館": 在 (stationed in) before a place begins the name of an
    embassy or a force abroad; it is not a prefix to drop."""
    out: list[CTok] = []
    for t in toks:
        prev = out[-1] if out else None
        if prev is not None and prev.form == "在" and prev.end == t.start and t.cat == "P":
            out[-1] = CTok(prev.form + t.form, prev.start, t.end, "P")
            continue
        out.append(t)
    return out


# the part of a country or region: not the org head 部 ("九州南部" is 九州)
_PARTS = frozenset(("北部", "南部", "東部", "西部", "中部", "北東部", "北西部", "南東部", "南西部"))


def _part_of_place(toks: list[CTok]) -> list[CTok]:
    """ "九州南部", "ウクライナ東部": the part after a place ends the name; the place
    alone is the row."""
    out = list(toks)
    for i in range(1, len(out)):
        t, prev = out[i], out[i - 1]
        if t.form in _PARTS and prev.cat == "P" and prev.sub == "place" and prev.end == t.start:
            out[i] = CTok(t.form, t.start, t.end, "O")
    return out


_DIRECTIONS = frozenset("東西南北環")


def _direction_places(toks: list[CTok]) -> list[CTok]:
    """ "東アジア", "東南アジア", "環太平洋": a direction written before a place is part of
    the place's name, not a prefix to drop."""
    out: list[CTok] = []
    for t in toks:
        prev = out[-1] if out else None
        if (
            prev is not None
            and t.cat == "P"
            and t.sub == "place"
            and prev.end == t.start
            and prev.cat in ("N", "PRE")
            and len(prev.form) <= 2
            and all(ch in _DIRECTIONS for ch in prev.form)
        ):
            out[-1] = CTok(prev.form + t.form, prev.start, t.end, "P", "place")
            continue
        out.append(t)
    return out


_KANJI_DIGITS = frozenset("一二三四五六七八九十")


def _numbered_parties(toks: list[CTok]) -> list[CTok]:
    """ "六者会合": a kanji numeral and 者 (parties) are one noun of the name."""
    out: list[CTok] = []
    for t in toks:
        if (
            t.form == "者"
            and out
            and out[-1].cat == "D"
            and out[-1].end == t.start
            and all(ch in _KANJI_DIGITS for ch in out[-1].form)
        ):
            first = out.pop()
            out.append(CTok(first.form + t.form, first.start, t.end, "N"))
            continue
        out.append(t)
    return out


def _kana_institutions(text: str, toks: list[CTok]) -> list[CTok]:
    """ "共に民主党", "日本維新の会", "青瓦台": a known institution (``ja_institutions.txt``)
    that the analyser cuts into several tokens, at a particle or not (青瓦 + 台), is one
    proper noun."""
    names = sorted(lang_rules(LANG).institutions, key=len, reverse=True)
    for name in names:
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            inside = [t for t in toks if start <= t.start and t.end <= end]
            if len(inside) > 1 and inside[0].start == start and inside[-1].end == end:
                first = toks.index(inside[0])
                toks[first : first + len(inside)] = [CTok(name, start, end, "P", "org")]
            start = text.find(name, end)
    return toks


def _dotted_words(toks: list[CTok]) -> list[CTok]:
    """Katakana words joined by ・: a name ("イ・ジェミョン" even where the analyser calls
    it a common noun), or two places ("ペルー・リマ": Peru, Lima)."""
    out: list[CTok] = []
    for t in toks:
        if "・" not in t.form or not katakana(t.form.replace("・", "")):
            out.append(t)
            continue
        if t.sub == "place":
            pos = t.start
            for part in t.form.split("・"):
                if part:
                    out.append(CTok(part, pos, pos + len(part), "P", "place"))
                pos += len(part) + 1
            continue
        if t.cat == "N":
            if listed_words(t.form.split("・"), t.sub != ""):
                # "ヒト・モノ・カネ": words of the dictionary listed, no one's name
                out.append(t)
                continue
            t = CTok(t.form, t.start, t.end, "P", "person")
        out.append(t)
    return out


@cache
def _korean_family_kanji() -> frozenset[str]:
    """Kanji that write a Korean family name: their Sino-Korean reading (after the
    initial-sound rule) is a family name of ``glossary/lang/data/korean_surnames.tsv``."""
    from glossary.lang.ko.sino import initial_sound_rule, reading_table
    from glossary.lang.romanized import load_surnames

    families = {h for h in load_surnames() if len(h) == 1}
    found = set()
    for char, readings in reading_table().items():
        if readings and initial_sound_rule(readings[0]) in families:
            found.add(char)
    return frozenset(found)


def _korean_kanji_names(text: str, toks: list[CTok], titles: frozenset[str]) -> list[CTok]:
    """ "李光宰", "文在寅大統領": a Korean family name in kanji and a two-character given
    name, which the analyser splits character by character, make one name when the name
    stands as a word of its own: after no other kanji, and before kana, a bracket,
    punctuation or a title."""
    family = _korean_family_kanji()
    out: list[CTok] = []
    i = 0
    n = len(toks)
    while i < n:
        t = toks[i]
        before = text[t.start - 1 : t.start] if t.start else ""
        if len(t.form) == 1 and t.form in family and not (before and is_kanji(before)):
            # the given name: two kanji in one or two tokens right after the family name
            k = i + 1
            chars = 0
            while k < n and chars < 2 and toks[k].start == toks[k - 1].end:
                form = toks[k].form
                if not all(is_kanji(ch) for ch in form):
                    break
                chars += len(form)
                k += 1
            # a word of the dictionary after the family name ("林大臣", "林外務": JMdict
            # knows 大臣 and 外務) is no given name
            if chars == 2 and k - i >= 2:
                given = text[t.end : toks[k - 1].end]
                one_word = toks[i + 1].form in titles or bool(common_readings(given))
            else:
                one_word = True
            if one_word and 1 <= chars <= 2 and _read_in_brackets(text, t.start, toks[k - 1].end):
                # "朴振(パク・ジン)": the katakana reading in brackets is the name's
                one_word = False
            if not one_word:
                end = toks[k - 1].end
                after = text[end : end + 1]
                nxt = toks[k] if k < n else None
                if nxt is not None and nxt.form in _FORMER and k + 1 < n:
                    nxt = toks[k + 1]  # "尹錫悦前大統領"
                titled = (nxt is not None and nxt.form in titles) or _title_follows(
                    text, toks, k, titles
                )
                if not after or not is_kanji(after) or titled:
                    out.append(CTok(text[t.start : end], t.start, end, "P", "person"))
                    i = k
                    continue
        if (
            len(t.form) == 2
            and t.cat == "P"
            and t.sub in ("given", "surname", "person")
            and t.form[0] in family
            and all(is_kanji(ch) for ch in t.form)
            and not (before and is_kanji(before))
            and i + 1 < n
            and toks[i + 1].start == t.end
            and len(toks[i + 1].form) == 1
            and toks[i + 1].form not in _FORMER  # "安倍元総理": 元 is "former"
            and toks[i + 1].cat in ("N", "P")
            and is_kanji(toks[i + 1].form)
        ):
            # "金正恩総書記": the analyser joined the family name to the given name's
            # first character (金正 + 恩)
            end = toks[i + 1].end
            name = text[t.start : end]
            after = text[end : end + 1]
            titled = _title_follows(text, toks, i + 2, titles) if i + 2 < n else False
            if not common_readings(name) and (not after or not is_kanji(after) or titled):
                out.append(CTok(name, t.start, end, "P", "person"))
                i += 2
                continue
        out.append(t)
        i += 1
    return out


def _read_in_brackets(text: str, start: int, end: int) -> bool:
    """Whether a Korean name in kanji, text[start:end], is followed by its Sino-Korean
    reading in katakana in brackets ("朴振(パク・ジン)")."""
    from glossary.lang.ko.katakana import to_katakana
    from glossary.lang.ko.sino import sino_korean_reading

    if text[end : end + 1] not in ("(", "（"):
        return False
    close = min((i for i in (text.find(")", end), text.find("）", end)) if i > 0), default=-1)
    if close < 0 or close - end > 16:
        return False
    hangul = sino_korean_reading(text[start:end], kind="person")
    if not hangul:
        return False
    # the press voices a given name's first sound or not (パク・ジン, パク・チン), so the
    # comparison ignores voicing
    return _unvoiced(to_katakana(hangul)) == _unvoiced(text[end + 1 : close])


def _unvoiced(kana: str) -> str:
    import unicodedata

    plain = unicodedata.normalize("NFD", kana.replace("・", "").replace(" ", ""))
    plain = plain.replace("\u3099", "").replace("\u309a", "")
    return plain.replace("チ", "シ").replace("ツ", "ス")  # ジ and チ both write 지


def _title_follows(text: str, toks: list[CTok], k: int, titles: frozenset[str]) -> bool:
    """Whether the nouns from token k on end in a title ("尹炳世外交部長官": 外交部長官
    ends in 長官), within four tokens, the first written onto the word before it."""
    if k >= len(toks) or toks[k].start != toks[k - 1].end:
        return False
    return ends_in_title(text, toks, k, titles, within=4, cats=("N", "SUF", "PRE"))


def _merge_katakana_names(toks: list[CTok]) -> list[CTok]:
    """ "ジョン・チュアン・ティオン・リム": katakana words joined by ・ are one name."""
    out: list[CTok] = []
    i = 0
    n = len(toks)
    while i < n:
        t = toks[i]
        if t.cat in ("P", "N") and katakana(t.form):
            j = i
            parts = [t]
            # a word may be split into several katakana tokens ("ティ" "オン")
            while (
                j + 1 < n
                and toks[j + 1].start == toks[j].end
                and (toks[j + 1].form == "・" or katakana(toks[j + 1].form.replace("・", "")))
                and not (
                    toks[j + 1].form == "・"
                    and (j + 2 >= n or not katakana(toks[j + 2].form.replace("・", "")))
                )
            ):
                j += 1
                parts.append(toks[j])
            words = "".join(p.form for p in parts).split("・")
            named = any(p.sub in ("person", "surname", "given", "place") for p in parts)
            if any(p.form == "・" for p in parts) and listed_words(words, named):
                # "ヒト・モノ・カネ": everyday words listed; none of them is a name
                out.extend(
                    CTok(p.form, p.start, p.end, "N" if p.cat == "P" else p.cat) for p in parts
                )
                i = j + 1
                continue
            if any(p.form == "・" for p in parts) and any(p.cat == "P" for p in parts):
                sub = (
                    "person"
                    if any(p.sub in ("person", "surname", "given") for p in parts)
                    else ("place" if any(p.sub == "place" for p in parts) else "")
                )
                # "キャンプ・デービッド": a word that says what the name names
                sub = _kind_words().get(parts[0].form, sub)
                form = "".join(p.form for p in parts)
                out.append(CTok(form, parts[0].start, parts[-1].end, "P", sub))
                i = j + 1
                continue
        out.append(t)
        i += 1
    return out


def _kind_word_names(toks: list[CTok]) -> list[CTok]:
    """ "キャンプデービッド", "ホテルニューオータニ": a katakana word that says what a name
    names (ja_kind_words.txt), written without ・ before katakana that are no word of
    the dictionary, begins that name; "キャンプファイヤー" stays a loanword."""
    kinds = _kind_words()
    out: list[CTok] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        j = i + 1
        while (
            t.form in kinds
            and j < len(toks)
            and toks[j].start == toks[j - 1].end
            and toks[j].cat in ("N", "P")
            and katakana(toks[j].form)
            and "・" not in toks[j].form
        ):
            j += 1
        tail = "".join(x.form for x in toks[i + 1 : j])
        if len(tail) >= 3 and not kana_word(tail) and not everyday_word(tail):
            out.append(CTok(t.form + tail, t.start, toks[j - 1].end, "P", kinds[t.form]))
            i = j
            continue
        out.append(t)
        i += 1
    return out


@cache
def _kind_words() -> dict[str, str]:
    """Katakana words that begin a name and give its kind (ja_kind_words.txt)."""
    return {row[0]: row[1] for row in load_table("ja_kind_words.txt") if len(row) >= 2}


@cache
def _naming_heads() -> tuple[str, ...]:
    """Heads that name a place after common nouns too ("選挙区", "郡")."""
    heads = lang_rules(LANG).heads
    return tuple(
        h
        for h, (kind, mark) in heads.items()
        if mark == "common" or (kind, mark) == ("place", "short-common")
    )


@cache
def _head_generic() -> tuple[str, ...]:
    return tuple(load_words("ja_head_generic.txt", lower=False))


# a name in Japanese quotation brackets, within one line and without sentence marks
_BRACKETED = re.compile(r"「([^「」。、,\n]{2,40})」")


# a short name in round brackets at the end of a longer one
_SHORT_IN_BRACKETS = re.compile(r"[(（]([^()（）]{2,20})[)）]$")


_SYSTEM_SUFFIXES = frozenset("制")  # "議院内閣制", "小選挙区制"


_PLACE_ENDINGS = ("市", "町", "村", "区", "郡", "県", "府", "都", "道", "島")


_ON = "に関する"  # "on", in the title of a document


# suffixes that make a compound name people: "関係者", "受賞団体関係者"
_PERSON_SUFFIXES = frozenset("者員")


_NAME_SUBS = frozenset(("person", "surname", "given"))


_OBSERVANCE = frozenset(("世界", "国際"))  # "世界津波の日": a day the world observes


class JapaneseEngine(Engine):
    def default_proper_kind(self, g: list[CTok], surface: str) -> str:
        return "org"

    def name_ends_before(self, cur: list[CTok], tok: CTok) -> bool:
        """Where a noun run ends although nothing is written between two words.

        "イ・ジョンフン韓国外交部…大使", "野口元郎ICC被害者信託基金理事長": a full
        name (katakana joined by ・, or a family and a given name) written straight
        onto a proper noun or Latin letters that begin an institution, or onto 元
        (former) before a past post, ends there; a person's name never goes on into
        a country or an acronym. A kanji name keeps a place after it, which names
        the title that follows ("吉村洋文大阪府知事"), unless a list's ・ stands
        between them ("星野俊也・大阪大学…教授"). "内幸町イイノホール": a town's
        name with its ending (町, 市, 区…) before a katakana name is the address of
        what follows. Two places joined by ・ are two names. "ぜん息等基礎疾患": 等
        (and others) closes a list; the compound after it is a word of its own.
        """
        last = cur[-1]
        if last.form == "等" and last.cat == "SUF":
            return True
        if (
            last.cat == "J"
            and len(cur) >= 2
            and all(t.cat == "P" and t.sub == "place" and len(t.form) >= 2 for t in (cur[-2], tok))
        ):
            return True  # "東京・内幸町", "東京・大阪": two places listed, each a name
        if (
            last.cat == "P"
            and last.sub == "place"
            and last.form.endswith(_PLACE_ENDINGS)
            and tok.cat == "P"
            and tok.sub != "place"
            and katakana(tok.form)
        ):
            return True
        former = tok.form in _FORMER  # "ヒョン・ソンイル元韓国…研究所首席研究委員"
        if not former and (
            tok.cat not in ("P", "L") or tok.sub in _NAME_SUBS or katakana(tok.form)
        ):
            return False
        listed = last.cat == "J" and not former and len(cur) >= 2
        if listed:
            cur = cur[:-1]  # "星野俊也・大阪大学": the list's ・ goes with the run
            last = cur[-1]
        if last.cat != "P" or last.sub not in _NAME_SUBS:
            return False
        if "・" in last.form:
            return True
        return (
            last.sub == "given"
            and (tok.sub != "place" or listed)
            and len(cur) >= 2
            and cur[-2].cat == "P"
            and cur[-2].sub == "surname"
            and cur[-2].end == last.start
        )

    def mine(self) -> list[Mention]:
        for t in self.toks:
            if t.sub == "legal":
                self.emit(t.start, t.end, "term")  # "特定非営利活動法人"
        super().mine()
        self._relation_agreements()
        self._institution_actions()
        self._owned_facilities()
        self._observance_days()
        self._bracketed_names()
        self._clipped_terms()
        self._documents_on()
        self._places_said_short()
        self.mentions.sort(key=lambda m: (m.start, -m.end))
        return _drop_inner_places(self.mentions)

    def _institution_actions(self) -> None:
        """ "衆議院解散", "自衛隊派遣": an organisation's name with a domain head noun
        written on it, ending the compound, is a term (the organisation stays a row of
        its own)."""
        orgs = {(m.start, m.end) for m in self.mentions if m.kind == "org"}
        toks = self.toks
        for i, t in enumerate(toks):
            if t.cat != "P" or (t.start, t.end) not in orgs:
                continue
            j = i + 1
            while (
                j < len(toks)
                and j - i <= 2
                and toks[j].cat == "N"
                and toks[j].start == toks[j - 1].end
            ):
                j += 1
            if j == i + 1 or not self._term_head(toks[j - 1].form):
                continue
            if (
                j < len(toks)
                and toks[j].start == toks[j - 1].end
                and toks[j].cat in ("N", "P", "L")
            ):
                continue  # the compound goes on: "国連改革案" is no action of 国連 alone
            self.emit(t.start, toks[j - 1].end, "term")

    def _observance_days(self) -> None:
        """ "世界津波の日", "世界難民の日": 世界 (world) or 国際 (international) and a noun
        or two before の日 name a day of observance, an event."""
        toks = self.toks
        for i, t in enumerate(toks):
            if t.form not in _OBSERVANCE or t.cat != "N":
                continue
            j = i + 1
            while j < len(toks) and j - i <= 2 and toks[j].cat in ("N", "SUF"):
                if toks[j].start != toks[j - 1].end:
                    break
                j += 1
            if (
                j > i + 1
                and j + 1 < len(toks)
                and toks[j].form == "の"
                and toks[j + 1].form == "日"
                and toks[j - 1].end == toks[j].start
                and toks[j].end == toks[j + 1].start
            ):
                self.emit(t.start, toks[j + 1].end, "event")

    def _owned_facilities(self) -> None:
        """ "外務省飯倉公館": an organisation written straight before a facility's name is
        its owner, and the whole is a name of the same facility."""
        facilities = {m.start: m for m in self.mentions if m.kind == "facility"}
        for m in [m for m in self.mentions if m.kind == "org"]:
            f = facilities.get(m.end)
            if f is None:
                continue
            whole = self.emit(m.start, f.end, "facility", key=f.normalized)
            if whole is not None:
                whole.normalized = f.normalized

    def _relation_agreements(self) -> None:
        """ "日韓EPA交渉", "日中韓FTA": a relation word with an agreement's acronym
        written on it is the agreement's short title (a work), also inside a longer
        term."""
        for a, b in pairwise(self.toks):
            if (
                a.end == b.start
                and b.cat == "L"
                and b.form.isupper()
                and 2 <= len(b.form) <= 6
                and self._is_relation(a.form)
            ):
                self.emit(a.start, b.end, "work")

    def _places_said_short(self) -> None:
        """ "輪島、珠洲" beside "輪島市": a name read as a family name but seen with no
        title is the place the article names with its ending."""
        places = {m.surface for m in self.mentions if m.kind == "place"}
        for m in self.mentions:
            if (
                m.kind == "person"
                and m.surface not in self.titled
                and any(m.surface + end in places for end in _PLACE_ENDINGS)
            ):
                m.kind = "place"
                m.normalized = self.key(m.surface, "place")

    def _documents_on(self) -> None:
        """ "北朝鮮に関する日米韓三か国共同声明", "気候変動に関する国際連合枠組条約": the
        subject before に関する belongs to a document's name (a head of kind work)."""
        text = self.text
        for m in list(self.mentions):
            s = m.start - len(_ON)
            if s <= 0 or text[s : m.start] != _ON or self._head_of(m.surface)[0] != "work":
                continue
            subject = [t for t in self.toks if t.end <= s]
            k = len(subject)
            while (
                k > 0
                and subject[k - 1].cat in ("N", "P", "SUF", "PRE", "L", "D")
                and subject[k - 1].end == (subject[k].start if k < len(subject) else s)
                and len(subject) - k < 4
            ):
                k -= 1
            if k < len(subject) and subject[k].form not in self.r.stop:
                self.emit(subject[k].start, m.end, "work")

    def _clipped_terms(self) -> None:
        """ "新型コロナ" and "新型コロナウイルス": a term clipped after a katakana word
        (the longer one goes on in katakana) is the same term."""
        terms = [m for m in self.mentions if m.kind == "term"]
        for m in terms:
            if not katakana(m.surface[-1]):
                continue
            keys = {
                o.normalized
                for o in terms
                if len(o.surface) > len(m.surface)
                and o.surface.startswith(m.surface)
                and katakana(o.surface[len(m.surface) :])
            }
            if len(keys) == 1:
                m.normalized = next(iter(keys))

    def _bracketed_names(self) -> None:
        """ "「稲むらの火」", "「郵政選挙」", "「地方を世界へ」": words in Japanese quotation
        brackets that end in a noun and hold no verb or adjective name a programme, a
        work or an event (the kind of their head word, else a work). A short name in
        round brackets at the end ("基本方針2023(骨太の方針2023)") is the same one."""
        text = self.text
        for q in _BRACKETED.finditer(text):
            s, e = q.span(1)
            short = _SHORT_IN_BRACKETS.search(text[s:e])
            name_end = s + short.start() if short else e
            inside = [t for t in self.toks if s <= t.start and t.end <= name_end]
            if not inside or inside[0].start != s or inside[-1].end != name_end:
                continue  # the analyser's tokens do not fit the brackets
            after = next((t for t in self.toks if t.start == e + 1), None)
            # "「地方を世界へ」プロジェクト": a name before the noun it names may end in a
            # particle
            names_noun = after is not None and after.cat == "N" and not short
            last = inside[-1]
            if inside[0].cat == "D" or (
                last.cat not in ("N", "P", "SUF", "L", "D")
                and not (names_noun and last.sub == "particle")
            ):
                continue  # "「一つの経済圏」": a phrase, no name
            if any(t.cat == "O" and t.sub != "particle" and t.form != " " for t in inside):
                continue  # "「近くて近い国」": a verb or an adjective inside
            if len(inside) < 2 and inside[0].cat != "P":
                continue  # "「危機」": one common word
            if (s, name_end) in self.seen:
                continue
            kind = self._head_kind_str(text[s:name_end], proper=True) or "work"
            m = self.emit(s, name_end, kind)
            if m is not None and short:
                alias = self.emit(s + short.start(1), s + short.end(1), kind, key=m.normalized)
                if alias is not None:
                    alias.normalized = m.normalized

    def _common_compound(self, seg: list[CTok], allow_single_org: bool = False) -> None:
        if len(seg) >= 3 and seg[-1].cat == "SUF" and seg[-1].form in _SYSTEM_SUFFIXES:
            # "議院内閣制": a system of government, a term; no 内閣 (org) inside
            if all(t.cat == "N" for t in seg[:-1]):
                self.emit(seg[0].start, seg[-1].end, "term")
            return
        whole = self.text[seg[0].start : seg[-1].end] if seg else ""
        if not whole.endswith(_naming_heads()):
            self._ordinal_compound(seg, allow_single_org)
            return
        kind, mark = self._head_of(whole)
        named = mark == "common" or (kind == "place" and mark == "short-common")
        head = next((h for h in self.r.head_list if whole.endswith(h)), "")
        before = whole[: len(whole) - len(head)]
        # after a prefecture ("福島県双葉郡") a county's name may be a common word
        county = mark == "short-common" and self.text[seg[0].start - 1 : seg[0].start] in (
            "県",
            "都",
            "道",
            "府",
        )
        # a one-character head is a word of its own: "公職選挙法" (法), not "方法"
        whole_word = len(head) > 1 or (seg[-1].form == head and len(before) >= 2)
        if (
            named
            and before
            and whole_word
            and seg[0].form not in self.r.stop
            and (county or not common_word(before))
        ):
            # "鐘路選挙区", "公職選挙法": a head that names a thing after common nouns
            # too; not after a word of the dictionary ("欠員選挙区": vacant seats,
            # "国際法": international law)
            self.emit(seg[0].start, seg[-1].end, kind)
            return
        self._ordinal_compound(seg, allow_single_org)

    def _proper_kind(self, g: list[CTok], surface: str, person_hint: bool) -> str | None:
        kinds = {t.sub for t in g} & {"facility", "event", "work"}
        if kinds and not person_hint:
            return kinds.pop()  # "キャンプ・デービッド" (ja_kind_words.txt)
        return super()._proper_kind(g, surface, person_hint)

    def _head_kind_str(self, s: str, proper: bool) -> str | None:
        # "与党", "最大野党": a word that ends in a head but names no one thing
        if s.replace(" ", "").endswith(_head_generic()):
            return None
        return super()._head_kind_str(s, proper)

    def _last_term_head(self, seg: list[CTok]) -> int | None:
        h = super()._last_term_head(seg)
        if h is not None and h + 1 < len(seg) and seg[h + 1].form in _PERSON_SUFFIXES:
            return None  # "関係者": the people of it, no term
        return h

    def _ordinal_compound(self, seg: list[CTok], allow_single_org: bool) -> None:
        if seg and seg[0].sub == "ordinal":
            # "第7回総選挙以来107年ぶり": a time word ends the event's name
            cut = next((x for x in range(2, len(seg)) if seg[x].form in self.r.stop), len(seg))
            seg = seg[:cut]
        super()._common_compound(seg, allow_single_org)
        if len(seg) >= 2 and seg[0].sub == "ordinal":
            # "第45回衆議院議員総選挙": an institution named inside the event's name
            insts = self.r.institutions
            for a in range(1, len(seg)):
                for b in range(len(seg), a, -1):
                    if self.text[seg[a].start : seg[b - 1].end] in insts:
                        self.emit(seg[a].start, seg[b - 1].end, "org")
                        break

    def is_full_name(self, m: Mention) -> bool:
        return len(m.surface) >= 3 or "・" in m.surface


def _drop_inner_places(mentions: list[Mention]) -> list[Mention]:
    """The guideline: a place or a term inside a longer name is no row unless it also
    stands alone ("日本" of 日本銀行 only where 日本 is also said alone)."""
    inner: set[int] = set()
    for m in mentions:
        if m.kind not in ("place", "term"):
            continue
        if any(
            o is not m
            and o.start <= m.start
            and m.end <= o.end
            and o.end - o.start > m.end - m.start
            for o in mentions
            if o.kind != "person"
        ):
            inner.add(id(m))
    alone = {m.surface for m in mentions if id(m) not in inner}
    return [m for m in mentions if id(m) not in inner or m.surface in alone]


def mine_text(text: str) -> list[Mention]:
    """Names and terms in Japanese ``text``, with offsets into ``text``."""
    titles = frozenset(lang_rules(LANG).titles)
    toks = split_family_names(text, _korean_kanji_names(text, tokens(text), titles), titles)
    toks = _country_before_title(text, _listed_full_names(text, toks, titles), titles)
    return JapaneseEngine(LANG, text, toks).mine()


def _listed_full_names(text: str, toks: list[CTok], titles: frozenset[str]) -> list[CTok]:
    """ "習近平国家主席": kanji the analyser cut (習近 + 平) that JMnedict lists as one
    person's full name, standing before a title, are one name."""
    from glossary.lang.ja.jmnedict import readings

    out: list[CTok] = []
    i = 0
    n = len(toks)
    while i < n:
        before = text[toks[i].start - 1 : toks[i].start] if toks[i].start else ""
        merged = False
        if not (before and is_kanji(before)):
            for k in range(min(n, i + 4), i + 1, -1):
                span = toks[i:k]
                form = text[span[0].start : span[-1].end]
                if (
                    k < n
                    and 3 <= len(form) <= 4
                    and all(b.start == a.end for a, b in pairwise(span))
                    and all(is_kanji(ch) for ch in form)
                    and (toks[k].form in titles or _title_follows(text, toks, k, titles))
                    and any("person" in kinds for _, kinds in readings(form))
                ):
                    out.append(CTok(form, span[0].start, span[-1].end, "P", "person"))
                    i = k
                    merged = True
                    break
        if not merged:
            out.append(toks[i])
            i += 1
    return out


def _country_before_title(text: str, toks: list[CTok], titles: frozenset[str]) -> list[CTok]:
    """ "バイデン米大統領", "マクロン仏大統領": a one-character country (``countries.txt``)
    between a katakana name and a title is the person's country, a place of its own, not
    the end of the name."""
    short = abbreviations(LANG)
    out = list(toks)
    for i in range(1, len(out) - 1):
        t, prev = out[i], out[i - 1]
        if (
            t.form in short
            and prev.end == t.start
            and prev.cat == "P"
            and katakana(prev.form.replace("・", ""))
            and _title_follows(text, out, i + 1, titles)
        ):
            out[i] = CTok(t.form, t.start, t.end, "P", "country")
    return out

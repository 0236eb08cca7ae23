"""The kind of a run of capitalised English words (:func:`_classify`): person, place,
organisation and the rest, from its head word, its context and the article's evidence.
"""

from __future__ import annotations

import re
from functools import cache

from glossary.lang.surnames import english_miner_spellings
from glossary.mining.cluster import installation_prefixes
from glossary.mining.english_rules import _head_kind, _Rules, general_zipf
from glossary.mining.english_runs import _ABSTRACT, EVERYDAY_ZIPF
from glossary.mining.english_terms import _modifier_ok
from glossary.mining.english_tokens import _Doc, _is_place, _span_text, _Tok
from glossary.mining.names import is_japanese_name, is_korean_name, is_romaji
from glossary.mining.rules import load_lines

_SAID = frozenset(
    (
        "said",
        "says",
        "told",
        "added",
        "noted",
        "stressed",
        "explained",
        "argued",
        "warned",
        "asked",
        "replied",
        "wrote",
        "stated",
        "urged",
        "called",
        "insisted",
        "claimed",
    )
)
# verbs of what a person does, after a one-word name opening a sentence ("Trump met
# Lee"), and the base forms after a modal ("Trump will visit Seoul")
_PERSON_ACTS = frozenset(
    (
        "met",
        "visited",
        "arrived",
        "agreed",
        "announced",
        "signed",
        "thanked",
        "welcomed",
        "vowed",
        "pledged",
        "praised",
        "criticized",
        "criticised",
        "congratulated",
        "condemned",
        "spoke",
        "traveled",
        "travelled",
        "hosted",
        "attended",
        "expressed",
        "reiterated",
        "emphasized",
        "emphasised",
        "promised",
        "nominated",
        "appointed",
        "resigned",
    )
)
_MODALS = frozenset(("will", "would", "also", "later", "then", "plans", "hopes"))
_PERSON_ACT_BASES = frozenset(
    ("visit", "meet", "travel", "attend", "host", "sign", "speak", "hold", "announce", "to")
)
#: a one-word name before a verb of saying or of what a person does is read as a name up
#: to this general frequency ("Trump" 4.9), unless the article or the common-word list
#: has it as an ordinary word; rarer words need no such check (:data:`EVERYDAY_ZIPF`)
PERSON_VERB_ZIPF = 5.0
_PLACE_PREPS = frozenset(["in", "at", "from", "near", "to", "across", "outside", "inside"])
_CREDIT_PREPS = frozenset(["by"])


_ADJECTIVE_ENDS = ("ary", "ous", "ive", "ical")


def _adjective_word(r: _Rules, t: _Tok) -> bool:
    """A capitalised adjective by its ending ("Honorary", "Executive", "Legislative"),
    long enough not to be a given name ("Gary", "Clive"), and no head word."""
    return (
        t.cap
        and not t.upper
        and len(t.low) > 6
        and t.low.endswith(_ADJECTIVE_ENDS)
        and _head_kind(r, t.text) is None
        and t.low not in english_miner_spellings()
    )


def _speaker(doc: _Doc, toks: list[_Tok], a: int, b: int) -> bool:
    """ "Kishida told reporters", "Moon said", "Trump met Lee", "Pence will visit Seoul":
    one word opening a sentence before a verb of saying or of what a person does is a
    person's name when it reads as a Japanese or Korean name, or is rarer than everyday
    English, or is no more frequent than a famous name (:data:`PERSON_VERB_ZIPF`) and
    no ordinary word of the article or the common-word list; never a plural
    ("Analysts said", "Police said" are not)."""
    n = len(toks)
    if b - a != 1 or b >= n:
        return False
    nxt = toks[b].low
    if not (
        nxt in _SAID
        or nxt in _PERSON_ACTS
        or (nxt == "who" and toks[b].gap == ", ")  # "Trump, who took office in January,"
        or (nxt in _MODALS and b + 1 < n and toks[b + 1].low in _PERSON_ACT_BASES)
    ):
        return False
    w = toks[a].low
    if w.endswith("s") or not toks[a].text.isalpha():
        return False
    if w in english_miner_spellings() or is_romaji(w):
        return True
    zipf = general_zipf(w)
    if zipf < EVERYDAY_ZIPF:
        return True
    r = doc.r
    ordinary = w in r.common or w in r.stop or w in r.term_stop or w in doc.lower_seen
    return zipf < PERSON_VERB_ZIPF and not ordinary


def _quoted(doc: _Doc, toks: list[_Tok], a: int, b: int) -> bool:
    """Whether the run [a, b) is all that stands between quotation marks."""
    after = doc.text[toks[b - 1].end : toks[b - 1].end + 8].lstrip(" .,0123456789")
    return toks[a].gap[-1:] in ('"', "“") and after[:1] in ('"', "”")


def _headline_run(toks: list[_Tok], a: int, b: int) -> bool:
    if b - a == 2 and toks[b - 1].hy and toks[b - 1].text.islower():
        return False  # "Gangwon-do" opening a sentence: a place and its unit
    return (
        all(t.amb or not t.cap or t.upper for t in toks[a:b])
        and (b - a) >= 2
        and any(not t.initial for t in toks[a:b])
    )


def _ordinary(doc: _Doc, t: _Tok) -> bool:
    r = doc.r
    if t.upper or t.text in doc.cap_mid or t.text in r.places:
        return False
    return (
        t.low in r.stop
        or t.low in r.common
        or t.low in doc.lower_seen
        or t.low in r.term_heads
        or t.low in r.term_mods
        or not t.cap
    )


def _everyday(doc: _Doc, t: _Tok) -> bool:
    """A capitalised word of everyday English that the article never capitalises
    mid-sentence and that is no known place ("Opening", "Statement")."""
    if t.upper or t.text in doc.cap_mid or t.text in doc.r.places:
        return False
    if t.low in english_miner_spellings() or is_romaji(t.low):
        return False  # "Lee", "Park", "Moon": family names before everyday words
    return general_zipf(t.low) >= EVERYDAY_ZIPF


def _relation(doc: _Doc, span: tuple[int, int], toks: list[_Tok], a: int, b: int) -> bool:
    """Places joined by hyphens ("China-Japan", "U.S.-South Korea-Japan") + a term."""
    cuts = [k for k in range(a + 1, b) if toks[k].hy and toks[k].cap]
    if not cuts:
        return False
    whole = _span_text(doc, toks, a, b)
    if _is_place(doc, whole):
        return False
    # "U.S.-Japan Alliance", "Japan-ROK Relations": the relation's head written with a
    # capital is still a term's head
    head = b
    last = toks[b - 1]
    if (
        b - cuts[-1] >= 2
        and last.low in doc.r.term_heads
        and not last.upper
        and _head_kind(doc.r, last.text) not in ("event", "work")  # "Japan-ROK Summit"
    ):
        head = b - 1
    bounds = [a, *cuts, head]
    parts = [(bounds[x], bounds[x + 1]) for x in range(len(bounds) - 1)]
    names = [_span_text(doc, toks, p, q) for p, q in parts]
    groups = [x in _relation_parties() for x in names]
    if not all(g or _is_place(doc, x) for g, x in zip(groups, names, strict=True)):
        return False
    if all(groups):
        return False  # "G7-NATO": no country in it
    for (p, q), group in zip(parts, groups, strict=True):
        # "ASEAN" in "ASEAN-Korea ties" is an organisation, a row of its own
        kind = "org" if group else "place"
        doc.emit(toks[p].start, toks[q - 1].end, span, kind, inner=not group)
    if head < b:
        doc.emit(toks[a].start, toks[b - 1].end, span, "term")
        return True
    end = _term_after(doc, toks, b)
    if end is not None:
        doc.emit(toks[a].start, toks[end].end, span, "term")
    elif _elliptical_relation(doc, toks, b):
        doc.emit(toks[a].start, toks[b - 1].end, span, "term")  # "Japan-ROK and ..."
    return True


@cache
def _relation_parties() -> frozenset[str]:
    return frozenset(load_lines("en_relation_parties.txt"))


def _elliptical_relation(doc: _Doc, toks: list[_Tok], b: int) -> bool:
    """ "Japan-ROK and Japan-ROK-US cooperation": a relation compound whose term comes
    after the next one, across "and"."""
    n = len(toks)
    if b + 1 >= n or toks[b].low != "and" or not toks[b + 1].cap:
        return False
    k = b + 1
    while k + 1 < n and toks[k + 1].hy and toks[k + 1].cap:
        k += 1
    return k > b + 1 and _term_after(doc, toks, k + 1) is not None


def _term_after(doc: _Doc, toks: list[_Tok], b: int) -> int | None:
    """Index of the last head word of a term starting at ``b`` ("shuttle diplomacy")."""
    r = doc.r
    last = None
    k = b
    n = len(toks)
    if k < n and toks[k - 1].poss:
        return None
    while k < n and k < b + 5:
        t = toks[k]
        if not t.sp or (t.cap and not t.upper and not t.amb):
            break
        g_end = k
        while g_end + 1 < n and toks[g_end + 1].hy and not toks[g_end + 1].cap:
            g_end += 1
        word = doc.text[t.start : toks[g_end].end].lower()
        if word in r.term_heads:
            last = g_end
        elif not _modifier_ok(r, doc, word, toks[k]):
            break
        if toks[g_end].poss:
            break
        k = g_end + 1
    return last


#: an all-capital word rarer than this (and of six letters or more, a third of them
#: vowels) reads as a family name written in capitals after a given name, not as an
#: acronym ("NATO", "UNESCO" are more frequent; "KEPCO", "KOTRA" are short)
CAPS_FAMILY_ZIPF = 2.5


def _capitals_family_name(r: _Rules, toks: list[_Tok], a: int, b: int) -> bool:
    """ "Kubra RENDECIOGLU": a capitalised given name, then a family name in capitals."""
    if b - a != 2:
        return False
    given, family = toks[a], toks[a + 1]
    word = family.low
    vowels = sum(ch in "aeiouy" for ch in word)
    return (
        family.upper
        and family.text.isalpha()
        and len(word) >= 6
        and vowels / len(word) >= 0.3
        and general_zipf(word) < CAPS_FAMILY_ZIPF
        and given.cap
        and not given.upper
        and given.text.isalpha()
        and given.text not in r.places
        and _head_kind(r, given.text) is None
        and given.low not in r.common
        and given.low not in r.stop
    )


def _known_org_end(doc: _Doc, toks: list[_Tok], a: int, b: int) -> bool:
    """Whether the run [a, b) ends with a known organisation (en_organisations.txt)."""
    return any(_span_text(doc, toks, x, b) in doc.r.orgs for x in range(max(a, b - 4), b))


def _classify(doc: _Doc, toks: list[_Tok], a: int, b: int, person_hint: bool) -> str | None:
    r = doc.r
    if b - a == 1 and doc.text[toks[a].end : toks[a].end + 1] == "$":
        return None  # "US$127,600", "HK$": a currency, no country
    text = _span_text(doc, toks, a, b)
    words = [t.text for t in toks[a:b]]
    if text in r.places:
        return "place"
    if _known_org_end(doc, toks, a, b):
        return "org"  # "Red Cross", "Korean Red Cross"
    last = toks[b - 1]
    if b - a >= 2 and last.hy and (last.text[0].isdigit() or (len(last.text) == 1 and last.cap)):
        return "term"  # a model's designation: "Hwasong-15", "F-35A", "Scud-B", "COVID-19"
    if (
        b - a == 3
        and toks[a].text.isupper()
        and toks[a + 1].hy
        and toks[a + 1].text[0].isdigit()
        and _head_kind(r, last.text) is None
    ):
        return "term"  # a designation and the model's name: "CV-22 Osprey", "F-35A Lightning"
    if b - a >= 2 and toks[b - 1].text in r.suffixes and toks[b - 2].cap:
        return "person"  # "John F. Kennedy Jr."
    if b - a == 2 and toks[b - 1].hy and toks[b - 1].low in r.place_suffixes:
        return "place"  # "Yeongju-si"
    # "Carlisle, Penn.": a city and its state's abbreviation
    if b - a == 1 and toks[a].text in r.state_abbrevs and _after_city(toks, a):
        return "place"
    if b < len(toks) and toks[b].text in r.state_abbrevs and _after_city(toks, b):
        return "place"
    if b - a == 1:
        t = toks[a]
        if len(t.text) < 2:
            return None
        if _WEB_NAME.match(t.text):
            return "org"  # "Korea.net", "Golf.com": a website and its newsroom
        if t.upper:
            bare = t.text.replace(".", "")
            if t.text in r.acronyms_common or bare in r.acronyms_common:
                return None
            if person_hint and t.text.isalpha() and is_romaji(t.low):
                return "person"  # "Mr. ISHIBA": a family name in capitals after a title
            return "org"
        korean_family = person_hint and t.low in english_miner_spellings()
        if (t.low in r.stop and not korean_family) or t.low in r.calendar or t.text in r.languages:
            return None  # but "Mayor Oh": a Korean family name after a title
    # head word: the first word before "of" ("Department of State"), the last word
    # (before a number: "Flight 858"), or a word before "of"/"for"
    kind = None
    if b - a >= 3 and toks[a + 1].low in ("of", "for") and toks[a + 1].text.islower():
        kind = _head_kind(r, words[0])
    kind = kind or _head_kind(r, words[-1])
    if kind is None and b - a >= 2 and words[-1].isdigit():
        kind = _head_kind(r, words[-2])
    if kind is None:
        for k in range(a, b - 1):
            if toks[k + 1].low in ("of", "for", "on") and toks[k + 1].text.islower():
                kind = _head_kind(r, toks[k].text)
                if kind:
                    break
    if kind is None and b - a >= 2 and words[0] in installation_prefixes():
        kind = "facility"  # "Camp Walker", "Fort Bragg"
    if kind is None and b - a >= 2:
        kind = r.openers.get(words[0])  # "Mount Fuji", "Typhoon Hinnamnor"
    if kind is not None and not (b - a == 1 and kind != "person"):
        return kind
    if kind is not None and b - a == 1:
        # a head word alone ("Summit", "Ministry") is not a name, except the few that
        # name one institution by themselves ("the Diet", "the Cabinet", "the Army")
        t = toks[a]
        if t.low in r.alone_heads and not t.amb and not t.upper:
            return kind
        doc.head_alone.append((t.start, t.end, doc.span))
        return None
    if person_hint:
        return "person"
    if b - a >= 2:
        if is_korean_name(words) or is_japanese_name(words):
            return "person"
        if _capitals_family_name(r, toks, a, b):
            return "person"  # "Kubra RENDECIOGLU": a family name in capitals
        if any(w in r.places for w in words) or any(t.upper for t in toks[a:b]):
            return "org"
        if any(t.text[0].isdigit() for t in toks[a:b]):
            return "org"
        if any(
            "." in t.text
            or t.low in r.term_heads
            or t.low in r.portfolio_words
            or (len(t.low) > 5 and t.low.endswith(_ABSTRACT))
            for t in toks[a:b]
        ):
            return "org"  # "Korea.net Honorary Reporters": words of a name that is no person's
        first = toks[a].low
        if (
            len(first) > 5
            and first.endswith("ing")
            and general_zipf(first) >= EVERYDAY_ZIPF
            and (toks[a].amb or toks[b - 1].text not in r.languages)
        ):
            # "Opening Remarks", "Closing Session": a heading, nobody's name; but "for
            # Learning English" mid-sentence names a programme
            return None
        if toks[b - 1].text in r.languages:
            return "org"  # "Learning English": a programme named for its language
        if any(t.text == "of" for t in toks[a:b]):
            return "term"  # "Internet of Things": no head, and no person's name has "of"
        return "person"
    # one word, no head: read its neighbours
    if len(toks[a].low) > 5 and toks[a].low.endswith(_ABSTRACT):
        return None  # "Revitalization", "Cooperation": a common noun, nobody's name
    prev = _prev_word(doc, toks, a)
    nxt = toks[b].low if b < len(toks) else ""
    if nxt in _SAID or (prev in r.titles and prev.islower()):
        return "person"
    if prev in _PLACE_PREPS or (prev == "the" and toks[a].sp):
        return "place"  # "in Gyeongju", "the Mekong countries": no person's name
    if (
        prev == "and"
        and a >= 3
        and toks[a - 2].cap
        and toks[a - 2].sp
        and (toks[a - 2].text in r.places or toks[a - 3].low in _PLACE_PREPS)
    ):
        return "place"  # "in Wajima and Suzu": the second of two places
    if prev in _CREDIT_PREPS:
        return "org"
    return "person"


def _after_city(toks: list[_Tok], k: int) -> bool:
    """Whether token k follows a capitalised name and a comma ("Carlisle, Penn.")."""
    return k > 0 and toks[k].gap == ", " and toks[k - 1].cap


def _prev_word(doc: _Doc, toks: list[_Tok], a: int) -> str:
    if a == 0:
        return ""
    t = toks[a - 1]
    return t.low if t.sp else ""


_WEB_NAME = re.compile(r"^[^\W\d_][\w-]*\.(?:net|com|org|gov|go\.kr|go\.jp|kr|jp)$")

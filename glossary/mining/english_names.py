"""Proper names in an English sentence: runs of capitalised words extended over their
connectors (:func:`_extend_run`), split at titles and classified (:func:`_process_run`).
"""

from __future__ import annotations

import re
from functools import cache

from glossary.lang.surnames import english_miner_spellings
from glossary.mining.cluster import installation_prefixes
from glossary.mining.countries import is_country
from glossary.mining.english_keys import norm_key
from glossary.mining.english_rules import (
    _CORPORATE,
    _RANKS,
    LANG,
    _head_kind,
    _Rules,
    _title_word,
    general_zipf,
    singular,
)
from glossary.mining.english_terms import _BEFORE_VERB, _NUMBER_WORDS, _modifier_ok, _verb_by_past
from glossary.mining.english_titles import _demonym_len, _find_title, _match_title, _title_through
from glossary.mining.english_tokens import _Doc, _is_place, _span_text, _Tok
from glossary.mining.names import (
    is_japanese_name,
    is_korean_name,
    is_korean_syllable,
    is_romaji,
    western_given_names,
)
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
# endings of abstract nouns ("Stability", "Cooperation"): words of no person's name
_ABSTRACT = ("ity", "tion", "sion", "ment", "ance", "ence", "ship", "ness", "ism")


#: Zipf frequency (log10 of occurrences per billion words) from which a word is
#: everyday English: "Opening", "Statement", "Looking" (4.9-5.5), not "Kake" or "Realmeter".
EVERYDAY_ZIPF = 4.5


# ordinals before a title: "First Vice Foreign Minister", "2nd Vice Minister"
_ORDINALS = frozenset(
    ("first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th", "senior", "principal")
)


_CREDIT_WORDS = frozenset(("photo", "photos", "file", "courtesy"))
_ORDINAL_DIGITS = re.compile(r"^\d+(?:st|nd|rd|th)$")


def _time_word(t: _Tok) -> bool:
    """A word of a time expression: a number word, an ordinal, "Century"."""
    return (
        t.low in _NUMBER_WORDS
        or t.low in ("century", "centuries", "eleventh", "twelfth")
        or (t.low.endswith("th") and t.low[:-2] in _NUMBER_WORDS)
        or bool(_ORDINAL_DIGITS.match(t.low))
    )


def _is_lower_name_part(prev: _Tok, t: _Tok) -> bool:
    """'myung' in 'Jae-myung': a short lowercase syllable after a short capitalised one."""
    return (
        t.hy
        and t.text.isalpha()
        and t.text.islower()
        and len(t.text) <= 5
        and (2 <= len(prev.text) <= 5 or (len(prev.text) == 6 and is_korean_syllable(prev.low)))
        and prev.cap
        and prev.text.isalpha()  # "U.S.-made", "U.S.-led": an adjective, no name
        and (  # "Seoul-based", "Japan-made" are no names either
            is_korean_syllable(t.text)
            or (not t.text.endswith(("ed", "ing")) and t.text not in _COMPOUND_ENDS)
        )
    )


# lowercase words that end an adjective after a name and a hyphen ("Japan-made")
_COMPOUND_ENDS = frozenset(("made", "run", "wide", "born", "style", "type", "like", "era"))


def _portfolio_word(r: _Rules, t: _Tok) -> bool:
    """A word that completes an office or names a portfolio ("Foreign", "Affairs")."""
    if not t.cap:
        return False
    if t.low in r.portfolio_words or _head_kind(r, t.text) in ("org", "work"):
        return True
    if t.upper and t.text not in r.places:
        return True  # "ICT", "SMEs"
    return len(t.low) > 4 and t.low.endswith(("ian", "ean", "ese", "ern"))  # "Oceanian"


def _caps_end(toks: list[_Tok], k: int) -> int:
    """End (exclusive) of the capitalised words joined by spaces from ``k``."""
    n = len(toks)
    e = k
    while e < n and toks[e].cap and (e == k or toks[e].sp):
        e += 1
    return e


def _abstract_noun(r: _Rules, t: _Tok) -> bool:
    """A capitalised common noun of a name's subject ("Security", "Stability")."""
    return _portfolio_word(r, t) or (len(t.low) > 5 and t.low.endswith(_ABSTRACT))


def _and_ok(
    r: _Rules, toks: list[_Tok], k: int, m: int, has_head: bool, has_of: bool, office: bool = False
) -> bool:
    """Whether "and" at k - 1 stays inside the name run ending at k - 2; m is the
    first word after it."""
    n = len(toks)
    if m >= n or not toks[m].cap or toks[m - 1].low != "and":
        return False
    e = _caps_end(toks, m)
    after = toks[m:e]
    if any(_head_kind(r, t.text) is not None for t in after[:-1]):
        return False
    if office and has_of:
        # "Minister of Economy, Trade and Industry Yoji Muto": the name follows
        return _portfolio_word(r, after[0])
    if has_head and has_of:
        # "Ministry of Science and ICT", "Council on Economic and Fiscal Policy",
        # "Meeting on Security and Stability"
        return len(after) <= 3 and all(_abstract_noun(r, t) for t in after)
    if not has_head:
        # "Asian and Oceanian Affairs Bureau", "Korea Craft and Design Foundation": a
        # head closes the words after "and"
        before = toks[k - 2]
        start = k - 2
        while start > 0 and toks[start - 1].cap and toks[start].sp:
            start -= 1
        lead = toks[start : k - 1]
        no_title = all(t.low.rstrip(".") not in r.title_words for t in lead)
        return (
            len(after) <= 4
            and _head_kind(r, after[-1].text) in ("org", "event", "work")
            and before.text not in r.places
            and (_portfolio_word(r, before) or (len(lead) >= 2 and no_title))
        )
    return False


def _list_ok(r: _Rules, toks: list[_Tok], k: int, office: bool = False) -> bool:
    """ "Ministry of Economy, Trade and Industry": a comma list of portfolio words,
    closed by "and", from k (the word after the first comma)."""
    n = len(toks)
    x = k
    while x < n:
        e = _caps_end(toks, x)
        if e == x or e - x > 2 or not all(_portfolio_word(r, t) for t in toks[x:e]):
            return False
        if e < n and toks[e].gap == ", " and toks[e].cap:
            x = e
            continue
        if e < n and toks[e].gap == " & " and toks[e].cap:
            # "Ministry of Economy, Trade & Industry": an ampersand closes the list
            last = _caps_end(toks, e)
            return last - e <= 2 and all(_portfolio_word(r, t) for t in toks[e:last])
        return (
            e + 1 < n
            and toks[e].low == "and"
            and toks[e].gap in (" ", ", ")  # "Culture, Sports, and Tourism"
            and toks[e + 1].sp
            and _and_ok(r, toks, e + 1, e + 1, True, True, office)
        )
    return False


def _extend_run(r: _Rules, toks: list[_Tok], i: int) -> int:
    """End (exclusive) of the run of name words starting at ``i``."""
    n = len(toks)
    k = i
    has_head = _head_kind(r, toks[i].text) is not None
    has_of = False
    has_between = False
    work_head = _head_kind(r, toks[i].text) == "work"
    to_title = False  # an office named with "to <country>" ("Ambassador")
    office = False  # "of"/"for" completes an office ("Minister for Foreign Affairs")
    in_list = False  # inside "Economy, Trade and Industry"
    places_after_of = False
    while True:
        cur = toks[k]
        to_title = to_title or cur.low in r.title_to_words
        if cur.poss and not _inner_possessive(r, toks, k, has_head and has_of):
            break
        nxt = k + 1
        if nxt >= n or (cur.text in _CORPORATE and k > i):
            break  # "Nvidia Corp.": a company's legal form ends its name
        t2 = toks[nxt]
        if t2.text in r.suffixes and t2.gap in (" ", ", ") and cur.cap and k > i:
            k = nxt  # "John F. Kennedy Jr.", "Martin Luther King III": the name ends here
            break
        if t2.hy and t2.low in r.title_hyphen and cur.cap:
            k = nxt  # "Ambassador-designate", "President-elect"
            continue
        opening = k == i or (k == i + 1 and toks[i].amb and toks[i].low in r.stop)
        if t2.hy and t2.text.islower() and t2.low in r.place_suffixes and cur.cap and opening:
            k = nxt  # "Yeongju-si", "Gangwon-do": a place and its unit
            break
        if (
            t2.gap == " ("
            and t2.upper
            and nxt + 1 < n
            and toks[nxt + 1].gap == ") "
            and toks[nxt + 1].cap
            and cur.text in r.places
        ):
            # "Japan-Republic of Korea (ROK) Foreign Ministers' Meeting": an abbreviation
            # in brackets after a country inside a name
            k = nxt + 1
            has_head = has_head or _head_kind(r, toks[k].text) is not None
            continue
        close = _gloss_end(toks, nxt) if t2.gap == " (" and cur.cap else 0
        if close and _head_kind(r, toks[close].text) == "org":
            # "the New Frontier (Saenuri) Party": the party's other name in brackets
            # before its head word
            k = close
            has_head = True
            continue
        if (
            t2.gap == ", "
            and t2.cap
            and (has_head or office)
            and has_of
            and _list_ok(r, toks, nxt, office and not has_head)
        ):
            k = nxt
            in_list = True
            continue
        if in_list and t2.low == "and" and t2.gap == ", " and nxt + 1 < n and toks[nxt + 1].cap:
            k = nxt + 1  # "Culture, Sports, and Tourism": the serial comma
            in_list = False
            continue
        if t2.gap == ", " and f"{cur.text}, {t2.text}" in r.places:
            k = nxt  # "Washington, D.C.": a place written with a comma
            continue
        if t2.gap == " & " and t2.cap and cur.cap and not t2.amb:
            k = nxt  # "Korea Hydro & Nuclear Power", "Economy, Trade & Industry"
            in_list = False
            has_head = has_head or _head_kind(r, t2.text) is not None
            continue
        # "Gov. Lee": an abbreviated title's period does not end the run, nor does an
        # initial's ("George W. Bush", "Gregory M. Tomlin")
        if not t2.sp and not (
            t2.cap
            and t2.gap == ". "
            and (
                cur.low in r.title_abbrevs
                or (len(cur.text) == 1 and cur.text.isupper())
                or (k == i and cur.text in r.opener_abbrevs)  # "Mt. Halla"
            )
        ):
            break
        if t2.text == "I" and not (nxt + 1 < n and toks[nxt + 1].gap == ". "):
            break  # "In this new Cabinet I have appointed": the pronoun
        if (
            t2.text.isupper()
            and t2.text.isalpha()
            and len(t2.text) <= 4
            and nxt + 1 < n
            and toks[nxt + 1].hy
            and toks[nxt + 1].text[0].isdigit()
        ):
            break  # "U.S. Air Force CV-22 Osprey": a model's designation starts a name
        if (t2.cap and t2.text[0].isalpha()) or (t2.text[0].isdigit() and t2.hy):
            k = nxt
            has_head = has_head or _head_kind(r, t2.text) is not None
            work_head = work_head or _head_kind(r, t2.text) == "work"
            continue
        if t2.text.isdigit() and (cur.low == "of" or _head_kind(r, cur.text) in ("event", "work")):
            k = nxt
            continue
        if (
            _ORDINAL_DIGITS.match(t2.low)
            and t2.sp
            and cur.cap
            and nxt + 1 < n
            and toks[nxt + 1].cap
            and toks[nxt + 1].sp
            and _head_kind(r, toks[_caps_end(toks, nxt + 1) - 1].text) is not None
        ):
            k = nxt  # "U.S. 7th Fleet": an ordinal inside a name with a head
            continue
        if t2.hy and t2.low in _NUMBER_WORDS and cur.low in _NUMBER_WORDS:
            k = nxt  # "Twenty-first", "Twenty-First"
            continue
        if _is_lower_name_part(cur, t2):
            k = nxt
            continue
        conn = r.connectors.get(t2.low) if t2.text.islower() else None
        if conn is not None and t2.low in ("to", "for", "of", "the"):
            # "Deputy Assistant to the President": a title with lowercase words inside
            title_end = _title_through(r, toks, i, k)
            if title_end > k:
                k = title_end
                continue
        if conn is None:
            break
        # up to two connectors ("of the"), then a capitalised word or a number
        m = nxt + 1
        if m < n and toks[m].text.islower() and r.connectors.get(toks[m].low) == "head":
            m += 1
        if m >= n or not toks[m].sp:
            break
        t3 = toks[m]
        if not (t3.cap or (t3.text.isdigit() and t2.low == "of")):
            break
        if conn == "any":
            ok = True
        elif conn == "head":
            ok = has_head
            if not ok and t2.low in ("of", "for") and _title_word(r, cur.low) in r.title_words:
                ok = office = True  # "Minister for Foreign Affairs"
            if not ok and t2.low == "of" and opening and m == nxt + 1:
                ok = _everyday_of_name(r, cur, t3, toks, m)  # "Internet of Things"
            if t2.low == "between":
                ok = work_head  # "Treaty on Basic Relations between Japan and ..."
            elif t2.low == "on" and not has_of and _located_on(r, toks, i, k, m):
                ok = False  # "Olive Park on Shodo Island": a name, then where it is
        elif conn == "to":
            ok = to_title and (t3.text in r.places or _place_at(r, toks, m))
        elif conn == "in":
            # "Embassy of Japan in Seoul": a mission's head word, its country, its city
            ok = (
                _head_kind(r, toks[i].text) == "org"
                and places_after_of
                and k == i + 2
                and _place_at(r, toks, m)
            )
        else:  # "and"
            ok = has_between or (
                m == nxt + 1
                and _and_ok(r, toks, nxt + 1, m, has_head, has_of, office and not has_head)
            )
        if not ok:
            break
        if t2.low in ("of", "for", "on"):
            has_of = True
            places_after_of = _place_at(r, toks, m)
        has_between = has_between or t2.low == "between"
        k = m
        has_head = has_head or _head_kind(r, t3.text) is not None
        work_head = work_head or _head_kind(r, t3.text) == "work"
    return k + 1


def _everyday_of_name(r: _Rules, cur: _Tok, t3: _Tok, toks: list[_Tok], m: int) -> bool:
    """ "Internet of Things", "Statue of Liberty": two capitalised everyday words joined
    by "of", neither a place nor a person's name, make one name (not two persons)."""
    if m + 1 < len(toks) and toks[m + 1].cap and toks[m + 1].sp:
        return False  # a longer run: "Bank of Korea Governor" is read by its heads
    for t in (cur, t3):
        if t.upper or t.amb or not t.text.isalpha() or t.low in r.stop:
            return False
        if t.text in r.places or t.low in english_miner_spellings() or is_romaji(t.low):
            return False  # "Lee of Korea", "Kishida of Japan"
        if t.text in western_given_names() or general_zipf(t.low) < EVERYDAY_ZIPF:
            return False
    return True


def _located_on(r: _Rules, toks: list[_Tok], i: int, k: int, m: int) -> bool:
    """Whether "on" between a name (tokens i..k, ending with its head word) and the
    name from token m says where the first one is: a place or facility after "on" and
    no event or document before it ("Olive Park on Shodo Island", "2nd Infantry
    Division on Camp Humphreys"), unlike "Conference on Disarmament" or "Meeting on
    Security and Stability on the Korean Peninsula"."""
    before = _head_kind(r, toks[k].text)
    if before is None:
        return False
    if any(_head_kind(r, t.text) in ("event", "work") for t in toks[i : k + 1]):
        return False
    if before in ("place", "facility"):
        return True  # "Ishikawa Prefecture on New Year's Day": a place's name ends there
    if toks[m].text in installation_prefixes():
        return True
    last = toks[_caps_end(toks, m) - 1]
    return _head_kind(r, last.text) in ("place", "facility")


def _place_at(r: _Rules, toks: list[_Tok], m: int) -> bool:
    """Whether a known place starts at token m ("Seoul", "Republic of Korea")."""
    n = len(toks)
    words: list[str] = []
    for x in range(m, min(n, m + 4)):
        if x > m and not toks[x].sp:
            break
        words.append(toks[x].text)
        if " ".join(words) in r.places:
            return True
    return False


def _inner_possessive(r: _Rules, toks: list[_Tok], k: int, in_name: bool = False) -> bool:
    """Whether the possessive word at k stays inside the name ("Foreign Correspondents'
    Club", "Prime Minister's Office", "Headquarters for Japan's Economic Revitalization")."""
    cur = toks[k]
    if k + 1 >= len(toks) or not toks[k + 1].cap or not toks[k + 1].sp:
        return False
    if cur.low in r.inner_poss:
        return True
    nxt_head = _head_kind(r, toks[k + 1].text)
    if cur.poss == 1:
        # an office's own institution, or a place inside a name after "of"/"for"
        if cur.low in r.title_words and nxt_head == "org":
            return True
        # "for Japan's Economic Revitalization", not "University of Tokyo's Institute"
        return (
            in_name
            and cur.text in r.places
            and all(_head_kind(r, t.text) is None for t in toks[k + 1 : _caps_end(toks, k + 1)])
        )
    return (cur.poss == 2 and cur.low.endswith("s") and nxt_head is not None) or (
        cur.poss == 2
        and cur.low.endswith("s")
        and k + 2 < len(toks)
        and any(_head_kind(r, toks[x].text) for x in range(k + 1, min(k + 4, len(toks))))
    )


def _place_len(doc: _Doc, toks: list[_Tok], m: int, b: int) -> int:
    """Length in words of the longest known place at m, within the run (0 if none)."""
    best = 0
    for x in range(m + 1, min(b, m + 5) + 1):
        if _span_text(doc, toks, m, x) in doc.r.places:
            best = x - m
    return best


def _skip_the(toks: list[_Tok], k: int, b: int) -> int:
    return k + 1 if k < b and toks[k].low == "the" and toks[k].text.islower() else k


def _complement(doc: _Doc, toks: list[_Tok], q: int, b: int) -> tuple[int, int]:
    """The words after "of"/"for" at q that complete an office ("Foreign Affairs",
    "the Asian and Oceanian Affairs Bureau"): (their first word, the word after the
    last one), or (q, q) when none do."""
    r = doc.r
    c = _skip_the(toks, q + 1, b)
    end = c
    k = c
    while k < b:
        t = toks[k]
        if t.text.islower():
            if t.low == "and" or (t.low in ("of", "on", "for") and end > c):
                k += 1
                continue
            break
        pl = _place_len(doc, toks, k, b) if k == c else 0
        org_after = any(
            _head_kind(r, toks[h].text) == "org" for h in range(k + pl, min(_caps_end(toks, k), b))
        )  # "Chair of the U.S. Export-Import Bank": the place starts the institution's name
        if pl and not org_after and not (k + pl < b and _portfolio_word(r, toks[k + pl])):
            if toks[q].low == "for":
                # "Coordinator for the Indo-Pacific", "Special Representative for North
                # Korea": the region an office is for names it
                end = k + pl
            break  # "of South Korea": the country is a row of its own
        if _portfolio_word(r, t):
            k += 1
            end = k
            continue
        ce = min(_caps_end(toks, k), b)
        heads = [h for h in range(k, ce) if _head_kind(r, toks[h].text) == "org"]
        if heads:
            # "Chairman of the Policy Research Council", "Managing Director of the
            # International Monetary Fund": the institution's own name
            k = end = heads[-1] + 1
            continue
        pl = _place_len(doc, toks, k, b)
        if pl and k + pl < b and _portfolio_word(r, toks[k + pl]):
            k += pl  # "Special Representative for North Korea Policy"
            continue
        break
    return (c, end) if end > c else (q, q)


def _descriptor(
    doc: _Doc, span: tuple[int, int], toks: list[_Tok], a: int, p: int
) -> tuple[str, int]:
    """The words before a title: a country, a city, an organisation ("U.S.", "Seoul",
    "U.N.", "Eighth Army Transformation Planner"). Emits what they name; returns what
    stands right before the title ("country", "city", "org" or "") and where it starts."""
    r = doc.r
    a += _demonym_len(r, doc, toks, a, p)
    if a >= p:
        return "", a
    for x in range(a + 1, p):
        if toks[x].gap == " (" and toks[x].upper and x + 1 == p and toks[p].gap == ") ":
            # "Republic of Korea (ROK) First Vice Foreign Minister": the abbreviation
            # in brackets names what stands before it
            before, start = _descriptor(doc, span, toks, a, x)
            abbr = "place" if before in ("country", "city") else "org"
            doc.emit(toks[x].start, toks[x].end, span, abbr, inner=before == "city")
            return before, start
    text = _span_text(doc, toks, a, p)
    if text in r.places:
        if is_country(text, LANG):
            doc.emit(toks[a].start, toks[p - 1].end, span, "place")
            return "country", a
        doc.emit(toks[a].start, toks[p - 1].end, span, "place", inner=True)
        return "city", a
    if p - a == 1 and toks[a].upper and toks[a].text not in r.acronyms_common:
        doc.emit(toks[a].start, toks[a].end, span, "org")
        return "org", a
    # the longest name with a head at the start ("Eighth Army" in "Eighth Army
    # Transformation Planner"); the rest is a job description
    for k in range(p, a, -1):
        kind = _head_kind(r, toks[k - 1].text)
        if kind is not None and k - a >= 2:
            _process_run(doc, span, toks, a, k, titled=True)
            return (kind if kind == "org" and k == p else ""), a
    t = toks[a]
    if (
        p - a == 1
        and t.cap
        and t.text.isalpha()
        and (not t.amb or t.text in doc.cap_mid)
        and t.low not in r.stop
        and t.low not in r.common
        and t.low not in r.term_stop
        and t.low not in english_miner_spellings()
        and general_zipf(t.low) < EVERYDAY_ZIPF
    ):
        # "Samsung Chairman Lee Jae-yong", "Toyota President Akio Toyoda": the
        # organisation the job is in (a short name: "Samsung" for "Samsung Electronics")
        doc.emit(t.start, t.end, span, "org")
    return "", a


def _titled_run(
    doc: _Doc, span: tuple[int, int], toks: list[_Tok], a: int, b: int, person_hint: bool
) -> bool:
    """A run holding a title: the title (a term when it names an office), the country,
    city or organisation before it, the person after it. False when it holds none."""
    r = doc.r
    found = _find_title(doc, toks, a, b)
    if found is None:
        return False
    p, q = found
    key = tuple(_title_word(r, t.low) for t in toks[p:q])
    kind = r.titles.get(key, "")
    if p > a and toks[p - 1].low in _RANKS and toks[p - 1].cap and kind == "portfolio":
        p -= 1  # "Deputy Defense Secretary": the rank is part of the office
    if p > a and toks[p - 1].low in _ORDINALS and toks[p - 1].cap:
        p -= 1  # "First Vice Foreign Minister": the ordinal is part of the office
    term_start, term_end = p, -1  # token indexes of the term; -1: no term
    rest = q
    if key in r.title_to:
        # "Ambassador of the ROK to Japan", "Ambassador to Japan"
        k = q
        if k < b and toks[k].low == "of" and toks[k].text.islower():
            c = _skip_the(toks, k + 1, b)
            pl = _place_len(doc, toks, c, b)
            k = c + pl if pl else q
        if k < b and toks[k].low == "to" and toks[k].text.islower():
            c = _skip_the(toks, k + 1, b)
            pl = _place_len(doc, toks, c, b)
            if pl:
                for x, y in ((q, k), (c, c + pl)):
                    z = _skip_the(toks, x + 1, y) if toks[x].text.islower() else x
                    if y > z:
                        doc.emit(toks[z].start, toks[y - 1].end, span, "place", inner=True)
                term_end = rest = c + pl
    if term_end < 0 and q < b and toks[q].low in ("of", "for") and toks[q].text.islower():
        c, e = _complement(doc, toks, q, b)
        if e > c:
            term_end = rest = e
            # an institution inside the office: "the Asian and Oceanian Affairs Bureau"
            if e - c >= 2 and any(_head_kind(r, t.text) == "org" for t in toks[c:e]):
                _process_run(doc, span, toks, c, e, titled=True)
    if term_end < 0 and kind == "portfolio":
        term_end = q
    if (
        p - a in (2, 3)
        and toks[a + 1].text == "of"
        and toks[p - 1].low in ("of", "the")
        and _head_kind(r, toks[a].text) == "org"
        and toks[p].cap
    ):
        # "Office of the Prime Minister", "Office of the President": an office named
        # after the post it serves is one organisation
        end = max(q, term_end)
        doc.emit(toks[a].start, toks[end - 1].end, span, "org")
        if end < b:
            _process_run(doc, span, toks, end, b, person_hint=True)
        return True
    if p > a:
        before, start = _descriptor(doc, span, toks, a, p)
        if before in ("org", "city") and kind:
            term_start = start  # "U.N. Secretary-General", "Seoul Mayor"
            term_end = max(term_end, q)
    if term_end > term_start and toks[p].cap:
        end = toks[term_end - 1].end
        if toks[term_end - 1].low in r.title_abbrevs and doc.text[end : end + 1] == ".":
            end += 1  # "Osaka Gov.": the abbreviation keeps its period
        doc.emit(toks[term_start].start, end, span, "term")
    # "of the ROK" after the office: the country alone
    while rest < b and toks[rest].text.islower():
        if toks[rest].low in ("of", "for", "the", "to"):
            rest += 1
            continue
        break
    if rest < b:
        # "Minister for Foreign Affairs of Japan Seiji Maehara": the country, then the person
        pl = _place_len(doc, toks, rest, b)
        if pl and rest + pl < b and toks[rest + pl].cap:
            end = toks[rest + pl - 1].end
            doc.emit(toks[rest].start, end, span, "place")
            rest += pl
        _process_run(doc, span, toks, rest, b, person_hint=True)
    return True


def _process_run(
    doc: _Doc,
    span: tuple[int, int],
    toks: list[_Tok],
    a: int,
    b: int,
    person_hint: bool = False,
    titled: bool = False,
) -> None:
    r = doc.r
    # "Twenty-first Century", "21st Century": a time, no name
    if all(_time_word(t) for t in toks[a:b]):
        return
    # "Miyazaki and Kagoshima Prefectures": the plural head of a list is no part of a name
    last = toks[b - 1]
    if (
        b - a >= 2
        and a > 0
        and toks[a - 1].low == "and"
        and last.low.endswith("s")
        and last.low not in r.heads
        and r.heads.get(singular(last.low)) == "place"
    ):
        b -= 1
    # "(AP Photo/...)", "Yonhap File": a credit's words after the name
    while b - a >= 2 and toks[b - 1].low in _CREDIT_WORDS:
        b -= 1
    # "7:47 P.M. KST": everyday abbreviations, no name
    if all(t.text.replace(".", "") in r.acronyms_common for t in toks[a:b]):
        return
    caps = a
    while caps < b and toks[caps].text.isupper() and general_zipf(toks[caps].low) >= EVERYDAY_ZIPF:
        caps += 1
    if caps - a >= 2 and (caps == b or toks[caps].gap.count("\n")):
        a = caps  # "BY THE NUMBERS": a heading in capitals, of everyday words
        if a >= b:
            return
    # dates are not names: drop months and weekdays at the edges
    while a < b and toks[a].cap and toks[a].low in r.calendar:
        a += 1
    while b > a and toks[b - 1].cap and not toks[b - 1].hy and toks[b - 1].low in r.calendar:
        b -= 1
    # "The", "According", "What" at the start of a sentence
    while a < b and toks[a].amb and toks[a].low in r.stop and _match_title(r, toks, a, b) < 2:
        a += 1  # but "Under Secretary for Political Affairs" opens with a title
    if b - a >= 3 and toks[a].text == "The":
        a += 1  # "from The Associated Press": the article is no part of the name
    while a < b and toks[a].text.islower() and not _ORDINAL_DIGITS.match(toks[a].low):
        a += 1
    while b > a and toks[b - 1].text.islower() and not toks[b - 1].hy:
        b -= 1
    if a >= b:
        return
    n = len(toks)
    if (
        a > 1
        and toks[a - 1].text.isdigit()
        and len(toks[a - 1].text) <= 3
        and b < n
        and toks[b].text.islower()
        and toks[b].low.endswith("s")
    ):
        return  # "2 Metropolitan mayors, 8 Metropolitan Council constituencies": kinds
    if (
        b - a >= 3
        and toks[b - 1].low.endswith("s")
        and _head_kind(r, toks[b - 1].text) == "work"
        and _head_kind(r, toks[b - 2].text) == "org"
    ):
        b -= 1  # "UN Security Council Resolutions": the council and its resolutions
    if any(t.amb for t in toks[a:b]) and _headline_run(toks, a, b):
        # a title-case headline: split at the ordinary words
        _split_headline_run(doc, span, toks, a, b)
        return
    # titles: "South Korean President Lee Jae-myung", "Minister for Foreign Affairs"
    if not titled and _titled_run(doc, span, toks, a, b, person_hint):
        return
    # a demonym before a name: "Japanese" in "Japanese Foreign Ministry" stays,
    # in "Chinese Xi Jinping" goes
    dl = _demonym_len(r, doc, toks, a, b)
    if dl:
        if a + dl >= b:
            return
        if all(_head_kind(r, t.text) is None for t in toks[a + dl : b]) and not _known_org_end(
            doc, toks, a, b
        ):
            a += dl  # "Korean Air Flight 858", "Korean Red Cross" keep their first word
    elif (
        b - a == 1
        and toks[a].low.endswith("s")
        and toks[a].text[:-1] in r.demonyms
        and toks[a].text not in r.places  # "Philippines"
    ):
        return  # "Koreans"
    # a sentence-initial common word ("Experts", "Historical") alone, or leading a
    # short run without a head word, is ordinary
    first = toks[a]
    if first.amb and first.low in r.term_stop and b - a >= 2:
        a += 1  # "Certain Honorary Reporters", "Several Japanese officials"
        first = toks[a]
    if (
        first.amb
        and not first.upper
        and (
            first.low in r.common
            or first.low in r.term_stop
            or first.low in doc.lower_seen
            or (first.low.endswith("ly") and b - a == 1)  # "Firstly", "Additionally"
        )
        and b - a < 3
        and _span_text(doc, toks, a, b) not in r.places  # "North Korea" after a quote
        and _head_kind(r, toks[b - 1].text) is None
        and not (b - a >= 2 and _quoted(doc, toks, a, b))  # "Regional Revitalization 2.0"
        and not _speaker(doc, toks, a, b)  # "Moon said"
        and not (b - a >= 2 and (first.text, toks[a + 1].text) in doc.cap_pairs)
    ):
        a += 1
        while a < b and not toks[a].cap:
            a += 1
        if a >= b:
            return
    # "(Minister for Foreign Affairs) of Japan Seiji Maehara": a country, then a person
    pl = _place_len(doc, toks, a, b)
    if pl and b - (a + pl) >= 2 and all(toks[x].sp for x in range(a + pl, b)):
        words = [t.text for t in toks[a + pl : b]]
        if all(_head_kind(r, w) is None for w in words) and (
            is_korean_name(words) or is_japanese_name(words)
        ):
            doc.emit(toks[a].start, toks[a + pl - 1].end, span, "place")
            a += pl
    # relation compounds: "U.S.-South Korea-Japan cooperation"
    if _relation(doc, span, toks, a, b):
        return
    # "KOREA.NET Honorary reporters", "as Honorary reporters": an adjective before a
    # lowercase noun ends no name
    while (
        b < len(toks)
        and toks[b].sp
        and toks[b].text.islower()
        and toks[b].text.isalpha()
        and _adjective_word(r, toks[b - 1])
    ):
        b -= 1
        if a >= b:
            return
    kind = _classify(doc, toks, a, b, person_hint)
    if kind is None:
        return
    start, end = toks[a].start, toks[b - 1].end
    single = b - a == 1
    m = None
    extended = _lower_head_extension(doc, span, toks, a, b)
    if not extended:
        gloss, close = _bracketed_name(toks, a, b)
        key = None
        if gloss:
            key = norm_key(" ".join(t.text for t in toks[gloss:b]), kind)
        m = doc.emit(start, end, span, kind, key=key)
        if gloss:
            doc.emit(toks[gloss].start, toks[close - 1].end, span, kind, key=key)  # "Saenuri"
        if b - a == 2 and r.lower_bases.get(toks[b - 1].low) == "person" and toks[a].cap:
            doc.emit(toks[a].start, toks[a].end, span, "person")  # "Abe" in "Abe Cabinet"
    if m is not None and single and not toks[a].upper and kind != "place":
        # a capital explained by its position needs evidence, unless a list of names
        # follows ("Trump, Xi, Lee and Takaichi")
        listed = (
            b < len(toks) and toks[b].cap and not toks[b].amb and toks[b].gap in (", ", " and ")
        ) or (
            b + 2 < len(toks)
            and toks[b].text == "and"
            and toks[b + 1].cap
            and not toks[b + 1].amb
            and (toks[b + 2].low in _SAID or toks[b + 2].low in _PERSON_ACTS)
        )  # "Trump and Lee agreed"
        weak = (
            toks[a].amb
            and not person_hint
            and not listed
            and not _speaker(doc, toks, a, b)
            and not _WEB_NAME.match(toks[a].text)  # "Golf.com posted": an address is a name
        )
        doc.pending.append((m, weak))
    _nested(doc, span, toks, a, b)


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


def _split_headline_run(doc: _Doc, span: tuple[int, int], toks: list[_Tok], a: int, b: int) -> None:
    i = a
    while i < b:
        if _ordinary(doc, toks[i]):
            i += 1
            continue
        j = i
        while j + 1 < b and (
            not _ordinary(doc, toks[j + 1]) or _head_kind(doc.r, toks[j + 1].text) is not None
        ):
            j += 1  # "Sado Mine": a head word after a name stays with it
        if all(_everyday(doc, t) for t in toks[i : j + 1]):
            i = j + 1  # "Opening Statement", "Looking Back": everyday words, no name
            continue
        for t in toks[i : j + 1]:
            t.amb = False  # vetted: known as a name in this article
        _process_run(doc, span, toks, i, j + 1)
        i = j + 1


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


def _gloss_end(toks: list[_Tok], x: int) -> int:
    """After "(" at token x, the index of the capitalised word after ")" when one to
    three capitalised words (no acronym) stand between; else 0."""
    for y in range(x, min(x + 3, len(toks) - 1)):
        t = toks[y]
        if not t.cap or t.upper or (y > x and t.gap != " "):
            return 0
        after = toks[y + 1]
        if after.gap == ") ":
            return y + 1 if after.cap else 0
    return 0


def _bracketed_name(toks: list[_Tok], a: int, b: int) -> tuple[int, int]:
    """In "New Frontier (Saenuri) Party", the tokens of "Saenuri": the party's other
    name, whose words with the head after them ("Saenuri Party") give the key of all
    its names; (0, 0) when the name holds no name in brackets."""
    for x in range(a + 1, b - 1):
        if toks[x].gap == " (":
            close = _gloss_end(toks, x)
            if close and close < b:
                return x, close
    return 0, 0


def _after_city(toks: list[_Tok], k: int) -> bool:
    """Whether token k follows a capitalised name and a comma ("Carlisle, Penn.")."""
    return k > 0 and toks[k].gap == ", " and toks[k - 1].cap


def _prev_word(doc: _Doc, toks: list[_Tok], a: int) -> str:
    if a == 0:
        return ""
    t = toks[a - 1]
    return t.low if t.sp else ""


def _lower_head_extension(
    doc: _Doc, span: tuple[int, int], toks: list[_Tok], a: int, b: int
) -> bool:
    """Names with a lowercase head: "Chosei coal mine", "Group of 20 summit"."""
    r = doc.r
    n = len(toks)
    if toks[b - 1].poss:
        return False
    k = b
    mods = 0
    found = False
    head = ""
    while k < n and mods <= 2:
        t = toks[k]
        if not t.sp or not t.text.islower():
            break
        head = t.low
        kind = r.lower_heads.get(head)
        if not kind and k + 1 < n and toks[k + 1].sp:
            head = t.low + " " + toks[k + 1].low  # "Yonhap news agency"
            kind = r.lower_heads.get(head)
            if kind:
                k += 1
                t = toks[k]
        if (
            kind
            and r.lower_bases.get(head) in ("person", "place")
            and (
                _is_place(doc, _span_text(doc, toks, a, b))
                # "the Noto region": a lowercase place head adds nothing to any name
                or (
                    kind == r.lower_bases[head] == "place"
                    and _head_kind(r, toks[b - 1].text) is None
                )
            )
        ):
            # "the U.S. government": a country's government is no name; "the
            # Indo-Pacific region" names the Indo-Pacific
            break
        if kind:
            # the name itself is emitted as the base of the longer one
            doc.emit(toks[a].start, t.end, span, kind)
            found = True
            if t.poss:
                break
            # "Chosei coal mine incident": an event head after a facility
            if k + 1 < n and toks[k + 1].sp and toks[k + 1].text.islower():
                k2 = r.lower_heads.get(toks[k + 1].low)
                if k2 == "event":
                    doc.emit(toks[a].start, toks[k + 1].end, span, "event")
            break
        if t.low in r.stop or t.low in r.common or t.low.endswith("ly") or mods == 2:
            break
        if t.low in _BEFORE_VERB or _third_person_verb(t.low):
            # "sent the Self-Defense Forces to disaster areas", "the Cabinet decision
            # covers disaster relief": a verb or "to" ends the name before any head
            break
        mods += 1
        k += 1
    if found:
        _nested(doc, span, toks, a, b)
        # the capitalised part alone is a name too when it has a head ("APEC summit")
        kind = _classify(doc, toks, a, b, False)
        base_has_head = _head_kind(r, toks[b - 1].text) is not None or toks[b - 1].upper
        if kind is not None and (base_has_head or (b - a >= 2 and kind != "person")):
            # a term or place inside ("COVID-19" in "COVID-19 pandemic", "UK" in "UK
            # variant") is a row only alone
            doc.emit(toks[a].start, toks[b - 1].end, span, kind, inner=kind in ("term", "place"))
        elif kind is not None and b - a == 1:
            # "Trump administration" holds a person, "Yonhap news agency" an
            # organisation, "Pukchang airfield" a place (a row only if it stands alone)
            known = _is_place(doc, toks[a].text)
            base = r.lower_bases.get(head, "place") if not known else "place"
            m = doc.emit(toks[a].start, toks[a].end, span, base, inner=base == "place")
            full = doc.seen.get((toks[a].start, t.end))
            if m is not None and full is not None and base == full.kind:
                m.normalized = full.normalized  # "Yonhap" = "Yonhap news agency"
    return found


def _third_person_verb(word: str) -> bool:
    """A verb with the -s of the third person ("covers", "includes", "forces"), not a
    plural noun ("ministers", "prices"): the word without -s is used as a verb."""
    if len(word) <= 3 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return False
    return _verb_by_past(word[:-1]) or (word.endswith("es") and _verb_by_past(word[:-2]))


_WEB_NAME = re.compile(r"^[^\W\d_][\w-]*\.(?:net|com|org|gov|go\.kr|go\.jp|kr|jp)$")


def _nested(doc: _Doc, span: tuple[int, int], toks: list[_Tok], a: int, b: int) -> None:
    """Names inside a longer name: "Tokyo" in "University of Tokyo", "Nara" in
    "Nara Prefecture"."""
    r = doc.r
    if b - a < 2:
        return
    has_head = _head_kind(r, toks[b - 1].text) is not None or (
        b - a >= 3 and toks[b - 1].text.isdigit() and _head_kind(r, toks[b - 2].text) is not None
    )  # "Korean Air Flight 858"
    # after a connector: "Club of Japan", "Studies on Asia"
    for k in range(a + 1, b - 1):
        if toks[k].low in ("of", "on", "for") and toks[k].text.islower():
            for q in range(b, k + 1, -1):
                if _is_place(doc, _span_text(doc, toks, k + 1, q)):
                    doc.emit(toks[k + 1].start, toks[q - 1].end, span, "place", inner=True)
                    break
    # a web address leading a name: "Korea.net" in "Korea.net Honorary Reporters"
    if _WEB_NAME.match(toks[a].text) and toks[a + 1].sp:
        doc.emit(toks[a].start, toks[a].end, span, "org")
    # an acronym leading a name: "UNESCO World Heritage List"
    if (
        toks[a].upper
        and not toks[a + 1].upper
        and toks[a + 1].cap  # not "CHIPS" in "CHIPS and Science Act"
        and toks[a].text not in r.acronyms_common
    ):
        place = toks[a].text in r.places  # "U.S." in "U.S. Geological Survey": inside only
        doc.emit(toks[a].start, toks[a].end, span, "place" if place else "org", inner=place)
    # a place leading a name with a head word: "Taiwan Strait", "China Center"; a
    # known organisation: "United Nations" in "United Nations Security Council"
    if has_head:
        for q in range(b - 1, a, -1):
            lead = _span_text(doc, toks, a, q)
            if _is_place(doc, lead):
                doc.emit(toks[a].start, toks[q - 1].end, span, "place", inner=True)
                break
            if lead in r.orgs:
                doc.emit(toks[a].start, toks[q - 1].end, span, "org")
                break


def _institution(doc: _Doc, span: tuple[int, int], toks: list[_Tok], i: int) -> None:
    """ "the presidential office", "the foreign ministry": one institution, lowercase."""
    r = doc.r
    m, h = toks[i + 1], toks[i + 2]
    if not (m.sp and h.sp and m.text.islower() and h.text.islower()):
        return
    if m.low in r.inst_mods and h.low in r.inst_heads:
        doc.emit(m.start, h.end, span, "org")

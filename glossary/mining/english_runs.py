"""Runs of capitalised words in an English sentence (:func:`_extend_run`): how far a
name reaches over its connectors ("of", "and", possessives, lowercase name parts).
"""

from __future__ import annotations

import re

from glossary.lang.surnames import english_miner_spellings
from glossary.mining.cluster import installation_prefixes
from glossary.mining.english_rules import _CORPORATE, _head_kind, _Rules, _title_word, general_zipf
from glossary.mining.english_terms import _NUMBER_WORDS
from glossary.mining.english_titles import _title_through
from glossary.mining.english_tokens import _Tok
from glossary.mining.names import is_korean_syllable, is_romaji, western_given_names

# endings of abstract nouns ("Stability", "Cooperation"): words of no person's name
_ABSTRACT = ("ity", "tion", "sion", "ment", "ance", "ence", "ship", "ness", "ism")


#: Zipf frequency (log10 of occurrences per billion words) from which a word is
#: everyday English: "Opening", "Statement", "Looking" (4.9-5.5), not "Kake" or "Realmeter".
EVERYDAY_ZIPF = 4.5
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

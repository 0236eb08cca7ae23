"""Proper names in an English sentence (:func:`_process_run`): a run split at titles and
descriptors, classified, with the names nested in it, and names with a lowercase head.
"""

from __future__ import annotations

from glossary.lang.surnames import english_miner_spellings
from glossary.mining.countries import is_country
from glossary.mining.english_keys import norm_key
from glossary.mining.english_kinds import (
    _PERSON_ACTS,
    _SAID,
    _WEB_NAME,
    _adjective_word,
    _classify,
    _everyday,
    _headline_run,
    _known_org_end,
    _ordinary,
    _quoted,
    _relation,
    _speaker,
)
from glossary.mining.english_rules import (
    _RANKS,
    LANG,
    _head_kind,
    _title_word,
    general_zipf,
    singular,
)
from glossary.mining.english_runs import (
    _ORDINAL_DIGITS,
    EVERYDAY_ZIPF,
    _caps_end,
    _gloss_end,
    _portfolio_word,
    _time_word,
)
from glossary.mining.english_terms import _BEFORE_VERB, _verb_by_past
from glossary.mining.english_titles import _demonym_len, _find_title, _match_title
from glossary.mining.english_tokens import _Doc, _is_place, _span_text, _Tok
from glossary.mining.names import is_japanese_name, is_korean_name

# ordinals before a title: "First Vice Foreign Minister", "2nd Vice Minister"
_ORDINALS = frozenset(
    ("first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th", "senior", "principal")
)


_CREDIT_WORDS = frozenset(("photo", "photos", "file", "courtesy"))


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

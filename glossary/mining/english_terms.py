"""Domain terms in an English sentence (:func:`_find_terms`): noun phrases ending in a
news-domain head noun, fixed expressions, "X of Y" terms and demonym terms.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from glossary.mining.english_rules import _Rules, general_zipf, singular
from glossary.mining.english_tokens import _Doc, _is_place, _span_text, _Tok
from glossary.mining.mention import Mention

_NUMBER_WORDS = frozenset(
    (
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "hundred",
        "thousand",
        "half",
        "multi",
        "single",
        "double",
        "triple",
        "first",
        "second",
        "third",
    )
)
_ADJ_SUFFIXES = ("al", "ial", "ical", "ary", "ic", "ive", "ous", "an", "ese", "ist")


#: A hyphenated modifier all of whose parts are at least this common in general English
#: describes ("high-level" 5.8/5.4, "stand-alone" 5.1/5.2, "in-person"); one rarer part
#: makes it a domain word ("vice-ministerial" 3.6, "medium-sized" 4.3, "nuclear-armed" 4.6).
HYPHEN_EVERYDAY_ZIPF = 5.0


#: Below this Zipf frequency a lowercase noun or adjective before a term head is a
#: domain word ("bribery" 3.4, "consumption" 4.35, "diplomatic" 4.1), above it an
#: everyday one ("practical" 4.5, "conservative" 4.6).
TERM_MODIFIER_ZIPF = 4.4


# ---- domain terms ----------------------------------------------------------


def _modifier_ok(r: _Rules, doc: _Doc, word: str, tok: _Tok) -> bool:
    if word in r.term_stop:
        return False
    if word in r.term_mods or word in r.term_heads:
        return True
    if tok.cap and not tok.amb and word in r.alone_heads:
        return True  # "Diet session": an institution named by one word
    if tok.upper and len(word) >= 2:
        return tok.text.replace(".", "") not in r.places and not _is_place(doc, tok.text)
    if "-" in word:
        parts = word.split("-")
        if not all(p.isalpha() for p in parts) or parts[0] in _NUMBER_WORDS:
            return False
        if word.endswith("s") and not word.endswith(("ss", "ics")):
            return False  # "to help micro-enterprises deal with": plurals seldom modify
        if parts[-1].endswith(("ed", "ing")) or parts[-1] in _PARTICIPLES:
            return False  # "debt-ridden firms", "government-led projects", "job-creating"
        if parts[0] in _DEGREE_WORDS:
            return False  # "an ever-stronger relationship", "well-known groups"
        # "high-level consultations", "stand-alone summit", "in-person meetings":
        # everyday words joined describe; "inter-Korean", "vice-ministerial" are domain words
        return any(general_zipf(p) < HYPHEN_EVERYDAY_ZIPF for p in parts)
    if not word.isalpha() or word in r.stop:
        return False
    if word.endswith(("ing", "ed", "ly")):
        return False
    if len(word) > 4 and word.endswith(_ADJ_SUFFIXES):
        # an adjective of the domain, not an everyday one ("practical approach",
        # "conservative policies" are no terms; listed modifiers pass above)
        return general_zipf(word) < TERM_MODIFIER_ZIPF
    return _domain_noun(r, word)


# irregular participles that end a hyphenated description ("debt-ridden", "quake-hit")
_PARTICIPLES = frozenset(
    ("ridden", "hit", "led", "torn", "struck", "stricken", "run", "made", "born", "built")
)
# adverbs of degree that open a hyphenated description ("ever-closer", "all-out")
_DEGREE_WORDS = frozenset(("ever", "well", "all", "so", "much", "never", "far", "very"))
# endings of verbs and evaluative adjectives ("intensify", "modernize", "meaningful")
_NOT_NOUN = ("ful", "less", "ify", "ize", "ise")
# endings no verb has: after "to" such a word is a noun ("exports to luxury goods")
_NOUN_ENDINGS: tuple[str, ...] = ("ry", "ty", "cy", "gy", "tion", "sion", "ment", "ness")
_NOUN_ENDINGS += ("ism", "ure", "ance", "ence", "ship", "age", "ics")
# words before a verb: "to evade sanctions", "we will deepen cooperation"
_BEFORE_VERB = frozenset(
    [
        "to",
        "will",
        "would",
        "can",
        "could",
        "should",
        "must",
        "may",
        "might",
        "shall",
        "we",
        "they",
        "i",
        "you",
        "not",
    ]
)


# ordinals spelled out: "the eleventh meeting", "its twentieth anniversary"
_ORDINAL_WORD = re.compile(
    r"^(?:\w+-)?(?:fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\w+teenth"
    r"|\w+tieth|hundredth|thousandth)$"
)


def _en_verb(word: str) -> bool:
    """A verb made with -en from an everyday word: "strengthen", "deepen", "widen"
    (not "citizen", "garden", "hydrogen")."""
    return word.endswith("en") and (
        general_zipf(word[:-2]) >= EN_VERB_STEM_ZIPF or general_zipf(word[:-1]) >= EN_VERB_STEM_ZIPF
    )


def _verb_by_past(word: str) -> bool:
    """A word English uses as a verb: its past form is about as common as the word
    ("resolve" 4.2 / "resolved" 4.1, "revise" / "revised"), where a noun's is rare or no
    word ("quarantine" 3.6 / "quarantined" 3.0, "bribery" / "briberyed")."""
    past = general_zipf(word + "d" if word.endswith("e") else word + "ed")
    return past >= VERB_PAST_MIN_ZIPF and past >= general_zipf(word) - VERB_PAST_GAP


#: A past form rarer than this says nothing of a verb ("shuttled" 2.3).
VERB_PAST_MIN_ZIPF = 3.0
#: How much rarer than the word its past form may be in a verb ("resumed" 0.4 below
#: "resume"; "quarantined" 0.7 below "quarantine" is a noun's).
VERB_PAST_GAP = 0.5


#: The stem of an -en verb is at least this common ("strength" 4.5, "deep" 5.2, "wide"):
#: the stems of nouns in -en are no words ("citiz", "gard", "hydrog").
EN_VERB_STEM_ZIPF = 4.0


def _domain_noun(r: _Rules, word: str) -> bool:
    """A noun of the domain before a term head ("bribery scandal", "consumption tax"):
    a word rarer in general English than the everyday ones."""
    if len(word) <= 3 or word in r.common or word.endswith(_NOT_NOUN):
        return False
    if word.endswith("s") and not word.endswith(("ss", "ics", "us", "is")):
        # "decides monetary policy": a verb; plurals seldom modify ("coronavirus",
        # "census", "crisis" are no plurals)
        return False
    if _ORDINAL_WORD.match(word) or _en_verb(word) or _verb_by_past(word):
        return False  # "the eleventh meeting", "to strengthen defense capabilities"
    zipf = general_zipf(word)
    return 0 < zipf < TERM_MODIFIER_ZIPF


def _find_terms(doc: _Doc, span: tuple[int, int], toks: list[_Tok]) -> None:
    """Noun phrases ending in a domain head: "joint news conference"."""
    r = doc.r
    n = len(toks)
    names_here = doc.mentions[doc.sentence_first :]
    name_starts = {m.start for m in names_here if m.kind in ("org", "person")}
    # groups of hyphen-joined words: (first index, last index, lowercase text)
    groups: list[tuple[int, int, str]] = []
    i = 0
    while i < n:
        j = i
        while j + 1 < n and toks[j + 1].hy and not toks[j].poss:
            j += 1
        groups.append((i, j, doc.text[toks[i].start : toks[j].end].lower()))
        i = j + 1
    g = len(groups)

    def lowerish(x: int) -> bool:
        """Written in lowercase, or capitalised only by its position."""
        a, b, word = groups[x]
        t = toks[a]
        if t.text.islower():
            # "inter-Korean dialogues", "anti-Japanese": a demonym after a prefix
            return all(not tk.cap or tk.text in r.demonyms for tk in toks[a + 1 : b + 1])
        if a == b and t.cap and not t.amb and t.low in r.alone_heads:
            return True  # "extraordinary Diet session", "Cabinet meetings"
        if a == b and t.upper:
            # "DNA testing"; an organisation's letters describe ("the POSCO and GM partnership")
            return word not in r.places_lower and t.start not in name_starts
        if t.amb and all(not tk.cap or tk.amb for tk in toks[a : b + 1]):
            return t.low in doc.lower_seen or word in r.term_heads or word in r.term_mods
        return False

    def joined(x: int) -> bool:
        """Group x follows group x-1 with only spaces between."""
        return toks[groups[x][0]].sp and not toks[groups[x - 1][1]].poss

    # fixed expressions (first group, last group): whole modifiers of a longer term
    fixed = _fixed_spans(r, toks, groups, lowerish, joined)
    fixed_end = {q: p for p, q in fixed}
    x = 0
    while x < g:
        word = groups[x][2]
        if not (word in r.term_heads or _rare_abstract(word)) or not lowerish(x):
            x += 1
            continue
        # the head chain: "summit meetings", "security cooperation"
        y = x
        while y + 1 < g and groups[y + 1][2] in r.term_heads and joined(y + 1) and lowerish(y + 1):
            y += 1
        # modifiers before it
        s = x
        used_and = False
        # "social security system", "hydrogen fuel cell electric vehicles": a fixed
        # expression among the modifiers makes the phrase a term and may extend it
        with_fixed = any(s <= p and q < y for p, q in fixed)
        while s > 0:
            p = next((p for p, q in fixed if p < s <= q < y), None)
            if p is not None:
                s, with_fixed = p, True
                continue
            if not (joined(s) and lowerish(s - 1)):
                break
            pw = groups[s - 1][2]
            tk = toks[groups[s - 1][0]]
            if _modifier_ok(r, doc, pw, tk):
                s -= 1
                continue
            if fixed_end.get(s - 1, s) < s - 1:
                s, with_fixed = fixed_end[s - 1], True
                continue
            if (
                s == y
                and s >= 3
                and all(joined(z) and lowerish(z - 1) for z in (s, s - 1, s - 2))
                and _coordinated_nouns(r, *(groups[z][2] for z in (s - 3, s - 2, s - 1)))
            ):
                # "deterrence and response capabilities": two nouns, the first a
                # domain head itself, share the head; the whole is the term
                s -= 3
                continue
            if (
                pw == "and"
                and not used_and
                and s >= 2
                and joined(s - 1)
                and lowerish(s - 2)
                and groups[s - 2][2] in r.term_mods
                # "corporate municipal tax and corporate business tax": the same head
                # before "and" ends a term of its own
                and singular(groups[s - 2][2]) != singular(groups[y][2])
            ):
                used_and = True
                s -= 2
                continue
            break
        if (
            y > s
            and s > 0
            and groups[s - 1][2] in _BEFORE_VERB
            and groups[s][2] not in r.term_mods
            and _domain_noun(r, groups[s][2])
            and not groups[s][2].endswith(_NOUN_ENDINGS)  # "to luxury goods"
        ):
            s += 1  # "to evade sanctions": a verb, no modifier
        if (
            y > s
            and s >= 2
            and groups[s - 1][2] == "and"
            and doc.text.startswith("- ", toks[groups[s - 2][1]].end)
            and "-" in groups[s][2]
        ):
            s -= 2  # "small- and medium-sized enterprises": a suspended hyphen
        if y > s and groups[y][2] in _VERB_HEADS and _plural(groups[y - 1][2]):
            # "foreign students visit Seoul", "defectors visit": a subject and its verb
            if y == x:
                s = y
            else:
                y -= 1
        if y > s:
            start = toks[groups[s][0]].start
            end = toks[groups[y][1]].end
            phrase = doc.text[start:end].lower()
            mods = [groups[z][2] for z in range(s, y) if groups[z][2] != "and"]
            specific = (
                with_fixed
                or any(w not in r.term_generic and not w.startswith(("then-", "ex-")) for w in mods)
                or _rare_abstract(groups[y][2])  # "economic revitalization", "fiscal soundness"
            )
            if specific and y == x and groups[y][2] in r.term_weak_heads:
                # a broad head ("development", "system") makes a term only with a
                # listed modifier or a noun: "technological development",
                # "reservation system", "job-creating investments" are descriptions
                specific = any(
                    w in r.term_mods or w in r.term_heads or not _adjective_like(w) for w in mods
                )
            if phrase not in r.term_stop_phrases and not used_and and specific:
                # "ballistic missile launches": a noun that continues a term
                y2 = _tail(r, groups, y, lowerish, joined)
                if y2 > y:
                    y = y2
                    end = toks[groups[y][1]].end
                # "round-table conference of ministers": a meeting of the holders of an office
                if (
                    groups[y][2] in _MEETING_HEADS
                    and y + 2 < g
                    and groups[y + 1][2] == "of"
                    and joined(y + 1)
                    and joined(y + 2)
                    and groups[y + 2][2].endswith("s")
                    and toks[groups[y + 2][0]].text.islower()
                    and singular(groups[y + 2][2]) in r.title_words
                ):
                    y += 2
                    end = toks[groups[y][1]].end
                # a term inside a name is a row only where it also stands alone
                inside = any(
                    m.start <= start and end <= m.end and m.kind != "term" for m in names_here
                )
                doc.emit(start, end, span, "term", inner=inside)
        x = y + 1
    _fixed_terms(doc, span, toks, groups, fixed, lowerish, joined)
    _of_terms(doc, span, toks, groups, names_here)
    _demonym_terms(doc, span, toks)


# heads of the terms a nationality names: the strain first found there ("Indian
# variant"); "Japanese disease" or "Korean scale" describe
_ORIGIN_HEADS = frozenset(("variant", "strain"))


def _demonym_terms(doc: _Doc, span: tuple[int, int], toks: list[_Tok]) -> None:
    """ "Indian variant", "South African strain": a nationality before the lowercase
    head of a strain is a term."""
    r = doc.r
    n = len(toks)
    after = 0  # the first token after the last term found
    for k in range(n):
        if k < after or not toks[k].cap:
            continue
        for length in (2, 1):
            h = k + length
            if h >= n or not all(t.cap for t in toks[k:h]):
                continue
            head = toks[h]
            if not (head.sp and head.text.islower()):
                continue
            if _span_text(doc, toks, k, h) not in r.demonyms:
                continue
            if singular(head.low) in _ORIGIN_HEADS:
                doc.emit(toks[k].start, head.end, span, "term")
                after = h + 1
                break


def _coordinated_nouns(r: _Rules, first: str, conjunction: str, noun: str) -> bool:
    """Whether three lowercase words read "<domain head> and <noun>" before a head:
    "deterrence and response capabilities" (not "nuclear and missile development",
    whose first word describes)."""
    if conjunction != "and" or first not in r.term_heads:
        return False
    return (
        noun.isalpha()
        and noun not in r.stop
        and noun not in _BEFORE_VERB
        and not noun.endswith(("ing", "ed", "ly", *_ADJ_SUFFIXES))
        and not _plural(noun)
    )


# term heads that are verbs as often: after a plural they are the sentence's verb
_VERB_HEADS = frozenset(
    ("visit", "exercise", "deal", "test", "trade", "exchange", "drill", "rule", "aid", "alert")
)
_IRREGULAR_PLURALS = frozenset(("women", "men", "people", "children"))


def _plural(word: str) -> bool:
    """A plural noun: "students", "forces", "women" (not "gas", "economics")."""
    return word in _IRREGULAR_PLURALS or (
        len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "ics", "us", "is"))
    )


# heads of terms that name a meeting by who meets ("conference of ministers")
_MEETING_HEADS = frozenset(
    ("conference", "conferences", "meeting", "meetings", "council", "forum", "dialogue")
)


def _fixed_terms(
    doc: _Doc,
    span: tuple[int, int],
    toks: list[_Tok],
    groups: list[tuple[int, int, str]],
    fixed: list[tuple[int, int]],
    lowerish: Callable[[int], bool],
    joined: Callable[[int], bool],
) -> None:
    """Fixed expressions of the news (en_fixed_terms.txt) are terms whatever their
    modifiers: "social distancing", "economic sanctions", "special wards"; the longest
    one starting at a word wins, with a noun that continues it ("public health center")."""
    for x, last in fixed:
        last = _tail(doc.r, groups, last, lowerish, joined, heads=True)
        start, end = toks[groups[x][0]].start, toks[groups[last][1]].end
        # inside a longer name or term ("comfort women issue") it is no row of its own
        here = doc.mentions[doc.sentence_first :]
        inside = any(
            m.start <= start and end <= m.end and m.end - m.start > end - start for m in here
        )
        # a shorter term inside it ("fertility rate" in "total fertility rate") is a row
        # only where it also stands alone
        for m in here:
            if (
                m.kind == "term"
                and start <= m.start
                and m.end <= end
                and m.end - m.start < end - start
            ):
                doc.inner.add(id(m))
        doc.emit(start, end, span, "term", inner=inside)


def _fixed_spans(
    r: _Rules,
    toks: list[_Tok],
    groups: list[tuple[int, int, str]],
    lowerish: Callable[[int], bool],
    joined: Callable[[int], bool],
) -> list[tuple[int, int]]:
    """The fixed expressions of a sentence as (first group, last group), the longest
    one starting at a word, left to right without overlaps."""
    g = len(groups)
    found: list[tuple[int, int]] = []
    x = 0
    while x < g:
        best = 0
        first = toks[groups[x][0]]
        if groups[x][2] in r.fixed_firsts and (lowerish(x) or first.amb):
            words = [groups[x][2]]
            for y in range(x + 1, min(g, x + r.fixed_max)):
                if not (joined(y) and lowerish(y)):
                    break
                words.append(groups[y][2])
                last = words[-1]
                lead = " ".join(words[:-1])
                if f"{lead} {last}" in r.fixed_terms or f"{lead} {singular(last)}" in r.fixed_terms:
                    best = y
        if best:
            found.append((x, best))
            x = best + 1
            continue
        x += 1
    return found


def _tail(
    r: _Rules,
    groups: list[tuple[int, int, str]],
    y: int,
    lowerish: Callable[[int], bool],
    joined: Callable[[int], bool],
    heads: bool = False,
) -> int:
    """The last group of a term ending at group y with the nouns that continue it
    (en_term_tails.txt: "ballistic missile launches"; with ``heads``, also term heads
    after a fixed expression: "social security system", "public health center")."""
    while y + 1 < len(groups) and joined(y + 1) and lowerish(y + 1):
        w = groups[y + 1][2]
        if w not in r.term_tails and not (heads and w in r.term_heads):
            break
        y += 1
    return y


def _adjective_like(word: str) -> bool:
    """A modifier that reads as an adjective or a participle, or a plain everyday noun
    ("stagnant economy", "cautious approach")."""
    return (
        word.endswith((*_ADJ_SUFFIXES, "ing", "ed", "ant"))
        or "-" in word
        or general_zipf(word) >= TERM_MODIFIER_ZIPF
    )


def _rare_abstract(word: str) -> bool:
    """A rare abstract noun ("revitalization", "soundness", "denuclearization"): a
    domain word by itself, that may head a term after a general modifier."""
    return word.endswith(_ABSTRACT_HEADS) and 0 < general_zipf(word) < OF_TERM_ZIPF


_ABSTRACT_HEADS = ("tion", "sion", "ment", "ness", "ity")


#: An abstract noun opens an "X of Y" term when rarer than this in general English
#: ("normalization" 3.0, "denuclearization" 2.2; not "succession" 4.0 or "implementation" 4.3).
OF_TERM_ZIPF = 3.6


def _of_terms(
    doc: _Doc,
    span: tuple[int, int],
    toks: list[_Tok],
    groups: list[tuple[int, int, str]],
    names_here: list[Mention],
) -> None:
    """ "normalization of diplomatic relations", "denuclearization of the Korean
    Peninsula": a rare abstract noun, "of", then a domain noun phrase or a place."""
    r = doc.r
    n = len(toks)
    for x in range(len(groups) - 2):
        a, b, word = groups[x]
        t = toks[a]
        if a != b or not t.text.islower() or not word.endswith(("tion", "sion", "ment")):
            continue
        if not (0 < general_zipf(word) < OF_TERM_ZIPF) or groups[x + 1][2] != "of":
            continue
        k = groups[x + 1][1] + 1
        # "denuclearization of the Korean Peninsula", "denuclearization of North Korea"
        the = k < n and toks[k].low == "the" and toks[k].text.islower()
        p = k + 1 if the else k
        place = next(
            (m for m in names_here if p < n and m.start == toks[p].start and m.kind == "place"),
            None,
        )
        if place is not None:
            doc.emit(t.start, place.end, span, "term")
            doc.inner.add(id(place))  # a row only where it also stands alone
            continue
        if the:
            continue
        # a noun phrase of domain words ending in a head: "diplomatic relations"
        end = None
        while k < n and toks[k].sp and toks[k].text.islower():
            w = toks[k].low
            if w in r.term_heads:
                end = k
            elif not (w in r.term_mods or w in r.term_generic or _modifier_ok(r, doc, w, toks[k])):
                break
            k += 1
        if end is not None:
            doc.emit(t.start, toks[end].end, span, "term")

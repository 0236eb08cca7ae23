"""Mining English news text for names and domain terms.

``mine_text(text)`` returns :class:`Mention` objects for

* proper names (person, place, org, facility, event, work): runs of capitalised
  words with their connectors ("Foreign Correspondents' Club of Japan",
  "Institute of Advanced Studies on Asia", "Group of 20"), with titles, demonyms
  and possessive endings stripped ("Japanese Prime Minister Sanae Takaichi" gives
  "Sanae Takaichi"; "Takaichi's" gives "Takaichi"), names with a lowercase head
  ("Chosei coal mine"), lowercase names of one institution ("the presidential
  office"), capitalised credits and acronyms ("YONHAP", "APEC"), names nested in
  longer names ("Tokyo" in "University of Tokyo") and the places of relation
  compounds ("China" and "Japan" in "China-Japan tensions");
* official titles written with capitals ("President", "Prime Minister");
* domain terms: noun phrases ending in a news-domain head noun whose other words
  are domain modifiers ("shuttle diplomacy", "joint news conference",
  "people-to-people exchanges"), and relation compounds ("China-Japan tensions").

Sentence-initial capitals and title-case headlines are not taken for names unless
the article gives evidence (the word is capitalised mid-sentence elsewhere, is a
known place, or belongs to a longer name); words the article writes in lowercase
elsewhere, or common words (``data/en_common_words.txt``), are ordinary there.

The rules are data: ``data/en_*.txt`` (each file's header explains its syntax).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from glossary.mining.mention import Mention
from glossary.mining.names import is_japanese_name, is_korean_name, person_key
from glossary.mining.rules import load_lines, load_table, load_words
from glossary.mining.sentences import split_sentences

LANG = "en"

_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}"  # U.S. U.K.
    r"|[A-Za-z0-9]+(?:['’][A-Za-z]+|[.&][A-Za-z0-9]+)*(?:['’](?![A-Za-z]))?"
)
_OPENERS = frozenset('“"‘(—–:|[«')
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
_PLACE_PREPS = frozenset(["in", "at", "from", "near", "to", "across", "outside", "inside"])
_CREDIT_PREPS = frozenset(["by"])
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
_ARTICLES = frozenset(("the",))


@dataclass(frozen=True)
class _Rules:
    stop: frozenset[str]
    common: frozenset[str]
    calendar: frozenset[str]
    places: frozenset[str]
    places_lower: frozenset[str]
    demonyms: dict[str, str]
    titles: dict[tuple[str, ...], bool]
    title_max: int
    title_abbrevs: frozenset[str]
    heads: dict[str, str]
    lower_heads: dict[str, str]
    connectors: dict[str, str]
    inner_poss: frozenset[str]
    acronyms_common: frozenset[str]
    term_heads: frozenset[str]
    term_mods: frozenset[str]
    term_stop: frozenset[str]
    term_stop_phrases: frozenset[str]
    inst_mods: frozenset[str]
    inst_heads: frozenset[str]


def _title_key(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(w.lower().rstrip(".") for w in words)


@cache
def rules() -> _Rules:
    """The English rule files, loaded once."""
    titles: dict[tuple[str, ...], bool] = {}
    abbrevs: set[str] = set()
    for row in load_table("en_titles.txt"):
        words = row[0].replace("-", " - ").split()
        key = _title_key(w for w in words if w != "-")
        official = len(row) > 1 and row[1].lower() == "official"
        titles[key] = titles.get(key, False) or official
        for w in words:
            if w.endswith("."):
                abbrevs.add(w.lower().rstrip("."))
    heads: dict[str, str] = {}
    lower_heads: dict[str, str] = {}
    for row in load_table("en_name_heads.txt"):
        word = row[0].lower()
        heads[word] = row[1]
        if len(row) > 2 and row[2] == "lower":
            lower_heads[word] = row[1]
    places = frozenset(load_lines("en_places.txt"))
    stop_phrases = {ln for ln in load_lines("en_term_stop.txt") if " " in ln}
    inst = load_table("en_institutions.txt")
    return _Rules(
        stop=load_words("en_stopwords.txt") | load_words("en_calendar.txt"),
        common=load_words("en_common_words.txt"),
        calendar=load_words("en_calendar.txt"),
        places=places,
        places_lower=frozenset(p.lower() for p in places),
        demonyms={row[0]: row[1] for row in load_table("en_demonyms.txt")},
        titles=titles,
        title_max=max(len(k) for k in titles),
        title_abbrevs=frozenset(abbrevs),
        heads=heads,
        lower_heads=lower_heads,
        connectors={row[0]: row[1] for row in load_table("en_connectors.txt")},
        inner_poss=load_words("en_inner_possessives.txt"),
        acronyms_common=load_words("en_acronyms_common.txt", lower=False),
        term_heads=load_words("en_term_heads.txt"),
        term_mods=load_words("en_term_modifiers.txt"),
        term_stop=frozenset(w for w in load_lines("en_term_stop.txt") if " " not in w),
        term_stop_phrases=frozenset(stop_phrases),
        inst_mods=frozenset(r[0] for r in inst if r[1] == "mod"),
        inst_heads=frozenset(r[0] for r in inst if r[1] == "head"),
    )


class _Tok:
    """One word of a sentence."""

    __slots__ = (
        "amb",
        "cap",
        "end",
        "gap",
        "hy",
        "initial",
        "low",
        "poss",
        "sp",
        "start",
        "text",
        "upper",
    )

    def __init__(
        self, text: str, start: int, end: int, poss: int, gap: str, first: bool, headline: bool
    ) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.poss = poss  # 0 none, 1 "'s", 2 bare "'"
        self.gap = gap
        self.hy = gap == "-"
        self.sp = gap == "-" or (gap != "" and gap.strip(" \u00a0") == "")
        self.initial = first or any(ch in _OPENERS for ch in gap)
        c0 = text[0]
        self.cap = c0.isupper()
        self.low = text.lower()
        self.upper = len(text) >= 2 and text.replace(".", "").replace("&", "").isupper()
        # ambiguous capital: a capital that the position explains (sentence start,
        # after a quotation mark, a title-case headline)
        self.amb = self.cap and (self.initial or headline) and not self.upper


def _tokenize(text: str, start: int, end: int) -> list[_Tok]:
    toks: list[_Tok] = []
    prev_end = start
    raw = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]
    headline = _is_headline(raw, text, end)
    for i, (word, s, e) in enumerate(raw):
        poss = 0
        w = word
        if w.endswith(("'s", "’s")) and len(w) > 2:
            w = w[:-2]
            poss = 1
        elif w.endswith(("'", "’")):
            w = w[:-1]
            poss = 2
        if not w:
            prev_end = e
            continue
        toks.append(_Tok(w, s, s + len(w), poss, text[prev_end:s], i == 0, headline))
        prev_end = e
    return toks


def _is_headline(raw: list[tuple[str, int, int]], text: str, end: int) -> bool:
    long_words = [w for w, _, _ in raw if len(w) >= 4 and w[0].isalpha()]
    if len(long_words) < 3 or len(raw) > 25:
        return False
    caps = sum(1 for w in long_words if w[0].isupper())
    if caps / len(long_words) < 0.75:
        return False
    return text[end - 1 : end] not in '."”'


class _Doc:
    """Per-article state: the evidence pass and the mentions found."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.r = rules()
        self.mentions: list[Mention] = []
        self.seen: set[tuple[int, int]] = set()
        self.lower_seen: set[str] = set()
        self.cap_mid: set[str] = set()
        # single-word names whose reading waits for the whole article
        self.pending: list[tuple[Mention, bool]] = []

    # ---- emitting -------------------------------------------------------
    def emit(
        self, start: int, end: int, sent: tuple[int, int], kind: str, key: str | None = None
    ) -> Mention | None:
        if end <= start or (start, end) in self.seen:
            return None
        surface = self.text[start:end]
        if key is None:
            key = person_key(surface) if kind == "person" else norm_key(surface, kind)
        m = Mention(surface, start, end, self.text[sent[0] : sent[1]], kind, LANG, key)
        self.seen.add((start, end))
        self.mentions.append(m)
        return m


def norm_key(surface: str, kind: str) -> str:
    """Clustering key for a non-person English surface."""
    s = surface.lower().replace("’", "'").replace(".", "")
    s = s.replace("-", " ").replace("'s ", " ").replace("' ", " ")
    words = s.split()
    if words and words[0] == "the":
        words = words[1:]
    if kind == "term" and words:
        words[-1] = singular(words[-1])
    if kind == "facility" and len(words) >= 3:
        # "Sado gold mine" = "Sado mine": the lowercase words before the head go
        caps = [
            w
            for w, orig in zip(words, _key_words(surface), strict=False)
            if orig[:1].isupper() or orig[:1].isdigit()
        ]
        if caps and len(caps) < len(words):
            words = [*caps, words[-1]]
    prefix = "t:" if kind == "term" else "n:"
    return prefix + " ".join(words)


def _key_words(surface: str) -> list[str]:
    s = surface.replace("’", "'").replace(".", "")
    s = s.replace("-", " ").replace("'s ", " ").replace("' ", " ")
    words = s.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return words


def singular(word: str) -> str:
    """A plural English noun's singular, by its ending ("crimes" -> "crime")."""
    if len(word) <= 3 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    return word[:-1]


# ---- the miner ---------------------------------------------------------------


def mine_text(text: str) -> list[Mention]:
    """Names and terms in English ``text``, with offsets into ``text``."""
    doc = _Doc(text)
    sentences = []
    for span in split_sentences(text, LANG):
        toks = _tokenize(text, span[0], span[1])
        sentences.append((span, toks))
        for t in toks:
            if t.low == t.text:
                doc.lower_seen.add(t.low)
            elif t.cap and not t.amb:
                doc.cap_mid.add(t.text)
    for span, toks in sentences:
        _mine_sentence(doc, span, toks)
    _resolve_document(doc)
    doc.mentions.sort(key=lambda m: (m.start, -m.end))
    return doc.mentions


def _head_kind(r: _Rules, word: str) -> str | None:
    w = word.lower()
    k = r.heads.get(w)
    if k is None and len(w) > 3 and w.endswith("s"):
        k = r.heads.get(w[:-1])
    return k


def _mine_sentence(doc: _Doc, span: tuple[int, int], toks: list[_Tok]) -> None:
    r = doc.r
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        if t.low in _ARTICLES and i + 2 < n:
            _institution(doc, span, toks, i)
        if t.cap and t.text[0].isalpha():
            j = _extend_run(r, toks, i)
            _process_run(doc, span, toks, i, j)
            i = j
            continue
        i += 1
    _find_terms(doc, span, toks)


def _is_lower_name_part(prev: _Tok, t: _Tok) -> bool:
    """'myung' in 'Jae-myung': a short lowercase syllable after a short capitalised one."""
    return (
        t.hy
        and t.text.isalpha()
        and t.text.islower()
        and len(t.text) <= 5
        and 2 <= len(prev.text) <= 5
        and prev.cap
    )


def _extend_run(r: _Rules, toks: list[_Tok], i: int) -> int:
    """End (exclusive) of the run of name words starting at ``i``."""
    n = len(toks)
    k = i
    has_head = _head_kind(r, toks[i].text) is not None
    has_of = False
    while True:
        cur = toks[k]
        if cur.poss and not _inner_possessive(r, toks, k):
            break
        nxt = k + 1
        if nxt >= n:
            break
        t2 = toks[nxt]
        # "Gov. Lee": an abbreviated title's period does not end the run
        if not t2.sp and not (cur.low in r.title_abbrevs and t2.cap and t2.gap == ". "):
            break
        if t2.cap and (t2.text[0].isalpha() or (t2.text[0].isdigit() and t2.hy)):
            k = nxt
            has_head = has_head or _head_kind(r, t2.text) is not None
            continue
        if t2.text.isdigit() and (cur.low == "of" or _head_kind(r, cur.text) == "event"):
            k = nxt
            continue
        if _is_lower_name_part(cur, t2):
            k = nxt
            continue
        conn = r.connectors.get(t2.low) if t2.text.islower() else None
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
        else:  # "and": one more capitalised word closes an institution's name
            ok = (
                has_head
                and has_of
                and t3.cap
                and (m + 1 >= n or not toks[m + 1].cap or not toks[m + 1].sp)
            )
        if not ok:
            break
        has_of = has_of or t2.low in ("of", "for", "on")
        k = m
        has_head = has_head or _head_kind(r, t3.text) is not None
    return k + 1


def _inner_possessive(r: _Rules, toks: list[_Tok], k: int) -> bool:
    cur = toks[k]
    if k + 1 >= len(toks) or not toks[k + 1].cap or not toks[k + 1].sp:
        return False
    if cur.low in r.inner_poss:
        return True
    return (
        cur.poss == 2 and cur.low.endswith("s") and _head_kind(r, toks[k + 1].text) is not None
    ) or (
        cur.poss == 2
        and cur.low.endswith("s")
        and k + 2 < len(toks)
        and any(_head_kind(r, toks[x].text) for x in range(k + 1, min(k + 4, len(toks))))
    )


def _span_text(doc: _Doc, toks: list[_Tok], a: int, b: int) -> str:
    return doc.text[toks[a].start : toks[b - 1].end]


def _match_title(r: _Rules, toks: list[_Tok], p: int, b: int) -> int:
    """Length in words of the longest title at ``p`` (0 if none)."""
    best = 0
    words: list[str] = []
    for q in range(p, min(b, p + r.title_max)):
        if q > p and not toks[q].sp:
            break
        words.append(toks[q].low.rstrip("."))
        if tuple(words) in r.titles:
            best = q - p + 1
    return best


def _demonym_len(r: _Rules, doc: _Doc, toks: list[_Tok], a: int, b: int) -> int:
    for length in (2, 1):
        if a + length <= b and _span_text(doc, toks, a, a + length) in r.demonyms:
            return length
    return 0


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
    # dates are not names: drop months and weekdays at the edges
    while a < b and toks[a].low in r.calendar:
        a += 1
    while b > a and toks[b - 1].low in r.calendar:
        b -= 1
    # "The", "According", "What" at the start of a sentence
    while a < b and toks[a].amb and toks[a].low in r.stop:
        a += 1
    while a < b and toks[a].text.islower():
        a += 1
    while b > a and toks[b - 1].text.islower() and not toks[b - 1].hy:
        b -= 1
    if a >= b:
        return
    if any(t.amb for t in toks[a:b]) and _headline_run(toks, a, b):
        # a title-case headline: split at the ordinary words
        _split_headline_run(doc, span, toks, a, b)
        return
    # titles: "South Korean President Lee Jae-myung", "Japanese PM"
    if not titled:
        for p in range(a, b):
            if not toks[p].cap:
                continue
            tl = _match_title(r, toks, p, b)
            if not tl:
                continue
            q = p + tl
            rest_has_head = q < b and _head_kind(r, toks[b - 1].text) is not None
            rest_is_place = q < b and _span_text(doc, toks, q, b) in r.places
            if rest_has_head or rest_is_place:
                continue
            if q < b and toks[q].text[0].isdigit():
                continue
            if p > a:
                dl = _demonym_len(r, doc, toks, a, p)
                if dl != p - a:
                    _process_run(doc, span, toks, a, p, titled=True)
            key = _title_key(t.text for t in toks[p:q])
            if r.titles.get(key) and toks[p].cap and not (tl == 1 and toks[p].amb and q >= b):
                doc.emit(toks[p].start, toks[q - 1].end, span, "term")
            if q < b:
                _process_run(doc, span, toks, q, b, person_hint=True, titled=True)
            return
    # a demonym before a name: "Japanese" in "Japanese Foreign Ministry" stays,
    # in "Chinese Xi Jinping" goes
    dl = _demonym_len(r, doc, toks, a, b)
    if dl:
        if a + dl >= b:
            return
        if _head_kind(r, toks[b - 1].text) is None:
            a += dl
    elif b - a == 1 and toks[a].low.endswith("s") and toks[a].text[:-1] in r.demonyms:
        return  # "Koreans"
    # a sentence-initial common word ("Experts", "Historical") alone, or leading a
    # short run without a head word, is ordinary
    first = toks[a]
    if (
        first.amb
        and not first.upper
        and (first.low in r.common or first.low in doc.lower_seen)
        and b - a < 3
        and _head_kind(r, toks[b - 1].text) is None
    ):
        a += 1
        while a < b and not toks[a].cap:
            a += 1
        if a >= b:
            return
    # relation compounds: "U.S.-South Korea-Japan cooperation"
    if _relation(doc, span, toks, a, b):
        return
    kind = _classify(doc, toks, a, b, person_hint)
    if kind is None:
        return
    start, end = toks[a].start, toks[b - 1].end
    single = b - a == 1
    m = None
    extended = _lower_head_extension(doc, span, toks, a, b)
    if not extended:
        m = doc.emit(start, end, span, kind)
    if m is not None and single and not toks[a].upper and kind != "place":
        # a capital explained by its position needs evidence, unless a list of names
        # follows ("Trump, Xi, Lee and Takaichi")
        listed = (
            b < len(toks) and toks[b].cap and not toks[b].amb and toks[b].gap in (", ", " and ")
        )
        weak = toks[a].amb and not person_hint and not listed
        doc.pending.append((m, weak))
    _nested(doc, span, toks, a, b)


def _headline_run(toks: list[_Tok], a: int, b: int) -> bool:
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
        for t in toks[i : j + 1]:
            t.amb = False  # vetted: known as a name in this article
        _process_run(doc, span, toks, i, j + 1)
        i = j + 1


def _is_place(doc: _Doc, text: str) -> bool:
    return text in doc.r.places


def _relation(doc: _Doc, span: tuple[int, int], toks: list[_Tok], a: int, b: int) -> bool:
    """Places joined by hyphens ("China-Japan", "U.S.-South Korea-Japan") + a term."""
    cuts = [k for k in range(a + 1, b) if toks[k].hy and toks[k].cap]
    if not cuts:
        return False
    whole = _span_text(doc, toks, a, b)
    if _is_place(doc, whole):
        return False
    bounds = [a, *cuts, b]
    parts = [(bounds[x], bounds[x + 1]) for x in range(len(bounds) - 1)]
    if not all(_is_place(doc, _span_text(doc, toks, p, q)) for p, q in parts):
        return False
    for p, q in parts:
        doc.emit(toks[p].start, toks[q - 1].end, span, "place")
    end = _term_after(doc, toks, b)
    if end is not None:
        doc.emit(toks[a].start, toks[end].end, span, "term")
    return True


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


def _classify(doc: _Doc, toks: list[_Tok], a: int, b: int, person_hint: bool) -> str | None:
    r = doc.r
    text = _span_text(doc, toks, a, b)
    words = [t.text for t in toks[a:b]]
    if text in r.places:
        return "place"
    if b - a == 1:
        t = toks[a]
        if len(t.text) < 2:
            return None
        if t.upper:
            bare = t.text.replace(".", "")
            if t.text in r.acronyms_common or bare in r.acronyms_common:
                return None
            return "org"
        if t.low in r.stop or t.low in r.calendar:
            return None
    # head word: last word, or the word before "of"/"for"
    kind = _head_kind(r, words[-1])
    if kind is None:
        for k in range(a, b - 1):
            if toks[k + 1].low in ("of", "for", "on") and toks[k + 1].text.islower():
                kind = _head_kind(r, toks[k].text)
                if kind:
                    break
    if kind is not None and not (b - a == 1 and kind != "person"):
        return kind
    if kind is not None and b - a == 1:
        # a head word alone ("Summit", "Ministry") is not a name
        return None
    if person_hint:
        return "person"
    if b - a >= 2:
        if is_korean_name(words) or is_japanese_name(words):
            return "person"
        if any(w in r.places for w in words) or any(t.upper for t in toks[a:b]):
            return "org"
        if any(t.text[0].isdigit() for t in toks[a:b]):
            return "org"
        return "person"
    # one word, no head: read its neighbours
    prev = _prev_word(doc, toks, a)
    nxt = toks[b].low if b < len(toks) else ""
    if nxt in _SAID or (prev in r.titles and prev.islower()):
        return "person"
    if prev in _PLACE_PREPS:
        return "place"
    if prev in _CREDIT_PREPS:
        return "org"
    return "person"


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
    while k < n and mods <= 2:
        t = toks[k]
        if not t.sp or not t.text.islower():
            break
        kind = r.lower_heads.get(t.low)
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
        mods += 1
        k += 1
    if found:
        _nested(doc, span, toks, a, b)
        # the capitalised part alone is a name too when it has a head ("APEC summit")
        kind = _classify(doc, toks, a, b, False)
        base_has_head = _head_kind(r, toks[b - 1].text) is not None or toks[b - 1].upper
        if kind is not None and (base_has_head or (b - a >= 2 and kind == "org")):
            doc.emit(toks[a].start, toks[b - 1].end, span, kind)
    return found


def _nested(doc: _Doc, span: tuple[int, int], toks: list[_Tok], a: int, b: int) -> None:
    """Names inside a longer name: "Tokyo" in "University of Tokyo", "Nara" in
    "Nara Prefecture"."""
    r = doc.r
    if b - a < 2:
        return
    has_head = _head_kind(r, toks[b - 1].text) is not None
    # after a connector: "Club of Japan", "Studies on Asia"
    for k in range(a + 1, b - 1):
        if toks[k].low in ("of", "on", "for") and toks[k].text.islower():
            for q in range(b, k + 1, -1):
                if _is_place(doc, _span_text(doc, toks, k + 1, q)):
                    doc.emit(toks[k + 1].start, toks[q - 1].end, span, "place")
                    break
    # an acronym leading a name: "UNESCO World Heritage List"
    if toks[a].upper and not toks[a + 1].upper and toks[a].text not in r.acronyms_common:
        doc.emit(toks[a].start, toks[a].end, span, "place" if toks[a].text in r.places else "org")
    # a place leading a name with a head word: "Taiwan Strait", "China Center"
    if has_head:
        for q in range(b - 1, a, -1):
            if _is_place(doc, _span_text(doc, toks, a, q)):
                doc.emit(toks[a].start, toks[q - 1].end, span, "place")
                break


def _institution(doc: _Doc, span: tuple[int, int], toks: list[_Tok], i: int) -> None:
    """ "the presidential office", "the foreign ministry": one institution, lowercase."""
    r = doc.r
    m, h = toks[i + 1], toks[i + 2]
    if not (m.sp and h.sp and m.text.islower() and h.text.islower()):
        return
    if m.low in r.inst_mods and h.low in r.inst_heads:
        doc.emit(m.start, h.end, span, "org")


# ---- domain terms ----------------------------------------------------------


def _modifier_ok(r: _Rules, doc: _Doc, word: str, tok: _Tok) -> bool:
    if word in r.term_stop:
        return False
    if word in r.term_mods or word in r.term_heads:
        return True
    if tok.upper and len(word) >= 2:
        return tok.text.replace(".", "") not in r.places and not _is_place(doc, tok.text)
    if "-" in word:
        parts = word.split("-")
        return all(p.isalpha() for p in parts) and parts[0] not in _NUMBER_WORDS
    if not word.isalpha() or word in r.stop:
        return False
    if word.endswith(("ing", "ed", "ly")):
        return False
    return len(word) > 4 and word.endswith(_ADJ_SUFFIXES)


def _find_terms(doc: _Doc, span: tuple[int, int], toks: list[_Tok]) -> None:
    """Noun phrases ending in a domain head: "joint news conference"."""
    r = doc.r
    n = len(toks)
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
            return all(not tk.cap for tk in toks[a : b + 1])
        if a == b and t.upper:
            return word not in r.places_lower  # "DNA testing"
        if t.amb and all(not tk.cap or tk.amb for tk in toks[a : b + 1]):
            return t.low in doc.lower_seen or word in r.term_heads or word in r.term_mods
        return False

    def joined(x: int) -> bool:
        """Group x follows group x-1 with only spaces between."""
        return toks[groups[x][0]].sp and not toks[groups[x - 1][1]].poss

    x = 0
    while x < g:
        word = groups[x][2]
        if word not in r.term_heads or not lowerish(x):
            x += 1
            continue
        # the head chain: "summit meetings", "security cooperation"
        y = x
        while y + 1 < g and groups[y + 1][2] in r.term_heads and joined(y + 1) and lowerish(y + 1):
            y += 1
        # modifiers before it
        s = x
        used_and = False
        while s > 0 and joined(s) and lowerish(s - 1):
            pw = groups[s - 1][2]
            tk = toks[groups[s - 1][0]]
            if _modifier_ok(r, doc, pw, tk):
                s -= 1
                continue
            if (
                pw == "and"
                and not used_and
                and s >= 2
                and joined(s - 1)
                and lowerish(s - 2)
                and groups[s - 2][2] in r.term_mods
            ):
                used_and = True
                s -= 2
                continue
            break
        if y > s:
            start = toks[groups[s][0]].start
            end = toks[groups[y][1]].end
            phrase = doc.text[start:end].lower()
            if phrase not in r.term_stop_phrases and not (used_and and y == x):
                doc.emit(start, end, span, "term")
        x = y + 1


# ---- the whole article -----------------------------------------------------


def _resolve_document(doc: _Doc) -> None:
    """Read single-word names against the article's full names."""
    persons: dict[str, set[str]] = {}
    for m in doc.mentions:
        if m.kind == "person":
            words = m.surface.split()
            if len(words) >= 2:
                for w in (words[0], words[-1]):
                    persons.setdefault(w, set()).add(m.normalized)
    multi_words: set[str] = set()
    for m in doc.mentions:
        if m.kind != "term" and " " in m.surface:
            multi_words.update(m.surface.split())
    drop: set[int] = set()
    for m, weak in doc.pending:
        keys = persons.get(m.surface)
        if keys and len(keys) == 1:
            m.kind = "person"
            m.normalized = next(iter(keys))
            continue
        if weak and m.surface not in doc.cap_mid and m.surface not in multi_words:
            drop.add(id(m))
        elif m.kind == "person":
            m.normalized = "ps:" + m.surface  # a family name alone: linked corpus-wide
    if drop:
        doc.mentions = [m for m in doc.mentions if id(m) not in drop]

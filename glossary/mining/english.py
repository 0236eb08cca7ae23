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
  "people-to-people exchanges"), fixed expressions with the head nouns that continue
  them ("social security system", "ballistic missile launches"), and relation
  compounds ("China-Japan tensions").

Sentence-initial capitals and title-case headlines are not taken for names unless
the article gives evidence (the word is capitalised mid-sentence elsewhere, is a
known place, or belongs to a longer name); words the article writes in lowercase
elsewhere, or common words (``data/en_common_words.txt``), are ordinary there, and so
are, in headings, words of everyday English by their general frequency (``wordfreq``,
:data:`EVERYDAY_ZIPF`). The same frequencies let a rare noun modify a term head
("bribery scandal", :data:`TERM_MODIFIER_ZIPF`) and a rare abstract noun open an
"X of Y" term ("normalization of diplomatic relations", :data:`OF_TERM_ZIPF`).

At the end of an article, single words are read against its longer names: a family
name joins the one full name it belongs to ("Park", "KERRY" of a speaker's label), a
short form the one longer name it shortens ("Hyundai" for "Hyundai Motor Group",
"Security Council" for "UN Security Council", "the North" for "North Korea").

The rules are data: ``data/en_*.txt`` (each file's header explains its syntax).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from glossary.lang.surnames import english_miner_spellings
from glossary.mining.cluster import (
    acronym_letters,
    initials,
    installation_prefixes,
    is_acronym,
)
from glossary.mining.countries import country_key, is_country
from glossary.mining.mention import Mention
from glossary.mining.names import (
    is_japanese_name,
    is_korean_name,
    is_korean_syllable,
    is_romaji,
    person_key,
    western_given_names,
)
from glossary.mining.rules import load_lines, load_table, load_words
from glossary.mining.sentences import split_sentences

_zipf: Callable[[str, str], float] | None
try:  # general-language frequencies: the "en" extra installs wordfreq
    from wordfreq import zipf_frequency as _zipf
except ImportError:  # pragma: no cover - the product installs it
    _zipf = None

LANG = "en"

# Words are runs of letters and digits in any script ("Kōno", "Jun'ichirō", "Ōita"):
# a letter with a macron or an accent never ends a word.
_TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}"  # U.S. U.K. H.E.
    r"|[^\W_]+(?:['’][^\W\d_]+|[.&][^\W_]+)*(?:['’](?![^\W\d_]))?"
)
# ranks before an office ("Vice Minister of Foreign Affairs" = "Vice Foreign Minister")
_RANKS = frozenset(("vice", "deputy", "first", "second", "senior", "parliamentary"))
# heads whose "<Head> of X" is also written "X <Head>" (Department of State, State Department)
_REORDER_HEADS = frozenset(
    ("ministry", "department", "minister", "secretary", "government", "office")
)
_BRACKETED = re.compile(r"\s*\([^()]*\)")
# a company's legal form after its name ("Samsung Electronics Co."): keeps its period,
# and the clustering key leaves it out
_CORPORATE = frozenset(("Co.", "Corp.", "Inc.", "Ltd."))
_CORPORATE_KEYS = frozenset(w.lower().rstrip(".") for w in _CORPORATE)
# a footnote mark in brackets ("[1]", "[12]") is no word: what follows it starts afresh
_FOOTNOTE = re.compile(r"\[\d{1,3}\]")
_OPENERS = frozenset('“"‘(—–:|[«)]')
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
# endings of abstract nouns ("Stability", "Cooperation"): words of no person's name
_ABSTRACT = ("ity", "tion", "sion", "ment", "ance", "ence", "ship", "ness", "ism")


@dataclass(frozen=True)
class _Rules:
    stop: frozenset[str]
    common: frozenset[str]
    calendar: frozenset[str]
    places: frozenset[str]
    places_lower: frozenset[str]
    orgs: frozenset[str]  # known organisations ("United Nations")
    demonyms: dict[str, str]
    titles: dict[tuple[str, ...], str]  # "portfolio", "office" or ""
    title_to: frozenset[tuple[str, ...]]  # offices named with "to <country>"
    title_to_words: frozenset[str]  # their words ("ambassador", "envoy")
    title_words: frozenset[str]  # last words of offices: "of"/"for" may follow them
    title_vocab: frozenset[str]  # every word of a title: their plurals are read as them
    title_hyphen: frozenset[str]  # "designate", "elect": lowercase words after a hyphen
    title_max: int
    title_abbrevs: frozenset[str]
    portfolio_words: frozenset[str]
    heads: dict[str, str]
    lower_heads: dict[str, str]
    lower_bases: dict[str, str]  # what a one-word name before a lowercase head is
    alone_heads: frozenset[str]  # heads that name one institution alone ("the Diet")
    connectors: dict[str, str]
    inner_poss: frozenset[str]
    alone_mods: frozenset[str]
    openers: dict[str, str]  # "Mount" -> place, "Typhoon" -> event
    opener_abbrevs: frozenset[str]  # "Mt": its period does not end the name
    acronyms_common: frozenset[str]
    term_heads: frozenset[str]
    term_mods: frozenset[str]
    term_stop: frozenset[str]
    term_stop_phrases: frozenset[str]
    fixed_terms: frozenset[str]  # "social distancing", "economic sanctions"
    term_weak_heads: frozenset[str]  # broad heads: "development", "system"
    term_tails: frozenset[str]  # nouns that continue a term: "ballistic missile launches"
    fixed_firsts: frozenset[str]  # their first words
    fixed_max: int
    inst_mods: frozenset[str]
    inst_heads: frozenset[str]
    suffixes: frozenset[str]
    state_abbrevs: frozenset[str]
    dotted: frozenset[str]  # words whose final period is part of them ("Jr.", "Penn.")
    key_synonyms: dict[str, str]
    languages: frozenset[str]
    term_generic: frozenset[str]
    place_suffixes: frozenset[str]
    term_prefixes: frozenset[str]  # "k", "j": K-pop, J-pop


def _title_key(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(w.lower().rstrip(".") for w in words)


#: Zipf frequency (log10 of occurrences per billion words) from which a word is
#: everyday English: "Opening", "Statement", "Looking" (4.9-5.5), not "Kake" or "Realmeter".
EVERYDAY_ZIPF = 4.5


@lru_cache(maxsize=65536)
def general_zipf(word: str) -> float:
    """How common ``word`` is in general English (wordfreq's Zipf scale, 0 when unknown
    or when wordfreq is not installed)."""
    if _zipf is None:
        return 0.0
    return float(_zipf(word, "en"))


#: A hyphenated modifier all of whose parts are at least this common in general English
#: describes ("high-level" 5.8/5.4, "stand-alone" 5.1/5.2, "in-person"); one rarer part
#: makes it a domain word ("vice-ministerial" 3.6, "medium-sized" 4.3, "nuclear-armed" 4.6).
HYPHEN_EVERYDAY_ZIPF = 5.0


#: Below this Zipf frequency a lowercase noun or adjective before a term head is a
#: domain word ("bribery" 3.4, "consumption" 4.35, "diplomatic" 4.1), above it an
#: everyday one ("practical" 4.5, "conservative" 4.6).
TERM_MODIFIER_ZIPF = 4.4


# ordinals before a title: "First Vice Foreign Minister", "2nd Vice Minister"
_ORDINALS = frozenset(
    ("first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th", "senior", "principal")
)
# "I've", "I’m": a pronoun and its verb, never a name
_PRONOUN_CONTRACTION = re.compile(r"^I['’](?:ve|m|ll|d)$")


def _title_word(r: _Rules, low: str) -> str:
    """A word as it stands in the titles: its final period dropped, a plural read as
    the singular ("Ministers" as "minister", "Secretaries" as "secretary")."""
    w = low.rstrip(".")
    if w in r.title_vocab:
        return w
    one = singular(w)
    return one if one in r.title_vocab else w


@cache
def rules() -> _Rules:
    """The English rule files, loaded once."""
    titles: dict[tuple[str, ...], str] = {}
    title_to: set[tuple[str, ...]] = set()
    title_words: set[str] = set()
    hyphen: set[str] = set()
    abbrevs: set[str] = set()
    for row in load_table("en_titles.txt"):
        words = row[0].replace("-", " - ").split()
        key = _title_key(w for w in words if w != "-")
        kind = row[1].lower() if len(row) > 1 else ""
        if kind not in ("portfolio", "office"):
            kind = ""
        if titles.get(key) != "portfolio":
            titles[key] = kind or titles.get(key, "")
        if len(row) > 2 and row[2].lower() == "to":
            title_to.add(key)
        if kind:
            title_words.add(key[-1])
        for w, nxt in zip(words, [*words[1:], ""], strict=True):
            if w.endswith("."):
                abbrevs.add(w.lower().rstrip("."))
            if w == "-" and nxt.islower():
                hyphen.add(nxt)
    heads: dict[str, str] = {}
    lower_heads: dict[str, str] = {}
    lower_bases: dict[str, str] = {}
    alone: set[str] = set()
    for row in load_table("en_name_heads.txt"):
        word = row[0].lower()
        heads[word] = row[1]
        if len(row) > 2 and row[2] == "lower":
            lower_heads[word] = row[1]
        if len(row) > 2 and row[2] == "alone":
            alone.add(word)
        if len(row) > 3:
            lower_bases[word] = row[3]
    places = frozenset(load_lines("en_places.txt"))
    stop_phrases = {ln for ln in load_lines("en_term_stop.txt") if " " in ln}
    fixed = frozenset(ln.lower() for ln in load_lines("en_fixed_terms.txt"))
    inst = load_table("en_institutions.txt")
    suffixes = frozenset(load_lines("en_name_suffixes.txt"))
    states = frozenset(row[0] for row in load_table("en_state_abbreviations.txt"))
    return _Rules(
        stop=load_words("en_stopwords.txt") | load_words("en_calendar.txt"),
        common=load_words("en_common_words.txt"),
        calendar=load_words("en_calendar.txt"),
        places=places,
        places_lower=frozenset(p.lower() for p in places),
        orgs=frozenset(load_lines("en_organisations.txt")),
        demonyms={row[0]: row[1] for row in load_table("en_demonyms.txt")},
        titles=titles,
        title_to=frozenset(title_to),
        title_to_words=frozenset(k[0] if k[-1] == "designate" else k[-1] for k in title_to),
        title_words=frozenset(title_words),
        title_vocab=frozenset(w for k in titles for w in k),
        title_hyphen=frozenset(hyphen),
        title_max=max(len(k) for k in titles),
        title_abbrevs=frozenset(abbrevs),
        portfolio_words=load_words("en_portfolio_words.txt"),
        heads=heads,
        lower_heads=lower_heads,
        lower_bases=lower_bases,
        alone_heads=frozenset(alone),
        connectors={row[0]: row[1] for row in load_table("en_connectors.txt")},
        inner_poss=load_words("en_inner_possessives.txt"),
        alone_mods=load_words("en_alone_head_modifiers.txt", lower=False),
        openers={row[0].rstrip("."): row[1] for row in load_table("en_name_openers.txt")},
        opener_abbrevs=frozenset(
            row[0].rstrip(".") for row in load_table("en_name_openers.txt") if row[0][-1] == "."
        ),
        acronyms_common=load_words("en_acronyms_common.txt", lower=False),
        term_heads=load_words("en_term_heads.txt"),
        term_mods=load_words("en_term_modifiers.txt"),
        term_stop=frozenset(w for w in load_lines("en_term_stop.txt") if " " not in w),
        term_stop_phrases=frozenset(stop_phrases),
        fixed_terms=fixed,
        term_weak_heads=load_words("en_term_weak_heads.txt"),
        term_tails=load_words("en_term_tails.txt"),
        fixed_firsts=frozenset(f.split()[0] for f in fixed),
        fixed_max=max((len(f.split()) for f in fixed), default=0),
        inst_mods=frozenset(r[0] for r in inst if r[1] == "mod"),
        inst_heads=frozenset(r[0] for r in inst if r[1] == "head"),
        suffixes=suffixes,
        state_abbrevs=states,
        dotted=frozenset(w for w in suffixes | states | _CORPORATE if w.endswith(".")),
        key_synonyms={row[0]: row[1] for row in load_table("en_key_synonyms.txt")},
        languages=load_words("en_languages.txt", lower=False),
        term_generic=load_words("en_term_generic.txt"),
        place_suffixes=load_words("en_place_suffixes.txt"),
        term_prefixes=frozenset(w.rstrip("-") for w in load_lines("en_term_prefixes.txt")),
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
        self.hy = gap in ("-", "–")  # "Export–Import Bank": an en dash joins words too
        self.sp = self.hy or gap == " " or (gap != "" and gap.strip(" \u00a0") == "")
        self.initial = first or (gap != " " and not _OPENERS.isdisjoint(gap))
        self.cap = text[0].isupper() and not _PRONOUN_CONTRACTION.match(text)
        self.low = text.lower()
        self.upper = len(text) >= 2 and (
            text.isupper() if text.isalnum() else text.replace(".", "").replace("&", "").isupper()
        )
        # ambiguous capital: a capital that the position explains (sentence start,
        # after a quotation mark, a title-case headline)
        self.amb = self.cap and (self.initial or headline) and not self.upper


def _tokenize(text: str, start: int, end: int) -> list[_Tok]:
    toks: list[_Tok] = []
    prev_end = start
    raw = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]
    headline = _is_headline(raw, text, end)
    dotted = rules().dotted
    suffixes = rules().suffixes
    for i, (word, s, e) in enumerate(raw):
        if word.isdigit() and _FOOTNOTE.match(text, s - 1, e + 1):
            continue  # "[1]": the gap before the next word keeps the bracket
        poss = 0
        w = word
        if (
            e < end
            and text[e] == "."
            and word + "." in dotted
            and (
                word + "." in suffixes
                or word + "." in _CORPORATE
                or text[max(0, s - 2) : s] == ", "
            )
        ):
            # "Jr.", "Carlisle, Penn.": the period is part of the word; a state's
            # abbreviation only after a comma ("I am Naoto Kan." ends a sentence)
            w = word = word + "."
            e += 1
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


def _bracketed_line(text: str, span: tuple[int, int]) -> bool:
    s = text[span[0] : span[1]].strip()
    return len(s) >= 2 and s[0] + s[-1] in ("[]", "【】") and len(s.split()) <= 6


def _uppercase_words(toks: list[_Tok]) -> None:
    """ "PRIME MINISTER KISHIDA:", "SECRETARY KERRY": words in capitals that are no
    abbreviations (several in a row, or a speaker's label before a colon) are read as
    capitalised words."""
    n = len(toks)
    i = 0
    while i < n:
        if not (toks[i].upper and toks[i].text.isalpha()):
            i += 1
            continue
        j = i
        while j + 1 < n and toks[j + 1].upper and toks[j + 1].text.isalpha() and toks[j + 1].sp:
            j += 1
        label = i == 0 and j + 1 < n and toks[j + 1].gap.startswith(":")
        label = label or (i == 0 and j + 1 == n)
        if (j > i and any(len(t.text) >= 4 for t in toks[i : j + 1])) or (
            label and len(toks[j].text) >= 4
        ):
            for t in toks[i : j + 1]:
                t.upper = False
                t.amb = t.initial
        i = j + 1
    for k in range(1, n - 1):
        t = toks[k]
        if (
            t.upper
            and t.text.isalpha()
            and len(t.text) >= 6
            and t.gap == " ("
            and toks[k + 1].gap.startswith("):")
        ):
            # "SECRETARY (MODERATOR):": a role, no name; "REPORTER (NHK):" names the
            # reporter's newsroom, an acronym
            t.upper = t.cap = t.amb = False
    # "KISHIDA Fumio", "YOON Suk Yeol", "Prime Minister KISHIDA": a family name in
    # capitals, as Japanese and Korean government pages write it, is no abbreviation
    r = rules()
    for k, t in enumerate(toks):
        if not (t.upper and t.text.isalpha()) or t.text in r.acronyms_common:
            continue
        name = t.text.title()
        after = [x.text for x in toks[k + 1 : k + 3] if x.sp and x.cap and not x.upper]
        given = bool(after) and (
            is_korean_name([name, *after]) or is_japanese_name([name, after[0]])
        )
        titled = k > 0 and toks[k].sp and _title_word(r, toks[k - 1].low) in r.title_words
        if given or (titled and len(t.text) >= 3 and t.text not in r.places):
            t.upper = False
            t.amb = t.initial


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
        self.seen: dict[tuple[int, int], Mention] = {}
        # mentions found only inside a longer name or title ("Japan" in "Sea of
        # Japan"): places and terms among them are dropped unless they stand alone
        self.inner: set[int] = set()
        self.lower_seen: set[str] = set()
        self.cap_mid: set[str] = set()
        # two capitalised words written together mid-sentence ("Golf Digest"): a name
        # whose first word stays when it opens a sentence
        self.cap_pairs: set[tuple[str, str]] = set()
        # single-word names whose reading waits for the whole article
        self.pending: list[tuple[Mention, bool]] = []
        # titles read between quotation marks, looked for again where unquoted
        self.quoted: list[Mention] = []
        # one capitalised head word alone ("Park"): a name only as a person's family name
        self.head_alone: list[tuple[int, int, tuple[int, int]]] = []
        self.span = (0, 0)  # the sentence being mined
        self.sentence_first = 0  # index of the first mention of the sentence being mined

    # ---- emitting -------------------------------------------------------
    def emit(
        self,
        start: int,
        end: int,
        sent: tuple[int, int],
        kind: str,
        key: str | None = None,
        inner: bool = False,
    ) -> Mention | None:
        if end <= start:
            return None
        old = self.seen.get((start, end))
        if old is not None:
            if not inner:
                self.inner.discard(id(old))
            return None
        surface = self.text[start:end]
        if key is None:
            key = person_key(surface) if kind == "person" else norm_key(surface, kind)
        m = Mention(surface, start, end, self.text[sent[0] : sent[1]], kind, LANG, key)
        self.seen[(start, end)] = m
        self.mentions.append(m)
        if inner:
            self.inner.add(id(m))
        return m


@cache
def _country_names() -> tuple[re.Pattern[str], dict[str, str]]:
    """A pattern finding English country names in a lowercased key, and their usual names."""
    names = {}
    for form in ("south korea", "north korea", "japan", "united states", "china", "russia"):
        names[form] = form
    from glossary.mining.countries import english_names

    for form, usual in english_names().items():
        names[form.replace(".", "")] = usual
    alts = sorted(names, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(a) for a in alts) + r")(?![\w])")
    return pattern, names


@cache
def _country_chain() -> re.Pattern[str]:
    """Two or more usual country names joined by hyphens at the start of a lowercased key."""
    usual = sorted(set(_country_names()[1].values()), key=len, reverse=True)
    one = "(?:" + "|".join(re.escape(u) for u in usual) + ")"
    return re.compile(one + "(?:-" + one + ")+(?![\\w])")


@lru_cache(maxsize=65536)
def norm_key(surface: str, kind: str) -> str:
    """Clustering key for a non-person English surface.

    Every name of a country gives one key ("Korea", "ROK", "South Korea"); inside a
    longer key the country's usual name stands for any of its names ("Japan-ROK
    relations" = "Japan-South Korea relations"); "<Head> of [the] <country>" is read
    as "<country> <Head>" ("Government of the ROK" = "ROK Government").
    """
    whole = country_key(surface.strip(), LANG)
    if whole is not None:
        return "n:" + whole
    s = surface.lower().replace("’", "'").replace(".", "").replace(" & ", " and ")
    s = _BRACKETED.sub(" ", s)  # "Japan-Republic of Korea (ROK) Foreign Ministers' Meeting"
    pattern, names = _country_names()
    s = pattern.sub(lambda m: names[m.group(0)], s)
    chain = _country_chain().match(s)
    if chain:
        # "ROK-Japan relations" = "Japan-ROK relations": the order of the countries of a
        # relation compound does not make another relation; "+" keeps the first country
        # from reading as a country before a name ("China" in "China-Japan-ROK Summit")
        s = "+".join(sorted(chain.group(0).split("-"))) + s[chain.end() :]
    s = s.replace("-", " ").replace("'s ", " ").replace("' ", " ").replace("'", "")
    words = s.split()
    if words and words[0] == "the":
        words = words[1:]
    synonyms = rules().key_synonyms
    words = [synonyms.get(w, w) for w in words]
    if kind == "term" and words:
        words[-1] = singular(words[-1])
        vocab = rules().title_vocab
        words = [w if w in vocab else singular(w) if singular(w) in vocab else w for w in words]
        # "Vice Ministers of Foreign Affairs" = "Vice Foreign Minister": the rank before
        # the office stays in front
        of = words.index("of") if "of" in words[2:] else -1
        if of >= 2 and words[of - 1] in _REORDER_HEADS and words[0] in _RANKS:
            rank, words = words[: of - 1], words[of - 1 :]
        else:
            rank = []
    else:
        rank = []
    country = _country_prefix(words, names) if kind != "term" else 0
    country_words, words = words[:country], words[country:]
    if len(words) >= 3 and words[1] == "of":
        rest = words[3:] if words[2] == "the" else words[2:]
        head = words[0]
        if " ".join(rest) in names.values() or (
            len(rest) <= 2 and head in _REORDER_HEADS and all(w.isalpha() for w in rest)
        ):
            # "Government of the ROK" = "ROK Government", "Department of State" =
            # "State Department", "Ministry of Foreign Affairs" = "Foreign Ministry"
            words = [*rest, head]
            if head in _REORDER_HEADS and len(words) == 3 and words[1] in ("affairs", "affair"):
                words = [words[0], head]
    words = rank + country_words + words
    while len(words) >= 2 and kind != "term" and words[-1] in _CORPORATE_KEYS:
        words = words[:-1]  # "Hyundai Motor Co." = "Hyundai Motor"
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


def _country_prefix(words: list[str], names: dict[str, str]) -> int:
    """How many first words of a key are a country's usual name before a
    "<Head> of ..." ("united states department of state"): 0 when none."""
    usual = set(names.values())
    for n in (2, 1):
        if len(words) >= n + 3 and words[n + 1] == "of" and " ".join(words[:n]) in usual:
            return n
    return 0


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
        if _bracketed_line(text, span):
            continue  # "[Opening Statement]", "(Reporter)": a heading or a stage direction
        toks = _tokenize(text, span[0], span[1])
        _uppercase_words(toks)
        sentences.append((span, toks))
        prev = None
        for t in toks:
            if t.low == t.text:
                doc.lower_seen.add(t.low)
            elif t.cap and not t.amb:
                doc.cap_mid.add(t.text)
                if prev is not None and prev.cap and not prev.amb and t.gap == " ":
                    doc.cap_pairs.add((prev.text, t.text))
            prev = t
    for span, toks in sentences:
        _mine_sentence(doc, span, toks)
        _spelled_common_acronym(doc, span)
    _resolve_document(doc)
    doc.mentions.sort(key=lambda m: (m.start, -m.end))
    return doc.mentions


_BRACKETED_ACRONYM = re.compile(r" \(([A-Z]{2,5})\)")


def _spelled_common_acronym(doc: _Doc, span: tuple[int, int]) -> None:
    """ "the Consumer Price Index (CPI)", "artificial intelligence (AI)": an everyday
    abbreviation (en_acronyms_common.txt) in brackets after the phrase it spells is
    that phrase's short form."""
    for m in doc.mentions[doc.sentence_first :]:
        found = _BRACKETED_ACRONYM.match(doc.text, m.end)
        if found is None or found.end() > span[1]:
            continue
        letters = found.group(1)
        if letters in doc.r.acronyms_common and letters in initials(m.surface):
            doc.emit(found.start(1), found.end(1), span, m.kind, key=m.normalized)


def _head_kind(r: _Rules, word: str) -> str | None:
    w = word.lower()
    k = r.heads.get(w)
    if k is None and len(w) > 3 and w.endswith("s"):
        k = r.heads.get(w[:-1])
        if k is None and w.endswith("ies"):
            k = r.heads.get(w[:-3] + "y")  # "Parties"
    return k


def _mine_sentence(doc: _Doc, span: tuple[int, int], toks: list[_Tok]) -> None:
    r = doc.r
    doc.sentence_first = len(doc.mentions)
    doc.span = span
    n = len(toks)
    i = _heading_label_end(doc, span, toks)
    while i < n:
        t = toks[i]
        q = _quoted_title(doc, span, toks, i)
        if q:
            i = q
            continue
        if t.low in _ARTICLES and i + 2 < n:
            _institution(doc, span, toks, i)
        if t.text.isdigit():
            _year_event(doc, span, toks, i)
        if (
            t.text in r.term_prefixes
            and i + 1 < n
            and toks[i + 1].hy
            and toks[i + 1].text.isalpha()
            and toks[i + 1].text.islower()
        ):
            doc.emit(t.start, toks[i + 1].end, span, "term")  # "K-pop", "K-dramas"
            i += 2
            continue
        ordinal = (
            _ORDINAL_DIGITS.match(t.low) is not None
            and i + 1 < n
            and toks[i + 1].cap
            and toks[i + 1].sp
            and _head_kind(r, toks[_caps_end(toks, i + 1) - 1].text) is not None
        )  # "2nd Infantry Division", "8th Army"
        if ordinal or (t.cap and t.text[0].isalpha()):
            j = _extend_run(r, toks, i)
            _process_run(doc, span, toks, i, j)
            i = j
            continue
        i += 1
    _find_terms(doc, span, toks)
    _named_phrases(doc, span)


#: general frequency from which every capitalised word of a label before a colon
#: opening a sentence makes it a heading ("Historic Investments:", "Industries of the
#: Future:"), not a name; speakers' names are rarer ("Minister Kishida:")
LABEL_ZIPF = 4.0


def _heading_label_end(doc: _Doc, span: tuple[int, int], toks: list[_Tok]) -> int:
    """Index after a heading label that opens the sentence before a colon, or 0."""
    r = doc.r
    for k in range(min(len(toks), 8)):
        t = toks[k]
        if k and not t.sp:
            return 0
        if not (t.cap or t.low in _TITLE_SMALL) or t.upper:
            return 0
        after = doc.text[t.end : t.end + 1]
        if after == ":":
            words = [x for x in toks[: k + 1] if x.cap]
            if words and all(
                general_zipf(x.low) >= LABEL_ZIPF
                and _head_kind(r, x.text) is None
                and x.text not in r.places
                and x.low not in english_miner_spellings()
                and x.low not in r.title_vocab
                for x in words
            ):
                return k + 1
            return 0
    return 0


# "what the government calls "distancing in daily life"", "the so-called "comfort
# women"": a lowercase phrase in quotation marks that the sentence names
_NAMED_PHRASE = re.compile(
    r"\b(?:so-called|calls?|called|dubbed|termed|known as)\s+[\"“]"
    r"([a-z][a-z-]*(?: [a-z][a-z-]*){1,5})[,.]?[\"”]"
)


def _named_phrases(doc: _Doc, span: tuple[int, int]) -> None:
    for m in _NAMED_PHRASE.finditer(doc.text, span[0], span[1]):
        words = m.group(1).split()
        if words[-1] in doc.r.stop or words[0] in doc.r.stop:
            continue  # "called "for the people"": no expression of its own
        doc.emit(m.start(1), m.end(1), span, "term")


# lowercase words a title-case work title keeps ("Album of Mt. Geumgang in the Sinmyo Year")
_TITLE_SMALL = frozenset(
    ("of", "in", "the", "and", "for", "on", "a", "an", "to", "with", "from", "at", "by")
)
_OPEN_QUOTES = ('"', "“")
_CLOSE_QUOTES = ('"', "”")
_TITLE_GAPS = frozenset((" ", "-", ". "))
_TITLE_MAX = 14


def _quoted_title(doc: _Doc, span: tuple[int, int], toks: list[_Tok], i: int) -> int:
    """A title-case title between quotation marks ("The Ten Symbols of Longevity",
    "Joseon Wangjo Sillok (Annals of the Joseon Dynasty)") is one work, its gloss in
    brackets another; the index after it, or 0 when none starts at ``i``."""
    t = toks[i]
    if not (t.cap and t.gap[-1:] in _OPEN_QUOTES and t.text[0].isalpha()):
        return 0
    n = len(toks)
    parts: list[tuple[int, int]] = []
    a = i
    k = i
    while k < n and k - i < _TITLE_MAX:
        after = doc.text[toks[k].end : toks[k + 1].start if k + 1 < n else span[1]]
        closing = after.lstrip(")").lstrip(",.")[:1] in _CLOSE_QUOTES
        if closing or after == " (":
            parts.append((a, k + 1))
            if closing:
                break
            a = k + 1
        elif after not in _TITLE_GAPS:
            return 0
        k += 1
    else:
        return 0
    h = k + 1
    head = _head_kind(doc.r, toks[h].text) if h < n and toks[h].cap else None
    if (
        len(parts) == 1
        and head in ("work", "event")
        and toks[h].gap[-1:] == " "
        and all(t.cap or t.low in _TITLE_SMALL or t.text.isdigit() for t in toks[i:h])
    ):
        # "the "Local to Global" Project": the quoted words name the project with it
        m = doc.emit(toks[i].start - 1, toks[h].end, span, head)
        if m is not None:
            doc.quoted.append(m)
        return h + 1
    if len(parts) > 2 or any(not _title_case(toks, x, y) for x, y in parts):
        return 0
    if len(parts) == 1 and not any(t.low in _TITLE_SMALL for t in toks[i : k + 1]):
        return 0  # "Regional Revitalization 2.0": a quoted name, read as any other
    for x, y in parts:
        m = doc.emit(toks[x].start, toks[y - 1].end, span, "work")
        if m is not None:
            doc.quoted.append(m)
    return k + 1


def _title_case(toks: list[_Tok], a: int, b: int) -> bool:
    """Whether [a, b) reads as a title: capitalised words, numbers and small words."""
    caps = 0
    for t in toks[a:b]:
        if t.cap:
            caps += t.low not in _TITLE_SMALL
        elif not (t.text.isdigit() or t.low in _TITLE_SMALL):
            return False
    last = toks[b - 1]
    return b - a >= 3 and caps >= 2 and toks[a].cap and (last.cap or last.text.isdigit())


def _year_event(doc: _Doc, span: tuple[int, int], toks: list[_Tok], i: int) -> None:
    """ "the 2022 presidential election", "The 2021 South Korean by-elections": a year,
    perhaps a demonym and a modifier or two, a lowercase event head."""
    r = doc.r
    t = toks[i]
    if len(t.text) != 4 or t.text[:2] not in ("19", "20") or i + 1 >= len(toks):
        return
    if i > 0 and toks[i - 1].low not in _ARTICLES:
        return
    n = len(toks)
    k = i + 1
    k += _demonym_len(r, doc, toks, k, min(n, k + 2))
    mods = 0
    while k < n and toks[k].sp and toks[k].text.islower() and mods <= 2:
        g = k
        while g + 1 < n and toks[g + 1].hy and toks[g + 1].text.islower():
            g += 1
        head = toks[g].low
        if r.lower_heads.get(head, r.lower_heads.get(singular(head))) == "event":
            doc.emit(t.start, toks[g].end, span, "event")
            return
        if head in r.stop or head in r.common:
            return
        mods += 1
        k = g + 1


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


def _title_through(r: _Rules, toks: list[_Tok], i: int, k: int) -> int:
    """The last token of a title that starts in the run [i, k] and goes on past k
    through lowercase words ("Assistant to the President"), or k."""
    for p in range(i, k + 1):
        if toks[p].cap:
            tl = _match_title(r, toks, p, len(toks), first=p == i)
            if p + tl - 1 > k and toks[p + tl - 1].cap:
                return p + tl - 1
    return k


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


def _span_text(doc: _Doc, toks: list[_Tok], a: int, b: int) -> str:
    return doc.text[toks[a].start : toks[b - 1].end]


def _match_title(r: _Rules, toks: list[_Tok], p: int, b: int, first: bool = True) -> int:
    """Length in words of the longest title at ``p`` (0 if none). A plural opens a
    title only at the start of a run (``first``): "The Ministers", "Vice Ministers",
    not the "Chiefs" of "Joint Chiefs of Staff"; and only an office's title, one
    word or a job with "of" ("Heads of Delegation"), not a job of several words
    ("Korea.net Honorary Reporters" is a name)."""
    best = 0
    words: list[str] = []
    plural = False
    for q in range(p, min(b, p + r.title_max)):
        if q > p and not toks[q].sp:
            break
        word = _title_word(r, toks[q].low)
        if word != toks[q].low.rstrip("."):
            if q == p and not first:
                break
            plural = True
        words.append(word)
        key = tuple(words)
        if key in r.titles and (not plural or r.titles[key] or len(key) == 1 or "of" in key):
            best = q - p + 1
    return best


def _demonym_len(r: _Rules, doc: _Doc, toks: list[_Tok], a: int, b: int) -> int:
    for length in (2, 1):
        if a + length <= b and _span_text(doc, toks, a, a + length) in r.demonyms:
            return length
    return 0


def _find_title(doc: _Doc, toks: list[_Tok], a: int, b: int) -> tuple[int, int] | None:
    """The first title in the run [a, b): (its first word, the word after it)."""
    r = doc.r
    for p in range(a, b):
        if not toks[p].cap:
            continue
        tl = _match_title(r, toks, p, b, first=p == a)
        if not tl:
            continue
        q = p + tl
        if p > a and q < b and all(t.text in r.suffixes for t in toks[q:b]):
            continue  # "Martin Luther King III": a name, not a title
        key = tuple(_title_word(r, t.low) for t in toks[p:q])
        end = toks[q - 1].end
        if p > a and q == b and not r.titles.get(key) and doc.text[end : end + 1] != ".":
            continue  # "Nakatani Gen": a rank's word ending a name, without a period
        if q < b and toks[q].cap:
            head = _head_kind(r, toks[b - 1].text)
            if head is not None and not (head == "facility" and q == b - 1):
                # "King Sejong Institute", "Prime Minister's Office"; but one word
                # after a title is a family name: "Foreign Minister Park"
                continue
            if _span_text(doc, toks, q, b) in r.places or toks[q].text[0].isdigit():
                continue
        return p, q
    return None


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


# ---- the whole article -----------------------------------------------------


def _resolve_document(doc: _Doc) -> None:
    """Read single-word names against the article's full names."""
    persons: dict[str, set[str]] = {}
    for m in doc.mentions:
        if m.kind == "person":
            words = m.surface.split()
            if len(words) >= 2:
                for w in (words[0], words[-1]):
                    persons.setdefault(w.lower(), set()).add(m.normalized)
    multi_words: set[str] = set()
    for m in doc.mentions:
        if m.kind != "term" and " " in m.surface:
            multi_words.update(m.surface.split())
    for start, end, span in doc.head_alone:
        keys = persons.get(doc.text[start:end].lower())
        if keys and len(keys) == 1:  # "Park" after "Park Geun-hye": not the head "Park"
            doc.emit(start, end, span, "person", key=next(iter(keys)))
    _the_short_form(doc)
    drop: set[int] = set()
    _unquoted_titles(doc, drop)
    for m in doc.mentions:
        # a family name alone ("Kan" in "Kan administration") is the article's full name;
        # so is one in capitals read as an acronym ("Mr. ISHIBA" after "ISHIBA Shigeru")
        caps = m.kind == "org" and m.surface.isupper() and m.surface.isalpha()
        one = (m.kind == "person" or caps) and " " not in m.surface
        keys = persons.get(m.surface.lower()) if one else None
        if keys and len(keys) == 1:
            m.normalized = next(iter(keys))
            m.kind = "person"
    for m, weak in doc.pending:
        keys = persons.get(m.surface.lower())
        if keys and len(keys) == 1:
            m.kind = "person"
            m.normalized = next(iter(keys))
            continue
        if weak and m.surface not in doc.cap_mid and m.surface not in multi_words:
            drop.add(id(m))
        elif m.kind == "person":
            # a family name alone: linked corpus-wide ("KERRY" of a label = "Kerry")
            m.normalized = "ps:" + (m.surface.title() if m.surface.isupper() else m.surface)
    _short_names(doc, {m.surface for m in doc.mentions if m.surface.lower() in persons}, drop)
    _link_glosses(doc)
    # a place or term seen only inside longer names is no row of its own
    alone = {m.surface.lower() for m in doc.mentions if id(m) not in doc.inner}
    for m in doc.mentions:
        if id(m) in doc.inner and m.kind in ("place", "term") and m.surface.lower() not in alone:
            drop.add(id(m))
    if drop:
        doc.mentions = [m for m in doc.mentions if id(m) not in drop]


def _unquoted_titles(doc: _Doc, drop: set[int]) -> None:
    """A title the article quotes once ("Investing in America") is the same work where
    it stands unquoted; the words read inside it there are no names of their own."""
    text = doc.text
    for q in list(doc.quoted):
        at = text.find(q.surface)
        while at >= 0:
            end = at + len(q.surface)
            whole = (at == 0 or not text[at - 1].isalnum()) and (
                end == len(text) or not text[end].isalnum()
            )
            if whole and (at, end) not in doc.seen:
                doc.emit(at, end, (max(0, at - 120), min(len(text), end + 120)), "work")
                for m in doc.mentions:
                    inside = at <= m.start and m.end <= end and (m.start, m.end) != (at, end)
                    loose = m.kind in ("place", "term") or " " not in m.surface
                    if inside and loose and m.kind not in ("org", "facility"):
                        drop.add(id(m))
            at = text.find(q.surface, end)


def _short_names(doc: _Doc, family_names: set[str], drop: set[int]) -> None:
    """A name the article shortens: "Hyundai" for "Hyundai Motor Group" (its first
    word), "Security Council" for "UN Security Council" (what follows an abbreviation,
    a place or another name), when exactly one longer organisation or facility of the
    article reads so."""
    longer = [m for m in doc.mentions if m.kind in ("org", "facility") and " " in m.surface]
    named = {m.surface for m in doc.mentions if m.kind != "term" and id(m) not in drop}
    places_orgs = {m.surface for m in doc.mentions if m.kind in ("place", "org")}
    for m in doc.mentions:
        if m.kind not in ("person", "org", "facility") or m.surface in family_names:
            continue
        if id(m) in drop or is_acronym(m.surface):
            continue  # "UN" in "UN Security Council" is a name of its own
        one = " " not in m.surface
        if m.kind == "person" and one and m.normalized.startswith("p:"):
            continue  # a family name the article gives in full
        if one and m.surface.lower() in doc.r.alone_heads:
            # "the Army" for "U.S. Army" (not for "Eighth Army", no place before it)
            keys = {
                x.normalized
                for x in longer
                if x.surface.endswith(" " + m.surface)
                and (
                    x.surface[: -len(m.surface) - 1] in places_orgs
                    or x.surface[: -len(m.surface) - 1] in doc.r.alone_mods
                )
            }
        else:
            keys = {
                x.normalized
                for x in longer
                if x.normalized != m.normalized
                and (
                    x.surface.startswith(m.surface + " ")
                    and _head_kind(doc.r, x.surface.split()[-1]) == "org"
                    if one
                    else x.surface.endswith(" " + m.surface)
                    and x.surface[: -len(m.surface) - 1] in named
                )
            }
        if len(keys) == 1:
            m.normalized = next(iter(keys))
            if m.kind == "person":
                m.kind = next(x.kind for x in longer if x.normalized == m.normalized)


def _the_short_form(doc: _Doc) -> None:
    """ "the North" in an article about North Korea: one word after "the" that starts
    exactly one longer place name of the article is that place."""
    starts: dict[str, set[str]] = {}
    for m in doc.mentions:
        if m.kind == "place" and " " in m.surface:
            starts.setdefault(m.surface.split()[0], set()).add(m.normalized)
    for m in doc.mentions:
        keys = starts.get(m.surface)
        before = doc.text[max(0, m.start - 4) : m.start]
        after = doc.text[m.end : m.end + 8].lower()
        if after.startswith(" region"):
            continue  # "the Noto region" names a region, not the "Noto Peninsula"
        if keys and len(keys) == 1 and before.lower() == "the " and m.kind in ("person", "place"):
            m.kind = "place"
            m.normalized = next(iter(keys))


_GLOSS_BETWEEN = (" (", ", also known as ", " (also known as ", ", or ")


def _link_glosses(doc: _Doc) -> None:
    """ "Keidanren (Japan Business Federation)", "Seollal (Lunar New Year)", "Sea of
    Japan, also known as East Sea": a name and its gloss or abbreviation are one."""
    text = doc.text
    by_start: dict[int, Mention] = {}
    by_end: dict[int, Mention] = {}
    for m in doc.mentions:
        if m.start not in by_start or m.end > by_start[m.start].end:
            by_start[m.start] = m
        if m.end not in by_end or m.start < by_end[m.end].start:
            by_end[m.end] = m
    ends: dict[int, list[Mention]] = {}
    for m in doc.mentions:
        ends.setdefault(m.end, []).append(m)
    for a in by_end.values():
        for between in _GLOSS_BETWEEN:
            if text.startswith(between, a.end):
                b = by_start.get(a.end + len(between))
                break
        else:
            continue
        if b is not None and is_acronym(b.surface):
            # "the Policy Research Council of the Liberal Democratic Party (LDP)": the
            # name the abbreviation spells
            spelled = [m for m in ends[a.end] if acronym_letters(b.surface) in initials(m.surface)]
            if spelled:
                a = max(spelled, key=lambda m: m.end - m.start)
        if b is not None and a.kind == "term":
            # "Chair of the U.S. Export–Import Bank (EXIM)": the name inside the title
            names = [m for m in ends[a.end] if m.kind != "term"]
            if names:
                a = max(names, key=lambda m: m.end - m.start)
        if b is None or b is a or a.kind == "term" or b.kind == "term":
            continue
        if (
            b.kind == "place"
            and is_acronym(b.surface)
            and acronym_letters(b.surface) not in initials(a.surface)
        ):
            continue  # "Northern Marianas (USA)": the country it belongs to
        closes = (
            text[b.end : b.end + 1] in (")", ",", ".", " ")
            if between != " ("
            else (text[b.end : b.end + 1] == ")")
        )
        if not closes:
            continue
        a_full = a.kind == "person" and " " in a.surface
        b_full = b.kind == "person" and " " in b.surface
        if a_full or b_full:
            continue  # "Kim Jinai (Open Democratic Party)": a person and her party
        if a.kind == "person":  # a single word read as a name by default
            a.kind = b.kind
        elif b.kind == "person":
            b.kind = a.kind
        b.normalized = a.normalized
        for m in doc.mentions:  # the other mentions of the gloss follow it
            if m.surface == b.surface:
                m.normalized = a.normalized
                m.kind = a.kind

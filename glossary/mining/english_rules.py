"""The English miner's rules: the data files ``data/en_*.txt`` read once (:func:`rules`),
the word lists written in code, and general word frequencies (:func:`general_zipf`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from glossary.mining.rules import load_lines, load_table, load_words

_zipf: Callable[[str, str], float] | None
try:  # general-language frequencies: the "en" extra installs wordfreq
    from wordfreq import zipf_frequency as _zipf
except ImportError:  # pragma: no cover - the product installs it
    _zipf = None

LANG = "en"
# ranks before an office ("Vice Minister of Foreign Affairs" = "Vice Foreign Minister")
_RANKS = frozenset(("vice", "deputy", "first", "second", "senior", "parliamentary"))
# a company's legal form after its name ("Samsung Electronics Co."): keeps its period,
# and the clustering key leaves it out
_CORPORATE = frozenset(("Co.", "Corp.", "Inc.", "Ltd."))
_ARTICLES = frozenset(("the",))


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


@lru_cache(maxsize=65536)
def general_zipf(word: str) -> float:
    """How common ``word`` is in general English (wordfreq's Zipf scale, 0 when unknown
    or when wordfreq is not installed)."""
    if _zipf is None:
        return 0.0
    return float(_zipf(word, "en"))


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


def singular(word: str) -> str:
    """A plural English noun's singular, by its ending ("crimes" -> "crime")."""
    if len(word) <= 3 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    return word[:-1]


def _head_kind(r: _Rules, word: str) -> str | None:
    w = word.lower()
    k = r.heads.get(w)
    if k is None and len(w) > 3 and w.endswith("s"):
        k = r.heads.get(w[:-1])
        if k is None and w.endswith("ies"):
            k = r.heads.get(w[:-3] + "y")  # "Parties"
    return k

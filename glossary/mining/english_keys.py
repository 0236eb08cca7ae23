"""Normalised keys of English mentions (:func:`norm_key`): the form that groups the
spellings of one name or term ("the U.S." and "US", "Takaichi's" and "Takaichi").
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from glossary.mining.countries import country_key
from glossary.mining.english_rules import _CORPORATE, _RANKS, LANG, rules, singular

# heads whose "<Head> of X" is also written "X <Head>" (Department of State, State Department)
_REORDER_HEADS = frozenset(
    ("ministry", "department", "minister", "secretary", "government", "office")
)
_BRACKETED = re.compile(r"\s*\([^()]*\)")
_CORPORATE_KEYS = frozenset(w.lower().rstrip(".") for w in _CORPORATE)


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

"""Clustering mentions across a corpus into glossary candidates.

Mentions whose ``normalized`` keys are equal fall into one cluster (the language
miners give variants of one name the same key: name order, romanization,
possessive forms, titles stripped). When the corpus is complete,
:meth:`Clusterer.candidates` links more:

* a family name alone ("Takaichi", key ``ps:``) to the one person cluster whose
  full name has it as its first or last word (or, in Korean and Japanese, starts
  with it): "Takaichi" joins "Sanae Takaichi" / "Takaichi Sanae"; in English also a
  short given name (``data/en_given_name_short_forms.txt``): "Tony" joins
  "Antony J. Blinken";
* an acronym ("G20", "APEC", "U.S.", "PM") to the one cluster with a name or term
  whose initials spell it ("Group of 20", "Asia-Pacific Economic Cooperation",
  "United States", "Prime Minister"), also without a country in front of the name
  ("SDF" = "Japan Self-Defense Forces"), or, failing that, the one name whose words'
  starts spell it ("KOCIS" = "Korean Culture and Information Service");
* two names of one military installation made from the same name with different
  words (``data/en_installation_words.txt``): "Camp Humphreys" / "Humphreys Garrison";
* in English, a name without a country in front of it to the one name with a country
  in front or "of" it after: "State Department" / "U.S. Department of State",
  "Democratic Party" / "Democratic Party of Korea".

Each cluster keeps counts of its surfaces and kinds, and at most ``max_contexts``
contexts (the first of every surface among them), so memory grows with the number
of clusters, not with the number of articles.

The canonical form follows the house style: family name first for Korean and
Japanese persons ("Takaichi Sanae", "Lee Jae-myung"); the expansion of an
acronym; else the most frequent, best-formed surface.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from glossary.mining.countries import english_names, is_country
from glossary.mining.mention import KINDS, Mention
from glossary.mining.names import house_style
from glossary.mining.rules import load_table, load_words

DEFAULT_MAX_CONTEXTS = 10
_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,}$|^[A-Z][A-Z0-9&]{1,7}$|^[A-Z]\d{1,2}$")
# numbers spelled out in names whose acronym writes them as digits ("Group of Seven")
_DIGIT_OF = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "ten": "10", "twenty": "20",
}  # fmt: skip
_MIDDLE_INITIAL = re.compile(r"[A-Z]\.?")
_INITIAL_SKIP = frozenset({"of", "the", "and", "for", "on", "in", "to", "at", "de", "&"})
_KIND_ORDER = {k: i for i, k in enumerate(KINDS)}


@dataclass
class Context:
    """Where a surface was seen: file, sentence, offsets into the file's text."""

    file: str
    sentence: str
    start: int
    end: int
    surface: str


@dataclass
class Candidate:
    """One glossary candidate: a name or term with its variant surfaces."""

    canonical: str
    kind: str
    lang: str
    surfaces: list[str]
    count: int
    contexts: list[Context] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The object ``glossary mine --json`` prints for this candidate."""
        return {
            "canonical": self.canonical,
            "kind": self.kind,
            "lang": self.lang,
            "surfaces": list(self.surfaces),
            "count": self.count,
            "contexts": [
                {"file": c.file, "sentence": c.sentence, "offset": c.start} for c in self.contexts
            ],
        }


class _Cluster:
    __slots__ = ("contexts", "count", "keys", "kinds", "lang", "surfaces")

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.surfaces: Counter[str] = Counter()
        self.kinds: Counter[str] = Counter()
        self.count = 0
        self.contexts: list[Context] = []
        self.keys: set[str] = set()

    def merge(self, other: _Cluster, max_contexts: int) -> None:
        self.surfaces.update(other.surfaces)
        self.kinds.update(other.kinds)
        self.count += other.count
        self.keys |= other.keys
        have = {c.surface for c in self.contexts}
        for c in other.contexts:
            if c.surface not in have:
                self.contexts.append(c)
                have.add(c.surface)
        for c in other.contexts:
            if len(self.contexts) >= max_contexts:
                break
            if c not in self.contexts:
                self.contexts.append(c)


def is_acronym(surface: str) -> bool:
    """Capital letters (with digits or dots): "APEC", "G20", "U.S.", "PM"."""
    return bool(_ACRONYM.match(surface))


def acronym_letters(surface: str) -> str:
    return surface.replace(".", "").upper()


def initials(surface: str) -> set[str]:
    """The acronyms an expansion could have: "Group of 20" -> {"G20"}."""
    words = re.split(r"[\s\-]+", surface.replace("’", "'"))
    words = [w[:-2] if w.endswith("'s") else w.rstrip("'") for w in words if w]
    if len(words) < 2:
        return set()
    out = set()
    for keep_connectors in (False, True):
        letters = []
        for w in words:
            if w.lower() in _INITIAL_SKIP and not keep_connectors:
                continue
            if w.isdigit():
                letters.append(w)
            elif w.lower() in _DIGIT_OF:
                letters.append(_DIGIT_OF[w.lower()])  # "Group of Seven" -> "G7"
            elif "." in w and is_acronym(w) and keep_connectors:
                letters.append(acronym_letters(w))  # "U.N. Security Council" -> "UNSC"
            elif w[0].isalpha():
                letters.append(w[0].upper())
        if len(letters) >= 2:
            out.add("".join(letters))
    return out


def _spells(letters: str, words: list[str]) -> bool:
    """Whether ``letters`` are, in order, a non-empty start of every word's letters."""
    if not words:
        return not letters
    word = words[0].upper()
    for size in range(min(len(word), len(letters) - len(words) + 1), 0, -1):
        if word[:size] == letters[:size] and _spells(letters[size:], words[1:]):
            return True
    return False


def spelled_by_word_starts(letters: str, surface: str) -> bool:
    """Whether an acronym is made of the start of every word of a name, with more than
    one letter from some of them: "KOCIS" = "Korean Culture and Information Service"
    (KO-C-I-S), "KEPCO" = "Korea Electric Power Corporation" (K-E-P-CO)."""
    words = [w for w in re.split(r"[\s\-]+", surface) if w and w[0].isalpha()]
    words = [w for w in words if w.lower() not in _INITIAL_SKIP]
    return 2 <= len(words) < len(letters) and _spells(letters, words)


def expansion_initials(surface: str, lang: str) -> set[str]:
    """The acronyms a name could have, also without a country in front of it:
    "Japan Self-Defense Forces" -> {"JSDF", "SDF"}."""
    out = initials(surface)
    first, _, rest = surface.partition(" ")
    if rest and " " in rest.replace("-", " ") and is_country(first, lang):
        out |= initials(rest)
    return out


@cache
def _installation_words() -> tuple[tuple[str, str], ...]:
    rows = [(r[0], r[1]) for r in load_table("en_installation_words.txt") if len(r) >= 2]
    return tuple(sorted(rows, key=lambda r: -len(r[1])))


@cache
def _short_forms() -> dict[str, tuple[str, ...]]:
    """Full given name -> the short forms it is called by ("Antony" -> ("Tony",))."""
    out: dict[str, list[str]] = {}
    for row in load_table("en_given_name_short_forms.txt"):
        if len(row) >= 2:
            for full in row[1].split("|"):
                out.setdefault(full.strip(), []).append(row[0])
    return {full: tuple(shorts) for full, shorts in out.items()}


@cache
def _company_tails() -> frozenset[str]:
    """Last words of a company's name that a second mention drops ("Electronics")."""
    return frozenset(load_words("en_company_short_tails.txt", lower=False))


def installation_prefixes() -> frozenset[str]:
    """The words that open an installation's name ("Camp", "Fort", "USAG")."""
    return frozenset(w for side, w in _installation_words() if side == "before" and " " not in w)


def installation_name(surface: str) -> str:
    """The name inside an installation's name ("Camp Humphreys" -> "humphreys"), or ""."""
    for side, word in _installation_words():
        if side == "before" and surface.startswith(word + " "):
            rest = surface[len(word) + 1 :]
        elif side == "after" and surface.endswith(" " + word):
            rest = surface[: -len(word) - 1]
        else:
            continue
        if rest[:1].isupper() and " " not in rest and rest.isalpha():
            return rest.lower()
        return ""
    return ""


def _last_named_before(short: _Cluster, people: dict[str, _Cluster]) -> set[str]:
    """Of several persons a family name alone could be, the one whose full name was
    written last before the family name's first mention in the same file: news names a
    person in full, then by the family name ("Lee Cho-won, a professor, says ... Lee
    says"). Empty when none of them was named earlier in that file."""
    first = min(short.contexts, key=lambda c: (c.file, c.start), default=None)
    if first is None:
        return set()
    best: tuple[int, str] | None = None
    for root, person in people.items():
        for c in person.contexts:
            earlier = c.file == first.file and c.end <= first.start
            if earlier and (best is None or c.start > best[0]):
                best = (c.start, root)
    return {best[1]} if best else set()


class Clusterer:
    """Collects mentions, article after article, into candidate clusters."""

    def __init__(self, max_contexts: int = DEFAULT_MAX_CONTEXTS) -> None:
        self.max_contexts = max_contexts
        self._parent: dict[str, str] = {}
        self._clusters: dict[str, _Cluster] = {}

    # -- union-find over keys ("lang|key") --
    def _find(self, key: str) -> str:
        parent = self._parent
        root = key
        while parent[root] != root:
            root = parent[root]
        while parent[key] != root:
            parent[key], key = root, parent[key]
        return root

    def _union(self, a: str, b: str) -> str:
        ra, rb = self._find(a), self._find(b)
        if ra == rb:
            return ra
        ca, cb = self._clusters[ra], self._clusters[rb]
        if cb.count > ca.count:
            ra, rb, ca, cb = rb, ra, cb, ca
        ca.merge(cb, self.max_contexts)
        self._parent[rb] = ra
        del self._clusters[rb]
        return ra

    def add(self, mention: Mention, file: str, offset: int = 0) -> None:
        """Count one mention; ``offset`` is added to its start and end for its context."""
        key = f"{mention.lang}|{mention.normalized}"
        if key not in self._parent:
            self._parent[key] = key
            cl = _Cluster(mention.lang)
            cl.keys.add(mention.normalized)
            self._clusters[key] = cl
        else:
            cl = self._clusters[self._find(key)]
        cl.count += 1
        cl.kinds[mention.kind] += 1
        new_surface = mention.surface not in cl.surfaces
        cl.surfaces[mention.surface] += 1
        if new_surface or len(cl.contexts) < self.max_contexts:
            cl.contexts.append(
                Context(
                    file,
                    mention.sentence,
                    mention.start + offset,
                    mention.end + offset,
                    mention.surface,
                )
            )

    def add_all(self, mentions: Iterable[Mention], file: str, offset: int = 0) -> None:
        for m in mentions:
            self.add(m, file, offset)

    def __len__(self) -> int:
        return len(self._clusters)

    # -- linking when the corpus is complete --
    def _link_family_names(self) -> None:
        by_word: dict[tuple[str, str], set[str]] = {}
        for root, cl in list(self._clusters.items()):
            if not any(k.startswith("p:") for k in cl.keys):
                continue
            for s in cl.surfaces:
                words = s.split()
                if cl.lang == "en":
                    if len(words) >= 2:
                        by_word.setdefault((cl.lang, words[0]), set()).add(root)
                        by_word.setdefault((cl.lang, words[-1]), set()).add(root)
                        for short in _short_forms().get(words[0], ()):
                            by_word.setdefault((cl.lang, short), set()).add(root)
                else:
                    by_word.setdefault((cl.lang, words[0] if len(words) > 1 else s), set()).add(
                        root
                    )
        for root, cl in list(self._clusters.items()):
            if root not in self._clusters:
                continue
            fam = [k[3:] for k in cl.keys if k.startswith("ps:")]
            if not fam or any(k.startswith("p:") for k in cl.keys):
                continue
            surface = next(iter(cl.surfaces))
            targets = {self._find(t) for t in by_word.get((cl.lang, surface), ())}
            if cl.lang != "en" and not targets:
                targets = {
                    self._find(r)
                    for (lg, w), roots in by_word.items()
                    if lg == cl.lang
                    for r in roots
                    if w != surface and w.startswith(surface) and len(surface) >= 2
                }
            if len(targets) > 1:
                targets = _last_named_before(cl, {t: self._clusters[t] for t in targets})
            if len(targets) == 1:
                self._union(next(iter(targets)), root)

    def _link_acronyms(self) -> None:
        expansions: dict[tuple[str, str], set[str]] = {}
        acronyms: list[tuple[str, str, str]] = []
        for root, cl in self._clusters.items():
            for s in cl.surfaces:
                if is_acronym(s):
                    acronyms.append((root, cl.lang, acronym_letters(s)))
                elif " " in s or "-" in s:
                    for ini in expansion_initials(s, cl.lang):
                        expansions.setdefault((cl.lang, ini), set()).add(root)
        by_start: dict[tuple[str, str], list[tuple[str, str]]] | None = None
        for root, lang, letters in acronyms:
            if root not in self._parent:
                continue
            targets = {self._find(t) for t in expansions.get((lang, letters), ())}
            targets.discard(self._find(root))
            if not targets and len(letters) >= 4 and letters.isalpha():
                if by_start is None:
                    by_start = self._names_by_first_letter()
                targets = {
                    self._find(t)
                    for t, s in by_start.get((lang, letters[0]), ())
                    if spelled_by_word_starts(letters, s)
                }
                targets.discard(self._find(root))
            if len(targets) == 1:
                self._union(next(iter(targets)), root)
        self._link_spelled_out_acronyms()

    def _link_spelled_out_acronyms(self) -> None:
        """ "G7 summit" to "Group of Seven summit" once "G7" and "Group of Seven" are one
        candidate: a longer name written with the acronym or with its expansion."""
        root_of: dict[tuple[str, str], str] = {}
        for root, cl in self._clusters.items():
            for s in cl.surfaces:
                root_of[(cl.lang, s)] = root
        for (lang, s), root in list(root_of.items()):
            words = s.split(" ")
            if len(words) < 2:
                continue
            for i, w in enumerate(words):
                if not is_acronym(w) or (lang, w) not in root_of:
                    continue
                cl = self._clusters[self._find(root_of[(lang, w)])]
                for full in cl.surfaces:
                    if full == w or is_acronym(full) or " " not in full:
                        continue
                    other = root_of.get((lang, " ".join([*words[:i], full, *words[i + 1 :]])))
                    if other is not None:
                        self._union(self._find(other), self._find(root))

    def _names_by_first_letter(self) -> dict[tuple[str, str], list[tuple[str, str]]]:
        """Multi-word surfaces by language and capital first letter, with their cluster."""
        out: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for root, cl in self._clusters.items():
            for s in cl.surfaces:
                if " " in s and s[:1].isupper():
                    out.setdefault((cl.lang, s[0]), []).append((root, s))
        return out

    def _link_installations(self) -> None:
        by_name: dict[tuple[str, str], set[str]] = {}
        for root, cl in self._clusters.items():
            for s in cl.surfaces:
                name = installation_name(s)
                if name:
                    by_name.setdefault((cl.lang, name), set()).add(root)
        for roots in by_name.values():
            found = sorted({self._find(r) for r in roots})
            for other in found[1:]:
                self._union(self._find(found[0]), self._find(other))

    def _link_company_short_names(self) -> None:
        """ "Big Hit" to the one "Big Hit Music" of the corpus ("Samsung" to "Samsung
        Electronics"), unless another name also starts with the short name."""
        full: dict[str, set[str]] = {}
        starts: dict[str, set[str]] = {}
        tails = _company_tails()
        for root, cl in self._clusters.items():
            if cl.lang != "en":
                continue
            for s in cl.surfaces:
                words = s.split(" ")
                for i in range(1, len(words)):
                    starts.setdefault(" ".join(words[:i]), set()).add(root)
                while len(words) > 1 and words[-1] in tails:
                    words = words[:-1]
                    full.setdefault(" ".join(words), set()).add(root)
        if not full:
            return
        for root, cl in list(self._clusters.items()):
            if root not in self._clusters or cl.lang != "en":
                continue
            for s in list(cl.surfaces):
                # one full name, and no other name starting with the short one
                if s in full and len(full[s]) == 1 and starts[s] == full[s]:
                    self._union(self._find(next(iter(full[s]))), self._find(root))
                    break

    def _link_middle_initials(self) -> None:
        """ "Antony Blinken" to the one "Antony J. Blinken" of the corpus; not when two
        persons differ only by their initials ("George H. W. Bush", "George W. Bush")."""
        bare: dict[str, set[str]] = {}
        initialled: dict[str, set[str]] = {}
        for root, cl in self._clusters.items():
            if cl.lang != "en" or not any(k.startswith("p:") for k in cl.keys):
                continue
            for s in cl.surfaces:
                words = s.split(" ")
                if len(words) < 2:
                    continue
                middle = [w for w in words[1:-1] if not _MIDDLE_INITIAL.fullmatch(w)]
                if len(middle) < len(words) - 2:
                    stripped = " ".join([words[0], *middle, words[-1]])
                    initialled.setdefault(stripped, set()).add(root)
                else:
                    bare.setdefault(s, set()).add(root)
        for name, roots in initialled.items():
            found = {self._find(r) for r in roots}
            if name in bare and len(found) == 1:
                for other in bare[name]:
                    self._union(self._find(next(iter(found))), self._find(other))

    def _link_country_prefixed(self) -> None:
        usual = sorted(set(english_names().values()), key=len, reverse=True)
        prefixed: dict[str, set[str]] = {}
        for root, cl in self._clusters.items():
            if cl.lang != "en":
                continue
            for k in cl.keys:
                if not k.startswith("n:"):
                    continue
                for name in usual:
                    if k.startswith("n:" + name + " "):
                        prefixed.setdefault("en|n:" + k[len(name) + 3 :], set()).add(root)
                        break
                    bare = k[2:].removesuffix(" of " + name)
                    if bare != k[2:] and " " in bare:
                        # "Democratic Party of Korea" / "Democratic Party"
                        prefixed.setdefault("en|n:" + bare, set()).add(root)
                        break
        wanted = {bare[len("en|n:") :] for bare in prefixed if bare in self._parent}
        if not wanted:
            return
        # every name ending the same way ("Japanese Foreign Ministry" too): more than
        # one makes the bare name ambiguous
        endings: dict[str, set[str]] = {}
        for root, cl in self._clusters.items():
            if cl.lang != "en":
                continue
            for k in cl.keys:
                words = k[2:].split(" ")
                for i in range(1, len(words)):
                    tail = " ".join(words[i:])
                    if tail in wanted:
                        endings.setdefault(tail, set()).add(root)
        for bare, roots in prefixed.items():
            tail = bare[len("en|n:") :]
            if tail not in wanted:
                continue
            found = {self._find(r) for r in roots}
            others = {self._find(r) for r in endings.get(tail, ())}
            if len(found) == 1 and len(others | found) == 1:
                self._union(self._find(bare), found.pop())

    def candidates(self) -> list[Candidate]:
        """The clusters as candidates, most frequent first."""
        self._link_company_short_names()
        self._link_middle_initials()
        self._link_family_names()
        self._link_acronyms()
        self._link_installations()
        self._link_country_prefixed()
        out = [self._candidate(cl) for cl in self._clusters.values()]
        out.sort(key=lambda c: (-c.count, c.lang, c.canonical))
        return out

    def _candidate(self, cl: _Cluster) -> Candidate:
        kind = max(cl.kinds.items(), key=lambda kc: (kc[1], -_KIND_ORDER.get(kc[0], 99)))[0]
        if cl.kinds.get("person") and any(k.startswith("p:") for k in cl.keys):
            kind = "person"
        canonical = choose_canonical(cl.surfaces, kind, cl.lang)
        surfaces = sorted(cl.surfaces, key=lambda s: (-cl.surfaces[s], s))
        contexts = sorted(cl.contexts, key=lambda c: (c.file, c.start))[: self.max_contexts]
        return Candidate(canonical, kind, cl.lang, surfaces, cl.count, contexts)


def choose_canonical(surfaces: Counter[str], kind: str, lang: str) -> str:
    """The house-style form among a cluster's surfaces."""
    if kind == "person" and lang == "en":
        singles = {s for s in surfaces if " " not in s}
        styled = house_style(surfaces, singles)
        if styled:
            return _name_case(styled)
    full = [s for s in surfaces if not is_acronym(s)]
    pool = full or list(surfaces)
    # "New Frontier (Saenuri) Party" is written so once; "Saenuri Party" names it
    pool = [s for s in pool if "(" not in s] or pool
    if kind == "person":
        # the full name: the longest of the most frequent multi-part surfaces
        multi = [s for s in pool if " " in s or (lang != "en" and len(s) > 2)]
        if multi:
            pool = multi

    def score(s: str) -> tuple[int, int, int, int, str]:
        lower_start = 1 if kind == "term" and s[:1].islower() else 0
        words = len(s.split())
        return (lower_start, surfaces[s], words if kind != "term" else 0, len(s), s)

    best = max(pool, key=score)
    if kind != "term":
        # most frequent first, but a fuller name of the same cluster beats a bare
        # one that is only a little more frequent ("Group of 20" over "G20")
        fuller = [
            s
            for s in pool
            if len(s.split()) > len(best.split()) and surfaces[s] * 3 >= surfaces[best]
        ]
        if fuller:
            best = max(fuller, key=score)
    if kind == "person" and lang == "en" and " " in best:
        return _name_case(best)
    return best


def _name_case(name: str) -> str:
    """ "ISHIBA Shigeru" -> "Ishiba Shigeru": a family name in capitals, as a name (a
    Roman numeral stays: "Martin Luther King III")."""
    return " ".join(
        w.capitalize() if len(w) >= 2 and w.isalpha() and w.isupper() and w.strip("IVXLCDM") else w
        for w in name.split(" ")
    )

"""The words of an English sentence (:class:`_Tok`, :func:`_tokenize`), the reading of
words in capitals and of headlines, and the per-article state (:class:`_Doc`).
"""

from __future__ import annotations

import re

from glossary.mining.english_keys import norm_key
from glossary.mining.english_rules import _CORPORATE, LANG, _title_word, rules
from glossary.mining.mention import Mention
from glossary.mining.names import is_japanese_name, is_korean_name, person_key

# Words are runs of letters and digits in any script ("Kōno", "Jun'ichirō", "Ōita"):
# a letter with a macron or an accent never ends a word.
_TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}"  # U.S. U.K. H.E.
    r"|[^\W_]+(?:['’][^\W\d_]+|[.&][^\W_]+)*(?:['’](?![^\W\d_]))?"
)
# a footnote mark in brackets ("[1]", "[12]") is no word: what follows it starts afresh
_FOOTNOTE = re.compile(r"\[\d{1,3}\]")
_OPENERS = frozenset('“"‘(—–:|[«)]')
# "I've", "I’m": a pronoun and its verb, never a name
_PRONOUN_CONTRACTION = re.compile(r"^I['’](?:ve|m|ll|d)$")


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


def _span_text(doc: _Doc, toks: list[_Tok], a: int, b: int) -> str:
    return doc.text[toks[a].start : toks[b - 1].end]


def _is_place(doc: _Doc, text: str) -> bool:
    return text in doc.r.places

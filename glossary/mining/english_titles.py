"""Titles in English text: official titles before names ("Prime Minister"), titles of
works in quotation marks, heading labels before a colon, named phrases and year events.
"""

from __future__ import annotations

import re

from glossary.lang.surnames import english_miner_spellings
from glossary.mining.english_rules import (
    _ARTICLES,
    _head_kind,
    _Rules,
    _title_word,
    general_zipf,
    singular,
)
from glossary.mining.english_tokens import _Doc, _span_text, _Tok

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


def _title_through(r: _Rules, toks: list[_Tok], i: int, k: int) -> int:
    """The last token of a title that starts in the run [i, k] and goes on past k
    through lowercase words ("Assistant to the President"), or k."""
    for p in range(i, k + 1):
        if toks[p].cap:
            tl = _match_title(r, toks, p, len(toks), first=p == i)
            if p + tl - 1 > k and toks[p + tl - 1].cap:
                return p + tl - 1
    return k


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

"""Articles with the glossary's known terms marked, for reading and curating."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from glossary.api import Glossary
from glossary.lang.keys import normalize_key
from glossary.lang.script import HAN, HANGUL, HIRAGANA, KATAKANA, LATIN, char_script
from glossary.store import articles as stored_articles
from glossary.store import entries as stored


@dataclass
class Mark:
    """A stretch of an article's text that is a form of a glossary entry."""

    start: int
    end: int
    entry_id: int
    status: str
    label: str


_MAX_SPAN_WORDS = 6
_MAX_SPAN_CHARS = 12
#: Only this much of an article is searched for known terms (a news article is far
#: shorter; a 5 MB file would otherwise mean tens of millions of candidate keys).
MAX_MARKED_CHARS = 200_000
_CJK = {HANGUL, HAN, HIRAGANA, KATAKANA}


def article(g: Glossary, article_id: int) -> dict[str, Any]:
    """One article with its text, for reading."""
    with g.reading() as s:
        return stored_articles.get_article(s, article_id)


def _spans(text: str) -> dict[str, list[tuple[int, int]]]:
    """Every stretch of text that could be a glossary form, by its lookup key.

    Latin text: runs of up to six words. Korean and Japanese: runs of two to twelve
    characters (spaces inside Korean names included), since words are not separated.
    """
    found: dict[str, list[tuple[int, int]]] = defaultdict(list)
    words: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        script = char_script(text[i])
        if script == LATIN or text[i].isdigit():
            j = i
            while j < n and (
                char_script(text[j]) == LATIN
                or text[j].isdigit()
                or (text[j] in "-'’." and j + 1 < n and char_script(text[j + 1]) == LATIN)
            ):
                j += 1
            words.append((i, j))
            i = j
        elif script in _CJK:
            j = i
            while j < n and (char_script(text[j]) in _CJK or text[j] in " ・"):
                j += 1
            run_end = j
            for a in range(i, run_end):
                if text[a] in " ・":
                    continue
                for b in range(a + 2, min(a + _MAX_SPAN_CHARS, run_end) + 1):
                    if text[b - 1] in " ・":
                        continue
                    found[normalize_key(text[a:b])].append((a, b))
            i = run_end
        else:
            i += 1
    for a in range(len(words)):
        for b in range(a, min(a + _MAX_SPAN_WORDS, len(words))):
            start, end = words[a][0], words[b][1]
            gap = text[words[b - 1][1] : words[b][0]] if b > a else ""
            if b > a and (len(gap) > 1 or gap not in (" ", "-")):
                break
            found[normalize_key(text[start:end])].append((start, end))
            bare = text[start:end]
            if bare.endswith(("'s", "’s")):
                found[normalize_key(bare[:-2])].append((start, end - 2))
    return found


def known_terms(
    g: Glossary, text: str, statuses: Collection[str] = ("approved", "candidate")
) -> list[Mark]:
    """The forms of glossary entries of ``statuses`` (not rejected ones, unless asked)
    found in ``text``, longest first where they overlap, in text order."""
    spans = _spans(text[:MAX_MARKED_CHARS])
    keys = [k for k in spans if len(k) >= 2]
    hits: dict[str, tuple[int, str]] = {}
    with g.reading() as s:
        for key, entry_id, status in stored.entries_with_keys(s, keys, statuses):
            if key not in hits or (hits[key][1] != "approved" and status == "approved"):
                hits[key] = (entry_id, status)
        found = stored.entries_by_id(s, {eid for eid, _ in hits.values()})
    labels = {eid: e.label for eid, e in found.items()}
    candidates = [
        Mark(a, b, eid, status, labels.get(eid, ""))
        for key, (eid, status) in hits.items()
        for a, b in spans[key]
    ]
    candidates.sort(key=lambda m: (-(m.end - m.start), m.start))
    taken = [False] * (len(text) + 1)
    chosen: list[Mark] = []
    for m in candidates:
        if any(taken[m.start : m.end]):
            continue
        for k in range(m.start, m.end):
            taken[k] = True
        chosen.append(m)
    chosen.sort(key=lambda m: m.start)
    return chosen


def segments(text: str, marks: list[Mark]) -> list[tuple[str, Mark | None]]:
    """The text cut into plain pieces and marked pieces, in order, for rendering."""
    out: list[tuple[str, Mark | None]] = []
    pos = 0
    for m in marks:
        if m.start > pos:
            out.append((text[pos : m.start], None))
        out.append((text[m.start : m.end], m))
        pos = m.end
    if pos < len(text):
        out.append((text[pos:], None))
    return out


def article_counts(g: Glossary) -> dict[int, int]:
    """How many evidence sentences each article gave."""
    with g.reading() as s:
        return stored_articles.article_counts(s)

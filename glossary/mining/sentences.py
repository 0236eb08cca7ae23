"""Splitting article text into sentences, for English, Korean and Japanese.

Every splitter returns ``(start, end)`` character spans into the text it was given,
so that a mention's offset can be turned into the sentence that holds it. A line
break always ends a sentence (headlines, captions and paragraphs are one per line).

* English: ``.``, ``!`` or ``?`` (with any closing quotes) and a space end a sentence,
  except after an abbreviation from ``data/en_abbreviations.txt`` ("Jan. 8",
  "Mr. Lee"), a single initial ("John F. Kennedy") or dotted capitals
  ("U.S. President", "the U.S. is").
* Japanese: ``。``, ``！``, ``？`` (and ASCII ``!``/``?``), with closing brackets kept;
  not inside a quotation that goes on (「…重要だ。」と述べた).
* Korean: ``.``, ``!`` or ``?`` followed by a space, except after a Latin
  abbreviation, as English.
"""

from __future__ import annotations

import bisect
import re

from glossary.lang import get_language
from glossary.mining.rules import load_words

# Languages written with spaces (English, Korean): a full stop and a space end a sentence.
_SPACED_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)|\n+")
_JA_END = re.compile(r"[。！？!?]+[」』）)\]”’]*|\n+")
_JA_QUOTE_CONT = frozenset("とっ")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.']*)$")
_NEXT = re.compile(r"\s*[\"'“‘(]*([A-Za-z0-9]?)")


def _abbreviations() -> frozenset[str]:
    return load_words("en_abbreviations.txt")


def _latin_break_ok(text: str, m: re.Match[str], abbrs: frozenset[str]) -> bool:
    """Whether the period matched at ``m`` really ends a sentence."""
    if m.group(0)[0] != ".":
        return True
    word_m = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
    if not word_m:
        return True
    word = word_m.group(1)
    nxt = _NEXT.match(text, m.end())
    following = nxt.group(1) if nxt else ""
    if word.lower().rstrip(".") in abbrs:
        # "Jan. 8", "Mr. Lee": an abbreviation followed by a number or name
        return not (following.isdigit() or following.isupper() or following.islower())
    if len(word) == 1 and word.isupper():
        return False  # an initial: "John F. Kennedy"
    # "U.S. President", "the U.S. is": dotted capitals rarely end a sentence
    return not ("." in word and word.replace(".", "").isupper())


def _split(text: str, pattern: re.Pattern[str], latin_check: bool) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    abbrs = _abbreviations() if latin_check else frozenset()
    start = 0
    n = len(text)
    for m in pattern.finditer(text):
        if m.group(0)[0] != "\n":
            if latin_check and not _latin_break_ok(text, m, abbrs):
                continue
            if not latin_check and text[m.end() : m.end() + 1] in _JA_QUOTE_CONT:
                continue  # 「…重要だ。」と述べた: the quotation goes on
        end = m.end() if m.group(0)[0] != "\n" else m.start()
        _add(text, start, end, spans)
        start = m.end()
    if start < n:
        _add(text, start, n, spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def split_sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """The sentence spans of ``text`` in language ``lang`` (en, ko or ja)."""
    spaced = get_language(lang).spaced
    return _split(text, _SPACED_END if spaced else _JA_END, spaced)


def sentences(text: str, lang: str) -> list[str]:
    """The sentences of ``text`` as strings."""
    return [text[s:e] for s, e in split_sentences(text, lang)]


class SentenceIndex:
    """Finds the sentence holding a character offset (for CJK analysers' offsets)."""

    def __init__(self, text: str, spans: list[tuple[int, int]]) -> None:
        self.text = text
        self.spans = spans
        self._starts = [s for s, _ in spans]

    def span_at(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i < 0:
            return (0, 0)
        return self.spans[i]

    def sentence_at(self, offset: int) -> str:
        s, e = self.span_at(offset)
        return self.text[s:e]

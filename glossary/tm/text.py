"""Sentences as the memory compares them: tokens for match percentages, search tokens
for the candidate index, a hash for 100% matches, and the inline codes of a segment.

* **Match tokens** (:func:`match_tokens`): after Unicode NFKC and case folding, every
  word in Latin script (or any script written with spaces) is one token, every number
  (``1,200``, ``3.5``) one token, and every Korean or Japanese character one token:
  CAT tools measure English by words and Korean and Japanese by characters.
  Punctuation and spaces are not tokens (a difference in them alone costs one point).
* **Search tokens** (:func:`search_grams`): the words and numbers, and every pair of
  neighbouring Korean or Japanese characters (the last of a run alone), folded as the
  lookup folds keys (diacritics removed, katakana as hiragana), so that a search in
  either kana finds both.
"""

from __future__ import annotations

import hashlib
import operator
import re
import unicodedata

from glossary.lang.keys import _LATIN_MARKS

_CJK_CLASS = (
    "\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7a3\ud7b0-\ud7ff"  # Hangul
    "\u3041-\u309f\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9f"  # kana
    "\u3005-\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"  # Han
)
#: Private-use characters stand for placeholders (glossary.tm.match puts one in place
#: of each name it knows before tokenising).
PLACEHOLDERS = "\ue000-\uf8ff"
_TOKEN = re.compile(
    rf"(?P<num>\d+(?:[.,]\d+)*)|(?P<name>[{PLACEHOLDERS}])|(?P<cjk>[{_CJK_CLASS}])"
    rf"|(?P<word>(?:(?![{_CJK_CLASS}])[^\W\d_])+)"
)
_SPACES = re.compile(r"\s+")
#: A match token that stands for a number (compared as a placeable, as CAT tools do).
NUMBER = "\x01"


def normalise(text: str) -> str:
    """The text as matching compares it: NFKC, case folded."""
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFKC", text).casefold()


def collapse(text: str) -> str:
    """The text with runs of white space as one space, trimmed (NFC)."""
    # str.split() and re's \s agree on what white space is (str.isspace).
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return " ".join(text.split())


def exact_key(text: str) -> str:
    """A short hash of the sentence: equal for sentences that differ at most in white
    space, which is what a 100% match needs."""
    return hashlib.blake2b(collapse(text).encode("utf-8"), digest_size=8).hexdigest()


_ASCII_TOKEN = re.compile(r"(?P<num>\d+(?:[.,]\d+)*)|(?P<word>[a-z]+)")


def tokens(normalised: str) -> list[tuple[str, str]]:
    """The match tokens of already normalised text, each with its kind: ``num``,
    ``name`` (a placeholder), ``cjk`` or ``word``."""
    pattern = _ASCII_TOKEN if normalised.isascii() else _TOKEN
    return [(m.lastgroup or "", m.group()) for m in pattern.finditer(normalised)]


def match_tokens(text: str) -> list[str]:
    """The match tokens of ``text`` (see the module's docstring); a number as
    :data:`NUMBER` followed by its digits."""
    return [
        NUMBER + t.replace(",", "") if kind == "num" else t for kind, t in tokens(normalise(text))
    ]


_KANA_TO_HIRAGANA = {cp: cp - 0x60 for cp in range(0x30A1, 0x30F7)}
#: Latin diacritics removed (as strip_latin_diacritics) and katakana as hiragana, in one
#: table: their characters do not overlap, so one pass does both.
_FOLD: dict[int, str | int] = {**_LATIN_MARKS, **_KANA_TO_HIRAGANA}
_FOLDABLE = re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(_FOLD)) + "]")


def fold(text: str) -> str:
    """The text as search folds it: NFKC, case folded, no diacritics, kana as hiragana
    (as :func:`glossary.lang.keys.fold_kana`)."""
    if text.isascii():
        return text.lower()
    text = normalise(text)
    # str.translate looks every character up: only for text that has something to fold.
    return text.translate(_FOLD) if _FOLDABLE.search(text) else text


#: A full stop or comma inside a number (1,200 and 3.5 are searched as 1200 and 35).
_NUMBER_MARK = re.compile(r"(?<=\d)[.,](?=\d)")
_ASCII_RUNS = re.compile(r"[a-z]+|\d+")
_add = operator.add


_CJK_RUN = re.compile(f"[{_CJK_CLASS}]+")
_OTHER = re.compile(rf"(?P<num>\d+(?:[.,]\d+)*)|(?P<name>[{PLACEHOLDERS}])|(?P<word>[^\W\d_]+)")


def _other_grams(part: str, out: list[str]) -> None:
    """The words and numbers of text with no Korean or Japanese in it."""
    for m in _OTHER.finditer(part):
        kind = m.lastgroup
        if kind == "word":
            out.append(m.group())
        elif kind == "num":
            out.append(m.group().replace(".", "").replace(",", ""))


def _grams(folded: str, finals: bool = True) -> list[str]:
    if folded.isascii():  # most English: the same tokens, found faster
        if "." in folded or "," in folded:
            folded = _NUMBER_MARK.sub("", folded)
        return _ASCII_RUNS.findall(folded)
    # Korean and Japanese runs first (no word or number holds a character of them),
    # then what lies between.
    out: list[str] = []
    pos = 0
    for m in _CJK_RUN.finditer(folded):
        start = m.start()
        if start > pos:
            _other_grams(folded[pos:start], out)
        run = m.group()
        out += map(_add, run, run[1:])
        if finals or len(run) == 1:
            out.append(run[-1])
        pos = m.end()
    if pos < len(folded):
        _other_grams(folded[pos:], out)
    return out


def search_grams(text: str, *, finals: bool = True) -> list[str]:
    """The search tokens of ``text``, in order (repeats kept). Without ``finals``, the
    last character of a Korean or Japanese run is not a token of its own (a phrase
    searched for: in a longer sentence, its last character may be followed by more)."""
    return _grams(fold(text), finals)


def grams_text(text: str) -> str:
    """The search tokens as the index stores them: distinct, separated by spaces."""
    return " ".join(dict.fromkeys(search_grams(text)))


_INLINE = re.compile(r"<(bpt|ept|ph|it|hi|ut)\b([^>]*)>")
_TYPE = re.compile(r'\btype="([^"]*)"')


def inline_codes(seg: str) -> list[tuple[str, str]]:
    """The inline codes of a stored segment's XML, in order: (element, type)."""
    if not seg:
        return []
    out = []
    for m in _INLINE.finditer(seg):
        t = _TYPE.search(m.group(2))
        out.append((m.group(1), t.group(1) if t else ""))
    return out

"""Korean names and terms read off how a word is written, after the engine has run.

Each function takes the analysed tokens (``korean.tokens``) and returns spans
``(start, end, kind)`` for ``korean.mine_text`` to put in place of what the engine
found inside them:

- ``letter_prefix_terms``: a capital letter, a hyphen and a Korean noun ("K-컬처",
  "K-방역") are one term, as "K-pop" is in English.
- ``glued_institutions``: nouns written together as one long word that ends in an
  organisation's or facility's head ("국립세계문자박물관", "한국장애인문화예술원"):
  Korean writes an institution's name without spaces and a common phrase with them.
- ``loose_acronyms``: a Latin acronym the engine read as part of a common-noun run
  ("정보 공유 WHO 파견") is an organisation's name of its own; two acronyms side by
  side ("WHO WPRO") are two names.
- ``numbered_works``: an ordinal, then nouns that end in a document's or an event's
  head ("제2차 문화진흥 5개년 기본계획", "제3차 국가균형발전 기본계획"): a numbered plan
  or meeting is one name.
- ``no_names``: what only looks like a name or term: a country's language (한국어,
  일본어: a nationality word, as the guideline excludes demonyms) and a term written
  onto a number ("10대과제": 대 counts the 10).
- ``inner_institutions``: a proper noun that opens a longer name and has an
  organisation's head of its own ("세계보건기구" in 세계보건기구 서태평양지역 사무처) is
  a row too (the guideline's nesting rule).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from glossary.mining.cjk import CTok
from glossary.mining.countries import country_key
from glossary.mining.mention import Mention

Span = tuple[int, int, str]
#: token categories that make up a noun written as one word
_NOUN_PARTS = frozenset(("N", "P", "PRE", "SUF"))
#: a long word of at least this many tokens and syllables is an institution's name
#: when it ends in a head ("국가안보실", three tokens and five syllables, is the engine's)
_GLUED_TOKENS = 3
_GLUED_SYLLABLES = 6


def _glued_runs(toks: Sequence[CTok]) -> list[list[CTok]]:
    """Runs of noun tokens written with no space between them."""
    runs: list[list[CTok]] = []
    cur: list[CTok] = []
    for t in toks:
        if t.cat in _NOUN_PARTS and cur and cur[-1].end == t.start:
            cur.append(t)
            continue
        if cur:
            runs.append(cur)
        cur = [t] if t.cat in _NOUN_PARTS else []
    if cur:
        runs.append(cur)
    return runs


def letter_prefix_terms(text: str, toks: Sequence[CTok]) -> list[Span]:
    """ "K-컬처", "K-팝": one capital letter, a hyphen, then a noun written onto it."""
    spans: list[Span] = []
    for k in range(len(toks) - 2):
        letter, dash, noun = toks[k], toks[k + 1], toks[k + 2]
        if not (
            letter.cat == "L"
            and len(letter.form) == 1
            and letter.form.isupper()
            and dash.form == "-"
            and letter.end == dash.start
            and dash.end == noun.start
            and noun.cat in ("N", "P")
        ):
            continue
        if letter.start and text[letter.start - 1].isalnum():
            continue  # "F-35" and "KF-21" are models, read elsewhere
        end = noun.end
        for t in toks[k + 3 :]:
            if t.cat not in _NOUN_PARTS or t.start != end:
                break
            end = t.end
        spans.append((letter.start, end, "term"))
    return spans


def glued_institutions(
    text: str,
    toks: Sequence[CTok],
    mentions: Sequence[Mention],
    head_kind: Callable[[str, bool], str | None],
) -> list[Span]:
    """ "국립세계문자박물관": three nouns or more and six syllables or more written as one
    word, ending in an organisation's or a facility's head (``head_kind`` of the word;
    a one-syllable head only after a proper noun: "한국장애인문화예술원", not
    "당선예측조사"), and inside no longer name ("유네스코 세계유산위원회")."""
    spans: list[Span] = []
    for run in _glued_runs(toks):
        start, end = run[0].start, run[-1].end
        word = text[start:end]
        if len(run) < _GLUED_TOKENS or len(word) < _GLUED_SYLLABLES:
            continue
        if start and not (text[start - 1].isspace() or text[start - 1] in "(‘“'\"「"):
            continue  # written onto a number or a letter: no name of its own
        if any(m.start <= start and end <= m.end and m.end - m.start > len(word) for m in mentions):
            continue
        kind = head_kind(word, run[0].cat == "P")
        if kind in ("org", "facility"):
            spans.append((start, end, kind))
    return spans


def numbered_works(
    text: str, toks: Sequence[CTok], head_kind: Callable[[str, bool], str | None]
) -> list[Span]:
    """ "제2차 문화진흥 5개년 기본계획": an ordinal (제2차, 제3회), then nouns, numbers and
    their counters (5개년) one space apart at most, up to the last that ends in a work's
    or an event's head of two syllables or more."""
    spans: list[Span] = []
    for k, t in enumerate(toks):
        if t.sub != "ordinal":
            continue
        best: Span | None = None
        prev = t
        for u in toks[k + 1 :]:
            gap = text[prev.end : u.start]
            counter = u.cat == "O" and prev.cat == "D" and gap == "" and u.form.isalpha()
            if gap not in ("", " ") or not (u.cat in _NOUN_PARTS or u.cat == "D" or counter):
                break
            prev = u
            if u.cat in ("N", "SUF"):
                kind = head_kind(text[t.end : u.end], False)
                if kind in ("work", "event"):
                    best = (t.start, u.end, kind)
        if best is not None:
            spans.append(best)
    return spans


def _subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(w in it for w in short)


def short_titles(mentions: Sequence[Mention]) -> list[tuple[Mention, Mention]]:
    """ "제2차 문화진흥 기본계획" of "제2차 문화진흥 5개년 기본계획": a numbered work or event
    with the same first and last words as a longer one and some of its words between, as
    (short, long); only where one longer title fits."""
    named = [m for m in mentions if m.kind in ("work", "event") and m.surface.startswith("제")]
    pairs: list[tuple[Mention, Mention]] = []
    for m in named:
        words = m.surface.split(" ")
        longer = {
            x.normalized: x
            for x in named
            if len(x.surface.split(" ")) > len(words) >= 2
            and x.surface.split(" ")[0] == words[0]
            and x.surface.split(" ")[-1] == words[-1]
            and _subsequence(words, x.surface.split(" "))
        }
        if len(longer) == 1:
            pairs.append((m, next(iter(longer.values()))))
    return pairs


def no_names(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """Mentions that name nothing: "한국어", "일본어"; "대과제" in "10대과제"."""
    return [
        m
        for m in mentions
        if (
            m.surface.endswith("어")
            and " " not in m.surface
            and country_key(m.surface[:-1], "ko") is not None
        )
        or (m.kind == "term" and m.start and text[m.start - 1].isdigit())
    ]


def _acronym(form: str, common: frozenset[str]) -> bool:
    return len(form) >= 2 and form.isalpha() and form.isupper() and form not in common


def acronym_runs(mentions: Sequence[Mention], common: frozenset[str]) -> list[Mention]:
    """Mentions made of two acronyms or more side by side ("WHO WPRO")."""
    return [
        m
        for m in mentions
        if " " in m.surface and all(_acronym(w, common) for w in m.surface.split(" "))
    ]


def loose_acronyms(
    toks: Sequence[CTok], mentions: Sequence[Mention], common: frozenset[str]
) -> list[Span]:
    """Acronyms no mention covers, and each acronym of ``acronym_runs``."""
    spans: list[Span] = []
    runs = acronym_runs(mentions, common)
    for m in runs:
        at = m.start
        for w in m.surface.split(" "):  # "WHO WPRO": two organisations
            spans.append((at, at + len(w), "org"))
            at += len(w) + 1
    mentions = [m for m in mentions if m not in runs]
    for t in toks:
        if t.cat != "L" or not _acronym(t.form, common):
            continue
        if any(m.start <= t.start and t.end <= m.end for m in mentions):
            continue
        spans.append((t.start, t.end, "org"))
    return spans


def bracketed_expansions(text: str, mentions: Sequence[Mention]) -> list[tuple[Mention, Mention]]:
    """ "WPRO(세계보건기구 서태평양지역 사무처)": an acronym and the name in brackets
    right after it, as (acronym, name)."""
    closed = {m.start: m for m in mentions if text[m.end : m.end + 1] == ")"}
    pairs: list[tuple[Mention, Mention]] = []
    for m in mentions:
        if not m.surface.isascii() or not m.surface.isupper():
            continue
        name = closed.get(m.end + 1)
        if name is not None and text[m.end : m.end + 1] == "(":
            pairs.append((m, name))
    return pairs


def acronym_equivalents(
    mentions: Sequence[Mention], equivalents: Mapping[str, Sequence[str]]
) -> list[tuple[Mention, Mention]]:
    """ "WHO" and 세계보건기구 in one article: an acronym listed among a Korean name's
    English forms (ko_en_equivalents.txt) and that name, as (acronym, name)."""
    korean_of = {e: ko for ko, forms in equivalents.items() for e in forms if e.isupper()}
    names = {m.surface.replace(" ", ""): m for m in mentions if m.kind != "term"}
    pairs: list[tuple[Mention, Mention]] = []
    for m in mentions:
        name = names.get(korean_of.get(m.surface, ""))
        if name is not None:
            pairs.append((m, name))
    return pairs


def inner_institutions(
    toks: Sequence[CTok], mentions: Sequence[Mention], head_kind: Callable[[str], str | None]
) -> list[Span]:
    """The first word of a longer name when it is one proper noun with a head of two
    syllables or more of its own ("세계보건기구", 기구)."""
    spans: list[Span] = []
    have = {(m.start, m.end) for m in mentions}
    by_start = {t.start: t for t in toks}
    for m in mentions:
        if m.kind not in ("org", "facility") or " " not in m.surface:
            continue
        first = by_start.get(m.start)
        if first is None or first.cat != "P" or (first.start, first.end) in have:
            continue
        if first.end >= m.end or m.surface[first.end - m.start] != " ":
            continue
        kind = head_kind(first.form)
        if kind in ("org", "facility"):
            spans.append((first.start, first.end, kind))
    return spans

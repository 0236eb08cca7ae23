"""Guess the Hangul behind a Korean name found in English text ("Lee Jae-myung" → 이재명).

Romanized names lose information (Lee may be 이 or 리; Suk may be 석 or 숙), so the
answer is a ranked list of candidates with scores that add up to 1, for a translator
to confirm. Person names are read with the conventional spelling tables of
:mod:`glossary.lang.ko.press` in reverse, then by inverting strict RR syllable by
syllable, then by inverting RR after undoing common conventional habits (oo → u,
u → eo, initial k p t ch → g b d j, …), each step scoring lower. Place names
(:func:`place_candidates`) are read as strict RR, undoing the sound changes RR
writes: every candidate is romanized again and kept only when it gives back the
input; when the optional Kiwi analyser (``glossary[ko]``, kiwipiepy) is installed,
its dictionary re-ranks them so that real names come first (종로 before 종노). Kiwi
takes one or two seconds to load, on the first call only.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import Any

from glossary.lang.ko.exceptions import exceptions
from glossary.lang.ko.jamo import FINALS, INITIALS, VOWELS, compose, decompose
from glossary.lang.ko.press import RANK_DECAY, syllable_spellings
from glossary.lang.ko.romanize import UNITS, romanize, syllable_rr, word_syllables
from glossary.lang.surnames import press_spellings

Candidates = list[tuple[str, float]]

MAX_SYLLABLE_LETTERS = 7  # "chwaeng" is the longest RR syllable
BEAM = 40
RR_WEIGHT = 0.3  # a syllable read by strict RR inversion, against a table spelling
RELAXED_WEIGHT = 0.5  # per conventional habit undone
EXTRA_SYLLABLE = 0.3  # a hyphen- or space-separated part read as two syllables
NAME_ORDER_SWAP = 0.5  # given name first, family name last ("Jae-myung Lee")
INITIAL_SOUND_ALTERNATE = 0.3  # 이 → 리, 노 → 로: the same surname without 두음법칙
UNCOMMON_SYLLABLE = 0.05  # a syllable outside KS X 1001's 2,350 everyday ones (뮹, 똠)

# Conventional habits undone before inverting RR: (pattern, replacement).
_HABITS: tuple[tuple[str, str], ...] = (
    (r"^k(?!k)", "g"),
    (r"^p(?!p)", "b"),
    (r"^t(?!t)", "d"),
    (r"^ch", "j"),
    (r"^sh", "s"),
    (r"^l", "r"),
    (r"oo", "u"),
    (r"ee", "i"),
    (r"(?<![yeo])u", "eo"),
    (r"yu", "yeo"),
    (r"uh$", "eo"),
    (r"oh$", "o"),
    (r"ah$", "a"),
    (r"eui", "ui"),
    (r"^wh", "hw"),
    (r"ea", "eo"),
)


def _add(table: dict[str, dict[str, float]], key: str, hangul: str, weight: float) -> None:
    bucket = table[key.lower()]
    bucket[hangul] = max(bucket.get(hangul, 0.0), weight)


@cache
def _rr_syllables() -> dict[str, dict[str, float]]:
    """Map every strict RR syllable spelling to the Hangul syllables it may stand for."""
    table: dict[str, dict[str, float]] = defaultdict(dict)
    simple_finals = {"", "ㄱ", "ㄴ", "ㄹ", "ㅁ", "ㅂ", "ㅇ"}
    for initial in INITIALS:
        for vowel in VOWELS:
            for final in FINALS:
                ch = compose(initial, vowel, final)
                weight = RR_WEIGHT * (1.0 if final in simple_finals else 0.05)
                if len(ch.encode("euc_kr")) != 2:  # not among the 2,350 KS X 1001 syllables
                    weight *= UNCOMMON_SYLLABLE
                if initial in ("ㄲ", "ㄸ", "ㅃ", "ㅆ", "ㅉ"):
                    weight *= 0.2
                _add(table, syllable_rr(ch), ch, weight)
    return dict(table)


@cache
def _given_syllables() -> dict[str, dict[str, float]]:
    """Map each conventional given-name spelling (lowercase) to its syllables, weighted."""
    table: dict[str, dict[str, float]] = defaultdict(dict)
    for syllable, spellings in syllable_spellings().items():
        for rank, spelling in enumerate(spellings):
            _add(table, spelling, syllable, RANK_DECAY**rank)
    return dict(table)


def _initial_sound_alternate(surname: str) -> str | None:
    """The surname as written without the initial-sound rule (이 → 리, 노 → 로), if any."""
    if len(surname) != 1:
        return None
    initial, vowel, final = decompose(surname)
    if initial == "ㅇ" and vowel in ("ㅣ", "ㅑ", "ㅕ", "ㅖ", "ㅛ", "ㅠ"):
        return compose("ㄹ", vowel, final)
    if initial == "ㄴ" and vowel in ("ㅏ", "ㅐ", "ㅗ", "ㅚ", "ㅜ", "ㅡ"):
        return compose("ㄹ", vowel, final)
    return None


@cache
def _surnames() -> dict[str, dict[str, float]]:
    """Map each conventional or RR family-name spelling (lowercase) to surnames, weighted."""
    table: dict[str, dict[str, float]] = defaultdict(dict)
    for surname, spellings in press_spellings().items():
        for rank, spelling in enumerate(spellings):
            weight = RANK_DECAY**rank
            _add(table, spelling, surname, weight)
            alternate = _initial_sound_alternate(surname)
            if alternate:
                _add(table, spelling, alternate, weight * INITIAL_SOUND_ALTERNATE)
        strict = "".join(syllable_rr(ch) for ch in surname)
        _add(table, strict, surname, RANK_DECAY ** len(spellings))
    return dict(table)


@lru_cache(maxsize=4096)
def _relaxed(piece: str) -> tuple[tuple[str, float], ...]:
    """RR spellings ``piece`` may be a conventional form of, with the penalty for each."""
    found: dict[str, float] = {piece: 1.0}
    frontier = [piece]
    for _ in range(3):
        following: list[str] = []
        for text in frontier:
            for pattern, replacement in _HABITS:
                changed = re.sub(pattern, replacement, text)
                weight = found[text] * RELAXED_WEIGHT
                if changed != text and found.get(changed, 0.0) < weight:
                    found[changed] = weight
                    following.append(changed)
        frontier = following
    return tuple(found.items())


@lru_cache(maxsize=8192)
def _syllable_readings(piece: str) -> tuple[tuple[str, float], ...]:
    """Hangul syllables one romanized syllable may stand for, best first."""
    scores: dict[str, float] = dict(_given_syllables().get(piece, {}))
    rr = _rr_syllables()
    for spelling, penalty in _relaxed(piece):
        for hangul, weight in rr.get(spelling, {}).items():
            scores[hangul] = max(scores.get(hangul, 0.0), weight * penalty)
    return tuple(sorted(scores.items(), key=lambda item: -item[1])[:BEAM])


def _segment(letters: str, *, parts_hint: int | None = None) -> Candidates:
    """Read a run of letters as one or more syllables; best readings first.

    ``parts_hint`` is the number of syllables the writer marked (by hyphens or
    spaces); each syllable beyond it costs :data:`EXTRA_SYLLABLE`.
    """
    letters = letters.lower()
    best: list[Candidates] = [[] for _ in range(len(letters) + 1)]
    best[0] = [("", 1.0)]
    for start in range(len(letters)):
        if not best[start]:
            continue
        for end in range(start + 1, min(len(letters), start + MAX_SYLLABLE_LETTERS) + 1):
            readings = _syllable_readings(letters[start:end])
            if not readings:
                continue
            extended = best[end] + [
                (prefix + hangul, score * weight)
                for prefix, score in best[start]
                for hangul, weight in readings
            ]
            best[end] = _top(extended)
    results = best[len(letters)]
    if parts_hint is not None:
        results = [
            (text, score * EXTRA_SYLLABLE ** max(0, len(text) - parts_hint))
            for text, score in results
        ]
    return _top(results)


def _top(candidates: Iterable[tuple[str, float]], limit: int = BEAM) -> Candidates:
    merged: dict[str, float] = {}
    for text, score in candidates:
        if score > merged.get(text, 0.0):
            merged[text] = score
    return sorted(merged.items(), key=lambda item: (-item[1], item[0]))[:limit]


def _read_given(parts: list[str]) -> Candidates:
    """Read the parts of a given name (each usually one syllable) into Hangul."""
    readings: Candidates = [("", 1.0)]
    for part in parts:
        options = _segment(part, parts_hint=1)
        readings = _top(
            (done + text, score * weight) for done, score in readings for text, weight in options
        )
    return readings


def _read_family(token: str) -> Candidates:
    """Read a family name: the surname tables first, then RR inversion (one or two syllables)."""
    known = _surnames().get(token.lower())
    if known:
        return sorted(known.items(), key=lambda item: -item[1])
    return [(t, s * RR_WEIGHT) for t, s in _segment(token) if 1 <= len(t) <= 2]


def _normalise(candidates: Candidates, limit: int) -> Candidates:
    top = _top(candidates, limit)
    total = sum(score for _, score in top) or 1.0
    return [(text, round(score / total, 4)) for text, score in top]


def hangul_candidates(romanized: str, *, limit: int = 10) -> Candidates:
    """Rank the Hangul spellings a romanized Korean person's name may stand for.

    ``"Lee Jae-myung"`` gives 이재명 first; ``"Lee"`` gives 이 then 리; ``"Jae-myung"``
    (a hyphenated given name alone) gives 재명. Scores add up to 1. A SUGGESTION.
    """
    cleaned = re.sub(r"['’ʼ]", "", romanized)  # McCune-Reischauer apostrophes: Ch'oe
    cleaned = re.sub(r"[^A-Za-z\-]+", " ", cleaned)
    tokens = [t.strip("-") for t in cleaned.split() if t.strip("-")]
    if not tokens:
        return []
    candidates: Candidates = []
    if len(tokens) == 1:
        token = tokens[0]
        parts = [p for p in token.split("-") if p]
        if "-" not in token:
            candidates.extend(_read_family(token))
        candidates.extend(_read_given(parts) if len(parts) > 1 else _segment(token))
        return _normalise(candidates, limit)
    family_first = _read_family(tokens[0])
    given_parts = [p for t in tokens[1:] for p in t.split("-") if p]
    given = _read_given(given_parts)
    candidates.extend(
        (f + g, fs * gs) for (f, fs), (g, gs) in itertools.product(family_first[:5], given[:10])
    )
    last = tokens[-1].lower()
    if last in _surnames() and "-" not in last:
        family_last = _read_family(tokens[-1])
        given_first = _read_given([p for t in tokens[:-1] for p in t.split("-") if p])
        candidates.extend(
            (f + g, fs * gs * NAME_ORDER_SWAP)
            for (f, fs), (g, gs) in itertools.product(family_last[:5], given_first[:10])
        )
    return _normalise(candidates, limit)


@cache
def _unit_romanizations() -> dict[str, str]:
    return {"".join(word_syllables(unit)): unit for unit in UNITS}


def place_candidates(romanized: str, *, limit: int = 10) -> Candidates:
    """Rank the Hangul spellings of a place name written in strict RR (Gyeongju → 경주).

    Only candidates whose own romanization (``kind="place"``) gives back the input,
    ignoring case, are kept; sound changes (Jongno → 종로, Silla → 신라) are undone
    syllable by syllable. A SUGGESTION: several spellings may romanize alike.
    """
    text = romanized.strip()
    stem, unit = text, ""
    head, dash, tail = text.rpartition("-")
    if dash and tail.lower() in _unit_romanizations():
        stem, unit = head, _unit_romanizations()[tail.lower()]
    letters = re.sub(r"[^a-z]", "", stem.lower())
    if not letters:
        return []
    wanted = text.lower()
    kept: Candidates = []
    for hangul, score in _with_liaison_undone(_place_readings(letters)[:50]):
        if romanize(hangul + unit, kind="place").lower() == wanted:
            kept.append((hangul + unit, score))
    for word in exceptions():
        if romanize(word + unit, kind="place").lower() == wanted:
            kept.append((word + unit, 1.0))
    return _normalise(_rescore_with_dictionary(_top(kept, 30)), limit)


_LINKABLE = frozenset("ㄱㄴㄷㄹㅁㅂㅅㅈㅊㅋㅌㅍ")


def _with_liaison_undone(readings: Candidates) -> Candidates:
    """Add readings where a consonant heard at a syllable's start was the final of the
    syllable before (서락 → 설악 for Seorak), at one or two places, scored lower."""
    out = list(readings)
    for text, score in readings:
        variants = [(text, score)]
        for _ in range(2):
            following: Candidates = []
            for variant, weight in variants:
                for i in range(len(variant) - 1):
                    left, right = decompose(variant[i]), decompose(variant[i + 1])
                    if left.final or right.initial not in _LINKABLE:
                        continue
                    moved = (
                        variant[:i]
                        + compose(left.initial, left.vowel, right.initial)
                        + compose("ㅇ", right.vowel, right.final)
                        + variant[i + 2 :]
                    )
                    following.append((moved, weight * 0.5))
            out.extend(following)
            variants = following
    return _top(out, 400)


@cache
def _kiwi() -> Any:
    """The Kiwi morphological analyser (optional extra ``glossary[ko]``), or None."""
    try:
        from kiwipiepy import Kiwi
    except ImportError:
        return None
    return Kiwi()


def _rescore_with_dictionary(candidates: Candidates) -> Candidates:
    """Favour spellings Kiwi's dictionary knows (종로 over 종노), when Kiwi is installed.

    Kiwi scores each candidate as a log-probability; the candidate's own score is
    multiplied by its probability relative to the best one.
    """
    kiwi = _kiwi()
    if kiwi is None or len(candidates) < 2:
        return candidates
    logs = [kiwi.analyze(text, top_n=1)[0][1] for text, _ in candidates]
    best = max(logs)
    return [
        (text, score * math.exp(log - best))
        for (text, score), log in zip(candidates, logs, strict=True)
    ]


def _place_readings(letters: str) -> Candidates:
    """Hangul readings of strict RR letters, with the sound changes RR writes undone."""
    rr = _rr_syllables()
    best: list[Candidates] = [[] for _ in range(len(letters) + 1)]
    best[0] = [("", 1.0)]
    for start in range(len(letters)):
        for end in range(start + 1, min(len(letters), start + MAX_SYLLABLE_LETTERS) + 1):
            readings = _surface_readings(letters[start:end], rr)
            if not readings or not best[start]:
                continue
            best[end] = _top(
                best[end]
                + [
                    (prefix + hangul, score * weight)
                    for prefix, score in best[start]
                    for hangul, weight in readings
                ],
                limit=200,
            )
    return best[len(letters)]


def _surface_readings(piece: str, rr: dict[str, dict[str, float]]) -> list[tuple[str, float]]:
    """Syllables that may be heard as ``piece``: as written, or with a sound change undone."""
    out: dict[str, float] = dict(rr.get(piece, {}))
    if piece.startswith("l"):  # the second l of ll: ㄹ (울릉) or ㄴ (신라 → silla)
        for hangul, weight in rr.get("r" + piece[1:], {}).items():
            out[hangul] = max(out.get(hangul, 0.0), weight)
            _, vowel, final = decompose(hangul)
            out[compose("ㄴ", vowel, final)] = weight * 0.5
    for hangul, weight in list(out.items()):
        initial, vowel, final = decompose(hangul)
        if initial == "ㄴ":  # 종로 → jongno
            alt = compose("ㄹ", vowel, final)
            out[alt] = max(out.get(alt, 0.0), weight * 0.5)
        swaps = {"ㅇ": "ㄱ", "ㅁ": "ㅂ", "ㄴ": "ㄷ", "ㄹ": "ㄴ"}  # 백마 → baengma, 신라 → silla
        if final in swaps:
            alt = compose(initial, vowel, swaps[final])
            out[alt] = max(out.get(alt, 0.0), weight * 0.5)
    return sorted(out.items(), key=lambda item: -item[1])[:BEAM]

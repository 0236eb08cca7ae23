"""Everything a glossary entry needs to show a Japanese name in Latin letters, from one call.

``romanize_entry("高市早苗", kind="person")`` picks the reading (the curated one the
caller passes wins; otherwise the top suggestion), romanizes it three ways (strict
Hepburn, press form, passport form), splits a person's name into family and given
name, and lists the other suggested readings with their romanizations so a
translator can spot a wrong guess. It feeds ``glossary romanize --lang ja``.
"""

from __future__ import annotations

from typing import Any

from glossary.lang.ja.hangul import to_hangul
from glossary.lang.ja.hepburn import hepburn, passport, passport_variants, plain
from glossary.lang.ja.kana import is_kana, to_hiragana
from glossary.lang.ja.names import split_person_name
from glossary.lang.ja.readings import (
    PERSON,
    PLACE,
    Reading,
    layout_for,
    suggest_readings,
)

CURATED = "curated"
SUGGESTED = "suggested"


def _capitalize_first(text: str) -> str:
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1 :]
    return text


def _forms(reading: Reading, kind: str | None) -> dict[str, Any]:
    """The romanized forms of one reading."""
    kana, bounds, parts = reading.layout()
    proper = kind in (PERSON, PLACE)
    strict = hepburn(kana, boundaries=bounds, particles=parts, capitalize=proper)
    press = plain(kana, boundaries=bounds, particles=parts, capitalize=proper)
    if not proper:
        strict, press = _capitalize_first(strict), _capitalize_first(press)
    return {
        "reading": reading.kana,
        "strict": strict,
        "plain": press,
        "passport": passport(kana, boundaries=bounds),
        "passport_variants": passport_variants(kana, boundaries=bounds),
        "hangul": _hangul(kana, bounds),
    }


# Korean writes Japanese administrative units with their Sino-Korean names: 나라현,
# 도쿄도, 오사카부, 우베시, 미나토구 (국립국어원 외래어 표기 용례); 町 and 村 are
# transcribed like the rest (나가타초).
_ADMIN_HANGUL = {"けん": "현", "と": "도", "ふ": "부", "し": "시", "く": "구", "ぐん": "군"}


def _hangul(kana: str, bounds: list[int]) -> str:
    """Hangul of a laid-out reading: hyphens dropped, an administrative suffix translated."""
    stem, dash, suffix = kana.rpartition("-")
    if dash and suffix in _ADMIN_HANGUL:
        plain_stem = stem.replace("-", "")
        stem_bounds = [b - kana[:b].count("-") for b in bounds if b < len(stem)]
        return to_hangul(plain_stem, boundaries=stem_bounds) + _ADMIN_HANGUL[suffix]
    flat = kana.replace("-", "")
    return to_hangul(flat, boundaries=[b - kana[:b].count("-") for b in bounds])


def _curated_reading(text: str, reading: str, kind: str | None) -> Reading:
    """Wrap the caller's reading, with morpheme boundaries from UniDic when it reads the same."""
    hira = " ".join(to_hiragana(reading).split())
    if kind == PERSON or is_kana(text):
        return _person_or_kana_reading(text, hira, kind)
    lay = layout_for(text.replace(" ", ""), hira.replace(" ", ""), words=True)
    if lay is not None and " " not in hira:
        return Reading(hira, 1.0, CURATED, lay.boundaries, lay.particles, lay.words, lay.hyphens)
    return Reading(hira, 1.0, CURATED)


def _person_or_kana_reading(text: str, hira: str, kind: str | None) -> Reading:
    if kind != PERSON or is_kana(text):
        return Reading(hira, 1.0, CURATED)
    split = split_person_name(text, hira)
    bounds: list[int] = []
    fam_r = split.family_reading or ""
    giv_r = split.given_reading or ""
    if fam_r and " ".join(p for p in (fam_r, giv_r) if p) == hira:
        lay = layout_for(split.family, fam_r, words=False)
        if lay is not None:
            bounds += lay.boundaries
        if giv_r:
            lay = layout_for(split.given, giv_r, words=False)
            if lay is not None:
                bounds += [len(fam_r) + 1 + b for b in lay.boundaries]
    return Reading(hira, 1.0, CURATED, bounds)


def romanize_entry(
    text: str, *, kind: str | None = None, reading: str | None = None
) -> dict[str, Any]:
    """Reading, romanizations, name parts and alternatives for one Japanese name or term.

    Keys: ``reading`` (hiragana used), ``reading_source`` ("curated" when the caller
    gave the reading or the text is kana, else "suggested"), ``strict`` (Hepburn with
    macrons), ``plain`` (press form), ``passport`` and ``passport_variants`` (OH form),
    ``hangul`` (Korean transcription of the reading), ``family`` and ``given`` (for
    ``kind="person"``: dicts with ``text``, ``reading``, ``strict``, ``plain``,
    ``passport`` and ``hangul``; None otherwise), ``confidence`` (score of the reading
    used; 1.0 when curated) and ``alternatives`` (other suggested readings, each with
    ``reading``, ``strict``, ``plain``, ``score`` and ``source``).
    """
    text = text.strip()
    suggestions: list[Reading] = []
    if reading:
        chosen = _curated_reading(text, reading, kind)
        source = CURATED
    elif is_kana(text):
        chosen = Reading(" ".join(to_hiragana(text).replace("・", " ").split()), 1.0, CURATED)
        source = CURATED
    else:
        suggestions = suggest_readings(text, kind=kind)
        if not suggestions:
            return {
                "reading": None,
                "reading_source": None,
                "strict": None,
                "plain": None,
                "passport": None,
                "passport_variants": [],
                "hangul": None,
                "family": None,
                "given": None,
                "confidence": 0.0,
                "alternatives": [],
            }
        chosen = suggestions[0]
        source = SUGGESTED
    result: dict[str, Any] = _forms(chosen, kind)
    result["reading_source"] = source
    result["confidence"] = chosen.score
    result["family"] = None
    result["given"] = None
    if kind == PERSON:
        result["family"], result["given"] = _name_parts(text, chosen)
    alternatives = []
    for alt in suggestions[1:]:
        if alt.kana == chosen.kana:
            continue
        forms = _forms(alt, kind)
        alternatives.append(
            {
                "reading": alt.kana,
                "strict": forms["strict"],
                "plain": forms["plain"],
                "score": alt.score,
                "source": alt.source,
            }
        )
    result["alternatives"] = alternatives
    return result


def _name_parts(text: str, chosen: Reading) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    fam_r, _, giv_r = chosen.kana.partition(" ")
    if is_kana(text):
        split = split_person_name(text)
        fam_text, giv_text = split.family, split.given
        if split.western_order:
            fam_r, giv_r = to_hiragana(split.family), to_hiragana(split.given)
    elif chosen.split is not None:
        stripped = text.replace(" ", "").replace("\u3000", "")
        fam_text, giv_text = stripped[: chosen.split], stripped[chosen.split :]
    else:
        split = split_person_name(text, chosen.kana)
        fam_text, giv_text = split.family, split.given
    cut = len(fam_r) + 1
    fam_bounds = [b for b in chosen.boundaries if b < len(fam_r)]
    giv_bounds = [b - cut for b in chosen.boundaries if b > cut]

    def part(surface: str, kana: str, bounds: list[int]) -> dict[str, Any] | None:
        if not surface and not kana:
            return None
        return {
            "text": surface,
            "reading": kana or None,
            "strict": hepburn(kana, boundaries=bounds, capitalize=True) if kana else None,
            "plain": plain(kana, boundaries=bounds, capitalize=True) if kana else None,
            "passport": passport(kana, boundaries=bounds) if kana else None,
            "hangul": to_hangul(kana, boundaries=bounds) if kana else None,
        }

    return part(fam_text, fam_r, fam_bounds), part(giv_text, giv_r, giv_bounds)

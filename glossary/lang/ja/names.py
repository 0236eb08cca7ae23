"""Split a Japanese person's name into family and given name (高市早苗 → 高市 + 早苗).

Kanji full names are written family name first with nothing between the parts, so
the division has to be inferred. Evidence, strongest first:

1. a space (or ・) in the name, or a space in the reading the caller gives;
2. UniDic's name tags (名詞,固有名詞,人名,姓 and …,人名,名) in its best analyses;
3. JMnedict surname entries for the first part and given-name entries for the rest,
   where jamdict-data is installed;
4. a length prior (two-kanji family names are the most common).

Katakana foreign names with a middle dot (ドナルド・トランプ) are in Western order,
given name first, and are split on the dot. The namedivider-python package (which
claims 99.9%) is deliberately not used: it pulls in pandas, scipy and lightgbm, and
its better model is downloaded at run time, which this tool cannot rely on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from glossary.lang.ja import analyzers, jmnedict
from glossary.lang.ja.kana import is_kana, to_hiragana
from glossary.lang.ja.readings import PERSON, part_readings, person_splits, suggest_readings
from glossary.lang.script import HAN, char_script

_DOTS = re.compile(r"[・=＝･]")
_SPACES = re.compile(r"[ \u3000]+")


@dataclass
class NameSplit:
    """A person's name divided into family and given name, with readings (hiragana) when known."""

    family: str
    given: str
    family_reading: str | None
    given_reading: str | None
    confidence: float  # 0..1
    western_order: bool = False  # True for katakana names written given・family


def _split_kana_reading(reading: str) -> tuple[str, str] | None:
    parts = _SPACES.split(to_hiragana(reading).strip())
    if len(parts) == 2:
        return parts[0], parts[1]
    return None


def split_person_name(name: str, reading: str | None = None) -> NameSplit:
    """Divide ``name`` into family and given name; ``reading`` (kana) helps when given.

    Returns the whole name as ``family`` with an empty ``given`` and a low confidence
    when there is nothing to go on (a single kanji, or an unknown katakana name).
    """
    name = name.strip()
    if not name:
        return NameSplit("", "", None, None, 0.0)
    if is_kana(name) or (_DOTS.search(name) and not any(char_script(c) == HAN for c in name)):
        return _split_kana_name(name)
    parts = _SPACES.split(name)
    if len(parts) == 2:
        return _with_readings(parts[0], parts[1], reading, 0.99)
    stripped = "".join(parts)
    if reading:
        return _split_with_reading(stripped, reading)
    suggestions = suggest_readings(stripped, kind=PERSON, limit=1)
    splits = person_splits(stripped)
    if suggestions and suggestions[0].split is not None:
        top = suggestions[0]
        k = top.split
        assert k is not None
        fam_r, _, giv_r = top.kana.partition(" ")
        conf = dict(splits).get(k, 0.5)
        return NameSplit(stripped[:k], stripped[k:], fam_r, giv_r or None, round(conf, 3))
    if splits:
        k, conf = splits[0]
        return NameSplit(stripped[:k], stripped[k:], None, None, round(conf * 0.8, 3))
    return NameSplit(stripped, "", None, None, 0.1)


def _split_kana_name(name: str) -> NameSplit:
    dotted = [p for p in _DOTS.split(name) if p]
    if len(dotted) >= 2:
        # Western order: ジョン・F・ケネディ → given ジョン・F, family ケネディ
        family = dotted[-1]
        given = "・".join(dotted[:-1])
        return NameSplit(family, given, to_hiragana(family), to_hiragana(given), 0.95, True)
    parts = _SPACES.split(name.strip())
    if len(parts) == 2:
        return NameSplit(parts[0], parts[1], to_hiragana(parts[0]), to_hiragana(parts[1]), 0.95)
    return NameSplit(name, "", to_hiragana(name), None, 0.2)


def _with_readings(family: str, given: str, reading: str | None, conf: float) -> NameSplit:
    if reading:
        pair = _split_kana_reading(reading)
        if pair:
            return NameSplit(family, given, pair[0], pair[1], conf)
    sugg = suggest_readings(f"{family} {given}", kind=PERSON, limit=1)
    if sugg:
        fam_r, _, giv_r = sugg[0].kana.partition(" ")
        return NameSplit(family, given, fam_r, giv_r or None, conf)
    return NameSplit(family, given, None, None, conf)


def _split_with_reading(name: str, reading: str) -> NameSplit:
    """Choose the division of ``name`` whose halves can be read as the given reading."""
    hira = to_hiragana(reading).strip()
    pair = _split_kana_reading(hira)
    whole = hira.replace(" ", "").replace("\u3000", "")
    splits = person_splits(name)
    full_paths = analyzers.analyze_nbest(name, 8)
    best: tuple[float, int, str, str] | None = None
    for k, conf in splits:
        fam, giv = name[:k], name[k:]
        f_scores, _, _ = part_readings(fam, "family", full_paths, 0)
        options: list[tuple[str, str]] = []
        if pair:
            options.append(pair)
        else:
            options.extend(
                (f, whole[len(f) :]) for f in f_scores if whole.startswith(f) and f != whole
            )
            if not giv:
                options.append((whole, ""))
        for f_r, g_r in options:
            fs = f_scores.get(f_r, 0.0)
            if giv:
                g_scores, _, _ = part_readings(giv, "given", full_paths, k)
                gs = g_scores.get(g_r, 0.0)
            else:
                gs = 1.0 if not g_r else 0.0
            # a reading no source knows for a half still counts a little
            score = conf * (0.05 + fs) * (0.05 + gs)
            if best is None or score > best[0]:
                best = (score, k, f_r, g_r)
    if best is None:
        return NameSplit(name, "", whole, None, 0.1)
    score, k, f_r, g_r = best
    top_conf = dict(splits).get(k, 0.3)
    agreement = 1.0 if score > 0.05 * top_conf else 0.6
    return NameSplit(name[:k], name[k:], f_r, g_r or None, round(top_conf * agreement, 3))


def family_name_readings(family: str) -> list[str]:
    """JMnedict surname readings of a family name (empty when JMnedict is not installed)."""
    return [r for r, types in jmnedict.readings(family) if jmnedict.SURNAME in types]

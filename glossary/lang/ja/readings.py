"""Suggest how a Japanese name or term in kanji is read (高市早苗 → たかいち さなえ), ranked.

Kanji names have several possible readings (菅 is すが for 菅義偉 but かん for 菅直人),
so this only *suggests*: a translator's curated reading always wins. Sources, each
used when installed:

* UniDic (fugashi + unidic-lite): its n best analyses, with the orthographic reading
  (``kana``), the pronunciation (``pron``, to tell long vowels from vowel pairs that
  only meet at a morpheme boundary) and the name tags 姓/名/地名;
* JMnedict (jamdict-data's SQLite file): readings of surnames, given names, places
  and the full names of well-known people;
* JMdict (the same file): for terms, the dictionary reading of a common word, which
  wins over the analyses (明日 あした, 私 わたし, 国 くに, お母さん おかあさん);
* pykakasi: one more independent reading.

A verb's final う is its ending, not the second half of a long vowel (思う おもう is
omou, 追う おう is ou), whatever UniDic's pronunciation says; within one word おう
stays long (王 おう ō).

Persons (``kind="person"``) are read as family name + given name, joined by one
space (石破茂 → いしば しげる). Places and terms get one whole reading (奈良県 →
ならけん) plus where the romanized form puts spaces and hyphens (Nara-ken,
Chōsei tankō). Scores of the suggestions for one text add up to 1.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from glossary.lang.ja import analyzers, jmnedict
from glossary.lang.ja.analyzers import Token
from glossary.lang.ja.hepburn import ROMAJI
from glossary.lang.ja.kana import WORD_SEPARATORS, is_kana, to_hiragana
from glossary.lang.script import HAN, char_script

PERSON = "person"
PLACE = "place"

# Administrative suffixes written with a hyphen after a place name (Nara-ken,
# Tōkyō-to), as ALA-LC romanization does.
ADMIN_SUFFIXES = frozenset("県都府道市区町村郡")
# Vowel pairs that a romanizer may write as one long vowel; where UniDic's
# pronunciation shows no ー for the second vowel, a morpheme boundary is recorded.
_MERGING_PAIRS = frozenset({("o", "u"), ("o", "o"), ("u", "u"), ("a", "a"), ("e", "e"), ("i", "i")})
_PURE_VOWEL = {"あ": "a", "い": "i", "う": "u", "え": "e", "お": "o"}


def _vowel_of(ch: str) -> str | None:
    if ch in "ゃゅょ":
        return {"ゃ": "a", "ゅ": "u", "ょ": "o"}[ch]
    roman = ROMAJI.get(ch)
    if roman and roman[-1] in "aiueo":
        return roman[-1]
    return None


@dataclass
class Reading:
    """One suggested reading of a kanji text, with how sure we are and where it came from."""

    kana: str  # hiragana; a person's reading is "family given"
    score: float  # 0..1; the scores of one text's suggestions add up to 1
    source: str  # "unidic", "jmnedict", "pykakasi", "kana" or several joined by "+"
    boundaries: list[int] = field(default_factory=list)  # morpheme starts in kana
    particles: list[int] = field(default_factory=list)  # は/へ/を used as particles
    words: list[int] = field(default_factory=list)  # romanized form starts a word here
    hyphens: list[int] = field(default_factory=list)  # … or joins with a hyphen here
    split: int | None = None  # persons: index in the text where the given name starts

    def layout(self) -> tuple[str, list[int], list[int]]:
        """The kana with spaces/hyphens for romanizing, and boundaries/particles moved to match."""
        breaks = {i: " " for i in self.words}
        breaks.update({i: "-" for i in self.hyphens})
        if not breaks:
            return self.kana, list(self.boundaries), list(self.particles)
        out: list[str] = []
        shift: list[int] = []
        added = 0
        for i, ch in enumerate(self.kana):
            if i in breaks and i > 0:
                out.append(breaks[i])
                added += 1
            shift.append(added)
            out.append(ch)
        bounds = [b + shift[b] for b in self.boundaries if 0 <= b < len(shift)]
        parts = [p + shift[p] for p in self.particles if 0 <= p < len(shift)]
        return "".join(out), bounds, parts


@dataclass
class _Layout:
    kana: str
    boundaries: list[int]
    particles: list[int]
    words: list[int]
    hyphens: list[int]


def _long_vowel_breaks(kana: str, pron: str) -> list[int]:
    """Indices where kana has a vowel pair that UniDic does not pronounce long (イノウエ)."""
    if len(kana) != len(pron):
        return []
    breaks = []
    for i in range(1, len(kana)):
        v2 = _PURE_VOWEL.get(kana[i])
        if v2 is None:
            continue
        if kana[i] == "う" and i == len(kana) - 1:
            # A final う after o/u is the long vowel of an on-reading (麻生 あそう, whose
            # UniDic pron アソウ lacks the ー); 思う-like verb endings are rare in names.
            continue
        v1 = _vowel_of(kana[i - 1])
        if v1 is not None and (v1, v2) in _MERGING_PAIRS and pron[i] != "ー":
            breaks.append(i)
    return breaks


def _verb_ending_u(tok: Token, kana: str) -> bool:
    """True when ``kana`` is a verb whose final う would otherwise merge into a long vowel.

    The う of 思う おもう, 追う おう, 吸う すう is the verb's ending, a morpheme of its
    own, so modified Hepburn writes omou, ou, suu (not omō, ō, sū).
    """
    return (
        tok.pos[0] == "動詞"
        and len(kana) >= 2
        and kana[-1] == "う"
        and _vowel_of(kana[-2]) in ("o", "u")
    )


def _token_kana(tok: Token) -> str | None:
    if tok.kana:
        return tok.kana
    if any(char_script(c) == HAN for c in tok.surface):
        return None
    return to_hiragana(tok.surface)


def _layout(tokens: list[Token], *, words: bool) -> _Layout | None:
    """Reading and word layout of one UniDic analysis; None if a kanji has no reading."""
    kana_parts: list[str] = []
    bounds: list[int] = []
    particles: list[int] = []
    spaces: list[int] = []
    hyphens: list[int] = []
    pos = 0
    prev: Token | None = None
    for tok in tokens:
        k = _token_kana(tok)
        if k is None:
            return None
        if pos > 0:
            bounds.append(pos)
        bounds.extend(pos + b for b in _long_vowel_breaks(k, tok.pron))
        ending = pos + len(k) - 1
        if _verb_ending_u(tok, k) and ending not in bounds:
            bounds.append(ending)  # 思う omou: the う is the verb's ending
        if tok.is_particle and k in ("は", "へ", "を"):
            particles.append(pos)
        if words and prev is not None and pos > 0:
            sep = _separator(prev, tok)
            if sep == " ":
                spaces.append(pos)
            elif sep == "-":
                hyphens.append(pos)
        kana_parts.append(k)
        pos += len(k)
        prev = tok
    return _Layout("".join(kana_parts), bounds, particles, spaces, hyphens)


def _separator(prev: Token, tok: Token) -> str:
    """How two words of a place or term are joined when romanized: " ", "-" or ""."""
    if tok.surface in ADMIN_SUFFIXES and prev.is_proper:
        return "-"  # 奈良県 Nara-ken, 東京都 Tōkyō-to
    if tok.is_particle or prev.is_particle:
        return " "  # 日本維新の会 Nippon Ishin no Kai
    nounish = ("名詞",)
    if tok.pos[0] in nounish and prev.pos[0] in nounish:
        # Compounds of words of two or more kanji are spaced (首相 官邸, 長生 炭鉱);
        # a one-kanji word stays joined (外務省 gaimushō, 自由民主党 … minshutō).
        if len(tok.surface) >= 2 and len(prev.surface) >= 2:
            return " "
        if prev.is_proper and len(tok.surface) >= 2:
            return " "
    return ""


def _normalize_scores(scores: dict[str, float]) -> dict[str, float]:
    total = sum(scores.values())
    if total <= 0:
        return {}
    return {k: v / total for k, v in scores.items()}


_PATH_WEIGHTS = (1.0, 0.5, 0.33, 0.25, 0.2, 0.17, 0.14, 0.12)


def _path_weight(i: int) -> float:
    return _PATH_WEIGHTS[i] if i < len(_PATH_WEIGHTS) else 0.1


def layout_for(text: str, kana: str, *, words: bool) -> _Layout | None:
    """Find a UniDic analysis of ``text`` that reads ``kana``, for its boundaries and words."""
    for path in analyzers.analyze_nbest(text, 10):
        lay = _layout(path, words=words)
        if lay is not None and lay.kana == kana:
            return lay
    return None


def _strip_spaces(text: str) -> str:
    return "".join(c for c in text if c not in WORD_SEPARATORS)


# ---------------------------------------------------------------------------- persons


def person_splits(name: str) -> list[tuple[int, float]]:
    """Where a kanji full name may divide into family and given name: (index, confidence).

    Evidence: a space in the name (certain), UniDic's 姓/名 tags in its n best
    analyses, JMnedict surname and given-name entries for the two halves, and a weak
    prior on lengths (two-kanji family names are the most common).
    """
    stripped = name.strip()
    for sep in (" ", "\u3000", "・"):
        if sep in stripped:
            head = stripped.split(sep)[0]
            return [(len(head), 0.99)]
    n = len(stripped)
    if n == 0:
        return []
    if n == 1:
        return [(1, 1.0)]  # one kanji: a family name alone (菅)
    scores: dict[int, float] = defaultdict(float)
    for i, path in enumerate(analyzers.analyze_nbest(stripped, 5)):
        lead = 0
        k = 0
        for tok in path:
            if tok.is_surname:
                lead += 1
                k += len(tok.surface)
            else:
                break
        if lead == 0:
            continue
        if k >= n:  # the whole text is a family name (井上)
            scores[n] += 2.0 * _path_weight(i)
            continue
        rest = path[lead:]
        if all(t.is_given_name for t in rest):
            scores[k] += 2.0 * _path_weight(i)
        elif rest[0].is_person or rest[0].is_proper:
            scores[k] += 1.0 * _path_weight(i)
        else:
            scores[k] += 0.4 * _path_weight(i)
    if jmnedict.available():
        whole = {t for _, types in jmnedict.readings(stripped) for t in types}
        if jmnedict.SURNAME in whole and jmnedict.PERSON not in whole:
            scores[n] += 0.3
        for k in range(1, n):
            fam = {t for _, types in jmnedict.readings(stripped[:k]) for t in types}
            giv = {t for _, types in jmnedict.readings(stripped[k:]) for t in types}
            if jmnedict.SURNAME in fam and giv & jmnedict.GIVEN_TYPES:
                scores[k] += 0.6
            elif jmnedict.SURNAME in fam and "unclass" in giv:
                scores[k] += 0.3
    prior = {2: {1: 0.2}, 3: {2: 0.15, 1: 0.1}, 4: {2: 0.2, 1: 0.03, 3: 0.05}}
    for k, w in prior.get(n, {n // 2: 0.1, (n + 1) // 2: 0.1}).items():
        if 0 < k < n:
            scores[k] += w
    norm = _normalize_scores({str(k): v for k, v in scores.items()})
    return sorted(((int(k), v) for k, v in norm.items()), key=lambda kv: -kv[1])


def part_readings(
    part: str,
    role: str,
    full_paths: list[list[Token]],
    start: int,
) -> tuple[dict[str, float], dict[str, set[str]], dict[str, _Layout]]:
    """Readings of one half of a name (role "family" or "given"), scored within the half."""
    scores: dict[str, float] = defaultdict(float)
    sources: dict[str, set[str]] = defaultdict(set)
    layouts: dict[str, _Layout] = {}
    end = start + len(part)

    def tag_bonus(tokens: list[Token]) -> float:
        if role == "family" and all(t.is_surname for t in tokens):
            return 2.0
        if role == "given" and all(t.is_given_name for t in tokens):
            return 2.0
        if all(t.is_person for t in tokens):
            return 1.3
        return 1.0

    def count_unidic(tokens: list[Token], weight: float) -> None:
        lay = _layout(tokens, words=False)
        if lay is not None:
            scores[lay.kana] += weight * tag_bonus(tokens)
            sources[lay.kana].add("unidic")
            layouts.setdefault(lay.kana, lay)

    # 1. the full name's analyses, where a path divides exactly here
    for i, path in enumerate(full_paths):
        pos = 0
        picked: list[Token] = []
        for tok in path:
            if pos >= start and pos + len(tok.surface) <= end:
                picked.append(tok)
            pos += len(tok.surface)
        if "".join(t.surface for t in picked) == part:
            count_unidic(picked, 1.0 * _path_weight(i))
    # 2. the half analysed alone
    for i, path in enumerate(analyzers.analyze_nbest(part, 3)):
        count_unidic(path, 0.5 * _path_weight(i))
    # 3. JMnedict
    entries = jmnedict.readings(part)
    if entries:
        wanted = {jmnedict.SURNAME} if role == "family" else set(jmnedict.GIVEN_TYPES)
        matching = [r for r, types in entries if types & wanted]
        for reading, types in entries:
            if types & wanted:
                w = 1.0 / math.sqrt(len(matching))
            elif "unclass" in types:
                w = 0.3 / math.sqrt(len(entries))
            else:
                w = 0.1 / math.sqrt(len(entries))
            scores[reading] += w
            sources[reading].add("jmnedict")
    # 4. pykakasi
    kk = "".join(h for _, h in analyzers.kakasi_reading(part))
    if kk and not any(char_script(c) == HAN for c in kk):
        scores[kk] += 0.4
        sources[kk].add("pykakasi")
    return _normalize_scores(scores), sources, layouts


def _person_readings(name: str, limit: int) -> list[Reading]:
    stripped = _strip_spaces(name)
    splits = [s for s in person_splits(name) if s[1] >= 0.05][:3]
    full_paths = analyzers.analyze_nbest(stripped, 8)
    combos: dict[tuple[str, str], float] = defaultdict(float)
    combo_sources: dict[tuple[str, str], set[str]] = defaultdict(set)
    combo_layouts: dict[tuple[str, str], tuple[_Layout | None, _Layout | None]] = {}
    combo_split: dict[tuple[str, str], tuple[float, int | None]] = {}
    family_options: list[tuple[int, dict[str, float]]] = []
    for k, conf in splits:
        fam, giv = stripped[:k], stripped[k:]
        f_scores, f_src, f_lay = part_readings(fam, "family", full_paths, 0)
        if giv:
            g_scores, g_src, g_lay = part_readings(giv, "given", full_paths, k)
        else:  # a family name alone
            g_scores, g_src, g_lay = {"": 1.0}, {"": set()}, {}
        family_options.append((k, f_scores))
        top_f = sorted(f_scores.items(), key=lambda kv: -kv[1])[:6]
        top_g = sorted(g_scores.items(), key=lambda kv: -kv[1])[:6]
        for f, fs in top_f:
            for g, gs in top_g:
                key = (f, g)
                combos[key] += conf * fs * gs
                if key not in combo_split or combo_split[key][0] < conf * fs * gs:
                    combo_split[key] = (conf * fs * gs, k)
                combo_sources[key] |= f_src[f] | g_src[g]
                combo_layouts.setdefault(key, (f_lay.get(f), g_lay.get(g)))
    # whole-name evidence: a JMnedict entry for this very person, UniDic and pykakasi
    whole: dict[str, tuple[float, str]] = {}
    persons = [r for r, types in jmnedict.readings(stripped) if jmnedict.PERSON in types]
    for r in persons:
        whole[r] = (whole.get(r, (0.0, ""))[0] + 1.5 / len(persons), "jmnedict")
    for i, path in enumerate(full_paths[:3]):
        lay = _layout(path, words=False)
        if lay is not None and any(t.is_person for t in path):
            prev = whole.get(lay.kana, (0.0, ""))[0]
            whole[lay.kana] = (prev + 0.3 * _path_weight(i), "unidic")
    kk = "".join(h for _, h in analyzers.kakasi_reading(stripped))
    if kk:
        whole[kk] = (whole.get(kk, (0.0, ""))[0] + 0.15, "pykakasi")
    for reading, (w, src) in whole.items():
        matched = [key for key in combos if key[0] + key[1] == reading]
        if not matched:
            key2 = _split_reading(reading, family_options)
            if key2 is None:
                continue
            matched = [key2]
            combo_split.setdefault(key2, (0.0, _surface_split_for(key2[0], family_options)))
        total = sum(combos[key] for key in matched)
        for key in matched:
            share = combos[key] / total if total > 0 else 1.0 / len(matched)
            combos[key] += w * share
            combo_sources[key].add(src)
    norm = _normalize_scores({f"{f} {g}".strip(): s for (f, g), s in combos.items()})
    results: list[Reading] = []
    for text_key, score in sorted(norm.items(), key=lambda kv: -kv[1])[:limit]:
        f, _, g = text_key.partition(" ")
        fam_lay, giv_lay = combo_layouts.get((f, g), (None, None))
        split = combo_split.get((f, g), (0.0, None))[1]
        if fam_lay is None and split:
            fam_lay = layout_for(stripped[:split], f, words=False)
        if giv_lay is None and split and g:
            giv_lay = layout_for(stripped[split:], g, words=False)
        bounds = list(fam_lay.boundaries) if fam_lay else []
        if giv_lay is not None:
            bounds += [len(f) + 1 + b for b in giv_lay.boundaries]
        results.append(
            Reading(
                kana=text_key,
                score=round(score, 4),
                source="+".join(sorted(combo_sources[(f, g)])),
                boundaries=bounds,
                split=split,
            )
        )
    return results


def _surface_split_for(
    family_reading: str, family_options: list[tuple[int, dict[str, float]]]
) -> int | None:
    best: tuple[float, int] | None = None
    for k, f_scores in family_options:
        s = f_scores.get(family_reading, 0.0)
        if s > 0 and (best is None or s > best[0]):
            best = (s, k)
    return best[1] if best else None


def _split_reading(
    reading: str, family_options: list[tuple[int, dict[str, float]]]
) -> tuple[str, str] | None:
    """Divide a whole-name reading at the most likely family-name reading it starts with."""
    best: tuple[float, str] | None = None
    for _k, f_scores in family_options:
        for f, s in f_scores.items():
            if reading.startswith(f) and len(f) < len(reading) and (best is None or s > best[0]):
                best = (s, f)
    if best is None:
        return None
    return best[1], reading[len(best[1]) :]


# ------------------------------------------------------------------ places and terms


def _word_readings(text: str, kind: str | None, limit: int) -> list[Reading]:
    stripped = _strip_spaces(text)
    scores: dict[str, float] = defaultdict(float)
    sources: dict[str, set[str]] = defaultdict(set)
    layouts: dict[str, _Layout] = {}
    for i, path in enumerate(analyzers.analyze_nbest(stripped, 6)):
        lay = _layout(path, words=True)
        if lay is None:
            continue
        w = _path_weight(i)
        if kind == PLACE and any(t.is_place for t in path):
            w *= 1.5
        if any(t.unknown for t in path):
            w *= 0.5
        scores[lay.kana] += w
        sources[lay.kana].add("unidic")
        layouts.setdefault(lay.kana, lay)
    entries = jmnedict.readings(stripped)
    if entries:
        if kind == PLACE:
            wanted = set(jmnedict.PLACE_TYPES)
        elif kind == PERSON:
            wanted = {jmnedict.PERSON}
        else:
            wanted = {"organization", "company", "product", "work", "place"}
        matching = [r for r, types in entries if types & wanted]
        for reading, types in entries:
            fits = bool(types & wanted)
            pool = matching if fits else entries
            scores[reading] += (1.2 if fits else 0.3) / math.sqrt(len(pool))
            sources[reading].add("jmnedict")
    kk = "".join(h for _, h in analyzers.kakasi_reading(stripped))
    if kk and not any(char_script(c) == HAN for c in kk):
        scores[kk] += 0.5
        sources[kk].add("pykakasi")
    if kind not in (PERSON, PLACE):
        _add_dictionary_readings(stripped, scores, sources)
    norm = _normalize_scores(scores)
    results: list[Reading] = []
    for kana, score in sorted(norm.items(), key=lambda kv: -kv[1])[:limit]:
        lay = layouts.get(kana) or layout_for(stripped, kana, words=True)
        results.append(
            Reading(
                kana=kana,
                score=round(score, 4),
                source="+".join(sorted(sources[kana])),
                boundaries=list(lay.boundaries) if lay else [],
                particles=list(lay.particles) if lay else [],
                words=list(lay.words) if lay else [],
                hyphens=list(lay.hyphens) if lay else [],
            )
        )
    return results


# Weights of JMdict's readings of a term: its most common reading outweighs the other
# sources together (UniDic's best path counts 1.0, pykakasi 0.5), since a dictionary
# reading of the word as a whole beats an analysis (明日: UniDic あす, JMdict あした).
_DICTIONARY_FIRST = 2.5
_DICTIONARY_FIRST_RARE = 0.8  # the word is in JMdict, with no frequency mark
_DICTIONARY_OTHER = 0.3


def _add_dictionary_readings(
    text: str, scores: dict[str, float], sources: dict[str, set[str]]
) -> None:
    """Add JMdict's readings of the term ``text`` (the most common one weighs most)."""
    for rank, (reading, frequent) in enumerate(jmnedict.common_readings(text)[:4]):
        if rank == 0:
            weight = _DICTIONARY_FIRST if frequent else _DICTIONARY_FIRST_RARE
        else:
            weight = _DICTIONARY_OTHER
        scores[reading] += weight
        sources[reading].add("jmdict")


def suggest_readings(text: str, *, kind: str | None = None, limit: int = 5) -> list[Reading]:
    """Ranked reading suggestions for a kanji name or term; best first, at most ``limit``.

    ``kind="person"`` reads family and given name separately ("たかいち さなえ");
    ``"place"`` prefers place readings; anything else is read as a term. Text that is
    already kana comes back as its own reading (hiragana) with source "kana". An empty
    list means no installed source could read it.
    """
    text = text.strip()
    if not text:
        return []
    if is_kana(text):
        hira = to_hiragana(text)
        return [Reading(kana=hira, score=1.0, source="kana")]
    if kind == PERSON:
        return _person_readings(text, limit)
    return _word_readings(text, kind, limit)

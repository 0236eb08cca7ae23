"""Turn a romanized Japanese name back into kana (Takaichi Sanae → たかいち さなえ); suggest kanji.

Accepts Hepburn with or without macrons (Itō, Ito), circumflexes (Itô), the passport
"oh" (Ohno, Itoh), written-out long vowels (Itou, Oono, Yuuki), old-style m before
b/m/p (Namba, Homma, Shimbun), the apostrophe (Jun'ichirō) and Kunrei spellings
(Tyôsei, Hukuoka). Word spaces are kept. Without macrons a long vowel is invisible
(Tokyo could be ときょ or とうきょう), and without an apostrophe "ni" could be に or
ん+い (Junichiro), so ``romaji_to_kana_candidates`` returns ranked alternatives;
JMnedict, where installed, is used to prefer readings that real names have.

``kanji_candidates`` proposes kanji spellings for a kana name from JMnedict (and
ranks those UniDic reads the same way first). They are suggestions for a person to
check, never facts: たかいち may be 高市 or 高一 or 鷹市 …
"""

from __future__ import annotations

import heapq
import math
import re
import unicodedata

from glossary.lang.ja import analyzers, jmnedict
from glossary.lang.ja.kana import KANA_ROWS, to_hiragana

_MACRONS = {
    "ā": "a",
    "ī": "i",
    "ū": "u",
    "ē": "e",
    "ō": "o",
    "â": "a",
    "î": "i",
    "û": "u",
    "ê": "e",
    "ô": "o",
}
_LONG = "ː"  # internal mark: the vowel before it is long (written with a macron)

_BASIC: dict[str, str] = {
    consonant + vowel: kana
    for consonant, row in KANA_ROWS.items()
    for vowel, kana in zip("aiueo", row, strict=True)
}
_BASIC.update(
    {
        "shi": "し",
        "chi": "ち",
        "tsu": "つ",
        "fu": "ふ",
        "ji": "じ",
        "ya": "や",
        "yu": "ゆ",
        "yo": "よ",
        "wa": "わ",
        "wo": "を",
        "di": "ぢ",
        "du": "づ",
        "zi": "じ",
        "si": "し",
        "ti": "ち",
        "tu": "つ",
        "hu": "ふ",
        "la": "ら",
        "li": "り",
        "lu": "る",
        "le": "れ",
        "lo": "ろ",
        "fa": "ふぁ",
        "fi": "ふぃ",
        "fe": "ふぇ",
        "fo": "ふぉ",
        "va": "ゔぁ",
        "vi": "ゔぃ",
        "vu": "ゔ",
        "ve": "ゔぇ",
        "vo": "ゔぉ",
        "je": "じぇ",
        "she": "しぇ",
        "che": "ちぇ",
    }
)
for _head, _kana in {
    "ky": "き",
    "sh": "し",
    "ch": "ち",
    "ny": "に",
    "hy": "ひ",
    "my": "み",
    "ry": "り",
    "gy": "ぎ",
    "j": "じ",
    "by": "び",
    "py": "ぴ",
    "sy": "し",
    "ty": "ち",
    "zy": "じ",
    "jy": "じ",
    "dy": "ぢ",
    "cy": "ち",
}.items():
    for _v, _small in (("a", "ゃ"), ("u", "ゅ"), ("o", "ょ")):
        _BASIC.setdefault(_head + _v, _kana + _small)
_MAX_KEY = max(len(k) for k in _BASIC)
_YOON_O = re.compile(r"(ky|sh|ch|ny|hy|my|ry|gy|j|by|py)o$")
_YOON_U = re.compile(r"(ky|sh|ch|ny|hy|my|ry|gy|j|by|py)u$")


class _Piece:
    """One step of a romaji word: a kana syllable with its options."""

    __slots__ = ("options",)

    def __init__(self, options: list[tuple[str, float]]) -> None:
        self.options = options


def _normalize(romaji: str) -> str:
    text = unicodedata.normalize("NFC", romaji.strip()).lower()
    text = text.replace("’", "'").replace("‘", "'")
    return "".join(_MACRONS[ch] + _LONG if ch in _MACRONS else ch for ch in text)


def _long_o_prob(prev_roman: str, at_start: bool, at_end: bool) -> float:
    """How likely an unmarked "o" in a name is long (おう/おお), from its syllable."""
    if at_start:
        return 0.3
    if _YOON_O.search(prev_roman):
        return 0.75
    if prev_roman == "yo":
        return 0.3
    if at_end and prev_roman == "ro":
        return 0.55  # 郎 ろう in given names: Tarō, Ichirō
    if at_end and prev_roman in ("to", "do", "go"):
        return 0.4  # 藤 とう/どう in surnames (Katō, Kudō), but Naoto, Makoto
    if prev_roman in ("ko", "so", "to", "ho", "do", "go", "bo"):
        return 0.3
    return 0.15


def _long_u_prob(prev_roman: str) -> float:
    """How likely an unmarked "u" is long (うう)."""
    if _YOON_U.search(prev_roman):
        return 0.55
    if prev_roman in ("yu", "su", "fu", "ku", "tsu"):
        return 0.3
    return 0.1


def _lengthening(vowel: str, word_start: bool) -> list[tuple[str, float]]:
    """Kana options for the second half of a long vowel written with a macron or "oh"."""
    if vowel == "o":
        return [("お", 0.85), ("う", 0.15)] if word_start else [("う", 0.8), ("お", 0.2)]
    if vowel == "e":
        return [("え", 0.6), ("い", 0.4)]
    return [({"a": "あ", "i": "い", "u": "う"}[vowel], 1.0)]


def _pieces(word: str) -> list[_Piece] | None:
    """Parse one romaji word into pieces with weighted kana options; None if unreadable."""
    pieces: list[_Piece] = []
    i = 0
    n = len(word)
    last_roman = ""
    while i < n:
        ch = word[i]
        nxt = word[i + 1] if i + 1 < n else ""
        if ch in "-'":
            i += 1
            continue
        if ch == _LONG:
            if last_roman:
                initial = len(pieces) == 1 and last_roman in "aiueo"
                pieces.append(_Piece(_lengthening(last_roman[-1], initial)))
            last_roman = ""
            i += 1
            continue
        if ch == "n" and (nxt in ("", "'", "-") or nxt not in "aiueoy"):
            # ん: at the end, before an apostrophe or a consonant; "nn" at the end (wāpuro)
            pieces.append(_Piece([("ん", 1.0)]))
            i += 2 if nxt == "'" or (nxt == "n" and i + 2 == n) else 1
            last_roman = ""
            continue
        if ch == "m" and nxt and nxt in "bmp" and pieces:
            pieces.append(_Piece([("ん", 1.0)]))  # Namba, Homma, Shimbun
            i += 1
            last_roman = ""
            continue
        if ch == "t" and word[i + 1 : i + 3] == "ch":
            pieces.append(_Piece([("っ", 1.0)]))  # matcha
            i += 1
            continue
        if nxt == ch and ch.isalpha() and ch not in "aiueon":
            pieces.append(_Piece([("っ", 1.0)]))  # Hattori, Sapporo
            i += 1
            continue
        if ch == "h" and last_roman.endswith("o") and (nxt == "" or nxt not in "aiueoy" + _LONG):
            # passport "oh": Ohno, Itoh
            pieces.append(_Piece(_lengthening("o", len(pieces) == 1 and last_roman == "o")))
            last_roman = ""
            i += 1
            continue
        syl, length = _syllable(word, i)
        if syl is None:
            if not ch.isalpha():
                pieces.append(_Piece([(ch, 1.0)]))
                i += 1
                last_roman = ""
                continue
            return None
        roman = word[i : i + length]
        options = [(syl, 1.0)]
        if ch == "n" and pieces:
            # n + vowel: な-row, or ん + vowel (the press drops the apostrophe: Junichiro)
            alt, alt_len = _syllable(word, i + 1)
            if alt is not None and alt_len == length - 1:
                rest = word[i + 1 :]
                if rest.startswith("ichi"):
                    p_n = 0.75  # 一 いち after ん: Jun'ichi, Ken'ichi, Shin'ichi
                elif rest[:1] == "y":
                    p_n = 0.6  # Shin'ya, Jun'ya: n+ya is more often ん+や than にゃ
                else:
                    p_n = 0.2
                options = [(syl, 1.0 - p_n), ("ん" + alt, p_n)]
        pieces.append(_Piece(options))
        i += length
        last_roman = roman
        _maybe_long(pieces, word, i, roman)
    return pieces


def _maybe_long(pieces: list[_Piece], word: str, i: int, roman: str) -> None:
    """After a syllable ending in an unmarked o or u, add an optional lengthening kana."""
    nxt = word[i] if i < len(word) else ""
    after = word[i + 1] if i + 1 < len(word) else ""
    if nxt == _LONG:
        return
    if roman.endswith("o") and nxt == "h" and (after == "" or after not in "aiueoy"):
        return  # passport "oh" follows
    at_end = nxt in ("", "-", "'")
    word_start = len(pieces) == 1 and roman in ("o", "u")
    # a long vowel right before ん is rare (じゅん, not じゅうん)
    before_n = nxt == "n" and (after == "" or after not in "aiueoy")
    if roman.endswith("o") and nxt not in ("u", "o"):
        p = _long_o_prob(roman, word_start, at_end)
        if before_n:
            p *= 0.2
        if word_start and roman == "o":
            pieces.append(_Piece([("", 1 - p), ("お", p * 0.9), ("う", p * 0.1)]))
        else:
            pieces.append(_Piece([("", 1 - p), ("う", p * 0.85), ("お", p * 0.15)]))
    elif roman.endswith("u") and nxt != "u":
        p = _long_u_prob(roman)
        if before_n:
            p *= 0.2
        elif nxt == "n":
            p *= 0.5  # じゅんいち is likelier than じゅうにち
        pieces.append(_Piece([("", 1 - p), ("う", p)]))


def _syllable(word: str, i: int) -> tuple[str | None, int]:
    for length in range(min(_MAX_KEY, len(word) - i), 0, -1):
        chunk = word[i : i + length]
        kana = _BASIC.get(chunk)
        if kana is not None:
            return kana, length
    return None, 0


def _word_candidates(word: str, limit: int) -> list[tuple[str, float]]:
    pieces = _pieces(word)
    if pieces is None:
        return []
    beam: list[tuple[float, str]] = [(0.0, "")]
    for piece in pieces:
        nxt: list[tuple[float, str]] = []
        for logp, text in beam:
            for kana, p in piece.options:
                if p <= 0:
                    continue
                nxt.append((logp + math.log(p), text + kana))
        beam = heapq.nlargest(64, nxt)
    merged: dict[str, float] = {}
    for logp, text in beam:
        merged[text] = max(merged.get(text, -1e9), logp)
    ranked = sorted(merged.items(), key=lambda kv: -kv[1])
    if jmnedict.available():
        boosted = [(text, logp + _known_name_bonus(text)) for text, logp in ranked[:24]]
        ranked = sorted(boosted, key=lambda kv: -kv[1])
    return ranked[:limit]


def _known_name_bonus(kana: str) -> float:
    """Log-bonus for a reading that real names have (JMnedict) and that UniDic gives them."""
    spellings = jmnedict.spellings(kana)
    if not spellings:
        return 0.0
    # Readings that many different spellings share are common names (ゆうこ has far
    # more spellings than ゆこ), so the number of spellings stands in for frequency.
    bonus = math.log(4.0) + 0.5 * math.log(len(spellings))
    for kanji, _types in spellings[:15]:
        tokens = analyzers.analyze(kanji)
        if tokens and "".join(t.kana for t in tokens) == kana:
            return bonus + math.log(4.0)
    return bonus


def romaji_to_kana_candidates(romaji: str, *, limit: int = 10) -> list[str]:
    """Hiragana readings a romanized name may stand for, most likely first (Tokyo → とうきょう …).

    Words stay separated by single spaces. Empty when some word cannot be read as
    Japanese romaji.
    """
    text = _normalize(romaji)
    words = [w for w in re.split(r"\s+", text) if w]
    if not words:
        return []
    per_word = [_word_candidates(w, 8) for w in words]
    if any(not c for c in per_word):
        return []
    combos: list[tuple[float, str]] = [(0.0, "")]
    for cands in per_word:
        combos = heapq.nlargest(
            limit * 4,
            [(s + logp, (t + " " + k).strip()) for s, t in combos for k, logp in cands],
        )
    seen: list[str] = []
    for _, kana in sorted(combos, key=lambda c: -c[0]):
        if kana not in seen:
            seen.append(kana)
    return seen[:limit]


def romaji_to_kana(romaji: str) -> str:
    """The most likely hiragana for a romanized name: "Takaichi Sanae" → "たかいち さなえ".

    Returns "" when the text is not Japanese romaji. Use
    :func:`romaji_to_kana_candidates` to see the alternatives.
    """
    cands = romaji_to_kana_candidates(romaji, limit=1)
    return cands[0] if cands else ""


_KIND_TYPES = {
    "person": (frozenset({jmnedict.SURNAME}), frozenset(jmnedict.GIVEN_TYPES)),
    "place": (frozenset(jmnedict.PLACE_TYPES), frozenset(jmnedict.PLACE_TYPES)),
}


def _rank_spellings(kana: str, wanted: frozenset[str], limit: int) -> list[str]:
    scored: list[tuple[float, str]] = []
    for kanji, types in jmnedict.spellings(kana):
        score = 1.0 if types & wanted else 0.2
        if jmnedict.PERSON in types:
            score += 0.5
        paths = analyzers.analyze_nbest(kanji, 3)
        readings = ["".join(t.kana for t in p) for p in paths]
        if readings and readings[0] == kana:
            score += 2.0
        elif kana in readings:
            score += 1.0
        kk = "".join(h for _, h in analyzers.kakasi_reading(kanji))
        if kk == kana:
            score += 0.5
        scored.append((score, kanji))
    scored.sort(key=lambda s: (-s[0], len(s[1]), s[1]))
    return [k for _, k in scored[:limit]]


def kanji_candidates(kana: str, *, kind: str = "person", limit: int = 10) -> list[str]:
    """Suggested kanji spellings for a kana name (たかいち → 高市, …), best first.

    From JMnedict where installed (ranked up when UniDic and pykakasi read the kanji
    the same way); [] without it — the UniDic lexicon cannot be searched by reading.
    A person's "family given" reading gives whole names: a JMnedict entry for that
    person first, then family × given combinations. These are suggestions to check.
    """
    hira = to_hiragana(kana).strip()
    if not hira or not jmnedict.available():
        return []
    parts = hira.split()
    first_types, second_types = _KIND_TYPES.get(kind, (frozenset(), frozenset()))
    if kind == "person" and len(parts) == 2:
        whole = [
            k for k, types in jmnedict.spellings(parts[0] + parts[1]) if jmnedict.PERSON in types
        ]
        families = _rank_spellings(parts[0], first_types, 5)
        givens = _rank_spellings(parts[1], second_types, 5)
        out = list(whole)
        for f in families:
            for g in givens:
                if f + g not in out:
                    out.append(f + g)
        return out[:limit]
    wanted = first_types if kind == "person" else first_types | second_types
    return _rank_spellings("".join(parts), wanted, limit)

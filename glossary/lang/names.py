"""People's names: rendering for a language and house style, and the variants to recognise.

A :class:`PersonName` holds the family and given parts *in one script* (the caller
passes the English, Korean or Japanese spelling, one language at a time) and the
name's origin (``korean``, ``japanese``, ``chinese`` or ``western``). The order, the
separator and the other choices come from ``data/name_order.tsv`` through
:mod:`glossary.lang.styles`, so linguists change the rules without touching code.

* :func:`render` writes the name the way one house style wants it;
* :func:`variants` lists every form the lookup and the style checker must recognise for
  the person in one language, across all house styles;
* :func:`parse_latin_name` splits a name found in English text back into its parts.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from glossary.errors import GlossaryError, InvalidValue
from glossary.lang import normalize_language
from glossary.lang.script import HIRAGANA, KATAKANA, LATIN, OTHER, char_script
from glossary.lang.styles import (
    DEFAULT_STYLE,
    KOREAN_GIVEN_FORMS,
    ORIGINS,
    check_origin,
    check_style,
    rule_for,
    style_names,
)

__all__ = [
    "ORIGINS",
    "PersonName",
    "korean_given_form",
    "parse_latin_name",
    "possessive",
    "render",
    "strip_macrons",
    "variants",
]

IDEOGRAPHIC_SPACE = "\u3000"
MIDDLE_DOT = "・"

# Latin letters that carry a stroke rather than a combining mark, so NFD leaves them alone.
_LATIN_FOLD = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ħ": "h", "Ħ": "H", "ı": "i"}
)
# The Hepburn apostrophe that separates syllables (Jun'ichirō: じゅんいちろう, not じゅにちろう).
_SYLLABLE_APOSTROPHE = re.compile(r"(?<=[nN])['’](?=[aeiouyAEIOUYāēīōūĀĒĪŌŪâêîôûÂÊÎÔÛ])")
_KOREAN_SYLLABLE_BREAK = re.compile(r"[\s\-‐‑–]+")
# Lower-case particles that belong to a Western family name (Ursula von der Leyen).
_FAMILY_PARTICLES = frozenset(
    {"von", "van", "der", "den", "de", "da", "di", "du", "del", "della", "des", "dos", "das"}
    | {"la", "le", "ter", "ten", "al", "bin", "ibn"}
)
_LATIN_NAME_TEXT = re.compile(r"[^\W\d_]+(?:['’.\-‐][^\W\d_]*)*\.?")


@dataclass(frozen=True)
class PersonName:
    """A person's name in one script: family part, given part and origin.

    Either part may be empty (people known by one name), not both. ``origin`` is one of
    ``korean``, ``japanese``, ``chinese``, ``western``; another value raises InvalidValue.
    """

    family: str
    given: str
    origin: str

    def __post_init__(self) -> None:
        if self.origin not in ORIGINS:
            raise InvalidValue("origin", self.origin, ORIGINS)
        if not self.family.strip() and not self.given.strip():
            raise GlossaryError("a person's name needs a family name or a given name")


# --- scripts -------------------------------------------------------------------------


def _scripts(text: str) -> set[str]:
    return {s for s in map(char_script, text) if s != OTHER}


def _is_latin(text: str) -> bool:
    """True when the letters in ``text`` are all Latin (and there is at least one)."""
    return _scripts(text) == {LATIN}


def _is_kana(text: str) -> bool:
    """True when the letters in ``text`` are all hiragana/katakana (and there is one)."""
    found = _scripts(text)
    return bool(found) and found <= {HIRAGANA, KATAKANA}


def _has_katakana(text: str) -> bool:
    return KATAKANA in _scripts(text.replace(MIDDLE_DOT, ""))


# --- spelling helpers ----------------------------------------------------------------


def strip_macrons(text: str) -> str:
    """Remove macrons and other diacritics from Latin letters only: Ōtani → Otani.

    Each Latin letter is decomposed on its own (NFD) and its combining marks dropped;
    kana, Hangul and Han characters are never decomposed, so voicing marks stay
    (ガ stays ガ, not カ). A few letters with strokes are folded too (Wałęsa → Walesa).
    """
    out: list[str] = []
    prev_latin = False
    for ch in text:
        if char_script(ch) == LATIN:
            base = "".join(
                c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c)
            )
            out.append(base.translate(_LATIN_FOLD))
            prev_latin = True
        elif unicodedata.combining(ch) and prev_latin:
            continue  # a separate combining mark after a Latin letter (o + U+0304)
        else:
            out.append(ch)
            prev_latin = False
    return "".join(out)


def _drop_syllable_apostrophes(text: str) -> str:
    """Jun'ichirō → Junichirō (only the Hepburn n' before a vowel or y)."""
    return _SYLLABLE_APOSTROPHE.sub("", text)


def possessive(form: str) -> list[str]:
    """English possessives of a name, with the straight and the curly apostrophe.

    ``"Takaichi"`` → ``["Takaichi's", "Takaichi’s"]``. For a name ending in *s* both
    conventions are given (``Jones'`` as AP writes it, and ``Jones's``). A form that
    does not end in a Latin letter (Hangul, kana, kanji) has no English possessive: [].
    """
    form = form.strip()
    if not form or char_script(form[-1]) != LATIN:
        return []
    forms = [form + "'s", form + "’s"]
    if form[-1] in "sS":
        forms = [form + "'", form + "’", *forms]
    return forms


def _korean_syllables(given: str) -> list[str]:
    return [s for s in _KOREAN_SYLLABLE_BREAK.split(given.strip()) if s]


def _cap(syllable: str) -> str:
    return syllable[:1].upper() + syllable[1:].lower()


def korean_given_form(given: str, form: str) -> str:
    """Write a romanised Korean given name as ``hyphen``, ``space``, ``joined`` or ``as-is``.

    ``"Jae-myung"``/``"Jae Myung"``/``"jae-Myung"`` → hyphen ``Jae-myung``, space
    ``Jae Myung``, joined ``Jaemyung``. A given name with no marked syllable break
    (``"Jaemyung"``) cannot be split without a dictionary and is returned unchanged for
    ``hyphen`` and ``space``. Text not in Latin letters is returned unchanged.
    """
    if form == "as-is" or not _is_latin(given):
        return given
    syllables = _korean_syllables(given)
    if len(syllables) < 2:
        return given
    if form == "hyphen":
        return "-".join([_cap(syllables[0]), *(s.lower() for s in syllables[1:])])
    if form == "space":
        return " ".join(_cap(s) for s in syllables)
    if form == "joined":
        return _cap(syllables[0]) + "".join(s.lower() for s in syllables[1:])
    raise InvalidValue("korean_given", form, KOREAN_GIVEN_FORMS)


def _upper_latin(text: str) -> str:
    return "".join(ch.upper() if char_script(ch) == LATIN else ch for ch in text)


# --- rendering -----------------------------------------------------------------------


def _join(first: str, sep: str, second: str) -> str:
    if not first:
        return second
    if not second:
        return first
    return first + sep + second


def render(name: PersonName, lang: str, style: str = DEFAULT_STYLE) -> str:
    """Write ``name`` for language ``lang`` (en, ko, ja) under house style ``style``.

    The rule from ``name_order.tsv`` decides the order, the separator (the kana
    separator when both parts are in kana), the form of a romanised Korean given name
    and whether a Latin family name is written in capitals.
    """
    rule = rule_for(style, name.origin, lang)
    family, given = name.family.strip(), name.given.strip()
    if name.origin == "korean" and given:
        given = korean_given_form(given, rule.korean_given)
    if rule.family_case == "upper":
        family = _upper_latin(family)
    sep = rule.kana_separator if _is_kana(family) and _is_kana(given) else rule.separator
    if rule.family_first:
        return _join(family, sep, given)
    return _join(given, sep, family)


# --- variants ------------------------------------------------------------------------


def _latin_spellings(name: PersonName) -> list[tuple[str, str]]:
    """(family, given) spellings: as written, without diacritics, and the like."""
    family, given = name.family.strip(), name.given.strip()
    bases = _unique_pairs([(family, given), (strip_macrons(family), strip_macrons(given))])
    if name.origin == "japanese":
        bases = _unique_pairs(
            [
                *bases,
                *((_drop_syllable_apostrophes(f), _drop_syllable_apostrophes(g)) for f, g in bases),
            ]
        )
    if name.origin == "korean" and given:
        out: list[tuple[str, str]] = []
        for f, g in bases:
            syllables = _korean_syllables(g)
            forms = [g]
            if len(syllables) >= 2:
                forms += [
                    korean_given_form(g, "hyphen"),
                    "-".join(_cap(s) for s in syllables),  # Jae-Myung
                    korean_given_form(g, "space"),
                    korean_given_form(g, "joined"),
                ]
            out += [(f, form) for form in forms]
        bases = _unique_pairs(out)
    return bases


def _unique_pairs(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    return list(dict.fromkeys(pairs))


def _latin_variants(name: PersonName, english: bool) -> set[str]:
    found: set[str] = set()
    for family, given in _latin_spellings(name):
        upper = _upper_latin(family)
        full = [_join(family, " ", given), _join(given, " ", family)]
        found.update(full)
        found.update({_join(upper, " ", given), _join(given, " ", upper)})
        if family:
            found.add(family)
        if english:
            for form in {*full, family}:
                found.update(possessive(form))
    found.discard("")
    return found


def _cjk_variants(name: PersonName, lang: str) -> set[str]:
    family, given = name.family.strip(), name.given.strip()
    orders: set[bool] = set()
    seps: set[str] = {"", " "}
    for style in style_names():
        rule = rule_for(style, name.origin, lang)
        orders.add(rule.family_first)
        seps.update({rule.separator, rule.kana_separator})
    if not (_has_katakana(family) or _has_katakana(given)):
        seps.discard(MIDDLE_DOT)
    else:
        seps.add(MIDDLE_DOT)
    if lang == "ja":
        seps.add(IDEOGRAPHIC_SPACE)
    found: set[str] = set()
    for family_first in orders:
        for sep in seps:
            found.add(_join(family, sep, given) if family_first else _join(given, sep, family))
    # A one-character family name alone (이, 李, イ) is an ordinary word or syllable too;
    # the lookup would match it everywhere, so only longer family names stand alone.
    if len(family) >= 2:
        found.add(family)
    found.discard("")
    return found


def variants(name: PersonName, lang: str) -> set[str]:
    """Every form of ``name`` in ``lang`` the lookup and the style checker must recognise.

    It covers every house style's rendering plus:

    * Latin script: both orders; the family name in capitals (TAKAICHI Sanae, Sanae
      TAKAICHI); the family name alone; spellings without macrons/diacritics and, for
      Japanese names, without the syllable apostrophe (Jun'ichirō, Junichirō,
      Jun'ichiro, Junichiro); for Korean names the given name hyphenated, hyphenated
      with a capital, spaced and joined (Jae-myung, Jae-Myung, Jae Myung, Jaemyung);
      in English also the possessives (Takaichi's, Takaichi’s, Sanae Takaichi's …).
    * Hangul, kana, kanji: the orders the styles use, written solid, with a space, with
      ・ when a part is in katakana and, in Japanese, with an ideographic space
      (高市　早苗); the family name alone when it has two characters or more.

    The set stays at a few dozen forms (up to about 70 for a Korean name spelled with
    McCune–Reischauer breves).
    """
    code = normalize_language(lang)
    family, given = name.family.strip(), name.given.strip()
    if all(_is_latin(part) for part in (family, given) if part):
        found = _latin_variants(name, english=code == "en")
    else:
        found = _cjk_variants(name, code)
    found.update(render(name, code, style) for style in style_names())
    return found


# --- parsing -------------------------------------------------------------------------


def _is_all_caps(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _key(text: str) -> str:
    return strip_macrons(text).casefold()


def _family_split(tokens: list[str], family_first: bool) -> int:
    """Index splitting ``tokens`` into family/given by order alone (particles kept)."""
    if family_first:
        return 1
    i = len(tokens) - 1
    while i > 1 and tokens[i - 1] in _FAMILY_PARTICLES:
        i -= 1
    return i


def parse_latin_name(
    text: str,
    origin: str,
    *,
    style: str = DEFAULT_STYLE,
    family_names: set[str] | None = None,
) -> PersonName | None:
    """Split a name written in Latin letters (from English text) into family and given.

    Which word is the family name cannot be known from the text alone ("Sanae Takaichi"
    and "Takaichi Sanae" both occur), so the decision uses, in this order:

    1. a comma: ``"Takaichi, Sanae"`` is family, given;
    2. capitals: a word in capitals at either end is the family name (``TAKAICHI Sanae``);
       its case is restored from ``family_names`` when listed there, else title case
       (text all in capitals gives no such hint and is title-cased throughout);
    3. ``family_names``: an optional set of known family names (matched ignoring case
       and macrons; a family name may be several words, "von der Leyen"). If exactly one
       end of the text is a known family name, that decides the order;
    4. otherwise the order house style ``style`` uses for ``origin`` in English.

    Under a given-first order lower-case particles stay with the family name (Ursula
    von der Leyen → family "von der Leyen"). A trailing possessive ('s, ’s) is removed.
    Returns None for text that is not a name of two or more Latin words.
    """
    origin = check_origin(origin)
    style = check_style(style)
    known = {_key(n): n for n in family_names or ()}
    s = re.sub(r"['’]s?$", "", text.strip()).strip()
    if not s or not _is_latin(s.replace(",", " ")):
        return None
    if s.count(",") == 1:
        family, given = (p.strip() for p in s.split(","))
        if family and given and not _is_all_caps(given):
            return PersonName(_restore_case(family, known), given, origin)
        return None
    tokens = s.split()
    if len(tokens) < 2 or not all(_LATIN_NAME_TEXT.fullmatch(t) for t in tokens):
        return None

    split: int | None = None  # tokens[:split] / tokens[split:]
    family_first: bool | None = None
    caps = [_is_all_caps(t) for t in tokens]
    if any(caps) and not all(caps):
        lead = next(i for i, c in enumerate(caps) if not c)
        trail = len(tokens) - next(i for i, c in enumerate(reversed(caps)) if not c)
        if lead > 0 and not any(caps[lead:]):
            family_first, split = True, lead
        elif trail < len(tokens) and not any(caps[:trail]):
            family_first, split = False, trail
    if family_first is None and known:
        heads = [i for i in range(1, len(tokens)) if _key(" ".join(tokens[:i])) in known]
        tails = [i for i in range(1, len(tokens)) if _key(" ".join(tokens[i:])) in known]
        if heads and not tails:
            family_first, split = True, max(heads)
        elif tails and not heads:
            family_first, split = False, min(tails)
    if family_first is None:
        family_first = rule_for(style, origin, "en").family_first
    if split is None:
        split = _family_split(tokens, family_first)
    head, tail = " ".join(tokens[:split]), " ".join(tokens[split:])
    family, given = (head, tail) if family_first else (tail, head)
    if _is_all_caps(given.replace(" ", "")):  # all in capitals (a headline): no case to keep
        given = given.title()
    return PersonName(_restore_case(family, known), given, origin)


def _restore_case(family: str, known: dict[str, str]) -> str:
    if not _is_all_caps(family.replace(" ", "")):
        return family
    return known.get(_key(family)) or family.title()

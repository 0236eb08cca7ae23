"""What the language rules suggest for an entry: the one set of rules.

``glossary suggest`` (fill and check), the entry editor (one click per suggestion) and
``glossary mine --save`` (the forms of a new candidate) all ask :func:`suggest`; they
differ only in what they do with the answer. A suggestion is never an answer: the
editor shows it, the others store it marked as a suggestion for a curator.

The rules take the entry's kind and origin (where the person is from: korean,
japanese, chinese or western; empty when nobody said), the language of the form and
the forms the entry has already. Each rule says why it is as it is; where a rule
cannot know, it suggests nothing, because a suggestion in the wrong language is not a
suggestion but an error a curator has to catch.

**From a Japanese form** (its reading: the curated one, else the dictionaries' best):

* *Japanese person*: reading, Hepburn, plain press form, family and given name; the
  Hangul form, by the Korean standard for transcribing Japanese (高市早苗 다카이치
  사나에), checked against the Korean form if there is one, as the standard applies to
  every Japanese name; the English form (the press form) when there is none, as English
  writes Japanese names in their romanization.
* *Any other person, of known or unknown origin*: nothing. A Korean name in kanji is
  not read by Japanese readings (李在明 is イ・ジェミョン, not り ありあけ; its English
  form is Lee Jae-myung, not Ri Ariake). A Chinese name is read by the characters' on
  readings by convention (習近平 しゅう きんぺい), which dictionaries made for Japanese
  names do not give reliably (ちかへい), and its Latin form is the pinyin (Xi Jinping),
  not the Hepburn. Until a curator says where a person is from, a reading is a guess in
  what may be the wrong language.
* *Anything else written in katakana alone* (ワシントン): nothing. A loanword: its English
  form is the romanization that counts, and Korean transcribes the original word, not
  the katakana (워싱턴, not 와신톤).
* *Anything else in kanji or hiragana* (or with a curated reading): reading, Hepburn and
  plain form. They describe the Japanese form itself, whatever the thing is (北京 is
  read ぺきん). A form mixing in Latin letters (DNA鑑定) needs a curated reading first.
* *A place known to be Japanese*, with no Korean form yet: the Hangul form, the
  administrative unit translated (奈良県 나라현); with no English form yet, the press
  form (Osaka). A place is known to be Japanese when its origin says so or its English
  name is the romanization of its reading (Nara Prefecture, 奈良県 Nara-ken). Korean does
  not transcribe the Japanese reading of a Korean or Chinese place (釜山 is 부산, not
  후잔; 北京 is 베이징), so any other place gets no Hangul and no English form; and an
  established Korean name of a Japanese place is not checked against the transcription
  (대마도 beside 쓰시마).
* *Written in kanji alone, not a person or a place, with no Korean form*: the
  Sino-Korean reading (防衛研究所 방위연구소): Korean reads the characters of a kanji
  term with their Korean sounds. A reading, not a translation, so for review: Korean
  often says it with other words (首脳会談 is 정상회담 rather than 수뇌회담, 日韓 is
  한일), and transcribes the Japanese names inside an organisation's name (朝日新聞 is
  아사히신문).
* Never an English form for anything else: it is a translation (首相 is "prime
  minister", not "Shusho"), which no rule can give.

**From a Korean form:**

* *Korean person*: Revised Romanization for persons (and the letter-by-letter
  transliteration), press spellings ranked (only ever a suggestion: Korean people choose
  the spelling of their own name), family and given name; the katakana the Japanese
  press uses (이재명 イ・ジェミョン), checked against a katakana form or the reading of
  the Japanese form; the English form (the top press spelling) when there is none.
* *Japanese person written with a space* (다카이치 사나에): family and given name, at
  the space (Korean writes Japanese names family name first, with a space). No
  romanization and no press spelling: the Latin form of a Japanese name comes from
  Japanese (Takaichi Sanae), not from its Hangul (Dakaichi Sanae).
* *Any other person*: nothing (a Western name in Hangul is given name first, a Chinese
  name is romanized from Chinese, and an unknown origin could be any of them).
* *A place or facility with a native Korean name* (its origin is korean, its English
  name is its Revised Romanization: 부산 Busan, or a curator gave a romanization):
  Revised Romanization. Nothing for any other Korean form: a loanword (유엔) or a
  transcription (나라현, 워싱턴) is not romanized from its Hangul, and nothing in the
  Hangul tells them from Korean words.

**From an English form** (Latin letters), for persons, in a language with no form yet:

* *Korean person*: the Hangul the romanization may stand for, ranked (Lee Jae-myung
  이재명), with its family and given name, and the katakana of the first.
* *Japanese person*: the kanji the names dictionary has for the kana reading of the
  romanization, ranked, with that reading; the Hangul transcription of the reading.
* *Anyone else and anything else*: nothing.

Forms in other languages are read from the entry's preferred form in each language,
fields from every form. Mining has no curator to say where a person is from: it guesses
the origin from how the name is written (``glossary.intake.linking``) and then asks
these rules. Pure rules, no database; the analysers load on first use.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from glossary.errors import GlossaryError
from glossary.lang import get_language, script
from glossary.model import Entry, Term

#: The field of the suggestion for a Korean person's katakana: compared with a form in
#: katakana or the reading of the Japanese form (the press writes イ・ジェミョン, or
#: 李在明 read so), and added as a Japanese form when there is none.
KATAKANA = "katakana"
FORM = "text"
#: A Hangul reading of a romanized name scoring under this share of the best one is left
#: out: Lee Jae-myung gives 이재명 and 리재명, not 이자에명 or 이재뮹.
WEAK_READING = 0.1


@dataclass(frozen=True)
class Suggestion:
    """What the rules suggest for one field of one language, best first.

    ``field`` is a term field, ``"text"`` for a form the entry may have in another
    language, or ``"katakana"`` (see :data:`KATAKANA`). ``parts`` are the other fields of
    the suggested form (its reading, family and given name), for the first value.
    ``check`` is False for values that are only other candidates to show: the rules do
    not propose them against what is there (another reading beside a curated one).
    """

    lang: str
    field: str
    values: tuple[str, ...]
    source: str
    parts: tuple[tuple[str, str], ...] = ()
    check: bool = True

    @property
    def value(self) -> str:
        """The rules' first choice."""
        return self.values[0]


def _fold(text: str) -> str:
    """A spelling without spaces, hyphens, capitals and macrons, to compare two."""
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return kept.replace(" ", "").replace("-", "").casefold()


def _values(items: Iterable[Any]) -> tuple[str, ...]:
    out: list[str] = []
    for v in items:
        if isinstance(v, str) and v.strip() and v.strip() not in out:
            out.append(v.strip())
    return tuple(out)


def _make(lang: str, field: str, items: Iterable[Any], source: str, **kw: Any) -> list[Suggestion]:
    values = _values(items)
    return [Suggestion(lang, field, values, source, **kw)] if values else []


def _part(value: Any) -> str:
    found = value.get("text") if isinstance(value, dict) else None
    return found if isinstance(found, str) else ""


def _katakana_only(text: str) -> bool:
    return all(
        script.char_script(c) == script.KATAKANA or c in "・ー" for c in text if not c.isspace()
    )


def _kanji_or_kana(text: str) -> bool:
    kana_kanji = (script.HAN, script.HIRAGANA, script.KATAKANA)
    return all(script.char_script(c) in kana_kanji for c in text if not c.isspace())


def _kanji_only(text: str) -> bool:
    return all(script.char_script(c) == script.HAN for c in text)


def _is_preferred(entry: Entry, term: Term) -> bool:
    return entry.preferred(term.lang) is term


def _has(entry: Entry, lang: str) -> bool:
    return entry.preferred(lang) is not None


def suggest(entry: Entry, term: Term, *, alternatives: bool = True) -> list[Suggestion]:
    """Everything the rules suggest from one of ``entry``'s forms.

    Suggestions for the form's own fields (``lang`` is the form's language), and, when
    the form is the entry's preferred one in its language, the forms the entry could
    have in the other languages. ``alternatives=False`` leaves out the candidates that
    need a second analysis (other readings beside a curated one).
    """
    if not term.text.strip():
        return []
    try:
        return get_language(term.lang).suggest(entry, term, alternatives=alternatives)
    except GlossaryError:
        return []  # a form the rules cannot read (a family name that does not start it)


def suggest_entry(entry: Entry, *, alternatives: bool = False) -> list[Suggestion]:
    """The suggestions from the entry's preferred form in each language."""
    out: list[Suggestion] = []
    for lang in ("ja", "ko", "en"):
        term = entry.preferred(lang)
        if term is not None:
            out.extend(suggest(entry, term, alternatives=alternatives))
    return out


def suggested_term(s: Suggestion) -> Term:
    """The form a ``text`` or ``katakana`` suggestion proposes, as a new term whose
    fields are marked as the tool's suggestions."""
    term = Term(s.lang, s.value, suggested=[FORM])
    for name, value in s.parts:
        setattr(term, name, value)
        term.suggested.append(name)
    return term


# -- from a Japanese form ---------------------------------------------------------------


def from_japanese_form(entry: Entry, term: Term, *, alternatives: bool = True) -> list[Suggestion]:
    """The rules for a Japanese form (see the module docstring)."""
    out = _japanese_reading(entry, term, alternatives)
    if _is_preferred(entry, term):
        out += _sino_korean(entry, term)
    return out


def _japanese_reading(entry: Entry, term: Term, alternatives: bool) -> list[Suggestion]:
    from glossary.lang.ja import romanize_entry

    person = entry.kind == "person"
    japanese_person = person and entry.origin == "japanese"
    if person and not japanese_person:
        return []
    if not person and _katakana_only(term.text):
        return []
    if not term.reading and not _kanji_or_kana(term.text):
        return []
    data = romanize_entry(term.text, kind=entry.kind, reading=term.reading or None)
    if not data.get("reading"):
        return []
    out: list[Suggestion] = []
    if term.reading:
        # The curated reading wins; the other readings are shown beside it, unchecked.
        guessed = romanize_entry(term.text, kind=entry.kind) if alternatives else {}
        others = [guessed, *(guessed.get("alternatives") or [])]
        out += _make(
            "ja", "reading", (a.get("reading") for a in others), "other readings", check=False
        )
    else:
        others = [data, *(data.get("alternatives") or [])]
        out += _make("ja", "reading", (a.get("reading") for a in others), "reading suggestion")
    stricts = [data.get("strict"), *(a.get("strict") for a in others)]
    out += _make("ja", "hepburn", stricts, "modified Hepburn")
    out += _make("ja", "plain", [data.get("plain"), data.get("passport")], "press form")
    family, given = _part(data.get("family")), _part(data.get("given"))
    if japanese_person and family and given:
        out += _make("ja", "family", [family], "name split")
        out += _make("ja", "given", [given], "name split")
    if not _is_preferred(entry, term):
        return out
    hangul = "Korean standard for transcribing Japanese"
    japanese_place = entry.kind == "place" and _japanese_place(entry, data)
    if (japanese_person or japanese_place) and not _has(entry, "en"):
        out += _make("en", FORM, [data.get("plain")], "press form")
    if japanese_person or (japanese_place and not _has(entry, "ko")):
        out += _make("ko", FORM, [data.get("hangul")], hangul)
    return out


def _japanese_place(entry: Entry, data: dict[str, Any]) -> bool:
    """Whether a place is Japanese: its origin says so, or its English name is the
    romanization of its reading (Nara Prefecture: 奈良県 Nara-ken; Tokyo: Tōkyō)."""
    if entry.origin:
        return entry.origin == "japanese"
    en = entry.preferred("en")
    if en is None or not en.text.split():
        return False
    first = _fold(en.text.split()[0])
    stems = {_fold(str(data.get(k) or "").split("-")[0]) for k in ("strict", "plain")}
    return first in stems


def _sino_korean(entry: Entry, term: Term) -> list[Suggestion]:
    from glossary.lang.ko import sino_korean_reading

    if _has(entry, "ko") or entry.kind in ("person", "place") or not _kanji_only(term.text):
        return []
    return _make(
        "ko", FORM, [sino_korean_reading(term.text, kind=entry.kind)], "Sino-Korean reading"
    )


# -- from a Korean form -----------------------------------------------------------------


def from_korean_form(entry: Entry, term: Term) -> list[Suggestion]:
    """The rules for a Korean form (see the module docstring)."""
    from glossary.lang.ko import romanize_entry, to_katakana

    if entry.kind == "person" and entry.origin == "korean":
        family = term.family or None
        r = romanize_entry(term.text, kind="person", family=family)
        out = _make(
            "ko",
            "romanization",
            [r["strict"], r["transliteration"]],
            "Revised Romanization, person",
        )
        out += _make("ko", "press", [r["plain"], *r["alternatives"]], "press-spelling table")
        if r["family"] and r["given"]:
            out += _make("ko", "family", [r["family"]], "name split")
            out += _make("ko", "given", [r["given"]], "name split")
        if _is_preferred(entry, term):
            if not _has(entry, "en"):
                out += _make("en", FORM, [r["plain"]], "press-spelling table")
            katakana = to_katakana(term.text, family=family)
            out += _make("ja", KATAKANA, [katakana], "Japanese press katakana")
        return out
    if entry.kind == "person":
        if entry.origin == "japanese" and " " in term.text.strip():
            family_name, given = get_language("ko").split_person_name(term.text, "japanese")
            return _make("ko", "family", [family_name], "name split") + _make(
                "ko", "given", [given], "name split"
            )
        return []
    if entry.kind in ("place", "facility") and _native_korean(entry, term):
        r = romanize_entry(term.text, kind=entry.kind)
        return _make(
            "ko", "romanization", [r["strict"], r["transliteration"]], "Revised Romanization"
        )
    return []


def _native_korean(entry: Entry, term: Term) -> bool:
    """A Korean place's romanization is its English name (Busan, Gyeongju)."""
    if entry.origin:
        return entry.origin == "korean"
    if term.romanization:
        return True
    en = entry.preferred("en")
    if en is None:
        return False
    from glossary.lang.ko import romanize

    return _fold(romanize(term.text, kind="place")) == _fold(en.text)


# -- from an English form ---------------------------------------------------------------


def from_english_form(entry: Entry, term: Term) -> list[Suggestion]:
    """The rules for an English form (see the module docstring)."""
    if entry.kind != "person" or not _is_preferred(entry, term):
        return []
    name = f"{term.family} {term.given}" if term.family and term.given else term.text
    if entry.origin == "korean":
        return _korean_from_latin(entry, name)
    if entry.origin == "japanese":
        return _japanese_from_latin(entry, name)
    return []


def _korean_from_latin(entry: Entry, name: str) -> list[Suggestion]:
    from glossary.lang.ko import hangul_candidates, to_katakana

    if _has(entry, "ko"):
        return []
    found = hangul_candidates(name, limit=6)
    if not found:
        return []
    # Readings far below the best are spellings no one bears (Woo Sung-lak: 우성띾).
    ranked = [hangul for hangul, score in found if score >= found[0][1] * WEAK_READING]
    family, given = get_language("ko").split_person_name(ranked[0], "korean")
    out = _make(
        "ko",
        FORM,
        ranked,
        "Hangul read from the romanization",
        parts=(("family", family), ("given", given)),
    )
    if not _has(entry, "ja"):
        out += _make("ja", KATAKANA, [to_katakana(ranked[0])], "Japanese press katakana")
    return out


def _japanese_from_latin(entry: Entry, name: str) -> list[Suggestion]:
    from glossary.lang.ja import kanji_candidates, romaji_to_kana, to_hangul

    if _has(entry, "ja"):
        return []
    kana = romaji_to_kana(name)
    if not kana:
        return []
    out = _make(
        "ja",
        FORM,
        kanji_candidates(kana, kind="person", limit=6),
        "kanji from the names dictionary",
        parts=(("reading", kana),),
    )
    if not _has(entry, "ko"):
        out += _make("ko", FORM, [to_hangul(kana)], "Korean standard for transcribing Japanese")
    return out

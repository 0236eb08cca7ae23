"""Which written forms the style check looks for, and what each one means.

For every approved entry and language the *house form* is the preferred term, or for a
person the name rendered by the house style's name-order rules. Every other form the
glossary knows (stored variants, abbreviations, deprecated and forbidden forms, and the
generated name-order and spelling variants of persons) is classified against it:

``house``          the house form itself
``accepted``       another accepted name (an abbreviation, a short form): no finding
``partial``        a person's family name alone: no finding, not counted as a second way
``spelling``       the same key as the house form, written differently (Lee Jae Myung)
``name-order``     a person's parts in the other order (Sanae Takaichi under default)
``deprecated``, ``forbidden``  the roles a curator gave the form
``transcription``  a Japanese name in Hangul with an aspirated initial (타카이치)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from glossary.lang.keys import normalize_key
from glossary.lang.names import PersonName, possessive, render, variants
from glossary.lang.script import HANGUL, LATIN, char_script
from glossary.model import Entry, Term

#: Categories that mark a form as fine to use.
VALID = frozenset({"house", "accepted", "partial"})


@dataclass(frozen=True, slots=True)
class Pattern:
    """One form to look for, the entry it belongs to, and what finding it means."""

    text: str
    entry_id: int
    lang: str
    category: str
    house: str


def _person_parts(entry: Entry, term: Term) -> PersonName | None:
    if entry.kind != "person" or not (term.family and term.given and entry.origin):
        return None
    return PersonName(term.family, term.given, entry.origin)


def house_form(entry: Entry, lang: str, style: str) -> str | None:
    """The form the house style wants for this entry in this language."""
    pref = entry.preferred(lang)
    if pref is None:
        return None
    name = _person_parts(entry, pref)
    return render(name, lang, style) if name else pref.text


def _aspirated_variants(text: str) -> list[str]:
    """Hangul words with their first consonant aspirated (다카이치 -> 타카이치)."""
    aspirate = {0: 15, 3: 16, 12: 14, 7: 17}  # ㄱ->ㅋ ㄷ->ㅌ ㅈ->ㅊ ㅂ->ㅍ
    words = text.split(" ")
    out = []
    for i, word in enumerate(words):
        if not word or char_script(word[0]) != HANGUL:
            continue
        code = ord(word[0]) - 0xAC00
        if not 0 <= code < 11172:
            continue
        initial, rest = divmod(code, 588)
        if initial in aspirate:
            changed = chr(0xAC00 + aspirate[initial] * 588 + rest) + word[1:]
            out.append(" ".join([*words[:i], changed, *words[i + 1 :]]))
    return out


def _is_japanese_transcription(entry: Entry) -> bool:
    """True when the Korean form transcribes the Japanese reading (Japanese names, places)."""
    if entry.kind == "person":
        return entry.origin == "japanese"
    ja, ko = entry.preferred("ja"), entry.preferred("ko")
    if ja is None or ko is None or not ja.reading:
        return False
    from glossary.lang.ja import to_hangul

    return normalize_key(to_hangul(ja.reading)) == normalize_key(ko.text)


def patterns_for_entry(entry: Entry, style: str) -> Iterator[Pattern]:
    """Every form of an approved entry the check recognises, with its category."""
    assert entry.id is not None
    for lang in ("en", "ko", "ja"):
        house = house_form(entry, lang, style)
        pref = entry.preferred(lang)
        if house is None or pref is None:
            continue
        house_key = normalize_key(house)
        name = _person_parts(entry, pref)
        reversed_key = None
        if name is not None:
            family_first = normalize_key(name.family + name.given)
            given_first = normalize_key(name.given + name.family)
            reversed_key = given_first if house_key == family_first else family_first

        def classify(
            form: str,
            house: str = house,
            house_key: str = house_key,
            reversed_key: str | None = reversed_key,
        ) -> str:
            if form == house:
                return "house"
            key = normalize_key(form)
            if key == house_key:
                return "spelling"
            if reversed_key is not None and key == reversed_key:
                return "name-order"
            return "accepted"

        def make(text: str, category: str, lang: str = lang, house: str = house) -> Pattern:
            return Pattern(text, entry.id or 0, lang, category, house)

        yield make(house, "house")
        for term in entry.terms_in(lang):
            if "text" in term.suggested and term is not pref:
                continue  # a form the miner proposed: not house style until a curator says so
            if term.role in ("deprecated", "forbidden"):
                yield make(term.text, term.role)
            elif term.role == "abbreviation":
                yield make(term.text, "accepted")
            else:
                yield make(term.text, classify(term.text))
        if name is not None:
            poss = {p for v in (house, name.family) for p in possessive(v)}
            for form in variants(name, lang):
                if form in poss or any(form.endswith(s) for s in ("'s", "’s")):
                    continue
                if normalize_key(form) == normalize_key(name.family):
                    yield make(form, "partial" if form == name.family else "spelling")
                else:
                    yield make(form, classify(form))
        if lang == "ko" and _is_japanese_transcription(entry):
            for right in {house, name.family if name else house}:
                for form in _aspirated_variants(right):
                    yield make(form, "transcription", house=right)


def needs_word_boundary(text: str) -> bool:
    """Latin-script forms must stand as whole words; Korean and Japanese ones need not."""
    return any(char_script(c) == LATIN for c in text)

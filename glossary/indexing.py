"""Which lookup keys an entry is indexed under.

Every term's own text is indexed as a ``form`` (a query equal to it matches
``exact``). Its romanizations, reading, press spelling, hanja and name parts, and the
possessive-free and name-order variants, are indexed as ``variant``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from glossary.keys import normalize_key
from glossary.model import Entry

#: Term fields indexed as variants, and the name each key records as its source.
_VARIANT_FIELDS = ("romanization", "press", "reading", "hepburn", "plain", "hanja")


@dataclass(frozen=True)
class IndexKey:
    lang: str
    key: str
    match: str
    source: str


def keys_for_entry(entry: Entry) -> Iterator[IndexKey]:
    """Every distinct (key, match) an entry is found under; a form beats a variant."""
    seen: dict[tuple[str, str], IndexKey] = {}

    def add(lang: str, text: str, match: str, source: str) -> None:
        key = normalize_key(text)
        if not key:
            return
        old = seen.get((lang, key))
        if old is None or (old.match == "variant" and match == "form"):
            seen[(lang, key)] = IndexKey(lang, key, match, source)

    for term in entry.terms:
        add(term.lang, term.text, "form", "text")
        for name in _VARIANT_FIELDS:
            value = getattr(term, name)
            if value:
                # Hepburn and romanization fields index in the term's language, so that a
                # Latin-script query filtered to "ja" still finds the Japanese form.
                add(term.lang, value, "variant", name)
        if term.family and term.given:
            add(term.lang, term.family, "variant", "family")
            # The family part of a reading or romanization written "family given".
            for name in ("reading", "hepburn", "plain", "romanization", "press"):
                value = getattr(term, name)
                if value and " " in value.strip():
                    add(term.lang, value.split()[0], "variant", name)
            for order in ((term.family, term.given), (term.given, term.family)):
                add(term.lang, " ".join(order), "variant", "name-order")
    yield from seen.values()

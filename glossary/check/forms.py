"""The forms the style check looks for, in an Aho-Corasick automaton that an edit updates.

Building the checker of a large glossary is mostly making each entry's forms
(:func:`~glossary.check.patterns.patterns_for_entry`: the name-order and spelling
variants of every person), then a few seconds more for the automaton over them. An edit
changes a handful of entries, so :meth:`FormIndex.updated` makes the forms of those
entries only, and keeps the automaton:

* the automaton holds no values, only each form's length (``STORE_LENGTH``); a match is
  looked up in a dictionary from form to patterns, and an update replaces the
  dictionary's values for the forms it touches. A form that no entry has any more stays
  in the automaton and finds nothing in the dictionary;
* a form the automaton does not have yet goes into a second, small automaton of the
  forms added since, made anew by each update; when that one holds more than
  :data:`OVERLAY_LIMIT` forms, the main automaton is rebuilt over every form (from the
  dictionary: no form is made again).

An update returns a new index and leaves the old one as it was, so a check running in
another thread goes on with the glossary it started with. The patterns of a form are
kept in entry order, whatever order the edits came in, so an updated index finds what
an index built afresh finds.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from operator import attrgetter

import ahocorasick

from glossary.check.patterns import Pattern
from glossary.lang.keys import normalize_key

#: Forms added since the main automaton was built that the small one holds at most.
OVERLAY_LIMIT = 20_000

_by_entry_id = attrgetter("entry_id")


def lower(text: str) -> str:
    """``text`` in lower case, as long as ``text`` (offsets in one are offsets in the other)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    # A few characters change length when lowered (İ); keep offsets aligned.
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _automaton(keys: Iterable[str]) -> ahocorasick.Automaton | None:
    automaton = ahocorasick.Automaton(ahocorasick.STORE_LENGTH)
    for key in keys:
        automaton.add_word(key)
    if not len(automaton):
        return None
    automaton.make_automaton()
    return automaton


class FormIndex:
    """Every pattern of the check, by entry and by lower-cased form, and the automata
    that find the forms in a draft."""

    def __init__(self, patterns: Iterable[Pattern] = ()) -> None:
        by_entry: dict[int, list[Pattern]] = {}
        for p in patterns:
            by_entry.setdefault(p.entry_id, []).append(p)
        self._by_entry = {eid: tuple(pats) for eid, pats in by_entry.items()}
        by_key: dict[str, list[Pattern]] = {}
        known: dict[str, int] = {}
        for eid in sorted(self._by_entry):
            for p in self._by_entry[eid]:
                by_key.setdefault(lower(p.text), []).append(p)
                nk = normalize_key(p.text)
                known[nk] = known.get(nk, 0) + 1
        self._by_key = {key: tuple(pats) for key, pats in by_key.items()}
        self._known = known
        self._main = _automaton(self._by_key)
        self._added: frozenset[str] = frozenset()
        self._overlay: ahocorasick.Automaton | None = None

    @property
    def size(self) -> int:
        """How many distinct (lower-cased) forms the index has."""
        return len(self._by_key)

    def knows(self, key: str) -> bool:
        """True when some pattern's normalised key is ``key``."""
        return key in self._known

    def matches(self, lowered: str) -> Iterator[tuple[int, int, tuple[Pattern, ...]]]:
        """``(start, end, patterns)`` of every form found in ``lowered`` (overlapping
        ones too; ``end`` is exclusive)."""
        by_key = self._by_key
        for automaton in (self._main, self._overlay):
            if automaton is None:
                continue
            for last, length in automaton.iter(lowered):
                start = last - length + 1
                pats = by_key.get(lowered[start : last + 1])
                if pats:
                    yield start, last + 1, pats

    def updated(self, changed: Mapping[int, Iterable[Pattern]]) -> FormIndex:
        """A new index in which each entry of ``changed`` has the patterns given (its
        own, as :func:`patterns_for_entry` makes them; none: the entry was deleted or is
        no longer checked); this one is left as it was."""
        new = object.__new__(FormIndex)
        new._by_entry = dict(self._by_entry)
        new._by_key = dict(self._by_key)
        new._known = dict(self._known)
        new._main = self._main
        touched: dict[str, list[Pattern]] = {}  # form -> the new patterns of changed entries
        for eid, patterns in changed.items():
            for p in new._by_entry.pop(eid, ()):
                touched.setdefault(lower(p.text), [])
                nk = normalize_key(p.text)
                if new._known[nk] == 1:
                    del new._known[nk]
                else:
                    new._known[nk] -= 1
            fresh = tuple(patterns)
            if fresh:
                new._by_entry[eid] = fresh
            for p in fresh:
                touched.setdefault(lower(p.text), []).append(p)
                nk = normalize_key(p.text)
                new._known[nk] = new._known.get(nk, 0) + 1
        added = set(self._added)
        for key, fresh_pats in touched.items():
            kept = [p for p in new._by_key.get(key, ()) if p.entry_id not in changed]
            # Stable: each entry's patterns stay in their own order, entries in id order.
            pats = tuple(sorted(kept + fresh_pats, key=_by_entry_id))
            if pats:
                new._by_key[key] = pats
                if new._main is None or not new._main.exists(key):
                    added.add(key)
            else:
                new._by_key.pop(key, None)
        if len(added) > OVERLAY_LIMIT:
            new._main = _automaton(new._by_key)  # every form again; the small one empties
            added = set()
        new._added = frozenset(added)
        new._overlay = _automaton(k for k in new._added if k in new._by_key)
        return new

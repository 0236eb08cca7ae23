"""What a language miner finds: one mention of a name or term in a text."""

from __future__ import annotations

from dataclasses import dataclass

KINDS: tuple[str, ...] = ("person", "place", "org", "facility", "event", "work", "term")


@dataclass
class Mention:
    """One occurrence of a glossary candidate in a text.

    ``surface`` is the text as written with titles, particles and possessive endings
    stripped (``text[start:end] == surface``); ``sentence`` is the sentence holding
    it; ``normalized`` is the key that variants of the same name share (the
    clusterer merges mentions with equal keys, and links more across articles).
    """

    surface: str
    start: int
    end: int
    sentence: str
    kind: str
    lang: str
    normalized: str

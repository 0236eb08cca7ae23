"""What differs from one of the glossary's languages to the next, behind one interface.

A :class:`Language` (one instance per language, from
:func:`glossary.lang.get_language`) answers the questions callers used to answer with
``if lang == "ko": ... elif lang == "ja": ...``: how the language is written (with
spaces between words or not, particles joined to the word before them), how its text
is romanized, how a person's name splits into family and given name, which miner reads
its articles, and what the language rules suggest from one of its forms.

The objects are cheap: nothing heavier than this module is imported until a method
needs it, so asking for a language never loads an analyser (kiwipiepy, fugashi,
jamdict, pykakasi).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from glossary.errors import GlossaryError

if TYPE_CHECKING:
    from glossary.lang.suggestions import Suggestion
    from glossary.mining.mention import Mention
    from glossary.model import Entry, Term


def not_romanizable(text: str) -> GlossaryError:
    """The error for text that has no romanization (English, or no known script)."""
    return GlossaryError(
        f"{text!r} is not Korean or Japanese text; give --lang ko or --lang ja for native "
        "text (English needs no romanization)"
    )


class Language:
    """One language of the glossary; subclasses say what differs."""

    #: The ISO 639-1 code (en, ko, ja) and the name shown to users.
    code: str = ""
    name: str = ""
    #: Words are separated by spaces. Weblate applies word boundaries only to such
    #: languages, and so does the glossary: a form must start a word (and, without
    #: particles, end one); a sentence ends at a full stop followed by a space.
    spaced: bool = True
    #: Grammatical particles are written joined to the word before them (다카이치는), so a
    #: form may be followed by more letters.
    particles: bool = False
    #: A curated reading (kana) says how a form is read, and wins over suggestions.
    has_readings: bool = False
    #: The module whose ``mine_text`` finds names and terms in this language's articles.
    miner_module: str = ""

    @property
    def word_boundaries(self) -> tuple[bool, bool]:
        """Whether a form must stand at the start and at the end of a word."""
        return self.spaced, self.spaced and not self.particles

    def __repr__(self) -> str:
        return f"<Language {self.code}>"

    def romanize(
        self, text: str, *, kind: str | None = None, reading: str | None = None
    ) -> dict[str, Any]:
        """The ``glossary romanize --json`` object for ``text`` (see
        :func:`glossary.lang.romanize.romanize_text`)."""
        raise not_romanizable(text)

    def latin_spellings(self, text: str, kind: str) -> list[str]:
        """Latin spellings under which a form of this language may already be stored
        (高市早苗 → Takaichi Sanae); none for a language written in Latin letters."""
        return []

    def split_person_name(self, name: str, origin: str = "") -> tuple[str, str]:
        """(family, given) of a person's name written in this language; the given name
        is empty when the name cannot be split."""
        raise NotImplementedError

    def miner(self) -> Callable[[str], list[Mention]]:
        """The function that mines this language's text (its analyser loads on first use)."""
        found: Callable[[str], list[Mention]] = importlib.import_module(self.miner_module).mine_text
        return found

    def suggest(self, entry: Entry, term: Term, *, alternatives: bool = True) -> list[Suggestion]:
        """What the language rules suggest from ``term``, a form of ``entry`` in this
        language (see :mod:`glossary.lang.suggestions`)."""
        return []

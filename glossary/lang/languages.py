"""English, Korean and Japanese: the three :class:`~glossary.lang.base.Language` objects.

Each method imports the language's rules when first called (``glossary.lang.ko``,
``glossary.lang.ja``), so that importing this module costs nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from glossary.lang.base import Language

if TYPE_CHECKING:
    from glossary.lang.suggestions import Suggestion
    from glossary.model import Entry, Term


class English(Language):
    """English: written with spaces, in Latin letters, so nothing to romanize."""

    code = "en"
    name = "English"
    miner_module = "glossary.mining.english"

    def split_person_name(self, name: str, origin: str = "") -> tuple[str, str]:
        """Split by the house style's name order for ``origin`` (western when not set);
        a comma or a family name in capitals decides first (Takaichi, Sanae)."""
        from glossary.lang.names import parse_latin_name

        parsed = parse_latin_name(name, origin or "western")
        return (parsed.family, parsed.given) if parsed else (name.strip(), "")

    def suggest(self, entry: Entry, term: Term, *, alternatives: bool = True) -> list[Suggestion]:
        from glossary.lang.suggestions import from_english_form

        return from_english_form(entry, term)


class Korean(Language):
    """Korean: written with spaces, particles joined to the word (다카이치는)."""

    code = "ko"
    name = "Korean"
    particles = True
    miner_module = "glossary.mining.korean"

    def romanize(
        self, text: str, *, kind: str | None = None, reading: str | None = None
    ) -> dict[str, Any]:
        from glossary.lang.ko import romanize_entry

        data: dict[str, Any] = dict(romanize_entry(text, kind=kind or "term"))
        return {
            "input": text,
            "lang": self.code,
            "kind": kind,
            "reading": None,
            "strict": data.get("strict"),
            "plain": data.get("plain"),
            "plain_is_suggestion": data.get("plain_is_suggestion", False),
            "transliteration": data.get("transliteration"),
            "family": data.get("family"),
            "given": data.get("given"),
            "alternatives": list(data.get("alternatives") or []),
        }

    def latin_spellings(self, text: str, kind: str) -> list[str]:
        """For a person, the press spellings and the strict Revised Romanization; other
        Korean forms are not looked for by their romanization."""
        if kind != "person":
            return []
        from glossary.lang.ko import romanize, suggest_press_spellings

        return [*suggest_press_spellings(text, limit=3), romanize(text, kind="person")]

    def split_person_name(self, name: str, origin: str = "") -> tuple[str, str]:
        """A Korean name (or one of unknown origin) by the family-name table (이재명 →
        이, 재명; 남궁민 → 남궁, 민; a space decides: 황 보라). A foreign name at its space,
        in the order Korean writes names of that origin (다카이치 사나에 family name
        first, 도널드 트럼프 given name first); written solid, it is not split."""
        from glossary.lang.ko import split_person_name

        text = " ".join(name.split())
        if origin in ("", "korean"):
            return split_person_name(text)
        if " " not in text:
            return text, ""  # a foreign name written solid: nothing says where to cut
        from glossary.lang.styles import DEFAULT_STYLE, rule_for

        if rule_for(DEFAULT_STYLE, origin, self.code).family_first:
            family, _, given = text.partition(" ")
        else:
            given, _, family = text.rpartition(" ")
        return family, given

    def suggest(self, entry: Entry, term: Term, *, alternatives: bool = True) -> list[Suggestion]:
        from glossary.lang.suggestions import from_korean_form

        return from_korean_form(entry, term)


class Japanese(Language):
    """Japanese: written without spaces, so no word boundaries; forms have readings."""

    code = "ja"
    name = "Japanese"
    spaced = False
    particles = True
    has_readings = True
    miner_module = "glossary.mining.japanese"

    def romanize(
        self, text: str, *, kind: str | None = None, reading: str | None = None
    ) -> dict[str, Any]:
        from glossary.lang.ja import romanize_entry

        data = dict(romanize_entry(text, kind=kind, reading=reading))
        family, given = data.get("family"), data.get("given")
        return {
            "input": text,
            "lang": self.code,
            "kind": kind,
            "reading": data.get("reading"),
            "reading_source": data.get("reading_source"),
            "strict": data.get("strict"),
            "plain": data.get("plain"),
            "passport": data.get("passport"),
            "hangul": data.get("hangul"),
            "transliteration": None,
            "family": family["text"] if family else None,
            "given": given["text"] if given else None,
            "alternatives": list(data.get("alternatives") or []),
        }

    def latin_spellings(self, text: str, kind: str) -> list[str]:
        """Modified Hepburn and the press form of the reading the dictionaries suggest."""
        from glossary.lang.ja import romanize_entry

        data = romanize_entry(text, kind=kind)
        return [data.get("strict") or "", data.get("plain") or ""]

    def split_person_name(self, name: str, origin: str = "") -> tuple[str, str]:
        """By the readings of the name dictionaries (高市早苗 → 高市, 早苗), at a space or
        a middle dot (ドナルド・トランプ, given name first)."""
        from glossary.lang.ja import split_person_name

        split = split_person_name(name)
        return split.family, split.given

    def suggest(self, entry: Entry, term: Term, *, alternatives: bool = True) -> list[Suggestion]:
        from glossary.lang.suggestions import from_japanese_form

        return from_japanese_form(entry, term, alternatives=alternatives)


LANGUAGE_OBJECTS: dict[str, Language] = {
    lang.code: lang for lang in (English(), Korean(), Japanese())
}

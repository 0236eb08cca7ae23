"""Language rules: one subpackage per language over a common base.

``get_language("ko-KR")`` gives the :class:`~glossary.lang.base.Language` object of one of
the languages the glossary knows (``en``, ``ko``, ``ja``): how it is written, romanized,
mined, how its names split, what the rules suggest from its forms. A tag such as
``ko-KR``, ``ko_KR`` or ``KO`` names Korean; anything else is refused with the allowed
values listed. Getting a language imports none of the analysers.
"""

from __future__ import annotations

from glossary.errors import InvalidValue
from glossary.lang.base import Language
from glossary.lang.languages import LANGUAGE_OBJECTS

LANGUAGES: tuple[str, ...] = tuple(LANGUAGE_OBJECTS)
LANGUAGE_NAMES = {code: lang.name for code, lang in LANGUAGE_OBJECTS.items()}

__all__ = ["LANGUAGES", "LANGUAGE_NAMES", "Language", "get_language", "normalize_language"]


def normalize_language(code: str) -> str:
    """Turn a language tag such as ``ko-KR``, ``ja_JP`` or ``EN`` into ``ko``, ``ja`` or ``en``."""
    base = code.strip().replace("_", "-").split("-")[0].lower()
    if base == "jp":  # a common mistake for the ISO code ja
        base = "ja"
    if base == "kr":
        base = "ko"
    if base not in LANGUAGES:
        raise InvalidValue("language", code, LANGUAGES)
    return base


def get_language(code: str) -> Language:
    """The language a tag names (``ko-KR``, ``ko_KR``, ``KO`` → Korean); InvalidValue,
    listing ``en``, ``ko`` and ``ja``, for any other."""
    return LANGUAGE_OBJECTS[normalize_language(code)]

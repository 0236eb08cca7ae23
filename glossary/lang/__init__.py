"""Language rules: one subpackage per language over a common base.

``get_language("ko-KR")`` normalises a language tag to one of the languages the
glossary knows (``en``, ``ko``, ``ja``) and refuses anything else with the allowed
values listed.
"""

from __future__ import annotations

from glossary.errors import InvalidValue

LANGUAGES: tuple[str, ...] = ("en", "ko", "ja")
LANGUAGE_NAMES = {"en": "English", "ko": "Korean", "ja": "Japanese"}


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

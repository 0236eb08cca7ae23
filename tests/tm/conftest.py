"""Fixtures for the sentence memory: a memory on each backend, the TMX fixture files."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary import Glossary
from glossary.tm import TranslationMemory, Unit, Variant

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "tm"


@pytest.fixture
def tm(g: Glossary) -> TranslationMemory:
    return TranslationMemory(g)


def pair(en: str, other: str, lang: str = "ja", **kw: object) -> Unit:
    """A two-language unit, English first."""
    return Unit(variants=[Variant("en", en), Variant(lang, other)], srclang="en", **kw)  # type: ignore[arg-type]

"""The sentence memory: translation units (a sentence and its translations in English,
Korean and Japanese), TMX in and out, alignment of parallel articles, fuzzy matches
and the concordance, with the glossary's terms found in each sentence.

::

    from glossary import open_glossary
    from glossary.tm import TranslationMemory

    tm = TranslationMemory(open_glossary())
    tm.import_tmx("memoq-export.tmx")
    for m in tm.match("Prime Minister Takaichi met President Lee.", source="en", target="ja"):
        print(m.score, m.unit.variant("ja").text)
"""

from glossary.model import Prop, Unit, Variant
from glossary.tm.importing import TmImportReport
from glossary.tm.memory import TranslationMemory

__all__ = ["Prop", "TmImportReport", "TranslationMemory", "Unit", "Variant"]

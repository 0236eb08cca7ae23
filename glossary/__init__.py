"""glossary: a multilingual glossary and translation memory for news translators.

The handful of names a script needs::

    from glossary import open_glossary
    g = open_glossary()
    for match in g.lookup("Takaichi"):
        print(match.entry.preferred("ja").text)
"""

from glossary.api import Glossary, open_glossary
from glossary.errors import ConflictError, GlossaryError, NotFound
from glossary.lookup import Match
from glossary.model import Entry, Term

__all__ = [
    "ConflictError",
    "Entry",
    "Glossary",
    "GlossaryError",
    "Match",
    "NotFound",
    "Term",
    "open_glossary",
]
__version__ = "0.1.0"

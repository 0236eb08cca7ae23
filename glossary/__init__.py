"""glossary: a multilingual glossary and translation memory for news translators.

The handful of names a script needs::

    from glossary import open_glossary
    g = open_glossary()
    for match in g.lookup("Takaichi"):
        print(match.entry.preferred("ja").text)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from glossary.api import Glossary, open_glossary
    from glossary.errors import ConflictError, GlossaryError, NotFound
    from glossary.lookup import Match
    from glossary.model import Entry, Term

# Where each public name lives. They are imported when first used, so that importing
# one module of the package (as every command of the command line does) does not
# import all of them.
_PUBLIC = {
    "ConflictError": "glossary.errors",
    "Entry": "glossary.model",
    "Glossary": "glossary.api",
    "GlossaryError": "glossary.errors",
    "Match": "glossary.lookup",
    "NotFound": "glossary.errors",
    "Term": "glossary.model",
    "open_glossary": "glossary.api",
}

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


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'glossary' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_PUBLIC])

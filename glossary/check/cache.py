"""One checker per house style, kept up to date with the glossary.

A checker is built once per style; when the glossary has changed since, the entries
changed (from the history) are applied to it with :meth:`Checker.updated`, which makes
the forms of those entries only. Many changes at once (an import) build it again.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from glossary.check.checker import Checker
from glossary.lang.styles import check_style

if TYPE_CHECKING:
    from glossary.api import Glossary

#: More changed entries than this since the last check: build the checker again.
REBUILD_AFTER = 5_000


class CheckerCache:
    """Checkers for a glossary, keyed by house style and the glossary's generation."""

    def __init__(self, g: Glossary) -> None:
        self.g = g
        self._lock = threading.Lock()
        self._built: dict[str, tuple[int, Checker]] = {}

    def get(self, style: str) -> Checker:
        """The checker for ``style``, brought up to date if an entry changed since."""
        style = check_style(style)
        with self._lock:
            cached = self._built.get(style)
            if cached is None:
                return self._build(style)
            generation, checker = cached
            now, changed = self.g.changes_since(generation)
            if now == generation:
                return checker
            if now < generation or len(changed) > REBUILD_AFTER:
                return self._build(style)
            checker = checker.updated(changed)
            self._built[style] = (now, checker)
            return checker

    def _build(self, style: str) -> Checker:
        # The generation is read first: a change made during the build is applied again
        # by the next get(), which is harmless (an update replaces an entry's forms).
        generation = self.g.generation()
        checker = Checker.from_glossary(self.g, style)
        self._built[style] = (generation, checker)
        return checker

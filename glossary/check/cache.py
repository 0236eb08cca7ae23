"""One checker per house style, rebuilt only when the glossary has changed."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from glossary.check.checker import Checker
from glossary.lang.styles import check_style

if TYPE_CHECKING:
    from glossary.api import Glossary


class CheckerCache:
    """Checkers for a glossary, keyed by house style and the glossary's generation."""

    def __init__(self, g: Glossary) -> None:
        self.g = g
        self._lock = threading.Lock()
        self._built: dict[str, tuple[int, Checker]] = {}

    def get(self, style: str) -> Checker:
        """The checker for ``style``, built anew if an entry changed since the last one."""
        style = check_style(style)
        generation = self.g.generation()
        with self._lock:
            cached = self._built.get(style)
            if cached is None or cached[0] != generation:
                cached = (generation, Checker.from_glossary(self.g, style))
                self._built[style] = cached
            return cached[1]

"""House-style check of drafts: known names and terms written the way the house wants.

Build a :class:`Checker` once from the glossary (one Aho-Corasick automaton over every
form of every approved entry) and run it over any number of drafts::

    checker = Checker.from_glossary(g, style="default")
    for finding in checker.check(text, file="draft.txt"):
        print(finding.line, finding.column, finding.found, "->", finding.suggestion)
"""

from glossary.check.checker import Checker, check_paths
from glossary.check.findings import SEVERITIES, Finding

__all__ = ["SEVERITIES", "Checker", "Finding", "check_paths"]

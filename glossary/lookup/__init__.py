"""Finding entries by any of their forms, under the normalised key of :mod:`glossary.lang.keys`.

Matches are tried in order of strength: ``exact`` (the query is one of the entry's
written forms), ``variant`` (a romanization, reading, press spelling, name-order or
romanization-system variant), ``prefix`` (search-as-you-type), ``substring`` (a part of
a Korean or Japanese form, such as 高市 in 高市早苗) and ``fuzzy`` (typos). Results are
ranked by match, then approved before candidate, then by how much evidence an entry
has. :mod:`glossary.lookup.engine` says which statements answer each kind of match.
"""

from __future__ import annotations

from glossary.lookup.engine import Lookup, lookup_entries, search
from glossary.lookup.match import MATCH_ORDER, Match

__all__ = ["MATCH_ORDER", "Lookup", "Match", "lookup_entries", "search"]

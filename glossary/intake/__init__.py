"""Where the glossary takes in new names: mined candidates linked to the entries they
are (:mod:`glossary.intake.linking`) and names a checked draft uses but the glossary
does not know (:mod:`glossary.intake.unknown`), both into the curation queue."""

from __future__ import annotations

from glossary.intake.linking import IntakeReport, find_existing, save_candidates
from glossary.intake.unknown import queue_unknown, queue_unknown_name

__all__ = [
    "IntakeReport",
    "find_existing",
    "queue_unknown",
    "queue_unknown_name",
    "save_candidates",
]

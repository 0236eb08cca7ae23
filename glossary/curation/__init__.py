"""What curators do with the glossary: work through the queue of mined candidates,
approve or reject them, split a wrong merge, and read articles with the known terms
marked. Merging is :meth:`glossary.Glossary.merge`; every operation here is recorded in
the history and can be undone. The web app's curation pages and the ``approve``,
``reject`` and ``split`` commands are thin shells over these functions.
"""

from __future__ import annotations

from glossary.curation.marks import Mark, article, article_counts, known_terms, segments
from glossary.curation.queue import candidate_queue, sentences_for
from glossary.curation.review import ReviewReport, approve, reject, set_status
from glossary.curation.split import split

__all__ = [
    "Mark",
    "ReviewReport",
    "approve",
    "article",
    "article_counts",
    "candidate_queue",
    "known_terms",
    "reject",
    "segments",
    "sentences_for",
    "set_status",
    "split",
]

"""Scoring the miner against the development corpus, as the annotation guideline says.

The corpus (``tests/fixtures/mining-dev/``) holds texts that start with two header lines,
``source: <URL>`` and ``lang: <code>``, followed by the body, and beside each a gold file
``<text>.gold.tsv`` with the columns ``surface, canonical, type, note``.

Scoring follows the guideline's "How a miner's output is scored":

* Each JSON line of ``glossary mine --json`` contributes every string in ``surfaces``
  (else its ``canonical``).
* Gold and predicted strings are normalised (:func:`normalize_surface`): curly quotes to
  straight, en and em dashes to ``-``, whitespace collapsed, case folded, a final ``'s``
  removed.
* Precision and recall are over the distinct normalised surfaces of each article,
  micro-averaged per language.
* Variant clustering is scored over pairs of surfaces present in both gold and
  prediction: a pair is predicted together when it comes from the same JSON line, and
  belongs together when the gold gives both the same canonical.

:func:`mine_json` runs the miner the way a new user would (``glossary mine --json
--lang auto FILE`` on the body alone); :func:`score_corpus` scores every text.
"""

from __future__ import annotations

import csv
import re
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from glossary.errors import ParseError
from glossary.mining.evaluate import Score
from glossary.mining.mention import KINDS

__all__ = [
    "GOLD_COLUMNS",
    "SPLITS",
    "ArticleScore",
    "CorpusText",
    "GoldRow",
    "aggregate",
    "corpus_texts",
    "mine_json",
    "normalize_surface",
    "predicted_groups",
    "read_corpus_text",
    "read_gold",
    "score_article",
    "score_corpus",
]

GOLD_COLUMNS = ("surface", "canonical", "type", "note")
SPLITS = ("dev", "test")
HEADER_KEYS = ("source", "lang")

_QUOTES = str.maketrans(
    {
        "\u2018": "'",  # left single quotation mark
        "\u2019": "'",  # right single quotation mark, the typographic apostrophe
        "\u201a": "'",  # single low-9 quotation mark
        "\u201b": "'",  # single high-reversed-9 quotation mark
        "\u201c": '"',  # left double quotation mark
        "\u201d": '"',  # right double quotation mark
        "\u201e": '"',  # double low-9 quotation mark
        "\u201f": '"',  # double high-reversed-9 quotation mark
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
    }
)
_SPACE = re.compile(r"\s+")


def normalize_surface(text: str) -> str:
    """The form a surface is compared in.

    Curly quotes become straight, en and em dashes '-', runs of whitespace one space; the
    case is folded and a final 's removed.
    """
    text = _SPACE.sub(" ", text.translate(_QUOTES)).strip().casefold()
    if text.endswith("'s"):
        text = text[:-2].rstrip()
    return text


@dataclass(frozen=True)
class GoldRow:
    """One row of a gold file: a surface as written, its cluster's canonical form, its type."""

    surface: str
    canonical: str
    type: str
    note: str = ""
    line: int = 0


@dataclass(frozen=True)
class CorpusText:
    """A corpus text: where it came from, its language, split and body (header lines removed)."""

    path: Path
    source: str
    lang: str
    body: str
    split: str = ""

    @property
    def gold_path(self) -> Path:
        """The gold file that annotates this text."""
        return self.path.with_name(self.path.stem + ".gold.tsv")


def read_corpus_text(path: str | Path, split: str = "") -> CorpusText:
    """Read a corpus text: the ``source:`` and ``lang:`` header lines, then the body."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ParseError(str(p), None, "no such file") from None
    except UnicodeDecodeError as exc:
        raise ParseError(str(p), None, f"the file is not UTF-8 text (byte {exc.start})") from None
    lines = text.split("\n")
    values: dict[str, str] = {}
    for number, key in enumerate(HEADER_KEYS, 1):
        line = lines[number - 1] if len(lines) >= number else ""
        name, sep, value = line.partition(":")
        if not sep or name.strip() != key or not value.strip():
            raise ParseError(
                str(p), number, f"line {number} must be the header '{key}: ...'", field=key
            )
        values[key] = value.strip()
    body = "\n".join(lines[len(HEADER_KEYS) :])
    if not body.strip():
        raise ParseError(str(p), len(HEADER_KEYS) + 1, "the text has no body after its header")
    return CorpusText(p, values["source"], values["lang"], body, split)


def read_gold(path: str | Path) -> list[GoldRow]:
    """Read a gold file; ParseError names the file, line and column of a bad row."""
    p = Path(path)
    try:
        handle = p.open(encoding="utf-8", newline="")
    except FileNotFoundError:
        raise ParseError(str(p), None, "no such gold file") from None
    with handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        if header is None or tuple(header) != GOLD_COLUMNS:
            raise ParseError(
                str(p), 1, "the header must be the columns: " + ", ".join(GOLD_COLUMNS)
            )
        rows: list[GoldRow] = []
        for cells in reader:
            line = reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(GOLD_COLUMNS):
                raise ParseError(
                    str(p),
                    line,
                    f"expected {len(GOLD_COLUMNS)} tab-separated columns, got {len(cells)}",
                )
            surface, canonical, kind, note = cells
            for name, value in (("surface", surface), ("canonical", canonical)):
                if not value.strip():
                    raise ParseError(str(p), line, "this column is empty", field=name)
            if kind not in KINDS:
                raise ParseError(
                    str(p), line, f"{kind!r} is not a type; use one of: {', '.join(KINDS)}", "type"
                )
            rows.append(GoldRow(surface, canonical, kind, note, line))
    return rows


def corpus_texts(root: str | Path, splits: Iterable[str] = SPLITS) -> list[CorpusText]:
    """The corpus texts under ``root/<split>/``, sorted by file name within each split."""
    texts: list[CorpusText] = []
    for split in splits:
        folder = Path(root) / split
        if folder.is_dir():
            texts.extend(read_corpus_text(p, split) for p in sorted(folder.glob("*.txt")))
    return texts


def mine_json(body: str, name: str = "article.txt", lang: str = "auto") -> list[dict[str, Any]]:
    """What ``glossary mine --json --lang auto FILE`` prints for a file holding ``body``."""
    from glossary.mining import mine_paths

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / Path(name).name
        path.write_text(body, encoding="utf-8")
        result = mine_paths([path], lang=lang)
    if result.problems:
        raise ParseError(name, None, "; ".join(message for _, message in result.problems))
    return [c.to_json() for c in result.candidates]


def predicted_groups(lines: Iterable[Mapping[str, Any]]) -> list[list[str]]:
    """The strings each JSON line contributes: every one of ``surfaces``, else ``canonical``."""
    groups: list[list[str]] = []
    for line in lines:
        surfaces = [s for s in line.get("surfaces") or [] if isinstance(s, str)]
        if not surfaces and isinstance(line.get("canonical"), str):
            surfaces = [line["canonical"]]
        groups.append(surfaces)
    return groups


@dataclass
class ArticleScore:
    """How the miner did on one text: surfaces, clustering pairs, and what went wrong."""

    name: str
    lang: str
    split: str = ""
    surfaces: Score = field(default_factory=Score)
    pairs: Score = field(default_factory=Score)
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    wrong_pairs: list[tuple[str, str, str]] = field(default_factory=list)


def score_article(
    gold: Sequence[GoldRow],
    groups: Sequence[Sequence[str]],
    *,
    name: str = "",
    lang: str = "",
    split: str = "",
) -> ArticleScore:
    """Score one article's predicted groups (one per JSON line) against its gold rows."""
    canonical_of: dict[str, str] = {}
    shown: dict[str, str] = {}
    for row in gold:
        key = normalize_surface(row.surface)
        canonical_of.setdefault(key, normalize_surface(row.canonical))
        shown.setdefault(key, row.surface)
    lines_of: dict[str, set[int]] = {}
    for index, group in enumerate(groups):
        for surface in group:
            key = normalize_surface(surface)
            if key:
                lines_of.setdefault(key, set()).add(index)
                shown.setdefault(key, surface)
    wanted, mined = set(canonical_of), set(lines_of)
    score = ArticleScore(name, lang, split)
    score.surfaces = Score(len(wanted & mined), len(mined - wanted), len(wanted - mined))
    score.missed = sorted(shown[k] for k in wanted - mined)
    score.extra = sorted(shown[k] for k in mined - wanted)
    for a, b in combinations(sorted(wanted & mined), 2):
        together = bool(lines_of[a] & lines_of[b])
        same = canonical_of[a] == canonical_of[b]
        if together and same:
            score.pairs.tp += 1
        elif together:
            score.pairs.fp += 1
            score.wrong_pairs.append(("merged", shown[a], shown[b]))
        elif same:
            score.pairs.fn += 1
            score.wrong_pairs.append(("split", shown[a], shown[b]))
    return score


def score_corpus(root: str | Path, splits: Iterable[str] = SPLITS) -> list[ArticleScore]:
    """Mine every corpus text under ``root`` as a new user would and score it."""
    scores: list[ArticleScore] = []
    for text in corpus_texts(root, splits):
        gold = read_gold(text.gold_path)
        groups = predicted_groups(mine_json(text.body, text.path.name))
        scores.append(
            score_article(gold, groups, name=text.path.name, lang=text.lang, split=text.split)
        )
    return scores


def aggregate(scores: Iterable[ArticleScore]) -> tuple[int, Score, Score]:
    """Micro-averaged surfaces and clustering pairs over some articles, with their number."""
    surfaces, pairs, count = Score(), Score(), 0
    for s in scores:
        count += 1
        surfaces.tp += s.surfaces.tp
        surfaces.fp += s.surfaces.fp
        surfaces.fn += s.surfaces.fn
        pairs.tp += s.pairs.tp
        pairs.fp += s.pairs.fp
        pairs.fn += s.pairs.fn
    return count, surfaces, pairs

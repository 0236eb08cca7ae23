"""Mining articles for glossary candidates: names and domain terms, clustered.

The library behind ``glossary mine``; it keeps nothing in a database.

* ``mine_paths(paths, lang="auto", progress=None)`` reads files and folders of
  articles (``.txt``, ``.md``, ``.html``) one at a time, mines each in its language
  and clusters the mentions into :class:`Candidate` objects. A file that cannot be
  read (empty, binary, not UTF-8, too large, missing) is reported in
  ``MiningResult.problems`` by name and skipped; ``MiningResult.exit_code`` is 2
  when no file could be read.
* ``mine_text(text, lang="auto", file="<text>")`` does the same for one text.
* ``mine_mentions(text, lang)`` gives the raw mentions of one text.

Languages: ``en`` (rules in ``data/en_*.txt``), ``ko`` (kiwipiepy) and ``ja``
(fugashi with UniDic); ``auto`` takes the article's ``language:`` metadata, else
:func:`detect_language`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from glossary.errors import InvalidValue, ParseError
from glossary.lang import LANGUAGES, get_language, normalize_language
from glossary.mining.articles import MAX_ARTICLE_BYTES, Article, decode_article_bytes, parse_article
from glossary.mining.cluster import Candidate, Clusterer, Context
from glossary.mining.detect import detect_language
from glossary.mining.extract import ARTICLE_SUFFIXES, extract_text, format_for_path
from glossary.mining.mention import KINDS, Mention

__all__ = [
    "KINDS",
    "Candidate",
    "Clusterer",
    "Context",
    "Mention",
    "MinedArticle",
    "MiningResult",
    "detect_language",
    "mine_mentions",
    "mine_paths",
    "mine_text",
    "read_for_mining",
]

LANG_CHOICES = ("auto", *LANGUAGES)
Progress = Callable[[int, int, str], None]


@dataclass
class MiningResult:
    """What ``mine_paths`` found: candidates, unreadable files, files read."""

    candidates: list[Candidate]
    problems: list[tuple[str, str]] = field(default_factory=list)
    files_read: int = 0
    languages: dict[str, int] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)  # the files read, in order

    @property
    def exit_code(self) -> int:
        """2 when nothing could be read, else 0."""
        return 2 if self.files_read == 0 else 0


@dataclass
class MinedArticle:
    """An article ready for mining: its text, where title and body sit in the file."""

    path: str
    lang: str
    text: str  # title, a blank line, body: what the miner reads
    title_len: int  # len(title); 0 when the title is part of the body
    title_offset: int  # where the title is in the file's text
    body_offset: int  # where the body is in the file's text

    def file_offset(self, offset: int) -> int:
        """Turn an offset into ``text`` into one into the file's (extracted) text."""
        if self.title_len and offset < self.title_len:
            return self.title_offset + offset
        body_start = self.title_len + 2 if self.title_len else 0
        return self.body_offset + offset - body_start


def _check_lang(lang: str) -> str:
    if lang == "auto":
        return lang
    try:
        return normalize_language(lang)
    except InvalidValue:
        raise InvalidValue("language", lang, LANG_CHOICES) from None


def mine_mentions(text: str, lang: str = "auto") -> list[Mention]:
    """The mentions in one text (no clustering)."""
    lang = _check_lang(lang)
    if lang == "auto":
        lang = detect_language(text)
    return get_language(lang).miner()(text)


def _article_lang(article: Article, lang: str) -> str:
    if lang != "auto":
        return lang
    if article.lang:
        try:
            return normalize_language(article.lang)
        except InvalidValue:
            pass
    return detect_language(article.title + "\n" + article.text)


def read_for_mining(path: str | Path, lang: str = "auto") -> MinedArticle:
    """Read one article file for mining; ParseError (naming the file) when it can't be."""
    p = Path(path)
    name = str(p)
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise ParseError(name, None, "no such file or folder") from None
    except OSError as exc:
        raise ParseError(name, None, f"cannot be read ({exc.strerror})") from None
    if p.is_dir():
        raise ParseError(name, None, "is a folder with no article files")
    if size > MAX_ARTICLE_BYTES:
        raise ParseError(
            name,
            None,
            f"the file is {size // 1024} KiB; articles over "
            f"{MAX_ARTICLE_BYTES // 1024 // 1024} MiB are not read",
        )
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ParseError(name, None, f"cannot be read ({exc.strerror})") from None
    raw = decode_article_bytes(data, name)
    fmt = format_for_path(p)
    source = extract_text(raw, fmt) if fmt != "txt" else raw
    article = parse_article(source, name)
    if not any(ch.isalpha() for ch in article.text + article.title):
        raise ParseError(name, None, "the file has no text to mine")
    return _prepare(article, source, _article_lang(article, lang))


def _prepare(article: Article, source: str, lang: str) -> MinedArticle:
    body = article.text
    body_offset = source.find(body[:200], article.body_offset) if body else article.body_offset
    if body_offset < 0:
        body_offset = article.body_offset
    title = article.title
    title_from_meta = (
        bool(title) and article.body_offset > 0 and not body.lstrip().startswith(title)
    )
    if title_from_meta:
        title_offset = max(source.find(title), 0)
        return MinedArticle(
            article.path, lang, title + "\n\n" + body, len(title), title_offset, body_offset
        )
    return MinedArticle(article.path, lang, body, 0, 0, body_offset)


def _mine_article(art: MinedArticle, clusterer: Clusterer) -> None:
    for m in get_language(art.lang).miner()(art.text):
        offset = art.file_offset(m.start) - m.start
        clusterer.add(m, art.path, offset)


def iter_paths(paths: Iterable[str | Path]) -> list[Path]:
    """The article files named or contained (recursively, sorted) in ``paths``."""
    found: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found.extend(
                sorted(
                    f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES
                )
            )
        else:
            found.append(p)
    return found


def mine_paths(
    paths: Iterable[str | Path],
    *,
    lang: str = "auto",
    progress: Progress | None = None,
    max_contexts: int | None = None,
) -> MiningResult:
    """Mine files and folders of articles, one file at a time, into candidates."""
    lang = _check_lang(lang)
    paths = list(paths)
    files = iter_paths(paths)
    problems: list[tuple[str, str]] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir() and not any(f == p or p in f.parents for f in files):
            problems.append(
                (str(p), f"{p}: the folder holds no article files ({', '.join(ARTICLE_SUFFIXES)})")
            )
    clusterer = Clusterer() if max_contexts is None else Clusterer(max_contexts)
    files_read = 0
    read: list[str] = []
    languages: dict[str, int] = {}
    total = len(files)
    for i, path in enumerate(files, 1):
        if progress is not None:
            progress(i, total, str(path))
        try:
            art = read_for_mining(path, lang)
        except ParseError as exc:
            problems.append((str(path), str(exc)))
            continue
        _mine_article(art, clusterer)
        files_read += 1
        read.append(str(path))
        languages[art.lang] = languages.get(art.lang, 0) + 1
    return MiningResult(clusterer.candidates(), problems, files_read, languages, read)


def mine_text(
    text: str, *, lang: str = "auto", file: str = "<text>", max_contexts: int | None = None
) -> list[Candidate]:
    """Mine one text (an article's body, with or without a metadata block)."""
    lang = _check_lang(lang)
    article = parse_article(text, file)
    art = _prepare(article, text, _article_lang(article, lang))
    clusterer = Clusterer() if max_contexts is None else Clusterer(max_contexts)
    _mine_article(art, clusterer)
    return clusterer.candidates()

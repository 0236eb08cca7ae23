"""Plain text out of article files written as plain text, Markdown or HTML.

``extract_text(path_or_text, fmt)`` returns the text the article reader and the
miners work on:

* ``txt``: unchanged;
* ``md``: a leading metadata block (``---`` ... ``---``) is kept as it is, for the
  article reader; in the body, headings' ``#``, emphasis marks, inline code
  marks, link and image syntax (``[text](url)`` gives ``text``), list and quote
  markers, tables' pipes, HTML tags and horizontal rules are removed;
* ``html``: text of the document with ``script``, ``style``, ``nav``, ``header``,
  ``footer``, ``aside``, ``form``, ``noscript`` and ``template`` dropped; block
  elements (``p``, ``div``, ``h1``-``h6``, ``li``, ``br``, ...) end a line; the
  ``<title>`` becomes a metadata ``title``, and ``<html lang>`` a ``language``.

``fmt`` is ``txt``, ``md`` or ``html``; ``format_for_path`` picks it from a suffix.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

FORMATS = ("txt", "md", "html")
_SUFFIXES = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}
ARTICLE_SUFFIXES: tuple[str, ...] = tuple(_SUFFIXES)


def format_for_path(path: str | Path) -> str:
    """``txt``, ``md`` or ``html`` from a file name's suffix (``txt`` when unknown)."""
    return _SUFFIXES.get(Path(path).suffix.lower(), "txt")


_DROP = frozenset(
    {
        "script",
        "style",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "noscript",
        "template",
        "svg",
        "iframe",
        "button",
        "select",
    }
)
_BLOCK = frozenset(
    {
        "p",
        "div",
        "br",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "tr",
        "td",
        "th",
        "table",
        "section",
        "article",
        "blockquote",
        "figcaption",
        "figure",
        "pre",
        "hr",
        "dd",
        "dt",
        "dl",
        "main",
        "title",
        "caption",
    }
)


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self.lang = ""
        self._skip = 0
        self._in_title = False
        self._in_head = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "html":
            self.lang = dict(attrs).get("lang") or ""
        if tag == "head":
            self._in_head = True
        if tag in _DROP:
            self._skip += 1
        elif tag == "title":
            self._in_title = True
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self._in_head = False
        if tag in _DROP:
            self._skip = max(0, self._skip - 1)
        elif tag == "title":
            self._in_title = False
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._in_title:
            self.title_parts.append(data)
        elif not self._in_head:
            self.parts.append(data)


def _tidy_lines(text: str) -> str:
    lines = [re.sub(r"[ \t\u00a0]+", " ", ln).strip() for ln in text.split("\n")]
    out: list[str] = []
    for ln in lines:
        if ln or (out and out[-1]):
            out.append(ln)
    return "\n".join(out).strip("\n")


def html_to_text(source: str) -> str:
    """The readable text of an HTML document, with a metadata block for its title."""
    parser = _TextParser()
    parser.feed(source)
    parser.close()
    body = _tidy_lines("".join(parser.parts))
    title = " ".join("".join(parser.title_parts).split())
    meta = []
    if title:
        meta.append(f"title: {title}")
    if parser.lang:
        meta.append(f"language: {parser.lang}")
    if meta:
        return "---\n" + "\n".join(meta) + "\n---\n" + body
    return body


_MD_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^```.*?^```[^\n]*$", re.M | re.S), ""),  # fenced code
    (re.compile(r"^ {0,3}(?:[-*_] *){3,}$", re.M), ""),  # horizontal rule
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # image: keep alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # link
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # reference link
    (re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+.*$", re.M), ""),  # link definition
    (re.compile(r"^ {0,3}#{1,6}\s*(.*?)\s*#*\s*$", re.M), r"\1"),  # ATX heading
    (re.compile(r"^ {0,3}(?:=+|-+)\s*$", re.M), ""),  # setext underline
    (re.compile(r"^ {0,3}>\s?", re.M), ""),  # block quote
    (re.compile(r"^ {0,3}(?:[-*+]|\d+[.)])\s+", re.M), ""),  # list marker
    (re.compile(r"`([^`]*)`"), r"\1"),  # inline code
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?!\w)"), r"\1"),  # italic *x*
    (re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w])"), r"\1"),  # italic _x_
    (re.compile(r"~~(.+?)~~"), r"\1"),  # strikethrough
    (re.compile(r"<[^>\n]+>"), ""),  # inline HTML tags
    (re.compile(r"^\|?(?:\s*:?-+:?\s*\|)+\s*:?-*:?\s*$", re.M), ""),  # table rule
    (re.compile(r"\s*\|\s*"), " | "),  # table cells
]


def markdown_to_text(source: str) -> str:
    """Markdown with its syntax removed; a leading metadata block is kept."""
    meta = ""
    body = source
    if source.startswith("---\n"):
        end = source.find("\n---", 4)
        if end != -1:
            close = source.find("\n", end + 4)
            close = len(source) if close == -1 else close + 1
            meta, body = source[:close], source[close:]
    for pattern, repl in _MD_RULES:
        body = pattern.sub(repl, body)
    body = html.unescape(body)
    body = "\n".join(ln.strip(" |") if "|" in ln else ln for ln in body.split("\n"))
    return meta + _tidy_lines(body)


def extract_text(path_or_text: str | Path, fmt: str | None = None) -> str:
    """Plain article text from a file path or from the text itself.

    A ``Path`` is read as UTF-8 and its format taken from its suffix unless ``fmt``
    is given; a ``str`` is the document's text, in format ``fmt`` (``txt`` when None).
    """
    if isinstance(path_or_text, Path):
        source = path_or_text.read_text(encoding="utf-8-sig")
        fmt = fmt or format_for_path(path_or_text)
    else:
        source = path_or_text
        fmt = fmt or "txt"
    if fmt == "html":
        return html_to_text(source)
    if fmt == "md":
        return markdown_to_text(source)
    return source

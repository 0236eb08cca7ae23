"""Reading news articles from files: metadata header, body text, language.

An article file is UTF-8 text. It may start with a metadata block between two lines
of three dashes, one ``key: value`` per line (``title``, ``date``, ``source``,
``language``, ``url``); everything after the block is the article body::

    ---
    title: South Korea-Japan summit set for Jan. 13 in Japanese PM's hometown
    date: 2026-01-09
    source: Asia Today, translated by UPI
    language: en
    ---
    Jan. 9 (Asia Today) — South Korean President Lee Jae-myung will visit Japan ...

A file without the block is all body; its title is its first non-empty line.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from glossary.errors import ParseError

METADATA_KEYS = ("title", "date", "source", "language", "url")
MAX_ARTICLE_BYTES = 5 * 1024 * 1024


@dataclass
class Article:
    """One news article as read from a file."""

    path: str
    text: str
    title: str = ""
    date: str = ""
    source: str = ""
    lang: str = ""
    url: str = ""
    body_offset: int = 0
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def sha256(self) -> str:
        """Fingerprint of the body text, used to recognise an article loaded before."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def decode_article_bytes(data: bytes, path: str) -> str:
    """Decode a file's bytes as UTF-8 (with or without BOM) or say clearly why not."""
    if not data.strip():
        raise ParseError(path, None, "the file is empty")
    if b"\x00" in data[:8192]:
        raise ParseError(path, None, "this looks like a binary file, not article text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ParseError(
            path, line, f"the file is not UTF-8 text (byte {exc.start}); save it as UTF-8"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_article(text: str, path: str = "<text>") -> Article:
    """Split an article's text into its metadata block and body."""
    lines = text.split("\n")
    meta: dict[str, str] = {}
    body_start = 0
    if lines and lines[0].strip() == "---":
        for i in range(1, len(lines)):
            line = lines[i]
            if line.strip() == "---":
                body_start = i + 1
                break
            if not line.strip():
                continue
            key, sep, value = line.partition(":")
            if not sep:
                raise ParseError(
                    path,
                    i + 1,
                    "a metadata line must look like 'key: value' "
                    "(or close the block with a line of three dashes)",
                )
            meta[key.strip().lower()] = value.strip()
        else:
            raise ParseError(path, 1, "the metadata block opened with '---' is never closed")
    body = "\n".join(lines[body_start:]).strip("\n")
    offset = len("\n".join(lines[:body_start])) + (1 if body_start else 0)
    title = meta.pop("title", "")
    if not title:
        title = next((ln.strip() for ln in body.split("\n") if ln.strip()), "")
    return Article(
        path=path,
        text=body,
        title=title,
        date=meta.pop("date", ""),
        source=meta.pop("source", ""),
        lang=meta.pop("language", meta.pop("lang", "")),
        url=meta.pop("url", ""),
        body_offset=offset,
        extra=meta,
    )


def read_article(path: str | Path) -> Article:
    """Read one article file, refusing empty, binary, non-UTF-8 or huge files by name."""
    p = Path(path)
    size = p.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        raise ParseError(
            str(p),
            None,
            f"the file is {size // 1024} KiB; articles over "
            f"{MAX_ARTICLE_BYTES // 1024 // 1024} MiB are not read",
        )
    return parse_article(decode_article_bytes(p.read_bytes(), str(p)), str(p))


def iter_article_paths(
    paths: list[str] | list[Path], suffixes: tuple[str, ...] = (".txt",)
) -> list[Path]:
    """List the article files named or contained (recursively) in ``paths``, sorted."""
    found: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found.extend(
                sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in suffixes)
            )
        else:
            found.append(p)
    return found

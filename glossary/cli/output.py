"""Printing for the command line: JSON Lines, readable entries, errors on stderr."""

from __future__ import annotations

import json
import re
from typing import Any, NoReturn

import click

from glossary.model import Entry, Term


def emit_json(obj: Any) -> None:
    """Print one JSON object on one line of stdout (UTF-8, not escaped)."""
    click.echo(json.dumps(obj, ensure_ascii=False, default=str))


def emit(data: dict[str, Any], as_json: bool, text: str) -> None:
    """Print ``data`` as one JSON line (``--json``), else ``text`` for the translator."""
    if as_json:
        emit_json(data)
    else:
        click.echo(text)


def fail(message: str, code: int = 2) -> NoReturn:
    """Print an error for the translator on stderr and exit with ``code``."""
    click.echo(f"Error: {message}", err=True)
    raise SystemExit(code)


def visible(text: str, keep: str = "") -> str:
    """``text`` with each control character but those in ``keep`` written as an escape
    (``\\x07``), so that a value stored before they were refused cannot ring the
    terminal's bell, move its cursor or clear it."""
    if not _CONTROL.search(text):
        return text
    return _CONTROL.sub(
        lambda m: m.group() if m.group() in keep else f"\\x{ord(m.group()):02x}", text
    )


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def describe_term(term: Term) -> str:
    """One form with its readings and romanizations: 高市早苗 (たかいち さなえ; Takaichi Sanae)."""
    extras = [
        visible(v)
        for v in (term.hanja, term.reading, term.romanization, term.hepburn, term.press)
        if v and v != term.text
    ]
    text = visible(term.text)
    if term.role != "preferred":
        text += f" [{term.role}]"
    return f"{text} ({'; '.join(extras)})" if extras else text


def describe_entry(entry: Entry) -> str:
    """A readable multi-line rendering of an entry for the terminal."""
    head = f"#{entry.id} {entry.kind}, {entry.status}"
    if entry.origin:
        head += f", {entry.origin} name"
    lines = [head]
    for lang in ("en", "ko", "ja"):
        forms = entry.terms_in(lang)
        if forms:
            lines.append(f"  {lang}: " + " | ".join(describe_term(t) for t in forms))
    if entry.note:
        lines.append(f"  note: {visible(entry.note, keep=chr(10))}")
    return "\n".join(lines)

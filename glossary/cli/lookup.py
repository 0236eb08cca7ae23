"""``glossary lookup``: find entries by any form, in any script."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from glossary.cli.options import (
    database_option,
    json_option,
    kind_option,
    lang_option,
    limit_option,
    open_for_command,
    status_option,
)
from glossary.cli.output import describe_entry, emit_json
from glossary.errors import GlossaryError

if TYPE_CHECKING:
    from glossary.lookup import Match


@click.command()
@click.argument("query")
@lang_option
@kind_option
@status_option
@limit_option(20, 1000, "At most this many entries per query.")
@database_option
@json_option
def lookup(
    query: str,
    lang: str | None,
    kind: str | None,
    status: str | None,
    limit: int,
    database_url: str | None,
    as_json: bool,
) -> None:
    """Find entries whose forms, romanizations or readings match QUERY.

    QUERY may be in English, Korean or Japanese, in any romanization. With '-' as
    QUERY, read one query per line from standard input and answer each in turn (with
    --json, one line per query: {"query": ..., "results": [...]}).
    """
    with open_for_command(database_url) as g:
        if query == "-":
            for number, line in enumerate(sys.stdin, 1):
                q = line.rstrip("\n")
                if not q.strip():
                    continue
                try:
                    matches = g.lookup(q, lang=lang, kind=kind, status=status, limit=limit)
                except GlossaryError as exc:
                    raise GlossaryError(f"standard input, line {number}: {exc}") from None
                if as_json:
                    emit_json({"query": q, "results": [m.to_dict() for m in matches]})
                else:
                    _print_human(q, matches)
            return
        matches = g.lookup(query, lang=lang, kind=kind, status=status, limit=limit)
    if as_json:
        for m in matches:
            emit_json(m.to_dict())
        return
    _print_human(query, matches)


def _print_human(query: str, matches: list[Match]) -> None:
    if not matches:
        click.echo(f"No entry matches {query!r}.", err=True)
        return
    for m in matches:
        click.echo(f"{describe_entry(m.entry)}\n  matched: {m.match} ({m.score:.2f})")


COMMANDS = [lookup]

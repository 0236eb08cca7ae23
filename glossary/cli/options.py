"""Options shared by several commands, and opening the glossary for a command."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from glossary.lang import LANGUAGES
from glossary.vocab import KINDS, STATUSES

if TYPE_CHECKING:
    from glossary.api import Glossary

F = TypeVar("F", bound=Callable[..., Any])

json_option = click.option(
    "--json", "as_json", is_flag=True, help="Print JSON Lines (one object per line) only."
)


def database_option_for(help: str) -> Callable[[F], F]:
    """``--database URL``, with a help text saying what the command does to it."""
    return click.option("--database", "database_url", metavar="URL", default=None, help=help)


database_option = database_option_for(
    "Database to use (default: the GLOSSARY_DATABASE_URL setting, else the SQLite file "
    "in the instance folder)."
)
lang_option = click.option(
    "--lang", type=click.Choice(LANGUAGES), default=None, help="Only this language."
)
kind_option = click.option(
    "--kind", type=click.Choice(KINDS), default=None, help="Only entries of this kind."
)
status_option = click.option(
    "--status", type=click.Choice(STATUSES), default=None, help="Only entries of this status."
)


def open_for_command(database_url: str | None, *, migrate: bool = False) -> Glossary:
    """Open the glossary a command works on (run 'glossary init' first to create it)."""
    from glossary.api import open_glossary

    return open_glossary(database_url, migrate=migrate)


def limit_option(default: int, most: int, help: str) -> Callable[[F], F]:
    """``--limit``: at most this many results, from 1 to ``most``."""
    return click.option(
        "--limit", type=click.IntRange(1, most), default=default, show_default=True, help=help
    )


def output_option(help: str, *, required: bool = False) -> Callable[[F], F]:
    """``-o/--output FILE``: the file a command writes."""
    return click.option(
        "-o",
        "--output",
        "output",
        type=click.Path(dir_okay=False, writable=True),
        default=None,
        required=required,
        help=help,
    )

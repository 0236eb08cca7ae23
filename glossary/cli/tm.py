"""``glossary tm``: the sentence memory (import, export, align, match, concordance)."""

from __future__ import annotations

import sys
from typing import Any

import click

from glossary.cli.exchange import _progress_bar
from glossary.cli.options import database_option, json_option, open_for_command
from glossary.cli.output import emit_json, fail
from glossary.errors import ParseError
from glossary.lang import LANGUAGES
from glossary.tm import TranslationMemory

from_option = click.option(
    "--from",
    "source",
    type=click.Choice(LANGUAGES),
    default=None,
    help="Source language (en, ko or ja).",
)
to_option = click.option(
    "--to",
    "target",
    type=click.Choice(LANGUAGES),
    default=None,
    help="Target language (en, ko or ja).",
)


@click.group("tm")
def tm() -> None:
    """The translation memory of sentences: import and export TMX, align parallel
    articles, find matches for a sentence, and search the memory (concordance)."""


@tm.command("import")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@database_option
@json_option
def import_(file: str, database_url: str | None, as_json: bool) -> None:
    """Import a TMX FILE (from memoQ, Trados Studio, OmegaT or another CAT tool).

    The import is one transaction: a file that is not TMX stops it with the file,
    line and element named and nothing written (exit status 2). Units whose sentences
    are all in the memory already are not added twice; units with fewer than two
    sentences in English, Korean or Japanese are skipped and counted.
    """
    source: Any = sys.stdin.buffer if file == "-" else file
    with open_for_command(database_url) as g:
        try:
            with _progress_bar("Importing") as progress:
                report = TranslationMemory(g).import_tmx(
                    source, name="<stdin>" if file == "-" else None, progress=progress
                )
        except ParseError as exc:
            if as_json:
                emit_json(
                    {
                        "file": exc.path,
                        "line": exc.line,
                        "element": exc.field,
                        "message": exc.reason,
                    }
                )
            fail(str(exc), exc.exit_code)
    if as_json:
        emit_json(report.to_dict())
        return
    click.echo(f"{report.file}: {report.summary()}")
    for skipped in report.skipped[:20]:
        click.echo(f"  skipped line {skipped.line}, {skipped.element}: {skipped.reason}", err=True)
    if len(report.skipped) > 20:
        click.echo(f"  ... and {len(report.skipped) - 20} more skipped", err=True)


@tm.command("export")
@from_option
@to_option
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(dir_okay=False, writable=True),
    required=True,
    help="The TMX file to write.",
)
@database_option
def export(source: str | None, target: str | None, output: str, database_url: str | None) -> None:
    """Export the memory as a TMX 1.4b file.

    With --from and --to, only units with sentences in both languages, with just those
    two; without them, every unit with all its sentences.
    """
    with open_for_command(database_url) as g:
        n = TranslationMemory(g).export_tmx(output, source=source, target=target)
    click.echo(f"Wrote {n} units to {output} (TMX).", err=True)


COMMANDS = [tm]

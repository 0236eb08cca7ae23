"""``glossary mine``: find names and terms in articles, optionally into the curation queue."""

from __future__ import annotations

import sys

import click

from glossary.cli.options import database_option, json_option, open_for_command
from glossary.cli.output import emit_json

#: Contexts kept per candidate: enough evidence for curators, memory stays bounded.
SAVED_CONTEXTS = 50


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(), metavar="PATH...")
@click.option(
    "--lang",
    type=click.Choice(["auto", "en", "ko", "ja"]),
    default="auto",
    show_default=True,
    help="Language of the articles (auto: decided per article).",
)
@click.option(
    "--save",
    is_flag=True,
    help="Store the candidates in the curation queue: known entries get the new "
    "evidence and proposed forms, new names become candidates.",
)
@database_option
@json_option
def mine(
    paths: tuple[str, ...], lang: str, save: bool, database_url: str | None, as_json: bool
) -> None:
    """Mine .txt, .md and .html articles (files or folders) for names and terms.

    Prints each candidate with its kind, every surface seen and the sentences it was
    found in. Unreadable files (empty, binary, not UTF-8, too large) are named and
    skipped; exit status 2 when nothing could be read.
    """
    from glossary.intake.linking import save_candidates
    from glossary.mining import mine_paths

    with click.progressbar(length=1, label="Mining", file=sys.stderr) as bar:

        def progress(i: int, n: int, path: str) -> None:
            bar.length = n
            bar.update(1)

        result = mine_paths(
            list(paths), lang=lang, progress=progress, max_contexts=SAVED_CONTEXTS if save else None
        )
    for path, message in result.problems:
        click.echo(f"skipped {path}: {message}", err=True)
    if result.exit_code:
        raise SystemExit(result.exit_code)
    if save:
        with open_for_command(database_url, migrate=False) as g:
            report = save_candidates(g, result, lang=lang)
        click.echo(f"Saved: {report.summary()}", err=True)
    for c in result.candidates:
        if as_json:
            emit_json(c.to_json())
        else:
            click.echo(f"{c.canonical} [{c.kind}, {c.lang}] ×{c.count}: " + " | ".join(c.surfaces))
    if not as_json:
        click.echo(f"{len(result.candidates)} candidates from {result.files_read} files.", err=True)


COMMANDS = [mine]

"""``glossary init`` and ``glossary settings``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from glossary.cli.mine import SAVED_CONTEXTS
from glossary.cli.options import database_option, json_option
from glossary.cli.output import emit_json
from glossary.settings import SETTINGS, get_setting


@click.command()
@database_option
@click.option(
    "--terms",
    "terms_file",
    type=click.Path(dir_okay=False),
    default=None,
    help="Curated glossary CSV to load (default: the terms_file setting, data/terms.csv).",
)
@click.option(
    "--seeds",
    "seeds_dir",
    type=click.Path(file_okay=False),
    default=None,
    help="Folder of seed articles to load (default: the seeds_dir setting).",
)
@json_option
def init(
    database_url: str | None, terms_file: str | None, seeds_dir: str | None, as_json: bool
) -> None:
    """Create or upgrade the database, load the curated glossary and the seed articles,
    and mine the seeds into the curation queue.

    Running it again changes nothing: entries already stored are left as they are, and
    any that differ from the file are listed as conflicts for a curator to settle.
    """
    from glossary.api import open_glossary
    from glossary.formats.loader import load_articles, load_terms
    from glossary.intake.linking import save_candidates
    from glossary.mining import mine_paths

    terms_path = Path(terms_file or get_setting("terms_file"))
    seeds_path = Path(seeds_dir or get_setting("seeds_dir"))
    g = open_glossary(database_url, migrate=True)
    with g:
        with click.progressbar(length=1, label="Loading glossary", file=sys.stderr) as bar:

            def progress(i: int, n: int) -> None:
                bar.length = n
                bar.update(1)

            report = load_terms(g, terms_path, progress=progress)
        articles = load_articles(g, seeds_path)
        mined = mine_paths([seeds_path], max_contexts=SAVED_CONTEXTS)
        intake = save_candidates(g, mined)
    if as_json:
        emit_json(
            {
                "database": g.url,
                "created": len(report.created),
                "unchanged": len(report.unchanged),
                "conflicts": [
                    {"line": ln, "id": i, "reason": why} for ln, i, why in report.conflicts
                ],
                "articles_added": len(articles.added),
                "articles_present": len(articles.already),
                "problems": articles.problems + [m for _, m in mined.problems],
                "mined": intake.to_dict(),
            }
        )
        return
    click.echo(f"Database: {g.url}")
    click.echo(f"{terms_path}: {report.summary()}")
    for line, entry_id, why in report.conflicts:
        click.echo(f"  line {line}: entry {entry_id} {why}")
    click.echo(
        f"{seeds_path}: {len(articles.added)} articles added, "
        f"{len(articles.already)} already present"
    )
    for problem in articles.problems:
        click.echo(f"  skipped: {problem}", err=True)
    click.echo(f"Mined {seeds_path}: {intake.summary()}")


@click.command()
@json_option
def settings(as_json: bool) -> None:
    """List the settings, their current values and the GLOSSARY_* variables that set them."""
    for s in SETTINGS:
        value = get_setting(s.name)
        if as_json:
            emit_json(
                {
                    "name": s.name,
                    "env": s.env_var,
                    "value": value,
                    "default": s.default,
                    "help": s.help,
                }
            )
        else:
            click.echo(f"{s.env_var}={value}\n    {s.help}")


COMMANDS = [init, settings]

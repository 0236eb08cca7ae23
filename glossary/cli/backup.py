"""``glossary backup`` and ``glossary restore``."""

from __future__ import annotations

import click

from glossary.cli.options import database_option_for
from glossary.settings import default_database_url


@click.command()
@click.argument("file", type=click.Path(dir_okay=False))
@database_option_for("Glossary to back up (default: the configured one).")
def backup(file: str, database_url: str | None) -> None:
    """Write a consistent copy of the glossary to FILE, while it stays in use."""
    from glossary.store.backup import backup as backup_db

    size = backup_db(database_url or default_database_url(), file)
    click.echo(f"Backed up to {file} ({size / 1024:.0f} KiB).", err=True)


@click.command()
@click.argument("file", type=click.Path(dir_okay=False))
@database_option_for("Glossary to replace (default: the configured one).")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def restore(file: str, database_url: str | None, yes: bool) -> None:
    """Replace the glossary with the backup FILE (checked before anything is replaced)."""
    from glossary.store.backup import restore as restore_db
    from glossary.store.engine import make_engine
    from glossary.store.migrate import upgrade

    url = database_url or default_database_url()
    if not yes:
        click.confirm(f"Replace the glossary at {url} with {file}?", abort=True, err=True)
    revision = restore_db(url, file)
    engine = make_engine(url)
    upgraded = upgrade(engine)
    engine.dispose()
    click.echo(
        f"Restored {file} (schema {revision}"
        + (", upgraded to the current schema" if upgraded else "")
        + ").",
        err=True,
    )


COMMANDS = [backup, restore]

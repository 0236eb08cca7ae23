"""``glossary serve``: the web app under a production WSGI server (gunicorn or waitress)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=5000, show_default=True)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=None,
    help="Worker processes (default: 2 per CPU core, at most 8).",
)
@click.option(
    "--server",
    type=click.Choice(["gunicorn", "waitress"]),
    default="waitress" if sys.platform == "win32" else "gunicorn",
    show_default=True,
    help="WSGI server: gunicorn (processes; Unix) or waitress (threads; also Windows).",
)
@click.option(
    "--access-log/--no-access-log",
    default=True,
    show_default=True,
    help="Log every request on stderr (gunicorn).",
)
@click.option(
    "--database",
    "database_url",
    metavar="URL",
    default=None,
    help="Database to serve (default: the GLOSSARY_DATABASE_URL setting).",
)
def serve(
    host: str,
    port: int,
    workers: int | None,
    server: str,
    access_log: bool,
    database_url: str | None,
) -> None:
    """Serve the web app and JSON API, on 127.0.0.1:5000 by default."""
    from glossary.api import open_glossary
    from glossary.settings import get_setting
    from webapp import load_secret_key
    from webapp.server import run

    if database_url:
        os.environ["GLOSSARY_DATABASE_URL"] = database_url
    # Once here, not in every worker: create or upgrade the tables, make the secret key.
    open_glossary(database_url, migrate=True).close()
    load_secret_key(Path(get_setting("instance_path")))
    n = workers or min(8, 2 * (os.cpu_count() or 1))
    if server == "gunicorn":
        click.echo(
            "Loading the app, the style check and the language analysers once, for all "
            "workers to share ...",
            err=True,
        )
    click.echo(
        f"Serving the glossary on http://{host}:{port}/ with {server}, {n} workers "
        "(Ctrl-C to stop)",
        err=True,
    )
    run(host=host, port=port, workers=n, server=server, access_log=access_log)


COMMANDS = [serve]

"""``glossary serve``: the web app under a production WSGI server (gunicorn)."""

from __future__ import annotations

import os

import click


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=int, default=5000, show_default=True, help="Port to listen on.")
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=None,
    help="Worker processes (default: 2 per CPU core, at most 8).",
)
@click.option(
    "--database",
    "database_url",
    metavar="URL",
    default=None,
    help="Database to serve (default: the GLOSSARY_DATABASE_URL setting).",
)
def serve(host: str, port: int, workers: int | None, database_url: str | None) -> None:
    """Serve the web app and JSON API with gunicorn, on 127.0.0.1:5000 by default."""
    from glossary.api import open_glossary
    from webapp.server import run

    if database_url:
        os.environ["GLOSSARY_DATABASE_URL"] = database_url
    # Create or upgrade the tables once here, not in every worker.
    open_glossary(database_url, migrate=True).close()
    n = workers or min(8, 2 * (os.cpu_count() or 1))
    click.echo(
        f"Serving the glossary on http://{host}:{port}/ with {n} workers (Ctrl-C to stop)", err=True
    )
    run(host=host, port=port, workers=n)


COMMANDS = [serve]

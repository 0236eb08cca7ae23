"""The ``glossary`` command line: thin shells over the library.

Every command that prints data has ``--json``, which prints JSON Lines (one object per
line, UTF-8) and nothing else on stdout. Exit status: 0 on success, 1 when ``check``
found problems, 2 on bad input, with the error on stderr.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import click

from glossary.cli.output import fail
from glossary.errors import GlossaryError


class GlossaryGroup(click.Group):
    """A command group that turns the library's errors into one-line messages, exit 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except GlossaryError as exc:
            fail(str(exc), exc.exit_code)


@click.group(cls=GlossaryGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="glossary")
def cli() -> None:
    """Glossary and translation memory for news translation between English, Korean and
    Japanese.

    Look terms up, load and curate the glossary, and serve the web app. Settings come
    from GLOSSARY_* environment variables (see 'glossary settings').
    """


def _register() -> None:
    """Add the commands of every module of this package that lists them in COMMANDS."""
    import importlib
    import pkgutil

    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for command in getattr(module, "COMMANDS", ()):
            cli.add_command(command)


_register()


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``glossary`` console script."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure: Callable[..., None] | None = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8")
    cli.main(args=argv, prog_name="glossary")

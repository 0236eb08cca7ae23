"""``glossary approve``, ``glossary reject`` and ``glossary split``: the curator's
decisions from the command line."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from glossary.cli.options import database_option, json_option, open_for_command
from glossary.cli.output import emit_json, fail

if TYPE_CHECKING:
    from glossary.curation import ReviewReport


def _report(report: ReviewReport, verb: str, as_json: bool) -> None:
    for entry in report.done:
        if as_json:
            emit_json(entry.to_dict())
        else:
            click.echo(f"{verb} entry {entry.id}: {entry.label}")
    for problem in report.problems:
        click.echo(f"not {verb.lower()}: {problem}", err=True)
    if report.problems:
        fail(f"{len(report.problems)} of the entries could not be {verb.lower()}", 2)


@click.command("approve")
@click.argument("entry_ids", metavar="ID...", type=int, nargs=-1, required=True)
@database_option
@json_option
def approve_command(entry_ids: tuple[int, ...], database_url: str | None, as_json: bool) -> None:
    """Approve the entries ID... (mined candidates become house terms); each approval is
    recorded and can be undone with 'glossary undo'."""
    from glossary.curation import approve

    with open_for_command(database_url) as g:
        report = approve(g, entry_ids)
    _report(report, "Approved", as_json)


@click.command("reject")
@click.argument("entry_ids", metavar="ID...", type=int, nargs=-1, required=True)
@database_option
@json_option
def reject_command(entry_ids: tuple[int, ...], database_url: str | None, as_json: bool) -> None:
    """Reject the entries ID... (they stay known, so mining does not propose them again);
    each rejection is recorded and can be undone with 'glossary undo'."""
    from glossary.curation import reject

    with open_for_command(database_url) as g:
        report = reject(g, entry_ids)
    _report(report, "Rejected", as_json)


COMMANDS = [approve_command, reject_command]

"""``glossary show``, ``glossary history`` and ``glossary undo``."""

from __future__ import annotations

import click

from glossary.cli.options import database_option, json_option, open_for_command
from glossary.cli.output import describe_entry, emit, emit_json


@click.command()
@click.argument("entry_id", type=int)
@database_option
@json_option
def show(entry_id: int, database_url: str | None, as_json: bool) -> None:
    """Show one entry with all its forms and the sentences it was found in."""
    with open_for_command(database_url) as g:
        entry = g.get(entry_id)
        evidence = g.evidence(entry_id)
    if as_json:
        data = entry.to_dict()
        data["evidence"] = evidence
        emit_json(data)
        return
    click.echo(describe_entry(entry))
    for ev in evidence:
        click.echo(f"  seen in {ev['file'] or ev['title']}: {ev['sentence']}")


@click.command()
@click.argument("entry_id", type=int, required=False)
@click.option("--limit", type=click.IntRange(1, 10000), default=50, show_default=True)
@database_option
@json_option
def history(entry_id: int | None, limit: int, database_url: str | None, as_json: bool) -> None:
    """List changes, newest first: of ENTRY_ID, or of the whole glossary."""
    with open_for_command(database_url) as g:
        changes = g.history(entry_id, limit=limit)
    for ch in changes:
        undone = f" (undone by {ch.undone_by})" if ch.undone_by else ""
        line = (
            f"change {ch.id}: entry {ch.entry_id}, {ch.action} by {ch.user} "
            f"at {ch.at:%Y-%m-%d %H:%M}{undone}: {ch.summary}"
        )
        emit(ch.to_dict(), as_json, line)


@click.command()
@click.argument("change_id", type=int)
@database_option
@json_option
def undo(change_id: int, database_url: str | None, as_json: bool) -> None:
    """Undo CHANGE_ID (see 'glossary history'); the undo is itself recorded."""
    with open_for_command(database_url) as g:
        done = g.undo(change_id)
    for ch in done:
        emit(
            ch.to_dict(),
            as_json,
            f"undid change {ch.undoes} on entry {ch.entry_id} (as change {ch.id})",
        )


COMMANDS = [show, history, undo]

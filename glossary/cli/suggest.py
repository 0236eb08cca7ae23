"""``glossary suggest``: fill empty romanization fields, list disagreements for review."""

from __future__ import annotations

import sys

import click

from glossary.cli.options import database_option, json_option, open_for_command
from glossary.cli.output import emit


@click.command()
@click.argument("entry_ids", nargs=-1, type=int, metavar="[ID]...")
@click.option(
    "--apply",
    "apply_",
    is_flag=True,
    help="Fill empty fields with the proposals, marked as suggestions for review "
    "(recorded in the history). Curated values are never changed.",
)
@click.option(
    "--all",
    "show_all",
    is_flag=True,
    help="Also list the proposals that agree with curated values.",
)
@database_option
@json_option
def suggest(
    entry_ids: tuple[int, ...],
    apply_: bool,
    show_all: bool,
    database_url: str | None,
    as_json: bool,
) -> None:
    """Check the entries' readings, romanizations and transcriptions with the language
    rules (all entries, or the IDs given): list what could be filled and where a curated
    value disagrees with the rules.
    """
    from glossary.curation.proposals import apply_proposals, proposals

    counts = {"fill": 0, "agrees": 0, "disagrees": 0, "filled_entries": 0}
    with open_for_command(database_url) as g:
        entries = [g.get(i) for i in entry_ids] if entry_ids else list(g.entries())
        with click.progressbar(entries, label="Checking entries", file=sys.stderr) as bar:
            for entry in bar:
                found = proposals(entry)
                for p in found:
                    counts[p.status] += 1
                    if p.status == "agrees" and not show_all:
                        continue
                    current = f" (curated: {p.current})" if p.current else ""
                    line = (
                        f"#{p.entry_id} {entry.label}: {p.lang} {p.field} "
                        f"{p.status}: {p.proposed}{current} [{p.source}]"
                    )
                    emit(p.to_dict(), as_json, line)
                if apply_ and apply_proposals(entry, found):
                    g.update(entry)
                    counts["filled_entries"] += 1
    click.echo(
        f"{counts['fill']} fields to fill, {counts['disagrees']} disagreements with "
        f"curated values, {counts['agrees']} agreements"
        + (f"; {counts['filled_entries']} entries filled" if apply_ else ""),
        err=True,
    )


COMMANDS = [suggest]

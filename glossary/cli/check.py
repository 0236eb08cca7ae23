"""``glossary check``: the house-style check of drafts."""

from __future__ import annotations

import click

from glossary.cli.options import database_option, json_option, open_for_command
from glossary.cli.output import emit_json, fail


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--style",
    default=None,
    metavar="NAME",
    help="House style (default: the GLOSSARY_HOUSE_STYLE setting); "
    "see glossary/lang/data/house_styles.tsv.",
)
@click.option(
    "--no-unknown", is_flag=True, help="Do not report proper names the glossary does not know."
)
@click.option(
    "--queue-unknown",
    is_flag=True,
    help="Send the proper names the glossary does not know to the curation queue "
    "(as candidates, with the sentence in the note).",
)
@database_option
@json_option
def check(
    paths: tuple[str, ...],
    style: str | None,
    no_unknown: bool,
    queue_unknown: bool,
    database_url: str | None,
    as_json: bool,
) -> None:
    """Check drafts against the glossary's house style ('-' reads standard input).

    Reports known names and terms in a non-house spelling, in the wrong name order,
    deprecated or forbidden forms, Japanese names in Hangul against the transcription
    standard, and one entity written two ways. Exit status 1 when any finding is an
    error, 0 otherwise.
    """
    from glossary.check import Checker, check_paths

    with open_for_command(database_url) as g:
        checker = Checker.from_glossary(g, style)
        findings, problems = check_paths(checker, list(paths), unknown=not no_unknown)
        if queue_unknown:
            from glossary.intake.unknown import queue_unknown as queue_unknown_names

            queued = queue_unknown_names(g, findings)
            click.echo(f"{len(queued)} unknown names sent to the curation queue.", err=True)
    for problem in problems:
        click.echo(f"skipped: {problem}", err=True)
    if problems and len(problems) == len(paths):
        fail("no draft could be read")
    for f in findings:
        if as_json:
            emit_json(f.to_dict())
        else:
            click.echo(
                f"{f.file}:{f.line}:{f.column}: {f.severity} [{f.rule}] "
                f"“{f.found}” → “{f.suggestion}”" + (f" ({f.message})" if f.message else "")
            )
    if not as_json:
        errors = sum(1 for f in findings if f.severity == "error")
        click.echo(
            f"{len(findings)} findings ({errors} errors) with house style '{checker.style}'.",
            err=True,
        )
    if any(f.severity == "error" for f in findings):
        raise SystemExit(1)


COMMANDS = [check]

"""``glossary export`` and ``glossary import``: CSV, XLSX, PO, TBX and TMX files."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import click

from glossary.cli.options import (
    database_option,
    json_option,
    kind_option,
    open_for_command,
    output_option,
)
from glossary.cli.output import emit_json, fail
from glossary.errors import GlossaryError, ParseError
from glossary.vocab import STATUSES

if TYPE_CHECKING:
    from glossary.formats.base import ImportReport

#: The file formats and target languages of :mod:`glossary.formats`, named here so that
#: the command line starts without loading the formats (tests/test_cli.py checks that
#: they agree).
FORMAT_NAMES = ("csv", "po", "tbx", "tbx2", "tmx", "xlsx")
TARGETS = ("ko", "ja")


@contextmanager
def _progress_bar(label: str) -> Iterator[Callable[[int, int], None]]:
    """A progress bar on stderr, fed with ``(done, total)``."""
    with click.progressbar(length=1, label=label, file=sys.stderr) as bar:

        def update(done: int, total: int) -> None:
            if total and bar.length != total:
                bar.length = total
            step = done - bar.pos
            if step > 0:
                bar.update(step)

        yield update


def _format_option(help: str) -> Any:
    return click.option("--format", "fmt", type=click.Choice(FORMAT_NAMES), default=None, help=help)


@click.command("export")
@_format_option("File format (default: from the extension of -o FILE).")
@click.option(
    "--target",
    type=click.Choice(TARGETS),
    default=None,
    help="Only English and this language (a PO catalogue needs one).",
)
@click.option(
    "--status",
    type=click.Choice([*STATUSES, "all"]),
    default="approved",
    show_default=True,
    help="Only entries of this status ('all' for every entry, with what awaits review marked).",
)
@kind_option
@click.option(
    "--bom",
    is_flag=True,
    help="CSV: start with the byte-order mark spreadsheet programs need to see UTF-8.",
)
@output_option("File to write (default: standard output).")
@database_option
def export(
    fmt: str | None,
    target: str | None,
    status: str,
    kind: str | None,
    bom: bool,
    output: str | None,
    database_url: str | None,
) -> None:
    """Export the glossary (approved entries by default) as CSV, XLSX, PO, TBX or TMX.

    CSV and XLSX have the columns of data/terms.csv; PO writes one catalogue per target
    language (--target ko or ja); TBX is TBX-Basic in TBX v3, or TBX v2 (martif) with
    --format tbx2 for older tools; TMX pairs English with each target. An export of
    approved entries leaves out forms that still await a curator's review.
    """
    from glossary.formats import FORMATS, export_entries, format_for

    if fmt is None:
        if output is None:
            raise click.UsageError(
                "give --format, or -o FILE with a .csv, .xlsx, .po, .tbx or .tmx name"
            )
        fmt = format_for(output).name
    if FORMATS[fmt].needs_target and target is None:
        raise click.UsageError(
            "a PO catalogue has one target language: add --target ko or --target ja"
        )
    with open_for_command(database_url) as g, _progress_bar("Exporting") as progress:
        out: Any = output if output else sys.stdout.buffer
        n = export_entries(
            g,
            fmt,
            out,
            target=target,
            status=None if status == "all" else status,
            kind=kind,
            bom=bom,
            progress=progress,
        )
    where = output or "standard output"
    click.echo(f"Wrote {n} entries to {where} ({fmt.upper()}).", err=True)


@click.command("import")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@_format_option("File format (default: from the file's extension).")
@click.option("--dry-run", is_flag=True, help="Report what would change; write nothing.")
@click.option(
    "--skip-bad",
    is_flag=True,
    help="Import the good rows and report the bad ones (default: a bad row stops the import).",
)
@database_option
@json_option
def import_(
    file: str,
    fmt: str | None,
    dry_run: bool,
    skip_bad: bool,
    database_url: str | None,
    as_json: bool,
) -> None:
    """Import a CSV, XLSX, PO, TBX or TMX FILE ('-' reads standard input, with --format).

    The import is one transaction: a bad row or element stops it with nothing written
    (exit status 2) unless --skip-bad. New entries are created; entries already there
    are left unchanged; a value that differs from a curated one is reported as a
    conflict and kept. A PO or TMX file fills in and updates Korean and Japanese forms
    (a fuzzy PO unit is only proposed for review). What the file holds that the
    glossary has no place for is listed as left out.
    """
    from glossary.formats import import_file
    from glossary.formats.base import Problem

    if file == "-" and fmt is None:
        raise click.UsageError("reading standard input needs --format")
    source: Any = sys.stdin.buffer if file == "-" else file
    with open_for_command(database_url) as g:
        try:
            with _progress_bar("Importing") as progress:
                report = import_file(
                    g,
                    source,
                    fmt=fmt,
                    name="<stdin>" if file == "-" else None,
                    dry_run=dry_run,
                    skip_bad=skip_bad,
                    progress=progress,
                )
        except ParseError as exc:
            if as_json:
                emit_json(Problem.from_error(exc).to_dict())
            fail(str(exc), exc.exit_code)
        except GlossaryError as exc:
            fail(str(exc), exc.exit_code)
    _print_report(report, as_json)


def _print_report(report: ImportReport, as_json: bool) -> None:
    if as_json:
        for problem in report.problems:
            emit_json(problem.to_dict())
        emit_json(report.to_dict())
        return
    click.echo(f"{report.file}: {report.summary()}")
    for u in report.updated:
        old = repr(u.old) if u.old else "(none)"
        click.echo(f"  {_at(u.line, u.element)}entry {u.entry_id}: {u.lang} {old} -> {u.new!r}")
    for c in report.conflicts:
        click.echo(f"  {_at(c.line, c.element)}entry {c.entry_id} {c.reason}")
    for u in report.proposed:
        click.echo(
            f"  {_at(u.line, u.element)}entry {u.entry_id}: {u.lang} {u.new!r} proposed for "
            f"review beside the curated {u.old!r}"
        )
    for n in report.notices:
        click.echo(f"  {n.message}")
    for p in report.problems:
        click.echo(f"  skipped: {p}", err=True)


def _at(line: int | None, element: str | None) -> str:
    if element:
        return f"{element}: "
    return f"line {line}: " if line is not None else ""


COMMANDS = [export, import_]

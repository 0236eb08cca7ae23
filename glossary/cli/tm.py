"""``glossary tm``: the sentence memory (import, export, align, match, concordance)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import click

from glossary.cli.exchange import _progress_bar
from glossary.cli.options import (
    database_option,
    json_option,
    limit_option,
    open_for_command,
    output_option,
)
from glossary.cli.output import emit_json, fail
from glossary.errors import GlossaryError, ParseError
from glossary.lang import LANGUAGES

if TYPE_CHECKING:
    from glossary.api import Glossary
    from glossary.mining.articles import Article
    from glossary.tm import TranslationMemory


def _memory(g: Glossary) -> TranslationMemory:
    """The translation memory of ``g`` (imported here: the other commands do not need it)."""
    from glossary.tm import TranslationMemory

    return TranslationMemory(g)


def _language_option(flag: str, dest: str, what: str) -> Any:
    return click.option(
        flag, dest, type=click.Choice(LANGUAGES), default=None, help=f"{what} (en, ko or ja)."
    )


from_option = _language_option("--from", "source", "Source language")
to_option = _language_option("--to", "target", "Target language")


@click.group("tm")
def tm() -> None:
    """The translation memory of sentences: import and export TMX, align parallel
    articles, find matches for a sentence, and search the memory (concordance)."""


@tm.command("import")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@database_option
@json_option
def import_(file: str, database_url: str | None, as_json: bool) -> None:
    """Import a TMX FILE (from memoQ, Trados Studio, OmegaT or another CAT tool).

    The import is one transaction: a file that is not TMX stops it with the file,
    line and element named and nothing written (exit status 2). Units whose sentences
    are all in the memory already are not added twice; units with fewer than two
    sentences in English, Korean or Japanese are skipped and counted.
    """
    source: Any = sys.stdin.buffer if file == "-" else file
    with open_for_command(database_url) as g:
        try:
            with _progress_bar("Importing") as progress:
                report = _memory(g).import_tmx(
                    source, name="<stdin>" if file == "-" else None, progress=progress
                )
        except ParseError as exc:
            if as_json:
                emit_json(
                    {
                        "file": exc.path,
                        "line": exc.line,
                        "element": exc.field,
                        "message": exc.reason,
                    }
                )
            fail(str(exc), exc.exit_code)
    if as_json:
        emit_json(report.to_dict())
        return
    click.echo(f"{report.file}: {report.summary()}")
    for skipped in report.skipped[:20]:
        click.echo(f"  skipped line {skipped.line}, {skipped.element}: {skipped.reason}", err=True)
    if len(report.skipped) > 20:
        click.echo(f"  ... and {len(report.skipped) - 20} more skipped", err=True)


@tm.command("export")
@from_option
@to_option
@output_option("The TMX file to write.", required=True)
@database_option
def export(source: str | None, target: str | None, output: str, database_url: str | None) -> None:
    """Export the memory as a TMX 1.4b file.

    With --from and --to, only units with sentences in both languages, with just those
    two; without them, every unit with all its sentences.
    """
    with open_for_command(database_url) as g:
        n = _memory(g).export_tmx(output, source=source, target=target)
    click.echo(f"Wrote {n} units to {output} (TMX).", err=True)


def _read_article(path: str) -> Article:
    from pathlib import Path

    from glossary.mining.articles import decode_article_bytes, parse_article

    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise GlossaryError(f"{path}: cannot be read: {exc.strerror}") from None
    article = parse_article(decode_article_bytes(data, path), path)
    article.path = path
    return article


@tm.command("align")
@click.option(
    "--from", "source", type=click.Choice(LANGUAGES), required=True, help="Language of SOURCE_FILE."
)
@click.option(
    "--to", "target", type=click.Choice(LANGUAGES), required=True, help="Language of TARGET_FILE."
)
@click.argument("source_file", type=click.Path(dir_okay=False))
@click.argument("target_file", type=click.Path(dir_okay=False))
@click.option(
    "--save",
    is_flag=True,
    help="Store the paired sentences as translation units (and both articles).",
)
@database_option
@json_option
def align(
    source: str,
    target: str,
    source_file: str,
    target_file: str,
    save: bool,
    database_url: str | None,
    as_json: bool,
) -> None:
    """Align an article (SOURCE_FILE) and its translation (TARGET_FILE) sentence by
    sentence.

    Sentences are paired one to one, one to two, two to one, or left alone (1-0, 0-1),
    by their lengths and by the glossary's names and terms and the numbers found on
    both sides. Without --save nothing is written: check the pairs (or review them in
    the web app) first. With --json, one object per pair: kind, source, target,
    source_sentences, target_sentences (numbers from 0), anchors (entry ids).
    """
    src_article, tgt_article = _read_article(source_file), _read_article(target_file)
    with open_for_command(database_url) as g:
        memory = _memory(g)
        alignment = memory.align(src_article.text, tgt_article.text, source, target)
        saved = (
            memory.save_alignment(alignment, source_article=src_article, target_article=tgt_article)
            if save
            else []
        )
    if as_json:
        for bead in alignment.to_dict()["beads"]:
            emit_json(bead)
    else:
        for b in alignment.to_dict()["beads"]:
            click.echo(f"{b['kind']}  {b['source'] or '—'}")
            click.echo(f"     {b['target'] or '—'}")
    if save:
        click.echo(f"Saved {len(saved)} units.", err=True)


@tm.command("match")
@click.argument("sentence")
@from_option
@to_option
@limit_option(5, 100, "At most this many matches.")
@database_option
@json_option
def match(
    sentence: str,
    source: str | None,
    target: str | None,
    limit: int,
    database_url: str | None,
    as_json: bool,
) -> None:
    """Find the units most like SENTENCE, with their match percentages.

    100% and context matches come first; numbers, inline codes and the names of
    glossary entries count as CAT tools count them. Each match lists the glossary
    entries found in SENTENCE with their form in the target language, and warns where
    the unit's translation does not use that form. --from defaults to the sentence's
    script; --to to each unit's other language.
    """
    from glossary.tm.limits import bounded_match

    with open_for_command(database_url) as g:
        matches = bounded_match(_memory(g), sentence, source=source, target=target, limit=limit)
    if as_json:
        for m in matches:
            emit_json(m.to_dict())
        return
    if not matches:
        click.echo("No unit matches this sentence.", err=True)
        return
    for m in matches:
        click.echo(f"{m.score:3d}% {m.kind} #{m.unit.id} ({m.source_lang} → {m.target_lang})")
        click.echo(f"     {m.source}")
        click.echo(f"     {m.target}")
        for t in m.terms:
            click.echo(f"     term: {t.found} → {t.target or '(no form)'} (entry {t.entry_id})")
        for w in m.warnings:
            click.echo(f"     check: {w}")


def _marked(text: str, spans: list[tuple[int, int]]) -> str:
    out = []
    pos = 0
    for start, end in spans:
        out.append(text[pos:start] + "«" + text[start:end] + "»")
        pos = end
    return "".join(out) + text[pos:]


@tm.command("concord")
@click.argument("phrase")
@limit_option(50, 1000, "At most this many units.")
@database_option
@json_option
def concord(phrase: str, limit: int, database_url: str | None, as_json: bool) -> None:
    """Every unit whose sentences contain PHRASE, newest first, with the hits marked.

    PHRASE is found in any case, width and kana; when it names a glossary entry (in
    any form, romanization or reading), every form of that entry is searched too.
    With --json, each unit has source_hits and target_hits: [start, end] offsets.
    """
    from glossary.tm.limits import bounded_concordance

    with open_for_command(database_url) as g:
        found = bounded_concordance(_memory(g), phrase, limit=limit)
    if as_json:
        for c in found:
            emit_json(c.to_dict())
        return
    if not found:
        click.echo(f"No unit contains {phrase!r}.", err=True)
        return
    for c in found:
        d = c.to_dict()
        click.echo(f"#{c.unit.id} ({c.source_lang} → {c.target_lang})")
        click.echo(f"     {_marked(d['source'], c.hits.get(c.source_lang, []))}")
        click.echo(f"     {_marked(d['target'], c.hits.get(c.target_lang, []))}")


COMMANDS = [tm]

"""``glossary romanize``: romanizations, readings and name parts of native text."""

from __future__ import annotations

import click

from glossary.cli.output import emit_json
from glossary.vocab import KINDS


@click.command()
@click.argument("texts", nargs=-1, required=True, metavar="TEXT...")
@click.option(
    "--lang",
    type=click.Choice(["ko", "ja"]),
    default=None,
    help="Language of TEXT (default: decided by its script).",
)
@click.option(
    "--kind",
    type=click.Choice(KINDS),
    default=None,
    help="What TEXT names: persons are split into family and given name, places "
    "get the hyphen before administrative units.",
)
@click.option(
    "--reading",
    metavar="KANA",
    default=None,
    help="The kana reading of Japanese TEXT, if you know it (it wins over suggestions).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON Lines only.")
def romanize(
    texts: tuple[str, ...], lang: str | None, kind: str | None, reading: str | None, as_json: bool
) -> None:
    """Romanize Korean or Japanese TEXT: strict and press forms, readings, name parts.

    Korean: strict Revised Romanization with its sound changes, the letter-by-letter
    transliteration, and for persons a suggested press spelling. Japanese: the reading
    (suggested unless given with --reading), modified Hepburn with macrons and the
    press form without them. Suggestions are for a curator to confirm.
    """
    from glossary.lang.romanize import romanize_text

    for text in texts:
        data = romanize_text(text, lang=lang, kind=kind, reading=reading)
        if as_json:
            emit_json(data)
            continue
        lines = [f"{data['input']} ({data['lang']}{', ' + kind if kind else ''})"]
        if data.get("reading"):
            lines.append(
                f"  reading: {data['reading']}"
                + (" (suggested)" if data.get("reading_source") == "suggested" else "")
            )
        lines.append(f"  strict: {data['strict']}")
        if data.get("plain"):
            note = " (suggestion)" if data.get("plain_is_suggestion") else ""
            lines.append(f"  plain: {data['plain']}{note}")
        if data.get("transliteration"):
            lines.append(f"  transliteration: {data['transliteration']}")
        if data.get("family"):
            lines.append(f"  family: {data['family']}  given: {data['given']}")
        alts = data.get("alternatives") or []
        if alts:
            shown = [
                a if isinstance(a, str) else f"{a.get('reading')} ({a.get('strict')})"
                for a in alts[:5]
            ]
            lines.append("  alternatives: " + ", ".join(shown))
        click.echo("\n".join(lines))


COMMANDS = [romanize]

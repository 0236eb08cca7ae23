"""``glossary users``: accounts for the web app and API tokens for scripts."""

from __future__ import annotations

import sys

import click

from glossary.cli.options import database_option, json_option, open_for_command
from glossary.cli.output import emit
from glossary.vocab import MAX_TOKEN_DAYS, TOKEN_DAYS, USER_ROLES


@click.group()
def users() -> None:
    """Manage accounts (reader, curator, admin) and API tokens."""


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    password: str = click.prompt("Password", hide_input=True, confirmation_prompt=True, err=True)
    return password


@users.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(USER_ROLES), required=True, help="What the user may do.")
@click.option(
    "--password-stdin", is_flag=True, help="Read the password from the first line of stdin."
)
@database_option
@json_option
def add(
    name: str, role: str, password_stdin: bool, database_url: str | None, as_json: bool
) -> None:
    """Add user NAME with a role, asking for the password (or reading it from stdin)."""
    from glossary.accounts import add_user

    password = _read_password(password_stdin)
    with open_for_command(database_url) as g:
        user = add_user(g, name, role, password)
    emit(user.to_dict(), as_json, f"added {user.name} ({user.role})")


@users.command("token")
@click.argument("name")
@click.option(
    "--label", default="", help="What the token is for (shown by 'glossary users tokens')."
)
@click.option(
    "--days",
    type=click.IntRange(1, MAX_TOKEN_DAYS),
    default=TOKEN_DAYS,
    show_default=True,
    help="How many days the token works.",
)
@click.option(
    "--revoke",
    "revoke_id",
    type=click.IntRange(1, 2**63 - 1),
    metavar="ID",
    default=None,
    help="Delete NAME's token number ID (see 'glossary users tokens') instead of making one.",
)
@click.option("--revoke-all", is_flag=True, help="Delete every token of NAME instead.")
@database_option
@json_option
def token(
    name: str,
    label: str,
    days: int,
    revoke_id: int | None,
    revoke_all: bool,
    database_url: str | None,
    as_json: bool,
) -> None:
    """Make an API token for NAME and print it (it is shown only this once).

    Scripts send it as 'Authorization: Bearer TOKEN'. It works for --days days, until
    revoked with --revoke ID (one token) or --revoke-all.
    """
    from glossary.accounts import create_token, revoke_token, revoke_tokens

    with open_for_command(database_url) as g:
        if revoke_id is not None or revoke_all:
            if revoke_id is not None and revoke_all:
                raise click.UsageError("give --revoke ID or --revoke-all, not both")
            if revoke_id is not None:
                revoke_token(g, name, revoke_id)
                n = 1
            else:
                n = revoke_tokens(g, name)
            emit({"user": name, "revoked": n}, as_json, f"revoked {n} token(s) of {name}")
            return
        value = create_token(g, name, label, days)
    emit({"user": name, "token": value}, as_json, value)


@users.command("tokens")
@click.argument("name")
@database_option
@json_option
def tokens(name: str, database_url: str | None, as_json: bool) -> None:
    """List NAME's API tokens: number, label, made, last used, expires (never the
    tokens themselves, which are not kept)."""
    from glossary.accounts import list_tokens

    with open_for_command(database_url) as g:
        found = list_tokens(g, name)
    for t in found:
        used = f"used {t.last_used_at.date().isoformat()}" if t.last_used_at else "never used"
        line = (
            f"{t.id}\t{t.label or '-'}\tmade {t.created_at.date().isoformat()}\t"
            f"{used}\texpires {t.expires_at.date().isoformat()}"
        )
        emit(t.to_dict(), as_json, line)
    if not found and not as_json:
        click.echo(f"{name} has no API tokens", err=True)


@users.command("list")
@database_option
@json_option
def list_(database_url: str | None, as_json: bool) -> None:
    """List the accounts and their roles."""
    from glossary.accounts import list_users

    with open_for_command(database_url) as g:
        found = list_users(g)
    for user in found:
        emit(user.to_dict(), as_json, f"{user.name}\t{user.role}")


@users.command("role")
@click.argument("name")
@click.argument("role", type=click.Choice(USER_ROLES))
@database_option
def role(name: str, role: str, database_url: str | None) -> None:
    """Give user NAME another ROLE."""
    from glossary.accounts import set_role

    with open_for_command(database_url) as g:
        user = set_role(g, name, role)
    click.echo(f"{user.name} is now {user.role}")


COMMANDS = [users]

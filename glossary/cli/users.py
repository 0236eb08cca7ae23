"""``glossary users``: accounts for the web app and API tokens for scripts."""

from __future__ import annotations

import sys

import click

from glossary.cli.options import database_option, json_option, open_for_command
from glossary.cli.output import emit_json
from glossary.vocab import USER_ROLES


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
    if as_json:
        emit_json(user.to_dict())
    else:
        click.echo(f"added {user.name} ({user.role})")


@users.command("token")
@click.argument("name")
@click.option("--label", default="", help="What the token is for (shown in nothing but the list).")
@click.option("--revoke", is_flag=True, help="Delete NAME's tokens instead of making one.")
@database_option
@json_option
def token(name: str, label: str, revoke: bool, database_url: str | None, as_json: bool) -> None:
    """Make an API token for NAME and print it (it is shown only this once).

    Scripts send it as 'Authorization: Bearer TOKEN'.
    """
    from glossary.accounts import create_token, revoke_tokens

    with open_for_command(database_url) as g:
        if revoke:
            n = revoke_tokens(g, name)
            if as_json:
                emit_json({"user": name, "revoked": n})
            else:
                click.echo(f"revoked {n} token(s) of {name}")
            return
        value = create_token(g, name, label)
    if as_json:
        emit_json({"user": name, "token": value})
    else:
        click.echo(value)


@users.command("list")
@database_option
@json_option
def list_(database_url: str | None, as_json: bool) -> None:
    """List the accounts and their roles."""
    from glossary.accounts import list_users

    with open_for_command(database_url) as g:
        found = list_users(g)
    for user in found:
        if as_json:
            emit_json(user.to_dict())
        else:
            click.echo(f"{user.name}\t{user.role}")


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

"""Accounts as a library (on SQLite and PostgreSQL) and `glossary users`."""

from __future__ import annotations

import hashlib
import json

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from glossary import Glossary
from glossary.accounts import (
    add_user,
    authenticate,
    create_token,
    list_users,
    require,
    revoke_tokens,
    set_role,
    verify_token,
)
from glossary.cli import cli
from glossary.errors import GlossaryError, InvalidValue, NotFound, PermissionDenied
from glossary.store.models import ApiTokenRow, UserRow


def test_passwords_are_stored_hashed(g: Glossary) -> None:
    add_user(g, "mina", "curator", "a long passphrase")
    with g.reading() as s:
        stored = s.scalar(select(UserRow.password_hash).where(UserRow.name == "mina"))
    assert stored and "a long passphrase" not in stored and stored.startswith("scrypt:")
    user = authenticate(g, "mina", "a long passphrase")
    assert user is not None and user.role == "curator"
    assert authenticate(g, "mina", "wrong passphrase") is None
    assert authenticate(g, "nobody", "a long passphrase") is None


def test_bad_accounts_are_refused(g: Glossary) -> None:
    add_user(g, "mina", "reader", "a long passphrase")
    with pytest.raises(GlossaryError, match="already a user"):
        add_user(g, "mina", "reader", "a long passphrase")
    with pytest.raises(InvalidValue, match="reader, curator, admin"):
        add_user(g, "jun", "editor", "a long passphrase")
    with pytest.raises(GlossaryError, match="at least 8"):
        add_user(g, "jun", "reader", "short")
    with pytest.raises(GlossaryError, match="without spaces"):
        add_user(g, "two words", "reader", "a long passphrase")


def test_tokens_are_stored_as_sha256_only(g: Glossary) -> None:
    add_user(g, "bot", "curator", "a long passphrase")
    token = create_token(g, "bot", "nightly check")
    with g.reading() as s:
        row = s.scalar(select(ApiTokenRow))
        assert row is not None
        assert row.token_hash == hashlib.sha256(token.encode()).hexdigest()
        assert row.last_used_at is None
    user = verify_token(g, token)
    assert user is not None and user.name == "bot"
    with g.reading() as s:
        assert s.scalar(select(ApiTokenRow.last_used_at)) is not None
    assert verify_token(g, token + "x") is None
    assert verify_token(g, "not-even-the-prefix") is None
    assert revoke_tokens(g, "bot") == 1
    assert verify_token(g, token) is None


def test_roles_and_require(g: Glossary) -> None:
    add_user(g, "ana", "reader", "a long passphrase")
    reader = set_role(g, "ana", "reader")
    with pytest.raises(PermissionDenied, match="needs the curator role"):
        require(reader, "curator")
    with pytest.raises(PermissionDenied, match="log in"):
        require(None, "reader")
    curator = set_role(g, "ana", "curator")
    assert require(curator, "reader") is curator
    assert curator.can("curator") and not curator.can("admin")
    assert [u.name for u in list_users(g)] == ["ana"]
    with pytest.raises(NotFound):
        set_role(g, "nobody", "admin")


def test_cli_users_add_list_token(runner: CliRunner, g: Glossary) -> None:
    result = runner.invoke(
        cli,
        ["users", "add", "mina", "--role", "curator", "--password-stdin"],
        input="a long passphrase\n",
    )
    assert result.exit_code == 0, result.output
    assert "added mina (curator)" in result.output
    assert authenticate(g, "mina", "a long passphrase") is not None
    listed = runner.invoke(cli, ["users", "list", "--json"])
    assert [json.loads(line)["role"] for line in listed.stdout.splitlines()] == ["curator"]
    token = runner.invoke(cli, ["users", "token", "mina"]).stdout.strip()
    user = verify_token(g, token)
    assert user is not None and user.name == "mina"
    role = runner.invoke(cli, ["users", "role", "mina", "admin"])
    assert role.exit_code == 0 and "now admin" in role.output


def test_cli_users_prompts_for_the_password_twice(runner: CliRunner, g: Glossary) -> None:
    result = runner.invoke(
        cli,
        ["users", "add", "jun", "--role", "reader"],
        input="a long passphrase\na long passphrase\n",
    )
    assert result.exit_code == 0, result.output
    assert authenticate(g, "jun", "a long passphrase") is not None


def test_cli_users_errors_exit_2(runner: CliRunner) -> None:
    short = runner.invoke(
        cli, ["users", "add", "jun", "--role", "reader", "--password-stdin"], input="x\n"
    )
    assert short.exit_code == 2 and "at least 8" in short.output
    missing = runner.invoke(cli, ["users", "token", "nobody"])
    assert missing.exit_code == 2 and "no user 'nobody'" in missing.output

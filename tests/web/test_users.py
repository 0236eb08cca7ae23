"""Accounts as a library (on SQLite and PostgreSQL) and `glossary users`."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select, update

from glossary import Glossary
from glossary.accounts import (
    add_user,
    authenticate,
    create_token,
    find_user,
    list_tokens,
    list_users,
    require,
    revoke_token,
    revoke_tokens,
    set_password,
    set_role,
    verify_token,
)
from glossary.accounts.logins import FailedLogins, end_session, open_session, session_user
from glossary.cli import cli
from glossary.errors import GlossaryError, InvalidValue, NotFound, PermissionDenied
from glossary.store.models import ApiTokenRow, LoginFailureRow, UserRow, WebSessionRow


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


def test_sessions_live_in_the_database_and_end(g: Glossary) -> None:
    """On both backends: a session is found by its secret until it is ended by logging
    out, by a new password or role, or by its expiry; only its digest is stored."""
    mina = add_user(g, "mina", "curator", "a long passphrase")
    other = add_user(g, "jun", "reader", "another passphrase")
    first, second = open_session(g, mina), open_session(g, mina)
    kept = open_session(g, other)
    with g.reading() as s:
        stored = set(s.scalars(select(WebSessionRow.id)))
    assert hashlib.sha256(first.encode()).hexdigest() in stored and first not in stored

    def who(secret: str) -> str | None:
        user = session_user(g, secret)
        return f"{user.name} ({user.role})" if user else None

    assert who(first) == who(second) == "mina (curator)"
    end_session(g, first)  # logging out ends this session, not the one elsewhere
    assert who(first) is None and who(second) == "mina (curator)"
    set_role(g, "mina", "admin")
    assert who(second) is None
    third = open_session(g, find_user(g, "mina"))
    assert who(third) == "mina (admin)"
    set_password(g, "mina", "a new long passphrase")
    assert who(third) is None
    assert who(kept) == f"jun ({other.role})"  # another account's session is untouched
    expired = open_session(g, other, lifetime=timedelta(seconds=-1))
    assert who(expired) is None
    assert who("not a session") is None


def test_failed_logins_are_counted_in_the_database(g: Glossary) -> None:
    """On both backends: two counters on one database (two server processes) share the
    count, keys are stored as digests, and the window forgets old failures."""
    now = [1000.0]
    one, two = FailedLogins(g, 300, lambda: now[0]), FailedLogins(g, 300, lambda: now[0])
    for counter in (one, two, one):
        now[0] += 1
        counter.fail("name:mina\0198.51.100.7", "login:198.51.100.7")
    assert one.wait("name:mina\0198.51.100.7", 3) == two.wait("login:198.51.100.7", 3) == 298
    assert one.wait("name:mina\0198.51.100.7", 4) == 0
    assert two.wait("name:mina\0203.0.113.1", 3) == 0
    with g.reading() as s:
        keys = set(s.scalars(select(LoginFailureRow.key)))
    assert hashlib.sha256(b"login:198.51.100.7").hexdigest() in keys
    assert not any("mina" in k for k in keys)
    two.clear("name:mina\0198.51.100.7")
    assert one.wait("name:mina\0198.51.100.7", 1) == 0 and one.wait("login:198.51.100.7", 3)
    now[0] += 300
    assert one.wait("login:198.51.100.7", 1) == 0
    one.fail("token:192.0.2.1")  # and the rows out of the window are gone
    with g.reading() as s:
        assert s.scalar(select(func.count()).select_from(LoginFailureRow)) == 1


def test_tokens_expire_and_are_revoked_one_at_a_time(g: Glossary) -> None:
    """On both backends: each token has its own label and expiry; one can be revoked
    and the others keep working; an expired token is refused like an unknown one."""
    add_user(g, "bot", "reader", "a long passphrase")
    add_user(g, "other", "reader", "a long passphrase")
    nightly = create_token(g, "bot", "nightly export", days=30)
    checker = create_token(g, "bot", "style checker")
    theirs = create_token(g, "other", "theirs")
    listed = list_tokens(g, "bot")
    assert [t.label for t in listed] == ["nightly export", "style checker"]
    assert [(t.expires_at - t.created_at).days for t in listed] == [30, 90]
    with pytest.raises(NotFound, match="bot has no token"):
        revoke_token(g, "bot", list_tokens(g, "other")[0].id)  # not bot's to revoke
    revoke_token(g, "bot", listed[0].id)
    assert verify_token(g, nightly) is None
    assert verify_token(g, checker) is not None and verify_token(g, theirs) is not None
    with g.writing() as s:  # the checker's token runs out
        s.execute(
            update(ApiTokenRow)
            .where(ApiTokenRow.id == listed[1].id)
            .values(expires_at=datetime.now(UTC) - timedelta(seconds=1))
        )
    assert verify_token(g, checker) is None
    for days in (0, 3651):
        with pytest.raises(GlossaryError, match="1 to 3,650 days"):
            create_token(g, "bot", days=days)


def test_cli_lists_labels_and_revokes_one_token(runner: CliRunner, g: Glossary) -> None:
    add_user(g, "bot", "reader", "a long passphrase")
    first = runner.invoke(cli, ["users", "token", "bot", "--label", "nightly", "--days", "7"])
    second = runner.invoke(cli, ["users", "token", "bot", "--label", "checker"])
    assert first.exit_code == second.exit_code == 0
    listed = runner.invoke(cli, ["users", "tokens", "bot"])
    assert listed.exit_code == 0
    lines = listed.stdout.splitlines()
    assert len(lines) == 2 and "\tnightly\t" in lines[0] and "never used" in lines[0]
    as_json = [
        json.loads(x)
        for x in runner.invoke(cli, ["users", "tokens", "bot", "--json"]).stdout.splitlines()
    ]
    assert [t["label"] for t in as_json] == ["nightly", "checker"]
    revoked = runner.invoke(cli, ["users", "token", "bot", "--revoke", str(as_json[0]["id"])])
    assert revoked.exit_code == 0 and "revoked 1 token(s) of bot" in revoked.output
    assert verify_token(g, first.stdout.strip()) is None
    assert verify_token(g, second.stdout.strip()) is not None
    missing = runner.invoke(cli, ["users", "token", "bot", "--revoke", "999999"])
    assert missing.exit_code == 2 and "bot has no token 999999" in missing.output
    everything = runner.invoke(cli, ["users", "token", "bot", "--revoke-all"])
    assert everything.exit_code == 0 and verify_token(g, second.stdout.strip()) is None
    both = runner.invoke(cli, ["users", "token", "bot", "--revoke", "1", "--revoke-all"])
    assert both.exit_code == 2

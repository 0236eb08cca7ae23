"""The HTTP API against its own OpenAPI document, with schemathesis: every operation,
with generated valid and invalid input, anonymously and with a reader's, a curator's and
an admin's API token, never answers 500, answers as the document says (status code,
content type, body schema), refuses what the document forbids, and gives every error in
the one JSON error shape (webapp.errors). Nobody without the curator role ever writes.

Schemathesis is driven through its Python API (``schema[path][method].as_strategy()``
in a hypothesis test inside a plain test function), derandomized so that every run
sends the same requests. Writes go to a temporary copy of the shipped glossary."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from flask import Flask, got_request_exception
from hypothesis import HealthCheck, given, settings
from schemathesis import Case, GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from glossary import open_glossary
from glossary.accounts import add_user, create_token
from glossary.formats.loader import load_articles, load_terms
from tests.conftest import SEEDS, TERMS_CSV
from webapp import create_app
from webapp.openapi import openapi_document

_METHODS = ("get", "put", "post", "patch", "delete")
#: (method, path, whether it writes, whether it takes input) of every operation the
#: document describes.
OPERATIONS = [
    (
        method.upper(),
        path,
        "security" in spec,
        bool(item.get("parameters") or spec.get("parameters") or spec.get("requestBody")),
    )
    for path, item in openapi_document()["paths"].items()
    for method, spec in item.items()
    if method in _METHODS
]
IDENTITIES = ("anonymous", "reader", "curator", "admin")
#: Every operation as each identity, with valid input and (where it takes any) invalid.
RUNS = [
    pytest.param(
        method, path, writes, identity, mode, id=f"{method} {path}-{identity}-{mode.value}"
    )
    for method, path, writes, takes_input in OPERATIONS
    for identity in IDENTITIES
    for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
    if takes_input or mode is GenerationMode.POSITIVE
]
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    negative_data_rejection,
]
EXAMPLES = settings(
    max_examples=50,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
    ],
)


@dataclass
class Target:
    app: Flask
    schema: Any
    tokens: dict[str, str]


@pytest.fixture(scope="module")
def prepared(
    sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, dict[str, str]]:
    """A SQLite file holding the shipped glossary and seed articles, with one account
    per role, and an API token of each account."""
    path = tmp_path_factory.mktemp("fuzz") / "glossary.sqlite3"
    shutil.copy(sqlite_template, path)
    tokens = {}
    with open_glossary(f"sqlite:///{path}") as g:
        load_terms(g, TERMS_CSV, user="tester")
        load_articles(g, SEEDS)
        for role in ("reader", "curator", "admin"):
            add_user(g, role, role, "correct horse battery")
            tokens[role] = create_token(g, role, "fuzz")
        with g.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return path, tokens


@pytest.fixture
def target(prepared: tuple[Path, dict[str, str]], tmp_path: Path) -> Iterator[Target]:
    """The web app on a fresh copy of the prepared glossary (every test starts from the
    same state, whatever ran before), and its OpenAPI document loaded by schemathesis."""
    template, tokens = prepared
    path = tmp_path / "glossary.sqlite3"
    shutil.copy(template, path)
    app = create_app(
        {
            "DATABASE_URL": f"sqlite:///{path}",
            "INSTANCE_PATH": str(tmp_path / "instance"),
            # The fuzz sends unknown tokens on purpose: counted against the one client
            # address, they would soon have every request answered 429, testing nothing.
            "LOGIN_ADDRESS_ATTEMPTS": 0,
        }
    )
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", app)
    yield Target(app, schema, tokens)
    app.extensions["glossary"].close()


def check_error_shape(status: int, content_type: str, body: bytes) -> None:
    """An error is ``{"error": {"status", "code", "message"}}`` as JSON, the status the
    one the response has."""
    assert content_type.startswith("application/json"), content_type
    data = json.loads(body)
    assert isinstance(data, dict) and set(data) == {"error"}, data
    error = data["error"]
    assert error["status"] == status, data
    assert isinstance(error["code"], str) and error["code"], data
    assert isinstance(error["message"], str) and error["message"], data


@pytest.mark.parametrize(("method", "path", "writes", "identity", "mode"), RUNS)
def test_operation_answers_as_documented(
    target: Target,
    method: str,
    path: str,
    writes: bool,
    identity: str,
    mode: GenerationMode,
) -> None:
    operation = target.schema[path][method]
    headers = (
        {"Authorization": f"Bearer {target.tokens[identity]}"} if identity in target.tokens else {}
    )
    statuses: Counter[int] = Counter()
    crashes: list[BaseException] = []

    def crashed(_sender: Flask, exception: BaseException, **_extra: object) -> None:
        crashes.append(exception)

    @EXAMPLES
    @given(case=operation.as_strategy(generation_mode=mode))
    def fuzz(case: Case) -> None:
        crashes.clear()
        response = case.call(headers=headers)
        assert not crashes, f"the app raised {crashes[0]!r}"
        statuses[response.status_code] += 1
        if response.status_code >= 400:
            content_type = response.headers.get("content-type", [""])[0]
            check_error_shape(response.status_code, content_type, response.content)
        case.validate_response(response, checks=CHECKS, headers=headers)
        if writes and identity in ("anonymous", "reader"):
            assert response.status_code >= 400, "only a curator or an admin may write"

    with got_request_exception.connected_to(crashed, target.app):
        fuzz()
    assert statuses, "no request was sent"
    if writes and identity in ("curator", "admin") and mode is GenerationMode.POSITIVE:
        # The token was honoured: not every answer was about who is asking.
        assert set(statuses) - {401, 403, 429}, statuses

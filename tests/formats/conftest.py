"""Fixtures of the format tests: a second, empty glossary on the same backend."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from glossary import Glossary, open_glossary
from tests.conftest import _fresh_pg, _fresh_sqlite


@pytest.fixture
def other(request: pytest.FixtureRequest, db_url: str, tmp_path: Path) -> Iterator[Glossary]:
    """Another empty glossary on the backend of ``db_url`` (to import an export into)."""
    if db_url.startswith("sqlite"):
        folder = tmp_path / "other"
        folder.mkdir()
        url = _fresh_sqlite(request.getfixturevalue("sqlite_template"), folder)
    else:
        url = _fresh_pg(
            request.getfixturevalue("pg_admin_url"), request.getfixturevalue("pg_template")
        )
    glossary = open_glossary(url)
    yield glossary
    glossary.close()

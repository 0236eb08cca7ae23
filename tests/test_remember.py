"""Glossary.remember: answers kept until the glossary changes, whoever changes it."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from glossary import Glossary, open_glossary
from glossary.accounts import add_user, create_token
from glossary.errors import GlossaryError
from tests.conftest import person


def _counting() -> tuple[list[int], object]:
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    return calls, compute


def test_kept_while_nothing_changes(sqlite_url: str) -> None:
    with open_glossary(sqlite_url) as g:
        calls, compute = _counting()
        assert g.remember("k", compute) == 1  # type: ignore[arg-type]
        assert g.remember("k", compute) == 1  # type: ignore[arg-type]
        assert g.remember("other", compute) == 2  # type: ignore[arg-type]
        assert len(calls) == 2


def test_dropped_when_this_process_writes(sqlite_url: str) -> None:
    with open_glossary(sqlite_url) as g:
        first = g.remember("q", lambda: [m.entry.id for m in g.lookup("Takaichi")])
        assert first == []
        g.add(person("Takaichi Sanae", "Takaichi", "Sanae"))
        second = g.remember("q", lambda: [m.entry.id for m in g.lookup("Takaichi")])
        assert len(second) == 1


def test_dropped_when_another_process_writes(sqlite_url: str) -> None:
    with open_glossary(sqlite_url) as g:
        entry = g.add(person("Ishiba Shigeru", "Ishiba", "Shigeru"))

        def notes() -> str:
            return g.lookup("Ishiba")[0].entry.note

        assert g.remember("note", notes) == ""
        script = (
            "from glossary import open_glossary\n"
            f"g = open_glossary({sqlite_url!r})\n"
            f"e = g.get({entry.id})\n"
            "e.note = 'edited elsewhere'\n"
            "g.update(e)\n"
            "g.close()\n"
        )
        subprocess.run([sys.executable, "-c", script], check=True)
        assert g.remember("note", notes) == "edited elsewhere"


def test_threads_share_the_answers(sqlite_url: str) -> None:
    with open_glossary(sqlite_url) as g:
        calls, compute = _counting()
        g.remember("k", compute)  # type: ignore[arg-type]
        errors: list[BaseException] = []

        def other_thread() -> None:
            try:
                g.remember("k", compute)  # type: ignore[arg-type]
                g.add(person("Kono Taro", "Kono", "Taro"))
                g.remember("k", compute)  # type: ignore[arg-type]
            except BaseException as exc:
                errors.append(exc)

        thread = threading.Thread(target=other_thread)
        thread.start()
        thread.join()
        assert errors == []
        assert len(calls) == 2  # once before the edit, once after
        g.remember("k", compute)  # type: ignore[arg-type]
        assert len(calls) == 2


def test_postgresql_computes_every_time(db_url: str) -> None:
    with open_glossary(db_url) as g:
        calls, compute = _counting()
        g.remember("k", compute)  # type: ignore[arg-type]
        g.remember("k", compute)  # type: ignore[arg-type]
        expected = 1 if db_url.startswith("sqlite") else 2
        assert len(calls) == expected


def test_size_is_a_setting(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GLOSSARY_LOOKUP_CACHE", "0")
    with open_glossary(sqlite_url) as g:
        calls, compute = _counting()
        g.remember("k", compute)  # type: ignore[arg-type]
        g.remember("k", compute)  # type: ignore[arg-type]
        assert len(calls) == 2
    monkeypatch.setenv("GLOSSARY_LOOKUP_CACHE", "2")
    with open_glossary(sqlite_url) as g:
        calls, compute = _counting()
        for key in ("a", "b", "c", "a"):
            g.remember(key, compute)  # type: ignore[arg-type]
        assert len(calls) == 4  # "a" was the least recently used when "c" came
    monkeypatch.setenv("GLOSSARY_LOOKUP_CACHE", "lots")
    with pytest.raises(GlossaryError, match="GLOSSARY_LOOKUP_CACHE"):
        open_glossary(sqlite_url)


def test_api_lookup_sees_an_edit_from_another_glossary(sqlite_url: str, tmp_path: Path) -> None:
    from webapp import create_app

    with open_glossary(sqlite_url) as other:
        entry = other.add(person("Kishida Fumio", "Kishida", "Fumio"))
        add_user(other, "cur", "curator", "a long passphrase")
        # A curator's lookup: notes are for curators (webapp.visibility).
        headers = {"Authorization": f"Bearer {create_token(other, 'cur')}"}
    app = create_app(
        {"TESTING": True, "DATABASE_URL": sqlite_url, "INSTANCE_PATH": str(tmp_path / "i")}
    )
    try:
        client = app.test_client()
        client.environ_base["HTTP_AUTHORIZATION"] = headers["Authorization"]
        first = client.get("/api/lookup?q=Kishida").get_json()
        assert first["results"][0]["note"] == ""
        assert client.get("/api/lookup?q=Kishida").get_json() == first
        with open_glossary(sqlite_url) as other:
            e = other.get(entry.id)
            e.note = "former prime minister"
            other.update(e)
        again = client.get("/api/lookup?q=Kishida").get_json()
        assert again["results"][0]["note"] == "former prime minister"
    finally:
        g: Glossary = app.extensions["glossary"]
        g.close()

"""The layout promises of README's "Where things are": the code that knows SQL lives in
``glossary/store/`` and ``glossary/lookup/``; every other module asks them."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: Packages allowed to talk to the database.
SQL_HOMES = ("glossary/store/", "glossary/lookup/")
#: JMnedict is a dictionary file of its own (jamdict's SQLite), not the glossary's store.
OTHER_DATABASES = {"glossary/lang/ja/jmnedict.py"}
#: Calls that run SQL on a session or connection.
SQL_CALLS = {"execute", "exec_driver_sql", "scalar", "scalars", "query"}


def _sources() -> list[Path]:
    files = sorted((ROOT / "glossary").rglob("*.py")) + sorted((ROOT / "webapp").rglob("*.py"))
    return [
        p
        for p in files
        if not p.relative_to(ROOT).as_posix().startswith(SQL_HOMES)
        and p.relative_to(ROOT).as_posix() not in OTHER_DATABASES
    ]


def _type_checking_lines(tree: ast.Module) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in ast.walk(node):
                if hasattr(child, "lineno"):
                    lines.add(child.lineno)
    return lines


def _sql_uses(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = _type_checking_lines(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom | ast.Import) and node.lineno not in typing_only:
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            names += [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if any(n == "sqlalchemy" or n.startswith(("sqlalchemy.", "sqlite3")) for n in names):
                found.append(f"line {node.lineno}: imports {', '.join(names)}")
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in SQL_CALLS
        ):
            found.append(f"line {node.lineno}: calls .{node.func.attr}()")
    return found


def test_no_sql_outside_store_and_lookup() -> None:
    offenders = {p.relative_to(ROOT).as_posix(): uses for p in _sources() if (uses := _sql_uses(p))}
    assert offenders == {}


def test_the_checker_sees_sql() -> None:
    """The test above would notice SQL: it finds it in the store itself."""
    assert _sql_uses(ROOT / "glossary" / "store" / "entries.py")


def test_glossary_has_no_loose_modules_beyond_the_public_api() -> None:
    loose = sorted(p.name for p in (ROOT / "glossary").glob("*.py"))
    assert loose == [
        "__init__.py",
        "__main__.py",
        "api.py",
        "errors.py",
        "model.py",
        "settings.py",
        "vocab.py",
    ]


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            # ``from glossary import tm`` imports glossary.tm
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return found


def test_the_store_does_not_import_the_stages_above_it() -> None:
    """The store is below the translation memory: it is given units and values, and
    never asks ``glossary.tm`` (not even for type hints)."""
    offenders = {}
    for p in sorted((ROOT / "glossary" / "store").rglob("*.py")):
        upward = sorted(m for m in _imported_modules(p) if m.startswith("glossary.tm"))
        if upward:
            offenders[p.relative_to(ROOT).as_posix()] = upward
    assert offenders == {}


def test_the_import_checker_sees_imports() -> None:
    assert "glossary.store.units" in _imported_modules(ROOT / "glossary" / "tm" / "memory.py")

"""Settings, declared once: name, default and help text.

Every setting can be overridden by an environment variable named ``GLOSSARY_`` plus
the setting's name in capitals (``GLOSSARY_DATABASE_URL``). The command line, the web
app, the README and the tests all read this table.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

PREFIX = "GLOSSARY_"
PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Setting:
    """One setting: its name, default value (as text) and a help line for translators."""

    name: str
    default: str
    help: str

    @property
    def env_var(self) -> str:
        return PREFIX + self.name.upper()


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "instance_path",
        str(PROJECT_ROOT / "instance"),
        "Folder for the embedded database, the web app's secret key and uploads.",
    ),
    Setting(
        "database_url",
        "",
        "Where the glossary is stored. Empty: a SQLite file glossary.sqlite3 in the "
        "instance folder. For a shared newsroom server: "
        "postgresql+psycopg://user:password@host/dbname.",
    ),
    Setting(
        "terms_file",
        str(PROJECT_ROOT / "data" / "terms.csv"),
        "The curated glossary that 'glossary init' loads.",
    ),
    Setting(
        "seeds_dir",
        str(PROJECT_ROOT / "seeds" / "articles"),
        "Folder of seed articles that 'glossary init' loads.",
    ),
    Setting(
        "house_style",
        "default",
        "House style for name order and spelling (see 'glossary styles').",
    ),
    Setting(
        "user",
        "",
        "Name recorded in the history for changes made from the command line "
        "(default: the login name of the operating-system user).",
    ),
    Setting(
        "anonymous_read",
        "1",
        "1: anyone may search and read the glossary in the web app; 0: readers must log in.",
    ),
    Setting(
        "lookup_cache",
        "512",
        "How many lookup answers each web server thread keeps until the glossary next "
        "changes (SQLite only; 0: none).",
    ),
)

SETTINGS_BY_NAME = {s.name: s for s in SETTINGS}


def get_setting(name: str, environ: Mapping[str, str] | None = None) -> str:
    """The value of a setting: the environment override if set, else the default."""
    env = os.environ if environ is None else environ
    setting = SETTINGS_BY_NAME[name]
    value = env.get(setting.env_var)
    return value if value not in (None, "") else setting.default


def default_database_url(environ: Mapping[str, str] | None = None) -> str:
    """The database URL to use when none is given: the setting, else SQLite in the instance."""
    url = get_setting("database_url", environ)
    if url:
        return url
    instance = Path(get_setting("instance_path", environ))
    return f"sqlite:///{instance / 'glossary.sqlite3'}"


def current_user(environ: Mapping[str, str] | None = None) -> str:
    """Who to record in the history for command-line changes."""
    name = get_setting("user", environ)
    if name:
        return name
    env = os.environ if environ is None else environ
    return env.get("USER") or env.get("USERNAME") or "cli"

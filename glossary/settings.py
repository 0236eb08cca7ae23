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

from glossary.errors import GlossaryError
from glossary.vocab import STATUSES

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
        "reader_statuses",
        "approved",
        "Entries readers and anonymous visitors see in the web app and API, by status "
        "(comma-separated; approved always): 'approved,candidate' adds the mined "
        "candidates awaiting review, 'approved,candidate,rejected' every entry. Curators "
        "and admins see every entry.",
    ),
    Setting(
        "reader_notes",
        "0",
        "1: readers and anonymous visitors also see the notes curators write on entries "
        "and terms (in pages, lookups, the history and exports); 0: curators and admins "
        "only.",
    ),
    Setting(
        "lookup_cache",
        "512",
        "How many lookup answers each web server process keeps until the glossary next "
        "changes (SQLite only; 0: none).",
    ),
    Setting(
        "lookup_time_limit",
        "2000",
        "Milliseconds one lookup, translation-memory match or concordance may run (web "
        "app, command line and Python API alike); one that takes longer is stopped with "
        "an error (HTTP 503). At least 1.",
    ),
    Setting(
        "tm_match_max_length",
        "2000",
        "Longest sentence, in characters, a translation-memory match takes ('glossary tm "
        "match', /translate, /api/tm/match); a longer one is refused (HTTP 400, exit "
        "status 2) before any work. At least 1.",
    ),
    Setting(
        "tm_concordance_max_length",
        "200",
        "Longest word or phrase, in characters, a concordance search takes ('glossary tm "
        "concord', /translate, /tm/units, /api/tm/concordance); a longer one is refused "
        "(HTTP 400, exit status 2) before any work. At least 1.",
    ),
    Setting(
        "login_attempts",
        "5",
        "Failed logins allowed for one account name from one client address within the "
        "login window; further attempts from there are refused (HTTP 429) until the "
        "window has passed (elsewhere, the account's owner can still log in). 0: no limit.",
    ),
    Setting(
        "login_address_attempts",
        "20",
        "Failed logins, and unknown API tokens, allowed from one client address within "
        "the login window (a newsroom behind one address shares it). 0: no limit.",
    ),
    Setting(
        "login_window",
        "300",
        "Seconds over which failed logins and unknown API tokens are counted.",
    ),
    Setting(
        "secure_cookies",
        "0",
        "1 when the web app is reached over HTTPS (behind a reverse proxy that terminates "
        "TLS): the session cookie is then only ever sent over HTTPS.",
    ),
    Setting(
        "proxy_hops",
        "0",
        "How many reverse proxies stand in front of the web app (0: none). With 1 or "
        "more, the client's address and scheme are read from the X-Forwarded-For and "
        "X-Forwarded-Proto headers the proxies add (only set this behind a proxy: "
        "otherwise clients could claim any address).",
    ),
)

SETTINGS_BY_NAME = {s.name: s for s in SETTINGS}


def get_setting(name: str, environ: Mapping[str, str] | None = None) -> str:
    """The value of a setting: the environment override if set, else the default."""
    env = os.environ if environ is None else environ
    setting = SETTINGS_BY_NAME[name]
    value = env.get(setting.env_var)
    return value if value not in (None, "") else setting.default


def get_whole_number(name: str, environ: Mapping[str, str] | None = None) -> int:
    """A setting that is a whole number (0 or more); GlossaryError names a bad value."""
    value = get_setting(name, environ)
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise GlossaryError(
            f"the setting {SETTINGS_BY_NAME[name].env_var} must be a whole number "
            f"(0 or more), not {value!r}"
        )
    return number


def get_switch(name: str, environ: Mapping[str, str] | None = None) -> bool:
    """A setting that is 0 (off) or 1 (on); GlossaryError names any other value."""
    value = get_setting(name, environ)
    if value not in ("0", "1"):
        raise GlossaryError(
            f"the setting {SETTINGS_BY_NAME[name].env_var} must be 0 or 1, not {value!r}"
        )
    return value == "1"


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


def get_statuses(name: str, environ: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """A setting that lists entry statuses (comma-separated), approved among them;
    GlossaryError names a bad value."""
    value = get_setting(name, environ)
    statuses = tuple(dict.fromkeys(s.strip() for s in value.split(",") if s.strip()))
    unknown = [s for s in statuses if s not in STATUSES]
    if unknown or "approved" not in statuses:
        raise GlossaryError(
            f"the setting {SETTINGS_BY_NAME[name].env_var} lists entry statuses, approved "
            f"among them ({', '.join(STATUSES)}), not {value!r}"
        )
    return statuses

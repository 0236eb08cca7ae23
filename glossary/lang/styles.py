"""House styles and name-order rules, read from data files linguists can edit.

Two tab-separated files in ``glossary/lang/data/`` hold the rules; each explains its
columns in a ``#`` comment block at the top:

* ``house_styles.tsv``: style name → one-line description;
* ``name_order.tsv``: (style, origin, language) → order, separators, Korean given-name
  form and family-name case. Rows whose style is ``*`` are the fallback for every style.

Both are read once and cached (:func:`clear_cache` forgets them). Every row is checked;
a bad one raises :class:`~glossary.errors.ParseError` naming the file, the line and the
column. :func:`load_house_styles` and :func:`load_name_order` read any pair of files
without caching, for checking a linguist's edited copy before it replaces the real one.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from glossary.errors import InvalidValue, ParseError
from glossary.lang import LANGUAGES, normalize_language

DATA_DIR = Path(__file__).parent / "data"
HOUSE_STYLES_FILE = DATA_DIR / "house_styles.tsv"
NAME_ORDER_FILE = DATA_DIR / "name_order.tsv"

DEFAULT_STYLE = "default"
WILDCARD = "*"

ORIGINS: tuple[str, ...] = ("korean", "japanese", "chinese", "western")
ORDERS: tuple[str, ...] = ("family-first", "given-first")
#: separator value in the file → the text put between the parts
SEPARATORS: dict[str, str] = {"space": " ", "none": "", "・": "・"}
KOREAN_GIVEN_FORMS: tuple[str, ...] = ("hyphen", "space", "joined", "as-is")
FAMILY_CASES: tuple[str, ...] = ("as-is", "upper")

HOUSE_STYLE_COLUMNS: tuple[str, ...] = ("name", "description")
NAME_ORDER_COLUMNS: tuple[str, ...] = (
    "style",
    "origin",
    "lang",
    "order",
    "separator",
    "kana_separator",
    "korean_given",
    "family_case",
)

_STYLE_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class NameOrderRule:
    """How to write a name of one origin in one language under one house style.

    ``separator`` and ``kana_separator`` hold the text itself (``" "``, ``""`` or
    ``"・"``), not the word used in the file. ``row_style`` is the style column of the
    row the rule came from (``"*"`` for a fallback row) and ``line`` its line number.
    """

    style: str
    origin: str
    lang: str
    order: str
    separator: str
    kana_separator: str
    korean_given: str
    family_case: str
    row_style: str = WILDCARD
    line: int = 0

    @property
    def family_first(self) -> bool:
        return self.order == "family-first"


def _rows(path: Path, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """Read a TSV file: skip comments and blanks, check the header, return numbered rows."""
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ParseError(name, None, "file not found") from None
    except UnicodeDecodeError as exc:
        raise ParseError(name, None, f"not UTF-8 text ({exc.reason})") from None
    rows: list[tuple[int, dict[str, str]]] = []
    header_seen = False
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if not header_seen:
            if tuple(cells) != columns:
                raise ParseError(
                    name,
                    lineno,
                    f"header must be the columns {', '.join(columns)} separated by tabs; "
                    f"found {', '.join(cells)}",
                )
            header_seen = True
            continue
        if len(cells) < len(columns):
            missing = columns[len(cells)]
            raise ParseError(
                name,
                lineno,
                f"expected {len(columns)} tab-separated columns, found {len(cells)} "
                "(are some columns separated by spaces instead of a tab?)",
                missing,
            )
        if len(cells) > len(columns):
            raise ParseError(
                name,
                lineno,
                f"expected {len(columns)} tab-separated columns, found {len(cells)}",
                columns[-1],
            )
        rows.append((lineno, dict(zip(columns, cells, strict=True))))
    if not header_seen:
        raise ParseError(name, None, f"no header line ({', '.join(columns)})")
    return rows


def _check(path: Path, lineno: int, column: str, value: str, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        shown = value if value else "(empty)"
        raise ParseError(
            str(path), lineno, f"{shown!r} is not allowed; use one of: {', '.join(allowed)}", column
        )


def load_house_styles(path: Path | str = HOUSE_STYLES_FILE) -> dict[str, str]:
    """Read and check a house-styles file; return style name → description (file order)."""
    path = Path(path)
    styles: dict[str, str] = {}
    lines: dict[str, int] = {}
    for lineno, row in _rows(path, HOUSE_STYLE_COLUMNS):
        name, description = row["name"], row["description"]
        if not _STYLE_NAME.fullmatch(name):
            raise ParseError(
                str(path),
                lineno,
                f"style name {name!r} must be lower-case letters, digits and hyphens",
                "name",
            )
        if name in styles:
            raise ParseError(
                str(path),
                lineno,
                f"style {name!r} is already defined on line {lines[name]}",
                "name",
            )
        if not description:
            raise ParseError(str(path), lineno, "the description is empty", "description")
        styles[name] = description
        lines[name] = lineno
    if DEFAULT_STYLE not in styles:
        raise ParseError(str(path), None, f"the style {DEFAULT_STYLE!r} must be defined")
    return styles


def load_name_order(
    path: Path | str = NAME_ORDER_FILE, styles: dict[str, str] | None = None
) -> dict[tuple[str, str, str], NameOrderRule]:
    """Read and check a name-order file against the given styles (default: the real ones).

    Returns (row style, origin, lang) → rule, where row style may be ``"*"``.
    """
    path = Path(path)
    known_styles = tuple(styles if styles is not None else house_styles())
    rules: dict[tuple[str, str, str], NameOrderRule] = {}
    for lineno, row in _rows(path, NAME_ORDER_COLUMNS):
        _check(path, lineno, "style", row["style"], (WILDCARD, *known_styles))
        _check(path, lineno, "origin", row["origin"], ORIGINS)
        _check(path, lineno, "lang", row["lang"], LANGUAGES)
        _check(path, lineno, "order", row["order"], ORDERS)
        _check(path, lineno, "separator", row["separator"], tuple(SEPARATORS))
        _check(path, lineno, "kana_separator", row["kana_separator"], tuple(SEPARATORS))
        _check(path, lineno, "korean_given", row["korean_given"], KOREAN_GIVEN_FORMS)
        _check(path, lineno, "family_case", row["family_case"], FAMILY_CASES)
        if row["origin"] != "korean" and row["korean_given"] != "as-is":
            raise ParseError(
                str(path),
                lineno,
                f"korean_given applies only to origin korean; write as-is for {row['origin']}",
                "korean_given",
            )
        key = (row["style"], row["origin"], row["lang"])
        if key in rules:
            raise ParseError(
                str(path),
                lineno,
                f"a rule for style {key[0]!r}, origin {key[1]!r}, lang {key[2]!r} "
                f"is already on line {rules[key].line}",
                "style",
            )
        rules[key] = NameOrderRule(
            style=row["style"],
            origin=row["origin"],
            lang=row["lang"],
            order=row["order"],
            separator=SEPARATORS[row["separator"]],
            kana_separator=SEPARATORS[row["kana_separator"]],
            korean_given=row["korean_given"],
            family_case=row["family_case"],
            row_style=row["style"],
            line=lineno,
        )
    missing = [
        f"{origin}/{lang}"
        for origin in ORIGINS
        for lang in LANGUAGES
        if (WILDCARD, origin, lang) not in rules
    ]
    if missing:
        raise ParseError(
            str(path),
            None,
            "every origin and language needs a fallback row (style '*'); missing: "
            + ", ".join(missing),
            "style",
        )
    return rules


@functools.cache
def _house_styles() -> dict[str, str]:
    return load_house_styles(HOUSE_STYLES_FILE)


@functools.cache
def _name_order() -> dict[tuple[str, str, str], NameOrderRule]:
    return load_name_order(NAME_ORDER_FILE, _house_styles())


def clear_cache() -> None:
    """Forget the loaded files so the next call reads them again."""
    _house_styles.cache_clear()
    _name_order.cache_clear()


def house_styles() -> dict[str, str]:
    """Style name → one-line description, in file order."""
    return dict(_house_styles())


def style_names() -> tuple[str, ...]:
    """The names of all house styles, in file order."""
    return tuple(_house_styles())


def check_style(style: str) -> str:
    """Return the style name normalised (trimmed, lower case); unknown → InvalidValue."""
    name = style.strip().lower()
    if name not in _house_styles():
        raise InvalidValue("style", style, style_names())
    return name


def check_origin(origin: str) -> str:
    """Return the origin normalised (trimmed, lower case); unknown → InvalidValue."""
    name = origin.strip().lower()
    if name not in ORIGINS:
        raise InvalidValue("origin", origin, ORIGINS)
    return name


def rule_for(style: str, origin: str, lang: str) -> NameOrderRule:
    """The rule for writing a name of ``origin`` in ``lang`` under house style ``style``.

    The style's own row wins; otherwise the fallback (``*``) row applies. ``lang`` may be
    a tag such as ``ja-JP``. Unknown style, origin or language → InvalidValue listing the
    allowed values.
    """
    style_name = check_style(style)
    origin_name = check_origin(origin)
    lang_code = normalize_language(lang)
    rules = _name_order()
    rule = rules.get((style_name, origin_name, lang_code))
    if rule is None:
        rule = rules[(WILDCARD, origin_name, lang_code)]
    if rule.style != style_name:
        rule = dataclasses.replace(rule, style=style_name)
    return rule

"""Countries and their names in English, Korean and Japanese (``data/countries.txt``).

* ``country_key(surface, lang)``: the key shared by every name of one country in any
  of the three languages ("Korea", "ROK", 한국, 韓国 give ``country:south korea``), or
  None when the surface is no country's name;
* ``is_country(surface, lang)``: whether the surface names a country;
* ``abbreviations(lang)``: the one-character Korean or Japanese abbreviations (미, 日),
  each with its country's key.
"""

from __future__ import annotations

from functools import cache

from glossary.mining.rules import load_table

_LANG_COLUMNS = ("en", "ko", "ja")


@cache
def _names() -> dict[str, dict[str, str]]:
    """lang -> name -> key (English names lowercased, the others as written)."""
    out: dict[str, dict[str, str]] = {lang: {} for lang in _LANG_COLUMNS}
    for row in load_table("countries.txt"):
        cells = [[f.strip() for f in cell.split("|")] for cell in row]
        cells = [[f for f in cell if f and f != "-"] for cell in cells]
        if not cells or not cells[0]:
            continue
        key = "country:" + cells[0][0].lower()
        for lang, forms in zip(_LANG_COLUMNS, cells, strict=False):
            for form in forms:
                out[lang].setdefault(form.lower() if lang == "en" else form, key)
    return out


def country_key(surface: str, lang: str) -> str | None:
    """The key every name of this country shares, or None."""
    names = _names().get(lang)
    if names is None:
        return None
    form = surface.lower() if lang == "en" else surface
    if lang != "en" and len(form) == 1:
        return None  # an abbreviation is no name on its own
    return names.get(form)


def is_country(surface: str, lang: str) -> bool:
    """Whether ``surface`` is the name of a country in ``lang``."""
    return country_key(surface, lang) is not None


@cache
def english_names() -> dict[str, str]:
    """Every English name of a country (lowercased) with the country's usual name."""
    return {form: key.removeprefix("country:") for form, key in _names()["en"].items()}


@cache
def abbreviations(lang: str) -> dict[str, str]:
    """The one-character abbreviations of country names in ``lang`` with their keys."""
    return {form: key for form, key in _names().get(lang, {}).items() if len(form) == 1}

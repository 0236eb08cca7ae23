"""Reading the entry editor's form back into an :class:`Entry`, and laying an entry out
as the editor's rows (one per form, plus an empty row per language to add one)."""

from __future__ import annotations

from dataclasses import dataclass, field

from werkzeug.datastructures import MultiDict

from glossary.model import Entry, Term
from glossary.vocab import LANGUAGE_FIELDS

LANGS = ("en", "ko", "ja")


@dataclass
class Row:
    """One row of the editor: a form of the entry (or an empty one to fill in)."""

    index: int
    term: Term
    new: bool = False
    suggestions: dict[str, list[str]] = field(default_factory=dict)

    @property
    def fields(self) -> tuple[str, ...]:
        return LANGUAGE_FIELDS[self.term.lang]


def editor_rows(entry: Entry, blanks: int = 1) -> list[Row]:
    """The entry's forms grouped by language, each language followed by empty rows."""
    rows: list[Row] = []
    for lang in LANGS:
        for t in entry.terms_in(lang):
            rows.append(Row(len(rows), t))
        has_preferred = any(t.role == "preferred" for t in entry.terms_in(lang))
        for _ in range(blanks):
            role = "variant" if has_preferred else "preferred"
            rows.append(Row(len(rows), Term(lang, "", role=role), new=True))
    return rows


def entry_from_form(form: MultiDict[str, str], base: Entry) -> Entry:
    """The entry as the editor's form describes it (not yet validated), on top of ``base``
    for what the form does not carry (id, bookkeeping)."""
    entry = Entry(
        id=base.id,
        kind=form.get("kind", base.kind),
        status=form.get("status", base.status),
        origin=form.get("origin", base.origin).strip(),
        note=form.get("note", base.note).replace("\r\n", "\n").strip(),
        version=_int(form.get("version"), base.version),
        evidence_count=base.evidence_count,
        created_at=base.created_at,
        created_by=base.created_by,
        updated_at=base.updated_at,
        updated_by=base.updated_by,
    )
    count = _int(form.get("rows"), 0)
    for i in range(min(count, 500)):
        prefix = f"t-{i}-"
        lang = form.get(prefix + "lang", "")
        text = form.get(prefix + "text", "").strip()
        if lang not in LANGS or not text or form.get(prefix + "remove"):
            continue
        term = Term(lang=lang, text=text, role=form.get(prefix + "role", "variant"))
        for name in LANGUAGE_FIELDS[lang]:
            setattr(term, name, form.get(prefix + name, "").strip())
        # A field stays marked as the tool's suggestion only while its box stays ticked.
        term.suggested = [
            name for name in form.getlist(prefix + "suggested") if getattr(term, name, "")
        ]
        term.note = form.get(prefix + "note", "").strip()
        entry.terms.append(term)
    return entry


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default

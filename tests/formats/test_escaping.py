"""Any text survives each format's escaping: written, then read back, it is the same."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.formats import FORMATS
from glossary.formats.base import ExportOptions, clean_text
from glossary.model import Entry, Term

# Letters, marks, punctuation, symbols and spaces of every script, line breaks and tabs
# included; other control characters are refused on input (glossary.model), and those no
# PO or XML file can carry would be left out by the writers.
TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\n\t"), max_size=40
)
FORM = TEXT.map(lambda s: " ".join(clean_text(s).split())).filter(bool)


def _round_trip(fmt: str, entry: Entry) -> Entry:
    out = io.BytesIO()
    FORMATS[fmt].write([entry], out, ExportOptions(target="ja" if fmt == "po" else None))
    (record,) = list(FORMATS[fmt].read(io.BytesIO(out.getvalue()), f"x.{fmt}"))
    return record.entry  # type: ignore[union-attr]


@settings(max_examples=200, deadline=None)
@given(en=FORM, ja=FORM, note=TEXT)
def test_forms_and_notes_survive_every_format(en: str, ja: str, note: str) -> None:
    note = "\n".join(line.strip() for line in clean_text(note).strip().splitlines()).strip()
    entry = Entry(
        "term",
        [Term("en", en), Term("ja", ja, reading=ja)],
        status="approved",
        note=note,
        id=7,
        version=1,
    )
    for fmt in FORMATS:
        back = _round_trip(fmt, entry)
        assert [(t.lang, t.text) for t in back.terms] == [("en", en), ("ja", ja)], fmt
        assert back.note == note, fmt
        if fmt != "tmx":  # a translation memory carries no readings
            assert back.terms[1].reading == ja, fmt

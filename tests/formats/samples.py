"""The sample glossary the format tests write and read, and the fixture files made from it.

``unicode_three_scripts.{csv,xlsx,po,tbx,v2.tbx,tmx}`` in ``tests/fixtures/formats/`` are
what the writers make of :func:`sample_entries` (the PO for Japanese) at :data:`EPOCH`; a test
checks that they still are. After a deliberate change to a writer, make them again with
``python -m tests.formats.samples``.

The entries cover Hangul, kanji and kana, Latin with macrons and apostrophes, every
term role, review marks (of fields, of house forms and of a mined variant), notes with
several lines, quotes, backslashes and angle brackets, cells a spreadsheet would run as
formulas, two entries sharing an English form (a PO context), and an entry without
English (left out of PO and TMX).
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from glossary.api import Glossary
from glossary.formats import FORMATS
from glossary.formats.base import ExportOptions
from glossary.model import Entry, Term

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "formats"
#: The export time stamped into the fixture files: 2024-01-02 03:04:05 UTC.
EPOCH = 1704164645
#: The target language of the PO fixture.
PO_TARGET = "ja"


def sample_entries() -> list[Entry]:
    """Ten entries exercising what each format must carry (ids 1-10, version 1)."""
    entries = [
        Entry(
            kind="person",
            status="approved",
            origin="korean",
            note=(
                'President of South Korea.\nHe writes "Lee Jae-myung"; C:\\ and <b> stay as typed.'
            ),
            terms=[
                Term("en", "Lee Jae-myung", family="Lee", given="Jae-myung"),
                Term("en", "Lee Jae Myung", "variant", note="Spelling of some agencies."),
                # What the miner proposes from articles: a form awaiting a curator.
                Term("en", "Lee", "variant", suggested=["text"]),
                Term(
                    "ko",
                    "이재명",
                    hanja="李在明",
                    romanization="I Jaemyeong",
                    press="Lee Jae-myung",
                    family="이",
                    given="재명",
                ),
                Term("ja", "李在明", reading="イ・ジェミョン", family="李", given="在明"),
            ],
        ),
        Entry(
            kind="person",
            status="approved",
            origin="japanese",
            terms=[
                Term("en", "Ōno Jun'ichirō", family="Ōno", given="Jun'ichirō"),
                Term("en", "Ono Junichiro", "variant"),
                Term("ko", "오노 준이치로", family="오노", given="준이치로"),
                Term(
                    "ja",
                    "大野潤一郎",
                    reading="おおの じゅんいちろう",
                    hepburn="Ōno Jun'ichirō",
                    plain="Ono Junichiro",
                    family="大野",
                    given="潤一郎",
                ),
            ],
        ),
        Entry(
            kind="org",
            status="approved",
            note='=HYPERLINK("http://example.org") is text, not a formula',
            terms=[
                Term("en", "Asia-Pacific Economic Cooperation"),
                Term("en", "APEC", "abbreviation"),
                Term("ko", "아시아태평양경제협력체"),
                Term("ko", "APEC", "abbreviation"),
                Term("ja", "アジア太平洋経済協力"),
                Term("ja", "APEC", "abbreviation"),
            ],
        ),
        Entry(
            kind="place",
            status="candidate",
            note="Reading to be confirmed.",
            terms=[
                Term("en", "Nara Prefecture"),
                Term("en", "Nara", "variant"),
                Term("ko", "나라현"),
                Term("ja", "奈良県", reading="ならけん", suggested=["reading"]),
            ],
        ),
        Entry(
            kind="place",
            status="approved",
            note="The special self-governing city.",
            terms=[Term("en", "Sejong"), Term("ko", "세종"), Term("ja", "世宗市")],
        ),
        Entry(
            kind="person",
            status="approved",
            origin="korean",
            note="King Sejong the Great.",
            terms=[Term("en", "Sejong"), Term("ko", "세종"), Term("ja", "世宗")],
        ),
        Entry(
            kind="term",
            status="approved",
            terms=[
                Term("en", "-5% tariff"),
                Term("en", "+5% duty", "variant"),
                Term("ko", "관세 5% 인하", suggested=["text"]),
                Term("ja", "@関税", suggested=["text"]),
            ],
        ),
        Entry(
            kind="person",
            status="rejected",
            origin="korean",
            note="kind: this note only looks like a field.",
            terms=[
                Term("en", "Wi Sung-lac"),
                Term("en", "Woo Sung-lak", "deprecated"),
                Term("en", "Wi Sung-lak", "forbidden"),
                Term("ko", "위성락"),
            ],
        ),
        Entry(
            kind="work",
            status="approved",
            terms=[Term("ja", "『国家の品格』"), Term("ko", "국가의 품격")],
        ),
        Entry(
            kind="term",
            status="approved",
            note="Tabs\tand trailing words.",
            terms=[
                Term("en", 'the "Sunshine" Policy'),
                Term("ko", "햇볕정책"),
                Term("ja", "太陽政策"),
            ],
        ),
    ]
    for i, e in enumerate(entries, 1):
        e.id = i
        e.version = 1
        e.validate()
    return entries


def add_samples(g: Glossary) -> list[Entry]:
    """Add the sample entries to ``g`` as new entries (a glossary's own ids stay theirs)."""
    added = []
    for entry in sample_entries():
        entry.id = None
        added.append(g.add(entry))
    return added


def target_of(fmt: str) -> str | None:
    return PO_TARGET if fmt == "po" else None


#: File name endings of the fixtures whose format has no extension of its own.
SUFFIXES = {"tbx2": "v2.tbx"}


def fixture(case: str, fmt: str) -> Path:
    """The fixture file of a case (``malformed``, ``empty``...) in a format."""
    return FIXTURES / f"{case}.{SUFFIXES.get(fmt, fmt)}"


def written(fmt: str, entries: list[Entry] | None = None) -> bytes:
    """What the writer of ``fmt`` makes of ``entries`` (the samples by default)."""
    out = io.BytesIO()
    options = ExportOptions(target=target_of(fmt))
    FORMATS[fmt].write(sample_entries() if entries is None else entries, out, options)
    return out.getvalue()


def workbook(rows: list[list[object]]) -> bytes:
    """A plain workbook holding ``rows`` in a sheet named Glossary, as a spreadsheet
    program would save it (for the XLSX cases the writer cannot make: bad rows)."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Glossary"
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def make_xlsx_cases() -> None:
    """The XLSX files of the empty, malformed and bad-record cases (made once; their
    bytes need not stay the same)."""
    import csv

    bad = fixture("bad_record", "xlsx")
    if not bad.exists():
        with fixture("bad_record", "csv").open(encoding="utf-8") as f:
            bad.write_bytes(workbook([list(row) for row in csv.reader(f)]))
    empty = fixture("empty", "xlsx")
    if not empty.exists():
        empty.write_bytes(b"")
    malformed = fixture("malformed", "xlsx")
    if not malformed.exists():
        whole = written("xlsx")
        malformed.write_bytes(whole[: len(whole) // 2])  # cut off: not a zip archive


def main() -> None:
    os.environ["SOURCE_DATE_EPOCH"] = str(EPOCH)
    for fmt in FORMATS:
        path = fixture("unicode_three_scripts", fmt)
        path.write_bytes(written(fmt))
        print(f"wrote {path}")
    make_xlsx_cases()


if __name__ == "__main__":
    main()

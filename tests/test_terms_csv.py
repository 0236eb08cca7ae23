"""data/terms.csv: the shipped curated glossary and the CSV reader's error messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.errors import ParseError
from glossary.formats.csv import COLUMNS, read_csv
from tests.conftest import TERMS_CSV

HEADER = ",".join(COLUMNS)

#: Names and terms of the two seed articles the issue requires in the glossary, with
#: the English form they are stored under (house form or the seed's, see notes).
REQUIRED = [
    "Lee Jae-myung",
    "Takaichi Sanae",
    "Ishiba Shigeru",
    "Woo Sung-lak",
    "Masuda Masayuki",
    "John Chuan Tiong Lim",
    "Nara Prefecture",
    "Gyeongju",
    "North Gyeongsang Province",
    "Busan",
    "Tokyo",
    "Taiwan Strait",
    "Korean Peninsula",
    "North Korea",
    "National Security Office",
    "presidential office",
    "National Institute for Defense Studies",
    "Foreign Correspondents' Club of Japan",
    "Institute of Advanced Studies on Asia",
    "University of Tokyo",
    "Asia-Pacific Economic Cooperation",
    "APEC",
    "Group of 20",
    "G20",
    "Yonhap",
    "EPA",
    "UPI",
    "Asia Today",
    "Rurinsan Temple",
    "Chosei coal mine",
    "Chosei coal mine incident",
    "shuttle diplomacy",
    "forced laborers",
    "joint news conference",
    "closed-door meeting",
    "intellectual property protection",
    "transnational crimes",
    "people-to-people exchanges",
    "trilateral security cooperation",
]


def _all_english_forms() -> set[str]:
    return {t.text for row in read_csv(TERMS_CSV) for t in row.entry.terms if t.lang == "en"}


def test_shipped_glossary_parses_and_has_stable_ids() -> None:
    rows = read_csv(TERMS_CSV)
    assert len(rows) >= 40
    assert all(r.entry_id for r in rows)


@pytest.mark.parametrize("name", REQUIRED)
def test_shipped_glossary_covers_seed_names(name: str) -> None:
    assert name in _all_english_forms()


def test_doubtful_entries_are_sent_to_review() -> None:
    by_en = {r.entry.preferred("en").text: r.entry for r in read_csv(TERMS_CSV)}  # type: ignore[union-attr]
    wi = by_en["Wi Sung-lac"]
    assert wi.status == "candidate" and "Woo Sung-lak" in wi.note
    assert {t.text: t.role for t in wi.terms}["Woo Sung-lak"] == "deprecated"
    assert by_en["Rurinsan Temple"].status == "candidate"
    assert by_en["Rurinsan Temple"].terms_in("ja") == []


def test_every_person_has_name_parts_and_origin() -> None:
    for row in read_csv(TERMS_CSV):
        e = row.entry
        if e.kind != "person":
            continue
        assert e.origin, e.label
        for lang in ("en", "ko", "ja"):
            p = e.preferred(lang)
            if p is not None:
                assert p.family and p.given, (e.label, lang)


def _write(tmp_path: Path, body: str, name: str = "bad.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + "\n" + body, encoding="utf-8")
    return path


def _row(**cells: str) -> str:
    return ",".join(cells.get(c, "") for c in COLUMNS)


def test_bad_kind_names_line_column_and_allowed_values(tmp_path: Path) -> None:
    path = _write(tmp_path, _row(kind="term", en="ok") + "\n" + _row(kind="human", en="X") + "\n")
    with pytest.raises(ParseError) as info:
        read_csv(path)
    msg = str(info.value)
    assert "bad.csv, line 3, column 'kind'" in msg
    assert "person, place, org, facility, event, work, term" in msg


def test_bad_status_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, _row(kind="term", status="done", en="X") + "\n")
    with pytest.raises(ParseError, match=r"line 2, column 'status'.*candidate, approved"):
        read_csv(path)


def test_wrong_number_of_cells(tmp_path: Path) -> None:
    path = _write(tmp_path, "1,term,approved\n")
    with pytest.raises(ParseError, match="line 2: the row has 3 cells"):
        read_csv(path)


def test_field_without_its_form(tmp_path: Path) -> None:
    path = _write(tmp_path, _row(kind="place", en="Nara", ja_reading="なら") + "\n")
    with pytest.raises(ParseError, match="column 'ja_reading'.*ja form is empty"):
        read_csv(path)


def test_duplicate_id(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        _row(id="4", kind="term", en="a") + "\n" + _row(id="4", kind="term", en="b") + "\n",
    )
    with pytest.raises(ParseError, match="line 3, column 'id': id 4 is already used on line 2"):
        read_csv(path)


def test_unknown_column(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("kind,en,fr\nterm,a,b\n", encoding="utf-8")
    with pytest.raises(ParseError, match="line 1, column 'fr': unknown column"):
        read_csv(path)


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes(("kind,en\nterm,caf\xe9\n").encode("latin-1"))
    with pytest.raises(ParseError, match="latin1.csv, line 2: is not UTF-8"):
        read_csv(path)


def test_multiline_cell_reports_the_line_the_row_starts_on(tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    path.write_text('kind,en,note\nterm,a,"two\nlines"\nhuman,b,\n', encoding="utf-8")
    with pytest.raises(ParseError, match="line 4, column 'kind'"):
        read_csv(path)


def test_separator_and_review_marks(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        _row(
            kind="place",
            en="Nara Prefecture",
            en_variants=" Nara |  | Nara-ken",
            ja="奈良県",
            ja_reading="ならけん",
            review="ja_reading",
        )
        + "\n",
    )
    (row,) = read_csv(path)
    assert [(t.text, t.role) for t in row.entry.terms_in("en")] == [
        ("Nara Prefecture", "preferred"),
        ("Nara", "variant"),
        ("Nara-ken", "variant"),
    ]
    assert row.entry.preferred("ja").suggested == ["reading"]  # type: ignore[union-attr]
    assert row.entry.status == "candidate"  # status defaults to review

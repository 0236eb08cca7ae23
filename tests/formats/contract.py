"""The contract every exchange format keeps; each format's test module inherits it.

Cases read the fixture files named after them in ``tests/fixtures/formats/``
(``unicode_three_scripts``, ``empty``, ``malformed``, ``bad_record``). A subclass sets
the format's name and says where the malformed and bad-record files go wrong.
"""

from __future__ import annotations

import io
from typing import ClassVar

import pytest

from glossary import Glossary
from glossary.errors import ParseError
from glossary.formats import FORMATS, export_entries, import_file
from glossary.formats.base import (
    EntryRecord,
    ExportOptions,
    Notice,
    Problem,
    TranslationRecord,
)
from tests.formats.samples import EPOCH, fixture, target_of, written


def read_all(fmt: str, data: bytes, name: str = "test") -> list[object]:
    return list(FORMATS[fmt].read(io.BytesIO(data), name))


def records(fmt: str, data: bytes) -> list[EntryRecord | TranslationRecord]:
    """The records of a file that has no bad ones (notices of what it leaves out aside)."""
    items = read_all(fmt, data)
    assert not [i for i in items if isinstance(i, Problem)]
    return [i for i in items if isinstance(i, (EntryRecord, TranslationRecord))]


def notices(fmt: str, data: bytes, name: str = "test") -> list[str]:
    """The messages of the notices reading a file gives (what it leaves out)."""
    return [i.message for i in read_all(fmt, data, name) if isinstance(i, Notice)]


class FormatContract:
    fmt: ClassVar[str]
    #: Line the malformed fixture is reported at (None: a file with no lines, a workbook).
    malformed_line: ClassVar[int | None]
    #: (line, field) of the problem in the bad_record fixture (its 2nd of 3 records).
    bad_record_at: ClassVar[tuple[int, str]]
    #: Sample entries each format writes (PO and TMX leave out the one without English).
    written_ids: ClassVar[list[int]] = list(range(1, 11))

    @pytest.fixture(autouse=True)
    def _fixed_time(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))

    @property
    def target(self) -> str | None:
        return target_of(self.fmt)

    def assert_same_file(self, got: bytes, expected: bytes) -> None:
        """``got`` is the file ``expected`` is (a format whose files are not text may
        compare what they hold)."""
        assert got == expected

    # -- files ----------------------------------------------------------------------

    def test_the_fixture_is_what_the_writer_writes(self) -> None:
        self.assert_same_file(
            written(self.fmt), fixture("unicode_three_scripts", self.fmt).read_bytes()
        )

    def test_round_trip_reads_back_what_was_written(self) -> None:
        data = fixture("unicode_three_scripts", self.fmt).read_bytes()
        entries = [r.entry for r in records(self.fmt, data)]
        self.assert_same_file(written(self.fmt, entries), data)

    def test_unicode_in_all_three_scripts(self) -> None:
        data = fixture("unicode_three_scripts", self.fmt).read_bytes()
        texts = {t.text for r in records(self.fmt, data) for t in r.entry.terms}
        assert {"Lee Jae-myung", "Ōno Jun'ichirō", "大野潤一郎"} <= texts
        if self.target != "ja":
            assert "이재명" in texts and "오노 준이치로" in texts

    def test_an_empty_glossary_writes_a_file_with_nothing_in_it(self) -> None:
        assert records(self.fmt, written(self.fmt, [])) == []

    def test_an_empty_file_is_refused(self) -> None:
        with pytest.raises(ParseError, match="empty") as info:
            read_all(self.fmt, fixture("empty", self.fmt).read_bytes(), "empty")
        assert info.value.line == 1

    def test_a_malformed_file_is_refused_with_its_line(self) -> None:
        path = fixture("malformed", self.fmt)
        with pytest.raises(ParseError) as info:
            read_all(self.fmt, path.read_bytes(), path.name)
        assert info.value.line == self.malformed_line
        where = "" if self.malformed_line is None else f", line {self.malformed_line}"
        assert str(info.value).startswith(f"{path.name}{where}: ")

    def test_a_bad_record_is_a_problem_naming_line_and_field(self) -> None:
        items = read_all(self.fmt, fixture("bad_record", self.fmt).read_bytes(), "bad")
        assert [type(i).__name__ for i in items][1] == "Problem"
        problem = items[1]
        assert isinstance(problem, Problem)
        assert (problem.line, problem.field) == self.bad_record_at
        assert len([i for i in items if isinstance(i, (EntryRecord, TranslationRecord))]) == 2

    # -- through a glossary ---------------------------------------------------------

    def _import_samples(self, g: Glossary) -> None:
        report = import_file(g, fixture("unicode_three_scripts", self.fmt), user="tester")
        assert report.created == self.written_ids and not report.problems

    def test_import_into_an_empty_glossary_then_export_gives_the_same_file(
        self, g: Glossary
    ) -> None:
        self._import_samples(g)
        out = io.BytesIO()
        n = export_entries(g, self.fmt, out, target=self.target)
        assert n == len(self.written_ids)
        self.assert_same_file(
            out.getvalue(), fixture("unicode_three_scripts", self.fmt).read_bytes()
        )

    def test_importing_what_is_there_changes_nothing(self, g: Glossary) -> None:
        self._import_samples(g)
        changes = len(g.history(limit=1000))
        report = import_file(g, fixture("unicode_three_scripts", self.fmt))
        assert report.created == [] and report.updated == [] and report.conflicts == []
        assert sorted(report.unchanged) == self.written_ids
        assert len(g.history(limit=1000)) == changes

    def test_a_bad_record_stops_the_import_and_nothing_is_written(self, g: Glossary) -> None:
        path = fixture("bad_record", self.fmt)
        with pytest.raises(ParseError) as info:
            import_file(g, path)
        line, field = self.bad_record_at
        assert info.value.line == line and info.value.field == field
        assert str(info.value).startswith(str(path))
        assert g.count() == 0 and g.history() == []

    def test_skip_bad_imports_the_good_records_and_reports_the_rest(self, g: Glossary) -> None:
        report = import_file(g, fixture("bad_record", self.fmt), skip_bad=True)
        assert len(report.created) == 2 and g.count() == 2
        assert [(p.line, p.field) for p in report.problems] == [self.bad_record_at]

    def test_a_dry_run_reports_and_writes_nothing(self, g: Glossary) -> None:
        report = import_file(g, fixture("unicode_three_scripts", self.fmt), dry_run=True)
        assert report.dry_run and len(report.created) == len(self.written_ids)
        assert "dry run" in report.summary()
        assert g.count() == 0 and g.history() == []

    def test_export_options_are_checked_before_writing(self, g: Glossary) -> None:
        out = io.BytesIO()
        with pytest.raises(Exception, match="status"):
            export_entries(g, self.fmt, out, target=self.target, status="done")
        assert out.getvalue() == b""
        FORMATS[self.fmt].write([], out, ExportOptions(target=self.target))
        assert out.getvalue()

"""Bulk work sets Python's garbage collector aside, and always puts it back."""

from __future__ import annotations

import gc
import io
import threading

import pytest

from glossary import Entry, Glossary, Term
from glossary.formats import export_entries, import_file
from glossary.store.bulk import bulk_work


def test_collection_is_off_inside_and_back_after() -> None:
    assert gc.isenabled()
    with bulk_work() as collect:
        assert not gc.isenabled()
        garbage: list[object] = []
        garbage.append(garbage)  # a cycle only the collector can free
        del garbage
        collect()
    assert gc.isenabled()


def test_back_after_an_error_and_only_when_the_last_job_ends() -> None:
    with pytest.raises(RuntimeError), bulk_work():
        raise RuntimeError("a bad row")
    assert gc.isenabled()

    inside = threading.Event()
    release = threading.Event()

    def other_job() -> None:
        with bulk_work():
            inside.set()
            release.wait(5)

    worker = threading.Thread(target=other_job)
    with bulk_work():
        worker.start()
        inside.wait(5)
    assert not gc.isenabled()  # the other job is still running
    release.set()
    worker.join()
    assert gc.isenabled()


def test_left_as_it_was_when_the_program_had_turned_it_off() -> None:
    gc.disable()
    try:
        with bulk_work():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_imports_and_exports_give_it_back(g: Glossary) -> None:
    g.add(Entry("term", [Term("en", "shuttle diplomacy"), Term("ko", "셔틀 외교")]))
    out = io.BytesIO()
    assert export_entries(g, "csv", out) == 1
    assert gc.isenabled()
    with pytest.raises(Exception):  # noqa: B017 (any failure: the point is what follows)
        import_file(g, io.BytesIO(b"kind,en\nnot-a-kind,x\n"), fmt="csv")
    assert gc.isenabled()
    import_file(g, io.BytesIO(out.getvalue()), fmt="csv")
    assert gc.isenabled()

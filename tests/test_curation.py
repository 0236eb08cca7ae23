"""Curation as library calls and commands: approve, reject and split, on SQLite and
PostgreSQL, each recorded and undoable."""

from __future__ import annotations

import json

from click.testing import CliRunner
from sqlalchemy import update

from glossary import Entry, Glossary, Term
from glossary.cli import cli
from glossary.curation import approve, reject
from glossary.store.models import EntryRow, OccurrenceRow
from tests.web.conftest import add_candidate


def test_approve_and_reject_record_and_undo(g: Glossary) -> None:
    a = add_candidate(g, "Cho Hyun", ["Cho Hyun spoke."])
    b = add_candidate(g, "Park Ji-won", ["Park Ji-won spoke."])
    report = approve(g, [a.id or 0, (b.id or 0, b.version + 5)], user="curator")
    assert [e.status for e in report.done] == ["approved"]
    assert len(report.problems) == 1 and f"entry {b.id}" in report.problems[0]
    assert g.get(b.id or 0).status == "candidate"  # a stale version changes nothing
    change = g.history(a.id, limit=1)[0]
    assert change.user == "curator" and "status: candidate → approved" in change.summary
    g.undo(change.id)
    assert g.get(a.id or 0).status == "candidate"
    assert reject(g, [b.id or 0]).done[0].status == "rejected"
    assert reject(g, [999_999]).problems == ["entry 999999: there is no entry 999999"]


def test_approve_and_reject_commands(runner: CliRunner, g: Glossary) -> None:
    a = add_candidate(g, "Cho Hyun", ["Cho Hyun spoke."])
    b = add_candidate(g, "Park Ji-won", ["Park Ji-won spoke."])
    done = runner.invoke(cli, ["approve", "--json", str(a.id), str(b.id)])
    assert done.exit_code == 0, done.output
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert [(r["id"], r["status"]) for r in rows] == [(a.id, "approved"), (b.id, "approved")]
    plain = runner.invoke(cli, ["reject", str(a.id), "424242"])
    assert plain.exit_code == 2
    assert f"Rejected entry {a.id}: Cho Hyun" in plain.stdout
    assert "there is no entry 424242" in plain.stderr
    assert g.get(a.id or 0).status == "rejected"
    assert runner.invoke(cli, ["approve"]).exit_code == 2  # an id is required


def _evidence_of(g: Glossary, entry_id: int) -> list[str]:
    with g.reading() as s:
        return sorted(
            o.surface for o in s.query(OccurrenceRow).filter(OccurrenceRow.entry_id == entry_id)
        )


def test_split_moves_the_evidence_of_the_moved_forms_and_undo_brings_it_back(
    g: Glossary,
) -> None:
    e = add_candidate(g, "Lee Jae-myung", ["Lee Jae-myung spoke.", "Lee Jae-myung left."])
    e = g.update(
        Entry(
            id=e.id,
            version=e.version,
            kind="person",
            status="candidate",
            terms=[*e.terms, Term("en", "Lee Jae-yong", role="variant")],
        )
    )
    with g.writing() as s:
        s.add(
            OccurrenceRow(
                entry_id=e.id,
                article_id=g.articles()[0]["id"],
                surface="Lee Jae-yong's",
                sentence="Lee Jae-yong's company grew.",
                start=0,
                end=14,
            )
        )
        s.execute(update(EntryRow).where(EntryRow.id == e.id).values(evidence_count=3))
    moving = [t.id or 0 for t in e.terms if t.text == "Lee Jae-yong"]
    kept, new = g.split(e.id or 0, g.get(e.id or 0).version, moving, user="curator")
    assert _evidence_of(g, new.id or 0) == ["Lee Jae-yong's"]
    assert _evidence_of(g, kept.id or 0) == ["Lee Jae-myung", "Lee Jae-myung"]
    assert g.get(new.id or 0).evidence_count == 1
    assert g.get(kept.id or 0).evidence_count == 2
    g.undo(g.history(limit=1)[0].id)
    assert _evidence_of(g, e.id or 0) == ["Lee Jae-myung", "Lee Jae-myung", "Lee Jae-yong's"]
    assert g.get(e.id or 0).evidence_count == 3
    assert [t.text for t in g.get(e.id or 0).terms] == ["Lee Jae-myung", "Lee Jae-yong"]

"""Throughput of the house-style check against a 100,000-entry glossary.

Builds the glossary in memory (generated persons of Korean and Japanese origin with
their Hangul and kanji forms, places and terms), builds the checker once, then checks a
draft of several megabytes that mixes house forms, wrong spellings and plain prose.
Prints build time, number of patterns, peak memory and megabytes of draft per second,
then the time to update the checker after edits (one entry renamed, one added, one
deleted, a hundred renamed at once) instead of building it again. Goal (issue 19): an
update under 2 s at 100,000 entries.

    python bench/check.py [--entries 100000] [--megabytes 5]
"""

from __future__ import annotations

import argparse
import random
import resource
import time

from glossary import Entry, Term
from glossary.check import Checker

JA_FAMILY = [
    "Takaichi",
    "Ishiba",
    "Kishida",
    "Suga",
    "Abe",
    "Noda",
    "Aso",
    "Kono",
    "Motegi",
    "Hayashi",
    "Kamikawa",
    "Koizumi",
    "Masuda",
    "Tanaka",
    "Sato",
    "Suzuki",
    "Ito",
]
JA_GIVEN = [
    "Sanae",
    "Shigeru",
    "Fumio",
    "Yoshihide",
    "Shinzo",
    "Yoshihiko",
    "Taro",
    "Yoko",
    "Toshimitsu",
    "Yoshimasa",
    "Shinjiro",
    "Masayuki",
    "Kenji",
    "Haruto",
    "Yui",
]
KO_FAMILY = [
    ("Lee", "이"),
    ("Kim", "김"),
    ("Park", "박"),
    ("Choi", "최"),
    ("Jung", "정"),
    ("Kang", "강"),
    ("Cho", "조"),
    ("Yoon", "윤"),
    ("Jang", "장"),
    ("Lim", "임"),
]
KO_SYL = [
    ("Jae", "재"),
    ("myung", "명"),
    ("Sung", "성"),
    ("lak", "락"),
    ("Min", "민"),
    ("ho", "호"),
    ("Ji", "지"),
    ("won", "원"),
    ("Hye", "혜"),
    ("jin", "진"),
    ("Young", "영"),
    ("soo", "수"),
    ("Dong", "동"),
    ("hyun", "현"),
]
PROSE = (
    "The leaders are expected to discuss expanding cooperation in areas directly "
    "affecting people's daily lives, including emerging technologies and social issues. "
)


def make_entries(n: int, rng: random.Random) -> list[Entry]:
    out: list[Entry] = []
    for i in range(n):
        kind = i % 4
        if kind == 0:
            fam, giv = rng.choice(JA_FAMILY) + str(i), rng.choice(JA_GIVEN)
            e = Entry(
                kind="person",
                status="approved",
                origin="japanese",
                terms=[
                    Term("en", f"{fam} {giv}", family=fam, given=giv),
                    Term("ja", f"高{i}市早苗", family=f"高{i}市", given="早苗"),
                ],
            )
        elif kind == 1:
            (fe, fk), (g1, h1), (g2, h2) = (
                rng.choice(KO_FAMILY),
                rng.choice(KO_SYL),
                rng.choice(KO_SYL),
            )
            fam = f"{fe}{i}"
            giv = f"{g1.capitalize()}-{g2.lower()}"
            e = Entry(
                kind="person",
                status="approved",
                origin="korean",
                terms=[
                    Term("en", f"{fam} {giv}", family=fam, given=giv),
                    Term("ko", f"{fk}{h1}{h2}{i}", family=fk, given=f"{h1}{h2}{i}"),
                ],
            )
        elif kind == 2:
            e = Entry(
                kind="place",
                status="approved",
                terms=[
                    Term("en", f"Place{i} Prefecture"),
                    Term("en", f"Place{i}", role="variant"),
                    Term("ja", f"場所{i}県"),
                ],
            )
        else:
            e = Entry(
                kind="term",
                status="approved",
                terms=[
                    Term("en", f"term {i} diplomacy"),
                    Term("en", f"old term {i}", role="deprecated"),
                    Term("ko", f"용어{i} 외교"),
                ],
            )
        e.id = i + 1
        out.append(e)
    return out


def make_draft(entries: list[Entry], megabytes: float, rng: random.Random) -> str:
    parts: list[str] = []
    size = 0
    target = int(megabytes * 1_000_000)
    while size < target:
        e = rng.choice(entries)
        en = e.preferred("en")
        assert en is not None
        forms = [t.text for t in e.terms]
        if e.kind == "person":
            forms.append(f"{en.given} {en.family}")  # wrong order: a finding
        piece = f"{rng.choice(forms)} said. {PROSE}"
        parts.append(piece)
        size += len(piece.encode("utf-8"))
    return "".join(parts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--entries", type=int, default=100_000)
    ap.add_argument("--megabytes", type=float, default=5.0)
    args = ap.parse_args()
    rng = random.Random(7)
    entries = make_entries(args.entries, rng)
    t0 = time.perf_counter()
    checker = Checker.from_entries(entries, "default")
    build = time.perf_counter() - t0
    draft = make_draft(entries, args.megabytes, rng)
    mb = len(draft.encode("utf-8")) / 1_000_000
    t0 = time.perf_counter()
    findings = checker.check(draft, "bench", unknown=False)
    elapsed = time.perf_counter() - t0
    t0 = time.perf_counter()
    with_unknown = checker.check(draft, "bench")
    elapsed_unknown = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"glossary: {args.entries:,} entries, {checker.size:,} distinct forms; "
        f"checker built in {build:.1f} s"
    )
    print(
        f"draft: {mb:.1f} MB, known forms only (--no-unknown): {elapsed:.2f} s = "
        f"{mb / elapsed:.2f} MB/s ({len(findings):,} findings)"
    )
    print(
        f"draft: {mb:.1f} MB, with unknown names (runs the miner): {elapsed_unknown:.2f} s "
        f"= {mb / elapsed_unknown:.2f} MB/s ({len(with_unknown):,} findings)"
    )
    print(f"peak memory: {peak:.0f} MB")
    for label, changes in edits(entries, rng):
        t0 = time.perf_counter()
        updated = checker.updated(changes)
        took = time.perf_counter() - t0
        print(f"update after {label}: {took:.3f} s ({updated.size:,} distinct forms)")
        checker = updated


def _renamed(e: Entry, i: int) -> Entry:
    copy = Entry.from_snapshot(e.snapshot())
    copy.id, copy.version = e.id, e.version
    en = copy.preferred("en")
    assert en is not None
    en.text = f"{en.text} Renamed{i}"
    if en.family:
        en.family = f"{en.family}Renamed{i}"
        en.text = f"{en.family} {en.given}"
    return copy


def edits(entries: list[Entry], rng: random.Random) -> list[tuple[str, dict[int, Entry | None]]]:
    """Edits a curator makes, as the entries they leave (None: deleted), by entry id."""
    new = Entry(kind="place", status="approved", terms=[Term("en", "Newplace Prefecture")])
    new.id = len(entries) + 1
    picks = rng.sample(entries, 102)
    return [
        ("one edit (a person renamed)", {picks[0].id or 0: _renamed(picks[0], 0)}),
        ("one new entry", {new.id: new}),
        ("one deletion", {picks[1].id or 0: None}),
        (
            "100 edits at once",
            {e.id or 0: _renamed(e, i) for i, e in enumerate(picks[2:], 1)},
        ),
    ]


if __name__ == "__main__":
    main()

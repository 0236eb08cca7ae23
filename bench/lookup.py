"""Latency of the lookup at 10,000, 100,000 and 1,000,000 entries, per match type.

Builds a SQLite glossary of each size (generated persons of Korean, Japanese and Western
origin with their Hangul, kanji and kana forms, readings and romanizations, and terms
made of English words, Sino-Korean syllables and kanji; all made here from small
tables, nothing downloaded or committed), then times the public Python API,
``Glossary.lookup``, for each kind of query. Next to it, measured in the same run on the
same file, two references: the floor (one indexed ``SELECT`` on the key through the
stdlib sqlite3 module) and what a quick tool does (``LIKE '%query%'`` over the terms).

Prints, per size: build time (entries and terms; keys and indexes), database size, peak
memory of the build and of the lookups, and p50/p95 per match type; for typo queries
also the recall of the lookup next to an exhaustive rapidfuzz scan of every key. For
prefix and substring queries it also prints the floor of the design: the same query
timed after four runs, so that every page it needs is in SQLite's cache and only the
CPU cost of the statements and of building the returned entries is left.

    python bench/lookup.py [--sizes 10000 100000 1000000] [--queries 1000] [--dir DIR]

The 1,000,000 run takes several minutes and a few GB of disk.
"""

from __future__ import annotations

import argparse
import logging
import multiprocessing
import os
import random
import resource
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from glossary import open_glossary
from glossary.lang.keys import normalize_key
from glossary.lang.romanized import hangul_letters, load_surnames
from glossary.lookup.fuzzy import MIN_LENGTH, max_edits
from glossary.store.documents import refill_sql
from glossary.store.reindex import rebuild_keys

SEED = 20261125


def _words(text: str) -> list[str]:
    return text.split()


# -- generated data --------------------------------------------------------------------

# Korean given-name syllables (Hangul); romanized by RR, and by a press-like spelling.
KO_GIVEN = _words(
    """
    재명 성락 근혜 석열 대중 무현 명박 영삼 태우 두환 정희 승만 준 민 서 지 현
    우 수 영 진 호 혜 은 연 희 경 동 상 철 광 기 태 용 병 창 세 원 훈 석 찬 규
    환 섭 식 길 남 선 미 숙 자 정 주 하 윤 아 나 다 빈 솔 결 한 해 도 건 율 온
    유 예 채 린 슬 별 담 겸 로 범 제 혁 완 웅 익 표 필 홍 화 효 흥 강 곤 관 국
    균 덕 란 련 룡 리 명 문 배 백 보 봉 부 빛
    """
)
KO_FAMOUS = [g for g in KO_GIVEN if len(g) == 2]
KO_SYLLABLE = [g for g in KO_GIVEN if len(g) == 1]
# Japanese name parts: (kanji, kana, Hepburn with macrons).
JA_FAMILY_1 = [
    ("高", "たか", "taka"), ("石", "いし", "ishi"),
    ("中", "なか", "naka"), ("山", "やま", "yama"),
    ("小", "こ", "ko"), ("大", "おお", "ō"),
    ("松", "まつ", "matsu"), ("井", "い", "i"),
    ("藤", "ふじ", "fuji"), ("川", "かわ", "kawa"),
    ("田", "た", "ta"), ("木", "き", "ki"),
    ("森", "もり", "mori"), ("林", "はやし", "hayashi"),
    ("岸", "きし", "kishi"), ("菅", "すが", "suga"),
    ("吉", "よし", "yoshi"), ("長", "なが", "naga"),
    ("北", "きた", "kita"), ("西", "にし", "nishi"),
    ("東", "ひがし", "higashi"), ("南", "みなみ", "minami"),
    ("岡", "おか", "oka"), ("前", "まえ", "mae"),
    ("村", "むら", "mura"), ("野", "の", "no"),
    ("原", "はら", "hara"), ("福", "ふく", "fuku"),
    ("桜", "さくら", "sakura"), ("宮", "みや", "miya"),
    ("浅", "あさ", "asa"), ("杉", "すぎ", "sugi"),
]  # fmt: skip
JA_FAMILY_2 = [
    ("市", "いち", "ichi"), ("破", "ば", "ba"),
    ("田", "だ", "da"), ("山", "やま", "yama"),
    ("川", "かわ", "kawa"), ("本", "もと", "moto"),
    ("村", "むら", "mura"), ("野", "の", "no"),
    ("藤", "とう", "tō"), ("井", "い", "i"),
    ("木", "き", "ki"), ("原", "はら", "hara"),
    ("島", "しま", "shima"), ("口", "ぐち", "guchi"),
    ("谷", "たに", "tani"), ("崎", "さき", "saki"),
    ("沢", "さわ", "sawa"), ("橋", "はし", "hashi"),
    ("部", "べ", "be"), ("塚", "つか", "tsuka"),
]  # fmt: skip
JA_GIVEN_1 = [
    ("早", "さ", "sa"), ("茂", "しげ", "shige"),
    ("健", "けん", "ken"), ("直", "なお", "nao"),
    ("美", "み", "mi"), ("雅", "まさ", "masa"),
    ("和", "かず", "kazu"), ("洋", "ひろ", "hiro"),
    ("太", "た", "ta"), ("真", "ま", "ma"),
    ("裕", "ゆう", "yū"), ("純", "じゅん", "jun"),
    ("恵", "めぐ", "megu"), ("翔", "しょう", "shō"),
    ("優", "ゆ", "yu"), ("光", "みつ", "mitsu"),
    ("秀", "ひで", "hide"), ("信", "のぶ", "nobu"),
    ("博", "ひろ", "hiro"), ("智", "とも", "tomo"),
    ("千", "ち", "chi"), ("奈", "な", "na"),
    ("義", "よし", "yoshi"), ("正", "まさ", "masa"),
    ("幸", "ゆき", "yuki"), ("晴", "はる", "haru"),
    ("陽", "よう", "yō"), ("京", "きょう", "kyō"),
    ("友", "とも", "tomo"), ("勝", "かつ", "katsu"),
    ("俊", "とし", "toshi"), ("康", "やす", "yasu"),
]  # fmt: skip
JA_GIVEN_2 = [
    ("苗", "なえ", "nae"), ("", "る", "ru"),
    ("一", "いち", "ichi"), ("子", "こ", "ko"),
    ("人", "と", "to"), ("樹", "き", "ki"),
    ("郎", "ろう", "rō"), ("也", "や", "ya"),
    ("香", "か", "ka"), ("美", "み", "mi"),
    ("彦", "ひこ", "hiko"), ("男", "お", "o"),
    ("介", "すけ", "suke"), ("平", "へい", "hei"),
    ("治", "じ", "ji"), ("江", "え", "e"),
    ("恵", "え", "e"), ("之", "ゆき", "yuki"),
    ("夫", "お", "o"), ("輔", "すけ", "suke"),
]  # fmt: skip
# Japanese names in Hangul follow the Korean standard for Japanese: a rough syllable map.
KANA_HANGUL = dict(
    zip(
        "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわん"
        "がぎぐげござじずぜぞだぢづでどばびぶべぼ",
        "아이우에오가기구게고사시스세소다치쓰데도나니누네노하히후헤호마미무메모야유요라리루레로와ㄴ"
        "가기구게고자지즈제조다지즈데도바비부베보",
        strict=True,
    )
)
WESTERN_GIVEN = _words(
    """
    John Mary James Anna Robert Linda Michael Sarah David Laura William Emma Richard
    Olivia Thomas Sophie Charles Alice Daniel Clara Matthew Julia Anthony Grace Mark
    Helen Paul Ruth Steven Nora Andrew Irene Kenneth Diane Joshua Ella Kevin Vera
    Brian Rose George Ursula
    """
)
WESTERN_FAMILY = _words(
    """
    Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas
    Moore Martin Jackson Thompson White Harris Clark Lewis Robinson Walker Young
    Allen King Wright Scott Green Baker Adams Nelson Hill Campbell Mitchell Roberts
    Carter Phillips Evans Turner Torres Parker Collins Edwards Stewart Morris Murphy
    Cook Rogers Morgan Peterson Cooper Reed Bailey Bell Gomez Kelly Howard Ward Cox
    Diaz Richardson Wood Watson Brooks Bennett Gray James Reyes Cruz Hughes Price
    Myers Long Foster Sanders Ross Morales Powell Sullivan Russell Ortiz Jenkins
    Gutierrez Perry Butler Barnes Fisher Henderson Coleman Simmons Patterson Jordan
    Reynolds Hamilton Graham Kim Wallace Weber Leyen Macron Scholz Merkel Blinken
    Austin Sullivan
    """
)
EN_WORDS = _words(
    """
    national security office defense ministry institute foreign affairs economic
    cooperation council agency committee bureau center research development trade
    energy policy strategic studies maritime coast guard air force army navy
    federation association union party democratic republic people assembly court
    supreme central bank finance planning labor health welfare education science
    technology culture sports tourism land infrastructure transport ocean fisheries
    environment gender equality family unification justice interior safety veterans
    small medium enterprises startups agriculture food rural affairs climate nuclear
    power plant missile launch summit alliance treaty tariff semiconductor battery
    shipbuilding automobile steel chemical festival museum university hospital
    station airport bridge tunnel port island mountain river lake temple palace
    shrine castle district county
    """
)
KO_SYLLABLES = (
    "국가안보실방위연구소대통령실외교부통일국방경제협력기획재정행정안전문화체육관광농림축산식품산업통상자원"
    "환경고용노동여성가족국토교통해양수산중소벤처기업과학기술정보방송통신법무교육보건복지원자력발전소미사일"
).replace(" ", "")
KANJI = (
    "国家安全保障会議防衛研究所大統領府外務省経済協力企画財政行政文化体育観光農林水産食品産業通商資源"
    "環境雇用労働女性家族国土交通海洋中小企業科学技術情報放送通信法務教育保健福祉原子力発電所弾道"
)


@dataclass
class Item:
    """One generated entry: its rows, and the queries it can answer."""

    kind: str
    origin: str
    terms: list[dict[str, str]]
    queries: dict[str, list[str]] = field(default_factory=dict)


def _press(rr: str) -> str:
    """A press-like spelling of an RR syllable string (myeong → myung, seong → sung)."""
    return rr.replace("eo", "u").replace("eu", "u")


def _ko_given_latin(given: str, press: bool) -> str:
    parts = [hangul_letters(ch) for ch in given]
    if press:
        parts = [_press(p) for p in parts]
        return "-".join([parts[0].capitalize(), *parts[1:]])
    return "".join(parts).capitalize()


def korean_person(rng: random.Random, surnames: list[tuple[str, tuple[str, ...]]]) -> Item:
    hangul, spellings = rng.choice(surnames)
    if rng.random() < 0.02:  # a famous given name now and then (재명, 근혜, 석열 ...)
        given = rng.choice(KO_FAMOUS)
    elif rng.random() < 0.9:
        given = rng.choice(KO_SYLLABLE) + rng.choice(KO_SYLLABLE)
    else:
        given = rng.choice(KO_SYLLABLE)
    rr_family = spellings[0]
    press_family = spellings[1] if len(spellings) > 1 else spellings[0]
    press = f"{press_family} {_ko_given_latin(given, True)}"
    rr = f"{rr_family} {_ko_given_latin(given, False)}"
    mr_family = spellings[-1]
    terms = [
        {
            "lang": "en",
            "text": press,
            "family": press_family,
            "given": _ko_given_latin(given, True),
        },
        {
            "lang": "ko",
            "text": hangul + given,
            "family": hangul,
            "given": given,
            "romanization": rr,
            "press": press,
        },
    ]
    return Item(
        "person",
        "korean",
        terms,
        {
            "exact": [press, hangul + given],
            "variant": [rr, f"{mr_family} {_ko_given_latin(given, False)}", hangul + " " + given],
            "prefix": [press[: max(4, len(press) // 2)], (hangul + given)[:2]],
            "substring": [given] if len(given) == 2 else [],
            "fuzzy": [press],
        },
    )


def _hangul_of_kana(kana: str) -> str:
    return "".join(KANA_HANGUL.get(ch, "") for ch in kana if ch in KANA_HANGUL)


def japanese_person(rng: random.Random) -> Item:
    f1, f2 = rng.choice(JA_FAMILY_1), rng.choice(JA_FAMILY_2)
    g1, g2 = rng.choice(JA_GIVEN_1), rng.choice(JA_GIVEN_2)
    fam_k, fam_r, fam_h = f1[0] + f2[0], f1[1] + f2[1], (f1[2] + f2[2]).capitalize()
    giv_k, giv_r, giv_h = g1[0] + (g2[0] or "流"), g1[1] + g2[1], (g1[2] + g2[2]).capitalize()
    from glossary.lang.names import strip_macrons

    fam_p, giv_p = strip_macrons(fam_h), strip_macrons(giv_h)
    en = f"{fam_p} {giv_p}"
    ko = f"{_hangul_of_kana(fam_r)} {_hangul_of_kana(giv_r)}"
    terms = [
        {"lang": "en", "text": en, "family": fam_p, "given": giv_p},
        {"lang": "ja", "text": fam_k + giv_k, "family": fam_k, "given": giv_k,
         "reading": f"{fam_r} {giv_r}", "hepburn": f"{fam_h} {giv_h}", "plain": en},
    ]  # fmt: skip
    if ko.strip() and len(ko) > 3:
        terms.append({"lang": "ko", "text": ko, "family": ko.split()[0], "given": ko.split()[-1]})
    return Item(
        "person",
        "japanese",
        terms,
        {
            "exact": [en, fam_k + giv_k],
            "variant": [f"{giv_p} {fam_p}", f"{fam_r} {giv_r}", f"{fam_h.upper()} {giv_h}"],
            "prefix": [en[: max(4, len(en) // 2)], fam_r[:3]],
            "substring": [giv_k],
            "fuzzy": [en],
        },
    )


def western_person(rng: random.Random) -> Item:
    given, family = rng.choice(WESTERN_GIVEN), rng.choice(WESTERN_FAMILY)
    middle = rng.choice(WESTERN_GIVEN)[0] + "."
    en = f"{given} {middle} {family}"
    return Item(
        "person",
        "western",
        [{"lang": "en", "text": en, "family": family, "given": f"{given} {middle}"}],
        {"exact": [en], "prefix": [en[:5]], "fuzzy": [en]},
    )


def term_entry(rng: random.Random, serial: int) -> Item:
    words = rng.sample(EN_WORDS, rng.choice((2, 3, 3, 4)))
    en = " ".join(w.capitalize() for w in words)
    ko = "".join(rng.choice(KO_SYLLABLES) for _ in range(rng.choice((3, 4, 5, 6))))
    ja = "".join(rng.choice(KANJI) for _ in range(rng.choice((3, 4, 5, 6))))
    kind = rng.choice(("org", "org", "term", "place", "facility", "event"))
    start = rng.randrange(1, len(ko) - 1)
    return Item(
        kind,
        "",
        [{"lang": "en", "text": en}, {"lang": "ko", "text": ko}, {"lang": "ja", "text": ja}],
        {
            "exact": [en, ko, ja],
            "prefix": [en[:4], ko[:2], ja[:2]],
            "substring": [ko[start : start + 2], ja[1:2], ja[1:4]],
            "fuzzy": [en],
        },
    )


def generate(size: int, seed: int = SEED) -> Iterator[Item]:
    rng = random.Random(seed + size)
    surnames = list(load_surnames().items())
    # Common family names far more often, as in life (Kim, Lee, Park first in the table).
    weighted = [s for i, s in enumerate(surnames) for _ in range(max(1, 12 - i))]
    for serial in range(size):
        r = rng.random()
        if r < 0.35:
            yield korean_person(rng, weighted)
        elif r < 0.65:
            yield japanese_person(rng)
        elif r < 0.75:
            yield western_person(rng)
        else:
            yield term_entry(rng, serial)


# -- building ----------------------------------------------------------------------------

TERM_COLUMNS = (
    "entry_id", "lang", "text", "role", "position", "hanja", "romanization", "press",
    "reading", "hepburn", "plain", "family", "given", "note", "suggested",
)  # fmt: skip


def build(path: Path, size: int) -> dict[str, float]:
    """Create the glossary file: entries and terms in bulk, then every key and index."""
    started = time.perf_counter()
    g = open_glossary(f"sqlite:///{path}")
    g.close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    # Entry documents are written once at the end, as a bulk import does.
    doc_triggers = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'entry_docs_%'"
    ).fetchall()
    for name, _ in doc_triggers:
        conn.execute(f"DROP TRIGGER {name}")
    now = "2026-11-25 09:00:00.000000"
    entries, terms = [], []
    rng = random.Random(SEED)
    for entry_id, item in enumerate(generate(size), start=1):
        status = "approved" if rng.random() < 0.7 else "candidate"
        entries.append(
            (entry_id, item.kind, status, item.origin, "", 1, rng.randrange(0, 50), now, "bench",
             now, "bench")
        )  # fmt: skip
        positions: dict[str, int] = {}
        for t in item.terms:
            pos = positions.get(t["lang"], 0)
            positions[t["lang"]] = pos + 1
            row = {"entry_id": entry_id, "role": "preferred" if pos == 0 else "variant",
                   "position": pos, "note": "", "suggested": "[]"}  # fmt: skip
            terms.append(tuple({**row, **t}.get(c, "") for c in TERM_COLUMNS))
        if len(entries) >= 50_000:
            _flush(conn, entries, terms)
    _flush(conn, entries, terms)
    log = logging.getLogger(__name__)
    log.info("entries and terms written in %.1f s", time.perf_counter() - started)
    conn.execute(refill_sql("sqlite"))
    for _, sql in doc_triggers:
        conn.execute(sql)
    conn.commit()
    conn.close()
    rows_done = time.perf_counter()
    log.info("entry documents written after %.1f s", rows_done - started)
    g = open_glossary(f"sqlite:///{path}", migrate=False)
    rebuild_keys(g.engine)
    g.close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("VACUUM") if size <= 100_000 else None
    conn.close()
    done = time.perf_counter()
    return {
        "rows_s": rows_done - started,
        "keys_s": done - rows_done,
        "total_s": done - started,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def _flush(conn: sqlite3.Connection, entries: list[tuple], terms: list[tuple]) -> None:
    conn.executemany(
        "INSERT INTO entries (id, kind, status, origin, note, version, evidence_count, "
        "created_at, created_by, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        entries,
    )
    marks = ",".join("?" * len(TERM_COLUMNS))
    conn.executemany(f"INSERT INTO terms ({', '.join(TERM_COLUMNS)}) VALUES ({marks})", terms)
    entries.clear()
    terms.clear()


def _build_child(path: str, size: int, out: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(logging.Formatter("  build: %(message)s"))
    for name in (__name__, "glossary.store.reindex"):
        logging.getLogger(name).addHandler(handler)
        logging.getLogger(name).setLevel(logging.INFO)
    out.put(build(Path(path), size))


# -- queries ----------------------------------------------------------------------------


def typo(rng: random.Random, text: str, edits: int) -> str:
    """``text`` with ``edits`` letter substitutions, deletions or transpositions."""
    chars = list(text)
    for _ in range(edits):
        letters = [i for i, c in enumerate(chars) if c.isalpha() and 0 < i < len(chars) - 1]
        if not letters:
            break
        i = rng.choice(letters)
        op = rng.choice(("sub", "del", "swap"))
        if op == "sub":
            chars[i] = rng.choice("aeioulnrst".replace(chars[i].lower(), ""))
        elif op == "del":
            del chars[i]
        elif chars[i + 1].isalpha() and chars[i + 1] != chars[i]:
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
        else:
            chars[i] = "x"
    return "".join(chars)


def sample_queries(size: int, per_type: int) -> dict[str, list[tuple[str, int]]]:
    """Queries of each match type, each with the id of the entry it should find."""
    rng = random.Random(SEED + 1)
    chosen = set(rng.sample(range(1, size + 1), min(size, per_type * 3)))
    found: dict[str, list[tuple[str, int]]] = {
        t: [] for t in ("exact", "variant", "prefix", "substring", "fuzzy")
    }
    for entry_id, item in enumerate(generate(size), start=1):
        if entry_id not in chosen:
            continue
        for kind, texts in item.queries.items():
            for text in texts:
                if kind == "fuzzy":
                    text = typo(rng, text, 1 if len(text) < 10 else rng.choice((1, 2)))
                found[kind].append((text, entry_id))
    return {k: rng.sample(v, min(per_type, len(v))) for k, v in found.items()}


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def timed(fn: Callable[[str], object], queries: list[str]) -> tuple[list[float], list[object]]:
    times, results = [], []
    for q in queries:
        t0 = time.perf_counter_ns()
        r = fn(q)
        times.append((time.perf_counter_ns() - t0) / 1000)
        results.append(r)
    return times, results


def reset_peak_rss() -> None:
    """Start measuring peak memory afresh (Linux: clear_refs 5 resets VmHWM)."""
    with open("/proc/self/clear_refs", "w") as handle:
        handle.write("5")


def peak_rss_mb() -> float:
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def exhaustive_best(path: Path, probes: list[str]) -> list[set[str]]:
    """For each probe, the keys an exhaustive scan of every typo-searchable key finds
    closest (fewest edits, within the lookup's edit limit for the probe's length); read
    in chunks so memory stays flat."""
    keys = [normalize_key(p) for p in probes]
    limits = [max_edits(len(k)) for k in keys]
    best: list[tuple[int, set[str]]] = [(limit + 1, set()) for limit in limits]
    conn = sqlite3.connect(path)
    cur = conn.execute("SELECT DISTINCT key FROM term_keys WHERE fuzzy")
    rows = max(1000, 25_000_000 // max(1, len(keys)))  # a distance matrix of ~100 MB
    while True:
        chunk = [row[0] for row in cur.fetchmany(rows)]
        if not chunk:
            break
        distances = process.cdist(
            keys, chunk, scorer=Levenshtein.distance, score_cutoff=max(limits), workers=-1
        )
        for i, key in enumerate(keys):
            row = distances[i]
            for j in (row <= limits[i]).nonzero()[0]:
                d, found = int(row[j]), chunk[j]
                if found == key:
                    continue
                if d < best[i][0]:
                    best[i] = (d, {found})
                elif d == best[i][0]:
                    best[i][1].add(found)
    conn.close()
    return [b[1] for b in best]


def run_size(size: int, directory: Path, per_type: int, like_queries: int, reuse: bool) -> None:
    path = directory / f"lookup-{size}.sqlite3"
    if reuse and path.exists():
        stats = {"total_s": float("nan"), "rows_s": float("nan"), "keys_s": float("nan"),
                 "peak_mb": float("nan")}  # fmt: skip
    else:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        out: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
        child = multiprocessing.Process(target=_build_child, args=(str(path), size, out))
        child.start()
        stats = out.get()
        child.join()
    db_mb = sum(
        Path(f"{path}{s}").stat().st_size for s in ("", "-wal") if Path(f"{path}{s}").exists()
    )
    conn = sqlite3.connect(path)
    n_keys = conn.execute("SELECT count(*) FROM term_keys").fetchone()[0]
    conn.close()
    print(
        f"\n## {size:,} entries: build {stats['total_s']:.1f} s (entries, terms and documents "
        f"{stats['rows_s']:.1f} s, keys and indexes {stats['keys_s']:.1f} s), "
        f"{n_keys:,} keys ({n_keys / size:.1f} per entry), database {db_mb / 2**20:.0f} MB, "
        f"build peak memory {stats['peak_mb']:.0f} MB",
        flush=True,
    )

    queries = sample_queries(size, per_type)
    reset_peak_rss()  # what the lookup needs, not what building or sampling needed
    g = open_glossary(f"sqlite:///{path}", migrate=False)
    # Warm the page cache and the prepared statements, as a long-running process would.
    # A server that has been running has its database in the operating system's page
    # cache; read the file through once so that every size is timed that way (this
    # machine's kernel also pages out memory it finds idle, which makes a cold file's
    # latencies vary from run to run).
    buffer = bytearray(1 << 20)
    with path.open("rb", buffering=0) as f:
        while f.readinto(buffer):
            pass
    for kind_queries in queries.values():
        for q, _ in kind_queries[:200]:
            g.lookup(q)
    floor = sqlite3.connect(path)
    print(
        f"{'match type':<12}{'queries':>8}{'p50 µs':>10}{'p95 µs':>10}"
        f"{'found':>8}{'first':>8}   reported as",
        flush=True,
    )
    results_by_type = {}
    for kind, pairs in queries.items():
        texts = [q for q, _ in pairs]
        times, results = timed(g.lookup, texts)
        found = sum(
            any(m.entry.id == eid for m in r) for r, (_, eid) in zip(results, pairs, strict=False)
        )  # type: ignore[attr-defined]
        first = sum(
            bool(r) and r[0].entry.id == eid for r, (_, eid) in zip(results, pairs, strict=False)
        )  # type: ignore[index]
        reported: dict[str, int] = {}
        for r in results:
            how = r[0].match if r else "none"  # type: ignore[index]
            reported[how] = reported.get(how, 0) + 1
        results_by_type[kind] = results
        p50, p95 = percentile(times, 0.5), percentile(times, 0.95)
        print(
            f"{kind:<12}{len(texts):>8}{p50:>10.0f}{p95:>10.0f}"
            f"{found / len(texts):>8.1%}{first / len(texts):>8.1%}   "
            + ", ".join(f"{k} {v}" for k, v in sorted(reported.items(), key=lambda kv: -kv[1])),
            flush=True,
        )
    for kind in ("prefix", "substring"):
        texts = [q for q, _ in queries[kind]]
        times, _ = timed(lambda q: g.lookup(q, limit=5), texts)
        p50, p95 = percentile(times, 0.5), percentile(times, 0.95)
        print(f"{kind + ', limit 5':<20}{p50:>10.0f}{p95:>10.0f}   (each result costs its entry)")
    # The floor of this design: every page the query needs is in SQLite's own cache
    # (the same query four times before it is timed), so what is left is the CPU cost
    # of the statements and of building each returned entry with its terms.
    for kind in ("prefix", "substring"):
        hot = []
        for q, _ in queries[kind][:300]:
            for _ in range(4):
                g.lookup(q)
            t0 = time.perf_counter_ns()
            g.lookup(q)
            hot.append((time.perf_counter_ns() - t0) / 1000)
        p50, p95 = percentile(hot, 0.5), percentile(hot, 0.95)
        print(f"{kind + ', all cached':<20}{p50:>10.0f}{p95:>10.0f}   (the same query 5 times)")
    lookup_peak = peak_rss_mb()

    # References on the same file: the floor and a quick tool's LIKE scan.
    exact_keys = [normalize_key(q) for q, _ in queries["exact"]]
    times, _ = timed(
        lambda k: floor.execute("SELECT entry_id FROM term_keys WHERE key = ?", (k,)).fetchall(),
        exact_keys,
    )
    label = "reference: indexed SELECT on the key (stdlib sqlite3)"
    print(
        f"{label:<56} p50 {percentile(times, 0.5):>7.1f} µs  p95 {percentile(times, 0.95):>7.1f} µs"
    )
    like = [q for q, _ in queries["exact"][:like_queries]]
    times, _ = timed(
        lambda q: floor.execute(
            "SELECT DISTINCT entry_id FROM terms WHERE text LIKE ? LIMIT 20", (f"%{q}%",)
        ).fetchall(),
        like,
    )
    print(
        f"{'reference: LIKE %query% over the terms':<56} p50 {percentile(times, 0.5):>7.0f} µs"
        f"  p95 {percentile(times, 0.95):>7.0f} µs ({len(like)} queries)"
    )
    print(f"peak memory of the lookup process: {lookup_peak:.0f} MB")

    # Typo recall next to an exhaustive rapidfuzz scan of every key: does the lookup find
    # the entry whenever the scan's closest keys include it, and does it rank first a key
    # as close as the scan's closest?
    probes = [(q, eid) for q, eid in queries["fuzzy"] if len(normalize_key(q)) >= MIN_LENGTH]
    probes = probes[: min(len(probes), 300 if size >= 1_000_000 else 1000)]
    t0 = time.perf_counter()
    closest = exhaustive_best(path, [q for q, _ in probes])
    scan_ms = (time.perf_counter() - t0) * 1000 / max(1, len(probes))
    conn = sqlite3.connect(path)
    scan_hits = ours_hits = key_hits = stronger = missed = same_first = fuzzy_ran = 0
    for (q, eid), keys in zip(probes, closest, strict=True):
        owned = {
            key
            for key in keys
            if conn.execute(
                "SELECT 1 FROM term_keys WHERE key = ? AND entry_id = ?", (key, eid)
            ).fetchone()
        }
        results = g.lookup(q)
        typo_search = not results or results[0].match == "fuzzy"
        scan = bool(owned)
        ours = any(m.entry.id == eid for m in results)
        # The same key may be the key of more entries than the limit (homonyms): then
        # the lookup found what the scan found even if this entry is not in the top 20.
        ours_key = ours or (
            typo_search and any(m.matched_key in owned for m in g.lookup(q, limit=1000))
        )
        scan_hits += scan
        ours_hits += ours
        key_hits += scan and ours_key
        if scan and not ours_key:
            if typo_search:
                missed += 1
            else:
                stronger += 1
        if typo_search:
            fuzzy_ran += 1
            same_first += (not keys and not results) or bool(
                results and results[0].matched_key in keys
            )
    conn.close()
    n = len(probes)
    print(
        f"typo recall, {n} probes with 1 or 2 typos, next to an exhaustive rapidfuzz "
        f"(Levenshtein) scan of every key: the scan's closest keys include one of the "
        f"intended entry's for {scan_hits} probes; the lookup finds that key for "
        f"{key_hits} of them (missed where typo search ran: {missed}; where the typo made "
        f"another entry's exact, variant or prefix match instead: {stronger}). Where "
        f"typo search ran ({fuzzy_ran} probes) its first result is as close as the scan's "
        f"closest for {same_first}. Exhaustive scan: {scan_ms:.0f} ms a probe."
    )
    g.close()
    floor.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--queries", type=int, default=1000, help="queries per match type")
    parser.add_argument("--like-queries", type=int, default=20)
    parser.add_argument(
        "--dir", type=Path, default=None, help="where to build (default: a temp dir)"
    )
    parser.add_argument("--reuse", action="store_true", help="time an existing file, do not build")
    args = parser.parse_args(argv)
    directory = args.dir or Path(tempfile.mkdtemp(prefix="glossary-bench-"))
    directory.mkdir(parents=True, exist_ok=True)
    print(
        f"# lookup benchmark: SQLite {sqlite3.sqlite_version}, Python {sys.version.split()[0]}, "
        f"{os.cpu_count()} CPUs; files in {directory}",
        flush=True,
    )
    for size in args.sizes:
        run_size(size, directory, args.queries, args.like_queries, args.reuse)


if __name__ == "__main__":
    main()

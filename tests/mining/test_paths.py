from __future__ import annotations

import json
from pathlib import Path

from glossary.mining import mine_paths, mine_text
from glossary.mining.extract import extract_text

from .conftest import ARTICLE_DIRS


def test_bad_files_are_reported_by_name_and_skipped(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(
        "President Lee Jae-myung met Prime Minister Takaichi Sanae in Nara.", encoding="utf-8"
    )
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 20)
    (tmp_path / "latin1.txt").write_bytes("Café in Séoul".encode("latin-1"))
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"a" * (5 * 1024 * 1024 + 10))
    seen = []
    result = mine_paths(
        [tmp_path, tmp_path / "missing.txt"], progress=lambda i, n, p: seen.append((i, n, p))
    )
    assert result.files_read == 1
    assert result.exit_code == 0
    problems = dict(result.problems)
    for name in ("empty.txt", "binary.txt", "latin1.txt", "huge.txt", "missing.txt"):
        path = str(tmp_path / name)
        assert path in problems, result.problems
        assert name in problems[path]
    assert "empty" in problems[str(tmp_path / "empty.txt")]
    assert "binary" in problems[str(tmp_path / "binary.txt")]
    assert "UTF-8" in problems[str(tmp_path / "latin1.txt")]
    assert "MiB" in problems[str(tmp_path / "huge.txt")]
    assert seen[-1][0] == seen[-1][1] == 6
    assert any(c.canonical == "Lee Jae-myung" for c in result.candidates)


def test_nothing_readable_gives_exit_code_2(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = mine_paths([tmp_path])
    assert result.files_read == 0 and result.exit_code == 2


def test_offsets_point_into_the_file(tmp_path):
    result = mine_paths(ARTICLE_DIRS[:1])
    assert result.files_read == 2
    for cand in result.candidates:
        for ctx in cand.contexts:
            raw = Path(ctx.file).read_text(encoding="utf-8")
            assert raw[ctx.start : ctx.end] == ctx.surface
            assert ctx.surface in ctx.sentence


def test_to_json_shape():
    cands = mine_text("Lee met Takaichi in Nara. Lee Jae-myung spoke.", lang="en", file="a.txt")
    obj = cands[0].to_json()
    assert set(obj) == {"canonical", "kind", "lang", "surfaces", "count", "contexts"}
    assert set(obj["contexts"][0]) == {"file", "sentence", "offset"}
    json.dumps(obj)


def test_markdown_and_html_are_read(tmp_path):
    md = tmp_path / "a.md"
    md.write_text(
        "# Lee Visits Tokyo\n\n**Lee Jae-myung** met [Takaichi](http://x) in *Tokyo*.\n",
        encoding="utf-8",
    )
    html = tmp_path / "b.html"
    html.write_text(
        "<html><head><title>T</title><script>var Seoul=1;</script></head><body>"
        "<nav>Busan Menu</nav><p>Lee met Takaichi in Nara.</p></body></html>",
        encoding="utf-8",
    )
    result = mine_paths([md, html], lang="en")
    assert result.files_read == 2
    names = {s for c in result.candidates for s in c.surfaces}
    assert {"Lee Jae-myung", "Takaichi", "Tokyo", "Nara"} <= names
    assert "Busan" not in names and "Seoul" not in names


def test_extract_text_strips_markup():
    assert "**" not in extract_text("Some **bold** and [link](http://x).", "md")
    out = extract_text("<p>A</p><script>B</script><style>C</style><nav>D</nav><p>E</p>", "html")
    assert "A" in out and "E" in out and "B" not in out and "C" not in out and "D" not in out


def test_memory_stays_with_the_clusters(tmp_path):
    # many articles naming the same people: contexts stay capped per candidate
    for i in range(60):
        (tmp_path / f"{i:03}.txt").write_text(
            "President Lee Jae-myung met Prime Minister Takaichi Sanae in Tokyo. "
            f"Lee and Takaichi discussed shuttle diplomacy on day {i}.",
            encoding="utf-8",
        )
    result = mine_paths([tmp_path], max_contexts=5)
    lee = next(c for c in result.candidates if c.canonical == "Lee Jae-myung")
    assert lee.count == 120
    assert len(lee.contexts) <= 5

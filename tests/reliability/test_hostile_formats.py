"""Hostile files: every import parser (PO, TBX v3 and v2 martif, TMX, CSV, XLSX) reads any
bytes, and any valid file with things injected, cut off or re-encoded, into records and
problems or refuses it with a ParseError naming the file (and line, element and field
where it can), never with another exception; an import that fails writes nothing.

The CSV text properties (a header and random rows) are in test_hostile_input.py; these
start from bytes and from the real fixture files of each format."""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary import Glossary, GlossaryError, open_glossary
from glossary.errors import ParseError
from glossary.formats import FORMATS, import_file, importer
from glossary.formats.base import (
    EntryRecord,
    ImportReport,
    Notice,
    Problem,
    Record,
    TranslationRecord,
)
from tests.conftest import _fresh_sqlite
from tests.formats.samples import FIXTURES, workbook

NAME = {fmt: f"hostile.{fmt}" for fmt in FORMATS}


def _fixtures(*names: str) -> list[bytes]:
    return [(FIXTURES / name).read_bytes() for name in names]


def _spreadsheet(name: str) -> bytes:
    """A CSV fixture as a spreadsheet program's workbook (not this tool's writer)."""
    with (FIXTURES / name).open(encoding="utf-8", newline="") as f:
        return workbook([list(row) for row in csv.reader(f)])


#: Valid files of each format, as this tool and others write them.
SAMPLES: dict[str, list[bytes]] = {
    "csv": _fixtures("unicode_three_scripts.csv"),
    "xlsx": [*_fixtures("unicode_three_scripts.xlsx"), _spreadsheet("unicode_three_scripts.csv")],
    "po": _fixtures("unicode_three_scripts.po", "from_another_tool.po"),
    "tbx": _fixtures("unicode_three_scripts.tbx", "tbx_v3_dct_style.tbx", "tbx_v2_martif.tbx"),
    "tmx": _fixtures(
        "unicode_three_scripts.tmx",
        "tmx11_from_another_tool.tmx",
        "shift_jis_encoding.tmx",
    ),
}

# -- what gets injected ---------------------------------------------------------------

CHARS = st.sampled_from(
    list("abcXYZ 09'\".,;:<>&|=+@-/\\\n\r\t#[]")
    + list("가나다이재명あいうカナ高市早苗")
    + ["\x00", "\x01", "\x0b", "\ufeff", "\u200b", "\ufffe", "\U0001f600", "\u2028"]
)
TEXT = st.lists(CHARS, max_size=60).map("".join) | st.text(max_size=60)
#: Values that reach the fields: ids out of range, vocabulary, language tags, huge text.
VALUES = st.one_of(
    TEXT,
    st.sampled_from(
        [
            "",
            "0",
            "-1",
            "2147483647",
            "2147483648",
            "9223372036854775807",
            "99999999999999999999999999",
            "entry-99999999999999999999",
            "entry/99999999999999999999:1",
            "person",
            "approved",
            "rejected",
            "kind: person",
            "status: nonsense",
            "role: forbidden",
            "suggested: text, reading",
            "preferredTerm-admn-sts",
            "unknownTerm-admn-sts",
            "acronym",
            "en",
            "ko-KR",
            "ja_JP",
            "xx",
            "x-glossary-entry",
        ]
    ),
    st.integers(1000, 200_000).map(lambda n: "x" * n),
)
BAD_BYTES = st.sampled_from(
    [
        b"\x00",
        b"\xff",
        b"\xfe\xff",
        b"\xc3",
        b"\xc3(",
        b"\xed\xa0\x80",  # an encoded surrogate
        b"\xf4\x90\x80\x80",  # past U+10FFFF
        b"\xe0\x80\xaf",  # overlong
        b"\r",
        b"\r\n",
        b"\x85",
        codecs.BOM_UTF8,
        codecs.BOM_UTF16_LE,
        codecs.BOM_UTF16_BE,
        codecs.BOM_UTF32_LE,
    ]
)
#: Encoding names for declarations: real ones, unknown ones, and codecs that are not
#: text encodings at all (base64, zlib, rot13) or that raise errors of their own.
ENCODINGS = st.sampled_from(
    [
        "UTF-8",
        "utf-16",
        "UTF-16LE",
        "utf-16-be",
        "utf-32",
        "Shift_JIS",
        "EUC-KR",
        "euc-jp",
        "ISO-8859-1",
        "ascii",
        "cp037",
        "utf-7",
        "CHARSET",
        "bogus-8",
        "base64",
        "hex",
        "zlib",
        "bz2",
        "rot13",
        "uu",
        "quopri",
        "idna",
        "punycode",
        "unicode_escape",
        "raw_unicode_escape",
        "undefined",
    ]
)
#: Whole-file re-encodings (with or without byte-order mark).
RECODINGS = st.sampled_from(
    ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "shift_jis", "euc-kr", "cp1252"]
)

XML_SNIPPETS = st.sampled_from(
    [
        '<!DOCTYPE tbx [<!ENTITY e "boom">]>',
        '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>',
        '<!DOCTYPE x [<!ENTITY ext SYSTEM "file:///etc/passwd">]>',
        '<!DOCTYPE x [<!ENTITY % p SYSTEM "http://127.0.0.1:9/x.dtd"> %p;]>',
        '<!DOCTYPE x SYSTEM "http://127.0.0.1:9/x.dtd">',
        '<!DOCTYPE x [<!ENTITY u SYSTEM "x" NDATA png>]>',
        "&e;",
        "&ext;",
        "&undefined;",
        "&#0;",
        "&#xD800;",
        "&#x1F600;",
        "&#99999999;",
        "&lt;&gt;&amp;&quot;&apos;",
        "<![CDATA[<term>not markup</term>]]>",
        "<?pi data?>",
        "<!-- comment -->",
        "</term>",
        "</conceptEntry>",
        "</tu>",
        "<term/>",
        "<term>extra</term>",
        "<seg>extra</seg>",
        '<tuv xml:lang="ko"><seg>추가</seg></tuv>',
        '<tuv lang="ja"><seg></seg></tuv>',
        '<langSec xml:lang="ko"><termSec><term>추가</term></termSec></langSec>',
        '<langSet xml:lang="ja"><tig><term>追加</term></tig></langSet>',
        '<langSec xml:lang="en"><termSec></termSec></langSec>',
        '<termNote type="administrativeStatus">bogus-admn-sts</termNote>',
        '<termNote type="termType">acronym</termNote>',
        "<note>kind: nonsense</note>",
        "<note>status: approved</note>",
        '<prop type="x-glossary-entry">99999999999999999999</prop>',
        '<prop type="x-glossary-entry">0</prop>',
        '<prop type="x-glossary-kind">planet</prop>',
        '<conceptEntry id="entry-99999999999999999999"><langSec xml:lang="en"><termSec>'
        "<term>Huge</term></termSec></langSec></conceptEntry>",
        '<conceptEntry id="entry-0"><langSec xml:lang="en"><termSec>'
        "<term>Zero</term></termSec></langSec></conceptEntry>",
        '<tu><prop type="x-glossary-entry">99999999999999999999</prop>'
        '<tuv xml:lang="en"><seg>Huge</seg></tuv><tuv xml:lang="ko"><seg>큰</seg></tuv></tu>',
        '<a xmlns="urn:other">x</a>',
        '<x:a xmlns:x="urn:iso:std:iso:30042:ed:3.0">x</x:a>',
        "<undeclared:a>x</undeclared:a>",
        '<a b="1" b="2"/>',
        "<a>",
        "<",
        "&",
        "]]>",
        "\x00",
    ]
)
PO_SNIPPETS = st.sampled_from(
    [
        'msgid "Extra"\nmsgstr "추가"\n',
        'msgid ""\nmsgstr ""\n',
        'msgid "Plural"\nmsgid_plural "Plurals"\nmsgstr[0] "복수"\n',
        'msgctxt "person #99999999999999999999"\nmsgid "Ctx"\nmsgstr "맥락"\n',
        'msgctxt "x"\n',
        "#: entry/99999999999999999999:99999999999999999999\n",
        "#: entry/0:1\n",
        "#, fuzzy\n",
        "#, fuzzy, c-format\n",
        "# kind: planet\n",
        "# status: approved\n",
        "# note: a note\n#  that goes on\n",
        '#~ msgid "Obsolete"\n#~ msgstr "폐기"\n',
        '#| msgid "Previous"\n',
        '"continued"\n',
        'msgid "unclosed\n',
        'msgstr "orphan"\n',
        'msgstr[0] "orphan"\n',
        'msgid "a" "b"\n',
        'msgid "\\q\\x\\u1234\\"\n',
        '"Language: fr\\n"\n',
        '"Language: \\n"\n',
        '"Content-Type: text/plain; charset=base64\\n"\n',
        '"Plural-Forms: nplurals=0; plural=;\\n"\n',
        "msgid\n",
        "msgstr\n",
        "\\",
        "\n\n\n",
    ]
)
CSV_SNIPPETS = st.sampled_from(
    [
        '"',
        '""',
        '"unclosed\n',
        ",,,,,,",
        "\n",
        "\r",
        "\r\n\r\n",
        "id,kind,en\n",
        ",kind,kind,\n",
        "99999999999999999999,term,,,,,Huge\n",
        "0,term,,,,,Zero\n",
        "-5,term,,,,,Negative\n",
        "1,term,,,,,Duplicate id\n",
        "'=1+1",
        '=HYPERLINK("x")',
        "|||",
        " | ",
        "ko_romanization",
        "en_nonsense",
        "x" * 140_000,
    ]
)
SNIPPETS: dict[str, st.SearchStrategy[str]] = {
    "csv": CSV_SNIPPETS,
    "xlsx": CSV_SNIPPETS,
    "po": PO_SNIPPETS,
    "tbx": XML_SNIPPETS,
    "tmx": XML_SNIPPETS,
}
#: Where a value can be replaced: XML text and attribute values, PO strings, CSV cells.
VALUE_SPOTS = {
    "csv": re.compile(rb"(?<=,)[^,\n\"]*(?=,)"),
    "xlsx": re.compile(rb"(?!)"),  # packed: any point will do
    "po": re.compile(rb"(?<=\")[^\"\n]*(?=\")|(?<=# )[^\n]*"),
    "tbx": re.compile(rb"(?<=>)[^<]*(?=<)|(?<==\")[^\"]*(?=\")"),
    "tmx": re.compile(rb"(?<=>)[^<]*(?=<)|(?<==\")[^\"]*(?=\")"),
}
_DECLARED = re.compile(rb"(encoding=[\"']|charset=)([A-Za-z0-9._-]+)")

Mutation = Callable[[st.DrawFn, str, bytes], bytes]


def _spot(draw: st.DrawFn, fmt: str, data: bytes) -> tuple[int, int]:
    """Start and end of a place in ``data`` holding a value (or any point, if none)."""
    spots = [m.span() for m in VALUE_SPOTS[fmt].finditer(data)]
    at_a_value = draw(st.booleans())
    if spots and at_a_value:
        return draw(st.sampled_from(spots))
    at = draw(st.integers(0, len(data)))
    return at, at


def truncate(draw: st.DrawFn, fmt: str, data: bytes) -> bytes:
    return data[: draw(st.integers(0, len(data)))]


def cut_out(draw: st.DrawFn, fmt: str, data: bytes) -> bytes:
    a = draw(st.integers(0, len(data)))
    b = draw(st.integers(a, min(len(data), a + 400)))
    return data[:a] + data[b:]


def repeat(draw: st.DrawFn, fmt: str, data: bytes) -> bytes:
    a = draw(st.integers(0, len(data)))
    b = draw(st.integers(a, min(len(data), a + 400)))
    return data[:b] + data[a:b] * draw(st.integers(1, 3)) + data[b:]


def inject(draw: st.DrawFn, fmt: str, data: bytes) -> bytes:
    what = draw(
        st.one_of(
            SNIPPETS[fmt].map(str.encode),
            TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")),
            BAD_BYTES,
            st.binary(max_size=40),
        )
    )
    a, b = _spot(draw, fmt, data)
    return data[:a] + what + data[b:]


def replace_value(draw: st.DrawFn, fmt: str, data: bytes) -> bytes:
    a, b = _spot(draw, fmt, data)
    value = draw(VALUES).encode("utf-8", "surrogatepass")
    return data[:a] + value + data[b:]


def nest(draw: st.DrawFn, fmt: str, data: bytes) -> bytes:
    """Deeply nested elements (or brackets and quotes, for text formats)."""
    depth = draw(st.sampled_from([50, 1200, 5000, 30_000]))
    a, _ = _spot(draw, fmt, data)
    if fmt in ("tbx", "tmx"):
        tag = draw(st.sampled_from(["a", "term", "seg", "termSec", "bpt", "hi", "note"]))
        inner = f"<{tag}>" * depth + "deep" + f"</{tag}>" * draw(st.sampled_from([depth, 0]))
    else:
        inner = draw(st.sampled_from(['"', "[", "\\", "#"])) * depth
    return data[:a] + inner.encode() + data[a:]


def huge_attribute(draw: st.DrawFn, fmt: str, data: bytes) -> bytes:
    n = draw(st.sampled_from([70_000, 300_000]))
    a, _ = _spot(draw, fmt, data)
    if fmt in ("tbx", "tmx"):
        # Into the next start tag after the spot (or the root, if there is none).
        tag = data.find(b"<", a)
        while tag != -1 and data[tag + 1 : tag + 2] in (b"/", b"?", b"!"):
            tag = data.find(b"<", tag + 1)
        if tag == -1:
            tag = data.find(b"<")
        end = data.find(b">", tag) if tag != -1 else -1
        if end > 0:
            return data[:end] + b' huge="' + b"A" * n + b'"' + data[end:]
    return data[:a] + b"A" * n + data[a:]


def declare_encoding(draw: st.DrawFn, fmt: str, data: bytes) -> bytes:
    name = draw(ENCODINGS).encode()
    if _DECLARED.search(data):
        return _DECLARED.sub(lambda m: m.group(1) + name, data, count=1)
    if fmt in ("tbx", "tmx"):
        return b'<?xml version="1.0" encoding="' + name + b'"?>\n' + data
    if fmt == "po":
        return b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=' + name + b'\\n"\n' + data
    return data


def recode(draw: st.DrawFn, fmt: str, data: bytes) -> bytes:
    codec = draw(RECODINGS)
    text = data.decode("utf-8", "replace")
    return text.encode(codec, "replace")


def bom(draw: st.DrawFn, fmt: str, data: bytes) -> bytes:
    return draw(BAD_BYTES) + data


MUTATIONS: list[Mutation] = [
    truncate,
    cut_out,
    repeat,
    inject,
    replace_value,
    nest,
    huge_attribute,
    declare_encoding,
    recode,
    bom,
]


@st.composite
def hostile(draw: st.DrawFn, fmt: str) -> bytes:
    """A valid file of ``fmt`` with one to three mutations."""
    data = draw(st.sampled_from(SAMPLES[fmt]))
    for mutation in draw(st.lists(st.sampled_from(MUTATIONS), min_size=1, max_size=3)):
        data = mutation(draw, fmt, data)
    return data


#: The start of a plausible file of each format, for random bytes to follow.
HEADS = {
    "csv": [b"", b"kind,en\n", b"\xef\xbb\xbfid,kind,status,en,ko,ja\n"],
    "xlsx": [b"", b"PK\x03\x04", SAMPLES["xlsx"][0][:200]],
    "po": [b"", b'msgid ""\nmsgstr ""\n"Language: ko\\n"\n\n', b"#: entry/1:1\nmsgid "],
    "tbx": [
        b"",
        b'<?xml version="1.0"?><tbx xmlns="urn:iso:std:iso:30042:ed:3.0"><text><body>',
        b"<martif><text><body><termEntry>",
    ],
    "tmx": [b"", b'<tmx version="1.4"><header/><body><tu>', b"<?xml version='1.0' "],
}

# -- checks -----------------------------------------------------------------------------


def read_all(fmt: str, data: bytes) -> list[Record | Problem | Notice]:
    """What the reader of ``fmt`` makes of ``data``: records, problems and notices, or
    the ParseError it raises, checked for naming the file."""
    name = NAME[fmt]
    try:
        items = list(FORMATS[fmt].read(io.BytesIO(data), name))
    except ParseError as exc:
        assert exc.path == name
        assert str(exc).startswith(name)
        assert exc.reason
        if exc.line is not None:
            assert exc.line >= 1
        return []
    for item in items:
        if isinstance(item, (Problem, Notice)):
            assert item.file == name and item.message
            assert str(item).startswith(name)
        else:
            assert isinstance(item, (EntryRecord, TranslationRecord))
            assert item.entry.terms
            item.entry.validate()
    return items


def state(g: Glossary) -> tuple[int, int]:
    """How many entries there are, and the newest change: what an import would move."""
    newest = g.history(limit=1)
    return g.count(), newest[0].id if newest else 0


def check_import(g: Glossary, fmt: str, data: bytes, *, dry_run: bool, skip_bad: bool) -> None:
    name = NAME[fmt]
    before = state(g)
    try:
        report = import_file(
            g, io.BytesIO(data), fmt=fmt, name=name, dry_run=dry_run, skip_bad=skip_bad
        )
    except GlossaryError as exc:
        assert isinstance(exc, ParseError), f"{type(exc).__name__}: {exc}"
        assert str(exc).startswith(name)
        assert state(g) == before, "a failed import wrote something"
        return
    assert isinstance(report, ImportReport) and report.file == name
    count, _ = state(g)
    if dry_run:
        assert state(g) == before
    else:
        assert count == before[0] + len(report.created)
    if not skip_bad:
        assert not report.problems


SOME = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
#: One format per reader (TBX v2 files, "tbx2", are read by the TBX reader).
FORMAT_NAMES = sorted(name for name in FORMATS if name != "tbx2")


def _samples_glossary(template: Path, folder: Path) -> Glossary:
    g = open_glossary(_fresh_sqlite(template, folder))
    import_file(g, FIXTURES / "unicode_three_scripts.csv")
    assert g.count() == 10
    return g


@pytest.fixture(scope="module")
def glossary(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Glossary]:
    """A SQLite glossary holding the sample entries (ids 1 to 10) that the fixture files
    name, so that imports meet existing entries as well as create new ones. Shared by
    the module's tests: what succeeding imports add stays."""
    g = _samples_glossary(sqlite_template, tmp_path_factory.mktemp("hostile"))
    yield g
    g.close()


@pytest.fixture
def samples(sqlite_template: Path, tmp_path: Path) -> Iterator[Glossary]:
    """The sample entries alone, for a test that needs to know what is there."""
    g = _samples_glossary(sqlite_template, tmp_path)
    yield g
    g.close()


# -- properties -----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMAT_NAMES)
def test_the_samples_read_cleanly(fmt: str) -> None:
    """The starting points of the mutations are good files (else the test proves little)."""
    for data in SAMPLES[fmt]:
        items = read_all(fmt, data)
        assert items and not any(isinstance(i, Problem) for i in items)


@pytest.mark.parametrize("fmt", FORMAT_NAMES)
@SOME
@given(data=st.data())
def test_any_bytes_read_or_parse_error(fmt: str, data: st.DataObject) -> None:
    head = data.draw(st.sampled_from(HEADS[fmt]))
    read_all(fmt, head + data.draw(st.binary(max_size=600)))


@pytest.mark.parametrize("fmt", FORMAT_NAMES)
@SOME
@given(data=st.data())
def test_mutated_files_read_or_parse_error(fmt: str, data: st.DataObject) -> None:
    read_all(fmt, data.draw(hostile(fmt)))


@pytest.mark.parametrize("fmt", FORMAT_NAMES)
@settings(SOME, max_examples=80)
@given(data=st.data())
def test_mutated_imports_write_all_or_nothing(
    glossary: Glossary, fmt: str, data: st.DataObject
) -> None:
    payload = data.draw(hostile(fmt) | st.binary(max_size=300), label="file")
    check_import(
        glossary,
        fmt,
        payload,
        dry_run=data.draw(st.booleans(), label="dry_run"),
        skip_bad=data.draw(st.booleans(), label="skip_bad"),
    )


# -- named cases: each hostile shape once, whatever hypothesis draws --------------------

_TBX = (
    '<?xml version="1.0" encoding="{enc}"?>\n<tbx xmlns="urn:iso:std:iso:30042:ed:3.0">'
    '<text><body><conceptEntry id="{id}"><langSec xml:lang="en"><termSec><term>{term}</term>'
    "</termSec></langSec></conceptEntry></body></text></tbx>"
)
_TMX = (
    '<?xml version="1.0" encoding="{enc}"?>\n<tmx version="1.4"><header/><body><tu>'
    '<prop type="x-glossary-entry">{id}</prop><tuv xml:lang="en"><seg>{term}</seg></tuv>'
    '<tuv xml:lang="ko"><seg>한국어</seg></tuv></tu></body></tmx>'
)
_PO = (
    'msgid ""\nmsgstr ""\n"Language: ko\\n"\n"Content-Type: text/plain; charset={enc}\\n"\n\n'
    '#: entry/{id}:1\nmsgid "{term}"\nmsgstr "한국어"\n'
)
_CSV = "id,kind,en\n{id},term,{term}\n"
_DEEP = "<b>" * 20_000 + "deep" + "</b>" * 20_000


def _tbx(enc: str = "UTF-8", id: str = "c1", term: str = "Term") -> bytes:
    return _TBX.format(enc=enc, id=id, term=term).encode()


def _tmx(enc: str = "UTF-8", id: str = "", term: str = "Term") -> bytes:
    return _TMX.format(enc=enc, id=id, term=term).encode()


def _po(enc: str = "UTF-8", id: str = "1", term: str = "Term") -> bytes:
    return _PO.format(enc=enc, id=id, term=term).encode()


def _csv(id: str = "", term: str = "Term", codec: str = "utf-8") -> bytes:
    return _CSV.format(id=id, term=term).encode(codec)


HUGE = "99999999999999999999"
OUT_OF_RANGE = "entry id .* is out of range"
NOT_UTF8 = "is not .*text"
#: (format, what, file, what the refusal of a strict import says: None if it may pass).
NAMED: list[tuple[str, str, bytes, str | None]] = [
    ("tbx", "billion laughs", (FIXTURES / "billion_laughs.tbx").read_bytes(), "entities"),
    ("tbx", "external entity", (FIXTURES / "external_entity.tbx").read_bytes(), "entit"),
    (
        "tbx",
        "internal entity",
        _tbx().replace(b"<tbx", b'<!DOCTYPE tbx [<!ENTITY e "x">]><tbx'),
        "entities",
    ),
    ("tbx", "undefined entity", _tbx(term="&nope;"), "not well-formed|entity"),
    ("tbx", "remote DTD", (FIXTURES / "remote_dtd.tbx").read_bytes(), None),
    ("tbx", "deep nesting in a term", _tbx(term=_DEEP), "nested more than 100 deep"),
    ("tbx", "deep nesting outside records", _tbx().replace(b"<text>", _DEEP.encode()), "nested"),
    ("tmx", "deep nesting in a segment", _tmx(term=_DEEP), "nested more than 100 deep"),
    ("tbx", "huge attribute", _tbx(id="x" * 2_000_000), None),
    (
        "tmx",
        "huge attribute",
        _tmx().replace(b"<tu>", b'<tu tuid="' + b"9" * 2_000_000 + b'">'),
        None,
    ),
    ("tbx", "huge id", _tbx(id=f"entry-{HUGE}"), OUT_OF_RANGE),
    ("tbx", "id 0", _tbx(id="entry-0"), OUT_OF_RANGE),
    ("tmx", "huge id", _tmx(id=HUGE), OUT_OF_RANGE),
    ("tmx", "id past 32 bits", _tmx(id="2147483648"), OUT_OF_RANGE),
    ("po", "huge id", _po(id=HUGE), OUT_OF_RANGE),
    ("po", "id 0", _po(id="0"), OUT_OF_RANGE),
    (
        "po",
        "huge msgctxt id",
        _po().replace(b"#: entry/1:1", f'msgctxt "term #{HUGE}"'.encode()),
        OUT_OF_RANGE,
    ),
    ("csv", "huge id", _csv(id=HUGE), "id"),
    ("csv", "id past 64 bits", _csv(id=str(2**63)), "id"),
    ("csv", "id past 32 bits", _csv(id=str(2**31)), OUT_OF_RANGE),
    (
        "csv",
        "the largest id, then a row without one",
        f"id,kind,en\n{2**31 - 1},term,Top\n,term,Next\n".encode(),
        "no entry id is left",
    ),
    ("tbx", "UTF-16 without BOM, declared UTF-8", _tbx().decode().encode("utf-16-le"), None),
    ("tbx", "UTF-16 with BOM", _tbx(enc="UTF-16").decode().encode("utf-16"), None),
    ("tmx", "UTF-32 with BOM", _tmx(enc="UTF-32").decode().encode("utf-32"), None),
    ("csv", "UTF-16 with BOM", _csv(codec="utf-16"), NOT_UTF8),
    ("po", "UTF-16 with BOM", _po().decode().encode("utf-16"), None),
    ("csv", "double BOM", codecs.BOM_UTF8 * 2 + b"kind,en\nterm,x\n", "unknown column"),
    ("csv", "NUL byte", b"kind,en\nterm,a\x00b\n", None),
    ("po", "NUL byte", _po(term="a\x00b"), None),
    ("tbx", "NUL byte", _tbx(term="a\x00b"), "not well-formed"),
    ("tmx", "invalid UTF-8", _tmx().replace(b"Term", b"T\xc3(rm"), NOT_UTF8),
    ("po", "invalid UTF-8", _po().replace(b"Term", b"T\xff"), NOT_UTF8),
    ("csv", "invalid UTF-8", b"kind,en\nterm,\xed\xa0\x80\n", NOT_UTF8),
    ("tbx", "truncated", _tbx()[:-20], "not well-formed|no element found"),
    ("po", "truncated", _po()[: _po().rindex(b'"')], "not a valid PO"),
    ("csv", "truncated in a quote", b'kind,en\nterm,"open', "CSV"),
]
for _enc in ("base64", "hex", "zlib", "bz2", "rot13", "uu", "quopri", "unicode_escape", "punycode"):
    NAMED.append(("tbx", f"declared encoding {_enc}", _tbx(enc=_enc), "unknown text encoding"))
    NAMED.append(("tmx", f"declared encoding {_enc}", _tmx(enc=_enc), "unknown text encoding"))
    NAMED.append(("po", f"charset {_enc}", _po(enc=_enc), "unknown text encoding"))


@pytest.mark.parametrize(
    ("fmt", "data", "refusal"),
    [(fmt, data, refusal) for fmt, _, data, refusal in NAMED],
    ids=[f"{fmt}-{what}" for fmt, what, _, _ in NAMED],
)
def test_named_hostile_files(
    glossary: Glossary, fmt: str, data: bytes, refusal: str | None
) -> None:
    read_all(fmt, data)
    for dry_run in (True, False):
        check_import(glossary, fmt, data, dry_run=dry_run, skip_bad=True)
        before = state(glossary)
        if refusal is None:
            check_import(glossary, fmt, data, dry_run=dry_run, skip_bad=False)
            continue
        with pytest.raises(ParseError, match=refusal) as info:
            import_file(glossary, io.BytesIO(data), fmt=fmt, name=NAME[fmt], dry_run=dry_run)
        assert str(info.value).startswith(NAME[fmt])
        assert state(glossary) == before


# -- a bad record after a whole chunk has been written ----------------------------------

N_GOOD = importer.CHUNK + 50


def _long_file(fmt: str) -> bytes:
    """``N_GOOD`` new entries (and, for translation files, an update of entry 4 first),
    then one bad record: the import has written a chunk when it meets it."""
    words = [(f"Hostile word {i}", f"적대 단어 {i}") for i in range(N_GOOD)]
    if fmt == "xlsx":
        rows = [["kind", "en", "ko"], *(["term", en, ko] for en, ko in words)]
        return workbook([*rows, ["planet", "Bad kind", "나쁨"]])
    if fmt == "csv":
        rows = "".join(f"term,{en},{ko}\n" for en, ko in words)
        return f"kind,en,ko\n{rows}planet,Bad kind,나쁨\n".encode()
    if fmt == "tbx":
        body = "".join(
            f'<conceptEntry id="n{i}"><langSec xml:lang="en"><termSec><term>{en}</term>'
            f'</termSec></langSec><langSec xml:lang="ko"><termSec><term>{ko}</term></termSec>'
            "</langSec></conceptEntry>\n"
            for i, (en, ko) in enumerate(words)
        )
        bad = (
            '<conceptEntry id="bad"><langSec xml:lang="en"><termSec><term>Bad</term>'
            '<termNote type="administrativeStatus">bogus-admn-sts</termNote></termSec>'
            "</langSec></conceptEntry>\n"
        )
        return (_TBX.split("<conceptEntry")[0].format(enc="UTF-8") + body + bad).encode() + (
            b"</body></text></tbx>\n"
        )
    if fmt == "tmx":
        units = [("Nara Prefecture", "나라 현"), *words]
        body = "".join(
            f'<tu><tuv xml:lang="en"><seg>{en}</seg></tuv><tuv xml:lang="ko"><seg>{ko}</seg>'
            "</tuv></tu>\n"
            for en, ko in units
        )
        bad = '<tu><tuv xml:lang="ko"><seg>영어 없음</seg></tuv></tu>\n'
        head = '<?xml version="1.0"?>\n<tmx version="1.4"><header/><body>\n'
        return (head + body + bad + "</body></tmx>\n").encode()
    units = [("Nara Prefecture", "나라 현"), *words]
    body = "".join(f'msgid "{en}"\nmsgstr "{ko}"\n\n' for en, ko in units)
    bad = 'msgid "Bad"\nmsgid_plural "Bads"\nmsgstr[0] "나쁨"\n'
    return f'msgid ""\nmsgstr ""\n"Language: ko\\n"\n\n{body}{bad}'.encode()


@pytest.mark.parametrize("fmt", FORMAT_NAMES)
def test_a_bad_record_after_a_written_chunk_writes_nothing(samples: Glossary, fmt: str) -> None:
    data = _long_file(fmt)
    before = state(samples)
    nara = samples.get(4)
    with pytest.raises(ParseError) as info:
        import_file(samples, io.BytesIO(data), fmt=fmt, name=NAME[fmt])
    assert str(info.value).startswith(NAME[fmt])
    assert info.value.line is not None and info.value.line > N_GOOD
    assert state(samples) == before
    assert samples.get(4) == nara
    assert not samples.lookup("Hostile word 7")
    # The same file with bad records skipped, as a dry run: all the good ones, no writes.
    report = import_file(
        samples, io.BytesIO(data), fmt=fmt, name=NAME[fmt], skip_bad=True, dry_run=True
    )
    assert len(report.created) == N_GOOD and len(report.problems) == 1
    assert len(report.updated) == (1 if fmt in ("po", "tmx") else 0)
    assert state(samples) == before

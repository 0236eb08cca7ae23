"""PO (GNU gettext) catalogues: one per target language, for CAT tools.

Each entry with an English house form becomes one unit::

    # kind: person
    # status: approved
    # reading: たかいち さなえ
    # note: Prime Minister of Japan (took office October 2025).
    #: entry/2:1
    msgid "Takaichi Sanae"
    msgstr "高市早苗"

``msgid`` is the English preferred form and ``msgstr`` the target's (empty when the
entry has none yet: the translator fills it in). The translator comments give the
kind, status, the target form's readings and romanizations, which of its values are
suggestions awaiting a curator (``# suggested: text, reading``), the other English and
target forms with their role (``# variant (en): Lee Jae Myung``, ``# forbidden (ko):
일본해``, ``# variant (en, suggested): Lee`` for one awaiting review), and the note
(further lines of a note start with a space). The reference ``entry/ID:VERSION`` names
the entry and the version it was exported from, so that an import knows whether the
translator edited what we gave them. ``msgctxt`` ("person #12") is added where one
English form belongs to several entries, and ``#, fuzzy`` marks a unit that is not
final: a candidate (or rejected) entry, or a target form with values awaiting review.

Read back, a ``msgctxt`` another tool wrote is part of the unit's identity (two units
"Gwangju" with different contexts are two entries; the context is kept in the note),
and a fuzzy unit is a proposal: it fills in a missing form, but never replaces a
curated one (it is added beside it, as a suggestion for review).

The writer streams the text itself (polib holds a whole catalogue in memory); the
reader uses polib. ``msgfmt -c`` accepts every file written here.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import datetime
from typing import IO, ClassVar

import polib

from glossary.errors import GlossaryError, InvalidValue, ParseError
from glossary.formats.base import (
    Dropped,
    ExportOptions,
    Format,
    Item,
    Problem,
    TranslationRecord,
    clean_text,
    context_line,
    export_time,
    text_codec,
    without_suggested_forms,
)
from glossary.lang import LANGUAGE_NAMES, LANGUAGES, normalize_language
from glossary.model import Entry, Term
from glossary.vocab import KINDS, LANGUAGE_FIELDS, ROLES

#: Target-form fields shown to translators in comments (name parts are left out).
_FIELDS = {
    lang: tuple(f for f in LANGUAGE_FIELDS[lang] if f not in ("family", "given"))
    for lang in ("ko", "ja")
}
_ENTRY_KEYS = ("kind", "status", "origin", "note")
_COMMENT = re.compile(r"^([a-z]+): ?(.*)$")
_FORM_COMMENT = re.compile(
    rf"^({'|'.join(r for r in ROLES if r != 'preferred')}) \(([a-z]+)(, suggested)?\): ?(.*)$"
)
_REFERENCE = re.compile(r"^entry/(\d+)$")
#: The contexts this tool writes: "person #12".
_CONTEXT_ID = re.compile(rf"^(?:{'|'.join(KINDS)}) #(\d+)$")
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\t": "\\t", "\r": "\\r"})
_CHARSET = re.compile(rb"charset=([A-Za-z0-9._-]+)")

try:
    from importlib.metadata import version as _version

    VERSION = _version("glossary")
except Exception:  # pragma: no cover - running from a checkout without metadata
    VERSION = "0"


def po_string(value: str) -> str:
    """``value`` as a PO string: quoted, escaped, split after each line break."""
    value = clean_text(value)
    if "\n" not in value:
        return '"' + value.translate(_ESCAPES) + '"'
    lines = value.split("\n")
    parts = [line.translate(_ESCAPES) + "\\n" for line in lines[:-1]]
    if lines[-1]:
        parts.append(lines[-1].translate(_ESCAPES))
    return '""\n' + "\n".join(f'"{p}"' for p in parts)


def _comment_value(value: str) -> str:
    return " ".join(clean_text(value).split())


def header(target: str, now: datetime) -> str:
    """The catalogue's header entry, with the fields ``msgfmt -c`` checks."""
    stamp = now.strftime("%Y-%m-%d %H:%M+0000")
    name = LANGUAGE_NAMES[target]
    fields = [
        f"Project-Id-Version: glossary {VERSION}",
        "Report-Msgid-Bugs-To: ",
        f"POT-Creation-Date: {stamp}",
        f"PO-Revision-Date: {stamp}",
        "Last-Translator: glossary export",
        f"Language-Team: {name}",
        f"Language: {target}",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=UTF-8",
        "Content-Transfer-Encoding: 8bit",
        "Plural-Forms: nplurals=1; plural=0;",
        f"X-Generator: glossary {VERSION}",
    ]
    body = "\n".join(f'"{f}\\n"' for f in fields)
    return (
        f"# Glossary: English to {name}.\n"
        "# msgid is the English house form, msgstr the "
        f"{name} one; the comments give kind, readings and notes.\n"
        f'msgid ""\nmsgstr ""\n{body}\n'
    )


def shared_sources(entries: Iterable[Entry]) -> frozenset[str]:
    """English preferred forms that more than one of ``entries`` has."""
    counts = Counter(
        t.text for e in entries for t in e.terms if t.lang == "en" and t.role == "preferred"
    )
    return frozenset(text for text, n in counts.items() if n > 1)


def house_form(entry: Entry, lang: str) -> Term | None:
    """The entry's preferred form in ``lang`` (a variant does not stand in for it)."""
    for t in entry.terms:
        if t.lang == lang and t.role == "preferred":
            return t
    return None


def unit(entry: Entry, target: str, shared: frozenset[str], n: int = 0) -> str | None:
    """One catalogue unit for ``entry`` (the ``n``-th); None when it has no English
    house form."""
    en = house_form(entry, "en")
    if en is None:
        return None
    form = house_form(entry, target)
    lines = ["", f"# kind: {entry.kind}", f"# status: {entry.status}"]
    if entry.origin:
        lines.append(f"# origin: {entry.origin}")
    marks: list[str] = []
    if form is not None:
        for name in _FIELDS[target]:
            value = getattr(form, name)
            if value:
                lines.append(f"# {name}: {_comment_value(value)}")
        marks = [m for m in form.suggested if m == "text" or m in _FIELDS[target]]
        if marks:
            lines.append(f"# suggested: {', '.join(marks)}")
    for t in entry.terms:
        if t.lang in ("en", target) and t is not en and t is not form:
            state = ", suggested" if "text" in t.suggested else ""
            lines.append(f"# {t.role} ({t.lang}{state}): {_comment_value(t.text)}")
    if entry.note.strip():
        first, *rest = clean_text(entry.note.strip()).splitlines()
        lines.append(f"# note: {first}".rstrip())
        lines += [f"#  {line}".rstrip() for line in rest]
    if entry.id is not None:
        lines.append(f"#: entry/{entry.id}:{entry.version}")
    if form is not None and (marks or entry.status != "approved"):
        lines.append("#, fuzzy")  # not final: a candidate, or values awaiting review
    if en.text in shared:
        ident = entry.id if entry.id is not None else f"new {n}"
        lines.append(f"msgctxt {po_string(f'{entry.kind} #{ident}')}")
    lines.append(f"msgid {po_string(en.text)}")
    lines.append(f"msgstr {po_string(form.text if form is not None else '')}")
    return "\n".join(lines) + "\n"


class PoFormat(Format):
    """GNU gettext PO: msgid the English form, msgstr the Korean or Japanese one."""

    name = "po"
    label = "PO (gettext catalogue)"
    extensions = (".po",)
    media_type = "text/x-gettext-translation; charset=utf-8"
    needs_target = True
    kind: ClassVar[str] = "translation"

    def reviewed(self, item: Entry, options: ExportOptions) -> Entry | None:
        """Suggested forms are left out, but for the target house form: it is written as
        ``#, fuzzy``, which PO tools take as not yet approved."""
        return without_suggested_forms(
            item, lambda lang, role: lang == options.target and role == "preferred"
        )

    def write(self, entries: Iterable[Entry], out: IO[bytes], options: ExportOptions) -> int:
        if options.shared_sources is None:
            # Which English forms need a context: known only once every entry is read.
            entries = list(entries)
            options = replace(options, shared_sources=shared_sources(entries))
        return super().write(entries, out, options)

    def head(self, options: ExportOptions) -> str:
        target = options.target
        if target not in _FIELDS:
            raise GlossaryError(
                "a PO catalogue has one target language: choose Korean (ko) or Japanese (ja)"
            )
        return header(target, options.now or export_time())

    def render(self, entries: list[Entry], options: ExportOptions, before: int) -> tuple[str, int]:
        target = options.target
        assert target is not None
        shared = options.shared_sources or frozenset()
        units = []
        for i, entry in enumerate(entries, before + 1):
            text = unit(entry, target, shared, i)
            if text is not None:
                units.append(text)
        return "".join(units), len(units)

    def read(self, stream: IO[bytes], name: str) -> Iterator[Item]:
        """Read a catalogue a block of units at a time (polib parses each block), so
        that memory stays flat however long the file; what it leaves out (comments it
        does not read, obsolete units) is said in notices at the end."""
        head = stream.read(1 << 16)
        m = _CHARSET.search(head[:8192])
        encoding = m.group(1).decode("ascii") if m else "utf-8"
        if encoding.upper() == "CHARSET":  # the template placeholder
            encoding = "utf-8"
        try:
            text_codec(encoding)
        except LookupError:
            raise ParseError(
                name, 1, f"the header names an unknown text encoding (charset) {encoding!r}"
            ) from None
        target = ""
        block: list[str] = []
        block_start = 1
        units = 0
        seen = False
        dropped = Dropped(name)
        for number, line in _decoded_lines(head, stream, encoding, name):
            _check_line(line, number, name)
            if not line.strip():
                if units >= _BLOCK_UNITS and target:
                    yield from _parse_block(block, block_start, target, name, dropped)
                    block, block_start, units = [], number + 1, 0
                    continue
            else:
                seen = True
            block.append(line)
            if line.startswith("msgid ") or line.startswith("#~ msgid "):
                units += 1
                if not target and units > 1:  # the header is complete: which language?
                    target = _language(block, name)
        if not seen:
            raise ParseError(name, 1, "the file is empty; a PO catalogue needs a header")
        if not target:
            target = _language(block, name)
        yield from _parse_block(block, block_start, target, name, dropped)
        yield from dropped.notices()


#: Units parsed by polib at a time.
_BLOCK_UNITS = 2000
#: What a block after the first starts with, so that polib does not take the comments
#: of its first unit for a file header.
_EMPTY_HEADER = 'msgid ""\nmsgstr ""\n\n'


def _decoded_lines(
    head: bytes, stream: IO[bytes], encoding: str, name: str
) -> Iterator[tuple[int, str]]:
    """(line number, text) of each line, decoded; a byte the encoding lacks stops it."""
    buffer = head
    number = 0

    def decode(raw: bytes) -> str:
        try:
            text = raw.decode(encoding)
        except UnicodeError:  # UnicodeDecodeError, or another codec's error
            raise ParseError(name, number, f"is not {encoding} text as its header says") from None
        return text.removeprefix("\ufeff") if number == 1 else text

    while True:
        chunk = stream.read(1 << 16)
        if chunk:
            buffer += chunk
        *lines, buffer = buffer.split(b"\n")
        for raw in lines:
            number += 1
            yield number, decode(raw + b"\n")
        if not chunk:
            break
    if buffer:
        number += 1
        yield number, decode(buffer)


def _parse(text: str, name: str, offset: int) -> polib.POFile:
    try:
        return polib.pofile(text, check_for_duplicates=False, wrapwidth=0)
    except (OSError, ValueError) as exc:
        m = re.search(r"line (\d+)", str(exc))
        detail = str(exc).split(":", 1)[1].strip() if "):" in str(exc) else ""
        raise ParseError(
            name,
            int(m.group(1)) + offset if m else None,
            "is not a valid PO file" + (f": {detail}" if detail else ""),
        ) from None


def _language(block: list[str], name: str) -> str:
    """The target language the catalogue's header names (ko or ja)."""
    header: list[str] = []
    for line in block:
        if header and line.startswith(("msgid ", "#")) and not line.startswith("#~"):
            break
        if header or line.startswith("msgid "):
            header.append(line)
    metadata = _parse("".join(header), name, 0).metadata if header else {}
    language = metadata.get("Language", "").strip()
    if not language:
        raise ParseError(
            name, 1, "the PO header has no Language field; set it to ko or ja", "Language"
        )
    try:
        target = normalize_language(language)
    except InvalidValue:
        target = ""
    if target not in _FIELDS:
        raise ParseError(
            name,
            1,
            f"the catalogue's language is {language!r}; the glossary takes Korean (ko) "
            "or Japanese (ja) catalogues with English msgids",
            "Language",
        )
    return target


def _parse_block(
    block: list[str], start: int, target: str, name: str, dropped: Dropped
) -> Iterator[TranslationRecord | Problem]:
    text = "".join(block)
    offset = start - 1
    if start > 1:
        text = _EMPTY_HEADER + text
        offset -= _EMPTY_HEADER.count("\n")
    for unit in _parse(text, name, offset):
        if unit.obsolete:
            line = unit.linenum + offset if unit.linenum else None
            dropped.add("obsolete units (#~)", "they are no longer part of the catalogue", line)
        else:
            yield _record(unit, target, name, offset, dropped)


_LINE = re.compile(
    r'(?:(?:#~\s*)?(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?"(?:[^"\\]|\\.)*"\s*'
)


def _check_line(line: str, number: int, name: str) -> None:
    """Refuse what polib would let through: a line that is neither a comment nor a
    keyword with a quoted string, nor a continuation string (an unclosed quote, say)."""
    stripped = line.strip()
    if not stripped or (stripped[0] == "#" and not stripped.startswith("#~")):
        return
    body = stripped[2:].strip() if stripped.startswith("#~") else stripped
    if body and not _LINE.fullmatch(body):
        raise ParseError(name, number, f"is not a valid PO line: {stripped[:60]!r}")


def _record(
    u: polib.POEntry, target: str, name: str, offset: int = 0, dropped: Dropped | None = None
) -> TranslationRecord | Problem:
    line = u.linenum + offset if u.linenum else None
    if u.msgid_plural:
        return Problem(name, line, "plural forms are not glossary terms", "msgid_plural")
    if not u.msgid.strip():
        return Problem(name, line, "the msgid is empty", "msgid")
    dropped = dropped or Dropped(name)
    info, forms = _parse_comments(u.tcomment or "", target, line, dropped)
    if u.comment:
        dropped.add("extracted comments (#.)", _NO_PLACE, line)
    if u.previous_msgid or u.previous_msgctxt:
        dropped.add("previous source strings (#|)", _NO_PLACE, line)
    for flag in u.flags:
        if flag != "fuzzy":
            dropped.add(f"{flag!r} flags", "they say nothing about a glossary term", line)
    entry_id: int | None = None
    version: int | None = None
    for path, ref_line in u.occurrences:
        m = _REFERENCE.match(path)
        if m:
            entry_id = int(m.group(1))
            version = int(ref_line) if ref_line.isdigit() else None
            break
    context: str | None = None
    if u.msgctxt:
        m = _CONTEXT_ID.match(u.msgctxt.strip())
        if m:
            entry_id = entry_id if entry_id is not None else int(m.group(1))
        elif u.msgctxt.strip():
            context = u.msgctxt.strip()  # another tool's: part of the unit's identity
    fuzzy = "fuzzy" in u.flags
    terms = [Term("en", u.msgid, "preferred")]
    if u.msgstr.strip():
        if "suggested" in info:  # this tool's own mark of what awaits review
            marks = [m.strip() for m in info["suggested"].split(",") if m.strip()]
            wrong = [m for m in marks if m != "text" and m not in _FIELDS[target]]
            if wrong:
                return Problem(
                    name,
                    line,
                    f"'suggested' names {wrong[0]!r}, which is not a value of a "
                    f"{LANGUAGE_NAMES[target]} form",
                    "suggested",
                )
        else:
            # Fuzzy from a translator (or a tool): the form is a proposal. A candidate's
            # units are fuzzy because of its status.
            marks = ["text"] if fuzzy and info.get("status", "approved") == "approved" else []
        form = Term(target, u.msgstr, "preferred", suggested=marks)
        for field_name in _FIELDS[target]:
            setattr(form, field_name, info.get(field_name, ""))
        terms.append(form)
    for role, lang, suggested, text in forms:
        terms.append(Term(lang, text, role, suggested=["text"] if suggested else []))
    note = info.get("note", "")
    if context is not None:
        note = f"{note}\n{context_line(context)}" if note else context_line(context)
    entry = Entry(
        kind=info.get("kind") or "term",
        status=info.get("status") or "candidate",
        origin=info.get("origin", ""),
        note=note,
        terms=sorted(terms, key=lambda t: t.lang != "en"),  # English first, else as given
        id=entry_id,
        version=version or 0,
    )
    try:
        entry.validate()
    except InvalidValue as exc:
        return Problem(name, line, str(exc), exc.field if exc.field in _ENTRY_KEYS else None)
    except GlossaryError as exc:
        return Problem(name, line, str(exc), "msgstr")
    return TranslationRecord(
        entry=entry,
        targets=(target,),
        entry_id=entry_id,
        version=version,
        line=line,
        proposal=fuzzy,
        context=context,
    )


_NO_PLACE = "the glossary has no place for them"


def _parse_comments(
    comment: str, target: str, line: int | None, dropped: Dropped
) -> tuple[dict[str, str], list[tuple[str, str, bool, str]]]:
    """The ``key: value`` lines of translator comments, and the other forms they list
    (role, language, awaiting review, text); lines starting with a space, and empty
    lines, continue the note. Other lines are the translator's own: left out, and said."""
    known = {*_ENTRY_KEYS, *_FIELDS[target], "suggested"}
    info: dict[str, str] = {}
    forms: list[tuple[str, str, bool, str]] = []
    last = ""
    for text in comment.split("\n"):
        m = _COMMENT.match(text)
        form = _FORM_COMMENT.match(text) if not m else None
        if m and m.group(1) in known and m.group(1) not in info:
            last = m.group(1)
            info[last] = m.group(2).strip()
        elif form and form.group(2) in LANGUAGES and form.group(4).strip():
            forms.append((form.group(1), form.group(2), bool(form.group(3)), form.group(4).strip()))
            last = ""
        elif last == "note" and (not text or text.startswith(" ")):
            info["note"] += "\n" + text[1:]
        else:
            last = ""
            if text.strip():
                dropped.add("translator comments the glossary does not read", _NO_PLACE, line)
    if "note" in info:
        info["note"] = info["note"].strip()
    return info, forms

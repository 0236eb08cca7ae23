"""Scanning drafts with one Aho-Corasick automaton over every form of the glossary.

Matching is case-insensitive (a form written in the wrong case is itself a finding),
except for all-capital abbreviations (so the pronoun "us" is not the United States).
Forms in Latin script must stand as whole words; Korean forms need a word start but
may be followed by particles (다카이치는); Japanese forms need no boundaries at all
(高市総理), as Japanese is written without spaces. Overlapping matches are resolved
leftmost-longest.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from glossary.check.findings import RULES, SEVERITIES, Finding
from glossary.check.forms import FormIndex, lower
from glossary.check.patterns import VALID, Pattern, needs_word_boundary, patterns_for_entry
from glossary.errors import GlossaryError
from glossary.lang.keys import normalize_key
from glossary.lang.script import HANGUL, LATIN, char_script
from glossary.lang.styles import check_style
from glossary.model import Entry
from glossary.settings import get_setting

if TYPE_CHECKING:
    from glossary.api import Glossary
    from glossary.mining.mention import Mention

_SEVERITY_RANK = {name: i for i, name in enumerate(SEVERITIES)}
_CATEGORY_RANK = {rule: _SEVERITY_RANK[sev] for rule, (sev, _) in RULES.items()}


@dataclass
class _Hit:
    start: int
    end: int
    found: str
    patterns: list[Pattern]


def _is_word_char(ch: str) -> bool:
    return ch.isdigit() or char_script(ch) == LATIN


class Checker:
    """The house-style checker for one glossary state and one house style; after an edit,
    :meth:`updated` gives the checker of the new state without building it again."""

    def __init__(
        self, patterns: Iterable[Pattern], style: str, *, forms: FormIndex | None = None
    ) -> None:
        self.style = style
        self._forms = FormIndex(patterns) if forms is None else forms

    @property
    def size(self) -> int:
        """How many distinct forms the checker looks for."""
        return self._forms.size

    def updated(self, entries: Mapping[int, Entry | None]) -> Checker:
        """The checker after the entries of ``entries`` changed (by id; None for an
        entry deleted). Only their forms are made again; entries that are not approved
        are dropped. This checker is left as it was."""
        return Checker(
            (),
            self.style,
            forms=self._forms.updated(
                {
                    eid: patterns_for_entry(e, self.style)
                    if e is not None and e.status == "approved"
                    else ()
                    for eid, e in entries.items()
                }
            ),
        )

    @classmethod
    def from_entries(cls, entries: Iterable[Entry], style: str | None = None) -> Checker:
        """Build the checker from approved entries (others are ignored)."""
        style = check_style(style or get_setting("house_style"))
        return cls(
            (p for e in entries if e.status == "approved" for p in patterns_for_entry(e, style)),
            style,
        )

    @classmethod
    def from_glossary(cls, g: Glossary, style: str | None = None) -> Checker:
        """Build the checker from a glossary's approved entries."""
        return cls.from_entries(g.entries(status="approved", batch_size=2000), style)

    # -- scanning ------------------------------------------------------------------------

    def _hits(self, text: str) -> list[_Hit]:
        if not self.size:
            return []
        lowered = lower(text)
        hits: list[_Hit] = []
        for start, end, pats in self._forms.matches(lowered):
            found = text[start:end]
            if not self._boundaries_ok(text, start, end, lowered[start:end]):
                continue
            usable = [p for p in pats if _case_ok(p.text, found)]
            if usable:
                hits.append(_Hit(start, end, found, usable))
            elif any(p.text.isupper() for p in pats):
                continue
            else:
                hits.append(_Hit(start, end, found, list(pats)))
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        chosen: list[_Hit] = []
        last_end = -1
        for h in hits:
            if h.start >= last_end:
                chosen.append(h)
                last_end = h.end
        return chosen

    def known_forms(self, text: str) -> list[tuple[int, int, str, list[Pattern]]]:
        """Every form the glossary knows in ``text``, leftmost-longest, with the word
        boundaries the check uses: (start, end, as written, the patterns it matches)."""
        return [(h.start, h.end, h.found, h.patterns) for h in self._hits(text)]

    @staticmethod
    def _boundaries_ok(text: str, start: int, end: int, key: str) -> bool:
        before = text[start - 1] if start > 0 else ""
        after = text[end] if end < len(text) else ""
        if needs_word_boundary(key):
            return not (before and _is_word_char(before)) and not (after and _is_word_char(after))
        if char_script(key[0]) == HANGUL:
            return not (before and char_script(before) == HANGUL)
        return True

    def check(
        self,
        text: str,
        file: str = "<draft>",
        *,
        unknown: bool = True,
        miner: Callable[[str, str], list[Mention]] | None = None,
    ) -> list[Finding]:
        """The findings for one draft, in reading order; with ``unknown``, proper names
        the glossary does not know are reported too (as information), found by
        ``miner`` (text, language -> mentions; by default this process's own miner:
        the web server passes the analysers it shares between its workers)."""
        lines = [0]
        for i, ch in enumerate(text):
            if ch == "\n":
                lines.append(i + 1)

        def where(offset: int) -> tuple[int, int]:
            line = bisect.bisect_right(lines, offset)
            return line, offset - lines[line - 1] + 1

        findings: list[Finding] = []
        # (entry id, language) -> [(surface, offset)] of forms that are fine on their own;
        # two different ones for one entity in one language are an inconsistency (flagged
        # forms are findings already). A Korean quote in an English draft writes the
        # entity in another language, not another way.
        seen: dict[tuple[int, str], list[tuple[str, int]]] = {}
        houses: dict[tuple[int, str], str] = {}
        hits = self._hits(text)
        spans = [(h.start, h.end) for h in hits]
        for hit in hits:
            line, col = where(hit.start)
            valid = [p for p in hit.patterns if p.category in VALID]
            exact_valid = [p for p in valid if p.text == hit.found]
            if exact_valid or (valid and all(not _has_upper(p.text) for p in valid)):
                p = (exact_valid or valid)[0]
                houses.setdefault((p.entry_id, p.lang), p.house)
                if p.category != "partial" and _counts_as_full(p):
                    # Lower-case terms capitalised at a sentence start are the same form.
                    surface = hit.found if _has_upper(p.text) else hit.found.lower()
                    seen.setdefault((p.entry_id, p.lang), []).append((surface, hit.start))
                continue
            if valid:  # right form, wrong capitals
                p = valid[0]
                suggestion = p.house if p.category == "house" else p.text
                findings.append(
                    self._finding(
                        file,
                        line,
                        col,
                        hit,
                        "spelling",
                        suggestion,
                        p,
                        "capitalisation differs from the glossary",
                    )
                )
                continue
            p = min(hit.patterns, key=lambda q: _CATEGORY_RANK.get(q.category, 9))
            houses.setdefault((p.entry_id, p.lang), p.house)
            findings.append(
                self._finding(file, line, col, hit, p.category, p.house, p, RULES[p.category][1])
            )
        findings.extend(self._inconsistencies(file, seen, houses, where))
        if unknown:
            findings.extend(self._unknown_names(text, file, where, spans, miner))
        findings.sort(key=lambda f: (f.offset, _SEVERITY_RANK[f.severity]))
        return findings

    def _finding(
        self,
        file: str,
        line: int,
        col: int,
        hit: _Hit,
        rule: str,
        suggestion: str,
        p: Pattern,
        message: str,
    ) -> Finding:
        return Finding(
            file=file,
            line=line,
            column=col,
            found=hit.found,
            suggestion=suggestion,
            rule=rule,
            entry_id=p.entry_id,
            offset=hit.start,
            length=hit.end - hit.start,
            message=message,
        )

    def _inconsistencies(
        self,
        file: str,
        seen: dict[tuple[int, str], list[tuple[str, int]]],
        houses: dict[tuple[int, str], str],
        where: object,
    ) -> Iterator[Finding]:
        for (entry_id, lang), uses in seen.items():
            distinct: dict[str, int] = {}
            for surface, offset in uses:
                distinct.setdefault(surface, offset)
            if len(distinct) < 2:
                continue
            _, (second, offset) = sorted(distinct.items(), key=lambda kv: kv[1])[:2]
            line, col = where(offset)  # type: ignore[operator]
            others = ", ".join(f"“{s}”" for s in distinct)
            yield Finding(
                file=file,
                line=line,
                column=col,
                found=second,
                suggestion=houses.get((entry_id, lang), second),
                rule="inconsistent",
                entry_id=entry_id,
                offset=offset,
                length=len(second),
                message=f"written {len(distinct)} ways: {others}",
            )

    def _unknown_names(
        self,
        text: str,
        file: str,
        where: object,
        spans: list[tuple[int, int]],
        miner: Callable[[str, str], list[Mention]] | None,
    ) -> Iterator[Finding]:
        """Proper names in the draft that no entry knows, once each."""
        from glossary.lang.script import language_by_script

        if miner is None:
            from glossary.mining import mine_mentions

            miner = mine_mentions

        lang = language_by_script(text[:20_000]) or "en"
        mentions = []
        try:
            # The script of the draft decides its language (langdetect over a whole
            # document would cost more than the check itself); the miner reads it a
            # paragraph at a time, as it reads articles.
            for start, chunk in _chunks(text):
                for m in miner(chunk, lang):
                    m.start += start
                    m.end += start
                    mentions.append(m)
        except GlossaryError:
            return
        reported: set[str] = set()
        starts = [start for start, _ in spans]
        for m in mentions:
            if m.kind not in UNKNOWN_NAME_KINDS:
                continue
            key = normalize_key(m.surface)
            if not key or self._forms.knows(key) or key in reported:
                continue
            # Known forms are sorted and do not overlap: the one starting last before
            # the mention's end is the only one that can overlap it.
            i = bisect.bisect_left(starts, m.end) - 1
            if i >= 0 and spans[i][1] > m.start:
                continue  # part of (or around) a known form
            reported.add(key)
            line, col = where(m.start)  # type: ignore[operator]
            yield Finding(
                file=file,
                line=line,
                column=col,
                found=m.surface,
                suggestion="",
                rule="unknown-name",
                entry_id=None,
                offset=m.start,
                length=m.end - m.start,
                message=f"a {m.kind} name the glossary does not know",
                extra={"kind": m.kind, "sentence": m.sentence},
            )


def _chunks(text: str, size: int = 20_000) -> Iterator[tuple[int, str]]:
    """The draft in pieces of at most about ``size`` characters, cut at line breaks, or
    for a very long line after a full stop, with the offset of each piece."""
    pos = 0
    while pos < len(text):
        end = min(len(text), pos + size)
        if end < len(text):
            cut = text.rfind("\n", pos, end)
            if cut <= pos:
                cut = text.rfind(". ", pos, end) + 1
            if cut > pos:
                end = cut + 1
        yield pos, text[pos:end]
        pos = end


#: Kinds of mined mentions reported as unknown names (domain terms are not names).
UNKNOWN_NAME_KINDS = frozenset({"person", "place", "org", "facility", "event", "work"})


def _has_upper(text: str) -> bool:
    return any(c.isupper() for c in text)


def _case_ok(pattern: str, found: str) -> bool:
    """All-capital abbreviations match only in capitals (US, not us)."""
    if pattern.isupper() and len(normalize_key(pattern)) <= 5:
        return found == pattern
    return True


def _counts_as_full(p: Pattern) -> bool:
    """Short accepted forms (Nara for Nara Prefecture, APEC) are not a second way of writing."""
    if p.category == "house":
        return True
    return len(normalize_key(p.text)) >= len(normalize_key(p.house)) and not p.text.isupper()


def check_paths(
    checker: Checker, paths: Iterable[str], *, unknown: bool = True
) -> tuple[list[Finding], list[str]]:
    """Check files (``-`` reads standard input); unreadable files are reported, not fatal."""
    import sys

    from glossary.mining.articles import decode_article_bytes

    findings: list[Finding] = []
    problems: list[str] = []
    for path in paths:
        try:
            if path == "-":
                text = sys.stdin.read()
                name = "<stdin>"
            else:
                name = path
                text = decode_article_bytes(Path(path).read_bytes(), path)
        except GlossaryError as exc:
            problems.append(str(exc))
            continue
        except OSError as exc:
            problems.append(f"{path}: cannot be read: {exc.strerror}")
            continue
        findings.extend(checker.check(text, name, unknown=unknown))
    return findings, problems

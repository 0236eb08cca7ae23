"""Taking mined candidates into the glossary: link, suggest, keep the evidence.

A candidate that matches an existing entry, by any of its forms or by the
romanization of a Korean or Japanese name (高市早苗 → Takaichi Sanae), is attached to
it: its sentences become evidence and its new surfaces proposed forms (variants
marked as suggestions). Anything else becomes a new entry with status ``candidate``,
with the Korean and Japanese forms the language rules suggest, marked as suggestions.
Curated data is never changed. Everything is written in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from glossary.api import Glossary
from glossary.errors import GlossaryError
from glossary.lang import get_language
from glossary.lang.keys import normalize_key
from glossary.lang.script import KATAKANA, char_script
from glossary.lang.suggestions import FORM, suggest, suggested_term
from glossary.lang.suggestions import KATAKANA as KATAKANA_FIELD
from glossary.mining import Candidate, MiningResult, read_for_mining
from glossary.mining.articles import Article, read_article
from glossary.mining.cluster import Context
from glossary.model import Entry, Term
from glossary.settings import current_user
from glossary.store import history as hist
from glossary.store.articles import add_evidence
from glossary.store.rows import entry_from_row

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

Progress = Callable[[int, int], None]


@dataclass
class IntakeReport:
    """What saving mined candidates did."""

    created: list[int] = field(default_factory=list)
    linked: list[int] = field(default_factory=list)
    new_forms: int = 0
    evidence: int = 0
    articles_added: int = 0

    def summary(self) -> str:
        return (
            f"{len(self.created)} new candidates, {len(self.linked)} linked to existing "
            f"entries ({self.new_forms} proposed new forms), {self.evidence} evidence "
            f"sentences, {self.articles_added} articles stored"
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "created": len(self.created),
            "linked": len(self.linked),
            "new_forms": self.new_forms,
            "evidence": self.evidence,
            "articles_added": self.articles_added,
        }


class _Articles:
    """Stores each mined file once and maps file offsets to offsets in the stored text."""

    def __init__(self, g: Glossary, s: Session, lang: str, report: IntakeReport) -> None:
        self.g, self.s, self.lang, self.report = g, s, lang, report
        self._cache: dict[str, tuple[int, Callable[[int], int]]] = {}

    def get(self, path: str) -> tuple[int, Callable[[int], int]]:
        if path in self._cache:
            return self._cache[path]
        mined = read_for_mining(path, self.lang)
        meta = read_article(path) if Path(path).suffix.lower() == ".txt" else None
        article = Article(
            path=path,
            text=mined.text,
            title=(meta.title if meta else "") or mined.text.split("\n", 1)[0][:200],
            date=meta.date if meta else "",
            source=meta.source if meta else "",
            lang=mined.lang,
            url=meta.url if meta else "",
        )
        article_id, created = self.g.add_article(article, session=self.s)
        self.report.articles_added += created

        def to_text(offset: int) -> int:
            if mined.title_len and mined.title_offset <= offset < (
                mined.title_offset + mined.title_len
            ):
                return offset - mined.title_offset
            start = mined.title_len + 2 if mined.title_len else 0
            return offset - mined.body_offset + start

        self._cache[path] = (article_id, to_text)
        return self._cache[path]


def _romanized_keys(c: Candidate) -> list[str]:
    """Latin spellings under which a Korean or Japanese name may already be stored."""
    try:
        out = get_language(c.lang).latin_spellings(c.canonical, c.kind)
    except GlossaryError:
        return []
    return [k for k in out if k]


def find_existing(g: Glossary, c: Candidate, created: dict[str, int]) -> int | None:
    """The entry a candidate is, by any surface or by romanization, if there is one."""
    for surface in [c.canonical, *c.surfaces]:
        key = normalize_key(surface)
        if key in created:
            return created[key]
    for query in [c.canonical, *c.surfaces, *_romanized_keys(c)]:
        for m in g.lookup(query, limit=3):
            if m.match in ("exact", "variant") and m.entry.status != "rejected":
                return m.entry.id
    return None


def _guess_origin(c: Candidate) -> str:
    """Where a mined person is from, when the way the name is written says so."""
    if c.kind != "person":
        return ""
    if c.lang == "en":
        from glossary.mining.names import is_japanese_name, is_korean_name, name_tokens

        tokens = name_tokens(c.canonical)
        if is_korean_name(tokens):
            return "korean"
        # Romaji-looking is not enough ("Joe Biden" reads じょうえ びでん): the names
        # dictionary must know a kanji spelling of the name.
        if is_japanese_name(tokens):
            from glossary.lang.ja import kanji_candidates, romaji_to_kana

            kana = romaji_to_kana(c.canonical)
            if kana and kanji_candidates(kana, kind="person", limit=1):
                return "japanese"
        return ""
    if c.lang == "ja":
        # Japanese names are written in kanji or hiragana; katakana alone (バイデン) is
        # a foreign name.
        katakana = all(char_script(ch) == KATAKANA or ch in "・ー " for ch in c.canonical)
        return "" if katakana else "japanese"
    if c.lang == "ko":
        from glossary.lang.ko import reads_as_korean_name

        # Korean names are written solid (이재명); 다카이치 사나에 is a transcription.
        return "korean" if reads_as_korean_name(c.canonical) else ""
    return ""


def _suggested_forms(c: Candidate) -> tuple[str, list[Term]]:
    """The origin of a person and the forms the language rules suggest in other languages."""
    origin = _guess_origin(c)
    entry = Entry(kind=c.kind, origin=origin, terms=[Term(c.lang, c.canonical)])
    found = suggest(entry, entry.terms[0], alternatives=False)
    return origin, [suggested_term(s) for s in found if s.field in (FORM, KATAKANA_FIELD)]


def _new_entry(c: Candidate) -> Entry:
    origin, suggested = _suggested_forms(c)
    # Every distinct spelling stays visible to the curator who picks the house form.
    own = [Term(c.lang, c.canonical)]
    own += [Term(c.lang, s, role="variant") for s in dict.fromkeys(c.surfaces) if s != c.canonical]
    others = [t for t in suggested if t.lang != c.lang and t.text]
    return Entry(kind=c.kind, status="candidate", origin=origin, terms=own + others)


def _add_evidence(s: Session, articles: _Articles, entry_id: int, contexts: list[Context]) -> int:
    sentences = []
    for ctx in contexts:
        article_id, to_text = articles.get(ctx.file)
        sentences.append((article_id, to_text(ctx.start), ctx.surface, ctx.sentence))
    return add_evidence(s, entry_id, sentences)


def save_candidates(
    g: Glossary,
    result: MiningResult,
    *,
    lang: str = "auto",
    user: str | None = None,
    progress: Progress | None = None,
) -> IntakeReport:
    """Store mined candidates in ``g`` (one transaction); see the module docstring."""
    who = user or current_user()
    report = IntakeReport()
    batch = hist.new_batch()
    created: dict[str, int] = {}
    with g.writing() as s:
        articles = _Articles(g, s, lang, report)
        for path in result.files:  # every article read is stored, with or without evidence
            articles.get(path)
        total = len(result.candidates)
        for i, c in enumerate(result.candidates, 1):
            entry_id = find_existing(g, c, created)
            if entry_id is None:
                row = g.create_in(s, _new_entry(c).validate(), who, batch=batch)
                entry_id = row.id
                report.created.append(entry_id)
                for surface in [c.canonical, *c.surfaces]:
                    created[normalize_key(surface)] = entry_id
            else:
                report.linked.append(entry_id)
                report.new_forms += _propose_forms(g, s, entry_id, c, who, batch)
            report.evidence += _add_evidence(s, articles, entry_id, c.contexts)
            if progress:
                progress(i, total)
    return report


def _propose_forms(
    g: Glossary, s: Session, entry_id: int, c: Candidate, user: str, batch: str
) -> int:
    """Add the candidate's unseen surfaces to an entry as variants marked as suggestions."""
    entry = entry_from_row(g.load_in(s, entry_id))
    known = {normalize_key(t.text) for t in entry.terms}
    new = []
    for surface in dict.fromkeys([c.canonical, *c.surfaces]):
        if normalize_key(surface) not in known:
            new.append(Term(c.lang, surface, role="variant", suggested=["text"]))
            known.add(normalize_key(surface))
    if not new:
        return 0
    if entry.preferred(c.lang) is None:
        new[0].role = "preferred"
    entry.terms.extend(new)
    g.update_in(s, entry, user, batch=batch)
    return len(new)

"""The engine's tokens and first stage: :class:`CTok`, output of mentions, English
inside the article, runs of nominal tokens and the head words that end names."""

from __future__ import annotations

import bisect

from glossary.mining.cjk_rules import _FORMER, _LATIN_STRETCH, NOMINAL, _nospace, lang_rules
from glossary.mining.countries import abbreviations, country_key
from glossary.mining.mention import Mention
from glossary.mining.sentences import SentenceIndex, split_sentences


class CTok:
    """One analysed token."""

    __slots__ = ("cat", "end", "form", "start", "sub")

    def __init__(self, form: str, start: int, end: int, cat: str, sub: str = "") -> None:
        self.form = form
        self.start = start
        self.end = end
        self.cat = cat
        self.sub = sub

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"{self.form}/{self.cat}{'/' + self.sub if self.sub else ''}"


def latin_hyphen_words(toks: list[CTok]) -> list[CTok]:
    """ "K-POP", "F-35A": Latin letters and digits joined by a hyphen are one word."""
    out: list[CTok] = []
    for t in toks:
        if (
            t.cat in ("L", "D")
            and len(out) >= 2
            and out[-1].form in ("-", "‐")
            and out[-2].cat == "L"
            and out[-2].end == out[-1].start
            and out[-1].end == t.start
        ):
            out.pop()
            first = out.pop()
            out.append(CTok(first.form + "-" + t.form, first.start, t.end, "L"))
            continue
        if (
            t.cat in ("L", "D")
            and out
            and out[-1].cat == "L"
            and out[-1].end == t.start
            and "-" in out[-1].form
        ):
            first = out.pop()
            out.append(CTok(first.form + t.form, first.start, t.end, "L"))  # "F-35" + "A"
            continue
        out.append(t)
    return out


class _Tokens:
    """The engine's first stage: output, English inside the article, runs, heads."""

    def __init__(self, lang: str, text: str, toks: list[CTok]) -> None:
        self.r = lang_rules(lang)
        self.lang = lang
        self.text = text
        self.toks = toks
        self.index = SentenceIndex(text, split_sentences(text, lang))
        self.mentions: list[Mention] = []
        self.seen: dict[tuple[int, int], Mention] = {}
        self.titled: set[str] = set()  # surfaces seen before a person's title
        self.pairs: list[tuple[int, int]] = []  # (expansion end, acronym start)
        self.glosses: set[int] = set()  # readings and kanji glosses keyed to their name
        self.english: set[int] = set()  # mentions inside sentences quoted in English

    # ---- output -----------------------------------------------------------
    def emit(self, start: int, end: int, kind: str, key: str | None = None) -> Mention | None:
        text = self.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end <= start:
            return None
        old = self.seen.get((start, end))
        if old is not None:
            if kind == "person" and old.kind != "person":
                old.kind = "person"
                old.normalized = "p:" + _nospace(old.surface)
            return old
        surface = text[start:end]
        if key is None:
            key = self.key(surface, kind)
        m = Mention(surface, start, end, self.index.sentence_at(start), kind, self.lang, key)
        self.seen[(start, end)] = m
        self.mentions.append(m)
        return m

    def key(self, surface: str, kind: str) -> str:
        s = _nospace(surface).replace("・", "").replace("·", "").replace("-", "")
        if kind != "person":
            country = country_key(s, self.lang)
            if country is None and kind == "place" and len(s) == 1:
                country = abbreviations(self.lang).get(s)  # 미 = 미국
            if country is not None:
                return "n:" + country  # 한국 = 대한민국, 米国 = アメリカ
        if kind == "person":
            return "p:" + s
        if kind == "term":
            return "t:" + s
        return "n:" + s

    # ---- English inside the article ------------------------------------------
    def _english_stretches(self) -> None:
        """Sentences quoted in English ("[국무부 대변인] "The United States condemns
        ..."") are mined as English; their tokens leave the Korean or Japanese runs."""
        from glossary.mining.english import mine_text as mine_english

        spans = [(m.start(), m.end()) for m in _LATIN_STRETCH.finditer(self.text)]
        if not spans:
            return
        starts = [s for s, _ in spans]
        keep = []
        for t in self.toks:
            i = bisect.bisect_right(starts, t.start) - 1
            if i < 0 or t.start >= spans[i][1]:
                keep.append(t)
        self.toks = keep
        for s, e in spans:
            for m in mine_english(self.text[s:e]):
                start, end = m.start + s, m.end + s
                if (start, end) in self.seen:
                    continue
                mention = Mention(
                    m.surface,
                    start,
                    end,
                    self.index.sentence_at(start),
                    m.kind,
                    self.lang,
                    m.normalized,
                )
                self.seen[(start, end)] = mention
                self.mentions.append(mention)
                self.english.add(id(mention))

    # ---- runs -------------------------------------------------------------
    def _joined(self, prev: CTok, tok: CTok) -> bool:
        if tok.start == prev.end:
            return True
        if self.r.spaced and self.text[prev.end : tok.start] == " ":
            # a space inside a compound; a suffix or digit never follows a space
            return tok.cat not in ("SUF", "J") and prev.cat != "J"
        return False

    def name_ends_before(self, cur: list[CTok], tok: CTok) -> bool:
        """True when a full name ends the run before ``tok`` (a language's rule)."""
        return False

    def runs(self) -> list[list[CTok]]:
        out: list[list[CTok]] = []
        cur: list[CTok] = []
        for tok in self.toks:
            ok = tok.cat in NOMINAL
            if (
                ok
                and tok.cat == "D"
                and not (cur and cur[-1].cat in ("L", "N", "P") and cur[-1].end == tok.start)
            ):
                ok = False
            if ok and cur and (not self._joined(cur[-1], tok) or self.name_ends_before(cur, tok)):
                out.append(cur)
                cur = []
            if (
                ok
                and tok.cat == "N"
                and len(tok.form) == 1
                and tok.form in self.r.stop
                and tok.form not in _FORMER
                and not self._joined_relation(tok)  # "중·러"
                and not (  # "令和6年": the year of an era stays in the run
                    len(cur) >= 2
                    and cur[-1].cat == "D"
                    and cur[-2].cat == "P"
                    and cur[-2].form in self.r.stop
                )
            ):
                ok = False  # "회의 뒤 공동선언": a one-syllable noun of time or place ends a run
            if (
                ok
                and self.r.spaced
                and tok.cat == "N"
                and len(tok.form) >= 2
                and tok.form in self.r.stop
                and cur
                and (
                    cur[-1].cat == "N"
                    # "중화군 일대", "북한 당국"; not "한일 양국 정부" (no row at all)
                    or (cur[-1].cat == "P" and not self._is_relation(cur[-1].form))
                )
            ):
                ok = False  # "핵실험 이후 국제제재", "국제정세 가운데 한일관계"
            if (
                ok
                and tok.cat != "J"
                and cur
                and cur[-1].cat == "J"
                and len(cur) >= 2
                and ((cur[-2].cat == "N") != (tok.cat == "N"))
                # "중·러": two one-syllable country names are a relation, not a list
                and not (
                    len(cur[-2].form) == 1
                    and len(tok.form) == 1
                    and cur[-2].form in self.r.relation_chars
                    and tok.form in self.r.relation_chars
                )
            ):
                # "地元・奈良": a list joiner between a common and a proper noun ends a run
                cur.pop()
                out.append(cur)
                cur = []
            if ok:
                if tok.cat == "J" and (not cur or cur[-1].cat not in ("P", "L", "N")):
                    if cur:
                        out.append(cur)
                    cur = []
                    continue
                cur.append(tok)
            else:
                if cur:
                    out.append(cur)
                cur = []
        if cur:
            out.append(cur)
        cleaned = []
        for run in out:
            while run and run[-1].cat in ("J", "PRE"):
                run = run[:-1]
            if run:
                cleaned.append(run)
        return cleaned

    # ---- heads ------------------------------------------------------------
    def _head_kind_str(self, s: str, proper: bool) -> str | None:
        spaced = s
        s = _nospace(s)
        for h in self.r.head_list:
            if s.endswith(h):
                kind, short = self.r.heads[h]
                if kind == "none":
                    # "등재 신청", "남부": a word that only ends like a head (청, 부);
                    # written onto a longer word it is no word of its own (통일부)
                    if spaced == h or spaced.endswith(" " + h):
                        return None
                    continue
                if short in ("short", "after-proper") and not proper:
                    continue
                if short == "short-common" and not proper and len(s) < 3:
                    continue
                if len(s) == len(h) and not short:
                    return None  # a head word alone is not a name
                if len(s) == len(h):
                    continue
                return kind
        return None

    def _head_of(self, s: str) -> tuple[str, str]:
        """The (kind, mark) of the longest head ``s`` ends in, or ("", "")."""
        s = _nospace(s)
        for h in self.r.head_list:
            if s.endswith(h) and len(s) > len(h):
                return self.r.heads[h]
        return ("", "")

    def _term_head(self, form: str) -> bool:
        if form in self.r.term_heads:
            return True
        return any(form.endswith(h) for h in self.r.term_head_list if len(h) >= 2)

    def _institutions_in_a_row(self, text: str) -> int:
        """ "国連安保理": where the second of two known institutions written together
        starts (0: not two institutions)."""
        for cut in range(1, len(text)):
            if text[:cut] in self.r.institutions and text[cut:] in self.r.institutions:
                return cut
        return 0

    def _joined_relation(self, tok: CTok) -> bool:
        """ "중·러": a country's one syllable before a joiner and another country's,
        not the noun 중 ("during")."""
        text = self.text
        return (
            tok.form in self.r.relation_chars
            and text[tok.end : tok.end + 1] in ("·", "・", "-")
            and text[tok.end + 1 : tok.end + 2] in self.r.relation_chars
        )

    def _is_relation(self, s: str) -> bool:
        s = s.replace("·", "").replace("・", "").replace("-", "")
        return 2 <= len(s) <= 4 and all(ch in self.r.relation_chars for ch in s)

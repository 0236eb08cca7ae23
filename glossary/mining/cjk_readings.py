"""The engine's brackets: acronyms after their expansion and readings or kanji
glosses after a name."""

from __future__ import annotations

from glossary.mining.cjk_names import _Names
from glossary.mining.cjk_rules import _GLOSSED, _HANGUL_WITH_HANJA, _is_kana
from glossary.mining.cjk_tokens import CTok


class _Readings(_Names):
    """The engine up to acronyms and readings in brackets."""

    def _acronym_pairs(self, runs: list[list[CTok]]) -> None:
        """ "아시아태평양경제협력체(APEC)": the acronym is the name's."""
        text = self.text
        for run in runs:
            if run[0].cat != "L":
                continue
            s = run[0].start
            e = run[-1].end
            if text[s - 1 : s] not in ("(", "（") or text[e : e + 1] not in (")", "）"):
                continue
            acr = self.seen.get((s, e))
            best = None
            for m in self.mentions:
                if m.end == s - 1 and m is not acr and (best is None or m.start < best.start):
                    best = m
            if best is None:
                continue
            if acr is None:
                letters = text[s:e]
                if not (
                    letters.isascii()
                    and letters.replace(" ", "").isalnum()
                    and letters[:1].isupper()
                ):
                    continue
                acr = self.emit(s, e, best.kind, key=best.normalized)
            if acr is not None:
                acr.normalized = best.normalized

    def _readings(self) -> None:
        """ "金烘均(キム・ホンギュン)", "武井俊輔(たけいしゅんすけ)": a name's reading in
        kana in brackets right after it is the same person; so is a Korean article's
        name in kanji after the name in Hangul ("모테기 도시미쓰(茂木 敏充)")."""
        text = self.text
        if self.lang == "ko":
            for g in _HANGUL_WITH_HANJA.finditer(text):
                name, hanja = g.span(1), g.span(2)
                old = self.seen.get(name)
                if old is None and " " in g.group(1):
                    # "대통령은 독도(獨島)": the word before the bracket
                    last = self.seen.get((name[1] - len(g.group(1).split()[-1]), name[1]))
                    if last is not None and last.kind not in ("person", "term"):
                        old = last
                if old is not None and old.kind not in ("person", "term"):
                    # a place or an institution glossed in hanja: "독도(獨島)"
                    gloss = self.emit(hanja[0], hanja[1], old.kind, key=old.normalized)
                    if gloss is not None:
                        gloss.normalized = old.normalized
                        self.glosses.add(id(gloss))
                    continue
                two_words = " " in g.group(1)
                if not (two_words or " " in g.group(2) or len(g.group(1)) == 3):
                    continue
                inside = [t for t in self.toks if name[0] <= t.start < name[1]]
                if not inside or any(t.cat not in ("N", "P") for t in inside):
                    continue  # "대통령은 독도(獨島)": a particle, no name
                self.mentions = [
                    x for x in self.mentions if not (x.start < name[1] and name[0] < x.end)
                ]
                for span in [k for k in self.seen if k[0] < name[1] and name[0] < k[1]]:
                    del self.seen[span]
                m = self.emit(name[0], name[1], "person")
                if m is not None:
                    h = self.emit(hanja[0], hanja[1], "person", key=m.normalized)
                    if h is not None:
                        h.normalized = m.normalized
                        self.glosses.add(id(h))
        for m in list(self.mentions):
            if m.kind not in _GLOSSED or text[m.end : m.end + 1] not in ("(", "（"):
                continue
            close = min(
                (i for i in (text.find(")", m.end), text.find("）", m.end)) if i > 0), default=-1
            )
            inner = text[m.end + 1 : close] if close > 0 else ""
            if (
                not inner
                or len(inner) > (20 if m.kind == "person" else 32)
                or inner != inner.strip()
                # "千英宇(チョ・ヨン ウ)": a space may stand inside a person's reading;
                # "第45回…総選挙(だい45かい…)": the name's own digits stay digits
                or not all(
                    _is_kana(ch)
                    or (ch == " " and "・" in inner)
                    or (ch.isdigit() and ch in m.surface)
                    for ch in inner
                )
                or not any(_is_kana(ch) for ch in inner)
            ):
                continue
            s, e = m.end + 1, close
            self.mentions = [x for x in self.mentions if not (s <= x.start and x.end <= e)]
            for span in [k for k in self.seen if s <= k[0] and k[1] <= e]:
                del self.seen[span]
            if m.kind != "person" and (len(inner) < 2 or "・" in inner):
                continue  # "龍山(ヨンサン)": a place's reading is one word
            reading = self.emit(s, e, m.kind, key=m.normalized)
            if reading is not None:
                reading.normalized = m.normalized
                self.glosses.add(id(reading))

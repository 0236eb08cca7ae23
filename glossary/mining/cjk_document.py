"""The engine's article-level stage: what is decided once the whole text is read
(kinds resolved, family names, hanja names, short forms and romanized forms linked)."""

from __future__ import annotations

import re

from glossary.mining.cjk_readings import _Readings
from glossary.mining.cjk_rules import _TIME_ZONE, _nospace, _split_heads, english_equivalents
from glossary.mining.mention import Mention


class _Document(_Readings):
    """The engine up to what is decided once the whole article is read."""

    # ---- the article as a whole --------------------------------------------
    def resolve(self) -> None:
        for m in self.mentions:
            if m.surface in self.titled and m.kind not in ("person", "term"):
                m.kind = "person"
                m.normalized = "p:" + _nospace(m.surface)
        people = [m for m in self.mentions if m.kind == "person" and id(m) not in self.glosses]
        surfaces = {m.surface for m in people}

        spaced = [o.replace("・", " ").split() for o in surfaces]
        parts = {w for words in spaced if len(words) > 1 for w in (words[0], words[-1])}

        def full(m: Mention) -> bool:
            # a full name, or one that a shorter name seen alone begins (박진 with 박);
            # not a word of a longer name ("하야시" of "하야시 요시마사")
            if m.surface in parts:
                return False
            return self.is_full_name(m) or any(
                o != m.surface and m.surface.startswith(o) and " " not in m.surface
                for o in surfaces
            )

        old_keys = {id(m): m.normalized for m in people}
        full_keys = {m.surface: m.normalized for m in people if full(m)}
        chosen: dict[str, str] = {}  # one person per family name in an article
        for m in people:
            if m.surface in full_keys:
                continue
            fam = m.surface
            if fam in chosen:
                m.normalized = chosen[fam]
                continue
            keys = set()
            for name, key in full_keys.items():
                # "ジョセフ・ユン" has the words ジョセフ and ユン
                words = name.replace("・", " ").split()
                # "하야시" in "하야시 요시마사", "블링컨" in "토니 블링컨", "李" in "李在明"
                if (len(words) > 1 and fam in (words[0], words[-1])) or (
                    len(words) == 1 and len(fam) <= 2 and name.startswith(fam)
                ):
                    keys.add(key)
            if len(keys) > 1:
                # two people of one family name: the one named last before it
                # ("이재명 후보는 ... 이 후보가", with 이회창 named later)
                before = [
                    x
                    for x in people
                    if x.normalized in keys and x.surface in full_keys and x.start < m.start
                ]
                if before:
                    keys = {max(before, key=lambda x: x.start).normalized}
            if len(keys) == 1:
                m.normalized = chosen[fam] = next(iter(keys))
            else:
                m.normalized = "ps:" + _nospace(fam)
        # a reading in brackets follows its name: "康(カン)" with 康 = 康京和
        moved = {old_keys[id(m)]: m.normalized for m in people if old_keys[id(m)] != m.normalized}
        for m in self.mentions:
            if id(m) in self.glosses and m.normalized in moved:
                m.normalized = moved[m.normalized]

    def link_hanja_names(self) -> None:
        """A Korean name written in kanji and the same name in Hangul (이재명, 李在明) or
        in katakana (イ・ジェミョン) are one person: the kanji read the Sino-Korean way
        (glossary.lang.ko.sino) and written as the Japanese press does
        (glossary.lang.ko.katakana)."""
        from glossary.lang.ko.katakana import to_katakana
        from glossary.lang.ko.sino import sino_korean_reading

        people = [m for m in self.mentions if m.kind == "person"]
        by_form: dict[str, list[Mention]] = {}
        for m in people:
            by_form.setdefault(m.surface.replace("・", "").replace(" ", ""), []).append(m)
        for m in people:
            han = m.surface.replace(" ", "")
            if not 2 <= len(han) <= 4 or not all("\u4e00" <= ch <= "\u9fff" for ch in han):
                continue
            hangul = sino_korean_reading(han, kind="person")
            if not hangul:
                continue
            form = hangul if self.lang == "ko" else to_katakana(hangul).replace("・", "")
            for other in by_form.get(form, ()):
                old = other.normalized
                for x in self.mentions:
                    if x.normalized == old:
                        x.normalized = m.normalized

    def _drop_time_zones(self) -> None:
        """ "日本時間15日": a country naming a time zone is a time, no place."""
        text = self.text
        keep = []
        for m in self.mentions:
            after = text[m.end : m.end + 3].lstrip(" ")
            if m.kind == "place" and after[:2] in _TIME_ZONE:
                self.seen.pop((m.start, m.end), None)
                continue
            keep.append(m)
        self.mentions = keep

    def _chambers_inside(self) -> None:
        """ "상원 외교위원장", "하원 군사위원회": the chamber that begins a longer name or
        title is an organisation of its own (``*`` in ``*_institutions.txt``)."""
        if not self.r.chambers:
            return
        for m in list(self.mentions):
            first = m.surface.split(" ", 1)[0]
            if " " in m.surface and first in self.r.chambers and m.kind != "person":
                self.emit(m.start, m.start + len(first), "org")

    def link_short_forms(self) -> None:
        """An event or facility named with and without a middle word is one ("제주항공
        여객기 사고" and 제주항공 사고, "무안국제공항" and 무안공항): both start with a name
        found in the article and end in the same head word; the short form is the name
        and the head alone."""
        names = {
            _nospace(m.surface)
            for m in self.mentions
            if m.kind in ("place", "org", "person") and id(m) not in self.english
        }
        if self.r.spaced:  # "제주항공" of "제주항공 사고", a name in its own word
            names.update(
                m.surface.split()[0]
                for m in self.mentions
                if m.kind in ("event", "facility") and " " in m.surface
            )
        long_forms: dict[tuple[str, str], list[Mention]] = {}
        short_forms: list[tuple[tuple[str, str], Mention]] = []
        for m in self.mentions:
            if m.kind not in ("event", "facility") or id(m) in self.english:
                continue
            flat = _nospace(m.surface)
            head = next((h for h in self.r.head_list if len(h) >= 2 and flat.endswith(h)), "")
            if not head:
                continue
            for name in names:
                if len(name) >= 2 and flat.startswith(name) and len(flat) > len(name) + len(head):
                    long_forms.setdefault((name, head), []).append(m)
                elif flat == name + head:
                    short_forms.append(((name, head), m))
        for key, short in short_forms:
            targets = {x.normalized for x in long_forms.get(key, ())}
            if len(targets) == 1:
                old = short.normalized
                new = next(iter(targets))
                for x in self.mentions:
                    if x.normalized == old:
                        x.normalized = new

    def link_romanized(self) -> None:
        """A name quoted in English and the same name in Hangul are one ("Muan" and 무안,
        "Yoon Suk Yeol" and 윤석열): the English form is the Hangul romanized (Revised
        Romanization, glossary.lang.ko.romanize) or one of the press's spellings of a
        Korean name (glossary.lang.ko.press)."""
        from glossary.lang.ko.press import suggest_press_spellings
        from glossary.lang.ko.romanize import romanize

        def flat(s: str) -> str:
            return re.sub(r"[\s\-'’.]", "", s).casefold()

        english: dict[str, list[Mention]] = {}
        for m in self.mentions:
            if id(m) in self.english:
                english.setdefault(flat(m.surface), []).append(m)
        if not english:
            return
        equivalents = english_equivalents()
        for m in self.mentions:
            if id(m) in self.english:
                continue
            hangul = _nospace(m.surface)
            if not hangul or not all("가" <= ch <= "힣" for ch in hangul):
                continue
            forms = {flat(e) for e in equivalents.get(hangul, ())}
            if m.kind != "term":
                forms.add(flat(romanize(m.surface)))
                # "제주항공 사고": the name romanized, then its head words in English
                for cut in range(2, len(hangul)):
                    name, rest = hangul[:cut], hangul[cut:]
                    heads = _split_heads(rest, equivalents)
                    if heads is None:
                        continue
                    stems = {flat(romanize(name))} | {flat(e) for e in equivalents.get(name, ())}
                    for stem in stems:
                        combos = [stem]
                        for options in heads:
                            combos = [c + flat(o) for c in combos for o in options]
                        forms.update(combos)
            if m.kind == "person" and len(hangul) in (2, 3, 4):
                forms.update(flat(s) for s in suggest_press_spellings(hangul, limit=6))
            for form in forms:
                for other in english.get(form, ()):
                    old = other.normalized
                    for x in self.mentions:
                        if x.normalized == old:
                            x.normalized = m.normalized

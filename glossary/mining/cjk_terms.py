"""The engine's segments: a run without its titles read as relation terms, names
ending in a head word, proper nouns and compound terms."""

from __future__ import annotations

from glossary.mining.cjk_rules import _FORMER, _PREFECTURE, _RELATION_NO_HEADS, _nospace
from glossary.mining.cjk_tokens import CTok, _Tokens
from glossary.mining.countries import country_key


class _Terms(_Tokens):
    """The engine up to segments: relation terms, names ending in a head, terms."""

    # ---- segments ---------------------------------------------------------
    def process_segment(
        self, seg: list[CTok], person_hint: bool = False, name_end: int | None = None
    ) -> bool:
        r = self.r
        if (
            len(seg) > 3
            and seg[0].form in r.stop
            and seg[1].cat == "D"
            and seg[2].form in ("年", "년")
            and self._head_kind_str(self.text[seg[3].start : seg[-1].end], proper=True) == "event"
        ):
            # "令和6年能登半島地震": an era year inside an event's official name
            self.emit(seg[0].start, seg[-1].end, "event")
            return False
        while seg and (
            (
                seg[0].form in r.stop
                and seg[0].sub != "country"
                and not self._joined_relation(seg[0])
            )
            or seg[0].form in _FORMER
            or seg[0].cat == "SUF"
            or seg[0].cat == "J"
        ):
            seg = seg[1:]
        if not seg:
            return False
        if not r.spaced and r.institutions:
            # "安保理決議", "国連安保理": a known institution at the start of a compound
            for k in range(len(seg) - 1, -1, -1):
                head = self.text[seg[0].start : seg[k].end]
                cut = self._institutions_in_a_row(head) if k > 0 else 0
                if head in r.institutions or cut:
                    # "自民党公明党", "衆議院参議院": two of one kind are listed, no
                    # name of one body (国連安保理 is the UN's council)
                    listed = bool(cut) and head[cut - 1] == head[-1]
                    if not listed:
                        self.emit(seg[0].start, seg[k].end, "org")
                    if cut:  # 国連 and 安保理 in 国連安保理
                        self.emit(seg[0].start, seg[0].start + cut, "org")
                        self.emit(seg[0].start + cut, seg[k].end, "org")
                    return self.process_segment(seg[k + 1 :]) if k + 1 < len(seg) else False
        whole = self.text[seg[0].start : seg[-1].end]
        if (
            whole in r.places
            or _nospace(whole) in r.places
            or country_key(_nospace(whole), self.lang) is not None
        ) and (
            not r.spaced or any(t.cat == "P" for t in seg)
        ):  # "세 나라": a common noun that is also a place name is not one here
            self.emit(seg[0].start, seg[-1].end, "place")
            return False
        if r.spaced:
            # "일본 니가타현 사도섬", "야마구치현 우베시": a place word stands alone
            words = self._words(seg)
            # "우크라이나 동부 도네츠크주": a common noun between names ends the first
            for wi in range(1, len(words) - 1):
                between = words[wi]
                text = self.text[between[0].start : between[-1].end]
                if (
                    all(t.cat == "N" for t in between)
                    and words[wi - 1][-1].cat == "P"
                    and words[wi + 1][0].cat == "P"
                    and self._head_kind_str(text, proper=False) is None
                    and r.heads.get(text, ("none", ""))[0] == "none"
                    and text not in r.titles
                ):
                    self.process_segment([t for ws in words[:wi] for t in ws])
                    return self.process_segment([t for ws in words[wi + 1 :] for t in ws])
            if (
                len(words) == 2
                and all(t.cat in ("N", "L") for t in words[0])
                and words[0][-1].cat == "N"
                and all(t.cat == "P" for t in words[1])
                and self._head_kind_str(whole, proper=False) is None
                and self.text[words[0][0].start : words[0][-1].end] not in r.titles
            ):
                # "IT기업 애플": a common noun before a name describes it, no part of it
                self.process_segment(words[0])
                return self.process_segment(words[1])
            if len(words) > 1 and words[0][0].sub == "country":
                self.emit(words[0][0].start, words[0][0].end, "place")  # "미 국무부"
                rest = seg[len(words[0]) :]
                if self._lone_institution(rest):
                    return False
                return self.process_segment(rest)
            if len(words) > 1:
                first = words[0]
                text = self.text[first[0].start : first[-1].end]
                if (
                    first[0].cat == "P"
                    and (text in r.places or self._head_kind_str(text, proper=True) == "place")
                    # "판문점 선언", "한반도 비핵화 공동선언": the place names the document
                    and self._head_kind_str(whole, proper=False) != "work"
                    # "광안리 해변": a place's head word makes one place with it
                    and r.heads.get(self.text[words[1][0].start : words[1][-1].end])
                    != ("place", "")
                    # "이태원 참사", "포항 지진": a town names the event ("미국 대선" is a
                    # country's election, the country a row of its own)
                    and not (
                        country_key(text, self.lang) is None
                        and len(words[1]) == 1
                        and r.heads.get(words[1][0].form, ("",))[0] == "event"
                    )
                    # "우크라이나 침공 전쟁", "한국 전쟁": a war is named by its country
                    and self._head_of(whole) != ("event", "country")
                ):
                    self.process_segment(first)
                    return self.process_segment(seg[len(first) :])
                # "로버트 라이트하이저 미국 무역대표부": a country between a name and an
                # institution stands apart
                for at, w in enumerate(words[1:-1], 1):
                    wtext = _nospace(self.text[w[0].start : w[-1].end])
                    if len(w) == 1 and country_key(wtext, self.lang) is not None:
                        before = [t for ws in words[:at] for t in ws]
                        after = [t for ws in words[at + 1 :] for t in ws]
                        self.process_segment(before)
                        self.emit(w[0].start, w[-1].end, "place")
                        return self.process_segment(after)
        # relation compounds: "한미일 안보협력", "日韓首脳会談"
        rel = 0
        acc = ""
        for i, t in enumerate(seg[:4]):
            acc += t.form
            if t.cat in ("L", "D") or not all(
                ch in r.relation_chars or ch in "·・-" for ch in t.form
            ):
                break
            if self._is_relation(acc):
                rel = i + 1
        if rel:
            rest = seg[rel:]
            if not rest:
                return True
            if all(t.cat == "SUF" for t in rest):
                # "日韓間", "한일간": the relation word standing alone with a suffix
                self.emit(seg[0].start, seg[rel - 1].end, "term")
                return False
            if rest[0].form in r.stop:
                return False  # "한일 양국 정부": a generic phrase
            rel_kind = self._head_kind_str(self.text[seg[0].start : seg[-1].end], proper=False)
            if rel_kind in ("org", "work"):
                # "한중일 협력사무국", "남북 기본합의서": an institution or a document
                self.emit(seg[0].start, seg[-1].end, rel_kind)
                return False
            h = self._last_term_head(rest)
            for wk in range(len(rest) - 2, -1, -1):
                span = self.text[seg[0].start : rest[wk].end]
                if self._head_kind_str(span, proper=False) == "work":
                    # "한미 자유무역협정 개정 협상": the document named inside is a row
                    self.emit(seg[0].start, rest[wk].end, "work")
                    break
            if h is not None:
                self.emit(seg[0].start, rest[h].end, "term")
                return False
            seg = rest
        self._names_and_terms(seg, person_hint, name_end)
        return False

    def _lone_institution(self, rest: list[CTok]) -> bool:
        """After a country, one word that is an institution's head of three or more
        characters is that institution ("미 국무부" … "외무성"): emit it, say so."""
        r = self.r
        if (
            len(rest) == 1
            and rest[0].form in r.heads
            and len(rest[0].form) >= 3
            and r.heads[rest[0].form][0] != "none"
        ):
            self.emit(rest[0].start, rest[0].end, r.heads[rest[0].form][0])  # 외무성
            return True
        return False

    def _words(self, seg: list[CTok]) -> list[list[CTok]]:
        words: list[list[CTok]] = [[seg[0]]]
        for t in seg[1:]:
            if t.start == words[-1][-1].end:
                words[-1].append(t)
            else:
                words.append([t])
        return words

    def _last_term_head(self, seg: list[CTok]) -> int | None:
        for h in range(len(seg) - 1, -1, -1):
            if seg[h].cat not in ("N", "SUF"):
                continue
            if self._term_head(seg[h].form):
                return h
            # "正常化" = 正常 + 化: the head spans tokens
            tail = _nospace(self.text[seg[max(0, h - 2)].start : seg[h].end])
            if any(
                tail.endswith(t) and len(t) > len(seg[h].form)
                for t in self.r.term_head_list
                if len(t) >= 2
            ):
                return h
        return None

    def _names_and_terms(self, seg: list[CTok], person_hint: bool, name_end: int | None) -> None:
        r = self.r
        if not r.spaced:
            # "石川県輪島市": a place with its one-character ending, then another name
            for x in range(1, len(seg) - 1):
                if (
                    seg[x - 1].cat == "P"
                    and seg[x].cat in ("N", "SUF")
                    and seg[x].form in r.heads
                    and r.heads[seg[x].form] == ("place", "short")
                    and (
                        seg[x + 1].cat == "P"
                        # "福島県双葉郡": a county of common nouns after its prefecture
                        or (
                            seg[x + 1].cat == "N"
                            and self._head_of(self.text[seg[x + 1].start : seg[-1].end])
                            == ("place", "short-common")
                        )
                    )
                ):
                    self._names_and_terms(seg[: x + 1], person_hint=False, name_end=None)
                    self._names_and_terms(seg[x + 1 :], person_hint, name_end)
                    return
            # "北海道札幌市": a prefecture the analyser reads as one word, then a place
            for x in range(len(seg) - 1):
                if (
                    seg[x].cat == "P"
                    and seg[x].sub == "place"
                    and len(seg[x].form) >= 3
                    and seg[x].form[-1] in _PREFECTURE
                    and seg[x + 1].cat == "P"
                    and seg[x + 1].sub == "place"
                ):
                    self._names_and_terms(seg[: x + 1], person_hint=False, name_end=None)
                    self._names_and_terms(seg[x + 1 :], person_hint, name_end)
                    return
        n = len(seg)
        # the proper-noun prefix
        p = 0
        while p < n and (
            seg[p].cat in ("P", "L", "J") or (seg[p].cat == "D" and p > 0 and seg[p - 1].cat == "L")
        ):
            p += 1
        while p > 0 and seg[p - 1].cat == "J":
            p -= 1
        end_limit = name_end
        if p == n and all(t.form in r.institutions for t in seg):
            # "유엔 안보리": known institutions, whatever their last syllable (리)
            self._proper_nouns(seg, person_hint, whole=True, end_limit=end_limit)
            return
        if p == 0:
            first_p = next((i for i, t in enumerate(seg) if t.cat == "P"), None)
            if (
                first_p is not None
                and first_p <= 2
                and len(seg[first_p - 1].form) == 1
                # "麻浦乙選挙区": a character that abbreviates no country begins the name
                and not (
                    not r.spaced
                    and first_p == 1
                    and seg[0].cat == "N"
                    and seg[0].form not in r.relation_chars
                    and seg[0].form not in r.stop
                    and seg[0].form not in _FORMER
                    and self._head_of(self.text[seg[0].start : seg[-1].end])[1] == "common"
                )
            ):
                # "米ワシントン近郊": a one-character prefix before a proper noun; but
                # "外務省飯倉公館": a ministry (外務 + 省) before its guest house
                if first_p == 2 and not r.spaced:
                    self._common_compound(seg[:first_p])
                self._names_and_terms(seg[first_p:], person_hint, name_end)
                return
            self._common_compound(seg)
            return
        # a name with a head word: "나라현", "조세이 탄광 수몰 사고", "도쿄대 동양문화연구소"
        heads = []
        for h in range(p - 1, n):
            s = self.text[seg[0].start : seg[h].end]
            proper = h < p
            # "奈良県": a one-character head written onto the proper noun
            attached = h == p and h > 0 and len(seg[h].form) == 1 and seg[h].start == seg[h - 1].end
            if attached:
                kind = self._head_kind_str(s, proper=True)
                if kind is not None:
                    heads.append((h, kind))
                continue
            kind = self._head_kind_str(seg[h].form if proper else s, proper=proper)
            if kind is None and not proper:
                kind = self._head_kind_str(s, proper=False)
            if kind is None and not proper and seg[0].cat == "P":
                # "トヨタ自動車": a head that names a company after a proper noun only
                kind = self._head_kind_str(s, proper=True)
                if kind is not None and self._head_of(s)[1] != "after-proper":
                    kind = None
            if kind is not None and seg[h].cat != "D" and seg[h].form not in r.institutions:
                heads.append((h, kind))
        heads = [(h, k) for h, k in heads if not (h < p - 1)]
        if heads and not person_hint:
            h_last = heads[-1][0]
            lead = self.text[seg[0].start : seg[p - 1].end]
            if (
                p == 1
                and seg[0].cat == "P"
                and (lead in r.places or seg[0].sub == "place")
                and h_last >= p
                and self.text[seg[0].end : seg[1].start] == " "
                and heads[-1][1] != "work"  # "판문점 선언": the place names the document
                # "이태원 참사": a town names the event; a country does not ("미국 대선")
                and not (
                    r.spaced
                    and heads[-1][1] == "event"
                    and (
                        (h_last == p and country_key(lead, self.lang) is None)
                        or self._head_of(self.text[seg[0].start : seg[h_last].end])[1] == "country"
                    )
                )
            ):
                # "일본 방위연구소": the country, then the institution
                self.emit(seg[0].start, seg[0].end, "place")
                rest = seg[p:]
                if self._lone_institution(rest):
                    return
                self._common_compound(rest, allow_single_org=True)
                return
            for h, kind in heads:
                # a facility or an organisation inside a longer name is a row of its
                # own ("조세이 탄광" in its 사고); a place or an event inside is not
                # ("輪島" in 輪島市, "安城選挙" in 安城選挙区), nor a proper noun that
                # only ends like a head ("安城": 城 is a castle)
                # "清州上党選挙区": 党 after one character inside a name is no party
                inner = (
                    h >= p
                    and kind in ("org", "facility")
                    and (r.spaced or len(seg[h].form) > 1 or len(seg[h - 1].form) > 1)
                    # "朝鮮通信使": 通信 before the suffix 使 is part of one word
                    and (r.spaced or h + 1 >= n or seg[h + 1].cat != "SUF")
                )
                if h == h_last or inner:
                    self.emit(seg[0].start, seg[h].end, kind)
            # proper nouns inside: "도쿄대" in "도쿄대 동양문화연구소"; the longest known
            # place at the start ("アジア太平洋" in "アジア太平洋経済協力会議")
            for q in range(len(seg) - 1, 0, -1):
                if heads[-1][1] == "place" and (
                    not r.spaced or seg[h_last].start == seg[h_last - 1].end
                ):
                    return  # "アジア太平洋地域", "포항시": no place inside a place
                if _nospace(self.text[seg[0].start : seg[q].end]) in r.places:
                    self.emit(seg[0].start, seg[q].end, "place")
                    return
            self._proper_nouns(seg[:p], person_hint=False, whole=False, end_limit=None)
            return
        if all(t.cat in ("L", "D") for t in seg[:p]) and p < n:
            # "DNA 감식", "DNA鑑定": a Latin abbreviation and a domain noun
            th = self._last_term_head(seg[p:])
            letters = self.text[seg[0].start : seg[p - 1].end]
            if th is not None and letters in r.acronyms_common:
                self.emit(seg[0].start, seg[p + th].end, "term")
                return
        self._proper_nouns(seg[:p], person_hint, whole=True, end_limit=end_limit)
        if p < n:
            self._common_compound(seg[p:])

    def _common_compound(self, seg: list[CTok], allow_single_org: bool = False) -> None:
        r = self.r
        if len(seg) >= 2 and seg[0].sub == "ordinal":
            # "제4차 핵실험", "15대 대선", "제20대 대통령 선거": a numbered event
            rest = _nospace(self.text[seg[1].start : seg[-1].end])
            if any(rest.endswith(h) and k == "event" for h, (k, _) in r.heads.items()):
                self.emit(seg[0].start, seg[-1].end, "event")
                return
        while seg and (seg[0].form in r.stop or seg[0].cat in ("SUF", "D", "J")):
            seg = seg[1:]
        if not seg:
            return
        n = len(seg)
        # an organisation made of common nouns: "국가안보실", "外務省", "국방부"
        for k in range(n - 1, -1, -1):
            s = self.text[seg[0].start : seg[k].end]
            kind = self._head_kind_str(s, proper=False)
            if kind == "org" and (k >= 1 or allow_single_org or len(_nospace(s)) >= 3):
                if k == 0 and not allow_single_org and seg[0].cat != "N":
                    continue
                self.emit(seg[0].start, seg[k].end, "org")
                return
        if r.spaced and len(seg) == 1 and seg[0].cat == "N":
            # "문화유산": a compound the analyser's dictionary holds as one word, a
            # modifier of two syllables or more and a head ("기자회견": a generic one)
            form = seg[0].form
            head = next((t for t in r.term_head_list if len(t) >= 2 and form.endswith(t)), "")
            mod = form[: -len(head)] if head else ""
            if len(mod) >= 2 and mod not in r.term_generic and mod not in r.stop:
                self.emit(seg[0].start, seg[0].end, "term")
            return
        h = self._last_term_head(seg)
        if h is None or h == 0:
            return
        tail = seg[: h + 1]
        # two lexical words at least: "人的交流", "인적 교류"; not "비핵화", "非核化" (one
        # word and a suffix)
        lexical = sum(
            1
            for i, t in enumerate(tail)
            if t.cat in ("N", "L")
            or (t.cat == "PRE" and len(t.form) >= 2)
            or (t.cat == "SUF" and i < len(tail) - 1)
        )
        if lexical < 2:
            return
        if any(t.cat == "J" for t in tail):
            return  # "외교·안보": two nouns listed, no term
        # a modifier that makes it a term: "공동 기자회견", not "기자회견" or "국가 안보"
        mods = [
            (t.form, t.form + tail[i + 1].form if tail[i + 1].cat == "SUF" else t.form)
            for i, t in enumerate(tail[:-1])
            if t.cat in ("N", "L", "PRE")
        ]
        # "외교적 접근": a generic word with its suffix (외교 + 적) is generic too
        if not any(m not in r.term_generic and w not in r.term_generic for m, w in mods):
            return
        self.emit(seg[0].start, seg[h].end, "term")

    def _proper_nouns(
        self, seg: list[CTok], person_hint: bool, whole: bool, end_limit: int | None
    ) -> None:
        """Proper nouns of a segment: places apart, the rest grouped into names."""
        r = self.r
        groups: list[list[CTok]] = []
        cur: list[CTok] = []
        for t in seg:
            if t.cat == "J":
                if cur:
                    groups.append(cur)
                cur = []
                continue
            is_place = (
                t.form in r.places
                or t.sub == "place"
                or country_key(t.form, self.lang) is not None
                or (r.spaced and self._head_kind_str(t.form, proper=True) == "place")
            )
            if t.cat in ("L", "D"):
                attached = (
                    cur
                    and cur[-1].cat == "P"
                    and cur[-1].end == t.start
                    and t.cat == "L"
                    and t.form.isupper()
                    and len(t.form) <= 3
                )
                if cur and cur[-1].cat not in ("L", "D") and not attached:
                    groups.append(cur)
                    cur = []
                if (
                    not cur
                    and groups
                    and len(groups[-1]) == 1
                    and groups[-1][0].end == t.start
                    and t.cat == "L"
                    and t.form.isupper()
                    and len(t.form) <= 3
                ):
                    cur = groups.pop()  # "ワシントンDC": the letters belong to the place
                cur.append(t)
                continue
            if (
                t.form in r.institutions
                and not cur
                and groups
                and all(c.form in r.institutions for c in groups[-1])
            ):
                groups[-1].append(t)  # "유엔 안보리": the Security Council of the UN
                continue
            alone = is_place or t.form in r.institutions
            if alone or (cur and cur[-1].cat in ("L", "D")):
                if cur:
                    groups.append(cur)
                cur = []
            if alone:
                groups.append([t])
            else:
                cur.append(t)
        if cur:
            groups.append(cur)
        for gi, g in enumerate(groups):
            start = g[0].start
            end = g[-1].end
            if end_limit is not None and gi == len(groups) - 1:
                end = max(end_limit, start + 1) if end_limit < end else end
            surface = self.text[start:end]
            if not whole:
                # inside a longer name only what is known on its own: places, acronyms,
                # names with their own head ("도쿄대")
                if len(g) > 1 and g[0].cat not in ("L", "D"):
                    for q in range(len(g), 0, -1):
                        sub = self.text[g[0].start : g[q - 1].end]
                        if sub in r.places:
                            self.emit(g[0].start, g[q - 1].end, "place")
                            break
                    continue
                if not (
                    surface in r.places
                    or surface in r.institutions  # 유엔 in 유엔 인권이사회
                    or g[0].cat == "L"
                    or (len(g) == 1 and self._head_kind_str(surface, proper=True))
                ):
                    continue
            if g[0].cat in ("L", "D"):
                letters = surface.replace(" ", "")
                if letters in r.acronyms_common or len(letters) < 2 or not letters[0].isupper():
                    continue
                plural = len(letters) >= 3 and letters[-1] == "s" and letters[:-1].isupper()
                if letters.isalpha() and not letters.isupper() and not plural:
                    continue  # "SDGs", "NGOs": an acronym in the plural stays
                self.emit(start, end, "org")
                continue
            if surface in r.stop:
                continue
            if g[0].form in r.institutions and all(x.form in r.institutions for x in g):
                self.emit(start, end, "org")
                if len(g) > 1:
                    self.emit(g[0].start, g[0].end, "org")  # 유엔 in 유엔 안보리
                continue
            if len(g) == 1 and (
                g[0].form in r.places
                or g[0].sub == "place"
                or country_key(g[0].form, self.lang) is not None  # "이라크 국민들"
            ):
                self.emit(start, end, "place")
                continue
            last = gi == len(groups) - 1
            kind = self._proper_kind(g, surface, person_hint and last)
            if kind:
                m = self.emit(start, end, kind)
                if m is not None and person_hint and last:
                    self.titled.add(m.surface)

    def _proper_kind(self, g: list[CTok], surface: str, person_hint: bool) -> str | None:
        subs = {t.sub for t in g}
        if person_hint or subs & {"person", "surname", "given"}:
            return "person"
        if "org" in subs:
            return "org"
        if g[0].sub == "place" and all(t.cat in ("P", "L") for t in g[1:]):
            return "place"  # "ワシントンDC"
        hk = self._head_kind_str(surface, proper=True)
        if hk:
            return hk
        return self.default_proper_kind(g, surface)

    def default_proper_kind(self, g: list[CTok], surface: str) -> str:
        return "org"

    # ---- special patterns -----------------------------------------------
    def _relation_no(self, rel: list[CTok], nxt: list[CTok]) -> None:
        """ "日韓米の連携": a relation word, の, a domain noun."""
        end = rel[-1].end
        if self.text[end : end + 1] != "の" or nxt[0].start != end + 1:
            return
        h = self._last_term_head(nxt)
        if h is not None and nxt[h].form in _RELATION_NO_HEADS:
            self.emit(
                rel[0].start,
                nxt[h].end,
                "term",
                key="t:"
                + _nospace(self.text[rel[0].start : end])
                + _nospace(self.text[nxt[0].start : nxt[h].end]),
            )

"""The engine's runs split at titles: the person before a title, the title compound
and the names and family names that chain before it."""

from __future__ import annotations

from glossary.mining.cjk_rules import (
    _BOTH,
    _BUREAU,
    _FORMER,
    _LOCAL,
    _OFFICE,
    _common_word,
    _family_name,
    _is_kanji_char,
    _nospace,
    sino_syllables,
)
from glossary.mining.cjk_terms import _Terms
from glossary.mining.cjk_tokens import CTok
from glossary.mining.countries import country_key
from glossary.mining.mention import Mention


class _Names(_Terms):
    """The engine up to runs split at titles and the names chained before them."""

    # ---- titles -----------------------------------------------------------
    def _title_at(self, run: list[CTok], k: int, lo: int) -> tuple[int, str] | None:
        """A title ending at token k: (its start offset, the title)."""
        tok = run[k]
        if tok.cat not in ("N", "SUF"):
            return None
        e = tok.end
        for t in self.r.title_list:
            s = e - len(t)
            if s >= lo and self.text[s:e] == t:
                return s, t
        return None

    @staticmethod
    def _names_before(run: list[CTok], k: int, seg_start: int, limit: int) -> list[CTok]:
        """The proper nouns right before the title at ``k`` that end by ``limit``."""
        names: list[CTok] = []
        x = k - 1
        while x >= seg_start and run[x].end <= limit and run[x].cat == "P":
            names.insert(0, run[x])
            x -= 1
        return names

    def process_run(self, run: list[CTok]) -> bool:
        """Mine one run; True when it is a relation word alone ("日韓米")."""
        seg_start = 0
        k = 0
        rel_only = False
        while k < len(run):
            found = self._title_at(run, k, run[seg_start].start)
            if (
                found is not None
                and k + 1 < len(run)
                and run[k + 1].cat == "N"
                and self._head_kind_str(run[k + 1].form, proper=False) is None
                and run[k + 1].form in self.r.heads
                and self.r.heads[run[k + 1].form][0] == "event"
            ):
                # "외교장관 회담", "外相会談": a meeting, not a person's title; a name
                # before it is still a person's ("윤석열 대통령 취임식")
                names = self._names_before(run, k, seg_start, found[0])
                if names and all(t.sub in ("person", "surname", "given") for t in names):
                    self.emit(names[0].start, names[-1].end, "person")
                elif names and self.r.spaced and len(names) == 1:
                    name = names[0]
                    if self._is_place_tok(name) or country_key(name.form, self.lang):
                        self.emit(name.start, name.end, "place")  # "미국 대통령 선거"
                    else:
                        m = self.emit(name.start, name.end, "person")
                        if m is not None and not self.is_full_name(m):
                            # not a name after all: kind by default
                            m.kind = self._proper_kind([name], m.surface, False) or "org"
                            m.normalized = self.key(m.surface, m.kind)
                found = None
            if found is not None and k + 1 < len(run):
                nxt = run[k + 1]
                # a title ends a noun compound: "기자 회견" is no title
                if (
                    nxt.start == run[k].end
                    and nxt.cat not in ("P", "L")
                    and nxt.form not in self.r.stop  # "局長ほか"
                ):
                    if nxt.form in _OFFICE and k + 2 >= len(run):
                        # "大統領府": the office of the title's holder
                        self.emit(found[0], nxt.end, "org")
                    # "尹錫悦大統領就任式": the person is still named
                    names = self._names_before(run, k, seg_start, found[0])
                    if names and all(t.sub in ("person", "surname", "given") for t in names):
                        self.emit(names[0].start, names[-1].end, "person")
                    found = None
            if found is None:
                k += 1
                continue
            ts, title = found
            # the title compound: common nouns before the title ("국가안보실장")
            cs_idx = k
            while run[cs_idx].start > ts:
                cs_idx -= 1
            # token cs_idx holds the title's first character
            name_end = ts
            if run[cs_idx].start == ts:
                j = cs_idx
                chain = []
                while (
                    j - 1 >= seg_start
                    and run[j - 1].cat in ("N", "PRE", "SUF")
                    and run[j - 1].form not in _FORMER
                    and self._joined(run[j - 1], run[j])
                    and run[j - 1].form not in self.r.places
                    and run[j - 1].form not in self.r.stop  # "両外相": both ministers
                    and not self._katakana_name(run[j - 1])
                    and not self._korean_name_word(run, j - 1, seg_start)
                    # "六者会合首席代表": a meeting's name ends before the title
                    and not (
                        run[j - 1].form in self.r.heads
                        and self.r.heads[run[j - 1].form][0] == "event"
                        and len(run[j - 1].form) >= 2
                    )
                ):
                    if (
                        not self.r.spaced
                        and j - 2 >= seg_start
                        and run[j - 2].cat == "P"
                        and run[j - 2].sub in ("surname", "given", "person")
                        and len(run[j - 1].form) == 1
                        # "矢吹貢一県議会議長": 県 begins the assembly's name
                        and run[j - 1].form not in _LOCAL
                    ):
                        break  # "魏聖洛国家安保室長": 洛 ends the name
                    j -= 1
                    chain.append(run[j])
                # "谷防災担当大臣": one kanji that JMnedict knows as a family name, at
                # the start before a portfolio of two words or more, is the person's
                if (
                    not self.r.spaced
                    and len(chain) >= 3
                    and j == seg_start
                    and _is_kanji_char(run[j].form)
                    and _family_name(run[j].form)
                ):
                    run[j].cat, run[j].sub = "P", "surname"
                    chain.pop()
                    j += 1
                # "自民党幹事長": a party's name (a proper noun and a one-character org
                # ending, or a listed institution) names the office with the title
                if (
                    not self.r.spaced
                    and not chain
                    and j - 1 >= seg_start
                    and run[j - 1].cat == "P"
                    and run[j - 1].sub == "org"
                    and run[j - 1].end == run[j].start
                    and self.r.titles.get(title) == "office"
                ):
                    j -= 1
                    chain.append(run[j])
                    self.emit(run[j].start, run[j].end, "org")
                elif (
                    not self.r.spaced
                    and chain
                    and j - 1 >= seg_start
                    and self.r.heads.get(run[j].form, ("", ""))[0] == "org"
                    and run[j - 1].cat == "P"
                    and run[j - 1].sub not in ("surname", "given", "person")
                    # a place before a one-character head stays a place
                    and not (len(run[j].form) == 1 and run[j - 1].sub == "place")
                    and run[j - 1].end == run[j].start
                ):
                    # "東京大学教授": a proper noun before an organisation's head names
                    # the organisation; it is no person before the title
                    j -= 1
                    chain.append(run[j])
                # "アジア大洋州局長", "北朝鮮政策担当特別代表": a place names the office with
                # the words after it, unless they already name an institution ("韓国" in
                # "韓国外交部長官" is the country of its own)
                if (
                    not self.r.spaced
                    and chain
                    and j - 1 >= seg_start
                    and run[j - 1].cat == "P"
                    and run[j - 1].sub == "place"
                    and run[j - 1].end == run[j].start
                    and not any(
                        self._head_kind_str(c.form, proper=False) == "org"
                        or (c.form in self.r.heads and self.r.heads[c.form][0] == "org")
                        for c in chain
                    )
                    and title[-1] in ("長", "表", "官", "使", "者")
                ):
                    j -= 1
                    chain.append(run[j])
                    if (
                        j - 1 >= seg_start
                        and run[j - 1].cat == "P"
                        and run[j - 1].form in self.r.institutions
                        and run[j - 1].end == run[j].start
                    ):
                        # "国連北朝鮮人権状況特別報告者": the body that appoints to the
                        # office names it too
                        j -= 1
                        chain.append(run[j])
                        self.emit(run[j].start, run[j].end, "org")
                elif (
                    not self.r.spaced
                    and not chain
                    and title[0] in _BUREAU
                    and j - 1 > seg_start
                    and run[j - 1].cat == "P"
                    and run[j - 1].sub == "place"
                    and run[j - 1].end == run[j].start
                ):
                    # "東北アジア局長": the region names the bureau, and so do the words
                    # before it, up to an institution ("外交通商部")
                    j -= 1
                    chain.append(run[j])
                    while (
                        j - 1 > seg_start
                        and run[j - 1].cat == "N"
                        and run[j - 1].end == run[j].start
                        and len(run[j - 1].form) >= 2
                        and run[j - 1].form not in self.r.heads
                        and run[j - 1].form not in self.r.stop
                    ):
                        j -= 1
                        chain.append(run[j])
                # "李在明大統領": a short given name after a family name is the name's
                if (
                    chain
                    and j - 1 >= seg_start
                    and run[j - 1].cat == "P"
                    and run[j - 1].sub in ("surname", "person")
                    and sum(len(c.form) for c in chain) <= 2
                    # "武藤駐韓大使": a word of the dictionary is the title's, not a name's
                    and (self.r.spaced or not _common_word("".join(c.form for c in chain)))
                ):
                    j = cs_idx
                # "文在寅大統領", "尹錫悦大統領": characters the analyser split one by one
                # are a name, not the start of the title
                if not self.r.spaced and len(chain) >= 2 and all(len(c.form) == 1 for c in chain):
                    j = cs_idx
                    if all(c.cat == "N" and _is_kanji_char(c.form) for c in chain):
                        for c in chain:  # "玄 葉 大臣" after a line break: 玄葉
                            c.cat, c.sub = "P", "person"
                # "岩屋大臣": one word before a bare office that JMnedict knows as a family
                # name is the person's, not the office's
                if (
                    not self.r.spaced
                    and len(chain) == 1
                    and j == seg_start
                    and self.r.titles.get(title) == "office"
                    and _family_name(chain[0].form)
                ):
                    j = cs_idx
                    chain[0].cat, chain[0].sub = "P", "surname"
                # "주한 미국대사": an ambassador's title names the country and where
                if (
                    self.r.spaced
                    and title in ("대사", "총영사")
                    and j == cs_idx
                    and j - 2 >= seg_start
                    and run[j - 1].cat == "P"
                    and country_key(run[j - 1].form, self.lang) is not None
                    and run[j - 1].end == run[j].start
                    and len(run[j - 2].form) == 2
                    and run[j - 2].form[0] == "주"
                    and run[j - 2].form[1] in self.r.relation_chars
                ):
                    j -= 2
                # "輪島市長", "용산구청장": the city before a mayor's title belongs to it
                if (
                    j == cs_idx
                    and title[:1] in _LOCAL
                    and j - 1 > seg_start
                    and run[j - 1].cat == "P"
                    and (run[j - 1].sub == "place" or self.r.spaced)
                    and run[j - 1].end == run[j].start
                ):
                    j -= 1
                elif (
                    not self.r.spaced
                    and title[:1] in _LOCAL
                    and len(chain) == 1
                    and chain[0].form in _LOCAL
                    and j - 1 > seg_start
                    and run[j - 1].cat == "P"
                    and run[j - 1].sub == "place"
                    and run[j - 1].end == run[j].start
                ):
                    j -= 1  # "大阪府知事", "神奈川県知事": the prefecture names the governor
                comp_start = run[j].start
                name_end = comp_start
            else:
                comp_start = ts
            title_end = run[k].end
            absorbed = run[cs_idx].start != ts or (j > seg_start and run[j - 1].cat != "P")
            kind = self.r.titles.get(title, "")
            compound = self.text[comp_start:title_end]
            ckind = self.r.titles.get(_nospace(compound), "")
            # a title that names its office: by itself (외교장관, 外務大臣), or with the
            # institution or portfolio before it (통일부 장관, 防災担当副大臣); a bare
            # title (대통령, 首相) is no term
            prefixed = len(_nospace(compound)) > len(title)
            # "両外相", "양 장관", "外相間": ministers of both sides, no title of one
            # portfolio
            both = comp_start == ts and (
                (cs_idx > 0 and run[cs_idx - 1].form in _BOTH)
                or (k + 1 < len(run) and run[k + 1].form in ("間", "간"))  # "外相間"
            )
            if not both and ("portfolio" in (kind, ckind) or (prefixed and (kind or ckind))):
                self.emit(comp_start, title_end, "term")
            # an office inside the title: "국가안보실장" holds "국가안보실"
            if title[-1] in ("장", "長") and len(_nospace(compound)) >= 5:
                inner = compound[:-1]
                hk = self._head_kind_str(inner, proper=False)
                if hk == "org":
                    self.emit(comp_start, title_end - 1, "org")
            # the institution before the title: "통일부" in "통일부 장관", "国務省" in
            # "国務省報道官"
            if prefixed and comp_start < ts:
                hk = self._head_kind_str(self.text[comp_start:ts], proper=False)
                if hk == "org":
                    self.emit(comp_start, ts, "org")
                elif self.r.spaced and " " in self.text[comp_start:ts].strip():
                    # "국무부 대북특별대표": the institution is the compound's first word
                    first = self.text[comp_start:ts].split()[0]
                    if self._head_kind_str(first, proper=False) == "org":
                        self.emit(comp_start, comp_start + len(first), "org")
            elif comp_start == ts and (kind or ckind):
                # a title listed whole ("外交部長官"): the institution in it, before a
                # shorter title it ends in ("外交部" before 長官)
                for t in self.r.title_list:
                    cut = len(compound) - len(t)
                    if cut > 0 and compound.endswith(t) and not compound[:cut].endswith(" "):
                        if self._head_kind_str(compound[:cut], proper=False) == "org":
                            self.emit(comp_start, comp_start + cut, "org")
                        break
            # the name before the title
            name_toks = [t for t in run[seg_start:] if t.start < name_end]
            while name_toks and name_toks[-1].form in _FORMER:
                name_toks.pop()
                absorbed = False
            if absorbed and name_toks:
                name_toks = self._merge_name_tail(name_toks, name_end)
            while name_toks and name_toks[0].form in self.r.stop:
                name_toks.pop(0)  # "양 장관": both ministers
            if name_toks:
                self._titled_name(name_toks)
            seg_start = k + 1
            k += 1
        if seg_start < len(run):
            rel_only = self.process_segment(run[seg_start:])
        return rel_only

    def _is_place_tok(self, t: CTok) -> bool:
        return t.form in self.r.places or t.sub == "place"

    def _titled_name(self, toks: list[CTok]) -> None:
        """The words before a person's title: places, then the person's name."""
        # "金ホン均韓国外交部(…本部長)", "ジョセフ・ユン国務省(…特別代表)": the person's
        # institution between the name and the title
        e = len(toks)
        while e > 0 and toks[e - 1].cat in ("N", "SUF") and not self.r.spaced:
            e -= 1
        if self.r.spaced:
            # "김대중 새정치국민회의 후보": the party between the name and the title
            words = self._words(toks)
            if len(words) >= 2:
                last = words[-1]
                text = self.text[last[0].start : last[-1].end]
                # "더불어민주당 박찬대 원내대표": a Korean name after a word that is none
                # ends like a university (대) and is still the person
                prev = self._span(words[-2])
                prev_name = self._korean_full_name(prev) and not self._head_kind_str(
                    prev, proper=True
                )  # "이준석 서울대 교수"; not "정의당", whose 당 ends a party
                name_last = (
                    self._korean_full_name(text)
                    and text.endswith("대")
                    and not prev_name
                    and country_key(prev, self.lang) is None
                    and prev not in self.r.places
                )
                if not name_last and self._head_kind_str(text, proper=True) in ("org", "event"):
                    self.emit(last[0].start, last[-1].end, "org")  # 당, 국민회의
                    toks = toks[: len(toks) - len(last)]
        if self.r.spaced and toks:
            # "더불어민주당 이재명 대표", "국민의힘 정진석 위원장": the party before a
            # Korean name (one word of three syllables) is a name of its own
            words = self._words(toks)
            if len(words) >= 2 and self._korean_full_name(self._span(words[-1])):
                before = toks[: len(toks) - len(words[-1])]
                if all(t.cat == "P" for t in before) and len(_nospace(self._span(before))) >= 3:
                    self.process_segment(before)
                    toks = words[-1]
                    e = len(toks)
        if 0 < e < len(toks):
            s = e - 1 if toks[e - 1].cat == "P" and toks[e - 1].sub == "place" else e
            org_text = self.text[toks[s].start : toks[-1].end]
            if s > 0 and self._head_kind_str(org_text, proper=False) == "org":
                self.emit(toks[s].start, toks[-1].end, "org")
                toks = toks[:s]
        # an institution between the name and the title: "존 커비 백악관 조정관"
        while toks and toks[-1].cat == "P" and toks[-1].form in self.r.institutions:
            self.emit(toks[-1].start, toks[-1].end, "org")
            toks = toks[:-1]
        # before a title only a listed place is a place ("韓国大統領"); the analyser's
        # place reading of a family name ("高市首相") is not trusted there
        i = len(toks)
        while (
            i > 0
            and toks[i - 1].cat == "P"
            and (toks[i - 1].form in self.r.places or toks[i - 1].sub == "country")
        ):
            i -= 1
        j = i
        while (
            j > 0
            and toks[j - 1].cat == "P"
            and toks[j - 1].form not in self.r.places
            and toks[j - 1].sub != "country"
        ):
            j -= 1
        if self.r.spaced and j > 0 and j < i and self._foreign_given_name(toks, j, i):
            j -= 1  # "헤더 노어트 대변인": a given name the analyser took for a common noun
        if j > 0:
            self.process_segment(toks[:j])
        if j < i and self._place_with_ending(self.text[toks[j].start : toks[i - 1].end]):
            # "서울시 대변인": a listed place and its administrative ending is the
            # city's office, not a person of three syllables
            self.emit(toks[j].start, toks[i - 1].end, "place")
            j = i
        if j < i:
            m = self.emit(toks[j].start, toks[i - 1].end, "person")
            if m is not None:
                self.titled.add(m.surface)
        for t in toks[i:]:
            self.emit(t.start, t.end, "place")

    def _place_with_ending(self, word: str) -> bool:
        """A listed place and a place ending written onto it: 서울시, 경기도, 奈良県."""
        return any(
            word.endswith(h) and word[: -len(h)] in self.r.places
            for h in self.r.head_list
            if self.r.heads[h][0] == "place" and len(word) > len(h)
        )

    def _span(self, toks: list[CTok]) -> str:
        return self.text[toks[0].start : toks[-1].end]

    def _korean_full_name(self, word: str) -> bool:
        """Three syllables, a family name first, each read from a hanja: 이재명."""
        from glossary.lang.surnames import korean_miner_surnames

        return (
            len(word) == 3
            and word[0] in korean_miner_surnames()
            and all(ch in sino_syllables() for ch in word)
        )

    def _korean_name_word(self, run: list[CTok], x: int, lo: int) -> bool:
        """ "유명희 산업통상자원부 통상교섭본부장": a word of its own before a title's
        institution that is shaped like a Korean name (three syllables, a family name
        first, each syllable read from a hanja) and names no office or term; it
        becomes a person's proper noun."""
        tok = run[x]
        text = self.text
        word_start = x == lo or text[run[x - 1].end : tok.start] == " "
        if not (self.r.spaced and tok.cat == "N" and word_start) or tok.sub == "common":
            return False  # "유가족 대표": a common noun of the dictionary is no one
        if text[tok.end : tok.end + 1] != " " or not self._korean_full_name(tok.form):
            return False
        form = tok.form
        if (
            self._head_kind_str(form, proper=True) is not None
            or self._term_head(form)
            or form in self.r.titles
            or form in self.r.term_generic
            or form in self.r.stop
            or any(form.endswith(t) for t in self.r.title_list)
        ):
            return False
        tok.cat = "P"
        return True

    def _katakana_name(self, tok: CTok) -> bool:
        """ "ブリンケン長官": a katakana word before a title that is no word of the
        dictionary (JMdict) is a foreign name; it becomes a person's proper noun."""
        if self.r.spaced or tok.cat != "N" or len(tok.form) < 2:
            return False
        if not all("\u30a1" <= ch <= "\u30fa" or ch == "ー" for ch in tok.form):
            return False
        if _common_word(tok.form) or tok.form in self.r.heads:
            return False
        tok.cat, tok.sub = "P", "person"
        return True

    def _foreign_given_name(self, toks: list[CTok], j: int, i: int) -> bool:
        """Whether the word before the family name ``toks[j:i]`` is a given name: a
        word of two or three syllables standing alone before a one-word foreign family
        name that the analyser knows as a proper noun ("헤더 노어트")."""
        given = toks[j - 1]
        family = self.text[toks[j].start : toks[i - 1].end]
        before = self.text[given.start - 1 : given.start] if given.start else ""
        return (
            given.cat == "N"
            and (j == 1 or before == " ")
            and self.text[given.end : toks[j].start] == " "
            and 2 <= len(given.form) <= 3
            and all("가" <= ch <= "힣" for ch in given.form + family)
            and " " not in family
            # a foreign name: a syllable no hanja reads ("트" of 노어트), so not a
            # Korean name after a common noun ("당시 노무현 대통령")
            and not all(ch in sino_syllables() for ch in given.form + family)
            and given.form not in self.r.term_generic
            and given.form not in self.r.stop
            and given.form not in self.r.titles
            and self._head_kind_str(given.form, proper=True) is None
            and not self._term_head(given.form)
        )

    def _merge_name_tail(self, toks: list[CTok], name_end: int) -> list[CTok]:
        """ "李 在明" or "魏 聖 洛(室長)": a family name and what follows it up to the
        title make one name."""
        last_p = max((i for i, t in enumerate(toks) if t.cat == "P"), default=-1)
        if last_p < 0 or self.r.spaced:
            return toks
        first = last_p
        while (
            first > 0
            and toks[first - 1].cat == "P"
            and toks[first - 1].sub in ("surname", "given", "person")
        ):
            first -= 1
        if toks[first].sub not in ("surname", "person"):
            return toks
        tail = self.text[toks[last_p].end : name_end]
        if not tail or len(tail) > 2:
            return toks
        merged = CTok(
            self.text[toks[first].start : name_end], toks[first].start, name_end, "P", "person"
        )
        return [*toks[:first], merged]

    def is_full_name(self, m: Mention) -> bool:
        """Whether a person mention is a full name (not a family name alone)."""
        return " " in m.surface or len(m.surface) >= 3

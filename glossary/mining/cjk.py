"""The Korean and Japanese miners' common engine, over analysed tokens.

A language adapter (``korean.py``, ``japanese.py``) turns its analyser's output
into :class:`CTok` tokens with a coarse category:

``P`` proper noun (``sub``: person, surname, given, place, org or ""), ``N`` common
noun, ``PRE`` prefix, ``SUF`` noun suffix, ``L`` Latin letters, ``D`` digits,
``J`` a joiner inside a name ("·", "・"), ``NO`` the particle の, ``O`` anything else.

The engine then

1. builds runs of nominal tokens (contiguous, or one space apart in Korean);
2. splits each run at titles (``*_titles.txt``): the name before a title is a person
   ("이재명 대통령은" gives 이재명, "高市総理" gives 高市, "李在明大統領" gives 李在明),
   the title compound is a term when official ("국가안보실장"), and an organisation
   inside it is mined ("국가안보실");
3. reads the rest of the run as a relation term ("한미일 안보협력", "日韓米の連携"),
   a name ending in a head word (``*_heads.txt``: "나라현", "長生炭鉱",
   "도쿄대 동양문화연구소"), proper nouns (with places split out), Latin acronyms
   ("APEC", "G20"), or a compound term of two or more nouns ending in a domain head
   (``*_term_heads.txt``: "셔틀 외교", "シャトル外交");
4. reads the article as a whole: a family name alone joins the one full name that
   starts with it ("다카이치" -> "다카이치 사나에", "李" -> "李在明"); a name seen with a
   person's title anywhere is a person everywhere; an acronym in brackets after a
   name is that name's acronym ("아시아태평양경제협력체(APEC)").

This module is the entry point (:class:`Engine`, whose :meth:`Engine.mine` runs the
stages in order); the stages live beside it, each a base class of the next and each
importing only from the ones before it: ``cjk_rules`` (the data files per language and
shared character tests), ``cjk_tokens`` (:class:`CTok`, output, English inside the
article, runs and head words), ``cjk_terms`` (segments: relation terms, names ending
in a head, proper nouns, compound terms), ``cjk_names`` (a run split at titles and the
names that chain before them), ``cjk_readings`` (acronyms and readings in brackets)
and ``cjk_document`` (what is decided once the whole article is read).
"""

from __future__ import annotations

from glossary.mining.cjk_document import _Document
from glossary.mining.cjk_rules import NOMINAL as NOMINAL
from glossary.mining.cjk_rules import LangRules as LangRules
from glossary.mining.cjk_rules import english_equivalents as english_equivalents
from glossary.mining.cjk_rules import lang_rules as lang_rules
from glossary.mining.cjk_rules import sino_syllables as sino_syllables
from glossary.mining.cjk_tokens import CTok as CTok
from glossary.mining.cjk_tokens import latin_hyphen_words as latin_hyphen_words
from glossary.mining.mention import Mention


class Engine(_Document):
    """Mines one text from its tokens."""

    def mine(self) -> list[Mention]:
        self._english_stretches()
        runs = self.runs()
        for i, run in enumerate(runs):
            rel_only = self.process_run(run)
            if rel_only:
                # "日米韓が", "日韓米で", "한미일은": the relation word standing alone
                self.emit(run[0].start, run[-1].end, "term")
                if self.lang == "ja" and i + 1 < len(runs):
                    self._relation_no(run, runs[i + 1])
        self._acronym_pairs(runs)
        self._readings()
        self.resolve()
        self.link_hanja_names()
        self._chambers_inside()
        self._drop_time_zones()
        self.link_short_forms()
        if self.lang == "ko" and self.english:
            self.link_romanized()
        self.mentions.sort(key=lambda m: (m.start, -m.end))
        return self.mentions

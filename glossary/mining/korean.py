"""Mining Korean news text with kiwipiepy (its model ships with the package).

Kiwi's tags become the engine's categories (see ``cjk.py``): NNP proper noun,
NNG common noun, XPN prefix, XSN suffix, SL Latin letters, SN digits, "·" a
joiner; particles (J*), endings and everything else end a noun run, which is how
particles and honorifics are stripped ("이재명은" gives 이재명).

A proper noun with no other sign is a person when it reads as a Korean name
(three syllables, a family-name syllable first, "이재명": the ``korean_miner``
column of ``glossary/lang/data/korean_surnames.tsv``) or has two parts
("다카이치 사나에"); else an organisation. The analyser is loaded once per process
(``load()``, about a second and a half).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from glossary.lang.surnames import korean_miner_surnames
from glossary.mining.cjk import CTok, Engine
from glossary.mining.mention import Mention

LANG = "ko"
_PLACE_ENDINGS = frozenset("현시도군구주섬")
_TAGS = {"NNP": "P", "NNG": "N", "XPN": "PRE", "XSN": "SUF", "SL": "L", "SN": "D", "SH": "N"}


@cache
def load() -> Any:
    """The Kiwi analyser (loaded once)."""
    from kiwipiepy import Kiwi

    from glossary.mining.rules import load_words

    kiwi = Kiwi()
    # the place list as proper nouns: "사도섬" is 사도 + 섬, not 사 + 도 + 섬
    # (not words marked "*", which are also common nouns: 나라 is "country" as often
    # as Nara)
    for word in load_words("ko_places.txt", lower=False):
        if not word.endswith("*"):
            kiwi.add_user_word(word, "NNP")
    return kiwi


def tokens(text: str) -> list[CTok]:
    out: list[CTok] = []
    for t in load().tokenize(text):
        tag = t.tag
        if hasattr(tag, "name"):
            tag = tag.name
        tag = str(tag).split("-")[0]
        cat = _TAGS.get(tag, "O")
        form = t.form
        if tag in ("SP", "SO") and form in ("·", "・", "ㆍ"):
            cat = "J"
        start = t.start
        if (
            cat == "O"
            and form in _PLACE_ENDINGS
            and out
            and out[-1].cat == "P"
            and out[-1].end == start
        ):
            cat = "SUF"  # "니가타현": 현 read as a determiner
        out.append(CTok(form, start, start + t.len, cat))
    return out


class KoreanEngine(Engine):
    def default_proper_kind(self, g: list[CTok], surface: str) -> str:
        if " " in surface and all(t.cat == "P" for t in g):
            return "person"
        if (
            len(surface) == 3
            and surface[0] in korean_miner_surnames()
            and all("가" <= ch <= "힣" for ch in surface)
        ):
            return "person"
        return "org"

    def is_full_name(self, m: Mention) -> bool:
        s = m.surface
        return " " in s or (len(s) == 3 and s[0] in korean_miner_surnames()) or len(s) >= 5


def mine_text(text: str) -> list[Mention]:
    """Names and terms in Korean ``text``, with offsets into ``text``."""
    return KoreanEngine(LANG, text, tokens(text)).mine()

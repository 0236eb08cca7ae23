"""Where Japanese readings come from: the UniDic analyzer and pykakasi, each loaded once.

Both are optional at import time and loaded on first use (the fugashi Tagger takes
about 0.1 s, pykakasi about 0.5 s); after that every call reuses them. A missing
package makes its ``available_*`` function return False, and the reading suggestions
are made from what is there.

UniDic fields used: ``kana`` (the orthographic reading, 東京 → トウキョウ), ``pron``
(the pronunciation, トーキョー, whose ー tells which vowel pairs are really long, so
井上 イノウエ / pron イノウエ is not Inōe) and the part of speech (名詞,固有名詞,人名,姓 /
名 for family and given names, 地名 for places).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from glossary.lang.ja.kana import to_hiragana

_lock = threading.Lock()
_tagger: Any = None
_tagger_failed = False
_kakasi: Any = None
_kakasi_failed = False


@dataclass(frozen=True)
class Token:
    """One word as UniDic analyzes it."""

    surface: str
    kana: str  # hiragana reading ("" when UniDic has none)
    pron: str  # hiragana pronunciation with ー for long vowels
    pos: tuple[str, str, str, str]
    unknown: bool

    @property
    def is_surname(self) -> bool:
        return self.pos[2] == "人名" and self.pos[3] == "姓"

    @property
    def is_given_name(self) -> bool:
        return self.pos[2] == "人名" and self.pos[3] == "名"

    @property
    def is_person(self) -> bool:
        return self.pos[2] == "人名"

    @property
    def is_place(self) -> bool:
        return self.pos[2] == "地名"

    @property
    def is_proper(self) -> bool:
        return self.pos[1] == "固有名詞"

    @property
    def is_particle(self) -> bool:
        return self.pos[0] == "助詞"

    @property
    def is_suffix(self) -> bool:
        return self.pos[0] == "接尾辞"


def tagger() -> Any:
    """The shared fugashi Tagger over UniDic (unidic-lite), or None when not installed."""
    global _tagger, _tagger_failed
    if _tagger is None and not _tagger_failed:
        with _lock:
            if _tagger is None and not _tagger_failed:
                try:
                    import fugashi

                    _tagger = fugashi.Tagger()
                except (ImportError, RuntimeError):
                    _tagger_failed = True
    return _tagger


def kakasi() -> Any:
    """The shared pykakasi converter, or None when pykakasi is not installed."""
    global _kakasi, _kakasi_failed
    if _kakasi is None and not _kakasi_failed:
        with _lock:
            if _kakasi is None and not _kakasi_failed:
                try:
                    import pykakasi

                    _kakasi = pykakasi.kakasi()
                except ImportError:
                    _kakasi_failed = True
    return _kakasi


def available_unidic() -> bool:
    """True when fugashi and a UniDic dictionary can be loaded."""
    return tagger() is not None


def available_kakasi() -> bool:
    """True when pykakasi can be loaded."""
    return kakasi() is not None


def _token(node: Any) -> Token:
    f = node.feature
    kana = getattr(f, "kana", None)
    pron = getattr(f, "pron", None)
    kana = "" if not kana or kana == "*" else to_hiragana(kana)
    pron = "" if not pron or pron == "*" else to_hiragana(pron)
    pos = (
        getattr(f, "pos1", "") or "",
        getattr(f, "pos2", "") or "",
        getattr(f, "pos3", "") or "",
        getattr(f, "pos4", "") or "",
    )
    return Token(node.surface, kana, pron, pos, bool(node.is_unk))


def analyze(text: str) -> list[Token]:
    """UniDic's best analysis of ``text``; [] when UniDic is not installed."""
    t = tagger()
    if t is None or not text:
        return []
    with _lock:
        nodes = t(text)
        return [_token(n) for n in nodes]


def analyze_nbest(text: str, n: int = 5) -> list[list[Token]]:
    """UniDic's ``n`` best analyses of ``text``, best first (different readings come from here)."""
    t = tagger()
    if t is None or not text:
        return []
    with _lock:
        paths = t.nbestToNodeList(text, n)
        return [[_token(node) for node in path] for path in paths]


def kakasi_reading(text: str) -> list[tuple[str, str]]:
    """pykakasi's (surface, hiragana) pieces for ``text``; [] when pykakasi is not installed."""
    k = kakasi()
    if k is None or not text:
        return []
    with _lock:
        items = k.convert(text)
    return [(str(item["orig"]), str(item["hira"])) for item in items]

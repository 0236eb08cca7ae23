"""How a Korean word is pronounced, as far as romanization and katakana need it.

Revised Romanization (RR, 2000) writes Korean as it is *pronounced* (RR art. 1 of
chapter 3), so :func:`pronounce` applies the sound changes of the Standard
Pronunciation rules (표준 발음법) that RR reflects, inside one word:

* final-consonant neutralisation: every final is read as one of ㄱ ㄴ ㄷ ㄹ ㅁ ㅂ ㅇ
  before a consonant or at the end (벚꽃 → 벋꼳, 한밭 → 한받, 월곶 → 월곧);
* linking (liaison): a final moves on to a following vowel (백암 → 배감, 설악 → 서락);
  of two final letters only the second moves (닭이 → 달기);
* palatalisation (표준 발음법 제17항): ㄷ ㅌ + 이 → 지 치, ㄷ + 히 → 치 (해돋이, 같이,
  굳히다), and ㄷ + 혀 → 처 (묻혀 [무처]: 혀 is 히 + 어, and 쳐 in a verb form is read
  [처], 제5항 다만 1; so 꽂혀 [꼬처] too). 제17항 holds only where 이 is a particle or
  suffix; where it starts a word of its own (곧이어 [고디어], the noun 밭이랑 [반니랑])
  the exception table says so;
* nasal assimilation: ㄱ ㄷ ㅂ before ㄴ ㅁ → ㅇ ㄴ ㅁ (백마 → 뱅마); ㄹ after ㅁ ㅇ and
  after ㄱ ㅂ → ㄴ (종로 → 종노, 독립 → 동닙, 왕십리 → 왕심니);
* lateralisation: ㄴ next to ㄹ → ㄹ (신라 → 실라, 별내 → 별래), except before the
  suffix-like syllables 란 량 력 론 료 류 로 after a word of two or more syllables
  (신문로 → 신문노, 생산량 → 생산냥; 표준 발음법 제20항 다만);
* aspiration: ㅎ + ㄱ ㄷ ㅈ → ㅋ ㅌ ㅊ (좋고 → 조코); ㄱ ㄷ ㅂ ㅈ + ㅎ → ㅋ ㅌ ㅍ ㅊ only in
  verbs and adverbs, which RR writes (잡혀 → 자펴), never in nouns, where RR keeps the
  ㅎ (묵호 Mukho, 집현전 Jiphyeonjeon). A ㅎ syllable counts as verbal when it is the
  suffix 히/혀/혔 or starts a form of 하다 (하다, 하고, 합니다 …).

Tensification (압구정 → [압꾸정]) is not applied: RR does not write it. ㄴ insertion
(학여울 → [항녀울]) is lexical and comes from the exception table
(:mod:`glossary.lang.ko.exceptions`), as a respelling.
"""

from __future__ import annotations

from glossary.lang.ko.jamo import CLUSTERS, decompose

# The seven finals a syllable can end in once pronounced.
NEUTRAL: dict[str, str] = {
    "": "",
    "ㄱ": "ㄱ", "ㄲ": "ㄱ", "ㅋ": "ㄱ", "ㄳ": "ㄱ", "ㄺ": "ㄱ",
    "ㄴ": "ㄴ", "ㄵ": "ㄴ", "ㄶ": "ㄴ",
    "ㄷ": "ㄷ", "ㅅ": "ㄷ", "ㅆ": "ㄷ", "ㅈ": "ㄷ", "ㅊ": "ㄷ", "ㅌ": "ㄷ", "ㅎ": "ㄷ",
    "ㄹ": "ㄹ", "ㄼ": "ㄹ", "ㄽ": "ㄹ", "ㄾ": "ㄹ", "ㅀ": "ㄹ",
    "ㅁ": "ㅁ", "ㄻ": "ㅁ",
    "ㅂ": "ㅂ", "ㅍ": "ㅂ", "ㅄ": "ㅂ", "ㄿ": "ㅂ",
    "ㅇ": "ㅇ",
}  # fmt: skip

_NASAL = {"ㄱ": "ㅇ", "ㄷ": "ㄴ", "ㅂ": "ㅁ"}
_ASPIRATED = {"ㄱ": "ㅋ", "ㄷ": "ㅌ", "ㅈ": "ㅊ"}
# Final (as written) + ㅎ in a verb or adverb: what stays, and the aspirated initial.
_PLUS_H: dict[str, tuple[str, str]] = {
    "ㄱ": ("", "ㅋ"), "ㄲ": ("", "ㅋ"), "ㅋ": ("", "ㅋ"), "ㄳ": ("", "ㅋ"), "ㄺ": ("ㄹ", "ㅋ"),
    "ㄷ": ("", "ㅌ"), "ㅌ": ("", "ㅌ"), "ㅅ": ("", "ㅌ"), "ㅆ": ("", "ㅌ"),
    "ㅈ": ("", "ㅊ"), "ㅊ": ("", "ㅊ"), "ㄵ": ("ㄴ", "ㅊ"), "ㄾ": ("ㄹ", "ㅌ"),
    "ㅂ": ("", "ㅍ"), "ㅍ": ("", "ㅍ"), "ㅄ": ("", "ㅍ"), "ㄼ": ("ㄹ", "ㅍ"), "ㄿ": ("ㄹ", "ㅍ"),
}  # fmt: skip
# ㄺ is read [ㄹ] before ㄱ only in verb stems (맑게 [말께]); these nouns keep [ㄱ].
_RG_NOUNS = frozenset("닭흙칡삵")
# ㄴ+ㄹ is read [ㄴㄴ] when the ㄹ syllable is one of these suffix-like morphemes
# after a word of two or more syllables (의견란, 생산량, 결단력, 이원론, 입원료,
# 구근류, 횡단로; 신문로 Sinmunno in the RR examples).
NN_SUFFIXES = frozenset("란량력론료류로")
# Endings that show a ㅎ syllable is (the start of) a form of the verb 하다.
_HADA_FORMS = frozenset(
    (
        "하다", "하고", "하지", "하게", "하여", "하면", "하는", "합니다", "했다", "해서", "하니",
        "하기", "한다", "하였다", "했던", "하던", "했습니다", "하며", "하자", "해야", "하여야",
        "해요", "했어요",
    )
)  # fmt: skip

Pronounced = tuple[str, str, str]
"""One pronounced syllable: initial (ㅇ when silent), vowel, final (one of NEUTRAL's values)."""


def _verbal_h(word: str, j: int, vowel: str, final: str) -> bool:
    """True when the ㅎ syllable at ``j`` belongs to a verb or adverb (so RR aspirates)."""
    if vowel == "ㅣ":  # 히: passive/causative/adverb suffix; no Sino-Korean syllable is 히
        return True
    if vowel == "ㅕ" and final in ("", "ㅆ"):  # 혀, 혔: contracted 히어
        return True
    return word[j:] in _HADA_FORMS


def pronounce(word: str) -> list[Pronounced]:
    """Return the pronounced syllables of a word written in Hangul syllable blocks.

    Sound changes apply only inside ``word``; callers split text into words first.
    """
    syllables = [list(decompose(ch)) for ch in word]
    count = len(syllables)
    for i in range(count - 1):
        left, right = syllables[i], syllables[i + 1]
        written = right[0]
        left[2], right[0] = _join(word, i, left[2], right[0], right[1], right[2])
        if written == "ㅎ" and right[0] == "ㅊ" and right[1] == "ㅕ":
            right[1] = "ㅓ"  # 묻혀 [무처], 꽂혀 [꼬처]: 쳐 in a verb form (제5항 다만 1)
    if syllables:
        last = syllables[-1]
        last[2] = _neutral(word[-1], last[2], "")
    return [(s[0], s[1], s[2]) for s in syllables]


def _neutral(char: str, final: str, initial: str) -> str:
    """Neutralise ``final`` of syllable ``char`` before ``initial`` (``""`` at the end)."""
    if final == "ㄺ" and initial == "ㄱ" and char not in _RG_NOUNS:
        return "ㄹ"
    if final == "ㄼ" and char == "밟":
        return "ㅂ"
    return NEUTRAL[final]


def _join(
    word: str, i: int, final: str, initial: str, vowel: str, next_final: str
) -> tuple[str, str]:
    """Apply the sound changes at the boundary after syllable ``i``.

    Returns the pronounced final of syllable ``i`` and the initial of syllable ``i + 1``.
    """
    if not final:
        return "", initial
    char = word[i]
    # Finals with ㅎ: aspirate a following ㄱ ㄷ ㅈ, vanish before a vowel (좋고, 놓다, 낳지).
    if final in ("ㅎ", "ㄶ", "ㅀ"):
        keep = {"ㅎ": "", "ㄶ": "ㄴ", "ㅀ": "ㄹ"}[final]
        if initial in _ASPIRATED:
            return keep, _ASPIRATED[initial]
        if initial == "ㅇ":
            return ("", keep) if keep else ("", "ㅇ")
        if initial == "ㅅ":
            return keep, "ㅅ"
        if initial == "ㄴ":
            return ("ㄹ", "ㄹ") if final == "ㅀ" else ("ㄴ", "ㄴ")
        final = keep or "ㄷ"
    if initial == "ㅇ":  # linking
        if final == "ㅇ":
            return "ㅇ", "ㅇ"
        if vowel == "ㅣ" and final in ("ㄷ", "ㅌ", "ㄾ"):  # palatalisation
            return ("ㄹ" if final == "ㄾ" else ""), ("ㅈ" if final == "ㄷ" else "ㅊ")
        if final in CLUSTERS:
            return CLUSTERS[final]
        return "", final
    if initial == "ㅎ":
        if final in _PLUS_H and _verbal_h(word, i + 1, vowel, next_final):
            stay, aspirated = _PLUS_H[final]
            if aspirated == "ㅌ" and vowel in ("ㅣ", "ㅕ") and final in ("ㄷ", "ㅌ", "ㄾ"):
                aspirated = "ㅊ"  # 굳히다 → 구치다, 묻혀 → 무쳐
            return stay, aspirated
        return _neutral(char, final, initial), "ㅎ"
    coda = _neutral(char, final, initial)
    if initial in ("ㄴ", "ㅁ"):
        if coda == "ㄹ" and initial == "ㄴ":
            return "ㄹ", "ㄹ"  # 별내 → 별래
        return _NASAL.get(coda, coda), initial
    if initial == "ㄹ":
        if coda in _NASAL:
            return _NASAL[coda], "ㄴ"  # 독립 → 동닙, 십리 → 심니
        if coda in ("ㅁ", "ㅇ"):
            return coda, "ㄴ"  # 종로 → 종노
        if coda == "ㄴ":
            if i >= 1 and word[i + 1] in NN_SUFFIXES:
                return "ㄴ", "ㄴ"  # 신문로 → 신문노
            return "ㄹ", "ㄹ"  # 신라 → 실라
        return coda, initial
    return coda, initial

"""Find where a Korean person's family name ends and the given name begins.

Korean names are written family name first, usually without a space: 이재명 is
family 이 + given 재명. Almost every family name is one syllable; a few are two
(남궁 황보 제갈 선우 독고 사공 서문: the two-syllable rows of
``glossary/lang/data/korean_surnames.tsv``). A name typed with a space (이 재명, 황 보라)
is split at the space, which is how to force the split for a name such as 황보라
(family 황, given 보라) that the surname rule alone would read as 황보 + 라.
"""

from __future__ import annotations

from glossary.errors import GlossaryError
from glossary.lang.surnames import hangul_surnames, two_syllable_surnames


def split_person_name(name: str, family: str | None = None) -> tuple[str, str]:
    """Split a Korean person's name into (family name, given name).

    ``family`` forces the family name when the caller knows it; otherwise a space
    in ``name`` decides, and failing that the surname rule: the first two syllables
    when they are a known two-syllable surname and a given name follows, else the
    first syllable. A one-syllable input is a family name alone.
    """
    text = " ".join(name.split())
    if not text:
        raise GlossaryError("a person's name is empty")
    if family:
        family = family.strip()
        compact = text.replace(" ", "")
        if not compact.startswith(family) or len(compact) == len(family):
            raise GlossaryError(f"family name {family!r} does not start the name {name!r}")
        return family, compact[len(family) :]
    if " " in text:
        head, _, tail = text.partition(" ")
        return head, tail.replace(" ", "")
    if len(text) >= 3 and text[:2] in two_syllable_surnames():
        return text[:2], text[2:]
    return text[:1], text[1:]


def reads_as_korean_name(text: str) -> bool:
    """Whether Hangul ``text`` is written the way Korean writes a Korean person's name.

    Two to four syllables written solid, starting with a family name of the surname
    table (이재명, 남궁민). A name written with a space is a foreign name transcribed
    (다카이치 사나에, 도널드 트럼프). A test of the writing, not a proof: 국무원 passes.
    """
    t = text.strip()
    if not 2 <= len(t) <= 4 or not all(0xAC00 <= ord(c) <= 0xD7A3 for c in t):
        return False
    return (len(t) >= 3 and t[:2] in two_syllable_surnames()) or t[0] in hangul_surnames()

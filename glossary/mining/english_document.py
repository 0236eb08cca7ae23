"""Document-level reading of an English article (:func:`_resolve_document`): single
words against its longer names (family names, short names), unquoted titles, glosses.
"""

from __future__ import annotations

from glossary.mining.cluster import acronym_letters, initials, is_acronym
from glossary.mining.english_rules import _head_kind
from glossary.mining.english_tokens import _Doc
from glossary.mining.mention import Mention

# ---- the whole article -----------------------------------------------------


def _resolve_document(doc: _Doc) -> None:
    """Read single-word names against the article's full names."""
    persons: dict[str, set[str]] = {}
    for m in doc.mentions:
        if m.kind == "person":
            words = m.surface.split()
            if len(words) >= 2:
                for w in (words[0], words[-1]):
                    persons.setdefault(w.lower(), set()).add(m.normalized)
    multi_words: set[str] = set()
    for m in doc.mentions:
        if m.kind != "term" and " " in m.surface:
            multi_words.update(m.surface.split())
    for start, end, span in doc.head_alone:
        keys = persons.get(doc.text[start:end].lower())
        if keys and len(keys) == 1:  # "Park" after "Park Geun-hye": not the head "Park"
            doc.emit(start, end, span, "person", key=next(iter(keys)))
    _the_short_form(doc)
    drop: set[int] = set()
    _unquoted_titles(doc, drop)
    for m in doc.mentions:
        # a family name alone ("Kan" in "Kan administration") is the article's full name;
        # so is one in capitals read as an acronym ("Mr. ISHIBA" after "ISHIBA Shigeru")
        caps = m.kind == "org" and m.surface.isupper() and m.surface.isalpha()
        one = (m.kind == "person" or caps) and " " not in m.surface
        keys = persons.get(m.surface.lower()) if one else None
        if keys and len(keys) == 1:
            m.normalized = next(iter(keys))
            m.kind = "person"
    for m, weak in doc.pending:
        keys = persons.get(m.surface.lower())
        if keys and len(keys) == 1:
            m.kind = "person"
            m.normalized = next(iter(keys))
            continue
        if weak and m.surface not in doc.cap_mid and m.surface not in multi_words:
            drop.add(id(m))
        elif m.kind == "person":
            # a family name alone: linked corpus-wide ("KERRY" of a label = "Kerry")
            m.normalized = "ps:" + (m.surface.title() if m.surface.isupper() else m.surface)
    _short_names(doc, {m.surface for m in doc.mentions if m.surface.lower() in persons}, drop)
    _link_glosses(doc)
    # a place or term seen only inside longer names is no row of its own
    alone = {m.surface.lower() for m in doc.mentions if id(m) not in doc.inner}
    for m in doc.mentions:
        if id(m) in doc.inner and m.kind in ("place", "term") and m.surface.lower() not in alone:
            drop.add(id(m))
    if drop:
        doc.mentions = [m for m in doc.mentions if id(m) not in drop]


def _unquoted_titles(doc: _Doc, drop: set[int]) -> None:
    """A title the article quotes once ("Investing in America") is the same work where
    it stands unquoted; the words read inside it there are no names of their own."""
    text = doc.text
    for q in list(doc.quoted):
        at = text.find(q.surface)
        while at >= 0:
            end = at + len(q.surface)
            whole = (at == 0 or not text[at - 1].isalnum()) and (
                end == len(text) or not text[end].isalnum()
            )
            if whole and (at, end) not in doc.seen:
                doc.emit(at, end, (max(0, at - 120), min(len(text), end + 120)), "work")
                for m in doc.mentions:
                    inside = at <= m.start and m.end <= end and (m.start, m.end) != (at, end)
                    loose = m.kind in ("place", "term") or " " not in m.surface
                    if inside and loose and m.kind not in ("org", "facility"):
                        drop.add(id(m))
            at = text.find(q.surface, end)


def _short_names(doc: _Doc, family_names: set[str], drop: set[int]) -> None:
    """A name the article shortens: "Hyundai" for "Hyundai Motor Group" (its first
    word), "Security Council" for "UN Security Council" (what follows an abbreviation,
    a place or another name), when exactly one longer organisation or facility of the
    article reads so."""
    longer = [m for m in doc.mentions if m.kind in ("org", "facility") and " " in m.surface]
    named = {m.surface for m in doc.mentions if m.kind != "term" and id(m) not in drop}
    places_orgs = {m.surface for m in doc.mentions if m.kind in ("place", "org")}
    for m in doc.mentions:
        if m.kind not in ("person", "org", "facility") or m.surface in family_names:
            continue
        if id(m) in drop or is_acronym(m.surface):
            continue  # "UN" in "UN Security Council" is a name of its own
        one = " " not in m.surface
        if m.kind == "person" and one and m.normalized.startswith("p:"):
            continue  # a family name the article gives in full
        if one and m.surface.lower() in doc.r.alone_heads:
            # "the Army" for "U.S. Army" (not for "Eighth Army", no place before it)
            keys = {
                x.normalized
                for x in longer
                if x.surface.endswith(" " + m.surface)
                and (
                    x.surface[: -len(m.surface) - 1] in places_orgs
                    or x.surface[: -len(m.surface) - 1] in doc.r.alone_mods
                )
            }
        else:
            keys = {
                x.normalized
                for x in longer
                if x.normalized != m.normalized
                and (
                    x.surface.startswith(m.surface + " ")
                    and _head_kind(doc.r, x.surface.split()[-1]) == "org"
                    if one
                    else x.surface.endswith(" " + m.surface)
                    and x.surface[: -len(m.surface) - 1] in named
                )
            }
        if len(keys) == 1:
            m.normalized = next(iter(keys))
            if m.kind == "person":
                m.kind = next(x.kind for x in longer if x.normalized == m.normalized)


def _the_short_form(doc: _Doc) -> None:
    """ "the North" in an article about North Korea: one word after "the" that starts
    exactly one longer place name of the article is that place."""
    starts: dict[str, set[str]] = {}
    for m in doc.mentions:
        if m.kind == "place" and " " in m.surface:
            starts.setdefault(m.surface.split()[0], set()).add(m.normalized)
    for m in doc.mentions:
        keys = starts.get(m.surface)
        before = doc.text[max(0, m.start - 4) : m.start]
        after = doc.text[m.end : m.end + 8].lower()
        if after.startswith(" region"):
            continue  # "the Noto region" names a region, not the "Noto Peninsula"
        if keys and len(keys) == 1 and before.lower() == "the " and m.kind in ("person", "place"):
            m.kind = "place"
            m.normalized = next(iter(keys))


_GLOSS_BETWEEN = (" (", ", also known as ", " (also known as ", ", or ")


def _link_glosses(doc: _Doc) -> None:
    """ "Keidanren (Japan Business Federation)", "Seollal (Lunar New Year)", "Sea of
    Japan, also known as East Sea": a name and its gloss or abbreviation are one."""
    text = doc.text
    by_start: dict[int, Mention] = {}
    by_end: dict[int, Mention] = {}
    for m in doc.mentions:
        if m.start not in by_start or m.end > by_start[m.start].end:
            by_start[m.start] = m
        if m.end not in by_end or m.start < by_end[m.end].start:
            by_end[m.end] = m
    ends: dict[int, list[Mention]] = {}
    for m in doc.mentions:
        ends.setdefault(m.end, []).append(m)
    for a in by_end.values():
        for between in _GLOSS_BETWEEN:
            if text.startswith(between, a.end):
                b = by_start.get(a.end + len(between))
                break
        else:
            continue
        if b is not None and is_acronym(b.surface):
            # "the Policy Research Council of the Liberal Democratic Party (LDP)": the
            # name the abbreviation spells
            spelled = [m for m in ends[a.end] if acronym_letters(b.surface) in initials(m.surface)]
            if spelled:
                a = max(spelled, key=lambda m: m.end - m.start)
        if b is not None and a.kind == "term":
            # "Chair of the U.S. Export–Import Bank (EXIM)": the name inside the title
            names = [m for m in ends[a.end] if m.kind != "term"]
            if names:
                a = max(names, key=lambda m: m.end - m.start)
        if b is None or b is a or a.kind == "term" or b.kind == "term":
            continue
        if (
            b.kind == "place"
            and is_acronym(b.surface)
            and acronym_letters(b.surface) not in initials(a.surface)
        ):
            continue  # "Northern Marianas (USA)": the country it belongs to
        closes = (
            text[b.end : b.end + 1] in (")", ",", ".", " ")
            if between != " ("
            else (text[b.end : b.end + 1] == ")")
        )
        if not closes:
            continue
        a_full = a.kind == "person" and " " in a.surface
        b_full = b.kind == "person" and " " in b.surface
        if a_full or b_full:
            continue  # "Kim Jinai (Open Democratic Party)": a person and her party
        if a.kind == "person":  # a single word read as a name by default
            a.kind = b.kind
        elif b.kind == "person":
            b.kind = a.kind
        b.normalized = a.normalized
        for m in doc.mentions:  # the other mentions of the gloss follow it
            if m.surface == b.surface:
                m.normalized = a.normalized
                m.kind = a.kind

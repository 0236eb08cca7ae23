"""Mining English news text for names and domain terms.

``mine_text(text)`` returns :class:`Mention` objects for

* proper names (person, place, org, facility, event, work): runs of capitalised
  words with their connectors ("Foreign Correspondents' Club of Japan",
  "Institute of Advanced Studies on Asia", "Group of 20"), with titles, demonyms
  and possessive endings stripped ("Japanese Prime Minister Sanae Takaichi" gives
  "Sanae Takaichi"; "Takaichi's" gives "Takaichi"), names with a lowercase head
  ("Chosei coal mine"), lowercase names of one institution ("the presidential
  office"), capitalised credits and acronyms ("YONHAP", "APEC"), names nested in
  longer names ("Tokyo" in "University of Tokyo") and the places of relation
  compounds ("China" and "Japan" in "China-Japan tensions");
* official titles written with capitals ("President", "Prime Minister");
* domain terms: noun phrases ending in a news-domain head noun whose other words
  are domain modifiers ("shuttle diplomacy", "joint news conference",
  "people-to-people exchanges"), fixed expressions with the head nouns that continue
  them ("social security system", "ballistic missile launches"), and relation
  compounds ("China-Japan tensions").

Sentence-initial capitals and title-case headlines are not taken for names unless
the article gives evidence (the word is capitalised mid-sentence elsewhere, is a
known place, or belongs to a longer name); words the article writes in lowercase
elsewhere, or common words (``data/en_common_words.txt``), are ordinary there, and so
are, in headings, words of everyday English by their general frequency (``wordfreq``,
:data:`EVERYDAY_ZIPF`). The same frequencies let a rare noun modify a term head
("bribery scandal", :data:`TERM_MODIFIER_ZIPF`) and a rare abstract noun open an
"X of Y" term ("normalization of diplomatic relations", :data:`OF_TERM_ZIPF`).

At the end of an article, single words are read against its longer names: a family
name joins the one full name it belongs to ("Park", "KERRY" of a speaker's label), a
short form the one longer name it shortens ("Hyundai" for "Hyundai Motor Group",
"Security Council" for "UN Security Council", "the North" for "North Korea").

The rules are data: ``data/en_*.txt`` (each file's header explains its syntax).

This module is the entry point and reads one sentence (:func:`_mine_sentence`); the
stages live beside it, each importing only from the ones before it:
``english_rules`` (the rules and word frequencies), ``english_keys`` (normalised keys),
``english_tokens`` (words, capitals, the per-article state), ``english_titles``
(official titles, titles of works, heading labels), ``english_terms`` (domain terms),
``english_runs`` (how far a run of capitalised words reaches), ``english_kinds`` (what
kind of name a run is), ``english_names`` (a run split into names) and
``english_document`` (what is decided once the whole article is read).
"""

from __future__ import annotations

import re

from glossary.mining.cluster import initials
from glossary.mining.english_document import _resolve_document
from glossary.mining.english_keys import norm_key as norm_key
from glossary.mining.english_kinds import CAPS_FAMILY_ZIPF as CAPS_FAMILY_ZIPF
from glossary.mining.english_kinds import PERSON_VERB_ZIPF as PERSON_VERB_ZIPF
from glossary.mining.english_names import _institution, _process_run
from glossary.mining.english_rules import _ARTICLES, _head_kind
from glossary.mining.english_rules import LANG as LANG
from glossary.mining.english_rules import general_zipf as general_zipf
from glossary.mining.english_rules import rules as rules
from glossary.mining.english_rules import singular as singular
from glossary.mining.english_runs import _ORDINAL_DIGITS, _caps_end, _extend_run
from glossary.mining.english_runs import EVERYDAY_ZIPF as EVERYDAY_ZIPF
from glossary.mining.english_terms import EN_VERB_STEM_ZIPF as EN_VERB_STEM_ZIPF
from glossary.mining.english_terms import HYPHEN_EVERYDAY_ZIPF as HYPHEN_EVERYDAY_ZIPF
from glossary.mining.english_terms import OF_TERM_ZIPF as OF_TERM_ZIPF
from glossary.mining.english_terms import TERM_MODIFIER_ZIPF as TERM_MODIFIER_ZIPF
from glossary.mining.english_terms import VERB_PAST_GAP as VERB_PAST_GAP
from glossary.mining.english_terms import VERB_PAST_MIN_ZIPF as VERB_PAST_MIN_ZIPF
from glossary.mining.english_terms import _find_terms
from glossary.mining.english_titles import LABEL_ZIPF as LABEL_ZIPF
from glossary.mining.english_titles import (
    _heading_label_end,
    _named_phrases,
    _quoted_title,
    _year_event,
)
from glossary.mining.english_tokens import _bracketed_line, _Doc, _Tok, _tokenize, _uppercase_words
from glossary.mining.mention import Mention
from glossary.mining.sentences import split_sentences

# ---- the miner ---------------------------------------------------------------


def mine_text(text: str) -> list[Mention]:
    """Names and terms in English ``text``, with offsets into ``text``."""
    doc = _Doc(text)
    sentences = []
    for span in split_sentences(text, LANG):
        if _bracketed_line(text, span):
            continue  # "[Opening Statement]", "(Reporter)": a heading or a stage direction
        toks = _tokenize(text, span[0], span[1])
        _uppercase_words(toks)
        sentences.append((span, toks))
        prev = None
        for t in toks:
            if t.low == t.text:
                doc.lower_seen.add(t.low)
            elif t.cap and not t.amb:
                doc.cap_mid.add(t.text)
                if prev is not None and prev.cap and not prev.amb and t.gap == " ":
                    doc.cap_pairs.add((prev.text, t.text))
            prev = t
    for span, toks in sentences:
        _mine_sentence(doc, span, toks)
        _spelled_common_acronym(doc, span)
    _resolve_document(doc)
    doc.mentions.sort(key=lambda m: (m.start, -m.end))
    return doc.mentions


_BRACKETED_ACRONYM = re.compile(r" \(([A-Z]{2,5})\)")


def _spelled_common_acronym(doc: _Doc, span: tuple[int, int]) -> None:
    """ "the Consumer Price Index (CPI)", "artificial intelligence (AI)": an everyday
    abbreviation (en_acronyms_common.txt) in brackets after the phrase it spells is
    that phrase's short form."""
    for m in doc.mentions[doc.sentence_first :]:
        found = _BRACKETED_ACRONYM.match(doc.text, m.end)
        if found is None or found.end() > span[1]:
            continue
        letters = found.group(1)
        if letters in doc.r.acronyms_common and letters in initials(m.surface):
            doc.emit(found.start(1), found.end(1), span, m.kind, key=m.normalized)


def _mine_sentence(doc: _Doc, span: tuple[int, int], toks: list[_Tok]) -> None:
    r = doc.r
    doc.sentence_first = len(doc.mentions)
    doc.span = span
    n = len(toks)
    i = _heading_label_end(doc, span, toks)
    while i < n:
        t = toks[i]
        q = _quoted_title(doc, span, toks, i)
        if q:
            i = q
            continue
        if t.low in _ARTICLES and i + 2 < n:
            _institution(doc, span, toks, i)
        if t.text.isdigit():
            _year_event(doc, span, toks, i)
        if (
            t.text in r.term_prefixes
            and i + 1 < n
            and toks[i + 1].hy
            and toks[i + 1].text.isalpha()
            and toks[i + 1].text.islower()
        ):
            doc.emit(t.start, toks[i + 1].end, span, "term")  # "K-pop", "K-dramas"
            i += 2
            continue
        ordinal = (
            _ORDINAL_DIGITS.match(t.low) is not None
            and i + 1 < n
            and toks[i + 1].cap
            and toks[i + 1].sp
            and _head_kind(r, toks[_caps_end(toks, i + 1) - 1].text) is not None
        )  # "2nd Infantry Division", "8th Army"
        if ordinal or (t.cap and t.text[0].isalpha()):
            j = _extend_run(r, toks, i)
            _process_run(doc, span, toks, i, j)
            i = j
            continue
        i += 1
    _find_terms(doc, span, toks)
    _named_phrases(doc, span)

"""The tables of the translation memory (concept-oriented, like TBX).

An :class:`EntryRow` is one concept or named thing; each :class:`TermRow` is one written
form of it in one language; :class:`TermKeyRow` indexes every form under its
normalised lookup key; :class:`OccurrenceRow` is evidence from an :class:`ArticleRow`;
:class:`ChangeRow` is the history; :class:`EntryDocRow` holds each entry whole, as one
JSON text the database keeps current (triggers on both backends); :class:`UserRow` and
:class:`ApiTokenRow` are accounts, :class:`WebSessionRow` their signed-in browser
sessions, :class:`LoginFailureRow` recent failed logins; :class:`IndexStateRow` records
which version of the indexing rules the stored keys follow.

Besides these tables the migrations create search structures SQLAlchemy does not model,
one set per backend (see :func:`is_unmodelled`): on SQLite the FTS5 tables ``fts_typo``
(trigrams of the keys typo search looks at) and ``fts_cjk`` (two-character pieces of
Korean and Japanese keys, with a prefix index for one-character substrings), their source
views and the triggers on ``term_keys`` that keep them current; on PostgreSQL the
``pg_trgm`` index ``ix_term_keys_trgm``, the function ``glossary_key_grams`` and the
index ``ix_term_keys_grams`` over the one- and two-character pieces of Korean and
Japanese keys. For the sentence memory (migration 0005): the FTS5 table ``fts_tm`` over
``tm_variants.grams`` with its triggers on SQLite, the GIN index ``ix_tm_variants_grams``
over the same tokens on PostgreSQL.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

#: Lookup keys compare code point by code point on every backend.
KEY_TYPE = Text().with_variant(Text(collation="C"), "postgresql")


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    pass


class VersionedColumns:
    """The columns an entry and a translation unit both have: a version that every
    write checks and raises, and who created and last changed it, when."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    created_by: Mapped[str] = mapped_column(String(100), default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(100), default="")

    # Optimistic locking: every UPDATE says "WHERE version = <the version I read>".
    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


class EntryRow(VersionedColumns, Base):
    __tablename__ = "entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), index=True)
    status: Mapped[str] = mapped_column(String(16), index=True)
    origin: Mapped[str] = mapped_column(String(16), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    evidence_count: Mapped[int] = mapped_column(Integer, nullable=False, default=0)

    terms: Mapped[list[TermRow]] = relationship(
        back_populates="entry",
        cascade="all, delete-orphan",
        order_by="(TermRow.lang, TermRow.position)",
    )


class TermRow(Base):
    __tablename__ = "terms"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"))
    lang: Mapped[str] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(16), default="preferred")
    position: Mapped[int] = mapped_column(Integer, default=0)
    hanja: Mapped[str] = mapped_column(Text, default="")
    romanization: Mapped[str] = mapped_column(Text, default="")
    press: Mapped[str] = mapped_column(Text, default="")
    reading: Mapped[str] = mapped_column(Text, default="")
    hepburn: Mapped[str] = mapped_column(Text, default="")
    plain: Mapped[str] = mapped_column(Text, default="")
    family: Mapped[str] = mapped_column(Text, default="")
    given: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    # Names of fields whose values are the tool's suggestions, not yet confirmed.
    suggested: Mapped[list[str]] = mapped_column(JSON, default=list)

    entry: Mapped[EntryRow] = relationship(back_populates="terms")

    __table_args__ = (Index("ix_terms_entry", "entry_id", "lang", "position"),)


class TermKeyRow(Base):
    """One lookup key of one entry: a normalised form, reading, romanization or variant."""

    __tablename__ = "term_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"))
    lang: Mapped[str] = mapped_column(String(8))
    # Byte-order ("C") collation on PostgreSQL so that prefix ranges use the index.
    key: Mapped[str] = mapped_column(KEY_TYPE)
    # "form": the key of a term's own text; "variant": a field or a generated name-order
    # variant; "sound": a romanization-system key (glossary.lang.romanized), which
    # starts with "~" and is looked up only under the sound key of a query.
    match: Mapped[str] = mapped_column(String(16))
    source: Mapped[str] = mapped_column(String(32), default="text")
    # Fed to typo search (fts_typo / ix_term_keys_trgm): one key string per entry.
    fuzzy: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Fed to substring search inside Korean and Japanese forms (fts_cjk / ix_term_keys_grams).
    cjk: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    __table_args__ = (
        # Covers exact, variant and prefix lookups without reading the table, and lists
        # the typo index's keys in order for a bulk refill (migration 0004).
        Index("ix_term_keys_lookup", "key", "lang", "match", "entry_id", "fuzzy"),
        Index("ix_term_keys_entry", "entry_id"),
    )


class IndexStateRow(Base):
    """Which version of the indexing rules (glossary.store.indexing.INDEX_VERSION) the stored
    keys were made with; a mismatch makes the glossary rebuild them when opened."""

    __tablename__ = "index_state"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    built_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class EntryDocRow(Base):
    """An entry with all its terms as one JSON text, written by database triggers
    (:mod:`glossary.store.documents`): what lookups and exports read."""

    __tablename__ = "entry_docs"

    # Not a foreign key: the triggers that write the documents also delete them.
    entry_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    doc: Mapped[str] = mapped_column(Text)


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(Text, default="")
    date: Mapped[str] = mapped_column(String(32), default="")
    lang: Mapped[str] = mapped_column(String(8), default="")
    path: Mapped[str] = mapped_column(Text, default="")
    url: Mapped[str] = mapped_column(Text, default="")
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class OccurrenceRow(Base):
    """Evidence: a form of an entry seen in a sentence of an article."""

    __tablename__ = "occurrences"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int | None] = mapped_column(
        ForeignKey("entries.id", ondelete="SET NULL"), nullable=True
    )
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    surface: Mapped[str] = mapped_column(Text)
    sentence: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)

    __table_args__ = (
        Index("ix_occurrences_entry", "entry_id"),
        Index("ix_occurrences_article", "article_id", "start"),
    )


class ChangeColumns:
    """The columns both histories have (:class:`ChangeRow` of entries,
    :class:`UnitChangeRow` of translation units) beside the id of what changed."""

    # First, before the id of what changed (each table's own column).
    id: Mapped[int] = mapped_column(Integer, primary_key=True, sort_order=-1)
    action: Mapped[str] = mapped_column(String(16))
    user: Mapped[str] = mapped_column(String(100), default="")
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    # Changes made by one operation (a merge touches two entries) share a batch and
    # are undone together.
    batch: Mapped[str] = mapped_column(String(36), index=True)
    undoes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    undone_by: Mapped[int | None] = mapped_column(Integer, nullable=True)


class ChangeRow(ChangeColumns, Base):
    """History: who changed which entry, when, and what it looked like before and after."""

    __tablename__ = "changes"

    # Not a foreign key: the history of a deleted entry stays.
    entry_id: Mapped[int] = mapped_column(Integer, index=True)


class UserRow(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ApiTokenRow(Base):
    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100), default="")
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    # After this the token is refused (migration 0008).
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class UnitRow(VersionedColumns, Base):
    """A translation unit of the sentence memory (glossary.tm): one TMX ``tu``.

    Its sentences, one per language, are :class:`VariantRow` rows. ``attrs``, ``props``
    and ``notes`` hold, as JSON text, what a TMX file said about the unit and is written
    back on export; ``batch`` names the import (or edit) that created it.
    """

    __tablename__ = "tm_units"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # en, ko, ja, or "*all*" (TMX: any variant may serve as the source)
    srclang: Mapped[str] = mapped_column(String(16), default="")
    # import, align or manual
    origin: Mapped[str] = mapped_column(String(16), default="manual")
    origin_file: Mapped[str] = mapped_column(Text, default="")
    source_article_id: Mapped[int | None] = mapped_column(
        ForeignKey("articles.id", ondelete="SET NULL"), nullable=True
    )
    target_article_id: Mapped[int | None] = mapped_column(
        ForeignKey("articles.id", ondelete="SET NULL"), nullable=True
    )
    tuid: Mapped[str] = mapped_column(Text, default="")
    attrs: Mapped[str] = mapped_column(Text, default="{}")
    props: Mapped[str] = mapped_column(Text, default="[]")
    notes: Mapped[str] = mapped_column(Text, default="[]")
    batch: Mapped[str] = mapped_column(String(36), index=True, default="")

    variants: Mapped[list[VariantRow]] = relationship(
        back_populates="unit",
        cascade="all, delete-orphan",
        order_by="VariantRow.position",
    )


class VariantRow(Base):
    """One sentence of a translation unit in one language (a TMX ``tuv``).

    ``text`` is the sentence without inline codes (what is matched and shown); ``seg``
    is the ``<seg>`` content as XML when it holds inline markup (written back on
    export); ``before`` and ``after`` are the neighbouring sentences (context matches);
    ``grams`` are the search tokens of ``text`` (glossary.tm.text) that the candidate
    index holds; ``exact`` is a hash of the normalised text for 100% matches.
    """

    __tablename__ = "tm_variants"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("tm_units.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    lang: Mapped[str] = mapped_column(String(8))
    # the xml:lang as the file spelled it (ko-KR); empty: the plain code
    tag: Mapped[str] = mapped_column(String(35), default="")
    text: Mapped[str] = mapped_column(Text)
    seg: Mapped[str] = mapped_column(Text, default="")
    before: Mapped[str] = mapped_column(Text, default="")
    after: Mapped[str] = mapped_column(Text, default="")
    attrs: Mapped[str] = mapped_column(Text, default="{}")
    props: Mapped[str] = mapped_column(Text, default="[]")
    notes: Mapped[str] = mapped_column(Text, default="[]")
    grams: Mapped[str] = mapped_column(Text, default="")
    exact: Mapped[str] = mapped_column(String(16), default="")

    unit: Mapped[UnitRow] = relationship(back_populates="variants")

    __table_args__ = (
        Index("ix_tm_variants_unit", "unit_id", "position"),
        Index("ix_tm_variants_exact", "exact", "lang"),
    )


class UnitChangeRow(ChangeColumns, Base):
    """History of the translation units, as :class:`ChangeRow` is of entries: who
    changed which unit, when, before and after. An import is one row for the whole
    file (``unit_id`` empty, ``after`` naming its batch and how many units it added)."""

    __tablename__ = "tm_changes"

    # Not a foreign key: the history of a deleted unit stays.
    unit_id: Mapped[int | None] = mapped_column(Integer, index=True, nullable=True)


class WebSessionRow(Base):
    """A signed-in browser session: the cookie carries a secret, this row its SHA-256.
    Logging out deletes the row; a new password or role deletes all of the user's."""

    __tablename__ = "web_sessions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class LoginFailureRow(Base):
    """One failed login or unknown API token, under the SHA-256 of what it is counted
    against (an account and address, an address): every server process sees them."""

    __tablename__ = "login_failures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(64))
    # Seconds since the epoch: the login window is a number of seconds.
    at: Mapped[float] = mapped_column(Float, index=True)

    __table_args__ = (Index("ix_login_failures_key", "key", "at"),)


#: Tables (with FTS5's shadow tables) and indexes that migrations create per backend and
#: the models leave out; :func:`is_unmodelled` tells schema comparisons to skip them.
UNMODELLED_TABLE_PREFIX = "fts_"
UNMODELLED_INDEXES = frozenset({"ix_term_keys_trgm", "ix_term_keys_grams", "ix_tm_variants_grams"})


def is_unmodelled(name: str | None, type_: str) -> bool:
    """True for the backend-specific search structures the models do not describe."""
    if not name:
        return False
    if type_ == "table":
        return name.startswith(UNMODELLED_TABLE_PREFIX)
    if type_ == "index":
        return name in UNMODELLED_INDEXES
    return False

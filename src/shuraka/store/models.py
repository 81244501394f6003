"""The knowledge base schema (SQLAlchemy 2 ORM). Same tables on SQLite and PostgreSQL.

Natural keys everywhere an analyst joins: documents by their contract id
(`sha256:...`), entities by their contract id, partnerships by `party|partner|instrument`.
Events get a short stable id (`ev-` + 12 hex) derived from their first report. Sentence
ids are integers assigned in ingest order (they key the full-text index). Offsets are
`start_char`/`end_char` into `documents.text` (the raw text, as in the contract).
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _doc_fk() -> ForeignKey:
    return ForeignKey("documents.id", ondelete="CASCADE")


def _entity_fk() -> ForeignKey:
    return ForeignKey("entities.id")


class Story(Base):
    """A group of near-duplicate documents (the same wire copy on several outlets)."""

    __tablename__ = "stories"
    id: Mapped[str] = mapped_column(String, primary_key=True)  # its first document's id
    title: Mapped[str | None] = mapped_column(Text)
    first_published: Mapped[str | None] = mapped_column(String(10))
    document_count: Mapped[int] = mapped_column(Integer, default=1)


class Document(Base):
    __tablename__ = "documents"
    id: Mapped[str] = mapped_column(String, primary_key=True)  # sha256:<hex of the raw text>
    story_id: Mapped[str] = mapped_column(ForeignKey("stories.id"), index=True)
    similarity: Mapped[float | None] = mapped_column(Float)  # to the story's first document
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(10), index=True)
    language: Mapped[str] = mapped_column(String(8), default="ar")
    text: Mapped[str] = mapped_column(Text)
    norm_text: Mapped[str] = mapped_column(Text)


class Source(Base):
    """Where a document was read: a path or a URL (one document may have several)."""

    __tablename__ = "sources"
    document_id: Mapped[str] = mapped_column(_doc_fk(), primary_key=True)
    source: Mapped[str] = mapped_column(Text, primary_key=True)


class DocumentBand(Base):
    """MinHash LSH bands of a document, to find near-duplicates without a full scan."""

    __tablename__ = "document_bands"
    document_id: Mapped[str] = mapped_column(_doc_fk(), primary_key=True)
    band: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)
    __table_args__ = (Index("ix_document_bands_band_value", "band", "value"),)


class Sentence(Base):
    __tablename__ = "sentences"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    document_id: Mapped[str] = mapped_column(_doc_fk(), index=True)
    start_char: Mapped[int] = mapped_column(Integer)
    end_char: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)  # raw
    norm: Mapped[str] = mapped_column(Text)  # shuraka.text.normalize.norm(text)
    terms: Mapped[str] = mapped_column(Text)  # search terms: words and their clitic-free stems


class Entity(Base):
    __tablename__ = "entities"
    id: Mapped[str] = mapped_column(String, primary_key=True)  # contract id (KOR, NATO, ar:...)
    type: Mapped[str] = mapped_column(String(16), index=True)
    name_en: Mapped[str | None] = mapped_column(Text)
    name_ar: Mapped[str] = mapped_column(Text)


class Mention(Base):
    __tablename__ = "mentions"
    document_id: Mapped[str] = mapped_column(_doc_fk(), primary_key=True)
    start_char: Mapped[int] = mapped_column(Integer, primary_key=True)
    end_char: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_id: Mapped[str] = mapped_column(_entity_fk(), primary_key=True, index=True)
    text: Mapped[str] = mapped_column(Text)


class Role(Base):
    """A person's role as a document states it, as of the document's date."""

    __tablename__ = "roles"
    document_id: Mapped[str] = mapped_column(_doc_fk(), primary_key=True)
    person_id: Mapped[str] = mapped_column(_entity_fk(), primary_key=True, index=True)
    title_en: Mapped[str] = mapped_column(Text, primary_key=True)
    start_char: Mapped[int] = mapped_column(Integer, primary_key=True)
    end_char: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    of_id: Mapped[str | None] = mapped_column(String, index=True)
    as_of: Mapped[str | None] = mapped_column(String(10))


class Event(Base):
    """One real-world happening, merged across every report of it."""

    __tablename__ = "events"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    type: Mapped[str] = mapped_column(String(16), index=True)
    mode: Mapped[str | None] = mapped_column(String(24))
    contexts: Mapped[list[str]] = mapped_column(JSON, default=list)
    date: Mapped[str | None] = mapped_column(String(10), index=True)  # the most precise reported
    location_id: Mapped[str | None] = mapped_column(_entity_fk())
    first_document_id: Mapped[str] = mapped_column(_doc_fk(), index=True)
    report_count: Mapped[int] = mapped_column(Integer, default=1)


class EventParticipant(Base):
    __tablename__ = "event_participants"
    event_id: Mapped[str] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"),
                                          primary_key=True)
    entity_id: Mapped[str] = mapped_column(_entity_fk(), primary_key=True, index=True)
    role: Mapped[str] = mapped_column(String(10), primary_key=True)  # actor recipient person


class EventTopic(Base):
    __tablename__ = "event_topics"
    event_id: Mapped[str] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"),
                                          primary_key=True)
    area: Mapped[str] = mapped_column(String(40), primary_key=True, index=True)


class EventReport(Base):
    """One sentence of one document reporting an event, with what it says (kept as said)."""

    __tablename__ = "event_reports"
    event_id: Mapped[str] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"),
                                          primary_key=True)
    document_id: Mapped[str] = mapped_column(_doc_fk(), primary_key=True, index=True)
    start_char: Mapped[int] = mapped_column(Integer, primary_key=True)
    end_char: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    date: Mapped[str | None] = mapped_column(String(10))
    mode: Mapped[str | None] = mapped_column(String(24))
    location_id: Mapped[str | None] = mapped_column(String)
    actors: Mapped[list[str]] = mapped_column(JSON, default=list)
    recipients: Mapped[list[str]] = mapped_column(JSON, default=list)
    people: Mapped[list[str]] = mapped_column(JSON, default=list)


class Partnership(Base):
    """One (party, partner, instrument) tie, aggregated over every article."""

    __tablename__ = "partnerships"
    id: Mapped[str] = mapped_column(String, primary_key=True)  # party|partner|instrument
    party_id: Mapped[str] = mapped_column(_entity_fk(), index=True)
    partner_id: Mapped[str] = mapped_column(_entity_fk(), index=True)
    instrument_id: Mapped[str | None] = mapped_column(_entity_fk(), index=True)
    first_seen: Mapped[str | None] = mapped_column(String(10))
    last_seen: Mapped[str | None] = mapped_column(String(10))
    statement_count: Mapped[int] = mapped_column(Integer, default=0)


def _partnership_fk() -> ForeignKey:
    return ForeignKey("partnerships.id", ondelete="CASCADE")


class PartnershipStatement(Base):
    """What one article says of a partnership; conflicting statements stand side by side."""

    __tablename__ = "partnership_statements"
    partnership_id: Mapped[str] = mapped_column(_partnership_fk(), primary_key=True)
    document_id: Mapped[str] = mapped_column(_doc_fk(), primary_key=True, index=True)
    action: Mapped[str | None] = mapped_column(String(16))
    date: Mapped[str | None] = mapped_column(String(10))
    area_count: Mapped[int | None] = mapped_column(Integer)
    seen: Mapped[str | None] = mapped_column(String(10))  # date, else the document's date


class PartnershipEvidence(Base):
    __tablename__ = "partnership_evidence"
    partnership_id: Mapped[str] = mapped_column(_partnership_fk(), primary_key=True)
    document_id: Mapped[str] = mapped_column(_doc_fk(), primary_key=True)
    start_char: Mapped[int] = mapped_column(Integer, primary_key=True)
    end_char: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class PartnershipArea(Base):
    __tablename__ = "partnership_areas"
    partnership_id: Mapped[str] = mapped_column(_partnership_fk(), primary_key=True)
    area: Mapped[str] = mapped_column(String(40), primary_key=True, index=True)
    first_seen: Mapped[str | None] = mapped_column(String(10))
    last_seen: Mapped[str | None] = mapped_column(String(10))
    source_count: Mapped[int] = mapped_column(Integer, default=0)


class PartnershipAreaSource(Base):
    __tablename__ = "partnership_area_sources"
    partnership_id: Mapped[str] = mapped_column(_partnership_fk(), primary_key=True)
    area: Mapped[str] = mapped_column(String(40), primary_key=True)
    document_id: Mapped[str] = mapped_column(_doc_fk(), primary_key=True, index=True)
    seen: Mapped[str | None] = mapped_column(String(10))


class Membership(Base):
    __tablename__ = "memberships"
    instrument_id: Mapped[str] = mapped_column(_entity_fk(), primary_key=True)
    member_id: Mapped[str] = mapped_column(_entity_fk(), primary_key=True, index=True)
    first_seen: Mapped[str | None] = mapped_column(String(10))
    last_seen: Mapped[str | None] = mapped_column(String(10))
    source_count: Mapped[int] = mapped_column(Integer, default=0)


class MembershipEvidence(Base):
    __tablename__ = "membership_evidence"
    instrument_id: Mapped[str] = mapped_column(String, primary_key=True)
    member_id: Mapped[str] = mapped_column(String, primary_key=True)
    document_id: Mapped[str] = mapped_column(_doc_fk(), primary_key=True, index=True)
    start_char: Mapped[int] = mapped_column(Integer, primary_key=True)
    end_char: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


TABLES = [t.name for t in Base.metadata.sorted_tables]

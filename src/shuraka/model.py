"""The records of the extraction contract (`shuraka/extract@1`)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from shuraka import SCHEMA
from shuraka.errors import SpanError

ENTITY_TYPES = ("country", "organization", "instrument", "person", "place")
PARTNERSHIP_ACTIONS = (
    "established", "upgraded", "renewed", "expanded", "planned",
    "discussed", "suspended", "ended",
)


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, raw: str, start: int, end: int) -> Span:
        """A span of `raw`; refuses one that does not line up (like spaCy's char_span)."""
        if not 0 <= start < end <= len(raw):
            raise SpanError(f"span {start}:{end} is outside a text of {len(raw)} characters")
        return cls(start, end, raw[start:end])

    def check(self, raw: str) -> None:
        if raw[self.start:self.end] != self.text:
            raise SpanError(f"span {self.start}:{self.end} does not hold {self.text!r}")


@dataclass
class Document:
    id: str
    source: str
    title: str | None
    published: str | None
    text: str
    language: str = "ar"


@dataclass
class Role:
    title_en: str
    of: str | None
    evidence: Span


@dataclass
class Entity:
    id: str
    type: str
    name_en: str | None
    name_ar: str
    roles: list[Role] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Event:
    type: str
    mode: str | None
    contexts: list[str]
    actors: list[str]
    recipients: list[str]
    people: list[str]
    date: str | None
    location: str | None
    topics: list[str]
    evidence: Span


@dataclass
class Partnership:
    party: str
    partner: str
    instrument: str | None
    action: str | None
    date: str | None
    area_count: int | None
    areas: list[str]
    evidence: list[Span]


@dataclass
class Membership:
    instrument: str
    member: str
    evidence: Span


@dataclass
class Extraction:
    document: Document
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    partnerships: list[Partnership] = field(default_factory=list)
    memberships: list[Membership] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out = {"schema": SCHEMA, "document": asdict(self.document)}
        doc = out["document"]
        out["document"] = {k: doc[k] for k in ("id", "source", "title", "published", "language", "text")}
        for name in ("entities", "events", "partnerships", "memberships"):
            out[name] = [asdict(r) for r in getattr(self, name)]
        return out

    def spans(self) -> list[Span]:
        """Every span in the record, for checking against the raw text."""
        found: list[Span] = []
        for e in self.entities:
            found += e.mentions + [r.evidence for r in e.roles]
        found += [e.evidence for e in self.events]
        for p in self.partnerships:
            found += p.evidence
        found += [m.evidence for m in self.memberships]
        return found

    def check_spans(self) -> None:
        for span in self.spans():
            span.check(self.document.text)

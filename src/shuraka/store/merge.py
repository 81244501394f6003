"""Merging what one article says into what the knowledge base already holds.

Events: a reported event joins a stored one when
- the type is the same;
- the participants overlap: the Jaccard index of their parties (actors and recipients)
  is above PARTY_JACCARD (0.5): {NATO, KOR} and {KOR, NATO, JPN} merge, {NATO} and
  {NATO, JPN} do not (NATO takes part in almost everything);
- the dates are compatible: equal, or one contains the other (2023-07 contains
  2023-07-11; 2023 contains both). A report with no date joins only an event already
  reported by a near-duplicate of its document (the same story);
- the places are compatible: either is unknown, they are equal, or one is a place in
  the other (a country).
Among several matches the one with the closest date, then the largest overlap, wins.
Reports of one document never merge with each other (the extractor already gives one
event per happening). Each report keeps what it said (date, mode, place, participants);
the event takes the most precise compatible date and the union of participants.

Partnerships aggregate by (party, partner, instrument). Each article's statement (action,
date, stated area count) is its own row, so two dates or two counts stand side by side
with their sources. An area's first/last seen are the earliest/latest "seen" date of the
statements naming it, where seen = the statement's date, else the article's date.
Memberships aggregate by (instrument, member) the same way.
"""

from __future__ import annotations

from hashlib import blake2b

from sqlalchemy import select
from sqlalchemy.orm import Session

from shuraka import model
from shuraka.gazetteer import load
from shuraka.store.models import (
    Document,
    Event,
    EventParticipant,
    EventReport,
    EventTopic,
    Membership,
    MembershipEvidence,
    Partnership,
    PartnershipArea,
    PartnershipAreaSource,
    PartnershipEvidence,
    PartnershipStatement,
)
from shuraka.store.write import insert_rows

PARTY_JACCARD = 0.5
ROLES = ("actor", "recipient", "person")


def event_id(document_id: str, index: int) -> str:
    """A stable id for the event first reported as event `index` of a document."""
    return "ev-" + blake2b(f"{document_id}|{index}".encode(), digest_size=6).hexdigest()


def dates_compatible(a: str | None, b: str | None) -> bool:
    """Equal, or one (less precise) contains the other; None is compatible with nothing."""
    if a is None or b is None:
        return False
    return a.startswith(b) or b.startswith(a)


def _country_of(entity_id: str) -> str | None:
    record = load().records.get(entity_id)
    return record.country if record is not None and record.type == "place" else None


def places_compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None or a == b:
        return True
    return _country_of(a) == b or _country_of(b) == a


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def _earlier(a: str | None, b: str | None) -> str | None:
    return min((d for d in (a, b) if d), default=None)


def _later(a: str | None, b: str | None) -> str | None:
    return max((d for d in (a, b) if d), default=None)


class EventMerger:
    """Merges the events of one document, remembering which events it created."""

    def __init__(self, session: Session, document: Document) -> None:
        self.session = session
        self.document = document
        self.created: set[str] = set()
        self.reported: set[tuple[str, str, int]] = set()  # (event, document, start) written

    def _parties(self, event_ids: list[str]) -> dict[str, set[str]]:
        rows = self.session.execute(
            select(EventParticipant.event_id, EventParticipant.entity_id)
            .where(EventParticipant.event_id.in_(event_ids),
                   EventParticipant.role.in_(("actor", "recipient"))))
        out: dict[str, set[str]] = {i: set() for i in event_ids}
        for eid, entity in rows:
            out[eid].add(entity)
        return out

    def _same_story(self, event_ids: list[str]) -> set[str]:
        rows = self.session.execute(
            select(EventReport.event_id).join(Document, Document.id == EventReport.document_id)
            .where(EventReport.event_id.in_(event_ids),
                   Document.story_id == self.document.story_id))
        return {r[0] for r in rows}

    def _candidates(self, ev: model.Event, parties: set[str]) -> list[Event]:
        sharing = select(EventParticipant.event_id).where(
            EventParticipant.entity_id.in_(sorted(parties)),
            EventParticipant.role.in_(("actor", "recipient")))
        query = (select(Event).where(Event.type == ev.type, Event.id.in_(sharing))
                 .order_by(Event.id))
        return [e for e in self.session.scalars(query) if e.id not in self.created]

    def match(self, ev: model.Event) -> Event | None:
        """The stored event `ev` reports, if any (rules in the module docstring)."""
        parties = set(ev.actors) | set(ev.recipients)
        if not parties:
            return None
        candidates = self._candidates(ev, parties)
        if not candidates:
            return None
        stored = self._parties([c.id for c in candidates])
        undated = ev.date is None or any(c.date is None for c in candidates)
        same_story = self._same_story([c.id for c in candidates]) if undated else set()
        best: tuple[tuple[int, float], Event] | None = None
        for cand in candidates:
            overlap = _jaccard(parties, stored[cand.id])
            if ev.date is None or cand.date is None:
                dated_ok = cand.id in same_story
            else:
                dated_ok = dates_compatible(ev.date, cand.date)
            if overlap <= PARTY_JACCARD or not dated_ok:
                continue
            if not places_compatible(ev.location, cand.location_id):
                continue
            score = (int(ev.date == cand.date), overlap)
            if best is None or score > best[0]:
                best = (score, cand)
        return best[1] if best else None

    def add(self, ev: model.Event, index: int) -> str:
        """Store `ev` as a report of a matching event, or as a new event; returns its id."""
        stored = self.match(ev)
        if stored is None:
            stored = Event(id=event_id(self.document.id, index), type=ev.type, mode=ev.mode,
                           contexts=sorted(set(ev.contexts)), date=ev.date,
                           location_id=ev.location, first_document_id=self.document.id,
                           report_count=0)
            self.session.add(stored)
            self.created.add(stored.id)
        self._update(stored, ev)
        self._report(stored, ev)
        return stored.id

    def _update(self, stored: Event, ev: model.Event) -> None:
        if ev.date and (stored.date is None or len(ev.date) > len(stored.date)):
            stored.date = ev.date
        stored.mode = stored.mode or ev.mode
        stored.location_id = stored.location_id or ev.location
        if set(ev.contexts) - set(stored.contexts or []):
            stored.contexts = sorted(set(stored.contexts or []) | set(ev.contexts))
        have = set(self.session.execute(
            select(EventParticipant.entity_id, EventParticipant.role)
            .where(EventParticipant.event_id == stored.id)).all())
        rows = []
        for role, ids in zip(ROLES, (ev.actors, ev.recipients, ev.people), strict=True):
            for entity in dict.fromkeys(ids):
                if (entity, role) not in have:
                    have.add((entity, role))
                    rows.append({"event_id": stored.id, "entity_id": entity, "role": role})
        insert_rows(self.session, EventParticipant, rows)
        topics = set(self.session.scalars(select(EventTopic.area)
                                          .where(EventTopic.event_id == stored.id)))
        insert_rows(self.session, EventTopic, [{"event_id": stored.id, "area": a}
                                               for a in dict.fromkeys(ev.topics)
                                               if a not in topics])

    def _report(self, stored: Event, ev: model.Event) -> None:
        key = (stored.id, self.document.id, ev.evidence.start)
        if key in self.reported:
            return
        self.reported.add(key)
        stored.report_count += 1
        insert_rows(self.session, EventReport, [{
            "event_id": stored.id, "document_id": self.document.id,
            "start_char": ev.evidence.start, "end_char": ev.evidence.end,
            "text": ev.evidence.text, "date": ev.date, "mode": ev.mode,
            "location_id": ev.location, "actors": list(ev.actors),
            "recipients": list(ev.recipients), "people": list(ev.people)}])


def partnership_id(party: str, partner: str, instrument: str | None) -> str:
    return f"{party}|{partner}|{instrument or ''}"


def _partnership(session: Session, p: model.Partnership) -> Partnership:
    pid = partnership_id(p.party, p.partner, p.instrument)
    row = session.get(Partnership, pid)
    if row is None:
        row = Partnership(id=pid, party_id=p.party, partner_id=p.partner,
                          instrument_id=p.instrument, statement_count=0)
        session.add(row)
        session.flush()
    return row


def _area(session: Session, pid: str, area: str, document_id: str, seen: str | None) -> None:
    row = session.get(PartnershipArea, (pid, area))
    if row is None:
        row = PartnershipArea(partnership_id=pid, area=area, source_count=0)
        session.add(row)
    if session.get(PartnershipAreaSource, (pid, area, document_id)) is None:
        insert_rows(session, PartnershipAreaSource, [{
            "partnership_id": pid, "area": area, "document_id": document_id, "seen": seen}])
        row.source_count += 1
        row.first_seen = _earlier(row.first_seen, seen)
        row.last_seen = _later(row.last_seen, seen)


def add_partnership(session: Session, document: Document, p: model.Partnership) -> str:
    """Aggregate one article's partnership record; returns the partnership id."""
    row = _partnership(session, p)
    if session.get(PartnershipStatement, (row.id, document.id)) is not None:
        return row.id
    seen = p.date or document.published
    insert_rows(session, PartnershipStatement, [{
        "partnership_id": row.id, "document_id": document.id, "action": p.action,
        "date": p.date, "area_count": p.area_count, "seen": seen}])
    row.statement_count += 1
    row.first_seen = _earlier(row.first_seen, seen)
    row.last_seen = _later(row.last_seen, seen)
    insert_rows(session, PartnershipEvidence, [
        {"partnership_id": row.id, "document_id": document.id, "start_char": span.start,
         "end_char": span.end, "text": span.text}
        for span in {s.start: s for s in p.evidence}.values()])
    for area in dict.fromkeys(p.areas):
        _area(session, row.id, area, document.id, seen)
    return row.id


def add_membership(session: Session, document: Document, m: model.Membership) -> None:
    """Aggregate one article's membership record."""
    row = session.get(Membership, (m.instrument, m.member))
    if row is None:
        row = Membership(instrument_id=m.instrument, member_id=m.member, source_count=0)
        session.add(row)
    key = (m.instrument, m.member, document.id, m.evidence.start)
    if session.get(MembershipEvidence, key) is not None:
        return
    has_doc = session.scalar(select(MembershipEvidence.document_id).where(
        MembershipEvidence.instrument_id == m.instrument, MembershipEvidence.member_id == m.member,
        MembershipEvidence.document_id == document.id).limit(1))
    insert_rows(session, MembershipEvidence, [{
        "instrument_id": m.instrument, "member_id": m.member, "document_id": document.id,
        "start_char": m.evidence.start, "end_char": m.evidence.end, "text": m.evidence.text}])
    if has_doc is None:
        row.source_count += 1
        row.first_seen = _earlier(row.first_seen, document.published)
        row.last_seen = _later(row.last_seen, document.published)


def merge_extraction(session: Session, document: Document, extraction: model.Extraction) -> None:
    """Merge the events, partnerships and memberships of one stored document."""
    merger = EventMerger(session, document)
    for index, ev in enumerate(extraction.events):
        merger.add(ev, index)
    for p in extraction.partnerships:
        add_partnership(session, document, p)
    for m in extraction.memberships:
        add_membership(session, document, m)

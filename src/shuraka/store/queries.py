"""Read-only queries over the knowledge base. Every function takes a Session and returns
plain dicts and lists (JSON-serializable: str, int, float, None), documented in its
docstring; the CLI, the REST API and the dashboard all build on exactly these.

Shared shapes:
    Ref      = {"id": str, "type": str, "name_en": str|None, "name_ar": str}
    Source   = {"document_id": str, "source": str, "url": str|None, "title": str|None,
                "published": "YYYY-MM-DD"|None}
    EventRow = {"id": str, "type": str, "mode": str|None, "contexts": [str],
                "date": str|None, "location": Ref|None, "actors": [Ref],
                "recipients": [Ref], "people": [Ref], "topics": [str],
                "reports": int, "sources": int, "quote": str}
Dates are ISO strings of any precision (YYYY, YYYY-MM, YYYY-MM-DD). Unknown ids raise
`shuraka.store.errors.NotFoundError`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import Select, and_, func, literal_column, or_, select, text
from sqlalchemy.orm import Session

from shuraka.store import models as m
from shuraka.store.errors import NotFoundError
from shuraka.store.terms import query_words
from shuraka.store.vocab import instrument_kinds
from shuraka.text.normalize import norm

Ref = dict[str, str | None]


# --- references and sources -------------------------------------------------------

def refs(session: Session, ids: Iterable[str | None]) -> dict[str, Ref]:
    """Ref of each id (unknown ids get type "unknown" and the id as name)."""
    wanted = sorted({i for i in ids if i})
    found = {e.id: {"id": e.id, "type": e.type, "name_en": e.name_en, "name_ar": e.name_ar}
             for e in session.scalars(select(m.Entity).where(m.Entity.id.in_(wanted)))}
    return {i: found.get(i) or {"id": i, "type": "unknown", "name_en": None, "name_ar": i}
            for i in wanted}


def _url(sources: list[str]) -> str | None:
    return next((s for s in sources if s.startswith(("http://", "https://"))), None)


def document_sources(session: Session, document_ids: Iterable[str]) -> dict[str, dict]:
    """Source dict of each document (its first source; `sources` lists them all)."""
    ids = sorted(set(document_ids))
    paths: dict[str, list[str]] = defaultdict(list)
    for doc_id, source in session.execute(select(m.Source.document_id, m.Source.source)
                                          .where(m.Source.document_id.in_(ids))
                                          .order_by(m.Source.document_id, m.Source.source)):
        paths[doc_id].append(source)
    out = {}
    for doc_id, title, published in session.execute(
            select(m.Document.id, m.Document.title, m.Document.published)
            .where(m.Document.id.in_(ids))):
        url = _url(paths[doc_id])
        out[doc_id] = {"document_id": doc_id, "source": url or (paths[doc_id] or [""])[0],
                       "url": url, "sources": paths[doc_id], "title": title,
                       "published": published}
    return out


def _sorted_sources(items: Iterable[dict]) -> list[dict]:
    return sorted(items, key=lambda s: (s["published"] or "", s["document_id"]))


# --- events -------------------------------------------------------------------------

def _event_rows(session: Session, events: list[m.Event]) -> list[dict]:
    ids = [e.id for e in events]
    parts: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for eid, entity, role in session.execute(
            select(m.EventParticipant.event_id, m.EventParticipant.entity_id,
                   m.EventParticipant.role).where(m.EventParticipant.event_id.in_(ids))
            .order_by(m.EventParticipant.entity_id)):
        parts[eid][role].append(entity)
    topics: dict[str, list[str]] = defaultdict(list)
    for eid, area in session.execute(select(m.EventTopic.event_id, m.EventTopic.area)
                                     .where(m.EventTopic.event_id.in_(ids))
                                     .order_by(m.EventTopic.area)):
        topics[eid].append(area)
    sources = dict(session.execute(
        select(m.EventReport.event_id, func.count(func.distinct(m.EventReport.document_id)))
        .where(m.EventReport.event_id.in_(ids)).group_by(m.EventReport.event_id)).all())
    names = refs(session, [i for p in parts.values() for v in p.values() for i in v]
                 + [e.location_id for e in events])
    quotes = _first_quotes(session, events)
    return [{
        "id": e.id, "type": e.type, "mode": e.mode, "contexts": list(e.contexts or []),
        "date": e.date, "location": names.get(e.location_id) if e.location_id else None,
        "actors": [names[i] for i in parts[e.id]["actor"]],
        "recipients": [names[i] for i in parts[e.id]["recipient"]],
        "people": [names[i] for i in parts[e.id]["person"]],
        "topics": topics[e.id], "reports": e.report_count,
        "sources": sources.get(e.id, 0), "quote": quotes.get(e.id, ""),
    } for e in events]


def _first_quotes(session: Session, events: list[m.Event]) -> dict[str, str]:
    """Each event's first sentence in its first document, in one query."""
    first = {e.id: e.first_document_id for e in events}
    quotes: dict[str, str] = {}
    for eid, doc, said in session.execute(
            select(m.EventReport.event_id, m.EventReport.document_id, m.EventReport.text)
            .where(m.EventReport.event_id.in_(list(first))).order_by(m.EventReport.start_char)):
        if doc == first[eid] and eid not in quotes:
            quotes[eid] = said
    return quotes


def _date_filters(query: Select, since: str | None, until: str | None) -> Select:
    if since:
        query = query.where(m.Event.date >= since)
    if until:
        query = query.where(m.Event.date <= until + "~")  # 2023 covers 2023-12-31
    return query


def events(session: Session, partner: str | None = None, type: str | None = None,  # noqa: A002
           since: str | None = None, until: str | None = None, limit: int = 50,
           offset: int = 0) -> dict:
    """Merged events, newest first (undated last).

    partner: an entity id taking part (any role); type: a PLOVER type; since/until:
    ISO dates of any precision (an event dated 2023-07 is within until=2023).
    Returns {"total": int, "limit": int, "offset": int, "items": [EventRow]}.
    """
    query = select(m.Event)
    if partner:
        partner = _resolve(session, partner)
        query = query.where(m.Event.id.in_(select(m.EventParticipant.event_id)
                                           .where(m.EventParticipant.entity_id == partner)))
    if type:
        query = query.where(m.Event.type == type.upper())
    query = _date_filters(query, since, until)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    query = query.order_by(m.Event.date.is_(None), m.Event.date.desc(), m.Event.id)
    items = list(session.scalars(query.limit(limit).offset(offset)))
    return {"total": total, "limit": limit, "offset": offset,
            "items": _event_rows(session, items)}


def event(session: Session, event_id: str) -> dict:
    """One event with every report of it.

    Returns EventRow plus
      "dates": [str]  (every date reported, side by side),
      "reports": [{"document_id", "title", "published", "source", "url", "sources": [str],
                   "start": int, "end": int, "text": str,   # raw offsets in the document
                   "date", "mode", "location": str|None,
                   "actors": [str], "recipients": [str], "people": [str]}]
    """
    row = session.get(m.Event, event_id)
    if row is None:
        raise NotFoundError(f"no event {event_id!r}")
    out = _event_rows(session, [row])[0]
    reports = list(session.scalars(select(m.EventReport).where(m.EventReport.event_id == event_id)
                                   .order_by(m.EventReport.document_id, m.EventReport.start_char)))
    docs = document_sources(session, [r.document_id for r in reports])
    out["reports"] = [{
        **{k: docs[r.document_id][k] for k in ("document_id", "title", "published", "source",
                                               "url", "sources")},
        "start": r.start_char, "end": r.end_char, "text": r.text, "date": r.date,
        "mode": r.mode, "location": r.location_id, "actors": list(r.actors or []),
        "recipients": list(r.recipients or []), "people": list(r.people or []),
    } for r in sorted(reports, key=lambda r: (docs[r.document_id]["published"] or "",
                                              r.document_id, r.start_char))]
    out["dates"] = sorted({r.date for r in reports if r.date})
    return out


# --- partners -----------------------------------------------------------------------

def _resolve(session: Session, entity_id: str) -> str:
    """The stored entity id `entity_id` names: exact, any case, or an English/Arabic name."""
    if session.get(m.Entity, entity_id) is not None:
        return entity_id
    key = entity_id.casefold()
    for e in session.scalars(select(m.Entity).where(or_(
            func.lower(m.Entity.id) == key, func.lower(m.Entity.name_en) == key))
            .order_by(m.Entity.id)):
        return e.id
    wanted = norm(entity_id)
    for e in session.scalars(select(m.Entity).order_by(m.Entity.id)):
        if norm(e.name_ar) == wanted:
            return e.id
    raise NotFoundError(f"no entity {entity_id!r} in the knowledge base")


def _kind(instrument: str | None) -> str | None:
    return instrument_kinds().get(instrument, "programme") if instrument else None


def partners(session: Session) -> list[dict]:
    """A row per partner (the partner side of any partnership), most sourced first.

    Returns [{"id", "type", "name_en", "name_ar", "parties": [str],
              "frameworks": [str], "programmes": [str], "missions": [str],
              "areas": [str], "first_seen": str|None, "last_seen": str|None,
              "statements": int, "sources": int}]   # sources = distinct documents
    """
    rows: dict[str, dict] = {}
    for p in session.scalars(select(m.Partnership).order_by(m.Partnership.id)):
        r = rows.setdefault(p.partner_id, {"parties": set(), "framework": set(),
                                           "programme": set(), "mission": set(), "areas": set(),
                                           "first": None, "last": None, "statements": 0})
        r["parties"].add(p.party_id)
        if p.instrument_id:
            r[_kind(p.instrument_id)].add(p.instrument_id)
        r["first"] = min(filter(None, (r["first"], p.first_seen)), default=None)
        r["last"] = max(filter(None, (r["last"], p.last_seen)), default=None)
        r["statements"] += p.statement_count
    for partner, area in session.execute(
            select(m.Partnership.partner_id, m.PartnershipArea.area)
            .join(m.Partnership, m.Partnership.id == m.PartnershipArea.partnership_id)):
        rows[partner]["areas"].add(area)
    counts = dict(session.execute(
        select(m.Partnership.partner_id, func.count(func.distinct(m.PartnershipStatement.document_id)))
        .join(m.Partnership, m.Partnership.id == m.PartnershipStatement.partnership_id)
        .group_by(m.Partnership.partner_id)).all())
    names = refs(session, rows)
    out = [{**names[pid], "parties": sorted(r["parties"]), "frameworks": sorted(r["framework"]),
            "programmes": sorted(r["programme"]), "missions": sorted(r["mission"]),
            "areas": sorted(r["areas"]), "first_seen": r["first"], "last_seen": r["last"],
            "statements": r["statements"], "sources": counts.get(pid, 0)}
           for pid, r in rows.items()]
    return sorted(out, key=lambda r: (-r["sources"], r["id"]))


def _conflicts(statements: list[dict], field: str) -> list[dict]:
    values: dict[object, list[str]] = defaultdict(list)
    for s in statements:
        if s[field] is not None:
            values[s[field]].append(s["document_id"])
    if len(values) < 2:
        return []
    return [{"value": v, "documents": sorted(d)} for v, d in sorted(values.items(), key=str)]


PROFILE_STATEMENTS = 10  # newest statements shown per partnership (all are counted)
PROFILE_SOURCES = 100  # newest sources shown in a profile (all are counted)


def partnership_rows(session: Session, ties: list[m.Partnership],
                     limit: int | None = PROFILE_STATEMENTS) -> list[dict]:
    """The partnership dicts of partner_profile()["partnerships"] for `ties`: the newest
    `limit` statements of each (None: all) with `statement_count`, and conflicts over all."""
    ids = [p.id for p in ties]
    statements: dict[str, list[dict]] = defaultdict(list)
    for pid, doc, action, date, count, seen in session.execute(select(
            m.PartnershipStatement.partnership_id, m.PartnershipStatement.document_id,
            m.PartnershipStatement.action, m.PartnershipStatement.date,
            m.PartnershipStatement.area_count, m.PartnershipStatement.seen)
            .where(m.PartnershipStatement.partnership_id.in_(ids))):
        statements[pid].append({"document_id": doc, "action": action, "date": date,
                                "area_count": count, "seen": seen})
    shown = {pid: sorted(rows, key=lambda s: (s["seen"] or "", s["document_id"]))[-limit if limit else 0:]
             for pid, rows in statements.items()}
    docs = document_sources(session, [s["document_id"] for rows in shown.values() for s in rows])
    evidence = _partnership_evidence(session, ids, set(docs))
    areas = _partnership_areas(session, ids)
    names = refs(session, [p.party_id for p in ties] + [p.instrument_id for p in ties])
    out = []
    for p in ties:
        said = [{**docs[s["document_id"]], **s, "evidence": evidence[(p.id, s["document_id"])]}
                for s in shown.get(p.id, [])]
        everything = statements.get(p.id, [])
        out.append({"id": p.id, "party": names[p.party_id],
                    "instrument": names.get(p.instrument_id) if p.instrument_id else None,
                    "instrument_kind": _kind(p.instrument_id), "first_seen": p.first_seen,
                    "last_seen": p.last_seen, "areas": areas[p.id], "statements": said,
                    "statement_count": len(everything),
                    "conflicts": {f: _conflicts(everything, f) for f in ("date", "area_count", "action")}})
    return out


def _partnership_evidence(session: Session, ids: list[str], docs: set[str]) -> dict:
    evidence: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for pid, doc, start, end, said in session.execute(select(
            m.PartnershipEvidence.partnership_id, m.PartnershipEvidence.document_id,
            m.PartnershipEvidence.start_char, m.PartnershipEvidence.end_char, m.PartnershipEvidence.text)
            .where(m.PartnershipEvidence.partnership_id.in_(ids), m.PartnershipEvidence.document_id.in_(docs))
            .order_by(m.PartnershipEvidence.start_char)):
        evidence[(pid, doc)].append({"start": start, "end": end, "text": said})
    return evidence


def _partnership_areas(session: Session, ids: list[str]) -> dict[str, list[dict]]:
    areas: dict[str, list[dict]] = defaultdict(list)
    for a in session.scalars(select(m.PartnershipArea).where(m.PartnershipArea.partnership_id.in_(ids))
                             .order_by(m.PartnershipArea.first_seen, m.PartnershipArea.area)):
        areas[a.partnership_id].append({"area": a.area, "first_seen": a.first_seen,
                                        "last_seen": a.last_seen, "sources": a.source_count})
    return areas


def _areas_by_year(session: Session, ids: list[str]) -> dict[str, list[str]]:
    years: dict[str, set[str]] = defaultdict(set)
    for area, seen in session.execute(select(m.PartnershipAreaSource.area, m.PartnershipAreaSource.seen)
                                      .where(m.PartnershipAreaSource.partnership_id.in_(ids))):
        years[seen[:4] if seen else "unknown"].add(area)
    return {y: sorted(a) for y, a in sorted(years.items())}


def _people_of(session: Session, entity_id: str, event_ids: list[str]) -> list[dict]:
    persons = set(session.scalars(select(m.Role.person_id).where(m.Role.of_id == entity_id)))
    persons |= set(session.scalars(select(m.EventParticipant.entity_id).where(
        m.EventParticipant.event_id.in_(event_ids), m.EventParticipant.role == "person")))
    return people(session, only=persons, counts=False)


def partner_profile(session: Session, partner_id: str) -> dict:
    """Everything the knowledge base holds on one partner (id, any case, or a name).

    Returns {"partner": Ref,
      "partnerships": [{"id", "party": Ref, "instrument": Ref|None, "instrument_kind",
          "first_seen", "last_seen",
          "areas": [{"area", "first_seen", "last_seen", "sources": int}],
          "statements": [Source + {"action", "date", "area_count", "seen",
                                   "evidence": [{"start", "end", "text"}]}],
          "conflicts": {"date"|"area_count"|"action": [{"value", "documents": [str]}]}}],
      "instruments": [Ref + {"kind", "first_seen", "last_seen"}],
      "areas_by_year": {"YYYY": [area]},
      "memberships": [{"instrument": Ref, "first_seen", "last_seen", "sources": int}],
      "events": [EventRow]   (timeline: oldest first, undated last),
      "people": [Person]     (see people(): its persons and those who acted in its events),
      "sources": [Source],   (the newest 100 documents behind its partnerships and events)
      "source_count": int}   (all of them; each partnership likewise shows its newest 10
                              statements and counts them all in "statement_count")
    """
    pid = _resolve(session, partner_id)
    ties = list(session.scalars(select(m.Partnership).where(m.Partnership.partner_id == pid)
                                .order_by(m.Partnership.first_seen, m.Partnership.id)))
    rows = partnership_rows(session, ties)
    timeline = list(session.scalars(
        select(m.Event).where(m.Event.id.in_(select(m.EventParticipant.event_id)
                                             .where(m.EventParticipant.entity_id == pid)))
        .order_by(m.Event.date.is_(None), m.Event.date, m.Event.id)))
    doc_ids = set(session.scalars(select(m.PartnershipStatement.document_id).where(
        m.PartnershipStatement.partnership_id.in_([t.id for t in ties]))))
    doc_ids |= set(session.scalars(select(m.EventReport.document_id).where(
        m.EventReport.event_id.in_([e.id for e in timeline]))))
    newest = list(session.scalars(select(m.Document.id).where(m.Document.id.in_(doc_ids))
                                  .order_by(m.Document.published.desc(), m.Document.id).limit(PROFILE_SOURCES)))
    instruments = refs(session, [t.instrument_id for t in ties])
    return {
        "partner": refs(session, [pid])[pid],
        "partnerships": rows,
        "instruments": [{**instruments[t.instrument_id], "kind": _kind(t.instrument_id),
                         "first_seen": t.first_seen, "last_seen": t.last_seen}
                        for t in ties if t.instrument_id],
        "areas_by_year": _areas_by_year(session, [t.id for t in ties]),
        "memberships": memberships(session, member=pid),
        "events": _event_rows(session, timeline),
        "people": _people_of(session, pid, [e.id for e in timeline]),
        "sources": _sorted_sources(document_sources(session, newest).values()),
        "source_count": len(doc_ids),
    }


def memberships(session: Session, member: str | None = None) -> list[dict]:
    """Group memberships. Returns [{"instrument": Ref, "member": Ref, "first_seen",
    "last_seen", "sources": int}]."""
    query = select(m.Membership).order_by(m.Membership.instrument_id, m.Membership.member_id)
    if member:
        query = query.where(m.Membership.member_id == member)
    rows = list(session.scalars(query))
    names = refs(session, [r.instrument_id for r in rows] + [r.member_id for r in rows])
    return [{"instrument": names[r.instrument_id], "member": names[r.member_id],
             "first_seen": r.first_seen, "last_seen": r.last_seen, "sources": r.source_count}
            for r in rows]


# --- people, entities, sources, stats -----------------------------------------------

def people(session: Session, only: set[str] | None = None, counts: bool = True) -> list[dict]:
    """Persons, most mentioned first (only those in `only`, when given). With
    `counts=False` (a partner profile), "documents" counts the documents that gave the
    person a role instead of every mention, which is much cheaper on a large base.

    Returns [{"id", "name_en", "name_ar",
              "roles": [{"title_en", "of": str|None, "first_seen", "last_seen", "sources": int}],
              "documents": int, "events": int}]
    """
    def among(column, query):  # noqa: ANN001, ANN202
        return query if only is None else query.where(column.in_(only))

    persons = list(session.scalars(among(m.Entity.id, select(m.Entity).where(m.Entity.type == "person"))))
    docs = dict(session.execute(among(m.Mention.entity_id, select(
        m.Mention.entity_id, func.count(func.distinct(m.Mention.document_id))))
        .group_by(m.Mention.entity_id)).all()) if counts else {}
    evs = dict(session.execute(among(m.EventParticipant.entity_id, select(
        m.EventParticipant.entity_id, func.count(m.EventParticipant.event_id))
        .where(m.EventParticipant.role == "person")).group_by(m.EventParticipant.entity_id)).all())
    roles: dict[str, list[dict]] = defaultdict(list)
    grouped = among(m.Role.person_id, select(
        m.Role.person_id, m.Role.title_en, m.Role.of_id, func.min(m.Role.as_of), func.max(m.Role.as_of),
        func.count(func.distinct(m.Role.document_id)), func.min(m.Role.document_id))
    ).group_by(m.Role.person_id, m.Role.title_en, m.Role.of_id)
    for person, title, of, first, last, sources, _ in sorted(
            session.execute(grouped).all(), key=lambda r: (r[3] or "\uffff", r[6])):
        roles[person].append({"title_en": title, "of": of, "first_seen": first, "last_seen": last,
                              "sources": sources})
    out = []
    for p in persons:
        documents = docs.get(p.id, 0) if counts else sum(r["sources"] for r in roles[p.id])
        out.append({"id": p.id, "name_en": p.name_en, "name_ar": p.name_ar, "roles": roles[p.id],
                    "documents": documents, "events": evs.get(p.id, 0)})
    return sorted(out, key=lambda p: (-p["documents"], p["id"]))


def entities(session: Session, type: str | None = None) -> list[dict]:  # noqa: A002
    """Entities, most mentioned first. Returns [Ref + {"documents": int, "mentions": int}]."""
    query = select(m.Entity).order_by(m.Entity.id)
    if type:
        query = query.where(m.Entity.type == type)
    counts = {eid: (d, n) for eid, d, n in session.execute(
        select(m.Mention.entity_id, func.count(func.distinct(m.Mention.document_id)), func.count())
        .group_by(m.Mention.entity_id))}
    out = [{"id": e.id, "type": e.type, "name_en": e.name_en, "name_ar": e.name_ar,
            "documents": counts.get(e.id, (0, 0))[0], "mentions": counts.get(e.id, (0, 0))[1]}
           for e in session.scalars(query)]
    return sorted(out, key=lambda e: (-e["documents"], -e["mentions"], e["id"]))


def sources(session: Session) -> list[dict]:
    """Every document with its sources and story, oldest first.

    Returns [Source + {"sources": [str], "story_id": str, "story_size": int,
                       "similarity": float|None}]   (similarity to the story's first document)
    """
    docs = list(session.execute(select(m.Document.id, m.Document.story_id, m.Document.similarity)))
    info = document_sources(session, [d[0] for d in docs])
    sizes = dict(session.execute(select(m.Story.id, m.Story.document_count)).all())
    out = [{**info[d], "story_id": story, "story_size": sizes.get(story, 1), "similarity": sim}
           for d, story, sim in docs]
    return _sorted_sources(out)


def document(session: Session, document_id: str) -> dict:
    """One stored document with its raw text and every span the knowledge base cites.

    Returns Source + {"sources": [str], "story_id": str, "text": str,
      "marks": [{"start": int, "end": int, "text": str,
                 "kind": "event"|"partnership"|"membership", "ref": str}]}
    (marks sorted by start; ref is the event id, the partnership id, or the membership's
    instrument id).
    """
    doc = session.get(m.Document, document_id)
    if doc is None:
        raise NotFoundError(f"no document {document_id!r}")
    cited = [(m.EventReport, "event", m.EventReport.event_id),
             (m.PartnershipEvidence, "partnership", m.PartnershipEvidence.partnership_id),
             (m.MembershipEvidence, "membership", m.MembershipEvidence.instrument_id)]
    marks = []
    for model, kind, ref in cited:
        rows = session.execute(select(model.start_char, model.end_char, model.text, ref)
                               .where(model.document_id == document_id))
        marks += [{"start": a, "end": b, "text": t, "kind": kind, "ref": r}
                  for a, b, t, r in rows]
    marks.sort(key=lambda mark: (mark["start"], mark["end"], mark["kind"], mark["ref"]))
    info = document_sources(session, [document_id])[document_id]
    return {**info, "story_id": doc.story_id, "text": doc.text, "marks": marks}


def stats(session: Session) -> dict:
    """Counts of what is stored, and the publication date range.

    Returns {"documents", "sources", "stories", "sentences", "entities", "mentions",
             "persons", "events", "event_reports", "partnerships", "partnership_statements",
             "memberships": int, "first_published": str|None, "last_published": str|None,
             "backend": "sqlite"|"postgresql"}
    """
    def count(model: type[m.Base]) -> int:
        return session.scalar(select(func.count()).select_from(model)) or 0

    first, last = session.execute(select(func.min(m.Document.published),
                                         func.max(m.Document.published))).one()
    return {
        "documents": count(m.Document), "sources": count(m.Source), "stories": count(m.Story),
        "sentences": count(m.Sentence), "entities": count(m.Entity), "mentions": count(m.Mention),
        "persons": session.scalar(select(func.count()).where(m.Entity.type == "person")) or 0,
        "events": count(m.Event), "event_reports": count(m.EventReport),
        "partnerships": count(m.Partnership),
        "partnership_statements": count(m.PartnershipStatement),
        "memberships": count(m.Membership), "first_published": first, "last_published": last,
        "backend": session.get_bind().dialect.name,
    }


# --- search -------------------------------------------------------------------------

def _fts_ids(session: Session, words: list[str]) -> Select | None:
    """A select of the ids of sentences holding every word (full-text index)."""
    if not words:
        return None
    if session.get_bind().dialect.name == "sqlite":
        expr = " AND ".join('"' + w.replace('"', '""') + '"' for w in words)
        return select(literal_column("rowid").label("id")).select_from(text("sentence_fts")).where(
            text("sentence_fts MATCH :expr").bindparams(expr=expr))
    if session.get_bind().dialect.name == "postgresql":
        return select(m.Sentence.id).where(text(
            "to_tsvector('simple', sentences.terms) @@ plainto_tsquery('simple', :q)")
            .bindparams(q=" ".join(words)))
    pattern = [m.Sentence.terms.like(f"%{w}%") for w in words]  # other backends: LIKE
    return select(m.Sentence.id).where(and_(*pattern))


def _matching_entities(session: Session, q: str) -> list[m.Entity]:
    """Entities whose id or English name is `q` (any case), else whose English name
    contains it (3+ letters), or whose Arabic name normalizes to it."""
    key, wanted = q.strip().casefold(), norm(q.strip())
    if not key:
        return []
    exact, partial = [], []
    for e in session.scalars(select(m.Entity).order_by(m.Entity.id)):
        name = (e.name_en or "").casefold()
        if key in (e.id.casefold(), name) or wanted == norm(e.name_ar):
            exact.append(e)
        elif len(key) >= 3 and key in name:
            partial.append(e)
    return exact or partial


def _mention_ids(entity_ids: list[str]) -> Select:
    """Ids of sentences holding a mention of one of `entity_ids`."""
    return select(m.Sentence.id).join(m.Mention, and_(
        m.Mention.document_id == m.Sentence.document_id,
        m.Mention.start_char >= m.Sentence.start_char,
        m.Mention.end_char <= m.Sentence.end_char)).where(m.Mention.entity_id.in_(entity_ids))


def search(session: Session, q: str, limit: int = 20, offset: int = 0) -> dict:
    """Sentences matching `q`: Arabic full text (normalized; clitics and the article need
    not match: الناتو finds والناتو and للناتو), and sentences mentioning the entities whose
    id or name matches `q` (so English names work: "South Korea", "Stoltenberg").

    Returns {"query": str, "normalized": str, "words": [str], "total": int,
             "limit": int, "offset": int, "entities": [Ref],
             "items": [Source + {"sentence_id": int, "start": int, "end": int, "text": str}]}
    (newest documents first; start/end are raw offsets in the document's text).
    """
    words = query_words(q)
    matched = _matching_entities(session, q)
    parts = [s for s in (_fts_ids(session, words),
                         _mention_ids([e.id for e in matched]) if matched else None) if s is not None]
    result = {"query": q, "normalized": norm(q), "words": words, "total": 0, "limit": limit,
              "offset": offset, "entities": [refs(session, [e.id])[e.id] for e in matched],
              "items": []}
    if not parts:
        return result
    ids = parts[0] if len(parts) == 1 else parts[0].union(parts[1])
    ids = ids.subquery()
    hits = (select(m.Sentence).join(m.Document, m.Document.id == m.Sentence.document_id)
            .where(m.Sentence.id.in_(select(ids.c.id))))
    result["total"] = session.scalar(select(func.count()).select_from(ids)) or 0
    rows = list(session.scalars(hits.order_by(m.Document.published.is_(None),
                                              m.Document.published.desc(), m.Sentence.id)
                                .limit(limit).offset(offset)))
    docs = document_sources(session, [r.document_id for r in rows])
    result["items"] = [{**docs[r.document_id], "sentence_id": r.id, "start": r.start_char,
                        "end": r.end_char, "text": r.text} for r in rows]
    return result

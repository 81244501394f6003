"""Entity rows: every id a document's records refer to exists in `entities` before use.

Names come from the extraction; an id referred to but not extracted (a role's `of`, a
party never named in the text) takes its names from the packaged knowledge base, else
type `unknown` and the id as its name.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from shuraka.gazetteer import load
from shuraka.gazetteer.compile import record_key
from shuraka.model import Extraction
from shuraka.store.models import Entity

Row = tuple[str, str | None, str]  # type, name_en, name_ar


def knowledge_base_row(entity_id: str, hint: str | None = None) -> Row:
    """The (type, name_en, name_ar) of an id from the packaged knowledge base."""
    records = load().records
    keys = [record_key(entity_id, hint)] if hint else []
    keys += [entity_id, record_key(entity_id, "instrument")]
    for key in keys:
        record = records.get(key)
        if record is not None and record.type in ("country", "organization", "instrument",
                                                  "person", "place"):
            return record.type, record.name_en, record.name_ar
    if entity_id.startswith("ar:"):
        return "unknown", None, entity_id[3:].replace("-", " ")
    return "unknown", None, entity_id


def referenced(extraction: Extraction) -> dict[str, str | None]:
    """Every id the records of `extraction` refer to, with a type hint where known."""
    refs: dict[str, str | None] = {}
    for e in extraction.entities:
        refs.update({r.of: None for r in e.roles if r.of})
    for ev in extraction.events:
        refs.update({i: None for i in ev.actors + ev.recipients + ev.people})
        if ev.location:
            refs[ev.location] = None
    for p in extraction.partnerships:
        refs.update({p.party: None, p.partner: None})
        if p.instrument:
            refs[p.instrument] = "instrument"
    for m in extraction.memberships:
        refs.update({m.instrument: "instrument", m.member: None})
    return refs


class EntityIndex:
    """Which entity ids are stored; adds the missing ones of a document to its session."""

    def __init__(self) -> None:
        self.committed: set[str] = set()
        self.unknown: set[str] | None = None  # stored with type "unknown" (names to fill)

    def ensure(self, session: Session, extraction: Extraction) -> dict[str, str]:
        """Add rows for the ids of `extraction` not stored yet, and name the ones stored as
        `unknown` that it names; returns {id: type} of the rows added or changed."""
        rows: dict[str, Row] = {e.id: (e.type, e.name_en, e.name_ar) for e in extraction.entities}
        for entity_id, hint in referenced(extraction).items():
            if entity_id not in rows:
                rows[entity_id] = knowledge_base_row(entity_id, hint)
        missing = [i for i in rows if i not in self.committed]
        if missing:
            stored = set(session.scalars(select(Entity.id).where(Entity.id.in_(missing))))
            self.committed |= stored
            missing = [i for i in missing if i not in stored]
        session.add_all(Entity(id=i, type=rows[i][0], name_en=rows[i][1], name_ar=rows[i][2])
                        for i in missing)
        changes = {i: rows[i][0] for i in missing}
        changes.update(self._name_unknown(session, extraction))
        return changes

    def _name_unknown(self, session: Session, extraction: Extraction) -> dict[str, str]:
        """Give an entity first stored as `unknown` the type and names extracted now."""
        if self.unknown is None:
            self.unknown = set(session.scalars(select(Entity.id).where(Entity.type == "unknown")))
        named = {}
        for e in extraction.entities:
            row = session.get(Entity, e.id) if e.id in self.unknown else None
            if row is not None and row.type == "unknown" and e.type != "unknown":
                row.type, row.name_en, row.name_ar = e.type, e.name_en, e.name_ar
                named[e.id] = e.type
        return named

    def confirm(self, changes: dict[str, str]) -> None:
        """Record what `ensure` changed, once its transaction has committed."""
        self.committed.update(changes)
        if self.unknown is not None:
            self.unknown |= {i for i, t in changes.items() if t == "unknown"}
            self.unknown -= {i for i, t in changes.items() if t != "unknown"}

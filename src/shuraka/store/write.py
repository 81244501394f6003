"""Writing one prepared document: its story, source, sentences (and their search index),
mentions and roles. Events, partnerships and memberships go through `merge`."""

from __future__ import annotations

from collections import OrderedDict

from sqlalchemy import func, insert, literal, select, text
from sqlalchemy.orm import Session

from shuraka.store import dedup
from shuraka.store.models import (
    Document,
    DocumentBand,
    Mention,
    Role,
    Sentence,
    Source,
    Story,
)
from shuraka.store.prepare import Prepared

MAX_CANDIDATES = 8
_SHINGLES: OrderedDict[str, frozenset[int]] = OrderedDict()  # recent documents' shingles
_SHINGLES_SIZE = 4096


def _shingles_of(session: Session, document_id: str) -> tuple[str, frozenset[int]]:
    """(story id, shingles) of a stored document; shingles cached for recent documents."""
    story_id, norm_text = session.execute(
        select(Document.story_id, Document.norm_text if document_id not in _SHINGLES else literal(None))
        .where(Document.id == document_id)).one()
    if document_id in _SHINGLES:
        _SHINGLES.move_to_end(document_id)
        return story_id, _SHINGLES[document_id]
    hashes = remember_shingles(document_id, dedup.shingles(norm_text))
    return story_id, hashes


def remember_shingles(document_id: str, hashes: frozenset[int]) -> frozenset[int]:
    _SHINGLES[document_id] = hashes
    if len(_SHINGLES) > _SHINGLES_SIZE:
        _SHINGLES.popitem(last=False)
    return hashes


def add_source(session: Session, document_id: str, source: str) -> bool:
    """Record that `document_id` was also read at `source`; False if already known."""
    if session.get(Source, (document_id, source)) is not None:
        return False
    session.add(Source(document_id=document_id, source=source))
    return True


def find_story(session: Session, prepared: Prepared) -> tuple[str, float] | None:
    """The story of the most similar stored near-duplicate, and its Jaccard index.

    Candidates share at least one LSH band; the MAX_CANDIDATES sharing the most bands
    (the likeliest near-duplicates) are checked exactly on their shingles.
    """
    if not prepared.bands or len(prepared.shingles) < dedup.MIN_SHINGLES:
        return None
    wanted = {(i, v) for i, v in enumerate(prepared.bands)}
    shared: dict[str, int] = {}
    for doc_id, band, value in session.execute(
            select(DocumentBand.document_id, DocumentBand.band, DocumentBand.value)
            .where(DocumentBand.value.in_(prepared.bands))):
        if (band, value) in wanted:
            shared[doc_id] = shared.get(doc_id, 0) + 1
    candidates = sorted(shared.items(), key=lambda c: (-c[1], c[0]))[:MAX_CANDIDATES]
    best: tuple[float, str] | None = None
    for doc_id, _count in candidates:
        story_id, hashes = _shingles_of(session, doc_id)
        sim = dedup.similarity(prepared.shingles, hashes)
        if sim.near_duplicate and (best is None or sim.jaccard > best[0]):
            best = (sim.jaccard, story_id)
    return (best[1], round(best[0], 4)) if best else None


def _story(session: Session, prepared: Prepared) -> tuple[str, float | None]:
    doc = prepared.extraction.document
    found = find_story(session, prepared)
    if found is None:
        session.add(Story(id=doc.id, title=doc.title, first_published=doc.published,
                          document_count=1))
        session.flush()
        return doc.id, None
    story = session.get(Story, found[0])
    story.document_count += 1
    if doc.published and (story.first_published is None or doc.published < story.first_published):
        story.first_published = doc.published
    story.title = story.title or doc.title
    return found


def insert_rows(session: Session, model: type, rows: list[dict]) -> None:
    """Bulk-insert plain rows (fast path: no ORM objects; pending objects flush first)."""
    if rows:
        session.execute(insert(model), rows)


def _sentences(session: Session, prepared: Prepared, document_id: str) -> None:
    next_id = (session.scalar(select(func.max(Sentence.id))) or 0) + 1
    rows = [{"id": next_id + i, "document_id": document_id, "start_char": s.start,
             "end_char": s.end, "text": s.text, "norm": s.norm, "terms": s.terms}
            for i, s in enumerate(prepared.sentences)]
    insert_rows(session, Sentence, rows)
    if rows and session.get_bind().dialect.name == "sqlite":
        session.execute(text("INSERT INTO sentence_fts(rowid, terms) VALUES (:id, :terms)"),
                        [{"id": r["id"], "terms": r["terms"]} for r in rows])


def _mentions_and_roles(session: Session, prepared: Prepared) -> None:
    doc = prepared.extraction.document
    mentions: dict[tuple[int, int, str], dict] = {}
    roles: dict[tuple[str, str, int], dict] = {}
    for entity in prepared.extraction.entities:
        for m in entity.mentions:
            mentions.setdefault((m.start, m.end, entity.id), {
                "document_id": doc.id, "start_char": m.start, "end_char": m.end,
                "entity_id": entity.id, "text": m.text})
        for r in entity.roles:
            roles.setdefault((entity.id, r.title_en, r.evidence.start), {
                "document_id": doc.id, "person_id": entity.id, "title_en": r.title_en,
                "start_char": r.evidence.start, "end_char": r.evidence.end,
                "text": r.evidence.text, "of_id": r.of, "as_of": doc.published})
    insert_rows(session, Mention, list(mentions.values()))
    insert_rows(session, Role, list(roles.values()))


def write_document(session: Session, prepared: Prepared) -> Document:
    """Add the document of `prepared` with its story, source, sentences, mentions, roles."""
    doc = prepared.extraction.document
    story_id, similarity = _story(session, prepared)
    row = Document(id=doc.id, story_id=story_id, similarity=similarity, title=doc.title,
                   published=doc.published, language=doc.language, text=doc.text,
                   norm_text=prepared.norm_text)
    session.add(row)
    session.flush()
    insert_rows(session, Source, [{"document_id": doc.id, "source": doc.source}])
    insert_rows(session, DocumentBand, [{"document_id": doc.id, "band": i, "value": v}
                                        for i, v in enumerate(prepared.bands)])
    _sentences(session, prepared, doc.id)
    _mentions_and_roles(session, prepared)
    return row

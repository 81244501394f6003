"""The read-only REST API under /api/: thin wrappers over the store's queries."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from shuraka.api.data import Data
from shuraka.api.errors import ERROR_RESPONSES
from shuraka.api.params import DateParam as Since
from shuraka.api.params import DateParam as Until
from shuraka.api.params import (
    EntityFilter,
    EventId,
    Limit,
    Offset,
    PartnerFilter,
    PartnerId,
    SearchQuery,
    SourceId,
    TypeFilter,
)

router = APIRouter(prefix="/api", responses=ERROR_RESPONSES)


def _data(request: Request) -> Data:
    return request.app.state.data


def _page(rows: list[dict], limit: int, offset: int) -> dict[str, Any]:
    """One bounded page of a list, in the shape of the store's paginated answers."""
    return {"ok": True, "total": len(rows), "limit": limit, "offset": offset,
            "items": rows[offset:offset + limit]}


@router.get("/partners", tags=["partners"], summary="Every partner")
def partners(request: Request, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    """One row per partner of NATO (or of another party), most sourced first."""
    return _page(_data(request).partners(), limit, offset)


@router.get("/partners/{partner_id}", tags=["partners"], summary="A partner's profile")
def partner(request: Request, partner_id: PartnerId) -> dict[str, Any]:
    """Partnerships, instruments, areas by year, events, people and sources of one partner."""
    return {"ok": True, **_data(request).partner(partner_id)}


@router.get("/events", tags=["events"], summary="Events, filtered and paginated")
def events(request: Request, partner: PartnerFilter = None, type: TypeFilter = None,  # noqa: A002
           since: Since = None, until: Until = None, limit: Limit = 50,
           offset: Offset = 0) -> dict[str, Any]:
    """Merged events, newest first; `total` counts every match, `items` holds one page."""
    page = _data(request).events(partner=partner, type=type.value if type else None,
                                 since=since, until=until, limit=limit, offset=offset)
    return {"ok": True, **page}


@router.get("/events/{event_id}", tags=["events"], summary="One event with its reports")
def event(request: Request, event_id: EventId) -> dict[str, Any]:
    """An event, with every sentence that reports it (raw offsets into its document)."""
    return {"ok": True, **_data(request).event(event_id)}


@router.get("/entities", tags=["entities"], summary="Entities, by type")
def entities(request: Request, type: EntityFilter = None,  # noqa: A002
             limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    """Countries, organizations, instruments, persons and places, most mentioned first."""
    return _page(_data(request).entities(type=type.value if type else None), limit, offset)


@router.get("/people", tags=["entities"], summary="People and their roles")
def people(request: Request, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    """Persons with the roles the articles give them, most mentioned first."""
    return _page(_data(request).people(), limit, offset)


@router.get("/search", tags=["search"], summary="Full-text and entity search")
def search(request: Request, q: SearchQuery, limit: Limit = 20,
           offset: Offset = 0) -> dict[str, Any]:
    """Sentences matching the words (Arabic, normalized) or naming a matching entity."""
    return {"ok": True, **_data(request).search(q, limit=limit, offset=offset)}


@router.get("/sources", tags=["sources"], summary="Every article")
def sources(request: Request, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    """Every stored document with its sources, oldest first."""
    return _page(_data(request).sources(), limit, offset)


@router.get("/sources/{source_id}", tags=["sources"], summary="One article and its cited spans")
def source(request: Request, source_id: SourceId) -> dict[str, Any]:
    """A document's raw text and every span the knowledge base cites from it."""
    return {"ok": True, **_data(request).source(source_id)}


@router.get("/stats", tags=["stats"], summary="Counts")
def stats(request: Request) -> dict[str, Any]:
    """How much is stored, and the publication date range."""
    return {"ok": True, **_data(request).stats()}

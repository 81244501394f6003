"""Every parameter the API and the pages accept, with its bounds."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from fastapi import Path, Query

MAX_LIMIT = 100
MAX_OFFSET = 100_000
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9:_.\-\u0600-\u06FF]{0,159}$"
DATE_PATTERN = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"  # ASCII digits only


class EventType(StrEnum):
    """PLOVER event types (CONTRACT.md)."""

    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    CONCEDE = "CONCEDE"
    COOPERATE = "COOPERATE"
    AID = "AID"
    RETREAT = "RETREAT"
    REQUEST = "REQUEST"
    ACCUSE = "ACCUSE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    PROTEST = "PROTEST"
    SANCTION = "SANCTION"
    MOBILIZE = "MOBILIZE"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"


class EntityType(StrEnum):
    """Entity types (CONTRACT.md)."""

    country = "country"
    organization = "organization"
    instrument = "instrument"
    person = "person"
    place = "place"


class Lang(StrEnum):
    """Page languages."""

    ar = "ar"
    en = "en"


class Format(StrEnum):
    """A page as HTML or as its JSON twin."""

    html = "html"
    json = "json"


def _id(what: str) -> object:
    return Path(pattern=ID_PATTERN, min_length=1, max_length=160,
                description=f"{what} id (CONTRACT.md identifiers)")


PartnerId = Annotated[str, _id("Partner")]
EventId = Annotated[str, _id("Event")]
SourceId = Annotated[str, _id("Source document")]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size, 1 to {MAX_LIMIT}")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip")]
DateParam = Annotated[str | None, Query(pattern=DATE_PATTERN,
                                        description="YYYY, YYYY-MM or YYYY-MM-DD")]
PartnerFilter = Annotated[str | None, Query(pattern=ID_PATTERN, max_length=160,
                                            description="Only events involving this id")]
TypeFilter = Annotated[EventType | None, Query(description="PLOVER event type")]
EntityFilter = Annotated[EntityType | None, Query(description="Entity type")]
SearchQuery = Annotated[str, Query(min_length=1, max_length=200, description="Words to find")]
OptionalSearch = Annotated[str | None, Query(max_length=200, description="Words to find")]
LangParam = Annotated[Lang | None, Query(description="Page language: ar (default) or en")]
FormatParam = Annotated[Format | None, Query(description="json for the page's JSON twin")]

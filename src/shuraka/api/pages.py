"""The dashboard's pages. Each has a JSON twin: add `.json` to the path or `?format=json`."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from shuraka.api.data import Data
from shuraka.api.i18n import Translator
from shuraka.api.params import (
    EventId,
    FormatParam,
    LangParam,
    Limit,
    Offset,
    OptionalSearch,
    PartnerId,
    SourceId,
)
from shuraka.api.render import environment, page_lang, respond
from shuraka.api.views import event, network, overview, partner, search, source

router = APIRouter(include_in_schema=False)
SUFFIX = ".json"


class Kind(StrEnum):
    """Search facets."""

    sentence = "sentence"
    country = "country"
    organization = "organization"
    instrument = "instrument"
    person = "person"
    place = "place"


KindParam = Annotated[Kind | None, Query(description="Only hits of this kind")]


def _data(request: Request) -> Data:
    return request.app.state.data


def _split(value: str, fmt: str | None) -> tuple[str, bool]:
    """An id without its `.json` suffix, and whether the JSON twin was asked for."""
    if value.endswith(SUFFIX) and len(value) > len(SUFFIX):
        return value[: -len(SUFFIX)], True
    return value, fmt == "json"


@router.get("/")
@router.get("/index.json")
def overview_page(request: Request, lang: LangParam = None,
                  format: FormatParam = None) -> Response:  # noqa: A002
    as_json = request.url.path.endswith(SUFFIX) or format == "json"
    return respond(request, "overview.html", overview.build(_data(request)),
                   as_json=as_json, lang=lang)


@router.get("/network")
@router.get("/network.json")
def network_page(request: Request, lang: LangParam = None,
                 format: FormatParam = None) -> Response:  # noqa: A002
    as_json = request.url.path.endswith(SUFFIX) or format == "json"
    return respond(request, "network.html", network.build(_data(request)),
                   as_json=as_json, lang=lang)


@router.get("/partner/{partner_id}")
def partner_page(request: Request, partner_id: PartnerId, lang: LangParam = None,
                 format: FormatParam = None) -> Response:  # noqa: A002
    pid, as_json = _split(partner_id, format)
    return respond(request, "partner.html", partner.build(_data(request), pid),
                   as_json=as_json, lang=lang)


@router.get("/event/{event_id}")
def event_page(request: Request, event_id: EventId, lang: LangParam = None,
               format: FormatParam = None) -> Response:  # noqa: A002
    eid, as_json = _split(event_id, format)
    return respond(request, "event.html", event.build(_data(request), eid),
                   as_json=as_json, lang=lang)


@router.get("/source/{source_id}")
def source_page(request: Request, source_id: SourceId, lang: LangParam = None,
                format: FormatParam = None) -> Response:  # noqa: A002
    sid, as_json = _split(source_id, format)
    return respond(request, "source.html", source.build(_data(request), sid),
                   as_json=as_json, lang=lang)


@router.get("/search")
@router.get("/search.json")
def search_page(request: Request, q: OptionalSearch = None, kind: KindParam = None,
                limit: Limit = 20, offset: Offset = 0, lang: LangParam = None,
                format: FormatParam = None) -> Response:  # noqa: A002
    as_json = request.url.path.endswith(SUFFIX) or format == "json"
    page = search.build(_data(request), q, kind.value if kind else None, limit, offset)
    return respond(request, "search.html", page, as_json=as_json, lang=lang)


@router.get("/docs")
def docs_page(request: Request, lang: LangParam = None) -> Response:
    """Swagger UI over /openapi.json, served from the vendored bundle."""
    from starlette.responses import HTMLResponse

    t = Translator(page_lang(request, lang))
    return HTMLResponse(environment().get_template("docs.html").render(t=t))

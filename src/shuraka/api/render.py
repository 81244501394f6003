"""HTML pages and their JSON twins: one template per page, the same data for both."""

from __future__ import annotations

from functools import lru_cache
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import Request
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from starlette.responses import HTMLResponse, JSONResponse, Response

from shuraka.api.errors import error_body
from shuraka.api.i18n import DEFAULT_LANG, LANGS, Translator

COOKIE = "lang"
COOKIE_AGE = 365 * 24 * 3600


def _path_quote(value: object) -> str:
    """One URL path segment, every reserved character escaped."""
    return quote(str(value), safe="")


def _safe_href(value: object) -> str | None:
    """An external link only when it is plainly http(s); anything else is not linked."""
    text = str(value or "")
    return text if text.lower().startswith(("http://", "https://")) else None


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The Jinja environment: packaged templates, autoescaping on for every file."""
    env = Environment(loader=PackageLoader("shuraka.web", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["seg"] = _path_quote
    env.filters["safe_href"] = _safe_href
    return env


def page_lang(request: Request, lang: str | None) -> str:
    """The language asked for (query, then cookie), Arabic by default."""
    if lang in LANGS:
        return lang
    cookie = request.cookies.get(COOKIE)
    return cookie if cookie in LANGS else DEFAULT_LANG


def _json_url(request: Request) -> str:
    path = request.url.path.rstrip("/") or "/index"
    query = [(k, v) for k, v in request.query_params.multi_items() if k not in ("lang", "format")]
    return f"{path}.json" + (f"?{urlencode(query)}" if query else "")


def _lang_url(request: Request, other: str) -> str:
    query = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"]
    return f"{request.url.path}?{urlencode([*query, ('lang', other)])}"


def nav(request: Request, t: Translator, page: str, as_of: str | None = None) -> dict[str, Any]:
    """What the shared header and footer need."""
    return {"page": page, "json_url": _json_url(request), "lang_url": _lang_url(request, t.other),
            "as_of": as_of}


def render(request: Request, template: str, page: dict[str, Any], *, lang: str | None,
           status: int = 200) -> Response:
    """The HTML page for `page` (the JSON twin's data) in the language asked for."""
    t = Translator(page_lang(request, lang))
    body = environment().get_template(template).render(
        t=t, page=page, nav=nav(request, t, page.get("page", ""), page.get("as_of")))
    response = HTMLResponse(body, status_code=status)
    if lang in LANGS:
        response.set_cookie(COOKIE, lang, max_age=COOKIE_AGE, samesite="lax", httponly=True)
    return response


def respond(request: Request, template: str, page: dict[str, Any], *, as_json: bool,
            lang: str | None) -> Response:
    """The page, or its JSON twin."""
    if as_json:
        return JSONResponse({"ok": True, **page})
    return render(request, template, page, lang=lang)


def render_error(request: Request, status: int, message: str) -> Response:
    """The HTML error page (JSON callers get `errors.error_body` instead)."""
    page = {"page": "error", **error_body(status, message)}
    return render(request, "error.html", page, lang=request.query_params.get("lang"),
                  status=status)

"""The web application: REST API, pages, packaged static assets, one error shape."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from shuraka import __version__
from shuraka.api import errors, pages, routes
from shuraka.api.data import Data, StoreData
from shuraka.api.render import render_error

DESCRIPTION = """Read-only access to a shuraka knowledge base: NATO's partners, their
partnerships and cooperation areas, events (PLOVER), people and the source articles.
Every fact carries the sentence it comes from. Errors always answer
`{"ok": false, "error": "...", "status": N}`."""

# Scripts and styles only from this server; article text can never run (no inline script).
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")
HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
           (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]


class SecurityHeaders:
    """Adds the CSP and friends to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _openapi(app: FastAPI) -> dict[str, Any]:
    """The schema, with FastAPI's 422 replaced by our 400 error shape."""
    if app.openapi_schema:
        return app.openapi_schema
    from fastapi.openapi.utils import get_openapi

    schema = get_openapi(title=app.title, version=app.version, description=app.description,
                         routes=app.routes)
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            operation.get("responses", {}).pop("422", None)
    for name in ("HTTPValidationError", "ValidationError"):
        schema.get("components", {}).get("schemas", {}).pop(name, None)
    app.openapi_schema = schema
    return schema


def create_app(db_url: str | None = None, *, data: Data | None = None,
               cache: bool = True) -> FastAPI:
    """The app over the knowledge base at `db_url` (or over `data`, for tests); `cache`
    keeps answers until the knowledge base changes."""
    app = FastAPI(title="shuraka", version=__version__, description=DESCRIPTION,
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json")
    app.state.data = data if data is not None else StoreData(db_url or "", cache=cache)
    app.state.render_error = render_error
    errors.install(app)
    app.include_router(routes.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(packages=[("shuraka.web", "static")]), name="static")
    app.add_middleware(SecurityHeaders)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app

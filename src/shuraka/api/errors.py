"""The one JSON error shape, `{"ok": false, "error": ..., "status": ...}`, and the
handlers that turn every failure into it (or into the HTML error page)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse, Response

from shuraka.api.data import NotFound
from shuraka.errors import ShurakaError


class ErrorBody(BaseModel):
    """What every error answers, whatever went wrong."""

    ok: bool = False
    error: str
    status: int


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "A parameter failed validation"},
    404: {"model": ErrorBody, "description": "No such record"},
}


class BadParameter(ShurakaError):
    """A query or path parameter that the API does not accept."""


def error_body(status: int, message: str) -> dict[str, Any]:
    """The single error shape."""
    return {"ok": False, "error": message, "status": status}


def wants_json(request: Request) -> bool:
    """API calls and JSON twins answer JSON; pages answer the HTML error page."""
    path = request.url.path
    return (path.startswith("/api/") or path.endswith(".json")
            or request.query_params.get("format") == "json")


def _validation_message(error: RequestValidationError) -> str:
    parts = []
    for item in error.errors():
        where = ".".join(str(p) for p in item.get("loc", ()) if p not in ("query", "path"))
        parts.append(f"{where}: {item.get('msg', 'invalid')}" if where else item.get("msg", ""))
    return "; ".join(parts) or "invalid parameters"


def _respond(request: Request, status: int, message: str) -> Response:
    if wants_json(request) or not hasattr(request.app.state, "render_error"):
        return JSONResponse(error_body(status, message), status_code=status)
    return request.app.state.render_error(request, status, message)


def install(app: FastAPI) -> None:
    """Route every error through `_respond`."""

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "error"
        response = _respond(request, exc.status_code, message)
        for key, value in (exc.headers or {}).items():
            response.headers[key] = value
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        return _respond(request, 400, _validation_message(exc))

    @app.exception_handler(BadParameter)
    async def bad_parameter(request: Request, exc: BadParameter) -> Response:
        return _respond(request, 400, str(exc))

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return _respond(request, 404, str(exc) or "not found")

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> Response:
        return _respond(request, 500, "internal error: the server could not answer this request")

"""`shuraka serve`: the dashboard and the REST API over a knowledge base."""

from __future__ import annotations

from pathlib import Path

import click

from shuraka.cli_common import ensure_port_free
from shuraka.errors import ShurakaError


@click.command()
@click.option("--db", "db", envvar="SHURAKA_DB", default=None, metavar="URL|PATH",
              help="Knowledge base: a SQLite file path or a database URL. "
                   "Default: $SHURAKA_DB, else shuraka.db in the user data dir.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind. Only this machine can connect unless you change it.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535),
              help="Port to listen on.")
@click.option("--cache/--no-cache", default=True, show_default=True,
              help="Keep answers in memory until the knowledge base changes.")
def serve(db: str | None, host: str, port: int, cache: bool) -> None:
    """Serve the dashboard (Arabic, with an English toggle) and the read-only REST API.

    Pages: / (overview), /network, /partner/ID, /event/ID, /source/ID, /search; add
    .json to a page's path (or ?format=json) for its data. The API is under /api/ and
    documented at /docs. Build the knowledge base first with `shuraka ingest`.
    """
    import uvicorn

    from shuraka.api.app import create_app

    url = _existing(db)
    ensure_port_free(host, port)
    try:
        app = create_app(url, cache=cache)
    except ShurakaError as error:
        hint = f" ({error.hint})" if error.hint else ""
        raise click.ClickException(f"{error}{hint}") from error
    click.echo(f"shuraka: serving on http://{host}:{port}/ (API docs at /docs)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def _existing(db: str | None) -> str:
    """The knowledge base URL; a SQLite file must exist (serving never creates one)."""
    from shuraka.store import resolve_url

    url = resolve_url(db)
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        if not path.is_file():
            raise click.ClickException(
                f"no knowledge base at {path}: build one with "
                f"`shuraka ingest ARTICLES... --db {path}`, or pass --db")
    return url


COMMANDS = [serve]

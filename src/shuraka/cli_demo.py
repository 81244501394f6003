"""`shuraka demo`: build the sample knowledge base, serve it, print the URL."""

from __future__ import annotations

import threading
import webbrowser
from pathlib import Path

import click

from shuraka.cli_common import ensure_port_free
from shuraka.errors import ShurakaError


@click.command()
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535),
              help="Port to serve on (bound to 127.0.0.1).")
@click.option("--no-browser", is_flag=True, help="Do not open a web browser.")
@click.option("--db", "db", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Where to build the demo knowledge base. Default: demo.db in the user data dir.")
@click.option("--workers", type=click.IntRange(0, 64), default=None,
              help="Extraction processes (default: CPUs - 1).")
def demo(port: int, no_browser: bool, db: Path | None, workers: int | None) -> None:
    """Build a knowledge base from the bundled sample articles and open the dashboard.

    The first run extracts the sample corpus (56 Arabic articles the project wrote)
    with a progress bar; later runs reuse what was built. The dashboard is served on
    http://127.0.0.1:PORT/ until you press Ctrl-C.
    """
    from shuraka.cli_store import _progress_bar, _summary
    from shuraka.demo import build_demo, demo_db_path

    path = db or demo_db_path()
    bar, update = _progress_bar(None)
    try:
        report = build_demo(path, workers=workers, progress=update)
    except ShurakaError as error:
        raise click.ClickException(f"{error} ({error.hint})" if error.hint else str(error)) from error
    finally:
        if bar is not None:
            bar.close()
    click.echo(_summary(report), err=True)
    _serve(path, port, open_browser=not no_browser)


def _serve(path: Path, port: int, *, open_browser: bool) -> None:
    try:
        import uvicorn

        from shuraka.api.app import create_app
    except ImportError as error:
        raise click.ClickException(
            f"the dashboard needs the server extra ({error.name} is missing): "
            "pip install 'shuraka[server]'") from error

    ensure_port_free("127.0.0.1", port)
    url = f"http://127.0.0.1:{port}/"
    app = create_app(f"sqlite:///{path.resolve()}")
    click.echo(f"shuraka demo: the dashboard is at {url} (Ctrl-C to stop)", err=True)
    if open_browser:
        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning")


COMMANDS = [demo]

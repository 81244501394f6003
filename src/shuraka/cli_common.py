"""What every command module shares: turning a typed error into a message."""

from __future__ import annotations

import socket
import sys

import click

from shuraka.errors import ShurakaError


def fail(error: ShurakaError) -> None:
    """Print the error and what to do next, and exit with status 2."""
    hint = f" ({error.hint})" if error.hint else ""
    click.echo(f"error: {error}{hint}", err=True)
    sys.exit(2)


def ensure_port_free(host: str, port: int) -> None:
    """Fail before announcing a URL when another process already listens on the port."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise click.ClickException(
                f"cannot listen on {host}:{port} ({exc.strerror or exc}): pass another "
                "--port, or stop what is using it") from exc

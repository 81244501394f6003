"""What every command module shares: turning a typed error into a message."""

from __future__ import annotations

import sys

import click

from shuraka.errors import ShurakaError


def fail(error: ShurakaError) -> None:
    """Print the error and what to do next, and exit with status 2."""
    hint = f" ({error.hint})" if error.hint else ""
    click.echo(f"error: {error}{hint}", err=True)
    sys.exit(2)

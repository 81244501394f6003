"""Typed errors of the knowledge base (subclasses of `shuraka.errors.ShurakaError`)."""

from __future__ import annotations

from shuraka.errors import ShurakaError


class StoreError(ShurakaError):
    """The knowledge base could not be opened, migrated or written."""

    hint = "check the --db URL or path (and that the database server is running)"


class NotFoundError(StoreError):
    """A record asked for by id is not in the knowledge base."""

    hint = "list what is stored with `shuraka partners`, `shuraka events` or `shuraka search`"


class MissingDependencyError(StoreError):
    """An optional package needed for this feature is not installed."""

    hint = "install the extra named in the message"

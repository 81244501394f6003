"""Alembic environment: runs on the connection `shuraka.store.db.migrate` passes in, or on
the URL of `sqlalchemy.url` / $SHURAKA_DB when called from the alembic command line."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from shuraka.store.db import include_name
from shuraka.store.models import Base

target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata,
                      render_as_batch=connection.dialect.name == "sqlite",
                      include_name=include_name)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    from shuraka.store.db import make_engine, resolve_url

    engine = make_engine(resolve_url(context.config.get_main_option("sqlalchemy.url")))
    with engine.begin() as conn:
        _run(conn)
    engine.dispose()


run_migrations_online()

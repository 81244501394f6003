"""Opening the knowledge base: a URL or a path to an engine, migrated to the latest schema.

`--db` takes a SQLAlchemy URL (`sqlite:///kb.db`, `postgresql://user@host/db`) or a plain
file path (a SQLite file). Unset, it is `$SHURAKA_DB`, else `shuraka.db` in the user data
dir (platformdirs). SQLite runs in WAL mode with foreign keys on; a bare `postgresql://`
URL uses the psycopg 3 driver. Opening runs the Alembic migrations up to head.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from shuraka.store.errors import MissingDependencyError, StoreError

ENV_VAR = "SHURAKA_DB"
DEFAULT_NAME = "shuraka.db"
MIGRATIONS = Path(__file__).parent / "migrations"


def default_db_path() -> Path:
    """`shuraka.db` in the user data dir (e.g. ~/.local/share/shuraka/shuraka.db)."""
    import platformdirs

    return platformdirs.user_data_path("shuraka") / DEFAULT_NAME


def resolve_url(db: str | None = None) -> str:
    """The SQLAlchemy URL for `db` (URL, path, or None for $SHURAKA_DB / the default file)."""
    db = db or os.environ.get(ENV_VAR) or str(default_db_path())
    if "://" not in db:
        path = Path(db).expanduser().resolve()
        return f"sqlite:///{path}"
    if db.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    return db


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # noqa: ANN001 (DBAPI objects)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine for `url`; SQLite files get their folder created and the pragmas set."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"not a database URL or path: {url!r}") from exc
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    try:
        engine = create_engine(parsed)
    except (NoSuchModuleError, ModuleNotFoundError) as exc:
        raise MissingDependencyError(
            f"no driver for {parsed.drivername}: {exc}",
            hint="for PostgreSQL: pip install 'shuraka[postgres]'") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def include_name(name: str | None, type_: str, _parents: object) -> bool:
    """For Alembic autogenerate: the full-text index (SQLite FTS5 tables, the PostgreSQL
    GIN index) is made by hand in the migration, not declared by the models."""
    if type_ == "table":
        return not (name or "").startswith("sentence_fts")
    return not (type_ == "index" and name == "ix_sentences_terms_tsv")


def _alembic_config(connection):  # noqa: ANN001, ANN202 (alembic types imported lazily)
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(MIGRATIONS)).get_current_head() or ""


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def migrate(engine: Engine) -> None:
    """Bring the schema to the latest revision (no-op when it is there already)."""
    if current_revision(engine) == head_revision():
        return
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "head")


@dataclass
class Store:
    """An open knowledge base: its URL, engine and a session factory."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session]

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session; the caller commits. Rolled back and closed on the way out."""
        with self.sessions() as session:
            try:
                yield session
            finally:
                session.rollback()

    def close(self) -> None:
        self.engine.dispose()


def open_store(db: str | None = None, *, migrate_schema: bool = True) -> Store:
    """Open (and create or migrate) the knowledge base at `db` (URL or path)."""
    url = resolve_url(db)
    engine = make_engine(url)
    try:
        if migrate_schema:
            migrate(engine)
        else:
            inspect(engine).get_table_names()
    except OperationalError as exc:
        engine.dispose()
        raise StoreError(f"cannot open the database {safe_url(url)}: {exc.orig}") from exc
    return Store(url, engine, sessionmaker(engine, expire_on_commit=False))


def safe_url(url: str) -> str:
    """`url` with any password hidden (for messages)."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url

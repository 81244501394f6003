"""A throwaway PostgreSQL cluster for the store tests (pytest plugin: test modules load it
with `pytest_plugins = ["conftest_pg"]`).

`pg_server` runs initdb and pg_ctl from /usr/lib/postgresql/*/bin (or $SHURAKA_PG_BIN) in
a temporary directory, on a free port on 127.0.0.1, as the `postgres` user when the tests
run as root. Without PostgreSQL binaries or psycopg the postgres tests are skipped, except
when CI=true, where they fail. `pg_url` gives each test a fresh database.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest


def _bin_dir() -> Path | None:
    given = os.environ.get("SHURAKA_PG_BIN")
    candidates = [given] if given else sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name)
        if Path(p).parent.name.isdigit() else 0, reverse=True)
    for folder in candidates:
        if folder and (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    return None


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"PostgreSQL tests cannot run on CI: {reason}")
    pytest.skip(f"PostgreSQL tests skipped: {reason}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_owner(cmd: list[str]) -> list[str]:
    """Run as `postgres` when we are root (initdb and postgres refuse to run as root)."""
    if os.geteuid() != 0:
        return cmd
    return ["runuser", "-u", "postgres", "--", *cmd]


def _start(bins: Path, base: Path, port: int) -> None:
    data = base / "data"
    subprocess.run(_as_owner([str(bins / "initdb"), "-D", str(data), "-U", "postgres",
                              "--auth=trust", "-E", "UTF8", "--no-locale"]),
                   check=True, capture_output=True)
    options = (f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off "
               "-c synchronous_commit=off -c full_page_writes=off")
    subprocess.run(_as_owner([str(bins / "pg_ctl"), "-D", str(data), "-o", options,
                              "-l", str(base / "server.log"), "-w", "-t", "60", "start"]),
                   check=True, capture_output=True)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """The URL of a running throwaway PostgreSQL server (superuser `postgres`)."""
    bins = _bin_dir()
    if bins is None:
        _unavailable("no initdb/pg_ctl under /usr/lib/postgresql/*/bin "
                     "(apt-get install -y postgresql)")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _unavailable("psycopg is not installed (pip install 'shuraka[postgres]')")
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        _unavailable("running as root without runuser")
    base = Path(tempfile.mkdtemp(prefix="shuraka-pg-"))
    if os.geteuid() == 0:
        shutil.chown(base, "postgres", "postgres")
    port = _free_port()
    try:
        _start(bins, base, port)
    except subprocess.CalledProcessError as exc:
        log = (base / "server.log").read_text() if (base / "server.log").exists() else ""
        shutil.rmtree(base, ignore_errors=True)
        _unavailable(f"the server did not start: {exc.stderr!r} {log[-500:]}")
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(_as_owner([str(bins / "pg_ctl"), "-D", str(base / "data"), "-m",
                                  "immediate", "stop"]), capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


def create_database(server: str) -> str:
    """A new empty database on `server`; returns its URL."""
    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return server.rsplit("/", 1)[0] + "/" + name


def drop_database(server: str, url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A fresh, empty database for one test."""
    url = create_database(pg_server)
    yield url
    drop_database(pg_server, url)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh knowledge-base location: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "kb.db")
    return request.getfixturevalue("pg_url")


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres",
                                                               marks=pytest.mark.postgres)])
def module_db_url(request: pytest.FixtureRequest,
                  tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Like db_url, shared by the tests of one module."""
    if request.param == "sqlite":
        yield str(tmp_path_factory.mktemp("kb") / "kb.db")
        return
    server = request.getfixturevalue("pg_server")
    url = create_database(server)
    yield url
    drop_database(server, url)

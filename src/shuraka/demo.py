"""`shuraka demo`: the bundled sample corpus as a knowledge base, ready to serve."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

DEMO_NAME = "demo.db"


def demo_db_path() -> Path:
    """The demo's knowledge base: `demo.db` in the user data dir (beside shuraka.db)."""
    from shuraka.store.db import default_db_path

    return default_db_path().with_name(DEMO_NAME)


def build_demo(db_path: Path, *, workers: int | None = None,
               progress: Callable[[Any], None] | None = None) -> Any:
    """Ingest the bundled sample articles into `db_path`. Idempotent: run again, it
    stores nothing new and returns at once. Returns the ingest report."""
    from shuraka.samples import articles_dir
    from shuraka.store import ingest

    db_path.parent.mkdir(parents=True, exist_ok=True)
    return ingest([str(articles_dir())], str(db_path), workers=workers, progress=progress)

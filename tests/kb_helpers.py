"""A knowledge base built from the sample articles plus a hostile probe article
(shared by the API tests and the browser tests)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "articles"
PROBE = ROOT / "tests" / "e2e" / "fixtures" / "2024-03-03-xss-probe.txt"


def example_kb(factory: pytest.TempPathFactory) -> Path:
    """Ingest every sample .txt article and the XSS probe into a new SQLite file."""
    from shuraka.store import ingest

    articles = factory.mktemp("articles")
    for path in EXAMPLES.rglob("*.txt"):
        shutil.copy(path, articles / path.name)
    shutil.copy(PROBE, articles / PROBE.name)
    db = factory.mktemp("kb") / "kb.db"
    ingest([str(articles)], str(db))
    return db

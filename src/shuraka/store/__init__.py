"""The persistent knowledge base: documents, evidence sentences, entities, merged events,
aggregated partnerships and memberships, in SQLite (default) or PostgreSQL.

    store = open_store("kb.db")            # URL or path; created and migrated on open
    report = ingest(["articles/"], "kb.db", workers=2)
    with store.session() as session:
        rows = queries.partners(session)
"""

from shuraka.store.db import Store, default_db_path, open_store, resolve_url
from shuraka.store.errors import MissingDependencyError, NotFoundError, StoreError
from shuraka.store.ingest import IngestInterrupted, IngestProgress, IngestReport, ingest

__all__ = [
    "IngestInterrupted", "IngestProgress", "IngestReport", "MissingDependencyError",
    "NotFoundError", "Store", "StoreError", "default_db_path", "ingest", "open_store",
    "resolve_url",
]

"""Alembic migrations of the knowledge base (run by `shuraka.store.db.migrate` on open)."""

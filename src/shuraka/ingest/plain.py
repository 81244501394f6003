"""Plain text files: decoded, cleaned, titled from a headline first line."""

from __future__ import annotations

from shuraka.ingest.base import build_document
from shuraka.ingest.decode import decode
from shuraka.model import Document


def read_text(data: bytes, source: str) -> Document:
    """One Document from the bytes of a text file."""
    return build_document(decode(data), source=source, title_from_text=True)

"""The extraction pipeline, in order. Each step names what it needs and what it adds.

    document (ingest)            -> raw text, published
    entities.recognize           -> normalized text + offset map, mentions, titles, roles
    entities.entities            -> contract Entity records
"""

from __future__ import annotations

from shuraka.extract import entities
from shuraka.model import Document, Extraction


def extract(document: Document) -> Extraction:
    """Run every extraction step over one document and check every span."""
    layer = entities.recognize(document.text, published=document.published)
    result = Extraction(document=document, entities=entities.entities(layer))
    result.check_spans()
    return result

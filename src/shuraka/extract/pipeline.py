"""The extraction pipeline, in order. Each step names what it needs and what it adds.

    document (ingest)                 -> raw text, published
    entities.recognize                -> normalized text + offset map, mentions, titles, roles
    entities.entities                 -> contract Entity records
    text.sentences                    -> sentence spans
    memberships.extract_memberships   -> Membership records (group enumerations)
    partnerships.extract_partnerships -> Partnership records (needs memberships: members are not partners)
"""

from __future__ import annotations

from shuraka.extract import entities
from shuraka.extract.memberships import extract_memberships, sentences_of
from shuraka.extract.partnerships import extract_partnerships
from shuraka.model import Document, Extraction
from shuraka.text.sentences import split_sentences


def extract(document: Document) -> Extraction:
    """Run every extraction step over one document and check every span."""
    layer = entities.recognize(document.text, published=document.published)
    result = Extraction(document=document, entities=entities.entities(layer))
    sentences = sentences_of(layer, split_sentences(document.text, normalized=layer.norm))
    result.memberships = extract_memberships(layer, sentences, document.published)
    result.partnerships = extract_partnerships(layer, sentences, result.memberships, document.published)
    result.check_spans()
    return result

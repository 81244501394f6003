"""The extraction pipeline, in order. Each step names what it needs and what it adds.

    document (ingest)                 -> raw text, published
    entities.recognize                -> normalized text + offset map, mentions, titles, roles
    entities.entities                 -> contract Entity records
    text.sentences                    -> sentence spans
    memberships.extract_memberships   -> Membership records (group enumerations)
    anchors.story_anchor              -> the date the story happens (a named summit beats a republished dateline)
    partnerships.extract_partnerships -> Partnership records (needs memberships: members are not partners;
                                         dated against the anchor)
    events.extract_events             -> PLOVER Event records, dated against the anchor
"""

from __future__ import annotations

from shuraka.errors import TooLargeError
from shuraka.extract import entities
from shuraka.extract.anchors import story_anchor
from shuraka.extract.events import extract_events
from shuraka.extract.memberships import extract_memberships, sentences_of
from shuraka.extract.partnerships import extract_partnerships
from shuraka.model import Document, Extraction
from shuraka.text.sentences import split_sentences

MAX_ARTICLE_CHARS = 200_000  # far beyond any news article; bounds the work on one input


def extract(document: Document) -> Extraction:
    """Run every extraction step over one document and check every span."""
    if len(document.text) > MAX_ARTICLE_CHARS:
        raise TooLargeError(
            f"{len(document.text):,} characters: longer than a news article "
            f"(limit {MAX_ARTICLE_CHARS:,})",
            hint="split it into articles, e.g. JSON Lines with one article per line")
    layer = entities.recognize(document.text, published=document.published)
    result = Extraction(document=document, entities=entities.entities(layer))
    sentences = sentences_of(layer, split_sentences(document.text, normalized=layer.norm))
    anchor = story_anchor(layer, document.published)
    result.memberships = extract_memberships(layer, sentences, document.published)
    result.partnerships = extract_partnerships(layer, sentences, result.memberships,
                                               document.published, anchor)
    result.events = extract_events(layer, published=document.published, anchor=anchor)
    result.check_spans()
    return result

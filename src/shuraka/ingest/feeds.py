"""RSS and Atom files: one Document per entry. feedparser parses the bytes read; it never fetches.

Text is the longest `content` of the entry, else its `summary`, HTML stripped; source is the
entry's link (else `path#N`, N the 1-based entry number); published is the entry's date as
written (its local day), else its parsed date, else the text's dateline.
"""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from typing import Any

import feedparser

from shuraka.errors import EmptyInputError, InputError, MalformedInputError
from shuraka.ingest.base import ReadFailure, build_document, failure
from shuraka.ingest.dateline import parse_date
from shuraka.ingest.htmlpage import fragment_text
from shuraka.model import Document


def _parse(data: bytes) -> Any:
    try:
        # a stream, so feedparser reads it and never takes it for a URL or a file name
        return feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=False)
    except Exception as exc:  # a third-party parser on arbitrary input
        raise MalformedInputError(f"the feed could not be parsed ({type(exc).__name__})") from exc


def _entry_text(entry: Any) -> str:
    contents = [c for c in entry.get("content", []) if c.get("value")]
    if contents:
        return fragment_text(max(contents, key=lambda c: len(c["value"]))["value"])
    return fragment_text(entry.get("summary", ""))


def _entry_date(entry: Any) -> str | None:
    for key in ("published", "updated", "created"):
        if entry.get(key) and (found := parse_date(entry[key])):
            return found
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if isinstance(parsed, time.struct_time):
            return time.strftime("%Y-%m-%d", parsed)
    return None


def _entry_document(entry: Any, source: str) -> Document:
    title = fragment_text(entry.get("title", "")) or None
    return build_document(_entry_text(entry), source=source, title=title, published=_entry_date(entry))


def read_feed(data: bytes, source: str) -> Iterator[Document | ReadFailure]:
    """One Document (or ReadFailure) per entry of an RSS or Atom feed."""
    parsed = _parse(data)
    if not parsed.entries:
        if parsed.bozo or not parsed.version:
            reason = parsed.get("bozo_exception") or "no RSS or Atom elements"
            raise MalformedInputError(f"not a readable RSS or Atom feed ({reason})")
        raise EmptyInputError("the feed has no entries")
    for number, entry in enumerate(parsed.entries, 1):
        where = entry.get("link") or f"{source}#{number}"
        try:
            yield _entry_document(entry, where)
        except InputError as exc:
            yield failure(where, exc)

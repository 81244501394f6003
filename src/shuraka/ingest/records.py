"""JSON Lines (one article per line) and JSON files (one article object, or a list of them).

A record has `text` (required), and may have `title`, `url`, `published`, `id` (strings
or null; `id` may be a number). `source` is the url when given, else `path#LINE` (JSONL,
1-based) or `path#N` (N-th object of a JSON list) or the path (a lone JSON object).
`published` becomes YYYY-MM-DD when it parses, else the text's dateline decides.
The record's `id` is checked but not used: a Document id is always the hash of its text.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from shuraka.errors import (
    EmptyInputError,
    EncodingError,
    InputError,
    MalformedInputError,
    TooLargeError,
)
from shuraka.ingest.base import ReadFailure, build_document, failure
from shuraka.ingest.dateline import parse_date
from shuraka.ingest.decode import decode
from shuraka.model import Document

_OPTIONAL = {"title": (str,), "url": (str,), "published": (str,), "id": (str, int)}
RECORD_HINT = "fix or drop this record; the other records are read"


def _bad(message: str) -> MalformedInputError:
    return MalformedInputError(message, hint=RECORD_HINT)


def record_document(record: Any, default_source: str) -> Document:
    """A Document from one decoded JSON record; MalformedInputError when it does not fit."""
    if not isinstance(record, dict):
        raise _bad(f"a record must be a JSON object, not {type(record).__name__}")
    if "text" not in record:
        raise _bad("the record has no \"text\" field")
    if not isinstance(record["text"], str):
        raise _bad(f"\"text\" must be a string, not {type(record['text']).__name__}")
    for name, types in _OPTIONAL.items():
        value = record.get(name)
        if value is not None and (not isinstance(value, types) or isinstance(value, bool)):
            raise _bad(f"\"{name}\" must be a string or null, not {type(value).__name__}")
    published = parse_date(record["published"]) if record.get("published") else None
    return build_document(record["text"], source=record.get("url") or default_source,
                          title=record.get("title"), published=published)


def _line_document(line: bytes, source: str) -> Document:
    try:
        text = line.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EncodingError("the line is not UTF-8; JSON Lines must be UTF-8") from exc
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _bad(f"the line is not valid JSON ({exc.msg}, column {exc.colno})") from exc
    return record_document(record, source)


def read_jsonl(lines: Iterable[tuple[int, bytes | None]], source: str, max_bytes: int
               ) -> Iterator[Document | ReadFailure]:
    """One Document or ReadFailure per non-blank line; `None` lines were over `max_bytes`."""
    seen = False
    for number, line in lines:
        where = f"{source}#{number}"
        if line is not None and not line.strip():
            continue
        seen = True
        try:
            if line is None:
                raise TooLargeError(f"the line is over the {max_bytes}-byte limit")
            yield _line_document(line, where)
        except InputError as exc:
            yield failure(where, exc)
    if not seen:
        raise EmptyInputError("the JSON Lines input holds no records")


def read_json(data: bytes, source: str) -> Iterator[Document | ReadFailure]:
    """The articles of a JSON file holding one article object or a list of them."""
    try:
        value = json.loads(decode(data))
    except json.JSONDecodeError as exc:
        raise MalformedInputError(f"not valid JSON ({exc.msg}, line {exc.lineno})") from exc
    if not isinstance(value, list):
        yield record_document(value, source)
        return
    if not value:
        raise EmptyInputError("the JSON list holds no articles")
    for number, record in enumerate(value, 1):
        try:
            yield record_document(record, f"{source}#{number}")
        except InputError as exc:
            yield failure(f"{source}#{number}", exc)

"""What every reader shares: the failure record, the size limit, and building a Document."""

from __future__ import annotations

import os
from dataclasses import dataclass
from hashlib import sha256

from shuraka.errors import EmptyInputError, InputError, ShurakaError
from shuraka.ingest.boilerplate import remove_boilerplate
from shuraka.ingest.dateline import find_dateline, is_dateline_only
from shuraka.ingest.decode import normalize_newlines
from shuraka.model import Document

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
MAX_BYTES_ENV = "SHURAKA_MAX_BYTES"
TITLE_MAX_CHARS = 150
_SENTENCE_END = ".!?؟…:؛"
_CLOSERS = "\"'”’»)]} "


class LimitSettingError(ShurakaError):
    """$SHURAKA_MAX_BYTES is set but is not a positive number of bytes."""

    hint = f"set {MAX_BYTES_ENV} to a whole number of bytes, or unset it"


def max_bytes_setting() -> int:
    """The size limit of one input: $SHURAKA_MAX_BYTES when set, else DEFAULT_MAX_BYTES."""
    value = os.environ.get(MAX_BYTES_ENV, "").strip()
    if not value:
        return DEFAULT_MAX_BYTES
    if not (value.isascii() and value.isdigit()) or int(value) < 1:
        raise LimitSettingError(f"{MAX_BYTES_ENV}={value!r} is not a positive number of bytes")
    return int(value)


class UnreadableInputError(InputError):
    """The path does not exist or cannot be opened."""

    hint = "check the path and its permissions"


@dataclass(frozen=True)
class ReadFailure:
    """An input (or one record of it) that yields no Document, and why."""

    source: str
    reason: str
    error: InputError


def failure(source: str, error: InputError) -> ReadFailure:
    """A ReadFailure whose reason is one line: what is wrong, then what to do."""
    reason = " ".join(f"{error}; {error.hint}".split()) if error.hint else " ".join(str(error).split())
    return ReadFailure(source, reason, error)


def document_id(text: str) -> str:
    return "sha256:" + sha256(text.encode("utf-8")).hexdigest()


def first_line_title(text: str) -> str | None:
    """The first non-empty line (after a dateline-only line) when it reads as a headline.

    A headline is at most TITLE_MAX_CHARS characters, does not end a sentence, and is
    followed by more text. The line stays in the text.
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if lines and is_dateline_only(lines[0]):
        lines = lines[1:]
    if len(lines) < 2:
        return None
    head = lines[0]
    if len(head) > TITLE_MAX_CHARS or head.rstrip(_CLOSERS)[-1:] in _SENTENCE_END:
        return None
    return head if any(c.isalpha() for c in head) else None


def clean_text(text: str) -> str:
    """Newlines as `\\n`, boilerplate lines dropped, outer whitespace stripped."""
    return remove_boilerplate(normalize_newlines(text)).strip()


def build_document(
    text: str, *, source: str, title: str | None = None, published: str | None = None,
    title_from_text: bool = False,
) -> Document:
    """A Document from text as read: cleaned, titled, dated (metadata first, then dateline)."""
    if not text.strip():
        raise EmptyInputError("the article has no text")
    text = clean_text(text)
    if not text:
        raise EmptyInputError("no article text is left once site boilerplate is removed")
    title = " ".join(title.split()) if title else None
    if title is None and title_from_text:
        title = first_line_title(text)
    if published is None:
        dateline = find_dateline(text)
        published = dateline.date if dateline else None
    return Document(id=document_id(text), source=source, title=title or None,
                    published=published, text=text)

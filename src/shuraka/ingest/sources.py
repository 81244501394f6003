"""Paths, directories and stdin to readers: sniffing the kind, enforcing the size limit,
and turning every failure of one input into a ReadFailure so a batch goes on."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from shuraka.errors import InputError, MalformedInputError, TooLargeError, UnsupportedInputError
from shuraka.ingest.base import (
    DEFAULT_MAX_BYTES,
    ReadFailure,
    UnreadableInputError,
    failure,
    max_bytes_setting,
)
from shuraka.ingest.decode import bom_encoding
from shuraka.ingest.feeds import read_feed
from shuraka.ingest.htmlpage import read_html
from shuraka.ingest.plain import read_text
from shuraka.ingest.records import read_json, read_jsonl
from shuraka.model import Document

STDIN_SOURCE = "<stdin>"
HEAD_BYTES = 65536
EXTENSIONS = {
    ".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".xml": "xml", ".rss": "feed", ".atom": "feed",
}
_FEED_MARKS = ("<rss", "<feed", "<rdf:rdf")
_HTML_MARKS = ("<!doctype html", "<html", "<head", "<body", "<article", "<div", "<p>", "<p ")

Result = Document | ReadFailure


def _one(reader: Callable[[bytes, str], Document]) -> Callable[[bytes, str], Iterator[Result]]:
    def read(data: bytes, source: str) -> Iterator[Result]:
        yield reader(data, source)
    return read


READERS: dict[str, Callable[[bytes, str], Iterator[Result]]] = {
    "text": _one(read_text), "html": _one(read_html), "json": read_json, "feed": read_feed,
}


def sniff(head: bytes) -> str:
    """The kind of an input from its first bytes: feed, html, jsonl, json or text."""
    encoding = bom_encoding(head) or "latin-1"
    sample = head[:4096].decode(encoding, errors="ignore").lstrip("\ufeff \t\r\n").lower()
    if sample.startswith("<"):
        if any(mark in sample for mark in _FEED_MARKS):
            return "feed"
        return "html" if any(mark in sample for mark in _HTML_MARKS) else "feed"
    if sample.startswith("["):
        return "json"
    if sample.startswith("{"):
        first = head.lstrip(b"\xef\xbb\xbf \t\r\n").split(b"\n", 1)[0]
        try:
            json.loads(first)
        except ValueError:
            return "json"
        return "jsonl"
    return "text"


def iter_lines(head: bytes, stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) from `head` then `stream`; a line over `limit` bytes comes as None."""
    buffer, number, overlong = head, 0, False
    while True:
        cut = buffer.find(b"\n")
        if cut >= 0:
            line, buffer = buffer[:cut], buffer[cut + 1:]
            number += 1
            yield number, None if overlong or len(line) > limit else line
            overlong = False
            continue
        if len(buffer) > limit:
            buffer, overlong = b"", True
        chunk = stream.read(HEAD_BYTES)
        if not chunk:
            break
        buffer += chunk
    if buffer or overlong:
        yield number + 1, None if overlong or len(buffer) > limit else buffer


def read_stream(stream: BinaryIO, source: str, kind: str | None, max_bytes: int) -> Iterator[Result]:
    """The Documents of one input of `kind` (None or "xml": sniffed); raises InputError."""
    head = stream.read(HEAD_BYTES)
    kind = sniff(head) if kind in (None, "xml") else kind
    if kind == "jsonl":
        yield from read_jsonl(iter_lines(head, stream, max_bytes), source, max_bytes)
        return
    data = head + stream.read(max_bytes + 1 - len(head)) if len(head) <= max_bytes else head
    if len(data) > max_bytes:
        raise TooLargeError(f"the input is over the limit of {max_bytes} bytes")
    yield from READERS[kind](data, source)


def _guarded(source: str, results: Iterator[Result]) -> Iterator[Result]:
    """`results`, with the error that ends them as a ReadFailure: one input never stops a batch."""
    try:
        yield from results
    except InputError as exc:
        yield failure(source, exc)
    except OSError as exc:
        yield failure(source, UnreadableInputError(f"cannot read {source}: {exc.strerror or exc}"))
    except (ValueError, RecursionError, MemoryError) as exc:  # a parser choking on odd input
        yield failure(source, MalformedInputError(f"the input could not be parsed ({type(exc).__name__})"))


def read_file(path: Path, *, source: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
              ) -> Iterator[Result]:
    """The Documents of one file, kind by extension then content; failures come as ReadFailure."""
    source = source or str(path)
    try:
        handle = open(path, "rb")
    except OSError as exc:
        yield failure(source, UnreadableInputError(f"cannot open {source}: {exc.strerror or exc}"))
        return
    with handle:
        kind = EXTENSIONS.get(path.suffix.lower())
        yield from _guarded(source, read_stream(handle, source, kind, max_bytes))


def read_stdin(stdin: BinaryIO, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Result]:
    """The Documents of standard input, its kind sniffed from its content."""
    yield from _guarded(STDIN_SOURCE, read_stream(stdin, STDIN_SOURCE, None, max_bytes))


def walk(root: Path) -> list[Path]:
    """The readable files under a directory (by extension), recursively, sorted; dot-names skipped."""
    found: list[Path] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [Path(folder, f) for f in files
                  if not f.startswith(".") and Path(f).suffix.lower() in EXTENSIONS]
    return sorted(found, key=lambda p: p.relative_to(root).parts)


def _read_directory(given: str, max_bytes: int) -> Iterator[Result]:
    root = Path(given)
    files = walk(root)
    if not files:
        kinds = " ".join(sorted(EXTENSIONS))
        yield failure(given, UnsupportedInputError(f"no article files ({kinds}) under {given}"))
    for path in files:
        yield from read_file(path, source=os.path.join(given, path.relative_to(root)), max_bytes=max_bytes)


def read_paths(paths: Iterable[str], *, stdin: BinaryIO | None = None,
               max_bytes: int | None = None) -> Iterator[Result]:
    """Documents from files, directories (recursive) and `-` (stdin), in order; never raises
    for one bad input: it yields a ReadFailure and goes on. `max_bytes` defaults to
    $SHURAKA_MAX_BYTES, else DEFAULT_MAX_BYTES (LimitSettingError if the variable is bad)."""
    max_bytes = max_bytes if max_bytes is not None else max_bytes_setting()
    for given in paths:
        if given == "-":
            yield from read_stdin(stdin if stdin is not None else sys.stdin.buffer, max_bytes)
        elif os.path.isdir(given):
            yield from _read_directory(given, max_bytes)
        else:
            yield from read_file(Path(given), source=given, max_bytes=max_bytes)

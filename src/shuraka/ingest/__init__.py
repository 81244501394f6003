"""Readers: files, directories and stdin to Documents, each cleaned of site boilerplate and
dated from metadata or a dateline. `read_paths` never raises for one bad input: it yields a
ReadFailure (source, one-line reason, typed InputError) and goes on. Nothing is printed.

Kinds, by extension first, then by content (`<rss`/`<feed` feed, `<html` page, `{` JSON
Lines, `[` JSON, else text): .txt .text; .html .htm .xhtml; .jsonl .ndjson; .json (one
article object, or a list of them); .rss .atom; .xml (feed or page, sniffed). Directories
are read recursively in sorted order, only files with these extensions, skipping dot-names.
`-` reads stdin, source `<stdin>` (`<stdin>#LINE` for JSON Lines records).

Decisions: a .txt title is its first non-empty line (after a dateline-only line) when it
is at most 150 characters, does not end a sentence and more text follows; it stays in the
text. A source line (`المصدر: وكالات`) is metadata and is dropped with the boilerplate.
`max_bytes` bounds a whole file, or each line of a JSON Lines input.
"""

from shuraka.ingest.base import DEFAULT_MAX_BYTES, ReadFailure, UnreadableInputError
from shuraka.ingest.sources import EXTENSIONS, STDIN_SOURCE, read_file, read_paths, read_stdin

__all__ = [
    "DEFAULT_MAX_BYTES", "EXTENSIONS", "STDIN_SOURCE", "ReadFailure", "UnreadableInputError",
    "read_file", "read_paths", "read_stdin",
]

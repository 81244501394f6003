"""One catalogue of typed errors. Library code raises these; only the CLI and API
turn them into messages for people."""

from __future__ import annotations


class ShurakaError(Exception):
    """Base of every error shuraka raises on purpose."""

    hint: str = ""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        if hint is not None:
            self.hint = hint


class InputError(ShurakaError):
    """An input could not be read as an article (encoding, empty, binary, too big...)."""

    hint = "skip or fix this file; the rest of the batch goes on"


class EmptyInputError(InputError):
    """The input holds no text."""


class BinaryInputError(InputError):
    """The input looks like a binary file, not text."""


class EncodingError(InputError):
    """The bytes could not be decoded as Arabic text."""


class TooLargeError(InputError):
    """The input is bigger than the configured limit."""

    hint = "split the file, or raise the limit with SHURAKA_MAX_BYTES"


class MalformedInputError(InputError):
    """HTML, JSON or a feed that cannot be parsed."""


class UnsupportedInputError(InputError):
    """A file kind shuraka has no reader for."""

    hint = "use .txt, .html, .jsonl or an RSS/Atom feed file"


class DataError(ShurakaError):
    """A packaged or user data file (gazetteer, lexicon) failed validation."""

    hint = "fix the named file and line; packaged data failing here is a bug"


class SpanError(ShurakaError):
    """A span does not line up with the raw text."""


class GoldError(ShurakaError):
    """A gold annotation file is missing or malformed."""

    hint = "gold files follow the format of ../shared/gold"

"""Tokens of normalized text: words (Arabic/Latin letters), numbers and punctuation."""

from __future__ import annotations

import re
from dataclasses import dataclass

from shuraka.text.normalize import Normalized

# a number keeps its inner separators (1.400, 3.5, 1,000); a word is letters plus marks
_TOKEN_RE = re.compile(
    r"(?P<number>\d+(?:[.,]\d+)*)"
    r"|(?P<word>[^\W\d_](?:[^\W\d_]|[\u0300-\u036f])*)"
    r"|(?P<punct>[^\s\w]|_)"
)


@dataclass(frozen=True, slots=True)
class Token:
    """A token; offsets into `Normalized.text`."""

    start: int
    end: int
    text: str
    kind: str  # "word", "number" or "punct"


def tokenize(n: Normalized) -> list[Token]:
    """The tokens of `n.text`, whitespace skipped."""
    return [
        Token(m.start(), m.end(), m.group(), m.lastgroup or "punct")
        for m in _TOKEN_RE.finditer(n.text)
    ]

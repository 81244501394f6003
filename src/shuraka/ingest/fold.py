"""Light folding of Arabic for matching lines against patterns (never for the raw text)."""

from __future__ import annotations

import re

_DROP = dict.fromkeys(
    [*range(0x064B, 0x0660), 0x0670, 0x0640, *range(0x200B, 0x2010), *range(0x202A, 0x202F),
     *range(0x2066, 0x206A), 0xFEFF],
)
_MAP = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي",
     **{chr(0x0660 + i): str(i) for i in range(10)},
     **{chr(0x06F0 + i): str(i) for i in range(10)}},
)
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Drop diacritics, tatweel and bidi marks; one alef; ى→ي; ASCII digits; one space; lower case.

    The result is only for matching: offsets never count into it.
    """
    text = text.translate(_DROP).translate(_MAP)
    return _SPACES.sub(" ", text).strip().lower()


def is_folded(pattern: str) -> bool:
    """True when `pattern` has no character that folding would change (data validation)."""
    literal = re.sub(r"\\.", "", pattern)
    return literal.translate(_DROP).translate(_MAP) == literal and literal == literal.lower()

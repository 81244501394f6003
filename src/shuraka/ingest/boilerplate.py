"""Dropping site furniture (read-also links, share prompts, comment forms, ads) line by line.

The patterns live in `data/boilerplate.tsv`; each must match a whole folded line, so
an article sentence that merely mentions comments or subscriptions is never cut.
"""

from __future__ import annotations

import re
from functools import lru_cache

from shuraka.errors import DataError
from shuraka.gazetteer.tsv import data_path, read_tsv
from shuraka.ingest.fold import fold, is_folded

MAX_LINE = 250  # folded characters: longer lines are article text, never furniture
_DECORATION = " -–—*•|·>»«"


@lru_cache(maxsize=1)
def patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The (id, compiled regex) pairs of boilerplate.tsv, validated once."""
    path = data_path("shuraka.ingest", "boilerplate.tsv")
    found: dict[str, re.Pattern[str]] = {}
    for number, row in read_tsv(path, ("id", "pattern", "note")):
        where = f"{path}:{number}"
        if row["id"] in found:
            raise DataError(f"{where}: duplicate id {row['id']!r}")
        if not row["pattern"] or not row["note"]:
            raise DataError(f"{where}: a pattern and a note are required")
        if not is_folded(row["pattern"]):
            raise DataError(f"{where}: write the pattern folded (ا not أ/إ/آ, ي not ى, no diacritics)")
        try:
            found[row["id"]] = re.compile(row["pattern"])
        except re.error as exc:
            raise DataError(f"{where}: bad regex ({exc})") from exc
    if not found:
        raise DataError(f"{path}: no patterns")
    return tuple(found.items())


def boilerplate_id(line: str) -> str | None:
    """The id of the pattern a line matches as a whole, or None for article text."""
    folded = fold(line).strip(_DECORATION)
    if not folded or len(folded) > MAX_LINE:
        return None
    for name, pattern in patterns():
        if pattern.fullmatch(folded):
            return name
    return None


def remove_boilerplate(text: str) -> str:
    """`text` without its boilerplate lines (each dropped with its newline)."""
    return "\n".join(line for line in text.split("\n") if boilerplate_id(line) is None)

"""Who belongs to which partnership group, and when (instrument_members.tsv)."""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from shuraka.errors import DataError
from shuraka.gazetteer.sources import DAY
from shuraka.gazetteer.tsv import data_path, read_tsv

Spell = tuple[str, str | None, str | None]  # member, start, end


@lru_cache(maxsize=1)
def _table() -> dict[str, list[Spell]]:
    path = data_path("shuraka.gazetteer", "instrument_members.tsv")
    table: dict[str, list[Spell]] = defaultdict(list)
    for line, row in read_tsv(path, ("instrument", "member", "start", "end")):
        for key in ("start", "end"):
            if row[key] and not DAY.match(row[key]):
                raise DataError(f"{path}:{line}: {key} {row[key]!r} is not a date")
        table[row["instrument"]].append((row["member"], row["start"] or None, row["end"] or None))
    return dict(table)


def current_members(group: str, day: str | None) -> set[str]:
    """Members of `group` on `day` (ISO, any precision); today's members when unknown."""
    out = set()
    for member, start, end in _table().get(group, []):
        if day is None:
            if end is None:
                out.add(member)
        elif (start is None or start[: len(day)] <= day) and (end is None or day <= end):
            out.add(member)
    return out


@lru_cache(maxsize=1)
def ever_members() -> frozenset[str]:
    """Every country that has belonged to any partnership group."""
    return frozenset(member for spells in _table().values() for member, _, _ in spells)

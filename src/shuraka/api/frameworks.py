"""Which of NATO's partnership frameworks colours a partner on the map and the network.

Membership comes from the packaged reference table (gazetteer instrument_members.tsv),
so the map shows every current partner; the articles add which of them the knowledge
base speaks of.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

from shuraka.errors import DataError
from shuraka.gazetteer.members import current_members

# colour group → the instruments it gathers (first group wins for a country in several)
GROUPS: dict[str, tuple[str, ...]] = {
    "MD": ("MD",),
    "ICI": ("ICI",),
    "PATG": ("IP4", "PATG"),
    "PFP": ("PFP", "EAPC"),
}
FRAMEWORK_IDS = ("MD", "ICI", "PATG", "IP4", "PFP", "EAPC")
GROUPS_OF_FRAMEWORK = {fw: group for group, fws in GROUPS.items() for fw in fws}


@lru_cache(maxsize=1)
def group_of() -> dict[str, str]:
    """Country id → colour group, for every current member of a framework."""
    table: dict[str, str] = {}
    for group, instruments in GROUPS.items():
        for instrument in instruments:
            for member in sorted(current_members(instrument, None)):
                table.setdefault(member, group)
    return table


@lru_cache(maxsize=1)
def members() -> dict[str, list[str]]:
    """Framework id → its current members (reference data)."""
    return {fw: sorted(current_members(fw, None)) for fw in FRAMEWORK_IDS}


@lru_cache(maxsize=1)
def geo_keys() -> dict[str, str]:
    """Country id → the feature key of the vendored world atlas (web/data/geo_keys.tsv)."""
    name = "shuraka/web/data/geo_keys.tsv"
    text = files("shuraka.web").joinpath("data/geo_keys.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    if not rows or rows[0] != ["id", "geo_key"]:
        raise DataError(f"{name}: the header must be id, geo_key")
    if any(len(row) != 2 or not all(row) for row in rows[1:]):
        raise DataError(f"{name}: every row needs an id and a geo_key")
    return {row[0]: row[1] for row in rows[1:]}

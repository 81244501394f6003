"""Cooperation areas: the 32 contract codes and their Arabic phrasings (areas.tsv)."""

from __future__ import annotations

from functools import lru_cache

from shuraka.errors import DataError
from shuraka.extract.matching import find
from shuraka.gazetteer.compile import Lexicon, Record, build_lexicon
from shuraka.gazetteer.tsv import data_path, read_tsv, split_values

AREA_CODES = (
    "political_dialogue", "cyber_defence", "counter_terrorism", "non_proliferation",
    "emerging_technologies", "science_technology", "climate_security", "women_peace_security",
    "public_diplomacy", "maritime_security", "disaster_relief", "interoperability", "exercises",
    "education_training", "capacity_building", "border_security", "strategic_communications",
    "hybrid_threats", "space", "resilience", "defence_industry", "human_security",
    "information_sharing", "building_integrity", "crisis_management", "security_sector_reform",
    "energy_security", "cbrn_defence", "counter_ied", "operations", "ukraine_support", "deterrence",
)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    path = data_path("shuraka.gazetteer", "areas.tsv")
    items = []
    for line, row in read_tsv(path, ("code", "name_en", "phrasings")):
        if row["code"] not in AREA_CODES:
            raise DataError(f"{path}:{line}: {row['code']!r} is not a contract area code")
        rec = Record(id=row["code"], type="area", name_en=row["name_en"], name_ar=row["code"])
        items.append((rec, split_values(row["phrasings"])))
    missing = set(AREA_CODES) - {rec.id for rec, _ in items}
    if missing:
        raise DataError(f"{path}: no phrasings for {sorted(missing)}")
    return build_lexicon(items)


def find_areas(text: str) -> list[tuple[int, int, str]]:
    """(start, end, code) for every area phrase in normalized text, in text order."""
    return [(m.start, m.end, m.record.id) for m in find(text, lexicon())]

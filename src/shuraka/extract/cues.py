"""The context-cue vocabulary of entity recognition (extract/data/cues.yaml), compiled once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from shuraka.errors import DataError
from shuraka.gazetteer.tsv import data_path, read_yaml
from shuraka.text.normalize import norm

LISTS = ("place_cues", "country_cues", "title_links", "counterparts", "name_stops", "honorifics")


@dataclass(frozen=True)
class Cues:
    place_cues: frozenset[str]
    country_cues: frozenset[str]
    title_links: frozenset[str]
    counterparts: frozenset[str]
    name_stops: frozenset[str]
    honorifics: frozenset[str]
    title_of_adjectives: dict[str, str]  # normalized adjective -> organization id


@lru_cache(maxsize=1)
def cues() -> Cues:
    path = data_path("shuraka.extract", "cues.yaml")
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise DataError(f"{path}: expected a mapping")
    sets = {}
    for name in LISTS:
        values = data.get(name)
        if not isinstance(values, list) or not values:
            raise DataError(f"{path}: {name!r} must be a non-empty list")
        sets[name] = frozenset(norm(str(v)) for v in values)
    adjectives = {
        norm(str(word)): str(org)
        for org, words in (data.get("title_of_adjectives") or {}).items()
        for word in words
    }
    return Cues(**sets, title_of_adjectives=adjectives)

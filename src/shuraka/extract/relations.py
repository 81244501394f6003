"""Cues for memberships and partnerships (extract/data/relations.yaml), compiled once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from shuraka.errors import DataError
from shuraka.gazetteer.tsv import data_path, read_yaml
from shuraka.model import PARTNERSHIP_ACTIONS
from shuraka.text.normalize import norm


@dataclass(frozen=True)
class Relations:
    member_cues: re.Pattern[str]
    group_anaphors: re.Pattern[str]
    member_of_cues: frozenset[str]
    join_cues: re.Pattern[str]
    status_cues: re.Pattern[str]
    group_instruments: frozenset[str]
    partnership_cues: re.Pattern[str]
    partnership_anaphors: re.Pattern[str]
    actions: tuple[tuple[str, re.Pattern[str]], ...]
    hostile_cues: frozenset[str]
    instrument_areas: dict[str, tuple[str, ...]]
    other_nato_partners: frozenset[str]
    suspended_partners: dict[str, str]
    topic_cues: frozenset[str]
    hostile_organizations: frozenset[str]
    negators: frozenset[str]


def words_pattern(words: list[str]) -> re.Pattern[str]:
    """Whole-word alternatives (longest first), allowing a proclitic و/ف/ب/ل/ك."""
    forms = sorted({norm(str(w)) for w in words}, key=len, reverse=True)
    body = "|".join(re.escape(f) for f in forms)
    return re.compile(r"(?<![^\W_])(?:[وف]?[بلك]?)(" + body + r")(?![^\W_])")


@lru_cache(maxsize=1)
def relations() -> Relations:
    path = data_path("shuraka.extract", "relations.yaml")
    data = read_yaml(path)
    try:
        actions = tuple((name, words_pattern(data["actions"][name])) for name in PARTNERSHIP_ACTIONS
                        if name in data["actions"])
        return Relations(
            member_cues=words_pattern(data["member_cues"]),
            group_anaphors=words_pattern(data["group_anaphors"]),
            join_cues=words_pattern(data["join_cues"]),
            status_cues=words_pattern(data["status_cues"]),
            member_of_cues=frozenset(norm(str(w)) for w in data.get("member_of_cues") or ()),
            group_instruments=frozenset(data["group_instruments"]),
            partnership_cues=words_pattern(data["partnership_cues"]),
            partnership_anaphors=words_pattern(data["partnership_anaphors"]),
            actions=actions,
            hostile_cues=frozenset(norm(str(w)) for w in data["hostile_cues"]),
            instrument_areas={k: tuple(v) for k, v in (data.get("instrument_areas") or {}).items()},
            other_nato_partners=frozenset(data.get("other_nato_partners") or ()),
            negators=frozenset(norm(str(w)) for w in data.get("negators") or ()),
            hostile_organizations=frozenset(data.get("hostile_organizations") or ()),
            topic_cues=frozenset(norm(str(w)) for w in data.get("topic_cues") or ()),
            suspended_partners={k: str(v) for k, v in (data.get("suspended_partners") or {}).items()},
        )
    except (KeyError, TypeError) as exc:
        raise DataError(f"{path}: missing or malformed section ({exc})") from exc

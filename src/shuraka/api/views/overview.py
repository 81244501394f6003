"""Overview: counts, a world map of partners by framework, the latest developments."""

from __future__ import annotations

from typing import Any

from shuraka.api import frameworks
from shuraka.api.data import Data
from shuraka.api.i18n import strings

LATEST = 8
GROUP_LABEL = {"MD": "fw.MD", "ICI": "fw.ICI", "PATG": "fw.PATG_IP4", "PFP": "fw.PFP_EAPC",
               "other": "fw.other"}


def _reference_names(country_id: str) -> dict[str, Any]:
    from shuraka.gazetteer import load
    from shuraka.gazetteer.compile import record_key

    record = load().records.get(record_key(country_id, "country"))
    if record is None:
        return {"name_en": None, "name_ar": country_id}
    return {"name_en": record.name_en, "name_ar": record.name_ar}


def map_countries(partners: list[dict]) -> list[dict]:
    """Every current framework member and every country the knowledge base holds as a
    partner of NATO (ties between other parties are left off the map)."""
    groups, keys = frameworks.group_of(), frameworks.geo_keys()
    in_kb = {p["id"]: p for p in partners
             if p.get("type") == "country" and "NATO" in p.get("parties", [])}
    out = []
    for cid in sorted(set(groups) | set(in_kb)):
        if cid not in keys:
            continue
        row = in_kb.get(cid)
        names = {"name_en": row["name_en"], "name_ar": row["name_ar"]} if row else \
            _reference_names(cid)
        out.append({"id": cid, "geo": keys[cid], **names,
                    "framework": groups.get(cid, "other"), "in_kb": row is not None,
                    "sources": row["sources"] if row else 0})
    return out


def _legend(countries: list[dict]) -> list[dict]:
    table = strings()
    return [{"id": group, "label": table[key],
             "members": sum(1 for c in countries if c["framework"] == group),
             "in_kb": sum(1 for c in countries if c["framework"] == group and c["in_kb"])}
            for group, key in GROUP_LABEL.items()]


def build(data: Data) -> dict[str, Any]:
    """The overview page's data."""
    stats = data.stats()
    partners = data.partners()
    countries = map_countries(partners)
    return {
        "page": "overview",
        "as_of": stats.get("last_published"),
        "stats": stats,
        "partners": partners,
        "map": {"countries": countries, "legend": _legend(countries)},
        "latest": data.events(limit=LATEST)["items"],
    }

"""Partner page: instruments with dates, a cooperation-area × year matrix, the events
timeline, people with their roles, and the sources."""

from __future__ import annotations

from typing import Any

from shuraka.api import frameworks
from shuraka.api.data import Data


def matrix(areas_by_year: dict[str, list[str]]) -> dict[str, Any]:
    """Rows of areas, columns of years (undated last), cells true where the area was said."""
    years = sorted(areas_by_year, key=lambda y: (not y.isdigit(), y))
    areas = sorted({a for said in areas_by_year.values() for a in said})
    return {"years": years,
            "rows": [{"area": a, "cells": [a in areas_by_year.get(y, []) for y in years]}
                     for a in areas]}


def reference_frameworks(partner_id: str) -> list[str]:
    """The frameworks the packaged reference table lists the partner in today."""
    return [fw for fw, members in frameworks.members().items() if partner_id in members]


MAX_EVENTS = 100  # the page shows the newest; /api/partners/{id} has them all
MAX_SOURCES = 100
MAX_STATEMENTS = 10


def _newest(items: list, limit: int) -> list:
    """The last `limit` items of an oldest-first list (its order kept)."""
    return items[-limit:] if len(items) > limit else items


def _bounded_ties(partnerships: list[dict]) -> list[dict]:
    return [{**p, "statements": _newest(p.get("statements", []), MAX_STATEMENTS),
             "statements_total": len(p.get("statements", []))} for p in partnerships]


def build(data: Data, partner_id: str) -> dict[str, Any]:
    """The partner page's data: the store's profile with its long lists cut to the newest
    entries (totals kept), plus the area × year matrix and the reference frameworks."""
    profile = data.partner(partner_id)
    pid = profile["partner"]["id"]
    events, sources = profile.get("events", []), profile.get("sources", [])
    return {"page": "partner", **profile,
            "partnerships": _bounded_ties(profile.get("partnerships", [])),
            "events": _newest(events, MAX_EVENTS), "events_total": len(events),
            "sources": _newest(sources, MAX_SOURCES), "sources_total": len(sources),
            "frameworks": reference_frameworks(pid),
            "matrix": matrix(profile.get("areas_by_year", {}))}

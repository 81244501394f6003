"""The quality gate: measured scores against pinned floors that only go up.

Floors live in a JSON file (`tests/eval_baseline.json`): `{"floors": {"LAYER.METRIC": x}}`.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

from shuraka.errors import GoldError

GATED = (
    "entities.precision", "entities.recall", "persons.precision", "persons.recall",
    "roles.precision", "roles.recall", "partnerships.f1", "partnership_areas.f1",
    "memberships.f1", "events.f1", "events.dates.f1",
)


def pinned_set(report: dict[str, dict[str, float | int]], floors: dict[str, float],
               prefix: str) -> dict[str, float]:
    """Floors for a gold set not pinned yet: every gated measure at what it scores now."""
    new = dict(floors)
    now = measured(report)
    for key in GATED:
        if prefix + key in now and prefix + key not in floors:
            new[prefix + key] = math.floor(now[prefix + key] * 100) / 100
    return new


def measured(report: dict[str, dict[str, float | int]]) -> dict[str, float]:
    return {f"{layer}.{metric}": float(values[metric])
            for layer, values in report.items() for metric in ("precision", "recall", "f1")}


def read_floors(path: Path) -> dict[str, float]:
    try:
        return {k: float(v) for k, v in json.loads(path.read_text())["floors"].items()}
    except (OSError, KeyError, ValueError, TypeError) as exc:
        raise GoldError(f"{path}: cannot read the floors ({exc})") from exc


def shortfalls(report: dict[str, dict[str, float | int]], floors: dict[str, float]) -> list[str]:
    """Every pinned measure that fell below its floor (or was not measured)."""
    now = measured(report)
    out = []
    for key, floor in sorted(floors.items()):
        value = now.get(key)
        if value is None:
            out.append(f"{key}: not measured (floor {floor:.3f})")
        elif value + 1e-9 < floor:
            out.append(f"{key}: {value:.3f} < floor {floor:.3f}")
    return out


def raised(report: dict[str, dict[str, float | int]], floors: dict[str, float],
           *, allow_lower: bool = False) -> dict[str, float]:
    """Floors moved up to what is measured now (rounded down to 0.01); a measure never
    goes down unless `allow_lower`."""
    new = dict(floors)
    for key, value in measured(report).items():
        if key not in floors:
            continue
        pinned = math.floor(value * 100) / 100
        if pinned > floors[key] or allow_lower:
            new[key] = pinned
    return new

"""The gold sets the quality gate scores (shared by tests and tools/eval_gate.py).

Each set is scored on its own: the seed articles (`../shared`) give the plain layer
names (`entities.precision`), the project's own examples give `examples.`-prefixed ones,
so adding gold to one set never moves the other's floors.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from shuraka.eval.run import evaluate

ROOT = Path(__file__).resolve().parents[1]
BASELINE = ROOT / "tests" / "eval_baseline.json"


def shared_dir() -> Path:
    return Path(os.environ.get("SHURAKA_SHARED", ROOT.parent / "shared"))


def gold_sets() -> list[tuple[str, Path, list[str]]]:
    """(prefix, gold directory, article paths) for the sets that exist on this machine."""
    sets = []
    shared = shared_dir()
    if (shared / "gold").is_dir() and (shared / "seeds").is_dir():
        sets.append(("", shared / "gold", sorted(str(p) for p in (shared / "seeds").glob("*.txt"))))
    own = ROOT / "examples" / "gold"
    if own.is_dir() and any(own.glob("*.json")):
        sets.append(("examples.", own, [str(ROOT / "examples" / "articles")]))
    return sets


def run_sets(sets: list[tuple[str, Path, list[str]]]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Scores of every set (layer names carry the set's prefix), and per-document errors."""
    report: dict[str, Any] = {}
    errors: list[dict[str, Any]] = []
    for prefix, gold, articles in sets:
        scorer = evaluate(gold, articles)
        report.update({prefix + name: values for name, values in scorer.report().items()})
        errors += [{**e, "doc": prefix + e["doc"]} for e in scorer.errors]
    return report, errors

"""The gold sets the quality gate scores (shared by tests and tools/eval_gate.py)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from shuraka.eval.run import evaluate

ROOT = Path(__file__).resolve().parents[1]
BASELINE = ROOT / "tests" / "eval_baseline.json"


def shared_dir() -> Path:
    return Path(os.environ.get("SHURAKA_SHARED", ROOT.parent / "shared"))


def gold_sets() -> list[tuple[Path, list[str]]]:
    """(gold directory, article paths) pairs that exist on this machine."""
    sets = []
    shared = shared_dir()
    if (shared / "gold").is_dir() and (shared / "seeds").is_dir():
        sets.append((shared / "gold", sorted(str(p) for p in (shared / "seeds").glob("*.txt"))))
    own = ROOT / "examples" / "gold"
    if own.is_dir() and any(own.glob("*.json")):
        sets.append((own, [str(ROOT / "examples" / "articles")]))
    return sets


def run_sets(sets: list[tuple[Path, list[str]]]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Scores over every set together (counts are pooled), and the per-document errors."""
    from shuraka.eval.score import Scorer

    pooled = Scorer()
    for gold, articles in sets:
        pooled.merge(evaluate(gold, articles))
    return pooled.report(), pooled.errors

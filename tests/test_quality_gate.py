"""The quality gate: gold articles scored on every run against pinned floors
(tests/eval_baseline.json). Raise floors with `python tools/eval_gate.py --update`."""

from __future__ import annotations

import os

import pytest
from gate_sets import BASELINE, gold_sets, run_sets, shared_dir

from shuraka.eval.gate import read_floors, shortfalls


@pytest.fixture(scope="module")
def scored():
    sets = gold_sets()
    if not sets:
        if os.environ.get("CI"):
            pytest.fail(f"no gold sets found (looked in {shared_dir()})")
        pytest.skip("no gold sets on this machine")
    return run_sets(sets)


def test_floors_hold(scored):
    report, errors = scored
    short = shortfalls(report, read_floors(BASELINE))
    details = "\n".join(f"{e['doc']} {e['layer']}: extra {e['extra']} missed {e['missed']}" for e in errors)
    assert not short, "\n".join(short) + "\n" + details


def test_floors_are_pinned_for_every_gated_layer():
    floors = read_floors(BASELINE)
    for key in ("entities.precision", "entities.recall", "persons.precision", "persons.recall",
                "roles.precision", "roles.recall"):
        assert floors.get(key, 0) >= 0.95, key

"""Run the quality gate by hand, and raise its floors.

    python tools/eval_gate.py                 # print scores and shortfalls
    python tools/eval_gate.py --update        # raise floors to what is measured now
    python tools/eval_gate.py --update --allow-lower   # the only way a floor goes down
    python tools/eval_gate.py --pin-set examples.      # pin a new gold set at its scores

Gold sets: ../shared/gold with ../shared/seeds (and any listed in tests/eval_sets.json).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from gate_sets import BASELINE, gold_sets, run_sets  # noqa: E402

from shuraka.eval.gate import pinned_set, raised, read_floors, shortfalls  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--update", action="store_true", help="raise the floors to the measured scores")
    parser.add_argument("--allow-lower", action="store_true", help="let --update lower a floor")
    parser.add_argument("--pin-set", metavar="PREFIX", help="pin floors for a gold set not pinned yet "
                        "(e.g. 'examples.')")
    args = parser.parse_args()
    report, errors = run_sets(gold_sets())
    floors = read_floors(BASELINE)
    print(json.dumps(report, indent=1))
    for err in errors:
        print(f"{err['doc']} {err['layer']}: extra {err['extra']} missed {err['missed']}")
    short = shortfalls(report, floors)
    for line in short:
        print("BELOW FLOOR:", line)
    if args.update or args.pin_set:
        new = raised(report, floors, allow_lower=args.allow_lower)
        if args.pin_set:
            new = pinned_set(report, new, args.pin_set)
        BASELINE.write_text(json.dumps({"floors": new}, indent=1, sort_keys=True) + "\n")
        print(f"floors written to {BASELINE}")
    return 1 if short and not (args.update or args.pin_set) else 0


if __name__ == "__main__":
    raise SystemExit(main())

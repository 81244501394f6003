"""Event scoring against gold annotations.

The rule, exactly:
- a predicted event can match a gold event when their types are equal and their
  participant sets (actors ∪ recipients) have a Jaccard index ≥ 0.5;
- matching is one-to-one and greedy: candidate pairs are taken by decreasing Jaccard
  (ties: pairs whose dates agree first, then gold order, then predicted order), and a
  pair is kept when neither event is matched yet;
- tp = matched pairs, fp = predicted events left unmatched, fn = gold events left
  unmatched; precision, recall and F1 as usual;
- date accuracy = among matched pairs whose gold date is not null, the share whose
  predicted date equals it exactly (1.0 when there is no such pair).
Gold and predicted events are dicts with `type`, `actors`, `recipients` and `date`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from shuraka.eval.score import Rates

THRESHOLD = 0.5


@dataclass
class EventCounts(Rates):
    dated: int = 0  # matched pairs with a gold date
    dated_right: int = 0  # ... whose predicted date equals it
    pairs: list[tuple[int, int]] = field(default_factory=list)  # (gold index, pred index)

    @property
    def date_accuracy(self) -> float:
        return self.dated_right / self.dated if self.dated else 1.0

    def add(self, other: EventCounts) -> None:
        self.absorb(other)
        self.dated += other.dated
        self.dated_right += other.dated_right

    def as_dict(self) -> dict[str, float | int]:
        return {**super().as_dict(), "dated": self.dated, "date_accuracy": round(self.date_accuracy, 4)}


def participants(event: dict[str, Any]) -> frozenset[str]:
    return frozenset(event.get("actors") or []) | frozenset(event.get("recipients") or [])


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 1.0


def _candidates(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> list[tuple[float, bool, int, int]]:
    out = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if g.get("type") != p.get("type"):
                continue
            score = jaccard(participants(g), participants(p))
            if score >= THRESHOLD:
                out.append((score, g.get("date") == p.get("date"), gi, pi))
    return sorted(out, key=lambda c: (-c[0], not c[1], c[2], c[3]))


def score_events(gold_events: list[dict[str, Any]], pred_events: list[dict[str, Any]]) -> EventCounts:
    """Counts for one document's events (the rule is in the module doc)."""
    counts = EventCounts()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for _, _, gi, pi in _candidates(gold_events, pred_events):
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        counts.pairs.append((gi, pi))
        gold_date = gold_events[gi].get("date")
        if gold_date is not None:
            counts.dated += 1
            counts.dated_right += pred_events[pi].get("date") == gold_date
    counts.tp = len(counts.pairs)
    counts.fp = len(pred_events) - counts.tp
    counts.fn = len(gold_events) - counts.tp
    return counts

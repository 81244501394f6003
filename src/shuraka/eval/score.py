"""Scoring extractions against gold annotations, layer by layer."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

CONTRACT_ORGS = frozenset(
    "NATO EU UN UNSC OSCE GCC LAS AU ASEAN SCO BRICS G7 G20 IAEA OIC CSTO ISIS".split()
)
SET_TYPES = ("country", "organization", "instrument", "place")


@dataclass
class Rates:
    """tp/fp/fn with precision, recall and F1 (1.0 where nothing was to be found)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def absorb(self, other: Rates) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Counts(Rates):
    def add(self, gold: Iterable[Any], pred: Iterable[Any]) -> tuple[set[Any], set[Any]]:
        g, p = set(gold), set(pred)
        self.tp += len(g & p)
        self.fp += len(p - g)
        self.fn += len(g - p)
        return p - g, g - p


def _keep(type_: str, id_: str) -> bool:
    return type_ != "organization" or id_ in CONTRACT_ORGS


def entity_sets(entities: list[dict[str, Any]]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {t: set() for t in (*SET_TYPES, "person")}
    for e in entities:
        if e["type"] in out and _keep(e["type"], e["id"]):
            out[e["type"]].add(e["id"])
    return out


def scored_of(of: str | None) -> bool:
    """Roles are scored like entities: `of` must be a country, a contract organization or
    an instrument (a think tank's chair is extracted, but outside the scored set)."""
    return bool(of) and (of in CONTRACT_ORGS or of.replace("-", "").isupper())


def role_pairs(pred_entities: list[dict[str, Any]]) -> set[tuple[str, str]]:
    """(person, of) pairs; a role whose `of` is unknown makes no pair."""
    return {(e["id"], r["of"]) for e in pred_entities for r in e.get("roles", []) if scored_of(r.get("of"))}


class Scorer:
    """Accumulates counts over documents; `errors` keeps what went wrong, per document."""

    def __init__(self) -> None:
        from shuraka.eval.events import EventCounts

        self.layers: dict[str, Counts] = {}
        self.events = EventCounts()
        self.scored_events = False
        self.errors: list[dict[str, Any]] = []

    def merge(self, other: Scorer) -> None:
        """Pool another scorer's counts into this one."""
        for name, counts in other.layers.items():
            self.layers.setdefault(name, Counts()).absorb(counts)
        self.events.add(other.events)
        self.scored_events = self.scored_events or other.scored_events
        self.errors += other.errors

    def _add(self, layer: str, doc: str, gold: Iterable[Any], pred: Iterable[Any]) -> None:
        fp, fn = self.layers.setdefault(layer, Counts()).add(gold, pred)
        if fp or fn:
            self.errors.append({"doc": doc, "layer": layer, "extra": sorted(map(str, fp)),
                                "missed": sorted(map(str, fn))})

    def add_document(self, doc: str, gold: dict[str, Any], pred: dict[str, Any]) -> None:
        g, p = entity_sets(gold["entities"]), entity_sets(pred["entities"])
        all_g = {(t, i) for t in SET_TYPES for i in g[t]}
        all_p = {(t, i) for t in SET_TYPES for i in p[t]}
        self._add("entities", doc, all_g, all_p)
        for t in SET_TYPES:
            self._add(f"entities.{t}", doc, g[t], p[t])
        self._add("persons", doc, g["person"], p["person"])
        gold_roles = {(r["person"], r["of"]) for r in gold.get("roles", []) if scored_of(r.get("of"))}
        self._add("roles", doc, gold_roles, role_pairs(pred["entities"]))

    def add_relations(self, doc: str, gold: dict[str, Any], pred: dict[str, Any]) -> None:
        self._add("partnerships", doc, _ties(gold), _ties(pred))
        self._add("partnership_areas", doc, _triples(gold), _triples(pred))
        self._add_events(doc, gold["events"], pred["events"])
        self._add("memberships", doc, {(m["instrument"], m["member"]) for m in gold["memberships"]},
                  {(m["instrument"], m["member"]) for m in pred["memberships"]})

    def _add_events(self, doc: str, gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> None:
        from shuraka.eval.events import score_events

        counts = score_events(gold, pred)
        self.events.add(counts)
        self.scored_events = True
        matched_pred = {p for _, p in counts.pairs}
        matched_gold = {g for g, _ in counts.pairs}
        extra = [f"{e['type']}{sorted(e['actors'] + e['recipients'])}" for i, e in enumerate(pred) if i not in matched_pred]
        missed = [f"{e['type']}{sorted(e['actors'] + e['recipients'])}" for i, e in enumerate(gold) if i not in matched_gold]
        wrong = [f"{gold[g]['type']} {gold[g]['date']} != {pred[p]['date']}" for g, p in counts.pairs
                 if gold[g].get("date") and gold[g]["date"] != pred[p].get("date")]
        if extra or missed or wrong:
            self.errors.append({"doc": doc, "layer": "events", "extra": extra, "missed": missed + wrong})

    def report(self) -> dict[str, dict[str, float | int]]:
        out = {name: counts.as_dict() for name, counts in sorted(self.layers.items())}
        events = self.events
        if self.scored_events:
            out["events"] = events.as_dict()
            out["events.dates"] = {"precision": events.date_accuracy, "recall": events.date_accuracy,
                                   "f1": events.date_accuracy, "tp": events.dated_right,
                                   "fp": events.dated - events.dated_right, "fn": 0}
        return out


def _ties(record: dict[str, Any]) -> set[tuple[str, str, str | None]]:
    return {(p["party"], p["partner"], p["instrument"]) for p in record["partnerships"]}


def _triples(record: dict[str, Any]) -> set[tuple[str, str, str]]:
    return {(p["party"], p["partner"], a) for p in record["partnerships"] for a in p["areas"]}

"""`shuraka eval`: extract the articles and score them against gold files."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from shuraka.errors import GoldError
from shuraka.eval.gold import load_gold_dir
from shuraka.eval.score import Scorer
from shuraka.extract.pipeline import extract
from shuraka.ingest import ReadFailure, read_paths


def evaluate(gold_dir: Path, articles: Iterable[str]) -> Scorer:
    """Score every article whose file stem has a gold file in `gold_dir`."""
    gold = load_gold_dir(gold_dir)
    scorer = Scorer()
    seen: set[str] = set()
    for item in read_paths(list(articles)):
        if isinstance(item, ReadFailure):
            raise GoldError(f"{item.source}: {item.reason}")
        name = Path(item.source.split("#")[0]).stem
        if name not in gold:
            continue
        seen.add(name)
        pred = extract(item).to_dict()
        scorer.add_document(name, gold[name], pred)
        scorer.add_relations(name, gold[name], pred)
    if not seen:
        raise GoldError(f"none of the articles has a gold file in {gold_dir}",
                        hint="gold files are matched to articles by file name (000.json ~ 000.txt)")
    return scorer

"""Extraction speed and memory: `python bench/extract_bench.py [ROUNDS]`.

Extracts every sample article (examples/articles) ROUNDS times in one process and prints
the knowledge-base load time, articles per second, characters per second and peak memory.
A benchmark, not a test: machines are noisy.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(rounds: int) -> None:
    from shuraka.extract.pipeline import extract
    from shuraka.gazetteer import load
    from shuraka.ingest import ReadFailure, read_paths

    docs = [d for d in read_paths([str(ROOT / "examples" / "articles")]) if not isinstance(d, ReadFailure)]
    started = time.perf_counter()
    load()
    loaded = time.perf_counter() - started
    extract(docs[0])  # warm every lazily compiled lexicon
    started = time.perf_counter()
    for _ in range(rounds):
        for doc in docs:
            extract(doc)
    elapsed = time.perf_counter() - started
    n = rounds * len(docs)
    chars = rounds * sum(len(d.text) for d in docs)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"knowledge base load: {loaded:.2f} s")
    print(f"articles: {n} ({len(docs)} x {rounds}) in {elapsed:.2f} s = {n / elapsed:.1f} articles/s, "
          f"{chars / elapsed / 1000:.0f} k chars/s")
    print(f"peak memory: {peak:.0f} MiB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)

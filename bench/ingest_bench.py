"""Ingest benchmark: documents per second and peak memory for N synthetic articles.

Builds N articles from the sample articles (examples/articles: sentences shuffled and
dropped, country names and years varied; see tests/store_helpers.py), ingests them into a
fresh knowledge base and prints the rate, the summary and the peak resident memory of
this process and of the extraction workers. Not a test.

    python bench/ingest_bench.py -n 500 --workers 2
    python bench/ingest_bench.py -n 200 --db postgresql://user@localhost/bench
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from store_helpers import synthetic_articles  # noqa: E402

from shuraka.store import ingest, open_store, queries  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=200, help="number of articles (200)")
    parser.add_argument("--workers", type=int, default=None, help="extraction processes")
    parser.add_argument("--db", default=None, help="database URL (default: a temp SQLite file)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="shuraka-bench-") as tmp:
        folder = Path(tmp) / "articles"
        synthetic_articles(args.n, folder)
        db = args.db or str(Path(tmp) / "bench.db")
        started = time.perf_counter()
        report = ingest([str(folder)], db, workers=args.workers)
        seconds = time.perf_counter() - started
        again = time.perf_counter()
        rerun = ingest([str(folder)], db, workers=args.workers)
        rerun_seconds = time.perf_counter() - again
        store = open_store(db)
        with store.session() as session:
            counts = queries.stats(session)
        store.close()
        size = Path(db).stat().st_size if args.db is None else None
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"articles: {args.n}, workers: {'default' if args.workers is None else args.workers}, backend: {counts['backend']}")
    print(f"ingest: {seconds:.1f} s, {report.read / seconds:.1f} documents/second "
          f"(new {report.new}, near-duplicate {report.near_duplicate}, "
          f"failed {len(report.failed)})")
    print(f"re-run (all stored): {rerun_seconds:.2f} s, duplicate {rerun.duplicate}")
    print(f"peak memory: main process {own:.0f} MiB, largest worker {workers:.0f} MiB")
    print(f"stored: {counts['documents']} documents, {counts['sentences']} sentences, "
          f"{counts['events']} events from {counts['event_reports']} reports, "
          f"{counts['partnerships']} partnerships"
          + (f"; database file {size / 1e6:.1f} MB" if size else ""))


if __name__ == "__main__":
    main()

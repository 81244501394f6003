"""API benchmark: p50/p95 latency of the partner profile and search on a knowledge base of
N synthetic articles (default 10,000), through `shuraka serve` over loopback HTTP.

Builds the articles with the store's helper (tests/store_helpers.py: the sample articles
with sentences shuffled and dropped, names and years varied), ingests them once into
bench/out/api-N.db (kept and reused: delete it to rebuild), then starts the server on a
free 127.0.0.1 port twice, without and with its answer cache, sends a bounded number of
requests each time and prints the figures. Not a test.

    python bench/api_bench.py                  # 10,000 articles, 200 requests per endpoint
    python bench/api_bench.py -n 500 --requests 100
"""

from __future__ import annotations

import argparse
import itertools
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from store_helpers import synthetic_articles  # noqa: E402

from shuraka.store import ingest, open_store, queries  # noqa: E402

QUERIES = ["الناتو", "اليابان", "الأمن السيبراني", "برنامج الشراكة", "مكافحة الإرهاب",
           "العراق", "Jordan", "Stoltenberg", "Japan", "الحلف"]
BUDGET_MS = 100.0


def build(n: int, db: Path, workers: int | None) -> dict:
    """The knowledge base of `n` synthetic articles at `db` (reused when present)."""
    if not db.exists():
        db.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix="shuraka-api-bench-") as tmp:
            folder = Path(tmp) / "articles"
            synthetic_articles(n, folder)
            started = time.perf_counter()
            ingest([str(folder)], str(db), workers=workers)
            print(f"built {db} from {n} articles in {time.perf_counter() - started:.0f} s")
    store = open_store(str(db))
    with store.session() as session:
        counts = queries.stats(session)
        partners = [p["id"] for p in queries.partners(session)]
    store.close()
    return {"stats": counts, "partners": partners}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start(db: Path, port: int, cache: bool) -> subprocess.Popen:
    command = [sys.executable, "-c", "from shuraka.api.cli import serve; serve()",
               "--db", str(db), "--host", "127.0.0.1", "--port", str(port),
               "--cache" if cache else "--no-cache"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2).status_code == 200:
                return process
        except httpx.HTTPError:
            time.sleep(0.3)
    process.terminate()
    raise SystemExit("the server did not start within 60 s")


def measure(client: httpx.Client, urls: list[str]) -> list[float]:
    """Milliseconds per request, one request per url, in order."""
    times = []
    for url in urls:
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url}: HTTP {response.status_code} {response.text[:200]}")
    return times


def _report(name: str, times: list[float]) -> None:
    ordered = sorted(times)
    p50 = statistics.median(ordered)
    p95 = ordered[max(0, int(round(0.95 * len(ordered))) - 1)]
    verdict = "ok" if p95 < BUDGET_MS else f"OVER the {BUDGET_MS:.0f} ms budget"
    print(f"{name:<28} n={len(times):<4} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   "
          f"max {ordered[-1]:7.1f} ms   {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=10_000, help="articles (10000)")
    parser.add_argument("--requests", type=int, default=200, help="requests per endpoint (200)")
    parser.add_argument("--workers", type=int, default=None, help="ingest processes")
    parser.add_argument("--db", type=Path, default=None, help="SQLite file (bench/out/api-N.db)")
    args = parser.parse_args()
    db = args.db or ROOT / "bench" / "out" / f"api-{args.n}.db"
    kb = build(args.n, db, args.workers)
    stats = kb["stats"]
    print(f"knowledge base: {stats['documents']} documents, {stats['sentences']} sentences, "
          f"{stats['events']} events, {stats['partnerships']} partnerships, "
          f"{len(kb['partners'])} partners")
    for cache in (False, True):
        print("without the answer cache (every request queries the database):" if not cache
              else "with the answer cache (first request per id misses, the rest hit):")
        run(db, kb["partners"], args.requests, cache)


def run(db: Path, partners: list[str], requests: int, cache: bool) -> None:
    """Start a server, time the endpoints, stop it."""
    port = _free_port()
    process = _start(db, port, cache)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            count = max(1, requests)
            partner_ids = list(itertools.islice(itertools.cycle(partners), count))
            searches = list(itertools.islice(itertools.cycle(QUERIES), count))
            measure(client, ["/api/stats"] * 5)  # warm up
            _report("GET /api/partners/{id}", measure(
                client, [f"/api/partners/{p}" for p in partner_ids]))
            _report("GET /api/search?q=", measure(
                client, [f"/api/search?q={q}" for q in searches]))
            _report("GET /partner/{id} (page)", measure(
                client, [f"/partner/{p}" for p in partner_ids[: count // 4 or 1]]))
            _report("GET /search?q= (page)", measure(
                client, [f"/search?q={q}" for q in searches[: count // 4 or 1]]))
    finally:
        process.terminate()
        process.wait(timeout=10)

if __name__ == "__main__":
    main()

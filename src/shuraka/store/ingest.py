"""`ingest`: read articles, extract them in parallel, and store each in its own transaction.

Order of work: the readers (`shuraka.ingest.read_paths`) run in this process; extraction
runs in a process pool, in chunks, a bounded number of chunks ahead; results are written
back in input order, one document per transaction together with all its records, so a
Ctrl-C or a kill leaves every document either fully stored or absent, and a re-run skips
what is stored (same content hash) and finishes the job. The database ends up the same
as after an uninterrupted run, because documents are written in the same order.

An article already stored (same sha256 of its text) counts as a duplicate: only its new
source (path or URL) is recorded. A new article that is a near-duplicate of a stored one
(`shuraka.store.dedup`) is stored and joins that article's story.
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from shuraka.ingest import EXTENSIONS, ReadFailure, read_paths
from shuraka.ingest.sources import walk
from shuraka.model import Document
from shuraka.store.db import Store, open_store
from shuraka.store.entities import EntityIndex
from shuraka.store.errors import StoreError
from shuraka.store.merge import merge_extraction
from shuraka.store.models import Document as DocumentRow
from shuraka.store.prepare import Failed, Prepared, prepare_chunk, worker_init
from shuraka.store.write import add_source, remember_shingles, write_document

DEFAULT_CHUNK = 4
AHEAD_PER_WORKER = 3
_JSONL = {k for k, v in EXTENSIONS.items() if v == "jsonl"}


@dataclass
class IngestReport:
    """What an ingest did. read = new + near_duplicate + duplicate + failed."""

    read: int = 0
    new: int = 0
    near_duplicate: int = 0  # new documents that joined the story of a stored one
    duplicate: int = 0  # already stored (same text): only the source was recorded
    failed: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)
    seconds: float = 0.0

    def to_dict(self) -> dict:
        return {"read": self.read, "new": self.new, "near_duplicate": self.near_duplicate,
                "duplicate": self.duplicate, "failed": len(self.failed),
                "failures": [{"source": s, "reason": r} for s, r in self.failed],
                "seconds": round(self.seconds, 3)}


@dataclass(frozen=True)
class IngestProgress:
    """Passed to the progress callback after each input is handled."""

    done: int
    total: int | None  # an estimate (files, JSON Lines records); None when unknown (stdin)
    source: str
    status: str  # new, near_duplicate, duplicate, failed


class IngestInterrupted(StoreError):
    """Ingest stopped by Ctrl-C; every document written so far is complete."""

    hint = "run the same command again to finish: stored articles are skipped"

    def __init__(self, report: IngestReport) -> None:
        super().__init__(f"interrupted after {report.read} articles")
        self.report = report


Progress = Callable[[IngestProgress], None]


def count_inputs(paths: Iterable[str]) -> int | None:
    """How many articles `paths` hold, roughly: one per file, one per JSON Lines line."""
    total = 0
    for given in paths:
        if given == "-":
            return None
        p = Path(given)
        files = walk(p) if p.is_dir() else [p]
        for f in files:
            total += _count_file(f)
    return total


def _count_file(path: Path) -> int:
    if path.suffix.lower() not in _JSONL:
        return 1
    try:
        with open(path, "rb") as handle:
            return max(1, sum(1 for line in handle if line.strip()))
    except OSError:
        return 1


class _Inline(Executor):
    """Runs work at submit time, in this process (workers=0)."""

    def submit(self, fn, /, *args, **kwargs) -> Future:  # noqa: ANN001
        future: Future = Future()
        future.set_result(fn(*args, **kwargs))
        return future


@dataclass
class _Entry:
    kind: str  # new, duplicate, failed
    source: str
    document: Document | None = None
    reason: str = ""
    chunk: Future | None = None
    index: int = 0


class _Ingest:
    def __init__(self, store: Store, executor: Executor, workers: int, chunk: int,
                 progress: Progress | None, total: int | None) -> None:
        self.store, self.executor = store, executor
        self.chunk_size, self.ahead = chunk, max(1, workers) * AHEAD_PER_WORKER
        self.progress, self.total = progress, total
        self.report = IngestReport()
        self.entities = EntityIndex()
        self.pending: deque[_Entry] = deque()
        self.chunk: list[_Entry] = []
        self.in_flight = 0
        self.seen: set[str] = set()
        with store.session() as session:
            self.stored = set(session.scalars(select(DocumentRow.id)))

    def feed(self, item: Document | ReadFailure) -> None:
        if isinstance(item, ReadFailure):
            self.pending.append(_Entry("failed", item.source, reason=item.reason))
        elif item.id in self.stored or item.id in self.seen:
            self.pending.append(_Entry("duplicate", item.source, document=item))
        else:
            self.seen.add(item.id)
            entry = _Entry("new", item.source, document=item)
            self.pending.append(entry)
            self.chunk.append(entry)
            if len(self.chunk) >= self.chunk_size:
                self.flush()
        self.drain(block=self.in_flight >= self.ahead)

    def flush(self) -> None:
        if not self.chunk:
            return
        future = self.executor.submit(prepare_chunk, [e.document for e in self.chunk])
        for i, entry in enumerate(self.chunk):
            entry.chunk, entry.index = future, i
        self.in_flight += 1
        self.chunk = []

    def drain(self, block: bool) -> None:
        """Write entries from the head of the queue: all that are ready, or (block) until
        a chunk has been consumed."""
        while self.pending:
            head = self.pending[0]
            if head.kind == "new" and head.chunk is None:
                return  # its chunk is still being filled
            if head.kind == "new" and not (block or head.chunk.done()):
                return
            self.pending.popleft()
            last_of_chunk = head.kind == "new" and head.index == len(head.chunk.result()) - 1
            self._handle(head)
            if last_of_chunk:
                self.in_flight -= 1
                block = False

    def finish(self) -> IngestReport:
        self.flush()
        while self.pending:
            self.drain(block=True)
        return self.report

    def _handle(self, entry: _Entry) -> None:
        if entry.kind == "failed":
            status = self._fail(entry.source, entry.reason)
        elif entry.kind == "duplicate":
            status = self._duplicate(entry)
        else:
            status = self._store(entry.chunk.result()[entry.index], entry.source)
        self.report.read += 1
        if self.progress:
            self.progress(IngestProgress(self.report.read, self.total, entry.source, status))

    def _fail(self, source: str, reason: str) -> str:
        self.report.failed.append((source, reason))
        return "failed"

    def _duplicate(self, entry: _Entry) -> str:
        doc = entry.document
        if doc.id not in self.stored:
            return self._fail(entry.source, "same text as an article that could not be stored")
        with self.store.session() as session:
            add_source(session, doc.id, doc.source)
            session.commit()
        self.report.duplicate += 1
        return "duplicate"

    def _store(self, result: Prepared | Failed, source: str) -> str:
        if isinstance(result, Failed):
            return self._fail(source, result.reason)
        with self.store.session() as session:
            try:
                added = self.entities.ensure(session, result.extraction)
                session.flush()
                row = write_document(session, result)
                session.flush()
                merge_extraction(session, row, result.extraction)
                session.commit()
            except Exception as exc:  # noqa: BLE001 (one article never stops the batch)
                session.rollback()
                detail = exc.orig if isinstance(exc, SQLAlchemyError) and hasattr(exc, "orig") \
                    else exc
                return self._fail(source, f"could not be stored ({type(exc).__name__}: "
                                  f"{' '.join(str(detail).split())[:200]})")
        self.entities.confirm(added)
        self.stored.add(row.id)
        remember_shingles(row.id, result.shingles)
        if row.similarity is not None:
            self.report.near_duplicate += 1
            return "near_duplicate"
        self.report.new += 1
        return "new"


def _executor(workers: int) -> Executor:
    if workers <= 0:
        return _Inline()
    return ProcessPoolExecutor(max_workers=workers, initializer=worker_init)


def ingest(paths: Iterable[str], db_url: str | None = None, *, workers: int | None = None,
           progress: Progress | None = None, chunk: int = DEFAULT_CHUNK,
           store: Store | None = None) -> IngestReport:
    """Read, extract and store the articles under `paths` into the knowledge base at
    `db_url` (URL or path; None: the default file). `workers` extraction processes
    beside this one, which writes (default: CPUs - 1, at least 1; 0 extracts in this
    process). Never raises for one bad
    article: it is listed in the report's `failed`. Ctrl-C raises IngestInterrupted,
    whose `report` tells what was stored."""
    paths = list(paths)
    workers = workers if workers is not None else max(1, (os.cpu_count() or 1) - 1)
    started = time.monotonic()
    own_store = store is None
    store = store or open_store(db_url)
    executor = _executor(workers)
    job = _Ingest(store, executor, workers, chunk, progress, count_inputs(paths))
    try:
        for item in read_paths(paths):
            job.feed(item)
        report = job.finish()
    except KeyboardInterrupt:
        executor.shutdown(wait=False, cancel_futures=True)
        job.report.seconds = time.monotonic() - started
        raise IngestInterrupted(job.report) from None
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
        if own_store:
            store.close()
    report.seconds = time.monotonic() - started
    return report

"""The CPU-heavy half of ingesting one document, run in worker processes: extraction,
sentences with their search terms, and the near-duplicate signature. Everything
returned pickles, so it crosses process boundaries."""

from __future__ import annotations

import signal
from dataclasses import dataclass

from shuraka.errors import ShurakaError
from shuraka.extract.pipeline import extract
from shuraka.model import Document, Extraction
from shuraka.store.dedup import bands, shingles
from shuraka.store.terms import sentence_terms
from shuraka.text.normalize import norm, normalize
from shuraka.text.sentences import split_sentences


@dataclass
class SentenceRow:
    start: int
    end: int
    text: str
    norm: str
    terms: str


@dataclass
class Prepared:
    """A document ready to be written: its extraction and what the store indexes."""

    extraction: Extraction
    norm_text: str
    sentences: list[SentenceRow]
    shingles: frozenset[int]
    bands: list[int]


@dataclass
class Failed:
    source: str
    reason: str


def prepare(document: Document) -> Prepared:
    """Extract `document` and compute its sentences, search terms and MinHash bands."""
    extraction = extract(document)
    normalized = normalize(document.text)
    rows = []
    for start, end in split_sentences(document.text, normalized=normalized):
        text = document.text[start:end]
        n = norm(text)
        rows.append(SentenceRow(start, end, text, n, sentence_terms(n)))
    hashes = shingles(normalized.text)
    return Prepared(extraction, normalized.text, rows, hashes, bands(hashes))


def prepare_safely(document: Document) -> Prepared | Failed:
    """`prepare`, with any failure turned into a one-line reason (one bad article never
    stops a batch)."""
    try:
        return prepare(document)
    except ShurakaError as exc:
        return Failed(document.source, " ".join(str(exc).split()))
    except Exception as exc:  # a bug on one odd article must not stop the batch
        return Failed(document.source, f"extraction failed ({type(exc).__name__}: {exc})")


def prepare_chunk(documents: list[Document]) -> list[Prepared | Failed]:
    return [prepare_safely(d) for d in documents]


def worker_init() -> None:
    """Workers leave Ctrl-C to the parent, which stops the pool and rolls back."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)

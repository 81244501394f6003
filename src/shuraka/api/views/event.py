"""Event page: participants, date, place, and every source sentence in its context."""

from __future__ import annotations

from typing import Any

from shuraka.api.data import Data

CONTEXT_CHARS = 280


def _cut_before(text: str, start: int) -> str:
    """Up to CONTEXT_CHARS before `start`, beginning at a word boundary."""
    lo = max(0, start - CONTEXT_CHARS)
    piece = text[lo:start]
    if lo > 0 and " " in piece:
        piece = "… " + piece.split(" ", 1)[1]
    return piece


def _cut_after(text: str, end: int) -> str:
    """Up to CONTEXT_CHARS after `end`, ending at a word boundary."""
    hi = min(len(text), end + CONTEXT_CHARS)
    piece = text[end:hi]
    if hi < len(text) and " " in piece:
        piece = piece.rsplit(" ", 1)[0] + " …"
    return piece


def in_context(text: str, start: int, end: int, sentence: str) -> dict[str, Any]:
    """The sentence with what surrounds it in the raw text; no context if offsets drift."""
    if text[start:end] != sentence:
        return {"before": "", "sentence": sentence, "after": "", "aligned": False}
    return {"before": _cut_before(text, start), "sentence": sentence,
            "after": _cut_after(text, end), "aligned": True}


def build(data: Data, event_id: str) -> dict[str, Any]:
    """The event page's data: the store's event, each report with its context."""
    event = data.event(event_id)
    texts: dict[str, str] = {}
    reports = []
    for report in event.get("reports", []):
        doc = report["document_id"]
        if doc not in texts:
            texts[doc] = data.source(doc)["text"]
        context = in_context(texts[doc], report["start"], report["end"], report["text"])
        reports.append({**report, "context": context})
    return {"page": "event", **event, "reports": reports}

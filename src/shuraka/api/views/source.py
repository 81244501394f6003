"""Source page: an article's raw text with every sentence the knowledge base cites
highlighted, and a link to the original."""

from __future__ import annotations

from typing import Any

from shuraka.api.data import Data


def _merged(marks: list[dict], size: int) -> list[tuple[int, int, list[int]]]:
    """Overlapping cited spans merged; each keeps the starts that anchor into it."""
    spans: list[tuple[int, int, list[int]]] = []
    for mark in sorted(marks, key=lambda x: (x["start"], x["end"])):
        start, end = max(0, mark["start"]), min(size, mark["end"])
        if start >= end:
            continue
        if spans and start <= spans[-1][1]:
            last = spans[-1]
            spans[-1] = (last[0], max(last[1], end), sorted({*last[2], start}))
        else:
            spans.append((start, end, [start]))
    return spans


def segments(text: str, marks: list[dict]) -> list[dict[str, Any]]:
    """The text cut into plain and highlighted pieces, in order, covering all of it."""
    out, pos = [], 0
    for start, end, anchors in _merged(marks, len(text)):
        if start > pos:
            out.append({"text": text[pos:start], "mark": False, "anchors": []})
        out.append({"text": text[start:end], "mark": True, "anchors": anchors})
        pos = end
    if pos < len(text):
        out.append({"text": text[pos:], "mark": False, "anchors": []})
    return out


def build(data: Data, source_id: str) -> dict[str, Any]:
    """The source page's data."""
    doc = data.source(source_id)
    return {"page": "source", **doc, "segments": segments(doc["text"], doc.get("marks", []))}

"""Search: sentences and entities matching the words, with facets by kind."""

from __future__ import annotations

from collections import Counter
from typing import Any

from shuraka.api.data import Data

KINDS = ("sentence", "country", "organization", "instrument", "person", "place")


def facets(result: dict, kind: str | None) -> list[dict[str, Any]]:
    """One facet value per kind that has hits, with its count and whether it is chosen."""
    counts = Counter(e.get("type") for e in result.get("entities", []))
    counts["sentence"] = result.get("total", 0)
    return [{"kind": k, "count": counts[k], "selected": k == kind} for k in KINDS if counts[k]]


def build(data: Data, q: str | None, kind: str | None, limit: int, offset: int) -> dict[str, Any]:
    """The search page's data; no query, no search."""
    page: dict[str, Any] = {"page": "search", "query": q or "", "kind": kind, "limit": limit,
                            "offset": offset, "total": 0, "entities": [], "items": [],
                            "facets": []}
    if not q or not q.strip():
        return page
    result = data.search(q.strip(), limit=limit, offset=offset)
    page.update({k: result[k] for k in ("total", "entities", "items") if k in result})
    page["words"] = result.get("words", [])
    page["facets"] = facets(result, kind)
    if kind and kind != "sentence":
        page["entities"] = [e for e in page["entities"] if e.get("type") == kind]
        page["items"] = []
    elif kind == "sentence":
        page["entities"] = []
    page["next_offset"] = offset + limit if offset + limit < page["total"] else None
    page["prev_offset"] = max(0, offset - limit) if offset > 0 else None
    return page

"""The one place the web layer touches the store: a thin adapter over
`shuraka.store.queries`, one session per call. Tests pass a fake with the same methods."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, Protocol

from shuraka.errors import ShurakaError


class NotFound(ShurakaError):
    """A partner, event or document the knowledge base does not hold."""

    hint = "check the id, or search for the name"


class Data(Protocol):
    """What the pages and the API read. Every method returns JSON-ready dicts/lists."""

    def partners(self) -> list[dict]: ...
    def partner(self, partner_id: str) -> dict: ...
    def events(self, *, partner: str | None = None, type: str | None = None,
               since: str | None = None, until: str | None = None,
               limit: int = 50, offset: int = 0) -> dict: ...
    def event(self, event_id: str) -> dict: ...
    def people(self) -> list[dict]: ...
    def search(self, q: str, *, limit: int = 20, offset: int = 0) -> dict: ...
    def entities(self, *, type: str | None = None) -> list[dict]: ...
    def sources(self) -> list[dict]: ...
    def source(self, source_id: str) -> dict:
        """One document: Source + {"text": raw text, "marks": [{"start", "end", "text",
        "kind": "event"|"partnership"|"membership", "ref": id}]} (sorted by start)."""
        ...
    def stats(self) -> dict: ...


class AnswerCache:
    """Answers kept while the knowledge base stays the same. `generation()` is a cheap
    fingerprint of its contents, checked at most once every `ttl` seconds; when it changes
    (an ingest added documents), every answer is dropped. Answers are shared: callers
    must not mutate them."""

    def __init__(self, generation: Callable[[], Hashable], size: int = 128,
                 ttl: float = 1.0) -> None:
        self._generation, self._size, self._ttl = generation, size, ttl
        self._answers: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()
        self._seen: Hashable = None
        self._checked = 0.0

    def _refresh(self) -> None:
        now = time.monotonic()
        if now - self._checked < self._ttl:
            return
        current = self._generation()
        with self._lock:
            self._checked = now
            if current != self._seen:
                self._seen = current
                self._answers.clear()

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """The cached answer for `key`, computed on a miss."""
        self._refresh()
        with self._lock:
            if key in self._answers:
                self._answers.move_to_end(key)
                return self._answers[key]
        answer = compute()
        with self._lock:
            self._answers[key] = answer
            while len(self._answers) > self._size:
                self._answers.popitem(last=False)
        return answer


class StoreData:
    """`Data` backed by the SQL store at `db_url`; answers are cached (`AnswerCache`)
    unless `cache` is false."""

    def __init__(self, db_url: str, *, cache: bool = True) -> None:
        from shuraka.store import db, queries
        from shuraka.store.errors import NotFoundError

        self._queries = queries
        self._not_found = NotFoundError
        self.store = db.open_store(db_url)
        self.cache = AnswerCache(self._generation) if cache else None

    def _generation(self) -> Hashable:
        """Row counts of what an ingest adds to: cheap, and changed by every new document."""
        from sqlalchemy import func, select

        from shuraka.store import models as m

        with self.store.session() as session:
            return tuple(session.scalar(select(func.count()).select_from(model))
                         for model in (m.Document, m.Event, m.EventReport,
                                       m.PartnershipStatement, m.Membership))

    def _query(self, name: str, *args: Any, **kwargs: Any) -> Any:
        query: Callable[..., Any] = getattr(self._queries, name)
        with self.store.session() as session:
            try:
                return query(session, *args, **kwargs)
            except self._not_found as error:
                raise NotFound(str(error)) from error

    def _run(self, name: str, *args: Any, **kwargs: Any) -> Any:
        if self.cache is None:
            return self._query(name, *args, **kwargs)
        key = (name, args, tuple(sorted(kwargs.items())))
        return self.cache.get(key, lambda: self._query(name, *args, **kwargs))

    def partners(self) -> list[dict]:
        return self._run("partners")

    def partner(self, partner_id: str) -> dict:
        return self._run("partner_profile", partner_id)

    def events(self, **filters: Any) -> dict:
        return self._run("events", **filters)

    def event(self, event_id: str) -> dict:
        return self._run("event", event_id)

    def people(self) -> list[dict]:
        return self._run("people")

    def search(self, q: str, *, limit: int = 20, offset: int = 0) -> dict:
        return self._run("search", q, limit=limit, offset=offset)

    def entities(self, *, type: str | None = None) -> list[dict]:
        return self._run("entities", type=type)

    def sources(self) -> list[dict]:
        return self._run("sources")

    def source(self, source_id: str) -> dict:
        return self._run("document", source_id)

    def stats(self) -> dict:
        return self._run("stats")


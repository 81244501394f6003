"""Load, validate and compile the packaged knowledge base into matchers (once)."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

import ahocorasick

from shuraka.errors import DataError
from shuraka.gazetteer import sources
from shuraka.gazetteer.morphology import definite, inflect_nisba, surface_key
from shuraka.text.normalize import norm

ENTITY_TYPES = ("country", "organization", "instrument", "person", "place")


@dataclass(frozen=True)
class Office:
    title_en: str
    of: str | None
    start: str | None
    end: str | None

    def active(self, day: str | None) -> bool:
        """Whether the office was held on `day` (ISO, any precision); unknown day: yes."""
        if day is None:
            return True
        return (self.start is None or self.start[: len(day)] <= day) and (
            self.end is None or day <= self.end
        )


@dataclass
class Record:
    """One thing the knowledge base knows: a country, place, organization, person..."""

    id: str
    type: str  # country organization instrument person place region title
    name_en: str | None
    name_ar: str
    country: str | None = None  # a place's country; an instrument's partner
    flags: frozenset[str] = frozenset()
    offices: tuple[Office, ...] = ()
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Entry:
    """One surface form of a record, as the matcher looks for it."""

    record: Record
    kind: str  # name adjective metonym contextual short title
    key: str  # normalized, article stripped from the first word
    article: str  # "yes" (needs ال or لل), "no" (must not have it), "any"


@dataclass
class Gazetteer:
    records: dict[str, Record]
    entries: dict[str, list[Entry]]
    titles: dict[str, list[Entry]]
    wildcards: list[tuple[re.Pattern[str], Entry]]
    automaton: ahocorasick.Automaton
    title_automaton: ahocorasick.Automaton
    ambiguity: dict[str, tuple[str, ...]]  # key -> ids in order of preference

    def record(self, id_: str) -> Record | None:
        return self.records.get(id_)


def record_key(id_: str, type_: str) -> str:
    """Instrument codes live apart: the contract's NRU (NATO Representation to Ukraine)
    is also Nauru's ISO code."""
    return f"instrument:{id_}" if type_ == "instrument" else id_


class _Builder:
    def __init__(self) -> None:
        self.records: dict[str, Record] = {}
        self.entries: dict[str, list[Entry]] = defaultdict(list)
        self.titles: dict[str, list[Entry]] = defaultdict(list)
        self.wildcards: list[tuple[re.Pattern[str], Entry]] = []

    def add_record(self, record: Record, where: str) -> Record:
        key = record_key(record.id, record.type)
        known = self.records.get(key)
        if known is not None:
            if known.type != record.type:
                raise DataError(f"{where}: id {record.id!r} is already a {known.type}")
            return known
        self.records[key] = record
        return record

    def add_surface(self, record: Record, surface: str, kind: str, article: str | None = None) -> None:
        text = norm(surface).strip()
        if not text:
            return
        if "*" in text:
            self._add_wildcard(record, text, kind)
            return
        key, has_article = surface_key(surface)
        mode = article or ("yes" if has_article else "no")
        target = self.titles if kind == "title" else self.entries
        for known in target[key]:
            if known.record.id == record.id and known.kind == kind:
                if known.article != mode:
                    target[key].remove(known)
                    target[key].append(Entry(record, kind, key, "any"))
                return
        target[key].append(Entry(record, kind, key, mode))

    def _add_wildcard(self, record: Record, text: str, kind: str) -> None:
        parts = [r"\S+" if w == "*" else re.escape(w) for w in text.split()]
        pattern = re.compile(r"(?<![\w])(?:[وفبكل]{0,2})?(" + r" ".join(parts) + r")(?![\w])")
        self.wildcards.append((pattern, Entry(record, kind, text, "any")))

    def add_adjective(self, record: Record, masculine: str) -> None:
        for form in inflect_nisba(masculine):
            self.add_surface(record, form, "adjective", "no")
            self.add_surface(record, definite(form), "adjective", "yes")

    def build(self, ambiguity: dict[str, tuple[str, ...]]) -> Gazetteer:
        return Gazetteer(
            records=self.records,
            entries=dict(self.entries),
            titles=dict(self.titles),
            wildcards=self.wildcards,
            automaton=_automaton(self.entries),
            title_automaton=_automaton(self.titles),
            ambiguity=ambiguity,
        )


def _automaton(table: dict[str, list[Entry]]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for key in table:
        automaton.add_word(key, key)
    if len(automaton):
        automaton.make_automaton()
    return automaton


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The compiled knowledge base (validated on first use, then cached)."""
    builder = _Builder()
    for loader in sources.LOADERS:
        loader(builder)
    return builder.build(sources.load_ambiguity(builder))


@dataclass
class Lexicon:
    """A phrase vocabulary compiled like the gazetteer (areas, triggers...)."""

    entries: dict[str, list[Entry]]
    automaton: ahocorasick.Automaton
    wildcards: list[tuple[re.Pattern[str], Entry]]


def build_lexicon(items: list[tuple[Record, list[str]]], kind: str = "name") -> Lexicon:
    """Compile (record, surfaces) pairs; surfaces follow the gazetteer's conventions."""
    builder = _Builder()
    for record, surfaces in items:
        for surface in surfaces:
            builder.add_surface(record, surface, kind)
    return Lexicon(dict(builder.entries), _automaton(builder.entries), builder.wildcards)

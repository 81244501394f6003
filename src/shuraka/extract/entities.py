"""Entity recognition and linking: gazetteer matches, context rules, persons and roles,
assembled into the contract's Entity records with spans into the raw text."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from shuraka.extract import context, persons, roles
from shuraka.extract.matching import Match, candidates, longest, wildcard_candidates
from shuraka.gazetteer import Gazetteer, Record, load
from shuraka.model import Entity, Role, Span
from shuraka.text.normalize import Normalized, normalize

OUTPUT_TYPES = ("country", "organization", "instrument", "person", "place")


@dataclass
class Mention:
    """A resolved mention: what it names and where (normalized offsets)."""

    record: Record
    start: int
    end: int
    kind: str
    match: Match


@dataclass
class EntityLayer:
    norm: Normalized
    mentions: list[Mention]
    roles: list[roles.FoundRole]
    titles: list[Match]

    def span(self, start: int, end: int) -> Span:
        s, e = self.norm.to_raw(start, end)
        return Span.of(self.norm.raw, s, e)


def recognize(raw: str, *, published: str | None = None, gaz: Gazetteer | None = None) -> EntityLayer:
    gaz = gaz or load()
    n = normalize(raw)
    text = n.text
    every = candidates(text, gaz.entries, gaz.automaton) + wildcard_candidates(text, gaz)
    found = longest(every)
    found = sorted(found + _nested(text, found, every), key=lambda m: m.start)
    found = [m for m in found if m.record.type != "region"]
    context.resolve_ambiguous(text, found, gaz)
    found = context.drop_unsupported(text, found)
    titles = longest(candidates(text, gaz.titles, gaz.title_automaton))
    found = _add_persons(text, found, titles)
    people = [m for m in found if m.record.type == "person"]
    others = [m for m in found if m.record.type != "person"]
    found_roles = roles.find_roles(text, people, others, titles, published)
    return EntityLayer(n, [_mention(text, m, gaz) for m in found], found_roles, titles)


def _nested(text: str, chosen: list[Match], every: list[Match]) -> list[Match]:
    """Countries, organizations, instruments, and places after في, named inside an
    instrument's or organization's name (قوة كوسوفو، مكتب اتصال الناتو في عمان، مركز
    الناتو الإقليمي لمبادرة إسطنبول للتعاون) are mentions too."""
    outer = sorted((m for m in chosen if m.record.type in ("instrument", "organization")),
                   key=lambda o: o.start)
    starts = [o.start for o in outer]
    inner: list[Match] = []
    for m in every:
        host = _host(outer, starts, m)
        if host is None or len(m.ids()) > 1 and m.record.type != "country":
            continue
        if m.record.id in host.ids():  # a shorter name of the same thing
            continue
        if m.kind != "name":
            continue
        if m.record.type in ("country", "organization", "instrument") or (
            m.record.type == "place" and text[host.start:m.start].endswith("في ")
        ):
            if not inner or all(i.start != m.start for i in inner[-3:]):
                inner.append(m)
    return inner


def _host(outer: list[Match], starts: list[int], m: Match) -> Match | None:
    """The outer (non-overlapping, sorted) match that contains `m`, if any."""
    i = bisect_right(starts, m.start) - 1
    if i >= 0 and outer[i] is not m and outer[i].start <= m.start and m.end <= outer[i].end:
        return outer[i]
    return None


def _add_persons(text: str, found: list[Match], titles: list[Match]) -> list[Match]:
    found = found + persons.unknown_persons(text, titles, found)
    found = sorted(found + persons.coreference(text, found), key=lambda m: m.start)
    return found


def _mention(text: str, m: Match, gaz: Gazetteer) -> Mention:
    rec = m.record
    if rec.type == "place" and context.capital_usage(text, m) == "actor":
        return Mention(gaz.records[rec.country], m.start, m.end, "capital", m)
    return Mention(rec, m.start, m.end, m.kind, m)


def entities(layer: EntityLayer) -> list[Entity]:
    """The contract's entity list: one per id, mentions in text order."""
    out: dict[str, Entity] = {}
    seen: set[tuple[str, Span]] = set()
    for mention in layer.mentions:
        rec = mention.record
        if rec.type not in OUTPUT_TYPES:
            continue
        entity = out.get(rec.id)
        if entity is None:
            entity = out[rec.id] = Entity(rec.id, rec.type, rec.name_en, rec.name_ar)
        span = layer.span(mention.start, mention.end)
        if (rec.id, span) not in seen:
            seen.add((rec.id, span))
            entity.mentions.append(span)
    for found in layer.roles:
        entity = out.get(found.person.record.id)
        if entity is None or not found.title:
            continue
        if any(r.title_en == found.title and r.of == found.of for r in entity.roles):
            continue
        entity.roles.append(Role(found.title, found.of, layer.span(found.start, found.end)))
    return list(out.values())

"""Memberships: the members a text names for a group of partners.

`مبادرة إسطنبول للتعاون التي تضم قطر والإمارات...`, `تضم هذه المجموعة فنلندا والسويد...`
(a group named in an earlier sentence), and a sentence that enumerates every member of
a group the article names (`اليابان وكوريا الجنوبية ونيوزيلندا وأستراليا` for IP4).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from shuraka.extract.entities import EntityLayer, Mention
from shuraka.extract.relations import relations
from shuraka.gazetteer.members import current_members
from shuraka.model import Membership

WINDOW = 40  # characters after a group's name in which a member cue must start


@dataclass
class Sentence:
    start: int  # normalized offsets
    end: int
    mentions: list[Mention]


def sentences_of(layer: EntityLayer, raw_spans: list[tuple[int, int]]) -> list[Sentence]:
    """The sentences (normalized offsets) with the mentions inside each."""
    mentions = sorted(layer.mentions, key=lambda m: m.start)
    starts = [m.start for m in mentions]
    out = []
    for raw_start, raw_end in raw_spans:
        s, e = layer.norm.to_text(raw_start, raw_end)
        inside = mentions[bisect_left(starts, s):bisect_left(starts, e)]
        out.append(Sentence(s, e, [m for m in inside if m.end <= e]))
    return out


def _countries_after(sentence: Sentence, start: int, end: int) -> list[Mention]:
    seen: list[Mention] = []
    for m in sentence.mentions:
        if start <= m.start < end and m.record.type == "country" and m.kind in ("name", "capital"):
            if m.record.id not in {s.record.id for s in seen}:
                seen.append(m)
    return seen


def _groups(sentence: Sentence) -> list[Mention]:
    wanted = relations().group_instruments
    return [m for m in sentence.mentions if m.record.type == "instrument" and m.record.id in wanted]


def _explicit(text: str, sentence: Sentence) -> list[tuple[str, Mention]]:
    found = []
    groups = _groups(sentence)
    for i, group in enumerate(groups):
        stop = groups[i + 1].start if i + 1 < len(groups) else sentence.end
        cue = relations().member_cues.search(text, group.end, min(stop, group.end + WINDOW))
        if cue:
            found += [(group.record.id, c) for c in _countries_after(sentence, cue.end(), stop)]
    return found


def _member_of(text: str, sentence: Sentence) -> list[tuple[str, Mention]]:
    """A country right before a group, joined by a membership word (العراق من شركاء
    الحلف حول العالم، الأردن عضو في الحوار المتوسطي، انضمام الأردن إلى الحوار المتوسطي)."""
    cues = relations().member_of_cues
    found = []
    for group in _groups(sentence):
        before = [m for m in sentence.mentions if m.end <= group.start and m.record.type == "country"]
        if not before:
            continue
        between = " ".join(text[before[-1].end:group.start].split())
        joins = relations().join_cues
        joined = (between == "الي" and joins.search(text, max(0, before[-1].start - 25), before[-1].start)) or (
            between.endswith(" الي") and len(between.split()) <= 4 and joins.search(between))
        if between in cues or joined:
            found.append((group.record.id, before[-1]))
    return found


def _anaphoric(text: str, sentence: Sentence, last_group: str | None) -> list[tuple[str, Mention]]:
    if last_group is None or _groups(sentence):
        return []
    rel = relations()
    cue = rel.member_cues.search(text, sentence.start, sentence.end)
    ref = rel.group_anaphors.search(text, sentence.start, sentence.end)
    if not cue or not ref or abs(cue.start() - ref.start()) > 30:
        return []
    return [(last_group, c) for c in _countries_after(sentence, max(cue.end(), ref.end()), sentence.end)]


def _complete(sentence: Sentence, named_groups: set[str], day: str | None) -> list[tuple[str, Mention]]:
    countries = {m.record.id: m for m in sentence.mentions if m.record.type == "country"}
    found = []
    for group in named_groups:
        members = current_members(group, day)
        if 2 <= len(members) <= 7 and members <= set(countries):
            found += [(group, countries[c]) for c in sorted(members)]
    return found


def extract_memberships(layer: EntityLayer, sentences: list[Sentence], day: str | None) -> list[Membership]:
    text = layer.norm.text
    named = {m.record.id for s in sentences for m in _groups(s)}
    out: dict[tuple[str, str], Membership] = {}
    last_group: str | None = None
    for sentence in sentences:
        pairs = _explicit(text, sentence) + _member_of(text, sentence)
        pairs = pairs or _anaphoric(text, sentence, last_group)
        pairs = pairs or _complete(sentence, named, day)
        evidence = layer.span(sentence.start, sentence.end)
        for group, country in pairs:
            out.setdefault((group, country.record.id), Membership(group, country.record.id, evidence))
        groups = _groups(sentence)
        last_group = groups[-1].record.id if groups else last_group
    return list(out.values())

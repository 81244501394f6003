"""Context rules over matches: ambiguous names, contextual aliases, capitals as actors."""

from __future__ import annotations

import re
from collections import Counter

from shuraka.extract.cues import cues
from shuraka.extract.matching import Match
from shuraka.gazetteer import Gazetteer, Record
from shuraka.text.clitics import is_word_char

LIST_GAP = re.compile(r"^[\s،,؛]*(?:و|او|أو)?$")


def previous_word(text: str, start: int) -> str:
    """The word before `start`, proclitic و/ف stripped (normalized text)."""
    end = start
    while end > 0 and not is_word_char(text[end - 1]):
        if text[end - 1] in ".،,؛:!؟?\n":
            return ""
        end -= 1
    begin = end
    while begin > 0 and is_word_char(text[begin - 1]):
        begin -= 1
    word = text[begin:end]
    return word[1:] if word[:1] in "وف" and len(word) > 3 else word


def own_prefix(text: str, m: Match) -> str:
    begin = m.start
    while begin > 0 and is_word_char(text[begin - 1]):
        begin -= 1
    return text[begin:m.start]


def _plain_counts(matches: list[Match]) -> Counter[str]:
    """How often the article names each id (or a place's country) unambiguously."""
    counts: Counter[str] = Counter()
    for m in matches:
        if len(m.ids()) == 1:
            counts.update({m.record.id, m.record.country or ""} - {""})
    return counts


def _support(rec: Record, plain: Counter[str]) -> int:
    """How often the article names `rec` (or, for a place, its country) unambiguously."""
    return plain[rec.id] + (plain[rec.country] if rec.type == "place" and rec.country else 0)


def in_country_list(text: str, i: int, matches: list[Match]) -> bool:
    """Whether matches[i] stands in an enumeration with another country (X، Y وZ)."""
    m = matches[i]
    for other, gap in (
        (matches[i - 1] if i else None, lambda o: text[o.end:m.start]),
        (matches[i + 1] if i + 1 < len(matches) else None, lambda o: text[m.end:o.start]),
    ):
        if other is None or other.record.type != "country" or len(other.ids()) > 1:
            continue
        between = gap(other)
        if LIST_GAP.match(between.replace(own_prefix(text, other), "")):
            return True
    return False


def resolve_ambiguous(text: str, matches: list[Match], gaz: Gazetteer) -> None:
    """Pick one reading for matches whose surface names several records."""
    plain = _plain_counts(matches)
    for i, m in enumerate(matches):
        ids = m.ids()
        if len(ids) < 2:
            continue
        order = list(gaz.ambiguity.get(text[m.core:m.end], ids))
        order += [x for x in ids if x not in order]
        by_id = {e.record.id: e.record for e in m.entries}
        recs = [by_id[x] for x in order if x in by_id]
        m.chosen = _choose(text, i, matches, recs, plain)


def _choose(text: str, i: int, matches: list[Match], recs: list[Record], plain: Counter[str]) -> Record:
    m = matches[i]
    if previous_word(text, m.start) in cues().country_cues or in_country_list(text, i, matches):
        countries = [r for r in recs if r.type == "country"]
        if countries:
            return countries[0]
    support = [_support(r, plain) for r in recs]
    if support[0] == 0 and max(support) > 0:
        return recs[support.index(max(support))]
    return recs[0]


def drop_unsupported(text: str, matches: list[Match]) -> list[Match]:
    """Drop contextual aliases of records the article never names plainly, and names
    that are also common words (مالي) unless the context makes them countries."""
    plain = {m.record.id for m in matches if m.kind != "contextual" and "ambiguous" not in m.record.flags}
    countries_of_places = {m.record.country for m in matches if m.record.type == "place"}
    kept = []
    for i, m in enumerate(matches):
        rec = m.record
        if m.kind == "contextual" and rec.id not in plain and not (
            rec.type == "instrument" and rec.country in plain
        ):
            continue
        if "ambiguous" in rec.flags and not _country_context(text, i, matches, countries_of_places):
            continue
        kept.append(m)
    return kept


def _country_context(text: str, i: int, matches: list[Match], countries_of_places: set) -> bool:
    m = matches[i]
    if previous_word(text, m.start) in cues().country_cues or in_country_list(text, i, matches):
        return True
    return m.record.id in countries_of_places


def capital_usage(text: str, m: Match) -> str:
    """`place` when a capital is where something happens, `actor` when it stands for
    its government (إن واشنطن تريد، أجرت بيونغ يانغ تجارب)."""
    if "actor" not in m.record.flags or not m.record.country:
        return "place"
    before = previous_word(text, m.start)
    if "ب" in own_prefix(text, m) or before in cues().place_cues:
        return "place"
    if before.startswith("ال") and before.endswith(("يه", "ي")):  # العاصمة التركية أنقرة
        start = text.rfind(before, 0, m.start)
        if start > 0 and previous_word(text, start) in cues().place_cues:
            return "place"
    line_start = text.rfind("\n", 0, m.start) + 1
    if not text[line_start:m.start].strip() and re.match(r"^\s*[-–،,(]", text[m.end:m.end + 3]):
        return "place"  # a dateline: "سيول - ..."
    return "actor"

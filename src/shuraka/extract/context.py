"""Context rules over matches: ambiguous names, contextual aliases, capitals as actors."""

from __future__ import annotations

import re

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


def _support(rec: Record, matches: list[Match]) -> int:
    """How often the article names `rec` (or, for a place, its country) unambiguously."""
    wanted = {rec.id} | ({rec.country} if rec.type == "place" and rec.country else set())
    count = 0
    for m in matches:
        if len(m.ids()) == 1 and ({m.record.id, m.record.country or ""} & wanted):
            count += 1
    return count


def in_country_list(text: str, m: Match, matches: list[Match]) -> bool:
    """Whether `m` stands in an enumeration with another country (X، Y وZ)."""
    i = matches.index(m)
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
    for m in matches:
        ids = m.ids()
        if len(ids) < 2:
            continue
        order = list(gaz.ambiguity.get(text[m.core:m.end], ids))
        order += [i for i in ids if i not in order]
        by_id = {e.record.id: e.record for e in m.entries}
        recs = [by_id[i] for i in order if i in by_id]
        m.chosen = _choose(text, m, matches, recs)


def _choose(text: str, m: Match, matches: list[Match], recs: list[Record]) -> Record:
    if previous_word(text, m.start) in cues().country_cues or in_country_list(text, m, matches):
        countries = [r for r in recs if r.type == "country"]
        if countries:
            return countries[0]
    support = [_support(r, matches) for r in recs]
    if support[0] == 0 and max(support) > 0:
        return recs[support.index(max(support))]
    return recs[0]


def drop_unsupported(text: str, matches: list[Match]) -> list[Match]:
    """Drop contextual aliases of records the article never names plainly, and names
    that are also common words (مالي) unless the context makes them countries."""
    plain = {m.record.id for m in matches if m.kind != "contextual" and "ambiguous" not in m.record.flags}
    kept = []
    for m in matches:
        rec = m.record
        if m.kind == "contextual" and rec.id not in plain and not (
            rec.type == "instrument" and rec.country in plain
        ):
            continue
        if "ambiguous" in rec.flags and not _country_context(text, m, matches):
            continue
        kept.append(m)
    return kept


def _country_context(text: str, m: Match, matches: list[Match]) -> bool:
    if previous_word(text, m.start) in cues().country_cues or in_country_list(text, m, matches):
        return True
    return any(o.record.type == "place" and o.record.country == m.record.id for o in matches)


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

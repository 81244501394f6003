"""Gazetteer matching: Aho-Corasick over normalized text, clitic-aware word boundaries,
longest match first. Offsets here are into the normalized text."""

from __future__ import annotations

from dataclasses import dataclass, field

from shuraka.gazetteer import Entry, Gazetteer, Record
from shuraka.gazetteer.compile import Lexicon
from shuraka.text.clitics import is_word_char, prefix_ok

ARTICLE = "ال"


@dataclass
class Match:
    start: int  # normalized offsets of the mention, proclitics excluded
    end: int
    entries: list[Entry]
    core: int = 0  # where the stored key begins (after any article)
    chosen: Record | None = None
    kinds: set[str] = field(default_factory=set)

    @property
    def record(self) -> Record:
        return self.chosen or self.entries[0].record

    @property
    def kind(self) -> str:
        rec = self.record
        for entry in self.entries:
            if entry.record is rec:
                return entry.kind
        return self.entries[0].kind

    def ids(self) -> list[str]:
        seen: list[str] = []
        for entry in self.entries:
            if entry.record.id not in seen:
                seen.append(entry.record.id)
        return seen


def _word_start(text: str, start: int) -> int:
    while start > 0 and is_word_char(text[start - 1]):
        start -= 1
    return start


def _accepts(entry: Entry, prefix: str) -> bool:
    core = entry.key
    if entry.article == "any":
        return prefix_ok(prefix, article=True, core=core) or prefix_ok(prefix, article=False)
    return prefix_ok(prefix, article=entry.article == "yes", core=core)


def _mention_start(prefix: str, core: int, entry_article: bool) -> int:
    """Where the mention begins: the article is part of a name, other clitics are not."""
    if entry_article and prefix.endswith(ARTICLE):
        return core - len(ARTICLE)
    return core


def candidates(text: str, table: dict[str, list[Entry]], automaton) -> list[Match]:  # noqa: ANN001
    """Every clitic-valid, word-bounded occurrence of a key of `table` in `text`."""
    found: list[Match] = []
    if not len(automaton):
        return found
    for last, key in automaton.iter(text):
        core, end = last - len(key) + 1, last + 1
        if end < len(text) and is_word_char(text[end]):
            continue
        prefix = text[_word_start(text, core):core]
        ok = [e for e in table[key] if _accepts(e, prefix)]
        if not ok:
            continue
        with_article = any(e.article != "no" for e in ok) and prefix.endswith(ARTICLE)
        found.append(Match(_mention_start(prefix, core, with_article), end, ok, core))
    return found


def wildcard_candidates(text: str, gaz: Gazetteer | Lexicon) -> list[Match]:
    found = []
    for pattern, entry in gaz.wildcards:
        for m in pattern.finditer(text):
            found.append(Match(m.start(1), m.end(1), [entry], m.start(1)))
    return found


def longest(matches: list[Match]) -> list[Match]:
    """Keep the longest of overlapping matches (then the earliest); result in text order."""
    taken: list[Match] = []
    occupied: set[int] = set()
    for m in sorted(matches, key=lambda m: (-(m.end - m.core), m.core)):
        span = range(m.core, m.end)
        if any(i in occupied for i in span):
            continue
        occupied.update(span)
        taken.append(m)
    return sorted(taken, key=lambda m: m.start)


def find(text: str, lexicon: Lexicon) -> list[Match]:
    """Longest clitic-aware matches of a phrase lexicon in normalized text."""
    return longest(candidates(text, lexicon.entries, lexicon.automaton) + wildcard_candidates(text, lexicon))

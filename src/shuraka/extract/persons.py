"""Persons beyond the gazetteer's full names: short-name coreference, and people the
knowledge base does not know, found through the title that introduces them."""

from __future__ import annotations

import re

from shuraka.extract.cues import cues
from shuraka.extract.matching import Match
from shuraka.gazetteer import Entry, Record
from shuraka.text.clitics import is_word_char, prefix_ok

WORD = re.compile(r"[^\W_]+")
SKIP = re.compile(r'[\s"\'()\[\]«»]*')
MIN_SHORT = 3  # letters in a one-word short name (يون)
CLITIC_ARTICLE = re.compile(r"^(?:[وف][بك]?ال|[بك]ال|[وف]?لل)")  # والتعاون، بالخارج: never a name


def coreference(text: str, matches: list[Match]) -> list[Match]:
    """Later mentions of a found person by part of the name (يون after يون سوك يول)."""
    occupied = _occupied(matches)
    found: list[Match] = []
    for person, first, forms in _short_forms(text, matches):
        for form in forms:
            for m in re.finditer(r"(?<![^\W_])(" + re.escape(form) + r")(?![^\W_])", text):
                s, e = m.start(1), m.end(1)
                if s < first or any(i in occupied for i in range(s, e)):
                    continue
                if not _clitic_ok(text, s):
                    continue
                occupied.update(range(s, e))
                found.append(Match(s, e, [Entry(person, "short", form, "no")], s))
    return found


def _clitic_ok(text: str, start: int) -> bool:
    begin = start
    while begin > 0 and is_word_char(text[begin - 1]):
        begin -= 1
    return prefix_ok(text[begin:start], article=False)


def _occupied(matches: list[Match]) -> set[int]:
    return {i for m in matches for i in range(m.start, m.end)}


def _short_forms(text: str, matches: list[Match]) -> list[tuple[Record, int, list[str]]]:
    out: dict[str, tuple[Record, int, list[str]]] = {}
    stops = cues().name_stops | cues().honorifics
    for m in matches:
        if m.record.type != "person" or m.kind != "name":
            continue
        words = text[m.start:m.end].split()
        forms = [" ".join(words[:k]) for k in range(1, len(words))]
        forms += [" ".join(words[k:]) for k in range(1, len(words))]
        forms = [f for f in forms if f not in stops and (" " in f or len(f) >= MIN_SHORT)]
        rec, first, known = out.get(m.record.id, (m.record, m.end, []))
        out[m.record.id] = (rec, min(first, m.end), known + [f for f in forms if f not in known])
    return sorted(out.values(), key=lambda item: -max((len(f) for f in item[2]), default=0))


def unknown_persons(text: str, titles: list[Match], matches: list[Match]) -> list[Match]:
    """Names right after a title cue that the knowledge base does not know."""
    by_start = {m.start: m for m in matches}
    occupied = _occupied(matches)
    found = []
    for title in titles:
        pos = _skip_complement(text, title.end, by_start)
        if pos is None or pos in by_start:
            continue
        words = _name_words(text, pos, occupied)
        if len(words) < 2:
            continue
        start, end = words[0][0], words[-1][1]
        name = text[start:end]
        rec = Record(id="ar:" + name.replace(" ", "-"), type="person", name_en=None, name_ar=name)
        found.append(Match(start, end, [Entry(rec, "name", name, "no")], start))
        occupied.update(range(start, end))
    return found


def _skip_complement(text: str, pos: int, by_start: dict[int, Match]) -> int | None:
    """Past the title's complement (nisba, country, organization, link words)."""
    c = cues()
    commas = 0
    for _ in range(12):
        pos = SKIP.match(text, pos).end()
        if pos >= len(text):
            return None
        if text[pos] in "،,":
            commas += 1
            if commas > 1:
                return None
            pos += 1
            continue
        m = by_start.get(pos)
        if m is not None and m.record.type != "person":
            pos = m.end
            continue
        word = WORD.match(text, pos)
        if word is None:
            return None
        inside = next((by_start[i] for i in range(pos + 1, min(pos + 4, word.end())) if i in by_start), None)
        if inside is not None and inside.record.type != "person":  # والناتو: a proclitic, then a name
            pos = inside.end
            continue
        if word.group() in c.title_links or word.group() in c.honorifics:
            pos = word.end()
            continue
        return pos
    return None


def _name_words(text: str, pos: int, occupied: set[int]) -> list[tuple[int, int]]:
    stops = cues().name_stops | cues().title_links
    words: list[tuple[int, int]] = []
    while len(words) < 4:
        m = WORD.match(text, pos)
        if m is None or m.start() in occupied:
            break
        w = m.group()
        if w in stops or w.isdigit() or len(w) < 2 or CLITIC_ARTICLE.match(w):
            break
        if w.startswith("ال"):
            if words:  # a family name with the article ends the name (أيمن الصفدي)
                words.append((m.start(), m.end()))
            break
        words.append((m.start(), m.end()))
        gap = re.match(r" ", text[m.end():m.end() + 1])
        if gap is None:
            break
        pos = m.end() + 1
    return words

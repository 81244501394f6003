"""Roles: the office a text gives a person, and whom it is of.

Title-first (وزير الدفاع الأمريكي لويد أوستن، رئيس كوريا الجنوبية، يون...), name-first
(لين جيان، المتحدث باسم وزارة الخارجية الصينية) and counterparts (ونظيره الكوري الجنوبي).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from shuraka.extract.cues import cues
from shuraka.extract.matching import Match
from shuraka.gazetteer import Record
from shuraka.text.normalize import norm

WORD_BEFORE = re.compile(r"([^\W_]+)[\s\"'()\[\]«»]*$")
WORD_AFTER = re.compile(r'^[\s"\'()\[\]«»]*([^\W_]+)')
MAX_STEPS = 10


@dataclass
class FoundRole:
    person: Match
    title: str
    of: str | None
    start: int  # normalized offsets of the evidence
    end: int


@dataclass
class _Walk:
    title: Match | None = None
    counterpart: bool = False
    of: str | None = None
    named_body: bool = False  # the complement names an institution (وزارة...)
    pos: int = 0


def _of_id(m: Match) -> str | None:
    rec = m.record
    if rec.type in ("country", "organization", "instrument"):
        return rec.id
    if rec.type == "place" and rec.country:
        return rec.country
    return None


def walk_left(text: str, person: Match, by_end: dict[int, Match], titles_by_end: dict[int, Match]) -> _Walk:
    c, walk, pos, commas = cues(), _Walk(), person.start, 0
    for _ in range(MAX_STEPS):
        stripped = text[:pos].rstrip(" \"'()[]«»")
        if stripped.endswith(("،", ",")) and commas == 0:
            commas, pos = 1, len(stripped) - 1
            continue
        pos = len(stripped)
        if pos in titles_by_end:
            title = titles_by_end[pos]
            if not _honorific(title):  # الأمير، الشيخ: no office, keep walking
                walk.title = title
                return walk
            pos = title.start
            continue
        m = by_end.get(pos)
        if m is not None and _of_id(m):
            walk.of, pos = _of_id(m), m.start
            while pos > 0 and text[pos - 1] in "وفبلك":  # the mention's proclitics
                pos -= 1
            continue
        word = WORD_BEFORE.search(text[:pos])
        if word is None:
            return _Walk()
        w = _strip_clitic(word.group(1))
        if w in c.counterparts:
            walk.counterpart, walk.pos = True, word.start(1)
            return walk
        if w in c.title_of_adjectives:
            walk.of = walk.of or c.title_of_adjectives[w]
        elif w not in c.title_links and w not in c.honorifics:
            return _Walk()
        walk.named_body = walk.named_body or w in ("وزاره", "الحكومه", "الرئاسه")
        pos = word.start(1)
    return _Walk()


def _strip_clitic(word: str) -> str:
    if word not in cues().title_links and word[:1] in "ول" and len(word) > 3:
        return word[1:]
    return word


def walk_right(text: str, person: Match, by_start: dict[int, Match], titles_by_start: dict[int, Match]) -> _Walk:
    """Name-first: `NAME، TITLE complement`."""
    after = text[person.end:]
    comma = re.match(r"^\s*[،,]\s*", after)
    if comma is None:
        return _Walk()
    pos = person.end + comma.end()
    walk = _Walk(title=titles_by_start.get(pos))
    if walk.title is None:
        return walk
    c, pos = cues(), walk.title.end
    for _ in range(MAX_STEPS):
        m = by_start.get(pos + len(text[pos:]) - len(text[pos:].lstrip(" \"'()")))
        if m is not None and _of_id(m):
            walk.of = walk.of or _of_id(m)
            pos = m.end
            continue
        word = WORD_AFTER.match(text[pos:])
        if word is None:
            break
        w = word.group(1)
        if w in c.title_of_adjectives:
            walk.of = walk.of or c.title_of_adjectives[w]
        elif w not in c.title_links:
            break
        walk.named_body = walk.named_body or w in ("وزاره", "الحكومه", "الرئاسه")
        pos += word.end()
    walk.pos = pos
    return walk


def kb_office(rec: Record, title_en: str | None, of: str | None, day: str | None) -> tuple[str, str | None] | None:
    """The knowledge base's office for this person matching what the text says."""
    for active_only in (True, False):
        for office in rec.offices:
            if active_only and not office.active(day):
                continue
            if of is not None and office.of != of:
                continue
            if title_en and of is None and not _same_title(title_en, office.title_en):
                continue
            return office.title_en, office.of
    return None


def office_body(rec: Record, day: str | None) -> str | None:
    """Whom a person acts for when the text gives no office: the body of the knowledge
    base's first office active on `day` (any office when the day is unknown)."""
    offices = [o for o in rec.offices if o.of and o.active(day)]
    return offices[0].of if offices else None


def _same_title(a: str, b: str) -> bool:
    a, b = a.lower(), b.lower()
    return a == b or b.startswith(a) or a.startswith(b)


def find_roles(text: str, persons: list[Match], others: list[Match], titles: list[Match],
               day: str | None) -> list[FoundRole]:
    by_end = {m.end: m for m in others}
    by_start = {m.start: m for m in others}
    titles_by_end = {t.end: t for t in titles}
    titles_by_start = {t.start: t for t in titles}
    roles: list[FoundRole] = []
    for p in persons:
        role = _role_left(text, p, by_end, titles_by_end, roles, day)
        role = role or _role_right(text, p, by_start, titles_by_start, day)
        if role:
            roles.append(role)
    return roles


def _title_and_of(p: Match, walk: _Walk, day: str | None) -> tuple[str, str | None]:
    title = walk.title.record.name_en if walk.title else ""
    if walk.of is None and not walk.named_body:
        kb = kb_office(p.record, title, None, day) if title else None
        return kb if kb else (title, None)
    kb = kb_office(p.record, None, walk.of, day)
    return (kb[0] if kb else title), walk.of


def _role_left(text, p, by_end, titles_by_end, earlier, day) -> FoundRole | None:  # noqa: ANN001
    walk = walk_left(text, p, by_end, titles_by_end)
    if walk.counterpart:
        kb = kb_office(p.record, None, walk.of, day)
        title = kb[0] if kb else next((r.title for r in reversed(earlier)), "")
        return FoundRole(p, title, walk.of, walk.pos, p.end) if title else None
    if walk.title is None or _honorific(walk.title):
        return None
    title, of = _title_and_of(p, walk, day)
    return FoundRole(p, title, of, walk.title.start, p.end)


def _honorific(title: Match) -> bool:
    """الشيخ، السيد: cues that introduce a name but are no office."""
    return norm(title.record.name_ar) in cues().honorifics


def _role_right(text, p, by_start, titles_by_start, day) -> FoundRole | None:  # noqa: ANN001
    walk = walk_right(text, p, by_start, titles_by_start)
    if walk.title is None or _honorific(walk.title):
        return None
    title, of = _title_and_of(p, walk, day)
    return FoundRole(p, title, of, p.start, walk.pos)

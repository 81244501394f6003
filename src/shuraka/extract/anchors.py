"""Knowledge-base anchors: the NATO meetings an article speaks of (gazetteer
meetings.yaml), and the story anchor its relative dates resolve against.

Rules of `story_anchor`:
- A meeting reference is a meeting's name (قمة فيلنيوس), or a generic phrase of its kind
  (قمة الناتو، وزراء خارجية الحلف) with the city after it in the sentence (... في ويلز),
  or, when the article names exactly one meeting city, that city.
- A modifier right after the reference (المقبل، الماضي) says the meeting lies ahead of
  or behind the article; without one the article is AT the meeting (it reports it).
- The first reference that picks one meeting decides. Several meetings of one name are
  told apart by the dateline, a weekday the article gives "today" (اليوم الثلاثاء، أمس
  الجمعة), the years the article names, else the latest.
- At the meeting: a dateline inside the meeting's window (10 days either side) is the
  anchor; a dateline outside it contradicts the meeting and loses (a republished story)
  when the article reports the meeting as it happens (a "today" weekday that fits the
  meeting and not the dateline, or خلال القمة، على هامش قمة ...); else the dateline wins;
  without a usable dateline the anchor is "today" when the article names it, else the
  meeting's last day. The story date (the date of happenings reported without one) is
  that "today" when it falls inside the meeting, else the meeting's own date (its day,
  or its month when it spans several days).
- Ahead of a meeting and without a dateline: the anchor is the meeting's year (year
  precision). Otherwise the dateline is the anchor, with no story date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from shuraka.errors import DataError
from shuraka.extract.dates_lexicon import lookup, words
from shuraka.extract.entities import EntityLayer
from shuraka.extract.events_lexicon import words as words_of
from shuraka.extract.matching import find
from shuraka.gazetteer.compile import Lexicon, Record, build_lexicon
from shuraka.gazetteer.tsv import data_path, read_yaml

KINDS = ("summit", "leaders_meeting", "foreign_ministers", "defence_ministers")
WINDOW_DAYS = 10  # a dateline this close to a meeting is the meeting's
CITY_GAP = 8  # words between a generic meeting phrase and "في <city>"
CUE_WORDS = 6  # words after a reference in which a modifier dates it
_SUMMIT_WORDS = ("قمة", "القمة")  # a bare summit word: the article's summit
_LAST_WORDS = ("الاخير", "الختامي")
_WORD = re.compile(r"[^\W_]+|[^\w\s]")
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")


@dataclass(frozen=True)
class Meeting:
    id: str
    kind: str
    places: tuple[str, ...]  # the city first, then other place ids naming the venue
    country: str
    start: date
    end: date
    certain: bool = True

    @property
    def city(self) -> str | None:
        return self.places[0] if self.places else None

    def value(self) -> str:
        """Its date at the precision it has: a day, else the month, else the year."""
        if self.start == self.end:
            return self.start.isoformat()
        if self.start.year == self.end.year and self.start.month == self.end.month:
            return self.start.isoformat()[:7]
        return str(self.start.year) if self.start.year == self.end.year else self.start.isoformat()[:7]

    def near(self, day: date, days: int = WINDOW_DAYS) -> bool:
        return self.start - timedelta(days=days) <= day <= self.end + timedelta(days=days)


@dataclass(frozen=True)
class Catalog:
    meetings: tuple[Meeting, ...]
    names: Lexicon  # meeting names -> meeting ids
    generic: Lexicon  # generic phrases -> kinds

    def by_id(self, id_: str) -> Meeting | None:
        return next((m for m in self.meetings if m.id == id_), None)

    def at(self, place: str, kind: str | None = None) -> list[Meeting]:
        return [m for m in self.meetings if place in m.places and (kind is None or m.kind == kind)]


@dataclass(frozen=True)
class Anchor:
    """What an article's relative dates resolve against."""

    date: str  # ISO: YYYY-MM-DD, or YYYY when only the year is known
    precision: str  # day | year
    meeting_id: str | None  # the meeting the article reports, if any
    place: str | None  # that meeting's city
    story_date: str | None = None  # the date of happenings the article reports without one

    @property
    def day(self) -> date | None:
        return date.fromisoformat(self.date) if self.precision == "day" else None


@dataclass(frozen=True)
class MeetingRef:
    start: int  # normalized offsets
    end: int
    candidates: tuple[Meeting, ...]
    named: bool  # the reference names the meeting (or its city)
    cue: str | None  # "past" | "future" | "dated" (a year follows) | None (the article is at it)
    framed: bool = False  # خلال القمة، على هامش قمة ...: the story happens at it


# --- the catalog ---------------------------------------------------------------------

def _day(value: Any, where: str) -> date:
    try:
        return value if isinstance(value, date) else date.fromisoformat(str(value))
    except ValueError as exc:
        raise DataError(f"{where}: {value!r} is not an ISO date") from exc


def _meeting(item: Any, where: str) -> tuple[Meeting, list[str]]:
    if not isinstance(item, dict) or not item.get("id") or item.get("kind") not in KINDS:
        raise DataError(f"{where}: a meeting needs an id and a kind among {KINDS}")
    places = tuple(str(p) for p in [item.get("city"), *(item.get("also") or [])] if p)
    start, end = _day(item.get("start"), where), _day(item.get("end"), where)
    if end < start:
        raise DataError(f"{where}: ends before it starts")
    meeting = Meeting(str(item["id"]), item["kind"], places, str(item.get("country") or ""),
                      start, end, item.get("certain", True) is not False)
    return meeting, [str(n) for n in item.get("names_ar") or []]


@lru_cache(maxsize=1)
def catalog() -> Catalog:
    """The meetings of gazetteer/data/meetings.yaml, validated and compiled once."""
    path = data_path("shuraka.gazetteer", "meetings.yaml")
    data = read_yaml(path) or {}
    meetings, names = [], []
    for number, item in enumerate(data.get("meetings") or [], 1):
        meeting, surfaces = _meeting(item, f"{path}: meeting #{number}")
        meetings.append(meeting)
        rec = Record(id=meeting.id, type="meeting", name_en=None, name_ar=meeting.id)
        names.append((rec, surfaces))
    generic = []
    for kind, phrases in (data.get("kinds") or {}).items():
        if kind not in KINDS:
            raise DataError(f"{path}: unknown meeting kind {kind!r}")
        generic.append((Record(id=kind, type="meeting_kind", name_en=None, name_ar=kind), list(phrases)))
    generic.append((Record(id="summit", type="meeting_kind", name_en=None, name_ar="summit"),
                    list(_SUMMIT_WORDS)))
    return Catalog(tuple(meetings), build_lexicon(names), build_lexicon(generic))


# --- references ----------------------------------------------------------------------

def _words_after(text: str, pos: int, stop: int, count: int) -> list[re.Match[str]]:
    """The next `count` words (and the punctuation between them) up to a stop mark."""
    out, seen = [], 0
    for m in _WORD.finditer(text, pos, stop):
        if seen >= count or m.group() in ".:؛;\n":
            break
        out.append(m)
        seen += m.group()[0].isalnum()
    return out


def _cue(text: str, end: int, stop: int) -> str | None:
    """past/future from a modifier in the words after a reference (يونيو المقبل)."""
    for m in _words_after(text, end, stop, CUE_WORDS):
        if m.group() in "،,":
            break
        if _YEAR.fullmatch(m.group()):
            return "dated"  # قمة واشنطن في يوليو 2024: named with its date, not "now"
        value = lookup("modifier", m.group())
        if value in ("-1", "1"):
            return "past" if value == "-1" else "future"
        if m.group() in words("future") and m.group().startswith("ال"):
            return "future"
    return None


def _place_after(layer: EntityLayer, end: int, stop: int, cat: Catalog) -> str | None:
    """A meeting city named after `في` within a few words of a generic phrase."""
    cities = {p for m in cat.meetings for p in m.places}
    window = _words_after(layer.norm.text, end, stop, CITY_GAP)
    limit = window[-1].end() if window else end
    for mention in layer.mentions:
        rec = mention.match.record
        if end <= mention.start < limit and rec.type == "place" and rec.id in cities:
            if re.search(r"(?:^|\s)(?:في|ب)\s*$", layer.norm.text[max(0, mention.start - 6):mention.start]):
                return rec.id
    return None


def _framed(text: str, start: int) -> bool:
    before = _WORD.findall(text[max(0, start - 30):start])[-2:]
    frames = words_of("during")
    return any(w in frames or w[1:] in frames for w in before)


def _sentence_end(text: str, pos: int) -> int:
    m = re.compile(r"[.؟?!\n]").search(text, pos)
    return m.start() if m else len(text)


def find_references(layer: EntityLayer, cat: Catalog | None = None) -> list[MeetingRef]:
    """Every meeting reference of the article, in text order."""
    cat = cat or catalog()
    text = layer.norm.text
    refs = []
    for m in find(text, cat.names):
        stop = _sentence_end(text, m.end)
        found = tuple(x for x in cat.meetings if x.id in m.ids())
        refs.append(MeetingRef(m.start, m.end, found, True, _cue(text, m.end, stop), _framed(text, m.start)))
    taken = [(r.start, r.end) for r in refs]
    for m in find(text, cat.generic):
        if any(s <= m.start < e or s < m.end <= e for s, e in taken):
            continue
        stop = _sentence_end(text, m.end)
        city = _place_after(layer, m.end, stop, cat)
        found = tuple(cat.at(city, m.record.id)) if city else tuple(x for x in cat.meetings if x.kind == m.record.id)
        refs.append(MeetingRef(m.start, m.end, found, city is not None, _cue(text, m.end, stop),
                               _framed(text, m.start)))
    return sorted(refs, key=lambda r: r.start)


def article_city(layer: EntityLayer, cat: Catalog) -> str | None:
    """The one meeting city the article names as a place, if exactly one."""
    cities = {p for m in cat.meetings if m.kind in ("summit", "leaders_meeting") for p in m.places}
    named = {m.match.record.id for m in layer.mentions
             if m.match.record.type == "place" and m.match.record.id in cities}
    return named.pop() if len(named) == 1 else None


# --- "today" and years ---------------------------------------------------------------

@lru_cache(maxsize=1)
def _today_pattern() -> re.Pattern[str]:
    days = "|".join(sorted((re.escape(w) for w in words("weekday")), key=len, reverse=True))
    return re.compile(rf"(?<!\w)[وف]?(اليوم|امس|الامس|بالامس)\s*[،,]?\s*({days})(?!\w)")


def today_weekdays(text: str) -> list[int]:
    """Weekdays (0 = Monday) the article calls today: اليوم الثلاثاء، أمس الجمعة (+1)."""
    out = []
    for m in _today_pattern().finditer(text):
        weekday = lookup("weekday", m.group(2))
        if weekday is not None:
            out.append((int(weekday) + (0 if m.group(1) == "اليوم" else 1)) % 7)
    return out


def _today_in(meeting: Meeting, weekdays: list[int]) -> date | None:
    for weekday in weekdays:
        day = meeting.start - timedelta(days=1)
        while day <= meeting.end + timedelta(days=1):
            if day.weekday() == weekday:
                return day
            day += timedelta(days=1)
    return None


def _pick(found: tuple[Meeting, ...], published: date | None, weekdays: list[int],
          years: set[int]) -> Meeting | None:
    """One meeting among those of a name; ministerials (many a year, all in Brussels)
    only when the dateline, a weekday or a year narrows them to one."""
    pool = [m for m in found if m.certain] or list(found)
    if len(pool) > 1 and published:
        return min(pool, key=lambda m: abs((m.start - published).days))
    for keep in (lambda m: m.start.year in years, lambda m: _today_in(m, weekdays) is not None):
        narrowed = [m for m in pool if keep(m)]
        pool = narrowed or pool
    if len(pool) > 1 and any(m.kind not in ("summit", "leaders_meeting") for m in pool):
        return None
    return max(pool, key=lambda m: m.start, default=None)


# --- the story anchor ----------------------------------------------------------------

def _published(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published and len(published) >= 10 else None
    except ValueError:
        return None


def _dateline(day: date | None) -> Anchor | None:
    return Anchor(day.isoformat(), "day", None, None) if day else None


def _at_meeting(meeting: Meeting, published: date | None, weekdays: list[int],
                named: set[str]) -> Anchor:
    today = _today_in(meeting, weekdays)
    if published and meeting.near(published):
        day = published
        today = today if today and abs((today - published).days) <= 1 else None
    else:
        day = today or meeting.end
    inside = today is not None and meeting.start <= today <= meeting.end
    story = today.isoformat() if inside and today else meeting.value()
    place = next((p for p in meeting.places if p in named), meeting.city)
    return Anchor(day.isoformat(), "day", meeting.id, place, story)


def _current(meeting: Meeting, refs: list[MeetingRef], published: date, weekdays: list[int]) -> bool:
    """Whether the article reports the meeting as it happens, against its dateline: it
    names "today" by a weekday that fits the meeting and not the dateline, or it sets
    the story during the meeting (خلال القمة، على هامش قمة ...)."""
    if published.weekday() in weekdays:
        return False  # the dateline's own weekday is "today": the dateline holds
    if weekdays and _today_in(meeting, weekdays):
        return True
    return any(r.framed and (meeting in r.candidates or not r.named) for r in refs)


def story_anchor(layer: EntityLayer, published: str | None, *, cat: Catalog | None = None) -> Anchor | None:
    """The date the article's relative expressions resolve against (see the module doc)."""
    cat = cat or catalog()
    day = _published(published)
    text = layer.norm.text
    weekdays = today_weekdays(text)
    years = {int(y) for y in _YEAR.findall(text)}
    city = article_city(layer, cat)
    refs = find_references(layer, cat)
    for ref in refs:
        found = ref.candidates
        if not ref.named and city:
            found = tuple(m for m in found if city in m.places)
        elif not ref.named:
            continue
        meeting = _pick(found, day, weekdays, years)
        if meeting is None:
            continue
        if ref.cue == "dated" and day is None:
            ref = MeetingRef(ref.start, ref.end, ref.candidates, ref.named, None, ref.framed)
        if ref.cue is None and (day is None or meeting.near(day) or _current(meeting, refs, day, weekdays)):
            named = {m.match.record.id for m in layer.mentions}
            return _at_meeting(meeting, day, weekdays, named)
        if ref.cue == "future" and day is None:
            year = str(meeting.start.year)
            return Anchor(year, "year", None, None, year)
        return _dateline(day)
    return _dateline(day)


# --- meetings inside a sentence ------------------------------------------------------

def resolve(ref: MeetingRef, anchor: Anchor | None, cat: Catalog | None = None) -> Meeting | None:
    """The meeting a reference means, given the story anchor."""
    cat = cat or catalog()
    if anchor and anchor.meeting_id and (not ref.named or anchor.meeting_id in {m.id for m in ref.candidates}):
        return cat.by_id(anchor.meeting_id)
    if not ref.named or not ref.candidates:
        return None
    pool = [m for m in ref.candidates if m.certain] or list(ref.candidates)
    if anchor is None:
        return max(pool, key=lambda m: m.start)
    year = int(anchor.date[:4])
    if ref.cue == "future":
        ahead = [m for m in pool if m.start.isoformat() >= anchor.date]
        return min(ahead, key=lambda m: m.start, default=None)
    before = [m for m in pool if m.start.year <= year and m.start.isoformat()[: len(anchor.date)] <= anchor.date]
    return max(before, key=lambda m: m.start, default=None)


def meeting_day(text: str, start: int, end: int, meeting: Meeting) -> str | None:
    """`اليوم الثاني للقمة` in text[start:end]: that day of the meeting."""
    pattern = re.compile(r"(?<!\w)(?:في\s+)?اليوم\s+(ال\w+)\s+(?:لل|ل|من\s+ال|من\s+)(?:قمه|اجتماع)")
    m = pattern.search(text, start, end)
    if m is None:
        return None
    if m.group(1) in _LAST_WORDS:
        return meeting.end.isoformat()
    n = lookup("ordinal", m.group(1))
    if n is None:
        return None
    day = meeting.start + timedelta(days=int(n) - 1)
    return day.isoformat() if day <= meeting.end else None


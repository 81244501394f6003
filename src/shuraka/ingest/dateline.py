"""Publication dates: datelines at the head of an article, and date strings from metadata.

A dateline is a date at the START of one of the first non-empty lines, alone or after a
place or a label (`بروكسل - 14 مايو 2025`, `عمان في 3 آذار/مارس 2024`, `نشر في: 2024/4/24`,
`الثلاثاء 24-04-2024`), and followed by the end of the line, a dash, a slash or a bracket
(the agency mark). Month and weekday names come from `shuraka/text/data/calendar.tsv`;
Arabic-Indic digits count. A Hijri date converts to Gregorian unless a Gregorian
equivalent (`الموافق ...`) follows. Without a day and a year there is no date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_tz
from functools import lru_cache

from hijridate import Hijri

from shuraka.errors import DataError
from shuraka.gazetteer.tsv import data_path, read_tsv
from shuraka.ingest.fold import fold

HEAD_LINES = 3  # datelines are looked for in the first three non-empty lines
CALENDARS = ("gregorian", "hijri", "weekday")
LABELS = ("نشر في", "نشر بتاريخ", "تاريخ النشر", "بتاريخ", "التاريخ", "اخر تحديث", "تم النشر",
          "تحديث", "نشر", "published", "updated")


@dataclass(frozen=True)
class Dateline:
    """A dateline found in a text: the ISO date and where its line is."""

    date: str
    line_start: int
    line_end: int


@dataclass(frozen=True)
class Calendar:
    gregorian: dict[str, int]
    hijri: dict[str, int]
    weekdays: dict[str, int]


@lru_cache(maxsize=1)
def calendar() -> Calendar:
    """Month and weekday names of calendar.tsv, folded, validated once."""
    path = data_path("shuraka.text", "calendar.tsv")
    tables: dict[str, dict[str, int]] = {name: {} for name in CALENDARS}
    for number, row in read_tsv(path, ("ar", "number", "calendar")):
        kind, value = row["calendar"], row["number"]
        top = 6 if kind == "weekday" else 12
        low = 0 if kind == "weekday" else 1
        if kind not in tables or not value.isdigit() or not low <= int(value) <= top:
            raise DataError(f"{path}:{number}: bad calendar {kind!r} or number {value!r}")
        tables[kind][fold(row["ar"])] = int(value)
    if len(set(tables["gregorian"].values())) != 12 or len(set(tables["hijri"].values())) != 12:
        raise DataError(f"{path}: every Gregorian and Hijri month needs a name")
    return Calendar(tables["gregorian"], tables["hijri"], tables["weekday"])


def _names(table: dict[str, int]) -> str:
    return "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(table, key=len, reverse=True))


@lru_cache(maxsize=1)
def _date_pattern() -> str:
    cal = calendar()
    month, hmonth = _names(cal.gregorian), _names(cal.hijri)
    return (
        r"(?:(?P<d1>\d{1,2})\s*(?P<s1>[-–—/.])\s*(?P<m1>\d{1,2})\s*(?P=s1)\s*(?P<y1>\d{4})"
        r"|(?P<y2>\d{4})\s*(?P<s2>[-–—/.])\s*(?P<m2>\d{1,2})\s*(?P=s2)\s*(?P<d2>\d{1,2})"
        rf"|(?P<d3>\d{{1,2}})\s*(?:من\s+)?(?P<mon>{month})(?:\s*[/(\-]\s*(?:{month})\s*\)?)?"
        r"\s*[،,]?\s*(?P<y3>\d{4})"
        rf"|(?P<d4>\d{{1,2}})\s*(?P<hmon>{hmonth})\s*[،,]?\s*(?P<y4>1[34]\d\d))"
        r"(?P<hijri>\s*(?:ه|هجري[ةه]?)\b)?"
    )


@lru_cache(maxsize=1)
def _dateline_regex() -> re.Pattern[str]:
    labels = "|".join(re.escape(label) for label in LABELS)
    word = r"[\u0621-\u064a]+"
    place = rf"{word}(?:\s+{word}){{0,2}}(?:\s*\([^()]{{1,40}}\))?\s*(?:[-–—،,:]|\s+في)"
    bare = rf"{word}(?:\s+{word})?"  # SPA style: `الرياض 1445/09/12 هـ`
    weekday = _names(calendar().weekdays)
    lead = rf"(?:(?:{labels})\s*[:：]?\s*|{place}\s*|{bare}\s+)?"
    day = rf"(?:(?:يوم\s+)?(?:{weekday})\s*[،,]?\s*(?:الموافق\s*)?)?"
    tail = (
        r"(?:\s*(?:م|ميلادي[ةه]?)\b)?"
        r"(?:\s*[-–—،,|]?\s*(?:الساع[ةه]\s*)?\d{1,2}:\d{2}(?::\d{2})?"
        r"(?:\s*(?:ص|م|صباحا|مساء|am|pm|gmt)\b)?)?"
        r"\s*(?:$|[-–—(/|]|الموافق)"
    )
    return re.compile(rf"{lead}{day}{_date_pattern()}{tail}")


@lru_cache(maxsize=1)
def _anywhere_regex() -> re.Pattern[str]:
    return re.compile(_date_pattern())


def _iso(year: int, month: int, day: int) -> str | None:
    if not 1900 <= year <= 2100:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _from_hijri(year: int, month: int, day: int) -> str | None:
    try:
        return Hijri(year, month, day).to_gregorian().isoformat()
    except (ValueError, OverflowError):
        return None


def _match_date(m: re.Match[str]) -> str | None:
    """The ISO date a match of the date pattern stands for."""
    cal = calendar()
    if m["d1"]:
        day, month, year = int(m["d1"]), int(m["m1"]), int(m["y1"])
        if month > 12 >= day:  # month first (US order) only when nothing else fits
            day, month = month, day
    elif m["y2"]:
        day, month, year = int(m["d2"]), int(m["m2"]), int(m["y2"])
    elif m["d3"]:
        day, month, year = int(m["d3"]), cal.gregorian[fold(m["mon"])], int(m["y3"])
    else:
        return _from_hijri(int(m["y4"]), cal.hijri[fold(m["hmon"])], int(m["d4"]))
    if m["hijri"] or year < 1600:
        return _from_hijri(year, month, day) if m["hijri"] else None
    return _iso(year, month, day)


def _gregorian_after(folded: str, start: int) -> str | None:
    """The Gregorian date of a `الموافق <date>` that follows a Hijri date."""
    at = folded.find("الموافق", start)
    if at < 0:
        return None
    m = _anywhere_regex().search(folded, at)
    return _match_date(m) if m and not m["hijri"] else None


def dateline_of_line(line: str) -> str | None:
    """The date of a line that starts with a dateline, else None."""
    folded = fold(line)
    m = _dateline_regex().match(folded)
    if m is None:
        return None
    found = _match_date(m)
    if m["hijri"] or m["d4"]:
        return _gregorian_after(folded, m.end("hijri") if m["hijri"] else m.end("y4")) or found
    return found


def find_dateline(text: str, lines: int = HEAD_LINES) -> Dateline | None:
    """The first dateline among the first `lines` non-empty lines of `text`."""
    start, seen = 0, 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            found = dateline_of_line(line)
            if found:
                return Dateline(found, start, end)
            seen += 1
            if seen >= lines:
                return None
        start = end + 1
    return None


# what may follow a dateline on its line: the agency credit, `(وكالات)`, `/كونا/ --`
AGENCY_TAIL = re.compile(r"[(/]?\s*[^\s().؟!]+(?:\s+[^\s().؟!]+){0,2}\s*[)/]?\s*[-–—:]*")


def is_dateline_only(line: str) -> bool:
    """True for a line that holds a dateline and (almost) nothing else."""
    folded = fold(line)
    m = _dateline_regex().match(folded)
    if m is None or dateline_of_line(line) is None:
        return False
    rest = folded[m.end():].strip()
    return len(rest) <= 1 or bool(AGENCY_TAIL.fullmatch(rest))


def parse_date(value: str) -> str | None:
    """A metadata date string (ISO 8601, RFC 822, numeric or Arabic) as YYYY-MM-DD, else None."""
    folded = fold(value)
    iso = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[t\s])", folded)
    if iso:
        return _iso(int(iso[1]), int(iso[2]), int(iso[3]))
    rfc = parsedate_tz(value)
    if rfc and rfc[0] and rfc[1] and rfc[2]:
        return _iso(rfc[0], rfc[1], rfc[2])
    m = _anywhere_regex().search(folded)
    if m:
        return _match_date(m)
    try:
        return datetime.fromisoformat(value.strip()).date().isoformat()
    except ValueError:
        return None

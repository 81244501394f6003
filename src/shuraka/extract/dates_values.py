"""Date values and the calendar arithmetic of the date tagger.

Resolution modes (`mode`) for an expression that lacks a year or names a weekday:
- "past":   the latest match on or before the anchor (a perfect verb, أمس ...);
- "future": the earliest match on or after the anchor (سـ، سوف، يعتزم ...);
- None:     the match nearest to the anchor (ties go to the past);
- "before"/"after": strictly before/after the anchor (الخميس الماضي، يونيو المقبل).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from hijridate import Gregorian, Hijri

MODES = ("past", "future", "before", "after", None)
# Arab weeks start on Saturday, Sunday or Monday depending on the country.
_WEEK_STARTS = (5, 6, 0)


@dataclass(frozen=True)
class DateValue:
    value: str  # "YYYY-MM-DD" | "YYYY-MM" | "YYYY"
    precision: str  # "day" | "month" | "year"


def day_value(d: date) -> DateValue:
    return DateValue(d.isoformat(), "day")


def month_value(year: int, month: int) -> DateValue:
    return DateValue(f"{year:04d}-{month:02d}", "month")


def year_value(year: int) -> DateValue:
    return DateValue(f"{year:04d}", "year")


def make_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def shift_month(year: int, month: int, k: int) -> tuple[int, int]:
    n = year * 12 + month - 1 + k
    return n // 12, n % 12 + 1


def _pick(anchor: date, candidates: list[date], mode: str | None) -> date | None:
    """The candidate the mode selects (candidates of one kind around the anchor)."""
    if mode in ("past", "before"):
        pool = [c for c in candidates if c < anchor or (mode == "past" and c == anchor)]
        return max(pool, default=None)
    if mode in ("future", "after"):
        pool = [c for c in candidates if c > anchor or (mode == "future" and c == anchor)]
        return min(pool, default=None)
    return min(candidates, key=lambda c: (abs((c - anchor).days), c > anchor), default=None)


def weekday_date(anchor: date, weekday: int, mode: str | None) -> date:
    """The day of `weekday` (0=Monday) that `mode` selects around the anchor."""
    candidates = [anchor + timedelta(days=k) for k in range(-7, 8)]
    picked = _pick(anchor, [c for c in candidates if c.weekday() == weekday], mode)
    assert picked is not None  # every mode has a candidate within a week
    return picked


def day_month_date(anchor: date, month: int, day: int, mode: str | None) -> date | None:
    """The date of `day month` (no year) that `mode` selects around the anchor."""
    years = range(anchor.year - 4, anchor.year + 5)  # wide enough for 29 February
    candidates = [d for y in years if (d := make_date(y, month, day))]
    return _pick(anchor, candidates, mode)


def day_month_weekday(anchor: date, month: int, day: int, weekday: int) -> date | None:
    """`weekday day month` without a year: the year (within one of the anchor's) where
    the weekday agrees, nearest to the anchor; None if none agrees."""
    years = (anchor.year - 1, anchor.year, anchor.year + 1)
    candidates = [d for y in years if (d := make_date(y, month, day)) and d.weekday() == weekday]
    return _pick(anchor, candidates, None)


def month_of(anchor: date, month: int, mode: str | None) -> tuple[int, int]:
    """The (year, month) of a month name without a year."""
    first = anchor.replace(day=1)
    candidates = [date(y, month, 1) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    picked = _pick(first, candidates, mode)
    assert picked is not None
    return picked.year, picked.month


def window_value(lo: date, hi: date) -> DateValue | None:
    """The most precise value covering every day of [lo, hi] (month or year), or None."""
    if (lo.year, lo.month) == (hi.year, hi.month):
        return month_value(lo.year, lo.month)
    if lo.year == hi.year:
        return year_value(lo.year)
    return None


def week_window(anchor: date, k: int) -> tuple[date, date]:
    """The days the week `k` weeks from the anchor's can cover (any week start)."""
    starts = [anchor - timedelta(days=(anchor.weekday() - s) % 7) for s in _WEEK_STARTS]
    lo = min(starts) + timedelta(weeks=k)
    return lo, max(starts) + timedelta(weeks=k, days=6)


def offset_value(anchor: date, unit: str, k: int) -> DateValue | None:
    """The anchor moved by k units: a day, a week (as a window), a month or a year."""
    if unit == "day":
        return day_value(anchor + timedelta(days=k))
    if unit == "week":
        return window_value(*week_window(anchor, k))
    if unit == "month":
        return month_value(*shift_month(anchor.year, anchor.month, k))
    return year_value(anchor.year + k)


def count_value(anchor: date, unit: str, n: int) -> DateValue | None:
    """`n` units before (n < 0) or after the anchor (قبل ثلاثة أيام، بعد أسبوعين)."""
    if unit == "week":
        mid = anchor + timedelta(weeks=n)
        return window_value(mid - timedelta(days=3), mid + timedelta(days=3))
    return offset_value(anchor, unit, n)


# --- Hijri ---------------------------------------------------------------------

def _plain(d: date) -> date:
    return date(d.year, d.month, d.day)  # hijridate's Gregorian is a date subclass


def hijri_date(year: int, month: int, day: int) -> date | None:
    try:
        return _plain(Hijri(year, month, day).to_gregorian())
    except (ValueError, OverflowError):
        return None


def hijri_month_span(year: int, month: int) -> tuple[date, date] | None:
    try:
        first = Hijri(year, month, 1)
        last = Hijri(year, month, first.month_length())
    except (ValueError, OverflowError):
        return None
    return _plain(first.to_gregorian()), _plain(last.to_gregorian())


def hijri_year_span(year: int) -> tuple[date, date] | None:
    first, last = hijri_month_span(year, 1), hijri_month_span(year, 12)
    if first is None or last is None:
        return None
    return first[0], last[1]


def majority_value(lo: date, hi: date, precision: str) -> DateValue:
    """The Gregorian month/year holding most days of [lo, hi] (a Hijri month/year)."""
    counts: dict[tuple[int, int], int] = {}
    d = lo
    while d <= hi:
        key = (d.year, d.month if precision == "month" else 1)
        counts[key] = counts.get(key, 0) + 1
        d += timedelta(days=1)
    (y, m), _ = max(counts.items(), key=lambda kv: kv[1])
    return month_value(y, m) if precision == "month" else year_value(y)


def hijri_year_of(anchor: date) -> int:
    return Gregorian(anchor.year, anchor.month, anchor.day).to_hijri().year


def hijri_day_month(anchor: date, month: int, day: int, mode: str | None) -> date | None:
    """A Hijri `day month` without a year, resolved around the anchor like the Gregorian."""
    hy = hijri_year_of(anchor)
    candidates = [d for y in (hy - 1, hy, hy + 1) if (d := hijri_date(y, month, day))]
    return _pick(anchor, candidates, mode)


def hijri_month_of(anchor: date, month: int, mode: str | None) -> tuple[int, int] | None:
    """The Hijri (year, month) of a Hijri month name without a year."""
    hy = hijri_year_of(anchor)
    spans = {y: s for y in (hy - 1, hy, hy + 1) if (s := hijri_month_span(y, month))}
    starts = {s[0]: y for y, s in spans.items()}
    inside = [y for y, (lo, hi) in spans.items() if lo <= anchor <= hi]
    if inside and mode in ("past", "future", None):
        return inside[0], month
    picked = _pick(anchor, list(starts), mode)
    return (starts[picked], month) if picked else None

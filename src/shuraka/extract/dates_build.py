"""From a regex match of dates_grammar to a resolved hit (normalized offsets).

Each builder returns None to reject a match (a number that is not a date, اليوم in
اليوم الثاني, العام in الأمين العام ...) and a hit with `value=None` when the expression
is a date but cannot be resolved (no anchor, a weekday without a publication date).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from shuraka.extract import dates_values as dv
from shuraka.extract.dates_grammar import context
from shuraka.extract.dates_lexicon import is_ambiguous_month, lookup
from shuraka.extract.dates_values import DateValue

_MOD_MODE = {-1: "before", 1: "after"}
_MERGEABLE = ("explicit", "partial", "year", "hijri")  # not relative words: أمس وغدا


@dataclass
class Ctx:
    text: str  # normalized text
    anchor: date | None
    tense_at: Callable[[int, int], str | None]


@dataclass
class Hit:
    start: int  # normalized offsets
    end: int
    kind: str
    value: DateValue | None
    end_value: DateValue | None = None
    notes: list[str] = field(default_factory=list)
    month_day: tuple[int, int] | None = None  # for a day without its year (range merging)


def _int(kind: str, text: str | None) -> int | None:
    if text is None:
        return None
    value = lookup(kind, text)
    return None if value is None else int(value)


def _day(m: re.Match[str], name: str) -> int | None:
    if m.group(name):
        return int(m.group(name))
    return _int("ordinal", m.group(name + "o"))


def _month(m: re.Match[str], name: str, kind: str, notes: list[str]) -> int | None:
    month = _int(kind, m.group(name))
    groups = m.groupdict()
    other = _int(kind, groups.get(name + "b") or groups.get(name + "c"))
    if month is not None and other is not None and other != month:
        notes.append(f"the two month names disagree ({month} vs {other}); kept the first")
    return month


def _before(ctx: Ctx, pos: int, check: str) -> bool:
    return context()[check].search(ctx.text, max(0, pos - 40), pos) is not None


def _after(ctx: Ctx, pos: int, check: str) -> bool:
    return context()[check].match(ctx.text, pos) is not None


def _hit(m: re.Match[str], kind: str, value: DateValue | None, notes: list[str] | None = None,
         **kw: object) -> Hit:
    return Hit(m.start("t"), m.end("t"), kind, value, notes=notes or [], **kw)  # type: ignore[arg-type]


def _mode(ctx: Ctx, m: re.Match[str]) -> str | None:
    return ctx.tense_at(m.start("t"), m.end("t"))


# --- absolute and partial dates ------------------------------------------------------

def _year_of(m: re.Match[str], ctx: Ctx) -> tuple[int | None, str]:
    """The year of a month tail: (year, kind) — explicit, relative (من العام الماضي), or none."""
    if m.group("y"):
        return int(m.group("y")), "explicit"
    if m.group("ymod") and ctx.anchor:
        return ctx.anchor.year + int(lookup("modifier", m.group("ymod")) or 0), "relative"
    return None, "relative" if m.group("ymod") or m.group("mmod") else "partial"


def _month_mode(m: re.Match[str], ctx: Ctx) -> tuple[str | None, bool]:
    """(mode, current) for a month without a year: a modifier or the sentence tense."""
    if m.group("mmod"):
        k = int(lookup("modifier", m.group("mmod")) or 0)
        return _MOD_MODE.get(k), k == 0
    return _mode(ctx, m), False


def build_dmy(m: re.Match[str], ctx: Ctx) -> Hit | None:
    notes: list[str] = []
    d1, d2 = _day(m, "d1"), _day(m, "d2") if m.group("d2") or m.group("d2o") else None
    month = _month(m, "m", "month", notes)
    year, kind = _year_of(m, ctx)
    if d1 is None or month is None or (year is not None and not 1000 <= year <= 2200):
        return None
    first = _resolve_day(ctx, m, year, month, d1, notes)
    if year is not None and first is None:
        return None  # 31 June 2024: not a date
    end = None
    if d2 is not None and first is not None:
        end = dv.make_date(first.year, month, d2) if d2 > d1 else None
    _check_weekday(m, first, notes)
    hit = _hit(m, "range" if d2 else kind, first and dv.day_value(first), notes,
               end_value=end and dv.day_value(end))
    if kind != "explicit":
        hit.month_day = (month, d1)
    return hit


def _resolve_day(ctx: Ctx, m: re.Match[str], year: int | None, month: int, day: int,
                 notes: list[str]) -> date | None:
    if year is not None:
        return dv.make_date(year, month, day)
    if ctx.anchor is None:
        return None
    mode, current = _month_mode(m, ctx)
    if current:
        return dv.make_date(ctx.anchor.year, month, day)
    weekday = _int("weekday", m.groupdict().get("wd"))
    if weekday is not None and not m.group("mmod"):
        found = dv.day_month_weekday(ctx.anchor, month, day, weekday)
        if found is not None:
            notes.append("year from the anchor: the nearest year where the weekday agrees")
            return found
    notes.append(f"year from the anchor ({mode or 'nearest'})")
    return dv.day_month_date(ctx.anchor, month, day, mode)


def _check_weekday(m: re.Match[str], day: date | None, notes: list[str]) -> None:
    weekday = _int("weekday", m.group("wd"))
    if weekday is not None and day is not None and day.weekday() != weekday:
        notes.append(f"the weekday named ({weekday}) disagrees with the date")


def build_month(m: re.Match[str], ctx: Ctx) -> Hit | None:
    notes: list[str] = []
    month = _month(m, "m", "month", notes)
    year, kind = _year_of(m, ctx)
    if month is None or (year is not None and not 1000 <= year <= 2200):
        return None
    bare = not (m.group("per") or m.group("shahr") or m.group("y") or m.group("ymod")
                or m.group("mmod"))
    if bare and is_ambiguous_month(m.group("m")) and not _before(ctx, m.start("t"), "prep_before"):
        return None
    if year is not None:
        return _hit(m, kind, dv.month_value(year, month), notes)
    if ctx.anchor is None:
        return _hit(m, kind, None, notes)
    mode, current = _month_mode(m, ctx)
    if current:
        return _hit(m, "relative", dv.month_value(ctx.anchor.year, month), notes)
    notes.append(f"year from the anchor ({mode or 'nearest'})")
    value = dv.month_value(*dv.month_of(ctx.anchor, month, mode))
    return _hit(m, "relative" if m.group("mmod") else kind, value, notes)


def build_numeric(m: re.Match[str], _ctx: Ctx) -> Hit | None:
    a, b, c = m.group("a"), m.group("b"), m.group("c")
    if len(a) == 4 and len(c) <= 2:
        year, month, day = int(a), int(b), int(c)
    elif len(c) == 4 and len(a) <= 2:
        year, month, day = int(c), int(b), int(a)  # day first, as Arabic writes
    else:
        return None
    if m.group("ah") or 1300 <= year <= 1500:  # 1445/9/15 هـ
        found = dv.hijri_date(year, month, day)
        return _hit(m, "hijri", dv.day_value(found)) if found else None
    if not 1900 <= year <= 2100:
        return None
    found, notes = dv.make_date(year, month, day), []
    if found is None and day <= 12:
        found = dv.make_date(year, day, month)
        notes.append("read month-first: the day-first reading is not a date")
    return _hit(m, "explicit", dv.day_value(found), notes) if found else None


# --- Hijri ---------------------------------------------------------------------------

def build_hijri(m: re.Match[str], ctx: Ctx) -> Hit | None:
    notes: list[str] = []
    day = _day(m, "d1") if m.group("d1") or m.group("d1o") else None
    month = _month(m, "hm", "hmonth", notes)
    year = int(m.group("y")) if m.group("y") else None
    if month is None:
        return None
    if year is None and day is None and not m.group("shahr") and (
            is_ambiguous_month(m.group("hm")) or not _before(ctx, m.start("t"), "prep_before")):
        return None  # a bare رجب/شعبان is as often a name; في رمضان is a date
    if year is not None and not (m.group("era") or 1300 <= year <= 1500):
        return None
    if year is not None:
        return _hijri_with_year(m, year, month, day, notes)
    if ctx.anchor is None:
        return _hit(m, "hijri", None, notes)
    mode = _mode(ctx, m)
    notes.append(f"Hijri year from the anchor ({mode or 'nearest'})")
    if day is not None:
        found = dv.hijri_day_month(ctx.anchor, month, day, mode)
        return _hit(m, "hijri", found and dv.day_value(found), notes)
    ym = dv.hijri_month_of(ctx.anchor, month, mode)
    span = ym and dv.hijri_month_span(*ym)
    return _hit(m, "hijri", span and dv.majority_value(*span, "month"), notes)


def _hijri_with_year(m: re.Match[str], year: int, month: int, day: int | None,
                     notes: list[str]) -> Hit | None:
    if day is not None:
        found = dv.hijri_date(year, month, day)
        return _hit(m, "hijri", dv.day_value(found), notes) if found else None
    span = dv.hijri_month_span(year, month)
    if span is None:
        return None
    notes.append(f"Hijri month {year}-{month:02d} = {span[0]}..{span[1]}; the month holding most days")
    return _hit(m, "hijri", dv.majority_value(*span, "month"), notes)


def build_hijri_year(m: re.Match[str], _ctx: Ctx) -> Hit | None:
    span = dv.hijri_year_span(int(m.group("y")))
    if span is None:
        return None
    notes = [f"Hijri year {m.group('y')} = {span[0]}..{span[1]}; the year holding most days"]
    return _hit(m, "hijri", dv.majority_value(*span, "year"), notes)


# --- years ---------------------------------------------------------------------------

def build_year(m: re.Match[str], _ctx: Ctx) -> Hit | None:
    year = int(m.group("y"))
    return _hit(m, "year", dv.year_value(year)) if 1000 <= year <= 2200 else None


def build_year_bare(m: re.Match[str], ctx: Ctx) -> Hit | None:
    year = int(m.group("y"))
    if not 1900 <= year <= 2099 or _after(ctx, m.end("t"), "count_after"):
        return None
    return _hit(m, "year", dv.year_value(year))


def build_year_range(m: re.Match[str], _ctx: Ctx) -> Hit | None:
    first, last = int(m.group("y") or m.group("ya")), int(m.group("y2"))
    if not (1900 <= first < last <= 2100 and last - first <= 100):
        return None
    return _hit(m, "range", dv.year_value(first), end_value=dv.year_value(last))


# --- relative ------------------------------------------------------------------------

def _relday_offset(m: re.Match[str]) -> int | None:
    if m.group("ghad"):
        return 2 if "بعد" in m.group("ghad") else 1
    return _int("relday", m.group("rel"))


def build_relday(m: re.Match[str], ctx: Ctx) -> Hit | None:
    offset = _relday_offset(m)
    weekday = _int("weekday", m.group("wd") or m.group("wdp") or m.group("wdc"))
    if offset is None:
        return None
    if offset == 0 and weekday is None and (
            _after(ctx, m.end("t"), "today_after") or _before(ctx, m.start("t"), "today_before")):
        return None  # اليوم الثاني للقمة، ذلك اليوم: not today
    if ctx.anchor is None:
        return _hit(m, "relative", None)
    base, notes = ctx.anchor + timedelta(days=offset), []
    if weekday is not None and base.weekday() != weekday:
        base = _agreeing_day(ctx.anchor, base, offset, weekday)
        notes.append(f"the weekday named disagrees with the anchor; took the nearest ({base})")
    return _hit(m, "relative", dv.day_value(base), notes)


def _agreeing_day(anchor: date, base: date, offset: int, weekday: int) -> date:
    """The day of `weekday` nearest to `base`, on the same side of the anchor as the
    offset (yesterday stays before the anchor, tomorrow after it)."""
    for k in sorted(range(-6, 7), key=lambda k: (abs(k), k)):
        day = base + timedelta(days=k)
        if day.weekday() != weekday:
            continue
        if (offset < 0 and day >= anchor) or (offset > 0 and day <= anchor):
            continue
        return day
    return base  # unreachable: a week holds every weekday


def build_weekday(m: re.Match[str], ctx: Ctx) -> Hit | None:
    weekday, second = _int("weekday", m.group("wd")), _int("weekday", m.group("wd2"))
    if weekday is None:
        return None
    kind = "range" if second is not None else "weekday"
    if ctx.anchor is None:
        return _hit(m, kind, None)
    k = _int("modifier", m.group("mod"))
    mode = _MOD_MODE.get(k) if k is not None else _mode(ctx, m)
    notes = [f"weekday resolved {mode or 'nearest'} to the anchor"]
    first = dv.weekday_date(ctx.anchor, weekday, mode)
    end = None
    if second is not None:
        end = first + timedelta(days=(second - weekday - 1) % 7 + 1)
    return _hit(m, kind, dv.day_value(first), notes, end_value=end and dv.day_value(end))


def build_relunit(m: re.Match[str], ctx: Ctx) -> Hit | None:
    unit = lookup("unit", m.group("unit"))
    k = _int("modifier", m.group("mod"))
    if unit is None or not (m.group("this") or m.group("per") or k is not None):
        return None
    if unit == "year" and not (m.group("this") or m.group("per")) and _before(
            ctx, m.start("t"), "year_before"):
        return None  # الأمين العام الحالي: "general", not "year"
    if ctx.anchor is None:
        return _hit(m, "relative", None)
    value = dv.offset_value(ctx.anchor, unit, k or 0)
    notes = ["a week: the month or year holding every day it can cover"] if unit == "week" else []
    return _hit(m, "relative", value, notes)


def build_relcount(m: re.Match[str], ctx: Ctx) -> Hit | None:
    unit, _, count = (lookup("cunit", m.group("cu")) or ":").partition(":")
    n = int(m.group("n")) if m.group("n") else _int("numword", m.group("nw"))
    if n is None:
        n = {"1": 1, "2": 2}.get(count)
    if n is None:
        return _hit(m, "vague", None)  # قبل أيام: some days ago
    if _after(ctx, m.end("t"), "event_after"):
        return _hit(m, "relative", None, ["counted from another event, not the anchor"])
    if ctx.anchor is None:
        return _hit(m, "relative", None)
    sign = -1 if "قبل" in m.group("dir") else 1
    return _hit(m, "relative", dv.count_value(ctx.anchor, unit, sign * n))


def build_vague(m: re.Match[str], _ctx: Ctx) -> Hit | None:
    return _hit(m, "vague", None)


BUILDERS: dict[str, Callable[[re.Match[str], Ctx], Hit | None]] = {
    "numeric": build_numeric, "dmy": build_dmy, "hijri": build_hijri,
    "hijri_year": build_hijri_year, "month": build_month, "year_range": build_year_range,
    "year_word": build_year, "year_era": build_year, "year_period": build_year,
    "year_bare": build_year_bare, "relday": build_relday, "weekday": build_weekday,
    "relunit": build_relunit, "relcount": build_relcount, "vague": build_vague,
}


# --- ranges across two hits ----------------------------------------------------------

def merge_ranges(hits: list[Hit], ctx: Ctx) -> list[Hit]:
    """30 يونيو - 2 يوليو، من 2012 إلى 2014: two hits joined by a connector become one."""
    out: list[Hit] = []
    for hit in hits:
        prev = out[-1] if out else None
        merged = prev and _merge(prev, hit, ctx)
        if merged:
            out[-1] = merged
        else:
            out.append(hit)
    return out


def _merge(a: Hit, b: Hit, ctx: Ctx) -> Hit | None:
    gap = context()["connector"].fullmatch(ctx.text, a.end, b.start)
    if gap is None or a.kind not in _MERGEABLE or b.kind not in _MERGEABLE:
        return None
    joiner = gap.group(0).strip()
    a = _year_from(a, b)
    precisions = {a.value and a.value.precision, b.value and b.value.precision}
    if a.value is None or b.value is None or len(precisions) != 1:
        return None
    if precisions == {"year"}:
        if joiner == "و" or a.kind != "year" or b.kind != "year":
            return None
    elif precisions != {"day"}:
        return None
    if b.value.value <= a.value.value:
        return None
    if joiner == "و" and a.value.precision == "day" and _days(a, b) > 7:
        return None
    return replace(a, end=b.end, kind="range", end_value=b.value, notes=a.notes + b.notes)


def _year_from(a: Hit, b: Hit) -> Hit:
    """A day without a year takes the year of the day after it (30 يونيو و1 يوليو 2024)."""
    if a.month_day is None or b.month_day is not None or b.value is None:
        return a
    end = date.fromisoformat(b.value.value)
    month, day = a.month_day
    year = end.year if (month, day) <= (end.month, end.day) else end.year - 1
    found = dv.make_date(year, month, day)
    return replace(a, value=found and dv.day_value(found), notes=["year from the range's end"])


def _days(a: Hit, b: Hit) -> int:
    assert a.value and b.value
    return (date.fromisoformat(b.value.value) - date.fromisoformat(a.value.value)).days

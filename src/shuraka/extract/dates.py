"""shuraka's Arabic temporal tagger: date expressions in raw text, resolved against an
anchor (the publication date) to the contract's `YYYY-MM-DD | YYYY-MM | YYYY`.

Kinds of Timex:
- "explicit": a Gregorian date with its year (24 يونيو 2025، 24-04-2024، يوليو 2023);
- "hijri":    a Hijri date, converted (15 رمضان 1445 هـ، 1445هـ);
- "year":     a year (عام 2012، 2012م، في 2012);
- "partial":  a day or month without its year (24 يونيو، مطلع يونيو): year from the anchor;
- "relative": اليوم، أمس الجمعة، العام الماضي، الشهر المقبل، يونيو الماضي، قبل يومين ...;
- "weekday":  يوم الخميس، الخميس الماضي;
- "range":    24 و25 يونيو، الخميس والجمعة، عامي 2012 و2014 (end in `end_value`);
- "vague":    مؤخرا، قريبا، قبل أيام — never resolved.

Resolution rules (dates_values has the arithmetic):
- tense "past": the latest match on or before the anchor; "future": the earliest on or
  after it; no tense: the nearest (a weekday within 3 days, a day or month within half a
  year; ties go to the past). الماضي/المقبل mean strictly before/after the anchor.
- اليوم/أمس/غدا + a weekday: if the weekday disagrees with the anchor, the nearest day of
  that weekday on the right side of the anchor wins and `note` says so.
- a weekday with a day and month (الجمعة 12 يوليو): the nearest year where they agree.
- resolve_in_sentence takes each expression's tense from the nearest cue in its own
  clause (a date before أن/إن follows قال/أعلن, one after it follows سيعقد ...).
- a week (الأسبوع الماضي) has no contract precision: the value is the month (else the
  year) holding every day the week can cover with a Saturday, Sunday or Monday start;
  None when it straddles a year.
- a Hijri month or year becomes the Gregorian month/year holding most of its days.
- without an anchor everything relative is None: never a guess.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from shuraka.extract.dates_build import BUILDERS, Ctx, Hit, merge_ranges
from shuraka.extract.dates_grammar import scan
from shuraka.extract.dates_tense import clause_bounds, cues, detect_tense, tense_near
from shuraka.extract.dates_values import DateValue, day_value, month_value, year_value
from shuraka.text.normalize import Normalized, normalize

__all__ = ["DateValue", "Timex", "detect_tense", "find_timexes", "parse_date",
           "resolve_in_sentence"]

TENSES = ("past", "future", None)
TenseAt = Callable[[int, int], "str | None"]


@dataclass(frozen=True)
class Timex:
    start: int  # raw offsets of the expression
    end: int
    text: str
    kind: str  # explicit | hijri | year | partial | relative | weekday | range | vague
    value: DateValue | None  # None when it cannot be resolved (never invent a day)
    end_value: DateValue | None = None  # the end of a range
    note: str = ""  # how it was resolved, when that involved a choice


def _candidates(ctx: Ctx) -> list[Hit]:
    found: dict[tuple[int, int, int], Hit] = {}
    for rank, name, m in scan(ctx.text):
        hit = BUILDERS[name](m, ctx)
        if hit is not None and hit.end > hit.start:
            found.setdefault((hit.start - hit.end, rank, hit.start), hit)
    return [found[key] for key in sorted(found)]


def _select(hits: list[Hit]) -> list[Hit]:
    """Longest first, then pattern priority; no two chosen hits overlap."""
    taken = [False] * (max((h.end for h in hits), default=0) + 1)
    chosen: list[Hit] = []
    for hit in hits:
        if not any(taken[hit.start:hit.end]):
            taken[hit.start:hit.end] = [True] * (hit.end - hit.start)
            chosen.append(hit)
    return sorted(chosen, key=lambda h: h.start)


def _to_timex(hit: Hit, norm: Normalized, offset: int) -> Timex:
    start, end = norm.to_raw(hit.start, hit.end)
    return Timex(start + offset, end + offset, norm.raw[start:end], hit.kind, hit.value,
                 hit.end_value, "; ".join(hit.notes))


def _hits(text: str, anchor: date | None, tense_at: TenseAt) -> list[Hit]:
    ctx = Ctx(text, anchor, tense_at)
    return merge_ranges(_select(_candidates(ctx)), ctx)


def _fixed(tense: str | None) -> TenseAt:
    def tense_at(_start: int, _end: int) -> str | None:
        return tense
    return tense_at


def find_timexes(raw: str, *, anchor: date | None, tense: str | None = None) -> list[Timex]:
    """Every date expression of `raw`, resolved against `anchor` with one `tense` for
    all ("past" | "future" | None = unknown: nearest)."""
    if tense not in TENSES:
        raise ValueError(f"tense must be 'past', 'future' or None, not {tense!r}")
    norm = normalize(raw)
    hits = _hits(norm.text, _day_of(anchor), _fixed(tense))
    return [_to_timex(hit, norm, 0) for hit in hits]


def _day_of(anchor: date | None) -> date | None:
    """A datetime anchor counts by its date."""
    return anchor.date() if isinstance(anchor, datetime) else anchor


def resolve_in_sentence(raw: str, start: int, end: int, *, anchor: date | None) -> list[Timex]:
    """The date expressions of the sentence raw[start:end] (raw offsets into `raw`), each
    resolved with the tense of the nearest cue around it (its verb, سوف، أمس ...); cues
    inside a date expression (المقبل of الشهر المقبل) speak only for that expression."""
    norm = normalize(raw[start:end])
    spans = [(h.start, h.end) for h in _hits(norm.text, None, _fixed(None))]
    found = [c for c in cues(norm.text) if all(c.end <= s or c.start >= e for s, e in spans)]
    bounds = clause_bounds(norm.text)

    def tense_at(s: int, e: int) -> str | None:
        return tense_near(found, s, e, bounds)

    return [_to_timex(hit, norm, start) for hit in _hits(norm.text, _day_of(anchor), tense_at)]


# --- standalone expressions ----------------------------------------------------------

_ISO = re.compile(r"\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][0-9:.]+(?:Z|[+-][0-9:]+)?)?\s*")
_LATIN_FORMATS = ("%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y", "%B %d %Y")


def parse_date(text: str) -> DateValue | None:
    """The date of a standalone expression: a dateline (24 - 04 - 2024، الثلاثاء 11
    يوليو 2023), an ISO or RFC 2822 date (JSON/feed "published"). None if it holds none."""
    m = _ISO.fullmatch(text)
    if m:
        return _iso_value(*m.groups())
    latin = _latin(text.strip())
    if latin is not None:
        return latin
    for timex in find_timexes(text, anchor=None):
        if timex.value is not None:
            return timex.value
    return None


def _iso_value(y: str, mo: str | None, d: str | None) -> DateValue | None:
    try:
        if d:
            return day_value(date(int(y), int(mo or 0), int(d)))
        if mo:
            return month_value(int(y), int(mo)) if 1 <= int(mo) <= 12 else None
    except ValueError:
        return None
    return year_value(int(y))


def _latin(text: str) -> DateValue | None:
    if not re.search(r"[A-Za-z]", text):
        return None
    try:
        return day_value(parsedate_to_datetime(text).date())
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in _LATIN_FORMATS:
        try:
            return day_value(datetime.strptime(text, fmt).date())
        except ValueError:
            continue
    return None

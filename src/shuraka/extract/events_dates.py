"""When an event happened: its own date expression, the meeting its sentence names, or
the story date of the article's anchor.

Order: (1) a day of the meeting (اليوم الثاني للقمة); (2) a date expression inside the
trigger's clause (one that cannot be resolved, e.g. a weekday under a year-only anchor,
gives the story date); (3) a relative day elsewhere in the sentence (القمة التي اختتمت
أمس الجمعة); (4) the meeting the sentence names (its story date when it is the article's
meeting, else its own date); (5) the story date. A range keeps what its ends share.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from shuraka.extract.anchors import Anchor, Meeting, MeetingRef, meeting_day, resolve
from shuraka.extract.dates import resolve_in_sentence
from shuraka.extract.entities import EntityLayer
from shuraka.extract.events_args import Sentence

_NEAR_KINDS = ("relative", "weekday")


@dataclass(frozen=True)
class Timed:
    start: int  # normalized offsets
    end: int
    kind: str
    value: str | None


UNTIL = re.compile(r"(?:حتي|لغايه|غايه|ولغايه|وحتي)(?:\s+(?:عام|سنه|العام))?\s*$")


def is_bound(text: str, start: int) -> bool:
    """A date after حتى/لغاية (يمتد حتى عام 2028) bounds a period; it is not when the
    thing happened."""
    return bool(UNTIL.search(text, max(0, start - 20), start))


def shared(a: str, b: str) -> str | None:
    """What two ISO values share: the day, the month or the year."""
    for size in (10, 7, 4):
        if len(a) >= size and len(b) >= size and a[:size] == b[:size]:
            return a[:size]
    return None


def timexes(layer: EntityLayer, sent: Sentence, anchor: Anchor | None) -> list[Timed]:
    """The sentence's date expressions, resolved against the anchor's day."""
    day = anchor.day if anchor else None
    out = []
    for t in resolve_in_sentence(layer.norm.raw, sent.raw[0], sent.raw[1], anchor=day):
        if t.kind == "vague":
            continue
        s, e = layer.norm.to_text(t.start, t.end)
        if is_bound(layer.norm.text, s):
            continue
        value = t.value.value if t.value else None
        if value and t.end_value:
            value = shared(value, t.end_value.value)
        out.append(Timed(s, e, t.kind, value))
    return out


@dataclass
class DateContext:
    layer: EntityLayer
    anchor: Anchor | None
    refs: list[MeetingRef]

    @property
    def story(self) -> str | None:
        return self.anchor.story_date if self.anchor else None

    def meeting_of(self, sent: Sentence) -> Meeting | None:
        for ref in self.refs:
            if sent.start <= ref.start < sent.end:
                meeting = resolve(ref, self.anchor)
                if meeting is not None:
                    return meeting
        return None

    def meeting_date(self, meeting: Meeting) -> str | None:
        if self.anchor and meeting.id == self.anchor.meeting_id:
            return self.story
        return meeting.value()


def _nearest(found: list[Timed], pos: int) -> Timed:
    return min(found, key=lambda t: abs(t.start - pos))


def event_date(ctx: DateContext, sent: Sentence, found: list[Timed], window: tuple[int, int],
               pos: int) -> str | None:
    """The date of a trigger at `pos` whose clause is `window` (see the module doc)."""
    meeting = ctx.meeting_of(sent)
    if meeting is not None:
        day = meeting_day(ctx.layer.norm.text, sent.start, sent.end, meeting)
        if day:
            return day
    inside = [t for t in found if window[0] <= t.start < window[1]]
    if inside:
        return _nearest(inside, pos).value or ctx.story
    near = [t for t in found if t.kind in _NEAR_KINDS and t.value]
    if near:
        return _nearest(near, pos).value
    if meeting is not None:
        return ctx.meeting_date(meeting)
    return ctx.story

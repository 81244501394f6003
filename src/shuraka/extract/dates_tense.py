"""Tense of a sentence (past/future) from the data-driven cues of temporal.tsv.

Strong cues: future words (سوف، يعتزم، المقبل ...), the future prefix سـ on a listed
verb (سيعقد، ستجتمع، سنوقع), past words (أمس، الماضي، لم) and listed perfect verbs
with their inflections (اتفق، اتفقت، اتفقوا). Weak cues: reporting verbs (قال، أعلن،
أكد ...), which frame reported speech and count only when nothing else speaks.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from shuraka.extract.dates_lexicon import LB, RB, alternation, words
from shuraka.text.normalize import normalize

_PERFECT_SUFFIX = "(?:ت|وا|ا|تا|نا|تم)"
_OBJECT_SUFFIX = "(?:ه|ها|هم|هما|كم|ني)?"  # عقده، أكدها


@dataclass(frozen=True)
class Cue:
    start: int  # offsets into the normalized text
    end: int
    tense: str  # "past" | "future"
    strong: bool


def _verbs(kind: str, inflected: bool) -> list[str]:
    return sorted((re.escape(k) for k, v in words(kind).items() if (v == "inflected") == inflected),
                  key=len, reverse=True)


def _perfect(kind: str) -> str:
    free = "|".join(_verbs(kind, False)) or "(?!)"
    bound = "|".join(_verbs(kind, True)) or "(?!)"
    return (f"{LB}(?:(?:{free}){_PERFECT_SUFFIX}?|(?:{bound}){_PERFECT_SUFFIX})"
            f"{_OBJECT_SUFFIX}{RB}")


def _future_verbs() -> str:
    stems = sorted({re.escape(k[1:]) for k in words("future_verb") if k.startswith("ي")},
                   key=len, reverse=True)
    return f"{LB}س[يتنا](?:{'|'.join(stems) or '(?!)'})(?:ون|ان|ين|وا|ن)?{RB}"


@lru_cache(maxsize=1)
def _cue_patterns() -> tuple[tuple[re.Pattern[str], str, bool], ...]:
    return (
        (re.compile(alternation("future")), "future", True),
        (re.compile(_future_verbs()), "future", True),
        (re.compile(alternation("past")), "past", True),
        (re.compile(_perfect("past_verb")), "past", True),
        (re.compile(_perfect("report_verb")), "past", False),
    )


def cues(text: str) -> list[Cue]:
    """Every tense cue in a normalized text."""
    found = [Cue(m.start(), m.end(), tense, strong)
             for pattern, tense, strong in _cue_patterns() for m in pattern.finditer(text)]
    return sorted(found, key=lambda c: c.start)


def tense_of(found: list[Cue]) -> str | None:
    """One tense for a sentence: the majority of strong cues (a tie goes to the first);
    reporting verbs alone give the past; no cue gives None."""
    strong = [c for c in found if c.strong]
    if not strong:
        return "past" if found else None
    past = sum(c.tense == "past" for c in strong)
    future = len(strong) - past
    if past != future:
        return "past" if past > future else "future"
    return strong[0].tense


@lru_cache(maxsize=1)
def _complementizer() -> re.Pattern[str]:
    return re.compile(alternation("complementizer"))


def clause_bounds(text: str) -> list[int]:
    """Where reported speech opens (أن، إن، بأنه ...) in a normalized text."""
    return [m.start() for m in _complementizer().finditer(text)]


def tense_near(found: list[Cue], start: int, end: int, bounds: Sequence[int] = ()) -> str | None:
    """The tense for an expression at [start, end): the nearest cue outside it, within
    its own clause when one there speaks (clauses split at `bounds`); a strong cue wins
    a tie; None without cues."""
    outside = [c for c in found if c.end <= start or c.start >= end]
    clause = bisect_right(bounds, start)
    same = [c for c in outside if bisect_right(bounds, c.start) == clause]
    outside = same or outside
    if not outside:
        return None

    def distance(c: Cue) -> tuple[int, bool]:
        gap = start - c.end if c.end <= start else c.start - end
        return gap, not c.strong

    return min(outside, key=distance).tense


def detect_tense(sentence: str) -> str | None:
    """"past" | "future" | None for a raw sentence."""
    return tense_of(cues(normalize(sentence).text))

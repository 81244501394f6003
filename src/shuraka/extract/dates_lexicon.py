"""The date tagger's vocabulary: month and weekday names from the shared calendar.tsv
(read-only) plus our temporal.tsv, validated on load, normalized with
`shuraka.text.normalize.norm` and compiled once into regex alternations that run over
normalized text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from shuraka.errors import DataError
from shuraka.gazetteer.tsv import data_path, read_tsv
from shuraka.text.normalize import norm

WS = "[ \u00a0]+"  # normalized text: a whitespace run is one char ("\n" breaks a date)
OWS = "[ \u00a0]*"
# a word starts here: after a non-word char or after a proclitic و/ف
LB = r"(?:(?<!\w)|(?<=(?<!\w)[وف]))"
# a word with the article: ب/ك also attach (بالأمس)
LB_AL = r"(?:(?<!\w)|(?<=(?<!\w)[وفبك])|(?<=(?<!\w)[وف][بك]))"
RB = r"(?!\w)"

_CAL_KIND = {"gregorian": "month", "hijri": "hmonth", "weekday": "weekday"}
_INT_RANGES = {
    "month": (1, 12), "hmonth": (1, 12), "weekday": (0, 6), "relday": (-7, 7),
    "modifier": (-1, 1), "ordinal": (1, 31), "numword": (1, 10),
}
_VERB_KINDS = ("past_verb", "report_verb", "future_verb")
_EMPTY_KINDS = (
    "ambiguous", "tod", "this", "period", "yearword", "yeardual", "era_ad", "era_ah",
    "vague", "prep", "count_noun", "today_block_after", "today_block_before",
    "year_block_before", "future", "past", "complementizer",
)
_CUNITS = ("day", "week", "month", "year")


@dataclass(frozen=True)
class Lexeme:
    key: str  # normalized form
    kind: str
    value: str


def _fail(path: object, line: int, msg: str) -> DataError:
    return DataError(f"{path}:{line}: {msg}")


def _check_int(value: str, lo: int, hi: int) -> bool:
    try:
        return lo <= int(value) <= hi
    except ValueError:
        return False


def _check_value(kind: str, value: str) -> bool:
    if kind in _INT_RANGES:
        return _check_int(value, *_INT_RANGES[kind])
    if kind in _VERB_KINDS:
        return value in ("", "inflected")
    if kind == "unit":
        return value in _CUNITS
    if kind == "cunit":
        unit, _, count = value.partition(":")
        return unit in _CUNITS and count in ("1", "2", "n")
    return kind in _EMPTY_KINDS and value == ""


def _calendar() -> list[Lexeme]:
    path = data_path("shuraka.text", "calendar.tsv")
    out = []
    for line, row in read_tsv(path, ("ar", "number", "calendar")):
        kind = _CAL_KIND.get(row["calendar"])
        if kind is None or not _check_value(kind, row["number"]):
            raise _fail(path, line, f"bad calendar/number {row['calendar']!r}/{row['number']!r}")
        out.append(Lexeme(norm(row["ar"]).strip(), kind, row["number"]))
    return out


def _temporal() -> list[Lexeme]:
    path = data_path("shuraka.extract", "temporal.tsv")
    out = []
    for line, row in read_tsv(path, ("kind", "ar", "value")):
        kind, value = row["kind"], row["value"]
        if not _check_value(kind, value):
            raise _fail(path, line, f"bad value {value!r} for kind {kind!r}")
        out.append(Lexeme(norm(row["ar"]).strip(), kind, value))
    return out


@lru_cache(maxsize=1)
def lexicon() -> dict[str, dict[str, str]]:
    """kind -> {normalized word: value}; calendar.tsv first, temporal.tsv adds."""
    table: dict[str, dict[str, str]] = {}
    for lex in _calendar() + _temporal():
        known = table.setdefault(lex.kind, {}).setdefault(lex.key, lex.value)
        if known != lex.value:
            raise DataError(f"temporal vocabulary: {lex.kind} {lex.key!r} is both {known} "
                            f"and {lex.value}")
    return table


def words(kind: str) -> dict[str, str]:
    """The normalized words of a kind and their values ({} for an unknown kind)."""
    return lexicon().get(kind, {})


def lookup(kind: str, text: str) -> str | None:
    """The value of a text matched in NORMALIZED text as a word of `kind`, or None."""
    key = " ".join(text.split())
    table = words(kind)
    if key in table:
        return table[key]
    if key.startswith("ل") and "ا" + key in table:  # للعام: the article lost its alef
        return table["ا" + key]
    return None


def _pattern(word: str) -> str:
    return WS.join(re.escape(part) for part in word.split())


def _branches(keys: list[str], bounded: bool) -> list[str]:
    plain = [k for k in keys if not k.startswith("ال")]
    art = [k[1:] for k in keys if k.startswith("ال")]  # "لعام" for "العام"
    out = []
    if plain:
        alt = "|".join(_pattern(k) for k in plain)
        out.append(f"{LB if bounded else ''}(?:{alt})")
    if art:
        alt = "|".join(_pattern(k) for k in art)
        out.append(f"{LB_AL if bounded else ''}ا(?:{alt})")
        # ل + ال → لل: the span starts at the article's ل (للعام الماضي)
        out.append(rf"(?:(?<=(?<!\w)ل)|(?<=(?<!\w)[وف]ل))(?:{alt})")
    return out


@lru_cache(maxsize=256)
def alternation(kind: str, bounded: bool = True) -> str:
    """A non-capturing regex group of the words of `kind`, longest first, with word
    boundaries (left ones only when `bounded`; right ones always)."""
    keys = sorted(words(kind), key=len, reverse=True)
    if not keys:
        return "(?!)"
    return "(?:" + "|".join(_branches(keys, bounded)) + ")" + RB


def is_ambiguous_month(text: str) -> bool:
    return lookup("ambiguous", text) is not None

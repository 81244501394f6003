"""Matching normalization of Arabic news text, with a map back to raw offsets.

The raw text is never changed: `normalize` returns a normalized copy plus, for every
normalized character, the raw span it comes from. The rules, applied to each raw
character in turn:

1. Dropped (no output; their raw span is added to the previous output character):
   Arabic diacritics U+064B-U+065F (tanwin, harakat, shadda, sukun, maddah and hamza
   above/below, ...), superscript alef U+0670, Quranic marks U+06D6-U+06ED, Arabic
   honorific/small high signs U+0610-U+061A, tatweel U+0640; bidi and zero-width
   marks U+200B-U+200F, U+202A-U+202E, U+2060, U+2066-U+2069, U+061C, U+FEFF (BOM),
   soft hyphen U+00AD.
   A combining hamza above (U+0654) right after و or ي composes with it (ؤ, ئ), as
   Unicode composition does; after any other letter it is dropped like the rest.
2. Letters: alef forms أ إ آ ٱ ٲ ٳ ٵ -> ا; ى -> ي; ة -> ه; ؤ ئ ء are kept.
   Persian/Urdu forms: ک ڪ -> ك; ی ې -> ي; ۀ ہ ۂ ۃ ھ ە -> ه; پ -> ب; ڤ -> ف.
   گ چ ڨ ڭ are KEPT: they stand for sounds Arabic writes in several ways (گ is ك, غ,
   ج or ق depending on the writer), so a guess would merge distinct spellings; the
   gazetteer lists a گ spelling as its own variant when needed.
3. Digits: Arabic-Indic ٠-٩ and Persian ۰-۹ -> 0-9. Arabic percent ٪ -> %, decimal
   separator ٫ -> ".", thousands separator ٬ -> ",", Urdu full stop ۔ -> ".".
   The Arabic comma ، semicolon ؛ and question mark ؟ are kept.
4. Presentation forms U+FB50-U+FDFF and U+FE70-U+FEFE, Latin ligatures U+FB00-U+FB06
   and fullwidth ASCII U+FF01-U+FF5E go through NFKC, then through these same rules;
   every output character maps to the one raw character (the ligature ﻻ gives "لا",
   both characters with the raw span of ﻻ). Isolated diacritic forms (FE70 ﹰ, FC5E ...)
   whose NFKC is a space plus marks are dropped.
5. Quotes “ ” „ ‟ « » ‹ › ″ ＂ -> '"'; ‘ ’ ‚ ‛ ′ -> "'". Dashes ‐ ‑ ‒ – — ― − -> "-".
6. Whitespace: NBSP and every other Unicode space -> " "; any run of whitespace
   (after dropping the marks of rule 1) becomes ONE character: "\\n" if the run holds a
   line break (\\n \\r \\v \\f \\x1c-\\x1e \\x85 U+2028 U+2029), else " ". Leading and
   trailing whitespace is kept (collapsed), never stripped.
7. Latin letters (U+0041-U+024F, U+1E00-U+1EFF) are casefolded (ß -> "ss").

Everything else passes unchanged. Invariant: for 0 <= s < e <= len(text), the raw
slice `raw[a:b]` with `(a, b) = to_raw(s, e)` normalizes to `text[s:e]` (widened to
whole raw characters when s or e falls inside a ligature's expansion).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from shuraka.errors import SpanError

_DROP_RANGES = (
    (0x064B, 0x065F), (0x0670, 0x0670), (0x06D6, 0x06ED), (0x0610, 0x061A),
    (0x0640, 0x0640), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x2060),
    (0x2066, 0x2069), (0x061C, 0x061C), (0xFEFF, 0xFEFF), (0x00AD, 0x00AD),
)
_LETTERS = {
    "ا": "أإآٱٲٳٵ", "ي": "ىیې", "ه": "ةۀہۂۃھە", "ك": "کڪ", "ب": "پ", "ف": "ڤ",
    '"': "“”„‟«»‹›″", "'": "‘’‚‛′", "-": "‐‑‒–—―−",
    "%": "٪", ".": "٫۔", ",": "٬",
}
_DIGITS = {**{chr(0x0660 + d): str(d) for d in range(10)},
           **{chr(0x06F0 + d): str(d) for d in range(10)}}
_NEWLINES = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_SPACES = " \t\x1f\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_NFKC_RANGES = ((0xFB00, 0xFB06), (0xFB50, 0xFDFF), (0xFE70, 0xFEFE), (0xFF01, 0xFF5E))
_CASEFOLD_RANGES = ((0x0041, 0x005A), (0x00C0, 0x024F), (0x1E00, 0x1EFF))
_HAMZA_ABOVE = "\u0654"
_HAMZA_CARRIERS = {"و": "ؤ", "ي": "ئ"}
_WS = " \n"


def _chars(ranges: tuple[tuple[int, int], ...]) -> list[str]:
    return [chr(cp) for lo, hi in ranges for cp in range(lo, hi + 1)]


def _base_map() -> dict[str, str]:
    """Rules 1-3, 5-7 for single characters (no NFKC)."""
    table: dict[str, str] = {}
    for ch in _chars(_CASEFOLD_RANGES):
        if ch.casefold() != ch:
            table[ch] = ch.casefold()
    for target, sources in _LETTERS.items():
        table.update(dict.fromkeys(sources, target))
    table.update(_DIGITS)
    table.update(dict.fromkeys(_SPACES, " "))
    table.update(dict.fromkeys(_NEWLINES, "\n"))
    table.update(dict.fromkeys(_chars(_DROP_RANGES), ""))
    return table


def _expand(ch: str, base: dict[str, str]) -> str:
    """Rule 4: NFKC, then the base rules; inner whitespace kept, outer stripped."""
    out = "".join(base.get(c, c) for c in unicodedata.normalize("NFKC", ch))
    return re.sub(r"\s+", " ", out).strip(_WS)


class _Tables:
    """The compiled rules: full char map, 1:1 map and the regexes that find their chars."""

    def __init__(self) -> None:
        full = _base_map()
        for ch in _chars(_NFKC_RANGES):
            if ch not in full:
                out = _expand(ch, full)
                if out != ch:
                    full[ch] = out
        full[" "], full["\n"] = " ", "\n"
        self.full = full
        self.one = {k: v for k, v in full.items() if len(v) == 1 and v not in _WS}
        self.one_re = re.compile(_char_class(list(self.one)))
        odd = [k for k, v in full.items() if v in _WS or len(v) != 1]
        single = [k for k in odd if k not in _WS]
        odd_cls, single_cls = _char_class(odd), _char_class(single)
        self.special_re = re.compile(f"{odd_cls}(?:{odd_cls}+|(?<={single_cls}))")

    def translate_one(self, s: str) -> str:
        """Apply the 1:1 rules (length-preserving)."""
        for k in set(self.one_re.findall(s)):
            s = s.replace(k, self.one[k])
        return s


def _char_class(chars: list[str]) -> str:
    return "[" + "".join(map(re.escape, chars)) + "]"


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    return _Tables()


@dataclass(frozen=True)
class Normalized:
    """A raw text, its normalized form and the raw span of each normalized char."""

    raw: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Normalized [start, end) -> raw [s, e)."""
        if not 0 <= start < end <= len(self.text):
            raise SpanError(f"bad normalized span [{start}, {end}) of {len(self.text)}")
        return self.starts[start], self.ends[end - 1]

    def to_text(self, raw_start: int, raw_end: int) -> tuple[int, int]:
        """Raw [s, e) -> the normalized chars whose raw start lies in it."""
        if not 0 <= raw_start <= raw_end <= len(self.raw):
            raise SpanError(f"bad raw span [{raw_start}, {raw_end}) of {len(self.raw)}")
        return bisect_left(self.starts, raw_start), bisect_left(self.starts, raw_end)


def _feed(
    full: dict[str, str], c: str, i: int, chars: list[str], starts: list[int], ends: list[int]
) -> None:
    """Append the output of raw char `c` at index `i` (chars: output since the last gap)."""
    rep = full.get(c, c)
    if not rep:
        if ends:
            ends[-1] = i + 1
        if c == _HAMZA_ABOVE and chars and chars[-1] in _HAMZA_CARRIERS:
            chars[-1] = _HAMZA_CARRIERS[chars[-1]]
        return
    for r in rep:
        if r in _WS and chars and chars[-1] in _WS:
            if r == "\n":
                chars[-1] = "\n"
            ends[-1] = i + 1
            continue
        chars.append(r)
        starts.append(i)
        ends.append(i + 1)


def normalize_slow(raw: str) -> Normalized:
    """Reference implementation, one char at a time (tests compare against it)."""
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    full = _tables().full
    for i, c in enumerate(raw):
        _feed(full, c, i, chars, starts, ends)
    return Normalized(raw, "".join(chars), tuple(starts), tuple(ends))


def normalize(raw: str) -> Normalized:
    """The matching normalization of `raw` (rules in the module docstring).

    Fast path: the 1:1 rules over the whole string at C speed, then only the runs of
    special chars (whitespace runs, dropped marks, expansions) one char at a time.
    Outside those runs a char's raw material ends where the next one starts.
    """
    if _HAMZA_ABOVE in raw:  # composes with the char before: rare, take the slow path
        return normalize_slow(raw)
    tables = _tables()
    mapped = tables.translate_one(raw)
    pieces: list[str] = []
    starts: list[int] = []
    runs: list[tuple[int, list[int]]] = []
    pos = 0
    for m in tables.special_re.finditer(raw):
        a, b = m.span()
        if a > pos:
            pieces.append(mapped[pos:a])
            starts.extend(range(pos, a))
        chars: list[str] = []
        run_ends: list[int] = []
        offset = len(starts)
        for i in range(a, b):
            _feed(tables.full, raw[i], i, chars, starts, run_ends)
        pieces.extend(chars)
        runs.append((offset, run_ends))
        pos = b
    if pos < len(raw):
        pieces.append(mapped[pos:])
        starts.extend(range(pos, len(raw)))
    return Normalized(raw, "".join(pieces), tuple(starts), _ends(starts, runs, len(raw)))


def _ends(starts: list[int], runs: list[tuple[int, list[int]]], size: int) -> tuple[int, ...]:
    """Each char ends where the next begins; chars from special runs keep their own."""
    ends = starts[1:]
    if starts:
        ends.append(size)
    for offset, run_ends in runs:
        ends[offset:offset + len(run_ends)] = run_ends
    return tuple(ends)


def norm(s: str) -> str:
    """The normalized text of `s` (same rules; for gazetteer entries and lexicons)."""
    return normalize(s).text

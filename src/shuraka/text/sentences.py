"""Sentence splitting of raw Arabic news text; spans are raw offsets.

A sentence ends at . ؟ ? ! ؛ ; (a run of them counts once) and at every line break.
A closing quote or bracket right after the terminator stays with the sentence, and a
terminator followed by a comma or colon (؟"، قال) does not end one. A full stop does
not end a sentence:
- between two word chars (3.5, 1.400, ق.م, nato.int), unless both sides are Arabic
  words of 2+ letters (a missing space: قال.وأضاف);
- after a single letter (initials: د. أ. ج. بوش, J. Smith, U.S.);
- after an abbreviation of data/abbreviations.tsv: a `title` or `plain` one never ends
  a sentence, an `era` one (م. ه.) ends one only right after a number (عام 2020م.),
  a `suffix` one (ق.م.) may end one like any word;
- after a list number opening its line (1. ...);
- in an ellipsis (.. ... and … are not terminators).
Work happens on the normalized text (so ٫ is a decimal point and « » are quotes); the
spans are mapped back to raw, trimmed of whitespace and bidi/zero-width marks, and
spans with no letter or digit are dropped.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources
from pathlib import Path

from shuraka.errors import DataError
from shuraka.text.clitics import is_word_char
from shuraka.text.normalize import Normalized, norm, normalize

ABBREVIATIONS_FILE = "abbreviations.tsv"
_KINDS = ("title", "era", "suffix", "plain")
_COLUMNS = ("abbr", "kind", "lang", "note")
_TERM_RE = re.compile(r"\n|[.?!؟؛;]+")
_CLOSERS = "\"')]}>"
_CONTINUERS = "،,:"
_URL_CHARS = "=&/"
_ARABIC_WORD_RE = re.compile(r"[\u0621-\u064a]{2,}")
_NUMBER_END_RE = re.compile(r"\d\s?$")
_ENUMERATOR_RE = re.compile(r"\d{1,3}")


def _data_path(name: str) -> Path:
    return Path(str(resources.files("shuraka.text").joinpath("data", name)))


def _parse_row(path: Path, number: int, line: str) -> tuple[str, str]:
    cells = [c.strip() for c in line.split("\t")]
    if len(cells) < 2 or len(cells) > len(_COLUMNS):
        raise DataError(f"{path}:{number}: expected columns {_COLUMNS}")
    abbr, kind = cells[0], cells[1]
    if kind not in _KINDS:
        raise DataError(f"{path}:{number}: kind {kind!r} is not one of {_KINDS}")
    if not abbr.endswith(".") or len(abbr) < 2 or any(c.isspace() for c in abbr):
        raise DataError(f"{path}:{number}: abbreviation {abbr!r} must end with '.'")
    return norm(abbr[:-1]), kind


def load_abbreviations(path: Path) -> dict[str, str]:
    """normalized abbreviation without its final dot -> kind, validated."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"{path}: cannot read ({exc})") from exc
    table: dict[str, str] = {}
    header_seen = False
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            if tuple(c.strip() for c in line.split("\t")) != _COLUMNS:
                raise DataError(f"{path}:{number}: header must be {_COLUMNS}")
            header_seen = True
            continue
        key, kind = _parse_row(path, number, line)
        if key in table:
            raise DataError(f"{path}:{number}: duplicate abbreviation {key!r}")
        table[key] = kind
    return table


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, str]:
    """The packaged abbreviation table (loaded once)."""
    return load_abbreviations(_data_path(ABBREVIATIONS_FILE))


def _dotted_word_start(t: str, p: int) -> int:
    """Start of the run of word chars and dots that ends at `p`."""
    j = p
    while j > 0 and (is_word_char(t[j - 1]) or t[j - 1] == "."):
        j -= 1
    while j < p and t[j] == ".":
        j += 1
    return j


def _abbreviation_stop(t: str, p: int, sent_start: int) -> bool | None:
    """Decision for the full stop at `p` from the word before it; None: no rule."""
    j = _dotted_word_start(t, p)
    key = t[j:p]
    letters = key.lstrip("0123456789")
    after_number = letters != key or bool(_NUMBER_END_RE.search(t[sent_start:j]))
    kind = abbreviations().get(letters)
    if kind == "era":
        return after_number
    if kind == "suffix":
        return True
    if kind is not None:
        return False
    if key and not letters and _ENUMERATOR_RE.fullmatch(key) and not t[sent_start:j].strip():
        return False
    last = letters.rsplit(".", 1)[-1]
    if len(last) == 1 and last.isalpha():
        return False
    return None


def _dot_ends(t: str, p: int, sent_start: int) -> bool:
    """Whether the single full stop at `p` ends a sentence."""
    before = t[p - 1] if p > 0 else ""
    after = t[p + 1] if p + 1 < len(t) else ""
    if before and after and is_word_char(before) and is_word_char(after):
        left = t[_dotted_word_start(t, p):p]
        right = re.match(r"\w*", t[p + 1:])
        return bool(_ARABIC_WORD_RE.fullmatch(left) and right
                    and _ARABIC_WORD_RE.fullmatch(right.group()))
    decided = _abbreviation_stop(t, p, sent_start)
    return True if decided is None else decided


def _run_ends(t: str, m: re.Match[str], sent_start: int) -> bool:
    """Whether the terminator run `m` ends a sentence."""
    run, after = m.group(), t[m.end():m.end() + 1]
    if set(run) == {"."}:
        return len(run) == 1 and _dot_ends(t, m.start(), sent_start)
    if run[-1] in "?!" and after and (after.isascii() and after.isalnum() or after in _URL_CHARS):
        return False
    return True


def _boundary(t: str, end: int) -> int | None:
    """Where a sentence ending at `end` stops (closers kept); None if it goes on."""
    while end < len(t) and t[end] in _CLOSERS:
        end += 1
    rest = t[end:end + 3].lstrip(" ")
    if rest and rest[0] in _CONTINUERS:
        return None
    return end


def _segments(t: str) -> list[tuple[int, int]]:
    """Sentence segments of normalized text `t`, untrimmed."""
    segments: list[tuple[int, int]] = []
    start = 0
    for m in _TERM_RE.finditer(t):
        if m.start() < start:
            continue
        if m.group() == "\n":
            segments.append((start, m.start()))
            start = m.end()
        elif _run_ends(t, m, start):
            end = _boundary(t, m.end())
            if end is not None:
                segments.append((start, end))
                start = end
    segments.append((start, len(t)))
    return segments


def _trim_raw(raw: str, start: int, end: int) -> int:
    """`end` moved left over trailing whitespace and bidi/zero-width marks."""
    while end > start and (raw[end - 1].isspace() or unicodedata.category(raw[end - 1]) == "Cf"):
        end -= 1
    return end


def split_sentences(raw: str, *, normalized: Normalized | None = None) -> list[tuple[int, int]]:
    """Raw (start, end) of each sentence of `raw`, trimmed, none empty.

    Pass `normalized` (= normalize(raw)) to reuse a normalization already made.
    """
    n = normalized if normalized is not None else normalize(raw)
    t = n.text
    spans: list[tuple[int, int]] = []
    for a, b in _segments(t):
        while a < b and t[a] in " \n":
            a += 1
        while b > a and t[b - 1] in " \n":
            b -= 1
        if a == b or not any(map(is_word_char, t[a:b])):
            continue
        s, e = n.to_raw(a, b)
        spans.append((s, _trim_raw(raw, s, e)))
    return spans

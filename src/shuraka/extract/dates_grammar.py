"""The regexes of the date tagger, built from the vocabulary and compiled once.

They run over NORMALIZED text (shuraka.text.normalize: ASCII digits, one alef, ي for ى,
ه for ة, no diacritics or tatweel, "-" for every dash); the tagger maps spans back to
raw offsets. Each pattern names its span `t`; context it needs but does not cover (the
preposition before a bare year) lies outside `t`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from shuraka.extract.dates_lexicon import LB, LB_AL, OWS, RB, WS, alternation, words
from shuraka.text.normalize import norm

# a number starts here: not inside a number or word; a proclitic و/ف/ب/ل may precede
LBN = r"(?:(?<![\w.,/-])|(?<=(?<![\w.,/-])[وفبل]))"
RBN = r"(?![0-9])(?![.,][0-9])"


def _w(*words: str) -> str:
    """Literal words (normalized), bounded."""
    alt = "|".join(WS.join(map(re.escape, norm(w).split())) for w in words)
    return f"{LB}(?:{alt}){RB}"


def _lx(kind: str, bounded: bool = True) -> str:
    return alternation(kind, bounded)


def _day(name: str, lead: str = LBN) -> str:
    return rf"(?:(?:{LB_AL}ال|{lead})(?P<{name}>[0-9]{{1,2}}){RBN}|(?P<{name}o>{_lx('ordinal')}))"


def _month(name: str, kind: str = "month") -> str:
    month = _lx(kind)
    alt = rf"(?:{OWS}[/\\-]{OWS}(?P<{name}b>{month})|{OWS}\({OWS}(?P<{name}c>{month}){OWS}\))"
    return rf"(?P<{name}>{month}){alt}?"


def _year_tail() -> str:
    """After a month: a year, `من العام الماضي`, or a modifier (الماضي)."""
    year = (rf"{WS}(?:{_w('من')}{WS})?(?:{_lx('yearword')}{OWS})?(?P<y>[0-9]{{4}}){RBN}"
            rf"(?:{OWS}(?P<era>{_lx('era_ad', False)}|{_lx('era_ah', False)}))?")
    rel_year = rf"{WS}{_w('من')}{WS}{_lx('yearword')}{WS}(?P<ymod>{_lx('modifier')})"
    return rf"(?:{year}|{rel_year}|{WS}(?P<mmod>{_lx('modifier')}))?"


def _range_sep(words: tuple[str, ...] = ("إلى", "حتى", "لغاية")) -> str:
    return rf"(?:{OWS}-{OWS}|{OWS}و{OWS}|{WS}{_w(*words)}{WS})"


def _yom() -> str:
    return _w("يوم", "يومي", "نهار")


def _tod() -> str:
    return rf"(?:(?P<tod>{_lx('tod')}){WS})?"


def _dmy() -> str:
    wd_prefix = (rf"(?:(?:{_yom()}{WS})?(?P<wd>{_lx('weekday')})(?:{OWS}[،,])?"
                 rf"(?:{OWS}{_w('الموافق')})?{OWS}(?P<paren>\({OWS})?)?")
    return (rf"(?P<t>{wd_prefix}(?:{_yom()}{WS})?{_day('d1')}"
            rf"(?:{_range_sep()}{_day('d2', '')})?"
            rf"(?:{WS}{_w('من')})?{WS}{_month('m')}{_year_tail()}(?(paren){OWS}\)))")


def _month_expr() -> str:
    return (rf"(?P<t>(?:(?P<per>{_lx('period')}){WS})?(?:(?P<shahr>{_w('شهر', 'شهري')}){WS})?"
            rf"{_month('m')}{_year_tail()})")


def _hijri() -> str:
    year = (rf"(?:{OWS}[،,]?{OWS}(?:{_w('من')}{WS})?(?:{_lx('yearword')}{OWS})?"
            rf"(?P<y>[0-9]{{4}}){RBN}(?:{OWS}(?P<era>{_lx('era_ah', False)}))?)")
    return (rf"(?P<t>(?:{_day('d1')}(?:{WS}{_w('من')})?{WS})?(?:(?P<shahr>{_w('شهر')}){WS})?"
            rf"(?P<hm>{_lx('hmonth')}){year}?)")


def _hijri_year() -> str:
    return (rf"(?P<t>(?:{_lx('yearword')}{OWS}|{LBN})(?P<y>[0-9]{{4}}){OWS}"
            rf"(?P<era>{_lx('era_ah', False)}))")


def _year_word() -> str:
    return (rf"(?P<t>(?:(?P<per>{_lx('period')}){WS})?{_lx('yearword')}{OWS}(?P<y>[0-9]{{4}}){RBN}"
            rf"(?:{OWS}(?P<era>{_lx('era_ad', False)}))?)")


def _year_era() -> str:
    return (rf"(?P<t>(?:(?P<per>{_lx('period')}){WS})?{LBN}(?P<y>[0-9]{{4}}){OWS}"
            rf"(?P<era>{_lx('era_ad', False)}))")


def _year_period() -> str:
    return rf"(?P<t>(?P<per>{_lx('period')}){WS}(?P<y>[0-9]{{4}}){RBN})"


def _year_bare() -> str:
    """A year after a preposition (في 2012), or after a year and و/، (في 2012 و2014)."""
    after_year = "|".join(rf"(?<=[0-9]{{4}}{sep})" for sep in ("و", " و", "، ", ", "))
    return rf"(?:{_lx('prep')}{WS}|{after_year})(?P<t>(?P<y>[0-9]{{4}}){RBN})"


def _year_range() -> str:
    dual = rf"{_lx('yeardual')}{OWS}(?P<y>[0-9]{{4}}){OWS}(?:و|-){OWS}"
    dash = rf"(?:{_lx('yearword')}{OWS}|{LBN})(?P<ya>[0-9]{{4}}){OWS}[-/]{OWS}"
    return rf"(?P<t>(?:{dual}|{dash})(?P<y2>[0-9]{{4}}){RBN})"


def _numeric() -> str:
    return (rf"(?P<t>{LBN}(?P<a>[0-9]{{1,4}}){OWS}(?P<s>[-/.]){OWS}(?P<b>[0-9]{{1,2}}){OWS}"
            rf"(?P=s){OWS}(?P<c>[0-9]{{1,4}}){RBN}"
            rf"(?:{OWS}(?P<era>{_lx('era_ad', False)}|(?P<ah>{_lx('era_ah', False)})))?)")


def _relday() -> str:
    wd = _lx("weekday")
    tail = (rf"(?:{WS}(?:{_yom()}{WS})?(?P<wd>{wd})|{OWS}\({OWS}(?P<wdp>{wd}){OWS}\)"
            rf"|{OWS}[،,]{OWS}(?P<wdc>{wd}))?")
    ghad = rf"{_w('يوم')}{WS}(?:{_w('بعد')}{WS})?{_w('غد', 'الغد')}"
    rel = rf"(?:(?:{_yom()}{WS})?(?P<rel>{_lx('relday')})|(?P<ghad>{ghad}))"
    return rf"(?P<t>{_tod()}{rel}{tail})"


def _weekday() -> str:
    wd = _lx("weekday")
    return (rf"(?P<t>{_tod()}(?:{_yom()}{WS})?(?P<wd>{wd})"
            rf"(?:{_range_sep(('إلى', 'حتى'))}(?:{_yom()}{WS})?(?P<wd2>{wd}))?"
            rf"(?:{WS}(?P<mod>{_lx('modifier')}))?)")


def _relunit() -> str:
    return (rf"(?P<t>(?:(?P<per>{_lx('period')}){WS})?(?:(?P<this>{_lx('this')}){WS})?"
            rf"(?P<unit>{_lx('unit')})(?:{WS}(?P<mod>{_lx('modifier')}))?)")


def _relcount() -> str:
    number = rf"(?:(?P<n>(?:{LBN})[0-9]{{1,3}}){RBN}|(?P<nw>{_lx('numword')}))"
    return (rf"(?P<t>(?P<dir>{_w('قبل', 'بعد')}){WS}(?:{number}{WS})?"
            rf"(?P<cu>{_lx('cunit')})(?!{OWS}[0-9]))")


def _vague() -> str:
    return rf"(?P<t>{_lx('vague')})"


_GUARD = (r"(?:(?<!\w)|(?<=(?<!\w)[وفبلك])|(?<=(?<!\w)[وف][بكل])|(?<=[0-9]و)|(?<=ال))")
_UNGUARDED = ("numeric", "year_era", "year_period", "relcount")  # measured: no gain

# name -> pattern builder; on equal length, earlier names win
_PATTERNS = (
    ("numeric", _numeric), ("dmy", _dmy), ("hijri", _hijri), ("hijri_year", _hijri_year),
    ("month", _month_expr), ("year_range", _year_range), ("year_word", _year_word),
    ("year_era", _year_era), ("year_period", _year_period), ("year_bare", _year_bare),
    ("relday", _relday), ("weekday", _weekday), ("relunit", _relunit),
    ("relcount", _relcount), ("vague", _vague),
)


@lru_cache(maxsize=1)
def patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The compiled date patterns, in priority order. Each starts with a cheap guard (a
    match begins at a word start, after a proclitic, or inside ال24 / 2012و2014) so the
    engine leaves mid-word positions at once."""
    return tuple((name, re.compile(("" if name in _UNGUARDED else _GUARD) + build()))
                 for name, build in _PATTERNS)


@lru_cache(maxsize=1)
def context() -> dict[str, re.Pattern[str]]:
    """Context checks around a candidate (before: anchored at the end of the text
    before it; after: anchored at the start of the text after it)."""
    ordinal_or_block = rf"(?:{_lx('ordinal')}|{_lx('today_block_after')})"
    return {
        "today_after": re.compile(rf"{WS}{ordinal_or_block}"),
        "today_before": re.compile(rf"{_lx('today_block_before')}{WS}$"),
        "year_before": re.compile(rf"{_lx('year_block_before')}{WS}$"),
        "prep_before": re.compile(rf"{_lx('prep')}{WS}$"),
        "count_after": re.compile(rf"{WS}{_lx('count_noun')}"),
        "event_after": re.compile(rf"{WS}{_w('من', 'على', 'علي')}"),
        "connector": re.compile(rf"{OWS}(?:-|و|{_w('إلى', 'حتى', 'لغاية')}){OWS}"),
    }


# --- where to look ---------------------------------------------------------------------
# Every pattern holds a digit or a word of its trigger kind, and reaches at most so many
# characters before and after it: each pattern runs only in those windows around its
# triggers, which keeps the tagger fast (most of an article is never scanned).
_REACH = {  # pattern: (trigger kind, chars before, chars after)
    "numeric": ("digit", 6, 24), "dmy": ("month", 70, 50), "hijri": ("hmonth", 45, 30),
    "hijri_year": ("year4", 16, 14), "month": ("month", 25, 35), "year_range": ("year4", 16, 24),
    "year_word": ("year4", 25, 16), "year_era": ("year4", 14, 16),
    "year_period": ("year4", 14, 8), "year_bare": ("year4", 14, 8),
    "relday": ("relday", 25, 30), "weekday": ("weekday", 25, 45), "relunit": ("unit", 22, 16),
    "relcount": ("cunit", 22, 4), "vague": ("vague", 14, 12),
}
_TOKEN = re.compile(r"\w+")
_WORD_END = re.compile(r"\w*")
_CLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "فب", "ول", "فل", "وك")
_DIGIT_KINDS = frozenset({"digit"})
_YEAR_KINDS = frozenset({"digit", "year4"})  # a token holding four digits in a row
_FOUR_DIGITS = re.compile(r"[0-9]{4}")
_COMMON = frozenset(norm(w) for w in ("في", "من", "قبل", "بعد", "وقت", "الأول", "الأخيرة"))


def _trigger_word(key: str, singles: set[str]) -> str | None:
    """The word of a lexeme that triggers it: None when one of its words is a lexeme of
    its own (أمس of أول من أمس), else its longest uncommon word."""
    parts = key.split()
    if len(parts) > 1 and any(p in singles for p in parts):
        return None
    return max(parts, key=lambda p: (p not in _COMMON, len(p)))


@lru_cache(maxsize=1)
def _triggers() -> dict[str, frozenset[str]]:
    """word (with any proclitic) -> its trigger kinds."""
    base: dict[str, set[str]] = {}
    for kind in {k for k, _, _ in _REACH.values()} - _YEAR_KINDS:
        keys = list(words(kind)) + (["غد", "الغد"] if kind == "relday" else [])
        singles = {k for k in keys if " " not in k}
        for key in keys:
            word = _trigger_word(key, singles)
            if word:
                base.setdefault(word, set()).add(kind)
    found: dict[str, frozenset[str]] = {}
    for word, kinds in base.items():
        forms = [c + word for c in _CLITICS]
        if word.startswith("ال"):  # ل + ال → لل
            forms += [c + "ل" + word[1:] for c in ("", "و", "ف")]
        for form in forms:
            found[form] = found.get(form, frozenset()) | kinds
    return found


def _trigger_spans(text: str) -> dict[str, list[tuple[int, int]]]:
    triggers = _triggers()
    out: dict[str, list[tuple[int, int]]] = {}
    for m in _TOKEN.finditer(text):
        token = m.group()
        if token[-1].isdigit() or token[0].isdigit():
            kinds = _YEAR_KINDS if _FOUR_DIGITS.search(token) else _DIGIT_KINDS
        else:
            kinds = triggers.get(token)
        for kind in kinds or ():
            out.setdefault(kind, []).append(m.span())
    return out


def _windows(text: str, spans: list[tuple[int, int]], before: int, after: int,
             ) -> list[tuple[int, int]]:
    """Merged windows around trigger spans, ending on word ends (a lookahead cannot see
    past the end of a window)."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        start = max(0, s - before)
        end = _WORD_END.match(text, min(len(text), e + after)).end()
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def scan(text: str) -> list[tuple[int, str, re.Match[str]]]:
    """(priority, pattern name, match) of every pattern in its windows of `text`."""
    spans = _trigger_spans(text)
    found = []
    for rank, (name, pattern) in enumerate(patterns()):
        kind, before, after = _REACH[name]
        for start, end in _windows(text, spans.get(kind, []), before, after):
            found.extend((rank, name, m) for m in pattern.finditer(text, start, end))
    return found

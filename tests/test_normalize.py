"""Normalization rules, the raw-offset map (property tests) and tokens."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shuraka.errors import SpanError
from shuraka.text.normalize import Normalized, norm, normalize, normalize_slow
from shuraka.text.tokens import tokenize

ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىةٱ"
MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655\u0670\u06d6\u06ed\u0610"
DIGITS = "٠١٢٣٤٥٦٧٨٩۰۴۵0123456789٫٬٪"
LATIN = "aZqÉßİ"
QUOTES = "“”„«»‹›″＂‘’‚′–—−‒\"'.,،؟!؛-"
INVISIBLE = "\u0640\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202e\u2066\u2069\u061c\ufeff\u00ad"
PRESENTATION = "\ufefb\ufef5\ufdf2\ufdfa\ufe70\ufc5e\ufe8d\ufee0\ufb8e\ufbfc\ufb01\uff21\uff02\ufc60"
SPACES = " \n\t\r\u00a0\u2003\u3000\u2028\x0b"
PERSIAN = "کیۀہگچپڤ"
ALPHABET = ARABIC + MARKS + DIGITS + LATIN + QUOTES + INVISIBLE + PRESENTATION + SPACES + PERSIAN

mixed = st.text(alphabet=st.sampled_from(ALPHABET), max_size=60)
anything = st.text(max_size=40)


@pytest.mark.parametrize(
    "raw, text",
    [
        ("أَحْمَدُ", "احمد"),
        ("إسطنبول آسيا ٱلله", "اسطنبول اسيا الله"),
        ("مصطفى الجزيرة", "مصطفي الجزيره"),
        ("مؤتمر رئيس ماء", "مؤتمر رئيس ماء"),
        ("الـنـاتـو", "الناتو"),
        ("٢٠٢٤ و۱۴۰۳", "2024 و1403"),
        ("٣٫٥٪ و١٬٠٠٠", "3.5% و1,000"),
        ("کرمان یزد گیلان", "كرمان يزد گيلان"),
        ("ڤيينا پاكستان", "فيينا باكستان"),
        ("«الحلف» “NATO” ‘x’", '"الحلف" "nato" \'x\''),
        ("2020–2024 — −3", "2020-2024 - -3"),
        ("a\u200fb\u202bc\u2066d\u061ce\ufeff\u00adf", "abcdef"),
        ("ﻻ ﷲ", "لا الله"),
        ("أ\u00a0\u2003ب", "ا ب"),
        ("أ \n\t ب", "ا\nب"),
        ("أ\r\nب", "ا\nب"),
        ("Straße ÉTÉ", "strasse été"),
        ("و\u0654 ي\u0654", "ؤ ئ"),
        (" بداية ", " بدايه "),
    ],
)
def test_rules(raw: str, text: str) -> None:
    assert normalize(raw).text == text
    assert norm(raw) == text


def test_ligature_maps_both_chars_to_one_raw_char() -> None:
    n = normalize("ب\ufefbد")
    assert n.text == "بلاد"
    assert n.starts == (0, 1, 1, 2)
    assert n.ends == (1, 2, 2, 3)


def test_dropped_marks_belong_to_the_char_before() -> None:
    n = normalize("\u200fبَـدْ  \u200e\nر")
    assert n.text == "بد\nر"
    assert n.starts == (1, 4, 6, 10)
    assert n.ends == (4, 6, 10, 11)
    assert n.to_raw(0, 2) == (1, 6)


def test_to_raw_rejects_empty_or_bad_spans() -> None:
    n = normalize("عراق")
    for s, e in ((1, 1), (2, 1), (-1, 2), (0, 5)):
        with pytest.raises(SpanError):
            n.to_raw(s, e)


def test_to_text_inverts_to_raw() -> None:
    n = normalize("قَالَ  الرئيس")
    s, e = n.to_raw(4, 10)
    assert n.to_text(s, e) == (4, 10)


def _widen(n: Normalized, s: int, e: int) -> tuple[int, int]:
    """Widen [s, e) to whole raw chars (an expansion shares one raw start)."""
    while s > 0 and n.starts[s - 1] == n.starts[s]:
        s -= 1
    while e < len(n.text) and n.starts[e] == n.starts[e - 1]:
        e += 1
    return s, e


def _check_offsets(raw: str) -> Normalized:
    n = normalize(raw)
    assert len(n.starts) == len(n.ends) == len(n.text)
    assert list(n.starts) == sorted(n.starts)
    assert list(n.ends) == sorted(n.ends)
    assert all(0 <= s < e <= len(raw) for s, e in zip(n.starts, n.ends, strict=True))
    return n


@settings(max_examples=400)
@given(mixed)
def test_offsets_are_monotone_and_in_range(raw: str) -> None:
    _check_offsets(raw)


@settings(max_examples=400)
@given(mixed)
def test_fast_path_equals_reference(raw: str) -> None:
    assert normalize(raw) == normalize_slow(raw)


@given(anything)
def test_fast_path_equals_reference_any_unicode(raw: str) -> None:
    assert normalize(raw) == normalize_slow(raw)
    _check_offsets(raw)


@settings(max_examples=400)
@given(mixed)
def test_idempotent(raw: str) -> None:
    assert norm(norm(raw)) == norm(raw)


@settings(max_examples=600)
@given(st.data())
def test_raw_slice_normalizes_back(data: st.DataObject) -> None:
    raw = data.draw(mixed)
    n = normalize(raw)
    if not n.text:
        return
    s = data.draw(st.integers(0, len(n.text) - 1))
    e = data.draw(st.integers(s + 1, len(n.text)))
    a, b = n.to_raw(s, e)
    ws, we = _widen(n, s, e)
    assert norm(raw[a:b]) == n.text[ws:we]


def test_tokens() -> None:
    n = normalize("قال د. أحمد: ٣٫٥٪ من G7 و«الناتو» 1.400")
    got = [(t.text, t.kind) for t in tokenize(n)]
    assert got == [
        ("قال", "word"), ("د", "word"), (".", "punct"), ("احمد", "word"), (":", "punct"),
        ("3.5", "number"), ("%", "punct"), ("من", "word"), ("g", "word"), ("7", "number"),
        ("و", "word"), ('"', "punct"), ("الناتو", "word"), ('"', "punct"), ("1.400", "number"),
    ]


@given(mixed)
def test_tokens_cover_every_non_space_char(raw: str) -> None:
    n = normalize(raw)
    tokens = tokenize(n)
    covered = "".join(t.text for t in tokens)
    assert covered == "".join(n.text.split())
    assert all(n.text[t.start:t.end] == t.text for t in tokens)

"""Sentence splitting: a table of cases, raw-offset properties, the data file."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shuraka.errors import DataError
from shuraka.text.sentences import abbreviations, load_abbreviations, split_sentences

SEEDS = Path("/work/shared/seeds")


def sentences(raw: str) -> list[str]:
    return [raw[a:b] for a, b in split_sentences(raw)]


@pytest.mark.parametrize(
    "raw, expected",
    [
        # plain terminators
        ("وصل الوفد. بدأت المحادثات؟ نعم! انتهت", ["وصل الوفد.", "بدأت المحادثات؟", "نعم!", "انتهت"]),
        ("اتفق الطرفان؛ ثم افترقا", ["اتفق الطرفان؛", "ثم افترقا"]),
        ("هل يعقل هذا؟! لا", ["هل يعقل هذا؟!", "لا"]),
        # decimals and numbers
        ("نما الاقتصاد 3.5 بالمئة. ثم تباطأ", ["نما الاقتصاد 3.5 بالمئة.", "ثم تباطأ"]),
        ("بلغت النسبة ٣٫٥ بالمئة. وتراجعت", ["بلغت النسبة ٣٫٥ بالمئة.", "وتراجعت"]),
        ("نشر 1.400 جندي في المنطقة.", ["نشر 1.400 جندي في المنطقة."]),
        ("وقع الاتفاق عام 2020. وبعد ذلك", ["وقع الاتفاق عام 2020.", "وبعد ذلك"]),
        # initials and abbreviations
        ("قال د. سامي إن الخطة جاهزة.", ["قال د. سامي إن الخطة جاهزة."]),
        ("كتب أ. د. منى مقالا. ثم نشرته", ["كتب أ. د. منى مقالا.", "ثم نشرته"]),
        ("زار ج. بوش المنطقة", ["زار ج. بوش المنطقة"]),
        ("التقى J. Smith مع Mr. Brown في U.S. أمس. ثم عاد", ["التقى J. Smith مع Mr. Brown في U.S. أمس.", "ثم عاد"]),
        ("صمم م. خالد الجسر. ثم رحل", ["صمم م. خالد الجسر.", "ثم رحل"]),
        ("تأسست المدينة عام 1200 م. وازدهرت", ["تأسست المدينة عام 1200 م.", "وازدهرت"]),
        ("وذلك في عام 1445هـ. ثم", ["وذلك في عام 1445هـ.", "ثم"]),
        ("بنيت في القرن الخامس ق.م. ثم هدمت", ["بنيت في القرن الخامس ق.م.", "ثم هدمت"]),
        ("نقلت (أ.ف.ب) الخبر. وأكدته", ["نقلت (أ.ف.ب) الخبر.", "وأكدته"]),
        ("الموقع nato.int ينشر البيان. ثم", ["الموقع nato.int ينشر البيان.", "ثم"]),
        # quotes and brackets
        ('قال: "انتهى الأمر." ثم غادر', ['قال: "انتهى الأمر."', "ثم غادر"]),
        ("قال: «انتهى الأمر.» ثم غادر", ["قال: «انتهى الأمر.»", "ثم غادر"]),
        ("قال “انتهى الأمر.” ثم غادر", ["قال “انتهى الأمر.”", "ثم غادر"]),
        ("(وهو أمر جديد.) ثم", ["(وهو أمر جديد.)", "ثم"]),
        ("«هل ستنضم؟»، سأل الصحفي. لا", ["«هل ستنضم؟»، سأل الصحفي.", "لا"]),
        # line breaks, lists, ellipsis, missing space
        ("عنوان الخبر\nنص الخبر\n\n  فقرة ثانية  ", ["عنوان الخبر", "نص الخبر", "فقرة ثانية"]),
        ("1. البند الأول\n2. البند الثاني", ["1. البند الأول", "2. البند الثاني"]),
        ("انتظر... ثم تكلم", ["انتظر... ثم تكلم"]),
        ("قال الوزير.وأضاف أن", ["قال الوزير.", "وأضاف أن"]),
        ("\u200fقال الوزير.\u200f\n", ["قال الوزير."]),
        ("  \n . \n", []),
    ],
)
def test_split_table(raw: str, expected: list[str]) -> None:
    assert sentences(raw) == expected


ALPHABET = "ابتدرسعلمنهوي" + "  \n" + ".؟!؛?" + "0123456789٫" + "\"«»()" + "\u200f\u064e\u0640"


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(ALPHABET), max_size=80))
def test_spans_are_ordered_trimmed_and_nonempty(raw: str) -> None:
    spans = split_sentences(raw)
    previous = 0
    for a, b in spans:
        assert previous <= a < b <= len(raw)
        assert not raw[a].isspace() and not raw[b - 1].isspace()
        previous = b


def test_seed_articles_split_cleanly() -> None:
    if not SEEDS.is_dir():
        pytest.skip("seed articles not available")
    for path in sorted(SEEDS.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        spans = split_sentences(raw)
        assert len(spans) >= 5
        for a, b in spans:
            assert raw[a:b] == raw[a:b].strip()
            assert "\n" not in raw[a:b]


def test_abbreviations_file_loads() -> None:
    table = abbreviations()
    assert table["د"] == "title"
    assert table["ق.م"] == "suffix"
    assert table["u.s"] == "plain"


@pytest.mark.parametrize(
    "body, message",
    [
        ("abbr\tkind\tlang\tnote\nد.\tfoo\tar\t\n", "kind"),
        ("abbr\tkind\tlang\tnote\nد\ttitle\tar\t\n", "must end"),
        ("abbr\tkind\tlang\tnote\nد.\ttitle\tar\t\nد.\tplain\tar\t\n", "duplicate"),
        ("abbr\tkind\n", "header"),
    ],
)
def test_abbreviations_validation(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "abbreviations.tsv"
    path.write_text("# source: test\n" + body, encoding="utf-8")
    with pytest.raises(DataError, match=message):
        load_abbreviations(path)

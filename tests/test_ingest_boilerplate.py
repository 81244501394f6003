"""Boilerplate lines are dropped whole; article sentences are never cut."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shuraka.ingest.boilerplate import MAX_LINE, boilerplate_id, patterns, remove_boilerplate

DROPPED = [
    ("اقرأ أيضاً: وزراء الدفاع يناقشون خطط الردع", "read-also"),
    ("اقرأ ايضا: تقرير عن الطاقة", "read-also"),
    ("- اقرأ كذلك - زيارة مرتقبة", "read-also"),
    ("شاهد أيضا: لقطات من المناورات", "see-also"),
    ("شارك", "share"),
    ("شارك الخبر عبر: فيسبوك | تويتر | واتساب", "share"),
    ("تابعونا على فيسبوك وتويتر", "follow"),
    ("اشترك في النشرة البريدية", "subscribe"),
    ("اشترك الآن", "subscribe"),
    ("انضم إلى قناتنا على تلغرام", "join-channel"),
    ("اترك تعليقاً", "leave-comment"),
    ("أضف تعليقك", "leave-comment"),
    ("تم إضافة تعليقك بنجاح!", "comment-added"),
    ("التعليقات (3)", "comment-heading"),
    ("الاسم *", "form-label"),
    ("البريد الإلكتروني *", "form-label"),
    ("احفظ اسمي، بريدي الإلكتروني، والموقع الإلكتروني في هذا المتصفح.", "form-notice"),
    ("اعلان", "ad"),
    ("-- إعلان --", "ad"),
    ("المصدر: وكالات", "source"),
    ("المصدر:\xa0وكالات", "source"),
    ("الوسوم: الحلف، الأمن، الشراكة", "tags"),
    ("© 2023 موقع الأخبار. جميع الحقوق محفوظة.", "copyright"),
    ("(صورة أرشيفية)", "archive-photo"),
]

KEPT = [
    "ورفض المتحدث التعليق على تقارير عن الاشتراك في مناورات بحرية.",
    "واشترك في التدريبات الأخيرة جنود من عشر دول.",
    "اشترك في الاجتماع وزراء الدفاع",
    "وقال إن الإعلان عن الشراكة سيتم الأسبوع المقبل.",
    "وشارك في القمة قادة الدول الأعضاء والشركاء.",
    "المصدر: إن الوزير سيصل غدا. وأضاف أن الزيارة ستستمر يومين.",
    "الناتو واليابان",
    "وتابع المتحدث: لا تعليق لدينا على هذه التقارير.",
]


@pytest.mark.parametrize(("line", "pattern"), DROPPED)
def test_boilerplate_lines_are_recognised(line: str, pattern: str) -> None:
    assert boilerplate_id(line) == pattern


@pytest.mark.parametrize("line", KEPT)
def test_article_sentences_are_kept(line: str) -> None:
    assert boilerplate_id(line) is None


def test_remove_boilerplate_drops_whole_lines() -> None:
    text = "سطر أول من الخبر.\nاقرأ أيضا: خبر آخر\nورفض التعليق على الاشتراك.\nإعلان\nسطر أخير."
    assert remove_boilerplate(text) == "سطر أول من الخبر.\nورفض التعليق على الاشتراك.\nسطر أخير."


def test_patterns_load_once_with_notes() -> None:
    assert patterns() is patterns()
    assert len(patterns()) >= 20


@given(st.text(alphabet="اقرأ أيضا: شارك إعلان التعليق", min_size=MAX_LINE + 1, max_size=MAX_LINE + 40))
def test_long_lines_are_never_dropped(line: str) -> None:
    if len(" ".join(line.split())) > MAX_LINE:
        assert boilerplate_id(line) is None

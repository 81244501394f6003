"""Knowledge-base anchors: meeting references and the story anchor, on small Arabic
texts the project wrote."""

from __future__ import annotations

from datetime import date

from shuraka.extract.anchors import (
    Meeting,
    catalog,
    find_references,
    meeting_day,
    resolve,
    story_anchor,
    today_weekdays,
)
from shuraka.extract.entities import recognize
from shuraka.text.normalize import norm


def anchor_of(text: str, published: str | None = None):
    return story_anchor(recognize(text, published=published), published)


def test_catalog_loads():
    cat = catalog()
    assert cat.by_id("vilnius-2023").start == date(2023, 7, 11)
    assert [m.id for m in cat.at("vilnius")] == ["vilnius-2023"]


def test_meeting_value_has_the_precision_of_its_span():
    one_day = Meeting("x", "summit", ("brussels",), "BEL", date(2021, 6, 14), date(2021, 6, 14))
    two_days = Meeting("y", "summit", ("madrid",), "ESP", date(2022, 6, 28), date(2022, 6, 30))
    assert (one_day.value(), two_days.value()) == ("2021-06-14", "2022-06")


def test_today_weekdays():
    assert today_weekdays(norm("قال اليوم الثلاثاء إن ... وكان أمس الجمعة قد")) == [1, 5]


def test_named_summit_dates_an_undated_article():
    a = anchor_of("التقى الرئيس الفرنسي اليوم الأربعاء نظيره الأمريكي على هامش قمة مدريد.")
    assert (a.date, a.meeting_id, a.place, a.story_date) == ("2022-06-29", "madrid-2022", "madrid", "2022-06-29")


def test_summit_without_today_is_anchored_at_its_end():
    a = anchor_of("شارك رئيس الوزراء الياباني في قمة فيلنيوس، وبحث مع القادة دعم أوكرانيا.")
    assert (a.date, a.meeting_id, a.story_date) == ("2023-07-12", "vilnius-2023", "2023-07")


def test_generic_summit_with_its_city_later_in_the_sentence():
    a = anchor_of("وقال المسؤول خلال قمة الناتو المنعقدة في فيلنيوس إن الحلف موحد.")
    assert a.meeting_id == "vilnius-2023"


def test_contradicting_dateline_loses():
    text = "بروكسل - 10 مارس 2021\n\nقال الأمين العام خلال قمة ويلز أمس الخميس إن الحلف سيدعم شركاءه."
    a = anchor_of(text, "2021-03-10")  # a Wednesday: "yesterday Thursday" fits the summit, not it
    assert (a.meeting_id, a.date, a.story_date) == ("wales-2014", "2014-09-05", "2014-09-05")


def test_dateline_holds_when_the_summit_is_background():
    text = "بروكسل - 12 مارس 2021\n\nرحب الوزراء بنتائج قمة ويلز، وقالوا إن التعاون مستمر."
    a = anchor_of(text, "2021-03-12")
    assert (a.date, a.meeting_id, a.story_date) == ("2021-03-12", None, None)


def test_dateline_holds_when_today_is_its_own_weekday():
    text = "افتتح الحلف اليوم الثلاثاء مكتبا، وكان القادة قد قرروا ذلك خلال قمة واشنطن في يوليو 2024."
    a = anchor_of(text, "2025-09-16")
    assert (a.date, a.meeting_id) == ("2025-09-16", None)


def test_dateline_near_the_summit_is_the_anchor():
    a = anchor_of("على هامش قمة فيلنيوس، وقعت اليابان والحلف برنامجا جديدا.", "2023-07-12")
    assert (a.date, a.meeting_id) == ("2023-07-12", "vilnius-2023")


def test_future_summit_gives_the_year_only():
    a = anchor_of("يستعد الوزراء لقمة الحلف في يونيو المقبل في لاهاي.")
    assert (a.date, a.precision, a.meeting_id, a.story_date) == ("2025", "year", None, "2025")


def test_ministerial_needs_something_to_tell_the_year():
    assert anchor_of("اجتمع وزراء خارجية الناتو في بروكسل لبحث دعم أوكرانيا.") is None


def test_no_meeting_falls_back_to_the_dateline():
    a = anchor_of("التقى الوزير نظيره أمس.", "2024-02-01")
    assert (a.date, a.precision, a.meeting_id, a.story_date) == ("2024-02-01", "day", None, None)
    assert anchor_of("التقى الوزير نظيره أمس.") is None


def test_named_meeting_resolves_against_the_anchor():
    layer = recognize("في قمة واشنطن، اعتمد القادة خطة عمل.")
    ref = find_references(layer)[0]
    year_anchor = anchor_of("يستعد الوزراء لقمة الحلف في يونيو المقبل في لاهاي.")
    assert resolve(ref, year_anchor).id == "washington-2024"


def test_day_of_the_meeting():
    wales = catalog().by_id("wales-2014")
    text = norm("واجتمع الشركاء بالوزراء في اليوم الثاني للقمة.")
    assert meeting_day(text, 0, len(text), wales) == "2014-09-05"
    text = norm("وصدر البيان في اليوم الختامي من القمة.")
    assert meeting_day(text, 0, len(text), wales) == "2014-09-05"

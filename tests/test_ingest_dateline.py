"""Datelines at the head of an article, and metadata date strings."""

from __future__ import annotations

import pytest

from shuraka.ingest.dateline import (
    calendar,
    dateline_of_line,
    find_dateline,
    is_dateline_only,
    parse_date,
)

DATELINES = [
    ("24 - 04 - 2024", "2024-04-24"),
    ("24-04-2024", "2024-04-24"),
    ("2024/4/24", "2024-04-24"),
    ("15.05.2025", "2025-05-15"),
    ("٢٤ - ٠٤ - ٢٠٢٤", "2024-04-24"),
    ("۲۴/۴/۲۰۲۴", "2024-04-24"),
    ("بروكسل - 14 مايو 2025", "2025-05-14"),
    ("بروكسل – ١٤ مايو ٢٠٢٥ – أعلن الحلف", "2025-05-14"),
    ("عمان في 3 آذار/مارس 2024", "2024-03-03"),
    ("عمان في 3 آذار (مارس) 2024 (بترا) - استقبل الوزير", "2024-03-03"),
    ("دمشق - 12 تشرين الأول 2023", "2023-10-12"),
    ("بيروت 2 كانون الثاني 2024", "2024-01-02"),
    ("الجزائر - 5 جويلية 2024", "2024-07-05"),
    ("الرباط - 9 شتنبر 2024", "2024-09-09"),
    ("واشنطن (رويترز) - 9 يوليو 2024 - قال مسؤول", "2024-07-09"),
    ("الثلاثاء، 24 أبريل 2024 - 10:30 ص", "2024-04-24"),
    ("يوم الخميس 5 سبتمبر 2014", "2014-09-05"),
    ("نشر في: 24 إبريل 2024", "2024-04-24"),
    ("تاريخ النشر: 2024-04-24", "2024-04-24"),
    ("الرياض 12 رمضان 1445 هـ", "2024-03-22"),
    ("الرياض 1445/09/12 هـ الموافق 22/03/2024 م واس", "2024-03-22"),
    ("04/24/2024", "2024-04-24"),  # month first only when the day-first reading is impossible
]

NOT_DATELINES = [
    "وقع الجانبان في 3 آذار 2024 اتفاقية للتعاون",  # a date inside a sentence
    "في 3 آذار 2024 وقع الجانبان اتفاقية",
    "24 أبريل",  # no year: never invent one
    "مايو 2025",  # no day
    "32-13-2024",  # no such day
    "الحلف يعقد 32 اجتماعا في 2024",
    "كوريا الجنوبية والحلف يقيمان شراكة في 11 مجالا",
    "",
]


@pytest.mark.parametrize(("line", "expected"), DATELINES)
def test_datelines(line: str, expected: str) -> None:
    assert dateline_of_line(line) == expected


@pytest.mark.parametrize("line", NOT_DATELINES)
def test_not_datelines(line: str) -> None:
    assert dateline_of_line(line) is None


def test_dateline_only_line() -> None:
    assert is_dateline_only("24 - 04 - 2024")
    assert is_dateline_only("بروكسل - 14 مايو 2025")
    assert not is_dateline_only("بروكسل - 14 مايو 2025 - أعلن الحلف توسيع برامجه")


def test_find_dateline_in_head_lines_only() -> None:
    text = "عنوان الخبر\n\nبروكسل - 14 مايو 2025\nنص الخبر."
    found = find_dateline(text)
    assert found is not None and found.date == "2025-05-14"
    assert text[found.line_start:found.line_end] == "بروكسل - 14 مايو 2025"
    late = "سطر أول\nسطر ثان\nسطر ثالث\n24-04-2024"
    assert find_dateline(late) is None


@pytest.mark.parametrize(("value", "expected"), [
    ("2024-04-24", "2024-04-24"),
    ("2024-04-24T23:10:00+03:00", "2024-04-24"),  # the day as written, not shifted to UTC
    ("Wed, 24 Apr 2024 23:30:00 +0300", "2024-04-24"),
    ("24/04/2024", "2024-04-24"),
    ("٢٤ أبريل ٢٠٢٤", "2024-04-24"),
    ("2024-13-01", None),
    ("2024", None),
    ("قريبا", None),
])
def test_parse_date(value: str, expected: str | None) -> None:
    assert parse_date(value) == expected


def test_calendar_covers_every_month() -> None:
    cal = calendar()
    assert set(cal.gregorian.values()) == set(range(1, 13))
    assert set(cal.hijri.values()) == set(range(1, 13))
    assert set(cal.weekdays.values()) == set(range(7))


@pytest.mark.parametrize(
    "line", ["بروكسل - 2 نيسان 2014 (وكالات)", "الكويت في 23 يناير 2017 /كونا/ --"]
)
def test_a_dateline_with_an_agency_credit_is_no_title(line):
    from shuraka.ingest.dateline import is_dateline_only

    assert is_dateline_only(line)

"""Memberships and partnerships on small texts the project wrote."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from shuraka.extract.pipeline import extract
from shuraka.ingest import read_paths
from shuraka.model import Document

SHARED = Path(os.environ.get("SHURAKA_SHARED", Path(__file__).resolve().parents[2] / "shared"))


def run(text: str, published: str | None = None):
    return extract(Document("sha256:test", "test", None, published, text))


def ties(result) -> dict[tuple[str, str, str | None], object]:
    return {(p.party, p.partner, p.instrument): p for p in result.partnerships}


def members(result) -> set[tuple[str, str]]:
    return {(m.instrument, m.member) for m in result.memberships}


def test_enumeration_after_a_group():
    r = run("وتضم مبادرة إسطنبول للتعاون التي أطلقها الحلف أربع دول هي الكويت والبحرين وقطر والإمارات.")
    assert members(r) == {("ICI", "KWT"), ("ICI", "BHR"), ("ICI", "QAT"), ("ICI", "ARE")}


def test_group_named_in_an_earlier_sentence():
    r = run("وأعلن الحلف برنامج شركاء الفرص المعززة. وتضم هذه المجموعة الأردن وجورجيا وأستراليا.")
    assert members(r) == {("EOP", "JOR"), ("EOP", "GEO"), ("EOP", "AUS")}


def test_a_complete_enumeration_of_a_named_group():
    r = run("بحث الحلف التعاون مع الشركاء الأربعة في منطقة المحيطين الهندي والهادئ. "
            "وحضر الاجتماع وزراء من أستراليا ونيوزيلندا واليابان وكوريا الجنوبية.")
    assert {("IP4", c) for c in ("AUS", "NZL", "JPN", "KOR")} <= members(r)


def test_a_region_with_examples_is_no_membership():
    r = run("تزداد أهمية دول آسيا، مثل اليابان وأستراليا، في حسابات الأمن الأوروبي.")
    assert r.memberships == []


def test_programme_with_area_count_and_areas():
    r = run("وقع الناتو واليابان برنامج الشراكة المصمم خصيصا الذي يشمل 16 مجالا، "
            "منها الأمن السيبراني والفضاء ومكافحة التضليل.", "2023-07-12")
    p = ties(r)[("NATO", "JPN", "ITPP")]
    assert p.action == "established" and p.area_count == 16
    assert {"cyber_defence", "space", "hybrid_threats"} <= set(p.areas)


def test_instrument_brings_its_partner():
    r = run("قرر الحلف توسيع بعثة الناتو في العراق لتشمل بناء القدرات ومكافحة الإرهاب.")
    p = ties(r)[("NATO", "IRQ", "NMI")]
    assert p.action == "expanded" and {"capacity_building", "counter_terrorism"} <= set(p.areas)


def test_planned_liaison_office():
    r = run("وأعلن الحلف أنه سيفتح قريبا مكتب اتصال الناتو في عمان لتعزيز الحوار مع الأردن.")
    assert ties(r)[("NATO", "JOR", "NLO-JOR")].action == "planned"


def test_package_announced_then_its_recipients():
    r = run("أطلق حلف الناتو مبادرة بناء القدرات الدفاعية. ووافق الحلف على تقديم حزم منها إلى تونس وموريتانيا.")
    found = ties(r)
    for country in ("TUN", "MRT"):
        assert found[("NATO", country, "DCB")].areas == ["capacity_building"]


def test_partner_carried_by_this_partnership():
    r = run("جدد حلف الناتو شراكته مع العراق. وتشمل هذه الشراكة أمن الحدود والتدريب العسكري.")
    assert {"border_security", "education_training"} <= set(ties(r)[("NATO", "IRQ", None)].areas)


def test_group_stays_a_group():
    r = run("أطلق حلف الناتو مع شركائه الأربعة في منطقة المحيطين الهندي والهادئ مشاريع في الذكاء الاصطناعي.")
    assert ("NATO", "IP4", None) in ties(r)
    assert not [p for p in r.partnerships if p.partner in ("JPN", "KOR", "AUS", "NZL")]


def test_bilateral_tie_and_adversary_not_partner():
    r = run("جددت الولايات المتحدة التزامها بالردع النووي لحماية كوريا الجنوبية من استفزازات كوريا الشمالية.")
    found = ties(r)
    assert "deterrence" in found[("USA", "KOR", None)].areas
    assert not [p for p in r.partnerships if "PRK" in (p.party, p.partner)]


def test_partner_mission_to_nato():
    r = run("افتتحت كوريا الجنوبية بعثة دبلوماسية لدى حلف الناتو في بروكسل لتعزيز التعاون.")
    assert ("NATO", "KOR", None) in ties(r)


def test_suspended_partner_is_not_a_nato_partner_after_suspension():
    r = run("بحث الناتو توسيع التعاون مع روسيا في مكافحة الإرهاب.", "2020-05-01")
    assert not [p for p in r.partnerships if p.partner == "RUS"]


def _seed(name: str):
    path = SHARED / "seeds" / f"{name}.txt"
    if not path.exists():
        pytest.skip("../shared/seeds is not on this machine")
    return extract(next(read_paths([str(path)])))


def test_seed_000_partnership_is_dated_by_the_vilnius_anchor():
    found = ties(_seed("000"))
    assert found[("NATO", "KOR", "ITPP")].date == "2023-07-11"
    assert found[("NATO", "KOR", "ITPP")].area_count == 11
    assert found[("NATO", "KOR", "IPCP")].date == "2012"


def test_seed_002_summit_events_are_dated_2014_not_the_dateline():
    result = _seed("002")
    assert result.document.published == "2024-04-24"
    dated = [e.date for e in result.events if e.date]
    assert dated and all(d.startswith("2014") for d in dated)


def test_a_negated_action_is_not_taken():
    r = run("ولم توقع أوكرانيا وحلف الناتو أي اتفاقية شراكة جديدة خلال الاجتماع.")
    assert all(p.action != "established" for p in r.partnerships)


def test_a_country_named_as_one_of_a_group():
    r = run("ويعد الأردن عضوا في الحوار المتوسطي منذ عام 1995.")
    assert ("MD", "JOR") in members(r)


def test_a_country_joining_a_group():
    r = run("وكانت البحرين قد انضمت إلى مبادرة إسطنبول للتعاون في عام 2005 بعد الكويت.")
    assert ("ICI", "BHR") in members(r)
    assert ("NATO", "BHR", "ICI") in ties(r)


def test_a_status_granted_to_named_countries():
    r = run("ومنح حلف الناتو أستراليا وجورجيا صفة شركاء الفرص المعززة في قمة ويلز.")
    found = ties(r)
    assert ("NATO", "AUS", "EOP") in found and ("NATO", "GEO", "EOP") in found


def test_describing_a_group_grants_no_status():
    r = run("وتضم مبادرة إسطنبول للتعاون الكويت والبحرين وقطر والإمارات، وقد أطلقها الحلف في 2004.")
    assert not [p for p in r.partnerships if p.instrument == "ICI"]


def test_an_until_date_bounds_a_period_and_dates_nothing():
    r = run("وقعت إيرلندا والناتو برنامج الشراكة المصمم خصيصا الذي يمتد حتى عام 2028.", "2023-11-28")
    assert all(e.date != "2028" for e in r.events)
    assert all(p.date != "2028" for p in r.partnerships)

"""Structure checks of the partnership-system data files (organizations, instruments,
areas, meetings, instrument members)."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest

from shuraka.gazetteer.compile import _Builder
from shuraka.gazetteer.morphology import surface_key
from shuraka.gazetteer.sources import load_instruments, load_organizations
from shuraka.gazetteer.tsv import data_path, read_tsv, read_yaml, split_values
from shuraka.text.normalize import norm

PACKAGE = "shuraka.gazetteer"
CONTRACT = Path("/work/shared/CONTRACT.md")
ORG_CODES = frozenset(
    "NATO EU UN UNSC OSCE GCC LAS AU ASEAN SCO BRICS G7 G20 IAEA OIC CSTO ISIS".split()
)
INSTRUMENT_CODES = frozenset(
    "EAPC PII PFP IOP MD EOP ICI DCB PATG SPS IP4 BI ITPP PCM IPCP NMI IPAP NTMI ANP KFOR "
    "PARP RSM ISAF NUC NALT NLO-JOR ICI-RC NLO-GEO NLO-JPN NRU NHQSA".split()
)
AREAS = frozenset(
    "political_dialogue cyber_defence counter_terrorism non_proliferation emerging_technologies "
    "science_technology climate_security women_peace_security public_diplomacy maritime_security "
    "disaster_relief interoperability exercises education_training capacity_building "
    "border_security strategic_communications hybrid_threats space resilience defence_industry "
    "human_security information_sharing building_integrity crisis_management "
    "security_sector_reform energy_security cbrn_defence counter_ied operations ukraine_support "
    "deterrence".split()
)
PARTNERS = {
    "NMI": "IRQ", "NTMI": "IRQ", "NLO-JOR": "JOR", "ICI-RC": "KWT", "NLO-JPN": "JPN",
    "NLO-GEO": "GEO", "NRU": "UKR", "NUC": "UKR", "KFOR": "XKX", "NALT": "XKX",
    "NHQSA": "BIH", "RSM": "AFG", "ISAF": "AFG",
}
NAMED = ("id", "name_en", "name_ar", "variants", "contextual")
ISO3 = re.compile(r"^[A-Z]{3}$")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CODE = re.compile(r"^[A-Z][A-Z0-9]*(?:-[A-Z]+)?$")
DAY = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
PROCLITICS = ("و", "ف", "ب", "ك", "ل", "وب", "وك", "ول", "فب", "فك", "فل")
KINDS = {"summit", "leaders_meeting", "foreign_ministers", "defence_ministers"}


def _rows(name: str, columns: tuple[str, ...]) -> list[dict[str, str]]:
    return [row for _, row in read_tsv(data_path(PACKAGE, name), columns)]


def _named(name: str) -> list[dict[str, str]]:
    return _rows(name, NAMED)


def _surfaces(row: dict[str, str], contextual: bool = True) -> list[str]:
    values = [row["name_ar"], *split_values(row["variants"])]
    return values + (split_values(row["contextual"]) if contextual else [])


def _key(surface: str) -> str:
    """What the matcher indexes: normalized, article stripped from the first word."""
    return surface_key(surface)[0]


def _owners() -> dict[str, set[str]]:
    owners: dict[str, set[str]] = {}
    for name in ("organizations.tsv", "instruments.tsv"):
        for row in _named(name):
            for surface in _surfaces(row):
                owners.setdefault(_key(surface), set()).add(row["id"])
    return owners


def _day(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    assert isinstance(value, str) and DAY.match(value), f"bad date {value!r}"
    return value


def _valid_day(value: str) -> None:
    parts = [int(p) for p in value.split("-")]
    dt.date(parts[0], *(parts[1:] + [1] * (3 - len(parts))))


@pytest.mark.parametrize(
    "name", ["organizations.tsv", "instruments.tsv", "areas.tsv", "instrument_members.tsv"]
)
def test_tsv_files_start_with_sources(name: str) -> None:
    lines = data_path(PACKAGE, name).read_text(encoding="utf-8").splitlines()
    head = [line for line in lines[:30] if line.startswith("#")]
    assert lines[0].startswith("#") and any(line.startswith("# source:") for line in head)


def test_contract_organizations_present_exactly_once() -> None:
    counts = Counter(row["id"] for row in _named("organizations.tsv"))
    assert {c: counts[c] for c in ORG_CODES} == dict.fromkeys(ORG_CODES, 1)


def test_contract_instruments_present_exactly_once() -> None:
    counts = Counter(row["id"] for row in _named("instruments.tsv"))
    assert counts == Counter(dict.fromkeys(INSTRUMENT_CODES, 1))


def test_code_lists_match_the_contract() -> None:
    if not CONTRACT.exists():
        pytest.skip("shared contract not available")
    text = CONTRACT.read_text(encoding="utf-8")
    orgs = text.split("**Organizations:**", 1)[1].split("\n\n", 1)[0]
    instruments = text.split("NATO's partnership system", 1)[1].split("## ", 1)[0]
    areas = text.split("## Cooperation areas", 1)[1].split("## ", 1)[0]
    assert set(re.findall(r"`([A-Z][A-Z0-9]*)`", orgs)) == ORG_CODES
    assert set(re.findall(r"`([A-Z][A-Z0-9-]*)`", instruments)) == INSTRUMENT_CODES
    assert set(re.findall(r"^\| `([a-z_]+)`", areas, re.M)) == AREAS


def test_ids_unique_and_well_formed() -> None:
    ids = [row["id"] for n in ("organizations.tsv", "instruments.tsv") for row in _named(n)]
    assert [i for i, c in Counter(ids).items() if c > 1] == []
    bad = [i for i in ids if not (i in ORG_CODES | INSTRUMENT_CODES or SLUG.match(i))]
    assert bad == []
    assert all(CODE.match(i) or SLUG.match(i) for i in ids)


def test_rows_have_english_and_arabic_names() -> None:
    for name in ("organizations.tsv", "instruments.tsv"):
        for row in _named(name):
            assert row["name_en"] and re.search(r"[\u0600-\u06FF]", row["name_ar"]), row["id"]


def test_no_surface_shared_by_two_ids() -> None:
    shared = {k: ids for k, ids in _owners().items() if len(ids) > 1}
    assert shared == {}


def test_no_variant_that_only_differs_by_normalization() -> None:
    for name in ("organizations.tsv", "instruments.tsv"):
        for row in _named(name):
            forms = [norm(s).strip() for s in _surfaces(row)]
            dupes = [f for f, c in Counter(forms).items() if c > 1]
            assert dupes == [], (row["id"], dupes)


def _without_proclitic(form: str) -> list[str]:
    """The forms `form` would have without a leading و/ف/ب/ك/ل (لل = ل + ال)."""
    out = [form[len(p):] for p in PROCLITICS if form.startswith(p)]
    return out + ["ال" + form[len(p) + 1:] for p in ("لل", "ولل", "فلل") if form.startswith(p)]


def test_no_proclitic_forms() -> None:
    for name in ("organizations.tsv", "instruments.tsv"):
        for row in _named(name):
            forms = {norm(s).strip() for s in _surfaces(row)}
            bad = [f for f in forms if set(_without_proclitic(f)) & forms]
            assert bad == [], (row["id"], bad)


def test_wildcards_stand_for_inner_words() -> None:
    phrases = [s for n in ("organizations.tsv", "instruments.tsv") for r in _named(n) for s in _surfaces(r)]
    phrases += [p for row in _rows("areas.tsv", ("code", "phrasings")) for p in split_values(row["phrasings"])]
    for phrase in (p for p in phrases if "*" in p):
        words = phrase.split()
        assert "*" not in (words[0], words[-1]) and all(w == "*" or "*" not in w for w in words), phrase


def test_instrument_partners() -> None:
    partners = {row["id"]: row["partner"] for row in _rows("instruments.tsv", (*NAMED, "partner"))}
    assert {k: v for k, v in partners.items() if v} == PARTNERS


@pytest.mark.parametrize(
    ("surface", "owner"),
    [
        ("الناتو", "NATO"), ("حلف شمال الاطلسي", "NATO"), ("داعش", "ISIS"), ("مجلس الأمن", "UNSC"),
        ("الجامعة العربية", "LAS"), ("برنامج الشراكة المصمم على نحو فردي", "ITPP"),
        ("برنامج الشراكة الفردية للتعاون", "IPCP"), ("مبادرة اسطنبول للتعاون", "ICI"),
        ("إطار التكامل", "IOP"), ("مجلس مجلس الناتو", "NUC"), ("بعثة الناتو", "NMI"),
        ("مكتب استدعاء لحلف الناتو في عمان", "NLO-JOR"), ("دول المحيطين الهندي والهادئ الأربع", "IP4"),
        ("قوة كوسوفو", "KFOR"), ("NALT", "NALT"), ("معهد هدسون للأبحاث", "hudson-institute"),
    ],
)
def test_known_renderings(surface: str, owner: str) -> None:
    assert _owners().get(_key(surface)) == {owner}


@pytest.mark.parametrize("region", ["منطقة المحيطين الهندي والهادئ", "المحيطين الهندي والهادئ"])
def test_bare_region_is_not_the_ip4_group(region: str) -> None:
    assert _key(region) not in _owners()


def test_areas_cover_the_contract_once_each() -> None:
    rows = _rows("areas.tsv", ("code", "name_en", "phrasings"))
    assert sorted(row["code"] for row in rows) == sorted(AREAS)
    owner: dict[str, str] = {}
    for row in rows:
        phrasings = split_values(row["phrasings"])
        assert phrasings, row["code"]
        for phrase in phrasings:
            previous = owner.setdefault(norm(phrase), row["code"])
            assert previous == row["code"], (phrase, previous, row["code"])


def _meetings() -> dict:
    return read_yaml(data_path(PACKAGE, "meetings.yaml"))


def test_meetings_are_well_formed() -> None:
    data = _meetings()
    keys = {str(s).split(":", 1)[0] for s in data["sources"]}
    assert set(data["kinds"]) == KINDS
    meetings = data["meetings"]
    assert [i for i, c in Counter(m["id"] for m in meetings).items() if c > 1] == []
    for m in meetings:
        start, end = _day(m["start"]), _day(m["end"])
        _valid_day(start)
        _valid_day(end)
        assert start <= end and m["kind"] in KINDS and m["source"] in keys, m["id"]
        assert m.get("city") is None or SLUG.match(m["city"]), m["id"]
        assert m.get("country") is None or ISO3.match(m["country"]), m["id"]
        assert SLUG.match(m["id"]) and isinstance(m.get("certain", True), bool), m["id"]


@pytest.mark.parametrize(
    ("id_", "start", "end"),
    [
        ("wales-2014", "2014-09-04", "2014-09-05"), ("warsaw-2016", "2016-07-08", "2016-07-09"),
        ("brussels-2018", "2018-07-11", "2018-07-12"), ("madrid-2022", "2022-06-28", "2022-06-30"),
        ("vilnius-2023", "2023-07-11", "2023-07-12"), ("washington-2024", "2024-07-09", "2024-07-11"),
        ("the-hague-2025", "2025-06-24", "2025-06-25"), ("istanbul-2004", "2004-06-28", "2004-06-29"),
    ],
)
def test_summit_dates(id_: str, start: str, end: str) -> None:
    found = {m["id"]: m for m in _meetings()["meetings"]}[id_]
    assert (_day(found["start"]), _day(found["end"])) == (start, end)


def test_meeting_places_are_known() -> None:
    path = data_path(PACKAGE, "places.tsv")
    if not path.exists():
        pytest.skip("places.tsv not present")
    places = {row["id"] for _, row in read_tsv(path, ("id",))}
    used = {p for m in _meetings()["meetings"] for p in [m.get("city"), *(m.get("also") or [])] if p}
    assert used - places == set()


def _members() -> list[dict[str, str]]:
    return _rows("instrument_members.tsv", ("instrument", "member", "start", "end", "source"))


def test_members_are_well_formed() -> None:
    instruments = {row["id"] for row in _named("instruments.tsv")}
    for row in _members():
        assert row["instrument"] in instruments and ISO3.match(row["member"]), row
        for value in (row["start"], row["end"]):
            if value:
                assert DAY.match(value), row
                _valid_day(value)
        assert not (row["start"] and row["end"]) or row["start"] <= row["end"], row
        assert row["source"], row


def _current(instrument: str) -> set[str]:
    return {r["member"] for r in _members() if r["instrument"] == instrument and not r["end"]}


def test_membership_facts() -> None:
    assert _current("MD") == {"EGY", "ISR", "MRT", "MAR", "TUN", "JOR", "DZA"}
    assert _current("ICI") == {"KWT", "BHR", "QAT", "ARE"}
    assert _current("IP4") == {"AUS", "JPN", "KOR", "NZL"}
    assert _current("EOP") == {"AUS", "GEO", "JOR", "UKR"}
    assert {"FIN", "SWE"} & (_current("PFP") | _current("EAPC")) == set()
    assert len(_current("PFP")) == 18


def test_project_loader_accepts_the_files() -> None:
    builder = _Builder()
    load_organizations(builder)
    load_instruments(builder)
    assert ORG_CODES | INSTRUMENT_CODES <= {r.id for r in builder.records.values()}

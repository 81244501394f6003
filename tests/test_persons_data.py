"""Structure of the packaged people files: persons.yaml and titles.tsv."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from functools import cache
from importlib.resources import files
from typing import Any

import pytest
import yaml
from babel.core import get_global

from shuraka.gazetteer.morphology import surface_key
from shuraka.text.normalize import norm

DATA = files("shuraka.gazetteer") / "data"
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DAY = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
ARABIC = re.compile(r"[\u0621-\u064A]")
ARABIC_NAME = re.compile(r"^[\u0621-\u063A\u0641-\u064A\u067E\u0686\u06A4\u06A8\u06AF\- ]+$")
ORGANIZATIONS = set(
    "NATO EU UN UNSC OSCE GCC LAS AU ASEAN SCO BRICS G7 G20 IAEA OIC CSTO ISIS".split()
)
INSTRUMENTS = set(
    """EAPC PFP MD ICI PATG IP4 ITPP IPCP IPAP ANP PARP NUC NLO-JOR NLO-GEO NRU PII IOP EOP
    DCB SPS BI PCM NMI NTMI KFOR RSM ISAF NALT ICI-RC NLO-JPN NHQSA""".split()
)
PERSON_KEYS = {"id", "name_en", "names_ar", "short_ar", "offices"}
OFFICE_KEYS = {"title_en", "of", "start", "end"}
TITLE_KINDS = {
    "head_of_state",
    "head_of_government",
    "minister",
    "deputy",
    "diplomat",
    "military",
    "spokesperson",
    "organization_head",
    "other",
}
# Short forms that must never stand alone: common words or given names.
UNSAFE_SHORT = set(
    """يون لي كيم مون بارك شي وانغ محمد عبد الله عبدالله أحمد علي حسن حسين خان شريف
    سعيد الأسد غني رئيسي روحاني ظريف السوداني المالكي كوستا_ريكا""".split()
)


@cache
def persons_file() -> dict[str, Any]:
    return yaml.safe_load((DATA / "persons.yaml").read_text(encoding="utf-8"))


@cache
def persons() -> list[dict[str, Any]]:
    return persons_file()["persons"]


@cache
def iso3() -> frozenset[str]:
    """ISO 3166-1 alpha-3 codes known to CLDR (via babel), plus Kosovo's XKX."""
    aliases = get_global("territory_aliases")
    return frozenset(k for k in aliases if len(k) == 3 and k.isalpha() and k.isupper()) | {"XKX"}


def key(text: str) -> str:
    """The gazetteer's lookup key: normalized, spaces collapsed, article off the first word."""
    return surface_key(text)[0]


def parse_day(value: Any, upper: bool) -> date:
    """An ISO date of 1-3 parts; a partial date widens to its first or last day."""
    text = str(value)
    assert DAY.match(text), f"bad date {text!r}"
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        parts += [12, 31] if upper else [1, 1]
    if len(parts) == 2:
        parts.append(28 if upper else 1)
    return date(*parts)


def test_sources_listed() -> None:
    sources = persons_file()["sources"]
    assert sources and all(isinstance(s, str) and s.strip() for s in sources)


def test_person_keys_and_ids() -> None:
    seen: set[str] = set()
    for person in persons():
        assert set(person) <= PERSON_KEYS, person["id"]
        assert SLUG.match(person["id"]), person["id"]
        assert person["id"] not in seen, f"duplicate id {person['id']}"
        seen.add(person["id"])
        assert isinstance(person["name_en"], str) and person["name_en"].strip()
    assert len(seen) >= 400


def test_every_name_is_arabic() -> None:
    for person in persons():
        names = person["names_ar"]
        assert names, f"{person['id']} has no Arabic name"
        for name in [*names, *(person.get("short_ar") or [])]:
            assert isinstance(name, str) and ARABIC_NAME.match(name), (person["id"], name)
            assert ARABIC.search(name), (person["id"], name)
            assert name == " ".join(name.split()), (person["id"], name)


def test_no_variant_repeats_after_normalization() -> None:
    for person in persons():
        names = [" ".join(norm(n).split()) for n in person["names_ar"]]
        assert len(names) == len(set(names)), person["id"]
        shorts = [" ".join(norm(n).split()) for n in person.get("short_ar") or []]
        assert len(shorts) == len(set(shorts)), person["id"]


def test_no_arabic_name_shared_by_two_people() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for person in persons():
        for name in [*person["names_ar"], *(person.get("short_ar") or [])]:
            owners[key(name)].add(person["id"])
    shared = {k: sorted(v) for k, v in owners.items() if len(v) > 1}
    assert not shared


def test_short_forms_are_safe() -> None:
    unsafe = {key(w.replace("_", " ")) for w in UNSAFE_SHORT}
    for person in persons():
        for short in person.get("short_ar") or []:
            assert key(short) not in unsafe, (person["id"], short)
            assert len(key(short).replace(" ", "")) >= 3, (person["id"], short)


def valid_of(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    if value in ORGANIZATIONS or value in INSTRUMENTS or value in iso3():
        return True
    return bool(SLUG.match(value))


def test_offices() -> None:
    for person in persons():
        offices = person.get("offices")
        assert isinstance(offices, list), person["id"]
        for office in offices:
            where = (person["id"], office.get("title_en"))
            assert set(office) <= OFFICE_KEYS and "title_en" in office and "of" in office, where
            assert isinstance(office["title_en"], str) and office["title_en"].strip(), where
            assert valid_of(office["of"]), (where, office["of"])
            start = office.get("start")
            end = office.get("end")
            if start is not None:
                parse_day(start, upper=False)
            if end is not None:
                parse_day(end, upper=True)
            if start is not None and end is not None:
                assert parse_day(end, upper=True) >= parse_day(start, upper=False), where


def test_uppercase_of_is_a_known_code() -> None:
    for person in persons():
        for office in person["offices"]:
            value = office["of"]
            if value.upper() == value:
                assert value in ORGANIZATIONS | INSTRUMENTS | iso3(), (person["id"], value)


@pytest.mark.parametrize(
    ("pid", "surface"),
    [
        ("jens-stoltenberg", "ينس ستولتنبرغ"),
        ("jens-stoltenberg", "ستولتنبرج"),
        ("yoon-suk-yeol", "يون سيوك يول"),
        ("fumio-kishida", "كيشيدا"),
        ("richard-marles", "ريتشارد مارليس"),
        ("andrii-sybiha", "أندريه سيبا"),
        ("farah-dakhlallah", "دخل الله"),
        ("lee-jong-sup", "جونغ سوب"),
        ("kim-jong-un", "كيم جونغ أون"),
        ("lin-jian", "لين جيان"),
        ("kaja-kallas", "كايا كالاس"),
    ],
)
def test_known_spellings(pid: str, surface: str) -> None:
    by_id = {p["id"]: p for p in persons()}
    forms = {key(n) for n in [*by_id[pid]["names_ar"], *(by_id[pid].get("short_ar") or [])]}
    assert key(surface) in forms


@cache
def title_rows() -> list[list[str]]:
    text = (DATA / "titles.tsv").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    assert lines[0].split("\t") == ["ar", "title_en", "kind"]
    return [ln.split("\t") for ln in lines[1:]]


def test_titles_have_sources() -> None:
    text = (DATA / "titles.tsv").read_text(encoding="utf-8")
    assert any(ln.startswith("# source:") for ln in text.splitlines())


def test_title_rows() -> None:
    seen: set[str] = set()
    for row in title_rows():
        assert len(row) == 3, row
        ar, title_en, kind = row
        assert ARABIC_NAME.match(ar), row
        assert title_en.strip() and kind in TITLE_KINDS, row
        folded = " ".join(norm(ar).split())
        assert folded not in seen, f"duplicate title {ar}"
        seen.add(folded)


def test_titles_cover_feminine_forms() -> None:
    surfaces = {row[0] for row in title_rows()}
    for cue in (
        "وزيرة الخارجية",
        "وزيرة الدفاع",
        "الأمينة العامة",
        "المتحدثة باسم",
        "الناطقة باسم",
        "رئيسة الوزراء",
        "الممثلة العليا",
        "السفيرة",
    ):
        assert cue in surfaces, cue

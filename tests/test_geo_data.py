"""Structure of the packaged geography files: countries, metonyms, places, regions."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache
from importlib.resources import files
from pathlib import Path

import pytest

from shuraka.gazetteer.morphology import definite, inflect_nisba, surface_key
from shuraka.text.normalize import norm

DATA = files("shuraka.gazetteer") / "data"
ISO_TABLE = Path(__file__).resolve().parents[1] / "tools" / "iso3166.tsv"

HEADERS = {
    "countries_cldr.tsv": ["id", "name_en", "name_ar"],
    "countries.tsv": ["id", "name_en", "name_ar", "variants", "adjectives", "ambiguous"],
    "metonyms.tsv": ["surface", "country", "note"],
    "places.tsv": ["id", "name_en", "name_ar", "variants", "country", "kind", "actor", "ambiguous"],
    "regions.tsv": ["id", "name_en", "name_ar", "variants"],
}
ARABIC_COLUMNS = {"name_ar", "variants", "adjectives", "surface"}
FLAG_COLUMNS = {"ambiguous", "actor"}
PLACE_KINDS = {"capital", "city", "site", "base", "region"}
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ARABIC_TEXT = re.compile(r"^[\u0600-\u06FF0-9*\- ]+$")
PROCLITICS = "وبفكل"

# UN member states (193); ISR and PSE have no capital row on purpose (Jerusalem is listed
# without a country; Tel Aviv and Ramallah are cities with actor=1).
UN_MEMBERS = set(
    """AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH
    BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB CYP
    CZE PRK DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC
    GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT
    KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO
    MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL
    POL PRT QAT KOR ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM
    ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE
    GBR USA URY UZB VUT VEN VNM YEM ZMB ZWE""".split()
)
NO_CAPITAL_ROW = {"ISR", "PSE"}
MUST_HAVE = {"XKX", "PSE", "TWN", "ESH", "HKG", "VAT"}


def normalize(text: str) -> str:
    """The matcher's folding (shuraka.text.normalize.norm), spaces collapsed."""
    return " ".join(norm(text).split())


def key(text: str) -> str:
    """The gazetteer's lookup key: normalized, article off the first word."""
    return surface_key(text)[0]


def nisba_forms(masculine: str) -> list[str]:
    """Every form the loader derives from a masculine nisba (indefinite and definite)."""
    forms = inflect_nisba(masculine)
    return forms + [definite(f) for f in forms]


@cache
def read_tsv(name: str) -> tuple[list[str], list[tuple[int, list[str]]], list[str]]:
    """(header, [(line number, cells)], comment lines) of a packaged TSV file."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    comments = [ln for ln in lines if ln.startswith("#")]
    body = [(n, ln) for n, ln in enumerate(lines, start=1) if not ln.startswith("#")]
    header = body[0][1].split("\t")
    return header, [(n, ln.split("\t")) for n, ln in body[1:]], comments


def records(name: str) -> list[dict[str, str]]:
    """Rows of a file as dicts keyed by its header."""
    header, rows, _ = read_tsv(name)
    return [
        dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=False))
        for _, cells in rows
    ]


def values(cell: str) -> list[str]:
    """The values of a multi-valued cell."""
    return cell.split("|") if cell else []


def iso_alpha3() -> set[str]:
    """Alpha-3 codes of tools/iso3166.tsv (ISO 3166-1 plus XKX)."""
    lines = [
        ln for ln in ISO_TABLE.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")
    ]
    return {ln.split("\t")[1] for ln in lines[1:]}


def country_ids() -> set[str]:
    return {row["id"] for row in records("countries.tsv")}


def ambiguous_surfaces() -> set[str]:
    """Surfaces that ambiguous.tsv (the lead's file) resolves by context, if it exists."""
    if not (DATA / "ambiguous.tsv").is_file():
        return set()
    out: set[str] = set()
    for row in records("ambiguous.tsv"):
        forms = nisba_forms(row["surface"]) if row["kind"] == "adjective" else [row["surface"]]
        out |= {key(f) for f in forms}
    return out


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_file_shape(name: str) -> None:
    header, rows, comments = read_tsv(name)
    assert header == HEADERS[name]
    assert any(c.startswith("# source:") for c in comments), f"{name}: no '# source:' line"
    assert rows, f"{name}: no rows"
    for number, cells in rows:
        assert len(cells) == len(header), f"{name}:{number}: {len(cells)} cells"
        assert all(c == c.strip() for c in cells), f"{name}:{number}: stray spaces"


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_cell_contents(name: str) -> None:
    for row in records(name):
        for column, cell in row.items():
            if column in FLAG_COLUMNS:
                assert cell in {"", "1"}, f"{name}: {row} bad {column}"
            elif column in ARABIC_COLUMNS and name != "countries_cldr.tsv":
                for value in values(cell):
                    assert value and ARABIC_TEXT.match(value), f"{name}: {column} {value!r}"
                    assert value == " ".join(value.split()), f"{name}: spaces in {value!r}"


def test_cldr_base_covers_iso() -> None:
    rows = records("countries_cldr.tsv")
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids))
    assert set(ids) == iso_alpha3()
    assert len(ids) == 250
    assert all(row["name_en"] and row["name_ar"] for row in rows)


def test_countries_overlay_ids() -> None:
    ids = [row["id"] for row in records("countries.tsv")]
    assert len(ids) == len(set(ids)), "duplicate country id"
    assert set(ids) == {row["id"] for row in records("countries_cldr.tsv")}
    assert all(re.fullmatch(r"[A-Z]{3}", i) for i in ids)
    assert set(ids) <= iso_alpha3()
    assert len(UN_MEMBERS) == 193 and UN_MEMBERS | MUST_HAVE <= set(ids)


def test_countries_named_in_english_and_arabic() -> None:
    for row in records("countries.tsv"):
        assert row["name_en"], row["id"]
        assert row["name_ar"], row["id"]


def test_news_variants_present() -> None:
    by_id = {row["id"]: row for row in records("countries.tsv")}
    expect = {
        "USA": {"أمريكا", "أميركا", "الولايات المتحدة الأمريكية"},
        "GBR": {"بريطانيا"},
        "KOR": {"جمهورية كوريا"},
        "PRK": {"جمهورية كوريا الديمقراطية الشعبية"},
        "BLR": {"روسيا البيضاء"},
        "CZE": {"جمهورية التشيك", "تشيكيا"},
        "NZL": {"نيوزيلاندا"},
        "SYR": {"سورية"},
    }
    for cid, names in expect.items():
        row = by_id[cid]
        assert names <= {row["name_ar"], *values(row["variants"])}, cid
    assert "كوري جنوبي" in values(by_id["KOR"]["adjectives"])
    assert {"MLI", "TCD", "BEN"} <= {i for i, r in by_id.items() if r["ambiguous"] == "1"}
    assert by_id["OMN"]["ambiguous"] == ""


def test_places() -> None:
    rows = records("places.tsv")
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids)), "duplicate place id"
    countries = country_ids()
    capitals: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        assert SLUG.match(row["id"]), row["id"]
        assert row["kind"] in PLACE_KINDS, row
        assert not row["country"] or row["country"] in countries, row
        if row["kind"] == "capital":
            assert row["country"], row
            capitals[row["country"]].append(row["id"])
    assert all(len(v) == 1 for v in capitals.values()), "two capitals for one country"
    missing = (UN_MEMBERS | {"XKX", "TWN", "VAT"}) - NO_CAPITAL_ROW - set(capitals)
    assert not missing, f"no capital for {sorted(missing)}"


def test_place_kinds_documented() -> None:
    format_md = (DATA / "FORMAT.md").read_text(encoding="utf-8")
    places_line = next(ln for ln in format_md.splitlines() if ln.startswith("| `places.tsv`"))
    for kind in {row["kind"] for row in records("places.tsv")}:
        assert f"`{kind}`" in places_line, kind


def test_metonyms_and_regions() -> None:
    countries = country_ids()
    for row in records("metonyms.tsv"):
        assert row["country"] in countries, row
        assert row["note"], row
    ids = [row["id"] for row in records("regions.tsv")]
    assert len(ids) == len(set(ids)) and all(SLUG.match(i) for i in ids)


def surfaces_by_row() -> list[tuple[str, str, bool, list[str]]]:
    """(file, id, ambiguous, surfaces) for every row that names something; a country's
    surfaces include every form derived from its adjectives."""
    out = []
    for row in records("countries.tsv"):
        names = [row["name_ar"], *values(row["variants"])]
        names += [f for adj in values(row["adjectives"]) for f in nisba_forms(adj)]
        out.append(("countries", row["id"], row["ambiguous"] == "1", names))
    for row in records("places.tsv"):
        names = [row["name_ar"], *values(row["variants"])]
        out.append(("places", row["id"], row["ambiguous"] == "1", names))
    for row in records("regions.tsv"):
        out.append(("regions", row["id"], False, [row["name_ar"], *values(row["variants"])]))
    for row in records("metonyms.tsv"):
        out.append(("metonyms", row["country"], False, [row["surface"]]))
    return out


def test_no_variant_repeats_within_a_row() -> None:
    groups: list[tuple[str, list[str]]] = []
    for row in records("countries.tsv"):
        groups.append((row["id"], [row["name_ar"], *values(row["variants"])]))
        groups.append((row["id"] + " adjectives", values(row["adjectives"])))
    for file in ("places.tsv", "regions.tsv"):
        groups += [(r["id"], [r["name_ar"], *values(r["variants"])]) for r in records(file)]
    repeats = []
    for rid, names in groups:
        folded = [normalize(n) for n in names]
        repeats += [f"{rid}: {n}" for n in set(folded) if folded.count(n) > 1]
    assert not repeats, "variants equal after normalizing: " + "; ".join(sorted(repeats))


def test_no_surface_maps_to_two_ids() -> None:
    owners: dict[str, set[tuple[str, str]]] = defaultdict(set)
    ambiguous: set[str] = set(ambiguous_surfaces())
    for file, rid, is_ambiguous, names in surfaces_by_row():
        owner = ("country", rid) if file in {"countries", "metonyms"} else (file, rid)
        for name in names:
            owners[key(name)].add(owner)
            if is_ambiguous:
                ambiguous.add(key(name))
    clashes = {s: o for s, o in owners.items() if len(o) > 1 and s not in ambiguous}
    assert not clashes, clashes


def test_no_proclitic_forms() -> None:
    known = {normalize(n) for *_, names in surfaces_by_row() for n in names}
    for surface in sorted(known):
        if surface[0] in PROCLITICS and surface[1:] in known:
            pytest.fail(f"{surface!r} is a proclitic form of {surface[1:]!r}")
        if surface.startswith("لل") and "ا" + surface[1:] in known:
            pytest.fail(f"{surface!r} is a proclitic form of {'ا' + surface[1:]!r}")

"""One loader per packaged data file; each validates its rows and feeds the builder."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from shuraka.errors import DataError
from shuraka.gazetteer.tsv import data_path, read_tsv, read_yaml, split_values

if TYPE_CHECKING:
    from shuraka.gazetteer.compile import _Builder

PACKAGE = "shuraka.gazetteer"
ISO3 = re.compile(r"^[A-Z]{3}$")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CODE = re.compile(r"^[A-Z][A-Z0-9]*(?:-[A-Z]+)?$")
DAY = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def _record(**kwargs: Any):  # noqa: ANN202 - avoids an import cycle at module level
    from shuraka.gazetteer.compile import Record

    return Record(**kwargs)


def _check(pattern: re.Pattern[str], value: str, where: str, what: str) -> str:
    if not pattern.match(value):
        raise DataError(f"{where}: {what} {value!r} is not well formed")
    return value


def load_countries(b: _Builder) -> None:
    base = data_path(PACKAGE, "countries_cldr.tsv")
    names: dict[str, tuple[str, str]] = {}
    for line, row in read_tsv(base, ("id", "name_en", "name_ar")):
        names[_check(ISO3, row["id"], f"{base}:{line}", "id")] = (row["name_en"], row["name_ar"])
    path = data_path(PACKAGE, "countries.tsv")
    curated = {}
    for line, row in read_tsv(path, ("id", "name_en", "name_ar", "variants", "adjectives")):
        curated[_check(ISO3, row["id"], f"{path}:{line}", "id")] = row
    for id_, (name_en, name_ar) in names.items():
        row = curated.pop(id_, {})
        _add_country(b, id_, row.get("name_en") or name_en, row.get("name_ar") or name_ar, row)
    for id_, row in curated.items():
        _add_country(b, id_, row["name_en"], row["name_ar"], row)


def _add_country(b: _Builder, id_: str, name_en: str, name_ar: str, row: dict[str, str]) -> None:
    flags = frozenset({"ambiguous"} if row.get("ambiguous") == "1" else ())
    rec = b.add_record(_record(id=id_, type="country", name_en=name_en, name_ar=name_ar, flags=flags), id_)
    for surface in [name_ar, *split_values(row.get("variants", ""))]:
        b.add_surface(rec, surface, "name")
    for adjective in split_values(row.get("adjectives", "")):
        b.add_adjective(rec, adjective)


def load_metonyms(b: _Builder) -> None:
    path = data_path(PACKAGE, "metonyms.tsv")
    for line, row in read_tsv(path, ("surface", "country")):
        rec = b.records.get(row["country"])
        if rec is None or rec.type != "country":
            raise DataError(f"{path}:{line}: unknown country {row['country']!r}")
        b.add_surface(rec, row["surface"], "metonym")


def load_places(b: _Builder) -> None:
    path = data_path(PACKAGE, "places.tsv")
    for line, row in read_tsv(path, ("id", "name_en", "name_ar", "variants", "country", "kind")):
        where = f"{path}:{line}"
        flags = {f for f in ("actor", "ambiguous") if row.get(f) == "1"} | {row["kind"]}
        rec = b.add_record(
            _record(
                id=_check(SLUG, row["id"], where, "id"), type="place", name_en=row["name_en"],
                name_ar=row["name_ar"], country=row["country"] or None, flags=frozenset(flags),
            ),
            where,
        )
        for surface in [row["name_ar"], *split_values(row["variants"])]:
            b.add_surface(rec, surface, "name")


def load_regions(b: _Builder) -> None:
    path = data_path(PACKAGE, "regions.tsv")
    for line, row in read_tsv(path, ("id", "name_en", "name_ar", "variants")):
        rec = b.add_record(
            _record(id="region:" + row["id"], type="region", name_en=row["name_en"], name_ar=row["name_ar"]),
            f"{path}:{line}",
        )
        for surface in [row["name_ar"], *split_values(row["variants"])]:
            b.add_surface(rec, surface, "name")


def _load_named(b: _Builder, name: str, type_: str, partner_column: str | None) -> None:
    path = data_path(PACKAGE, name)
    for line, row in read_tsv(path, ("id", "name_en", "name_ar", "variants", "contextual")):
        where = f"{path}:{line}"
        if not (CODE.match(row["id"]) or SLUG.match(row["id"])):
            raise DataError(f"{where}: id {row['id']!r} is neither a code nor a slug")
        partner = row.get(partner_column, "") if partner_column else ""
        rec = b.add_record(
            _record(id=row["id"], type=type_, name_en=row["name_en"], name_ar=row["name_ar"],
                    country=partner or None),
            where,
        )
        for surface in [row["name_ar"], *split_values(row["variants"])]:
            b.add_surface(rec, surface, "name")
        for surface in split_values(row["contextual"]):
            b.add_surface(rec, surface, "contextual")


def load_organizations(b: _Builder) -> None:
    _load_named(b, "organizations.tsv", "organization", None)


def load_instruments(b: _Builder) -> None:
    _load_named(b, "instruments.tsv", "instrument", "partner")


def load_persons(b: _Builder) -> None:
    from shuraka.gazetteer.compile import Office

    path = data_path(PACKAGE, "persons.yaml")
    data = read_yaml(path) or {}
    for number, person in enumerate(data.get("persons") or [], 1):
        where = f"{path}: person #{number}"
        if not isinstance(person, dict) or not person.get("id") or not person.get("names_ar"):
            raise DataError(f"{where}: needs id and names_ar")
        offices = tuple(
            Office(str(o["title_en"]), o.get("of"), _day(o.get("start"), where), _day(o.get("end"), where))
            for o in person.get("offices") or []
        )
        names = [str(n) for n in person["names_ar"]]
        rec = b.add_record(
            _record(id=_check(SLUG, str(person["id"]), where, "id"), type="person",
                    name_en=person.get("name_en"), name_ar=names[0], offices=offices),
            where,
        )
        for surface in names:
            b.add_surface(rec, surface, "name")
        for surface in person.get("short_ar") or []:
            b.add_surface(rec, str(surface), "short")


def _day(value: Any, where: str) -> str | None:
    if value is None or value == "":
        return None
    return _check(DAY, str(value), where, "date")


def load_titles(b: _Builder) -> None:
    path = data_path(PACKAGE, "titles.tsv")
    for line, row in read_tsv(path, ("ar", "title_en", "kind")):
        rec = _record(id=f"title:{line}", type="title", name_en=row["title_en"], name_ar=row["ar"],
                      extra={"kind": row["kind"]})
        b.add_surface(rec, row["ar"], "title", "any")


def load_ambiguity(b: _Builder) -> dict[str, tuple[str, ...]]:
    """Surfaces shared by several records, with the preferred reading first."""
    from shuraka.gazetteer.morphology import definite, inflect_nisba, surface_key

    path = data_path(PACKAGE, "ambiguous.tsv")
    table: dict[str, tuple[str, ...]] = {}
    for line, row in read_tsv(path, ("surface", "ids", "kind")):
        ids = tuple(split_values(row["ids"]))
        recs = [b.records.get(i) for i in ids]
        if any(r is None for r in recs):
            raise DataError(f"{path}:{line}: unknown id among {ids}")
        forms = [row["surface"]]
        if row["kind"] == "adjective":
            forms = [f for m in inflect_nisba(row["surface"]) for f in (m, definite(m))]
        for form in forms:
            for rec in recs:
                b.add_surface(rec, form, row["kind"])
            table[surface_key(form)[0]] = ids
    return table


LOADERS = (
    load_countries, load_metonyms, load_places, load_regions,
    load_organizations, load_instruments, load_persons, load_titles,
)

"""The store's data files (`data/*.tsv`), validated on load and cached."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from shuraka.errors import DataError

INSTRUMENT_KINDS = ("framework", "programme", "mission")


def _rows(name: str, columns: tuple[str, ...]) -> list[tuple[int, list[str]]]:
    path = resources.files("shuraka.store").joinpath("data", name)
    lines = path.read_text(encoding="utf-8").splitlines()
    body = [(n, line) for n, line in enumerate(lines, 1) if line.strip() and not line.startswith("#")]
    if not body or tuple(body[0][1].split("\t")) != columns:
        raise DataError(f"{name}: the header must be the columns {columns}")
    out = []
    for number, line in body[1:]:
        cells = line.split("\t")
        if len(cells) != len(columns) or not all(cells):
            raise DataError(f"{name}:{number}: expected {len(columns)} non-empty cells")
        out.append((number, cells))
    return out


@lru_cache(maxsize=1)
def instrument_kinds() -> dict[str, str]:
    """Instrument id -> framework | programme | mission."""
    kinds = {}
    for number, (instrument, kind) in _rows("instrument_kinds.tsv", ("id", "kind")):
        if kind not in INSTRUMENT_KINDS:
            raise DataError(f"instrument_kinds.tsv:{number}: kind {kind!r} not in {INSTRUMENT_KINDS}")
        kinds[instrument] = kind
    return kinds


@lru_cache(maxsize=1)
def plover_quads() -> dict[str, int]:
    """PLOVER event type -> quad category (1-4)."""
    quads = {}
    for number, (type_, quad) in _rows("plover_quad.tsv", ("type", "quad")):
        if quad not in ("1", "2", "3", "4"):
            raise DataError(f"plover_quad.tsv:{number}: quad must be 1-4, not {quad!r}")
        quads[type_] = int(quad)
    return quads

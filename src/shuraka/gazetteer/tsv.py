"""Reading the packaged TSV and YAML files, with validation that names file and line."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from shuraka.errors import DataError


def data_path(package: str, name: str) -> Path:
    """The path of a packaged data file (inside the installed package)."""
    return Path(str(resources.files(package).joinpath("data", name)))


def read_tsv(path: Path, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a TSV file as dicts, with their line numbers; `#` lines are comments."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"{path}: cannot read ({exc})") from exc
    header: list[str] | None = None
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            missing = [c for c in required if c not in header]
            if missing:
                raise DataError(f"{path}:{number}: header lacks columns {missing}")
            continue
        if len(cells) > len(header):
            raise DataError(f"{path}:{number}: {len(cells)} cells for {len(header)} columns")
        cells += [""] * (len(header) - len(cells))
        row = dict(zip(header, cells, strict=True))
        for column in required[:1]:
            if not row[column]:
                raise DataError(f"{path}:{number}: empty {column!r}")
        yield number, row


def split_values(cell: str) -> list[str]:
    """The values of a multi-valued cell (`a|b|c`)."""
    return [v.strip() for v in cell.split("|") if v.strip()]


def read_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"{path}: cannot load ({exc})") from exc

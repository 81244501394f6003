"""Gold annotation files (the format of ../shared/gold)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from shuraka.errors import GoldError

REQUIRED = ("entities", "roles", "partnerships", "memberships", "events")


def load_gold(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldError(f"{path}: cannot read gold file ({exc})") from exc
    if not isinstance(data, dict) or any(k not in data for k in REQUIRED):
        raise GoldError(f"{path}: a gold file needs the keys {', '.join(REQUIRED)}")
    data.setdefault("doc", path.stem)
    return data


def load_gold_dir(directory: Path) -> dict[str, dict[str, Any]]:
    """Gold files by document name (the file's stem, e.g. `000`)."""
    if not directory.is_dir():
        raise GoldError(f"{directory}: not a directory of gold files")
    files = sorted(directory.glob("*.json"))
    if not files:
        raise GoldError(f"{directory}: holds no .json gold files")
    return {f.stem: load_gold(f) for f in files}

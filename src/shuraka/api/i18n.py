"""UI strings in Arabic and English (web/data/strings.tsv), and the page language."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

from shuraka.errors import DataError

LANGS = ("ar", "en")
DEFAULT_LANG = "ar"
DIRECTION = {"ar": "rtl", "en": "ltr"}


def _rows(text: str, name: str) -> list[tuple[int, list[str]]]:
    """Non-comment lines of a TSV file after its header, with line numbers."""
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1)
             if line.strip() and not line.startswith("#")]
    if not lines or lines[0][1].split("\t") != ["key", "ar", "en"]:
        raise DataError(f"{name}: the header must be key, ar, en")
    return [(n, line.split("\t")) for n, line in lines[1:]]


@lru_cache(maxsize=1)
def strings() -> dict[str, dict[str, str]]:
    """Every UI string by key, then by language; validated once per process."""
    name = "shuraka/web/data/strings.tsv"
    text = files("shuraka.web").joinpath("data/strings.tsv").read_text(encoding="utf-8")
    table: dict[str, dict[str, str]] = {}
    for line, cells in _rows(text, name):
        if len(cells) != 3 or not all(cell.strip() for cell in cells):
            raise DataError(f"{name}:{line}: a row needs a key, an Arabic and an English string")
        key, ar, en = cells
        if key in table:
            raise DataError(f"{name}:{line}: duplicate key {key!r}")
        table[key] = {"ar": ar, "en": en}
    return table


class Translator:
    """Looks strings up in one language; an unknown key shows itself (never fails a page)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in LANGS else DEFAULT_LANG
        self.dir = DIRECTION[self.lang]
        self.other = "en" if self.lang == "ar" else "ar"
        self.arrow = "←" if self.dir == "rtl" else "→"  # from actor to recipient

    def __call__(self, key: str) -> str:
        entry = strings().get(key)
        return entry[self.lang] if entry else key

    def label(self, section: str, code: str | None) -> str:
        """The label of a code (an area, an event type...), or the code itself."""
        if not code:
            return ""
        entry = strings().get(f"{section}.{code}")
        return entry[self.lang] if entry else code

    def name(self, item: dict | None) -> str:
        """An entity's display name in this language, falling back to the other one."""
        if not item:
            return ""
        first, second = ("name_ar", "name_en") if self.lang == "ar" else ("name_en", "name_ar")
        return item.get(first) or item.get(second) or item.get("id") or ""

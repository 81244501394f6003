"""Arabic morphology for gazetteer surfaces: the article, and nisba adjective inflection.

Surfaces are taken as written (before normalization) so that the article is told from a
name that merely starts with أل/إل (ألمانيا، ألبانيا، إلهام): only a plain ال is the
article. Normalization would fold both to ال.
"""

from __future__ import annotations

from shuraka.text.normalize import norm

ARTICLE = "ال"
# endings of a masculine singular nisba's inflected forms, as written
NISBA_SUFFIXES = ("", "ة", "ون", "ين", "ان", "تان", "تين", "ات")


def surface_key(surface: str) -> tuple[str, bool]:
    """The matcher's key for a surface as written (normalized, spaces collapsed, the
    article stripped from the first word), and whether there was an article."""
    written = " ".join(surface.split())
    first = written.split(" ", 1)[0] if written else ""
    text = " ".join(norm(written).split())
    if first.startswith(ARTICLE) and len(norm(first)) > len(ARTICLE) + 1:
        return text[len(ARTICLE):], True
    return text, False


def inflect_nisba(masculine: str) -> list[str]:
    """Every inflected form of a (possibly compound) nisba adjective, indefinite, as
    written: `ياباني` gives ياباني، يابانية، يابانيون...; `كوري جنوبي` inflects both words
    in agreement (كورية جنوبية، كوريون جنوبيون...)."""
    words = masculine.split()
    return [" ".join(w + suffix for w in words) for suffix in NISBA_SUFFIXES]


def definite(phrase: str) -> str:
    """The phrase with the article on every word (الكوري الجنوبي)."""
    return " ".join(ARTICLE + w for w in phrase.split())

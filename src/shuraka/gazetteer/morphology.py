"""Arabic morphology for gazetteer surfaces: the article, and nisba adjective inflection."""

from __future__ import annotations

ARTICLE = "ال"
# masculine singular ending -> the endings of its inflected forms (normalized: ة is ه)
NISBA_SUFFIXES = ("", "ه", "ون", "ين", "ان", "تان", "تين", "ات")


def split_article(key: str) -> tuple[str, bool]:
    """Strip the definite article from the first word of a normalized surface."""
    first, _, rest = key.partition(" ")
    if first.startswith(ARTICLE) and len(first) > len(ARTICLE) + 1:
        return key[len(ARTICLE):], True
    return key, False


def inflect_nisba(masculine: str) -> list[str]:
    """Every inflected form of a (possibly compound) nisba adjective, indefinite.

    `ياباني` gives ياباني، يابانيه، يابانيون، يابانيين...; `كوري جنوبي` inflects both
    words in agreement (كوريه جنوبيه، كوريون جنوبيون...).
    """
    words = masculine.split()
    return [" ".join(w + suffix for w in words) for suffix in NISBA_SUFFIXES]


def definite(phrase: str) -> str:
    """The phrase with the article on every word (الكوري الجنوبي)."""
    return " ".join(w if w.startswith(ARTICLE) else ARTICLE + w for w in phrase.split())

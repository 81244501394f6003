"""Arabic proclitics in front of names (و ف ب ك ل and the article ال), and word chars.

All strings here are normalized text (`shuraka.text.normalize`). The article is part of
a name (العراق); conjunctions and prepositions are not (و، ب، ل...). A name whose
first word has the article is stored without it (`article=True`); the article may
then be written ال, or merged with the preposition ل as لل (للعراق).
"""

from __future__ import annotations

import unicodedata
from itertools import product

# (first, second, article-forms) of a proclitic chain: conjunction, preposition, article
CONJUNCTIONS = ("", "و", "ف")
PREPOSITIONS = ("", "ب", "ك", "ل")
ARTICLE = "ال"
LAM_ARTICLE = "لل"  # ل + ال written together
MIN_STEM = 2


def _plain() -> frozenset[str]:
    """[وف]?[بكل]?: prefixes of names without the article."""
    return frozenset(c + p for c, p in product(CONJUNCTIONS, PREPOSITIONS))


def _with_article() -> frozenset[str]:
    """[وف]?[بك]?ال and [وف]?لل: prefixes of names stored without their article."""
    forms = {c + p + ARTICLE for c, p in product(CONJUNCTIONS, ("", "ب", "ك"))}
    return frozenset(forms | {c + LAM_ARTICLE for c in CONJUNCTIONS})


PROCLITICS: dict[bool, frozenset[str]] = {False: _plain(), True: _with_article()}
"""Legal prefixes by `article`: False -> "", و ف ب ك ل وب ول...; True -> ال وال بال لل..."""

# ل + ال + a stem starting with ل is written with two lams: لل + لاذقيه -> للاذقيه
_SHARED_LAM = frozenset(c + "ل" for c in CONJUNCTIONS)


def prefix_ok(prefix: str, *, article: bool, core: str = "") -> bool:
    """Whether `prefix` may stand before a name's core in the same word.

    `core` (optional) is the name's core; when it starts with ل an article entry also
    takes the two-lam spelling, whose prefix then looks like a bare ل (للاذقيه).
    """
    if prefix in PROCLITICS[article]:
        return True
    return article and core.startswith("ل") and prefix in _SHARED_LAM


def split_proclitics(word: str) -> list[tuple[str, str, bool]]:
    """Every legal (prefix, stem, article) split of `word`, longest prefix first.

    The stem keeps at least 2 letters. `article` tells whether the prefix holds the
    article (the stem is then a name stored without it).
    """
    splits: list[tuple[str, str, bool]] = []
    for size in range(min(len(word) - MIN_STEM, 5), -1, -1):
        prefix, stem = word[:size], word[size:]
        for article in (True, False):
            if prefix_ok(prefix, article=article, core=stem):
                splits.append((prefix, stem, article))
    return splits


def is_word_char(c: str) -> bool:
    """A letter, digit or combining mark: what continues a word (normalized text)."""
    return c.isalnum() or (c >= "\u0300" and unicodedata.category(c) in ("Mn", "Mc"))

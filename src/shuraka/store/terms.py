"""Search terms of a sentence: its normalized words, each with its clitic-free stems.

The full-text index (SQLite FTS5, PostgreSQL tsvector) is built over these terms, so a
search for الناتو finds والناتو، للناتو and بالناتو, and a search for ناتو finds all of
them: every word is indexed as written plus every stem `shuraka.text.clitics` allows
(and ال + stem when the article was merged into a preposition, للناتو -> الناتو).
A query is normalized the same way (`shuraka.text.normalize.norm`) and each of its words
must match (AND).
"""

from __future__ import annotations

import re

from shuraka.text.clitics import ARTICLE, split_proclitics
from shuraka.text.normalize import norm

_WORD_RE = re.compile(r"[^\W_]+")


def _is_arabic(word: str) -> bool:
    return "\u0600" <= word[0] <= "\u06ff"


def word_forms(word: str) -> list[str]:
    """`word` and its stems (Arabic words only), without repeats, in a stable order."""
    forms = [word]
    if _is_arabic(word):
        for prefix, stem, article in split_proclitics(word):
            if not prefix:
                continue
            forms.append(stem)
            if article:
                forms.append(ARTICLE + stem)
    return list(dict.fromkeys(forms))


def sentence_terms(norm_text: str) -> str:
    """The index text of a normalized sentence: every word's forms, space-separated."""
    return " ".join(form for word in _WORD_RE.findall(norm_text) for form in word_forms(word))


def query_words(query: str) -> list[str]:
    """The words of a search query, normalized like the text."""
    return _WORD_RE.findall(norm(query))

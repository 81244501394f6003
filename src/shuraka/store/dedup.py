"""Near-duplicate detection: word shingles, MinHash and LSH bands over normalized text.

Two documents are the same story (wire copy republished by several outlets) when the
Jaccard index of their word 4-gram shingle sets is at least JACCARD_THRESHOLD (0.5), or
when at least CONTAINMENT_THRESHOLD (0.8) of the shorter one's shingles are in the
longer one (a trimmed copy). Texts with fewer than MIN_SHINGLES shingles never match.
Candidates come from MinHash LSH: 96 hash functions in 32 bands of 3 rows, so a pair
at Jaccard 0.5 shares a band with probability 0.99, a pair at 0.1 with 0.03; every
candidate is then checked exactly on its shingles. Hashes are blake2b, stable across
processes and machines (Python's hash() is not).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from hashlib import blake2b

SHINGLE_WORDS = 4
BANDS = 32
ROWS = 3
JACCARD_THRESHOLD = 0.5
CONTAINMENT_THRESHOLD = 0.8
MIN_SHINGLES = 8
_PRIME = (1 << 61) - 1
_MASK63 = (1 << 63) - 1
_WORD_RE = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _permutations() -> tuple[tuple[int, int], ...]:
    """BANDS*ROWS (a, b) pairs for h -> (a*h + b) mod p, fixed by a seeded digest."""
    pairs = []
    for i in range(BANDS * ROWS):
        digest = blake2b(f"shuraka-minhash-{i}".encode(), digest_size=16).digest()
        a = int.from_bytes(digest[:8], "big") % (_PRIME - 1) + 1
        b = int.from_bytes(digest[8:], "big") % _PRIME
        pairs.append((a, b))
    return tuple(pairs)


def shingles(norm_text: str) -> frozenset[int]:
    """64-bit hashes of the word 4-grams of a normalized text (the whole text if shorter)."""
    words = _WORD_RE.findall(norm_text)
    if len(words) < SHINGLE_WORDS:
        grams = [" ".join(words)] if words else []
    else:
        grams = [" ".join(words[i:i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)]
    return frozenset(int.from_bytes(blake2b(g.encode(), digest_size=8).digest(), "big")
                     for g in grams)


def bands(hashes: frozenset[int]) -> list[int]:
    """The BANDS LSH band values of a shingle set (63-bit ints, to fit a SQL BIGINT)."""
    if not hashes:
        return []
    signature = [min((a * h + b) % _PRIME for h in hashes) for a, b in _permutations()]
    out = []
    for band in range(BANDS):
        rows = signature[band * ROWS:(band + 1) * ROWS]
        digest = blake2b(repr(rows).encode(), digest_size=8).digest()
        out.append(int.from_bytes(digest, "big") & _MASK63)
    return out


@dataclass(frozen=True)
class Similarity:
    jaccard: float
    containment: float

    @property
    def near_duplicate(self) -> bool:
        return self.jaccard >= JACCARD_THRESHOLD or self.containment >= CONTAINMENT_THRESHOLD


def similarity(a: frozenset[int], b: frozenset[int]) -> Similarity:
    """Jaccard and containment (of the smaller set) of two shingle sets."""
    if len(a) < MIN_SHINGLES or len(b) < MIN_SHINGLES:
        return Similarity(0.0, 0.0)
    shared = len(a & b)
    return Similarity(shared / len(a | b), shared / min(len(a), len(b)))

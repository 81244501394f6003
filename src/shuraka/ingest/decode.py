"""Bytes to text: BOMs, UTF-8, and the legacy Arabic code pages (windows-1256, ISO-8859-6).

Order: a BOM decides (UTF-8, UTF-16, UTF-32); NUL bytes or many control characters
mean binary; strict UTF-8 (a file with a few broken sequences, such as a cut last
character, keeps U+FFFD for them); an encoding the caller declared (an HTML meta
charset); then charset-normalizer limited to windows-1256 and ISO-8859-6, each
candidate scored by how much of its letters are Arabic, so short texts are not
mistaken for Latin or CJK code pages.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from shuraka.errors import BinaryInputError, EmptyInputError, EncodingError

ARABIC_CODEPAGES = ("cp1256", "iso8859_6")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_ARABIC_LETTER = re.compile(r"[\u0621-\u063a\u0641-\u064a\u060c\u061b\u061f\u0660-\u0669\u067e\u0686\u0698\u06a4\u06af]")
MAX_CONTROL_RATIO = 0.05
MAX_BAD_UTF8_RATIO = 0.01
MIN_ARABIC_RATIO = 0.6


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark announces, if any."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _check_binary(text: str) -> None:
    sample = text[:65536]
    if "\x00" in sample or len(_CONTROL.findall(sample)) > MAX_CONTROL_RATIO * len(sample):
        raise BinaryInputError("this looks like a binary file, not text")


def _arabic_ratio(text: str) -> float:
    """The share of Arabic letters and punctuation among the non-ASCII characters.

    A wrong code page yields Latin-1 signs (cp1256 read for ISO-8859-6) or runs of
    diacritics (ISO-8859-6 read for cp1256), which count against it.
    """
    wide = [c for c in text if ord(c) > 0x7F]
    return sum(bool(_ARABIC_LETTER.match(c)) for c in wide) / len(wide) if wide else 0.0


def _lenient_utf8(data: bytes) -> str | None:
    """UTF-8 that is cut inside its last character, or has a few broken sequences (U+FFFD)."""
    for cut in (1, 2, 3):
        text = _strict(data[:-cut], "utf-8")
        if text is not None:
            return text
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    return text if bad <= MAX_BAD_UTF8_RATIO * len(text) and _ARABIC.search(text) else None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _legacy_arabic(data: bytes) -> str | None:
    """The best Arabic reading of `data` in windows-1256 or ISO-8859-6, or None."""
    ranked = [m.encoding for m in from_bytes(data, cp_isolation=list(ARABIC_CODEPAGES))]
    candidates = ranked + [e for e in ARABIC_CODEPAGES if e not in ranked]
    best: tuple[float, int, str] | None = None
    for rank, encoding in enumerate(candidates):
        text = _strict(data, encoding)
        if text is not None:
            score = (_arabic_ratio(text), -rank, text)
            best = score if best is None or score[:2] > best[:2] else best
    return best[2] if best and best[0] >= MIN_ARABIC_RATIO else None


def decode(data: bytes, declared: str | None = None) -> str:
    """The text of `data` with newlines as `\\n`; raises Empty, Binary or EncodingError."""
    if not data.strip():
        raise EmptyInputError("the input is empty (no text, or only whitespace)")
    bom = bom_encoding(data)
    if bom:
        text = _strict(data, bom)
        if text is None:
            raise EncodingError(f"the bytes do not decode as the {bom} their byte-order mark announces")
    else:
        _check_binary(data[:65536].decode("latin-1"))
        text = _strict(data, "utf-8") or (declared and _strict(data, declared)) or None
        text = text or _lenient_utf8(data) or _legacy_arabic(data)
        if text is None:
            raise EncodingError(
                "the bytes are neither UTF-8 nor Arabic in windows-1256 or ISO-8859-6; "
                "re-save the file as UTF-8"
            )
    _check_binary(text)
    text = normalize_newlines(text)
    if not text.strip():
        raise EmptyInputError("the input holds only whitespace")
    return text

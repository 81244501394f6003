"""Bytes to text: BOMs, UTF-8, windows-1256, ISO-8859-6, binary and empty inputs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shuraka.errors import BinaryInputError, EmptyInputError, EncodingError
from shuraka.ingest.decode import decode

SAMPLE = "وقع الحلف اتفاقا مع شركائه، وقال الوزير: هل نبدأ الآن؟\nنعم."
# letters, punctuation and digits that windows-1256 and ISO-8859-6 both encode
ARABIC = "ءآأؤإئابةتثجحخدذرسشصضطظعغفقكلمنهوىي"
SHARED = ARABIC + "،؟؛ .0123456789"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-32", "cp1256", "iso8859_6"])
def test_encodings(encoding: str) -> None:
    assert decode(SAMPLE.encode(encoding)) == SAMPLE


def test_newlines_are_normalized() -> None:
    assert decode("سطر\r\nسطر\rسطر".encode("cp1256")) == "سطر\nسطر\nسطر"


def test_declared_charset_is_used() -> None:
    assert decode("مرحبا بكم".encode("cp1256"), declared="cp1256") == "مرحبا بكم"


def test_utf8_cut_inside_last_character() -> None:
    assert decode("نص مقطوع".encode()[:-1]) == "نص مقطو"


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", "\ufeff  \n".encode()])
def test_empty(data: bytes) -> None:
    with pytest.raises(EmptyInputError):
        decode(data)


@pytest.mark.parametrize("data", [b"PK\x03\x04\x00\x00binary", bytes(range(0, 32)) * 10])
def test_binary(data: bytes) -> None:
    with pytest.raises(BinaryInputError):
        decode(data)


def test_not_arabic_and_not_utf8() -> None:
    with pytest.raises(EncodingError):
        decode("Ceci n'est pas de l'arabe: été, déjà, où.".encode("latin-1"))


def test_bad_bytes_after_a_bom() -> None:
    with pytest.raises(EncodingError):
        decode(b"\xef\xbb\xbf" + "نص".encode("cp1256"))


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=SHARED, min_size=12, max_size=200).filter(
        lambda t: sum(c in ARABIC for c in t) >= 8 and ("و" in t or "ي" in t)  # as any Arabic text
    ),
    st.sampled_from(["cp1256", "iso8859_6"]),
)
def test_legacy_code_pages_round_trip(text: str, encoding: str) -> None:
    data = text.encode(encoding)
    if not data.strip():
        return
    assert decode(data) == text

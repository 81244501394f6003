"""Proclitic prefixes before names, and word chars."""

from __future__ import annotations

import pytest

from shuraka.text.clitics import PROCLITICS, is_word_char, prefix_ok, split_proclitics
from shuraka.text.normalize import norm


@pytest.mark.parametrize(
    "word, prefix, stem, article",
    [
        ("بليتوانيا", "ب", "ليتوانيا", False),
        ("لحلف", "ل", "حلف", False),
        ("والناتو", "وال", "ناتو", True),
        ("وكوريا", "و", "كوريا", False),
        ("بالعراق", "بال", "عراق", True),
        ("للعراق", "لل", "عراق", True),
        ("وللناتو", "ولل", "ناتو", True),
        ("فبالأردن", "فبال", "اردن", True),
        ("كالهند", "كال", "هند", True),
        ("وبروسيا", "وب", "روسيا", False),
        ("فلتركيا", "فل", "تركيا", False),
        ("الصين", "ال", "صين", True),
        ("اليابان", "", "اليابان", False),
        ("للاذقية", "ل", "لاذقيه", True),
    ],
)
def test_split_table(word: str, prefix: str, stem: str, article: bool) -> None:
    splits = split_proclitics(norm(word))
    assert (prefix, stem, article) in splits
    sizes = [len(p) for p, _, _ in splits]
    assert sizes == sorted(sizes, reverse=True)
    assert all(len(s) >= 2 for _, s, _ in splits)


@pytest.mark.parametrize(
    "prefix, article, ok",
    [
        ("", False, True), ("و", False, True), ("ف", False, True), ("ب", False, True),
        ("ك", False, True), ("ل", False, True), ("وب", False, True), ("ول", False, True),
        ("فب", False, True), ("وك", False, True), ("ال", False, False), ("لل", False, False),
        ("بو", False, False), ("وو", False, False), ("س", False, False),
        ("ال", True, True), ("وال", True, True), ("فال", True, True), ("بال", True, True),
        ("كال", True, True), ("وبال", True, True), ("فبال", True, True), ("وكال", True, True),
        ("لل", True, True), ("ولل", True, True), ("فلل", True, True),
        ("", True, False), ("و", True, False), ("لال", True, False), ("الل", True, False),
    ],
)
def test_prefix_ok(prefix: str, article: bool, ok: bool) -> None:
    assert prefix_ok(prefix, article=article) is ok


def test_two_lam_spelling_needs_a_lam_core() -> None:
    assert prefix_ok("ل", article=True, core="لاذقيه")
    assert prefix_ok("ول", article=True, core="لاذقيه")
    assert not prefix_ok("ل", article=True, core="عراق")


def test_proclitic_table_shape() -> None:
    assert len(PROCLITICS[False]) == 12
    assert all(p.endswith(("ال", "لل")) for p in PROCLITICS[True])


def test_short_words_have_no_split_leaving_one_letter() -> None:
    assert split_proclitics("بك") == [("", "بك", False)]
    assert split_proclitics("و") == []


def test_is_word_char() -> None:
    assert all(map(is_word_char, "عاz7\u0301"))
    assert not any(map(is_word_char, " .،\"-\n_"))

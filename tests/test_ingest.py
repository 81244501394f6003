"""The readers: files, directories and stdin to Documents or ReadFailures."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import pytest

from shuraka.errors import (
    BinaryInputError,
    EmptyInputError,
    MalformedInputError,
    TooLargeError,
    UnsupportedInputError,
)
from shuraka.ingest import STDIN_SOURCE, ReadFailure, UnreadableInputError, read_file, read_paths
from shuraka.model import Document

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
TEXT, HTML, RECORDS, FEEDS = (FIXTURES / d for d in ("text", "html", "records", "feeds"))
SHARED = Path(__file__).resolve().parents[2] / "shared"


def one(path: Path, **options: int) -> Document | ReadFailure:
    results = list(read_file(path, **options))
    assert len(results) == 1, results
    return results[0]


def doc(path: Path, **options: int) -> Document:
    result = one(path, **options)
    assert isinstance(result, Document), result
    return result


def fails(path: Path, error: type[Exception], **options: int) -> ReadFailure:
    result = one(path, **options)
    assert isinstance(result, ReadFailure), result
    assert isinstance(result.error, error), result.error
    assert result.reason and "\n" not in result.reason
    return result


# ---- plain text ---------------------------------------------------------------------------

def test_utf8_article() -> None:
    article = doc(TEXT / "article_utf8.txt")
    assert article.source == str(TEXT / "article_utf8.txt")
    assert article.title == "الحلف يوسع تعاونه مع شركائه في جنوب المتوسط"
    assert article.text.startswith(article.title + "\nبروكسل - 14 مايو 2025\n")  # title and dateline stay
    assert article.published == "2025-05-14"
    assert article.language == "ar"


def test_boilerplate_is_gone_but_article_sentences_stay() -> None:
    text = doc(TEXT / "article_utf8.txt").text
    for furniture in ("اقرأ أيضاً", "إعلان", "المصدر", "اترك تعليقاً", "تم إضافة تعليقك"):
        assert furniture not in text
    assert "\nشارك\n" not in text + "\n"
    assert "ورفض المتحدث التعليق على تقارير عن الاشتراك في مناورات بحرية قبل نهاية العام." in text
    assert "واشترك في التدريبات الأخيرة جنود من عشر دول" in text
    assert text.endswith("وفق بيان رسمي.")


def test_id_is_sha256_of_the_text() -> None:
    for path in sorted(TEXT.glob("article_*.txt")) + [HTML / "article.html"]:
        article = doc(path)
        assert article.id == "sha256:" + hashlib.sha256(article.text.encode("utf-8")).hexdigest()


@pytest.mark.parametrize("name", ["article_utf8_bom.txt", "article_utf16.txt", "article_cp1256.txt",
                                  "article_iso8859_6.txt"])
def test_encodings_read_the_same_text(name: str) -> None:
    reference = doc(TEXT / "article_utf8_bom.txt")
    article = doc(TEXT / name)
    assert article.text == reference.text
    assert "\r" not in article.text
    assert article.title == "وزير الخارجية يستقبل وفدا من الحلف"
    assert article.published == "2024-03-03"


def test_empty_and_blank_files() -> None:
    fails(TEXT / "empty.txt", EmptyInputError)
    fails(TEXT / "blank.txt", EmptyInputError)


def test_binary_file() -> None:
    fails(TEXT / "binary.txt", BinaryInputError)


def test_too_large() -> None:
    failure = fails(TEXT / "article_utf8.txt", TooLargeError, max_bytes=100)
    assert "100" in failure.reason and "SHURAKA_MAX_BYTES" in failure.reason


def test_missing_file() -> None:
    fails(FIXTURES / "no-such-file.txt", UnreadableInputError)


def test_title_rule(tmp_path: Path) -> None:
    long_first = tmp_path / "long.txt"
    long_first.write_text("جملة طويلة " * 20 + "\nسطر ثان.", encoding="utf-8")
    assert doc(long_first).title is None
    sentence = tmp_path / "sentence.txt"
    sentence.write_text("قال الوزير إن الاجتماع انتهى.\nسطر ثان.", encoding="utf-8")
    assert doc(sentence).title is None
    single = tmp_path / "single.txt"
    single.write_text("سطر وحيد بلا عنوان", encoding="utf-8")
    assert doc(single).title is None


# ---- HTML ---------------------------------------------------------------------------------

def test_html_article() -> None:
    article = doc(HTML / "article.html")
    assert article.title == "الحلف والأردن يبحثان توسيع التدريب المشترك"
    assert article.published == "2025-02-10"
    assert "سبل توسيع برامج التدريب المشترك" in article.text
    assert "الاشتراك في هذه البرامج مفتوح" in article.text  # an article sentence, kept
    for furniture in ("اقرأ أيضاً", "تعليق من قارئ", "البريد الإلكتروني", "جميع الحقوق", "الرئيسية"):
        assert furniture not in article.text


def test_html_without_date_ignores_the_copyright_footer() -> None:
    article = doc(HTML / "no_date_footer.html")
    assert article.published is None
    assert article.title == "قادة الحلف يناقشون الشراكات في المحيطين الهندي والهادئ"
    assert "2023" not in article.text


def test_html_declared_windows_1256() -> None:
    assert doc(HTML / "article_cp1256.html").text == doc(HTML / "no_date_footer.html").text


def test_truncated_html_is_read_best_effort() -> None:
    article = doc(HTML / "truncated.html")
    assert "سبل توسيع برامج التدريب المشترك" in article.text
    assert "\ufffd" not in article.text


def test_broken_html_with_nothing_to_extract() -> None:
    fails(HTML / "broken.html", MalformedInputError)


# ---- JSON Lines and JSON ------------------------------------------------------------------

def test_jsonl_bad_lines_fail_alone() -> None:
    path = RECORDS / "articles.jsonl"
    results = list(read_file(path))
    good = [r for r in results if isinstance(r, Document)]
    bad = {r.source: r for r in results if isinstance(r, ReadFailure)}
    assert [d.source for d in good] == [
        "https://news.example/ar/2024/03/nato-gulf", f"{path}#6", f"{path}#8"]
    assert sorted(bad) == sorted(f"{path}#{n}" for n in (2, 4, 5, 7, 9))
    assert all(isinstance(f.error, MalformedInputError) for f in bad.values())
    assert "JSON" in bad[f"{path}#2"].reason
    assert "text" in bad[f"{path}#4"].reason and "int" in bad[f"{path}#5"].reason
    first, second, third = good
    assert first.title == "الحلف ودول الخليج يعقدون جولة حوار جديدة"
    assert first.published == "2024-03-05"
    assert second.published == "2024-03-05" and second.title == "لقاء في بروكسل"
    assert third.published is None and third.title is None


def test_jsonl_line_over_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    lines = [{"text": "نص قصير"}, {"text": "نص طويل جدا " * 50}, {"text": "نص قصير آخر"}]
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    results = list(read_file(path, max_bytes=200))
    assert [type(r) for r in results] == [Document, ReadFailure, Document]
    assert isinstance(results[1].error, TooLargeError) and results[1].source == f"{path}#2"


def test_json_list() -> None:
    path = RECORDS / "articles.json"
    results = list(read_file(path))
    assert [r.source for r in results] == ["https://news.example/ar/one", f"{path}#2", f"{path}#3"]
    assert isinstance(results[1], ReadFailure)
    assert results[0].published == "2023-11-20"


def test_json_single_object(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"text": "خبر واحد عن الحلف", "title": "عنوان"}, ensure_ascii=False))
    article = doc(path)
    assert article.source == str(path) and article.title == "عنوان"


# ---- RSS and Atom -------------------------------------------------------------------------

def test_rss_two_entries() -> None:
    first, second = list(read_file(FEEDS / "news.rss"))
    assert first.source == "https://feeds.example/ar/training-centre"
    assert first.title == "الحلف يفتتح مركزا إقليميا للتدريب"
    assert first.published == "2024-03-05"  # the day as written (+0300), not shifted to UTC
    assert first.text == ("افتتح الحلف مركزا إقليميا للتدريب يخدم الشركاء في المنطقة.\n"
                          "وسيقدم المركز دورات في إدارة الأزمات والأمن السيبراني.")
    assert second.published == "2024-03-06"
    assert second.text == "يجتمع وزراء الدفاع في الحلف الشهر المقبل لبحث خطط الردع."


def test_atom_two_entries() -> None:
    first, second = list(read_file(FEEDS / "news.atom"))
    assert first.source == "https://atom.example/ar/pacific"
    assert first.published == "2024-07-10"
    assert "<p>" not in first.text and first.text.count("\n") == 1
    assert second.title == "برنامج علمي جديد مع الشركاء"
    assert second.published == "2024-07-09"
    assert second.text.startswith("أطلق الحلف برنامجا علميا")


def test_feed_sniffed_from_xml(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_bytes((FEEDS / "news.atom").read_bytes())
    assert len([r for r in read_file(path) if isinstance(r, Document)]) == 2


def test_broken_feed(tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_text("<rss><channel><item><title>بلا", encoding="utf-8")
    result = one(path)
    assert isinstance(result, ReadFailure)


# ---- directories, stdin, sniffing ---------------------------------------------------------

def test_directory_mixing_good_and_bad_files() -> None:
    root = FIXTURES / "mixed"
    results = list(read_paths([str(root)]))
    sources = [r.source for r in results]
    assert sources == [
        f"{root}/a_good.txt", f"{root}/b_empty.txt", f"{root}/c_binary.txt",
        f"{root}/d_broken.html", f"{root}/sub/e_good.html",
        f"{root}/sub/f_lines.jsonl#1", f"{root}/sub/f_lines.jsonl#2",
    ]
    kinds = [type(r).__name__ for r in results]
    assert kinds == ["Document", "ReadFailure", "ReadFailure", "ReadFailure", "Document",
                     "Document", "ReadFailure"]
    errors = [type(r.error) for r in results if isinstance(r, ReadFailure)]
    assert errors == [EmptyInputError, BinaryInputError, MalformedInputError, MalformedInputError]


def test_paths_go_on_after_failures() -> None:
    paths = [str(FIXTURES / "nope.txt"), str(TEXT / "empty.txt"), str(TEXT / "article_utf8.txt")]
    results = list(read_paths(paths))
    assert [type(r) for r in results] == [ReadFailure, ReadFailure, Document]
    assert results[2].source == paths[2]


def test_empty_directory(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("لا شيء")
    [result] = list(read_paths([str(tmp_path)]))
    assert isinstance(result, ReadFailure) and isinstance(result.error, UnsupportedInputError)


@pytest.mark.parametrize(("fixture", "count"), [
    (TEXT / "article_cp1256.txt", 1), (HTML / "article.html", 1), (FEEDS / "news.rss", 2),
    (FEEDS / "news.atom", 2), (RECORDS / "articles.jsonl", 3), (RECORDS / "articles.json", 2),
])
def test_stdin_is_sniffed(fixture: Path, count: int) -> None:
    stdin = io.BytesIO(fixture.read_bytes())
    results = list(read_paths(["-"], stdin=stdin))
    documents = [r for r in results if isinstance(r, Document)]
    assert len(documents) == count
    assert all(r.source.startswith(STDIN_SOURCE) or r.source.startswith("http") for r in results)


def test_stdin_too_large() -> None:
    [result] = list(read_paths(["-"], stdin=io.BytesIO("نص ".encode() * 100), max_bytes=50))
    assert isinstance(result, ReadFailure) and isinstance(result.error, TooLargeError)


def test_the_limit_the_hint_names_is_honoured(monkeypatch: pytest.MonkeyPatch) -> None:
    from shuraka.ingest.base import LimitSettingError

    monkeypatch.setenv("SHURAKA_MAX_BYTES", "50")
    [result] = list(read_paths(["-"], stdin=io.BytesIO("نص ".encode() * 100)))
    assert isinstance(result, ReadFailure) and isinstance(result.error, TooLargeError)
    monkeypatch.setenv("SHURAKA_MAX_BYTES", "1000")
    [result] = list(read_paths(["-"], stdin=io.BytesIO("نص ".encode() * 100)))
    assert isinstance(result, Document)
    for bad in ("abc", "0", "-5", "١٠٠"):
        monkeypatch.setenv("SHURAKA_MAX_BYTES", bad)
        with pytest.raises(LimitSettingError, match="SHURAKA_MAX_BYTES"):
            list(read_paths(["-"], stdin=io.BytesIO(b"x")))


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "article.dat"
    path.write_bytes((HTML / "article.html").read_bytes())
    assert doc(path).title == "الحلف والأردن يبحثان توسيع التدريب المشترك"


# ---- the seed articles (read at run time, never copied) -----------------------------------

@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="no shared seeds")
def test_seed_dates_match_gold() -> None:
    for article in read_paths([str(SHARED / "seeds")]):
        assert isinstance(article, Document), article
        gold = json.loads((SHARED / "gold" / (Path(article.source).stem + ".json")).read_text("utf-8"))
        assert article.published == gold["published"], article.source
        assert article.title, article.source

"""Units of the store: schema migrations, URLs, near-duplicate hashing, search terms, the
event merge rules and the store's data files."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect

from shuraka.store import db, dedup
from shuraka.store.merge import dates_compatible, event_id, partnership_id, places_compatible
from shuraka.store.models import Base
from shuraka.store.terms import query_words, sentence_terms, word_forms
from shuraka.store.vocab import instrument_kinds, plover_quads
from shuraka.text.normalize import norm

pytest_plugins = ["conftest_pg"]


def test_migrations_create_what_the_models_declare(db_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    store = db.open_store(db_url)
    assert db.current_revision(store.engine) == db.head_revision() == "0001"
    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": db.include_name})
        diff = compare_metadata(context, Base.metadata)
        tables = set(inspect(conn).get_table_names())
    assert diff == []
    assert {t.name for t in Base.metadata.sorted_tables} <= tables
    if store.dialect == "sqlite":
        assert "sentence_fts" in tables
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    store.close()
    db.open_store(db_url).close()  # opening again: already at head, nothing to do


def test_urls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert db.resolve_url(str(tmp_path / "kb.db")) == f"sqlite:///{tmp_path / 'kb.db'}"
    assert db.resolve_url("postgresql://u@h/d") == "postgresql+psycopg://u@h/d"
    assert db.resolve_url("sqlite:///x.db") == "sqlite:///x.db"
    monkeypatch.setenv("SHURAKA_DB", str(tmp_path / "env.db"))
    assert db.resolve_url(None).endswith("env.db")
    monkeypatch.delenv("SHURAKA_DB")
    assert db.resolve_url(None).endswith("shuraka/shuraka.db")
    assert "secret" not in db.safe_url("postgresql://u:secret@h/d")
    with pytest.raises(db.StoreError):
        db.open_store("postgresql+psycopg://nobody@127.0.0.1:1/none")


def test_near_duplicates() -> None:
    text = norm("انطلقت اليوم في بحر الشمال مناورات بحرية واسعة يشارك فيها عدد من دول "
                "الحلف بقيادة النرويج وتستمر أسبوعين وتهدف إلى حماية خطوط الملاحة "
                "والبنى التحتية البحرية الحيوية وتبادل المعلومات بين السفن المشاركة")
    copy = text.replace("أسبوعين", "عشرة أيام")
    other = norm("التقى وزير الخارجية الأردني الأمين العام للحلف في بروكسل وبحث الجانبان "
                 "سبل توسيع التعاون في مجالات أمن الحدود ومكافحة الإرهاب والتدريب")
    a, b, c = dedup.shingles(text), dedup.shingles(copy), dedup.shingles(other)
    assert dedup.similarity(a, b).near_duplicate
    assert not dedup.similarity(a, c).near_duplicate
    assert dedup.bands(a) == dedup.bands(dedup.shingles(text))  # stable
    assert len(dedup.bands(a)) == dedup.BANDS
    assert set(dedup.bands(a)) & set(dedup.bands(b))
    assert all(0 <= v < 2**63 for v in dedup.bands(a))
    assert dedup.bands(frozenset()) == []
    short = dedup.shingles("كلمة واحدة")
    assert not dedup.similarity(short, short).near_duplicate


def test_search_terms_strip_clitics() -> None:
    assert {"الناتو", "ناتو"} <= set(word_forms("والناتو"))
    assert {"الناتو", "ناتو"} <= set(word_forms("للناتو"))
    assert word_forms("nato") == ["nato"]
    terms = sentence_terms(norm("وقال الأمين العام لحلف الناتو"))
    assert "حلف" in terms.split() and "الامين" in terms.split()
    assert query_words("أمْن  الحدود!") == ["امن", "الحدود"]


def test_merge_rules() -> None:
    assert dates_compatible("2023-07-11", "2023-07-11")
    assert dates_compatible("2023-07", "2023-07-11") and dates_compatible("2023", "2023-07")
    assert not dates_compatible("2023-07-11", "2023-07-12")
    assert not dates_compatible(None, "2023") and not dates_compatible(None, None)
    assert places_compatible(None, "vilnius") and places_compatible("vilnius", "vilnius")
    assert places_compatible("vilnius", "LTU") and places_compatible("LTU", "vilnius")
    assert not places_compatible("vilnius", "brussels")
    assert event_id("sha256:ab", 0) == event_id("sha256:ab", 0) != event_id("sha256:ab", 1)
    assert partnership_id("NATO", "KOR", None) == "NATO|KOR|"


def test_store_data_files() -> None:
    kinds = instrument_kinds()
    assert kinds["ICI"] == "framework" and kinds["ITPP"] == "programme"
    assert kinds["NMI"] == "mission"
    assert set(plover_quads()) == {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}

"""The knowledge base: idempotent ingest, bad inputs, merging across outlets, near-duplicate
stories, and a killed ingest finished by a re-run. Each runs on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select
from store_helpers import SAME_MEETING, SEEDS, WIRE, WIRE_COPY, dump, synthetic_articles

from shuraka import model
from shuraka.ingest.base import build_document
from shuraka.store import Store, ingest, open_store, queries
from shuraka.store.db import resolve_url
from shuraka.store.entities import EntityIndex
from shuraka.store.merge import merge_extraction
from shuraka.store.models import Document, Event
from shuraka.store.prepare import prepare
from shuraka.store.write import write_document

pytest_plugins = ["conftest_pg"]


def _write(folder: Path, files: dict[str, str | bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed articles (../shared/seeds) are absent")
def test_ingesting_seeds_twice_gives_the_same_database(db_url: str) -> None:
    first = ingest([str(SEEDS)], db_url, workers=0)
    assert first.new + first.near_duplicate == len(list(SEEDS.glob("*.txt")))
    assert not first.failed
    once = dump(db_url)
    second = ingest([str(SEEDS)], db_url, workers=0)
    assert (second.new, second.near_duplicate, second.duplicate) == (0, 0, first.read)
    assert dump(db_url) == once
    assert {t: len(rows) for t, rows in once.items()}["documents"] == first.read


def test_bad_files_are_reported_and_the_rest_stored(db_url: str, tmp_path: Path) -> None:
    folder = _write(tmp_path / "in", {
        **SAME_MEETING,
        "undecodable.txt": bytes(range(0x80, 0x100)) * 8 + b"\xff\xfe\xfa" * 50,
        "empty.txt": b"",
        "binary.txt": b"\x00\x01\x02PNG\x00\x00" * 100,
    })
    report = ingest([str(folder)], db_url, workers=2)
    failed = {Path(source).name: reason for source, reason in report.failed}
    assert set(failed) == {"undecodable.txt", "empty.txt", "binary.txt"}
    assert all(failed.values())
    assert report.read == 5 and report.new + report.near_duplicate == 2
    store = open_store(db_url)
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 2
    store.close()


def test_two_outlets_reporting_one_meeting_give_one_event(db_url: str, tmp_path: Path) -> None:
    folder = _write(tmp_path / "in", SAME_MEETING)
    ingest([str(folder)], db_url, workers=0)
    store = open_store(db_url)
    with store.session() as s:
        consults = queries.events(s, type="CONSULT")["items"]
        assert len(consults) == 1
        meeting = queries.event(s, consults[0]["id"])
        assert meeting["date"] == "2024-03-14"
        assert {a["id"] for a in meeting["actors"] + meeting["recipients"]} == {"JOR", "NATO"}
        assert meeting["sources"] == 2
        assert {Path(r["source"]).name for r in meeting["reports"]} == set(SAME_MEETING)
        for r in meeting["reports"]:
            doc = s.get(Document, r["document_id"])
            assert doc.text[r["start"]:r["end"]] == r["text"]
        profile = queries.partner_profile(s, "JOR")
        assert {Path(x["source"]).name for x in profile["sources"]} == set(SAME_MEETING)
        assert meeting["id"] in {e["id"] for e in profile["events"]}
    store.close()


def _store_by_hand(store: Store, text: str, source: str, published: str,
                   partnerships: list[model.Partnership]) -> None:
    """Store a document whose partnership records are given (not extracted)."""
    prepared = prepare(build_document(text, source=source, published=published))
    prepared.extraction.partnerships = partnerships
    prepared.extraction.events = []
    with store.session() as s:
        EntityIndex().ensure(s, prepared.extraction)
        s.flush()
        row = write_document(s, prepared)
        merge_extraction(s, row, prepared.extraction)
        s.commit()


def test_conflicting_statements_stand_side_by_side(db_url: str) -> None:
    store = open_store(db_url)
    first = model.Partnership("NATO", "KOR", "ITPP", "established", "2023-07-11", 11,
                              ["cyber_defence", "space"], [model.Span(0, 6, "الناتو")])
    second = model.Partnership("NATO", "KOR", "ITPP", "established", "2023-07-12", 12,
                               ["cyber_defence", "exercises"], [model.Span(0, 6, "الناتو")])
    _store_by_hand(store, "الناتو وكوريا الجنوبية يعتمدان برنامجا للشراكة في 11 مجالا.",
                   "a.txt", "2023-07-11", [first])
    _store_by_hand(store, "الناتو وسيول تقيمان شراكة جديدة تشمل 12 مجالا للتعاون.",
                   "b.txt", "2023-07-12", [second])
    with store.session() as s:
        tie = queries.partner_profile(s, "KOR")["partnerships"][0]
        row = next(p for p in queries.partners(s) if p["id"] == "KOR")
    store.close()
    assert [x["date"] for x in tie["statements"]] == ["2023-07-11", "2023-07-12"]
    assert [x["area_count"] for x in tie["statements"]] == [11, 12]
    assert [c["value"] for c in tie["conflicts"]["date"]] == ["2023-07-11", "2023-07-12"]
    assert [c["value"] for c in tie["conflicts"]["area_count"]] == [11, 12]
    assert tie["conflicts"]["action"] == []
    areas = {a["area"]: a for a in tie["areas"]}
    assert areas["cyber_defence"] == {"area": "cyber_defence", "first_seen": "2023-07-11",
                                      "last_seen": "2023-07-12", "sources": 2}
    assert areas["space"]["last_seen"] == "2023-07-11" and areas["exercises"]["sources"] == 1
    assert (tie["first_seen"], tie["last_seen"]) == ("2023-07-11", "2023-07-12")
    assert row["programmes"] == ["ITPP"] and row["sources"] == 2


def test_near_duplicate_wire_copy_joins_the_story(db_url: str, tmp_path: Path) -> None:
    folder = _write(tmp_path / "in", {"agency.txt": WIRE, "outlet.txt": WIRE_COPY})
    report = ingest([str(folder)], db_url, workers=0)
    assert (report.new, report.near_duplicate) == (1, 1)
    again = _write(tmp_path / "elsewhere", {"same-text.txt": WIRE})
    report = ingest([str(again)], db_url, workers=0)
    assert report.duplicate == 1
    store = open_store(db_url)
    with store.session() as s:
        rows = queries.sources(s)
        assert len({r["story_id"] for r in rows}) == 1
        assert {r["story_size"] for r in rows} == {2}
        assert sorted(len(r["sources"]) for r in rows) == [1, 2]
        assert any(r["similarity"] and r["similarity"] >= 0.5 for r in rows)
        assert all(e["sources"] <= 2 for e in queries.events(s)["items"])
    store.close()


def _stored(url: str) -> int:
    engine = create_engine(resolve_url(url))
    try:
        with engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(Document)) or 0
    except Exception:  # noqa: BLE001 (the schema may not exist yet)
        return 0
    finally:
        engine.dispose()


def _start_ingest(folder: Path, url: str) -> subprocess.Popen:
    code = ("import sys; from shuraka.store import ingest; "
            "ingest([sys.argv[1]], sys.argv[2], workers=2, chunk=2)")
    return subprocess.Popen([sys.executable, "-c", code, str(folder), url],
                            start_new_session=True, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)


@pytest.mark.slow
def test_killed_ingest_finished_by_a_rerun_equals_an_uninterrupted_one(
        request: pytest.FixtureRequest, db_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    synthetic_articles(16, folder)
    _write(folder, SAME_MEETING)
    if "pg_url" in request.fixturenames:
        from conftest_pg import create_database

        reference = create_database(request.getfixturevalue("pg_server"))
    else:
        reference = str(tmp_path / "reference.db")
    ingest([str(folder)], reference, workers=0)
    proc = _start_ingest(folder, db_url)
    deadline = time.monotonic() + 120
    while _stored(db_url) < 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    killed = proc.poll() is None
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert killed, f"ingest ended before it could be killed: {proc.stderr.read()[-500:]!r}"
    partial = _stored(db_url)
    assert 3 <= partial < 18
    report = ingest([str(folder)], db_url, workers=2)
    assert report.duplicate >= partial and not report.failed
    assert dump(db_url) == dump(reference)


def test_event_ids_are_stable_and_documents_complete(db_url: str, tmp_path: Path) -> None:
    folder = _write(tmp_path / "in", SAME_MEETING)
    ingest([str(folder)], db_url, workers=0)
    store = open_store(db_url)
    with store.session() as s:
        ids = sorted(s.scalars(select(Event.id)))
        assert ids and all(i.startswith("ev-") and len(i) == 15 for i in ids)
        stats = queries.stats(s)
        assert stats["documents"] == 2 and stats["sentences"] > 4
        assert stats["backend"] in ("sqlite", "postgresql")
    store.close()


@pytest.mark.slow
def test_ctrl_c_stops_cleanly_and_a_rerun_finishes(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    synthetic_articles(16, folder)
    db = str(tmp_path / "kb.db")
    code = "from shuraka.cli_store import ingest; ingest(prog_name='shuraka ingest')"
    proc = subprocess.Popen([sys.executable, "-c", code, str(folder), "--db", db,
                             "--workers", "1"], start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while _stored(db) < 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert proc.poll() is None, "ingest ended before Ctrl-C"
    os.killpg(proc.pid, signal.SIGINT)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted" in err and "run the same command again" in err
    partial = _stored(db)
    report = ingest([str(folder)], db, workers=0)
    assert report.duplicate == partial and report.new + report.near_duplicate == 16 - partial

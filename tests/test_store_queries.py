"""Queries, exports and the knowledge-base CLI over one small knowledge base (SQLite and
PostgreSQL)."""

from __future__ import annotations

import builtins
import csv
import json
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from store_helpers import EXAMPLES, SAME_MEETING, WIRE, WIRE_COPY

from shuraka.cli_store import COMMANDS
from shuraka.store import NotFoundError, Store, ingest, open_store, queries
from shuraka.store.errors import MissingDependencyError
from shuraka.store.export import export, jsonl_records, plover_records, write_parquet

pytest_plugins = ["conftest_pg"]


@pytest.fixture(scope="module")
def kb(module_db_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Store]]:
    folder = tmp_path_factory.mktemp("articles")
    for name, text in {**SAME_MEETING, "wire.txt": WIRE, "wire-copy.txt": WIRE_COPY}.items():
        (folder / name).write_text(text, encoding="utf-8")
    report = ingest([str(EXAMPLES), str(folder)], module_db_url, workers=0)
    assert not report.failed
    store = open_store(module_db_url)
    yield module_db_url, store
    store.close()


def _json_roundtrip(data: object) -> None:
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data


def test_partners_rows(kb: tuple[str, Store]) -> None:
    with kb[1].session() as s:
        rows = queries.partners(s)
    _json_roundtrip(rows)
    jordan = next(r for r in rows if r["id"] == "JOR")
    assert "NATO" in jordan["parties"] and jordan["sources"] >= 2
    assert {"border_security", "counter_terrorism"} <= set(jordan["areas"])
    assert jordan["first_seen"] <= jordan["last_seen"]
    assert set(jordan) >= {"frameworks", "programmes", "missions", "statements"}


def test_partner_profile(kb: tuple[str, Store]) -> None:
    with kb[1].session() as s:
        profile = queries.partner_profile(s, "jordan")  # a name works, any case
        assert profile == queries.partner_profile(s, "JOR")
        with pytest.raises(NotFoundError):
            queries.partner_profile(s, "no-such-partner")
    _json_roundtrip(profile)
    assert profile["partner"]["id"] == "JOR"
    assert profile["events"] and profile["sources"] and profile["areas_by_year"]
    assert any(p["id"] == "ayman-safadi" for p in profile["people"])
    dated = [e["date"] for e in profile["events"] if e["date"]]
    assert dated == sorted(dated)
    for tie in profile["partnerships"]:
        assert set(tie["conflicts"]) == {"date", "area_count", "action"}
        for statement in tie["statements"]:
            assert statement["evidence"] and statement["document_id"].startswith("sha256:")


def test_events_filters_and_pages(kb: tuple[str, Store]) -> None:
    with kb[1].session() as s:
        everything = queries.events(s, limit=500)
        assert everything["total"] == len(everything["items"]) > 3
        page = queries.events(s, limit=2, offset=1)
        assert page["items"] == everything["items"][1:3]
        jordan = queries.events(s, partner="JOR")["items"]
        assert jordan and all("JOR" in {r["id"] for r in e["actors"] + e["recipients"]}
                              or e["location"] for e in jordan)
        in_2024 = queries.events(s, since="2024", until="2024")["items"]
        assert in_2024 and all(e["date"].startswith("2024") for e in in_2024)
        consult = queries.events(s, type="consult")["items"]
        assert consult and {e["type"] for e in consult} == {"CONSULT"}
        detail = queries.event(s, everything["items"][0]["id"])
        with pytest.raises(NotFoundError):
            queries.event(s, "ev-000000000000")
    _json_roundtrip(everything)
    _json_roundtrip(detail)
    assert detail["reports"] and detail["reports"][0]["text"]


def test_people_entities_sources_stats(kb: tuple[str, Store]) -> None:
    with kb[1].session() as s:
        people = queries.people(s)
        entities = queries.entities(s, type="country")
        sources = queries.sources(s)
        stats = queries.stats(s)
    for data in (people, entities, sources, stats):
        _json_roundtrip(data)
    with kb[1].session() as s:
        doc = queries.document(s, sources[0]["document_id"])
        with pytest.raises(NotFoundError):
            queries.document(s, "sha256:00")
    _json_roundtrip(doc)
    for mark in doc["marks"]:
        assert doc["text"][mark["start"]:mark["end"]] == mark["text"]
    safadi = next(p for p in people if p["id"] == "ayman-safadi")
    assert any(r["of"] == "JOR" for r in safadi["roles"])
    assert entities and {e["type"] for e in entities} == {"country"}
    assert stats["documents"] == len(sources) and stats["stories"] == stats["documents"] - 1


def test_search_arabic_with_clitics_and_english_names(kb: tuple[str, Store]) -> None:
    with kb[1].session() as s:
        plain = queries.search(s, "الناتو")
        stem = queries.search(s, "ناتو")
        assert plain["total"] > 0 and stem["total"] >= plain["total"]
        assert all("ناتو" in hit["text"] for hit in stem["items"])
        # diacritics, alef forms and the clitic و in the query or the text do not matter
        assert queries.search(s, "أمْن الحدود")["total"] >= 2
        english = queries.search(s, "Stoltenberg")
        assert [e["id"] for e in english["entities"]] == ["jens-stoltenberg"]
        assert english["total"] >= 2
        assert queries.search(s, "Jordan")["entities"][0]["id"] == "JOR"
        assert queries.search(s, "zzzz")["total"] == 0
        page = queries.search(s, "الحلف", limit=1, offset=1)
    assert len(page["items"]) == 1 and page["items"][0]["start"] < page["items"][0]["end"]
    _json_roundtrip(page)


def test_exports(kb: tuple[str, Store], tmp_path: Path) -> None:
    import io

    with kb[1].session() as s:
        kinds = {r["kind"] for r in jsonl_records(s)}
        plover = list(plover_records(s))
        out = io.StringIO()
        export(s, "graphml", None, out)
        written = export(s, "csv", tmp_path / "csv", io.StringIO())
    assert kinds == {"entity", "document", "event", "partnership", "membership"}
    meeting = next(p for p in plover if p["event_type"] == "CONSULT"
                   and {a["code"] for a in p["source"] + p["recipient"]} == {"JOR", "NATO"})
    assert meeting["quad_code"] == 1 and meeting["event"] == ["CONSULT"]
    assert meeting["date"] == "2024-03-14" and meeting["event_text"][0] in meeting["quote"] + \
        "".join(meeting["event_text"])
    assert {"actor_name", "recipient_name", "contexts", "event_mode", "cite_info"} <= set(meeting)
    assert {p.name for p in written} >= {"events.csv", "partnerships.csv", "documents.csv"}
    with open(tmp_path / "csv" / "partnerships.csv", encoding="utf-8") as handle:
        assert any(row["partner"] == "JOR" for row in csv.DictReader(handle))
    nx = pytest.importorskip("networkx")
    graph = nx.read_graphml(io.StringIO(out.getvalue()))
    assert graph.has_edge("NATO", "JOR")
    assert graph.nodes["JOR"]["type"] == "country"
    assert any(n.startswith("area:") for n in graph.nodes)


def test_parquet_export_and_missing_pyarrow(kb: tuple[str, Store], tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_pyarrow(name: str, *args: object, **kwargs: object) -> object:
        if name.startswith("pyarrow"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    with kb[1].session() as s:
        with monkeypatch.context() as patch:
            patch.setattr(builtins, "__import__", no_pyarrow)
            with pytest.raises(MissingDependencyError, match="pyarrow"):
                write_parquet(s, tmp_path / "pq")
        pq = pytest.importorskip("pyarrow.parquet")
        write_parquet(s, tmp_path / "pq")
    assert pq.read_table(tmp_path / "pq" / "events.parquet").num_rows > 0


@pytest.fixture(scope="module")
def cli() -> click.Group:
    group = click.Group("shuraka")
    for command in COMMANDS:
        group.add_command(command)
    return group


def test_cli_queries(kb: tuple[str, Store], cli: click.Group) -> None:
    runner = CliRunner()
    url = kb[0]
    result = runner.invoke(cli, ["partners", "--db", url])
    assert result.exit_code == 0, result.output
    assert "JOR" in result.output
    result = runner.invoke(cli, ["partner", "JOR", "--db", url, "--format", "json"])
    assert json.loads(result.output)["partner"]["id"] == "JOR"
    result = runner.invoke(cli, ["events", "--db", url, "--partner", "JOR", "--type", "CONSULT",
                                 "--since", "2024-03", "--format", "csv"])
    rows = list(csv.DictReader(result.output.splitlines()))
    assert rows and {r["type"] for r in rows} == {"CONSULT"}
    meeting = next(r for r in rows if r["date"] == "2024-03-14")
    result = runner.invoke(cli, ["show", meeting["id"], "--db", url])
    assert result.exit_code == 0 and "== reports" in result.output
    result = runner.invoke(cli, ["show", meeting["id"], "--db", url, "--format", "json"])
    sources = {Path(r["source"]).name for r in json.loads(result.output)["reports"]}
    assert sources == {"outlet-a.txt", "outlet-b.txt"}
    result = runner.invoke(cli, ["search", "الصفدي", "--db", url, "--format", "json"])
    assert json.loads(result.output)["total"] >= 2
    for command in ("people", "stats"):
        assert runner.invoke(cli, [command, "--db", url, "--format", "csv"]).exit_code == 0
    result = runner.invoke(cli, ["show", "ev-nope", "--db", url])
    assert result.exit_code == 2 and "no event" in result.output


def test_cli_export(kb: tuple[str, Store], cli: click.Group, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["export", "--db", kb[0], "--format", "plover"])
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.output.splitlines()]
    assert records and all("event_type" in r for r in records)
    out = tmp_path / "net.graphml"
    result = runner.invoke(cli, ["export", "--db", kb[0], "--format", "graphml", "-o", str(out)])
    assert result.exit_code == 0 and out.read_text(encoding="utf-8").startswith("<?xml")


def test_cli_ingest_summary(cli: click.Group, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(SAME_MEETING["outlet-a.txt"], encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    db = str(tmp_path / "kb.db")
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", db, "--workers", "0"])
    assert result.exit_code == 1
    assert "read 2: new 1, near-duplicate 0, duplicate 0, failed 1" in result.output
    assert "empty.txt" in result.output
    result = CliRunner().invoke(cli, ["ingest", str(folder / "a.txt"), "--db", db,
                                      "--format", "json"])
    assert result.exit_code == 0 and json.loads(result.output)["duplicate"] == 1


@pytest.mark.parametrize("bad", ["abc", "2023/07", "2023-7", "2023-13", "", "٢٠٢٣"])
def test_cli_events_rejects_a_date_that_would_filter_silently(cli: click.Group, bad: str) -> None:
    result = CliRunner().invoke(cli, ["events", "--db", "unused.db", "--since", bad])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output
    result = CliRunner().invoke(cli, ["events", "--db", "unused.db", "--until", bad])
    assert result.exit_code == 2 and "is not a date" in result.output


@pytest.mark.parametrize("command", [["partners"], ["stats"], ["events"], ["export"]])
def test_cli_query_of_a_missing_sqlite_file_fails_and_creates_nothing(
        cli: click.Group, tmp_path: Path, command: list[str]) -> None:
    missing = tmp_path / "typo.db"
    result = CliRunner().invoke(cli, [*command, "--db", str(missing)])
    assert result.exit_code == 2 and "no knowledge base at" in result.output
    assert "shuraka ingest" in result.output and not list(tmp_path.iterdir())


def test_cli_events_rejects_an_unknown_event_type(tmp_path):
    from click.testing import CliRunner

    from shuraka.cli import main

    result = CliRunner().invoke(main, ["events", "--type", "FOO", "--db", str(tmp_path / "kb.db")])
    assert result.exit_code == 2 and "FOO" in result.output

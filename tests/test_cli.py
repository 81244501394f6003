"""The `shuraka` command end to end: contract JSON, table output, bad inputs, help."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from shuraka import SCHEMA, __version__
from shuraka.cli import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "examples" / "articles"


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input)


def test_extract_prints_contract_json_for_every_sample():
    result = run("extract", str(SAMPLES))
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    files = [p for p in SAMPLES.rglob("*") if p.is_file()]
    assert len(lines) >= len(files)  # a JSON Lines or feed file holds several articles
    assert len({r["document"]["id"] for r in lines}) == len(lines)
    for record in lines:
        assert record["schema"] == SCHEMA
        assert set(record) == {"schema", "document", "entities", "events", "partnerships", "memberships"}
        doc = record["document"]
        assert doc["id"].startswith("sha256:") and doc["language"] == "ar"
        for entity in record["entities"]:
            assert entity["type"] in ("country", "organization", "instrument", "person", "place")
            for span in entity["mentions"]:
                assert doc["text"][span["start"]:span["end"]] == span["text"]


def test_extract_links_the_amman_sample():
    result = run("extract", str(SAMPLES / "2025-09-16-amman-liaison-office.txt"))
    record = json.loads(result.stdout)
    ids = {e["id"] for e in record["entities"]}
    assert {"NATO", "JOR", "amman", "MD", "javier-colomina"} <= ids
    assert record["document"]["published"] == "2025-09-16"


def test_table_format():
    result = run("extract", "--format", "table", str(SAMPLES / "2023-07-12-japan-itpp.txt"))
    assert result.exit_code == 0
    assert "ITPP" in result.stdout and "fumio-kishida" in result.stdout


def test_bad_input_is_skipped_with_a_reason_and_exit_1(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "good.txt").write_text("اجتمع وزير الخارجية الأردني مع مسؤولي الناتو في بروكسل.", encoding="utf-8")
    result = run("extract", str(tmp_path))
    assert result.exit_code == 1
    assert "empty.txt" in result.stderr
    assert len(result.stdout.splitlines()) == 1


def test_bad_size_limit_setting_is_one_error_line_and_exit_2(monkeypatch):
    monkeypatch.setenv("SHURAKA_MAX_BYTES", "ten")
    result = run("extract", "-", input="زار ستولتنبرغ اليابان.".encode())
    assert result.exit_code == 2 and result.stderr.startswith("error: SHURAKA_MAX_BYTES='ten'")
    assert "Traceback" not in result.output


def test_stdin():
    result = run("extract", "-", input="زار ستولتنبرغ اليابان.".encode())
    assert result.exit_code == 0, result.output
    assert "JPN" in {e["id"] for e in json.loads(result.stdout)["entities"]}


def test_version_and_help():
    assert __version__ in run("--version").output
    for command in ("extract", "eval"):
        out = run(command, "--help").output
        assert "Usage" in out and len(out) > 200


def test_every_command_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in main.commands:
        assert re.search(rf"shuraka {name}\b", readme), f"README does not document `shuraka {name}`"


@pytest.mark.parametrize("command", ["extract"])
def test_missing_path_is_a_usage_error(command):
    assert run(command).exit_code == 2


def test_a_text_longer_than_any_article_is_skipped_with_a_reason(tmp_path):
    from shuraka.extract.pipeline import MAX_ARTICLE_CHARS

    big = tmp_path / "big.txt"
    big.write_text("اجتمع وزراء الناتو في بروكسل. " * (MAX_ARTICLE_CHARS // 25), encoding="utf-8")
    (tmp_path / "ok.txt").write_text("اجتمع وزراء الناتو في بروكسل.", encoding="utf-8")
    result = run("extract", str(tmp_path))
    assert result.exit_code == 1
    assert "big.txt" in result.stderr and "longer than a news article" in result.stderr
    assert len(result.stdout.splitlines()) == 1

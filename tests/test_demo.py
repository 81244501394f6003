"""`shuraka demo` end to end: it builds the sample knowledge base, serves it, and the
overview lists the partners; a second run reuses what was built."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("fastapi")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run_demo(db: Path, port: int) -> subprocess.Popen:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    cmd = [sys.executable, "-m", "shuraka", "demo", "--no-browser", "--port", str(port), "--db", str(db)]
    return subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _get_json(url: str, deadline: float) -> dict:
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return json.loads(response.read())
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def _stop(proc: subprocess.Popen) -> str:
    proc.terminate()
    try:
        return proc.communicate(timeout=20)[1]
    except subprocess.TimeoutExpired:
        proc.kill()
        return proc.communicate()[1]


def test_demo_builds_serves_and_reuses(tmp_path):
    db = tmp_path / "demo.db"
    port = _free_port()
    proc = _run_demo(db, port)
    try:
        overview = _get_json(f"http://127.0.0.1:{port}/?format=json", time.monotonic() + 180)
    finally:
        first = _stop(proc)
    assert overview["ok"] and len(overview["partners"]) >= 15, first
    assert "new 56" in first or "new " in first

    proc = _run_demo(db, port)
    try:
        _get_json(f"http://127.0.0.1:{port}/?format=json", time.monotonic() + 60)
    finally:
        second = _stop(proc)
    assert "new 0" in second, second


def test_demo_on_a_busy_port_fails_before_announcing_the_dashboard(tmp_path):
    import click

    from shuraka.cli_demo import _serve

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        with pytest.raises(click.ClickException, match="cannot listen on 127.0.0.1:"):
            _serve(tmp_path / "demo.db", busy.getsockname()[1], open_browser=False)

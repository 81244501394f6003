"""End-to-end fixtures: a knowledge base from the project's example articles (plus a
hostile probe article), `shuraka serve` on a free loopback port, and headless Chromium
(Debian's `chromium`, driven by Playwright through `executable_path`)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from kb_helpers import example_kb

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = Path(__file__).parent / "screenshots"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
START_TIMEOUT = 60.0


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "e2e: end-to-end tests in headless Chromium")


def chromium_path() -> str | None:
    """Debian's chromium binary, if installed."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _unavailable(reason: str) -> None:
    """Skip on a developer machine; in CI (CI=true) a missing browser is a failure."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: .ci/run must install it)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium_exe() -> str:
    path = chromium_path()
    if path is None:
        _unavailable("headless Chromium not found: apt-get install -y chromium")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _unavailable("Playwright for Python not installed: pip install playwright "
                     "(never `playwright install`: Debian's chromium is used)")
    return path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serve_command(db: Path, port: int) -> list[str]:
    """`shuraka serve` if the main CLI has it, else the command itself."""
    from shuraka.cli import main

    args = ["--db", str(db), "--host", "127.0.0.1", "--port", str(port)]
    if "serve" in getattr(main, "commands", {}):
        return [sys.executable, "-m", "shuraka", "serve", *args]
    return [sys.executable, "-c", "from shuraka.api.cli import serve; serve()", *args]


def _wait_until_up(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"shuraka serve exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"shuraka serve did not answer {url} in {START_TIMEOUT} s")


@pytest.fixture(scope="session")
def knowledge_base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return example_kb(tmp_path_factory)


@pytest.fixture(scope="session")
def server(chromium_exe: str, knowledge_base: Path) -> Iterator[str]:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(_serve_command(knowledge_base, port), cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_until_up(f"{base}/api/stats", process)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="session")
def browser(chromium_exe: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=chromium_exe, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


class Watcher:
    """Everything a page should never produce: console errors, uncaught exceptions,
    dialogs (alert from injected script), failed requests, requests leaving loopback."""

    def __init__(self, page: object, base: str) -> None:
        self.problems: list[str] = []
        self.base = base
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.problems.append(f"pageerror: {error}"))
        page.on("dialog", self._dialog)
        page.on("requestfailed", lambda r: self.problems.append(f"request failed: {r.url}"))
        page.on("request", self._request)

    def _console(self, message: object) -> None:
        if message.type in ("error", "warning") and "DevTools" not in message.text:
            self.problems.append(f"console {message.type}: {message.text}")

    def _dialog(self, dialog: object) -> None:
        self.problems.append(f"dialog: {dialog.message}")
        dialog.dismiss()

    def _request(self, request: object) -> None:
        if not request.url.startswith((self.base, "data:", "about:")):
            self.problems.append(f"request left the server: {request.url}")


@pytest.fixture
def page(browser: object, server: str) -> Iterator[tuple[object, Watcher]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ar")
    tab = context.new_page()
    watcher = Watcher(tab, server)
    yield tab, watcher
    context.close()

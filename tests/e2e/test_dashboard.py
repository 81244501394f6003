"""The dashboard in headless Chromium: every page in both languages without a console
error, the partner → event → source path, the language toggle, and a hostile article
that must show as text and never run."""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

HERE = Path(__file__).parent
PROBE = HERE / "fixtures" / "2024-03-03-xss-probe.txt"
SCREENSHOTS = HERE / "screenshots"

pytestmark = pytest.mark.e2e
HOSTILE_TEXT = '<script>alert("body")</script>'


def _get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.load(response)


def _seg(value: str) -> str:
    return urllib.parse.quote(value, safe="")


@pytest.fixture(scope="module")
def urls(server: str) -> dict[str, str]:
    """One URL of every kind of page, found through the API."""
    partners = _get_json(f"{server}/api/partners")["items"]
    events = _get_json(f"{server}/api/events?partner=JOR&since=2024-03&until=2024-03")["items"]
    probe_event = next(e["id"] for e in events if "<script>" in e["quote"])
    sources = _get_json(f"{server}/api/sources")["items"]
    probe_doc = next(s["document_id"] for s in sources if s["source"].endswith(PROBE.name))
    return {"overview": "/", "network": "/network",
            "partner": f"/partner/{_seg(partners[0]['id'])}", "partner-probe": "/partner/JOR",
            "event": f"/event/{_seg(probe_event)}", "source": f"/source/{_seg(probe_doc)}",
            "search": "/search?q=" + _seg("الناتو"), "search-facet": "/search?q=Jordan&kind=country",
            "docs": "/docs"}


def _settle(tab: object, name: str) -> None:
    if name == "overview":
        tab.wait_for_selector("#world-map[data-ready]", timeout=20000)
        assert tab.locator("#world-map path.fw").count() >= 20
    elif name == "network":
        tab.wait_for_selector("#network[data-ready]", timeout=20000)
        assert tab.locator("#network .node.partner").count() >= 1
    elif name == "docs":
        tab.wait_for_selector(".opblock", timeout=20000)
    else:
        tab.wait_for_load_state("load")


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_every_page_without_errors(page: tuple, server: str, urls: dict, lang: str) -> None:
    tab, watcher = page
    SCREENSHOTS.mkdir(exist_ok=True)
    for name, url in urls.items():
        sep = "&" if "?" in url else "?"
        tab.goto(f"{server}{url}{sep}lang={lang}")
        _settle(tab, name)
        if name != "docs":
            assert tab.evaluate("document.documentElement.lang") == lang, name
            assert tab.evaluate("document.documentElement.dir") == ("rtl" if lang == "ar" else "ltr")
        tab.screenshot(path=str(SCREENSHOTS / f"{name}-{lang}.png"), full_page=True)
        if name == "overview":  # the README's picture: what the first screen shows
            tab.screenshot(path=str(SCREENSHOTS / f"readme-{lang}.png"))
        assert not watcher.problems, (name, lang, watcher.problems)


def test_partner_event_source_and_language(page: tuple, server: str) -> None:
    tab, watcher = page
    tab.goto(f"{server}/?lang=ar")
    tab.locator("a.partner-link", has_text="الأردن").first.click()
    tab.wait_for_url("**/partner/JOR")
    assert tab.locator("#partner-name").inner_text() == "الأردن"
    tab.locator("#timeline a.event-link").first.click()
    tab.wait_for_url("**/event/ev-*")
    assert tab.locator("#evidence mark").count() >= 1
    tab.locator("#evidence a.source-link").first.click()
    tab.wait_for_url("**/source/**#s-*")
    anchor = tab.evaluate("location.hash").lstrip("#")
    assert tab.locator(f'[id="{anchor}"]').count() == 1
    assert tab.locator("#article-text mark").count() >= 1
    tab.locator("#lang-toggle").click()
    tab.wait_for_function("document.documentElement.lang === 'en'")
    assert tab.locator("#lang-toggle").inner_text() == "العربية"
    tab.locator("nav.menu a[href='/network']").click()
    tab.wait_for_url("**/network")
    assert tab.evaluate("document.documentElement.dir") == "ltr"  # the cookie keeps it
    tab.screenshot(path=str(SCREENSHOTS / "flow-network-en.png"), full_page=True)
    assert not watcher.problems, watcher.problems


def test_hostile_article_shows_as_text(page: tuple, server: str, urls: dict) -> None:
    tab, watcher = page
    for name in ("event", "source", "partner-probe", "search"):
        url = urls[name] if name != "search" else "/search?q=" + _seg("الصفدي")
        tab.goto(f"{server}{url}")
        tab.wait_for_load_state("load")
        tab.wait_for_timeout(300)
        body = tab.locator("main").inner_text()
        assert HOSTILE_TEXT in body, name
        assert '"><img src=x onerror=alert(2)>' in body, name
        assert tab.locator("main img").count() == 0, name
        assert tab.evaluate("typeof window.__xss") == "undefined"
    assert not watcher.problems, watcher.problems

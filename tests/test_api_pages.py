"""Pages over a small fake of the data adapter (no database), the view helpers, the UI
strings and the `serve` command."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from click.testing import CliRunner  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from shuraka.api import cli as api_cli  # noqa: E402
from shuraka.api.app import create_app  # noqa: E402
from shuraka.api.data import AnswerCache, NotFound  # noqa: E402
from shuraka.api.i18n import strings  # noqa: E402
from shuraka.api.views.event import in_context  # noqa: E402
from shuraka.api.views.partner import matrix  # noqa: E402
from shuraka.api.views.source import segments  # noqa: E402

EVIL = '"><img src=x onerror=alert(1)><script>alert(2)</script>'
TEXT = f"مقدمة. وقع الأردن والحلف برنامجا {EVIL} للتعاون. خاتمة."
SENTENCE = f"وقع الأردن والحلف برنامجا {EVIL} للتعاون."
START = TEXT.index(SENTENCE)
JOR = {"id": "JOR", "type": "country", "name_en": "Jordan", "name_ar": "الأردن"}
NATO = {"id": "NATO", "type": "organization", "name_en": EVIL, "name_ar": EVIL}
SOURCE = {"document_id": "sha256:abc", "source": "javascript:alert(3)", "url": None,
          "sources": ["javascript:alert(3)"], "title": EVIL, "published": "2024-03-03"}
EVENT = {"id": "ev-1", "type": "SUPPORT", "mode": None, "contexts": [], "date": "2024-03-03",
         "location": None, "actors": [JOR, NATO], "recipients": [], "people": [],
         "topics": ["cyber_defence"], "reports": 1, "sources": 1, "quote": SENTENCE}


class FakeData:
    """The adapter's methods over fixed records."""

    def partners(self) -> list[dict]:
        return [{**JOR, "parties": ["NATO"], "frameworks": ["MD"], "programmes": ["ITPP"],
                 "missions": [], "areas": ["cyber_defence"], "first_seen": "2024-03-03",
                 "last_seen": "2024-03-03", "statements": 1, "sources": 1}]

    def partner(self, partner_id: str) -> dict:
        if partner_id != "JOR":
            raise NotFound(f"no entity {partner_id!r}")
        return {"partner": JOR, "partnerships": [{
            "id": "NATO|JOR|ITPP", "party": NATO, "instrument": None, "instrument_kind": None,
            "first_seen": "2024-03-03", "last_seen": "2024-03-03", "areas": [],
            "statements": [{**SOURCE, "action": "established", "date": "2024-03-03",
                            "area_count": 2, "seen": "2024-03-03", "evidence": []}],
            "conflicts": {}}], "instruments": [], "memberships": [],
            "areas_by_year": {"2024": ["cyber_defence"], "unknown": ["space"]},
            "events": [EVENT], "people": [{"id": "ayman-safadi", "name_en": EVIL,
                                           "name_ar": EVIL, "roles": [], "documents": 1,
                                           "events": 1}],
            "sources": [SOURCE]}

    def events(self, **filters: object) -> dict:
        return {"total": 1, "limit": 50, "offset": 0, "items": [EVENT]}

    def event(self, event_id: str) -> dict:
        if event_id != "ev-1":
            raise NotFound("no event")
        report = {**SOURCE, "start": START, "end": START + len(SENTENCE), "text": SENTENCE,
                  "date": None, "mode": None, "location": None, "actors": [], "recipients": [],
                  "people": []}
        return {**EVENT, "reports": [report], "dates": ["2024-03-03"]}

    def people(self) -> list[dict]:
        return []

    def search(self, q: str, *, limit: int = 20, offset: int = 0) -> dict:
        item = {**SOURCE, "sentence_id": 1, "start": START, "end": START + len(SENTENCE),
                "text": SENTENCE}
        return {"query": q, "words": [q], "total": 30, "limit": limit, "offset": offset,
                "entities": [JOR, NATO], "items": [item]}

    def entities(self, *, type: str | None = None) -> list[dict]:  # noqa: A002
        return [JOR, NATO]

    def sources(self) -> list[dict]:
        return [SOURCE]

    def source(self, source_id: str) -> dict:
        mark = {"start": START, "end": START + len(SENTENCE), "text": SENTENCE,
                "kind": "event", "ref": "ev-1"}
        return {**SOURCE, "text": TEXT, "marks": [mark, {**mark, "kind": "partnership"}]}

    def stats(self) -> dict:
        return {"documents": 1, "events": 1, "partnerships": 1, "persons": 1, "entities": 2,
                "last_published": "2024-03-03"}


@pytest.fixture
def client() -> TestClient:
    return TestClient(create_app(data=FakeData()))


PAGES = ["/", "/network", "/partner/JOR", "/event/ev-1", "/source/sha256:abc",
         "/search?q=x", "/search?q=x&kind=country", "/search?q=x&kind=sentence", "/search"]


@pytest.mark.parametrize("url", PAGES)
def test_pages_render_in_both_languages(client: TestClient, url: str) -> None:
    for lang, direction in (("ar", "rtl"), ("en", "ltr")):
        sep = "&" if "?" in url else "?"
        response = client.get(f"{url}{sep}lang={lang}")
        assert response.status_code == 200, response.text
        assert f'<html lang="{lang}" dir="{direction}">' in response.text
        assert "<script>alert" not in response.text and "<img src=x" not in response.text


def test_untrusted_source_links_are_not_links(client: TestClient) -> None:
    for url in ("/partner/JOR", "/event/ev-1", "/source/sha256:abc"):
        assert 'href="javascript:' not in client.get(url).text


def test_embedded_json_cannot_close_its_script(client: TestClient) -> None:
    html = client.get("/network").text
    data = re.search(r'<script type="application/json" id="page-data">(.*?)</script>', html,
                     re.S).group(1)
    assert "<" not in data and ">" not in data


def test_search_facets_and_pager(client: TestClient) -> None:
    page = client.get("/search.json", params={"q": "x", "kind": "country"}).json()
    assert {f["kind"]: f["count"] for f in page["facets"]} == {
        "sentence": 30, "country": 1, "organization": 1}
    assert [e["id"] for e in page["entities"]] == ["JOR"] and page["items"] == []
    assert page["next_offset"] == 20 and page["prev_offset"] is None
    assert client.get("/search.json", params={"q": "x", "kind": "planet"}).status_code == 400


def test_matrix_rows_years_and_undated() -> None:
    grid = matrix({"2014": ["cyber_defence"], "unknown": ["space"], "2023": ["cyber_defence"]})
    assert grid["years"] == ["2014", "2023", "unknown"]
    assert grid["rows"] == [{"area": "cyber_defence", "cells": [True, True, False]},
                            {"area": "space", "cells": [False, False, True]}]


def test_segments_cover_the_text_and_merge_overlaps() -> None:
    text = "أ ب ت ث ج ح"
    marks = [{"start": 2, "end": 5}, {"start": 4, "end": 7}, {"start": 10, "end": 99}]
    parts = segments(text, marks)
    assert "".join(p["text"] for p in parts) == text
    assert [(p["text"], p["anchors"]) for p in parts if p["mark"]] == [
        (text[2:7], [2, 4]), (text[10:], [10])]


def test_context_refuses_drifted_offsets() -> None:
    assert in_context(TEXT, START, START + len(SENTENCE), SENTENCE)["aligned"]
    drifted = in_context(TEXT, START + 1, START + len(SENTENCE) + 1, SENTENCE)
    assert drifted == {"before": "", "sentence": SENTENCE, "after": "", "aligned": False}


def test_every_template_string_exists() -> None:
    web = Path(__file__).resolve().parents[1] / "src" / "shuraka" / "web" / "templates"
    used = {key for path in web.glob("*.html")
            for key in re.findall(r"t\('([a-z_]+\.[A-Za-z_]+)'\)", path.read_text("utf-8"))}
    assert used and used <= set(strings())


def test_serve_binds_loopback_by_default(monkeypatch: pytest.MonkeyPatch,
                                         tmp_path: Path) -> None:
    import uvicorn

    seen: dict = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(kw, app=app))
    monkeypatch.setattr("shuraka.api.app.StoreData", lambda url, cache: FakeData())
    db = tmp_path / "kb.db"
    db.write_bytes(b"")
    result = CliRunner().invoke(api_cli.serve, ["--db", str(db)])
    assert result.exit_code == 0, result.output
    assert seen["host"] == "127.0.0.1" and seen["port"] == 8000
    result = CliRunner().invoke(api_cli.serve, ["--db", str(db), "--host", "0.0.0.0",
                                                "--port", "9000"])
    assert seen["host"] == "0.0.0.0" and seen["port"] == 9000
    assert api_cli.COMMANDS == [api_cli.serve]


def test_serve_refuses_a_missing_knowledge_base(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    result = CliRunner().invoke(api_cli.serve, ["--db", str(missing)])
    assert result.exit_code != 0
    assert "shuraka ingest" in result.output and not missing.exists()


def test_answer_cache_drops_everything_when_the_knowledge_base_changes() -> None:
    generation = [1]
    calls: list[str] = []
    cache = AnswerCache(lambda: generation[0], size=2, ttl=0.0)

    def compute(key: str) -> dict:
        calls.append(key)
        return {"key": key}

    assert cache.get("a", lambda: compute("a")) is cache.get("a", lambda: compute("a"))
    assert calls == ["a"]
    cache.get("b", lambda: compute("b"))
    cache.get("c", lambda: compute("c"))  # size 2: "a" goes
    cache.get("a", lambda: compute("a"))
    assert calls == ["a", "b", "c", "a"]
    generation[0] = 2  # an ingest added documents
    cache.get("c", lambda: compute("c"))
    assert calls[-1] == "c"


class SharedData(FakeData):
    """Answers the same objects every time, as the answer cache does."""

    def __init__(self) -> None:
        self.shared = {"event": FakeData.event(self, "ev-1"), "partner": FakeData.partner(self, "JOR")}

    def event(self, event_id: str) -> dict:
        return self.shared["event"]

    def partner(self, partner_id: str) -> dict:
        return self.shared["partner"]


def test_pages_do_not_change_cached_answers() -> None:
    data = SharedData()
    client = TestClient(create_app(data=data))
    before = repr(data.shared)
    for url in ("/event/ev-1", "/partner/JOR", "/event/ev-1.json", "/partner/JOR.json"):
        assert client.get(url).status_code == 200
    assert repr(data.shared) == before


def test_map_keeps_nato_partners_and_framework_members_only() -> None:
    from shuraka.api.views.overview import map_countries

    rows = [{**JOR, "parties": ["NATO"], "sources": 3},
            {"id": "IRN", "type": "country", "name_en": "Iran", "name_ar": "إيران",
             "parties": ["RUS"], "sources": 1}]
    countries = {c["id"]: c for c in map_countries(rows)}
    assert countries["JOR"]["in_kb"] and countries["JOR"]["framework"] == "MD"
    assert countries["JOR"]["geo"] == "400"
    assert "IRN" not in countries
    assert countries["JPN"]["framework"] == "PATG" and not countries["JPN"]["in_kb"]

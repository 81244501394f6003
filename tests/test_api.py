"""REST API and pages over a real knowledge base built from the example articles plus a
hostile article (script tags, attribute breakers) that must never run."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient  # noqa: E402
from kb_helpers import PROBE, example_kb  # noqa: E402

from shuraka.api.app import create_app  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = ['<script>alert("body")</script>', '"><img src=x onerror=alert(2)>']
ERROR_KEYS = {"ok", "error", "status"}


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> str:
    return f"sqlite:///{example_kb(tmp_path_factory)}"


@pytest.fixture(scope="module")
def client(kb: str) -> TestClient:
    return TestClient(create_app(kb))


@pytest.fixture(scope="module")
def probe_event(client: TestClient) -> str:
    items = client.get("/api/events", params={"partner": "JOR", "since": "2024-03",
                                              "until": "2024-03"}).json()["items"]
    hostile = [e["id"] for e in items if "<script>" in e["quote"]]
    assert hostile, "the probe article should yield an event quoting its script tag"
    return hostile[0]


def probe_document(client: TestClient) -> str:
    docs = client.get("/api/sources").json()["items"]
    return next(d["document_id"] for d in docs if d["source"].endswith(PROBE.name))


# --- API shapes ------------------------------------------------------------------

@pytest.mark.parametrize("url, keys", [
    ("/api/partners", {"total", "limit", "offset", "items"}),
    ("/api/partners/JPN", {"partner", "partnerships", "instruments", "areas_by_year",
                           "events", "people", "sources"}),
    ("/api/events", {"total", "limit", "offset", "items"}),
    ("/api/entities?type=country", {"total", "items"}),
    ("/api/people", {"total", "items"}),
    ("/api/search?q=الناتو", {"query", "total", "items", "entities"}),
    ("/api/sources", {"total", "items"}),
    ("/api/stats", {"documents", "events", "partnerships"}),
])
def test_api_shapes(client: TestClient, url: str, keys: set[str]) -> None:
    response = client.get(url)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["ok"] is True
    assert keys <= body.keys()


def test_event_and_source_endpoints(client: TestClient, probe_event: str) -> None:
    event = client.get(f"/api/events/{probe_event}").json()
    report = event["reports"][0]
    doc = client.get(f"/api/sources/{report['document_id']}").json()
    assert doc["text"][report["start"]:report["end"]] == report["text"]
    assert any(mark["ref"] == probe_event for mark in doc["marks"])


def test_events_filters_and_pages(client: TestClient) -> None:
    everything = client.get("/api/events", params={"limit": 100}).json()
    page = client.get("/api/events", params={"limit": 2, "offset": 1}).json()
    assert page["items"] == everything["items"][1:3]
    assert page["total"] == everything["total"]
    typed = client.get("/api/events", params={"type": "SUPPORT"}).json()["items"]
    assert typed and all(e["type"] == "SUPPORT" for e in typed)
    dated = client.get("/api/events", params={"since": "2023", "until": "2023"}).json()["items"]
    assert all(e["date"].startswith("2023") for e in dated)


def test_list_endpoints_are_bounded(client: TestClient) -> None:
    body = client.get("/api/entities", params={"limit": 3, "offset": 2}).json()
    assert len(body["items"]) <= 3 and body["limit"] == 3 and body["offset"] == 2
    assert client.get("/api/entities").json()["limit"] == 100


# --- the single error shape --------------------------------------------------------

BAD = [
    ("/api/events?limit=0", 400), ("/api/events?limit=101", 400), ("/api/events?offset=-1", 400),
    ("/api/events?offset=100001", 400), ("/api/events?since=2023-13", 400),
    ("/api/events?until=yesterday", 400), ("/api/events?type=PARTY", 400),
    ("/api/events?since=%D9%A2%D9%A0%D9%A2%D9%A3", 400),  # Arabic-Indic digits: not ISO
    ("/api/events?partner=%3Cscript%3E", 400), ("/api/entities?type=planet", 400),
    ("/api/search", 400), ("/api/search?q=", 400), ("/api/search?q=" + "x" * 201, 400),
    ("/api/search?q=ok&limit=1000", 400), ("/api/partners/%3Cb%3E", 400),
    ("/api/partners/NOWHERE", 404), ("/api/events/ev-000000000000", 404),
    ("/api/sources/sha256:00", 404), ("/api/nothing-here", 404), ("/partner/NOWHERE.json", 404),
    ("/event/ev-000000000000?format=json", 404), ("/search.json?limit=500&q=a", 400),
    ("/index.json?lang=fr", 400), ("/network.json?format=xml", 400),
]


@pytest.mark.parametrize("url, status", BAD)
def test_error_shape(client: TestClient, url: str, status: int) -> None:
    response = client.get(url)
    assert response.status_code == status
    body = response.json()
    assert set(body) == ERROR_KEYS
    assert body["ok"] is False and body["status"] == status and body["error"]


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_read_only(client: TestClient, method: str) -> None:
    response = getattr(client, method)("/api/partners")
    assert response.status_code == 405
    assert response.json() == {"ok": False, "error": "Method Not Allowed", "status": 405}


def test_html_pages_answer_errors_as_pages(client: TestClient) -> None:
    response = client.get("/partner/NOWHERE")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "NOWHERE" in response.text


def test_openapi_documents_every_endpoint(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert {"/api/partners", "/api/partners/{partner_id}", "/api/events",
            "/api/events/{event_id}", "/api/entities", "/api/people", "/api/search",
            "/api/sources", "/api/stats"} <= set(schema["paths"])
    operations = [op for path in schema["paths"].values() for op in path.values()]
    assert all("422" not in op["responses"] and "400" in op["responses"] for op in operations)
    docs = client.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs


# --- pages and their JSON twins ------------------------------------------------------

def page_urls(client: TestClient, probe_event: str) -> list[str]:
    return ["/", "/network", "/partner/JOR", "/partner/JPN", f"/event/{probe_event}",
            f"/source/{probe_document(client)}", "/search?q=الأردن", "/search?q=Jordan&kind=country",
            "/search"]


def test_every_page_has_a_json_twin(client: TestClient, probe_event: str) -> None:
    for url in page_urls(client, probe_event):
        html = client.get(url)
        assert html.status_code == 200, url
        assert html.headers["content-type"].startswith("text/html")
        path, _, query = url.partition("?")
        twin = (path.rstrip("/") or "/index") + ".json" + (f"?{query}" if query else "")
        by_suffix = client.get(twin)
        by_param = client.get(url + ("&" if query else "?") + "format=json")
        assert by_suffix.status_code == 200, twin
        assert by_suffix.json() == by_param.json()
        assert by_suffix.json()["ok"] is True
        link = re.search(r'class="json-link" href="([^"]+)"', html.text).group(1)
        assert client.get(link.replace("&amp;", "&")).json() == by_suffix.json()


def test_language_toggle_and_cookie(kb: str) -> None:
    client = TestClient(create_app(kb))
    arabic = client.get("/")
    assert '<html lang="ar" dir="rtl">' in arabic.text
    english = client.get("/network?lang=en")
    assert '<html lang="en" dir="ltr">' in english.text
    assert english.cookies.get("lang") == "en"
    assert '<html lang="en" dir="ltr">' in client.get("/").text  # the cookie keeps it
    assert 'href="/?lang=ar"' in client.get("/").text


def test_serve_on_a_busy_port_says_so_and_never_claims_to_serve(kb: str) -> None:
    import socket

    from click.testing import CliRunner

    from shuraka.api.cli import serve

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(serve, ["--db", kb, "--port", str(port)])
    assert result.exit_code == 1 and f"cannot listen on 127.0.0.1:{port}" in result.output
    assert "serving on" not in result.output


def test_static_assets_and_no_traversal(client: TestClient) -> None:
    for asset in ("vendor/d3/d3.min.js", "vendor/topojson-client/topojson-client.min.js",
                  "vendor/world-atlas/countries-50m.json", "vendor/swagger-ui/swagger-ui.css",
                  "app.css", "js/map.js"):
        assert client.get(f"/static/{asset}").status_code == 200, asset
    for attempt in ("/static/../pyproject.toml", "/static/%2e%2e/%2e%2e/api/app.py",
                    "/static/..%2f..%2fapi%2fapp.py", "/static//etc/passwd",
                    "/static/vendor/../../templates/base.html", "/static/vendor/"):
        response = client.get(attempt)
        assert response.status_code == 404, attempt
        assert "import" not in response.text


# --- safety ------------------------------------------------------------------------

def _scripts_are_external_or_data(html: str) -> bool:
    tags = re.findall(r"<script\b[^>]*>", html)
    return all('src="/static/' in tag or 'type="application/json"' in tag for tag in tags)


def test_hostile_article_is_escaped_everywhere(client: TestClient, probe_event: str) -> None:
    for url in page_urls(client, probe_event):
        html = client.get(url).text
        for needle in HOSTILE + ["<img src=x", "<svg onload"]:
            assert needle not in html, (url, needle)
        assert _scripts_are_external_or_data(html), url
    event_html = client.get(f"/event/{probe_event}").text
    assert "&lt;script&gt;alert(&#34;body&#34;)&lt;/script&gt;" in event_html
    assert "<mark>" in event_html


def test_security_headers(client: TestClient) -> None:
    csp = client.get("/").headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert client.get("/api/stats").headers["x-content-type-options"] == "nosniff"


def test_nothing_loads_from_elsewhere(client: TestClient, probe_event: str) -> None:
    external = re.compile(r'(?:src|href)="(?:https?:)?//', re.I)
    for url in page_urls(client, probe_event) + ["/docs"]:
        assert not external.search(client.get(url).text), url
    web = ROOT / "src" / "shuraka" / "web"
    for path in [*web.glob("templates/*.html"), *web.glob("static/js/*.js")]:
        assert "cdn" not in path.read_text(encoding="utf-8").lower(), path


def test_vendored_libraries_ship_their_licences() -> None:
    vendor = ROOT / "src" / "shuraka" / "web" / "static" / "vendor"
    libraries = [p for p in vendor.iterdir() if p.is_dir()]
    assert {p.name for p in libraries} >= {"d3", "topojson-client", "world-atlas", "swagger-ui"}
    assert all((p / "LICENSE").is_file() for p in libraries)


def test_package_data_ships_every_web_asset() -> None:
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"].get("package-data", {}).get("shuraka.web", [])
    web = ROOT / "src" / "shuraka" / "web"
    shipped = {p for pattern in patterns for p in web.glob(pattern) if p.is_file()}
    needed = {p for folder in ("templates", "static", "data") for p in (web / folder).rglob("*")
              if p.is_file() and "__pycache__" not in p.parts}
    assert not needed - shipped, sorted(str(p.relative_to(web)) for p in needed - shipped)

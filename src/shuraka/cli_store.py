"""Knowledge-base commands: ingest, query (partners, partner, events, people, search, show,
stats) and export. Thin wrappers over `shuraka.store`; `COMMANDS` lists them for
`shuraka.cli.main.add_command`.

Every query command takes `--db` (URL or path; default $SHURAKA_DB, else the user data
dir) and `--format table|json|csv` (the shared `output_options` decorator).
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from shuraka.cli_common import fail as _fail
from shuraka.errors import ShurakaError

OUTPUT_FORMATS = ("table", "json", "csv")
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
MAX_CELL = 48
ISO_DATE = re.compile(r"[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?")  # as the API


db_option = click.option(
    "--db", "db", envvar="SHURAKA_DB", default=None, metavar="URL|PATH",
    help="Knowledge base: a SQLite file path or a database URL (sqlite:///..., "
         "postgresql://...). Default: $SHURAKA_DB, else shuraka.db in the user data dir.")


@dataclass
class Section:
    title: str
    columns: list[str]
    rows: list[dict[str, Any]]


@dataclass
class View:
    """What a query command returns: the JSON data and its table/CSV sections."""

    data: Any
    sections: list[Section] = field(default_factory=list)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        return str(value.get("id", ""))
    if isinstance(value, list):
        return ", ".join(_cell(v) for v in value)
    return " ".join(str(value).split())


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def render_table(sections: list[Section]) -> str:
    out: list[str] = []
    for s in sections:
        if s.title:
            out.append(f"== {s.title}")
        last = len(s.columns) - 1  # the last column (a quote, a title) is never cut
        cells = [[_cell(r.get(c)) if i == last else _clip(_cell(r.get(c)), MAX_CELL)
                  for i, c in enumerate(s.columns)] for r in s.rows]
        widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(s.columns)]
        widths[-1] = 0
        out.append("  ".join(c.ljust(w) for c, w in zip(s.columns, widths, strict=True)).rstrip())
        out += ["  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip()
                for row in cells]
        out.append("")
    return "\n".join(out).rstrip()


def render_csv(sections: list[Section]) -> str:
    """One CSV; with several sections, a first column `section` tells them apart."""
    buffer = io.StringIO()
    multi = len(sections) > 1
    columns = (["section"] if multi else []) + list(dict.fromkeys(
        c for s in sections for c in s.columns))
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for s in sections:
        for r in s.rows:
            row = {**{c: _cell(r.get(c)) for c in s.columns}, "section": s.title}
            writer.writerow([row.get(c, "") for c in columns])
    return buffer.getvalue().rstrip("\n")


def _open_existing(db: str | None) -> Any:
    """Open the knowledge base for reading; a missing SQLite file is an error, not a new
    empty database (a typo in --db would otherwise answer with nothing)."""
    from shuraka.store import open_store, resolve_url
    from shuraka.store.errors import StoreError

    url = resolve_url(db)
    path = url.removeprefix("sqlite:///") if url.startswith("sqlite:///") else None
    if path and path != ":memory:" and not Path(path).is_file():
        raise StoreError(f"no knowledge base at {path}",
                         hint=f"build one with `shuraka ingest ARTICLES... --db {path}`")
    return open_store(url)


def output_options(fn: Callable[..., View]) -> Callable[..., None]:
    """Adds --db and --format; opens the store, calls `fn(session, **options)` and prints
    the View it returns as a table, JSON or CSV."""

    @click.option("--format", "fmt", type=click.Choice(OUTPUT_FORMATS), default="table",
                  show_default=True, help="Output format.")
    @db_option
    @functools.wraps(fn)
    def wrapper(fmt: str, db: str | None, **kwargs: Any) -> None:
        try:
            store = _open_existing(db)
            try:
                with store.session() as session:
                    view = fn(session, **kwargs)
            finally:
                store.close()
        except ShurakaError as error:
            _fail(error)
            return
        if fmt == "json":
            click.echo(json.dumps(view.data, ensure_ascii=False, indent=1))
        elif fmt == "csv":
            click.echo(render_csv(view.sections))
        else:
            click.echo(render_table(view.sections))

    return wrapper


# --- ingest -------------------------------------------------------------------------

def _progress_bar(enabled: bool | None) -> tuple[Any, Callable | None]:
    if enabled is False or (enabled is None and not sys.stderr.isatty()):
        return None, None
    from tqdm import tqdm

    bar = tqdm(unit="doc", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)

    def update(p: Any) -> None:
        if p.total is not None and bar.total != max(p.total, p.done):
            bar.total = max(p.total, p.done)
        bar.set_postfix_str(p.status, refresh=False)
        bar.update(p.done - bar.n)

    return bar, update


def _summary(report: Any) -> str:
    lines = [f"read {report.read}: new {report.new}, near-duplicate {report.near_duplicate}, "
             f"duplicate {report.duplicate}, failed {len(report.failed)} "
             f"({report.seconds:.1f} s)"]
    lines += [f"  failed {source}: {reason}" for source, reason in report.failed]
    return "\n".join(lines)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--workers", type=click.IntRange(min=0), default=None,
              help="Extraction processes beside the writer (default: CPUs - 1, at least 1; "
                   "0: extract in the writer's process).")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar on stderr (default: when stderr is a terminal).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="Summary format.")
def ingest(paths: tuple[str, ...], db: str | None, workers: int | None,
           progress: bool | None, fmt: str) -> None:
    """Read, extract and store articles in the knowledge base.

    PATHS are files, directories (read recursively) or - for standard input. An article
    already stored (same text) is skipped; a near-duplicate joins the story of the one it
    copies. Each article is stored in its own transaction: after Ctrl-C or a crash, run
    the same command again to finish. Exit status 1 if any input failed.
    """
    from shuraka.store import IngestInterrupted
    from shuraka.store import ingest as run_ingest

    bar, update = _progress_bar(progress)
    try:
        report = run_ingest(list(paths), db, workers=workers, progress=update)
    except IngestInterrupted as stop:
        if bar is not None:
            bar.close()
        click.echo(_summary(stop.report), err=True)
        click.echo(f"interrupted: {stop.hint}", err=True)
        sys.exit(130)
    except ShurakaError as error:
        _fail(error)
        return
    finally:
        if bar is not None:
            bar.close()
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=1))
    else:
        click.echo(_summary(report))
    if report.failed:
        sys.exit(1)


# --- queries ------------------------------------------------------------------------

EVENT_COLUMNS = ["id", "date", "type", "mode", "actors", "recipients", "location", "sources",
                 "quote"]


@click.command()
@output_options
def partners(session: Any) -> View:
    """A row per partner: frameworks, programmes, missions, areas, first/last seen, sources."""
    from shuraka.store import queries

    rows = queries.partners(session)
    columns = ["id", "name_en", "parties", "frameworks", "programmes", "missions", "areas",
               "first_seen", "last_seen", "sources"]
    return View(rows, [Section("", columns, rows)])


@click.command()
@click.argument("partner_id")
@output_options
def partner(session: Any, partner_id: str) -> View:
    """A partner's profile: instruments, areas by year, events, people and sources.

    PARTNER_ID is an id (KOR, JPN, IP4) in any case, or an English or Arabic name.
    """
    from shuraka.store import queries

    p = queries.partner_profile(session, partner_id)
    ties = [{**t, "statements": len(t["statements"]),
             "areas": [a["area"] for a in t["areas"]],
             "conflicts": ", ".join(k for k, v in t["conflicts"].items() if v)}
            for t in p["partnerships"]]
    years = [{"year": y, "areas": a} for y, a in p["areas_by_year"].items()]
    people = [{**x, "roles": [f"{r['title_en']} of {r['of'] or '?'}" for r in x["roles"]]}
              for x in p["people"]]
    name = p["partner"]["name_en"] or p["partner"]["name_ar"]
    return View(p, [
        Section(f"{p['partner']['id']} {name}: partnerships",
                ["party", "instrument", "instrument_kind", "first_seen", "last_seen",
                 "statements", "areas", "conflicts"], ties),
        Section("areas by year", ["year", "areas"], years),
        Section("events", EVENT_COLUMNS, p["events"]),
        Section("people", ["id", "name_en", "roles", "documents"], people),
        Section("sources", ["published", "source", "title"], p["sources"]),
    ])


def _iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Dates compare as strings, so anything but YYYY[-MM[-DD]] would filter silently."""
    if value is not None and not ISO_DATE.fullmatch(value):
        raise click.BadParameter(f"{value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD "
                                 "(2023, 2023-07, 2023-07-11)")
    return value


@click.command()
@click.option("--partner", default=None, help="Only events this entity takes part in.")
@click.option("--type", "type_", default=None, type=click.Choice(PLOVER_TYPES, case_sensitive=False),
              callback=lambda _c, _p, v: v.upper() if v else v,
              help="A PLOVER event type (CONSULT, AGREE...).")
@click.option("--since", default=None, metavar="DATE", callback=_iso_date,
              help="From this date (YYYY[-MM[-DD]]).")
@click.option("--until", default=None, metavar="DATE", callback=_iso_date,
              help="Up to this date (YYYY[-MM[-DD]]).")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True)
@output_options
def events(session: Any, partner: str | None, type_: str | None, since: str | None,
           until: str | None, limit: int, offset: int) -> View:
    """Merged events, newest first, each with its number of sources."""
    from shuraka.store import queries

    page = queries.events(session, partner=partner, type=type_, since=since, until=until,
                          limit=limit, offset=offset)
    title = f"events {offset + 1}-{offset + len(page['items'])} of {page['total']}"
    return View(page, [Section(title, EVENT_COLUMNS, page["items"])])


@click.command()
@output_options
def people(session: Any) -> View:
    """Persons with their roles (as of the articles' dates) and how often they appear."""
    from shuraka.store import queries

    rows = queries.people(session)
    flat = [{**p, "roles": [f"{r['title_en']} of {r['of'] or '?'} ({r['first_seen'] or '?'})"
                            for r in p["roles"]]} for p in rows]
    return View(rows, [Section("", ["id", "name_en", "name_ar", "roles", "documents", "events"],
                               flat)])


@click.command()
@click.argument("query")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True)
@output_options
def search(session: Any, query: str, limit: int, offset: int) -> View:
    """Full-text search (Arabic, normalized; clitics need not match) and entity names
    (English works: "South Korea")."""
    from shuraka.store import queries

    result = queries.search(session, query, limit=limit, offset=offset)
    sections = []
    if result["entities"]:
        sections.append(Section("entities", ["id", "type", "name_en", "name_ar"],
                                result["entities"]))
    first = offset + 1 if result["items"] else 0
    sections.append(Section(f"sentences {first}-{offset + len(result['items'])} of "
                            f"{result['total']}",
                            ["published", "source", "text"], result["items"]))
    return View(result, sections)


@click.command()
@click.argument("event_id")
@output_options
def show(session: Any, event_id: str) -> View:
    """An event with every sentence that reported it and its source links."""
    from shuraka.store import queries

    ev = queries.event(session, event_id)
    head = {**ev, "dates": ev["dates"], "people": ev["people"], "topics": ev["topics"]}
    return View(ev, [
        Section(f"event {ev['id']}", ["type", "mode", "date", "dates", "actors", "recipients",
                                      "people", "location", "topics"], [head]),
        Section("reports", ["published", "date", "source", "start", "end", "text"],
                ev["reports"]),
    ])


@click.command()
@output_options
def stats(session: Any) -> View:
    """Counts of what the knowledge base holds."""
    from shuraka.store import queries

    data = queries.stats(session)
    return View(data, [Section("", ["what", "count"],
                               [{"what": k, "count": v} for k, v in data.items()])])


@click.command()
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "plover", "graphml",
                                                     "parquet"]),
              default="jsonl", show_default=True,
              help="jsonl: every record; csv/parquet: a directory of tables; plover: PLOVER "
                   "event records (JSON Lines); graphml: the partnership network.")
@click.option("--output", "-o", type=click.Path(path_type=Path), default=None,
              help="File to write (directory for csv/parquet, default ./shuraka-export); "
                   "default for the others: standard output.")
@db_option
def export(fmt: str, output: Path | None, db: str | None) -> None:
    """Export the knowledge base for pandas, DuckDB, Gephi, networkx or POLECAT tools."""
    from shuraka.store.export import export as run_export

    try:
        store = _open_existing(db)
        try:
            with store.session() as session:
                written = run_export(session, fmt, output, sys.stdout)
        finally:
            store.close()
    except ShurakaError as error:
        _fail(error)
        return
    for path in written if fmt in ("csv", "parquet") else []:
        click.echo(f"wrote {path}", err=True)


COMMANDS = [ingest, partners, partner, events, people, search, show, stats, export]

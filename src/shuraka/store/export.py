"""Exports of the knowledge base: JSON Lines, CSV and Parquet tables, PLOVER event records,
and the partnership network as GraphML.

- jsonl: one object per line with a "kind": entity, document, event (with its reports),
  partnership (with statements and areas), membership.
- csv / parquet: a directory of flat tables (TABLES); list cells are `;`-joined in CSV
  and real lists in Parquet (needs pyarrow: `pip install 'shuraka[export]'`).
- plover: one PLOVER JSON record per merged event (field names of the PLOVER manual's
  "JSON Data Fields": id, date, source, recipient, event, mode, context, event_loc,
  event_text, quad_code, text_info, cite_info, coder, codebook), plus flat POLECAT-style
  fields (event_type, event_mode, contexts, actor_name, actor_code, recipient_name,
  recipient_code, placename, location_code, quote, url).
- graphml: a directed graph readable by networkx.read_graphml and Gephi. Nodes are
  entities (parties, partners, instruments, members) and cooperation areas (`area:CODE`),
  with attributes type, name_en, name_ar, kind. Edges: party -> partner (relation
  partnership, with instruments, first_seen, last_seen, sources), partner -> instrument
  (instrument), partner -> area (area), member -> instrument (member); one edge per
  node pair, `relation` `;`-joins the relations it stands for.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO
from xml.sax.saxutils import escape, quoteattr

from sqlalchemy import select
from sqlalchemy.orm import Session

from shuraka import __version__
from shuraka.store import models as m
from shuraka.store import queries
from shuraka.store.errors import MissingDependencyError, StoreError
from shuraka.store.vocab import plover_quads

FORMATS = ("jsonl", "csv", "plover", "graphml", "parquet")
DIRECTORY_FORMATS = ("csv", "parquet")


def _event_ids(session: Session) -> list[str]:
    return list(session.scalars(select(m.Event.id)
                                .order_by(m.Event.date.is_(None), m.Event.date, m.Event.id)))


def all_events(session: Session) -> Iterator[dict]:
    """queries.event() of every event, oldest first."""
    for eid in _event_ids(session):
        yield queries.event(session, eid)


def all_partnerships(session: Session) -> list[dict]:
    ties = list(session.scalars(select(m.Partnership).order_by(m.Partnership.id)))
    rows = queries.partnership_rows(session, ties)
    partners = queries.refs(session, [t.partner_id for t in ties])
    for row, tie in zip(rows, ties, strict=True):
        row["partner"] = partners[tie.partner_id]
    return rows


def documents(session: Session) -> list[dict]:
    rows = queries.sources(session)
    texts = dict(session.execute(select(m.Document.id, m.Document.text)).all())
    return [{**r, "text": texts[r["document_id"]]} for r in rows]


def jsonl_records(session: Session) -> Iterator[dict]:
    """Every record of the knowledge base, each with its "kind"."""
    for e in queries.entities(session):
        yield {"kind": "entity", **e}
    for d in documents(session):
        yield {"kind": "document", **d}
    for ev in all_events(session):
        yield {"kind": "event", **ev}
    for p in all_partnerships(session):
        yield {"kind": "partnership", **p}
    for ms in queries.memberships(session):
        yield {"kind": "membership", **ms}


# --- PLOVER ---------------------------------------------------------------------------

def _actor(ref: dict) -> dict:
    return {"code": ref["id"], "actor_text": ref["name_ar"], "identifier_text": ref["name_en"],
            "type": ref["type"]}


def _names(refs: list[dict]) -> str:
    return "; ".join(r["name_en"] or r["name_ar"] for r in refs)


def plover_record(ev: dict) -> dict:
    """One merged event as a PLOVER JSON record with POLECAT-style flat fields."""
    first = ev["reports"][0] if ev["reports"] else {}
    loc = ev["location"]
    return {
        "id": ev["id"], "date": ev["date"],
        "source": [_actor(r) for r in ev["actors"]],
        "recipient": [_actor(r) for r in ev["recipients"]],
        "event": [ev["type"]], "mode": ev["mode"], "context": ev["contexts"],
        "quad_code": plover_quads().get(ev["type"]),
        "event_loc": {"name": loc["name_en"] or loc["name_ar"], "code": loc["id"],
                      "type": loc["type"]} if loc else None,
        "event_text": [r["text"] for r in ev["reports"]],
        "text_info": {"start": first.get("start"), "end": first.get("end")},
        "cite_info": {"url": first.get("url"), "title": first.get("title"), "language": "ar",
                      "publication_date": first.get("published"),
                      "sources": sorted({s for r in ev["reports"] for s in r["sources"]})},
        "coder": f"shuraka {__version__}", "codebook": "PLOVER (shuraka/extract@1)",
        "event_type": ev["type"], "event_mode": ev["mode"], "contexts": ev["contexts"],
        "actor_name": _names(ev["actors"]), "actor_code": [r["id"] for r in ev["actors"]],
        "recipient_name": _names(ev["recipients"]),
        "recipient_code": [r["id"] for r in ev["recipients"]],
        "people": [{"code": r["id"], "name": r["name_en"] or r["name_ar"]} for r in ev["people"]],
        "placename": (loc["name_en"] or loc["name_ar"]) if loc else None,
        "location_code": loc["id"] if loc else None,
        "topics": ev["topics"], "quote": ev["quote"], "url": first.get("url"),
        "dates_reported": ev["dates"], "reports": len(ev["reports"]),
    }


def plover_records(session: Session) -> Iterator[dict]:
    for ev in all_events(session):
        yield plover_record(ev)


# --- flat tables (CSV, Parquet) ---------------------------------------------------------

def _ids(refs: list[dict]) -> list[str]:
    return [r["id"] for r in refs]


def tables(session: Session) -> dict[str, list[dict]]:
    """The flat export tables: name -> rows (a list cell stays a list here)."""
    events, reports = [], []
    for ev in all_events(session):
        events.append({"id": ev["id"], "type": ev["type"], "mode": ev["mode"],
                       "contexts": ev["contexts"], "date": ev["date"],
                       "location": ev["location"]["id"] if ev["location"] else None,
                       "actors": _ids(ev["actors"]), "recipients": _ids(ev["recipients"]),
                       "people": _ids(ev["people"]), "topics": ev["topics"],
                       "reports": ev["reports"].__len__(), "sources": ev["sources"],
                       "quote": ev["quote"]})
        reports += [{"event_id": ev["id"], "document_id": r["document_id"], "source": r["source"],
                     "start": r["start"], "end": r["end"], "text": r["text"], "date": r["date"]}
                    for r in ev["reports"]]
    ties = all_partnerships(session)
    return {
        "entities": queries.entities(session),
        "documents": [{k: v for k, v in d.items() if k != "text"} for d in documents(session)],
        "events": events, "event_reports": reports,
        "partnerships": [{"id": p["id"], "party": p["party"]["id"], "partner": p["partner"]["id"],
                          "instrument": p["instrument"]["id"] if p["instrument"] else None,
                          "instrument_kind": p["instrument_kind"], "first_seen": p["first_seen"],
                          "last_seen": p["last_seen"], "statements": len(p["statements"]),
                          "areas": [a["area"] for a in p["areas"]]} for p in ties],
        "partnership_statements": [
            {"partnership_id": p["id"], "document_id": s["document_id"], "source": s["source"],
             "action": s["action"], "date": s["date"], "area_count": s["area_count"],
             "seen": s["seen"]} for p in ties for s in p["statements"]],
        "partnership_areas": [{"partnership_id": p["id"], **a} for p in ties for a in p["areas"]],
        "memberships": [{"instrument": r["instrument"]["id"], "member": r["member"]["id"],
                         "first_seen": r["first_seen"], "last_seen": r["last_seen"],
                         "sources": r["sources"]} for r in queries.memberships(session)],
    }


def _columns(rows: list[dict]) -> list[str]:
    return list(dict.fromkeys(k for r in rows for k in r))


def _cell(value: object) -> object:
    return ";".join(map(str, value)) if isinstance(value, list) else value


def write_csv(session: Session, directory: Path) -> list[Path]:
    """One CSV file per table under `directory` (created); returns the paths."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, rows in tables(session).items():
        path = directory / f"{name}.csv"
        with open(path, "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=_columns(rows) or ["id"])
            writer.writeheader()
            writer.writerows({k: _cell(v) for k, v in r.items()} for r in rows)
        written.append(path)
    return written


def write_parquet(session: Session, directory: Path) -> list[Path]:
    """One Parquet file per table under `directory` (needs pyarrow)."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise MissingDependencyError(
            "--format parquet needs pyarrow, which is not installed",
            hint="pip install 'shuraka[export]' (or pip install pyarrow)") from exc
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, rows in tables(session).items():
        path = directory / f"{name}.parquet"
        pq.write_table(pa.Table.from_pylist(rows) if rows else pa.table({}), path)
        written.append(path)
    return written


# --- GraphML ----------------------------------------------------------------------------

_NODE_KEYS = ("type", "name_en", "name_ar", "kind")
_EDGE_KEYS = (("relation", "string"), ("instruments", "string"), ("first_seen", "string"),
              ("last_seen", "string"), ("sources", "int"))


class _Graph:
    def __init__(self) -> None:
        self.nodes: dict[str, dict] = {}
        self.edges: dict[tuple[str, str], dict] = {}

    def node(self, ref: dict, kind: str | None = None) -> str:
        attrs = self.nodes.setdefault(ref["id"], {k: ref.get(k) for k in _NODE_KEYS[:3]})
        attrs["kind"] = attrs.get("kind") or kind
        return ref["id"]

    def edge(self, a: str, b: str, relation: str, **attrs: object) -> None:
        e = self.edges.setdefault((a, b), {"relation": [], "instruments": [], "sources": 0,
                                           "first_seen": None, "last_seen": None})
        if relation not in e["relation"]:
            e["relation"].append(relation)
        if attrs.get("instrument") and attrs["instrument"] not in e["instruments"]:
            e["instruments"].append(attrs["instrument"])
        e["sources"] += int(attrs.get("sources") or 0)
        for key, pick in (("first_seen", min), ("last_seen", max)):
            values = [v for v in (e[key], attrs.get(key)) if v]
            e[key] = pick(values) if values else None


def _network(session: Session) -> _Graph:
    g = _Graph()
    for p in all_partnerships(session):
        party, partner = g.node(p["party"]), g.node(p["partner"])
        seen = {"first_seen": p["first_seen"], "last_seen": p["last_seen"]}
        instrument = p["instrument"]["id"] if p["instrument"] else None
        g.edge(party, partner, "partnership", instrument=instrument,
               sources=len(p["statements"]), **seen)
        if p["instrument"]:
            g.edge(partner, g.node(p["instrument"], p["instrument_kind"]), "instrument",
                   instrument=instrument, sources=len(p["statements"]), **seen)
        for a in p["areas"]:
            area = g.node({"id": f"area:{a['area']}", "type": "area", "name_en": a["area"],
                           "name_ar": None})
            g.edge(partner, area, "area", sources=a["sources"], first_seen=a["first_seen"],
                   last_seen=a["last_seen"])
    for ms in queries.memberships(session):
        g.edge(g.node(ms["member"]), g.node(ms["instrument"]), "member", sources=ms["sources"],
               first_seen=ms["first_seen"], last_seen=ms["last_seen"])
    return g


def _data(key: str, value: object) -> str:
    if value is None or value == [] or value == "":
        return ""
    text = ";".join(value) if isinstance(value, list) else str(value)
    return f'<data key="{key}">{escape(text)}</data>'


def write_graphml(session: Session, out: TextIO) -> None:
    """The partnership network as GraphML (see the module docstring)."""
    g = _network(session)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
              '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
    for key in _NODE_KEYS:
        out.write(f'  <key id="n_{key}" for="node" attr.name="{key}" attr.type="string"/>\n')
    for key, kind in _EDGE_KEYS:
        out.write(f'  <key id="e_{key}" for="edge" attr.name="{key}" attr.type="{kind}"/>\n')
    out.write('  <graph id="shuraka" edgedefault="directed">\n')
    for node_id, attrs in sorted(g.nodes.items()):
        data = "".join(_data(f"n_{k}", attrs.get(k)) for k in _NODE_KEYS)
        out.write(f"    <node id={quoteattr(node_id)}>{data}</node>\n")
    for (a, b), attrs in sorted(g.edges.items()):
        data = "".join(_data(f"e_{k}", attrs.get(k)) for k, _ in _EDGE_KEYS)
        out.write(f"    <edge source={quoteattr(a)} target={quoteattr(b)}>{data}</edge>\n")
    out.write("  </graph>\n</graphml>\n")


# --- one entry point --------------------------------------------------------------------

def export(session: Session, fmt: str, output: Path | None, stream: TextIO) -> list[Path]:
    """Write the `fmt` export to `output` (a file, or a directory for csv/parquet), or to
    `stream` when `output` is None (jsonl, plover, graphml). Returns the files written."""
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt in DIRECTORY_FORMATS:
        directory = output or Path("shuraka-export")
        return (write_csv if fmt == "csv" else write_parquet)(session, directory)
    handle = open(output, "w", encoding="utf-8") if output else stream
    try:
        if fmt == "graphml":
            write_graphml(session, handle)
        else:
            records = jsonl_records(session) if fmt == "jsonl" else plover_records(session)
            for record in records:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        if output:
            handle.close()
    return [output] if output else []


def counts_by_kind(records: Iterator[dict]) -> dict[str, int]:
    """How many records of each kind (for summaries and tests)."""
    out: dict[str, int] = defaultdict(int)
    for r in records:
        out[r.get("kind", "record")] += 1
    return dict(out)

"""Network: NATO (and other parties), frameworks, partners and cooperation areas."""

from __future__ import annotations

from typing import Any

from shuraka.api import frameworks
from shuraka.api.data import Data
from shuraka.api.i18n import strings

FRAMEWORK_NODES = ("MD", "ICI", "PATG", "IP4", "PFP", "EAPC")


def _node(node_id: str, kind: str, name_en: str | None, name_ar: str,
          framework: str | None = None) -> dict[str, Any]:
    return {"id": node_id, "kind": kind, "name_en": name_en, "name_ar": name_ar,
            "framework": framework}


def _frameworks_of(partner: dict) -> list[str]:
    """The frameworks a partner belongs to: what the articles say, else the reference table."""
    said = [f for f in partner.get("frameworks", []) if f in FRAMEWORK_NODES]
    if said:
        return said
    return [fw for fw, members in frameworks.members().items() if partner["id"] in members]


def graph(partners: list[dict]) -> dict[str, list[dict]]:
    """Nodes and links; links name node ids."""
    table, groups = strings(), frameworks.group_of()
    nodes: dict[str, dict] = {"NATO": _node("NATO", "nato", table["network.nato"]["en"],
                                            table["network.nato"]["ar"])}
    links: list[dict] = []
    for p in partners:
        group = groups.get(p["id"]) or frameworks.GROUPS_OF_FRAMEWORK.get(p["id"], "other")
        nodes[p["id"]] = _node(p["id"], "partner", p.get("name_en"), p.get("name_ar") or p["id"],
                               group)
        fws = _frameworks_of(p)
        for fw in fws:
            label = table.get(f"fw.{fw}", {"en": fw, "ar": fw})
            nodes.setdefault(f"fw:{fw}", _node(f"fw:{fw}", "framework", label["en"], label["ar"],
                                               frameworks.GROUPS_OF_FRAMEWORK.get(fw)))
            links.append({"source": f"fw:{fw}", "target": p["id"], "kind": "member"})
        for party in p.get("parties", []):
            if party != "NATO" or not fws:
                nodes.setdefault(party, _node(party, "party", party, party))
                links.append({"source": party, "target": p["id"], "kind": "party"})
        for area in p.get("areas", []):
            label = table.get(f"area.{area}", {"en": area, "ar": area})
            nodes.setdefault(f"area:{area}", _node(f"area:{area}", "area", label["en"], label["ar"]))
            links.append({"source": p["id"], "target": f"area:{area}", "kind": "area"})
    links += [{"source": "NATO", "target": n["id"], "kind": "framework"}
              for n in nodes.values() if n["kind"] == "framework"]
    return {"nodes": list(nodes.values()), "links": links}


def build(data: Data) -> dict[str, Any]:
    """The network page's data."""
    partners = data.partners()
    return {"page": "network", "partners": partners, "graph": graph(partners)}

"""A readable terminal summary of one extraction (`--format table`)."""

from __future__ import annotations

from shuraka.model import Extraction


def render_table(result: Extraction) -> str:
    doc = result.document
    lines = [f"== {doc.source}", f"   title: {doc.title or '-'}   published: {doc.published or '-'}"]
    lines.append(f"   {'type':<13}{'id':<28}{'mentions':>8}  name")
    for e in result.entities:
        name = e.name_en or e.name_ar
        lines.append(f"   {e.type:<13}{e.id:<28}{len(e.mentions):>8}  {name}")
        for role in e.roles:
            lines.append(f"   {'':<13}{'':<28}{'':>8}  - {role.title_en} of {role.of or '?'}")
    for ev in result.events:
        who = ", ".join(ev.actors) + (" -> " + ", ".join(ev.recipients) if ev.recipients else "")
        lines.append(f"   event {ev.type:<10} {ev.date or '-':<11} {who}")
    for p in result.partnerships:
        areas = ", ".join(p.areas) or "-"
        lines.append(f"   partnership {p.party}-{p.partner} {p.instrument or '-'} "
                     f"{p.action or '-'} {p.date or '-'} areas: {areas}")
    for m in result.memberships:
        lines.append(f"   member {m.member} of {m.instrument}")
    return "\n".join(lines)

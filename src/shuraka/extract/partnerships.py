"""Partnerships: who is tied to whom, under which instrument, doing what, in which areas.

One record per (party, partner, instrument) in an article, gathering areas and evidence
from every sentence. A sentence names its partner, or inherits the partner of the
partnership spoken of just before (هذه الشراكة، الجانبان); an instrument keeps the
partner it was first tied to; a group the text treats as a group stays a group.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from shuraka.eval.score import CONTRACT_ORGS
from shuraka.extract.anchors import Anchor
from shuraka.extract.areas import find_areas
from shuraka.extract.dates import resolve_in_sentence
from shuraka.extract.entities import EntityLayer, Mention
from shuraka.extract.events_dates import is_bound
from shuraka.extract.memberships import Sentence
from shuraka.extract.relations import relations
from shuraka.extract.roles import office_body
from shuraka.gazetteer.members import ever_members
from shuraka.model import Membership, Partnership, Span

PARTIES = ("NATO", "EU", "GCC")
GROUP_PARTNERS = frozenset({"IP4", "ICI"})
COUNT = re.compile(r"(\d+) (?:مجالا|مجالات|مجال)")
LOCATIVE = re.compile(r"(?:^|\s)(?:في|من|الى|داخل)\s*$")


@dataclass
class _Record:
    party: str
    partner: str
    instrument: str | None
    action: str | None = None
    date: str | None = None
    area_count: int | None = None
    areas: list[str] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)


@dataclass
class _State:
    records: dict[tuple[str, str, str | None], _Record] = field(default_factory=dict)
    instrument_partner: dict[str, str] = field(default_factory=dict)
    focus: tuple[str, str] | None = None  # (party, partner) of the last partnership
    last_instrument: str | None = None
    last_instrument_at: int = -99
    index: int = 0
    clause_instrument: str | None = None  # the instrument the sentence's last clause spoke of

    def carried_instrument(self) -> str | None:
        """An instrument named shortly before, not yet tied to a partner (a DCB
        package launched, then the partners it will support)."""
        inst = self.last_instrument
        if inst and inst not in self.instrument_partner and self.index - self.last_instrument_at <= 3:
            return inst
        return None


def represents(m: Mention, day: str | None, role_of: dict[str, str]) -> str | None:
    """The id a mention stands for as a party: a person for his office's body."""
    rec = m.record
    if rec.type == "person":
        return role_of.get(rec.id) or office_body(rec, day)
    if rec.type == "country" and m.kind in ("name", "metonym", "capital", "short"):
        return rec.id
    if rec.id in relations().hostile_organizations:
        return None
    if (rec.type == "organization" and rec.id in CONTRACT_ORGS) or (
        rec.type == "instrument" and rec.id in GROUP_PARTNERS
    ):
        return rec.id
    return None


def nato_partner(id_: str, day: str | None = None) -> bool:
    """Whether NATO can have `id_` as a partner on `day`: a group, an organization, or a
    country that has belonged to a partnership framework (or is listed as a partner
    beyond them), unless its partnership was suspended before that day (or before now,
    when the day is unknown)."""
    suspended = relations().suspended_partners.get(id_)
    if suspended and (day is None or day[: len(suspended)] >= suspended[: len(day)]):
        return False
    return (id_ in GROUP_PARTNERS or id_ in CONTRACT_ORGS or id_ in ever_members()
            or id_ in relations().other_nato_partners)


def _is_location(text: str, m: Mention) -> bool:
    begin = m.start
    while begin > 0 and text[begin - 1] not in " \n":
        begin -= 1
    return "ب" in text[begin:m.start] or bool(LOCATIVE.search(text[max(0, begin - 8):begin]))


def _is_hostile(text: str, m: Mention) -> bool:
    """A country named as a target or a topic (استفزازات كوريا الشمالية، بشأن أوكرانيا)."""
    before = text[max(0, m.start - 40):m.start].split()[-3:]
    if before and before[-1] in relations().topic_cues:
        return True
    return any(w.lstrip("وفبل") in relations().hostile_cues or w in relations().hostile_cues for w in before)


def _actors(text: str, mentions: list[Mention], day: str | None, role_of: dict[str, str],
            members: dict[int, str]) -> tuple[list[str], set[str]]:
    """What the clause's mentions stand for (enumerated members stand as their group),
    and which of them are coordinated with the mention before (X وY، Z)."""
    ids: list[str] = []
    coordinated: set[str] = set()
    last: Mention | None = None
    for m in mentions:
        if m.start in members and members[m.start] in GROUP_PARTNERS:
            id_ = members[m.start]
        elif m.record.type == "country" and (_is_location(text, m) or _is_hostile(text, m)):
            continue
        else:
            id_ = represents(m, day, role_of)
        if not id_:
            continue
        if id_ not in ids:
            if last is not None and COORDINATED.match(text[last.end:m.start]):
                coordinated.add(id_)
            ids.append(id_)
        last = m
    return ids, coordinated


COORDINATED = re.compile(r"^[\s،,]*(?:و|او|أو)?$")


def _party_and_partners(actors: tuple[list[str], set[str]], instruments: list[Mention], state: _State,
                        hint: str | None, cue: bool, inherit: tuple[str, list[str]] | None,
                        day: str | None = None, topical: bool = False) -> tuple[str, list[str]] | None:
    """The clause's party and partners. `topical`: the clause names cooperation areas
    beyond its instruments' own names, so an instrument with no partner of its own
    belongs to the partnership spoken of just before (وثيقة البرنامج ... تشمل مجالات)."""
    ids, coordinated = actors
    parties = [i for i in ids if i in PARTIES]
    for inst in instruments:
        partner = state.instrument_partner.get(inst.record.id) or inst.record.country
        if partner:
            return (parties[0] if parties else hint or "NATO"), [partner]
    others = [i for i in ids if i not in PARTIES]
    if not parties and len(others) >= 2 and cue:
        return others[0], [others[1]]
    party = parties[0] if parties else hint
    if party:
        others = [i for i in others if i != party and (party not in PARTIES or nato_partner(i, day))]
        if others:
            return party, others[:1] + [i for i in others[1:] if i in coordinated]
    if inherit:
        return inherit
    if state.focus and cue and (topical or not instruments) and not [i for i in ids if i not in PARTIES]:
        return party or state.focus[0], [state.focus[1]]
    return None


def _segments(text: str, sentence: Sentence, instruments: list[Mention],
              state: _State) -> list[tuple[int, int, str | None]]:
    """Parts of the sentence belonging to each instrument named in it (or anaphor)."""
    marks: list[tuple[int, str | None]] = [(m.start, m.record.id) for m in instruments]
    for a in relations().partnership_anaphors.finditer(text, sentence.start, sentence.end):
        if "جديد" in a.group(1) and state.last_instrument:
            marks.append((a.start(), _first_new(state) or state.last_instrument))
    marks.sort()
    if not marks or marks[0][0] > sentence.start:
        first = marks[0][1] if marks else state.clause_instrument
        marks.insert(0, (sentence.start, first))
    ends = [m[0] for m in marks[1:]] + [sentence.end]
    return [(start, end, inst) for (start, inst), end in zip(marks, ends, strict=True)]


def _first_new(state: _State) -> str | None:
    for (_, _, inst), rec in state.records.items():
        if inst and rec.action in ("established", "upgraded"):
            return inst
    return None


def extract_partnerships(layer: EntityLayer, sentences: list[Sentence], memberships: list[Membership],
                         day: str | None, anchor: Anchor | None = None) -> list[Partnership]:
    text = layer.norm.text
    role_of = {r.person.record.id: r.of for r in layer.roles if r.of}
    areas = find_areas(text)
    members = _member_groups(layer, sentences, memberships)
    doc_party = "NATO" if any(m.record.id == "NATO" for s in sentences for m in s.mentions) else None
    state = _State()
    for sentence in sentences:
        ctx = _Context(layer, text, areas, members, role_of, day, anchor, doc_party)
        _sentence(ctx, sentence, state)
    return _merge(state)


@dataclass
class _Context:
    layer: EntityLayer
    text: str
    areas: list[tuple[int, int, str]]
    members: dict[int, str]
    role_of: dict[str, str]
    day: str | None
    anchor: Anchor | None
    doc_party: str | None


def _member_groups(layer: EntityLayer, sentences: list[Sentence], memberships: list[Membership]) -> dict[int, str]:
    """Mentions that stand in a membership enumeration, mapped to their group."""
    by_evidence: dict[int, dict[str, str]] = {}
    for ms in memberships:
        by_evidence.setdefault(ms.evidence.start, {})[ms.member] = ms.instrument
    out: dict[int, str] = {}
    for s in sentences:
        groups = by_evidence.get(layer.span(s.start, s.end).start, {})
        for m in s.mentions:
            if m.record.type == "country" and m.record.id in groups and len(groups) >= 2:
                out[m.start] = groups[m.record.id]
    return out


CLAUSE = re.compile(r"[،,؛]\s*(?=و[^\W_])|\s(?=بينما\s)|\s(?=فضلا عن\s)")


def clauses(text: str, sentence: Sentence) -> list[Sentence]:
    cuts = [sentence.start] + [m.end() for m in CLAUSE.finditer(text, sentence.start, sentence.end)]
    ends = cuts[1:] + [sentence.end]
    return [Sentence(a, b, [m for m in sentence.mentions if a <= m.start < b]) for a, b in zip(cuts, ends, strict=True)]


def _sentence(ctx: _Context, sentence: Sentence, state: _State) -> None:
    parties = [m.record.id for m in sentence.mentions if m.record.id in PARTIES]
    hint = parties[0] if parties else None
    state.index += 1
    state.clause_instrument = None
    inherit = None
    for clause in clauses(ctx.text, sentence):
        clause_hint = (hint or ctx.doc_party) if _has_group(clause) else hint
        pair = _clause(ctx, clause, sentence, state, clause_hint, inherit)
        if pair:
            inherit = pair
            state.focus = (pair[0], pair[1][-1])
    if inherit is None:
        state.focus = None


def _has_group(clause: Sentence) -> bool:
    return any(m.record.type == "instrument" for m in clause.mentions)


def _clause(ctx: _Context, clause: Sentence, sentence: Sentence, state: _State,
            hint: str | None, inherit: tuple[str, list[str]] | None) -> tuple[str, list[str]] | None:
    rel, text = relations(), ctx.text
    instruments = [m for m in clause.mentions if m.record.type == "instrument"
                   and m.record.id not in GROUP_PARTNERS and m.record.id not in rel.group_instruments]
    found = [a for a in ctx.areas if clause.start <= a[0] < clause.end]
    cue = bool(rel.partnership_cues.search(text, clause.start, clause.end))
    action = _action(text, clause.start, clause.end)
    _group_grants(ctx, clause, sentence, state, action)
    ids = _actors(text, clause.mentions, ctx.day, ctx.role_of, ctx.members)
    if instruments:
        state.last_instrument = instruments[-1].record.id
        state.last_instrument_at = state.index
    named = [(m.start, m.end) for m in instruments]
    topical = any(not any(a <= s < b for a, b in named) for s, _, _ in found)
    pair = _party_and_partners(ids, instruments, state, hint, cue, inherit, _story_day(ctx), topical)
    if pair is None or pair[0] in pair[1]:
        return None
    found = [a for a in found if not (a[2] == "ukraine_support" and "UKR" in pair[1])]
    partnership = re.search(r"شراك", text[clause.start:clause.end])
    wanted = (found and (cue or inherit)) or partnership or (instruments and action) or (cue and action)
    named = any(m.record.type == "instrument" for m in clause.mentions)
    carried = None if named or len(pair[1]) < 2 else state.carried_instrument()
    if wanted or (carried and action):
        for partner in pair[1]:
            for start, end, inst in _segments(text, clause, instruments, state):
                inst = inst or carried
                state.clause_instrument = inst or state.clause_instrument
                seg = [code for s, _, code in found if start <= s < end]
                seg += list(rel.instrument_areas.get(inst or "", ()))
                _add(ctx, state, (pair[0], partner), inst, (start, end), seg, sentence)
    return pair


GRANTS = ("established", "upgraded", "renewed", "suspended", "ended")


def _group_grants(ctx: _Context, clause: Sentence, sentence: Sentence, state: _State,
                  action: str | None) -> None:
    """A group's status granted to named countries, or countries joining a group (منح
    الحلف الأردن وجورجيا صفة شركاء الفرص المعززة، انضمت الكويت إلى المبادرة): a tie per
    country named before the group's name, under that group."""
    rel = relations()
    joined = rel.join_cues.search(ctx.text, clause.start, clause.end)
    status = rel.status_cues.search(ctx.text, clause.start, clause.end)
    if not joined and not (status and action in GRANTS):
        return
    group = next((m for m in clause.mentions if m.record.type == "instrument"
                  and m.record.id in rel.group_instruments), None)
    if group is None:
        return
    countries = [m for m in clause.mentions if m.end <= group.start and m.record.type == "country"
                 and m.kind == "name" and not _is_location(ctx.text, m) and not _is_hostile(ctx.text, m)]
    areas = [code for s, _, code in ctx.areas if clause.start <= s < clause.end]
    for m in countries:
        if nato_partner(m.record.id, _story_day(ctx)):
            _add(ctx, state, ("NATO", m.record.id), group.record.id, (clause.start, clause.end),
                 areas, sentence)


def _action(text: str, start: int, end: int, near: int | None = None) -> str | None:
    """The action cue in [start, end) nearest to `near` (default: the first one)."""
    best: tuple[int, str] | None = None
    anchor = start if near is None else near
    for name, pattern in relations().actions:
        for m in pattern.finditer(text, start, end):
            if _negated(text, m.start()):
                continue
            distance = abs(m.start() - anchor)
            if best is None or distance < best[0]:
                best = (distance, name)
    return best[1] if best else None


def _negated(text: str, pos: int) -> bool:
    """Whether a negator stands right before the word at `pos` (ولم توقع)."""
    before = text[max(0, pos - 12):pos].split()
    return bool(before) and before[-1].lstrip("وف") in relations().negators


def _add(ctx: _Context, state: _State, pair: tuple[str, str], inst: str | None,
         segment: tuple[int, int], seg_areas: list[str], sentence: Sentence) -> None:
    key = (pair[0], pair[1], inst)
    rec = state.records.setdefault(key, _Record(pair[0], pair[1], inst))
    if inst:
        state.instrument_partner.setdefault(inst, pair[1])
    rec.areas += [a for a in dict.fromkeys(seg_areas) if a not in rec.areas]
    rec.action = rec.action or _action(ctx.text, sentence.start, sentence.end, near=segment[0])
    count = COUNT.search(ctx.text, segment[0], segment[1])
    if count and rec.area_count is None:
        rec.area_count = int(count.group(1))
    rec.date = rec.date or _date(ctx, sentence, segment, rec.action)
    span = ctx.layer.span(sentence.start, sentence.end)
    if span not in rec.evidence:
        rec.evidence.append(span)


def _story_day(ctx: _Context) -> str | None:
    return (ctx.anchor.story_date or ctx.anchor.date) if ctx.anchor else ctx.day


STORY_ACTIONS = ("established", "upgraded", "renewed")


def _date(ctx: _Context, sentence: Sentence, segment: tuple[int, int], action: str | None) -> str | None:
    """A date the segment states; else a relative day in its sentence (أمس الجمعة);
    else, for a tie made in the story itself, the story's date (the anchor)."""
    day = ctx.anchor.day if ctx.anchor else None
    raw_s, raw_e = ctx.layer.norm.to_raw(sentence.start, sentence.end)
    found = []
    for t in resolve_in_sentence(ctx.layer.norm.raw, raw_s, raw_e, anchor=day):
        start = ctx.layer.norm.to_text(t.start, t.end)[0]
        if t.value is not None and not is_bound(ctx.layer.norm.text, start):
            found.append((start, t.kind, t.value.value))
    inside = [v for s, _, v in found if segment[0] <= s < segment[1]]
    near = [v for _, kind, v in found if kind in ("relative", "weekday")]
    if inside or near:
        return (inside or near)[0]
    if action in STORY_ACTIONS and ctx.anchor is not None:
        return ctx.anchor.story_date
    return None


def _merge(state: _State) -> list[Partnership]:
    """Fold instrument-less records into the first instrument record of the same tie."""
    records = list(state.records.values())
    with_inst = {(r.party, r.partner): r for r in reversed(records) if r.instrument}
    out = []
    for r in records:
        target = with_inst.get((r.party, r.partner)) if r.instrument is None else None
        if target is not None:
            target.areas += [a for a in r.areas if a not in target.areas]
            target.evidence += [e for e in r.evidence if e not in target.evidence]
            target.area_count = target.area_count or r.area_count
            continue
        out.append(r)
    return [Partnership(r.party, r.partner, r.instrument, r.action, r.date, r.area_count, r.areas,
                        sorted(r.evidence)) for r in out]

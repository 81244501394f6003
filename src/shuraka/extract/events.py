"""PLOVER event coding of Arabic news (the contract's `events`).

Per sentence: triggers of data/triggers.tsv (a verb, or a noun in a frame: خلال اجتماع،
لإدانة), their clause (up to a boundary word or the next verb trigger), the parties
around them (events_args), when (events_dates) and where (the first place of the clause).

Rules:
- a negated trigger (لم، لن، لا، عدم; رفض أن ...) makes no event;
- tense comes from the form (اتفق past, يجتمع present, سيجتمع / سوف يجتمع future);
  a future meeting, signing, launch, cooperation or aid is AGREE. A meeting the article
  schedules (present or future, with a day: تجتمع ... يوم الخميس) stays CONSULT, and so
  do the other future meetings of that article (its programme);
- the subject follows the verb; else it stands right before it (اليابان والناتو
  سيعززان), or is the antecedent of a relative (الذي التقى), or the parties of the
  event before (اتفق الجانبان), or the actors of the event before when the verb opens
  its clause with a pronoun subject (وأطلقوا، كما اتفقوا، حيث زار);
- recipients are the other parties of the clause, save those in a location (في ...) or
  topic (حول، بشأن ...) phrase; a host verb (استقبل) swaps the roles; a visit with no one
  named visits the country of its place;
- parties that make up a whole group (IP4's four members) stand as the group;
- an event needs an actor; one event per happening: same type, same parties, compatible
  dates (equal, or one unknown) merge, keeping the first evidence.
"""

from __future__ import annotations

from shuraka.eval.score import CONTRACT_ORGS
from shuraka.extract.anchors import Anchor, catalog, find_references
from shuraka.extract.areas import find_areas
from shuraka.extract.entities import EntityLayer
from shuraka.extract.events_args import (
    COLLAPSE,
    GROUPS,
    Sentence,
    Unit,
    in_words,
    roles_of,
    sentence,
    token_index,
)
from shuraka.extract.events_clause import Doc, Draft, choose_row, negated, tense_of, window
from shuraka.extract.events_dates import DateContext, Timed, event_date, timexes
from shuraka.extract.events_lexicon import Hit, TriggerRow, find_triggers
from shuraka.extract.events_parties import (
    ids,
    location,
    meeting_owner,
    noun_parties,
    people_of,
    recipients,
    verb_parties,
)
from shuraka.gazetteer.members import current_members
from shuraka.model import Event, Span
from shuraka.text.sentences import split_sentences

TO_AGREE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
_DAY_KINDS = frozenset({"weekday", "range"})  # or any expression resolved to a day
REFERENCE_WORDS = 3  # words after a reaction in which "this step" must stand


# --- one trigger -------------------------------------------------------------------

def _set_for_a_day(found: list[Timed], clause: tuple[int, int], hit: Hit) -> bool:
    """The date nearest the trigger in its clause names a day (يوم الخميس، 3 أبريل)."""
    inside = [t for t in found if clause[0] <= t.start < clause[1]]
    if not inside:
        return False
    t = min(inside, key=lambda t: abs(t.start - hit.start))
    return t.kind in _DAY_KINDS or len(t.value or "") == 10


def _mode(row: TriggerRow, parties: set[str], doc: Doc, sent: Sentence) -> str | None:
    """A meeting is multilateral at a summit, among three parties or more, with a group,
    or among an organization's own members (وزراء خارجية الناتو يجتمعون)."""
    if row.mode or row.type != "CONSULT":
        return row.mode
    summit = doc.dates.meeting_of(sent) is not None
    alone = len(parties) == 1 and parties <= CONTRACT_ORGS
    return "multilateral" if summit or len(parties) >= 3 or parties & GROUPS or alone else None


def _host_place(row: TriggerRow, actors: list[str], place: str | None) -> str | None:
    """استضافت الكويت اجتماعا: where no place is named, the host country is where."""
    if place or "host" not in row.flags or not actors:
        return place
    return actors[0] if len(actors[0]) == 3 and actors[0].isupper() and actors[0] not in CONTRACT_ORGS else None


def _roles(row: TriggerRow, actors: list[str], recips: list[str]) -> tuple[list[str], list[str]]:
    recips = [r for r in recips if r not in actors]
    if "host" in row.flags and recips:
        return recips, actors
    return actors, recips


def _where(doc: Doc, sent: Sentence, clause: tuple[int, int], row: TriggerRow,
           actors: list[str]) -> tuple[str | None, str | None]:
    """(location, its country): the clause's place, the host, or the article's meeting city
    when the sentence speaks of that meeting."""
    place, country = location(sent, clause, row)
    place = _host_place(row, actors, place)
    meeting = doc.dates.meeting_of(sent)
    if place is None and meeting is not None and doc.anchor and meeting.id == doc.anchor.meeting_id:
        place = doc.anchor.place
    return place, country


def _joined_ids(row: TriggerRow, units: list[Unit]) -> list[str]:
    """انضم إلى الحوار المتوسطي: a NATO instrument joined stands for NATO."""
    if "join" not in row.flags:
        return ids(units)
    return list(dict.fromkeys("NATO" if u.type == "instrument" else u.id for u in units if u.id))


def _reacted_to(doc: Doc, sent: Sentence, hit: Hit, row: TriggerRow, actors: list[str],
                recips: list[str]) -> list[str]:
    """رحب بالقرار، انتقد هذه الخطوة: a reaction to the event before is aimed at its parties."""
    if recips or "react" not in row.flags:
        return recips
    i = token_index(sent, hit.end)
    if not any(in_words(t, "reference") for t in sent.tokens[i:i + REFERENCE_WORDS]):
        return recips
    before = doc.last_parties(sent.index) or doc.last_actors(sent.index)
    return [p for p in before if p not in actors]


def _gathering(doc: Doc, sent: Sentence, row: TriggerRow, tense: str, actors: list[str],
               date: str | None) -> tuple[list[str], str | None]:
    """A meeting itself (اختتم القادة قمتهم): without an actor, its owner; dated as the
    meeting when the article knows it."""
    if "gathering" not in row.flags:
        return actors, date
    actors = actors or meeting_owner(doc, sent)
    meeting = doc.dates.meeting_of(sent)
    if meeting is None and doc.anchor and doc.anchor.meeting_id:
        meeting = catalog().by_id(doc.anchor.meeting_id)
    return actors, (meeting.value() if meeting is not None and tense in ("past", "noun") else date)


def code(doc: Doc, sent: Sentence, hit: Hit, row: TriggerRow, verbs: list[Hit],
         found: list[Timed]) -> Draft | None:
    """One trigger's event, or None when no actor is found."""
    clause = window(sent, hit, verbs)
    tense = tense_of(sent, hit)
    if row.type == "CONSULT" and tense in ("present", "future") and _set_for_a_day(found, clause, hit):
        doc.scheduled = True
    parties = (verb_parties if row.pos == "verb" else noun_parties)(doc, sent, hit, clause, row)
    if not parties.actors and not parties.inherited and "meeting" in row.flags:
        parties.inherited = doc.last_actors(sent.index, "CONSULT")
    units = parties.actors + recipients(sent, parties, clause)
    actors = ids(parties.actors) or parties.inherited
    place, country = _where(doc, sent, clause, row, actors)
    actors, recips = _roles(row, actors, _joined_ids(row, units[len(parties.actors):]))
    recips = [] if "gathering" in row.flags else recips  # a meeting's participants are its actors
    if "locrec" in row.flags and not recips and country and country not in actors:
        recips = [country]  # a visit to Sarajevo visits Bosnia
    actors, date = _gathering(doc, sent, row, tense, actors, event_date(doc.dates, sent, found, clause, hit.start))
    if not actors:
        return None
    recips = _reacted_to(doc, sent, hit, row, actors, recips)
    raw = Span.of(doc.layer.norm.raw, *sent.raw)
    topics = list(dict.fromkeys(c for s, _, c in doc.areas if sent.start <= s < sent.end))  # the sentence's areas
    mode = _mode(row, set(actors) | set(recips), doc, sent)
    return Draft(row.type, mode, tense, actors, recips, people_of(units), date, place, topics, raw,
                 sent.index, hit.start, bool(parties.inherited))


# --- a sentence ----------------------------------------------------------------------

def _sentence_events(doc: Doc, sent: Sentence, hits: list[Hit]) -> list[Draft]:
    rows = {h.start: r for h in hits if (r := choose_row(doc, sent, h)) is not None}
    live = [h for h in hits if h.start in rows and not negated(sent, h, hits, rows)]
    verbs = [h for h in live if rows[h.start].pos == "verb"]
    found = doc.found[sent.index] = timexes(doc.layer, sent, doc.anchor)
    made: list[Draft] = []
    for hit in sorted(live, key=lambda h: rows[h.start].pos != "verb"):
        draft = code(doc, sent, hit, rows[hit.start], verbs, found)
        if draft is None:
            continue
        if not _joined(made, draft):
            made.append(draft)
            doc.drafts.append(draft)
    return sorted(made, key=lambda d: d.pos)


def _joined(made: list[Draft], draft: Draft) -> bool:
    """زار سراييفو والتقى ...: a verb sharing the subject of the event before, of the
    same type, adds to it."""
    for other in made:
        if draft.inherited and (other.type, other.tense) == (draft.type, draft.tense) and set(
                draft.actors) == set(other.actors):
            other.recipients += [r for r in draft.recipients if r not in other.recipients]
            other.location = other.location or draft.location
            return True
    return False


# --- the article ---------------------------------------------------------------------

def _to_agree(drafts: list[Draft], scheduled: bool, anchor: Anchor | None) -> None:
    """Future cooperation is AGREE, dated when it was agreed (not when it will be)."""
    for d in drafts:
        if d.tense != "future" or d.type not in TO_AGREE:
            continue
        if d.type == "CONSULT" and scheduled:
            continue
        d.type, d.mode = "AGREE", None
        if anchor and d.date and d.date[:len(anchor.date)] > anchor.date[:len(d.date)]:
            d.date = anchor.story_date


def _grouped(ids: list[str], day: str | None) -> list[str]:
    """Members that make up a whole group stand as the group (IP4's four)."""
    out = list(ids)
    for group in sorted(COLLAPSE):
        members = current_members(group, day)
        if 2 <= len(members) <= 7 and members <= set(out):
            at = min(out.index(m) for m in members)
            out = [i for i in out[:at] if i not in members] + [group] + [i for i in out[at:] if i not in members]
    return out


def _compatible(a: Draft, b: Draft) -> bool:
    return a.type == b.type and a.parties == b.parties and (a.date is None or b.date is None or a.date == b.date)


def _merge(kept: Draft, d: Draft) -> None:
    kept.date = kept.date or d.date
    kept.location = kept.location or d.location
    kept.mode = kept.mode or d.mode
    kept.topics += [t for t in d.topics if t not in kept.topics]
    kept.people += [p for p in d.people if p not in kept.people]


def dedupe(drafts: list[Draft]) -> list[Draft]:
    """One event per happening (same type, same parties, compatible dates)."""
    kept: list[Draft] = []
    for d in drafts:
        same = next((k for k in kept if _compatible(k, d)), None)
        if same is None:
            kept.append(d)
        else:
            _merge(same, d)
    return kept


def extract_events(layer: EntityLayer, *, published: str | None, anchor: Anchor | None) -> list[Event]:
    """The article's events (see the module doc); evidence is the sentence's raw span."""
    day = anchor.date if anchor else published
    doc = Doc(layer, anchor, roles_of(layer, day), DateContext(layer, anchor, find_references(layer)),
               find_areas(layer.norm.text))
    hits = find_triggers(layer.norm.text)
    drafts: list[Draft] = []
    for index, raw in enumerate(split_sentences(layer.norm.raw, normalized=layer.norm)):
        sent = sentence(layer, index, raw, doc.roles)
        drafts += _sentence_events(doc, sent, [h for h in hits if sent.start <= h.start < sent.end])
    _to_agree(drafts, doc.scheduled, anchor)
    for d in drafts:
        d.actors = _grouped(d.actors, day)
        d.recipients = [r for r in _grouped(d.recipients, day) if r not in d.actors]
    return [d.event() for d in dedupe(drafts)]

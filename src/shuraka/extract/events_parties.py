"""Event coding, step two: who acts on whom around a trigger (see shuraka.extract.events
for the rules), and where."""

from __future__ import annotations

from dataclasses import dataclass, field

from shuraka.extract.events_args import (
    Sentence,
    Token,
    Unit,
    first_run,
    governed,
    in_words,
    object_pronoun,
    party,
    run_backward,
    run_forward,
    speaker,
    strip_conj,
    token_index,
    unit_over,
)
from shuraka.extract.events_clause import Doc
from shuraka.extract.events_lexicon import Hit, TriggerRow

_SET_APART = frozenset('،,"»\'')


def ids(units: list[Unit]) -> list[str]:
    return list(dict.fromkeys(u.id for u in units if u.id))


def people_of(units: list[Unit]) -> list[str]:
    return list(dict.fromkeys(u.person for u in units if u.person and u.id))


def _clause_opening(doc: Doc, sent: Sentence, hit: Hit) -> bool:
    """The verb opens its clause (و/ف on it, a comma, حيث، كما ... before it)."""
    if doc.text[hit.word_start:hit.start].startswith(("و", "ف")):
        return True
    i = token_index(sent, hit.start)
    if i == 0:
        return True
    before = sent.tokens[i - 1]
    return before.text in "،,\"'" or in_words(before, "opener")


def _relative_before(sent: Sentence, hit: Hit) -> int | None:
    i = token_index(sent, hit.start)
    if i > 0 and in_words(sent.tokens[i - 1], "relative"):
        j = i - 1
        return j - 1 if j > 0 and sent.tokens[j - 1].text in "،," else j
    return None


@dataclass
class Parties:
    actors: list[Unit]
    recipients: list[Unit]
    inherited: list[str] = field(default_factory=list)
    subject_end: int = 0


def _conjoined(doc: Doc, sent: Sentence, hit: Hit, row: TriggerRow) -> list[str]:
    """زار بغداد والتقى رئيس الوزراء: a verb conjoined to an event of the same type in the
    sentence shares its subject; what follows it is its object."""
    if not doc.text[hit.word_start:hit.start].startswith(("و", "ف")):
        return []
    same = [d for d in doc.drafts if d.sentence == sent.index and d.type == row.type and d.pos < hit.start]
    return list(same[-1].actors) if same else []


def verb_parties(doc: Doc, sent: Sentence, hit: Hit, clause: tuple[int, int], row: TriggerRow) -> Parties:
    i = token_index(sent, hit.end)
    shared = _conjoined(doc, sent, hit, row)
    if shared:
        return Parties([], [], shared, hit.end)
    actors, seen = run_forward(sent, i, clause[1])
    end = max([u.end for u in actors], default=hit.end)
    rel = _relative_before(sent, hit)
    extra: list[Unit] = []
    before = run_backward(sent, token_index(sent, hit.start)) if rel is None else []
    if before:  # الناتو يفتتح مكتبا: the subject stands first, what follows is the object
        actors, end, seen = before, hit.end, True
    elif rel is not None and object_pronoun(doc.text, hit.start, hit.end):
        extra = run_backward(sent, rel)  # التي وصفها الناتو: the antecedent is the object
    elif rel is not None:
        actors, end = run_backward(sent, rel), hit.end  # الذي التقى X: it is the subject
    parties = Parties(actors, extra, subject_end=end)
    if not actors:
        parties.inherited = _inherit(doc, sent, hit, i, seen)
    return parties


def meeting_owner(doc: Doc, sent: Sentence) -> list[str]:
    """Who holds the meeting a sentence speaks of: NATO for a meeting of the knowledge
    base (its catalog is NATO's), else the actors of the last meeting, else of the last event."""
    if doc.dates.meeting_of(sent) is not None or (doc.anchor and doc.anchor.meeting_id):
        return ["NATO"]
    return doc.last_actors(sent.index, "CONSULT") or doc.last_actors(sent.index)


def _anaphor_around(sent: Sentence, hit: Hit, i: int) -> bool:
    """الجانبان after the verb, or right before it (إن الجانبين اتفقا)."""
    j = token_index(sent, hit.start) - 1
    return (i < len(sent.tokens) and in_words(sent.tokens[i], "anaphor")) or (
        j >= 0 and in_words(sent.tokens[j], "anaphor"))


def _meeting_subject(token: Token) -> bool:
    """القمة، الاجتماع (definite) right after a verb: its subject is the meeting."""
    return strip_conj(token.text).startswith("ال") and in_words(token, "gathering")


def _inherit(doc: Doc, sent: Sentence, hit: Hit, i: int, seen: bool) -> list[str]:
    """Parties of a subject the verb does not name: الجانبان (the last event's parties),
    a meeting (its owner: وأطلقت القمة), a first person (the speaker), a pronoun (the
    last event's actors)."""
    if _anaphor_around(sent, hit, i):
        return doc.last_parties(sent.index)
    if i < len(sent.tokens) and _meeting_subject(sent.tokens[i]):
        return meeting_owner(doc, sent)
    if seen and i < len(sent.tokens) and _definite_head(sent, i):
        return doc.last_actors(sent.index)  # وسيعقد الوزراء: the ministers spoken of
    if seen or not _clause_opening(doc, sent, hit) or _named_subject(doc, sent, i):
        return []
    if _first_person(doc, hit):
        first = speaker(sent)
        if first is not None and first.id:
            return [first.id]
    return doc.last_actors(sent.index)


def _definite_head(sent: Sentence, i: int) -> bool:
    """الوزراء، القادة alone (no party named after them) refer back."""
    token = sent.tokens[i]
    nxt = sent.tokens[i + 1] if i + 1 < len(sent.tokens) else None
    return (strip_conj(token.text).startswith("ال") and in_words(token, "head")
            and (nxt is None or (unit_over(sent, nxt) is None and not in_words(nxt, "head"))))


def _first_person(doc: Doc, hit: Hit) -> bool:
    """سنفتح، نرحب، اتفقنا: we (the speaker's side)."""
    surface = doc.text[hit.start:hit.end]
    if hit.tense == "future":
        surface = surface[1:]
    return surface.startswith("ن") if hit.tense in ("present", "future") else surface.endswith("نا")


def _named_subject(doc: Doc, sent: Sentence, i: int) -> bool:
    """وصلت العلاقات ...: a definite noun right after the verb is its subject, even when
    it names no party (a date is not: زار اليوم بغداد)."""
    if i >= len(sent.tokens):
        return False
    token = sent.tokens[i]
    if unit_over(sent, token) is not None or not strip_conj(token.text).startswith("ال"):
        return False
    return not any(t.start <= token.start < t.end for t in doc.found.get(sent.index, []))


def noun_parties(doc: Doc, sent: Sentence, hit: Hit, clause: tuple[int, int], _row: TriggerRow) -> Parties:
    after = [t for t in sent.tokens if hit.end <= t.start < clause[1]][:4]
    if any(in_words(t, "anaphor") for t in after):  # محادثات بين الوزيرين
        return Parties([], [], doc.last_parties(sent.index), hit.end)
    agent = _agent(sent, hit, clause) or _genitive(doc, sent, hit, clause)  # زيارة الرئيس المصري
    actors = agent or first_run(sent, clause[0], hit.start)
    parties = Parties(actors, [], subject_end=max([u.end for u in agent], default=hit.end))
    if not actors:
        same = [d for d in doc.drafts if d.sentence == sent.index and d.actors]
        parties.inherited = list(same[-1].actors) if same else []
    if not actors and not parties.inherited and _possessive(doc, hit):
        parties.inherited = doc.last_actors(sent.index)  # زيارته، اجتماعهم
    return parties


def _genitive(doc: Doc, sent: Sentence, hit: Hit, clause: tuple[int, int]) -> list[Unit]:
    """The party right after a noun trigger (زيارة أوستن، اجتماع وزراء الحلف); not after
    a possessive (زيارته لليابان) nor a preposition."""
    i = token_index(sent, hit.end)
    if _possessive(doc, hit) or i >= len(sent.tokens) or sent.tokens[i].text[:1] in "لب":
        return []
    return run_forward(sent, i, clause[1])[0]


def _possessive(doc: Doc, hit: Hit) -> bool:
    surface = doc.text[hit.start:hit.end]
    return any(surface.endswith(p) and not any(r.ar.endswith(p) for r in hit.rows)
               for p in ("ه", "ها", "هم", "هما"))


def _agent(sent: Sentence, hit: Hit, clause: tuple[int, int]) -> list[Unit]:
    tokens = [t for t in sent.tokens if hit.end <= t.start < clause[1]]
    for k in range(len(tokens) - 2):
        if tokens[k].text == "من" and tokens[k + 1].text == "قبل":
            return run_forward(sent, token_index(sent, tokens[k + 2].start), clause[1])[0]
    return []


def _relative_after(sent: Sentence, start: int, stop: int) -> int:
    """Where a relative clause set apart after the object begins (،  التي تضم ...;
    "بيان العلا" الذي ينهي ...): its parties are not the event's."""
    first = token_index(sent, start)
    for k, t in enumerate(sent.tokens[first:], first):
        if t.start >= stop:
            break
        if k > 0 and in_words(t, "relative") and sent.tokens[k - 1].text in _SET_APART:
            return t.start
    return stop


def recipients(sent: Sentence, parties: Parties, clause: tuple[int, int]) -> list[Unit]:
    """The other parties of the clause after the subject, up to a relative clause."""
    taken = {id(u) for u in parties.actors}
    found = list(parties.recipients)
    stop = _relative_after(sent, parties.subject_end, clause[1])
    for unit in sent.units:
        if parties.subject_end <= unit.start < stop and id(unit) not in taken and party(sent, unit):
            found.append(unit)
    return found


def location(sent: Sentence, clause: tuple[int, int], row: TriggerRow) -> tuple[str | None, str | None]:
    """(place id, its country): the first place of the clause; a capital that stands for
    its government counts when it is visited (زار بغداد) or after في."""
    for u in sent.units:
        if not clause[0] <= u.start < clause[1]:
            continue
        if u.type == "place" or (u.type == "capital" and ("locrec" in row.flags or governed(sent, u))):
            return u.place, u.country
    return None, None

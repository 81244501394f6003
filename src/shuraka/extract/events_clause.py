"""Event coding, step one: which trigger rows fire (object and frame tests, negation,
tense) and the clause each trigger governs; the coder's article state (Doc, Draft)."""

from __future__ import annotations

from dataclasses import dataclass, field

from shuraka.extract.anchors import Anchor
from shuraka.extract.entities import EntityLayer
from shuraka.extract.events_args import (
    Roles,
    Sentence,
    bare,
    in_words,
    object_pronoun,
    run_forward,
    token_index,
    unit_over,
)
from shuraka.extract.events_dates import DateContext, Timed
from shuraka.extract.events_lexicon import Hit, TriggerRow, words
from shuraka.model import Event, Span

OBJECT_WORDS = 8  # words after a trigger in which its object must begin
SUBJECT_OBJECT_WORDS = 12  # ... or after its subject (وقع قادة X، اليوم في المدينة، البيان)
FRAME_WORDS = 4  # words before a noun trigger in which a frame word must stand
ANTECEDENT_WORDS = 4  # words before a relative in which a verb's object may stand
CONDITION_WORDS = 3  # words before a trigger in which إذا makes it hypothetical
FUTURE_WORDS = 3  # words before a trigger in which a future word counts
PRONOUN_REACH = 2  # sentences back in which a pronoun subject finds its event
ANAPHOR_REACH = 5  # sentences back in which الجانبان finds its parties
_CUTS = frozenset(":؛;")
_POSSESSIVES = frozenset({"ه", "ها", "هم", "هما", "نا"})


@dataclass
class Draft:
    """An event while the article is coded (tense, sentence and position kept for the
    AGREE rule, pronoun subjects and merging)."""

    type: str
    mode: str | None
    tense: str
    actors: list[str]
    recipients: list[str]
    people: list[str]
    date: str | None
    location: str | None
    topics: list[str]
    evidence: Span
    sentence: int
    pos: int
    inherited: bool = False

    @property
    def parties(self) -> frozenset[str]:
        return frozenset(self.actors) | frozenset(self.recipients)

    def event(self) -> Event:
        return Event(self.type, self.mode, [], self.actors, self.recipients, self.people,
                     self.date, self.location, self.topics, self.evidence)


@dataclass
class Doc:
    """What the coder knows of the article so far."""

    layer: EntityLayer
    anchor: Anchor | None
    roles: Roles
    dates: DateContext
    areas: list[tuple[int, int, str]]
    drafts: list[Draft] = field(default_factory=list)
    found: dict[int, list[Timed]] = field(default_factory=dict)  # date expressions by sentence
    scheduled: bool = False  # the article sets a meeting for a named day

    @property
    def text(self) -> str:
        return self.layer.norm.text

    def last_actors(self, index: int, type_: str | None = None) -> list[str]:
        """The actors of the last event (of a type), a few sentences back at most."""
        reach = PRONOUN_REACH if type_ is None else ANAPHOR_REACH
        for d in reversed(self.drafts):
            if d.sentence >= index - reach and d.actors and type_ in (None, d.type):
                return list(d.actors)
        return []

    def last_parties(self, index: int) -> list[str]:
        """Every party of the last event of two parties or more (الجانبان، الوزيرين)."""
        for d in reversed(self.drafts):
            if d.sentence >= index - ANAPHOR_REACH and d.actors and len(d.parties) >= 2:
                return list(dict.fromkeys(d.actors + d.recipients))
        return []


# --- which row, if any --------------------------------------------------------------

def _following(sent: Sentence, pos: int, count: int) -> list[str]:
    """The next words (bare forms too), up to a reported clause (أعلن أن ...)."""
    i = token_index(sent, pos)
    found = []
    for t in sent.tokens[i:]:
        if len(found) >= count or in_words(t, "reported"):
            break
        if t.word:
            found.append(t)
    return [w for t in found for w in (t.text, t.bare, bare(t.text))]


def _is_object(o: str, w: str) -> bool:
    """A word is the object: the stem itself, a longer word on a stem of 4+ letters, or
    the stem with a possessive (قمه -> قمتهم)."""
    if w == o or (len(o) >= 4 and w.startswith(o)):
        return True
    stem = o[:-1] + "ت" if o.endswith("ه") else o
    return w.startswith(stem) and w[len(stem):] in _POSSESSIVES


def _object_ok(row: TriggerRow, after: list[str]) -> bool:
    if not row.objects:
        return True
    return any(_is_object(o, w) for o in row.objects for w in after)


def _framed(doc: Doc, sent: Sentence, hit: Hit) -> bool:
    """A frame word before a noun trigger, or لـ / بـ on it (لبحث، بالتزام)."""
    if set(doc.text[hit.word_start:hit.start]) & {"ل", "ب"}:
        return True
    i = token_index(sent, hit.start)
    return any(in_words(t, "frame") for t in sent.tokens[max(0, i - FRAME_WORDS):i])


def _not_a_verb(doc: Doc, hit: Hit) -> bool:
    """بـ، الـ or لـ before a perfect: a noun (لإدانة، بالتوقيع), not a verb."""
    prefix = doc.text[hit.word_start:hit.start]
    return "ب" in prefix or prefix.endswith("ال") or ("ل" in prefix and hit.tense == "past")


def _after_preposition(sent: Sentence, hit: Hit) -> bool:
    """بناء على طلب، من توقيع: no finite verb follows a preposition."""
    i = token_index(sent, hit.start)
    return i > 0 and sent.tokens[i - 1].text in words("preposition")


def _antecedent(doc: Doc, sent: Sentence, hit: Hit) -> list[str]:
    """المبادرة التي أطلقها: the words before the relative are the verb's object."""
    i = token_index(sent, hit.start)
    if i < 2 or not in_words(sent.tokens[i - 1], "relative") or not object_pronoun(doc.text, hit.start, hit.end):
        return []
    before = [t for t in sent.tokens[:i - 1] if t.word][-ANTECEDENT_WORDS:]
    return [w for t in before for w in (t.text, t.bare)]


def _objects_around(doc: Doc, sent: Sentence, hit: Hit) -> list[str]:
    """Where a trigger's object may stand: after it, after its subject (حضر قادة ...
    الاجتماع), or before it as a relative's antecedent."""
    after = _following(sent, hit.end, OBJECT_WORDS)
    subject, _ = run_forward(sent, token_index(sent, hit.end), sent.end)
    if subject:
        after += _following(sent, subject[-1].end, SUBJECT_OBJECT_WORDS)
    return after + _antecedent(doc, sent, hit)


def _purpose(doc: Doc, hit: Hit) -> bool:
    """لتصبح بذلك: a result clause, not an event."""
    return hit.tense in ("present", "future") and "ل" in doc.text[hit.word_start:hit.start]


def choose_row(doc: Doc, sent: Sentence, hit: Hit) -> TriggerRow | None:
    """The first row of the trigger whose object and frame tests pass."""
    after = _objects_around(doc, sent, hit)
    nounish = any(r.pos == "noun" for r in hit.rows) and _not_a_verb(doc, hit)
    nounish = nounish or _after_preposition(sent, hit)
    for row in hit.rows:
        if row.pos == "noun" and "frame" in row.flags and not _framed(doc, sent, hit):
            continue
        if row.pos == "verb" and (nounish or ("nol" in row.flags and _purpose(doc, hit))):
            continue
        if _object_ok(row, after):
            return row
    return None


def negated(sent: Sentence, hit: Hit, hits: list[Hit], rows: dict[int, TriggerRow]) -> bool:
    """لم يوقع، لن يجتمع، عدم توقيع; رفض أن يوقع (the refusal is the event)."""
    i = token_index(sent, hit.start)
    if i > 0 and in_words(sent.tokens[i - 1], "negator"):
        return True
    if any(in_words(t, "conditional") for t in sent.tokens[max(0, i - CONDITION_WORDS):i]):
        return True  # إذا طلبت حكومته ذلك: hypothetical
    for other in hits:
        row = rows.get(other.start)
        if row and row.type == "REJECT" and other.end <= hit.start and hit.start - other.end < 12:
            return True
    return False


def tense_of(sent: Sentence, hit: Hit) -> str:
    i = token_index(sent, hit.start)
    if any(in_words(t, "future") for t in sent.tokens[max(0, i - FUTURE_WORDS):i]):
        return "future"
    return hit.tense


# --- the clause --------------------------------------------------------------------

def window(sent: Sentence, hit: Hit, verbs: list[Hit]) -> tuple[int, int]:
    """The trigger's clause: from the last cut before it to the first cut after it."""
    lo, hi = sent.start, sent.end
    for k, t in enumerate(sent.tokens):
        if t.text in _CUTS or in_words(t, "boundary") or _new_clause(sent, k):
            if t.end <= hit.word_start:
                lo = max(lo, t.end)
            elif t.start >= hit.end:
                hi = min(hi, t.start)
    for v in verbs:
        if v.end <= hit.word_start:
            lo = max(lo, v.end)
        elif v.word_start >= hit.end:
            hi = min(hi, v.word_start)
    return lo, hi


def _new_clause(sent: Sentence, k: int) -> bool:
    """`، وتعيد ...`: a comma, then a conjoined imperfect verb, opens a new clause."""
    t = sent.tokens[k]
    if k == 0 or sent.tokens[k - 1].text not in "،," or len(t.text) < 4 or t.text[:2] not in ("وي", "وت"):
        return False
    return unit_over(sent, t) is None

"""Event arguments: what a sentence's mentions stand for, and who acts on whom around a
trigger (Arabic verb-first order, subject-first clauses, relative clauses).

Offsets are into the normalized text. A unit is a mention with what it stands for: a
country or organization for itself, a person for the body he represents (his role in the
text, else his knowledge-base office), a group instrument (IP4, ICI ...) for the group,
another instrument for its partner country (KFOR for Kosovo), a place for a location.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from shuraka.extract.entities import EntityLayer, Mention
from shuraka.extract.events_lexicon import words
from shuraka.extract.roles import office_body

GROUPS = frozenset({"IP4", "ICI", "MD", "PATG", "EOP", "EAPC", "PFP"})  # contract: groups stay groups
COLLAPSE = frozenset({"IP4", "ICI"})  # groups whose named members stand as the group
RUN_TOKENS = 30  # longest actor phrase, in tokens
LOOKBACK = 2  # tokens before a mention in which a preposition governs it
_TOKEN = re.compile(r"[^\W_]+|[^\w\s]")
_GLUE = frozenset('،,"\'()-«»')
_PRONOUN_ENDINGS = ("ه", "ها", "هم", "هما")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def bare(self) -> str:
        return bare(self.text)


@dataclass
class Unit:
    start: int
    end: int
    id: str | None  # the participant it stands for
    person: str | None  # the person's id when a person
    place: str | None  # a place id (for the location)
    country: str | None  # a place's country, or a country named as a location
    type: str


@dataclass
class Sentence:
    index: int
    start: int  # normalized offsets
    end: int
    raw: tuple[int, int]
    tokens: list[Token]
    units: list[Unit]
    spans: list[tuple[int, int]] = field(default_factory=list)  # titles and roles: actor-phrase words


def bare(word: str) -> str:
    """A word without its proclitics and article (والأمين -> امين, للعراق -> عراق)."""
    if word[:1] in "وف" and len(word) > 3:
        word = word[1:]
    if word.startswith("لل") and len(word) > 4:
        return word[2:]
    if word[:1] in "بلك" and len(word) > 3:
        word = word[1:]
    if word.startswith("ال") and len(word) > 3:
        word = word[2:]
    return word


def in_words(token: Token, pos: str) -> bool:
    table = words(pos)
    return token.text in table or token.bare in table or strip_conj(token.text) in table


def strip_conj(word: str) -> str:
    return word[1:] if word[:1] in "وف" and len(word) > 2 else word


def tokenize(text: str, start: int, end: int) -> list[Token]:
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


# --- units ---------------------------------------------------------------------------

@dataclass
class Roles:
    by_span: dict[tuple[int, int], str]
    by_person: dict[str, str]
    day: str | None


def roles_of(layer: EntityLayer, day: str | None) -> Roles:
    by_span, by_person = {}, {}
    for found in layer.roles:
        if found.of:
            by_span[(found.person.start, found.person.end)] = found.of
            by_person.setdefault(found.person.record.id, found.of)
    return Roles(by_span, by_person, day)


def stands_for(m: Mention, roles: Roles) -> str | None:
    rec = m.record
    if rec.type == "person":
        found = roles.by_span.get((m.start, m.end)) or roles.by_person.get(rec.id)
        return found or office_body(rec, roles.day)
    if rec.type in ("country", "organization"):
        return rec.id
    if rec.type == "instrument":
        return rec.id if rec.id in GROUPS else rec.country
    return None


def _nested(m: Mention, mentions: list[Mention]) -> bool:
    return any(o is not m and o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start)
               for o in mentions)


def make_units(layer: EntityLayer, start: int, end: int, roles: Roles) -> list[Unit]:
    inside = [m for m in layer.mentions if start <= m.start and m.end <= end]
    units = []
    for m in inside:
        rec = m.record
        nested = _nested(m, inside)
        if rec.type == "place":
            units.append(Unit(m.start, m.end, None, None, rec.id, rec.country, "place"))
        elif m.kind == "capital" and m.match.record.type == "place":  # بيونغ يانغ as its government
            units.append(Unit(m.start, m.end, rec.id, None, m.match.record.id, rec.id, "capital"))
        elif not nested:
            person = rec.id if rec.type == "person" else None
            country = rec.id if rec.type == "country" else None
            unit = Unit(m.start, m.end, stands_for(m, roles), person, None, country, rec.type)
            unit.type = "adjective" if m.kind == "adjective" else rec.type
            units.append(unit)
    return units


def sentence(layer: EntityLayer, index: int, raw: tuple[int, int], roles: Roles) -> Sentence:
    s, e = layer.norm.to_text(*raw)
    spans = [(t.start, t.end) for t in layer.titles if s <= t.start < e]
    spans += [(r.start, r.end) for r in layer.roles if s <= r.start < e]
    return Sentence(index, s, e, raw, tokenize(layer.norm.text, s, e), make_units(layer, s, e, roles), spans)


# --- governance ----------------------------------------------------------------------

def unit_at(sent: Sentence, token: Token) -> Unit | None:
    return next((u for u in sent.units if token.start <= u.start < token.end), None)


def token_index(sent: Sentence, pos: int) -> int:
    """The index of the first token that ends after `pos`."""
    return next((i for i, t in enumerate(sent.tokens) if t.end > pos), len(sent.tokens))


def _in_span(sent: Sentence, token: Token) -> bool:
    return any(s <= token.start < e for s, e in sent.spans)


def governed(sent: Sentence, unit: Unit) -> str | None:
    """"location", "topic" or None: the preposition before a mention (a few words back,
    not across another mention or a comma); `presence` phrases (بحضور) make a participant."""
    i = token_index(sent, unit.start)
    text = " ".join(t.text for t in sent.tokens[max(0, i - 3):i])
    if any(text.endswith(p) or (" " + p + " ") in (" " + text + " ") for p in words("presence")):
        return None
    for k, token in enumerate(reversed(sent.tokens[max(0, i - LOOKBACK):i])):
        if token.text in _GLUE or unit_at(sent, token) is not None:
            break
        if in_words(token, "location") and (k > 0 or unit.type != "organization"):
            return "location"  # في مقر الحلف; but نظراؤه في الحلف: a member's party
        if in_words(token, "topic"):
            return "topic"
    if i > 0 and unit.type == "country" and _after_place(sent, i):
        return "location"
    return None


def unit_over(sent: Sentence, token: Token) -> Unit | None:
    return next((u for u in sent.units if u.start < token.end and token.start < u.end), None)


def _after_place(sent: Sentence, i: int) -> bool:
    """فيلنيوس بليتوانيا، سيول، كوريا الجنوبية: a country right after a place is where it is."""
    j = i - 1
    if sent.tokens[j].text in "،,":
        j -= 1
    elif not sent.tokens[i].text.startswith("ب"):
        return False
    prev = unit_over(sent, sent.tokens[j]) if j >= 0 else None
    return prev is not None and prev.type == "place"


def headed(sent: Sentence, unit: Unit) -> bool:
    """A nationality adjective counts as a party only after a person or body noun
    (الرئيس الأوكراني، الحكومة الأسترالية، نظيره الكوري), not after others (الحرب الروسية)."""
    if unit.type != "adjective":
        return True
    i = token_index(sent, unit.start)
    for token in reversed(sent.tokens[max(0, i - 2):i]):
        if _in_span(sent, token) or in_words(token, "head"):
            return True
        u = unit_over(sent, token)
        if u is not None:  # الرئيس الأوكراني؛ القوات الأمريكية والكورية
            return u.type == "person" or (u.type == "adjective" and u.start < unit.start and headed(sent, u))
    return False


def named_after(sent: Sentence, unit: Unit) -> bool:
    """إعلان نيودلهي، مسار أستانا: a capital naming a document or a meeting."""
    i = token_index(sent, unit.start)
    return unit.type == "capital" and i > 0 and in_words(sent.tokens[i - 1], "naming")


def party(sent: Sentence, unit: Unit) -> bool:
    """Whether a unit may stand as an actor or a recipient where it is."""
    return (unit.id is not None and headed(sent, unit) and governed(sent, unit) is None
            and not named_after(sent, unit))


# --- runs: the phrase of coordinated parties ------------------------------------------

def _continues(sent: Sentence, token: Token) -> bool:
    return token.text in _GLUE or token.text == "و" or _in_span(sent, token) or in_words(token, "head")


def speaker(sent: Sentence) -> Unit | None:
    """The sentence's first party: whose country بلاده is."""
    return next((u for u in sent.units if party(sent, u)), None)


def _self(sent: Sentence, token: Token) -> Unit | None:
    return speaker(sent) if in_words(token, "self") else None


def _second_object(units: list[Unit], unit: Unit, sent: Sentence, i: int) -> bool:
    """منح الحلف الأردن صفة، سلمت ألمانيا أوكرانيا أسلحة: a country named right after
    another, with no و between, is the verb's object, not a second subject."""
    named = ("country", "organization")
    if not units or unit.type not in named or units[-1].type not in named or unit.id == units[-1].id:
        return False
    bare_start = unit.start == sent.tokens[i].start  # no و on it
    return bare_start and i > 0 and unit_over(sent, sent.tokens[i - 1]) is units[-1]


def run_forward(sent: Sentence, i: int, stop: int) -> tuple[list[Unit], bool]:
    """Parties of the actor phrase starting at token i; and whether a phrase was there."""
    units: list[Unit] = []
    seen = False
    tokens = sent.tokens
    while i < len(tokens) and tokens[i].start < stop:
        token = tokens[i]
        unit = unit_at(sent, token)
        if unit is not None:
            if unit.type == "place" or governed(sent, unit) is not None or _second_object(units, unit, sent, i):
                break
            seen = True
            if party(sent, unit):
                units.append(unit)
            i = token_index(sent, unit.end)
            continue
        own = _self(sent, token)
        if own is not None:
            units.append(own)
        elif not _continues(sent, token) or (not seen and token.text in _GLUE):
            break
        seen = seen or own is not None or _in_span(sent, token) or in_words(token, "head")
        i += 1
    return units, seen


def run_backward(sent: Sentence, i: int) -> list[Unit]:
    """Parties of the actor phrase ending right before token i (subject-first clauses)."""
    units: list[Unit] = []
    j = i - 1
    while j >= 0 and (sent.tokens[j].text in "\"'«»" or strip_conj(sent.tokens[j].text) in ("قد", "لقد")):
        j -= 1  # quotes; كان X قد بحث
    if j >= 0 and in_words(sent.tokens[j], "opener") and sent.tokens[j].text.endswith(("ه", "ها")):
        j -= 1  # إنه، أنها: the subject stands before them
    while j >= 0:
        token = sent.tokens[j]
        unit = unit_over(sent, token)
        if unit is not None:
            if unit.type == "place" or governed(sent, unit) is not None:
                break
            if party(sent, unit):
                units.insert(0, unit)
            j = token_index(sent, unit.start) - 1
            continue
        own = _self(sent, token)
        if own is not None:
            units.insert(0, own)
        elif not _continues(sent, token) or (not units and token.text in _GLUE):
            return [] if in_words(token, "preposition") else units
        j -= 1
    return units


def first_run(sent: Sentence, start: int, stop: int) -> list[Unit]:
    """The first actor phrase of a stretch: the parties of a sentence's subject."""
    for unit in sent.units:
        if start <= unit.start < stop and party(sent, unit):
            return run_forward(sent, token_index(sent, unit.start), stop)[0] or [unit]
    return []


def object_pronoun(text: str, start: int, end: int) -> bool:
    """A verb carrying an object pronoun (وصفها، التقاه)."""
    return text[start:end].endswith(_PRONOUN_ENDINGS) and end - start > 4

"""The event trigger lexicon (data/triggers.tsv): PLOVER triggers with their inflected
forms, and the function words the coder reads around them. Validated and compiled once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from shuraka.errors import DataError
from shuraka.extract.matching import Match, find
from shuraka.gazetteer.compile import Lexicon, Record, build_lexicon
from shuraka.gazetteer.tsv import data_path, read_tsv, split_values
from shuraka.text.normalize import norm

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
PLOVER_MODES = {
    "CONSULT": ("visit", "third-party", "multilateral", "phone"),
    "ACCUSE": ("disapprove", "investigate", "allege"),
    "REQUEST": ("assist", "change", "yield", "meet"),
    "REJECT": ("assist", "change", "yield", "meet"),
    "MOBILIZE": ("troops", "weapons", "police", "militia"),
}
TRIGGER_POS = ("verb", "noun")
WORD_POS = ("negator", "future", "frame", "boundary", "relative", "anaphor", "head",
            "location", "topic", "presence", "opener", "self", "preposition", "during",
            "conditional", "gathering", "reference", "naming", "reported")
FLAGS = ("frame", "host", "locrec", "nobare", "pronoun", "meeting", "gathering", "join", "react", "nol")
TENSES = ("past", "present", "future", "noun")
TENSE_PRIORITY = ("future", "past", "noun", "present")  # a surface with several readings
_COLUMNS = ("ar", "imperfect", "pos", "type", "mode", "object", "flags")
_PREFIXES = ("ي", "ت", "ن", "ا")
_POSSESSIVES = ("ه", "ها", "هم", "هما", "نا")


@dataclass(frozen=True)
class TriggerRow:
    """One row of triggers.tsv: a word and the event it makes."""

    line: int
    ar: str
    pos: str
    type: str
    mode: str | None
    objects: tuple[str, ...]  # normalized stems
    flags: frozenset[str]


@dataclass(frozen=True)
class Hit:
    """A trigger occurrence: where (normalized offsets), its candidate rows, its tense."""

    start: int
    end: int
    word_start: int  # where the word begins, proclitics included
    rows: tuple[TriggerRow, ...]
    tense: str  # past | present | future | noun


@dataclass(frozen=True)
class TriggerLexicon:
    rows: tuple[TriggerRow, ...]
    matcher: Lexicon
    words: dict[str, frozenset[str]]  # pos -> normalized function words


def perfect_forms(p: str, pronouns: bool = False) -> list[str]:
    """Perfect forms of a normalized 3ms perfect: persons, duals, plurals; with
    `pronouns`, the 3rd person object pronouns too (وصفها، التقاه)."""
    if p.endswith(("ي", "ا")):
        s = p[:-1]
        forms = [p, s + "ت", s + "تا", s + "وا"]
        forms += [s + "يا", s + "ينا", s + "يتم"] if p.endswith("ي") else []
        return forms + ([s + "اه", s + "اها", s + "اهم"] if pronouns else [])
    forms = [p, p + "ت", p + "تا", p + "وا", p + "ا", p + "نا", p + "تم"]
    return forms + ([p + "ه", p + "ها", p + "هم", p + "ته", p + "تها"] if pronouns else [])


def imperfect_forms(i: str, pronouns: bool = False) -> list[str]:
    """Imperfect forms of a normalized 3ms imperfect (يفعل): every person prefix, the
    plural and dual endings (with and without ن); object pronouns with `pronouns`."""
    core = i[1:] if i.startswith("ي") else i
    if core.endswith(("ي", "و")):
        tails = [core, core[:-1] + "ون", core + "ان", core[:-1] + "وا", core + "ا"]
    else:
        tails = [core, core + "ون", core + "ان", core + "ن", core + "وا", core + "ا"]
    tails += [core + "ه", core + "ها", core + "هم"] if pronouns else []
    return [p + t for p in _PREFIXES for t in tails]


def noun_forms(n: str) -> list[str]:
    """A noun, with the article, and its possessive forms (زيارته، اجتماعهم)."""
    if " " in n:
        return [n, "ال" + n]
    stem = n[:-1] + "ت" if n.endswith("ه") else n
    return [n, "ال" + n] + [stem + p for p in _POSSESSIVES]


def _surfaces(row: TriggerRow, imperfect: str) -> dict[str, list[str]]:
    """Surfaces by tense for one row."""
    if row.pos == "noun":
        more = [norm(v) for v in split_values(imperfect)]
        return {"noun": [f for n in [row.ar, *more] for f in noun_forms(n)]}
    pronouns = "pronoun" in row.flags
    past = perfect_forms(row.ar, pronouns)
    if "nobare" in row.flags:
        past = past[1:]
    present = imperfect_forms(norm(imperfect), pronouns) if imperfect else []
    return {"past": past, "present": present, "future": ["س" + f for f in present]}


def _row(path: object, line: int, cells: dict[str, str]) -> TriggerRow:
    where = f"{path}:{line}"
    pos, type_, mode = cells["pos"], cells["type"], cells["mode"] or None
    if type_ not in PLOVER_TYPES:
        raise DataError(f"{where}: {type_!r} is not a PLOVER event type")
    if mode is not None and mode not in PLOVER_MODES.get(type_, ()):
        raise DataError(f"{where}: {mode!r} is not a PLOVER mode of {type_}")
    flags = frozenset(split_values(cells["flags"]))
    if flags - set(FLAGS):
        raise DataError(f"{where}: unknown flags {sorted(flags - set(FLAGS))}")
    if pos == "verb" and not cells["imperfect"]:
        raise DataError(f"{where}: a verb needs its imperfect")
    objects = tuple(norm(o) for o in split_values(cells["object"]))
    return TriggerRow(line, norm(cells["ar"]).strip(), pos, type_, mode, objects, flags)


@lru_cache(maxsize=1)
def lexicon() -> TriggerLexicon:
    """The compiled trigger lexicon."""
    path = data_path("shuraka.extract", "triggers.tsv")
    rows: list[TriggerRow] = []
    items: list[tuple[Record, list[str]]] = []
    words: dict[str, set[str]] = {p: set() for p in WORD_POS}
    for line, cells in read_tsv(path, _COLUMNS):
        pos = cells["pos"]
        if pos in WORD_POS:
            if cells["type"]:
                raise DataError(f"{path}:{line}: a {pos} row takes no event type")
            words[pos].add(norm(cells["ar"]).strip())
            continue
        if pos not in TRIGGER_POS:
            raise DataError(f"{path}:{line}: pos {pos!r} is none of {TRIGGER_POS + WORD_POS}")
        row = _row(path, line, cells)
        rows.append(row)
        for tense, forms in _surfaces(row, cells["imperfect"]).items():
            rec = Record(id=f"{line}:{tense}", type="trigger", name_en=None, name_ar=row.ar)
            items.append((rec, forms))
    return TriggerLexicon(tuple(rows), build_lexicon(items), {k: frozenset(v) for k, v in words.items()})


def _hit(text: str, m: Match, by_line: dict[int, TriggerRow]) -> Hit:
    rows: list[TriggerRow] = []
    tenses: list[str] = []
    for entry in m.entries:
        line, tense = entry.record.id.split(":")
        tenses.append(tense)
        row = by_line[int(line)]
        if row not in rows:
            rows.append(row)
    tense = min(tenses, key=TENSE_PRIORITY.index)
    start = m.start
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return Hit(m.start, m.end, start, tuple(sorted(rows, key=lambda r: r.line)), tense)


def find_triggers(text: str) -> list[Hit]:
    """Every trigger word of a normalized text, in text order."""
    lex = lexicon()
    by_line = {r.line: r for r in lex.rows}
    return [_hit(text, m, by_line) for m in find(text, lex.matcher)]


def words(pos: str) -> frozenset[str]:
    """The normalized function words of a kind (negator, frame, head ...)."""
    return lexicon().words[pos]

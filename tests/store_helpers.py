"""Helpers of the store tests and the ingest benchmark: a database dump to compare two
knowledge bases, synthetic articles, and two reports of one meeting written for the tests."""

from __future__ import annotations

import random
import re
from pathlib import Path

from sqlalchemy import create_engine, inspect, select, text

from shuraka.store.db import resolve_url
from shuraka.store.models import Base

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples" / "articles"
SEEDS = REPO.parent / "shared" / "seeds"

# Two reports of one meeting by two outlets, worded differently (written for these tests).
SAME_MEETING = {
    "outlet-a.txt": (
        "الأردن والناتو يبحثان توسيع التعاون في أمن الحدود\n"
        "بروكسل، 14 مارس 2024 (وكالة الأنباء) - التقى وزير الخارجية الأردني أيمن الصفدي "
        "اليوم الخميس في بروكسل الأمين العام لحلف شمال الأطلسي ينس ستولتنبرغ، وبحث الجانبان "
        "سبل توسيع التعاون بين المملكة والحلف في مجالات أمن الحدود ومكافحة الإرهاب.\n"
        "وأكد الصفدي خلال اللقاء حرص بلاده على تطوير الشراكة مع الناتو، فيما أشاد "
        "ستولتنبرغ بدور الأردن في استقرار المنطقة.\n"
        "وتناول الاجتماع كذلك برامج التدريب التي يقدمها الحلف للقوات المسلحة الأردنية.\n"),
    "outlet-b.txt": (
        "الصفدي يلتقي ستولتنبرغ في مقر الحلف\n"
        "بروكسل في 14 آذار/مارس 2024 - عقد الأمين العام للناتو ينس ستولتنبرغ الخميس محادثات "
        "مع وزير الخارجية الأردني أيمن الصفدي في مقر الحلف ببروكسل، تناولت العلاقات "
        "الثنائية والأوضاع الإقليمية.\n"
        "وقال ستولتنبرغ في مؤتمر صحفي مشترك إن الأردن شريك موثوق للحلف منذ انضمامه إلى "
        "الحوار المتوسطي، مشيرا إلى أن التعاون يشمل مكافحة الإرهاب وأمن الحدود.\n"
        "من جهته، دعا الصفدي إلى تكثيف الجهود الدولية لوقف التصعيد في المنطقة.\n"),
}

# A wire story and the same copy republished by another outlet with its own lead-in.
WIRE = (
    "النرويج تستضيف مناورات بحرية للحلف في بحر الشمال\n"
    "أوسلو، 3 يونيو 2025 (وكالات) - انطلقت اليوم الثلاثاء في بحر الشمال مناورات بحرية "
    "واسعة يشارك فيها عدد من دول حلف شمال الأطلسي بقيادة النرويج، وتستمر أسبوعين.\n"
    "وقالت وزارة الدفاع النرويجية في بيان إن التمرين يهدف إلى اختبار قدرة القوات على "
    "حماية خطوط الملاحة والبنى التحتية البحرية الحيوية وتبادل المعلومات بين السفن.\n"
    "وتشارك في المناورات سفن وطائرات من ألمانيا وهولندا والدنمارك، إلى جانب وحدات من "
    "خفر السواحل النرويجي، بحسب البيان.\n"
    "وأضاف البيان أن التمرين يأتي ضمن خطة الحلف لتعزيز الأمن البحري في الشمال الأوروبي "
    "بعد حوادث استهدفت كابلات وخطوط أنابيب تحت البحر خلال العامين الماضيين.\n")
WIRE_COPY = WIRE.replace("(وكالات) - ", "(خاص) - نقلا عن وكالات الأنباء، ").replace(
    "بحسب البيان.", "بحسب البيان الرسمي الصادر صباح اليوم.")


def dump(url: str) -> dict[str, list[tuple]]:
    """Every row of every knowledge-base table, sorted, for comparing two databases."""
    engine = create_engine(resolve_url(url))
    out: dict[str, list[tuple]] = {}
    with engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            rows = conn.execute(select(table)).all()
            out[table.name] = sorted(tuple(repr(v) for v in r) for r in rows)
        if engine.dialect.name == "sqlite":
            conn.execute(text("INSERT INTO sentence_fts(sentence_fts) VALUES('integrity-check')"))
    engine.dispose()
    return out


def table_names(url: str) -> set[str]:
    engine = create_engine(resolve_url(url))
    names = set(inspect(engine).get_table_names())
    engine.dispose()
    return names


_COUNTRIES = ["اليابان", "الأردن", "العراق", "أستراليا", "نيوزيلندا", "جورجيا", "مولدوفا",
              "السويد", "فنلندا", "صربيا", "المغرب", "تونس", "الكويت", "قطر", "البحرين"]
_YEAR_RE = re.compile(r"(?<!\d)(20[0-2]\d)(?!\d)")


def _vary(text: str, rng: random.Random) -> str:
    shift = rng.randint(-3, 3)
    text = _YEAR_RE.sub(lambda m: str(min(2025, int(m.group(1)) + shift)), text)
    present = [c for c in _COUNTRIES if c in text]
    if present:
        old, new = rng.choice(present), rng.choice(_COUNTRIES)
        text = text.replace(old, new)
    return text


def synthetic_articles(n: int, folder: Path, seed: int = 7) -> list[Path]:
    """`n` articles built from the sample articles: sentences shuffled and dropped,
    names and years varied. Deterministic for a seed."""
    rng = random.Random(seed)
    bases = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        lines = [line for line in bases[i % len(bases)].splitlines() if line.strip()]
        head, body = lines[:2], lines[2:]
        rng.shuffle(body)
        body = body[: max(2, len(body) - rng.randint(0, 2))]
        text = _vary("\n".join(head + body), rng) + f"\n(تحديث رقم {i + 1})\n"
        path = folder / f"synthetic-{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths

"""Entity recognition on small texts the project wrote: clitics, boundaries,
disambiguation, persons, roles. Every span must point into the raw text."""

from __future__ import annotations

import pytest

from shuraka.extract.entities import entities, recognize


def ents(text: str, published: str | None = None) -> dict[str, object]:
    layer = recognize(text, published=published)
    out = {}
    for e in entities(layer):
        for span in e.mentions + [r.evidence for r in e.roles]:
            assert text[span.start:span.end] == span.text
        out[e.id] = e
    return out


@pytest.mark.parametrize(
    ("text", "id_", "surface"),
    [
        ("وصل الوفد بليتوانيا صباحا.", "LTU", "ليتوانيا"),
        ("قدم الدعم لحلف الناتو مجددا.", "NATO", "حلف الناتو"),
        ("اجتمع الوزير والناتو أمس.", "NATO", "الناتو"),
        ("وقعت اليابان وكوريا الجنوبية اتفاقا.", "KOR", "كوريا الجنوبية"),
        ("عقد لقاء بالعراق حول الأمن.", "IRQ", "العراق"),
        ("قدم الحلف مساعدات للعراق.", "IRQ", "عراق"),
        ("وصل وفد وللناتو مكتب هناك.", "NATO", "ناتو"),
        ("رحب المسؤول الياباني بالاتفاق.", "JPN", "الياباني"),
        ("قالت الحكومة الكورية الجنوبية إن الاتفاق مهم.", "KOR", "الكورية الجنوبية"),
    ],
)
def test_names_behind_proclitics(text, id_, surface):
    found = ents(text)
    assert id_ in found, sorted(found)
    assert surface in [m.text for m in found[id_].mentions]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("افتتح مصرف جديد فرعا في المدينة.", "EGY"),
        ("قال الخبير المالي إن الأسواق هادئة.", "MLI"),
        ("قدم الحلف الدعم للقوات المحلية.", "NATO"),  # الحلف with no named alliance
    ],
)
def test_no_match_inside_words_or_without_context(text, absent):
    assert absent not in ents(text)


def test_oman_inside_omani_is_the_adjective_not_amman():
    found = ents("التقى المسؤول العماني نظيره في الرياض.")
    assert "OMN" in found and "amman" not in found


def test_amman_with_jordan_context():
    found = ents("افتتح الناتو مكتبا في عمان. وقال مسؤول أردني إن الأردن شريك مهم.")
    assert "amman" in found and "OMN" not in found


def test_oman_in_a_gulf_enumeration():
    found = ents("تضم المجموعة السعودية والكويت وعمان وقطر.")
    assert "OMN" in found and "amman" not in found


def test_sultanate_of_oman():
    assert "OMN" in ents("زار الوزير سلطنة عمان أمس.")


def test_bare_korea_is_south_korea_by_default():
    found = ents("عززت كوريا تعاونها مع الناتو.")
    assert "KOR" in found and "PRK" not in found


def test_bare_korea_is_the_north_when_the_article_speaks_only_of_it():
    found = ents("أطلقت كوريا الشمالية صاروخا. وقالت كوريا إن التجربة ناجحة.")
    assert "PRK" in found and "KOR" not in found


def test_washington_as_place_and_as_actor():
    place = ents("عقدت القمة في واشنطن الأسبوع الماضي.")
    assert "washington" in place and "USA" not in place
    actor = ents("وقالت واشنطن إنها ستدعم الحلفاء.")
    assert "USA" in actor and "washington" not in actor


def test_the_alliance_counts_only_when_nato_is_named():
    found = ents("قال حلف شمال الأطلسي إن الحلف سيواصل دعم شركائه.")
    assert [m.text for m in found["NATO"].mentions] == ["حلف شمال الأطلسي", "الحلف"]


def test_short_name_after_full_name():
    found = ents("التقى الرئيس يون سوك يول بالوفد. وقال يون إن التعاون مهم.")
    assert [m.text for m in found["yoon-suk-yeol"].mentions] == ["يون سوك يول", "يون"]


def test_unknown_person_after_title_gets_an_ar_id():
    found = ents("وقال السفير الأردني فادي سمير النابلسي إن العلاقات متينة.")
    assert "ar:فادي-سمير-النابلسي" in found
    role = found["ar:فادي-سمير-النابلسي"].roles[0]
    assert (role.title_en, role.of) == ("Ambassador", "JOR")


@pytest.mark.parametrize(
    ("text", "person", "of"),
    [
        ("أكد أمس وزير الدفاع الأمريكي لويد أوستن التزام بلاده.", "lloyd-austin", "USA"),
        ("ورفض لين جيان، المتحدث باسم الخارجية الصينية، الخطوة.", "lin-jian", "CHN"),
        ("واستقبل رئيس كوريا الجنوبية، يون سوك يول، وفدا أوروبيا.", "yoon-suk-yeol", "KOR"),
        ("وأشاد الأمين العام لحلف \"الناتو\"، ينس ستولتنبرغ، بالخطوة.", "jens-stoltenberg", "NATO"),
        ("بحث أوستن مع نظيره الكوري الجنوبي لي جونغ سوب خطط التدريب.", "lee-jong-sup", "KOR"),
    ],
)
def test_roles(text, person, of):
    found = ents(text)
    assert person in found, sorted(found)
    assert of in [r.of for r in found[person].roles]


def test_a_name_without_title_gets_no_role():
    found = ents("التقى ينس ستولتنبرغ الوفد الياباني.")
    assert found["jens-stoltenberg"].roles == []


def test_title_complement_with_proclitic_names():
    found = ents("وقال السفير الكويتي لدى بلجيكا والناتو، جاسم الناجم، إن بلاده ملتزمة.")
    role = found["ar:جاسم-الناجم"].roles[0]
    assert (role.title_en, role.of) == ("Ambassador", "KWT")


def test_words_with_a_proclitic_and_article_are_never_a_name():
    found = ents("استقبل وزير الشؤون الخارجية والتعاون الإفريقي الوفد أمس.")
    assert not [i for i in found if i.startswith("ar:")]


def test_names_starting_with_alef_lam_are_not_the_article():
    found = ents("وصل المستشار الألماني إلى ألبانيا، وقال إن لألمانيا دورا.")
    assert [m.text for m in found["DEU"].mentions] == ["الألماني", "ألمانيا"]
    assert "ALB" in found


def test_common_nouns_after_a_title_are_no_name():
    found = ents("وبحث الوزير مع الأمين العام لحلف شمال الأطلسي سبل تعزيز التعاون.")
    assert not [i for i in found if i.startswith("ar:")]

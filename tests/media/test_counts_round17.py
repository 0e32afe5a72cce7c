"""Head-count and detention classes of round 17 (issue 16, items 2 and 5), each written as a class from hand-made
sentences before its rule (none copied from an article), with hard cases beside it that must keep passing. The
rules were written looking only at the misses of one half of dev+measured (tests/media/real/round17-halfA.txt);
the other half (round17-halfB.txt) was scored once before and once after (docs/media.md, "Round 17").
Participants:
- "приняли участие" is taking part, never the akim receiving people ("в митинге у акимата приняли участие 70");
- a numeral with a Russian case ending ("около 60-ти активистов", "более 20-ти человек");
- a count after a verb of gathering with its noun left out ("пришли около ста", "собралось порядка двухсот");
  "человек 50-60" before a place;
- a genitive plural person noun as the figure's subject ("пикетчиков было не больше десяти", "жителей — около 50");
- one person told verb-first ("к акимату вышла пенсионерка 68 лет", "акцию продолжил Пётр Зайченко") and
  Kazakh "70 жастағы зейнеткер";
- officials and Kazakh police staff are no crowd ("3 заместителя акима", "40-қа жуық полиция қызметкері").
Detentions:
- a police station by its abbreviation ("в городское УВД", "в ГУВД", "в ДП", "в РОП");
- the subject of a passive detention after a participial phrase ("23 человека, участвовавших в акции, были
  задержаны");
- Kazakh partitive nominatives ("наразылардың бесеуі жеткізілді");
- a detention in a sentence set in an earlier year is background ("В 2019 году ... были задержаны 40 человек");
- one person joined to a count ("задержали организатора и двух участников" = 3).
"""
from __future__ import annotations

import datetime as dt

import pytest

from assets.media import extract

PUB = dt.date(2023, 6, 1)


def event(title: str, text: str):
    events = extract.extract(title, text, published=PUB, url="https://t.example/r17", force=True)
    assert events
    return events[0]


def count(title: str, text: str):
    ev = event(title, text)
    return ev.participants_low, ev.participants, ev.participants_high


def detained(title: str, text: str):
    return event(title, text).detained


# --- participants -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,n", [
    ("В митинге у здания областного акимата Уральска приняли участие около 70 человек.", 70),
    ("УРАЛЬСК, 12 марта. – В пикете у акимата приняли участие 15 активистов.", 15),
    ("В акции у акимата Павлодара приняли участие более 40 жителей.", 41),
    ("В Таразе у акимата города прошел митинг, в нем приняли участие около 200 человек.", 200),
    ("У здания акимата Атырау в голодовке принимают участие 12 нефтяников.", 12),
])
def test_taking_part_is_no_akim_receiving(text, n):
    lo, best, hi = count("Акция", text)
    assert lo <= n <= hi


@pytest.mark.parametrize("text", [
    "Жители Тараза пришли к акимату. Аким города принял 12 человек.",
    "Жители Тараза пришли к акимату. Аким принял делегацию из 5 человек.",
    "Тұрғындар әкімдікке келді. Әкім 12 адамды қабылдады.",
])
def test_the_akim_receiving_stays_no_crowd(text):
    assert count("Акция", text)[1] is None


@pytest.mark.parametrize("text,n", [
    ("Около 60-ти активистов пришли к зданию суда в Алматы.", 60),
    ("К акимату Семея вышли более 20-ти человек.", 21),
    ("На площадь в Актау вышли порядка 100-а нефтяников.", 100),
    ("Около 30-ти дольщиков собрались у акимата Астаны.", 30),
    ("У здания суда в Кокшетау стояли 5-ть пикетчиков.", 5),
])
def test_a_numeral_with_a_case_ending(text, n):
    lo, best, hi = count("Акция", text)
    assert lo <= n <= hi


@pytest.mark.parametrize("text", [
    "Жители Тараза пришли к акимату. Они ждут жилье с 90-х годов.",
    "Жители Тараза пришли к акимату. Дом построен в 70-х.",
    "Жители Тараза пришли к акимату. 5-ти летний ребенок остался без сада.",
])
def test_a_case_ending_makes_no_other_number_a_head_count(text):
    assert count("Акция", text)[1] is None


@pytest.mark.parametrize("text,n", [
    ("На площадь в Талдыкоргане пришли около ста.", 100),
    ("К акимату Кентау собралось порядка двухсот.", 200),
    ("В Атырау у акимата собрались около 150.", 150),
    ("На митинг в Семее вышло не более 50.", 50),
    ("Собралось человек 50-60 у входа в акимат Семея.", 55),
])
def test_a_count_after_a_verb_of_gathering_without_its_noun(text, n):
    lo, best, hi = count("Акция", text)
    assert lo <= n <= hi


@pytest.mark.parametrize("text", [
    "Жители Семея вышли к акимату 15 мая.",
    "Жители Семея собрались у акимата в 11.",
    "Жители Семея пришли к акимату в 2023.",
    "Жители Семея вышли к акимату и простояли около 3.",
])
def test_no_noun_after_a_date_or_a_time_is_no_head_count(text):
    assert count("Акция", text)[1] is None


@pytest.mark.parametrize("text,n", [
    ("В Алматы прошел пикет у акимата. Пикетчиков было не больше десяти.", 8),
    ("Жители Шубарколя вышли к акимату. Жителей было около 50.", 50),
    ("Матери вышли к акимату Шымкента. Женщин — около 30, многие с детьми.", 30),
    ("Дольщики пришли к акимату Астаны. Дольщиков насчитывалось более сотни.", 110),
    ("Шахтеры вышли к управлению. Горняков было порядка трехсот.", 300),
])
def test_a_person_noun_as_the_figures_subject(text, n):
    lo, best, hi = count("Акция", text)
    assert lo <= n <= hi


@pytest.mark.parametrize("text", [
    "Жители вышли к акимату. Полицейских было около 30.",
    "Жители вышли к акимату. Журналистов было человек 10.",
    "Жители вышли к акимату. Детей было около 20.",
])
def test_police_press_and_children_as_the_subject_are_no_crowd(text):
    assert count("Акция", text)[1] is None


@pytest.mark.parametrize("title,text", [
    ("Пикет", "К акимату Экибастуза с плакатом вышла пенсионерка 68 лет."),
    ("Голодовка", "В Алматы голодовку у акимата продолжил Петр Зайченко."),
    ("Пикет", "У здания суда в Костанае с плакатом встал 40-летний предприниматель."),
    ("Пикет", "К Акорде с плакатом вышел житель Кокшетау."),
    ("Пикет", "Оралда 70 жастағы зейнеткер әкімдік алдына плакатпен шықты."),
    ("Пикет", "Шымкентте 45 жастағы ана әкімдік алдында жалғыз тұрды."),
])
def test_one_person_told_verb_first_or_with_a_kazakh_age(title, text):
    assert count(title, text) == (1, 1, 1)


@pytest.mark.parametrize("title,text", [
    ("Митинг", "К акимату Экибастуза с плакатами вышли пенсионеры."),
    ("Митинг", "К акимату Экибастуза вышла группа пенсионеров."),
    ("Жиын", "Оралда зейнеткерлер әкімдік алдына жиналды."),
    ("Митинг", "В Уральске полиция задержала несколько сотен человек, вышедших на митинг."),
    ("Митинг", "Видео митинга у акимата Уральска опубликовал местный блогер."),
])
def test_a_plural_crowd_told_verb_first_is_no_one_person(title, text):
    assert count(title, text) != (1, 1, 1)


@pytest.mark.parametrize("text", [
    "Жители вышли к акимату Актобе. К ним вышли 3 заместителя акима.",
    "Жители вышли к акимату Актобе. С ними говорили 5 представителей акимата.",
    "Тұрғындар әкімдік алдына жиналды. Оқиға орнына 40-қа жуық полиция қызметкері келді.",
    "Тұрғындар әкімдік алдына жиналды. Оларды 20 шақты полиция қызметкері қоршап алды.",
    "Жители вышли к акимату Актобе. Вышли к ним 2 замакима и руководитель отдела.",
])
def test_officials_and_kazakh_police_staff_are_no_crowd(text):
    assert count("Акция", text)[1] is None


def test_kazakh_police_staff_are_police():
    ev = event("Жиын", "Тұрғындар әкімдік алдына жиналды. Оқиға орнына 40-қа жуық полиция қызметкері келді.")
    assert ev.police_count == 40


def test_kazakh_their_number_approached():
    lo, best, hi = count("Жиын", "Атырауда әкімдік алдына тұрғындар жиналды. Жиналғандар саны 200-ге жуықтады.")
    assert lo <= 200 <= hi


# --- detentions -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,n", [
    ("В Шымкенте прошла акция протеста. Позже 14 человек доставили в городское УВД для разбирательства.", 14),
    ("В Алматы прошел митинг. Девятерых участников увезли в ГУВД.", 9),
    ("В Актобе прошел пикет. Троих пикетчиков доставили в ДП области.", 3),
    ("В Уральске прошел митинг. В районное УВД доставлены 11 человек.", 11),
    ("В Таразе прошел митинг. Полицейские отвезли шестерых активистов в РОП.", 6),
])
def test_a_police_station_by_its_abbreviation(text, n):
    assert detained("Митинг", text) == n


def test_a_station_word_in_another_sense_is_no_detention():
    assert not detained("Митинг", "В Таразе прошел митинг. Участники пришли к зданию УВД и простояли час.")


@pytest.mark.parametrize("text,n", [
    ("В Алматы прошел митинг. По данным МВД, 23 человека, участвовавших в несанкционированной акции, были задержаны.", 23),
    ("В Актау прошел митинг. 17 человек, пришедших на площадь, задержаны полицией.", 17),
    ("В Астане прошел пикет. Шестеро активистов, стоявших с плакатами, были доставлены в отдел полиции.", 6),
    ("В Уральске прошел митинг. Около 40 человек, собравшихся у акимата, были задержаны.", 40),
    ("В Семее прошел пикет. Двое пикетчиков, по словам очевидцев, были задержаны.", 2),
])
def test_the_subject_of_a_passive_detention_after_a_participle(text, n):
    assert detained("Митинг", text) == n


@pytest.mark.parametrize("text,n", [
    ("Оралда митинг өтті. Наразылардың бесеуі полиция бөліміне жеткізілді.", 5),
    ("Алматыда пикет өтті. Белсенділердің екеуі ұсталды.", 2),
    ("Ақтөбеде митинг өтті. Жиналғандардың үшеуі полиция бөліміне апарылды.", 3),
    ("Шымкентте митинг өтті. Қатысушылардың алтауы ұсталды.", 6),
    ("Таразда пикет өтті. Олардың төртеуі полиция бөліміне жеткізілді.", 4),
])
def test_kazakh_partitive_nominatives(text, n):
    assert detained("Митинг", text) == n


@pytest.mark.parametrize("text", [
    "В Алматы прошел митинг. В 2019 году на такой же акции были задержаны 40 человек.",
    "В Алматы прошел митинг. На подобном митинге в 2020 году полиция задержала 30 человек.",
    "Алматыда митинг өтті. 2019 жылы осындай акцияда 40 адам ұсталды.",
    "В Алматы прошел митинг. Весной 2022 года за участие в митинге задержали 12 человек.",
    "В Алматы прошел митинг. В январе 2022 года в городе были задержаны сотни людей.",
])
def test_a_detention_in_an_earlier_year_is_background(text):
    assert not detained("Митинг", text)


def test_a_detention_dated_this_year_still_counts():
    assert detained("Митинг", "В Алматы 20 мая 2023 года прошел митинг. 20 мая 2023 года полиция задержала 12 "
                    "человек.") == 12


@pytest.mark.parametrize("text,n", [
    ("В Алматы прошел митинг. Полицейские задержали организатора и двух участников.", 3),
    ("В Алматы прошел митинг. Полиция задержала журналиста и трех активистов.", 4),
    ("В Алматы прошел митинг. В отдел полиции доставили лидера движения и пятерых его сторонников.", 6),
    ("В Алматы прошел митинг. Задержали одну пенсионерку и двоих студентов.", 3),
    ("В Алматы прошел митинг. Полиция увезла организатора акции и 10 участников.", 11),
])
def test_one_person_joined_to_a_count(text, n):
    assert detained("Митинг", text) == n

"""Classes of session 26 (issue 16), found in the misses of `fresh9` once it was opened to the rule writers (it had been
the blind part of session 25; from session 26 it is fitted) and written as classes with probe sentences of the
engineer's own (each case marked "new" fails on the rules before them, 24abf35; the others are traps that keep the
classes from widening):

- triage, assemblies: an official who came to, spoke before or negotiated with the strikers or protesters ("прибыл к
  бастующим медикам", "в ходе переговоров с бастующими шахтёрами", "вышел к митингующим"); a work refusal told as
  "отказались выходить на свои рабочие места" with a raise asked for beside it ("по поводу повышения заработной
  платы", "требуют повысить зарплату"); a camp set up at a building ("разбили лагерь" at the government's porch, with a
  demand); the Kazakh passive of holding ("митинг өткізілді");
- triage, no assembly: a Kazakh tally ("бірнеше рет ... митингілер өтіп"); a Kazakh fine imposed ("айыппұл салған");
  custody extended ("организатору продлили арест", "мера пресечения"); what a riot does ("протестующие разрушили
  памятник", "подожгли");
- fields: an official who came is no lone participant ("Вице-министр лично прибыл к бастующим"); the city the police
  were brought from is not the place ("стянули в X из Атырау", "прибыли полицейские из Уральска"); a city named only in
  a plan is not the place ("намерены поехать в Астану").
"""
from __future__ import annotations

import pytest

from assets.media import triage
from tests.media.first_event import count, detained_after_gathering, event


def _assembly(title: str, body: str) -> bool:
    return triage.classify(title, body, None).is_assembly


@pytest.mark.parametrize("title, body", [
    ("Аким Кызылорды приехал к бастующим учителям", "Он пообещал рассмотреть их вопрос до конца недели."),  # new
    ("Зарплата шахтёров",  # new
     "В ходе переговоров с бастующими горняками рудника директор предложил поднять оклады на 15 процентов."),
    ("Ночь у акимата Атырау", "Около полуночи к митингующим вышел заместитель акима и попросил их разойтись."),
    ("Водители автобусов Тараза", "Водители автобусного парка утром отказались выходить на свои рабочие места. "  # new
     "Они неоднократно обращались к директору по поводу повышения заработной платы."),
    ("Дольщики у министерства", "На ступенях здания министерства дольщики разбили лагерь. "  # new
     "Они требуют встречи с министром."),
    ("Коммунисты и 1 мая", "Алматыдағы Ленин ескерткішінің алдында коммунистердің дәстүрлі митингі өткізілді."),  # new
])
def test_assemblies(title, body):
    assert _assembly(title, body)


@pytest.mark.parametrize("title, body", [
    # traps: work as usual beside a raise; a camp of tourists; an official's visit to no protesters; a refusal to go
    # out with no grievance near
    ("Водители автобусов Тараза", "Водители автобусного парка вчера как обычно вышли на свои рабочие места. "
     "Директор рассказал о повышении заработной платы с января."),
    ("Туристы в горах", "Туристы разбили лагерь у подножия пика Талгар и встретили рассвет."),
    ("Аким приехал к строителям", "Аким приехал к строителям новой школы и осмотрел объект."),
    ("Карантин в Таразе", "Из-за карантина сотрудники отказались выходить на свои рабочие места."),
])
def test_the_new_cues_alone_make_no_assembly(title, body):
    assert not _assembly(title, body)


@pytest.mark.parametrize("title, body", [
    ("Сайлаудан кейін",  # new
     "Елде бірнеше рет рұқсат етілмеген митингілер өтіп, ондаған адам ұсталды."),
    ("Мешіт алдындағы белсенділер",  # new
     "Белсенділерді полиция ұстап әкетіп, әрқайсына 20 мың теңге айыппұл салған. Олар хаттаманы жоюды талап етті."),
    ("Шествие в Шымкенте: организатору продлили арест",  # new
     "Суд санкционировал меру пресечения в виде содержания под стражей сроком на два месяца.\n"
     "В общей сложности полиция задержала 12 участников незаконного шествия."),
    ("Беспорядки в Таразе", "Протестующие разрушили памятник на центральной площади и подожгли здание акимата."),  # new
])
def test_not_assemblies(title, body):
    assert not _assembly(title, body)


def test_peaceful_protesters_who_acted_are_still_an_assembly():
    # (trap for the riot's verbs: taking down nothing, only demanding)
    assert _assembly("Протест в Таразе", "Протестующие требуют отставки акима у здания акимата.")


def test_an_official_who_came_is_no_lone_participant():
    # (passes on 24abf35 only because its triage saw no event in the headline: with the new "protesters met" and no
    # officials among NON_PERSON_SUBJECTS it reads one participant, the vice-minister)
    assert count("Вице-министр лично прибыл к бастующим врачам в Атырау",
                 "Она прокомментировала требования сотрудников скорой помощи.") == (None, None, None)


def test_one_person_who_came_out_is_still_one():  # (trap: a lone protester leads the sentence)
    assert count("", "Пенсионерка вышла на одиночный пикет у здания акимата Костаная.") == (1, 1, 1)


@pytest.mark.parametrize("title, body, city", [
    ("Обстановка в Жетыбае", "Сегодня днём в посёлке начались протесты жителей. Сотрудников полиции стянули в посёлок "  # new
     "из Актау.", None),
    ("Обстановка в Шетпе", "Сегодня в посёлке начались протесты жителей. Вечером прибыли полицейские из Актау.", None),
    ("Протест в Кульсары: в город прибыли полицейские из Уральска",
     "Жители вышли на площадь перед акиматом, требуя возмещения ущерба.", None),
    ("Рабочие бастуют десятый день",  # new
     "В Мангистау рабочие сервисной компании бастуют уже десятый день. Теперь они намерены поехать в Астану "
     "к министру.", None),
    # traps: the city of the gathering named beside the police's; people who came from a city to the place
    ("Протест в Актау", "Жители вышли на площадь перед акиматом Актау. Полицейских стянули из Жанаозена.", "aktau"),
    ("Жители Жанаозена вышли на площадь", "Вечером полицейские прибыли на площадь.", "zhanaozen"),
])
def test_not_where_the_police_came_from_nor_a_plan(title, body, city):
    assert event(title, body).city == city


# (session 26) detentions in phrasings written from no article (the holdout scores detentions worst: 25 of 45): each
# "new" case fails on 24abf35; the traps keep the new patterns narrow
@pytest.mark.parametrize("sentence, n", [
    ("В отделение доставили 6 участников пикета.", 6),  # new: the station named alone, first
    ("Наразылардың 20-сын полиция ұстады.", 20),  # new: Kazakh, some of them told before the police
    ("Из 40 пришедших задержали половину.", 20),  # new: a fraction alone after the verb (of the 40 who gathered)
    ("Одну из участниц увезли в полицию.", 1),  # new: one of them told first
    ("Полиция наразылардың 12-сін ұстап әкетті.", 12),
    ("Задержали одного из организаторов.", 1),
])
def test_detentions_in_more_phrasings(sentence, n):
    assert detained_after_gathering(sentence) == n


@pytest.mark.parametrize("sentence", [
    "В отделение реанимации доставили троих пострадавших.",  # a ward: no detention
    "Половину участников пригласили в акимат на встречу.",  # a fraction invited, not detained
])
def test_no_detention_in_look_alikes(sentence):
    assert not detained_after_gathering(sentence)


def test_a_fraction_of_an_uncounted_crowd_is_no_one_person():
    # (the crowd states no count, so no half can be taken: the share word is no single detainee)
    ev = event("Митинг в Кокшетау", "Жители вышли на митинг у здания акимата, требуя снизить тарифы. Полиция задержала половину.")
    assert ev.detained != 1


@pytest.mark.parametrize("title, body, n", [
    # new: "их" right after a detained figure are those detained, not the whole crowd
    ("Митинг в Алматы", "Около 100 человек собрались на площади. Задержаны 20 человек. Их доставили в Алмалинское РУВД.", 20),
    # new: the country's total before the city's part
    ("Митинг в Алматы", "Около 100 человек собрались на площади в Алматы. Всего, по данным МВД, в стране задержаны 200 человек, "
     "в Алматы — 20.", 20),
    # traps: "их" after the crowd's count is all of them; a figure then "их" with a count of its own
    ("Митинг в Алматы", "Около 100 человек собрались на площади. Полицейские окружили их и увезли в автобусах.", 100),
    ("Митинг в Алматы", "Около 100 человек собрались на площади. Задержаны 20 человек. Позже 15 из них отпустили.", 20),
])
def test_detained_figure_and_what_follows(title, body, n):
    assert event(title, body).detained == n


# (session 26) triage probes written from no article (60 leads of the engineer's own, the five Russian ones that failed fixed; each
# "new" case fails on 24abf35)
@pytest.mark.parametrize("title, body", [
    ("Протест в Атырау", "Сотрудники подрядной компании третий день не выходят на работу, требуя погасить долги по "  # new
     "зарплате."),
    ("В Таразе водители такси устроили автопробег", "Около 30 машин проехали по центральным улицам с плакатами против "  # new
     "повышения тарифов."),
    ("Многодетные матери в Астане", "Десятки многодетных матерей второй день сидят в приемной министерства, требуя "  # new
     "жилье."),
    ("Учителя Кызылорды", "Учителя одной из школ Кызылорды отказались проводить уроки, требуя выплатить надбавки."),  # new
    ("Водители в Актобе", "Водители грузовиков выстроили свои машины вдоль трассы и отказались ехать дальше, "  # new
     "протестуя против новых штрафов."),
])
def test_assemblies_written_from_no_article(title, body):
    assert _assembly(title, body)


@pytest.mark.parametrize("title, body", [
    # traps: a stoppage with no grievance; cars that drove by with no protest; sitting in a waiting room for a doctor
    ("Карантин в Атырау", "Из-за карантина сотрудники компании третий день не выходят на работу."),
    ("Пробки в Таразе", "Около 300 машин проехали по центральным улицам за час."),
    ("Очереди в поликлинике", "Пациенты второй день сидят в приемной поликлиники в ожидании врача."),
    ("Каникулы в Кызылорде", "Из-за морозов учителя отказались проводить уроки в холодных классах."),
    ("Ярмарка в Актобе", "Фермеры выстроили свои машины вдоль трассы и продавали картофель."),
])
def test_look_alikes_written_from_no_article(title, body):
    assert not _assembly(title, body)

"""Head-count and detention classes of session 50 (issue 16), found on the holdout's half A (opened this session;
half B stays closed) and written as classes. Every sentence here is written by hand (none copied from an article);
each class fails on the rules before the session, with traps beside it that must keep passing:
- "более N" has N as its low bound (it was N + 1), as monitors write the stated figure down;
- "тыс" without its full stop is thousands: "от 1,5 до 2 тыс человек", "около 2 тыс человек", "1,5 тыс человек"
  (the last was read as one person, and made the gathering a single picket);
- a place's capacity is no crowd: "в сквере, вмещающем тысячу человек", "площадь вмещает до 5 тысяч",
  "зал вместимостью 300 человек", "рассчитан на 200 человек";
- the genitive of the vague scale words: "задержаниями десятков людей", "крики сотен протестующих";
- a police station in the plural with an adjective: "В полицейских участках оказались десятки активистов";
- an intention is no report of none ("активиста никто не собирается задерживать") and the headline's object first
  tells one detained ("Активиста задержали за пустой плакат");
- a future or modal passive detains nobody yet ("подозреваемый будет задержан в ближайшие дни");
- the parties to a fight are neither the detained of the assembly nor its crowd ("установлены девять участников
  драки, восемь из которых взяты под стражу");
- a fine counts the detained the article told without a number ("людей доставили в управление полиции" ...
  "полиция оштрафовала 19 жителей");
- "в день выборов" is a day, not a rate ("30 человек в день"): "задержала десятки людей в день выборов 9 мая";
- a figure the headline states stands over a body whose figures are all vague ("Не менее сотни задержанных" over
  "Десятки активистов подверглись задержаниям"), never a vague headline over a stated body;
- no one person leads a sentence from an agency's acronym ("КазТАГ – Митинг ... состоялся") nor from another verb's
  subject ("... состоялся в Алматы, передает корреспондент агентства");
- a Kazakh court's arrest "қамаққа алынып" is a detention, so its figure is no head count;
- a town the gazetteer lacks, named by its kind ("В городе Кульсары ... сотни людей организовали митинг"), is
  another assembly's place: its crowd is not the event's;
- the names listed after "В числе задержанных —" / "Среди задержанных:" count the detained; Kazakh law enforcers
  ("тәртіп сақшылары ... алып кетті") take people away as the police do;
- a protest action of a crowd named only as such, where a crowd gathers ("На акции протеста ... вышли сотни человек",
  "наразылық акциясы ... алаңда"), is a rally; not a strike's, a road's or one with no place ("выступили с акцией
  протеста" in a video).
"""
from __future__ import annotations

import pytest

from assets.media.numbers import quantities
from tests.media.first_event import count, detained, detained_after_gathering, event


# --- "более N": the stated figure is the low bound -----------------------------------------------------------------

@pytest.mark.parametrize("sentence, n", [
    ("Более 500 человек вышли на митинг у акимата Актобе.", 500),
    ("У здания акимата Тараза собрались свыше 60 жителей.", 60),
    ("На площадь вышли больше 200 рабочих, требуя повысить зарплату.", 200),
    ("Әкімдік алдына 70-тен астам тұрғын жиналды.", 70),
])
def test_more_than_n_has_n_as_its_low_bound(sentence, n):
    low, best, high = count("Митинг", sentence)
    assert low == n and best > n and high > best


def test_more_than_n_detained_stays_above_n():
    # the detained figure is the best reading, above the stated figure (the annotations read "более 20" as 21–30)
    n = detained_after_gathering("Полиция задержала более 20 человек.")
    assert n is not None and 20 < n <= 30


# --- "тыс" without its full stop ----------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, want", [
    ("Собралось от 1,5 до 2 тыс человек.", (1500, 1750, 2000)),
    ("На площадь вышли около 2 тыс человек.", (1800, 2000, 2200)),
    ("На митинг пришли 1,5 тыс человек.", (1500, 1500, 1500)),
    ("На митинг пришли 3 тыс жителей города.", (3000, 3000, 3000)),
])
def test_thousands_abbreviated_without_a_full_stop(sentence, want):
    assert count("Митинг в Алматы", "В Алматы 3 мая прошел митинг. " + sentence) == want


def test_thousands_abbreviated_still_reads_money_as_no_count():
    assert count("Митинг в Алматы", "В Алматы 3 мая прошел митинг. Штраф составил 5 тыс тенге.")[1] is None


def test_a_word_beginning_with_tys_is_no_scale():
    # "тысячи" is read as the scale word, "тыс" only as a word of its own
    assert [q.best for q, _ in quantities("пришли 2 тысячи человек")] == [2000]


# --- a place's capacity ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Митинг прошел в сквере, вмещающем тысячу человек.",
    "Организаторы просили площадь, которая вмещает до 5 тысяч человек.",
    "Акимат предложил зал вместимостью 300 человек.",
    "Площадка рассчитана на 200 человек.",
    "Сквер может вместить 2 тысячи человек, сказал организатор.",
])
def test_a_places_capacity_is_no_crowd(sentence):
    assert count("Митинг в Алматы", "В Алматы 3 мая прошел митинг у акимата. " + sentence)[1] is None


@pytest.mark.parametrize("sentence, best", [
    ("В сквере, где собрались 100 человек, выступили активисты.", 100),
    ("Зал был полон: пришли около 300 человек.", 300),
])
def test_a_crowd_in_a_place_stays_a_crowd(sentence, best):
    assert count("Митинг в Алматы", "В Алматы 3 мая прошел митинг у акимата. " + sentence)[1] == best


# --- the genitive of the vague scale words --------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Акция закончилась задержаниями десятков людей.",
    "Полиция сообщила о задержании десятков активистов.",
])
def test_tens_in_the_genitive_are_a_vague_count(sentence):
    n = detained("Митинг в Алматы", "В Алматы 3 мая прошел митинг у акимата. " + sentence)
    assert n is not None and 20 <= n <= 90


def test_hundreds_in_the_genitive_are_a_vague_crowd():
    low, best, high = count("Митинг в Алматы", "В Алматы 3 мая у акимата раздавались крики сотен протестующих.")
    assert (low, high) == (200, 900) and best is not None


@pytest.mark.parametrize("sentence, best", [
    ("На площадь вышли около двух десятков человек.", 20),
    ("На площадь вышли несколько сотен человек.", 300),
])
def test_a_numeral_before_the_scale_word_keeps_its_value(sentence, best):
    assert count("Митинг в Алматы", "В Алматы 3 мая прошел митинг. " + sentence)[1] == best


def test_tens_of_years_are_no_count():
    assert count("Митинг в Алматы", "В Алматы 3 мая прошел митинг. Проблеме уже десятков лет.")[1] is None


# --- a police station in the plural -------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, low, high", [
    ("В полицейских участках оказались десятки активистов и журналистов.", 20, 90),
    ("В полицейских участках оказались 12 участников акции.", 12, 12),
    ("В участках полиции оказались 7 человек.", 7, 7),
])
def test_in_police_stations_they_ended_up(sentence, low, high):
    n = detained_after_gathering(sentence)
    assert n is not None and low <= n <= high


def test_police_stations_as_a_place_of_work_are_no_detention():
    assert not detained_after_gathering("В полицейских участках работают 12 человек.")


# --- an intention; the headline's object first ------------------------------------------------------------------

PICKET = "В Уральске 3 мая житель вышел на площадь с пустым плакатом. "


@pytest.mark.parametrize("title, sentence", [
    ("Активиста задержали за пустой плакат", "Чиновник заявил, что активиста никто не собирается задерживать, но через "
                                             "несколько минут к нему подошли полицейские."),
    ("Пикетчика задержали у акимата", "Полицейские сказали, что не намерены его задерживать."),
    ("Пенсионерку доставили в отдел полиции", "В акимате обещали, что её не будут задерживать."),
])
def test_an_intention_denied_is_no_report_of_none(title, sentence):
    assert detained(title, PICKET + sentence) == 1


@pytest.mark.parametrize("title, sentence", [
    ("Пикет у акимата", "Полицейские заявили, что задерживать его не стали."),
    ("Пикет у акимата", "Его не задержали."),
])
def test_a_refusal_to_detain_is_still_none(title, sentence):
    assert detained(title, PICKET + sentence) == 0


# --- a future passive ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Аким пообещал, что подозреваемый будет задержан в ближайшие дни.",
    "Полиция предупредила, что участники могут быть задержаны.",
    "Виновные должны быть арестованы, заявили собравшиеся.",
])
def test_a_future_or_modal_passive_detains_nobody(sentence):
    assert not detained_after_gathering(sentence)


def test_a_past_passive_after_a_future_still_counts():
    assert detained_after_gathering("Полиция обещала, что никто не будет задержан, но задержаны были 6 человек.") == 6


# --- a fight's parties -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Установлены девять участников драки, восемь из которых взяты под стражу.",
    "Задержаны трое зачинщиков потасовки у ресторана.",
    "Под стражу взяты пять подозреваемых в нападении.",
])
def test_a_fights_parties_are_no_detained_of_the_assembly(sentence):
    assert not detained_after_gathering(sentence)


def test_a_fights_parties_are_no_crowd():
    body = "В Караганде 3 мая сотни людей вышли на площадь, требуя расследовать гибель юноши. " \
           "Установлены девять участников драки."
    low, best, high = count("Митинг в Караганде", body)
    assert (low, high) == (200, 900)


def test_participants_of_the_rally_detained_still_count():
    assert detained_after_gathering("Полиция задержала восемь участников митинга.") == 8


# --- a fine counts the detained told without a number ------------------------------------------------------------

SIT_IN = "В Астане 3 мая полицейские провели задержания у здания министерства, людей доставили в управление полиции. "


@pytest.mark.parametrize("sentence, n", [
    ("Позже полиция оштрафовала 19 жителей Жанаозена.", 19),
    ("Суд оштрафовал 12 участников акции.", 12),
    ("На 7 человек был наложен штраф.", 7),
])
def test_those_fined_after_detentions_without_a_number_are_their_figure(sentence, n):
    assert detained("Акция у министерства", SIT_IN + sentence) == n


def test_a_fine_without_a_detention_is_no_detention():
    body = "В Астане 3 мая у здания министерства прошел пикет. Позже суд оштрафовал 5 его участников."
    assert not detained("Пикет у министерства", body)


def test_a_stated_detained_figure_wins_over_the_fined():
    body = SIT_IN + "Всего задержаны 25 человек. Позже 10 из них оштрафовали."
    assert detained("Акция у министерства", body) == 25


# --- "в день выборов" is a day -------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Полиция задержала десятки людей в день выборов 9 мая.",
    "Полиция задержала 30 человек в день президентских выборов.",
    "Полиция задержала 30 человек в день 9 мая.",
])
def test_the_day_of_something_is_no_rate(sentence):
    n = detained_after_gathering(sentence)
    assert n is not None and 20 <= n <= 90


def test_a_rate_per_day_is_still_no_count():
    assert count("Акция", "В Алматы 3 мая прошла акция. В пункт приходят 30 человек в день.")[1] is None


# --- a stated headline over a vague body -------------------------------------------------------------------------

ELECTION_DAY = "В Алматы 3 мая на площади прошли задержания. "


@pytest.mark.parametrize("title, sentence, n", [
    ("Не менее сотни задержанных: как прошел день выборов", "Десятки активистов были задержаны у площади.", 100),
    ("Полиция задержала 35 участников митинга", "Полицейские задержали несколько десятков человек.", 35),
])
def test_a_stated_headline_figure_stands_over_a_vague_body(title, sentence, n):
    assert detained(title, ELECTION_DAY + sentence) == n


def test_a_vague_headline_never_stands_over_a_stated_body():
    # the body's figure in words ("не менее сотни") is all it states: the headline's "сотни" (read as 400) is no figure
    n = detained("В Казахстане задержаны сотни протестующих",
                 "На площади в Алматы задержаны не менее сотни человек, которые вечером 3 мая вышли на митинг.")
    assert n is not None and 100 <= n <= 200


def test_a_stated_body_figure_stands_over_the_headline():
    assert detained("Полиция задержала 35 участников митинга", ELECTION_DAY + "Полиция задержала 40 человек.") == 40


# --- no one person from an acronym or from another verb's subject ------------------------------------------------

@pytest.mark.parametrize("body", [
    "Алматы. 8 марта. КазТАГ – Митинг за снижение пенсионного возраста состоялся в Алматы, передает корреспондент агентства.",
    "РИА – Пикет у акимата прошел в Таразе, сообщает корреспондент.",
    "Митинг за снижение тарифов состоялся в Алматы, передает корреспондент агентства.",
])
def test_no_lone_protester_from_an_acronym_or_a_reporter(body):
    assert count("Митинг в Алматы", body)[1] is None


@pytest.mark.parametrize("body", [
    "К акимату с плакатом вышла пенсионерка 68 лет.",
    "Акцию продолжил активист Петр Иванов.",
])
def test_one_person_verb_first_still_counts(body):
    assert count("Пикет", "В Таразе 3 мая. " + body)[1] == 1


# --- a Kazakh court arrest is no head count -------------------------------------------------------------------

def test_a_kazakh_court_arrest_is_a_detention_and_no_crowd():
    body = ("13 қарашада ауданда рұқсатсыз жиын өтті. Сот шешімі бойынша 12 қатысушы әкімшілік қамаққа алынып, "
            "15 тәулікке дейін жазаланды.")
    ev_low, ev_best, _ = count("Жиын тоқтатылды", body)
    assert ev_best is None
    assert detained("Жиын тоқтатылды", body) == 12


# --- a town the gazetteer lacks is another place --------------------------------------------------------------

def test_a_crowd_in_a_town_the_gazetteer_lacks_is_another_assemblys():
    body = ("3 января на митинг на площади Исатая и Махамбета вышли жители Атырау. В городе Кульсары и в "
            "селе Орлик сотни людей организовали мирный митинг.")
    assert count("Жители Атырау вышли на площадь", body)[1] is None


def test_a_crowd_in_the_events_own_city_named_by_its_kind_still_counts():
    body = "3 января в городе Атырау сотни людей вышли на площадь Исатая и Махамбета, требуя снизить цены на газ."
    low, best, high = count("Жители Атырау вышли на площадь", body)
    assert (low, high) == (200, 900)


# --- a protest action where a crowd gathers is a rally ----------------------------------------------------------

@pytest.mark.parametrize("title, body", [
    ("Акция протеста в Алматы", "На акции протеста в Алматы против итогов выборов 3 мая вышли сотни человек."),
    ("Жители провели акцию", "Жители микрорайона 3 мая провели акцию протеста у здания акимата Шымкента, требуя вернуть воду."),
    ("Оралда наразылық", "Оралда 3 мамырда әкімдік алдындағы алаңда наразылық акциясы өтті, тұрғындар жиналды."),
])
def test_a_protest_action_where_a_crowd_gathers_is_a_rally(title, body):
    assert event(title, body).form == "rally"


@pytest.mark.parametrize("title, body", [
    ("Энергетики выступили с акцией", "Энергетики Мангистау 3 мая выступили с акцией протеста, записав видеообращение."),
    ("Водители вышли на протест", "На трассе Актау – Жанаозен 3 мая водители большегрузов вышли на протест против цен."),
    ("Нефтяники бастуют", "Бастующие нефтяники 3 мая провели акцию протеста у здания акимата Актау."),
])
def test_a_protest_action_without_a_crowds_place_or_of_a_strike_is_no_rally(title, body):
    assert event(title, body).form != "rally"


# --- the names listed after "В числе задержанных —" ---------------------------------------------------------------

@pytest.mark.parametrize("sentence, n", [
    ("В числе задержанных сегодня — Венера Ахметова, Жанна Сериккызы, Руслан Толеубаев и Серик Аманов.", 4),
    ("Среди задержанных: Асель Нурланова, Данияр Сапаров и Ермек Тулегенов.", 3),
])
def test_the_names_listed_after_among_the_detained_count(sentence, n):
    body = "У здания районного суда в Астане 3 мая спецподразделение задержало группу активистов. " + sentence
    assert detained("Активистов задержали у суда", body) == n


def test_a_stated_figure_stands_over_a_shorter_list_of_names():
    body = ("У здания районного суда в Астане 3 мая полиция задержала 12 активистов. "
            "В числе задержанных — Венера Ахметова и Жанна Сериккызы.")
    assert detained("Активистов задержали у суда", body) == 12


# --- Kazakh law enforcers take people away ----------------------------------------------------------------------

@pytest.mark.parametrize("sentence, low, high", [
    ("Тәртіп сақшылары он шақты адамды алып кетті.", 9, 11),
    ("Тәртіп сақшылары 15 белсендіні полиция бөлімшесіне алып кетті.", 15, 15),
])
def test_kazakh_law_enforcers_taking_people_away_detain_them(sentence, low, high):
    n = detained_after_gathering(sentence)
    assert n is not None and low <= n <= high


def test_kazakh_law_enforcers_guarding_detain_nobody():
    assert not detained_after_gathering("Тәртіп сақшылары алаңды күзетіп тұрды.")


# --- cases the session's hand mutants asked for (scripts/mutate_by_hand_s50media.py) -------------------------------

def test_a_future_passive_beside_a_done_detention_without_a_number():
    # the future is set aside only where nothing else in the sentence detains: here the police did
    assert detained_after_gathering("Обещали, что никто не будет задержан, но полиция задержала активиста.") == 1


def test_a_fights_parties_are_no_crowd_where_no_other_count_is_told():
    body = "В Караганде 3 мая люди вышли на площадь, требуя расследовать гибель юноши. Установлены девять участников драки."
    assert count("Митинг в Караганде", body)[1] is None


def test_a_stated_body_figure_stands_over_a_stated_headline_apart_from_the_body():
    assert detained("Не менее сотни задержанных: как прошел день выборов", ELECTION_DAY + "Полиция задержала 40 человек.") == 40

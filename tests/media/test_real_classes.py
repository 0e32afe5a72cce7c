"""The failure classes found on real news (issue 16), one test per class. Texts are written for
these tests in the phrasings real articles use; none is copied from tests/media/real/ (that set is
scored by assets/media/evaluate_real.py, and its `measured` part is never used to write rules)."""
from __future__ import annotations

import datetime as dt

import pytest

from assets.media import evaluate_real, extract, triage

D = dt.date


def one(title, text, published=None):
    events = extract.extract(title, text, published=published, url="https://t.example/r", force=True)
    assert events
    return events[0]


@pytest.mark.parametrize("title,text", [
    ("Акимат ответил активистам", "«Вам не разрешается проводить митинг в сквере Победы 12 сентября с 11.00 до 13.00», — "
     "говорится в ответе отдела внутренней политики Костаная."),
    ("Активисты подали уведомление", "Жители Павлодара подали уведомление о проведении митинга против роста тарифов."),
    ("Рабочие грозят голодовкой", "Рабочие шахты в Караганде пригрозили объявить голодовку, если им не выплатят зарплату."),
    ("Митинг пройдет в Таразе", "В субботу в Таразе пройдут митинги против повышения цен на газ, сообщили организаторы."),
    ("Активиста оштрафовали за митинг", "Суд Семея оштрафовал активиста на 50 МРП. Он выступил на митинге у акимата "
     "в субботу."),
    ("Воспоминания", "С апреля 2011 года около тысячи рабочих бастовали в Актау, требуя повысить зарплату."),
    ("Итоги января", "В полицию Актобе доставили 200 человек. Напомним, 4 января жители Актобе собрались у акимата "
     "с требованием снизить цену на газ. На площади митинговали до утра."),
])
def test_plans_permissions_threats_background_are_not_events(title, text):
    assert not triage.classify(title, text).is_assembly


@pytest.mark.parametrize("title,text", [
    ("Дольщики штурмовали акимат", "Около 150 дольщиков прорвались в здание акимата Шымкента. Они требуют встречи с акимом."),
    ("Жители перекрыли дорогу", "Жители поселка под Талдыкорганом перекрыли дорогу, у них третий день нет воды."),
    ("Тұрғындар жолды жауып тастады", "Қостанайда 50-ге жуық тұрғын автожолды жауып тастады."),
    ("Митинг", "Павлодарда жүзге жуық адам қатысқан митинг өтті."),
    ("Жители Жанаозена в столице", "Группа жителей Жанаозена, где в 2011 году бастовали нефтяники, 26 июня требовала "
     "в Астане встречи с руководством компании у здания офиса."),
])
def test_gatherings_without_the_usual_form_words_are_events(title, text):
    assert triage.classify(title, text).is_assembly


def test_date_is_the_events_not_a_future_ones():
    ev = one("Женщина на кране", "Жительница Темиртау забралась на башенный кран 29 сентября. "
             "Она не спустится до торжеств: 5-6 октября в городе пройдут праздничные мероприятия.", D(2013, 10, 1))
    assert ev.date == D(2013, 9, 29)
    assert ev.form == "crane_climb"
    assert (ev.participants_low, ev.participants_high) == (1, 1)


def test_city_is_where_people_gathered_not_whom_they_support():
    ev = one("Митинг солидарности", "Уральцы собрались на площади Абая, чтобы поддержать жителей Жанаозена, "
             "требуя снизить цену на газ.", D(2022, 1, 4))
    assert ev.city == "uralsk"


def test_a_region_is_not_its_capital_city():
    ev = one("Перекрыли трассу", "Жители села в Алматинской области перекрыли трассу, требуя провести воду.")
    assert ev.city is None


@pytest.mark.parametrize("text,expected", [
    ("55-летняя жительница Кокшетау вышла на одиночный пикет.", (1, 1)),
    ("У 36-летней участницы шестеро детей; всего у акимата собрались десятки женщин.", (20, 90)),
    ("Пикетчика арестовали на 15 суток, он вышел на одиночный пикет.", (1, 1)),
    ("По статье 488 КоАП оштрафованы организаторы пикета, в котором участвовали 12 человек.", (12, 12)),
])
def test_ages_money_durations_articles_are_not_head_counts(text, expected):
    ev = one("Пикет", text, D(2020, 5, 5))
    assert ev.participants_low is not None
    assert (ev.participants_low, ev.participants_high) == expected


def test_no_count_is_invented():
    ev = one("Митинг в Атырау", "Жители Атырау вышли на митинг против роста цен. Одной из участниц 82 года.", D(2022, 1, 4))
    assert ev.participants is None


@pytest.mark.parametrize("text,low,high", [
    ("На митинг вышли от 1,5 до 2 тыс. человек.", 1500, 2000),
    ("Свыше 3 000 человек продолжают митинговать на площади.", 3000, 3900),
    ("На митинг пришли 10-15 человек.", 10, 15),
])
def test_ranges_and_approximate_words(text, low, high):
    ev = one("Митинг в Актау", text, D(2022, 1, 4))
    assert (ev.participants_low, ev.participants_high) == (low, high)


@pytest.mark.parametrize("text,expected", [
    ("В среду 23 жителя Жанаозена объявили голодовку перед акиматом. Объявивших голодовку доставили в управление "
     "полиции.", 23),
    ("Трех участников пикета у акимата Тараза забрали в отделение полиции.", 3),
    ("Активист вышел на одиночный пикет в Семее, его увезли в сторону департамента полиции.", 1),
    ("В Астане 40 человек вышли на митинг. Полицейские задержали всех участников акции.", 40),
    ("Пенсионерка вышла на пикет в Костанае. Полицейские пытались увести её в машину, но не стали задерживать.", 0),
])
def test_detentions_in_their_common_phrasings(text, expected):
    ev = one("Акция", text, D(2020, 3, 5))
    assert ev.detained == expected


def test_picket_by_one_person_is_a_single_picket():
    ev = one("Пикет у акимата", "Пенсионерка Галина Петрова вышла на пикет у акимата Петропавловска с плакатом.")
    assert ev.form == "single_picket"


def test_real_set_is_split_by_url_hash_and_big_enough():
    items = evaluate_real.load()
    assert len(items) >= 60
    names = {name.split("/")[0] for name, _ in items}
    assert names == {"dev", "measured"}
    for name, item in items:
        assert evaluate_real.split_of(item["url"]) == name.split("/")[0]
        assert item["annotations"]["is_event"] in (True, False)


# -- classes of the sixth batch (detentions) -------------------------------------------------------
def test_detention_phrased_as_ending_up_with_the_police():
    ev = one("В Таразе задержали пикетчиков", "У акимата Тараза около 40 человек вышли на пикет против роста тарифов. "
             "В правоохранительные органы попали около 12 человек, остальные разошлись.", D(2020, 3, 2))
    assert ev.detained == 12 and ev.participants == 40


def test_round_number_with_a_bound_is_a_count_of_detainees():
    ev = one("Задержания в Актобе", "На площади у облакимата Актобе задержаны не менее сотни человек, которые вышли "
             "на несанкционированный митинг.", D(2019, 6, 10))
    assert ev.detained == 100


def test_kazakh_numerals_before_about_and_people():
    ev = one("Таразда митинг", "Таразда әкімдік алдына 40-қа жуық тұрғын митингке шықты. "
             "Полиция он шақты адамды ұстап алып кетті.", D(2020, 6, 6))
    assert ev.detained == 10 and ev.participants == 40
    ev = one("Жиын", "Семейде мешіт алдына 30 шақты азамат жиналып, наразылық білдірді.", D(2021, 2, 28))
    assert (ev.participants_low, ev.participants, ev.participants_high) == (27, 30, 33)


def test_a_roads_name_is_not_the_city_and_a_nickname_is_not_the_capital():
    ev = one("Митингующие идут в акимат", "Жители Уральска собрались у гипермаркета. В 14:00 митингующие вышли "
             "на автодорогу Самара - Шымкент и направились к акимату.", D(2022, 1, 4))
    assert ev.city == "uralsk"
    ev = one("Пикеты в шахтерской столице", "Серия одиночных пикетов прошла в шахтерской столице в пятницу 29 июня.",
             D(2012, 7, 2))
    assert ev.city == "karaganda"


def test_protesters_detained_is_an_event_at_home_not_abroad():
    assert triage.classify("Полиция задержала бастующих", "Полиция задержала всех бастующих рабочих у здания "
                           "министерства в Астане и отвезла их в отделения.").is_assembly
    assert not triage.classify("Задержания в центре", "Полицейские задержали 132 человека на несанкционированной акции "
                               "в центре Москвы. Организаторам отказал мэр столицы.").is_assembly


def test_an_assembly_stopped_by_detentions_is_an_event():
    tri = triage.classify("Задержаны десятки людей", "Вечером десятки человек были задержаны у бывшего торгового "
                          "центра в Астане. Они, как утверждается, собирались провести митинг.")
    assert tri.is_assembly
    assert not triage.classify("Активисты", "Активисты Костаная собирались провести митинг, но передумали.").is_assembly


def test_earlier_detentions_of_a_picketer_are_not_this_events():
    ev = one("Пикет на площади", "27 декабря житель Уральска провел одиночный пикет у памятника. "
             "По его словам, его несколько раз задерживали полицейские — 16 декабря и 21 октября.", D(2019, 12, 27))
    assert ev.date == D(2019, 12, 27) and ev.form == "single_picket" and not ev.detained


# -- classes of the seventh batch ------------------------------------------------------------------
def test_a_night_at_the_akimat_is_a_gathering_and_an_earlier_appeal_is_not_its_crowd():
    tri = triage.classify("Ночь у акимата", "Жители Аркалыка провели ночь у здания акимата, требуя ответа на свои "
                          "обращения. Несколько десятков человек ранее записали видеообращение к президенту.")
    assert tri.is_assembly
    ev = one("Ночь у акимата", "Жители Аркалыка провели ночь у здания акимата, требуя ответа на свои обращения. "
             "Несколько десятков человек ранее записали видеообращение к президенту.", D(2023, 4, 21))
    assert ev.participants is None


def test_a_refusal_told_at_a_meeting_is_not_an_event():
    assert not triage.classify("Аким ответил горожанам", "Одна из выступавших пожаловалась, что жителям не дали "
                               "провести митинг против застройки сквера в Караганде.").is_assembly


def test_a_kazakh_threat_is_not_the_form():
    ev = one("Аналар әкімдік алдында", "Таразда әкімдік алдына ондаған ана жиналып, әкімнің шығуын талап етті. "
             "Әкім шықпаса аштық жариялайтындарын жеткізді.", D(2019, 7, 12))
    assert ev.form != "hunger_strike"


def test_an_announced_number_is_not_the_crowd():
    ev = one("Акция у суда", "Вместо обещанных в анонсе 500 сторонников к зданию суда в Астане пришли чуть больше 50 "
             "человек, они провели акцию протеста.", D(2017, 4, 10))
    assert ev.participants_low >= 50 and ev.participants > 50 and ev.participants_high < 100


# -- classes of the eighth batch -------------------------------------------------------------------
def test_a_total_over_several_cities_is_not_this_events_detentions():
    ev = one("Задержания у министерства", "Более 50 человек было задержано после митингов в Нур-Султане и Алматы. "
             "Около 20 человек пришли к зданию министерства в Нур-Султане, семерых доставили в управление полиции.",
             D(2020, 2, 25))
    assert ev.detained == 7


def test_the_former_capital_and_a_quoted_square_are_almaty():
    ev = one("Протесты продолжились", "10 июня протесты в бывшей столице страны продолжились: у площади \"Астана\" "
             "собралась группа протестующих.", D(2019, 6, 10))
    assert ev.city == "almaty"


@pytest.mark.parametrize("title,text,expected", [
    # the only verbs of holding or gathering are future: a plan, though no plan word from a list is there
    ("Дольщики соберутся у акимата", "Дольщики жилого комплекса в Актобе соберутся у здания акимата и устроят пикет "
     "против застройщика.", False),
    ("Шахтеры устроят забастовку", "Шахтеры Караганды устроят забастовку против сокращений.", False),
    # the same words in the past or present are the event; a gathering verb outside the usual list counts
    ("Дольщики собрались у акимата", "Дольщики жилого комплекса в Актобе собрались у здания акимата и устроили пикет "
     "против застройщика.", True),
    ("Люди подтягиваются к площади", "К площади в Жанаозене подтягиваются люди, они требуют снизить цены на газ.", True),
])
def test_time_of_the_holding_verb_decides_plan_or_event(title, text, expected):
    assert triage.classify(title, text).is_assembly is expected


@pytest.mark.parametrize("title,text,expected", [
    # no finite verb says anything was held: a refusal, a wish, a duty without the usual words
    ("Ответ акимата", "Акимат Уральска не позволил активистам провести митинг на площади Абая.", False),
    ("Жители Актау", "Жители Актау решили провести пикет у здания акимата против роста тарифов.", False),
    # a phasal verb carries the time of its infinitive: these were held
    ("Митинг в Атырау", "Несмотря на холод, около 500 человек продолжают митинговать на площади в Атырау.", True),
    ("Шествие в Алматы", "В Алматы полиция начала задерживать участников шествия.", True),
])
def test_infinitive_only_sentence_does_not_report_a_holding(title, text, expected):
    assert triage.classify(title, text).is_assembly is expected


def test_abroad_only_where_the_event_is_told():
    # a foreign country named in passing, far from the lead, does not move a Kazakh village's gathering abroad
    text = ("Жители села Бескайнар собрались у здания сельского акимата и требуют провести воду. "
            "Воды нет уже третий месяц. Аким обещал решить вопрос. Трубы, по его словам, закупят в России.")
    assert triage.classify("Сельчане вышли к акимату", text).is_assembly
    # the foreign city in the lead: abroad
    assert not triage.classify("Флешмоб в магазине", "В Москве десятки человек упали на пол в магазине. "
                               "Флешмоб устроили активисты против акцизов.").is_assembly


@pytest.mark.parametrize("title,text,expected", [
    # an intention next to a holding under way is not a plan
    ("Новости Атырау", "Около 200 жителей митингуют у акимата Атырау и намерены стоять до конца, требуя снизить "
     "цены на газ.", True),
    # "собираются провести" is an intention, not a gathering under way
    ("Новости Атырау", "Жители Атырау собираются провести митинг у акимата против цен на газ.", False),
])
def test_intention_next_to_a_holding_under_way(title, text, expected):
    assert triage.classify(title, text).is_assembly is expected


def test_kazakh_institutions_place_the_event_in_kazakhstan():
    # no gazetteer city, a foreign country in the lead, but the people gathered at an akimat: Kazakhstan
    title = "Сельчане против газа из России"
    text = "Жители села Акжар собрались у здания акимата на митинг, требуя отменить закупку газа из России."
    assert triage.classify(title, text).is_assembly


def test_gathering_told_by_its_verb_passes_the_quick_pass():
    # no form word at all: the verb of gathering and the demand carry it
    text = "Жители села Акжар собрались у здания акимата, требуя отменить закупку газа из России."
    assert triage.quick_pass(text)
    assert triage.classify("Сельчане против газа из России", text).is_assembly


@pytest.mark.parametrize("title,text,expected", [
    # a demand told by "потребовали", a video appeal with a demand: gatherings without a form word
    ("Матери в акимате", "Многодетные матери Астаны пришли в акимат и потребовали жилье.", True),
    ("Видеообращение", "Жители села под Шымкентом записали видеообращение к президенту с требованием провести воду.",
     True),
    # a negated gathering and a question report nothing
    ("Жители Шымкента пожаловались", "Жители Шымкента пожаловались акиму на отсутствие воды, требуя ремонта, но к "
     "акимату не вышли.", False),
    ("Мнение", "Почему казахстанцы не выходят на митинги, требуя перемен? Объясняет социолог.", False),
])
def test_gathering_demand_negation_question(title, text, expected):
    assert triage.classify(title, text).is_assembly is expected


@pytest.mark.parametrize("title,text,expected", [
    # the holding told only in a relative clause about the people the sentence is about
    ("Интервью", "Журналист поговорил с нефтяниками Жанаозена, которые вышли на митинг в прошлом месяце.", False),
    # court reporting: a trial ("процесс") is the court's, not the assembly's
    ("Суд над активистами", "В суде Алматы идет процесс над активистами, которые вышли на митинг в январе.", False),
    # the holding in the main clause still counts
    ("Митинг", "В Алматы прошел митинг, который собрал 200 человек.", True),
])
def test_relative_clauses_and_trials_are_mentions(title, text, expected):
    assert triage.classify(title, text).is_assembly is expected


@pytest.mark.parametrize("title,text,expected", [
    # standing at a building with a demand or placards, a strike without the word: gatherings
    ("Дольщики", "Дольщики ЖК «Престиж» в Алматы второй день стоят у здания акимата, требуя вернуть деньги.", True),
    ("Жители Семея", "Около 50 жителей Семея стоят у акимата с плакатами.", True),
    ("Рабочие Тенгиза", "Рабочие Тенгиза прекратили работу и требуют повысить зарплату.", True),
    ("Шахтеры", "Шахтеры Караганды отказались спускаться в шахту, требуя повысить зарплату.", True),
    # the same verbs without a protest cue are not
    ("Остановка", "Вчера люди стояли у остановки в Алматы и ждали автобус.", False),
    ("Дождь", "Рабочие прекратили работу на объекте в Алматы из-за дождя.", False),
])
def test_standing_at_a_building_and_strikes_without_the_word(title, text, expected):
    assert triage.classify(title, text).is_assembly is expected


@pytest.mark.parametrize("title,text", [
    # remembered, narrated, filmed: the holding is told inside something else
    ("Годовщина", "В годовщину январских событий эксперты вспоминают, как тысячи людей вышли на митинги в Алматы."),
    ("Фильм", "В Алматы показали фильм о том, как нефтяники Жанаозена вышли на забастовку."),
    # a generality or an opinion, not a report
    ("Эксперт о протестах", "По мнению политолога, люди выходят на митинги, когда не видят другого выхода."),
    ("Мнение", "Политолог: митинги в Казахстане проходят все реже."),
    ("Сериал", "Герои сериала выходят на митинг против застройщика в Алматы, фильм снял режиссер из Астаны."),
])
def test_narrated_remembered_generic_are_mentions(title, text):
    assert not triage.classify(title, text).is_assembly


def test_commemoration_held_is_still_an_event():
    assert triage.classify("Память", "В годовщину январских событий активисты провели акцию памяти у монумента "
                           "в Алматы.").is_assembly


def test_an_event_years_before_publication_is_background():
    title = "Годовщина"
    text = "16 декабря 2011 года нефтяники Жанаозена вышли на митинг на площади."
    assert not triage.classify(title, text, D(2021, 12, 16)).is_assembly
    assert triage.classify(title, text, D(2011, 12, 17)).is_assembly
    # a year that names the place's history, in a relative clause, is not the event's
    assert triage.classify("Жанаозенцы в столице", "Жители Жанаозена, где в 2011 году подавили забастовку, вышли "
                           "на митинг в Астане.", D(2020, 6, 26)).is_assembly
    assert not extract.extract(title, text, published=D(2021, 12, 16))


@pytest.mark.parametrize("title,text", [
    ("Белсенді пикетке шықты", "Оралда белсенді әкімдік алдында жалғыз адамдық пикет өткізді."),
    ("Зейнеткер наразылық білдірді", "Ақтөбеде зейнеткер әйел жалғыз өзі әкімдік алдына плакатпен шығып, пикет өткізді."),
])
def test_kazakh_one_person_picket_is_a_single_picket_of_one(title, text):
    ev = one(title, text, D(2021, 5, 10))
    assert ev.form == "single_picket"
    assert (ev.participants_low, ev.participants, ev.participants_high) == (1, 1, 1)


def test_a_rally_held_by_one_person_is_a_single_picket():
    ev = one("Пенсионерка вышла на митинг", "Пенсионерка вышла на митинг у здания акимата Актобе с плакатом.",
             D(2021, 5, 10))
    assert (ev.participants_low, ev.participants_high) == (1, 1)
    assert ev.form == "single_picket"


def test_date_of_the_lead_sentence_without_an_action_word():
    ev = one("Жители против застройки сквера",
             "В четверг, 29 июня, в Уральске снова заговорили о сквере на улице Есенжанова. "
             "Около сорока жителей собрались у здания акимата с плакатами. "
             "Они требуют сохранить деревья.", D(2023, 7, 1))
    assert ev.date == D(2023, 6, 29)


@pytest.mark.parametrize("second", [
    "Полицейские предупредили, что могут задержать участников акции.",
    "Полиция не стала в этот раз задерживать пикетчиков.",
])
def test_an_infinitive_of_detaining_reports_no_detention(second):
    ev = one("Митинг у акимата", "Около 30 жителей Актобе вышли на митинг у акимата. " + second, D(2021, 5, 10))
    assert ev.detained == 0


def test_began_detaining_still_reports_detentions_without_a_number():
    ev = one("Шествие в Алматы", "В Алматы прошло шествие. Полиция начала задерживать участников шествия.",
             D(2021, 5, 10))
    assert ev.detained is None


@pytest.mark.parametrize("phrase,expected", [
    ("около тысячи человек", (900, 1000, 1100)),
    ("более тысячи человек", (1001, 1100, 1300)),
    ("не менее тысячи человек", (1000, 1000, 1200)),
])
def test_a_bound_before_tysyachi_is_one_thousand_not_thousands(phrase, expected):
    ev = one("Митинг в Актобе", f"В Актобе на митинг у акимата вышли {phrase}.", D(2022, 1, 5))
    assert (ev.participants_low, ev.participants, ev.participants_high) == expected


@pytest.mark.parametrize("text,expected", [
    ("В Жанаозене на площади около 300 собравшихся требовали снизить цену на газ.", 300),
    ("У здания акимата Шымкента 40 пришедших скандировали лозунги.", 40),
])
def test_a_participle_of_gathering_after_a_number_counts_people(text, expected):
    ev = one("Митинг", text, D(2022, 1, 5))
    assert ev.participants_low <= expected <= ev.participants_high


def test_a_group_states_no_count():
    ev = one("Протест у акимата", "В Таразе у здания акимата собралась группа жителей с плакатами.", D(2022, 3, 1))
    assert ev.participants is None

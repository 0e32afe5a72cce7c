"""Extraction of fields from Russian and Kazakh text. Every text and expected value is written by
hand for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from assets.media import dates, extract, places

D = dt.date


def one(title, text, published=None, **kw):
    events = extract.extract(title, text, published=published, url="https://t.example/1", force=True, **kw)
    assert len(events) == 1
    return events[0]


# -- dates -------------------------------------------------------------------------------------
def test_day_and_month_is_not_read_as_a_year():
    hits = dates.find_dates("3 мая около 15 пикетчиков собралось в Алматы", D(2017, 5, 4))
    assert [h.date for h in hits] == [D(2017, 5, 3)]


@pytest.mark.parametrize("text,published,expected", [
    ("Митинг прошел в субботу.", D(2017, 3, 13), D(2017, 3, 11)),           # Monday -> the Saturday before
    ("Пикет состоялся в прошлую пятницу.", D(2017, 11, 27), D(2017, 11, 24)),
    ("Во вторник рабочие вышли на акцию.", D(2017, 8, 8), D(2017, 8, 8)),    # published that Tuesday
    ("В субботу пройдет митинг.", D(2017, 3, 13), D(2017, 3, 18)),            # future tense: the next one
    ("Вчера около 30 пенсионеров собрались.", D(2016, 11, 15), D(2016, 11, 14)),
    ("Позавчера жители перекрыли дорогу.", D(2016, 11, 15), D(2016, 11, 13)),
    ("Пенсионерка накануне вышла на пикет.", D(2017, 2, 8), D(2017, 2, 7)),
    ("Нефтяники вышли сегодня на митинг.", D(2017, 1, 5), D(2017, 1, 5)),
    ("Акция прошла 03.05.2017 у акимата.", None, D(2017, 5, 3)),
    ("Митинг прошел 16 декабря 2011 года.", D(2017, 1, 1), D(2011, 12, 16)),
    ("Пикет прошел 28 декабря.", D(2017, 1, 3), D(2016, 12, 28)),             # no year, early January: last year
    ("Алматыда 3 мамырда пикет өтті.", D(2017, 5, 4), D(2017, 5, 3)),
    ("Кеше тұрғындар жиналды.", D(2017, 5, 4), D(2017, 5, 3)),
])
def test_dates_resolved_against_publication(text, published, expected):
    hits = dates.find_dates(text, published)
    assert hits and hits[0].date == expected


def test_parse_date_cells():
    assert dates.parse_date("2017-05-03") == D(2017, 5, 3)
    assert dates.parse_date("03.05.2017") == D(2017, 5, 3)
    assert dates.parse_date(dt.datetime(2017, 5, 3, 10, 0)) == D(2017, 5, 3)
    assert dates.parse_date("завтра") is None


# -- cities ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,key", [
    ("Пикет прошел в Уральске у акимата.", "uralsk"),
    ("Митинг в Нур-Султане собрал сотни людей.", "astana"),
    ("Житель Семипалатинска вышел с плакатом.", "semey"),
    ("В Усть-Каменогорске пенсионеры протестовали.", "ust-kamenogorsk"),
    ("Акция прошла в Алма-Ате.", "almaty"),
    ("Оралда тұрғындар жиналды.", "uralsk"),
    ("В Павлодаре рабочие вышли на митинг.", "pavlodar"),
    ("Водители Петропавловска провели пикет.", "petropavlovsk"),
])
def test_cities_inflected_old_and_kazakh(text, key):
    assert [h.key for h in places.find_cities(text)][:1] == [key]


def test_ambiguous_surname_is_not_a_city():
    assert places.find_cities("Пикет прошел на улице Шевченко в Алматы.")[0].key == "almaty"
    assert [h.key for h in places.find_cities("Пикет прошел на улице Шевченко.")] == []


# -- participants --------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence,low,best,high", [
    ("Около 30 человек вышли на пикет в Таразе.", 27, 30, 33),
    ("Несколько десятков человек вышли на пикет в Таразе.", 20, 30, 90),
    ("Более 40 рабочих вышли на митинг в Таразе.", 40, 44, 52),
    ("Не менее 57 нефтяников вышли на митинг в Таразе.", 57, 57, 69),
    ("От 30 до 40 ипотечников вышли на митинг в Таразе.", 30, 35, 40),
    ("Двое активистов вышли на пикет в Таразе.", 2, 2, 2),
    ("Пятнадцать матерей вышли на пикет в Таразе.", 15, 15, 15),
    ("Несколько сотен человек вышли на митинг в Таразе.", 200, 300, 900),
    ("12 жителей вышли на пикет в Таразе.", 12, 12, 12),
])
def test_participants_low_best_high(sentence, low, best, high):
    ev = one("", sentence, D(2017, 5, 4))
    assert (ev.participants_low, ev.participants, ev.participants_high) == (low, best, high)
    assert ev.evidence["participants"] == sentence


def test_kazakh_participants():
    ev = one("", "Таразда 40-қа жуық тұрғын әкімдік алдында пикет өткізді.", D(2017, 5, 4))
    assert (ev.participants_low, ev.participants, ev.participants_high) == (36, 40, 44)
    assert ev.city == "taraz" and ev.form == "picket"


def test_police_and_detainees_are_not_participants():
    text = ("5 мая в Актау около 25 полицейских окружили площадь. Задержаны 4 человека. "
            "На митинг вышли около 60 человек.")
    ev = one("", text, D(2017, 5, 6))
    assert ev.participants == 60
    assert ev.police_count == 25 and ev.police_present is True
    assert ev.detained == 4


def test_single_picket_is_one_person_and_an_individual():
    ev = one("", "Пенсионерка в среду вышла на одиночный пикет у здания акимата Костаная.", D(2017, 6, 9))
    assert ev.form == "single_picket"
    assert ev.participants == 1 and ev.organizer_type == "individual"
    assert ev.city == "kostanay" and ev.date == D(2017, 6, 7)


# -- forms ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,form", [
    ("Жители вышли на митинг в Актобе.", "rally"),
    ("Жители провели пикет в Актобе.", "picket"),
    ("Жители провели одиночный пикет в Актобе.", "single_picket"),
    ("Студенты прошли шествием по центру Актобе.", "march"),
    ("Жители перекрыли трассу под Актобе, требуя провести газ.", "road_block"),
    ("Две матери приковали себя к забору акимата Актобе.", "chaining"),
    ("Шахтеры объявили голодовку в Актобе.", "hunger_strike"),
    ("Мужчина взобрался на башенный кран в Актобе, требуя жилье.", "crane_climb"),
    ("Студенты устроили флешмоб в Актобе.", "flashmob"),
    ("Художники провели перформанс у акимата Актобе.", "happening"),
])
def test_forms(text, form):
    assert one("", text, D(2017, 5, 4)).form == form


def test_police_blocking_traffic_does_not_make_a_march_a_road_block():
    ev = one("", "1 декабря в Астане несколько сотен студентов прошли шествием по проспекту. "
                 "Движение на время шествия перекрыла полиция.", D(2017, 12, 2))
    assert ev.form == "march"


# -- detentions and authorities -------------------------------------------------------------------
@pytest.mark.parametrize("text,detained,preventive", [
    ("В Атырау около 40 человек вышли на митинг. Задержаний не было.", 0, 0),
    ("В Атырау около 40 человек вышли на митинг. Никто не был задержан.", 0, 0),
    ("В Атырау около 40 человек вышли на митинг. Полиция задержала 7 человек.", 7, 0),
    ("В Атырау около 40 человек вышли на митинг. Задержаны 7 человек. Еще двое были задержаны до начала акции.", 9, 2),
    ("В Атырау активист вышел на одиночный пикет. Пикетчик был задержан.", 1, 0),
    ("В Атырау 10 человек вышли на пикет. Полицейские задержали всех участников пикета.", 10, 0),
    ("В Атырау около 40 человек вышли на митинг.", 0, 0),
])
def test_detentions(text, detained, preventive):
    ev = one("", text, D(2017, 5, 4))
    assert ev.detained == detained
    assert ev.preventive_detentions == preventive


def test_detentions_without_a_number_are_left_to_the_monitor():
    ev = one("", "В Атырау около 40 человек вышли на митинг. Полиция задержала нескольких участников.", D(2017, 5, 4))
    assert ev.detained is None and "задержала" in ev.evidence["detained"]


def test_authorities_permission_and_response():
    text = ("10 сентября в Кокшетау около 50 фермеров провели митинг у здания акимата. Акимат отказал организаторам "
            "в проведении митинга. Прокурор города предупредил участников об ответственности. "
            "К фермерам вышел заместитель акима, который пообещал решить вопрос с субсидиями. "
            "Полицейские оттеснили участников от входа.")
    ev = one("", text, D(2017, 9, 11))
    assert ev.city == "kokshetau" and ev.date == D(2017, 9, 10) and ev.form == "rally"
    assert ev.permission_requested is True and ev.permission_answer == "refused"
    assert ev.prosecutor_present is True and ev.prosecutor_warned is True
    assert ev.akimat_present is True
    assert ev.obstruction is True and ev.police_present is True
    assert "пообещал решить вопрос с субсидиями" in ev.authorities_response
    assert ev.evidence["prosecutor_warned"].startswith("Прокурор города предупредил")


def test_not_applied_with_reason():
    ev = one("", "В Таразе 20 торговцев провели пикет. Заявку в акимат они не подавали, так как были уверены, "
                 "что им все равно откажут.", D(2017, 5, 4))
    assert ev.permission_requested is False and ev.reason_not_applied == "expected_refusal"


def test_police_absent():
    ev = one("", "В Таразе 20 торговцев провели пикет. Полиция на месте не присутствовала.", D(2017, 5, 4))
    assert ev.police_present is False


# -- topic, organiser, place, duration --------------------------------------------------------------
def test_topic_character_organiser_place_duration():
    text = ("12 марта в Шымкенте около 40 ипотечников провели пикет у здания филиала Нацбанка, требуя "
            "рефинансировать валютные кредиты. Пикет организовало движение «Обеспечим народ жильем». "
            "Участники держали плакаты и транспаранты. Акция продолжалась около часа.")
    ev = one("", text, D(2017, 3, 13))
    assert ev.topic == "рефинансировать валютные кредиты"
    assert ev.character == "economic"
    assert ev.organizer_type == "ngo" and ev.organizer_name == "Обеспечим народ жильем"
    assert ev.place == "у здания филиала Нацбанка"
    assert ev.attributes == "placards;banners"
    assert ev.duration_min == 60
    assert ev.evidence["topic"].startswith("12 марта в Шымкенте")


def test_political_topic():
    ev = one("", "В Алматы 5 человек провели пикет против политических репрессий.", D(2017, 5, 4))
    assert ev.topic == "против политических репрессий" and ev.character == "political"


# -- whole articles ---------------------------------------------------------------------------
def test_dateline_gives_city_and_date():
    ev = one("Шахтеры вышли на митинг", "ЖЕЗКАЗГАН. 14 марта. – Около 300 шахтеров вышли сегодня на митинг, "
                                       "требуя повысить зарплату.", D(2017, 3, 14))
    assert ev.city == "zhezkazgan" and ev.date == D(2017, 3, 14) and ev.participants == 300


def test_digest_with_two_events_gives_two_candidates():
    text = ("3 мая около 15 пикетчиков собралось в Алматы возле здания бюро по правам человека.\n"
            "18 мая в Астане один из проспектов перекрыли более 40 рабочих, требуя выплатить зарплату.")
    events = extract.extract("Обзор акций за май", text, published=D(2017, 6, 1), url="https://t.example/digest")
    assert [(e.date, e.city, e.form) for e in events] == [
        (D(2017, 5, 3), "almaty", "picket"), (D(2017, 5, 18), "astana", "road_block")]
    assert events[0].event_key != events[1].event_key


def test_no_event_without_force_when_triage_says_no():
    assert extract.extract("Концерт", "Около 5 тысяч зрителей собрались на концерт.", published=D(2017, 5, 4)) == []


def test_every_found_field_has_its_sentence():
    text = "В Семее 7 апреля около 20 пенсионеров провели пикет, требуя снизить тарифы. Задержаний не было."
    ev = one("", text, D(2017, 4, 8))
    for f in ("date", "city", "form", "participants", "topic", "detained"):
        assert ev.evidence[f] in text, f


def test_background_paragraph_does_not_leak_into_the_event():
    text = ("Напомним, в марте прошлого года заемщики уже проводили митинг, тогда были задержаны 8 человек.\n"
            "12 апреля около полусотни заемщиков провели пикет у здания банка в Таразе.")
    ev = one("", text, D(2017, 4, 13))
    assert (ev.form, ev.date, ev.detained, ev.participants) == ("picket", D(2017, 4, 12), 0, 50)


def test_participants_given_by_a_pronoun_or_by_the_detained():
    ev = one("", "У акимата Талдыкоргана собрались жители поселка. Их около сорока. Они требуют провести газ.",
             D(2017, 4, 13))
    assert (ev.participants_low, ev.participants, ev.participants_high) == (36, 40, 44)
    ev = one("", "В Таразе 3 мая были задержаны пять участников пикета у здания суда.", D(2017, 5, 4))
    assert ev.participants == 5 and ev.detained == 5


def test_kazakh_holding_a_placard_is_not_a_detention():
    ev = one("", "Таразда 3 мамырда 20-ға жуық тұрғын пикетке шықты. Олар плакат ұстады.", D(2017, 5, 4))
    assert ev.detained == 0


def test_hard_wrapped_digest_text():
    text = ("•  12 марта 30 жителей поселка Жулдыз перекрыли трассу в знак протеста отключению\n"
            "электричества. Через час люди разошлись сами.\n"
            "•  20 марта в Таразе около 20 рабочих объявили голодовку, требуя погасить\n"
            "долги по зарплате.")
    events = extract.extract("Обзор акций", text, published=D(2017, 4, 1), url="https://t.example/d")
    assert [(e.date, e.form, e.participants, e.settlement) for e in events] == [
        (D(2017, 3, 12), "road_block", 30, "пос. Жулдыз"), (D(2017, 3, 20), "hunger_strike", 20, None)]
    assert events[0].topic == "отключению электричества"
    assert events[1].topic == "погасить долги по зарплате" and events[1].city == "taraz"

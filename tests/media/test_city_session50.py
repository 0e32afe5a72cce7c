"""Session 50: the event's city, classes found on the opened half of the holdout (assets/media/event_city.py,
places.py). Hand-written sentences; each class has cases that failed before its rule and traps that keep passing."""
from __future__ import annotations

import datetime as dt

import pytest

from tests.media.first_event import event

PUB = dt.date(2022, 1, 10)


def city(title: str, text: str) -> str | None:
    return event(title, text, PUB).city


# -- 1. an agency's dateline in mixed case inside the event sentence: the bureau's city, not the place ----------------
@pytest.mark.parametrize("title, text, expected", [
    ("Хроника протеста", "Сводка дня Астана, 21 мая 2016, 13:59 — ИА Степь Рано утром полицейские Алма-Аты оцепили "
     "центральную площадь, где собирались митингующие.", "almaty"),
    ("Хроника протеста", "Обзор событий Алматы, 5 июня 2020, 10:15 — Агентство Новости В Шымкенте у здания акимата "
     "собрались около сорока митингующих.", "shymkent"),
    ("Хроника протеста", "Обзор Шымкент, 12 октября 2019 г. — Информбюро Вчера в Таразе у акимата прошел митинг "
     "пенсионеров.", "taraz"),
    # traps: the dateline's city alone is still the city; the place named first keeps winning
    ("Хроника протеста", "Уральск, 12 октября — У здания акимата собрались около тридцати человек.", "uralsk"),
    ("Хроника протеста", "Сегодня в Актобе у акимата собрались около тридцати митингующих, приехавших из Атырау.",
     "aktobe"),
])
def test_an_agency_dateline_is_not_the_place(title, text, expected):
    assert city(title, text) == expected


# -- 2. the square named after the capital ("площадь Астана", "площади Астаны") is a square in Almaty -----------------
@pytest.mark.parametrize("title, text, expected", [
    ("Протест против выборов", "Протестующие, собравшиеся на площади Астаны в южной столице, скандировали лозунги.",
     "almaty"),
    ("Задержания на площади", "Полиция задержала десятки людей на Площади Астаны, где собрались сторонники бойкота.",
     "almaty"),
    ("Задержания у площади", "Несколько десятков человек вышли на площадь Астана и требовали освободить активистов.",
     "almaty"),
    ("Алаңдағы наразылық", "Наразылар Астана алаңына жиналып, саяси тұтқындарды босатуды талап етті.", "almaty"),
    # traps: the capital's own square, the capital named beside a square
    ("Митинг", "На главной площади Астаны собрались около ста человек с плакатами.", "astana"),
    ("Митинг", "В Астане на площади перед акиматом собрались около ста человек.", "astana"),
    ("Митинг", "В Шымкенте на площади Астана прошел пикет предпринимателей.", "shymkent"),
])
def test_the_square_named_astana_is_not_the_capital(title, text, expected):
    assert city(title, text) == expected


# -- 3. the cities people came from, listed after "из", are origins; the place is where they gathered -------------------
@pytest.mark.parametrize("title, text, expected", [
    ("Голодовка в офисе партии", "Сорок человек, прибывшие из городов Атырау, Актау, Павлодара и Кокшетау, объявили "
     "голодовку в столице.", "astana"),
    ("Акция у акимата", "Активисты, приехавшие из Костаная, Петропавловска и Кокшетау, провели пикет у здания акимата "
     "в Караганде.", "karaganda"),
    ("Пикет", "Люди из Талдыкоргана, Тараза, Шымкента собрались у здания министерства в Астане.", "astana"),
    # traps: a list of places where rallies were held; one origin and a place
    ("Митинги", "Митинги прошли в Атырау, Актау и Павлодаре.", "atyrau"),
    ("Пикет", "Приехавшие из Атырау рабочие собрались у акимата в Актау.", "aktau"),
])
def test_listed_origins_are_not_the_place(title, text, expected):
    assert city(title, text) == expected


# -- 4. a landmark of one city named as where people gathered ("Уәлиханов алаңы", "Академия наук": Almaty) ----------
@pytest.mark.parametrize("title, text, expected", [
    ("Митинг", "Уәлиханов алаңында жүздеген адам жиналды. Митинг осы уақытта елордада, Алматыда, Шымкентте "
     "жоспарланған болатын.", "almaty"),
    ("Митинг у Академии", "У здания Академии наук собрались около ста человек. Акции также планировались в столице и "
     "Шымкенте.", "almaty"),
    ("Митинг", "Ғылым академиясының алдында жүзге жуық адам жиналды. Мұндай акция елордада да жоспарланған.", "almaty"),
    # traps: a city named in the event sentence wins over a landmark's; the street of the same name elsewhere
    ("Пикет", "В Кокшетау у памятника Валиханову собрались около двадцати человек.", "kokshetau"),
    ("Пикет", "В Шымкенте у здания Академии наук собрались около двадцати человек.", "shymkent"),
])
def test_a_landmark_places_the_event(title, text, expected):
    assert city(title, text) == expected


# -- 5. the city where a wave of protest began and spread from is background ---------------------------------------
@pytest.mark.parametrize("title, text, expected", [
    ("Атырауда наразы топ әкімді алаңнан жібермеді", "Жаңаөзенде басталған халықтың наразылығы басқа өңірлерге де "
     "ұласа бастады.", "atyrau"),
    ("В Актобе протестующие собрались у акимата", "Начавшиеся в Жанаозене протесты перекинулись на другие регионы "
     "страны.", "aktobe"),
    ("Митинг в Уральске", "Протесты, вспыхнувшие в Жанаозене, распространились на другие города.", "uralsk"),
    # traps: a rally that began in the city named; no other city at all
    ("Митинг", "В Алматы начался митинг, который затем распространился на соседние улицы.", "almaty"),
    ("Митинг", "Протест начался в Жанаозене и длится уже третий день.", "zhanaozen"),
])
def test_where_a_wave_began_is_background(title, text, expected):
    assert city(title, text) == expected


# -- 6. the city where people were killed, remembered at the rally, is not where it was held ---------------------------
@pytest.mark.parametrize("title, text, expected", [
    ("Акции памяти", "Акции памяти жертв Декабрьских событий 1986 года и погибших в Жанаозене в 2011 году прошли в "
     "Алматы.", "almaty"),
    ("Еске алу", "Жаңаөзенде қаза тапқандарды еске алу акциясы Алматыда өтті.", "almaty"),
    ("Акция", "Участники почтили память расстрелянных в Жанаозене рабочих у памятника в Уральске.", "uralsk"),
    # traps: remembering in the city itself; only the victims' city named
    ("Акция", "В Жанаозене жители почтили память погибших в 2011 году.", "zhanaozen"),
    ("Акция", "Погибших в Жанаозене помянули в Актау.", "aktau"),
])
def test_where_victims_died_is_not_the_place(title, text, expected):
    assert city(title, text) == expected


# -- 7. an agency's dateline joined to the end of the event sentence, its only city: the headline's city comes first ----
@pytest.mark.parametrize("title, text, expected", [
    ("Шымкентте жанкүйерлер стадионда шу шығарды", "Ойыннан кейін жүзге жуық жанкүйер алаңға жиналды НҰР-СҰЛТАН, "
     "19 маусым – Ақпарат.", "shymkent"),
    ("В Таразе пенсионеры вышли к акимату", "Около сорока пенсионеров собрались у здания акимата АСТАНА, 3 апреля — "
     "ИА Степь.", "taraz"),
    # traps: no city in the headline, the dateline's city is kept; the dateline opening the body
    ("Митинг пенсионеров", "Около сорока пенсионеров собрались у здания акимата АКТОБЕ, 3 апреля — ИА Степь.", "aktobe"),
    ("Митинг пенсионеров", "АКТОБЕ, 3 апреля — ИА Степь. Около сорока пенсионеров собрались у здания акимата.", "aktobe"),
])
def test_a_dateline_joined_to_the_event_sentence_yields_to_the_headline(title, text, expected):
    assert city(title, text) == expected


# -- 8. Kazakh: the city whose people's demand is supported ("Жаңаөзендегі халықтың талабын қолдап") -----------------------
@pytest.mark.parametrize("title, text, expected", [
    ("Наразылық", "Жаңаөзендегі халықтың талабын қолдап, Алматыда жиырмаға жуық адам алаңға шықты.", "almaty"),
    ("Наразылық", "Жаңаөзен халқының талаптарын қолдап, Ақтөбеде отызға жуық белсенді жиналды.", "aktobe"),
    # trap: the people of the city gathered in it
    ("Наразылық", "Жаңаөзендегі халық алаңға жиналып, жалақыны көтеруді талап етті.", "zhanaozen"),
])
def test_kazakh_the_supported_peoples_city_is_not_the_place(title, text, expected):
    assert city(title, text) == expected


# -- 9. a ministry's building is in the capital ------------------------------------------------------------------------
@pytest.mark.parametrize("title, text, expected", [
    ("Митинг у здания министерства", "У здания Министерства труда собралось чуть больше десяти людей с инвалидностью.",
     "astana"),
    ("Пикет", "Перед Минздравом с плакатами стояли около двадцати медсестер.", "astana"),
    ("Наразылық", "Еңбек министрлігі ғимаратының алдында отызға жуық адам жиналды.", "astana"),
    # traps: an appeal to a ministry; the ministry's building in a city named
    ("Пикет", "Жители Уральска пожаловались к министерству и вышли к акимату с плакатами.", "uralsk"),
    ("Пикет", "У здания министерства в Алматы собрались около двадцати человек.", "almaty"),
])
def test_a_ministrys_building_is_in_the_capital(title, text, expected):
    assert city(title, text) == expected


# -- 10. the city of the death or tragedy after which people protested is not where they protested --------------------
@pytest.mark.parametrize("title, text, expected", [
    ("Три дня протестов в Алматы после возможного убийства в Астане", "Известие о гибели активиста в СИЗО Астаны "
     "всколыхнуло общество. Продолжу рассказ о протестной акции у здания прокуратуры.", "almaty"),
    ("Митинг в Уральске после смерти рабочего в Атырау", "Смерть рабочего в Атырау вызвала возмущение. Люди собрались у "
     "акимата.", "uralsk"),
    # traps: after a rally in a city (no death); the death's city alone
    ("После митинга в Алматы задержали двадцать человек", "Полиция задержала участников акции у здания акимата.",
     "almaty"),
    ("Акция", "В Атырау после гибели рабочего у акимата собрались его коллеги.", "atyrau"),
])
def test_the_city_of_a_death_that_caused_the_protest_is_not_the_place(title, text, expected):
    assert city(title, text) == expected


# -- 11. (a count beside the city now read) Kazakh "жауапқа тартылды" (held liable) counts the sanctioned, not the crowd --
@pytest.mark.parametrize("text, expected", [
    ("Алматыда белсенділер алаңға жиналды. Алматыда кемінде он белсенді әкімшілік жауапқа тартылды.", None),
    ("Ақтөбеде тұрғындар әкімдік алдына жиналды. Жиырма адам әкімшілік жауапқа тартылды.", None),
    # trap: the crowd's own count stays
    ("Алматыда отызға жуық белсенді алаңға жиналды. Олардың бесеуі әкімшілік жауапқа тартылды.", 30),
])
def test_kazakh_held_liable_is_no_crowd_count(text, expected):
    assert event("Митинг", text, PUB).participants == expected


# -- 12. a group named in the headline by the city it is from, no place named anywhere: its city ------------------------
@pytest.mark.parametrize("title, text, expected", [
    ("Медики из Жанаозена обратились к президенту", "Работники станции скорой помощи записали видеообращение и просят "
     "повысить зарплату.", "zhanaozen"),
    ("Шахтеры из Шахтинска и Сатпаева недовольны", "Горняки записали видеообращение.", None),
    ("Рабочие из Актобе записали видеообращение", "Они просят выплатить долги по зарплате.", "aktobe"),
    # traps: a place named in the body wins; a thing from a city, not a group
    ("Медики из Жанаозена вышли на пикет", "Медики собрались у здания акимата в Актау.", "aktau"),
    ("Письмо из Актау дошло до министра", "Жители просят помощи.", None),
])
def test_a_group_named_by_its_city_in_the_headline(title, text, expected):
    assert city(title, text) == expected


# -- 13. a landmark further on, when no sentence names a city --------------------------------------------------------
@pytest.mark.parametrize("title, text, expected", [
    ("Оппозиция снова вышла на митинг", "Митинг 18 марта: что дальше? Оппозиционеры снова собрались за кинотеатром "
     "«Сары-Арка» и выступили с требованиями.", "almaty"),
    ("Митинг", "Сторонники партии провели митинг. Они собрались на Старой площади и требовали отставки акима.", "almaty"),
    # traps: a city named anywhere still wins; a landmark only in a plan
    ("Митинг", "Сторонники партии провели митинг. Они собрались у здания акимата в Таразе, хотя думали пойти на Старую "
     "площадь.", "taraz"),
])
def test_a_landmark_further_on_places_the_event(title, text, expected):
    assert city(title, text) == expected


# -- 14. a national university, by its abbreviation, is in its city ---------------------------------------------------
@pytest.mark.parametrize("title, text, expected", [
    ("Студенты остались без общежития", "ҚазҰПУ-да жатақханасыз қалған студенттердің ата-аналары жиналды.", "almaty"),
    ("Протест студентов", "У главного корпуса КазНУ собрались около ста студентов с плакатами.", "almaty"),
    ("Наразылық", "ЕҰУ ғимараты алдында отызға жуық студент жиналды.", "astana"),
    # traps: a city named wins; a word that merely begins so
    ("Протест студентов", "Выпускники КазНУ собрались у здания акимата в Таразе.", "taraz"),
    ("Протест", "Около ста студентов собрались у главного корпуса университета.", None),
    ("Пикет", "Пикетчики требовали вернуть в казну деньги, потраченные на стадион.", None),
    ("Пикет", "Пикетчики требовали вернуть в КАЗНУ деньги, потраченные на стадион.", None),
])
def test_a_national_university_is_in_its_city(title, text, expected):
    assert city(title, text) == expected

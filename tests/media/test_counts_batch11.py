"""Head counts and detentions in the phrasings of the eleventh batch of real articles (issue 16): sentences
written by hand, in Russian and Kazakh, none copied from an article. Each group is a class, with its hard
negatives: a Kazakh numeral with a case ending and "астам" / "жуық" is a count; the people an assembly
supports, the press and officials are not its participants; "полутора сотен" is about 150; the headline's
count is read when the body states none, unless it is the body's detained or sanctioned; several
assemblies' detained are no one crowd; "all of them" in the imperfective and in Kazakh; "водворены в
спецприемник", "в РОВД"; and no number in a non-count context (an age, a year, an article of law, money,
a percentage, a date, a time, a duration, a phone number, police) ever becomes a count (Hypothesis)."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from tests.media.first_event import event

PUB = dt.date(2021, 6, 14)


def one(title: str, text: str):
    return event(title, text, PUB)


@pytest.mark.parametrize("text,low,best,high", [
    ("Жаңаөзенде жиырмадан астам адам әкімдік алдына жиналды.", 20, 22, 26),
    ("Әкімдік алдына отызға жуық тұрғын жиналды.", 27, 30, 33),
    ("Ақтөбеде елуден астам ана облыс әкімдігінің алдына келді.", 50, 55, 65),
    ("Таразда қырық бестен астам жұмысшы әкімдік алдына шықты.", 45, 50, 59),
])
def test_a_kazakh_numeral_with_a_case_ending_and_a_bound_is_a_count(text, low, best, high):
    ev = one("Наразылық акциясы", text)
    assert (ev.participants_low, ev.participants, ev.participants_high) == (low, best, high)


@pytest.mark.parametrize("text", [
    "В Актау прошел митинг в поддержку 300 рабочих, уволенных с месторождения.",
    "У акимата Актобе прошел пикет в защиту 40 семей, которых выселяют из общежития.",
    "Жители вышли на митинг у акимата Шымкента, требуя освободить 12 активистов.",
    "В Уральске прошла акция в знак солидарности с 500 нефтяниками Жанаозена.",
])
def test_the_people_an_assembly_supports_are_not_its_participants(text):
    ev = one("Митинг", text)
    assert ev.participants is None, ev.evidence.get("participants")


def test_the_supported_do_not_hide_the_crowd_stated_beside_them():
    ev = one("Митинг", "Около 60 человек вышли на митинг в Актау в поддержку 300 рабочих, уволенных с месторождения.")
    assert (ev.participants_low, ev.participants, ev.participants_high) == (54, 60, 66)


@pytest.mark.parametrize("text,best", [
    ("На митинг у акимата Актобе пришли 25 журналистов и около 10 активистов.", 10),
    ("К пикетчикам вышли 3 депутата маслихата, а у акимата стояли 15 человек с плакатами.", 15),
    ("У акимата Актобе собрались активисты, их окружили 30 полицейских.", None),
    ("За митингом следили 12 наблюдателей и 8 корреспондентов.", None),
])
def test_the_press_officials_and_police_are_not_participants(text, best):
    ev = one("Митинг у акимата", text)
    assert ev.participants == best, ev.evidence.get("participants")


@pytest.mark.parametrize("text,low,best,high", [
    ("Митинг в Актобе собрал порядка полутора сотен человек.", 135, 150, 165),
    ("На площадь в Атырау вышли около полутора тысяч человек.", 1350, 1500, 1650),
    ("У акимата Тараза собрались полтора десятка жителей.", 13, 15, 17),
    ("У акимата Тараза собрались около полутора десятков жителей.", 13, 15, 17),
])
def test_one_and_a_half_hundreds_thousands_and_tens(text, low, best, high):
    ev = one("Митинг", text)
    assert (ev.participants_low, ev.participants, ev.participants_high) == (low, best, high)


@pytest.mark.parametrize("phrase,low,best,high", [
    ("почти тысяча человек", 900, 1000, 1000),
    ("тысяча человек", 1000, 1000, 1000),
    ("почти сотня человек", 90, 100, 100),
    ("больше сотни человек", 101, 120, 150),
    ("2-3 тысячи человек", 2000, 2500, 3000),
])
def test_russian_round_numbers_and_bounds(phrase, low, best, high):
    ev = one("Митинг", f"У акимата Актобе собрались {phrase}.")
    assert (ev.participants_low, ev.participants, ev.participants_high) == (low, best, high)


@pytest.mark.parametrize("phrase,low,best,high", [
    ("жүзден астам адам", 100, 110, 130),
    ("екі жүзден астам адам", 200, 220, 260),
    ("мыңға жуық адам", 900, 1000, 1100),
    ("екі мыңға жуық адам", 1800, 2000, 2200),
    ("үш жүзге жуық адам", 270, 300, 330),
    ("жүзге тарта адам", 90, 100, 110),
    ("300-ге тарта адам", 270, 300, 330),
    ("200-дей адам", 180, 200, 220),
    ("бірнеше ондаған адам", 20, 30, 90),
    ("бірнеше жүз адам", 200, 300, 900),
])
def test_kazakh_round_numbers_and_bounds(phrase, low, best, high):
    ev = one("Наразылық", f"Ақтөбеде әкімдік алдына {phrase} жиналды.")
    assert (ev.participants_low, ev.participants, ev.participants_high) == (low, best, high)


@pytest.mark.parametrize("text,detained", [
    ("Алматыда әкімдік алдында митинг өтті. Полиция бірнеше ондаған адамды ұстады.", 30),
    ("Алматыда әкімдік алдында митинг өтті. Полиция бірнеше жүз адамды ұстады.", 300),
    ("Алматыда әкімдік алдында митинг өтті. Полиция бірнеше адамды ұстады.", None),  # no number: the monitor counts
    ("Митинг у акимата Алматы. Задержаны почти тысяча человек.", 1000),
])
def test_vague_and_round_detention_figures(text, detained):
    assert one("Митинг", text).detained == detained


def test_the_headline_count_is_read_when_the_body_states_none():
    ev = one("40 человек перекрыли улицу в Шымкенте",
             "Собравшиеся требовали вернуть деньги. В управление полиции доставлены примерно 30 человек.")
    assert ev.participants == 40 and ev.detained == 30


@pytest.mark.parametrize("title,text", [
    # the headline's figure is the body's detained
    ("132 человека на несанкционированной акции в центре Алматы",
     "Полицейские задержали 132 человека на несанкционированной акции в центре Алматы."),
    # the headline's figure is the sanctioned
    ("Трое участников митинга в Алматы получили по 15 суток ареста",
     "В Алматы суд арестовал на 15 суток троих активистов, участников митинга у акимата."),
    # Kazakh: the headline's figure is the detained, even after a participle of gathering
    ("Митингке шыққан 80 адам ұсталды",
     "Рұқсат етілмеген митинг өткізуге тырысқаны үшін 80 адам ұсталды."),
])
def test_the_headline_count_of_the_detained_or_sanctioned_is_not_the_crowd(title, text):
    ev = one(title, text)
    assert ev.participants is None, ev.evidence.get("participants")


def test_a_headline_figure_of_no_action_is_not_read():
    # the headline counts people under investigation, not people acting at the assembly
    ev = one("12 активистов под следствием после митинга у акимата Актобе", "В Актобе у акимата прошел митинг.")
    assert ev.participants is None, ev.evidence.get("participants")


def test_the_body_count_wins_over_the_headline():
    ev = one("Количество бастующих превысило 18 тысяч человек",
             "Сегодня две тысячи бастующих нефтяников провели акцию протеста у акимата в Актау.")
    assert ev.participants == 2000


def test_the_detained_of_several_assemblies_are_no_crowd():
    ev = one("Задержания в Казахстане",
             "Полиция задержала 57 участников акций протеста в Алма-Ате и Нур-Султане.")
    assert ev.participants is None
    ev = one("Задержания в Уральске", "Полиция задержала шесть участников пикета у акимата Уральска.")
    assert ev.participants == 6  # one picket's detained: at least they took part


def test_two_named_women_one_with_a_kazakh_first_name_the_dictionary_misreads():
    ev = one("Семь суток на кране",
             "После недели на высоте жительница Кокшетау Багжан Аязбекова и ее сноха Гулим Бабакова 4 июня "
             "не смогли сами спуститься с крана.")
    assert ev.participants == 2


@pytest.mark.parametrize("text,detained", [
    # "all of them" with a verb of beginning and the imperfective
    ("У акимата Уральска собрались около 30 человек. Полиция стала задерживать всех участников.", 30),
    ("Около 40 человек вышли к акимату Тараза. ОМОН начал задерживать и валить на землю всех участников.", 40),
    # Kazakh "them"
    ("Атыраудағы алаңға 40-қа жуық адам шықты. Оларды полиция ұстады.", 40),
    ("Әкімдік алдына 20-ға жуық адам жиналды. Полиция оларды көлікке отырғызып алып кетті.", 20),
    # Kazakh "some of them"
    ("Жүзге жуық адам Ақтөбеде әкімдік алдына жиналды. Полиция олардың бесеуін ұстады.", 5),
    # other verbs and places
    ("Около 50 человек собрались у акимата Тараза. Четверо участников водворены в спецприемник.", 4),
    ("Около 50 человек собрались у акимата Тараза. Полиция доставила в РОВД 12 человек.", 12),
    ("Около 50 человек собрались у акимата Тараза. Пятеро участников доставлены в РУВД.", 5),
])
def test_detentions_in_the_batch_phrasings(text, detained):
    ev = one("Митинг", text)
    assert ev.detained == detained, ev.evidence.get("detained")


@pytest.mark.parametrize("text,participants,detained", [
    # a court's arrest after the gathering is a detention; the arrested are its participants (at least)
    ("В Алматы у акимата прошел митинг. Суд отправил под административный арест 7 участников акции.", 7, 7),
    ("Алматыда әкімдік алдында 30 адам жиналды. Сот бес белсендіні 10 тәулікке қамауға алды.", 30, 5),
    # "all of them" after the verb
    ("В Алматы у акимата прошел митинг, в котором участвовали около 100 человек. Задержаны все.", 100, 100),
    # the place first, abbreviated
    ("В Алматы у акимата прошел митинг. В РУВД доставлены около 20 человек.", None, 20),
    ("Алматыда әкімдік алдында митинг өтті. 12 адам полиция бөліміне жеткізілді.", None, 12),
    # counts joined by "и" add up
    ("В Алматы у акимата прошел митинг. Полиция задержала двоих организаторов и троих участников.", 3, 5),
    # the spoken "about": the noun first; a figure of the detained is not the crowd
    ("В Алматы у акимата прошел митинг. Задержанных посадили в автозак, их было человек 15.", None, 15),
    # Kazakh none
    ("Алматыда әкімдік алдында митинг өтті. Ешкім ұсталған жоқ.", None, 0),
    # Kazakh "all of them" without a count of the gathering: reported without a number
    ("Алматыда әкімдік алдында митинг өтті. Митингке қатысқандардың барлығы полиция бөліміне жеткізілді.", None, None),
])
def test_court_arrests_all_of_them_and_other_phrasings(text, participants, detained):
    ev = one("Митинг", text)
    assert (ev.participants, ev.detained) == (participants, detained), ev.evidence


@pytest.mark.parametrize("text,detained", [
    ("В Алматы у акимата прошел митинг. В автозаки посадили около 30 человек.", 30),
    ("В Алматы у акимата прошел митинг. Задержанных доставили в РУВД.", None),  # reported, no number
    ("Алматыда әкімдік алдында митинг өтті. Ұсталғандар саны 30-ға жетті.", 30),
    ("Алматыда әкімдік алдында митинг өтті. Белсендінің бірін полиция алып кетті.", 1),
    ("В Алматы у акимата прошел митинг. Полиция задержала одного из участников.", 1),
    # a passer-by is no participant: reported, left for the monitor without a number
    ("В Алматы у акимата прошел митинг. Полицейские задержали одного из прохожих, но митинг продолжился.", None),
])
def test_one_of_them_the_figure_of_the_detained_and_the_van_first(text, detained):
    ev = one("Митинг", text)
    assert ev.detained == detained, ev.evidence.get("detained")
    assert ev.participants is None


@pytest.mark.parametrize("text,low,best,high,police", [
    ("У акимата Актобе собралось человек 10-15.", 10, 12, 15, None),
    ("По словам корреспондента, участников было человек 40-50, полицейских – человек 30.", 40, 45, 50, 30),
])
def test_the_noun_before_the_number_and_whose_figure_it_is(text, low, best, high, police):
    ev = one("Митинг", text)
    assert (ev.participants_low, ev.participants, ev.participants_high, ev.police_count) == (low, best, high, police)


@pytest.mark.parametrize("text", [
    "Около 50 человек собрались у акимата Тараза. Полиция хотела задержать их всех, но не стала.",
    "Около 50 человек собрались у акимата Тараза. Задержаний не было.",
    "Около 50 человек собрались у акимата Тараза. Участники держали плакаты в руках.",
    "Әкімдік алдына 20-ға жуық адам жиналды. Олардың қолында плакаттар болды.",
])
def test_no_detention_is_invented_from_the_same_words(text):
    ev = one("Митинг", text)
    assert not ev.detained, ev.evidence.get("detained")


NON_COUNT = [
    "{n}-летний пенсионер вышел с плакатом к акимату",
    "пенсионер {n} лет вышел с плакатом к акимату",
    "{n} жастағы зейнеткер әкімдік алдына плакатпен шықты",
    "в {y} году жители вышли на митинг у акимата",
    "активиста оштрафовали по статье {n} КоАП после митинга у акимата",
    "жители вышли на митинг у акимата, требуя вернуть {n} тысяч тенге",
    "жители вышли на митинг у акимата, требуя поднять зарплату на {n} процентов",
    "жители вышли на митинг у акимата, требуя поднять зарплату на {n}%",
    "жители вышли на митинг у акимата {d} мая",
    "жители вышли на митинг у акимата в {h}:30",
    "более {n} лет жители ждут квартир и сегодня вышли на митинг у акимата",
    "митинг у акимата продлился {n} минут",
    "жители вышли на митинг у акимата, телефон для справок 8 701 {n} 12 34",
    "митинг у акимата охраняли {n} полицейских",
    "митинг прошел у дома № {n} на улице Абая",
    "митинг в поддержку {n} рабочих прошел у акимата",
]


@settings(max_examples=60, deadline=None)
@given(template=st.sampled_from(NON_COUNT), n=st.integers(2, 999), y=st.integers(1991, 2030),
       d=st.integers(1, 28), h=st.integers(8, 20))
def test_no_number_in_a_non_count_context_becomes_a_count(template, n, y, d, h):
    sentence = template.format(n=n, y=y, d=d, h=h)
    ev = one("Митинг в Актобе", "В Актобе " + sentence + ".")
    assert ev.participants in (None, 1), (sentence, ev.participants)  # one pensioner = 1, never n
    assert not ev.detained, (sentence, ev.detained)

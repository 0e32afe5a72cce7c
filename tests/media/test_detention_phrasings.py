"""Detentions and head counts in the phrasings of the ninth batch of real articles (issue 16): sentences
written by hand, in Russian and Kazakh, none copied from an article. Each group is a class: who is
released, fined or arrested after a detention is never the crowd; a passive detention told after a
participial phrase or a Kazakh parenthesis counts the detained; a total over several cities is the
event's only where the article gives no figure of its own city; a vague quantity with a scale
("несколько десятков", "ондаған") is a detention count, one without ("несколько", "бірнеше") is not;
days, fines and articles of law are never counts."""
from __future__ import annotations

import datetime as dt

import pytest

from assets.media import triage
from tests.media.first_event import event

PUB = dt.date(2021, 6, 14)


def one(title: str, text: str):
    return event(title, text, PUB)


@pytest.mark.parametrize("title,text", [
    # Russian: released, fined, warned, arrested by a court
    ("Задержания на митинге в Караганде", "В Караганде полиция задержала участников несанкционированного митинга у "
     "акимата. После беседы 27 человек отпущены домой, еще девятеро оштрафованы."),
    ("Акция протеста в Таразе", "В Таразе прошла акция протеста у здания акимата. После профилактической беседы "
     "14 человек отпустили, пятеро оштрафованы на 20 МРП."),
    # Kazakh: released, fined, sent home
    ("Павлодарда митинг өтті", "Павлодарда облыс әкімдігі алдында митинг өтті. Полиция митингке келгендерді ұстады. "
     "35 адам әңгімелесуден кейін босатылды, 6 адамға айыппұл салынды."),
])
def test_those_released_fined_or_arrested_are_not_the_crowd(title, text):
    ev = one(title, text)
    assert ev.participants is None, (ev.participants, ev.evidence.get("participants"))


@pytest.mark.parametrize("title,text,low,high", [
    ("Задержания в Семее", "Около полусотни человек, пришедших к зданию акимата Семея на митинг против повышения "
     "тарифов, были задержаны полицией.", 40, 60),
    ("Задержания в Таразе", "В Таразе прошел митинг у акимата. Еще около 30 человек, по словам очевидцев, были "
     "задержаны на подходах к площади.", 25, 35),
])
def test_a_passive_detention_after_a_participial_phrase_counts_the_detained(title, text, low, high):
    ev = one(title, text)
    assert ev.detained is not None and low <= ev.detained <= high
    assert ev.participants is None or not (low <= ev.participants <= high), ev.evidence.get("participants")


def test_kazakh_parenthesis_before_the_detention_verb():
    ev = one("Орал полициясы түсініктеме берді", "Орал полициясы алаңда өткен митинг кезінде бірнеше адамның, оның "
             "ішінде 65 жастағы зейнеткердің ұсталуына қатысты түсініктеме берді.")
    assert ev.participants is None  # "бірнеше адам" are the detained; "65 жастағы" is an age


def test_hyphenated_cities_are_no_named_people():
    ev = one("Задержания после акций", "Около двухсот человек, вышедших на акции протеста, задержаны в Нур-Султане и "
             "Алма-Ате, сообщает МВД.")
    assert ev.participants != 2


def test_a_total_over_several_cities_is_the_event_figure_only_without_its_own():
    text = ("Полиция задержала 64 участника антиправительственных акций в Алматы и Нур-Султане. "
            "Еще около 15 человек были задержаны в Таразе.")
    ev = one("Задержания на акциях протеста в Алматы", text)
    assert ev.city == "almaty" and ev.detained == 64  # not Taraz's 15, not 64 + 15
    text2 = ("Более 70 человек задержаны после акций в Нур-Султане и Алматы. В Алматы у площади Республики "
             "полицейские доставили в управление полиции 12 человек, пытавшихся провести митинг.")
    ev2 = one("Митинг в Алматы", text2)
    assert ev2.city == "almaty" and ev2.detained == 12


@pytest.mark.parametrize("title,text,low,high", [
    ("Разгон митинга в Шымкенте", "В Шымкенте полицейские задержали несколько десятков человек, собравшихся у "
     "здания акимата.", 20, 90),
    ("Ақтөбеде митинг", "Ақтөбеде облыс әкімдігі алдындағы алаңда полиция митингке келген ондаған адамды ұстап "
     "әкетті.", 20, 90),
    ("Задержания у акимата", "У акимата Атырау собрались около 200 человек. Полиция задержала около сотни "
     "митингующих.", 90, 110),
])
def test_a_vague_quantity_with_a_scale_is_a_detention_count(title, text, low, high):
    ev = one(title, text)
    assert ev.detained is not None and low <= ev.detained <= high, (ev.detained, ev.evidence.get("detained"))


@pytest.mark.parametrize("title,text", [
    ("Пикет в Кокшетау", "В Кокшетау у акимата прошел пикет. Полиция задержала несколько человек."),
    ("Қостанайда пикет", "Қостанайда әкімдік алдында пикет өтті. Полиция бірнеше адамды ұстап әкетті."),
])
def test_a_vague_quantity_without_a_scale_is_reported_without_a_number(title, text):
    ev = one(title, text)
    assert ev.detained is None and "detained" in ev.evidence


@pytest.mark.parametrize("title,text,n", [
    ("Акция в Алматы", "В Алматы у акимата прошла акция протеста. По решению суда 7 участников акции арестованы "
     "на 15 суток по статье 488 КоАП, еще трое оштрафованы на 50 МРП (172 500 тенге).", 7),
    ("Митинг в Уральске", "На площади Абая в Уральске прошел митинг. Полиция доставила в отдел полиции 11 человек, "
     "двое из них арестованы на 10 суток.", 11),
])
def test_days_fines_and_articles_are_never_counts(title, text, n):
    ev = one(title, text)
    assert ev.detained == n, (ev.detained, ev.evidence.get("detained"))
    assert ev.participants not in (15, 488, 50, 172500, 10)


def test_a_court_appeal_with_numbers_is_no_event():
    tri = triage.classify("Суд отклонил апелляцию активиста", "Областной суд отклонил апелляцию активиста, "
                          "приговоренного к пяти суткам ареста за мелкое хулиганство. 12 апреля районный суд признал "
                          "его виновным.", PUB)
    assert not tri.is_assembly


@pytest.mark.parametrize("title,text", [
    ("Сбор пресечен", "В Жамбылской области полиция пресекла несанкционированный сбор жителей села у здания акимата."),
    ("Собрание разогнали", "В Таразе разогнали незаконное собрание торговцев рынка, недовольных сносом павильонов."),
    # Kazakh: protesting now ("наразылық білдіріп жатыр"), standing in front of a building ("алдында тұр")
    ("Аналар Ақорда алдында", "Астанада таңертеңнен бері наразылық білдіріп жатқан аналарды полиция қоршауға алды."),
    ("Тұрғындар әкімдік алдында", "Шымкентте наразылық білдіріп жатқан тұрғындар қалалық әкімдік алдында тұр."),
])
def test_an_unsanctioned_gathering_and_a_kazakh_protest_under_way_are_events(title, text):
    assert triage.classify(title, text, PUB).is_assembly


@pytest.mark.parametrize("title,text", [
    ("Сбор средств", "Полиция пресекла несанкционированный сбор средств у торгового центра в Таразе."),
    ("Незаконное собрание акционеров", "Суд признал незаконным собрание акционеров компании."),
])
def test_a_collection_of_money_or_a_shareholders_meeting_is_no_event(title, text):
    assert not triage.classify(title, text, PUB).is_assembly


def test_a_part_of_a_figure_already_given_is_not_the_crowd():
    ev = one("Задержания у здания МВД", "В Нур-Султане во время протеста перед зданием МВД полиция задержала 31 человека, "
             "в том числе 12 женщин.")
    assert ev.detained == 31 and ev.participants != 12


def test_the_number_of_the_detained_in_a_quote_and_several_hundred_gathered():
    ev = one("На митингах задержали почти сто человек", "В Алматы прошел несанкционированный митинг. «Речь идет "
             "о цифре около сотни человек», – сказал замминистра, отвечая на вопрос о количестве задержанных. "
             "По его словам, на площади собрались несколько сот человек.")
    assert ev.participants_low <= 300 <= ev.participants_high and ev.participants_low >= 200


@pytest.mark.parametrize("title,text,n", [
    ("Пикет у консульства", "В Алматы у консульства вышли на пикет около 30 человек, которые требуют освободить "
     "своих родственников.", 30),
    ("Митинг против штрафов", "В Караганде около 200 водителей вышли на митинг против штрафов за парковку.", 200),
    ("Тұрғындар митингке шықты", "Таразда 50-ге жуық тұрғын митингке шығып, ұсталған белсендіні босатуды талап етті.", 50),
])
def test_a_demand_to_free_or_against_fines_keeps_the_crowd(title, text, n):
    ev = one(title, text)
    assert ev.participants_low is not None and ev.participants_low <= n <= ev.participants_high


def test_a_vague_count_the_article_says_is_not_exact_stays_without_a_number():
    ev = one("Таразда ондаған адам ұсталды", "Таразда әкімдік алдында наразылық акциясына шыққан ондаған адамды "
             "полиция ұстады. Полиция ұсталғандардың нақты санын айтпады.")
    assert ev.detained is None and "detained" in ev.evidence
    ev2 = one("Задержания в Таразе", "В Таразе у акимата полиция задержала несколько десятков участников акции "
              "протеста. Точное число задержанных не сообщается.")
    assert ev2.detained is None

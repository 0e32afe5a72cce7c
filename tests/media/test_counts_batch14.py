"""Head-count classes of the fourteenth real batch (issue 16: participants within the stated range, and no count
invented), found on the batch's `dev` half and on hand-written probes; every sentence here is written by hand
(none copied from an article), with a hard case beside each class:
- a workforce, residents or signers are not a crowd ("работает 150 человек", "где живут 150 тысяч человек",
  "петицию подписали 5 тысяч человек", "20 тысяч просмотров"), nor the whole a part is taken from ("Из 5 тыс.
  нефтяников требования высказали более 140 человек" is more than 140; "из 200 участников" stays the crowd);
- a count that another sentence places in another city is another crowd ("около 20 человек провели акцию в
  Астане" in a report from Almaty);
- a vague count outside the event sentence counts the crowd only with a verb of gathering or protest
  ("Несколько человек ... стали руководить бульдозером" is not the crowd; "Сотни людей пытались пройти" is);
- one person leading a sentence is no one-person action where the article speaks of a plural crowd or the
  sentence's verb is plural;
- detained told as a part ("для остальных демонстрантов") give no lower bound of the crowd;
- Kazakh thousands after a figure ("2 мыңнан астам", "3 мың адам").
"""
from __future__ import annotations

import pytest

from tests.media.first_event import count


@pytest.mark.parametrize("title,text", [
    ("Торговцы рынка пришли в акимат",
     "Торговцы крытого рынка в Уральске пришли в акимат с требованиями. - На рынке официально работает 180 человек, "
     "- говорит одна из продавщиц."),
    ("Митинг безработных", "В Жанаозене, где живут 150 тысяч человек, у акимата прошел митинг безработных."),
    ("Митинг против застройки",
     "В Алматы у акимата прошел митинг против застройки сквера. Петицию против стройки подписали 5 тысяч человек."),
    ("Митинг против застройки",
     "В Алматы прошел митинг против застройки сквера. Видео с митинга набрало 20 тысяч просмотров."),
    ("Протест торговцев",
     "В Уральске торговцы центрального рынка вышли к акимату. На рынке торгуют порядка 2 тыс. человек."),
])
def test_workforce_residents_signers_and_viewers_are_no_crowd(title, text):
    assert count(title, text)[1] is None


def test_the_whole_a_part_is_taken_from_is_not_the_crowd():
    lo, best, hi = count("Нефтяники вышли на забастовку",
                         "Работники компании в Жанаозене вышли на забастовку. Из 4 тыс. нефтяников требования "
                         "высказали более 120 человек.")
    assert lo <= 130 <= hi and best < 1000
    # the participants themselves stay the crowd
    lo, best, hi = count("Митинг в Актобе", "В Актобе из 200 участников митинга у акимата задержаны 35.")
    assert lo <= 200 <= hi


def test_a_count_another_sentence_places_in_another_city_is_not_this_crowd():
    lo, best, hi = count("В Алматы разогнали митинг водителей",
                         "В воскресенье в Алматы полиция разогнала митинг водителей, несколько человек задержаны. "
                         "Сотни водителей пытались пройти на центральную площадь Алматы. "
                         "Агентство сообщает, что около 20 человек провели акцию протеста в Астане.")
    assert best is not None and best >= 200
    # the same sentence naming the event's city stays this crowd
    lo, best, hi = count("В Алматы прошел митинг", "В Алматы на митинг вышли около 20 человек, в Астане их не было.")
    assert lo <= 20 <= hi


def test_a_vague_count_outside_the_event_sentence_needs_a_verb_of_gathering():
    assert count("Снос рынка в Алматы",
                 "Торговцы рынка в Алматы встали перед бульдозером и не дали снести свои места. Несколько человек, "
                 "не пожелавшие представиться, стали руководить действиями водителя бульдозера.")[1] is None
    lo, best, hi = count("Пикет у акимата",
                         "В Таразе у акимата прошел пикет против тарифов. Несколько десятков жителей стояли с "
                         "плакатами у входа.")
    assert lo <= 30 <= hi


@pytest.mark.parametrize("title,text", [
    ("Учителя охраняют школу", "Школу имени Абая в Сарыагашском районе уже третий день охраняют учителя и родители, "
                               "не давая ее снести."),
    ("Шествие оппозиции в Алматы", "Депутат Иван Петров требует у полицейских пропустить шествие оппозиции. "
                                   "На собрании в Алматы присутствовали активисты из всех регионов."),
])
def test_one_person_leading_a_sentence_is_no_single_action_when_the_crowd_is_plural(title, text):
    assert count(title, text)[1] != 1


def test_one_person_alone_is_still_one():
    assert count("Пенсионер вышел с плакатом", "Житель Уральска вышел с плакатом к зданию акимата, требуя "
                                               "повысить пенсию.")[1] == 1


def test_detained_told_as_a_part_give_no_lower_bound():
    assert count("Митинг на площади Республики",
                 "В Алматы на площади Республики прошел митинг. Полиция задержала троих митингующих, которые "
                 "отправились за водой для остальных демонстрантов.")[1] is None
    lo, best, hi = count("Акцию пресекли в Астане",
                         "В Астане активисты попытались провести акцию, но троих участников сразу же забрали в "
                         "отделение полиции.")
    assert lo <= 3 <= hi


@pytest.mark.parametrize("text,low,high", [
    ("Атырауда 2 мыңнан астам адам алаңға шықты.", 2001, 2600),
    ("Ақтауда алаңға 3 мың адам жиналды.", 3000, 3000),
    ("Оралда 1,5 мыңға жуық тұрғын әкімдік алдына жиналды.", 1350, 1650),
])
def test_kazakh_thousands_after_a_figure(text, low, high):
    lo, best, hi = count("Наразылық", text)
    assert lo <= high and hi >= low and low / 1.5 <= best <= high * 1.5


@pytest.mark.parametrize("text", [
    "В Таразе жители вышли к акимату, требуя жилье. В очереди на жилье стоят 1400 человек.",
    "В Таразе жители вышли к акимату, требуя жилье. В списке очередников 900 человек.",
    "В Таразе жители вышли к акимату, требуя жилье. Прямую трансляцию смотрели 3 тысячи зрителей.",
])
def test_a_register_and_viewers_are_no_crowd(text):
    assert count("Жители вышли к акимату", text)[1] is None


@pytest.mark.parametrize("text,low,high", [
    ("В Атырау прошел митинг. Численность митингующих оценивается в 3–4 тысячи.", 3000, 4000),
    ("В Актау продолжается митинг. Число протестующих выросло до 1200.", 1000, 1200),
    ("В Семее прошел митинг против тарифов. Митингующих – не менее четырехсот.", 400, 480),
    ("В Алматы прошел митинг. Его участников было больше трехсот.", 301, 390),
    ("Оралда митинг өтті. Митингке қатысушылар саны 600-ге жетті.", 540, 660),
    ("В Алматы на митинг вышли тысяча триста человек.", 1300, 1300),
])
def test_the_count_as_a_figure_of_its_own_and_a_thousand_with_hundreds(text, low, high):
    lo, best, hi = count("Митинг", text)
    assert best is not None and lo <= high and hi >= low and low / 1.5 <= best <= high * 1.5


def test_learned_ranker_reads_candidates_and_learns_the_people_count():
    """The learned ranker (measured against the rules, not used by the pipeline): every number is a candidate,
    and trained on a few hand-written articles it prefers the head count to an age, a sum or a time."""
    from assets.media import learned_counts
    train = [
        ("Митинг в Уральске", "В Уральске 70-летний активист и около 40 человек вышли к акимату в 12:00.", 40),
        ("Пикет в Актобе", "В Актобе 25 жителей вышли на пикет, требуя вернуть 300 тысяч тенге.", 25),
        ("Митинг в Таразе", "В Таразе у акимата собрались более 100 человек; им обещали ответ через 10 дней.", [101, 130]),
        ("Митинг в Астане", "В Астане прошел митинг против тарифов, цена выросла до 20 тенге.", None),
    ]
    rows = []
    for title, body, expected in train:
        cands, _ev = learned_counts.candidates(title, body)
        assert cands and all("kind=people" in c.features or "kind=none" in c.features or "kind=police" in c.features
                             or "kind=press" in c.features for c in cands)
        rows.append((cands, expected))
    model = learned_counts.CountRanker(threshold=0.5, use_rules=False).fit(rows)
    cands, _ev = learned_counts.candidates("Митинг в Семее", "В Семее 65-летний пенсионер и около 60 человек "
                                                              "собрались у акимата в 11:00.")
    got = model.choose(cands)
    assert got is not None and got[0] <= 60 <= got[2]

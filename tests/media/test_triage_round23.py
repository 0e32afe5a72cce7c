"""Round 23 (issue 16): triage's classes found on `fresh2`'s missed assemblies, written as phrasing families on
hand-written headlines and leads (no article's words): a group raising a commotion (Russian «подняли шум», Kazakh
«шу көтерді», «шу шығарды»), chanting at a public building, cattle driven to an akimat, Kazakh miners who do not
come up, and Kazakh in the 2021 Latin alphabet, which writes и and і alike ("jinaldı", "piket", "miting")."""
from __future__ import annotations

import datetime as dt

import pytest

from assets.media import kazlatin, triage
from tests.media.first_event import event

PUB = dt.date(2024, 5, 20)

EVENTS = [
    # a group raising a commotion
    ("Торговцы рынка подняли шум", "В Шымкенте продавцы вещевого рынка подняли шум у конторы рынка: они требуют снизить аренду."),
    ("Жители микрорайона подняли шумиху из-за сноса", "Жители микрорайона в Алматы подняли шумиху, требуя остановить снос их домов."),
    ("Арендаторы торгового центра скандалят с владельцем", "Арендаторы торгового центра в Костанае скандалят с владельцем здания и не уходят из холла."),
    ("Саудагерлер шу көтерді", "Қарағандыдағы базар саудагерлері шу көтеріп, дүкендерді ашуды талап етті."),
    ("Ата-аналар шу шығарды", "Семейдегі мектеп оқушыларының ата-аналары шу шығарып, директордың кетуін талап етті."),
    # chanting at a public building
    ("Сторонники журналиста скандировали у суда", "Сторонники задержанного журналиста скандировали «Свободу!» у здания суда в Уральске."),
    ("У акимата скандировали лозунги", "Возле здания акимата Жанаозена несколько десятков человек скандировали «Работы!»."),
    ("Сот алдында ұран", "Сот ғимаратының алдына жиналған жүзге жуық адам «Әділдік!» деп ұрандатты."),
    # cattle driven to an akimat
    ("Сельчане пригнали скот к акимату", "Жители села пригнали коров к зданию районного акимата, требуя вернуть пастбища."),
    # Kazakh miners who do not come up
    ("Кеншілер жер бетіне көтерілмей отыр", "Жезқазғандағы кеніште сексен кенші жер бетіне көтерілмей, жалақыны көтеруді талап етуде."),
    # Kazakh in the 2021 Latin alphabet
    ("Belsendi jalğız adamdıq piket ötkizdi", "Oral qalasında belsendi äkimdik ğimaratınıñ aldında jalğız adamdıq piket ötkizdi."),
    ("Atırauda miting ötti", "Bügin Atırauda jüzge juıq adam alañğa jinalıp, mitingke şıqtı."),
]

TRAPS = [
    ("Видео подняло шум в соцсетях", "Ролик с участием депутата поднял шум в социальных сетях."),
    ("Поправки подняли шум", "Поправки в Налоговый кодекс подняли много шума среди предпринимателей."),
    ("Бейне әлеуметтік желіде шу шығарды", "Депутаттың сөзі әлеуметтік желіде шу шығарды."),
    ("Болельщики скандировали на стадионе", "На стадионе болельщики скандировали имя нападающего до конца матча."),
    ("Кеншілер жер бетіне көтерілді", "Апаттан кейін құтқарушылар он екі кеншіні жер бетіне көтерді."),
    ("Фермеры пригнали скот на ярмарку", "Фермеры пригнали скот на ярмарку выходного дня в Таразе."),
    ("Mitingter turaly zañ jobası", "Mäjilis mitingter men piketter ötkizu tärtibi turaly zañ jobasın qaradı."),
    ("Мұғалімдер кітап оқыды", "Мұғалімдер мектеп кітапханасында жаңа кітаптарды оқыды."),
]


@pytest.mark.parametrize("title,lead", EVENTS, ids=lambda x: x[:40] if isinstance(x, str) else "")
def test_reports_of_an_assembly_are_taken(title, lead):
    r = triage.classify(title, lead, PUB)
    assert r.is_assembly, r.reasons


@pytest.mark.parametrize("title,lead", TRAPS, ids=lambda x: x[:40] if isinstance(x, str) else "")
def test_traps_are_not_taken(title, lead):
    r = triage.classify(title, lead, PUB)
    assert not r.is_assembly, r.reasons


@pytest.mark.parametrize("latin,cyrillic", [
    ("Bügin Oralda jüzge juıq adam alañğa jinaldı, olar mitingke şıqtı.",
     "Бүгін Оралда жүзге жуық адам алаңға жиналды, олар митингке шықты."),      # Kazakh и, a Russian stem + Kazakh ending
    ("Belsendi äkimdik ğimaratınıñ aldında piket ötkizdi.",
     "Белсенді әкімдік ғимаратының алдында пикет өткізді."),                    # ғимарат, пикет; белсенді, өткізді keep і
    ("Mwğalimder bilim turalı kitap oqıdı, bizdiñ qazirgi mektep.",
     "Мұғалімдер білім туралы кітап оқыды, біздің қазіргі мектеп."),             # і kept where no rule reads и
    ("Narazılar jiında Piketti körsetti, olar äkimdikke qarsı şıqtı.",
     "Наразылар жиында Пикетті көрсетті, олар әкімдікке қарсы шықты."),        # і before ы never; capitals kept
])
def test_the_2021_alphabet_reads_i_as_the_rules_read_it(latin, cyrillic):
    assert kazlatin.scheme(latin) == "breve"
    assert kazlatin.to_cyrillic(latin) == cyrillic


def test_the_other_spellings_keep_their_i():
    # the 2018 alphabet writes и as "ı" and і as "i": nothing is guessed there
    assert kazlatin.to_cyrillic("Janaózende júzdegen adam alańǵa jınalyp, mıtıngke shyqty.") == \
        "Жанаөзенде жүздеген адам алаңға жиналып, митингке шықты."


# reports from abroad told by a foreign city's adjective or with a Kazakh city only as a time zone: not assemblies in
# Kazakhstan (the product's scope); and the same words beside a Kazakh place, which keeps the event at home
ABROAD = [
    ("Студенты харьковских вузов перекрыли проспект", "Около двухсот студентов харьковских вузов перекрыли проспект, требуя вернуть стипендии."),
    ("Активист провел одиночный пикет у мэрии", "Активист одной из саратовских партий весь день стоял с плакатом у здания мэрии."),
    ("Мәскеуде митинг өтті", "Мәскеу орталығында мыңдаған адам митингке шықты. Митинг Алматы уақытымен сағат 15-те басталды."),
    ("В Москве прошел митинг", "Митинг против застройки парка начался в 19:00 по времени Астаны, в нем участвовали сотни москвичей."),
]
AT_HOME = [
    ("В Уральске прошел пикет", "Выпускник московского вуза провел одиночный пикет у акимата Уральска."),
    ("Митинг в Жанаозене начался утром", "Митинг нефтяников в Жанаозене начался в 10:00 по московскому времени и продолжался до вечера."),
]


@pytest.mark.parametrize("title,lead", ABROAD, ids=lambda x: x[:40] if isinstance(x, str) else "")
def test_reports_from_abroad_are_not_taken(title, lead):
    r = triage.classify(title, lead, PUB)
    assert not r.is_assembly, r.reasons


@pytest.mark.parametrize("title,lead", AT_HOME, ids=lambda x: x[:40] if isinstance(x, str) else "")
def test_the_same_words_beside_a_kazakh_place_stay_at_home(title, lead):
    r = triage.classify(title, lead, PUB)
    assert r.is_assembly, r.reasons


# animals are animate nouns, never a head count: a herd driven to an akimat is no crowd
@pytest.mark.parametrize("title,text,want", [
    ("Сельчане пригнали скот к акимату", "Сотни коров и овец паслись у здания акимата, пока 30 сельчан требовали вернуть пастбища.", 30),
    ("Фермеры у акимата", "Фермеры привели 200 овец к зданию районного акимата, требуя вернуть пастбища.", None),
    ("Конники у акимата", "Около 50 лошадей и их хозяева стояли у акимата.", None),
])
def test_animals_are_no_head_count(title, text, want):
    ev = event(title, text)
    assert ev.participants == want, (ev.participants_low, ev.participants, ev.participants_high)

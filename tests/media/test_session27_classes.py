"""Classes of session 27 (issue 16), found in the misses of `fresh10` once it was opened to the rule writers (it had been
the blind part of session 26; from session 27 it is fitted) and written as classes with probe sentences of the
engineer's own (47 cases; each of the 26 marked "new" fails on the rules before them, a5be3b6; the others are traps that keep the
classes from widening):

- triage, assemblies: a stoppage cited from a news site named "X-онлайн" (no online event: `MEDIA_NAME_RE`); people
  gathered who mean to take their trouble to an official ("намерены донести до акима", "пришли в надежде получить
  ответ": `AIM_TO_OFFICIAL_RE`); an official who addressed those gathered on a square or before the akimat, or did
  "разъяснительная работа" among them (`PROTESTERS_MET_RE`); Kazakh activists who went to an office for their named action
  (`KK_ACTIVISTS_WENT_RE`); a Kazakh headline form with a gathering before the akimat ("әкімдік алдына": `AT_BUILDING_RE`);
- triage, no assembly: the Kazakh «Мәңгі өлмес полк» march (a celebration, as «Бессмертный полк»); Kazakh "warned that
  they will gather" ("жиналып ... бағыштайтынын ескертіп": a plan); a trend ("участились забастовки", "всё чаще выходят
  на забастовки", "волна забастовок": a statistic);
- fields: a city named by its distance ("в 500 км от ... города Караганды") is not the place; a trade the dictionary
  knows only as a name ("300 вахтовиков") counts people; whom the crowd wants dismissed is no crowd ("требуют уволить 5
  сотрудников"); a Kazakh possessive dative is whom something is owed ("350 жұмысшысына ... қарыз"); a Kazakh demonym
  with the crowd's verb is the crowd ("жүздеген алматылық жиналып"); a day named in a clause describing the people is
  not the day of the sentence ("Кеше ... шақырған белсенділер бүгін ... барды").
"""
from __future__ import annotations

import datetime as dt

import pytest

from assets.media import triage
from tests.media.first_event import PUB, count, event


def _assembly(title: str, body: str) -> bool:
    return triage.classify(title, body, None).is_assembly


@pytest.mark.parametrize("title, body", [
    ("Водители автобусов Экибастуза",  # new
     "30 водителей городских маршрутов утром не вышли на линию, передает Экибастуз-онлайн. Они требуют погасить долги "
     "по зарплате."),
    ("Рабочие завода остановили цеха",  # new
     "Около 100 рабочих литейного цеха прекратили работу, сообщает «Караганда онлайн». Они требуют повышения зарплаты."),
    ("Погорельцы у акимата", "Возле районной администрации собрались жители, потерявшие жилье при пожаре. Свои проблемы "  # new
     "они хотят донести до акима района."),
    ("Жители у акимата", "У акимата Таласского района собрались жители аула. Они пришли в надежде получить ответ на "  # new
     "вопрос о компенсации за снесенные дома."),
    ("Жители у администрации", "Сегодня акимат провел разъяснительную работу среди жителей, собравшихся перед "  # new
     "городской администрацией."),
    ("Аким вышел к людям", "Аким города обратился к собравшимся на площади жителям и пообещал решить вопрос с водой."),  # new
    ("Белсенділер «Нұр Отанға» барды", "Кеше «Оккупай Нұр Отан» акциясына шақырған белсенділер бүгін партияның "  # new
     "Алматыдағы филиалына барып, басшылармен сөйлесуге тырысты."),
    ("Белсенділер әкімдікке келді", "Бүгін белсенділер тобы облыс әкімдігіне келіп, «Жер сатылмасын» акциясын өткізді."),
    # (the batch s27media) a hashtag weighs against the sentence: the reason must be a specific one to outweigh it
    ("Белсенділер партия кеңсесінде", "Кеше #ОккупайНұрОтан акциясына шақырған белсенділер бүгін партияның филиалына "  # new
     "барып, басшылармен сөйлесті."),
    ("Митинг", "Ертеңіне әкімдік алдына мыңдаған шымкенттік жиналды."),  # new
    # (session 29: the case above is now a crowd at a seat of power on its own, office first; a crowd with no figure
    # beside the akimat still needs the headline's form and the Kazakh building of AT_BUILDING_RE — a probe of s27media)
    ("Митинг", "Кеше кешке әкімдік жанында бір топ адам жиналды."),
    ("Забастовка в Жанаозене", "На фоне участившихся забастовок около 200 нефтяников Жанаозена сегодня вышли на площадь, "
     "требуя повысить зарплату."),
    ("Ақтауда мұнайшылар ереуілге шықты", "Мұнайшылар жалақы көтерілмейінше жұмысқа шықпайтынын ескертіп, алаңда отыр."),
])
def test_these_assemblies_are_found(title, body):
    assert _assembly(title, body)


@pytest.mark.parametrize("title, body", [
    ("Қарағандыда «Мәңгі өлмес полк» шеруі өтті", "Бүгін қала орталығында өткен шеруге мыңдаған адам қатысты. Адамдар "  # new
     "соғысқа қатысқан туыстарының суреттерін ұстап шықты."),
    ("Шымкентте «Мәңгі өлмес полк» акциясы", "Акцияға 5 мыңнан астам адам қатысып, қаланың орталық көшелерімен жүріп "  # new
     "өтті."),
    ("Әкімдік тұрғындардың өтінішін қабылдамады", "Тұрғындар әкімге 20 наурызда алаңға жиналып, митинг өткізетінін "
     "ескертіп, хат қалдырды."),
    ("Белсенділер жиын өткізбек", "Белсенділер сенбі күні орталық алаңға шығатындарын мәлімдеді."),
    ("Әкімдік бас тартты", "Зейнеткерлер әкімге 10 наурызда алаңға жиналып, ас беретінін ескертіп, өтініш қалдырды."),  # new
    ("Белсенділер әкімдікте", "Бүгін белсенділер облыс әкімдігіне келіп, қайырымдылық акциясын өткізді."),
    ("Белсенділер әкімдікте", "Белсенділер облыс әкімдігіне келіп, әкіммен кездесті."),  # (no named action)
    ("Почему бастуют рабочие", "В Казахстане участились забастовки нефтяников, требующих повышения зарплаты."),
    ("Эксперты о забастовках", "Работники все чаще выходят на забастовки, говорят эксперты."),
    ("Протесты в регионах", "По западу страны прокатилась волна забастовок нефтяников."),
    # a stored copy with no headline: the trend is its first line
    ("", "В Казахстане участились забастовки нефтяников, требующих повышения зарплаты. Эксперты объясняют это ростом "  # new
     "цен."),
    ("", "По западу страны прокатилась волна забастовок нефтяников, требующих повысить зарплату. Власти обещают "
     "разобраться."),
    ("Онлайн-митинг", "Активисты провели митинг в режиме онлайн, передает Павлодар-онлайн."),
    ("Голодовка в соцсетях", "Мать пятерых детей объявила онлайн-голодовку, требуя жилья."),
    ("Встреча с акимом", "В доме культуры собрались жители микрорайона. Аким пообещал донести до сведения областного "
     "руководства их вопросы."),
    ("Торжественное собрание", "Аким обратился к собравшимся в зале ветеранам с поздравлением."),
    ("Наурыз", "Аким области обратился к собравшимся на площади горожанам с праздничным поздравлением по случаю Наурыза."),
    ("Сенбілік", "Белсенділер «Таза қала» экологиялық акциясын өткізу үшін әкімдікке барды."),
    ("Акция жоспарланды", "Белсенділер келесі аптада әкімдікке барып, акция өткізетінін мәлімдеді."),
])
def test_these_are_no_assembly(title, body):
    assert not _assembly(title, body)


@pytest.mark.parametrize("title, body", [
    ("Забастовка на разрезе", "На угольном разрезе, что в 500 км от административного центра области города Караганды, "  # new
     "около 300 рабочих отказались выйти на смену."),
    ("Забастовка на руднике", "Около 200 горняков рудника в 40 километрах от Жезказгана утром отказались спускаться в "  # new
     "шахту, требуя повысить зарплату."),
    ("Ереуіл", "Ақтаудан 30 шақырым жердегі кен орнында 100-ге жуық жұмысшы ереуілге шықты."),  # new
])
def test_a_city_named_by_its_distance_is_not_the_place(title, body):
    assert event(title, body).city is None


def test_a_city_named_as_the_place_still_is():
    assert event("Митинг в Актау", "Около 100 человек вышли на митинг у акимата Актау, требуя снизить цены на газ.").city == "aktau"


@pytest.mark.parametrize("title, body, best", [
    ("Забастовка вахтовиков", "С утра около 300 вахтовиков отказались выйти на смену. Собравшиеся потребовали "  # new
     "увольнения нескольких человек из числа руководства.", 300),
    ("Забастовка", "Около 150 вахтовиков месторождения собрались у столовой и потребовали выплатить зарплату.", 150),  # new
    ("Жанаозенде митинг", "Көп ұзамай полиция департаментінің алдына жүздеген жаңаөзендік жиналып, белсендіні босатуды "  # new
     "талап етті.", 400),
    ("Митинг", "Ертеңіне әкімдік алдына мыңдаған шымкенттік жиналды.", 4000),  # new
    ("Митинг", "Мыңдаған шымкенттік әкімдік алдына жиналды.", 4000),  # new
])
def test_these_crowds_are_counted(title, body, best):
    assert count(title, body)[1] == best


@pytest.mark.parametrize("title, body", [
    ("Митинг у акимата", "У акимата собрались жители поселка. Они требуют уволить 5 сотрудников ЖКХ."),  # new
    ("Митинг у акимата", "У акимата собрались жители поселка. Они потребовали отставки трех чиновников."),
    ("Жұмысшылар наразы", "Компания 350 жұмысшысына желтоқсан, қаңтар және ақпан айларына 100 миллион теңге қарыз. "  # new
     "Жұмысшылар бүгін бас кеңсе алдында наразылық білдірді."),
    ("Жұмысшылар наразы", "Мекеме 200-ден астам қызметкеріне үш айдан бері жалақы бермеген. Бүгін олар әкімдік алдына "  # new
     "жиналды."),
])
def test_no_head_count_from_those_dismissed_or_owed(title, body):
    assert count(title, body) == (None, None, None)


@pytest.mark.parametrize("title, body, day", [
    ("Белсенділер барды", "Кеше интернет арқылы видео үндеу жариялап, акцияға шақырған белсенділер бүгін партияның "  # new
     "Алматыдағы филиалына барып, сұрақ қоюға тырысты.", PUB),
    ("Рабочие вышли на площадь", "Вчера объявившие голодовку рабочие сегодня вышли на площадь у акимата Жезказгана.",  # new
     PUB),
    ("Митинг", "Вчера прошел митинг у акимата Уральска, сегодня его участников вызвали в полицию.",
     PUB - dt.timedelta(days=1)),
    ("Жиын", "Кеше әкімдік алдына жиналған тұрғындар бүгін сотқа шақырылды.", PUB - dt.timedelta(days=1)),
])
def test_the_day_of_the_sentence_not_of_a_clause_about_the_people(title, body, day):
    assert event(title, body).date == day


def test_a_figure_s_clause_reaches_at_most_clause_reach_either_way():
    # (session 27, hostile input) a text of thousands of figures with no comma made every figure's clause the whole
    # text: reading each of them was quadratic. A clause between commas is as before; one without is cut
    from assets.media.count_context import CLAUSE_REACH, clause_of
    text = "Жители, около 40 человек, собрались у акимата."
    start = text.index("40")
    assert clause_of(text, start, start + 2) == " около 40 человек"
    long = "слово " * 200 + "40 человек " + "слово " * 200
    start = long.index("40")
    clause = clause_of(long, start, start + 2)
    assert clause == long[start - CLAUSE_REACH:start + 2 + CLAUSE_REACH]


@pytest.mark.parametrize("text, figure, other_crowd", [
    ("В митингах по всей стране участвовали 500 человек.", "500", True),  # several assemblies before the figure
    ("Около 500 человек пришли на площадь, а в митингах прошлого года участвовали тысячи.", "500", False),
    ("На акции было меньше людей, чем год назад: пришли 40 человек.", "40", True),  # a comparison before it
    ("Пришли 40 человек, это меньше людей, чем год назад.", "40", False),
])
def test_a_tally_or_comparison_before_the_figure_only(text, figure, other_crowd):
    # the sentence's cues are read once for all its figures (session 27): only those before the figure count
    from assets.media.crowd_reports import not_this_figure
    start = text.index(figure)
    assert not_this_figure(text, start, start + len(figure)) is other_crowd

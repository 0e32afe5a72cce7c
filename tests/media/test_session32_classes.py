"""Classes of session 32 (issue 16), found in what the fitted parts still missed (`fresh15`'s one false positive, opened
this session; `fresh5`, `fresh9`, `dev`, `measured`'s misses that earlier sessions had left) and written as classes with
probe sentences of the engineer's own (each case marked "new" fails on the rules before them, 47e55871; the others are
traps that keep the classes from widening):

- triage, assemblies: a camp set up at a seat of power (`triage_in_person.CAMP_AT_SEAT_RE`); a watch kept over what is to
  be pulled down or felled (`triage_sentence.WATCH_AGAINST_RE`, read into `DEMOLITION_RESIST_RE`); those who gathered
  hoping for a meeting with the employer (`triage_civic_cues.AIM_TO_OFFICIAL_RE`); workers who gathered
  in an article whose headline or lead tells their wages owed (`triage.py`, `triage_cues.WORKERS_RE`, and «задержек» read
  by `WAGE_GRIEVANCE_RE`); hundreds or thousands who came to a square (`triage_in_person.crowd_on_square`);
- triage, no assembly: an objection in the courtroom (`triage_not_events.COURTROOM_OBJECTION_RE`); Kazakh discontent
  «shown» in words only («наразылық танытты», `triage_sentence.KK_VOICED_ONLY_RE`), while workers named with a possessive
  («жүргізушілері») keep theirs a stoppage (`KK_PLACE_OR_CROWD_RE`);
- fields: a workforce engaged in a project is no crowd (`count_not_crowd.WORKFORCE_AFTER_RE`, `WORKFORCE_BEFORE_RE`).
"""
from __future__ import annotations

import pytest

from assets.media import triage
from tests.media.first_event import count


def _assembly(title: str, body: str) -> bool:
    return triage.classify(title, body, None).is_assembly


@pytest.mark.parametrize("title, body", [
    ("Рабочие ждут денег", "Рабочие подрядчика четвертый месяц не получают зарплату. Компания ссылается на генподрядчика. "  # new
     "В акимате обещали разобраться. В понедельник около 30 рабочих собрались у офиса компании, надеясь на встречу с "
     "руководством. Однако офис был закрыт."),
    ("Рабочие ждут денег", "В Актюбинской области рабочие выражают недовольство из-за задержек выплаты заработной платы. "  # new
     "Группа из 50 человек строила дорогу. На эти цели выделили 2,5 млрд тенге. Одна из работниц рассказала о своих "
     "бедах. Мы пришли сюда пешком. Сегодня рабочие собрались в областном центре у закрытого офиса."),
    ("Четвертые сутки на крыльце", "На крыльце здания правительства дачницы разбили лагерь. Женщины спят на картонках."),  # new
    ("Пятый день у акимата", "Перед зданием акимата многодетные матери разбили палаточный лагерь. Ночью было холодно."),  # new
    ("Школу не отдают", "Родители и учителя дежурят в школе, которую хотят снести. Здание еще крепкое."),  # new
    ("Сквер под охраной", "Жители микрорайона круглосуточно охраняют сквер от вырубки. Они сменяют друг друга по ночам."),  # new
    ("В Актау на площадь пришли сотни людей", "На центральную площадь «Ынтымак» города Актау сегодня пришли сотни "  # new
     "людей. Полиции было немного."),
    ("Жанаозен", "Утром на площадь пришло около тысячи человек. Люди не расходятся."),  # new
    # (traps: a meeting pressed for, already a cue by «добиваясь»; Kazakh discontent shown at an akimat, before a court building, or by drivers owed their wages; kin with
    # placards at a court)
    ("Дольщики у акимата", "Стройка заморожена третий год. Дом так и не сдан. Компания не отвечает на звонки. Сегодня "
     "дольщики собрались у здания акимата, добиваясь встречи с акимом."),
    ("Тұрғындар наразы", "Тұрғындар әкімдік алдына жиналып, наразылық танытты."),
    ("Сот алдында", "Сот ғимаратының алдына жиналған белсенділер наразылық танытты."),
    ("Алматыда жалақы алмаған автобус жүргізушілері наразылық танытты", "Жүргізушілер жұмысқа шықпады."),
    ("У здания суда", "Родственники подсудимых вышли с плакатами к зданию суда."),
])
def test_these_assemblies_are_found(title, body):
    assert _assembly(title, body)


@pytest.mark.parametrize("title, body", [
    ("Сот басталды", "Судья үзіліс жариялады. Бұған сотқа қатысушылар қатты наразылық танытты."),  # new
    ("Тұрғындар наразы", "Ауыл тұрғындары су тапшылығына қатты наразылық танытты."),  # new
    # (traps: a courtroom objection in Russian, tourists' and the army's camps, a meeting with the akim, the police on duty
    # at a school, a staff meeting over wages, a clean-up, crowds on a square for a feast, a concert or a prayer, five
    # people with flowers)
    ("Процесс над активистами", "Участники судебного процесса выразили протест против решения судьи."),
    ("Лагерь у озера", "Туристы разбили лагерь у озера. Погода была хорошей."),
    ("Помощь пострадавшим", "Военные разбили палаточный лагерь у здания акимата для пострадавших от паводка."),
    ("Встреча с акимом", "Жители собрались в акимате на встречу с акимом. Обсудили ремонт дорог."),
    ("Снос школы", "Полицейские дежурят у школы, которую хотят снести."),
    ("Зарплата", "Работникам полгода не выплачивают зарплату. Работники собрались на собрание трудового коллектива и "
     "избрали новый профком."),
    ("Субботник", "Жители вышли на субботник, чтобы очистить сквер от мусора."),
    ("Наурыз", "На центральную площадь пришли тысячи людей, чтобы отметить Наурыз."),
    ("Концерт", "Сотни людей пришли на площадь на концерт звезд эстрады."),
    ("Айт намаз", "Тысячи верующих пришли на площадь на праздничный намаз."),
    ("Площадь", "На площадь пришли пять человек с цветами к памятнику Абаю в день его рождения."),
])
def test_these_are_no_assembly(title, body):
    assert not _assembly(title, body)


def test_a_workforce_engaged_in_a_project_is_no_crowd():  # new
    assert count("Рабочие ждут денег", "Группа из более чем 50 человек была задействована в проектах по строительству "
                 "дороги. Сегодня рабочие собрались у офиса компании, требуя выплатить зарплату.") == (None, None, None)
    assert count("Рабочие", "На строительстве было задействовано 200 рабочих. Сегодня они вышли к акимату, требуя "
                 "выплатить зарплату.") == (None, None, None)
    # (the crowd told with its own act stays one)
    assert count("Рабочие ждут денег", "Около 50 человек собрались у офиса компании, требуя выплатить зарплату.") == (45, 50, 55)


# --- `fresh16`, blind when scored (0.57 / 0.66), then opened: its misses written as classes with probes of my own ---

@pytest.mark.parametrize("title, body", [
    ("Жильцы мерзнут", "Отопительный сезон стартовал, однако в ряде домов холодно. Выяснить у властей, почему в их "  # new
     "квартирах холодно, сегодня вечером вышли жильцы четырех домов."),
    ("Пенсионеры недовольны", "В Алматы на санкционированном митинге членов партии пенсионеры высказали свое недовольство "  # new
     "тарифами."),
    ("Снос построек общины", "Власти сносят постройки общины. Верующие ложатся под гусеницы тракторов."),  # new
    ("Жаркент", "Полиция 10 белсендіні ұстаған. Сол себепті халық аудандық полиция басқармасының алдына жиналды."),  # new
    ("Ашынған халық", "Ауыл халқы қорасындағы малын ауылдық округ әкімдігі алдына айдап әкелді."),  # new
    ("Алматыда митинг", "Бүгін Алматыдағы кинотеатрдың жанында митинг болды."),  # new
    # (traps: lorries queued as a protest; a waiting list for housing)
    ("Дальнобойщики вышли на протест", "Более 100 большегрузных машин выстроились в длинную очередь, тем самым выражая протест против "
     "повышения цен на топливо."),
    ("Многодетные матери", "Женщины выразили недовольство тем, что много лет стоят в очереди за жильем. Сегодня они "
     "собрались у здания акимата, требуя квартир."),
])
def test_these_assemblies_are_found_in_fresh16s_classes(title, body):
    assert _assembly(title, body)


@pytest.mark.parametrize("title, body", [
    ("Жители жалуются на очереди", "Подвоз воды организован во дворы, однако жители жалуются на огромные очереди. "  # new
     "Потом в одну точку собираются люди со всей округи, возмущаются жители."),
    ("Петициялар", "Жыл басталғалы елімізде түрлі петиция жарияланып, белсенді түрде қол жиналып жатыр. Тұрғындар "  # new
     "ақылы тұраққа қарсы талап етуде."),
    ("Ағаштар кесілді", "Жұмыс басталған маңға таяу қоныс тепкен тұрғындар ағаштардың кесіліп, балалар алаңының сырып "  # new
     "тасталғанына наразылық байқатуда."),
    ("Население волнуется", "В 40-градусную жару у людей нет воды и перекрыто электричество Сразу в двух небольших "  # new
     "городах области коммунальные службы прекратили подачу электроэнергии, а затем и воды. Люди требуют вернуть свет."),
    ("Выборы", "На улицах крупных городов в день голосования проходили акции протеста. В Костанае на улицы выходить "  # new
     "никто не стал."),
    ("Митинг", "Жанболат Мамайдың митингіге шығуға байланысты үндеуіне қатысты бұқаралық іс-шараларға тыйым салынды."),  # new
    # (a trap: a group's meeting with deputies, no assembly before these classes either)
    ("Мектеп", "Бір топ ата-ана жиналып, аудандық мәслихат депутаттарымен, білім бөлімі басшыларымен мектепте кездесті."),
    ("Мәңгілік алау", "Жеңіс саябағына жиналған қала тұрғындары шамдар арқылы сурет жасады. Акцияны жастар ресурстық "  # new
     "орталығы ұйымдастырды."),
    ("Челлендж тишины", "В парке в рамках нарратива «Закон и порядок» прошла общественная акция против насилия."),  # new
    ("Шеру", "Бұл ретте шеруге еліміздің барлық өңірінен ардагерлер мен тыл еңбеккерлері қатысты."),  # new
])
def test_these_are_no_assembly_in_fresh16s_classes(title, body):
    assert not _assembly(title, body)


def test_a_time_of_day_between_today_and_its_date():  # new
    import datetime as dt

    from tests.media.first_event import event
    pub = dt.date(2025, 10, 24)
    assert event("Жильцы", "Сегодня вечером, 23 октября, жильцы вышли к акимату, требуя тепла.", pub).date == dt.date(2025, 10, 23)
    assert event("Жильцы", "Вчера около 11 утра, 9 октября, жильцы вышли к акимату, требуя тепла.", pub).date == dt.date(2025, 10, 9)
    # (the day told apart from "today" by more than the time of day stays today's)
    assert event("Жильцы", "Сегодня вечером жильцы вышли к акимату, требуя тепла, как и 20 октября.", pub).date == pub


def test_kazakh_signatories_and_those_taken_are_no_crowd_and_hunger_is_no_hunger_strike():  # new
    from tests.media.first_event import event
    assert count("Жұмысшылар", "Ақтаудағы кеңсеге ондаған жұмысшы барып, жалақы өсіруді талап етті. Хатқа 150-ден астам "
                 "жұмысшысы қол қойған.") == (20, 40, 90)
    assert count("Тұрғындар", "Полиция 10 белсендіні ұстаған. Сол себепті халық полиция басқармасының алдына жиналды.") == (
        None, None, None)
    assert event("Ауыл тұрғындары", "Аштықтан өлгенше індеттен өлейік деп жиналдық. Тұрғындар әкімдік алдына жиналып, "
                 "жер талап етті.").form == "other"
    # (traps: a hunger strike declared; the detained counted where they were taken)
    assert event("Тұрғындар", "Тұрғындар әкімдік алдында аштық жариялады.").form == "hunger_strike"
    from tests.media.first_event import detained
    assert detained("Тұрғындар", "Көкшетауда 40-қа жуық тұрғын әкімдік алдына жиналды. Полиция 30 адамды ұстап әкетті.") == 30


# (probe of the s32media batch: cases that tell apart the hand mutants scripts/mutate_by_hand_s32media.py left alive)
@pytest.mark.parametrize("title, body", [
    # (probe of the s32media batch: a camp told verb first, `CAMP_AT_SEAT_RE`'s second branch)
    ("Пятый день у акимата", "Матери разбили палаточный лагерь перед зданием акимата."),
    # (probe of the s32media batch: «под гусеницы» alone, `BEFORE_MACHINES`'s «гусениц»)
    ("Снос домов", "Власти сносят дома. Пенсионерка легла под гусеницы."),
    # (probe of the s32media batch: a meeting hoped for with no wages in the lead, `AIM_TO_OFFICIAL_RE`'s «надеясь на встречу с»)
    ("Рабочие у проходной", "Около 40 рабочих собрались у проходной, надеясь на встречу с директором."),
    # (probe of the s32media batch: a square told after the verb, the quick pass's «пришли ... на площадь»)
    ("Жанаозен", "Сотни жителей Жанаозена пришли на площадь."),
    # (probe of the s32media batch: workers named with a possessive alone, `KK_PLACE_OR_CROWD_RE`'s «[ыі]?»)
    ("Жүргізушілер", "Алматыда жалақы алмаған автобус жүргізушілері наразылық танытты."),
    # (probe of the s32media batch: a Kazakh demand keeps an organised action one, the organiser set-aside's KK_DEMAND_RE)
    ("Жалақы", "Акцияны кәсіподақ басқармасы ұйымдастырды. Жұмысшылар кәсіпорын алдына жиналып, жалақыны көтеруді "
     "талап етті."),
])
def test_s32media_probes_assemblies(title, body):
    assert _assembly(title, body)


@pytest.mark.parametrize("title, body", [
    # (probe of the s32media batch: the rescuers' tents, `SERVICES_RE` in the camp class)
    ("Палатки у акимата", "Спасатели установили палатки у здания акимата."),
    # (probe of the s32media batch: the police keep the watch, `POLICE_ON_DUTY_RE` in the watch's gathering)
    ("Сквер", "Полиция дежурит в сквере, охраняя его от вырубки."),
    # (probe of the s32media batch: a prayer on the square, `NOT_PROTEST_SQUARE_RE`'s «намаз»)
    ("Намаз", "Тысячи верующих пришли на центральную площадь, чтобы совершить намаз."),
    # (probe of the s32media batch: a courtroom objection with no «суд» in it, `COURTROOM_OBJECTION_RE`'s Russian branch)
    ("Процесс над активистами", "Судья удалил из зала журналистов. Участники заседания выразили протест, собравшиеся в "
     "зале слушатели возмущались."),
    # (probe of the s32media batch: a queue gathered past the lead, `VISIT_OR_QUEUE_RE`'s «собрал... очеред»)
    ("Воду дают по графику", "В поселке третью неделю перебои с водой. Воду привозят раз в день. Машина приезжает в "
     "полдень. У водовоза собралась длинная очередь, люди возмущаются."),
    # (probe of the s32media batch: the lead's queue «собралась очередь», `QUEUE_RE`'s «собрал\w*\s+очеред»)
    ("Вода по графику", "Утром у водовоза собралась очередь. Люди собрались у машины и возмущались."),
    # (probe of the s32media batch: the lead's queue «выстаивать очереди», `QUEUE_RE`'s «выстаива\w+»)
    ("Вода по графику", "Жителям приходится часами выстаивать очереди. Сегодня люди собрались у водовоза и возмущаются."),
    # (probe of the s32media batch: signatures collected with a demand, `KK_SIGNATURES_RE` in «kk gathering+demand»)
    ("Жол нашар", "Ауыл тұрғындары үйді-үйді аралап қол жинап шықты, олар әкімдіктен жолды жөндеуді талап етеді."),
    # (probe of the s32media batch: a utility cut off on a street, `UTILITY_CUT_RE` in the road block)
    ("Без тепла", "В разгар морозов коммунальщики перекрыли отопление жителям целой улицы. Люди требуют его вернуть."),
    # (probe of the s32media batch: those who gathered to meet the akim, `KK_MEETING_RE`'s new branch)
    ("Жол", "Ауыл тұрғындары жиналып, аудан әкімімен кездесіп, жолды жөндеуді талап етті."),
    # (probe of the s32media batch: a police campaign, `OFFICIAL_ORGANISER_RE`'s «по инициативе»)
    ("Акция против наркотиков", "По инициативе управления полиции прошла акция против наркотиков. Молодежь собралась на "
     "площади с плакатами."),
    # (probe of the s32media batch: the veterans named before the parade, `FESTIVE_EVENT_RE`'s first new branch)
    ("Шеру", "Ардагерлер мен тыл еңбеккерлері шеруге қатысты."),
])
def test_s32media_probes_no_assembly(title, body):
    assert not _assembly(title, body)


def test_s32media_probes_counts():
    # (probe of the s32media batch: an unmarked Kazakh object «20 адам ұстаған», KK_DETAIN_AFTER_RE's «ұстаған»)
    assert count("Тұрғындар", "Кеше полиция 20 адам ұстаған. Сол себепті халық аудандық полиция басқармасының алдына "
                 "жиналды.") == (None, None, None)
    # (probe of the s32media batch: signatories in the nominative, counts.py's KK_SIGNED_AFTER_RE)
    assert count("Жұмысшылар", "Жұмысшылар кеңсе алдына жиналып, жалақы өсіруді талап етті. Хатқа 150-ден астам жұмысшы "
                 "қол қойған.") == (None, None, None)
    # (probe of the s32media batch: a workforce drawn in, `WORKFORCE_AFTER_RE`'s «привлечен... к ... работ»)
    assert count("Рабочие", "Более 200 человек были привлечены к выполнению работ на объекте. Сегодня рабочие вышли к "
                 "акимату, требуя выплатить зарплату.") == (None, None, None)


def test_a_queue_told_after_the_lead_is_no_gathering():
    """(probe of the s31media batch, whose two queue mutants session 32's lead queue rule had made pass by another path:
    a queue told after the lead, with an adjective before «очередь», «выстроились» among the verbs of a queue)"""
    assert not _assembly("Выборы в маслихат", "В округе открылись 12 участков. Явка к полудню составила 30 процентов. "
                         "Наблюдатели нарушений не заметили. У школы № 5 люди выстроились в длинную очередь, чтобы "
                         "проголосовать, многие возмущались.")


def test_a_gathering_at_a_building_or_with_a_demand_under_a_queue_lead_stays_an_assembly():
    """(review of session 32: the lead-queue set-aside took every plain gathering of such an article)"""
    assert _assembly("Жители жалуются на очереди", "Жители микрорайона жалуются на огромные очереди за водой. Сегодня "
                     "жители собрались у здания акимата, возмущаясь перебоями.")
    assert _assembly("Жители жалуются на очереди", "Жители микрорайона жалуются на огромные очереди за водой. Вечером "
                     "жители собрались во дворе, требуя наладить подачу воды.")
    # (the queue itself, told without a building or a demand, stays a queue)
    assert not _assembly("Жители жалуются на очереди", "Подвоз воды организован во дворы, однако жители жалуются на "
                         "огромные очереди. Потом в одну точку собираются люди со всей округи, возмущаются жители.")

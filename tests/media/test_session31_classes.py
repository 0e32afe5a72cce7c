"""Classes of session 31 (issue 16), found in the misses of `fresh14` once it was opened to the rule writers (it had been
the blind part of session 30; from session 31 it is fitted) and written as classes with probe sentences of the
engineer's own (each case marked "new" fails on the rules before them, e725e334; the others are traps that keep the
classes from widening):

- triage, assemblies: a сход told by itself ("Они устроили сход", "Сход состоялся сегодня", "состоялся народный сход":
  `triage_in_person.HELD_ASSEMBLY_RE`); a group that turned to someone with a video appeal (`triage_cues.VIDEO_APPEAL_RE`);
  those who took part in a gathering at an office (`triage_in_person.PARTICIPANTS_AT_RE`); the wages owed, or the
  defenders of a lake or a park, told beside a gathering (`triage.py`, `triage_cues.DEFENDERS_RE`); an art action and one
  someone "выступил с" (`triage_sentence.NAMED_FORM_RE`, `OUT_WITH_FORM_RE`); a question quoted after what people did
  (`QUESTION_QUOTED_RE`); a charity-sounding action whose participants the police detained;
- triage, no assembly: people who go hungry for want (`triage_cues.POVERTY_HUNGER_RE`); the police on duty
  (`triage_sentence.POLICE_ON_DUTY_RE`); a queue (`VISIT_OR_QUEUE_RE`); a newsroom visit; discontent voiced on Kazakh
  social networks (`KK_ONLINE_RE`); a wave told as what went on in many towns and a story told to the reporter
  (`triage_modes.GENERIC_RE`, `NARRATED_RE`); a riot the lead tells (`RIOT_ACT_RE`); a strike at a foreign airport whose
  only city of Kazakhstan is a flight's end (`places.ROUTE_BEFORE_RE`, `ROUTE_AFTER_RE`);
- fields: a page's date line as the first line is no headline (`parse.DATELINE_ONLY_RE`); «сарыағаштық» is no «аштық»; a
  column is a march; a form named with another month is another one (`forms.OTHER_TIME_FORM_RE`); a village's name is no
  person (`crowd.singular_subject`); a place's population is no crowd; a detention or a village in a Chinese county is
  abroad; a city's adjective in the address (`url_place`).
"""
from __future__ import annotations

import pytest

from assets.media import extract, parse, triage
from assets.media.url_place import url_city
from tests.media.first_event import event


def _assembly(title: str, body: str) -> bool:
    return triage.classify(title, body, None).is_assembly


@pytest.mark.parametrize("title, body", [
    ("Водители устроили сход", "Водители автобусного парка устроили сход. «Нам не платят зарплату три месяца», — говорят "  # new
     "они. Сход состоялся сегодня у ворот парка."),
    ("В поселке Шамалган", "В поселке Шамалган состоялся народный сход. Жители требовали от властей провести газ."),  # new
    ("Медики записали обращение", "Группа медиков районной больницы обратилась к министру здравоохранения с "  # new
     "видеообращением, требуя выплатить надбавки."),
    ("Учителя у акимата", "Более двадцати учителей частной школы 5 марта на встрече с заместителем акима заявили о "  # new
     "задержке зарплаты. Участники собрания у здания акимата говорят, что директор скрывается."),
    ("Бывшие рабочие комбината", "— Нам должны по полгода, — говорит бывшая крановщица. Вчера бывшие работники "  # new
     "комбината собрались у проходной. Задолженность по зарплате перед ними так и не погашена."),
    ("Защитники сквера", "Защитники сквера на Сатпаева запустили акцию «Обними дерево». Сорок человек собрались у "  # new
     "деревьев и встали в цепочку."),
    ("Арт-акция у акимата", "В Таразе перед зданием акимата прошла арт-акция в защиту реки. Полицейские задержали ее "  # new
     "участников."),
    ("Художник задержан", "Художник выступил с акцией в защиту урочища. Полицейские задержали ее участников."),  # new
    # (traps: a hunger strike with a demand, a Kazakh gathering whose video went round, a rally at an airport against
    # cancelled flights abroad, a rally where nothing was smashed, many towns' rallies held today)
    ("Рабочие голодают", "Рабочие голодают уже пятый день, требуя выплатить зарплату."),
    ("Тұрғындар наразы", "Тұрғындар әкімдік алдына жиналып, наразылық білдірді. Видео әлеуметтік желілерде тарады."),
    ("Митинг в аэропорту", "Казахстанцы вышли на митинг у аэропорта Алматы против отмены рейсов во Франкфурт."),
    ("Митинг у акимата", "Митингующие требовали отставки акима, беспорядков не было."),
    ("Митинги против поправок", "Сегодня в разных городах страны прошли митинги против поправок в Земельный кодекс."),
])
def test_these_assemblies_are_found(title, body):
    assert _assembly(title, body)


@pytest.mark.parametrize("title, body", [
    ("Рыбаки голодают из-за запрета на лов", "Жители прибрежных сел голодают из-за запрета на лов рыбы. Сельчане "  # new
     "вынуждены перейти на голодный паек."),
    ("Стройку АЗС остановили", "Сейчас на участке дежурят правоохранительные органы. Жители писали жалобы и требовали "  # new
     "остановить стройку."),
    ("Тұрғындар наразы", "Ақтөбе тұрғындары әлеуметтік желілерде бейнелер бөлісіп, наразылық білдіріп жатыр."),  # new
    ("Земельные протесты", "Казахстан лихорадило с конца апреля: в разных городах страны на площади выходили рассерженные "  # new
     "люди, которые требовали отменить поправки в Земельный кодекс."),
    ("Забастовка в аэропорту Мюнхена", "Сотрудники аэропорта Мюнхена вышли на забастовку, из-за которой отменены рейсы "  # new
     "в Алматы."),
    ("Студент рассказал о протестах", "Студент рассказал нам, как проходили митинги в его городе и как он уехал домой."),  # new
    ("Беспорядки на площади", "Митингующие дошли до площади, где устроили беспорядки. Демонстранты громили автомобили "  # new
     "полиции."),
    ("Пастухи без зарплаты", "Пастухи области не получают зарплату. В редакцию газеты жена пастуха пришла от "  # new
     "безысходности: долги по зарплате растут, требования мужа не слышат."),
    # (traps: a landslide, one pensioner's video, a charity action, a meeting indoors, a defence lawyer)
    ("Сход лавины", "В горах произошел сход лавины. Туристы требуют эвакуации."),
    ("Пенсионерка обратилась к акиму", "Пенсионерка обратилась к акиму с видеообращением, требуя отремонтировать крышу."),
    ("Акция для животных", "В Алматы прошла благотворительная акция в защиту бездомных животных: волонтеры собрали корм."),
    ("Собрание в школе", "Сотрудники собрались в актовом зале на собрание. Директор рассказал о задержке зарплаты."),
    ("Защитник в суде", "Защитник подсудимого собрался подать апелляцию. Суд рассмотрит дело о задержке зарплаты."),
])
def test_these_are_no_assembly(title, body):
    assert not _assembly(title, body)


def test_a_strike_abroad_whose_only_city_is_a_flight_end():  # new
    body = ("Сотрудники аэропорта Франкфурта вышли на бессрочную забастовку. Об отмене рейсов сообщили в авиакомпании "
            "Air Astana. На 7 марта отменены все рейсы Астана — Франкфурт — Астана.")
    assert not _assembly("Казахстанцы не могут вернуться", body)


def test_a_date_line_is_no_headline():  # new
    title, body = parse.headline_and_lead("19 ноября 2009 | 07:06\nИпотечники пикетировали здание ДВД\nВ среду "
                                          "ипотечники пикетировали департамент внутренних дел Алматы.")
    assert title == "Ипотечники пикетировали здание ДВД"
    assert body.startswith("19 ноября 2009")
    # (a headline that opens on a date is still the headline)
    assert parse.headline_and_lead("12 мая в Алматы прошел митинг\nТекст")[0] == "12 мая в Алматы прошел митинг"


def test_the_weekday_of_the_event_under_a_date_line():  # new
    import datetime as dt
    title, body = parse.headline_and_lead("19 ноября 2009 | 07:06\nИпотечники пикетировали здание ДВД\nВ среду "
                                          "ипотечники пикетировали департамент внутренних дел Алматы, требуя помощи.")
    ev = event(title, body, published=dt.date(2009, 11, 19))
    assert ev.date == dt.date(2009, 11, 18)


def test_a_place_adjective_is_no_hunger_strike():  # new
    ev = event("Ұстаздар жалақы сұрады", "Сарыағаштық ұстаздар аудан әкімдігіне барып, жалақыларын сұрап, мәселені "
               "шешуді талап етті. Әкімдіктің алдына жиналғандар біраз тұрды.")
    assert ev.form != "hunger_strike"


def test_a_column_is_a_march():  # new
    ev = event("Задержания в Алматы", "Сторонники партии были задержаны сразу после выхода из хостела: они успели "
               "выстроиться в небольшую колонну и скандировали «Свобода!». В субботу партия планирует провести митинг.")
    assert ev.form == "march"


def test_a_form_of_another_month_is_not_this_one():  # new
    # (a page stored from its middle: the first line, read as the headline, is a worker's words about the last rally)
    ev = event("После январского митинга все наладилось, но теперь зарплату снова не платят.", "Сегодня рабочие депо "
               "пришли к акимату, требуя выплатить зарплату.")
    assert ev.form != "rally"


def test_a_village_name_is_no_person_and_a_population_no_crowd():  # new
    ev = event("Народный сход в Туграе", "В селе Турар в Карасайском районе состоялся народный сход. Жители требовали от "
               "властей решить проблему с водой.")
    assert ev.participants is None
    ev = event("Мусор у акимата", "Сельчане вывалили мешки с мусором у акимата и потребовали разобраться. Село "
               "Карабулак, где живет больше 60 тысяч человек, утопает в мусоре.")
    assert ev.participants is None


def test_a_resident_picketing_while_his_brother_is_held_in_china():  # new
    ev = event("Пикет у консульства", "7 февраля житель Алматы вышел на пикет к генеральному консульству Китая с "
               "требованием сообщить о брате. По его словам, 30-летний брат в марте 2018 года был задержан в поселке "
               "Карагаш в уезде Кульджа Или-Казахского автономного округа и около полутора лет удерживался в лагере.",
               published=None)
    assert ev.city == "almaty"
    assert not ev.detained


@pytest.mark.parametrize("url, city", [
    ("https://mgorod.kz/news/uralskim-depovcam-vnov-zaderzhivayut-zarplatu", "uralsk"),  # new
    ("https://www.inform.kz/ru/rabochie-fabriki-v-taldikorgane-bez-zarplati-461233", "taldykorgan"),  # new
    ("https://x.kz/zhiteli-uralskoy-oblasti-vyshli", None),
    ("https://x.kz/news/aktauskie-rabochie", None),
])
def test_a_city_adjective_and_an_i_for_y_in_the_address(url, city):
    assert url_city(url) == city


def test_a_city_from_the_address_reaches_the_event():  # new
    tri = triage.classify("Работники фабрики записали видеообращение", "Работники швейной фабрики записали "
                          "видеообращение: зарплата не выплачивается с августа.", None)
    evs = extract.extract("Работники фабрики записали видеообращение", "Работники швейной фабрики записали "
                          "видеообращение: зарплата не выплачивается с августа.",
                          url="https://www.inform.kz/ru/rabochie-fabriki-v-taldikorgane-bez-zarplati-461233",
                          triage_result=tri, force=True)
    assert evs and evs[0].city == "taldykorgan"


@pytest.mark.parametrize("title, body", [
    ("Деповцы у акимата", "Сегодня рабочие депо пришли к акимату, чтобы задать вопрос: когда будет зарплата?"),  # new
    ("Дворники негодуют", "В Актобе отставки своего директора сегодня потребовали дворники. Сразу несколько десятков "  # new
     "рабочих заявили, что их заставляют делать чужую работу."),
])
def test_these_assemblies_are_found_too(title, body):
    assert _assembly(title, body)


@pytest.mark.parametrize("title, body", [
    # (traps: a counted group that spoke in a letter or a survey; a question that is all the sentence says)
    ("Жители написали письмо", "Более 300 жителей микрорайона заявили в письме акиму, что их требования не выполняются."),
    ("Опрос", "Около 200 жителей заявили в ходе опроса, что недовольны работой акимата."),
    ("Почему не платят", "Почему рабочие депо не вышли к акимату, чтобы задать вопрос о зарплате?"),
])
def test_these_are_no_assembly_either(title, body):
    assert not _assembly(title, body)


# Kazakh in the Arabic script, as qamshy.kz's "tote" pages print it (written for this test: a rally gathered, activists
# detained before it, a square cordoned off)
ARABIC_KK = ("بۇگىن الماتىداعى ەسكەرتكىش ماڭىندا بەلسەندىلەر ميتينگ وتكىزۋگە جينالدى. "
             "الايدا پوليسيا بىرنەشە بەلسەندىنى ميتينگتەن بۇرىن ۇستاپ الىپ كەتتى. "
             "الاڭ قورشاۋعا الىنىپ، ونداعان بەلسەندى ايقايلاپ تۇردى.")


def test_kazakh_in_the_arabic_script_is_read_in_cyrillic():  # new
    from assets.media import kazarab
    cyr = kazarab.to_cyrillic(ARABIC_KK)
    for word in ("Бүгін", "Алматыдағы", "белсенділер", "митинг", "жиналды", "полиция", "ұстап", "Алаң", "қоршауға"):
        assert word in cyr, word
    assert "ә" not in "".join(w for w in cyr.split() if w.startswith("плакат"))
    # (a Russian text quoting an Arabic name is left as it is)
    assert kazarab.to_cyrillic("Митинг у посольства, на плакате «الله»") == "Митинг у посольства, на плакате «الله»"


def test_an_arabic_script_rally_is_found_with_its_city_and_form():  # new
    assert parse.detect_lang(ARABIC_KK) == "kk"
    from assets.media import kazlatin
    # (a headline too short to tell the script by itself is read with its text)
    assert kazlatin.convert("ميتينگ", ARABIC_KK)[0] == "Митинг"
    assert triage.classify("", ARABIC_KK, None).is_assembly
    assert triage.classify_batch([("", ARABIC_KK)])[0].is_assembly
    ev = event("", ARABIC_KK, published=None)
    assert (ev.city, ev.form) == ("almaty", "rally")


def test_the_page_stamp_in_a_headline_is_not_the_event_date():  # new
    import datetime as dt
    ev = event("В Астане бунтуют строители 09:08 24.04.2018", "В Астане работники стройки добиваются выплаты зарплаты. "
               "Более десятка рабочих 23 апреля на встрече в офисе партии заявили о задержке зарплаты.",
               published=dt.date(2018, 4, 24))
    assert ev.date == dt.date(2018, 4, 23)


def test_an_art_action_is_a_happening():  # new
    ev = event("Художник выступил с акцией", "В Астане перед Домом министерств прошла арт-акция в защиту урочища. "
               "Полицейские задержали ее участников.")
    assert ev.form == "happening"


def test_a_village_sentence_is_not_one_persons_and_a_strike_in_another_town_is_no_subject():  # new
    ev = event("Сотрудники устроили забастовку в Караганде", "Новости Казахстана 24 ноября 2022, 21:44\nСотрудники АО "
               "«Казахтелеком» вышли на забастовку в Караганде. Сообщается, что люди требуют повышения заработных плат. "
               "Сейчас идут переговоры с начальством. Напомним, что 23 ноября массовая забастовка рабочих завода ТОО "
               "«Казфосфат» прошла в Таразе.")
    assert ev.participants is None


# (probes of the s31media batch: each kills a mutant of scripts/mutate_by_hand_s31media.py that the cases above left
# alive; all pass on the unmutated code)
@pytest.mark.parametrize("title, body", [
    # (probe of the s31media batch: a сход told with «Они устроили», and one told by «состоялся» alone)
    ("Водители без зарплаты", "Водителям автопарка не платят зарплату три месяца. Они устроили сход у ворот парка."),
    ("В аэропорту Астаны", "Сход состоялся сегодня у здания терминала. Сотрудники наземных служб требуют повысить зарплату."),
    # (probe of the s31media batch: the wages owed told three words away)
    ("Бывшие рабочие фабрики", "Вчера бывшие работники фабрики собрались у проходной. У многих задолженность в сотни "
     "тысяч по зарплате."),
    # (probe of the s31media batch: an art action against something, no «в защиту»)
    ("Арт-акция у акимата", "В Таразе перед зданием акимата прошла арт-акция против вырубки деревьев. Полицейские "
     "задержали ее участников."),
    # (probe of the s31media batch: «акцией солидарности в защиту», a word between)
    ("Художник у министерства", "Художник выступил с акцией солидарности в защиту урочища."),
    # (probe of the s31media batch: the article calls something else ecological, the police detained the participants)
    ("Акция у министерства", "Художник выступил с акцией в защиту урочища. Полицейские задержали ее участников. Ранее "
     "экологическая общественность собирала подписи."),
    # (probe of the s31media batch: hunger strikers who demand)
    ("На Балхаше", "Рыбаки голодают из-за запрета на лов рыбы и требуют отменить его."),
    # (probe of the s31media batch: Kazakh discontent by a building, not online)
    ("Зауыт жұмысшылары", "Жұмысшылар зауыт ғимараты жанында наразылық білдіріп жатыр."),
])
def test_these_assemblies_are_found_by_the_probes(title, body):
    assert _assembly(title, body)


@pytest.mark.parametrize("title, body", [
    # (probe of the s31media batch: a сход an akim attends; a landslide)
    ("Сход в селе", "Сход жителей прошел с участием акима района. Жители требовали провести газ."),
    ("В горах", "Сход лавины прошел утром в горах. Туристы требуют эвакуации."),
    # (probe of the s31media batch: a counted group that wrote)
    ("Жители против вырубки", "Около 300 жителей написали акиму и заявили, что недовольны вырубкой."),
    # (probe of the s31media batch: a question that asks why people came)
    ("Рабочие у акимата", "Зачем рабочие пришли к акимату с вопросом, когда будет зарплата?"),
    # (probe of the s31media batch: the police named before «дежурят»)
    ("Стройка остановлена", "Сейчас на участке правоохранительные органы дежурят круглосуточно. Жители требовали "
     "остановить стройку."),
    # (probe of the s31media batch: a queue at an akimat)
    ("Очередь у акимата", "Сотни жителей выстроились в длинную очередь у акимата, чтобы получить компенсацию. Многие "
     "недовольны её размером."),
    # (probe of the s31media batch: a riot told in the lead's first body sentence)
    ("Ночь на площади", "Толпа дошла до площади, где люди устроили беспорядки. Часть протестующих задержали, остальные "
     "разошлись."),
    # (probe of the s31media batch: a strike at Munich's airport, Kazakhstan named as where the flights came from)
    ("Забастовка", "Сотрудники аэропорта Мюнхена вышли на забастовку, из-за которой отменены все рейсы из Казахстана."),
    # (probe of the s31media batch: «Сарыағаштық» holds «аштық» inside it)
    ("Сарыағаштық кәсіпкерлер", "Сарыағаштық кәсіпкерлердің жәрмеңкесі бүгін өтті."),
])
def test_these_are_no_assembly_by_the_probes(title, body):
    assert not _assembly(title, body)


def test_the_arabic_script_letters_by_the_probes():
    # (probes of the s31media batch: a front word with ە reads ا as ә; a loanword with ك keeps а; ي after a vowel is й;
    # the plain hamza ء marks a front word; a back word keeps ы; a text mostly Russian is left alone)
    from assets.media import kazarab
    cyr = kazarab.to_cyrillic("جوعارى دارەجەلى شەندىلەر ءتىل تۋرالى ايتتى. اباي پلاكاتتارى مەن قازاقستان تۋلارى بار. "
                              "دەموكراتيالىق پارتيا.")
    for word in ("Жоғары", "дәрежелі", "тіл", "Абай", "плакаттарі", "қазақстан", "туралы", "Демократиялық", "партия"):
        assert word in cyr, (word, cyr)
    mixed = "На плакате у посольства было написано по-арабски «لا إله إلا الله محمد رسول الله» и по-русски «Свободу узникам совести»."
    assert kazarab.to_cyrillic(mixed) == mixed


def test_a_headline_date_that_is_no_stamp_dates_the_event():
    # (probe of the s31media batch: only a stamp gives way to the body's date)
    import datetime as dt
    ev = event("Площадь Уральска, 12 мая", "Жители вышли на площадь, требуя отставки акима. 13 мая акимат ответил "
               "протестующим письмом.", published=dt.date(2023, 5, 13))
    assert ev.date == dt.date(2023, 5, 12)


def test_a_chinese_village_in_the_lead_is_no_place_of_the_event():
    # (probe of the s31media batch: the stored page's first line is the picket, the lead the brother held in China)
    ev = event("7 февраля житель Алматы вышел на пикет к генеральному консульству Китая с требованием сообщить о брате.",
               "По его словам, брат в марте 2018 года был задержан в поселке Карагаш в уезде Кульджа Или-Казахского "
               "автономного округа.", published=None)
    assert ev.city == "almaty"


def test_no_adjective_in_the_address_but_of_a_name_in_sk():
    # (probe of the s31media batch: «semeyoy» is no adjective of Semey)
    assert url_city("https://x.kz/semeyoy-zhiteli") is None


@pytest.mark.parametrize("title, body", [
    # (probe of the s23 batch's mutant that session 31 made pass by another path: the police on duty at a gas station is
    # no gathering now, so the article that says the protest almost happened needs drivers who did gather)
    ("Дефицит бензина едва не привел к протесту таксистов", "Накануне таксисты анонсировали массовый протест. Возле АЗС "
     "собрались водители, требуя бензина."),
    # (probe of the s26media batch's mutant that session 31's riot lead made pass: a riot told after a quiet lead)
    ("Беспорядки в Таразе", "Вечером в центре города было неспокойно. Протестующие разрушили памятник и подожгли здание "
     "акимата."),
])
def test_older_classes_by_probes_of_session_31(title, body):
    assert not _assembly(title, body)


def test_a_stoppage_beside_a_raise_asked_for_by_a_probe_of_session_31():
    # (probe of the s18 batch's mutant that session 31's wage cue made pass by another path: a raise asked for, no wages
    # owed and no protest word, is the cue of a work stoppage only)
    assert _assembly("Водители автобусного парка", "Сегодня водители автобусного парка не вышли на линию. Они обращались "
                     "к руководству по поводу повышения заработной платы.")

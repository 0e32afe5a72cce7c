"""What a number counts: people, police, or something else (an age, a sum of money, an article
of a law, days, children). A number that is not a head count is never one."""
from __future__ import annotations

import re

from assets.media import places
from assets.media.count_context import kk_place_after, numeral_of_a_name
from assets.media.count_nouns_kk import KK_AGENT_PEOPLE_RE, KK_APPROX_RE, KK_DEMONYM_PEOPLE_RE, KK_PEOPLE_RE
from assets.media.count_not_crowd import (ACTED_AFTER_RE, AFFECTED_AFTER_RE, DEBT_BEFORE_RE, DEMANDED_OBJECT_BEFORE_RE, KK_AFFECTED_AFTER_RE, KK_DEBT_AFTER_RE,
                                          KK_SIGNED_AFTER_RE, KK_THINGS_AFTER_RE, ONE_SPEAKER_AFTER_RE,
                                          ONLINE_AFTER_RE, ONLINE_BEFORE_RE, PERIOD_AFTER_RE, PLACE_TOTAL_BEFORE_RE,
                                          POPULATION_BEFORE_RE, REGISTER_BEFORE_RE, CAPACITY_BEFORE_RE, LEGAL_SUBJECT_BEFORE_RE,
                                          BAN_THRESHOLD_BEFORE_RE, each_of_group, kk_there_are, SICK_ACTED_RE, SICK_AFTER_RE, WHOLE_BEFORE_RE,
                                          WORKFORCE_AFTER_RE, WORKFORCE_BEFORE_RE, WORKFORCE_NOUN_AFTER_RE)
from assets.media.count_subjects import (ANIMAL_LEMMAS, DEMONYM_CHAN_RE, FAMILY_LEMMAS, RU_CASE_ENDING_RE, gathering_verb_before,
                                         participle_phrase_noun, person_genitive_before)
from assets.media.numbers import Quantity
from assets.media.text import morph, parses, yo

PEOPLE_LEMMAS = {
    "человек", "участник", "участница", "житель", "жительница", "рабочий", "пикетчик", "протестующий", "активист",
    "активистка", "женщина", "мужчина", "пенсионер", "пенсионерка", "студент", "митингующий", "демонстрант",
    "родитель", "мать", "мама", "дольщик", "вкладчик", "ипотечник", "заемщик", "шахтер", "горняк", "нефтяник",
    "фермер", "аграрий", "предприниматель", "торговец", "водитель", "гражданин", "люди", "учитель", "врач",
    "инвалид", "ветеран", "сторонник", "молодой", "член", "сотрудник", "работник", "мать-одиночка", "жилец",
    "собственник", "голодающий", "девушка", "юноша", "школьник", "волонтер", "зритель", "делегат", "акционер",
}
PRONOUN_COUNT_RE = re.compile(r"\b(?:их|нас)\s+(?:было\s+)?(?:около|примерно|порядка|более|больше|свыше|не\s+менее|не\s+более|не\s+больше|почти|до|"
                              r"меньше|менее|не\s+(?:набралось|было)\s+и)?\s*$", re.I)  # (round 19: "Их было меньше десяти")
# the number of participants told as a figure of its own ("собравшихся было около полусотни", "число
# участников акции достигло 300", "количество митингующих — около 500")
PARTICIPANT_FIGURE_RE = re.compile(
    r"(?:(?:число|количество|численность)\s+(?:\w+\s+)?(?:участник|митингующ|протестующ|собравш|пикетчик|пришедш|"
    r"демонстрант|бастующ)\w*"
    r"(?:\s+(?:акции|митинга|пикета|шествия|протеста))?(?:\s+(?:(?:в|на|у)\s+[\w-]+|всего|итого))?\s*(?:не\s+(?:достиг\w*|превы\w*|набрал\w*)\s+(?:и\s+)?|достигл\w*|составил\w*|составля\w*|превысил\w*|"
    r"(?:вырос|возрос|увеличил)\w*\s+до|оценива\w*\s+в|—|-|–|:)?|"
    r"(?:собравш|пришедш|участник|митингующ|протестующ|демонстрант)\w*(?:\s+(?:(?:в|на|у)\s+[\w-]+|всего|итого))?\s+(?:было|оказалось|"
    r"насчитывалось|[—–-]|:|(?=не\s+(?:достиг|набрал|превы)))|"
    # (round 16) "Бастующих около двухсот", "Митингующих более 300": the approximate word makes it a figure
    r"(?:^|[.,;:]\s*|\b(?:а|и|но)\s+)(?:собравш|пришедш|митингующ|протестующ|демонстрант|бастующ|голодающ|пикетчик)\w*"
    r"(?=\s+(?:около|примерно|порядка|более|больше|свыше|не\s+менее|почти|менее|меньше|не\s+(?:набрал\w*|было)\s+и)\s)|"
    r"(?:қатысушылар|жиналғандар|наразылар|шерушілер|митингке\s+шыққандар|олар)(?:дың)?\s+саны|"
    # (round 16) a total told with the verb: "всего голодают 150", "в общей сложности бастуют около 300"
    r"(?:всего|в\s+общей\s+сложности|итого)\s+(?:\w+\s+)?(?:голодают|бастуют|протестуют|митингуют|участвуют|"
    r"собрал\w*|вышл[иао]|пришл[иао]|участвовал\w*|голодал\w*|бастовал\w*))\s*"
    r"(?:около|примерно|порядка|более|больше|свыше|не\s+менее|не\s+меньше|не\s+более|не\s+больше|менее|меньше|"
    r"чуть\s+более|почти|до|от\s+силы|от|не\s+(?:достиг\w*|превы\w*|набрал\w*|было)\s+(?:и\s+)?)?\s*$", re.I)
# people at an assembly who are not its participants: the press, officials, observers ("25 журналистов")
PRESS_LEMMAS = {"журналист", "журналистка", "корреспондент", "репортер", "репортёр", "оператор", "фотограф",
                "фотокорреспондент", "чиновник", "депутат", "наблюдатель", "правозащитник-наблюдатель",
                # (round 17) officials who came out to the crowd: "3 заместителя акима", "5 представителей акимата"
                "заместитель", "замакима", "замаким", "представитель", "прокурор", "аким",
                "оратор", "спикер", "выступающий"}  # (session 19: "выступили 6 ораторов", a part, never the crowd's size)
POLICE_LEMMAS = {"полицейский", "полиция", "спецназовец", "правоохранитель", "силовик", "военнослужащий", "омоновец", "патруль"}
# what a number is when it is not a head count: an age, a duration, a height, money, an article of a law
NOT_COUNT_AFTER_RE = re.compile(
    r"^\s*-?\s*(?:летн|лет\b|года?\b|годам|жас|жыл|месяц|недел|дн[ея]|дней|сут|час|минут|секунд|метр|км\b|килом|"
    r"тенге|тг\b|\$|доллар|рубл|евро|мрп|%|процент|суток|этаж|раз\b|раза\b|балл|градус|тонн|литр|квадрат|гектар|"
    r"млн|млрд|миллион|миллиард|единиц|ребен|дет(?:ей|ьми|ям)|сын|доч|внук|мест\b|посадочн|"
    # (round 16) Kazakh units: money, months, days, hours, percent, houses, flats, vehicles, kilometres
    # (session 53) "бас": head of livestock ("7 бас ірі қара")
    r"теңге|бас\b|ай(?:дан|ға|да|ы|лық)?\b|бала(?:ны|лар\w*|ға|ның|сы|лы)?\b|күн|тәулік|сағат|пайыз|үй\b|үйд|пәтер|көлік|шақырым|текше|гектар|жыл|отбасы|қабат|"
    # (round 19) foreign currencies ("120 тенге (23 сома)": a som is also a catfish, an animate noun)
    r"обитател|сом(?:а|ов|ы|ам|ами)?\b|сум(?:а|ов|ы|ам)?\b|юан|манат|гривн|гривен|лари\b|фунт|йен\b|иен\b|рупи|эквивалент|"
    # (session 28) bodies, not people ("несколько рабочих коллективов", "трех компаний")
    r"(?:(?:рабочих|трудовых)\s+)?коллектив|компани|предприяти|организаци|бригад|участник\w*\s+(?:[\w-]+\s+)?(?:драк|потасовк|поножовщин|дтп|авари|преступлени))", re.I)  # (s50) a fight's, no crowd
NOT_COUNT_BEFORE_RE = re.compile(r"(?:\bстать[яиеюй]\w*|\bст\.|\bп\.|\bпункт\w*|\bчаст[ьи]|№|\bномер\w*|\bпо|"
                                 r"\bв\s+возрасте|(?<!\w)сағат|(?<!\w)в\s+час)\s*$", re.I)  # ("сағат 10 шамасында": a time)
# the people an assembly supports or speaks for, not those who gathered ("митинг в поддержку 300 рабочих",
# "в защиту 40 семей", "требовали освободить 12 активистов", "солидарность с 500 нефтяниками")
SUPPORTED_BEFORE_RE = re.compile(r"(?:в\s+поддержку|в\s+защиту|поддержать|поддерживая|солидарност\w*\s+с|"
                                 r"за\s+освобождение|освободить|освобождения|судьбой|имени)\s+(?:[\w«»\"-]+\s+){0,2}$", re.I)
# verbs whose active participle names the people who did it ("тысячи собравшихся", "200 пришедших",
# "30 бастующих")
GATHERED_LEMMAS = {"собраться", "прийти", "выйти", "протестовать", "митинговать", "бастовать", "голодать",
                   "участвовать", "пикетировать", "присутствовать", "съехаться", "сойтись"}
# the endings of a trade's noun that the dictionary may know only as a first name or a surname ("вахтовик": Name)
AGENT_SUFFIXES = ("овик", "евик", "ник", "щик", "чик")
POSSESSIVES = {"его", "ее", "её", "их", "своих", "своего", "своей", "наших", "ваших"}


def counted_noun(after: str) -> tuple[str, str] | None:
    """What a number counts: ('people'|'police', lemma) when the next noun is a person, else None."""
    if NOT_COUNT_AFTER_RE.match(after):
        return None  # "55-летняя", "15 суток", "250 тысяч тенге", "троих детей"
    if kk_place_after(after, KK_PEOPLE_RE):
        return None  # (round 19) a Kazakh locative after the figure: "бірнеше қаласында", "ондаған ауылда" (places)
    if (kk_m := KK_PEOPLE_RE.match(after) or KK_AGENT_PEOPLE_RE.match(after)):
        if re.search(r"полиц|полицей|құқық\s+қорғау|тәртіп\s+сақшы|әскери", after[:kk_m.start(1)], re.I):
            return "police", "полиция қызметкері"  # (round 17) "40-қа жуық полиция қызметкері": police staff
        return "people", kk_m.group(1)
    if (dm := KK_DEMONYM_PEOPLE_RE.match(after)) and places.find_demonyms(dm.group(1)):
        return "people", dm.group(1)
    kk = KK_APPROX_RE.match(after)
    if kk:
        after = after[kk.end():]  # "200-ге жуық металлург": the word after the Kazakh "about" (a Russian noun)
    words = re.findall(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]+(?:-[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]+)*", after)[:4]
    if not words:
        return None
    if (part_of := re.match(r"\s*из\s+\d[\d\s]*\s+(?=[А-Яа-яЁё])", after)) and (whole := counted_noun(after[part_of.end() - 1:])) \
            and whole[0] == "people":
        return whole  # (session 37) "около 60 из 1200 сотрудников вышли": sixty of them, people
    if re.match(r"\s*(?:из|\(|[,;.!?:—–])", after):
        return None  # (a number before a comma counts nothing after it: "человек 40-50, полицейских – 30")
    if words and words[0].lower() in POSSESSIVES:
        words = words[1:]  # "трех его участников", "двоих своих сторонников"
    for k, w in enumerate(words):
        if re.search("[әғқңөұүһі]", w.lower()):
            return None  # a Kazakh word that KK_PEOPLE_RE did not take
        if re.fullmatch(r"тысяч\w*|сотн\w*|сотен|десят(?:ок|к\w*)", w.lower()):  # (never "сотрудников")
            continue
        ps = parses(w.lower())
        lem = yo(ps[0].normal_form) if ps else w.lower()
        if lem in POLICE_LEMMAS:
            return "police", lem
        if lem == "сотрудник" and re.match(r"\s*(?:полиц|правоохран|овд|рувд|дп\b|увд|мвд|кнб|спецслужб|силов|нацгвард|органов|"
                                            r"в\s+(?:штатск|форм|маск|камуфляж))", " ".join(words[k + 1:k + 3]).lower()):
            return "police", "сотрудник полиции"  # (also "десятки сотрудников в штатском": plain-clothes police)
        if lem in ("сотрудник", "работник") and k + 1 < len(words) and re.match(
                r"акимат|прокуратур|госорган|министерств|ведомств", words[k + 1].lower()):
            return "press", "сотрудник акимата"  # (round 17) officials, not the crowd
        if lem in FAMILY_LEMMAS or lem in ANIMAL_LEMMAS or w.lower().startswith(("баран", "овец", "коров")):
            return None  # a family's children; animals ("сотни коров и овец")
        if lem in PRESS_LEMMAS:
            return "press", lem  # "25 журналистов": watched or reported, took no part
        if DEMONYM_CHAN_RE.fullmatch(w.lower()):
            return "people", w.lower()  # (session 53) "более 300 ижевчан", "200 недовольных астанчан": a town's people
        common = [p for p in ps[:3] if not ({"Name", "Surn", "Patr", "Geox", "Orgn"} & p.tag.grammemes)]
        if not morph().word_is_known(w.lower()) and re.search("[әғқңөұүһі]", after.lower()):
            return None  # (round 19) a Kazakh word without a Kazakh letter ("5 мектеп, 3 аурухана бар, тұрғындар")
        if not morph().word_is_known(w.lower()):
            # a word the dictionary lacks is read by its ending only: its first reading must be a person
            # ("ипотечников", "кандасов"), never a second guess (Kazakh "шамасында", "текше метр": no people)
            common = common[:1] if ps and common and common[0] is ps[0] else []
        if lem in PEOPLE_LEMMAS or any(p.tag.POS == "NOUN" and "anim" in p.tag for p in common[:2]):
            return "people", lem
        if not common and any(p.tag.POS == "NOUN" and "anim" in p.tag and "plur" in p.tag
                              and yo(p.normal_form).endswith(AGENT_SUFFIXES) for p in ps[:2]):
            return "people", lem  # (session 27) a trade the dictionary reads only as a name ("300 вахтовиков")
        # (any of its first readings: "около 60 протестующим" is a plural dative, first read as a singular)
        prtf = next((p for p in ps[:3] if p.tag.POS == "PRTF" and "plur" in p.tag
                     and yo(p.normal_form) in GATHERED_LEMMAS), None) if k == 0 else None
        if prtf is not None:
            nxt = parses(words[k + 1].lower()) if k + 1 < len(words) else []
            if not (nxt and nxt[0].tag.POS == "NOUN" and "anim" in nxt[0].tag):
                return "people", yo(prtf.normal_form)  # "тысячи собравшихся скандировали"
        if any(p.tag.POS in ("ADJF", "PRTF", "ADVB") for p in ps[:2]) and k < 2:
            continue  # "40 рабочих строительной", "30 валютных ипотечников"
        if k == 1 and (lem := participle_phrase_noun(after)) is not None and lem not in PRESS_LEMMAS | POLICE_LEMMAS:
            return "people", lem  # (session 37) "100 работающих на месторождении нефтяников"
        return None
    return None


COLLECTIVE = {"двое", "трое", "четверо", "пятеро", "шестеро", "семеро", "восьмеро", "девятеро", "десятеро",
              "двоих", "троих", "четверых", "пятерых", "шестерых", "семерых", "восьмерых", "девятерых", "десятерых",
              "обоих", "обеих", "оба", "обе"}  # ("обоих задержали"; session 38: "Оба были задержаны")


# some of the people told before ("задержали 12 из них", "пятеро из числа участников")
PART_OF_THEM_RE = re.compile(r"^\s*из\s+(?:них|их\s+числа|числа\s+(?:участник|собравш|митингующ|протестующ|пикетчик)|"
                             # (session 19) "одного из выступавших", "троих из пришедших": some of the crowd
                             r"(?:участник|собравш|пришедш|митингующ|протестующ|пикетчик|выступавш|демонстрант|"
                             r"голодающ|бастующ)\w*)", re.I)


# (session 19) what may follow an inverted "человек 30" (the spoken "about 30") that is a crowd's own: its verb
# ("Человек тридцать собрались у акимата") or what it held ("стояли человек 30 с плакатами")
HELD_AFTER_RE = re.compile(r"\s*(?:с|со)\s+(?:плакат|транспарант|лозунг|баннер|флаг|портрет|требовани|иконами|свечами|"
                           r"цветами)", re.I)


def _acted_after(after: str) -> bool:
    if HELD_AFTER_RE.match(after):
        return True
    m = re.match(r"\s*([а-яё]+)", after, re.I)
    return bool(m) and any(p.tag.POS == "VERB" and "past" in p.tag and "plur" in p.tag
                           for p in parses(m.group(1).lower())[:1])


def counted(q: Quantity, after: str, before: str = "") -> tuple[str, str] | None:
    after = RU_CASE_ENDING_RE.sub("", after)
    if before and NOT_COUNT_BEFORE_RE.search(before):
        return None  # "ст. 488", "п.1", "по несколько человек", "в возрасте 60"
    if before and numeral_of_a_name(q.text, before, after):
        return None  # (round 19) "в парке 28 гвардейцев-панфиловцев", "у памятника Двум солдатам": a name
    if before and (DEBT_BEFORE_RE.search(before) or (PLACE_TOTAL_BEFORE_RE.search(before) and not ACTED_AFTER_RE.search(after))):
        return None  # (session 19) "задолженность перед 450 работниками", "Всего в городе 30 тысяч пенсионеров"
    if (before and DEMANDED_OBJECT_BEFORE_RE.search(before)) or KK_DEBT_AFTER_RE.match(after) or KK_AFFECTED_AFTER_RE.match(after) \
            or KK_SIGNED_AFTER_RE.match(after) or KK_THINGS_AFTER_RE.match(after):
        # (session 27) "требуют уволить 5 сотрудников", "350 жұмысшысына ... қарыз"; (s29) "... сан соғып қалды"; (session 32)
        # "150-ден астам жұмысшысы қол қойған"
        return None
    if before and (POPULATION_BEFORE_RE.search(before) or CAPACITY_BEFORE_RE.search(before)):
        return None  # "город на 100 тысяч жителей": how many live there; (s50) "сквер, вмещающий тысячу человек": holds
    if PERIOD_AFTER_RE.match(after) or (SICK_AFTER_RE.match(after) and not SICK_ACTED_RE.search(after)) or AFFECTED_AFTER_RE.match(after):
        return None  # "3 тысячи человек за год": a total over a period; (s24) "троих зараженных": the sick, not a crowd
    if (before and ONLINE_BEFORE_RE.search(before)) or ONLINE_AFTER_RE.match(after):
        return None  # "петицию подписали 5 тысяч человек", "20 тысяч просмотров": signatures, viewers, not a crowd
    if before and REGISTER_BEFORE_RE.search(before):
        return None  # "в очереди на жилье стоят 1200 человек": a register, not a crowd
    if before and (LEGAL_SUBJECT_BEFORE_RE.search(before) or BAN_THRESHOLD_BEFORE_RE.search(before) or each_of_group(before, after)):
        return None  # (s53) "в отношении 13 человек возбуждены дела", "группами более 3 человек"; (s54) "каждый из 40"
    if (before and WORKFORCE_BEFORE_RE.search(before)) or WORKFORCE_AFTER_RE.match(after) or kk_there_are(before, after):
        return None  # "работает 150 человек": how many work there, not who came
    if before and WHOLE_BEFORE_RE.search(before) and WORKFORCE_NOUN_AFTER_RE.match(after):
        return None  # "Из 5 тыс. нефтяников ...": the whole, not those who acted
    if before and SUPPORTED_BEFORE_RE.search(before):
        return None  # "в поддержку 300 рабочих": whom the assembly supports
    if NOT_COUNT_AFTER_RE.match(after) or (q.best == 1 and ONE_SPEAKER_AFTER_RE.match(after)):
        return None  # "троих детей", "двое суток"; (s38) "Еще один житель отметил": who speaks, no head count
    kind = counted_noun(after)
    if kind is None and q.text.lower() in ("обоих", "обеих", "оба", "обе") and not re.match(r"\s*(?:[,.;!?]|$|(?:[а-яё]+\s+)?"
                                                                              r"(?:задерж|достав|увез|отвез|отпуст))", after):
        return None  # ("изоляторы обеих городов": both of something)
    if kind is None and q.text.lower() in COLLECTIVE:
        return "people", q.text.lower()  # "еще двое были задержаны": collective numerals count people
    if kind is None and before and PRONOUN_COUNT_RE.search(before) and re.match(r"\s*[.,;!?)]|\s*$", after):
        return "people", "их"  # "Их около сорока."
    inv = re.search(r"\bчеловек\s+$", before, re.I) if before else None
    if kind is None and inv and (re.match(r"\s*(?:[.,;!?)]|$)", after) or (
            _acted_after(after) and not re.search(r"(?:из|среди)\s+них\s*,?\s*$", before[:inv.start()], re.I)) or (
            re.match(r"\s*(?:у|возле|перед|около|на|в|во|к|близ|под)\s", after)
            and gathering_verb_before(before[:inv.start()]))):
        # ("собралось человек 50-60 у входа": after a verb of gathering, a place may follow, round 17)
        # "собралось человек 10-15.", "их было человек 15"; whose figure it is is said before "человек"
        # ("полицейских – человек 30" are police, "журналистов было человек 20" the press)
        pre = before[:inv.start()]
        if re.search(r"(?:полицейск|сотрудник\w*\s+полиц|силовик|омоновц|спецназовц|правоохранител)\w*"
                     r"(?:\s+было)?\s*[—–-]?\s*$", pre, re.I):
            return "police", "полицейский"
        if re.search(r"(?:журналист|корреспондент|наблюдател|чиновник)\w*(?:\s+было)?\s*[—–-]?\s*$", pre, re.I):
            return "press", "журналист"
        return "people", "человек"
    if kind is None and before and re.match(r"\s*(?:[.,;!?()]|[—–]\s|$)", after) and gathering_verb_before(before):
        # (round 17) "на площадь пришли около ста.", "собралось порядка двухсот."; (session 53) a parenthesis or a dash
        # after it: "на митинг пришло 29 тысяч (на прошлом было 25 тысяч)"
        return "people", "участник"
    if kind is None and before and (lem := person_genitive_before(before)) not in (None, *FAMILY_LEMMAS) \
            and re.match(r"\s*(?:[.,;!?)]|$|человек)", after):
        # (round 17) "Пикетчиков было не больше десяти", "Жителей — около 50"; police and the press are theirs
        return "police" if lem in POLICE_LEMMAS else "press" if lem in PRESS_LEMMAS else "people", lem
    if kind is None and before and PARTICIPANT_FIGURE_RE.search(before) \
            and re.match(r"\s*(?:[.,;!?()]|человек|$|-?\s*(?:ге|ға|ке|қа)\s+(?:жет|жуықта)|-?\s*(?:дан|ден|тан|тен|нан|нен)\s+(?:ас|астам))",
                         after):
        return "people", "участник"  # "Собравшихся было около полусотни", "число участников достигло 300"
    return kind


"""Figures of people who are no crowd, read from the words around the figure: a population, a workforce, the whole a
part is taken from, signatures and viewers online, a register, a total over a period. Moved out of counts.py (round
19), which imports them under the same names."""
from __future__ import annotations

import re

from assets.media.count_nouns_kk import KK_BOUND_AFTER


# a population, not a crowd: "город на 100 тысяч жителей", "с населением 130 тысяч человек", "проживают около 6
# тысяч человек", "халқы 50 мың"; (session 39) a family's size, "членом семьи из семи человек", "семья из 5 человек"
POPULATION_BEFORE_RE = re.compile(r"(?:\b(?:город|поселок|посёлок|село|аул|район|моногород|микрорайон)\w*\s+на\s+|"
                                  r"\bсем(?:ь[яиеюё]|ей|ьей|ьям\w*)\s+(?:[\w-]+\s+)?из\s+|"
                                  r"\bнаселени\w*\s+(?:в\s+)?|\b(?:проживает|проживают|проживало|проживали|живут|живет|живёт|жили|насчитыва(?!л)\w+)\s+"
                                  r"(?:(?:в|на)\s+[\w-]+\s+)?|\bхалқы\s+(?:саны\s+)?)"
                                  r"(?:(?:здесь|там|сейчас|всего|только|лишь|уже)\s+)*"  # (session 20) "здесь проживает всего 604"
                                  r"(?:около\s+|более\s+|свыше\s+|почти\s+|порядка\s+|примерно\s+)?$", re.I)

# (session 50) a place's capacity, not a crowd: "в сквере, вмещающем тысячу человек", "площадь вмещает до 5 тысяч",
# "зал вместимостью 300 человек", "сцена рассчитана на 200 зрителей", "сыйымдылығы 500 адам"
CAPACITY_BEFORE_RE = re.compile(r"(?:\bвмеща\w*|\bвмещающ\w*|\bвместим\w*|\bвместит\w*|\bрассчитан\w*\s+на|\bсыйымдылығы|"
                                r"\bсыя\s+алат\w*)\s+(?:(?:до|около|более|свыше|почти|порядка|примерно|не\s+более)\s+)?$", re.I)

# (session 19) a place's total with no act of the crowd after it ("Всего в городе 30 тысяч пенсионеров", "в области
# 2 тысячи многодетных семей"); "в городе 500 человек вышли на площадь" stays a crowd (ACTED_AFTER_RE)
PLACE_TOTAL_BEFORE_RE = re.compile(r"\bв\s+(?:городе|области|стране|республике|регионе|районе|селе|поселке|посёлке|"
                                   r"ауле|Казахстане)\s+(?:(?:сейчас|сегодня|всего|ныне|уже)\s+)?"
                                   r"(?:около\s+|более\s+|свыше\s+|почти\s+|порядка\s+|примерно\s+)?$", re.I)
ACTED_AFTER_RE = re.compile(r"\b(?:выш[лe]|собрал|пришл|приш[её]л|участв|протест|митинг|бастов|голода|пикет|перекры|"
                            r"съехал|сошл|стоял|требова)", re.I)
# (session 19) a debt's creditors, not a crowd ("задолженность по зарплате перед 450 работниками", "долг у 300 человек")
DEBT_BEFORE_RE = re.compile(r"(?:задолженност|долг|недоплат|невыплат)\w*\s+(?:[\w-]+\s+){0,4}?(?:перед|у)\s+"
                            r"(?:около\s+|более\s+|свыше\s+|почти\s+|порядка\s+)?$", re.I)

# (session 27) whom the crowd wants dismissed, punished or freed, not the crowd ("потребовали увольнения нескольких человек
# из руководства", "требуют уволить 5 сотрудников", "отставки трех чиновников"); Kazakh creditors, told after the figure
# in the possessive dative, "to its N workers" ("350 жұмысшысына 100 миллион теңге қарыз", "200-ден астам қызметкеріне
# жалақы бермеген")
DEMANDED_OBJECT_BEFORE_RE = re.compile(r"(?:увольнени|отставк|наказани|уволить|наказать|снять\s+с\s+должност|"
                                       r"привлечь\s+к\s+ответственност|привлечени\w*\s+к\s+ответственност)\w*\s+"
                                       r"(?:ещ[её]\s+)?(?:около\s+|более\s+|свыше\s+|почти\s+|порядка\s+)?$", re.I)
# (session 28) those in whose presence it was done, not the crowd ("в присутствии нескольких соратников, дюжины
# журналистов и двух видеооператоров")
WITNESS_BEFORE_RE = re.compile(r"\bв\s+присутствии\s+[^.;:!?()]{0,80}$", re.I)
# (session 28: the Kazakh "about / more than" bound after the figure is count_nouns_kk's, one pattern for both)
KK_DEBT_AFTER_RE = re.compile(KK_BOUND_AFTER +
                              # "to its N workers" (a possessive dative): whom something is owed, paid or given
                              r"(?:[^\W\d]+(?:ына|іне|сына|сіне|ларына|леріне|дарына|деріне|тарына|теріне)\b|"
                              # (session 28) or in the genitive before what they are owed: "жүз шақты жұмысшының алашағы
                              # 40 миллион теңге" (the workers' receivable), "300 жұмысшының жалақысы"
                              r"[^\W\d]+(?:ның|нің|дың|дің|тың|тің)\s+(?:[\w-]+\s+)?(?:алашағ|қарыз|жалақ|еңбекақ|берешег))", re.I)
# (session 29) Kazakh victims, told after the figure: "1,5 мыңға жуық үлескер сан соғып қалды" (were left with nothing),
# "алданып қалды" (were cheated), "зардап шекті" (suffered): all those affected, not those who came
KK_AFFECTED_AFTER_RE = re.compile(KK_BOUND_AFTER + r"(?:[^\W\d]+\s+){1,3}?(?:[\w-]+\s+){0,2}?(?:сан\s+соғ|алданып|алданған|зардап\s+шек|"
                                  r"баспанасыз\s+қал|жәбірлен|жұмыссыз\s+(?:[\w-]+\s+)?қал)", re.I)  # (s38: "100 адам жұмыссыз далада қалды")
# (session 40) and in Russian, what was done to them told after the figure ("более 350 студентов были отчислены", "200
# работников уволены", "у 12 человек диагностировали"): those affected, not those who came
AFFECTED_AFTER_RE = re.compile(r"^\s*(?:[\w-]+\s+){1,2}?(?:(?:был[иао]?|оказались|будут)\s+)?(?:отчислен|уволен|сокращ[её]н|"
                               r"выселен|эвакуирован|отстран[её]н|лишен[ыа]\b|лишён|остались\s+без|пострадал|погибл|"
                               r"диагностирова|выявил|выявлен|подтвердил)", re.I)
# (session 39) Kazakh: the figure counts a thing in the genitive ("жүзден астам балабақшаның қызметкерлері": the staff of
# over a hundred kindergartens), not the crowd; a people noun in the genitive is the subject of what follows ("200-ге
# жуық жұмысшының ереуілдеп жатқанына", "10-нан астам адамның ұсталғанына"), and stays. (People in the dative, to whom
# something is given, were tried and left: "Сот 9 белсендіге ... қамау жазасын берді" counts the detained.)
KK_THINGS_AFTER_RE = re.compile(KK_BOUND_AFTER + r"(?!(?:адам|жұмысшы|қызметкер|тұрғын|мұғалім|дәрігер|зейнеткер|"
                                r"белсенді|кенші|шахтер|мұнайшы|жүргізуші|ата-ана|ана|әйел|азамат|кісі|студент|оқушы|жігіт|"
                                r"үлескер|қатысушы|шаруа|кәсіпкер)\w*\b)[^\W\d]+(?:ның|нің|дың|дің|тың|тің)\b", re.I)
# (session 32) Kazakh signatories of a letter ("хатқа ... 150-ден астам жұмысшысы қол қойған"): not the crowd
KK_SIGNED_AFTER_RE = re.compile(KK_BOUND_AFTER + r"(?:[^\W\d]+\s+){0,2}?(?:[\w-]+\s+)?қол\s+қой", re.I)

# (session 38) one person who speaks ("Еще один житель микрорайона отметил, что ...", "одна жительница рассказала"): the
# article's witness, no head count of the gathering
ONE_SPEAKER_AFTER_RE = re.compile(r"^\s*(?:[\w-]+\s+){1,3}?(?:отметил|рассказал|сказал|говорит|пояснил|добавил|заявил|утверждает|"
                                  r"поделил|жалуется|пожаловал|считает|вспоминает|уточнил|признал|сообщил)\w*", re.I)


# a workforce, not a crowd: "Нас здесь официально работает 150 человек", "на рынке торгуют порядка 2 тыс.
# человек", "на предприятии трудятся 5 тысяч"
WORKFORCE_BEFORE_RE = re.compile(r"\b(?:работа(?:ет|ют|ло|ли)|труд(?:ится|ятся|илось|ились)|торгу(?:ет|ют)|"
                                 r"числ(?:ится|ятся)|в\s+штате|занят[оы]?|задействован[оы]?|трудоустро\w+|устроил\w*|принят[оы]?\s+на\s+работу|"
                                 # (session 20) a penalty's object: "взыскание ... на 30 человек"
                                 r"(?:взыскани|наказани|выговор|штраф)\w*\s+(?:[\w-]+\s+){0,6}?на)\s+(?:[\w-]+\s+){0,2}?"
                                 r"(?:около|более|свыше|почти|порядка|примерно|до)?\s*$", re.I)
WORKFORCE_AFTER_RE = re.compile(r"^\s*(?:(?:человек|люд\w*|жител\w*),?\s+(?:здесь|там)\s+(?:проживающ|живущ)\w*|"  # (s39: who live there)
                                r"(?:[\w-]+\s+){0,3}?(?:работа(?:ет|ют)|труд(?:ится|ятся)|торгу(?:ет|ют)|трудоустро|"
                                r"устроил\w*\s+на\s+работу|"
                                # (session 32) a workforce engaged in a project ("Группа из более чем 50 человек была
                                # задействована в проектах по строительству дороги")
                                r"(?:был[аио]?\s+)?задействован\w*|(?:был[аио]?\s+)?привлечен\w*\s+к\s+(?:[\w-]+\s+)?работ|"
                                r"числ(?:ится|ятся)))\b", re.I)
# (session 54) Kazakh "there are" ("қалада 200 мың абонент бар"): how many there are in a town, not a crowd (but "алаңда
# 300-дей адам бар", on a square or before a building, is the crowd there now)
KK_THERE_ARE_AFTER_RE = re.compile(r"^\s*(?:-?\s*[а-яёәғқңөұүһі]+\s+){0,3}?бар(?=\s*[.,;!?]|\s*$)", re.I)
KK_GATHERING_PLACE_BEFORE_RE = re.compile(r"(?:алаң|алд|маң|ғимарат|әкімдік|ауласын|көше)\w*\s+(?:[\w-]+\s+){0,2}?$", re.I)


def kk_there_are(before: str, after: str) -> bool:
    """A Kazakh count of what there is somewhere, not of a crowd gathered."""
    return bool(KK_THERE_ARE_AFTER_RE.match(after)) and not KK_GATHERING_PLACE_BEFORE_RE.search(before or "")
# the whole a part is taken from ("Из 5 тыс. нефтяников свои требования высказали более 140 человек"): a workforce
# or a population (never "из 200 участников задержаны 35", "из 100 человек": the crowd itself)
# (session 54: but a column, a group or a crowd made of them is the crowd, "колонна из 200 студентов", "группа из 30
# водителей")
WHOLE_BEFORE_RE = re.compile(r"(?<!колонна )(?<!колонну )(?<!колонны )(?<!группа )(?<!группу )(?<!группы )(?<!толпа )"
                             r"(?<!толпу )(?<!толпы )\bиз\s*$", re.I)
WORKFORCE_NOUN_AFTER_RE = re.compile(r"^\s*(?:тыс\w*\.?\s*|млн\.?\s*)?(?:\w+\s+)?(?:нефтяник|работник|рабоч|сотрудник|"
                                     r"жител|шахт[её]р|горняк|служащ|работающ|студент|учител|врач|медик|водител|"
                                     r"трудящ|членов|избирател)", re.I)


# people who signed, subscribed, watched or voted online, not who came ("петицию подписали 5 тысяч человек",
# "видео посмотрели 20 тысяч человек", "у канала 30 тысяч подписчиков", "под обращением 3 тысячи подписей")
ONLINE_BEFORE_RE = re.compile(r"(?:(?:по|про)?смотрел\w*|просматрива\w*|подписал\w*|подписывал\w*|посмотрел\w*|просмотрел\w*|проголосовал\w*|поддержал\w*\s+(?:в\s+сети|"
                              r"онлайн|в\s+интернете|в\s+соцсетях)|лайкнул\w*|репостнул\w*|подписан\w*)\s+"
                              r"(?:[\w-]+\s+){0,2}?(?:около|более|свыше|почти|порядка|примерно|уже)?\s*$", re.I)
ONLINE_AFTER_RE = re.compile(r"^\s*(?:тыс\w*\.?\s*|млн\.?\s*)?(?:[\w-]+\s+){0,3}?(?:подписал|подписей|подпис[иь]\b|подписчик|"
                             r"просмотр|лайк|репост|посмотрел|проголосовал|пользовател|читател|зрител\w*\s+(?:эфир|трансляц))", re.I)


# a register, not a crowd: "в очереди на жилье стоят 1200 человек", "в списке 300 человек", "на учете состоят 500"
# (session 53) people a case or a report is drawn up against ("В отношении ещё 13 человек возбуждены дела",
# "в отношении 12 участников составлены протоколы"): the sanctioned, never the crowd
LEGAL_SUBJECT_BEFORE_RE = re.compile(r"\bв\s+отношении\s+(?:(?:ещ[её]|других|остальных|всех)\s+)?$", re.I)
# (session 53) a ban's threshold or a group's size limit ("передвигаться группами более трех человек", "группами не
# более пяти человек"): how many may not gather, not how many did ("запрещено собираться более пяти" is a ban's sentence)
BAN_THRESHOLD_BEFORE_RE = re.compile(r"\bгрупп(?:ами|ой|ы)\s+(?:численностью\s+)?(?:более|свыше|больше|не\s+более|"
                                     r"не\s+больше|до)\s*$", re.I)
# (session 54: or a chat's or a group's members, "в группе в WhatsApp состоят 600 человек", "в чате уже 300 участников")
# (session 54) each of a group ("Каждый из 40 пайщиков вложил по 10 миллионов"): the group told of, not a crowd counted
# (but "каждый из 40 участников митинга" counts those who came)
EACH_OF_BEFORE_RE = re.compile(r"\bкажд(?:ый|ая|ое|ому|ого|ой)\s+из\s*$", re.I)
_CROWD_NOUN_AFTER_RE = re.compile(r"\s*(?:[\w-]+\s+)?(?:участник|митингующ|протестующ|пикетчик|собравш|демонстрант|голодающ)", re.I)


def each_of_group(before: str, after: str) -> bool:
    """The number names a group each of whom is told of, not the crowd."""
    return bool(EACH_OF_BEFORE_RE.search(before)) and not _CROWD_NOUN_AFTER_RE.match(after)
REGISTER_BEFORE_RE = re.compile(r"(?:\bв\s+(?:списк\w*|очеред(?!н)\w*|реестр\w*|баз[еу])\b[^.,;:!?]{0,40}?|"
                                r"\bв\s+(?:[\w-]+\s+)?(?:чат\w*|телеграм-?канал\w*|сообществ\w*|групп[еу]\s+в\s+(?:whatsapp|"
                                r"telegram|ватсап\w*|телеграм\w*|facebook|фейсбук\w*|вк|соцсет\w*))\b[^.,;:!?]{0,30}?|"
                                r"\bна\s+уч[её]те\s+)(?:(?:стоят|стоит|состоят|состоит|числятся|числится|значатся|"
                                r"находятся|было|—|–|-)\s+)?(?:около|более|свыше|почти|порядка|примерно|уже)?\s*$", re.I)


# (session 40: unless they act in the same sentence, "Двадцать пациентов ... держат голодовку", SICK_ACTED_RE)
SICK_ACTED_RE = re.compile(ACTED_AFTER_RE.pattern + r"|голодовк|голодал|объявил\w*\s+(?:[\w-]+\s+)?(?:голодовк|протест)", re.I)
# (session 24) the sick, the infected, the dead ("выявили троих зараженных коронавирусом", "двое госпитализированных")
# (session 25: with an adjective before the noun, "выявили троих новых зараженных")
SICK_AFTER_RE = re.compile(r"^\s*(?:человек\s+)?(?:[а-яё]+(?:ых|их|ые|ие)\s+)?(?:зараж[её]нн|инфицированн|заболевш|заразивш|госпитализированн|умерш|скончавш|"
                           r"больн(?:ых|ые)\b|пациент)", re.I)


# a total over a period ("3 тысячи человек за год", "200 человек ежемесячно"), not one crowd; (session 54) or an office's
# caseload, people received one by one ("акимат принял 50 жителей на личном приеме", "на прием пришли 30 человек" stays)
PERIOD_AFTER_RE = re.compile(r"^\s*(?:[\w-]+\s+){0,2}?(?:на\s+(?:личн\w+\s+)?при[её]ме\b|за\s+(?:прошл\w+\s+|этот\s+|минувш\w+\s+|последн\w+\s+|весь\s+|"
                             r"\d+\s+)?(?:год|полгода|месяц|квартал|недел|сутки|период|\d)|ежегодно|ежемесячно|еженедельно|"
                             r"в\s+(?:год|месяц|день)\b(?!\s+(?:[а-яё]+(?:ого|его|ей|ых|их)\s+)?(?:выбор|голосова|референдум|митинг|акци|"
                             r"протест|памят|независим|рождени|побед|визит|приезд|суд|заседани|\d))|"  # (s50: "в день выборов")
                             r"с\s+начала\s+года)", re.I)

# a part of a figure already given ("23 человека, в том числе 13 женщин", "из них 10", "среди них пятеро")
PART_OF_BEFORE_RE = re.compile(r"(?:в\s+том\s+числе|из\s+них|среди\s+них|включая|олардың\s+ішінде|оның\s+ішінде)\s*$", re.I)
# a sentence about the number of the detained ("отвечая на вопрос о количестве задержанных", "цифра задержанных")
DETAINEE_COUNT_RE = re.compile(r"(?:количеств|числ|цифр)\w*\s+(?:\w+\s+)?задержанн|^\W*задержанн\w+\s", re.I)

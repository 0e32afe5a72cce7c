"""Triage's question of place: is the event told abroad? A report from another country is not part of this monitoring.

`told_abroad(full, sents, event_texts)` (read by `assets.media.triage` once an article reports an assembly): a foreign
place where the event is told — the headline, the lead or an event sentence (`event_texts`) — or a foreign
institution, and no place of Kazakhstan (`assets.media.places`: the gazetteer's cities, not as residents or in a
slogan; Kazakhstan's institutions, `KZ_MARK_RE`). The word lists are the patterns below: foreign cities and
countries (`ABROAD_RE`), regions (`FOREIGN_REGION_RE` against `KZ_REGION_STEMS`), institutions, demonyms, capitals.
Moved out of triage.py (issue 14, item 5: a file of 1,139 lines holding the quick pass, the sentence judge, the
article's verdict and this); the behaviour is the same (`evaluate_real --split all` and `--split fresh` identical).
Round 20 (`wide`, reports of assemblies anywhere): an article that names nothing of Kazakhstan (`KZ_NAMED_RE`,
`KZ_MARK_RE`, `kz_region`) and carries a foreign country's mark anywhere (`foreign_mark`: `FOREIGN_MARK_RE`'s
institutions, parties, rubles, squares, foreign sites and datelines, or a foreign place on any line) is abroad; a route's
ends (`ROUTE_RE`) are no place; a region or town of Kazakhstan in the headline or the lead keeps the event at home.
"""
from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from urllib.parse import unquote, urlsplit

from assets.media import places, triage_article_cues, world_places
from assets.media.text import Sentence
from assets.media.triage_civic_cues import KZ_EMBASSY_RE

# (session 31) a foreign country's divisions: China's counties and autonomous regions ("в поселке Карагаш в уезде Кульджа
# Или-Казахского автономного округа"): a place there is abroad (read by detention_scope.abroad and event_city._own_place)
FOREIGN_DIVISION_RE = re.compile(r"\bуезд\w*|автономн\w+\s+(?:округ|район|област)\w*|Синьцзян\w*|\bСУАР\b|\bКНР\b", re.I)
# events abroad: a report from another country is not part of this monitoring
ABROAD_RE = re.compile(r"\b(?:Париж\w*|Франци\w+|Москв\w+|Росси\w+|Киев\w*|Украин\w+|Бишкек\w*|Кыргызстан\w*|"
                       r"Киргизи\w+|Ташкент\w*|Узбекистан\w*|Минск\w*|Беларус\w+|Белорусси\w+|Лондон\w*|Берлин\w*|"
                       r"Германи\w+|Франкфурт\w*|Мюнхен\w*|Гамбург\w*|Амстердам\w*|Брюссел\w*|Дубае?|Дубай\w*|США|Вашингтон\w*|Европ\w+|Грузи\w+|Тбилиси|Армени\w+|Ереван\w*|Китае|Пекин\w*|"
                       r"Гонконг\w*|Турци\w+|Стамбул\w*|Одесс\w*|Краснодар\w*|Екатеринбург\w*|Петербург\w*|Новосибирск\w*|"
                       r"Бішкек\w*|Мәскеу\w*|Ресей\w*|Қырғыз\w*|Өзбекстан\w*|Қытай\w*|Түркия\w*|Ukrain\w*|Resei\w*|"
                       r"Mäskeu\w*|Kiev\w*|Bishkek\w*|"
                       # neighbours and the world: countries, capitals, cities a Kazakh outlet reports from
                       r"Баку|Азербайджан\w*|Душанбе|Таджикистан\w*|Ош|Оше|Оша|Джалал-Абад\w*|Каракол\w*|Нарын\w*|"
                       r"Самарканд\w*|Андижан\w*|Туркменистан\w*|Туркмени\w+|Ашхабад\w*|Монголи\w+|Улан-Батор\w*|"
                       r"Польш\w+|Варшав\w+|Литв\w+|Вильнюс\w*|Латви\w+|Риг[аеи]|Эстони\w+|Таллин\w*|Молдов\w+|"
                       r"Молдави\w+|Кишин[её]в\w*|Израил\w+|Тель-Авив\w*|Иран\w*|Тегеран\w*|Нью-Йорк\w*|Сербии|Белград\w*|"
                       r"Итали\w+|Испани\w+|Мадрид\w*|Великобритани\w+|Британи\w+|Япони\w+|Токио|Южн\w+\s+Коре\w+|Сеул\w*|"
                       r"Индии|Пакистан\w*|Афганистан\w*|Кабул\w*|Венгри\w+|Будапешт\w*|Чехи\w+|Праг[аеиу]|Австри\w+|"
                       r"Канад\w+|Торонто|Австрали\w+|Омск\w*|Томск\w*|Барнаул\w*|Оренбург\w*|Самар[аеуы]|Саратов\w*|"
                       r"Казан[иь]|Челябинск\w*|Астрахан\w*|Волгоград\w*|Хабаровск\w*|Владивосток\w*|Красноярск\w*|"
                       r"Иркутск\w*|Ростов\w*-на-Дону|Ростов[аеу]?|Ростовом|Воронеж\w*|Перм[иь]|Тюмен\w*|Дагестан\w*|Махачкал\w+|Калининград\w*|"
                       r"Крым\w*|Севастопол\w*|Донецк\w*|Луганск\w*|Харьков\w*|Львов\w*|Уфе|Уфа|Уфы|"
                       r"Әзірбайжан\w*|Тәжікстан\w*|Түрікменстан\w*|Моңғолия\w*|Грузия\w*|Украина\w*|Франция\w*|Америка\w*|"
                       # more of Russia's, Ukraine's, Belarus's, Kyrgyzstan's and Uzbekistan's cities
                       r"Рязан\w*|Ставропол\w*|Кемеров\w*|Нижн\w+\s+Новгород\w*|Сочи|Мурманск\w*|Ульяновск\w*|Пенз[аеуы]|"
                       r"Тул[аеуы]|Ярославл\w*|Твер[иь]|Смоленск\w*|Брянск\w*|Курск\w*|Белгород\w*|Липецк\w*|Тамбов\w*|"
                       r"Архангельск\w*|Петрозаводск\w*|Сыктывкар\w*|Ижевск\w*|Чебоксар\w*|Саранск\w*|Курган\w*|Магадан\w*|"
                       r"Якутск\w*|Улан-Удэ|Абакан\w*|Новокузнецк\w*|Сургут\w*|Тольятти|Набережн\w+\s+Челн\w*|Псков\w*|"
                       r"Калуг\w*|Грозн\w+|Нальчик\w*|Владикавказ\w*|Элист\w*|Майкоп\w*|Симферопол\w*|Магнитогорск\w*|Бийск\w*|"
                       r"Рубцовск\w*|Горно-Алтайск\w*|Кемерово|Подмосковь\w*|Днепр\w*|Запорож\w*|Херсон\w*|Полтав\w*|"
                       r"Черкасс?\w*|Житомир\w*|Винниц\w*|Луцк\w*|Ужгород\w*|Ивано-Франковск\w*|Тернопол\w*|Чернигов\w*|"
                       r"Мариупол\w*|Гомел\w*|Могил[её]в\w*|Витебск\w*|Гродн\w+|Бресте?|Токмок\w*|Иссык-Кул\w*|Баткен\w*|"
                       r"Узген\w*|Чолпон-Ат\w*|Кара-Балт\w*|Ат-Баш\w*|Наманган\w*|Ферган\w*|Бухар\w*|Нукус\w*|Каракалпак\w*|"
                       # (session 24) Uzbekistan's in Kazakh spelling
                       r"Нүкіс\w*|Қарақалпақ\w*|Самарқан\w*|Әндіжан\w*|Наманған\w*|Ферғана\w*|Бұхара\w*|"
                       r"Батуми|Кутаиси|Гюмри|Гяндж\w*|Талас[еа]?|Камчат\w*|(?<=[вВ]\s)Кирове|(?<=[вВ]\s)Кирово-Чепецке|"
                       # round 20: Russia's North Caucasus and Leningrad region, Kyiv's and Odesa's streets
                       r"Ингушети\w*|Магас\w*|Чечн\w*|Чеченск\w+\s+Республик\w*|Ленобласт\w*|Всеволожск\w*|Кудрово|Туапсе|"
                       r"Жигулевск\w*|Тольятти\w*|Крещатик\w*|Дерибасовск\w*|"
                       # (session 23) Russia's republics and far regions ("на месторождении в Якутии")
                       r"Якути\w*|Татарстан\w*|Башкири\w*|Башкортостан\w*|Бурят\w*|Чуваши\w*|Мордови\w*|Удмурти\w*|"
                       r"Карели\w*|Хакаси\w*|Адыге\w*|Калмыки\w*|Кабардино-Балкари\w*|Карачаево-Черкеси\w*|Ямал\w*|"
                       r"Чукотк\w*|Сахалин\w*|Приморь\w*|Кузбасс\w*|Забайкаль\w*|Ханты-Мансийск\w*)\b")
# a region of another country: a Russian "край", a "... область" whose name is not one of Kazakhstan's
FOREIGN_REGION_RE = re.compile(r"\b[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*(?:ского|цкого|ский|цкий|ском|цком|ской|цкой)\s+кра[яеюй]\b|"
                               r"\b([А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*(?:ской|цкой|ская|цкая))\s+(?:област[иью]|обл\.)")
KZ_REGION_STEMS = ("алмати", "акмол", "актюб", "атырау", "восточно-казахстан", "жамбыл", "западно-казахстан",
                   "карагандин", "костанай", "кустанай", "кызылорд", "мангистау", "мангышлак", "павлодар",
                   "северо-казахстан", "туркестан", "южно-казахстан", "абайск", "жетысу", "улытау", "семипалатин",
                   "талдыкорган", "джамбул", "чимкент", "гурьев", "уральск", "целиноград", "кокчетав", "тургай",
                   "жезказган", "алма-ат", "кзыл", "степногор", "казахстан")


def foreign_region(text: str) -> bool:
    """Names a region that is not Kazakhstan's ("Саратовской области", "Краснодарского края")."""
    for m in FOREIGN_REGION_RE.finditer(text):
        if m.group(1) is None or not m.group(1).lower().startswith(KZ_REGION_STEMS):
            return True
    return False

# Kazakhstan without a city of the gazetteer: its institutions, its capital by another name
# ("у Акорды", "в елорде", "у акимата", "аким села"); not the country's name, which foreign reports use too
KZ_MARK_RE = re.compile(r"Акорд\w*|Ақорда\w*|[Ее]лорд\w*|"
                        r"акимат\w*|\bаким(?:а|у|ом|е|ы|ов)?\b|әкімдіг\w*|әкімдік\w*|әкімі\b|тенге|теңге")
# a foreign capital's institutions: "мэра столицы", "столичного главка МВД" (Kazakhstan has akims)
FOREIGN_CUE_RE = re.compile(r"\bмэр(?:а|ом|у|ия|ии|ию)?\b|\bмэри[ия]\b|главк\w*|\bГУ(?:\s+МВД)?\b|ОВД-Инфо|губернатор\w*|"
                            r"Росгвард\w*|\bОМОН\w*|\bрубл", re.I)
# a foreign country's institutions and places that are no city names: Kyrgyzstan's "акимиат", "Жогорку Кенеш",
# "ГКНБ", "Ала-Тоо"; Uzbekistan's "хокимият", "махалля"; Russia's "Подмосковье", "ОМВД", "КоАП РФ", "Госдума";
# Belarus's "Лукашенко", Ukraine's "Верховная Рада" (Kazakhstan has "акимат", "Мажилис", "КНБ")
FOREIGN_INSTITUTION_RE = re.compile(r"акимиат\w*|Жогорку\s+Кенеш\w*|\bГКНБ\b|Ала-Тоо|айыл\s+окмот\w*|хокимият\w*|\bхоким\w*|"
                                    r"махалл[яиеюь]\w*|Подмосковь\w*|подмосковн\w*|\bОМВД\b|\bУМВД\b|\bГУВД\b|"
                                    r"городско\w+\s+округ\w*|КоАП\s+РФ|Госдум\w*|Мосгордум\w*|Верховн\w+\s+Рад\w*|"
                                    r"Лукашенк\w*|\bгорсовет\w*|\bоблсовет\w*|"
                                    # (session 20) a Russian region's government and governor ("у здания правительства
                                    # области", "губернатор"): Kazakhstan's regions have akimats and akims
                                    r"правительств\w+\s+(?:[\w-]+\s+)?област\w*|областн\w+\s+правительств\w*|губернатор\w*|"
                                    r"государственн\w+\s+(?:областн\w+\s+|районн\w+\s+)?администраци\w*|"
                                    r"райгосадминистраци\w*|облгосадминистраци\w*|"
                                    # Kazakhstan's own embassy or consulate: abroad by definition
                                    r"(?:посольств|консульств|генконсульств)\w*\s+(?:Республики\s+)?Казахстан\w*|"
                                    r"Қазақстан\w*\s+(?:елшіліг|консулдығ)\w*")
# the event put in a foreign place by "в" ("В Москве прошел митинг", "в Бишкеке", "в Кыргызстане"), and a capital named
# as foreign ("белорусской столицы", "в российской столице")
FOREIGN_AT_RE = re.compile(r"(?<![\w-])(?:[Вв]о?|[Уу])\s+(?=[А-ЯЁ])(?:" + ABROAD_RE.pattern.removeprefix(r"\b(?:").removesuffix(r")\b") + r")\b")
FOREIGN_CAPITAL_RE = re.compile(r"(?:российск|белорусск|киргизск|кыргызск|узбекск|украинск|таджикск|грузинск|армянск|азербайджанск|"
                                r"турецк|китайск|немецк|французск|британск|американск)\w*\s+столиц", re.I)
# people of a foreign city ("москвичи", "одураченные омичи", "ростовчане"): the event is theirs
FOREIGN_DEMONYM_RE = re.compile(r"(?<![\w-])(?:москвич|омич|томич|петербуржц|новосибирц|екатеринбуржц|ростовчан|челябинц|самарц|"
                                r"уфимц|красноярц|пермяк|воронежц|саратовц|волгоградц|киевлян|харьковчан|одессит|минчан|"
                                r"бишкекчан|ташкентц|оренбуржц|астраханц|барнаульц|"
                                # and their cities' adjectives ("омские недострои", "ростовские дольщики")
                                r"(?:омск|томск|новосибирск|екатеринбургск|ростовск|челябинск|самарск|саратовск|волгоградск|"
                                r"красноярск|воронежск|оренбургск|астраханск|барнаульск)(?:ий|ая|ое|ие|их|ого|ой|ом|им|ими|ую|ому))\w*|"
                                # (session 18) more of Russia's, Belarus's and Ukraine's, in lower case only: their genitive
                                # plural is a surname in capitals ("тысячи ярославцев", not "Ярославцев", "Казанцев")
                                r"(?-i:(?<![\w-])(?:ярославц|нижегородц|калининградц|иркутян|тюменц|белгородц|тверич|владивостокц|"
                                r"хабаровчан|кемеровчан|ижевчан|ульяновц|пензенц|липчан|брянц|костромич|пскович|мурманчан|"
                                r"сочинц|краснодарц|ставропольц|калужан|вологжан|чебоксарц|якутян|гомельчан|брестчан|витебчан|"
                                r"гродненц|львовян|днепрян|казанц|рязанц|смолян|курян|туляк|ивановц|архангелогородц|"
                                r"симферопольц|севастопольц|новгородц|петрозаводчан|сыктывкарц|ухтинц|магнитогорц|курганц)\w*)", re.I)
# a slogan's words: a city named on a placard or in a chant ("повесили плакат «Палачи Жанаозена»")
SLOGAN_BEFORE_RE = re.compile(r"(?:плакат|лозунг|транспарант|надпис|баннер|скандир|кричал|выкрикив)\w*[^.«\"]{0,30}[«\"„“][^»\"”]*$", re.I)
# (session 24) an agency's dateline: a city in capitals, a day and a month, a dash ("АЛМАТЫ, 5 января — Sputnik."): where
# the agency files from, not where the event was
# the dateline itself, wherever it stands (city_datelines.AGENCY_DATELINE_RE finds it inside a sentence)
DATELINE_CORE = (r"[А-ЯЁӘҒҚҢӨҰҮҺІ][А-ЯЁӘҒҚҢӨҰҮҺІ-]{2,}(?:\s+[А-ЯЁӘҒҚҢӨҰҮҺІ-]{3,})?,\s+\d{1,2}\s+[а-яёәғқңөұүһі]+"
                 r"(?:\s+\d{4})?\s*[–—-]")
DATELINE_RE = re.compile(r"(?m)^\s*" + DATELINE_CORE)
# "аким" alone: Kyrgyzstan has akims too, so it does not place an event in Kazakhstan against a foreign
# place named in the headline or the lead
KZ_AKIM_RE = re.compile(r"\bаким(?:а|у|ом|е|ы|ов)?\b")


# a foreign country named as the owner of an embassy or as its diplomats' ("возле посольства США", "к дипломатам из
# США"): the embassy is in Kazakhstan unless a foreign place is named otherwise
EMBASSY_OWNER_RE = re.compile(r"(?:[Пп]осольств|[Кк]онсульств|[Гг]енконсульств|[Дд]ипломат|[Пп]редставительств)\w*\s+(?:из\s+)?"
                              r"(?:[А-ЯЁ][\w-]*\s+)?[А-ЯЁ][\w-]*")


# a route named by its two ends ("трассу Самара-Шымкент", "поезд Москва — Алматы"): neither end is where people gathered
ROUTE_RE = re.compile(r"(?i:трасс|автотрасс|автодорог|дорог|шоссе|магистрал|поезд|рейс)\w*\s+[«\"]?[А-ЯЁ]\w+\s*[-–—]\s*[А-ЯЁ]\w+|"
                      r"[А-ЯЁӘҒҚҢӨҰҮҺІ]\w+\s*[-–—]\s*[А-ЯЁӘҒҚҢӨҰҮҺІ]\w+\s+(?:тас)?жол\w*")


# round 23: a foreign city's adjective ("студенты киевских вузов", "активист пензенской партии", "Московский
# горсуд"), not a time zone ("по московскому времени")
FOREIGN_CITY_ADJ_RE = re.compile(
    r"(?<![\w-])(?i:москов|петербург|ленинград|киев|минск|бишкек|ташкент|пензен|новосибир|екатеринбург|самар|саратов|казан|"
    r"челябин|уфим|перм|тюмен|ростов|воронеж|краснодар|краснояр|иркут|хабаров|владивосток|одес|харьков|львов|тбилис|"
    r"ереван|бакин|душанбин|ом|том|кур|брян|смолен|туль|рязан|твер|ярослав|нижегород|калининград|оренбург|барнауль|сочин)"
    r"ск(?:ий|ая|ое|ие|ого|ой|ому|ом|их|им|ими|ую)\b(?!\s+(?:времени|время))")
# a city named as a time zone is no place ("Нұр-Сұлтан уақытымен", "по времени Астаны", "по астанинскому времени")
TIME_ZONE_RE = re.compile(r"[\w-]+\s+уақыт(?:ымен|ы\s+бойынша)|\bпо\s+(?:времени\s+[А-ЯЁ][\w-]+|[\w-]+\s+времени)")


# (session 46) a place named in a comparison, up to the clause's end ("вышли на митинг, как и их коллеги в Москве",
# "по примеру Бишкека", "подобно Киеву", "вслед за Минском"): not where the event is told
COMPARISON_RE = re.compile(r"\b(?:как\s+и|как\s+это\s+было|подобно|по\s+примеру|вслед\s+за)\b[^,.;:!?]{0,60}", re.I)


def foreign_places(t: str) -> Iterator[re.Match]:
    """The foreign places named as where something happens: not an embassy's country, not a route's end, none in a
    question ("Америка нам поможет?"); a foreign city's adjective too (`FOREIGN_CITY_ADJ_RE`)."""
    if t.rstrip().endswith("?"):
        return iter(())
    cleaned = COMPARISON_RE.sub(" ", ROUTE_RE.sub(" ", EMBASSY_OWNER_RE.sub(" ", t)))
    return itertools.chain(ABROAD_RE.finditer(cleaned), FOREIGN_CITY_ADJ_RE.finditer(cleaned),
                           world_places.countries(cleaned),  # (session 20) "в Абхазии", "в Бельгии": any country
                           world_places.kk_countries(cleaned))  # (session 22) Kazakh "Боливияда", "Жапонияда"


def foreign_place(t: str) -> bool:
    """A foreign place named as where something happens (`foreign_places`)."""
    return next(foreign_places(t), None) is not None


# round 20: the marks of a report from Russia, Ukraine or Belarus that name no city of theirs in the lead — the
# country's institutions and bodies ("ОВД-Инфо", "Росгвардия", "ГУ МВД России", "ОМОН", "Государственной Думы",
# "Заксобрание"), its parties and politicians ("КПРФ", "НБП", "Навальный", "Путин"), its money ("рублей"), Moscow's squares
# ("проспект Сахарова", "Болотная", "Манежная"), a foreign site named as the source ("Lb.ua", "НТВ.Ru") and the
# agency's dateline in capitals ("МОСКВА, 12 июня — РИА Новости", "МИНСК, 9 августа")
FOREIGN_MARK_RE = re.compile(r"ОВД-Инфо|Росгвард\w*|\bГУ\s+МВД\b|МВД\s+(?:России|РФ|Белоруссии|Беларуси|Украины|Кыргызстана|Киргизии|"
                             r"Грузии|Армении|Азербайджана|Таджикистана|Узбекистана)|\bРФ\b|\bФСБ\b|Кремл\w*|Мосгорсуд\w*|"
                             r"Роскомнадзор\w*|Следственн\w+\s+комитет\w*|"
                             r"\bОМОН\w*|\bКПРФ\b|\bЛДПР\b|\bНБП\b|Единая\s+Россия|Единой\s+России|Навальн\w*|\bПутин\w*|"
                             r"Государственн\w+\s+Дум\w*|Заксобрани\w*|Законодательн\w+\s+собрани\w*|губернск\w+\s+Дум\w*|\bгордум\w*|"
                             r"городск\w+\s+Дум\w*|\bрубл(?:ь\w*|я|ей|ям|ями|ях|ем)\b|"
                             # the neighbours' money after a figure: Kyrgyz som, Armenian dram, Georgian lari, hryvnia, manat
                             r"\d[\d\s,.]*(?:(?:тыс\w*|млн|млрд|миллион\w*|миллиард\w*|мың|миллион)\.?\s+)?"
                             r"(?:сом(?:ов|а|ға|нан)?|драм\w*|лари|гривен|гривн\w*|манат\w*)\b|"
                             r"проспект\w*\s+(?:Академика\s+)?Сахарова|Болотн\w+\s+площад\w*|Манежн\w+\s+площад\w*|Пушкинск\w+\s+площад\w*|"
                             r"Триумфальн\w+\s+площад\w*|Чист\w+\s+пруд\w*|Гостин\w+\s+двор\w*|Исаакиевск\w*|Марсов\w+\s+пол\w*|"
                             r"Майдан\w*\s+Не(?:зависимости|залежност[иі])|"
                             r"\b[\w-]+\.(?:ru|ua|by|kg|am|ge|Ru|RU|UA|BY)\b|"
                             r"(?:^|\n)\s*(?:МОСКВА|САНКТ-ПЕТЕРБУРГ|МИНСК|КИЕВ|БИШКЕК|ЕРЕВАН|ТБИЛИСИ|БАКУ|ТАШКЕНТ|ДУШАНБЕ|"
                             r"МӘСКЕУ|БІШКЕК|ТАШКЕНТ)\s*,")
# Kazakhstan named in any way: the country, its people, its regions, its cities' adjectives ("шымкентский акимат",
# "алматинские ипотечники", "карагандинцы"), its capital "Нур-Султан"/"Астана" (the gazetteer misses some as adjectives)
KZ_NAMED_RE = re.compile(r"[Кк]азахстан\w*|[Ққ]азақстан\w*|\bҚР\b|\bРК\b|\bКазах\w*|\bказах\w*|\bқазақ\w*|\bҚазақ\w*|"
                         r"(?i:алматин|алмаатин|астанин|шымкент|чимкент|карагандин|караганд|актюбин|атырау|костанай|кустанай|"
                         r"павлодар|семипалатин|семей|уральск|уралец|уральц|жанаозен|кызылорд|актау|мангистау|мангышлак|"
                         r"жамбыл|тараз|талдыкорган|кокшетау|кокчетав|петропавловск|экибастуз|темиртау|жезказган|"
                         r"туркестан|кульсар|жетыбай|байконур|екібастұз|өскемен|усть-каменогорск|нур-султан)\w*")
# Kazakhstan's institutions beside the akimat: the Mazhilis, the maslikhats, the KNB, the police departments, Nur Otan
KZ_INSTITUTION_RE = re.compile(r"Мажилис\w*|Мәжіліс\w*|маслихат\w*|мәслихат\w*|\bКНБ\b|\bҰҚК\b|[Дд]епартамент\w*\s+полиции|"
                               r"Нур\s+Отан\w*|Нұр\s+Отан\w*")


KZ_REGION_ABBR_RE = re.compile(r"\b(?:ЗКО|ВКО|СКО|ЮКО)\b")
# Kazakhstan's towns and villages the gazetteer of cities does not hold ("В Байконуре", "в селе Жетыбай", "Кульсары")
KZ_TOWN_RE = re.compile(r"\b(?:Байконур\w*|Кульсар\w*|Құлсар\w*|Жетыбай\w*|Бестобе|Степногорск\w*|Сатпаев[еау]?|Шахтинск\w*|"
                        r"Аркалык\w*|Хромтау|Кандыагаш\w*|Лисаковск\w*|Житикар\w*|Балхаш\w*|Приозерск\w*|Каражал\w*|"
                        r"Риддер\w*|Аягоз\w*|Курчатов[еау]?|Талгар\w*|Каскелен\w*|Есик\w*|Капшагай\w*|Капчагай\w*|Жаркент\w*|"
                        r"Текели|Уштобе|Сарыагаш\w*|Кентау|Ленгер\w*|Жетысай\w*|Аральск\w*|Казалинск\w*|Шиели|Жанатас\w*|"
                        r"Кордай\w*|Мерке|Бейнеу|Шетпе|Форт-Шевченко|Макат\w*|Шалкар\w*|Щучинск\w*|Макинск\w*|Атбасар\w*|"
                        r"Тайынш\w*|Зайсан\w*|Акколь|Ерейментау|Сарань|Абайск\w*)\b")


def kz_region(text: str) -> bool:
    """Names a region of Kazakhstan ("Карагандинской области", "в ЗКО") or a town the gazetteer does not hold ("в
    Байконуре", "в Кульсары"): the place is Kazakhstan's."""
    return bool(KZ_REGION_ABBR_RE.search(text)) or bool(KZ_TOWN_RE.search(text)) or any(
        m.group(1) is not None and m.group(1).lower().startswith(KZ_REGION_STEMS) for m in FOREIGN_REGION_RE.finditer(text))


GENERIC_WORLD_RE = re.compile(r"Европ|Америк|США|Британ|Великобритани")


def foreign_mark(full: str) -> str | None:
    """A mark of a foreign country anywhere in the article: an institution, a place or a people of its own, a foreign
    place named as where anything happens (not an embassy's owner, not in a route's name), a dateline."""
    m = FOREIGN_MARK_RE.search(full) or FOREIGN_INSTITUTION_RE.search(full) or FOREIGN_DEMONYM_RE.search(full) \
        or FOREIGN_CAPITAL_RE.search(full)
    if m:
        return m.group(0)
    for line in full.split("\n"):
        # (further down, a continent or a world power named in passing is no place: "по европейским стандартам",
        # "Европейский союз", "Америка")
        if any(not GENERIC_WORLD_RE.match(m.group(0)) for m in foreign_places(line)):
            return "place"
        if foreign_region(line):
            return "region"
    # (a town or village of the world outside Kazakhstan, from GeoNames: "в Усатово", "Нерубайское", "Калининграде")
    return world_places.foreign_town(full)


WORLD_RE = re.compile(r"(?<!\w)(?:шетелде(?!\w)|шетелдегі|әлемнің\s+(?:[\w-]+\s+)?(?:елінде|елдерінде|қаласында|қалаларында)|"
                      r"за\s+рубежом|в\s+(?:\d+|нескольких|десяти|двадцати|разных|ряде)\s+(?:[\w-]+\s+)?стран(?:ах)?\s+мира|"
                      r"в\s+разных\s+странах)", re.I)
HOME_TOO_RE = re.compile(r"(?:қазақстанның|елімізд|еліміздің)\s+(?:[\w-]+\s+)?(?:қалаларында|өңірлерінде|облыстарында)|"
                         r"(?:городах|регионах|областях)\s+(?:[\w-]+\s+)?(?:казахстана|страны|республики)", re.I)


# (session 39) solidarity with Kazakhstan, its people or its strikers ("акция солидарности с народом Казахстана",
# "солидарности с бастующими казахскими нефтяниками", "в поддержку казахстанцев"): said from outside the country
SOLIDARITY_WITH_KZ_RE = re.compile(r"(?:солидарност\w*|поддержк\w*)\s+(?:с\s+)?(?:[\w-]+\s+){0,2}?(?:Казахстан\w*|"
                                   r"казахстанц\w*|казахск\w+\s+(?:народ|нефтяник|рабоч|бастующ|протестующ)\w*)")


def told_abroad(full: str, sents: list[Sentence], event_texts: list[str]) -> bool:
    """The event is told abroad: a foreign place where the event is told (the headline, the lead, an event
    sentence; not only in passing further on: "as in Russia", "a citizen of Kyrgyzstan") or a foreign
    institution, and no place of Kazakhstan (a city named only as whose residents or whom they support does
    not place the event: "у посольства Казахстана в Москве ... пикет в поддержку жителей Жанаозена")."""
    # (session 23) every event sentence is at Kazakhstan's own embassy and names no city of Kazakhstan: abroad
    if event_texts and all(KZ_EMBASSY_RE.search(t) and not places.find_cities(t) for t in event_texts):
        return True
    # (session 39) the headline or the lead tells, at a foreign place or at Kazakhstan's embassy, an action in solidarity
    # with Kazakhstan ("В Тбилиси прошла акция солидарности с народом Казахстана", "у посольства Казахстана в Москве
    # прошла акция солидарности с бастующими казахскими нефтяниками"): abroad, whatever city of Kazakhstan the
    # background names further on ("Протесты в Казахстане начались 2 января в городе Жанаозен")
    if any(SOLIDARITY_WITH_KZ_RE.search(t.text) and (foreign_place(t.text) or KZ_EMBASSY_RE.search(t.text))
           and not any(places.hit_role(t.text, h) == "place" for h in places.find_cities(t.text)) for t in sents[:2]):
        return True
    # (round 23: nor a city named as a time zone: "Нұр-Сұлтан уақытымен", "по времени Астаны")
    full = TIME_ZONE_RE.sub(lambda m: " " * len(m.group(0)), full)
    # (a city named only inside quotes, a slogan, a club or a company's name, does not place the event either:
    # "повесили плакат «Палачи Жанаозена»")
    # (round 19: nor does a city whose name is the first half of a foreign one the article uses, "Петропавловск-Камчатский")
    # (session 24: nor the city of an agency's dateline, "НҰР-СҰЛТАН, 4 шілде – Sputnik. ... Нүкіс қаласында ... шерулер өтті")
    datelines = [m.span() for m in DATELINE_RE.finditer(full)]
    if any(places.hit_role(full, h) not in ("resident", "route") and not (places.in_quotes(full, h) and SLOGAN_BEFORE_RE.search(full[max(0, h.start - 80):h.start]))
           and not any(a <= h.start < b for a, b in datelines)
           and not triage_article_cues.foreign_compound(full, h.text, lambda w: bool(places.find_cities(w)))
           for h in places.find_cities(full)):
        return False
    # (session 29) the lead puts the event abroad in so many words, and names no city of Kazakhstan ("Әлемнің оншақты
    # елінде ... акция өтті", "Шетелде жүрген қазақстандықтар акция ұйымдастырды", "акции прошли в десяти странах мира")
    if any(WORLD_RE.search(t.text) and not HOME_TOO_RE.search(t.text) for t in sents[:3]):
        return True
    # (round 20: an article that names no place of Kazakhstan at all — no city, no akimat, no tenge, not the country,
    # its people, a region or a city's adjective — and carries a foreign country's mark anywhere is a report from abroad)
    kz_institution = KZ_INSTITUTION_RE.search(full)
    if not (KZ_MARK_RE.search(full) or KZ_NAMED_RE.search(full) or kz_institution or kz_region(full)) and foreign_mark(full):
        return True
    foreign_institution = FOREIGN_INSTITUTION_RE.search(full)
    where = [t.text for t in sents[:2]] + event_texts
    # (round 20: a region of Kazakhstan in the headline or the lead places the event: "шахтеры Карагандинской области ...
    # как в Москве"; not one further down, which may be background: "митинги в соседнем Казахстане начались в
    # Мангистауской области")
    if any(kz_region(t.text) for t in sents[:2]):
        return False
    if not (foreign_institution or any(foreign_place(t) or foreign_region(t) or FOREIGN_DEMONYM_RE.search(t)
                                       or FOREIGN_CAPITAL_RE.search(t) for t in where)):
        return False
    foreign_lead = foreign_institution or any(foreign_place(t.text) or foreign_region(t.text) or FOREIGN_DEMONYM_RE.search(t.text)
                                              or FOREIGN_CAPITAL_RE.search(t.text) for t in sents[:2])
    kz_marks = {m.group(0) for m in KZ_MARK_RE.finditer(full)}
    if any(not KZ_AKIM_RE.fullmatch(m) for m in kz_marks) or (kz_marks and not foreign_lead) or kz_institution:
        return False
    # "столица" is the foreign capital when the headline or the lead puts the event in a foreign place ("В Москве
    # прошел митинг ... В воскресенье в столице ...") or names the capital as foreign ("белорусской столицы")
    foreign_capital = any(FOREIGN_AT_RE.search(t.text) for t in sents[:2]) or bool(FOREIGN_CAPITAL_RE.search(full))
    return not places.capital_mentioned(full) or bool(FOREIGN_CUE_RE.search(full)) or bool(foreign_institution) or foreign_capital


# (session 20) a foreign country's national domain; the URL's path naming Kazakhstan (a site's section: "/kazakhstan/")
FOREIGN_TLD_RE = re.compile(r"\.(?:ru|su|by|ua|kg|uz|tj|tm|az|am|ge|md|lv|lt|ee|pl|eu)$|"
                            # (session 24) a neighbour's national outlet on a generic domain: Radio Azattyk (Kyrgyzstan),
                            # Ozodi (Tajikistan), Ozodlik (Uzbekistan), Radio Svoboda (Russia), AKIpress and Kaktus (Kyrgyzstan)
                            r"(?:^|\.)(?:azattyk|akipress|ozodi|ozodlik|svoboda|radiosvoboda)\.org$|(?:^|\.)kaktus\.media$")
# a site's section for the world or another country ("/world/", "/v-mire/", "/russia/", "/abroad/"): a Kazakhstan
# site files reports from abroad there too ("nur.kz/world/", "tengrinews.kz/world_news/")
WORLD_PATH_RE = re.compile(r"(?:^|[/_-])(?:world|world_news|worldnews|mir|v-mire|zarubezh\w*|abroad|foreign|international|"
                           r"sng|russia|rossiya|v-rossii|kyrgyzstan|ukraine|ukraina|belarus|europe|evropa|usa|ssha)(?=$|[/_.-])",
                           re.I)
KZ_PATH_RE = re.compile(r"kazakh|kazah|qazaq|/kz\b|kz[-_/]|kaz[-_]|almaty|astana|nur-sultan|казахстан", re.I)


def names_kazakhstan(full: str) -> bool:
    """The article names something of Kazakhstan: the country or its people, a city (in any role), a region, a town
    the gazetteer lacks, an institution, an akim, the tenge (the country's or a people's name not only inside «»)."""
    unquoted = re.sub(r"«[^«»]{0,60}»", " ", full)  # (a venue's or a club's name: КРК «Уралец» in Yekaterinburg)
    return bool(KZ_NAMED_RE.search(unquoted) or KZ_INSTITUTION_RE.search(full) or KZ_MARK_RE.search(full) or kz_region(full)
                or places.find_cities(full) or places.find_demonyms(unquoted) or places.capital_mentioned(full))


def foreign_site(url: str | None, full: str) -> bool:
    """(session 20) A report on a foreign country's national site (.ru, .by, .ua, .kg, …) or in a site's section for the
    world or another country ("/world/", "/v-mire/", "/russia/"), whose URL names no Kazakhstan section and whose text
    names nothing of Kazakhstan: a local report from abroad ("В этом месте состоялась традиционная акция памяти" on a
    Moscow site). Of the open parts' 45 assemblies on such domains, 44 name Kazakhstan and the 45th's URL does
    ("/kazakhstan/"); their 9 in world sections all name Kazakhstan."""
    if not url:
        return False
    parts = urlsplit(url)
    host = (parts.hostname or "").rstrip(".").lower()
    path = unquote(parts.path)
    return bool(FOREIGN_TLD_RE.search(host) or WORLD_PATH_RE.search(path)) and not KZ_PATH_RE.search(path) \
        and not names_kazakhstan(full)

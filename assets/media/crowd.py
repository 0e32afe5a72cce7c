"""Whether a number counts this event's crowd, read from its sentence (issue 16, the fourteenth real batch): a
verb of gathering in a vague count's clause, another city's sentence, a plural crowd against one person's action,
the detained told as a part. Used by participants.py (and the learned ranker's features)."""
from __future__ import annotations

import re

from assets.media import dates, places
from assets.media.count_context import CLAUSE_REACH, clause_of
from assets.media.detention_scope import NAMED_PLACE_RE
from assets.media.numbers_kk import KK_AGENT, KK_TENS, KK_UNITS
from assets.media.text import parses, tokens, yo

# a verb of gathering, protesting or going somewhere in a count's clause: a vague count outside the event
# sentence ("Сотни людей пытались пройти на площадь") counts the crowd only with such a verb, never people doing
# something else ("Несколько человек ... стали руководить действиями водителя бульдозера")
CROWD_VERB_RE = re.compile(r"собра|собир|вышл|вывел[аио]?\b|выход|вышед|пришл|приход|пришед|приехал|съехал|участ|стоя|стоит|стоял|"
                           r"протест|митинг|пикет|голод|бастов|бастую|забаст|перекр|перегор|заблок|требова|требу|скандир|"
                           r"пройти|прошл|прошел|прошёл|шли\b|идут|двину|направил|ворвал|прорвал|штурм|ночева|остал|"
                           r"был[оаи]?\b|находи|находя|присутств|остава|остаю|плакат|транспарант|колонн|площад|акимат|здани|"
                           r"подня|заяв|высказ|выраз|возмущ|крича|обрати|жалу|пожалов|наразы|талап|"
                           r"жинал|жиыл|шық|шығ|қатыс|тұр|келді|келген|бөге|жап|"
                           # (round 19) blocking a road or a building: "несколько десятков человек преградили проезжую часть"
                           r"прегра|блокир|блокад|окружи|захват|заня[лв]|развернул|держал", re.I)
# the plural people of an assembly, named in the article: then a sentence led by one person ("Политик X требует у
# полицейских пропустить шествие оппозиции") is not one person's action
PLURAL_CROWD_RE = re.compile(r"\b(?:участники|активисты|митингующие|протестующие|демонстранты|собравшиеся|пикетчики|"
                             r"бастующие|голодающие|сторонники|горожане|сельчане)\b|"
                             # (session 25) one named with others: "Иманбай и еще несколько активистов повесили"
                             r"\b(?:и|с)\s+(?:ещ[её]\s+)?нескольк\w+\s+(?:другими?\s+)?(?:активист|сторонник|единомышленник|соратник|"
                             r"участни|товарищ|коллег)\w*", re.I)


# off: the detained are never read as a lower bound of the crowd (the learned-ranker study toggles it)
INFER_FROM_DETAINED = True
# the detained are told as a part of the gathering ("для остальных демонстрантов", "часть участников", "некоторых
# из них"): their number is no lower bound of the crowd's worth stating
SOME_OF_THEM_RE = re.compile(r"остальн|\bдруги[хем]\s+(?:участник|демонстрант|митингующ|протестующ|активист)|"
                             r"\bчаст[ьи]\s+(?:из\s+)?(?:участник|демонстрант|митингующ|протестующ|собравш)|"
                             r"\bнекоторы[хе]\s+(?:из\s+)?(?:участник|демонстрант|митингующ|протестующ|них)", re.I)


def placed_elsewhere(text: str, city: str | None) -> bool:
    """The sentence places what it tells in another city than the event's ("около 20 человек провели акцию
    протеста в Астане" in an article about Almaty): its count is another crowd's."""
    if not city:
        return False
    roles = [(h.key, places.hit_role(text, h)) for h in places.find_cities(text)]
    where = {k for k, r in roles if r == "place"}
    if not roles and NAMED_PLACE_RE.search(text):
        return True  # (session 50) a town the gazetteer lacks: "В городе Кульсары ... сотни людей организовали митинг"
    return bool(where) and city not in where


def plural_verb_first(text: str) -> bool:
    """The sentence's first finite verb is plural ("... охраняют учителя и родители"): no one person leads it."""
    if re.search("[әғқңөұүһі]", text.lower()):
        return False
    for w in tokens(text)[:14]:
        ps = parses(w.lower())
        if ps and ps[0].tag.POS == "VERB":
            return "plur" in ps[0].tag
    return False



def clause_verbs(text: str, start: int, end: int) -> str:
    """The count's clause and, when the clause is a participial phrase, the rest of the sentence up to its verb
    ("Несколько человек, не пожелавшие представиться, стали руководить ...")."""
    clause = clause_of(text, start, end)
    rest = re.split(r"[.;!?]", text[end:end + 160], maxsplit=1)[0]  # (bounded: a text of thousands of figures, s27)
    return clause + " " + rest


# nouns that lead a sentence without being one protester
NON_PERSON_SUBJECTS = {"полиция", "полицейский", "акимат", "аким", "суд", "компания", "власть",
                       # (session 26) an official who came to them is no lone protester ("Вице-министр здравоохранения
                       # лично прибыл к бастующим медикам")
                       "министр", "вице-министр", "замминистра", "замаким", "губернатор", "мэр", "премьер-министр",
                       "прокурор", "судья", "чиновник"}


# (round 20) a street, square or monument named after a person: "на проспекте Сахарова", "на площади Ленина"
PLACE_BEFORE_NAME_RE = re.compile(r"(?:проспект|площад|улиц|сквер|бульвар|памятник|парк|набережн|переул|шоссе|станци|"
                                  r"метро|имени|им\.?$)\w*$", re.I)


# (session 38) a town's or a district's noun before its name ("города Тараз", "села Шубарши")
TOWN_NOUN_RE = re.compile(r"(?:город|г|сел|посёлк|поселк|пос|аул|район|област|микрорайон|мкр)\w*$", re.I)


# a day's month after its number (dates.RU_MONTH_RE: the one list of the months' Russian forms)
MONTH_AFTER_RE = re.compile(r"\s+" + dates.RU_MONTH_RE + r"\b", re.I)


def singular_subject(text: str) -> bool:
    """The sentence is led by one person ("Житель Шымкента взобрался ...", "Пенсионерка вышла ..."), also told
    verb-first ("К акимату вышла пенсионерка 68 лет") or in Kazakh with an age ("70 жастағы зейнеткер шықты")."""
    if re.search("[әғқңөұүһі]", text.lower()):
        return bool(KK_AGED_ONE_RE.search(text) or KK_LONE_RE.search(text))  # Kazakh: no Russian morphology
    if singular_verb_first(text) or lone_before_verb(text):
        return True
    for k, w in enumerate(tokens(text)[:6]):
        if w.isdigit():
            rest = text[text.find(w) + len(w):]
            if re.match(r"\s*-?\s*летн", rest[:8]):
                continue  # "72-летняя жительница Костаная вышла ..."
            if MONTH_AFTER_RE.match(rest[:12]):
                continue  # (session 25) a day: "В Алматы 26 марта активистка ... провела пикет"
            return False
        ps = parses(w.lower())
        if not ps or sum(c.isupper() for c in w) >= 2:
            continue  # (session 50) an agency's or a body's acronym ("КазТАГ – Митинг ... состоялся"), no person
        p = ps[0]
        if p.tag.POS == "NUMR" or yo(p.normal_form) in ("несколько", "много", "немало", "десятка", "десяток", "сотня"):
            return False  # (session 38) a figure in words before the noun: "задержаны шесть человек", "десятки человек"
        if w[:1].islower() and {"Name", "Surn", "Patr"} & p.tag.grammemes:
            # (session 25) a common word read first as a name ("мороз" as the surname Мороз): its common reading
            p = next((x for x in ps[1:] if not {"Name", "Surn", "Patr"} & x.tag.grammemes), p)
        if w[:1].isupper() and k and re.search(r"(?:^|\s)(?:сел[оае]|аул[ае]?|пос[её]лк[ае]|деревн[яеи]|микрорайон[ае]?)$",
                                               tokens(text)[k - 1], re.I):
            continue  # (session 31) a village's name after its noun ("В селе Турар ... состоялся сход"), not a person
        if w[:1].isupper() and k and not any("Geox" in x.tag for x in ps[:4]) \
                and not any(x.tag.POS == "PREP" for x in parses(tokens(text)[k - 1].lower())[:1]) \
                and not PLACE_BEFORE_NAME_RE.match(tokens(text)[k - 1]):  # (round 20: "на площади Ленина" is a place)
            # (round 16) a capitalised name whose first reading is another case: "55-летняя Жакенова забралась"
            p = next((x for x in ps[:4] if x.tag.POS == "NOUN" and "nomn" in x.tag and {"Surn", "Name"} & x.tag.grammemes), p)
        if p.tag.POS == "NOUN" and "anim" in p.tag and "nomn" in p.tag:
            return "sing" in p.tag and yo(p.normal_form) not in NON_PERSON_SUBJECTS
        if p.tag.POS == "NOUN" and "nomn" in p.tag:
            return False
    return False


# where a Kazakh subject starts: the sentence's start, after a comma, or after a place in the locative ("Алматыда ...")
# (session 38: or after a place told with a postposition, "облыс әкімдігінің алдына 65 жастағы зейнеткер ... шықты")
_KK_SUBJECT_START = r"(?:^|[.,;]\s*|[А-ЯӘҒҚҢӨҰҮҺІ]\w+(?:да|де|та|те)\s+|(?<!\w)(?:алды|жаны|маңы)(?:на|нда)\s+)"
# (round 17) one person with an age in Kazakh: "70 жастағы зейнеткер", "45 жастағы ана" (no plural ending, no count)
KK_AGED_ONE_RE = re.compile(_KK_SUBJECT_START + r"\d+\s+жас(?:тағы|ар)\s+"
                            # (a subject: no plural, no genitive or dative ending: "зейнеткердің ұсталуына" is not)
                            r"(?!\w*(?:лар|лер|дар|дер|тар|тер|ның|нің|дың|дің|тың|тің|ға|ге|қа|ке)\b)[\w-]+\s+"
                            r"(?:[\w-]+\s+){0,4}?[\w-]+(?:ды|ді|ты|ті|п\s+тұр|п\s+отыр)\b", re.I)


# (s23) one person in Kazakh, a bare singular noun of a person leading the sentence and a verb of protest after it
# ("Алматыда экс-полицей биік мұнараға шығып, наразылық білдірді"): Kazakh marks the plural on the noun (-лар/-лер),
# never on the verb; no count, no "many" before it ("ондаған жұмысшы", "бір топ тұрғын")
_KK_LONE_ACT = (r"(?:наразылық\s+білдір|аштық\s+жариял|шығып|шықты|"
                r"(?:наразылық\s+)?(?:акция|пикет)\w*\s+(?:өткізді|өткізіп|ұйымдастырды)|пикетке\s+тұрды|"
                r"(?:плакат|транспарант|баннер)\w*(?:пен|мен)\s+(?:[\w-]+\s+)?(?:тұрды|тұрып|тұр\b))")
# (session 38: nor a numeral, "екі көпбалалы ана ... плакат ұстап шықты" are two)
_KK_COUNT_WORDS = "|".join([w for w in KK_UNITS if w != "бір"] + [*KK_TENS, "жүз", "мың"])
KK_LONE_RE = re.compile(_KK_SUBJECT_START + r"(?:(?!(?:ондаған|жүздеген|мыңдаған|бірнеше|көптеген|бір\s+топ|топ|"
                        + _KK_COUNT_WORDS + r")\b(?!\s+(?:балалы|немерелі)\b))"
                        r"[^\W\d]+\s+){0,2}?"
                        r"(?:(?:экс-|бұрынғы\s+)?(?:полицей|тұрғын(?!\s+үй)|зейнеткер|азамат|азаматша|әйел|жігіт|бойжеткен|студент|"
                        r"кәсіпкер|ана|" + KK_AGENT + r")\s+(?:[\w-]+,?\s+){0,5}?|"
                        # (session 37) an activist, a journalist, a veteran ... named alone before the act, which may be an
                        # action or a picket held ("Азаматтық белсенді, ... Мақсат Ілиясұлы ... наразылық акциясын өткізді")
                        r"(?:белсенді|белсендісі|журналист|блогер|ақын|ардагер|мұғалім|дәрігер|активист|ақсақал|қария|келіншек)"
                        r",?\s+(?:[\w«»\"“”-]+,?\s+){0,10}?)" + _KK_LONE_ACT, re.I)


REPORTING_LEMMAS = {"опубликовать", "сообщить", "сообщать", "рассказать", "заявить", "написать", "передать", "снять",
                    "выложить", "встретиться", "отметить", "прокомментировать", "пояснить", "уточнить", "подтвердить",
                    # who organised or led it, not alone ("Митинг организовал активист Иван Петров")
                    "организовать", "инициировать", "возглавить", "созвать", "поддержать", "разогнать"}


def singular_verb_first(text: str) -> bool:
    """(round 17) The sentence's first finite verb is a singular past or present and the first nominative noun after
    it is one person, with no figure between ("К акимату с плакатом вышла пенсионерка 68 лет", "Акцию продолжил Петр
    Зайченко"; not "прошел митинг", "прибыла полиция", "принял участие 71 человек") — pymorphy3 tags."""
    toks = tokens(text)[:16]
    for k, w in enumerate(toks):
        ps = parses(w.lower())
        if not ps or ps[0].tag.POS != "VERB":
            continue
        if "sing" not in ps[0].tag or "futr" in ps[0].tag or "impr" in ps[0].tag \
                or yo(ps[0].normal_form) in REPORTING_LEMMAS:
            return False  # ("Видео акции опубликовал блогер": who told of it, not who acted)
        for j, w2 in enumerate(toks[k + 1:k + 7], k + 1):
            if w2.isdigit() and j + 1 < len(toks) and toks[j + 1].lower().startswith("летн"):
                continue  # an age: "встал 40-летний предприниматель"
            if w2.isdigit() or any(p.tag.POS == "NUMR" for p in parses(w2.lower())[:1]):
                return False
            ps2 = parses(w2.lower())[:3]
            if ps2 and ps2[0].tag.POS == "VERB":
                return False  # (session 50) another verb's subject: "Митинг ... состоялся в Алматы, передает корреспондент"
            if not any(p.tag.POS == "NOUN" for p in ps2[:1]):
                continue
            if w2[:1].isupper() and any(p.tag.POS == "PREP" for p in parses(toks[j - 1].lower())[:1]):
                continue  # (session 31) "прошла в Таразе": a name after a preposition is a place, no subject
            # the first noun after the verb is its subject, or the verb has an object first: no one person
            # (session 47) a lower-case word's reading as a first name or a surname is none ("у акимата": "Акимата" is
            # a woman's name in the nominative; "Группа жителей собралась у акимата" was one person)
            p2 = next((p for p in ps2 if p.tag.POS == "NOUN" and "nomn" in p.tag
                       and (w2[:1].isupper() or not {"Name", "Surn", "Patr"} & p.tag.grammemes)), None)
            return p2 is not None and "anim" in p2.tag and "sing" in p2.tag \
                and yo(p2.normal_form) not in NON_PERSON_SUBJECTS
        return False
    return False


def lone_before_verb(text: str) -> bool:
    """(session 38) The first finite verb is a singular past or present and right before it stands one person, after
    however long a place ("Вчера у здания посольства России в Алматы активистка Ольга вышла с плакатом", "у акимата
    житель Алматы Иван Петров провел пикет"): names, a city and an age ("70 лет") are passed over back to the person's
    noun; a name alone is one person too."""
    toks = tokens(text)[:20]
    for k, w in enumerate(toks):
        ps = parses(w.lower())
        if not ps or ps[0].tag.POS != "VERB":
            continue
        if "sing" not in ps[0].tag or "indc" not in ps[0].tag or "futr" in ps[0].tag \
                or yo(ps[0].normal_form) in REPORTING_LEMMAS:
            return False
        named = False
        j = k - 1
        while j >= 0:
            w2, ps2 = toks[j], parses(toks[j].lower())[:3]
            if not ps2:
                return False
            if any(yo(p.normal_form) in NON_PERSON_SUBJECTS for p in ps2[:2]):
                return False  # "Аким Костаная Кайрат Ахметов вышел к протестующим" (not the name Аким)
            if w2[:1].isupper() and j and any(p.tag.POS == "PREP" for p in parses(toks[j - 1].lower())[:1]):
                return named  # a place after a preposition ("в Алматы", "В Таразе"): the subject is not before it
            if w2[:1].isupper() and any("Geox" in p.tag for p in ps2):
                if not j:
                    return named
                j -= 1  # the person's city ("житель Алматы", "суд города Тараз"), never a name
                continue
            if w2[:1].isupper() and any({"Name", "Surn", "Patr"} & p.tag.grammemes and "nomn" in p.tag for p in ps2):
                if j and (PLACE_BEFORE_NAME_RE.match(toks[j - 1]) or TOWN_NOUN_RE.match(toks[j - 1])):
                    j -= 2  # a place named like a person ("суд города Тараз", "на площади Абая"), no name
                    continue
                named, j = True, j - 1  # "Ольга", "Галия Тамабаева", "Иван Петров" (not "На Тенгизе")
                continue
            if w2.lower() in ("лет", "года", "год") and j and toks[j - 1].isdigit():
                j -= 2  # an age: "пенсионерка 70 лет"
                continue
            p = next((x for x in ps2[:2] if x.tag.POS == "NOUN" and "nomn" in x.tag
                      and not {"Name", "Surn", "Patr"} & x.tag.grammemes), None)  # ("акимата" is no name)
            if p is not None and "anim" in p.tag:
                return "sing" in p.tag and yo(p.normal_form) not in NON_PERSON_SUBJECTS \
                    and not (j and toks[j - 1].lower() in ("каждый", "каждая", "любой", "любая"))  # ("каждый участник")
            return named
        return named
    return False


# (round 16) what a count in such a clause counts is never a crowd: the dead and injured, the dismissed, the sick,
# the evacuated ("В 2011 году здесь погибли 16 человек", "ежегодно умирают 10 тысяч человек", "компания сократила
# 300 рабочих", Kazakh "16 адам қаза тапты"; session 30: the noun, "гибель семи человек")
NOT_CROWD_CLAUSE_RE = re.compile(r"(?<!\w)(?:погиб|гибел|умер|умира|скончал|убит[аоы]?\b|убил|ранен|пострадал|госпитализ|сократил|сокраща|"
                                 # (session 37: not the noun, "против сокращения надбавок", what is protested)
                                 r"сокращен(?!и)|уволил|уволен|увольня|заболел|болеют|заразил|эвакуир|отравил|"
                                 # (session 30) suspects ("под следствием находятся трое работников")
                                 r"под\s+следствием|под\s+стражей|подозреваем\w*|обвиняем\w*|"

                                 # (round 17) signatures: "подписи под обращением поставили 300 человек"
                                 r"подпис(?:и|ей|ь|ями)\b|"
                                 # (session 20) a vote, an audience, custody, a rule's limit ("единогласно поддержали 90
                                 # сенаторов", "слушали около сотни", "в СИЗО находится 71 человек", "запрещено ... более 10";
                                 # session 21: an election's candidates, "в выборах участвуют семь кандидатов")
                                 r"проголосова|единогласн|\bв\s+выборах\b|кандидат|\bслушал[аио]?\b|аплодирова|\bв\s+СИЗО\b|под\s+стражей|"
                                 r"запрещено|запрещается|запрещены|тыйым\s+салын|"
                                 # (session 22) those unpaid, a workforce, students admitted, people put in camps ("зарплату не
                                 # получили 27 человек", "мұнда 500 адамдай жұмыс істейді", "3308 студентті қабылдап",
                                 # "сотни тысяч мусульман ... помещены в лагеря"; session 37: not those "who work" there and
                                 # gathered, "кен орнында жұмыс істейтін 100-ге жуық мұнайшы ... жиналды")
                                 r"не\s+получил[иа]?\s+(?:[\w-]+\s+)?(?:заработн|зарплат)|(?:заработн\w+\s+плат\w*|зарплат\w*)\s+не\s+получил[иа]?\b|"
                                 r"жұмыс\s+істейді|жұмыс\s+істейтін(?![^.;!?]*?(?:жиналд|жиналып|жиылд|жиылып|шықты|шығып|келді|келіп|"
                                 r"барды|барып|бас\s+тартт|тоқтатт|аштық\s+жария))|студент\w*\s+қабылда|помещен\w*\s+(?:\w+\s+)?в\s+лагер|интернир|депортир|"
                                 r"қаза\s+та[пб]|мерт\s+бол|жарақат|қайтыс\s+бол|жұмыстан\s+(?:шығар|қысқар)|"
                                 # a queue, a hospital, a lawsuit, a promise of the authorities ("очередь на жилье —
                                 # 15 тысяч человек", "в больницу попали 3 человека", "40 человек обратились в суд",
                                 # "аким пообещал трудоустроить 50 человек"; session 21: "сотрудников больницы" are staff who came)
                                 # (session 37: not "по очереди", in turns: "вышли с плакатами по очереди")
                                 r"(?<!вне\s)(?<!без\s)(?<!по\s)очеред(?!н)|кезег|кезекте\b|кезекке\b|(?<!\w)(?:в|из)\s+(?:[\w-]+\s+)?больниц|обратил\w*\s+в\s+суд|подал\w*\s+(?:иск|в\s+суд|жалоб)|"
                                 # those affected, and a delegation let in ("без нее остались 30 тысяч жителей",
                                 # session 29: not a thing "аяқсыз қалған" unfinished, "иесіз қалған" abandoned,
                                 # "проблема касается 5 тысяч семей", "на встречу с акимом пустили 5 человек")
                                 r"остал\w*\s+без|\bбез\s+\w+\s+остал|\w+(?<!аяқ)(?<!ие)(?:сыз|сіз)\s+қал|тұрады\b|тұратын|мекендей|"
                                 # (session 23) those living or registered somewhere ("200-дей адам тұрып жатыр", "67-і тіркелген",
                                 # "в доме проживают 200 человек")
                                 r"тұрып\s+жатыр|тіркелген|\bпрожива(?:ют|ет|ли|ло)\b|\bпрописан|"
                                 # (session 31) a place's population ("Село Карабулак, где живет больше 60 тысяч человек")
                                 r"\bнаселени\w+\s+(?:[\w-]+\s+)?(?:более|больше|свыше|около|порядка|составляет)\b|"
                                 r"\bжив(?:[её]т|ут)\s+(?:более|больше|свыше|около|порядка)\b|"
                                 r"(?<!\w)(?:аким|акимы|әкім|әкімі)\s+(?:[\w-]+\s+){0,3}?(?:принял(?!\w*\s+(?:[\w-]+\s+)?участи)|қабылда)|лишил\w*|касает\w*|затрон\w*|(?:пустил|пропустил|допустил|пригласил)\w*)",
                                 re.I)
# (round 16) the object of a promise or an order ("аким пообещал трудоустроить 50 человек"), never "вышли и пообещали
# стоять до конца" (the number before the promise)
PROMISE_BEFORE_RE = re.compile(r"(?:пообещал|обещал|обещают|обязал|поручил|планиру)\w*\s+(?:[\w-]+\s+){0,2}?"
                               r"[\w-]+(?:ть|ти)\s+(?:около|более|свыше|до|порядка|примерно|ещ[её])?\s*$", re.I)
# (round 16) support online, in any order ("акцию в сети поддерживает больше тысячи человек", "петицию в поддержку
# подписали 3 тысячи"): no one came
ONLINE_CLAUSE_RE = re.compile(r"(?:\bв\s+(?:сети|соцсет\w*|социальн\w+\s+сет\w*|интернете|фейсбуке|инстаграм\w*|телеграм\w*)|"
                              r"онлайн|петици\w*|әлеуметтік\s+желі\w*)(?=[^.;]*?(?:поддерж|подпис|смотр|лайк|репост|"
                              r"проголос|қолда|қол\s+қой))|(?:поддерж|подпис|смотр|лайк|репост|проголос|қолда|қол\s+қой)\w*"
                              r"[^.;]*?(?:\bв\s+(?:сети|соцсет\w*|социальн\w+\s+сет\w*|интернете|фейсбуке)|онлайн|әлеуметтік\s+желі)",
                              re.I)
# (round 16) "все 800 дольщиков решили ...": the whole membership, a crowd only with a verb of gathering
ALL_OF_GROUP_BEFORE_RE = re.compile(r"(?<!\w)(?:все|всех|всем|всеми|барлық)\s+$", re.I)
GATHER_VERB_RE = re.compile(r"собра|собир|вышл|выход|вышед|пришл|приход|пришед|приехал|участв|стоя|стоял|протест|митинг|"
                            r"пикет|голод|бастов|бастую|забаст|перекр|ночева|штурм|задерж|доставл|увез|жинал|жиыл|шық|шығ|"
                            r"қатыс|келді|келген|ұстал", re.I)


def near(text: str, start: int, end: int) -> str:
    """The figure's close neighbourhood: up to 50 characters before it (not past a colon, a full stop or another
    figure: a page's lines run together, "в Инстаграм ... 11 11 972 просмотра Около 30 человек собрались") and its
    clause after it."""
    before = text[max(0, start - 50):start]
    cut = max((m.end() for m in re.finditer(r"[.;:!?\d]", before)), default=0)
    return before[cut:] + text[start:end] + re.split(r"[.;!?,]", text[end:end + CLAUSE_REACH], maxsplit=1)[0]


# (round 16) one person's action in Russian, in the singular only ("одиночный пикет", "одиночную акцию"), never a
# series ("серия одиночных пикетов": several people, no count)
RU_ONE_PERSON_RE = re.compile(r"одиночн(?:ый|ого|ом|ую|ая|ой)\s+(?:пикет|акци|протест)", re.I)
SERIES_RE = re.compile(r"одиночн\w*\s+(?:пикет(?:ов|ы|ах)|акци[йия]|акциях)\b", re.I)


def aside_of_one(search: list, anchor, title=None) -> set[int]:
    """(session 21) The `index` of each other sentence with no verb of a crowd when the event sentence (or the headline)
    is one person's act ("вышла на одиночный пикет руководитель «Ару ана»" ... "мама с двумя старшими детьми не имеют
    документов"): whom the picket is about, not who came."""
    lead = [x for x in (anchor, title) if x is not None]
    if not any(RU_ONE_PERSON_RE.search(x.text) for x in lead) or any(SERIES_RE.search(x.text) for x in search + lead):
        return set()
    return {x.index for x in search if x is not anchor and not CROWD_VERB_RE.search(x.text)}


# (round 16) a plan or threat told by those who gathered: "Около 50 жителей, собравшихся у акимата, заявили, что
# перекроют трассу", "Собравшиеся у акимата около 100 человек намерены оставаться": the count before the verb of
# the plan or threat is the crowd when a participle or verb of gathering in the past names it
MODAL_VERB_RE = re.compile(r"\b(?:заяв(?:ил|или|ляют)|пригрозил\w*|грозя\w*|намерен\w*|планиру\w*|обещ\w*|пообещ\w*|"
                           r"собираются|готовы|если|в\s+случае|егер|айтады|айтты|мәлімдеді)\b", re.I)
GATHERED_PAST_RE = re.compile(r"собравш|пришедш|вышедш|приехавш|собрал(?:ись|ось)|пришл[иао]\b|вышл[иао]\b|"
                              r"жиналған|жиналып|жиналды|келген|шыққан|шығып", re.I)


def modal_subject_end(text: str) -> int | None:
    """Where the plan or threat begins in a sentence whose subject, before it, is told as having gathered; None
    when no such subject leads it."""
    m = MODAL_VERB_RE.search(text)
    if m and GATHERED_PAST_RE.search(text[:m.start()]) and re.search(r"\d|\w+(?:десят|сот|сто)\b|ондаған|жүздеген|"
                                                                       r"десятк|сотн|нескольк", text[:m.start()], re.I):
        return m.start()
    return None


# (session 19) an earlier gathering's figure in a comparison ("людей вдвое меньше, чем в 2019 году, когда вышли 2
# тысячи", "больше, чем в прошлый раз, когда пришли около 300")
EARLIER_COMPARED_RE = re.compile(r"\bчем\s+(?:в\s+|на\s+)?(?:прошл\w+|позапрошл\w+|предыдущ\w+|прежн\w+|перв\w+|\d{4})\s+"
                                 r"[\w-]+\s*,?\s*(?:когда\s+)?(?:[\w-]+\s+){0,3}?"
                                 r"(?:около|более|свыше|почти|порядка|примерно)?\s*$", re.I)


# (session 30) a demolition crew ("Позавчера приехали 60 человек, снесли дом"): those who came to demolish
DEMOLISHERS_RE = re.compile(r"\bснесли\s+(?:[\w-]+\s+)?(?:дом|жиль|строени|постройк)", re.I)


def not_this_crowd(text: str, start: int, end: int, clause: str) -> bool:
    """The count (text[start:end], in `clause`) is of people who did not come (round 16): the dead and the dismissed,
    supporters online, the object of a promise, a whole membership without a verb of gathering."""
    before = text[max(0, start - 60):start]
    return bool(NOT_CROWD_CLAUSE_RE.search(clause) or ONLINE_CLAUSE_RE.search(near(text, start, end))
                or DEMOLISHERS_RE.search(re.split(r"[.;!?]", text[end:end + 60], maxsplit=1)[0])
                or future_only(clause)
                or PROMISE_BEFORE_RE.search(before) or EARLIER_COMPARED_RE.search(before)
                or (ALL_OF_GROUP_BEFORE_RE.search(text[max(0, start - 12):start])
                    and not GATHER_VERB_RE.search(clause_verbs(text, start, end))))


def future_only(clause: str) -> bool:
    """The clause's finite verbs are all in the future ("в субботу выведут на площадь 500 человек", "придут
    тысячи"): a count planned or hoped for, not a crowd that came (pymorphy3: perfective non-past = future)."""
    if re.search("[әғқңөұүһі]", clause.lower()):
        return False
    tenses = set()
    # (a name in quotes is no verb of the clause: «Оставим народу жилье»; session 47: a first or second person is —
    # "в следующий раз выведем на площадь 500 человек", an organiser's promise, is a plan)
    for w in tokens(re.sub(r"«[^»]*»|\"[^\"]*\"|“[^”]*”", " ", clause)):
        ps = parses(w.lower())
        if ps and ps[0].tag.POS == "VERB" and "indc" in ps[0].tag:
            tenses.add("futr" if "futr" in ps[0].tag else "other")
    return tenses == {"futr"}


# (round 16) two people told as a pair, as the subject of the event sentence: "пожилые супруги развернули плакаты",
# "мать и дочь вышли к акимату", Kazakh "ерлі-зайыпты", "ана мен қызы"
COUPLE_RE = re.compile(r"(?:^|[.,;:]\s*|\b(?:в|во)\s+\w+\s+)(?:\w+(?:\s+|-))?(?:супруги|супружеская\s+пара|муж\s+и\s+жена|"
                       r"мать\s+и\s+(?:дочь|сын)|отец\s+и\s+(?:сын|дочь)|брат\s+и\s+сестра|ерлі-зайыпты\w*|"
                       r"ана\s+мен\s+(?:қызы|баласы))\s+[\w-]*?(?:ли|ла|ись|ыли|или|ды|ді|ты|ті|ған|ген)?\b", re.I)


def couple(text: str) -> int:
    """2 when the sentence's subject is a pair of people (a couple, a mother and her daughter), else 0."""
    m = COUPLE_RE.search(text)
    return 2 if m and not re.search(r"\d|двое|трое|несколько", text[:m.start()]) else 0


def increment_of(text: str, start: int) -> bool:
    """The count is an increment ("к голодовке присоединились ещё 50 человек, всего голодают 150") while the
    sentence states another figure after it: the total is the crowd, not what was added."""
    if not re.search(r"(?:ещ[её]|дополнительно)\s+(?:около|более|свыше|порядка|примерно|почти)?\s*$",
                     text[max(0, start - 25):start], re.I):
        return False
    return bool(re.search(r"(?:всего|в\s+общей\s+сложности|итого|общее\s+число|барлығы)\D{0,40}\d", text[start:], re.I))


# (round 19) an action owned by one person, told in the genitive singular after the form word ("художественная акция
# скандального алматинского художника", "перформанс молодого художника", "пикет активистки"), never a plural owner
# ("пикет дольщиков"), a thing ("акция компании"), a name ("акция Назарбаева") or whom it is for ("акция памяти
# активиста", "в поддержку активиста": a preposition or another noun comes first)
OWNED_FORM_RE = re.compile(r"(?<!\w)(?:акци[яиюей]|перформанс\w*|пикет(?:а|е|ом)?|голодовк[аиуе]|хэппенинг\w*)\s+", re.I)


def owned_by_one(text: str) -> bool:
    """The sentence tells an action as one person's: the form word, adjectives, then an animate noun in the genitive
    singular ("акция скандального художника")."""
    for m in OWNED_FORM_RE.finditer(text):
        for t in re.findall(r"[А-ЯЁа-яё-]+|\S", text[m.end():m.end() + 80])[:4]:
            ps = parses(t.lower())
            if not ps:
                break
            if ps[0].tag.POS in ("ADJF", "PRTF"):
                continue
            if t[:1].islower() and any(p.tag.POS == "NOUN" and {"anim", "sing", "gent"} <= p.tag.grammemes
                                       and not {"Name", "Surn", "Patr"} & p.tag.grammemes for p in ps[:2]):
                return True
            break
    return False

"""What the words around a count say it is not this crowd's (issue 16, round 19): a numeral that belongs to a place's
name, a Kazakh locative after a vague count, a plan or an announcement, a contrast after it, a sentence that goes on
about another city, those who joined, detained participants in apposition, the kin of the detained. Used by
counts.py and participants.py; plain regular expressions, no per-article work beyond them."""
from __future__ import annotations

import re
from typing import Callable

from assets.media.count_nouns_kk import KK_PEOPLE_RE
from assets.media.detention_verbs import KK_NOT_HELD, KK_SEIZED

# (round 19) a numeral in a place's name ("в парке 28 гвардейцев-панфиловцев", "на улице 30 лет Победы"): after a
# park, monument, street or "имени" the number is the name's unless a plain crowd noun follows it
PLACE_NAME_BEFORE_RE = re.compile(r"(?:\b(?:памятник|монумент|парк|сквер|бульвар|улиц|проспект|переул|микрорайон|мкр|"
                                  r"школ|гимнази|лице)\w*\.?|\bимени|\bим\.|\bул\.|\bпр\.)\s*$", re.I)
# (session 25: its own name; it shared CROWD_NOUN_AFTER_RE's below, which replaced it, so "на улицу более сотни людей" was
# read as a street's name)
PERSON_NOUN_AFTER_RE = re.compile(r"^\s*(?:-?[а-яё]{1,3}\s+)?(?:человек|люд|жител|участник|активист|протестующ|митингующ|"
                                  r"пикетчик|горожан|сельчан|рабоч|работник|женщин|мужчин|пенсионер|дольщик|родител|матер)", re.I)
# (round 19) a written numeral capitalised inside a sentence is a name's ("у памятника Двум солдатам", "Трёх святых")
NAME_NUMERAL_BEFORE_RE = re.compile(r"[а-яёa-z,]\s+$")


def numeral_of_a_name(q_text: str, before: str, after: str) -> bool:
    """The number is part of a name: after a park, monument or street unless a crowd noun follows ("в парке 28
    гвардейцев-панфиловцев"), or a written numeral capitalised mid-sentence ("у памятника Двум солдатам")."""
    # (session 39: nor a Kazakh people noun, "Семей автобус паркінің 50-ге жуық жүргізушісі ереуілге шықты": the bus
    # depot's drivers, not a park's name)
    if PLACE_NAME_BEFORE_RE.search(before) and not PERSON_NOUN_AFTER_RE.match(after) and not KK_PEOPLE_RE.match(after):
        return True
    return bool(q_text[:1].isupper() and q_text.isalpha() and NAME_NUMERAL_BEFORE_RE.search(before))


def kk_place_after(after: str, people_re: re.Pattern) -> bool:
    """A Kazakh locative right after the figure ("бірнеше қаласында", "ондаған ауылда"): places, not people."""
    # (session 29: a whole word, not the first half of "ата-ана", parents)
    loc = re.match(r"\s*([^\W\d_]+(?:да|де|та|те|нда|нде))(?![\w-])", after, re.I) if re.search("[әғқңөұүһі]", after.lower()) else None
    return bool(loc and not people_re.match(loc.group(1)))


# (round 19) a plan, an intention or an expectation before the count: "Собирались прийти около пятидесяти человек",
# "хотели вывести на площадь 500 человек", "должны были прийти 200 человек", "планируют собрать 1000" (a verb of intent
# and its infinitive, then up to three words): the count hoped for, not the crowd that came
PLAN_BEFORE_RE = re.compile(r"(?<!\w)(?:собирал(?:ись|ось|ся|ась)|собираются|собирается|планир\w*|намерева\w*|намерен[аы]?|"
                            r"хотел[иа]?|хотят|хочет|должн[аоы]?(?:\s+был[аои]?)?|рассчитыва\w*|предполага\w*|"
                            r"надеял\w*|надеются|обеща\w*|пообеща\w*|ожида\w*)\s+(?:[\w«»\"-]+\s+){0,2}?"
                            r"[\w-]+(?:ть|ти|чь)(?:ся)?\s+(?:[\w«»\"-]+\s+){0,3}?"
                            r"(?:около|более|свыше|порядка|примерно|до|не\s+менее|почти)?\s*$", re.I)
# (round 19) a Kazakh plan or expectation after the count: "500 адам жинауды жоспарлаған", "1000 адам жиналмақ"
# (the -мақ/-мек future of intent), "2000 адам қатысады деп күтілуде"
# (session 53) a count expected, no crowd yet: "на митинг ожидают до 500 человек", "ожидается около 300 человек",
# "ожидалось около тысячи"; or told after the figure: "Около 15 тыс. участников ожидается на шествии"
# (session 54) a count that only may come, present or future ("на митинг может прийти до 500 человек", "смогут
# собраться около 300"; not the past estimate "могли собраться до 3 тысяч", told of a crowd that came); Kazakh
# "500-ге дейін адам қатысуы мүмкін" (KK_PLAN_AFTER_RE)
EXPECTED_BEFORE_RE = re.compile(r"(?<!\w)(?:ожида(?:ется|ются|ют|ет|лось|лись)|ждут|прогнозиру(?:ется|ют)|планируется|"
                                r"(?:может|могут|сможет|смогут)\s+(?:[\w-]+\s+)?(?:прийти|собраться|выйти|принять\s+участие|"
                                r"участвовать|собрать))\s+"
                                r"(?:[\w«»\"-]+\s+){0,4}?(?:около|более|свыше|порядка|примерно|до|не\s+менее|почти)?\s*$", re.I)
EXPECTED_AFTER_RE = re.compile(r"^[^.,;!?]{0,40}?(?<!\w)(?:ожида(?:ется|ются)|прогнозиру(?:ется|ются)|планируется)(?!\w)", re.I)
KK_PLAN_AFTER_RE = re.compile(r"^[^.,;!?]{0,60}?(?:жоспар|\w(?:мақ|мек|бақ|бек|пақ|пек)\b|күтіл|көзде|ниет|"
                              r"\w(?:уы|уі)\s+мүмкін(?!\w))", re.I)
# (round 19) a contrast after a plan: "планировали собрать 1000 человек, однако пришли около ста"; "500 адам
# жинауды жоспарлаған, бірақ 40-қа жуық адам келді" — what follows it is told as done
CONTRAST_RE = re.compile(r"[,;—–]\s*(?:но|однако|а|зато|в\s+итоге|бірақ|алайда|дегенмен)\s", re.I)
# (round 19) a sentence that goes on about the last one's place ("В Нур-Султане акции организовали у дворца. Их
# участниками стали несколько сотен"; "В Актобе митинг прошел у суда. Там собрались около 300")
ANAPHORIC_START_RE = re.compile(r"^\W*(?:их|они|там|туда|здесь|в\s+н(?:ей|ём|ем|их)|участниками\s+(?:их|акции)|олар|онда)\b", re.I)
# (round 19) those who joined are an increment ("позже к ним присоединились двое мужчин"): the crowd is more
JOINED_RE = re.compile(r"присоедин|примкну|подтянул|қосыл", re.I)
# (round 19) the detained participants told in apposition: "задержав участников — шестерых активистов", "задержала всех
# участников пикета — восьмерых"
PARTICIPANTS_DASH_BEFORE_RE = re.compile(r"(?:участник|пикетчик|митингующ|протестующ|голодающ|активист)\w*"
                                         r"(?:\s+[\w-]+){0,2}\s*[—–-]\s*$", re.I)
# (round 19) people close to the detained, who gathered for them: "друзей задержанных накануне активистов", "родителей
# арестованных студентов", "жёны осуждённых нефтяников" — a description of whom they support
KIN_OF_DETAINED_RE = re.compile(r"(?:сторонник|родственник|друз|друг|близки|коллег|соратник|семь|семей|жен|матер|родител|"
                                r"однопартийц|товарищ)\w*\s+(?:[\w-]+\s+){0,2}?(?:ранее\s+|накануне\s+|сегодня\s+|вчера\s+)?"
                                r"(?:арестованн|задержанн|осужденн|осуждённ|заключенн|заключённ|посаженн)\w*", re.I)


# (moved from participants.py, round 22) a promise, a hope, a notice for a number: not the crowd
ANNOUNCED_BEFORE_RE = re.compile(r"(?:обещанн|заявленн|ожидаем|анонсированн|запланированн|вместо)\w*\s+(?:[\w«»\"-]+\s+){0,5}$|"
                                 # (round 19) "Количество участников было заявлено 200 человек", "ожидалось около 500"
                                 r"(?:заявлено|заявлялось|заявляли|анонсировано|планировалось|ожидалось|обещано|предполагалось)"
                                 r"\s+(?:[\w-]+\s+)?(?:около|до|более|свыше|порядка|примерно)?\s*$|"
                                 # "организаторы рассчитывали на 500 участников, пришли около 120": the hope
                                 r"(?:рассчитыва|надеял|ожидал|планировал|собирались\s+собрать|хотели\s+собрать)\w*\s+"
                                 r"(?:на\s+)?(?:[\w«»\"-]+\s+){0,3}$|"
                                 # (round 22) the notice, permit or venue for a number: "заявку на 5000 участников акимат
                                 # не согласовал", "уведомили о митинге на 300 человек", "сквер, рассчитанный на 500"
                                 r"(?:заявк|уведомлени|уведомил|разрешени|согласован|согласовал|рассчитан|вместим)\w*\s+"
                                 r"(?:[\w«»\"-]+\s+){0,4}?на\s+(?:около|до|более|свыше|порядка|примерно)?\s*$", re.I)
# (round 22) the whole of "N из M": M's noun names those at the assembly ("из 300 собравшихся", "из 16 участников") or
# a population of whom N came ("40 из 120 обманутых дольщиков", "из 600 работников")
WHOLE_BEFORE_RE = re.compile(r"(\d+|[а-яё]+)\s+из\s+(?:примерно|около|почти|более|свыше|порядка)?\s*$", re.I)
CROWD_NOUN_AFTER_RE = re.compile(r"\s*(?:человек|собравш|пришедш|вышедш|участ|митингующ|протестующ|пикетчик|голодающ|"
                                 r"бастующ|демонстрант)", re.I)
# (session 50: the short "жауапқа тартылды", held liable, beside "жауапкершілікке")
KK_DETAIN_AFTER_RE = re.compile(r"ұстал|" + KK_NOT_HELD + r"ұста(?:[дп]|ған)|әкетіл|босатыл|жеткізіл|жауапкершілікке|жауапқа\s+тарт|"
                                r"айыппұл|қамауға|" + KK_SEIZED, re.I)


def whole_of(text: str, start: int, after: str, word_number: Callable[[str], int | None]) -> str | None:
    """(round 22) The number at `start` is the whole of "N из M": "crowd" when M's noun names those at the assembly
    ("из 300 собравшихся"), "population" when it names those of whom N came ("из 120 обманутых дольщиков"), else None."""
    m = WHOLE_BEFORE_RE.search(text[max(0, start - 40):start])
    if m is None or word_number(m.group(1)) is None:
        return None  # (a number before "из", not "группа из 10 человек")
    return "crowd" if CROWD_NOUN_AFTER_RE.match(after) else "population"


# (session 19) a source told inside a figure ("Число участников, по данным организаторов, превысило 500",
# "Количество задержанных, как сообщили в полиции, составило 30"): left out of what is read before a number, so the
# figure's noun stays within reach of its number
ATTRIBUTION_RE = re.compile(r",\s*(?:по\s+(?:\w+\s+)?(?:данным|словам|информации|оценкам|подсч[её]там|сведениям)|"
                            r"как\s+(?:сообщ|рассказ|уточн)\w+|согласно)\s+[^,]{1,50},", re.I)


def before_of(text: str, start: int, width: int = 40) -> str:
    """The `width` characters read before a number at `start`, a source told between the figure's words left out."""
    head = text[max(0, start - width - 60):start]
    return (ATTRIBUTION_RE.sub("", head) if head.count(",") >= 2 else head)[-width:]  # (two commas enclose a source)


# (session 27) how far a figure's clause reaches either way: with no comma in thousands of figures it was the whole text
CLAUSE_REACH = 200


def clause_of(text: str, start: int, end: int) -> str:
    """The clause around a figure, between commas, semicolons or brackets, at most CLAUSE_REACH characters either way."""
    lo, hi = max(0, start - CLAUSE_REACH), min(len(text), end + CLAUSE_REACH)
    left = max(text.rfind(",", lo, start), text.rfind(";", lo, start), text.rfind("(", lo, start), lo - 1)
    right_c = [i for i in (text.find(",", end, hi), text.find(";", end, hi), text.find(")", end, hi)) if i != -1]
    right = min(right_c) if right_c else hi
    return text[left + 1:right]

"""Triage, sentence by sentence: `judge_sentence` says whether one sentence reports an assembly (a form with a verb
of holding, a gathering with a protest cue, a road block, a crane, a sit-in, ...) and which classes set it aside (a
court, a law, statistics, a plan, a celebration, an online campaign, ...); `may_be_event` is the cheap test before
it. The article's verdict from these is `triage.classify`."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from assets.media import triage_aftermath, triage_formless_gatherings, triage_in_person, triage_not_events
from assets.media.text import Sentence, contains_any, lemmas, parses, tokens, yo
from assets.media.triage_abroad import ABROAD_RE
from assets.media.triage_cues import (AGGREGATE_RE, AT_BUILDING_RE, DEBT_PERIOD_RE, CAMP_RE, CELEBRATION_HINT_RE, CELEBRATION_RE,
                                      COURT_VERBS, CRANE_RE, DETAIN_LEMMAS, DIET_RE, POVERTY_HUNGER_RE, EVENT_LEMMAS, FESTIVE_RE,
                                      FORM_LEMMAS, GATHER_LEMMAS, HEIGHT_DEMAND_RE, HEIGHT_RE, INCIDENT_RE, KAZAKH_LETTER_RE,
                                      KK_COMMEMORATION_RE, KK_DEMAND_RE, KK_EVENT_RE, KK_FORM_RE, KK_FRONT_DEMAND_RE,
                                      KK_FRONT_RE, KK_GATHER_RE, KK_GATHERED_RE, KK_NIGHT_AT_RE, KK_NON_PROTEST_RE, KK_PLACARD_RE,
                                      KK_SIT_AT_RE, KK_SQUARE_RE, KK_STRIKE_RE, LIE_DOWN_RE, MARCH_MOVE_RE,
                                      MOTORCADE_RE, NEGATIVE, NIGHT_AT_RE, NIGHT_IN_RE, NON_PROTEST_ACTION_RE, NOT_CROWD_GATHERED_RE, SERVICES_CAME_RE, CAR_STANDS_RE, HEIGHT_BY_SERVICES_RE,
                                      NOT_LEAVING_RE, ONLINE_FORM_RE, PARTICIPANTS_RE,
                                      PASSIVE_ROADBLOCK_RE, PEOPLE_COUNT_RE, PEOPLE_ROADBLOCK_RE, POLICE_POST_RE, POLICE_SUBJECT_RE,
                                      PRESENT_LEMMAS, PROTESTER_LEMMAS, PROTEST_ACTION_RE, PROTEST_LEMMAS,
                                      RELATIVE_CLAUSE_RE, RIOTER_LEMMAS, ROADBLOCK_RE, SIT_IN_PLACE_RE, SIT_IN_RE,
                                      SQUARE_IDIOM_RE, STAND_AT_RE, STOP_WORK_RE, SUPPORTERS_AT_RE, UNSANCTIONED_GATHERING_RE,
                                      VIDEO_APPEAL_RE, WAIT_OFFICIALS_RE, REFUSE_DISPERSE_RE, online_mention)
from assets.media.detention_patterns import DETAIN_RE
from assets.media.triage_modes import (CASE_RE, GENERIC_RE, INTENT_RE, NARRATED_RE, OLD_YEAR_RE, PAST_EVENT_RE, PENALTY_RE,
                                       PLANNED_RE, preempted, sentence_mode, told_before)
from assets.media.triage_time import REMEMBERED_YEAR_RE, THING_YEAR_RE


@dataclass
class SentenceVerdict:
    index: int
    event: bool
    reasons: list[str] = field(default_factory=list)
    negatives: list[str] = field(default_factory=list)
    # every verb of holding is an infinitive ("не позволили провести митинг", "решили выйти"): the
    # sentence does not itself say that anything was held
    infinitive_only: bool = False
    # the form of "form+verb" is only a bare "акция"
    action_only: bool = False


# A sentence can have a reason to be an event sentence (judge_sentence) only if one of these
# strings is in it (lower-cased) or one of its lemmas is a form or a gathering: every pattern
# behind a reason requires one of them (form words, "акци", crane, roof, road block, video, Kazakh
# gathering and commemoration words). Sentences without any are not judged one by one.
_TRIGGER_RE = re.compile(r"флеш|флэш|х[эе]п+енинг|одиночн|шестви|маршем|акци|митинг|пикет|аштық|шеру|наразылы|ереуіл|"
                         r"кран|крыш|трубу|вышк|опор|рекламн|залез|взобрал|влез|есіг\w*\s+күзет|күнде\s+кел|перекр|блокиру|заблокир|перегород|перегорож|жауып|жапт|видео|жиналд|жиналып|жиналған|шыққан|шықт|"
                         r"шығып|белсенді|жұмыс\s+істеуден|ноч|стоя|работу|шахт|пришл|прибыл|приеха|подтягива|съех|стека|столпи|жиыл|келіп|келді|түне|"
                         r"бөге|поверхност|автопробег|велопробег|автоколонн|сидя|сидел|бейбіт\s+жиын|жұмысқа\s+шы|жұмыс(?:ты|тарын)\s+тоқтат|"
                         r"приостановлени|возлож|почти\w*\s+памят|с\s+цветами|от\s+вырубк|от\s+снос|"
                         r"жер\s+бет|жер\s+аст|несанкционированн\w*\s+(?:сбор|собрани|сход)|незаконн\w*\s+(?:сбор|собрани|сход)|"
                         r"стихийн\w*\s+(?:сбор|собрани|сход)|білдіріп\s+жат|алдында\w*\s+(?:\w+\s+)?тұр\b|"
                         r"барып|барды|барған|отыр|палатк|юрт|ночу|под\s+землей|активн\w+\s+участник|организатор\w*\s+и\s|участник\w*\s+(?:\w+\s+)?протест|"
                         r"\bоста(?:ются|вались|лись)\s+(?:[\w-]+\s+){0,3}?(?:у|возле|перед|около|под)\s|\bне\s+(?:расход|уход|разошл|ушли)|улегл\w+\s+спать|"
                         r"лагерь|платформ|балкон|плакат|транспарант|растяжк|баннер|бульдозер|экскаватор|техник|протест|ұран|қоршауға|таратып|ұстап\s+әкетт|ұстай\s+баста|отказ\w*\s+(?:\w+\s+)?(?:уход|уйти|покида|покину)|не\s+(?:собира\w+|намерен\w*)\s+(?:уход|покида)|не\s+покида|алдын|двину|направил|үндеу|бейнежолдау|асфальт|баррикад|заперл|требуя|"
                         r"задерж\w*\s+(?:[\w«»\"!,-]+\s+){0,8}?(?:на\s+площади|у\s+памятник|у\s+монумент|у\s+здани|у\s+акимат)|"
                         r"консульств|посольств")  # (session 30: activists detained at one, triage_cues.SUPPORTERS_AT_RE)
_TRIGGER_LEMMAS = FORM_LEMMAS | GATHER_LEMMAS | PROTESTER_LEMMAS | triage_formless_gatherings.TRIGGER_LEMMAS \
    | {"разойтись", "расходиться"}  # (session 53) a crowd that would not disperse (REFUSE_DISPERSE_RE)


def may_be_event(s: Sentence) -> bool:
    """False only where judge_sentence could find no reason at all (a cheap test before it)."""
    low = yo(s.text).lower()
    # (the formless gatherings' words: Russian ones as lemmas, Kazakh ones as plain substrings — a regex more on
    # every sentence cost 4% of triage's speed)
    return bool(_TRIGGER_RE.search(low)) or contains_any(low, triage_formless_gatherings.KK_TRIGGER_WORDS) \
        or bool(triage_in_person.reasons(low)) \
        or bool(set(lemmas(low)) & _TRIGGER_LEMMAS)


COURT_PLACE_RE = re.compile(r"\b(?:у|к|возле|перед|около|напротив|под)\s+(?:здани\w+\s+)?(?:[\w-]+\s+)?суд(?:а|у|ом)\b|"
                            r"\bздани\w+\s+(?:[\w-]+\s+)?суда\b", re.I)
# (session 20) a rally against the authorities on a holiday is no celebration ("астана күніне орай ... билікке қарсы митинг")
AGAINST_POWER_RE = re.compile(r"билікке\s+қарсы|против\s+власт|антиправительствен", re.I)
STRONG_NEGATIVES = {"court", "law", "statistics", "background", "planned", "permission", "threat", "diet", "poverty", "celebration",
                    "meeting", "online form", "traffic", "custody", "denied"}

# a law as what the protest is against ("участники которого выступили против законопроекта"): not a sentence about the law
# (session 22: or the deputies the protesters address, "требуя от депутатов Мажилиса отменить закон")
LAW_OBJECT_RE = re.compile(r"(?:против|отмен\w*|отзыв\w*|отозвать)\s+(?:[\w-]+\s+){0,3}?(?:законопроект|закон|поправ)\w*|"
                           r"(?:требу\w*|потребова\w*|призыва\w*|призва\w*|просят|просил\w*)\s+(?:от\s+|к\s+)?депутат\w*"
                           r"(?:\s+(?:мажилис|парламент|сенат|маслихат)\w*)?", re.I)
DEMANDED_REPAIR_RE = re.compile(r"(?:требу|потребова|добива|просят|просил|настаива)\w*\s+(?:[\w-]+\s+){0,3}?(?:капитальн\w+\s+)?ремонт",
                                re.I)
# a press conference, a briefing, a round table held about a holding ("состоялась пресс-конференция о положении
# политзаключённых, вынужденных прибегнуть к голодовке"): the meeting is what was held, the form its topic
MEETING_HELD_RE = re.compile(r"(?:состоял\w*|прош(?:ел|ла|ли)|провел\w*|проходит|проходил\w*|организовал\w*)\s+(?:[\w-]+\s+){0,2}?"
                             r"(?:пресс-конференци|брифинг|круглый\s+стол|конференци|семинар|форум|совещани|заседани)\w*", re.I)
# an official meeting the protesters ("встретился с митингующими жителями", "встреча с бастующими"): they were there
_PROTESTERS = r"(?:митингующ|протестующ|бастующ|голодающ|пикетчик)"
_CAME = r"(?:прибыл|приехал|пришел|пришёл|пришла|вышел|вышла|вышли|обратил)"
PROTESTERS_MET_RE = re.compile(r"(?:встре\w*|переговор\w*|беседова\w*|побеседова\w*|поговори\w*)\s+с\s+(?:\w+\s+)?"
                               r"(?:митингующ|протестующ|бастующ|голодающ|пикетчик|демонстрант|"
                               r"участник\w*\s+(?:\w+\s+)?(?:митинг|акци|пикет|забастовк|протест))|"
                               # (session 26) an official who came to or spoke before them ("прибыл к бастующим медикам",
                               # "вышел к митингующим", "обратился к протестующим"), told either way round
                               + _CAME + r"\w*\s+к\s+(?:\w+\s+)?" + _PROTESTERS + r"|"
                               # (session 30) or met those who, the relative clause says, held the protest ("встретился с
                               # абитуриентами и их родителями, которые накануне устроили стихийную акцию протеста")
                               r"(?:встре\w*|переговор\w*|беседова\w*|побеседова\w*)\s+с\s+[^.;]{0,80}?,\s*котор\w+\s+(?:[\w-]+\s+){0,2}?"
                               r"(?:устроил|провел|провёл|организовал|вышл)\w*\s+(?:[\w-]+\s+){0,2}?(?:акци\w*\s+протест|митинг|пикет|"
                               r"забастовк|голодовк|протест)|"
                               r"\bк\s+(?:\w+\s+)?" + _PROTESTERS + r"\w*\s+" + _CAME + r"|"
                               # (session 27) or to those gathered in a public place ("обратился к собравшимся на площади
                               # жителям", "разъяснительная работа среди жителей, собравшихся перед городской администрацией")
                               + r"(?:" + _CAME + r"\w*\s+к|разъяснительн\w+\s+работ\w*\s+(?:среди|с))\s+(?:[\w-]+,?\s+){0,2}?"
                               r"собравш\w+\s+(?:[\w-]+\s+){0,2}?(?:на\s+(?:центральн\w+\s+)?площад|у\s+(?:здани\w+\s+)?акимат|"
                               r"перед\s+(?:здани\w+\s+)?(?:[\w-]+\s+)?(?:акимат|администраци)|возле\s+(?:здани\w+\s+)?акимат)", re.I)


# (session 26) what a riot does, done: destroyed, burnt, looted ("протестующие разрушили памятник первому президенту")
RIOT_ACT_RE = re.compile(r"\b(?:разрушил|разгромил|подожгл|поджигал|сожгл|спалил|громил|разграбил|мародерствовал)\w*|"
                         # (session 31) "громят автомобили полицейских", "где устроили беспорядки"
                         r"\bгромя[тщ]\w*|\b(?:устроил|учинил)\w*\s+(?:[\w-]+\s+)?беспорядк|\bизбил\w*|"
                         # (session 30) seizing a building by force ("пытаются захватить здание департамента внутренних дел")
                         r"\bзахват(?:ить|или|ил|ывают|ывали|ят)\s+(?:[\w-]+\s+)?(?:здани|акимат|департамент|отдел|аэропорт)", re.I)


# "требуя встречи с акимом", "ждут встречи", "добиваются встречи": the meeting is what the protesters want
# (session 22: or hope for, "надеясь на встречу с работодателями", "в надежде на встречу")
MEETING_DEMANDED_RE = re.compile(r"(?:требу\w*|потребова\w*|жд[уеа]\w*|ожида\w*|добива\w*|проси\w*|просят|настаива\w*|"
                                 r"надеясь\s+на|надеял\w*\s+на|надеются\s+на|в\s+надежде\s+на)\s+"
                                 r"(?:\w+\s+)?встреч", re.I)


def lem_of(text: str) -> set[str]:
    return set(lemmas(text))


# (session 21) a protest recalled at a place the sentence describes ("Мемориал находится в сквере ..., где в ночь на 5
# января полиция разогнала митингующих"): the place's history, not an event of the article
PLACE_MEMORY_RE = re.compile(r"\b(?:находится|находятся|расположен\w*|установлен\w*)\b[^,]{0,80},\s*где\b", re.I)
# a form's word in lower-cased text (a cheap test, no morphology)
_FORM_WORD_RE = re.compile(r"митинг|пикет|голод|шестви|марш|флеш|забастов|бастую|акци|протест")


def _negatives(lem: set[str], raw: str, published: dt.date | None = None) -> list[str]:
    out = []
    mode = sentence_mode(raw)
    for name, (words, need) in NEGATIVE.items():
        hits = lem & words
        if name == "civic" and (MEETING_DEMANDED_RE.search(raw) or PROTESTERS_MET_RE.search(raw)):
            hits = hits - {"встреча"}  # a meeting they demand or wait for is the protest's aim, not a meeting held
        if name == "civic" and "ремонт" in hits and DEMANDED_REPAIR_RE.search(raw):
            hits = hits - {"ремонт"}  # (session 24) a repair they demand ("требуя ремонта") is the protest's aim
        if name == "law" and hits and LAW_OBJECT_RE.search(raw):
            hits = lem_of(LAW_OBJECT_RE.sub(" ", raw)) & words  # the law they protest against
        if name == "court":
            # a sentence about a court case: a court and what it decided; (session 19) a court building as the place
            # people gathered at («вышли с плакатами к зданию суда») is no court
            c_lem = lem_of(COURT_PLACE_RE.sub(" ", raw)) if COURT_PLACE_RE.search(raw) else lem
            hits = c_lem & words
            if ({"суд", "судья"} & c_lem and (hits & COURT_VERBS or hits & {"штраф", "мрп", "коап", "заседание", "процесс", "подсудимый", "прокурор"})) \
                    or len(hits - {"осудить"}) >= 3:
                out.append(name)
        elif len(hits) >= need or (name == "law" and "законопроект" in hits):
            out.append(name)
    if online_mention(raw) and "online" not in out:
        out.append("online")
    if AGGREGATE_RE.search(raw) and AGGREGATE_RE.search(DEBT_PERIOD_RE.sub(" ", raw)) and "statistics" not in out:
        out.append("statistics")
    if DIET_RE.search(raw):
        out.append("diet")
    if "голод" in raw and POVERTY_HUNGER_RE.search(raw) and not re.search(r"голодовк|протест|требу|аштық", raw, re.I):
        out.append("poverty")  # (session 31) "голодают из-за запрета на рыбалку": hunger, no hunger strike
    if "онлайн" in raw.lower() and ONLINE_FORM_RE.search(raw):
        out.append("online form")  # (round 19) "онлайн акция басталды", "онлайн-голодовка": held online, not gathered
    m = MEETING_HELD_RE.search(raw)
    if m and not _FORM_WORD_RE.search(raw[:m.start()].lower()):
        out.append("meeting")  # the form is the meeting's topic
    if CELEBRATION_HINT_RE.search(raw) and CELEBRATION_RE.search(raw) and not lem & (PROTEST_LEMMAS - {"плакат", "лозунг"}) \
            and not KK_DEMAND_RE.search(raw) and not AGAINST_POWER_RE.search(raw):
        out.append("celebration")
    if (CASE_RE.search(raw) or PENALTY_RE.search(raw)) and "court" not in out:
        out.append("court")
    main = re.sub(r",\s*(?:где|когда|котор\w+|после\s+того)\b[^,;]*", "", raw)  # not in a relative clause
    old = [m.group(0) for m in OLD_YEAR_RE.finditer(THING_YEAR_RE.sub(" ", REMEMBERED_YEAR_RE.sub(" ", main)))]
    # (with the publication date: a year of publication, the one before or later is no other time: "до 2020 года" in 2011)
    if published is not None:
        old = [o for o in old if int(re.search(r"(?:19|20)\d\d", o).group(0)) < published.year - 1]
    if old and "background" not in out:
        out.append("background")
    if told_before(raw) or ((m := PLACE_MEMORY_RE.search(raw)) and not _FORM_WORD_RE.search(raw[:m.start()].lower())):
        out.append("background")
    if (NARRATED_RE.search(raw) or GENERIC_RE.search(raw)) and "background" not in out:
        out.append("background")
    if mode:
        out.append(mode)
    low = yo(raw).lower()
    out += [n for n in triage_not_events.negatives(low) + triage_aftermath.negatives(low) if n not in out]
    return out


# verbs whose time is the time of the infinitive they govern ("продолжают митинговать", "стали задерживать")
# verbs of stopping: with an infinitive they say the holding is no more ("перестали выходить")
# a Kazakh participle denied by «жоқ» ("өткізген жоқ", "шыққан жоқ"): no holding told
KK_DENIED_VERB_RE = re.compile(r"\w+(?:ған|ген|қан|кен)\s+жоқ\b")
# verbs of asking: with an infinitive they say what others are asked to do ("требуют перекрыть дорогу")
ASK_LEMMAS = {"требовать", "потребовать", "просить", "попросить", "призывать", "призвать", "умолять"}
STOP_LEMMAS = {"перестать", "переставать", "прекратить", "прекращать", "бросить"}
PHASAL_LEMMAS = {"начать", "начинать", "продолжить", "продолжать", "стать", "пытаться", "попытаться", "перестать",
                 "успеть", "остаться", "оставаться", "заставить", "вынудить", "пойти"}




def verb_time(tag) -> str:
    """'past', 'present', 'future', 'infinitive' or 'other' for a pymorphy tag of a verb form."""
    if tag.POS == "INFN":
        return "infinitive"
    if tag.POS == "VERB":
        return {"past": "past", "pres": "present", "futr": "future"}.get(tag.tense, "other")
    return "other"  # a participle, a gerund, a noun: says nothing of the time


# (session 31) an action named by its kind ("экологическая арт-акция в защиту урочища", "эко-акция против вырубки")
# (an eco-action is a clean-up or a planting unless told otherwise: NON_PROTEST_ACTION_RE); (session 31) one held by
# someone ("Художник выступил с акцией в защиту Бозжыры", "вышла с одиночным пикетом")
PREFIXED_ACTION_RE = re.compile(r"\bакци\w*\s+(?:[\w-]+\s+)?в\s+защиту\s+(?!прав\s+потребител)")
# the forms named by a word the lemmas miss (read by `_has_form` and `_action_only`); (session 31) an art action
# («арт-акция») is a happening
NAMED_FORM_RE = re.compile(r"флеш-?моб|х[эе]п+енинг|одиночн\w+ пикет|\bшестви|\bмаршем|\bарт-?акци")
OUT_WITH_FORM_RE = re.compile(r"\bвыступ(?:ил|ила|или|ает|ают|ал)\w*\s+с\s+(?:[\w-]+\s+)?(?:акци|пикет|перформанс|одиночн\w+\s+пикет|"
                              r"арт-?акци)")


def _has_form(lem: set[str], low: str) -> bool:
    """The sentence names a form of assembly (a protest "акция" included, a sale or charity "акция" not)."""
    if "пикет" in lem and POLICE_POST_RE.search(low) and not re.search(r"одиночн|пикетчи|плакат|треб|протест|митинг", low):
        lem = lem - {"пикет", "пикетировать", "пикетирование"}  # a police post, not a picket
    form = bool(lem & FORM_LEMMAS) or bool(NAMED_FORM_RE.search(low)) \
        or (bool(MOTORCADE_RE.search(low)) and bool(lem & PROTEST_LEMMAS)) or bool(UNSANCTIONED_GATHERING_RE.search(low))
    action = bool(PROTEST_ACTION_RE.search(low)) or bool(PREFIXED_ACTION_RE.search(low)) \
        or ("акция" in lem and bool(lem & (PROTEST_LEMMAS | {"активист", "участник", "пикетчик", "памятник", "годовщина"})))
    if action and not form and NON_PROTEST_ACTION_RE.search(low) and not lem & PROTEST_LEMMAS:
        action = False  # a sale, a charity or a police campaign called "акция"
    return form or action


def _action_only(lem: set[str], low: str) -> bool:
    """The only form the sentence names is a bare "акция" (no protest word with it)."""
    return not (lem & FORM_LEMMAS or NAMED_FORM_RE.search(low)
                or MOTORCADE_RE.search(low) or lem & PROTEST_LEMMAS)


# an official who came ("прибыл аким района", "приехало руководство корпорации", "просят акима приехать"): no gathering
OFFICIAL_ARRIVE_RE = re.compile(r"(?:прибыл|приехал|пришел|пришла|прибыло|приехало|прибыли|приехали|прибыть|приехать|прийти)\s+"
                                r"(?:[\w-]+\s+){0,3}?(?:аким|замакима|заместител|министр|вице-министр|руководств|руководител|"
                                r"глав[аы]\b|чиновник|депутат|прокурор|начальник|губернатор|мэр)|"
                                r"(?:аким\w*|министр\w*|руководств\w*|руководител\w*|чиновник\w*|начальник\w*)\s+(?:[\w-]+\s+){0,4}?"
                                r"(?:прибыл|приехал|пришел|пришла|прибыло|приехало|прибыли|приехали|прибыть|приехать|прийти)\w*", re.I)
ARRIVE_LEMMAS = {"прибыть", "приехать", "прийти", "прибывать"}
# (session 29) discontent voiced ("наразылық білдірді", "наразылығын білдіріп отыр") with nothing of a gathering in the
# sentence (a place before which, a square, a crowd's verb, placards, chanting, a street): words, not an assembly
KK_ONLINE_RE = re.compile(r"әлеуметтік\s+желі|желілер(?:де|ге)|парақша|инстаграм|instagram|фейсбук|facebook|тикток|tiktok|"
                          r"телеграм|telegram|ватсап|whatsapp")
# (session 32: or shown, "қатты наразылық танытты", "наразылық байқатуда")
KK_VOICED_ONLY_RE = re.compile(r"наразылы[қғ]\w*\s+(?:[\w-]+\s+)?(?:білдір|таныт|байқат)")
# (not workers, whose discontent is a stoppage, "Маңғыстауда жұмысшылар наразылық білдірді"; nor a demand or their words
# quoted, "... талап етіп наразылық білдірді", "жалғастырмаймыз деп"; nor a video of it)
KK_PLACE_OR_CROWD_RE = re.compile(r"алдын|(?<!балалар\s)(?<!ойын\s)алаң|жинал|жиыл|шықт|шығып|шыққан|плакат|ұран|көшеге|көшеде|жолды|келіп|барып|"
                                  r"тұрып|отырып|жанына|жанында|маңына|маңында|ғимарат|"
                                  r"\w(?:шы|ші)(?:лар|лер)?[ыі]?\b|талап|\bдеп\b|видео|бейне|көтеріл|қабат|мұнара|кран|"
                                  # (session 40: a figure, not of years, months, days, money or a share: "16 жылдық
                                  # тарихында" is no crowd)
                                  r"\d+(?![\d\s]*(?:-?\s*(?:жыл|ай\b|айда|айлық|күн|(?:мың\s+)?(?:теңге|тг\b|доллар)|млн|млрд|миллион|миллиард|пайыз|%)))|"
                                  r"\b(?:екі|үш|төрт|бес|он|бірнеше|ондаған|жүздеген|мыңдаған)\b|бір\s+топ")
# (session 40) the outlet's attribution ("..., деп хабарлайды Zakon.kz", "деп жазады Lada.kz-ке сілтеме жасап"): its
# «деп» quotes the report, not the people's words, so it tells neither a demand nor a crowd
KK_ATTRIBUTION_RE = re.compile(r"\bдеп\s+(?:хабарла|жаз|мәлімде|жарияла|хабар\s+тарат)\w*[^.!?]*")
# (session 29) who came to someone's home or came to collect something, queuing: a visit or a queue, not a crowd ("ко мне
# домой пришли оценщики"; "встали в очередь и друг за другом зашли в кабинет", "кто пришел за своими наградами")
VISIT_OR_QUEUE_RE = re.compile(r"\b(?:ко\s+мне|к\s+нам|к\s+ним)\s+(?:домой|в\s+дом|на\s+дом)|\bдомой\s+(?:[\w-]+\s+)?(?:пришл|приехал)|"
                               # (session 31) a visit to a newsroom ("В редакцию «КН» Мадина ... пришла от безысходности")
                               r"\bв\s+(?:нашу\s+)?редакци|\bк\s+нам\s+в\s+редакци|"
                               r"(?:встал|выстроил|стоял|стоят|стоим)\w*\s+в\s+(?:[\w-]+\s+)?очеред|друг\s+за\s+другом|"
                               # (session 32) "собралась очередь": a queue gathered
                               r"собрал\w*\s+(?:[\w-]+\s+)?очеред|"
                               r"при(?:шл|ш[её]л)\w*\s+за\s+(?:сво\w+\s+)?(?:наград|пособи|справк|документ|паспорт|посылк|пенси|удостоверени)")
BLOCK_LEMMAS = {"перекрыть", "перекрывать", "блокировать"}
# (session 31) the police, the guards or the rescuers on duty somewhere ("Сейчас на участке дежурят правоохранительные
# органы", "у здания дежурит наряд полиции"): no crowd
POLICE_ON_DUTY_RE = re.compile(r"дежур\w*\s+(?:[\w-]+\s+){0,3}?(?:правоохранител|полиц|полицейск|наряд|стражи?\s+порядка|патрул|"
                               r"спасател|охран|военн|сотрудник\w*\s+(?:полиц|мвд|дчс|охран))|"
                               r"(?:правоохранител|полиц|полицейск|наряд\w*\s+полиц|стражи?\s+порядка|патрул|спасател|охранник|"
                               # (session 46) or guard it: "Сотрудники полиции охраняют сквер от вырубки" (no crowd)
                               r"военн)\w*\s+(?:[\w-]+\s+){0,3}?(?:дежур|охраня|карау|стерег|сторож)")
# people who stand in the way of a demolition or an eviction ("встали перед бульдозером", "не позволили снести",
# "не допустят сноса школы"): a protest cue
WATCH_AGAINST = (r"(?:дежур|охраня|караул|стерег|сторож)\w*\s+(?:[\w-]+,?\s+){0,4}?(?:от\s+(?:сноса|вырубки|застройки|"
                 r"захвата|разрушения|уничтожения)|(?:котор\w+|что)\s+(?:[\w-]+\s+)?(?:хотят|собираются|планируют|решили|"
                 r"намерены|должны)\s+(?:[\w-]+\s+)?(?:снести|сносить|вырубить|спилить|застроить|разрушить))")
WATCH_AGAINST_RE = re.compile(WATCH_AGAINST, re.I)
# people who stand or lie in the way of the machines ("встали перед бульдозером"; session 32: "Верующие ложатся под гусеницы
# тракторов")
BEFORE_MACHINES = (r"(?:встал|стоял|легл|ложат|ложил|бросал|бросил)\w*\s+(?:[\w-]+\s+){0,2}?(?:перед|на\s+пути|под)\s+"
                   r"(?:[\w-]+\s+)?(?:бульдозер|техник|экскаватор|спецтехник|ковш|гусениц|трактор|грейдер|самосвал)")
BEFORE_MACHINES_RE = re.compile(BEFORE_MACHINES, re.I)
# (session 32) someone spoke at the form ("на санкционированном митинге ... пенсионеры высказали свое недовольство",
# "На пикете активист заявил"): it was held
SPOKE_AT_FORM_RE = re.compile(r"\bна\s+(?:[\w-]+\s+){0,3}?(?:митинг|пикет|собрани\w+\s+протест)\w*[^.!?]{0,200}?\b(?:высказал|заявил|"
                              r"выступил|выступавш|сказал|потребовал|призвал|зачитал)\w*")
# (session 32) nobody came out ("на улицы выходить никто не стал", "никто не пришел")
NOBODY_CAME_RE = re.compile(r"никто\s+(?:[\w-]+\s+)?не\s+(?:стал|вышел|пришел|пришёл|собрался|решился|явился)|"
                            r"(?:выходить|выйти|приходить|прийти|собираться)\s+никто\s+не")
# (session 32) signatures collected («петиция жарияланып, ... қол жиналып жатыр»): no crowd gathered
KK_SIGNATURES_RE = re.compile(r"қол\s+(?:[\w-]+\s+)?жина")
# (session 32) a utility cut off ("перекрыто электричество", "перекрыли газ"): no road block
UTILITY_CUT_RE = re.compile(r"перекры\w*\s+(?:[\w-]+\s+)?(?:электричеств|газ\b|газа|газо|вод[ауы]|свет\b|отоплени|тепл|кран)")
DEMOLITION_RESIST_RE = re.compile(r"\bне\s+(?:позволил|позволя|дали|дадим|дают|допуст|допуска)\w*\s+(?:им\s+)?(?:[\w-]+\s+){0,2}?"
                                  r"(?:снести|сносить|снос\w*|разрушить|демонтир\w*|выселить|выселени\w*)|"
                                  + BEFORE_MACHINES + r"|"
                                  # (session 32) a watch kept over what is to be pulled down or felled ("дежурят в школе,
                                  # которую хотят снести", "охраняют сквер от вырубки")
                                  + WATCH_AGAINST, re.I)
# unfolding or holding placards ("развернули два плаката у акимата", "вышли с транспарантами"): a picket, told by its act
# (session 54: "вышли к акимату с плакатами", the place between the verb and the placards)
PLACARD_ACT_RE = re.compile(r"\b(?:развернул|растянул|поднял|подняли|держал|держат|держит|вышл\w*\s+(?:к\s+(?:[\w-]+\s+){1,2}?)?с|"
                            r"стоял\w*\s+с|стоят\s+с|"
                            r"стоит\s+с|пришл\w*\s+с)\w*\s+(?:[\w-]+\s+){0,3}?(?:плакат|транспарант|растяжк|баннер)", re.I)
# Kazakh: a crowd chanting ("халық ... ұрандата бастады"), the police kettling, dispersing or taking away a gathering
# ("бейбіт жиын қатысушыларын қоршауға алды", "оларды ... таратып жіберді", "алаңда ... ұстап әкетті")
KK_CHANT_RE = re.compile(r"ұрандат|ұран\s+(?:\w+\s+)?(?:айтт|тастад)", re.I)
KK_POLICE_RE = re.compile(r"(?:адам|наразылар|қатысушылар|аналар|жиналғандар|оларды|белсенділер|азамат|тұрғындар|жұмысшылар|"
                          r"ереуілшілер)\w*\s+(?:[\w-]+\s+){0,5}?(?:қоршауға\s+ал|таратып\s+жібер|ұстап\s+әкетт|ұстай\s+баста)", re.I)
# (session 28) Kazakh: those who went out (to protest, before a building, onto a square) detained, told either way round
# (session 29: the detention is the detention modules' own pattern, `detention_patterns.DETAIN_RE`, not a list of its
# own: one list of Kazakh detention verbs, with its guards — "плакат ұстады" is a placard held)
KK_WENT_OUT_RE = re.compile(r"(?:наразылыққа|наразылық\s+акциясына|митингке|пикетке|ереуілге|алаңға|көшеге|алдына)\s+(?:[\w-]+\s+)?"
                            r"(?:шыққан|келіп\s+жүрген|жиналған)\w*", re.I)
_NEAR_BEFORE_RE = re.compile(r"^\w*\s+(?:[\w-]+\s+){0,3}?$")  # (the detention's end, then up to three words, then the going out)


def kk_protesters_detained(low: str) -> bool:
    """Those who went out detained: the detention within the sentence after the going out ("алдына шыққандардың сөзінше,
    полицейлер оларды қамауға алып"), or up to three words before it ("ұсталған наразылыққа шыққандар")."""
    for m in KK_WENT_OUT_RE.finditer(low):
        if DETAIN_RE.search(re.split(r"[.!?]", low[m.end():m.end() + 120], maxsplit=1)[0]):
            return True
        before = low[max(0, m.start() - 80):m.start()]
        if any(_NEAR_BEFORE_RE.match(before[d.end():]) for d in DETAIN_RE.finditer(before)):
            return True
    return False
KK_CROWD_RE = re.compile(r"жиналған|жиналғандар|топтас|қатысушы|наразы|халық|\bтоп\b", re.I)
# (an appeal to an official is the cue of a video appeal: "просят акима", "обратились к Токаеву")
APPEAL_RE = re.compile(r"\b(?:просят|просили|попросили|обратил\w*\s+к|обращаются\s+к|умоляют|с\s+просьбой)\b|"
                       # (session 18) the appeal named ("видеообращение к президенту") or a complaint ("пожаловавшись на
                       # низкие зарплаты", "жалуются на")
                       r"обращени\w*\s+(?:[\w-]+\s+)?к\s+(?:президент|аким|глав|власт|правительств|премьер|токаев|министр)|"
                       r"\bпожаловал\w*|\bпожаловавшись\b|\bжалуются\b", re.I)


# (session 18) taking part in the form itself ("в пикете ... приняли участие", "приняли участие в митинге"; not "приняли
# участие в обсуждении закона о митингах")
_FORM_STEMS = r"(?:митинг|пикет|акци|шестви|забастовк|голодовк|флешмоб|марш|сход)"
TOOK_PART_RE = re.compile(rf"(?<!\w)в\s+(?:[\w-]+\s+){{0,2}}?{_FORM_STEMS}\w*[^.;]{{0,80}}?принял\w*\s+участие|"
                          rf"принял\w*\s+участие\s+в\s+(?:[\w-]+\s+){{0,2}}?{_FORM_STEMS}", re.I)
# (session 28) "прошедший" agreeing with a form named within a few words or after a parenthesis ("Прошедший 25 июня,
# накануне праздника работников СМИ, митинг в Алматы"); not a time ("в прошедшие выходные", "за прошедший год")
HELD_PARTICIPLE_RE = re.compile(r"\bпрошедш(?:ий|ая|ее|ие|его|ей|ем|их|ую)\s+(?![\w-]*\s*(?:выходн|год|недел|месяц|сутк|дни|дн[яеё]|"
                                r"врем|период|сезон|раз\b))(?:[^.,;:!?]{0,40}?,\s*[^.;:!?]{0,90}?,\s*|(?:[\w-]+\s+){0,3}?)"
                                r"(?:митинг|пикет|шестви|марш|забастовк|голодовк|акци\w*\s+протест)", re.I)
# (session 18) the form as the subject of "собрать" with a number of people after it ("Митинг собрал около 300 человек",
# "акция собрала несколько сотен жителей"; not "собрали подписи", "на митинге собрали деньги")
FORM_GATHERED_RE = re.compile(r"(?<![\w-])(?:митинг|пикет|шествие|марш|сход|флешмоб|акция(?:\s+протеста)?|забастовка)\s+"
                              r"(?:[\w-]+\s+){0,5}?собрал[аои]?\s+(?:[\w-]+\s+){0,2}?(?:\d[\d\s]*|сотн\w*|сотен|тысяч\w*|десят(?:ок|к\w*)|"
                              r"несколько\s+\w+|полтор\w+\s+\w+)\s*(?:[\w-]+\s+){0,2}?(?:человек|участник|жител|сторонник|активист|"
                              r"горожан|сельчан|рабочи|работник|протестующ|митингующ|люд)", re.I)


SLOGAN_CUE_RE = re.compile(r"надпис|лозунг|плакат|транспарант|баннер|скандир|кричал|выкрикива|жазу")
SLOGAN_QUOTE_RE = re.compile(r"«[^«»]*(?:«[^«»]*»[^«»]*)*»")


# (session 31) a question quoted after what people did ("сегодня мы пришли к начальнику ..., чтобы задать вопрос: когда будет
# зарплата?"): the sentence tells the act, the question is its content
QUESTION_QUOTED_RE = re.compile(r"(?:вопрос\w*|спросить|узнать|выяснить)\s*:\s*[^:?]*\?\s*$", re.I)


# (session 38) a hunger strike under way, told in a relative clause of the sentence's people, in the present tense with
# how long it has lasted ("Столичные активисты, которые уже 10 дней держат голодовку, направили обращение"): it goes on
HUNGER_UNDER_WAY_REL_RE = re.compile(r"\bкотор\w+\s+(?:уже\s+)?(?:[\w-]+\s+){0,2}?(?:дн\w*|недел\w*|месяц\w*|сут(?:ки|ок))\s+"
                                     r"(?:(?:держат|держит|продолжают|продолжает)\s+(?:[\w-]+\s+)?голодовк|голода[юе]т)", re.I)


def judge_sentence(s: Sentence, published: dt.date | None = None) -> SentenceVerdict:
    raw = yo(s.text)
    if "к " in raw or "келд" in raw:  # (session 24) "пришли к выводу", "келісімге келді": nobody came anywhere
        raw = triage_aftermath.IDIOM_RE.sub(" ", raw)
    lem = set(lemmas(raw))
    if "-" in raw:  # (session 31) a form with a prefix ("мини-митинг", "автомитинг") is that form
        lem |= {t for t in (l.rsplit("-", 1)[-1] for l in lem if "-" in l) if t in FORM_LEMMAS}
    low = raw.lower()
    v = SentenceVerdict(index=s.index, event=False)
    form = _has_form(lem, low)
    # the form named only inside a relative clause that is a plan, a threat or a refusal ("провели
    # пресс-конференцию, на которой заявили о намерении провести митинг") is not what the main verb holds
    main_raw = RELATIVE_CLAUSE_RE.sub(" ", raw)
    form_main = form and (main_raw == raw or _has_form(set(lemmas(main_raw)), main_raw.lower())
                          or not any(sentence_mode(m.group(0)) for m in RELATIVE_CLAUSE_RE.finditer(raw)))
    kazakh = bool(KAZAKH_LETTER_RE.search(low))
    # (session 30: not a holding denied by «жоқ», "акциясын өткізген жоқ")
    kk = bool(KK_FORM_RE.search(low)) and bool(KK_EVENT_RE.search(KK_DENIED_VERB_RE.sub(" ", low) if "жоқ" in low else low))
    # the only Kazakh form is a bare "акция" (no митинг, пикет, наразылық ...)
    kk_action_only = kk and not re.search(r"митинг|пикет|аштық|шеру|наразылы[қғ]|ереуіл|бейбіт\s+жиын", low)
    if kk_action_only and (KK_NON_PROTEST_RE.search(low) or NON_PROTEST_ACTION_RE.search(low)) \
            and not KK_DEMAND_RE.search(low) and not lem & PROTEST_LEMMAS:
        kk = False  # a charity, a sale, a clean-up called "акция"
    if kk and KK_VOICED_ONLY_RE.search(low) and not re.search(r"митинг|пикет|аштық|шеру|ереуіл|акция|бейбіт\s+жиын", low) \
            and not KK_PLACE_OR_CROWD_RE.search(KK_ATTRIBUTION_RE.sub(" ", low)):
        kk = False  # (session 29) "Павлодар тұрғындары наразылық білдірді" and no place, no crowd: discontent voiced in words
    if kk and KK_ONLINE_RE.search(low) and KK_VOICED_ONLY_RE.search(low) and not re.search(r"митинг|пикет|аштық|шеру|ереуіл|алаң|алдын|жинал|жиыл|көшеге", low):
        kk = False  # (session 31) "әлеуметтік желілерде ... наразылық білдіріп жатыр": discontent voiced online
    crane = bool(CRANE_RE.search(low))
    roadblock = bool(ROADBLOCK_RE.search(low)) and not POLICE_SUBJECT_RE.search(low) and not re.search(r"был[оа]? перекрыт", low) \
        and not UTILITY_CUT_RE.search(low)
    by_people = roadblock and bool(PEOPLE_ROADBLOCK_RE.search(low))
    height = (bool(HEIGHT_RE.search(low)) or bool(HEIGHT_DEMAND_RE.search(low))) and not HEIGHT_BY_SERVICES_RE.search(low)
    video = bool(VIDEO_APPEAL_RE.search(low))
    # a verb of holding; a form word that is also a verb ("митинговать") counts as one only when
    # it is a verb, not a participle naming people ("данного митинговавшим 24 апреля")
    event_verb = False
    tenses: set[str] = set()
    gather_verb = False  # a verb of gathering, not negated
    gather_found: set[str] = set()
    continuing_future = False  # "продолжат голодовку": it is under way
    protesters_subject = False  # "Голодающие ждут", "бастующие шахтеры согласились": protesters act
    finite = False
    # verbs in a relative clause tell about someone, not what the sentence reports ("суд над активистами,
    # которые вышли на митинг")
    toks = tokens(main_raw)
    for k, tok in enumerate(toks):
        ps = parses(tok.lower())
        if not ps:
            continue
        l = yo(ps[0].normal_form)
        if l in ("собираться", "собраться") and k + 1 < len(toks) and any(
                p.tag.POS == "INFN" for p in parses(toks[k + 1].lower())[:1]):
            continue  # "собираются провести": an intention, not a gathering
        if k > 0 and toks[k - 1].lower() == "не":
            continue  # "не вышли", "не стали выходить": nothing held
        if l in ("проходить", "пройти") and " ".join(toks[k + 1:k + 3]).lower() in ("в качестве", "по делу"):
            continue  # (session 29) "проходивший в качестве потерпевшего", "проходил по делу": a case's role, no holding
        if k > 0 and ps[0].tag.POS == "INFN" and any(
                yo(p.normal_form) in STOP_LEMMAS and p.tag.POS == "VERB" for p in parses(toks[k - 1].lower())[:2]):
            continue  # "перестали выходить на митинги": they no longer do
        if l in GATHER_LEMMAS and ps[0].tag.POS == "INFN" and k > 0 and any(
                yo(p.normal_form) in ASK_LEMMAS for p in parses(toks[k - 1].lower())[:2]):
            continue  # (session 30) "требуют перекрыть дорогу в их поселок": what they ask of others, not their act
        if l in GATHER_LEMMAS:
            gather_verb = True
            gather_found.add(l)
        if ps[0].tag.POS == "VERB" and ps[0].tag.tense in ("past", "pres"):
            finite = True
        if ps[0].tag.POS == "VERB" and ps[0].tag.tense == "futr" and l in ("продолжить", "продолжать"):
            continuing_future = True
        if l in PROTESTER_LEMMAS | {"голодать"} and ps[0].tag.POS in ("PRTF", "NOUN", "ADJF") \
                and (ps[0].tag.case == "nomn" or (ps[0].tag.case in ("gent", "accs") and k > 0 and toks[k - 1].isdigit())):
            # (the subject after a number is in the genitive: "154 бастующих шахтёра согласились")
            protesters_subject = True
        if l in EVENT_LEMMAS and not (l in FORM_LEMMAS and ps[0].tag.POS in ("PRTF", "NOUN", "ADJF")):
            event_verb = True
            tenses.add(verb_time(ps[0].tag))
        elif l == "принять" and ps[0].tag.POS == "VERB" and k + 1 < len(toks) and toks[k + 1].lower().startswith("участи") \
                and TOOK_PART_RE.search(low):
            event_verb = True  # (session 18) "в пикете приняли участие 15 человек": as "участвовали"
            tenses.add(verb_time(ps[0].tag))
        else:
            # a verb form read first as a noun ("начала", "стали") still counts by its verb reading
            verb = next((p for p in ps if p.tag.POS in ("VERB", "INFN")
                         and yo(p.normal_form) in GATHER_LEMMAS | PHASAL_LEMMAS), None)
            if verb is not None:
                tenses.add(verb_time(verb.tag))
                if yo(verb.normal_form) in GATHER_LEMMAS:
                    gather_verb = True
                    gather_found.add(yo(verb.normal_form))
    # (session 36) and with a relative clause about the form taken out ("Митинг у акимата, который прошёл 6 мая, собрал
    # около 200 человек": the clause's closing comma goes with it)
    if FORM_GATHERED_RE.search(low) or (main_raw != raw and FORM_GATHERED_RE.search(re.sub(r"\s+,", " ", main_raw.lower()))) \
            or HELD_PARTICIPLE_RE.search(low) or ("выступ" in low and OUT_WITH_FORM_RE.search(low)) \
            or (" на " in low and SPOKE_AT_FORM_RE.search(low)):
        # (session 18) "Митинг в Актобе собрал от 300 до 500 человек": the form gathered a crowd; (session 28) "Прошедший
        # 25 июня ... митинг в Алматы был примечателен": the form told as held by a participle the dictionary reads first
        # as the adjective "прошедший"
        event_verb = True
        tenses.add("past")
    # staying somewhere (not leaving, standing, camping, a night, refusing to work): a gathering that lasts
    if (gather_found and gather_found <= ARRIVE_LEMMAS and OFFICIAL_ARRIVE_RE.search(low)) or NOT_CROWD_GATHERED_RE.search(low):
        gather_verb = False  # "прибыл аким района": an official came, nobody gathered; (session 21) "собрались журналисты"
    if gather_found and gather_found <= ARRIVE_LEMMAS | {"пригнать", "стянуться", "съехаться"} and SERVICES_CAME_RE.search(low):
        gather_verb = False  # (session 30) "в здание прибыли полицейские", "власти пригнали около 500 полицейских"
    if gather_found and gather_found <= ARRIVE_LEMMAS | {"выстроиться", "собраться"} and VISIT_OR_QUEUE_RE.search(low):
        gather_verb = False  # (session 29) "ко мне домой пришли оценщики"; "пришли за наградами", "встали в очередь"
        # (session 31: "выстроились в длинную очередь, чтобы проголосовать")
    if gather_found and gather_found <= {"дежурить", "находиться", "прибыть", "приехать"} and POLICE_ON_DUTY_RE.search(low):
        gather_verb = False  # (session 31) "на участке дежурят правоохранительные органы": the police, no crowd
    if gather_found and gather_found <= BLOCK_LEMMAS and UTILITY_CUT_RE.search(low):
        gather_verb = False  # (session 32) "перекрыто электричество": a utility cut off, nobody blocked anything
    if gather_verb and "никто" in low and NOBODY_CAME_RE.search(low):
        gather_verb = False  # (session 32) "В Костанае на улицы выходить никто не стал": nobody came out
    if gather_found and gather_found <= BLOCK_LEMMAS and POLICE_SUBJECT_RE.search(low):
        gather_verb = False  # (session 28) "сотрудники полиции перекрыли дорожное движение": the police, no crowd
    if MARCH_MOVE_RE.search(low) or BEFORE_MACHINES_RE.search(low):
        gather_verb = True  # "двинулись по проспекту Республики": a column on the move; people before a bulldozer
    if not gather_verb and contains_any(low, ("охраня", "караул", "стерег", "сторож")) \
            and WATCH_AGAINST_RE.search(low) and not POLICE_ON_DUTY_RE.search(low):
        gather_verb = True  # (session 32) people who guard a park or a school from the saw or the bulldozer
    staying = bool(LIE_DOWN_RE.search(low)) or bool(NIGHT_AT_RE.search(low)) or bool(STAND_AT_RE.search(low) and not CAR_STANDS_RE.search(low)) or bool(NOT_LEAVING_RE.search(low)) \
        or bool(STOP_WORK_RE.search(low)) or bool(CAMP_RE.search(low))
    refused = bool(REFUSE_DISPERSE_RE.search(low))  # (session 53) would not disperse (a festive crowd: a negative)
    staying = staying or refused
    gather = gather_verb or staying
    if lem & RIOTER_LEMMAS and not lem & (PROTEST_LEMMAS - {"штурм"}):
        gather = staying = False  # "На улицы также вышли мародеры": no peaceful assembly
    # (session 21: "возмущённые жители вышли на дорогу"; the full participle, not one person's "возмущена")
    protest = bool(lem & PROTEST_LEMMAS) or (bool(SQUARE_IDIOM_RE.search(low)) and not FESTIVE_RE.search(low)) \
        or bool(re.search(r"возмущ[её]нн(?:ые|ых|ыми)\b", low)) \
        or bool(WAIT_OFFICIALS_RE.search(low)) or bool(DEMOLITION_RESIST_RE.search(low)) or refused
    if form_main and event_verb:
        v.reasons.append("form+verb")
        v.action_only = _action_only(lem, low)
    elif form_main and UNSANCTIONED_GATHERING_RE.search(low) and re.search(r"пресеч|пресек|разогна|разгон", low):
        v.reasons.append("form+verb")  # "пресечен несанкционированный сбор граждан": it was held, then stopped
    elif form_main and staying:
        v.reasons.append("form+staying")  # "с площади семь месяцев не уходили нефтяники, пытавшиеся забастовкой ..."
    if NIGHT_IN_RE.search(low) or (SIT_IN_RE.search(low) and SIT_IN_PLACE_RE.search(low)):
        v.reasons.append("night at a building")
    # the police acting on a crowd the sentence describes in a relative clause ("вытеснили с площади
    # несколько сотен человек, которые третий день собирались там с требованием ...")
    def rel_crowd() -> bool:
        if main_raw == raw:
            return False
        rel_lem = set(lemmas(" ".join(m.group(0) for m in RELATIVE_CLAUSE_RE.finditer(raw))))
        return bool(rel_lem & GATHER_LEMMAS and rel_lem & PROTEST_LEMMAS)
    # (session 21: or people who chanted, "задержаны около 100 человек, которые скандировали лозунги")
    if lem & DETAIN_LEMMAS and (lem & PROTESTER_LEMMAS or rel_crowd() or PARTICIPANTS_RE.search(low) or "скандировать" in lem
                                or (SUPPORTERS_AT_RE.search(low) and not INCIDENT_RE.search(low))) \
            and not ABROAD_RE.search(raw):  # (session 22: activists taken on a square, SUPPORTERS_AT_RE)
        v.reasons.append("protesters detained")
    elif kazakh and kk_protesters_detained(low):
        v.reasons.append("protesters detained")  # (session 28) "наразылыққа шыққандар ұсталды", "алдына шыққандар ... қамауға алып"
    if lem & PRESENT_LEMMAS and (lem & PROTESTER_LEMMAS or (form and ("участник" in lem or PEOPLE_COUNT_RE.search(low)))) \
            and not re.search(r"\bне\s+(?:осталось|остались|находил)", low):
        v.reasons.append("protesters present")
    # (session 26: not what a riot does, "протестующие разрушили памятник", "подожгли здание акимата")
    if protesters_subject and finite and not RIOT_ACT_RE.search(low):
        v.reasons.append("protesters acting")  # "Голодающие ждут президента", "протестующие пытаются снести памятник"
    if PROTESTERS_MET_RE.search(low):
        v.reasons.append("protesters met")  # "аким встретился с митингующими жителями"
    if PLACARD_ACT_RE.search(low) and (lem & PROTEST_LEMMAS or AT_BUILDING_RE.search(low) or re.search(r"\bу\s+|перед\s+|возле\s+", low)):
        v.reasons.append("placards")  # "развернули два плаката перед памятником на площади у акимата"
    if kazakh and ((KK_CHANT_RE.search(low) and KK_CROWD_RE.search(low)) or KK_POLICE_RE.search(low)) and not kk:
        v.reasons.append("kk gathering+demand")  # a crowd chanting, a gathering kettled or dispersed
    if kk:
        v.reasons.append("kk form+verb")
        v.action_only = v.action_only or (kk_action_only and not KK_DEMAND_RE.search(low))
    if crane:
        v.reasons.append("crane")
    if kazakh and KK_PLACARD_RE.search(low) and "хабарландыру" not in low:  # (session 24: not an advertisement's)
        v.reasons.append("kk placard")
    if height:
        v.reasons.append("height")
    if not roadblock and PASSIVE_ROADBLOCK_RE.search(low):
        roadblock = by_people = True
    if roadblock and (protest or by_people):
        v.reasons.append("road block+protest")
    elif roadblock:
        v.reasons.append("road block")
    if (gather or video) and protest and not form:
        v.reasons.append("gathering+protest")
    elif (gather or video or KK_FRONT_RE.search(low) or (kazakh and (KK_SIT_AT_RE.search(low) or (KK_GATHERED_RE.search(low) and "жиналыс" not in low
                                                                                              and not KK_SIGNATURES_RE.search(low))))) \
            and not form:  # (session 22: a Kazakh gathering anywhere, "ата-аналары жиналды", not for a meeting, "жиналысқа";
        # its cue is wanted near it)
        v.reasons.append("gathering")
    if KK_GATHER_RE.search(low) and KK_DEMAND_RE.search(low) and not kk and not KK_SIGNATURES_RE.search(low):
        v.reasons.append("kk gathering+demand")
    elif (KK_COMMEMORATION_RE.search(low) or KK_NIGHT_AT_RE.search(low) or (KK_SQUARE_RE.search(low) and "жанкүйер" not in low)
          or KK_STRIKE_RE.search(low) or KK_FRONT_DEMAND_RE.search(low)) and not kk:
        v.reasons.append("kk gathering+demand")
    v.reasons += [r for r in triage_formless_gatherings.reasons(low) + triage_in_person.reasons(low) if r not in v.reasons]
    if "голод" in low and HUNGER_UNDER_WAY_REL_RE.search(low) and "form+verb" not in v.reasons:
        v.reasons.append("form+verb")  # (session 38) "активисты, которые уже 10 дней держат голодовку, направили обращение"
    # (session 25) the words of a placard or a slogan quoted («Суд над Жанболатом — суд над будущим») are not the
    # sentence's mode
    neg_raw = SLOGAN_QUOTE_RE.sub(" ", raw) if "«" in raw and SLOGAN_CUE_RE.search(low) else raw
    v.negatives = _negatives(lem if neg_raw == raw else set(lemmas(neg_raw)), neg_raw, published)
    if video and "online" in v.negatives and not form and ("обращени" in low or APPEAL_RE.search(low)):
        v.negatives.remove("online")  # (session 28) a group's video appeal is spread online: "распространяется в соцсетях"
    v.infinitive_only = bool(tenses) and tenses <= {"infinitive"} and not PAST_EVENT_RE.search(low) \
        and set(v.reasons) <= {"form+verb"}
    # every verb of holding or gathering is in the future tense ("соберутся у акимата", "устроят пикет"),
    # none tells of a holding done or under way: a plan, whatever the verb
    # an intention next to a holding already done or under way ("стоят у акимата и намерены стоять до
    # конца", "собрались, хотя планировали шествие"): the holding is the event
    if "planned" in v.negatives and tenses & {"past", "present"} and INTENT_RE.search(low) \
            and not PLANNED_RE.search(low):
        v.negatives.remove("planned")
    if v.reasons and tenses and tenses <= {"future"} and "planned" not in v.negatives and not PAST_EVENT_RE.search(low) \
            and not continuing_future:
        v.negatives.append("planned")
    if v.reasons and "planned" not in v.negatives and s.index > 0 and preempted(low):
        v.negatives.append("planned")  # (session 48) detained before the assembly they meant to hold or join
    strong_neg = [n for n in v.negatives if n in STRONG_NEGATIVES]
    weak_neg = [n for n in v.negatives if n not in STRONG_NEGATIVES]
    specific = [r for r in v.reasons if r in ("form+verb", "kk form+verb", "crane", "road block+protest", "protesters detained",
                                               "form+staying", "night at a building",
                                               "protesters present", "kk placard",
                                               "kk gathering+demand", "kk activists at an office", "height", "protesters acting", "placards",
                                               "protesters met", "before machines", "protest at a building",
                                               "named action", "reaction to a protest", "commotion by a group",
                                               "chanting at a building", "livestock at a building",
                                               # (session 23) a meeting sought is their aim: "приехали в акимат, чтобы
                                               # добиться встречи с акимом"
                                               "came to complain", *triage_in_person.REASONS)]
    if strong_neg:
        v.event = False
    elif weak_neg:
        # "concert", "meeting", "volunteers": a plain gathering is not an assembly; a named form held
        # in the same sentence still is unless two such words weigh against it
        weak_hits = sum(len(lem & NEGATIVE[n][0]) for n in weak_neg) + (1 if online_mention(raw) else 0)
        # a protest named in the sentence weighs against one of them ("болельщики вышли на пикет у стадиона
        # против руководства клуба")
        weak_hits -= 1 if lem & {"против", "требовать", "потребовать", "протест", "протестовать", "отставка"} else 0
        v.event = bool(specific) and weak_hits < 2
    else:
        v.event = bool(v.reasons)
    if raw.rstrip().endswith("?") and not QUESTION_QUOTED_RE.search(raw):
        v.event = False  # a question ("Почему люди не выходят на митинги?") reports nothing
    return v

"""Triage's classes of sentences that name a form of assembly but report none held here and now (issue 16, round 19;
found on tests/media/real/fresh/ and written as phrasing families of Russian and Kazakh, no article's words).
`assets.media.triage_sentence._negatives` adds what `negatives` returns to a sentence's negatives:

- "court": a court AFTER the fact, people tried, arrested or fined as participants of an earlier rally ("судили двух
  активистов, участвовавших в митинге 4 сентября"; Kazakh "тәулікке қамалды", "сот ... айыппұл салды");
- "celebration": a festive procession, a march or a gathering for a holiday ("шествие в честь Наурыза", "праздничная
  колонна", "карнавал"; Kazakh "Наурыз мерекесі"), and an official commemoration (a memorial rally organised by the
  akimat, with the akim);
- "background": forms named as a kind, a right or a possibility, not as something held ("через такие формы, как
  мирный митинг или пикет", "право на мирные собрания", "возможность выражать несогласие");
- "permission": a refusal in the present tense ("акимат запрещает проведение митингов", "отказывает в проведении");
- "statistics": an overview, forms across the country or many workplaces, now and then ("В Казахстане продолжаются
  забастовки", "бастуют работники сразу шести предприятий");
- "meeting": a Kazakh press conference, briefing, round table or hearing;
- "planned": detentions before an announced action ("накануне объявленного митинга задержали");
- "traffic": a road closed by weather, repairs or an accident, drivers stuck ("из-за снежных заносов трасса закрыта").
- "custody" (session 19): a hunger strike held in custody, by prisoners or inside a colony, a pre-trial prison or a
  detention centre ("осужденные в колонии объявили голодовку", "находящийся в СИЗО активист голодает"; Kazakh
  "колонияда ... аштық жариялады"): no assembly; their kin's hunger strike or gathering at the colony is one.
- "denied" (session 30): a report of an assembly called false ("распространяют фейк о митинге", "информация о
  согласованных митингах не соответствует действительности"; Kazakh "митингілер ... деп жалған хабарламалар таратуда",
  "ақпаратты жоққа шығарды").

Each pattern runs only where one of its plain substrings (the `*_WORDS` tuples) is in the sentence: triage runs on
every candidate sentence. Tested on hand-written headlines and leads: tests/media/test_triage_paraphrases.py.
"""
from __future__ import annotations

import re

from assets.media.text import contains_any
from assets.media.triage_in_person import KK_WENT_TO_SUPPORT_RE
from assets.media.triage_civic_cues import CHARGED_MEMORY_RE, CIVIC_ACTOR_RE, COURT_HEARS_CASE, OFFICIAL_MEMORIAL_RE

# tried, arrested, fined or sentenced AS participants of a rally (the rally is the reason, the court is the news)
AFTER_FACT_RE = re.compile(
    r"(?:\bсудил[иа]?\b|\bосудил\w*|\bарестова\w*|\bоштрафова\w*|\bприговори\w*|\bнаказа\w*|\bнаказыва\w*|\bоправда\w*)\s+"
    r"(?:[\w-]+\s+){0,6}?(?:участник\w*|участвовавш\w*|принимавш\w+\s+участие|активист\w*|пикетчик\w*|митингующ\w*|демонстрант\w*|"
    r"организатор\w*|матер\w*|жител\w*)|"
    # (session 23) a court hearing a case ("Административный суд ... разбирался с делом", "суд рассмотрел дело пикетчиков")
    + COURT_HEARS_CASE + r"|"
    r"\bсот\w*\s+(?:[\w-]+\s+){0,16}?(?:іс(?:ті|ін)|істі)\s+қара|"
    # Kazakh: days of arrest, a court's fine ("үш тәулікке қамалды", "сот ... айыппұл салды")
    r"тәулікке\s+(?:\w+\s+)?(?:қамал|қамау|қамады)|\bсот\w*\s+(?:[\w-]+\s+){0,5}?(?:айыппұл\s+сал|қамауға\s+ал|тәулікке)|"
    # (session 29) the charge quoted, then the penalty ("төрт адам "заңсыз митинг өткізді" деп қамалды", "... деген айыппен
    # айыппұл салынды"): the holding is what they are punished for
    r"[\"«“][^\"»”]{3,80}[\"»”]\s+(?:деп|деген\s+айыппен)\s+(?:[\w-]+\s+){0,3}?(?:қамал|айыппұл|жазалан|сотталд|тәулікке|"
    r"қамауға|жауапкершілікке)|"
    # (session 29) punished for a part in one ("дәрігерлерді акцияға қатыстырғаны үшін жазаланады", "митингке қатысқаны үшін
    # айыппұл төледі")
    r"(?:акция|митинг|пикет|шеру|ереуіл|наразылық)\w*\s+(?:[\w-]+\s+){0,3}?(?:үшін\s+(?:[\w-]+\s+){0,2}?(?:жазала|"
    r"жауапкершілікке|айыппұл|қамал|сотта)|(?:[\w-]+\s+){0,2}?(?:жазалан|жауапкершілікке\s+тартыл))",
    re.I)

# a holiday's procession or crowd ("шествие в честь Наурыза", "праздничная колонна", "костюмированное шествие")
FESTIVE_EVENT_RE = re.compile(
    r"(?:\bв\s+честь|\bпо\s+случаю|\bко?\b)\s+(?:[\w-]+\s+){0,2}?(?:праздник\w*|наурыз\w*|нового\s+года|масленниц\w*|"
    r"курбан\w*|ораз\w*|рождеств\w*|пасх\w*)|праздничн\w+\s+(?:колонн|шестви|парад|карнавал|гуляни)\w*|"
    r"костюмированн\w+\s+(?:шестви|парад)\w*|\bкарнавал\w*|\bотпраздновал\w*|"
    r"наурыз\s+мерекес\w*|мерекелік\s+(?:шеру|жиын)|"
    # (session 32) the veterans' parade ("шеруге ... ардагерлер мен тыл еңбеккерлері қатысты")
    r"(?:ардагер|әрдәгер|тыл\s+еңбеккер)\w*[^.!?]{0,80}?шеру|шеру\w*[^.!?]{0,80}?(?:ардагер|әрдәгер|тыл\s+еңбеккер)", re.I)

# the forms as a kind, a right, a possibility ("через такие формы, как мирный митинг или пикет", "право на мирные
# собрания", "возможность выражать своё несогласие")
KIND_OF_FORM_RE = re.compile(
    r"\bтак\w+\s+(?:форм|вид|способ)\w*(?:\s+\w+){0,2}?,?\s+как\b|\bформ\w*\s+(?:мирного\s+)?(?:протест|выражени)\w*|"
    r"\bправ[оа]?\s+(?:\w+\s+)?на\s+(?:мирн\w+\s+)?(?:собрани|митинг|протест|пикет|забастовк)\w*|"
    # (an opportunity to act, with the infinitive: not "люди с ограниченными возможностями протестовали")
    r"(?<!ограниченными\s)возможност[ьи]\s+(?:[\w-]+\s+){0,3}?(?:выражать|выразить|выходить|выйти|проводить|провести|"
    r"протестовать)\b|"
    r"специальн\w+\s+мест\w*\s+(?:для\s+)?(?:проведени\w+\s+)?(?:\w+\s+)?(?:митинг|собрани|пикет)", re.I)
# a refusal or ban in the present or habitual tense ("запрещает проведение митингов", "отказывает в проведении")
PRESENT_REFUSAL_RE = re.compile(r"\bзапреща(?:ет|ют|л[аи]?)\s+(?:[\w-]+\s+){0,2}?(?:проведени|митинг|пикет|акци|собрани)|"
                                r"\bотказыва(?:ет|ют|л[аи]?)\s+(?:[\w-]+\s+){0,3}?в\s+(?:проведени|согласовани)|"
                                r"\bне\s+разреша(?:ет|ют|ли)\s+(?:[\w-]+\s+){0,2}?(?:проведени|митинг|пикет|акци|собрани)", re.I)
# an overview: forms across the country, many workplaces, now and then
OVERVIEW_RE = re.compile(
    r"\bто\s+и\s+дело\b|\bсразу\s+(?:\w+\s+)?(?:нескольких|двух|тр[её]х|четыр[её]х|пяти|шести|семи|восьми|десяти|\d+)\s+"
    r"(?:предприяти|компани|организаци|город|регион|област|шахт|завод)\w*|"
    r"^\s*в\s+(?:казахстане|стране|регионах|республике)\s+(?:продолжа|нараста|множ|вспыхива|ширя|прокатил|проход)\w*\s+"
    r"(?:\w+\s+)?(?:забастовк|протест|митинг|акци|пикет)\w*|"
    r"\bволн\w+\s+(?:забастов|протест|митинг)\w*|"
    # a headline of plural forms going on, with no place and no people ("Забастовки продолжаются")
    r"^\s*(?:забастовки|протесты|митинги|акции\s+протеста|пикеты)\s+(?:продолжа|нараста|множ|ширя)\w*\s*[.!]?\s*$", re.I)
# detentions before an announced action ("накануне объявленного митинга задержали", "в день предполагаемой акции"):
# the action was announced, the news is the police's, not a gathering
# (the announced action alone is not enough: "задержания в местах объявленных митингов" are at the gathering; the
# day before, at home or at the door are not)
# (session 30: not "накануне устроили стихийную акцию протеста", the day before, told by a verb)
ANNOUNCED_RE = re.compile(r"\bнакануне\s+(?:(?!\w*(?:ли|ла|ло|ал|ел|ил|ят|ют)\b)\w+\s+){0,2}?(?:митинг|акци|пикет|шестви|марш)|"
                          r"(?:объявленн|предполагаем|планируем|запланированн|анонсированн|намеченн)\w*\s+(?:на\s+\w+\s+)?"
                          r"(?:\w+\s+)?(?:митинг|акци|пикет|шестви|марш)(?=.*(?:\bзаранее\b|превентивн|\bу\s+(?:\w+\s+)?(?:дом|подъезд)|"
                          r"по\s+месту\s+жительства|\bдома\b|выходе\s+из\s+дома))", re.I)
# a road closed by weather, repairs or an accident, drivers stuck or forcing their way ("из-за снежных заносов трасса
# закрыта", "требовали пропустить их через перекрытый участок"): traffic, not a road block by protesters
TRAFFIC_RE = re.compile(r"из-за\s+(?:\w+\s+)?(?:снег|снежн|занос|метел|буран|гололед|гололёд|непогод|паводк|ремонт|дтп|авари|"
                        r"туман|пробк)|\bзакрыт\w*\s+(?:\w+\s+)?(?:трасс|дорог|участ)|(?:трасс|дорог)\w*\s+(?:\w+\s+)?"
                        r"закрыт[аоы]?\b|перекрыт\w+\s+участ|\bзастрял\w*|требова\w*\s+(?:\w+\s+)?пропустить", re.I)
TRAFFIC_PROTEST_CUE_RE = re.compile(r"жител|сельчан|рабоч|протест|митинг|акци|в\s+знак|тұрғын")
# an official commemoration: a rally organised by the akimat, an akim taking part ("митинг памяти ..., организованный
# акиматом", "при участии акима")
OFFICIAL_EVENT_RE = re.compile(r"(?:организованн|проведенн|проведённ)\w*\s+(?:\w+\s+)?(?:акимат|управлени|министерств|"
                               r"администраци|властями|маслихат)|(?:при|с)\s+участи\w+\s+(?:\w+\s+)?(?:аким|замакима|"
                               r"руководств|депутат|министр)|\bаким\w*\s+(?:\w+\s+){0,2}?(?:принял\w*\s+участие|выступил\w*\s+на)", re.I)
MEMORIAL_RE = re.compile(r"памят|траурн|реквием|годовщин|посвящ|ветеран|возлож")
# a Kazakh press conference, briefing, round table or hearing held ("баспасөз мәслихатын өткізіп, ереуіл туралы айтты")
KK_MEETING_RE = re.compile(r"(?:баспасөз\s+(?:мәслихат|конференция)|брифинг|дөңгелек\s+үстел|қоғамдық\s+тыңдау)\w*\s+"
                           r"(?:\w+\s+)?(?:өткіз|өтт|өтіп|ұйымдастыр)|"
                           # (session 32) those who gathered to meet deputies or officials ("ата-ана ... жиналып, мәслихат
                           # депутаттарымен, ... басшыларымен ... кездесті"): a meeting, not an assembly
                           r"жинал\w*,?\s+(?:[\w«»\".,№-]+\s+){0,10}?(?:депут|әкім|басшы|бәсшы|бастығ|министр)\w*(?:мен|пен|бен),?\s+"
                           r"(?:[\w«»\".,№-]+\s+){0,14}?кездес", re.I)
# a festive crowd that protests or demands is no celebration
FESTIVE_PROTEST_CUE_RE = re.compile(r"протест|треб|против|плакат|лозунг|наразы|талап|қарсы")  # ("билікке қарсы митинг")
# nor is an official commemoration that protests or demands
MEMORIAL_PROTEST_CUE_RE = re.compile(r"протест|треб|против")


# each pattern runs only where one of its words is in the sentence (plain substrings: triage runs on every candidate)
AFTER_FACT_WORDS = ("суд", "осуд", "арест", "штраф", "приговор", "наказа", "наказыв", "оправда", "тәулік", "сот", "деп ", "деген айып", "үшін", "жазалан", "жауапкершілікке")
FESTIVE_WORDS = ("праздн", "наурыз", "нового года", "масленниц", "курбан", "ораз", "рождеств", "пасх", "костюм", "карнавал",
                 "мерек", "ардагер", "әрдәгер", "тыл еңбеккер")
KIND_WORDS = ("форм", "прав", "возможност", "специальн")
REFUSAL_WORDS = ("запреща", "отказыва", "разреша")
OVERVIEW_WORDS = ("то и дело", "сразу", "продолжа", "нараста", "множ", "вспыхива", "ширя", "прокатил", "проход", "волн")
KK_MEETING_WORDS = ("баспасөз", "брифинг", "дөңгелек", "тыңдау", "кездес")
ANNOUNCED_WORDS = ("накануне", "объявлен", "предполагаем", "планируем", "запланирован", "анонсирован", "намечен")
TRAFFIC_WORDS = ("из-за", "закрыт", "перекрыт", "застрял", "пропустить")


# (session 19) a hunger strike in custody: the prisoners', or one held inside a colony, a prison or a detention centre
_CUSTODY_PLACE = r"(?:колони|сизо|следственн\w+\s+изолятор|изолятор|спецпри[её]мник|тюрьм|ивс\b|камер|исправительн)"
CUSTODY_RE = re.compile(
    r"(?:осужденн|заключенн|арестант|подследственн|узник|сотталған|тұтқын)\w*\s+(?:[\w-]+\s+){0,6}?(?:голод|аштық)|"
    r"\bв\s+" + _CUSTODY_PLACE + r"\w*\s+(?:[\w-]+\s+){0,6}?(?:голод|аштық)|"
    r"голод\w*\s+(?:[\w-]+\s+){0,4}?\bв\s+" + _CUSTODY_PLACE + r"|"
    r"(?:колонияда|абақтыда|изоляторында|қамауда|түрмеде)\s+(?:[\w-]+\s+){0,4}?аштық")
CUSTODY_KIN_RE = re.compile(r"родствен|матер|\bжен[аыщ]|семь|близк|родител|туыс|анал|\bу\s+(?:здани\w+\s+)?" + _CUSTODY_PLACE)
CUSTODY_WORDS = ("голод", "аштық")


def official_memorial(low: str) -> bool:
    """(session 23) A memorial rally or honouring told with no civic actor, no protest and no politically charged memory
    (triage_civic_cues): an official ceremony."""
    return bool(OFFICIAL_MEMORIAL_RE.search(low)) and not CIVIC_ACTOR_RE.search(low) and not CHARGED_MEMORY_RE.search(low) \
        and not MEMORIAL_PROTEST_CUE_RE.search(low)


# (session 30) a report called false: the sentence says so of what it names
DENIED_RE = re.compile(r"\bфейк|ложн\w+\s+(?:[\w-]+\s+)?(?:информаци|сообщени|слух|новост)|не\s+соответству\w+\s+действительност|"
                       r"опроверг\w*\s+(?:[\w-]+\s+){0,3}?(?:информаци|сообщени|слух|данн)|"
                       r"жалған\s+(?:[\w-]+\s+)?(?:ақпарат|хабар|мәлімет)|шындыққа\s+сәйкес\s+келмейді|жоққа\s+шығар")
# (not the charge of spreading false information: "сообщил заведомо ложную информацию", "жалған ақпарат таратқаны үшін")
CHARGE_OF_FALSE_RE = re.compile(r"заведомо|обвин|стать[яеи]\w*\s+\d|\bст\.\s*\d|уголовн|таратқаны\s+үшін|бабы|айыпта")
DENIED_WORDS = ("фейк", "ложн", "действительност", "опроверг", "жалған", "шындыққа", "жоққа")


# (session 32) an objection in the courtroom: the trial's participants or its parties protested a judge's step ("Бұған
# сотқа қатысушылар қатты наразылық танытты", "участники судебного процесса выразили протест"): no assembly
COURTROOM_OBJECTION_RE = re.compile(r"сот(?:қа|\s+отырысына|\s+процесіне|\s+залындағы|\s+залында)\s+(?:[\w-]+\s+)?қатысушы|"
                                    r"(?:участник|сторон)\w*\s+(?:судебн\w+\s+)?(?:процесс|заседани|слушани)\w*\s+"
                                    r"(?:[\w-]+\s+){0,3}?(?:выразил|заявил)\w*\s+(?:[\w-]+\s+)?(?:протест|возмущени|недовольств|несогласи)")


def negatives(low: str) -> list[str]:
    """The negatives these classes give a sentence (`low`: lower-cased, ё as е)."""
    out = []
    if contains_any(low, AFTER_FACT_WORDS) and (m := AFTER_FACT_RE.search(low)) \
            and not ("қолда" in low and KK_WENT_TO_SUPPORT_RE.search(low, m.end())):
        out.append("court")  # (session 30: not the charge of those a Kazakh group went to support, "... айыппен қамалған
        # X-ті қолдау үшін белсенділер ... барды")
    if contains_any(low, ("қатысушы", "участник", "сторон")) and COURTROOM_OBJECTION_RE.search(low):
        out.append("court")
    if contains_any(low, FESTIVE_WORDS) and FESTIVE_EVENT_RE.search(low) \
            and not FESTIVE_PROTEST_CUE_RE.search(low):
        out.append("celebration")
    if contains_any(low, KIND_WORDS) and KIND_OF_FORM_RE.search(low):
        out.append("background")
    if contains_any(low, REFUSAL_WORDS) and PRESENT_REFUSAL_RE.search(low):
        out.append("permission")
    if contains_any(low, OVERVIEW_WORDS) and OVERVIEW_RE.search(low):
        out.append("statistics")
    if contains_any(low, KK_MEETING_WORDS) and KK_MEETING_RE.search(low):
        out.append("meeting")
    if contains_any(low, ANNOUNCED_WORDS) and ANNOUNCED_RE.search(low):
        out.append("planned")
    if contains_any(low, TRAFFIC_WORDS) and TRAFFIC_RE.search(low) and not TRAFFIC_PROTEST_CUE_RE.search(low):
        out.append("traffic")
    if MEMORIAL_RE.search(low) and OFFICIAL_EVENT_RE.search(low) and not MEMORIAL_PROTEST_CUE_RE.search(low):
        out.append("celebration")
    if contains_any(low, ("памят", "реквием", "траурн", "молчани")) and official_memorial(low):  # (session 23) "митинг в знак памяти"
        out.append("celebration")
    if contains_any(low, CUSTODY_WORDS) and CUSTODY_RE.search(low) and not CUSTODY_KIN_RE.search(low):
        out.append("custody")
    if contains_any(low, DENIED_WORDS) and DENIED_RE.search(low) and not CHARGE_OF_FALSE_RE.search(low):
        out.append("denied")
    return out

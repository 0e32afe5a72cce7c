"""Triage's classes of round 19 (issue 16, item 2): found on tests/media/real/fresh/ (opened to the rule writers on
2026-12-01) and written as classes — phrasing families of Russian and Kazakh, no article's words — with their own
hand-made test set (tests/media/test_triage_round19.py). `assets.media.triage` calls them at three seams: the
sentence's negatives (`negatives`), the sentence's reasons (`reasons`), and the article's place (`foreign_compound`).

Precision (what the fresh part's false positives were, as classes):
- a court AFTER the fact: people tried, arrested or fined as participants of an earlier rally ("судили двух
  активистов, участвовавших в митинге 4 сентября", "арестовали участников митинга"; Kazakh "тәулікке қамалды",
  "сот ... айыппұл салды");
- a festive procession: a march or a gathering for a holiday ("шествие в честь Наурыза", "праздничная колонна",
  "костюмированное шествие", "карнавал"; Kazakh "Наурыз мерекесі");
- forms named as a kind, a right or a possibility, not as something held ("через такие формы, как мирный митинг или
  пикет", "право на мирные собрания", "возможность выражать несогласие"), and a refusal in the present tense
  ("акимат запрещает проведение митингов", "отказывает в проведении");
- an overview: forms across the country or many workplaces, now and then ("В Казахстане продолжаются забастовки",
  "то и дело вспыхивают забастовки", "бастуют работники сразу шести предприятий");
- a foreign city whose name begins with a city of Kazakhstan ("Петропавловск-Камчатский": the headline's
  "В Петропавловске" is that city, not Kazakhstan's).

Recall (the gatherings told without a form word, or with one the rules did not read as held):
- living or staying inside a public building ("9 суток жили в акимате", "провели ночь в акимате");
- lying down before machines (Russian "легли перед трактором", Kazakh "трактордың алдына жатып");
- protesting at a building, told by the verb ("протестует против вакцинации у здания Минздрава");
- Kazakh protesters taken by the police ("наразыларды ... әкетіп отырған", "белсенділер ұсталды");
- Kazakh demand at a monument or on a square ("ескерткіші жанында ... талап етіп");
- an "акция" sanctioned or not, or named by its slogan ("провели санкционированную акцию", "акция «Против ...»");
- officials' reaction to a protest, which reports it held ("прокомментировали акцию протеста студентов").
"""
from __future__ import annotations

import re

# -- precision -------------------------------------------------------------------------------------------------
# tried, arrested, fined or sentenced AS participants of a rally (the rally is the reason, the court is the news)
AFTER_FACT_RE = re.compile(
    r"(?:\bсудил[иа]?\b|\bосудил\w*|\bарестова\w*|\bоштрафова\w*|\bприговори\w*|\bнаказа\w*)\s+(?:[\w-]+\s+){0,6}?"
    r"(?:участник\w*|участвовавш\w*|принимавш\w+\s+участие|активист\w*|пикетчик\w*|митингующ\w*|демонстрант\w*|"
    r"организатор\w*)|"
    # Kazakh: days of arrest, a court's fine ("үш тәулікке қамалды", "сот ... айыппұл салды")
    r"тәулікке\s+(?:\w+\s+)?(?:қамал|қамау|қамады)|\bсот\w*\s+(?:[\w-]+\s+){0,5}?(?:айыппұл\s+сал|қамауға\s+ал|тәулікке)",
    re.I)

# a holiday's procession or crowd ("шествие в честь Наурыза", "праздничная колонна", "костюмированное шествие")
FESTIVE_EVENT_RE = re.compile(
    r"(?:\bв\s+честь|\bпо\s+случаю|\bко?\b)\s+(?:[\w-]+\s+){0,2}?(?:праздник\w*|наурыз\w*|нового\s+года|масленниц\w*|"
    r"курбан\w*|ораз\w*|рождеств\w*|пасх\w*)|праздничн\w+\s+(?:колонн|шестви|парад|карнавал|гуляни)\w*|"
    r"костюмированн\w+\s+(?:шестви|парад)\w*|\bкарнавал\w*|\bотпраздновал\w*|"
    r"наурыз\s+мерекес\w*|мерекелік\s+(?:шеру|жиын)", re.I)

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

# -- recall ----------------------------------------------------------------------------------------------------
# living, staying or a night inside a public building ("жили в акимате", "провели ночь в акимате", "находились в
# здании акимата, требуя")
LIVE_IN_RE = re.compile(
    r"(?:\bжил[иа]?\b|\bживут\b|\bпрожил[иа]?\b|\bпоселил\w+|\bобосновал\w+|\bпровел[иа]?\s+(?:\w+\s+)?(?:ноч[ьи]|сутки|суток|дн[ея]\w*)|"
    r"\bночевал[иа]?|\bзаночевал[иа]?)\s+(?:[\w-]+\s+){0,2}?(?:в|во)\s+(?:здании\s+|фойе\s+|холле\s+)?(?:\w+\s+)?"
    r"(?:акимат\w*|фойе|при[её]мн\w+|министерств\w*|администраци\w*|госучреждени\w*|мажилис\w*)", re.I)
# lying down before machines ("легли перед трактором", "легли под колёса техники"; Kazakh "трактордың алдына жатып")
BEFORE_MACHINE_RE = re.compile(
    r"(?:легл|лежал|лечь|бросил)\w*\s+(?:[\w-]+\s+){0,2}?(?:перед|под|на\s+пути)\s+(?:колёса\s+|колеса\s+|гусениц\w+\s+)?"
    r"(?:[\w-]+\s+)?(?:трактор|бульдозер|экскаватор|грейдер|техник|спецтехник|самосвал|кран|каток)\w*|"
    r"(?:трактор|техника|техникан|бульдозер|экскаватор|грейдер|көлік|машина)\w*\s+(?:алдына|астына|жолына)\s+"
    r"(?:\w+\s+)?(?:жатып|жатты|жатқан|жатуға)", re.I)
# protesting at a building, told by the verb ("протестует против вакцинации у здания Минздрава")
PROTEST_AT_RE = re.compile(
    r"\bпротест(?:ует|уют|овал[аи]?|овали)\b[^.]{0,100}?\b(?:у|возле|перед|около|под\s+окнами)\s+(?:здани|акимат|"
    r"министерств|дом[аеу]?\s+министерств|парламент|мажилис|посольств|консульств|суд|прокуратур|офис|проходн|акорд)|"
    r"\b(?:у|возле|перед|около)\s+(?:здани|акимат|министерств|посольств|консульств|офис|проходн|акорд)\w*\s+"
    r"(?:[\w«»\"-]+\s+){0,4}?протест(?:ует|уют|овал[аи]?|овали)\b", re.I)
# Kazakh protesters or participants taken by the police ("наразыларды ... әкетіп отырған", "белсенділер ұсталды")
KK_PROTESTERS_TAKEN_RE = re.compile(
    r"(?:наразылар|наразы\s+топ|жиналғандар|қатысушылар|белсенділер|ереуілшілер|митингіге\s+шыққандар|"
    r"акцияға\s+шыққандар|пикетшілер)\w*[^.]{0,180}?(?:ұсталд|ұсталған|ұстап\s+(?:әкет|алд)|ұстады|әкетт|әкетіп|"
    r"алып\s+кетт|автобусқа\s+отырғыз|полиция\s+бөлім\w*\s+жеткіз)", re.I)
# Kazakh demand told at a monument, a square or a building ("ескерткіші жанында ... талап етіп, пікірлерін айтқан")
KK_DEMAND_AT_RE = re.compile(
    r"(?:ескерткіш|монумент|алаң|әкімдік|әкімдіг|ғимарат|ақорда|акорда)\w*\s+(?:алдында|алдына|жанында|маңында|маңына)\b"
    r"[^.]{0,140}?(?:талап\s+ет|пікір\w*\s+(?:айт|білдір)|наразылығ\w*\s+білдір)|"
    r"(?:талап\s+етіп|пікір\w*\s+айтып)[^.]{0,100}?(?:ескерткіш|монумент|алаң|әкімдік|әкімдіг|ғимарат)\w*\s+"
    r"(?:алдында|алдына|жанында|маңында)\b", re.I)
# Kazakh miners staying underground ("жер астында қалды", "шахтадан шықпай отыр")
KK_UNDERGROUND_RE = re.compile(r"жер\s+астында\s+(?:\w+\s+)?(?:қалд|қалып|отыр|жатыр)|шахтадан\s+шықпа[йу]?\s+(?:\w+\s+)?"
                               r"(?:отыр|жатыр|қалд|қалып)", re.I)
# an "акция" held that is sanctioned or not, or named by its slogan: a public action by definition
# (held: a verb of holding before it — not "попытки проведения несанкционированных акций", a noun of a plan)
NAMED_ACTION_RE = re.compile(r"(?:провел\w*|прош(?:ел|ла|ли)|состоял\w*|устроил\w*|вышл\w+\s+на|выш(?:ел|ла)\s+на|организовал\w*)\s+"
                             r"(?:[\w-]+\s+){0,4}?(?:санкционированн|согласованн|несогласованн|разрешенн|разрешённ|неразрешенн|неразрешённ)\w*\s+"
                             r"(?:\w+\s+)?акци|акци\w+\s+(?:под\s+(?:лозунгом|названием)\s+)?[«\"„](?:долой|верните|руки\s+прочь|"
                             r"свободу|требуем|позор)\b", re.I)
# officials' reaction to a protest: the protest was held
REACTION_RE = re.compile(r"(?:прокомментировал\w*|отреагировал\w*\s+на|высказал\w*\s+(?:относительно|по\s+поводу))\s+"
                         r"(?:\w+\s+)?(?:акци\w+\s+протест|митинг|пикет|забастовк|голодовк|протест|стихийн\w+\s+(?:митинг|сход))", re.I)
# the words of this round's reasons that triage's own trigger (triage._TRIGGER_RE) lacks, as lemmas (Russian; the
# Kazakh ones — "наразы(лар)", "қатысушылар", "жанында", "маңында" — are read as substrings in triage.may_be_event):
# a sentence holding none of them nor triage's trigger is not judged
TRIGGER_LEMMAS = {"жить", "прожить", "поселиться", "обосноваться", "трактор", "грейдер", "самосвал"}


# detentions before an announced action ("накануне объявленного митинга задержали", "в день предполагаемой акции"):
# the action was announced, the news is the police's, not a gathering
# (the announced action alone is not enough: "задержания в местах объявленных митингов" are at the gathering; the
# day before, at home or at the door are not)
ANNOUNCED_RE = re.compile(r"\bнакануне\s+(?:\w+\s+){0,2}?(?:митинг|акци|пикет|шестви|марш)|"
                          r"(?:объявленн|предполагаем|планируем|запланированн|анонсированн|намеченн)\w*\s+(?:на\s+\w+\s+)?"
                          r"(?:\w+\s+)?(?:митинг|акци|пикет|шестви|марш)(?=.*(?:\bзаранее\b|превентивн|\bу\s+(?:\w+\s+)?(?:дом|подъезд)|"
                          r"по\s+месту\s+жительства|\bдома\b|выходе\s+из\s+дома))", re.I)
# a road closed by weather, repairs or an accident, drivers stuck or forcing their way ("из-за снежных заносов трасса
# закрыта", "требовали пропустить их через перекрытый участок"): traffic, not a road block by protesters
TRAFFIC_RE = re.compile(r"из-за\s+(?:\w+\s+)?(?:снег|снежн|занос|метел|буран|гололед|гололёд|непогод|паводк|ремонт|дтп|авари|"
                        r"туман|пробк)|\bзакрыт\w*\s+(?:\w+\s+)?(?:трасс|дорог|участ)|(?:трасс|дорог)\w*\s+(?:\w+\s+)?"
                        r"закрыт[аоы]?\b|перекрыт\w+\s+участ|\bзастрял\w*|требова\w*\s+(?:\w+\s+)?пропустить", re.I)
_TRAFFIC_PROTEST_RE = re.compile(r"жител|сельчан|рабоч|протест|митинг|акци|в\s+знак|тұрғын")
# an official commemoration: a rally organised by the akimat, an akim taking part ("митинг памяти ..., организованный
# акиматом", "при участии акима")
OFFICIAL_EVENT_RE = re.compile(r"(?:организованн|проведенн|проведённ)\w*\s+(?:\w+\s+)?(?:акимат|управлени|министерств|"
                               r"администраци|властями|маслихат)|(?:при|с)\s+участи\w+\s+(?:\w+\s+)?(?:аким|замакима|"
                               r"руководств|депутат|министр)|\bаким\w*\s+(?:\w+\s+){0,2}?(?:принял\w*\s+участие|выступил\w*\s+на)", re.I)
_MEMORIAL_RE = re.compile(r"памят|траурн|реквием|годовщин|посвящ|ветеран|возлож")
# a Kazakh press conference, briefing, round table or hearing held ("баспасөз мәслихатын өткізіп, ереуіл туралы айтты")
KK_MEETING_RE = re.compile(r"(?:баспасөз\s+(?:мәслихат|конференция)|брифинг|дөңгелек\s+үстел|қоғамдық\s+тыңдау)\w*\s+"
                           r"(?:\w+\s+)?(?:өткіз|өтт|өтіп|ұйымдастыр)", re.I)


def _any(low: str, words: tuple[str, ...]) -> bool:
    for w in words:
        if w in low:
            return True
    return False


# each pattern runs only where one of its words is in the sentence (plain substrings: triage runs on every candidate)
_AFTER_FACT_W = ("суд", "осуд", "арест", "штраф", "приговор", "наказа", "тәулік", "сот")
_FESTIVE_W = ("праздн", "наурыз", "нового года", "масленниц", "курбан", "ораз", "рождеств", "пасх", "костюм", "карнавал",
              "мерек")
_KIND_W = ("форм", "прав", "возможност", "специальн")
_REFUSAL_W = ("запреща", "отказыва", "разреша")
_OVERVIEW_W = ("то и дело", "сразу", "продолжа", "нараста", "множ", "вспыхива", "ширя", "прокатил", "проход", "волн")
_KK_MEETING_W = ("баспасөз", "брифинг", "дөңгелек", "тыңдау")
_ANNOUNCED_W = ("накануне", "объявлен", "предполагаем", "планируем", "запланирован", "анонсирован", "намечен")
_TRAFFIC_W = ("из-за", "закрыт", "перекрыт", "застрял", "пропустить")


def negatives(low: str, raw: str) -> list[str]:
    """The negatives this round adds for a sentence (`low`: lower-cased, ё as е)."""
    out = []
    if _any(low, _AFTER_FACT_W) and AFTER_FACT_RE.search(low):
        out.append("court")
    if _any(low, _FESTIVE_W) and FESTIVE_EVENT_RE.search(low) \
            and not re.search(r"протест|треб|против|плакат|лозунг|наразы|талап", low):
        out.append("celebration")
    if _any(low, _KIND_W) and KIND_OF_FORM_RE.search(low):
        out.append("background")
    if _any(low, _REFUSAL_W) and PRESENT_REFUSAL_RE.search(low):
        out.append("permission")
    if _any(low, _OVERVIEW_W) and OVERVIEW_RE.search(low):
        out.append("statistics")
    if _any(low, _KK_MEETING_W) and KK_MEETING_RE.search(low):
        out.append("meeting")
    if _any(low, _ANNOUNCED_W) and ANNOUNCED_RE.search(low):
        out.append("planned")
    if _any(low, _TRAFFIC_W) and TRAFFIC_RE.search(low) and not _TRAFFIC_PROTEST_RE.search(low):
        out.append("traffic")
    if _MEMORIAL_RE.search(low) and OFFICIAL_EVENT_RE.search(low) and not re.search(r"протест|треб|против", low):
        out.append("celebration")
    return out


_FORM_STEMS = ("митинг", "пикет", "голодов", "шестви", "марш", "флешмоб", "флеш-моб", "забастов", "акци", "протест",
               "аштық", "шеру", "ереуіл", "наразылық", "перформанс", "хэппенинг", "хеппенинг")


def restates(title: str, lead: str) -> bool:
    """The headline names a form the lead's sentence names too (the same story told twice)."""
    t, s = title.lower(), lead.lower()
    return any(f in t and f in s for f in _FORM_STEMS)


_LIVE_W = ("акимат", "фойе", "министерств", "администрац", "госучрежд", "мажилис", "приемн", "приёмн")
_MACHINE_W = ("легл", "лежал", "лечь", "бросил", "жат")
_KK_W = ("ұста", "әкет", "алып", "автобус", "жеткіз", "талап", "пікір", "наразылығ", "жер аст", "шахтадан")


def reasons(low: str) -> list[str]:
    """The reasons this round adds for a sentence to report an assembly (`low`: lower-cased, ё as е)."""
    out = []
    if _any(low, _LIVE_W) and LIVE_IN_RE.search(low):
        out.append("night at a building")
    if _any(low, _MACHINE_W) and BEFORE_MACHINE_RE.search(low):
        out.append("before machines")
    if ("протесту" in low or "протестова" in low) and PROTEST_AT_RE.search(low):
        out.append("protest at a building")
    if _any(low, _KK_W) and (KK_PROTESTERS_TAKEN_RE.search(low) or KK_DEMAND_AT_RE.search(low)
                             or KK_UNDERGROUND_RE.search(low)):
        out.append("kk gathering+demand")
    if "акци" in low and NAMED_ACTION_RE.search(low):
        out.append("named action")
    if ("прокомментир" in low or "отреагир" in low or "высказал" in low) and REACTION_RE.search(low):
        out.append("reaction to a protest")
    return out


# a city of Kazakhstan whose name is also the first half of a foreign compound name the article uses
# ("Петропавловск" and "Петропавловск-Камчатский"): the short name is the foreign city. (Not a road between two
# cities, "трасса Алматы-Астана": `is_city` says the second half is a city too.)
def foreign_compound(full: str, hit_text: str, is_city) -> bool:
    stem = hit_text[:max(5, len(hit_text) - 3)]
    for m in re.finditer(re.escape(stem) + r"\w*-(?!на\b)([А-ЯЁ][а-яё]+)", full):
        if not is_city(m.group(1)):
            return True
    return False

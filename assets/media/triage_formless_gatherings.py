"""Triage's classes of gatherings told without a form word, or with one the rules did not read as held (issue 16,
round 19; found on tests/media/real/fresh/, written as phrasing families of Russian and Kazakh, no article's words).
`assets.media.triage.judge_sentence` adds what `reasons` returns to a sentence's reasons:

- "night at a building": living or staying inside a public building ("9 суток жили в акимате", "провели ночь в
  акимате");
- "before machines": lying down before machines (Russian "легли перед трактором", Kazakh "трактордың алдына жатып");
- "protest at a building": protesting at a building, told by the verb ("протестует против вакцинации у здания
  Минздрава");
- "kk gathering+demand": Kazakh protesters taken by the police ("наразыларды ... әкетіп отырған", "белсенділер
  ұсталды"), a Kazakh demand at a monument or on a square ("ескерткіші жанында ... талап етіп"), Kazakh miners staying
  underground;
- "named action": an "акция" sanctioned or not, or named by its slogan ("провели санкционированную акцию", "акция
  «Против ...»");
- "reaction to a protest": officials' reaction to a protest, which reports it held ("прокомментировали акцию протеста
  студентов");
- round 23 (found on tests/media/real/fresh2/, the selection set opened then): "commotion by a group": a group of
  people raising a commotion, the Russian and Kazakh idiom for a protest ("торговцы рынка подняли шум", "базар
  саудагерлері шу көтерді", "мұғалімдер шу шығарды"; not a video or a law that "поднял шум"); "chanting at a building"
  ("скандировали «Свободу!» у здания суда", "ғимаратының алдына жиналғандар ... деп ұрандатты"); "livestock at a
  building" (cattle driven to an akimat: "пригнали коров к акимату"); Kazakh miners who do not come up
  ("жер бетіне көтерілмей", in KK_UNDERGROUND_RE).

- session 50 (found on the holdout's opened half A): "crowd protesting": a crowd told by its size that protests, the verb
  finite ("сотни людей протестовали, требуя ...", "около 200 жителей протестуют против ..."); tests/media/test_triage_session50.py.

`TRIGGER_LEMMAS` and `KK_TRIGGER_WORDS` are the words of these classes that triage's own sentence trigger lacks:
`triage_sentence.may_be_event` reads them so that such a sentence is judged at all. Tested on hand-written headlines and
leads: tests/media/test_triage_paraphrases.py.
"""
from __future__ import annotations

import re

from assets.media.text import contains_any
from assets.media.triage_cues import KK_NON_PROTEST_RE

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
    r"(?:[\w«»\"-]+\s+){0,4}?протест(?:ует|уют|овал[аи]?|овали)\b|"
    # (session 23) one's act "в знак протеста" at a building ("в знак протеста ... оставил автомобиль у областного акимата")
    r"\bв\s+знак\s+протеста\b[^.!?]{0,160}?\b(?:у|возле|перед|около)\s+(?:[\w-]+\s+)?(?:акимат|здани|администраци|"
    r"министерств|мажилис|парламент)|"
    # and in Kazakh: "наразылық ретінде көліктерін әкімдік алдына қалдырды"
    r"наразылық\s+ретінде\b[^.!?]{0,120}?(?:әкімдік|ғимарат|үкімет|ақорда|акорда|мәслихат)\w*\s+(?:алдына|алдында|жанына|жанында)",
    re.I)
# Kazakh protesters or participants taken by the police ("наразыларды ... әкетіп отырған", "белсенділер ұсталды")
KK_PROTESTERS_TAKEN_RE = re.compile(
    r"(?:наразылар|наразы\s+топ|жиналғандар|қатысушылар|белсенділер|ереуілшілер|митингіге\s+шыққандар|"
    r"акцияға\s+шыққандар|пикетшілер)\w*[^.]{0,180}?(?:ұсталд|ұсталған|ұстап\s+(?:әкет|алд)|ұстады|әкетт|әкетіп|"
    r"алып\s+кетт|автобусқа\s+отырғыз|полиция\s+бөлім\w*\s+жеткіз)", re.I)
# (session 27) Kazakh activists who went to an office for their named action ("«Оккупай Нұр Отан» акциясына шақырған
# белсенділер ... партияның филиалына барып", "акция өткізу үшін белсенділер әкімдікке келді"): an action at a building
KK_ACTIVISTS_WENT_RE = re.compile(
    r"(?:белсенді|наразы\s+топ)\w*[^.]{0,200}?(?:әкімдіг|әкімдік|ғимарат|филиал|кеңсе|штаб|министрлі|партия)\w*"
    r"\s+(?:[\w-]+\s+)?(?:бар(?:ды|ып)|кел(?:ді|іп)|бас\s+сұқ)", re.I)  # (with "акция" in the sentence: `reasons`; one
# lazy gap, not two: two made a 116,000-character text of "акциясына белсенділер партия" ten times slower)
# Kazakh demand told at a monument, a square or a building ("ескерткіші жанында ... талап етіп, пікірлерін айтқан";
# session 22: a house of culture or of government, "Мәдениет үйінің алдында бір топ әйел ... талап етті")
KK_DEMAND_AT_RE = re.compile(
    r"(?:ескерткіш|монумент|алаң|әкімдік|әкімдіг|ғимарат|ақорда|акорда|\bүйі)\w*\s+(?:алдында|алдына|жанында|маңында|маңына)\b"
    r"[^.]{0,140}?(?:талап\s+ет|пікір\w*\s+(?:айт|білдір)|наразылығ\w*\s+білдір)|"
    r"(?:талап\s+етіп|пікір\w*\s+айтып)[^.]{0,100}?(?:ескерткіш|монумент|алаң|әкімдік|әкімдіг|ғимарат)\w*\s+"
    r"(?:алдында|алдына|жанында|маңында)\b", re.I)
# Kazakh miners staying underground ("жер астында қалды", "шахтадан шықпай отыр")
KK_UNDERGROUND_RE = re.compile(r"жер\s+астында\s+(?:\w+\s+)?(?:қалд|қалып|отыр|жатыр)|шахтадан\s+шықпа[йу]?\s+(?:\w+\s+)?"
                               r"(?:отыр|жатыр|қалд|қалып)|жер\s+бетіне\s+(?:көтерілме|шықпа)", re.I)
# a group of people raising a commotion: the group (Russian nominative plural, Kazakh plural or possessive) before
# the idiom within a few words ("торговцы центрального рынка подняли шум", "базар саудагерлері шу көтерді")
# (also the subjects of triage_in_person's classes; session 24 added the businessmen, postmen, restaurateurs, builders
# and staff)
GROUP_RU = (r"(?:жители|жильцы|торговцы|продавцы|предприниматели|бизнесмены|арендаторы|рабочие|работники|сотрудники|учителя|"
            r"педагоги|врачи|медики|родители|студенты|пенсионеры|водители|таксисты|фермеры|сельчане|дольщики|вкладчики|"
            r"шахт[её]ры|горняки|нефтяники|строители|матери|многодетные|активисты|люди|граждане|пайщики|заемщики|заёмщики|"
            r"почтальоны|рестораторы)")
GROUP_KK = (r"(?:(?:тұрғын|саудагер|кәсіпкер|жұмысшы|мұғалім|ұстаз|дәрігер|ата-ана|студент|зейнеткер|жүргізуші|фермер|"
            r"шаруа|кенші|мұнайшы|үлескер|салымшы|ана|белсенді|адам|наразы|дүкенші|сатушы|көпбалалы|құрылысшы|қызметкер)\w*"
            r"(?:лар|лер|дар|дер|тар|тер)\w*|ашулы\s+топ|бір\s+топ\s+\w+|"
            # (session 37) a count and the noun in the singular, as Kazakh counts ("30-ға жуық кәсіпкері", "50 тұрғын")
            r"\d+\s*(?:-?\s*(?:ға|ге|қа|ке)\s+(?:жуық|тарта)|-?\s*(?:дан|ден|тан|тен|нан|нен)\s+(?:астам|артық)|-?\s*(?:дай|дей|тай|тей))?"
            r"\s+(?:тұрғын|саудагер|кәсіпкер|жұмысшы|мұғалім|ұстаз|дәрігер|ата-ана|студент|зейнеткер|жүргізуші|фермер|шаруа|"
            r"кенші|мұнайшы|үлескер|ана|белсенді|адам|дүкенші|сатушы|құрылысшы|қызметкер)\w*|"
            # (session 30) a village's or a town's people ("Құмшағал ауылының халқы", "ауыл жұрты")
            r"(?:ауыл|ауылы|ауылының|ауылдың|елді\s+мекен\w*|кент\w*|шағынаудан\w*)\s+(?:халқы|жұрты)\w*)")
COMMOTION_RE = re.compile(rf"\b{GROUP_RU}\s+(?:[\w«»\"-]+\s+){{0,5}}?(?:подняли\s+(?:шум|шумиху|бучу)|(?:устроили|закатили)\s+(?:[\w-]+\s+)?(?:шум|скандал)|"
                          rf"скандал(?:ят|или)|шумно\s+(?:требова|протестова|выража|возмуща)\w*)\b|\b{GROUP_KK}\s+(?:[\w«»\"-]+\s+){{0,5}}?шу\s+(?:көтер|шығар)", re.I)
# chanting slogans at a public building ("скандировали «Свободу!» у здания суда"; "алдына жиналғандар ... деп ұрандатты")
_BUILDING_RU = r"(?:здани|суд|акимат|посольств|консульств|министерств|парламент|мажилис|прокуратур|администраци|акорд|ворот|вход)"
CHANTING_RE = re.compile(
    rf"скандир\w*[^.]{{0,120}}?\b(?:у|возле|перед|около|под\s+окнами)\s+{_BUILDING_RU}|"
    rf"\b(?:у|возле|перед|около)\s+{_BUILDING_RU}\w*\s+(?:[\w«»\"-]+\s+){{0,4}}?скандир|"
    r"(?:алдына|алдында|жанында|маңында|маңына)\s+(?:\w+\s+)?жиналған\w*[^.]{0,200}?ұран(?:дат|дас|\s+айт|\s+көтер)", re.I)
# cattle driven to a public building ("пригнали коров к акимату", "привели свой скот к районному акимату")
LIVESTOCK_RE = re.compile(r"(?:пригнал|привел|привёл|привели|пригнали)\w*\s+(?:\w+\s+){0,2}?(?:скот|коров|овец|лошадей|"
                          r"баранов|овечек|коз)\w*\s+(?:\w+\s+){0,2}?(?:к|ко|под)\s+(?:\w+\s+){0,2}?(?:здани|акимат|"
                          r"администраци|окн)", re.I)
# an "акция" held that is sanctioned or not, or named by its slogan: a public action by definition
# (held: a verb of holding before it — not "попытки проведения несанкционированных акций", a noun of a plan)
NAMED_ACTION_RE = re.compile(r"(?:провел\w*|прош(?:ел|ла|ли)|состоял\w*|устроил\w*|вышл\w+\s+на|выш(?:ел|ла)\s+на|организовал\w*)\s+"
                             r"(?:[\w-]+\s+){0,4}?(?:санкционированн|согласованн|несогласованн|разрешенн|разрешённ|неразрешенн|неразрешённ)\w*\s+"
                             r"(?:\w+\s+)?акци|акци\w+\s+(?:под\s+(?:лозунгом|названием)\s+)?[«\"„](?:долой|верните|руки\s+прочь|"
                             r"свободу|требуем|позор)\b", re.I)
# officials' reaction to a protest: the protest was held
REACTION_RE = re.compile(r"(?:прокомментировал\w*|отреагировал\w*\s+на|высказал\w*\s+(?:относительно|по\s+поводу))\s+"
                         r"(?:\w+\s+)?(?:акци\w+\s+протест|митинг|пикет|забастовк|голодовк|протест|стихийн\w+\s+(?:митинг|сход))", re.I)
# (session 19, from probes the engineer wrote) people keeping works from going on ("вышли во двор и не дают монтировать
# вышку", "чтобы не дать вырубить деревья") or sitting down on a road ("сели на дорогу и не пропускали грузовики")
OBSTRUCT_RE = re.compile(r"(?:не\s+да(?:ют|ли|вали|дут|ть)|не\s+пуска(?:ют|ли)|не\s+пропуска(?:ют|ли))\s+"
                         r"(?:(?!разрешени|согласи|возможност|денег|средств|документ)[\w-]+\s+){0,2}?"
                         r"(?:монтир|стро|выруб|выпил|спил|снос|снест|установ|устанавл|вывез|вывоз|бурить|копать|"
                         r"технику|техник|грузовик|самосвал|строител|рабочих)", re.I)
OBSTRUCT_WHO_RE = re.compile(GROUP_RU + r"|вышл[иа]|вышел|собрал(?:ись|ось)|молод[её]ж|люди\b|активист", re.I)
SAT_ON_ROAD_RE = re.compile(r"\b(?:сели|легли|встали|уселись)\s+(?:[\w-]+\s+)?(?:на|поперек|поперёк)\s+(?:[\w-]+\s+)?"
                            r"(?:дорог|трасс|проезж|рельс|пут[ия]|мост)", re.I)
# a march told by its route with a demand or placards ("прошли по улицам Тараза, требуя увеличить пособия")
ROUTE_MARCH_RE = re.compile(r"(?:\b(?:прош(?:ли|ел|ёл|ла)|прошагал\w*|проследовал\w*)\s+(?:[\w-]+\s+){0,2}?по\s+(?:центральн\w+\s+)?"
                            r"(?:улиц|проспект|центр|площад)|\bпо\s+(?:центральн\w+\s+)?(?:улиц|проспект)\w*\s+(?:[\w-]+\s+){0,2}?"
                            r"(?:прош(?:ли|ел|ёл|ла)|прошагал\w*))\w*[^.;]*(?:требуя|с\s+плакат|с\s+транспарант|с\s+лозунг|скандируя|"
                            r"в\s+знак\s+протеста)", re.I)
# miners refusing to go down ("около 400 горняков отказались спускаться в шахту"): a strike told by its act
REFUSE_DESCEND_RE = re.compile(r"отказ\w*\s+(?:[\w-]+\s+)?(?:спускаться|спуститься|спускались)\s+(?:[\w-]+\s+)?(?:в\s+)?"
                               r"(?:шахт|забой|рудник|под\s+землю)", re.I)
# people who came to a public building to complain or protest ("пришли к акимату, чтобы пожаловаться на низкие
# зарплаты"), and a crowd shouting at one ("Так кричали вкладчики, собравшиеся у здания Нацбанка")
CAME_TO_COMPLAIN_RE = re.compile(r"(?:пришл[иа]|вышл[иа]|собрал(?:ись|ось)|приехал[иа])\s+(?:(?!на\s+при[её]м)[\w-]+\s+){0,3}?"
                                 r"(?:к|в|у)\s+(?:здани\w+\s+)?(?:[\w-]+\s+)?(?:акимат|министерств|мажилис|прокуратур|"
                                 r"администраци|дом\w*\s+министерств|нацбанк|суд|департамент|управлени)\w*[^.;]{0,90}?(?:чтобы|с\s+целью)\s+"
                                 r"(?:пожаловаться|выразить\s+(?:свое\s+|своё\s+)?(?:недовольство|протест|возмущение)|"
                                 r"потребовать|добиться|высказать\s+претензи|"
                                 # (session 23) "пришли к зданию департамента ..., чтобы рассказать о своей проблеме"
                                 r"(?:рассказать|сообщить)\s+(?:\w+\s+)?о\s+(?:сво\w+\s+)?(?:проблем|бед|нужд))", re.I)
SHOUTING_AT_RE = re.compile(r"кричал\w*[^.;]{0,80}?собравш\w+\s+(?:[\w-]+\s+){0,3}?(?:у|возле|перед)\s+(?:здани|акимат|"
                            r"министерств|нацбанк|суд|посольств)|собравш\w+\s+(?:[\w-]+\s+){0,3}?(?:у|возле|перед)\s+"
                            r"(?:здани|акимат|министерств|нацбанк|суд|посольств)\w*[^.;]{0,60}?кричал", re.I)

# (session 50) a crowd told by its size that protests ("сотни людей протестовали, требуя расследовать", "около 200 жителей
# протестуют против ..."): a gathering, the verb its cue; not one who protests alone nor an infinitive ("намерены протестовать")
# (session 51) the verb agreeing with the numeral in the singular too ("около 200 человек протестовало", "протестует")
CROWD_PROTESTING_RE = re.compile(
    r"(?:\b(?:сотни|десятки|тысячи)|\bнескольк\w+\s+(?:сотен|десятков|тысяч)|\b(?:около|более|свыше|порядка|не\s+менее)\s+\d+|"
    r"\b\d+)\s+(?:[\w-]+\s+)?(?:человек|людей|жителей|горожан|сельчан|граждан|рабочих|активистов|женщин|матерей|студентов)\s+"
    r"(?:[\w,-]+\s+){0,4}?(?:протестовал[иао]?|протесту(?:ют|ет))\b", re.I)

# the words of these classes that triage's own trigger (triage_sentence._TRIGGER_RE) lacks: Russian ones as lemmas, Kazakh
# ones as plain substrings (no morphology; a regex more on every sentence cost 4% of triage's speed). A sentence
# holding none of them nor triage's trigger is not judged
TRIGGER_LEMMAS = {"жить", "прожить", "поселиться", "обосноваться", "трактор", "грейдер", "самосвал", "шум", "шумиха",
                  "скандировать", "скандалить", "скандал", "скот", "корова", "овца", "шумно",
                  # (session 19) the obstruction, the road, the march by its route, the refusal to descend, the complaint
                  # (not "пройти", "сесть", "кричать": too common; a march's demand, the road's "не пропускали", the crowd
                  # "собравшиеся" are in the trigger already)
                  "пропускать", "пускать", "лечь", "спускаться", "спуститься", "пожаловаться"}
KK_TRIGGER_WORDS = ("наразы", "қатысушылар", "жанында", "маңында", "шу көтер", "шу шығар", "ұранда")

LIVE_IN_WORDS = ("акимат", "фойе", "министерств", "администрац", "госучрежд", "мажилис", "приемн", "приёмн")
MACHINE_WORDS = ("легл", "лежал", "лечь", "бросил", "жат")
KK_ACTION_WORDS = ("белсенді", "наразы топ")
KK_WORDS = ("ұста", "әкет", "алып", "автобус", "жеткіз", "талап", "пікір", "наразылығ", "жер аст", "шахтадан", "жер бет")
PROTEST_AT_WORDS = ("протесту", "протестова", "знак протеста", "наразылық ретінде")
NAMED_ACTION_WORDS = ("акци",)
REACTION_WORDS = ("прокомментир", "отреагир", "высказал")
COMMOTION_WORDS = ("шум", "скандал", "шу көтер", "шу шығар")  # ("шум" holds "шумно": session 22, "шумно требовали")
CHANTING_WORDS = ("скандир", "ұран")
LIVESTOCK_WORDS = ("пригнал", "привел", "привёл")
OBSTRUCT_WORDS = ("не да", "не пуска", "не пропуска")
ROAD_WORDS = ("сели", "легли", "встали", "уселись")
MARCH_WORDS = ("прош", "прошагал", "проследовал")
DESCEND_WORDS = ("спуска", "спусти")
COMPLAIN_WORDS = ("чтобы", "с целью", "кричал")
CROWD_WORDS = ("протестовал", "протестуют", "протестует")


# each class: the words one of which a sentence must hold (a cheap test), its patterns, the reason it gives
CLASSES = (
    (LIVE_IN_WORDS, (LIVE_IN_RE,), "night at a building"),
    (MACHINE_WORDS, (BEFORE_MACHINE_RE,), "before machines"),
    (PROTEST_AT_WORDS, (PROTEST_AT_RE,), "protest at a building"),
    (KK_WORDS, (KK_PROTESTERS_TAKEN_RE, KK_DEMAND_AT_RE, KK_UNDERGROUND_RE), "kk gathering+demand"),
    (KK_ACTION_WORDS, (KK_ACTIVISTS_WENT_RE,), "kk activists at an office"),
    (NAMED_ACTION_WORDS, (NAMED_ACTION_RE,), "named action"),
    (REACTION_WORDS, (REACTION_RE,), "reaction to a protest"),
    (COMMOTION_WORDS, (COMMOTION_RE,), "commotion by a group"),
    (CHANTING_WORDS, (CHANTING_RE,), "chanting at a building"),
    (LIVESTOCK_WORDS, (LIVESTOCK_RE,), "livestock at a building"),
    (ROAD_WORDS, (SAT_ON_ROAD_RE,), "sitting on a road"),
    (MARCH_WORDS, (ROUTE_MARCH_RE,), "march by its route"),
    (DESCEND_WORDS, (REFUSE_DESCEND_RE,), "refusal to go down"),
    (COMPLAIN_WORDS, (CAME_TO_COMPLAIN_RE, SHOUTING_AT_RE), "came to complain"),
    (CROWD_WORDS, (CROWD_PROTESTING_RE,), "crowd protesting"),
)


def reasons(low: str) -> list[str]:
    """The reasons these classes give a sentence to report an assembly (`low`: lower-cased, ё as е)."""
    out = [reason for words, patterns, reason in CLASSES
           if contains_any(low, words) and any(p.search(low) for p in patterns)]
    # (an "акция" that is a charity, a campaign, a sale, a holiday's: triage_cues.KK_NON_PROTEST_RE, one list since session 28)
    if "kk activists at an office" in out and ("акция" not in low or KK_NON_PROTEST_RE.search(low)):
        out.remove("kk activists at an office")
    if contains_any(low, OBSTRUCT_WORDS) and OBSTRUCT_RE.search(low) and OBSTRUCT_WHO_RE.search(low):
        out.append("keeping works from going on")  # (the obstructers are people, not the police: OBSTRUCT_WHO_RE)
    return out

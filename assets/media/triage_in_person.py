"""Session 24's classes of gatherings told by where people went in person, with no form word (issue 16; found on
tests/media/real/fresh7/, opened then, and written as phrasing families of Russian and Kazakh with probes of the
engineer's own in tests/media/test_session24_classes.py). `triage_sentence.judge_sentence` adds what `reasons` returns
to a sentence's reasons:

- "crowd at a seat of power": a crowd gathered at an akimat, a government or an administration, told by its size
  ("перед зданием акимата собрались сотни людей", "у акимата собралось около двухсот жителей") or as spontaneous
  ("жители собрались стихийно"), or a crowd told by its size that came to one ("Около 30 жителей пришли к зданию
  акимата", Kazakh "жүзге жуық кәсіпкер әкімдікке келді"; session 28: or with no verb, "У входа в сельский акимат – до
  трех десятков человек"); not for a holiday or a concert (`FESTIVE_RE`), nor for a
  reception, a meeting, a session or a vote;
- "occupied a building": people who occupy an akimat or an office ("акимат оккупировали около сотни рестораторов");
- "demand in person": a group demanding of an official in person ("бизнесмены требовали у акима города");
- "went to the management": people who went to their management or employer to demand or complain ("отправились к
  руководству, чтобы потребовать", "пришли в офис компании с требованием");
- "burst into an office": a group that burst into an office (Kazakh "саудагерлер ... басшысына басып кірді", Russian
  "торговцы ворвались в кабинет директора"): not a break-in by strangers, nor the storming of a building in a riot;
- "kk gathered at an office": a Kazakh group that gathered and went to an office ("ондаған жұмысшы жиналып, партия
  филиалына барды");
- written afterwards from no article (no part holds one): "human chain" ("встали в живую цепь", "тірі тізбек құрды");
  "banner in public" ("развернули баннер ... на мосту"); "kk staying or supporting at a building" ("екі күннен бері
  әкімдік алдында тұр", "соттың алдына жиналып, белсендіні қолдады"); "kk went to complain" ("әкімдікке шағымданып
  барды", "әкімшілігіне барып, наразылығын айтты"); "kk out before a seat of power" ("Үкімет үйінің алдына шықты");
  "kk road block by a group" ("Жүргізушілер ... жолды бөгеді"); "kk video appeal" ("аналар ... бейнеүндеу жолдады");
  "came with a complaint" ("пришли в акимат с коллективной жалобой", "приехали к акимату района, требуя");
  "night at a seat of power" ("Матери провели ночь у здания акимата"); "refusing work at the gate" ("собрались у проходной и отказываются приступать к работе"); "traders' shutdown"
  ("Торговцы рынка закрыли свои павильоны в знак протеста");
  and a plain "gathering" (its cue wanted near it): residents who held their own village assembly ("Жители поселка
  провели сход и потребовали закрыть свалку"; not one an official held, nor one to elect or discuss).

The quick pass (`triage.QUICK_RE`) lets their articles through; `triage_sentence.may_be_event` judges a sentence these
classes give a reason (each class's words gate its patterns: a sentence holding none costs a few substring tests).
"""
from __future__ import annotations

import re

from assets.media.text import contains_any
from assets.media.triage_formless_gatherings import GROUP_KK, GROUP_RU
from assets.media.triage_cues import FESTIVE_RE, SERVICES_RE

_SEAT_NAMES = (r"облакимат|горакимат|акимат|администраци|правительств|дом\w*\s+министерств|акорд|ак\s+орд|маслихат|министерств|"
               r"двд\b|департамент\w*\s+полиции|прокуратур")
_SEAT = r"(?:" + _SEAT_NAMES + r")"
# the Kazakh offices people go to: an akimat, a party, a ministry, a department, the Akorda, a council, an office
_KK_OFFICE = (r"(?:партия|әкімдік|әкімдіг|әкімшілі|үкімет|кеңсе|департамент|министрлі|прокуратура|басқарма|ақорда|акорда|"
              r"мәслихат)")
_AT_SEAT = r"(?:\bу|\bперед|\bвозле|\bоколо|\bк)\s+(?:здани\w+\s+)?(?:[\w-]+\s+)?" + _SEAT
_CROWD = (r"(?:\bсотн(?:и|ен)\b|\bтысяч\w*|\bнесколько\s+(?:сотен|десятков|тысяч)|\bдесятки\b|\bоколо\s+\w+|\bболее\s+\w+|"
          r"\bпорядка\s+\w+|\bсвыше\s+\w+|\d[\d\s]*\s*(?:человек|жител|горожан)|\bчеловек\s+(?:\d+|десят|пятнадцат|двадцат|"
          r"тридцат|сорок|пятьдесят|сто)\w*)")
GATHERED_RE = re.compile(r"\bсобрал(?:ись|ось|ся)\b")
AT_SEAT_RE = re.compile(_AT_SEAT)
CROWD_RE = re.compile(_CROWD)
# (a crowd that came to one: "Около 30 жителей пришли к зданию акимата", "Более 50 дольщиков приехали в акимат")
ARRIVED_AT_SEAT_RE = re.compile(r"\b(?:пришли|приехали|подошли|явились|пришло|приехало|подошло|явилось)\s+(?:[\w-]+\s+){0,3}?(?:к|ко|в)\s+(?:здани\w+\s+)?(?:[\w-]+\s+)?"
                                + _SEAT)
# Kazakh: a figure of people who came to an akimat ("жүзге жуық кәсіпкер әкімдікке келді", "40-қа жуық тұрғын ...
# әкімдік алдына барды")
KK_CROWD_AT_SEAT_RE = re.compile(r"(?:\d+\s*-?\s*(?:ге|ға|ке|қа)\s+(?:жуық|тарта)|\d+\s*-?\s*(?:дан|ден|тан|тен|нан|нен)\s+"
                                 r"(?:астам|аса)|жүзге\s+жуық|ондаған|жүздеген|мыңдаған|\b\d+)\s+(?:[\w-]+\s+){0,4}?"
                                 + _KK_OFFICE + r"\w*\s+(?:[\w-]+\s+)?"
                                 r"(?:келді|барды|келіп|барып|жиналды|жиналып)|"
                                 # (session 29) the office first ("облыс әкімдігінің алдына 100-ге жуық шымкенттіктер жиналды")
                                 + _KK_OFFICE + r"\w*\s+(?:алдына|алдында|маңына|жанына|ауласына)\s+(?:\d+\s*-?\s*(?:ге|ға|ке|қа)\s+"
                                 r"(?:жуық|тарта)|\d+\s*-?\s*(?:дан|ден|тан|тен|нан|нен)\s+(?:астам|аса)|жүзге\s+жуық|ондаған|жүздеген|"
                                 r"мыңдаған|\d+)\s+(?:[\w-]+\s+){0,3}?(?:жиналды|жиналып|жиылды|жиылып|келді|келіп)")
SPONTANEOUS_RE = re.compile(r"\bсобрал(?:ись|ось)\s+(?:[\w-]+\s+)?стихийно|\bстихийно\s+(?:[\w-]+\s+)?собрал(?:ись|ось)")
OCCUPIED_RE = re.compile(r"\bоккупир\w*\s+(?:[\w-]+\s+){0,3}?(?:акимат|кабинет|здани|при[её]мн|офис|администраци|министерств)|"
                         r"\b(?:акимат|кабинет|здание|при[её]мную|офис|администраци)\w*\s+(?:[\w-]+\s+){0,3}?оккупир")
_GROUP = r"(?:" + GROUP_RU + r"|они)"  # (the groups of triage_formless_gatherings, and "они" after a sentence naming them)
_OFFICIAL = r"(?:акима|главы|руководств\w*|директор\w*|начальств\w*|мэра|замакима|работодател\w*)"
DEMAND_IN_PERSON_RE = re.compile(
    r"\b" + _GROUP + r"\s+(?:[\w-]+\s+){0,6}?(?:требовал[аи]?|потребовал[аи]?|требуют)\s+(?:[\w-]+\s+){0,4}?у\s+" + _OFFICIAL + r"|"
    r"(?:требовал[аи]?|потребовал[аи]?|требуют)\s+(?:[\w-]+\s+){0,4}?\b" + _GROUP + r"\s+(?:[\w-]+\s+){0,3}?у\s+" + _OFFICIAL + r"|"
    r"\b(?:требовал[аи]?|потребовал[аи]?|требуют)\s+у\s+" + _OFFICIAL + r"\s+(?:[\w-]+\s+){0,4}?" + _GROUP + r"\b")
WENT_TO_MANAGEMENT_RE = re.compile(
    r"\b(?:отправились|направились|пришли|явились|приехали|пошли)\s+(?:[\w-]+\s+){0,3}?(?:к\s+(?:сво\w+\s+)?(?:руководств|начальств|"
    r"директор|работодател|владельц|хозя)\w*|в\s+(?:офис|контор|дирекци|управлени)\w*\s+(?:[\w-]+\s+)?(?:компани|предприяти|"
    r"комбинат|завод|фирм|автопарк|рынк|застройщик|подрядчик)\w*)[^.;]{0,100}?(?:чтобы\s+(?:[\w-]+\s+)?(?:потребовать|добиться|"
    r"пожаловаться|выразить|высказать|получить\s+(?:[\w-]+\s+)?(?:зарплат|деньг|долг|выплат))|с\s+требовани|требуя|"
    r"с\s+претензи|с\s+жалоб)")
KK_BURST_IN_RE = re.compile(GROUP_KK + r"\s+(?:[\w«»\"-]+\s+){0,6}?(?:кабинет|кеңсе|әкімдік|әкімшілік|ғимарат|бөлме|"
                            r"директор|басшы|басқарма)\w*\s+(?:[\w-]+\s+)?басып\s+кір")
BURST_IN_RE = re.compile(r"\b" + _GROUP + r"\s+(?:[\w-]+\s+){0,4}?(?:ворвал|вломил)\w*\s+(?:[\w-]+\s+){0,2}?в\s+"
                         r"(?:кабинет|при[её]мн|офис|контор|дирекци)")
KK_WENT_TO_OFFICE_RE = re.compile(r"(?:жиналып|жиылып|бірігіп|топтасып),?\s+(?:[\w«»\"-]+\s+){0,5}?" + _KK_OFFICE
                                  + r"\w*\s+(?:[\w-]+\s+)?(?:барды|барып|келді|келіп)")


# a human chain ("встали в живую цепь", Kazakh "тірі тізбек құрды"): people lined up in public
HUMAN_CHAIN_RE = re.compile(r"(?:встал\w*|выстроил\w*|образовал\w*|создал\w*)\s+(?:[\w-]+\s+)?(?:в\s+)?жив(?:ую|ой)\s+цеп|"
                            r"тірі\s+тізбек\w*\s+(?:[\w-]+\s+)?(?:құрд|құрып|жаса)")
# a banner or a placard unrolled on a bridge, a square, a building's front ("развернули баннер ... на мосту")
# (session 25: the place first, "повесили на пешеходном мосту над проспектом баннер"; or the hanging of one in support
# or against, "задержали после вывешивания баннера в поддержку политика")
_BANNER = r"(?:баннер|плакат|транспарант|растяжк)"
_PUBLIC_PLACE = r"(?:мосту|площади|здании|крыше|фасаде|набережной|трассе|заборе)"
BANNER_RE = re.compile(r"(?:развернул|вывесил|растянул|повесил)\w*(?![^.!?]{0,200}(?:реклам|поздрав|афиш))\s+(?:(?:[\w-]+\s+){0,3}?" + _BANNER
                       + r"\w*[^.!?]{0,100}?\bна\s+(?:[\w-]+\s+)?" + _PUBLIC_PLACE + r"|на\s+(?:[\w-]+\s+)?" + _PUBLIC_PLACE
                       + r"[^.!?]{0,60}?\b" + _BANNER + r")|"
                       r"\bвывешивани\w*\s+(?:[\w-]+\s+)?" + _BANNER + r"\w*\s+(?:[\w-]+\s+){0,2}?(?:в\s+поддержку|против|с\s+требовани)")
# Kazakh: people who stand or sit at a public building for days ("екі күннен бері әкімдік алдында тұр"), or gathered
# before one to support someone ("соттың алдына жиналып, белсендіні қолдады")
KK_STAYING_RE = re.compile(r"(?:күн|апта|ай|сағат)\w*\s+бері(?![^.!?]*кезек)\s+(?:[\w-]+\s+){0,3}?(?:әкімдік|ғимарат|ақорда|акорда|үкімет|сот|"
                           r"мәслихат|кеңсе)\w*\s+(?:алдында|алдына|жанында)\s+(?:[\w-]+\s+)?(?:тұр|отыр|жатыр)")
KK_SUPPORT_AT_RE = re.compile(r"(?:әкімдік|әкімшілік|сот|ақорда|акорда|үкімет|ғимарат|мәслихат|прокуратура|полиция)\w*\s+"
                              r"(?:алдына|алдында|жанына|жанында)\s+(?:[\w-]+\s+)?(?:жиналып|жиналды|жиылып|келіп),?\s+"
                              r"(?:[\w-]+\s+){0,4}?қолда(?:ды|п|уға)")

# Kazakh: a group (or a figure of people) who went to an office to complain or demand ("тұрғындары әкімдікке шағымданып
# барды", "Кәсіпкерлер базар әкімшілігіне барып, наразылығын айтты", "Бір топ әйел әкімдікке кіріп, ... талап етті"; not
# one pensioner, "Зейнеткер әкімдікке барып, шағымданды"), or went out before a seat of power ("Үкімет үйінің алдына шықты")
# (session 38: and grievances voiced, "әкімдігіне базыналарын айтып келді", "мұңын шақты")
_KK_COMPLAINT = r"(?:шағымдан|наразылығ\w*\s+(?:айт|білдір)|талап\s+ет|базына\w*\s+айт|мұң\w*\s+(?:айт|шақ))"
_KK_CAME_GROUP = r"(?:" + GROUP_KK + r"|\d+\s*-?\s*(?:ге|ға|ке|қа)\s+(?:жуық|тарта)|ондаған|жүздеген|бірнеше\s+адам)"
KK_WENT_TO_COMPLAIN_RE = re.compile(
    _KK_CAME_GROUP + r"\s+(?:[\w«»\"-]+\s+){0,6}?"
    r"(?:" + _KK_OFFICE + r"\w*\s+(?:[\w-]+\s+){0,2}?(?:барып|келіп|кіріп),?\s+(?:[\w-]+\s+){0,4}?" + _KK_COMPLAINT
    + r"|" + _KK_OFFICE + r"\w*\s+(?:[\w-]+\s+)?" + _KK_COMPLAINT + r"\w*\s+(?:барды|келді|кірді))|"
    # (session 38) those who came, told with the participle before them ("Әкімдікке келген ондаған шипажай қызметкерлері
    # ... айлықтарын төлеуді талап етеді")
    + _KK_OFFICE + r"\w*(?:ке|ге|қа|ға|на|не)\s+(?:келген|барған)\s+(?:[\w-]+\s+){0,3}?" + _KK_CAME_GROUP
    + r"[^.!?]{0,160}?" + _KK_COMPLAINT + r"|"
    # (session 40) saying their demand, the group went to the office ("«... қарсымыз!» Осылай деп өре түрегелген ... ауылының
    # халқы әкімдікке барды"): the quoted words are the complaint
    r"\bдеп\s+(?:[\w«»\"-]+\s+){0,8}?" + _KK_CAME_GROUP + r"\s+(?:[\w-]+\s+){0,2}?" + _KK_OFFICE
    + r"\w*(?:ке|ге|қа|ға|на|не)\s+(?:барды|келді|барып|келіп|кірді|кіріп)")
KK_OUT_BEFORE_RE = re.compile(r"(?:әкімдік|әкімдіг|үкімет\s+үй|ақорда|акорда|мәслихат|министрлі|парламент)\w*\s+(?:[\w-]+\s+)?"
                              r"(?:алдына|алаңына)\s+(?:[\w-]+\s+)?(?:шықты|шығып)")  # (not "сот алдына шыққан": a defendant)
# a Kazakh group that blocked a road ("Жүргізушілер көліктерін жолға қойып, жолды бөгеді"), or recorded a video appeal
# ("көпбалалы аналар Президентке бейнеүндеу жолдады")
KK_GROUP_ROADBLOCK_RE = re.compile(GROUP_KK + r"\s+(?:[\w,«»\"-]+\s+){0,5}?(?:жолды|жол|трассаны|көшені|тасжолды)\s+(?:[\w-]+\s+)?"
                                   r"(?:бөге|жауып|жапт)")
KK_VIDEO_APPEAL_RE = re.compile(r"(?:" + GROUP_KK + r"|аналар\w*)\s+(?:[\w-]+\s+){0,4}?(?:бейне|видео)\s?(?:үндеу|өтініш)\w*\s+"
                                r"(?:жолда|жарияла|тарат|жаса|түсір)")

# people who came to a public office with a complaint or a demand ("Жильцы ... пришли в акимат с коллективной жалобой",
# "Фермеры на тракторах приехали к акимату района, требуя выделить солярку")
WITH_COMPLAINT_RE = re.compile(r"\b(?:пришли|приехали|подошли|явились|пошли|отправились|направились)\s+(?:[\w-]+\s+){0,3}?(?:к|ко|в)\s+"
                               r"(?:здани\w+\s+)?(?:[\w-]+\s+)?(?:" + _SEAT_NAMES + r"|управлени|департамент)\w*[^.;]{0,80}?"
                               r"(?:\bс\s+(?:коллективн\w+\s+|общ\w+\s+)?(?:жалоб|претензи|требовани)|\bтребуя\b)")
# a night spent at a seat of power ("Матери провели ночь у здания акимата"): a sit-in
NIGHT_AT_SEAT_RE = re.compile(r"\bпров[её]л\w*\s+(?:[\w-]+\s+)?ноч[ьи]\s+(?:у|возле|перед|около)\s+(?:здани\w+\s+)?(?:[\w-]+\s+)?"
                              + _SEAT)
# workers at the works' gate who refuse to work ("собрались у проходной и отказываются приступать к работе")
AT_GATE_REFUSAL_RE = re.compile(r"(?:собрал\w*|стоят|стояли|столпил\w*)\s+(?:[\w-]+\s+){0,2}?(?:у|возле|перед)\s+проходн\w*"
                                r"[^.;]{0,80}?(?:отказ\w+|не\s+(?:выходят|вышли|приступа\w*))")
# traders who shut their stalls in protest ("Торговцы рынка закрыли свои павильоны в знак протеста против повышения
# аренды"): a strike of the self-employed
TRADERS_SHUTDOWN_RE = re.compile(r"(?:торговц|продавц|предпринимател|арендатор|владельц\w+\s+(?:магазин|бутик|павильон))\w*\s+"
                                 r"(?:[\w-]+\s+){0,4}?(?:закрыли|не\s+открыли|не\s+открывают|закрывают)\s+(?:[\w-]+\s+){0,2}?"
                                 r"(?:павильон|магазин|бутик|лавк|точк|контейнер|киоск)\w*[^.;]{0,60}?"
                                 r"(?:в\s+знак\s+протеста|протест|требуя|против)")

# (session 25) a cause that brought a crowd into the street ("недовольство вывело в субботу на улицу более сотни людей",
# Kazakh "жүздеген адамды көшеге шығарды")
BROUGHT_OUT_RE = re.compile(r"\bвывел[аои]?\s+(?:[\w-]+\s+){0,3}?на\s+(?:улиц|площад|митинг|протест|акци)\w*\s+(?:[\w-]+\s+){0,2}?"
                            r"(?:" + _CROWD + r"|людей|жител\w*|горожан|граждан|рабоч\w*)|"
                            r"(?:\d+|ондаған|жүздеген|мыңдаған)\s+(?:[\w-]+\s+)?(?:адам|тұрғын)\w*\s+(?:[\w-]+\s+)?(?:көшеге|алаңға)\s+шығарды")
# people who gathered and appealed together ("Люди собрались и попросили помощи у ...", "собрались и обратились к акиму")
GATHERED_TO_APPEAL_RE = re.compile(r"\bсобрал(?:ись|ось)\s+и\s+(?:[\w-]+\s+)?(?:попросили|обратились|потребовали|записали)")

# (session 30) a group that came to a seat of power for explanations or an answer ("Для разъяснений жильцы домов ...
# пришли сегодня, 30 января, к районному акимату"; "пришли в акимат за ответом"): a demand in person
_CAME = r"(?:пришли|приехали|подошли|явились|пошли|отправились|направились|собрались)"
CAME_FOR_ANSWERS_RE = re.compile(
    r"(?:для|за)\s+(?:разъяснени|ответ)\w*\s+(?:[\w«»\"-]+\s+){0,8}?" + GROUP_RU + r"\s+(?:[\w«»\"-]+\s+){0,6}?" + _CAME
    + r"\s+(?:[\w,-]+\s+){0,4}?(?:к|ко|в|у)\s+(?:здани\w+\s+)?(?:[\w-]+\s+)?" + _SEAT + r"|"
    + GROUP_RU + r"\s+(?:[\w«»\"-]+\s+){0,6}?" + _CAME + r"\s+(?:[\w,-]+\s+){0,4}?(?:к|ко|в|у)\s+(?:здани\w+\s+)?(?:[\w-]+\s+)?"
    + _SEAT + r"\w*\s+(?:[\w-]+\s+){0,2}?(?:за\s+(?:разъяснени|ответ)|для\s+разъяснени|требовать\s+(?:[\w-]+\s+)?(?:разъяснени|ответ))")
# (session 30) the head of an institution or an official who came out to the crowd ("к собравшимся вышли сначала
# начальник колонии и городской прокурор"; "аким вышел к собравшимся"): people stood there for him
_HEAD = r"(?:аким|замаким|начальник|прокурор|директор|руководител|руководств|глав[аы]\b|заместител|министр|мэр)"
HEAD_CAME_OUT_RE = re.compile(r"\bк\s+(?:собравш|пришедш|недовольн|возмущенн|жител|родител|родственник)\w*\s+(?:[\w-]+\s+){0,3}?"
                              r"вы(?:шел|шла|шли|ходил\w*)\s+(?:[\w-]+\s+){0,3}?" + _HEAD + r"|"
                              + _HEAD + r"\w*\s+(?:[\w-]+\s+){0,4}?вы(?:шел|шла|шли|ходил\w*)\s+к\s+(?:собравш|пришедш|недовольн|возмущенн)")
# (session 30) people who gathered and stopped the works ("жители ... собрались у въезда в населённый пункт и остановили
# проводимый ремонт", "остановили технику"): a protest against the works, whatever the works are
STOPPED_WORKS_RE = re.compile(r"(?:" + GROUP_RU + r"|собрал\w*)[^.!?]{0,120}?\bостановили\s+(?:[\w-]+\s+)?(?:ремонт|строительств|"
                              r"стройк|снос|вырубк|технику|спецтехнику|бульдозер|экскаватор|рабочую\s+технику)")  # (not their own "работу": a strike)
# (session 30) Kazakh activists or a group who went somewhere to support someone ("... қолдау үшін белсенділер 24
# ақпанда ... арнайы орнына барды"; "белсенділер соттың ғимаратына барып, ... қолдау көрсетті")
KK_WENT_TO_SUPPORT_RE = re.compile(r"қолда(?:у|п)\s+(?:үшін\s+|мақсатында\s+)?(?:[\w«»\"-]+\s+){0,2}?" + GROUP_KK + r"\s+"
                                   r"(?:[\w«»\"-]+\s+){0,12}?(?:барды|келді|жиналды|барып|келіп|жиналып)\b|"
                                   + GROUP_KK + r"\s+(?:[\w«»\"-]+\s+){0,12}?(?:барып|келіп|жиналып),?\s+(?:[\w-]+\s+){0,4}?"
                                   r"қолда(?:ды|у\s+көрсетті|п\s+шықты)")
# (session 30) a crowd told by its size and its demand that went home ("Около 200 жителей, требовавших освобождения
# задержанных ..., разошлись по домам"): it had gathered
DEMANDING_CROWD_LEFT_RE = re.compile(r"(?:\d+|сотн|сотен|десят|тысяч|нескольк)\w*\s+(?:[\w-]+\s+)?(?:жител|человек|люд|сельчан|горожан|"
                                     r"рабоч|работник|протестующ|митингующ)\w*,\s*(?:требовавш|протестовавш|добивавш|выступавш)\w*"
                                     r"[^.!?]{0,160}?,\s*(?:разошл|расход|разъехал)")

# (session 32) Kazakh villagers who drove their cattle to the akimat ("малын әкімдік алдына айдап әкелді"); a crowd
# gathered before a police department ("халық ... аудандық полиция басқармасының алдына жиналды")
KK_CATTLE_TO_OFFICE_RE = re.compile(r"(?:мал|сиыр|қой|жылқы|түлі|түйе)\w*\s+(?:[\w-]+\s+){0,4}?(?:әкімдік|әкімдіг|әкімшілі|ғимарат)\w*"
                                    r"\s+(?:[\w-]+\s+)?(?:алдына|жанына|ауласына)\s+(?:[\w-]+\s+)?айда")
KK_AT_POLICE_RE = re.compile(r"(?:полиция|полицей|ішкі\s+істер)\w*\s+(?:[\w-]+\s+){0,2}?(?:басқарма|бөлім|департамент)\w*\s+"
                             r"(?:ғимарат\w*\s+)?(?:алдына|алдында)\s+(?:[\w-]+\s+)?(?:жиналд|жиналып|жиылд|жиылып)")
# each class: the words one of which a sentence must hold (a cheap test), its patterns, the reason it gives
CLASSES = (
    (("оккупир",), (OCCUPIED_RE,), "occupied a building"),
    (("требова", "требуют"), (DEMAND_IN_PERSON_RE,), "demand in person"),
    (("отправил", "направил", "пришл", "явил", "приехал", "пошл"), (WENT_TO_MANAGEMENT_RE,), "went to the management"),
    (("басып кір", "ворвал", "вломил"), (KK_BURST_IN_RE, BURST_IN_RE), "burst into an office"),
    (("жиналып", "жиылып", "бірігіп", "топтасып"), (KK_WENT_TO_OFFICE_RE,), "kk gathered at an office"),
    (("цеп", "тізбек"), (HUMAN_CHAIN_RE,), "human chain"),
    (("баннер", "плакат", "транспарант", "растяжк"), (BANNER_RE,), "banner in public"),
    (("бері", "қолда"), (KK_STAYING_RE, KK_SUPPORT_AT_RE), "kk staying or supporting at a building"),
    (("шағымдан", "наразылығ", "талап", "базына", "мұң", "деп "), (KK_WENT_TO_COMPLAIN_RE,), "kk went to complain"),
    (("алдына шық", "алаңына шық"), (KK_OUT_BEFORE_RE,), "kk out before a seat of power"),
    (("бөге", "жауып", "жапт"), (KK_GROUP_ROADBLOCK_RE,), "kk road block by a group"),
    (("үндеу", "өтініш"), (KK_VIDEO_APPEAL_RE,), "kk video appeal"),
    (("вывел", "вывело", "шығарды"), (BROUGHT_OUT_RE,), "brought out into the street"),
    (("собрались и", "собралось и"), (GATHERED_TO_APPEAL_RE,), "gathered to appeal"),
    (("жалоб", "претензи", "требовани", "требуя"), (WITH_COMPLAINT_RE,), "came with a complaint"),
    (("проходн",), (AT_GATE_REFUSAL_RE,), "refusing work at the gate"),
    (("ноч",), (NIGHT_AT_SEAT_RE,), "night at a seat of power"),
    (("закрыли", "закрывают", "не открыли", "не открывают"), (TRADERS_SHUTDOWN_RE,), "traders' shutdown"),
    (("за разъяснени", "для разъяснени", "за ответ", "требовать разъяснени", "требовать ответ"), (CAME_FOR_ANSWERS_RE,),
     "came with a complaint"),
    (("к собравш", "к пришедш", "к недовольн", "к возмущенн", "к жител", "к родител", "к родственник"), (HEAD_CAME_OUT_RE,),
     "head came out to the crowd"),
    (("остановили",), (STOPPED_WORKS_RE,), "stopped the works"),
    (("қолда",), (KK_WENT_TO_SUPPORT_RE,), "kk went to support"),
    (("разошл", "расходят", "разъехал"), (DEMANDING_CROWD_LEFT_RE,), "demanding crowd went home"),
    (("айда",), (KK_CATTLE_TO_OFFICE_RE,), "kk gathered at an office"),
    (("басқарма", "бөлім", "департамент"), (KK_AT_POLICE_RE,), "kk gathered at an office"),
)
# (session 31) those who took part in a gathering outdoors at an office ("Участники собрания у офиса «Нур Отана» говорят,
# что ..."): a gathering there (a cue near it is still wanted)
PARTICIPANTS_AT_RE = re.compile(r"участник\w*\s+(?:стихийн\w+\s+)?(?:собрани|сбор|сход)\w*\s+(?:у|перед|возле|около)\s+(?:здани\w+\s+)?"
                                r"(?:[\w-]+\s+)?(?:офис|акимат|администраци|министерств|управлени|проходн|ворот|департамент)")
# (session 31) a counted group of workers or residents who together said or demanded something ("Сразу несколько десятков
# рабочих заявили, что их заставляют делать чужую работу", "около 50 жителей потребовали"): they spoke out together,
# a gathering (its cue is wanted near it); not in a letter, a petition, a video or online
COUNTED_GROUP_SPOKE_RE = re.compile(r"(?:несколько\s+десятков|десятки|сотни|несколько\s+сотен|более\s+\d+|около\s+\d+|свыше\s+\d+|"
                                    r"(?<![\d.,])\d{2,4})\s+(?:[\w-]+\s+)?(?:рабочих|работников|сотрудников|жителей|жильцов|"
                                    r"дворников|водителей|учителей|врачей|медиков|шахт[её]ров|горняков|нефтяников|строителей|"
                                    r"торговцев|сельчан|дольщиков|пенсионеров|матерей)\s+(?:[\w-]+\s+)?(?:заявили|потребовали|"
                                    r"пожаловались|выразили\s+(?:недовольство|возмущение|протест)|возмутились)\b")
_SPOKE_WORDS = ("заявили", "потребовали", "пожаловались", "выразили", "возмутились")
GROUP_SPOKE_IN_WRITING_RE = re.compile(r"письм|обращени|петици|соцсет|в\s+сети|видео|подпис|жалоб\w*\s+в\b|через\s+суд|в\s+суд|"
                                       r"опрос|анкет|в\s+ходе\s+(?:встречи|собрания|опроса)")
# (session 32) a camp set up at a seat of power ("На крыльце здания правительства ... дачницы разбили лагерь", "Перед
# зданием акимата матери разбили палаточный лагерь"): a sit-in told by its camp; not the services' camp for the victims of
# a flood ("военные разбили палаточный лагерь у здания акимата для пострадавших")
_CAMP = r"(?:разби(?:ли|л|ла|ть|вают)|установил\w*|поставил\w*)\s+(?:[\w-]+\s+){0,2}?(?:лагерь|палатк\w*|юрт\w*)"
_AT_SEAT_PORCH = r"(?:на\s+крыльце|\bу|\bперед|\bвозле|\bоколо|\bнапротив)\s+(?:входа?\s+в\s+)?(?:здани\w+\s+)?(?:[\w-]+\s+)?" + _SEAT
CAMP_AT_SEAT_RE = re.compile(_AT_SEAT_PORCH + r"\w*[^.!?]{0,80}?" + _CAMP + r"|" + _CAMP + r"\s+(?:[\w-]+\s+){0,2}?" + _AT_SEAT_PORCH)
CAMP_FOR_OTHERS_RE = re.compile(r"для\s+(?:[\w-]+\s+)?(?:пострадавш|эвакуирован|беженц|погорельц|переселенц)|"
                                r"(?:пострадавш|эвакуирован|беженц|погорельц)\w*\s+(?:[\w-]+\s+)?(?:от\s+)?(?:паводк|наводнени|пожар)")
REASONS = tuple(dict.fromkeys(c[2] for c in CLASSES)) + ("crowd at a seat of power", "camp at a seat of power")


CROWD_WORDS = ("собрал", "пришл", "приехал", "подошл", "явил", "келді", "барды", "келіп", "барып", "жиналд", "жиналып")
# what else a crowd gathers at or comes to a seat of power for: a new year's tree, a fair, a festival, a match on a
# screen, a vote
# (session 28: a fir tree as a word, "ёлка", "у елки", not the letters inside "поселка", "посёлке")
NOT_PROTEST_CROWD_RE = re.compile(r"нов\w+\s+год|(?<![а-яё])[её]лк|фестивал|ярмарк|спектакл|матч|салют|голосова|избирательн|выбор|"
                                  # (or come to one for a reception, a meeting, a session, a ceremony, work: not "требуя
                                  # встречи с акимом", a meeting they demand)
                                  r"на\s+(?:[\w-]+\s+)?(?:при[её]м|встреч)|заседани|совещани|по\s+приглашени|на\s+работу|"
                                  r"экскурси|церемони|награжд|қабылда|кездесу\w*\s+(?:[\w-]+\s+)?(?:кел|бар|жинал)|жиналыс|сайлау|мереке")


# (session 28) a crowd at one told with no verb, by its size after a dash ("У входа в сельский акимат – до трех десятков
# человек, один из которых зачитывает обращение")
VERBLESS_AT_SEAT_RE = re.compile(r"(?:\bу|возле|перед)\s+(?:входа?\s+в\s+|здани\w+\s+)?(?:[\w-]+\s+){0,2}?(?:акимат|администраци)\w*"
                                 r"\s*[–—-]\s*(?:(?:до|около|более|свыше)\s+)?(?:[\w-]+\s+)?(?:\d+|десят|сотн|сотен|тысяч|дв[ау]|"
                                 r"двух|тр[иеё]|четыр|пят|шест|сем|восем|девят|сорок|полсотн|полтор|нескольк)\w*\s+(?:[\w-]+\s+)?"
                                 r"(?:человек|жител|люд)")


# (session 32) hundreds or thousands who came to a square ("На центральную площадь «Ынтымак» города Актау ... сегодня
# пришли сотни людей", "В Актау на площадь пришли сотни людей"): a crowd there is an assembly; not for a concert, a
# parade, a prayer, a funeral or a holiday (FESTIVE_RE, NOT_PROTEST_CROWD_RE, NOT_PROTEST_SQUARE_RE)
_CAME_TO = r"(?:пришл[иоа]|собрал(?:ись|ось)|стекл[иось]+|съехал(?:ись|ось))"
ON_SQUARE_RE = re.compile(_CAME_TO + r"\s+(?:[\w-]+\s+){0,4}?на\s+(?:[\w«»\"-]+\s+)?площад|"
                          r"\bна\s+(?:[\w«»\"-]+\s+)?площад\w*\s+(?:[\w«»\",-]+\s+){0,8}?" + _CAME_TO + r"\b")
BIG_CROWD_RE = re.compile(r"\bсотн(?:и|ен)\b|\bсотен\b|\bтысяч\w*|\b\d{3,}\s*(?:человек|жител|горожан)|\b\d[\d\s]*тыс")
NOT_PROTEST_SQUARE_RE = re.compile(r"концерт|парад|праздн|торжеств|наурыз|намаз|молитв|айт\b|похорон|прощани|проводить\s+в\s+последн|"
                                   r"трансляци|экран|флешмоб\w*\s+(?:ко?\s+)?дню|посмотреть|полюбоваться|встретить")


def crowd_on_square(low: str) -> bool:
    """(session 32) Hundreds or thousands who came to a square, not for a feast, a show or a rite."""
    return "площад" in low and bool(ON_SQUARE_RE.search(low)) and bool(BIG_CROWD_RE.search(low)) \
        and not FESTIVE_RE.search(low) and not NOT_PROTEST_CROWD_RE.search(low) and not NOT_PROTEST_SQUARE_RE.search(low)


def crowd_at_seat(low: str) -> bool:
    """A crowd gathered at a seat of power, told by its size or as spontaneous; not for a holiday or a concert."""
    if "акимат" in low or "администрац" in low:
        if VERBLESS_AT_SEAT_RE.search(low) and not FESTIVE_RE.search(low) and not NOT_PROTEST_CROWD_RE.search(low):
            return True
    if not contains_any(low, CROWD_WORDS) or FESTIVE_RE.search(low) or NOT_PROTEST_CROWD_RE.search(low):
        return False
    if SPONTANEOUS_RE.search(low) or KK_CROWD_AT_SEAT_RE.search(low):
        return True
    at_seat = (GATHERED_RE.search(low) and AT_SEAT_RE.search(low)) or ARRIVED_AT_SEAT_RE.search(low)  # gathered at or came to
    return bool(at_seat and CROWD_RE.search(low))


# (session 24) residents who convened or held their own village assembly ("Жители поселка провели сход и потребовали
# закрыть свалку"): a plain gathering, whose protest cue is wanted near it; not one an official held or one to elect or
# discuss
# (session 53: a description between commas too, "Жители домов, примыкающих к месту сквера в микрорайоне Самал-3, провели")
RESIDENTS_ASSEMBLY_RE = re.compile(r"\b(?:" + GROUP_RU + r"|активн\w+|сельчане)\s+(?:[\w«»\"-]+,?\s+){0,14}?(?:собрали|провели|устроили)\s+"
                                   r"(?:[\w-]+\s+)?сход\b(?![^.!?]*(?:обсуд|выбор|выбра|отч[её]т|старост))")
# (session 31) a сход told by itself: "Они устроили сход", "Сход состоялся сегодня", "В селе состоялся народный сход" (not
# one an official held or chaired, "аким провел сход", nor a сход to discuss, elect or hear a report; nor a landslide's
# "сход лавины", "сход селя", "сход с рельсов")
HELD_ASSEMBLY_RE = re.compile(r"(?:^|\s)(?:они|мы)\s+(?:[\w-]+\s+)?(?:собрали|провели|устроили)\s+(?:[\w-]+\s+)?сход\b|"
                              r"\bсход\w*\s+(?:[\w-]+\s+){0,2}?(?:состоял|прош[её]л|прошл)\w*|"
                              r"\b(?:состоял|прош[её]л|прошл)\w*\s+(?:[\w-]+\s+){0,2}?(?:народн\w+|стихийн\w+)\s+сход\b")
NOT_THEIR_ASSEMBLY_RE = re.compile(r"аким|глав[аы]\s+(?:район|сел|округ|администрац)|депутат|обсуд|выбор|выбра|отч[её]т|старост|"
                                   r"лавин|сел[ья]\b|рельс|снег|ледник|грунт|вагон|местного\s+сообществ")


def reasons(low: str) -> list[str]:
    """The reasons these classes give a sentence to report an assembly (`low`: lower-cased, ё as е)."""
    out = [reason for words, patterns, reason in CLASSES if contains_any(low, words) and any(p.search(low) for p in patterns)]
    if crowd_at_seat(low) or crowd_on_square(low):
        out.append("crowd at a seat of power")
    if contains_any(low, ("лагерь", "палатк", "юрт")) and CAMP_AT_SEAT_RE.search(low) and not CAMP_FOR_OTHERS_RE.search(low) \
            and not SERVICES_RE.search(low):
        out.append("camp at a seat of power")
    if "сход" in low and (RESIDENTS_ASSEMBLY_RE.search(low) or (HELD_ASSEMBLY_RE.search(low) and not NOT_THEIR_ASSEMBLY_RE.search(low))):
        out.append("gathering")  # (not specific: triage wants a protest cue near it)
    if contains_any(low, _SPOKE_WORDS) and COUNTED_GROUP_SPOKE_RE.search(low) and not GROUP_SPOKE_IN_WRITING_RE.search(low):
        out.append("gathering")  # (session 31) "Сразу несколько десятков рабочих заявили, что ...": they spoke out together
    if "участник" in low and PARTICIPANTS_AT_RE.search(low):
        out.append("gathering")  # (session 31) "Участники собрания у офиса ... говорят": they gathered there
    return out

"""Triage: sentences that are not an event here and now, by their mode - a penalty or a case in court, background
("напомним", an earlier year), a plan or an intention, a permission asked or refused, a warning, a threat, a past
narrated, a generic statement, an assembly that was not held (`sentence_mode`, `background_indices`). Read by triage
and by the extractor's fields (a date or a count is never taken from such a sentence)."""
from __future__ import annotations

import re

from assets.media.text import Sentence, yo


# a penalty: the sentence (and a headline of it) is about the court's decision, not the assembly
PENALTY_RE = re.compile(r"оштрафова\w*|арестова\w*\s+на\s+\d+\s+сут|"
                        # arrested for an assembly, days of arrest, a penalty ("арестовали за митинг", "получили по 5
                        # суток ареста", "штрафы и арест", "постановление об административном взыскании")
                        r"арестова\w*\s+(?:\w+\s+){0,2}?за\s+(?:участи|митинг|пикет|акци|лозунг|выход|организаци)|"
                        r"\bсуток\s+(?:административн\w+\s+)?ареста|\bштраф\w*\s+и\s+арест|\bарест\w*\s+и\s+штраф|"
                        r"административн\w+\s+взыскани|"
                        # (session 28) the prison term a participant faces ("До 12 лет тюрьмы грозит участнику митинга")
                        r"грозит\s+(?:до\s+)?(?:[\w-]+\s+)?(?:лет|года?)\s+(?:тюрьмы|лишения\s+свободы|заключения)|"
                        r"(?:тюрьм\w*|лишени\w+\s+свободы)\s+грозит|привлеч\w+\s+к\s+(?:административн|уголовн)\w*\s+"
                        r"ответственност|признан\w*\s+виновн|айыппұл\s+сал|кінәлі\s+деп\s+тан|әкімшілік\s+сот|"
                        # (session 25) Kazakh: punished for having gone out or held one ("бейбіт акцияға шыққаны үшін
                        # әкімшілік жаза кескен")
                        r"(?:шыққан|өткізген|қатысқан|ұйымдастырған)[ыі]\s+үшін|\bжаза\s+(?:кес|тағайында)|"
                        # (session 39) Kazakh: held liable ("заңсыз митингілерге шығып, әкімшілік жауаптылыққа тартылды")
                        r"(?:әкімшілік|қылмыстық)\s+жауаптылыққа\s+тарт", re.I)
# an event of years ago ("в 2011 году", "с апреля 2011 года"; not "3 мая 2017 года"; session 39: Kazakh "1986 жылғы
# наразылық шеруі", not a full date "2022 жылғы 4 қаңтарда")
OLD_YEAR_RE = re.compile(r"(?<!\d\s)\b(?:в|с|до)\s+(?:(?:первые|последние)\s+дни\s+|(?:начале|конце|середине)\s+)?(?:(?:январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|"
                         r"ноябр|декабр)\w*\s+)?(?:19|20)\d\d\s*(?:год|г\.)|(?:19|20)\d\d\s+жылы\b|"
                         r"(?:19|20)\d\d\s+жылғы\b(?!\s+\d{1,2}\s)", re.I)
# an administrative or criminal case opened: the sentence is about the case, not the assembly
CASE_RE = re.compile(r"(?:завел\w*|возбудил\w*|возбуждено)\s+(?:\w+\s+){0,4}?дел[оа]|\bсуд\w*\s+(?:\w+\s+){0,2}?над\s|судебн\w+\s+процесс|"
                     r"(?:прокурор|гособвинител|обвинени)\w*\s+(?:\w+\s+){0,2}?(?:потребовал|запросил|просит|попросил|требует)|административн\w+\s+(?:дел|протокол)|"
                     r"неповиновени\w+\s+(?:законн\w+\s+)?(?:требовани\w+\s+)?(?:сотрудник\w+\s+)?полиц|"
                     # (session 26) custody: "организатору продлили арест", "мера пресечения в виде содержания под стражей"
                     r"продл\w+\s+(?:[\w-]+\s+){0,2}?(?:арест|срок\w*\s+(?:[\w-]+\s+)?содержани)|мер\w+\s+пресечени|под\s+стражей", re.I)
# the words that open a background sentence and its paragraph ("Напомним, ...", "Бұған дейін ..."; session 28: the Kazakh
# reminder addressed to the reader, "Естеріңізге сала кетейік, ...")
_REMINDER = r"напомним|как\s+сообщалось|ранее|бұған\s+дейін|еске\s+сал|естеріңізге\s+сал|есіңізге\s+сал|" \
            r"как\s+(?:уже\s+)?(?:всем\s+)?известно"  # (session 39) "Как уже всем известно, 2 января сотни демонстрантов ..."
# the sentence tells of another time: background ("Напомним, в марте прошлого года ...") or a plan
BACKGROUND_RE = re.compile(r"^\s*(?:" + _REMINDER + r"|в\s+прошлом\s+году)|"
                           # (session 54) an earlier assembly named as such ("Предыдущий митинг, в марте, собрал около 400
                           # человек", "На прошлую акцию пришли 300"; not "в прошлую субботу митинг": a day between)
                           r"^\s*(?:(?:на|в|во)\s+)?(?:предыдущ|прошл|прежн)\w*\s+(?:митинг|акци|пикет|шестви|забастовк|"
                           r"голодовк|протест|сход)|"
                           r"^\s*(?:дн[её]м|неделей|месяцем|годом)\s+ранее\b|"  # (session 24) "Днём ранее аналогичное видеообращение"
                           r"прошлого\s+года|в\s+(?:прошлом|позапрошлом)\s+году|"
                           r"\b(?:дня|дней|недел[иью]|месяц\w*|лет|года?)\s+назад\b|"
                           # (session 39) Kazakh years ago opening the sentence ("Осыдан 35 жыл бұрын қазақ жастары ...
                           # қарсы шықты"; not a thing's, "осыдан бес-алты жыл бұрын уәде берген")
                           r"^\s*(?:осыдан\s+)?[\w-]+\s+жыл\s+бұрын\b|"
                           r"(?:несколько\s+раз|неоднократно)\s+(?:\w+\s+){0,2}?задержива|"
                           r"\bранее\s+(?:уже\s+)?[а-яё]+(?:ли|ла|л)\b|за\s+последн\w+\s+(?:дни|дней|недел\w*|месяц\w*)|бұрын\s+(?:\w+\s+)?(?:өткізген|шыққан)", re.I)
# an intention ("планировали", "хотели провести"): in a sentence that also reports the holding in the past
# ("вышли около 70 человек, хотя планировалось собрать 100") it does not make the sentence a plan
# (session 25: "намерен", "намерены", "намерение", not the adjective "намеренный создать партию" naming a person)
INTENT_RE = re.compile(r"планиру\w*|планирова\w*|намерен(?:[аоы]|и[еяий]|ием|иях?)?\b|намерева\w*|собира\w+\s+провести|хоте\w*\s+провести|"
                       r"хотят\s+провести", re.I)
PLANNED_RE = re.compile(r"(?:заявк|заявлени)\w*\s+на\s+проведение|пройд[её]т\b|пройдут\b|состоится|состоятся|проведут|выйдут\b|"
                        r"перекроют|объявят\b|начнут\b|будет\s+(?:проходить|проведен|долгим)|будут\s+(?:проходить|стоять)|"
                        r"призыва\w+\s+(?:\w+\s+)?(?:выйти|прийти)|призвал\w*\s+(?:\w+\s+)?(?:выйти|прийти)|анонсирова\w*|"
                        r"готов\w*\s+к\s+(?:\w+\s+)?(?:забастовк|акци|митинг)|готовится\s+к|назначил\w*\s+на|"
                        # (session 38) decided to, calls to take part in Kazakh ("решили выйти на пикет", "заңсыз митингілерге
                        # қатысуға шақыруды жалғастырып отыр")
                        # (not "разрешили провести", nor the authorities' "решили устроить праздник")
                        r"(?<!\w)(?:решил[иа]?|приняли\s+решение)\s+(?:[\w-]+\s+){0,3}?(?:выйти|провести|устроить|организовать)\s+"
                        r"(?:[\w-]+\s+){0,2}?(?:на\s+)?(?:митинг|пикет|акци|шестви|забастовк|голодовк|протест)|қатысуға\s+шақыр|"
                        r"өтеді|өткізбек|өткізетін|шығуға\s+шақыр|шығуға\s+(?:[\w-]+\s+){0,2}?үнде|жоспарла|(?:өткізер|шығар|бастар)\s+алдында|"
                        # calls to hold or join one ("призывы к организации и участию в митингах"), a warning that
                        # they will be stopped ("будут пресекаться")
                        r"призыв\w*\s+к\s+(?:\w+\s+){0,3}?(?:организаци|участи|проведени)|будут\s+пресека|"
                        # (session 28) calls told by the verb they call for ("призывов митинговать", "призывы выйти")
                        r"призыв(?:ы|ов|ам|ами|ах)\s+(?:[\w-]+\s+)?(?:митинговать|бастовать|выйти|выходить|собраться)\b|"
                        # (session 27) Kazakh: warned or announced that they will ("алаңға жиналып, құран бағыштайтынын
                        # ескертіп", "митинг өткізетіндерін мәлімдеді"): a participle in -атын/-етін taken as the object
                        r"\w+(?:атын|етін|йтын|йтін)(?:дар|дер)?(?:ын|ін)\s+(?:[\w-]+\s+)?(?:ескерт|мәлімде|хабарла)|"
                        # (session 28) announced that one will be held ("объявил о проведении митинга": an announcement,
                        # not a holding; not a strike or a hunger strike declared, which begins it)
                        r"объяв\w+\s+о\s+(?:своем\s+|сво[её]м\s+)?(?:проведении|намерении\s+провести)\s+(?:[\w-]+\s+){0,2}?"
                        r"(?:митинг|пикет|шестви|марш|акци|собрани|схода)", re.I)
# the sentence is about a permission, a refusal, a notification: the decision, not the assembly (session 22: permitted
# to gather, "оппозиционерам разрешили собраться"; session 25: a refusal come, "пришёл отказ по митингу")
PERMISSION_RE = re.compile(
    r"разрешени\w+\s+на\s+(?:проведение|митинг|пикет)|разрешил\w*\s+(?:\w+\s+)?(?:провести|собраться|выйти|митинговать|пикетировать)|дал\w*\s+разрешени|"
    r"разрешается\s+проводить|\bотказ\w*\s+(?:по|в)\s+(?:[\w-]+\s+)?(?:митинг|пикет|шестви|марш)|запрещается\s+проведение|не\s+(?:дали|позволил\w*)\s+(?:им\s+)?провести|отказ\w*\s+(?:\w+\s+){0,4}в\s+(?:проведении|согласовании)|"
    r"уведомлени\w+\s+(?:\w+\s+){0,4}о\s+проведении|подал\w*\s+(?:\w+\s+){0,4}(?:заявк|уведомлен)|"
    r"постановлени\w+\s+(?:\w+\s+){0,3}об\s+отказе|"
    # (session 39) banned by an office ("В Петропавловске запретили флеш-моб в память ..."; declared unsanctioned:
    # UNLAWFUL_DECLARED_RE)
    r"\bзапретил[иа]?\s+(?:[\w-]+\s+){0,2}?(?:митинг|пикет|акци|шестви|марш|флеш-?моб|собрани|забастовк)|"
    r"\b(?:запретить|запрещать|разрешить|разрешать|согласовать|согласовывать|ограничить)\s+(?:\w+\s+){0,2}?"
    r"(?:митинг|пикет|акци|шестви|собрани|забастовк)|рұқсат\s+бер|рұқсат\s+етпе|ескерту\s+хабарлама", re.I)
# the police or the prosecutor warning about assemblies ("предупреждает о недопустимости участия в
# несогласованных митингах", "участие в несогласованных акциях незаконно", "грозит административная
# ответственность"): a warning, not the assembly
WARNING_RE = re.compile(r"предупрежда\w*\s+(?:\w+\s+){0,3}?о\s+(?:недопустимост|ответственност)|предупредил\w*\s+(?:\w+\s+){0,3}?"
                        r"о\s+(?:недопустимост|ответственност)|\bнедопустимост\w+\s+участи|"
                        r"участи\w+\s+в\s+(?:\w+\s+){0,2}?(?:акци|митинг|пикет|шестви)\w*\s+(?:\w+\s+)?незаконн|"
                        r"(?:грозит|грозят|влеч[её]т|предусмотрен\w*)\s+(?:\w+\s+){0,2}?(?:административн|уголовн)\w*\s+"
                        r"(?:ответственност|арест|наказани)", re.I)
# (session 39) an assembly an office declared unsanctioned or illegal ("В акимате объявили флешмоб несанкционированным"):
# a refusal, asked by sentence_mode apart from PERMISSION_RE, since "объявили" alone reads as a holding (a strike declared)
UNLAWFUL_DECLARED_RE = re.compile(r"(?:объявил|признал)\w*\s+(?:[\w-]+\s+){0,3}?(?:несанкционированн|незаконн)\w*", re.I)
# a threat or an ultimatum: "иначе объявят голодовку", "пригрозили митингами"
THREAT_RE = re.compile(
    r"(?:пригрозил\w*|грозят\w*|угрожа\w+|в\s+противном\s+случае|иначе|если\s+[^.]{0,80}?не)\s+"
    r"[^.]{0,60}?(?:голодовк|митинг|пикет|акци|забастовк|перекр|выйти|выйдут|объяв)|"
    # (session 39) a condition, then what they will do ("если аким области вновь откажется от встречи с ними, они объявят
    # бессрочную голодовку")
    r"\bесли\s+[^.]{0,120}?,\s*(?:то\s+)?(?:[\w-]+\s+){0,2}?(?:объявят|выйдут|перекроют|начнут|устроят|проведут)\b|"
    r"\w+(?:па|пе|ба|бе|ма|ме)(?:са|се)\s+(?:[\w-]+\s+){0,3}?(?:аштық|ереуіл|митинг|шеру)|"
    # a promise to hold one ("рабочих, обещавших массово выйти на акции протеста", "пообещали объявить голодовку")
    r"\b(?:по)?обеща\w*\s+(?:\w+\s+){0,2}?(?:выйти|выходить|объявить|провести|устроить|начать|перекрыть)\b|"
    # (session 25) a readiness to act ("готовы выйти всем домом и перекрыть дорогу, если отопление не восстановят")
    r"\bготов[аы]?\s+(?:[\w-]+\s+){0,3}?(?:выйти|выходить|перекрыть|объявить|провести|устроить|начать|пойти)\b|"
    # (session 29) Kazakh: they may, intend to or are ready to ("аштық жариялауымыз мүмкін", "ереуілге шығуы мүмкін", "аштық
    # жарияламақ", "ереуілге шығуға дайын")
    r"(?:аштық|ереуіл|митинг|шеру|пикет|наразылық)\w*\s+(?:[\w-]+\s+){0,2}?(?:\w+(?:уы|уі|уымыз|уіміз|ыуы|іуі)\s+мүмкін|"
    r"(?:жарияла|шық|өткіз|баста|ұйымдастыр|жина|жалғастыр)(?:мақ|мек|бақ|бек|пақ|пек)(?:шы|ші|шымыз|шіміз)?\b(?!\s+бол)|\w+(?:уға|уге)\s+(?:дайын|ниетті|бел\s+бу))", re.I)
# the sentence itself tells of a holding in the past: a permission sentence may still report the event
PAST_EVENT_RE = re.compile(r"\b(?:прош(?:ел|ла|ли)|состоял\w*|собрал\w*|вышл[иа]|вышел|провел[аи]?|пришл[иа]|"
                           r"митинговал\w*|простоял\w*|перекрыл\w*|объявил\w*)\b|өтті|жиналды|шықты", re.I)


# the holding is told inside something else: remembered, narrated, shown in a film or a book
# ("вспоминают, как люди вышли", "фильм о том, как нефтяники бастовали"), or as a generality
# ("митинги проходят все реже", "люди выходят на митинги, когда ...")
NARRATED_RE = re.compile(r"(?:вспомина\w*|вспомнил\w*|рассказыва\w*|рассказал\w*|расскажет|показал\w*|"
                         # (session 31: told to someone, "Он рассказал нам, как проходили митинги в его городе")
                         r"фильм\w*|книг\w*|о\s+том)(?:\s+(?:нам|мне|им|ему|ей|журналист\w*|корреспондент\w*))?\s*,?\s+как\b|"
                         # a book, a film, an exhibition about it ("Вышла книга о забастовке шахтеров")
                         r"\b(?:книг|фильм|стать|выставк|спектакл|сериал|документальн|исследовани|монографи)\w*\s+"
                         r"(?:[\w«»\"-]+\s+){0,2}?(?:о|об|про)\s|"
                         # the reason of a later persecution or penalty ("меня преследуют за то, что я вышел протестовать")
                         r"(?:преследу|наказ|уволи|осуд|осужд|арестова|оштрафова|судят)\w*\s+(?:\w+\s+){0,2}?за\s+то,?\s+что\b", re.I)
# (session 25: "Почему ..." asks in general - "Почему люди не выходят на митинги" - unless it asks why people did something:
# "Почему водители маршруток не вышли на линию" explains a strike)
# (session 28: or the cases a text refers to, "отсылка к случаям, когда ... задерживали": in general, no event)
GENERIC_RE = re.compile(r"\bслуча(?:и|ев|ям|ях)\s*,\s*когда\b|^\s*(?:эксперт|политолог|социолог|аналитик|юрист)\w*\s*:|^\s*почему\b(?![^.?!]*\b[а-яё]{3,}(?:ли|лись)\b)|\bвс[её]\s+(?:реже|чаще)\b|\bкак\s+правило\b|\bзачастую\b|\bобычно\b|"
                        r"\b(?:по\s+мнению|считает|считают)\b[^.]{0,60}\b(?:политолог|эксперт|социолог)\w*|"
                        r"\b(?:политолог|эксперт|социолог)\w*[^.]{0,40}\b(?:считает|считают|уверен\w*|полага\w+)\b|"
                        # (session 31) a wave told as what went on in many towns ("в разных городах страны на площади
                        # выходили рассерженные люди"): a summary, no one assembly (not "в разных городах прошли митинги")
                        r"(?:\bв|\bна\s+улицах)\s+(?:разных|нескольких|многих|десятках|ряде|крупных|больших)\s+(?:[\w-]+\s+)?"
                        r"(?:городах|городов|регионах)\b[^.;:]{0,60}?"
                        r"\b(?:выходили|собирались|проходили|бастовали|митинговали)\b|"
                        r"\b(?:выходили|собирались|проходили|бастовали|митинговали)\b[^.;:]{0,60}?\bв\s+(?:разных|нескольких|многих)\s+"
                        r"(?:[\w-]+\s+)?(?:городах|регионах)\b", re.I)


# an assembly that did not take place ("несостоявшегося митинга", "митинг так и не состоялся")
# (only of an assembly: "несостоявшийся снос рынка" is a demolition that did not happen)
NOT_HELD_RE = re.compile(r"несостоявш\w*\s+(?:[\w-]+\s+)?(?:митинг|пикет|акци|шестви|марш|забастовк|голодовк|протест|собрани|сход|"
                         r"флешмоб|перформанс)|\bне\s+состоял\w*|так\s+и\s+не\s+(?:состоял|прош[её]л|прошл)\w*|"
                         r"не\s+удалось\s+провести|өтпей\s+қалд|болмай\s+қалд", re.I)


_CONTRAST_AFTER_RE = re.compile(r",\s*(?:однако|но|тем\s+не\s+менее|зато|бірақ|алайда|дегенмен)\b", re.I)
_KK_GATHERED_PAST_RE = re.compile(r"(?:жиналд|жиналып|жиылд|жиылып|шықт|шығып)\w*", re.I)  # (Kazakh: gathered, went out)


# (session 48) people detained at home, at their door or on their way, before the assembly they meant to hold or join:
# the news is the police's, nothing was held in the sentence ("намеревавшихся принять участие в митинге задержали у
# подъездов их домов", "задержали по дороге на митинг", Kazakh "митингке шықпақ болған белсенділерді үйлерінен ұстап
# әкетті"). Detained "before it began" with no such place stays what it was: at the square, the police stopping a
# gathering (triage.py, "stopped by detentions"). Asked only with a detention in the sentence.
PREEMPTED_RE = re.compile(
    # (their own house: "возле дома" alone is where a crowd may stand, "Дом правительства")
    r"\bу\s+(?:подъезд|двер)\w*|(?:\bвозле|\bоколо|\bрядом\s+с|\bу)\s+(?:сво\w+|их|его|е[её])\s+(?:дом|квартир|подъезд)\w*|"
    r"\bиз\s+(?:(?:сво\w+|их|его|е[её])\s+)?(?:дома|домов|квартир\w*)\b(?!\s+(?:культур|правительств|дружб|печат|союз|мод|быт|"
    r"министр|прав))|"
    r"(?:задерж|доставл|увез|забрал)\w*\s+(?:[\w-]+\s+)?дома\b(?!\s+[а-яё]+(?:ы|и|а|ов)\b)|\bдома\s+(?:были\s+)?(?:задерж|забрал)|"
    r"по\s+месту\s+жительства|\bпо\s+(?:пути|дороге)\s+(?:на|к)\b|на\s+выходе\s+из\s+(?:дом|подъезд|квартир)|"
    r"(?:үйлерінен|үйінен|пәтерінен|пәтерлерінен|үйлерінің\s+алдынан|үйінің\s+алдынан)\s+(?:[\w-]+\s+){0,2}?(?:ұста|алып\s+кет|әкет)|"
    r"\bжолда\s+(?:[\w-]+\s+){0,2}?ұста", re.I)
PREEMPT_DETAIN_RE = re.compile(r"задерж|доставл|доставил|увез|забрал|ұста|әкет|алып\s+кет|полиция\w*\s+бөлім", re.I)


def preempted(low: str) -> bool:
    """Whether the sentence (lower case) tells of people detained at home, at their door or on their way (PREEMPTED_RE,
    with a detention), and of no holding besides (its rest, without that phrase, tells none: "прошел митинг, на который
    вышли около 100 человек; двоих задержали по дороге на него" is held)."""
    m = PREEMPTED_RE.search(low)
    if not m or not PREEMPT_DETAIN_RE.search(low):
        return False
    rest = low[:m.start()] + " " + low[m.end():]
    return not (PAST_EVENT_RE.search(rest) or _KK_GATHERED_PAST_RE.search(rest))


def sentence_mode(text: str) -> str | None:
    """Why a sentence does not report the event itself: 'planned', 'permission', 'threat', or None."""
    low = yo(text)
    if ("состо" in low or "удалось" in low or "өтпей" in low or "болмай" in low) and (m := NOT_HELD_RE.search(low)):
        # (session 23) "Митинг не состоялся, однако около 30 человек все же собрались у акимата": what follows the
        # contrast, told as done, is judged on its own
        c = _CONTRAST_AFTER_RE.search(low, m.end())
        if c and (PAST_EVENT_RE.search(low, c.end()) or _KK_GATHERED_PAST_RE.search(low, c.end())):
            return sentence_mode(low[c.end():])
        return "planned"
    if THREAT_RE.search(low):
        return "threat"
    if WARNING_RE.search(low) and not PAST_EVENT_RE.search(low):
        return "permission"
    if PERMISSION_RE.search(low) and not PAST_EVENT_RE.search(low):
        return "permission"
    # (session 39) declared unsanctioned or illegal ("В акимате объявили флешмоб несанкционированным"): "объявили" is no
    # holding here, so the rest of the sentence is asked for one ("..., но люди всё же вышли на площадь" stays an event)
    if (m := UNLAWFUL_DECLARED_RE.search(low)) and not PAST_EVENT_RE.search(low[:m.start()] + " " + low[m.end():]):
        return "permission"
    if PLANNED_RE.search(low):
        return "planned"
    if INTENT_RE.search(low) and not PAST_EVENT_RE.search(low):
        return "planned"
    return None


# (session 28) the time ago of a thing, not of the holding: a law passed, a decree signed ("изменить закон «О ветеранах»,
# принятый два года назад")
THING_AGO_RE = re.compile(r"(?:принят|подписан|построен|возвед[её]н|введ[её]н|утвержд[её]н|издан|сдан|куплен|выдан|заключ[её]н)\w*\s+"
                          r"(?:[\w-]+\s+)?(?:дня|дней|недел\w+|месяц\w*|лет|года?)\s+назад\b", re.I)


# (session 46) a comparison with another time ("Жители, как и в прошлом году, вышли на митинг", "как и их соседи год
# назад"): the holding told is this one, it happened before too
AS_BEFORE_RE = re.compile(r"\bкак\s+и\s+(?:[\w-]+\s+){0,2}?(?:в\s+(?:прошлом|позапрошлом)\s+году|прошлого\s+года|"
                          r"(?:[\w-]+\s+)?(?:дня|дней|недел[юиь]|месяц\w*|лет|года?)\s+назад)", re.I)


def without_thing_ago(text: str) -> str:
    """The text with a thing's time ago and a comparison with another time taken out, before BACKGROUND_RE is asked
    (a cheap test first: "назад", "как и")."""
    if "азад" in text:
        text = THING_AGO_RE.sub(" ", text)
    return AS_BEFORE_RE.sub(" ", text) if "ак и" in text else text


def told_before(text: str) -> bool:
    """(session 29) The sentence is background (`BACKGROUND_RE`), a thing's time ago taken out first: the one question
    triage's judge, the background paragraphs and the fields (extract.py, participants, detentions, dates, recaps) ask."""
    return bool(BACKGROUND_RE.search(without_thing_ago(text)))


# BACKGROUND_RE over lower-cased text (faster than re.I on Cyrillic), and the words that open a
# background paragraph
_BACKGROUND_LOW_RE = re.compile(BACKGROUND_RE.pattern)
_THEN_RE = re.compile(r"\s*(?:тогда|в\s+тот\s+(?:день|раз|вечер)|сол\s+кезде|сонда)\b")
_BACKGROUND_LEAD_RE = re.compile(r"\s*(?:" + _REMINDER + r")")


def background_indices(sents: list[Sentence]) -> set[int]:
    """Sentences that tell of another time: a background sentence ("Напомним, ...") and the rest of
    its paragraph."""
    out: set[int] = set()
    para = None
    for s in sents:
        low = yo(s.text).lower()
        if _BACKGROUND_LOW_RE.search(without_thing_ago(low)):
            out.add(s.index)
            para = s.paragraph if _BACKGROUND_LEAD_RE.match(low) else None
        elif (para is not None and s.paragraph == para) or (s.index - 1 in out and _THEN_RE.match(low)):
            # (session 24) "... 11 декабря прошлого года. Тогда более 300 человек собрались": the same other time
            out.add(s.index)
        else:
            para = None
    return out

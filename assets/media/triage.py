"""Triage: does an article report a peaceful assembly, or does it only use the words?

Two passes. `quick_pass` is a regular expression over the raw text, cheap enough for every
article: it lets through anything that mentions a form of protest at all. `classify` runs only on
those: it looks, sentence by sentence, for an *event sentence*: a form of assembly (or a gathering
with a protest cue) together with a verb of holding it, in a sentence that is not about a court
case, a law, statistics, entertainment, a corporate or party meeting, or an online campaign.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from assets.media import kazlatin, places
from assets.media.text import Sentence, lemmas, normalise, parses, sentences, tokens, yo

QUICK_RE = re.compile(
    r"митинг|пикет|голод|шестви|марш[еаиоуы ]|маршем|флеш-?моб|х[эе]п+енинг|перформанс|перекр[ыо]|прикова|"
    r"кран|протест|забастов|бастую|акци[яиюей]|требова|требу[юе]|наразыл|аштық|шеру|жолды жап|жиналы?[пд]|талап\s+ет|"
    r"жауып\s+тастад|ереуіл|штурм|прорвал|ворвал|вломил|видеообращ|недовол|возмущ|еске\s+алд|гүл\s+қой|"
    # a gathering told by its verb alone, with a demand ("собрались у акимата, требуя ...")
    r"требуя|вышл[иа]\s+(?:на|к)\b|подтягива|съехал|стекал|столпил|заночева|плакат|"
    r"(?:прекратил\w*|остановил\w*)\s+работу|вышл\w+\s+на\s+работу|выходить\s+на\s+работу|"
    # Kazakh gatherings told by the verb alone (gathered, came, spent the night, blocked), a protest motorcade
    r"жиыл[ыд]|түне[пд]|бөге[пд]|келіп|автопробег|поверхност|перегород|заблокир|бейбіт\s+жиын|скандир|лозунг|бас\s+тарт|"
    # an unsanctioned gathering named as such ("пресечен несанкционированный сбор граждан")
    r"(?:несанкционированн|незаконн|стихийн)\w*\s+(?:сбор|собрани|сход)|"
    # a night in tents or a yurt at a building ("ночуют в палатках у акимата", "установили юрту на площади")
    r"ночу[юе]т|ночевал|палатк|юрт|алдында\s+(?:\w+\s+)?(?:тұр|отыр)",
    re.I,
)
# an unsanctioned gathering named as such, a form of its own ("пресечен несанкционированный сбор группы
# граждан", "незаконное собрание", "стихийный сход жителей"), not a collection of money or signatures
UNSANCTIONED_GATHERING_RE = re.compile(
    r"(?:несанкционированн|незаконн|стихийн)\w*\s+(?:сбор(?!\w*\s+(?:\w+\s+)?(?:средств|денег|подпис|мусор|данн|"
    r"информац|платеж|налог|взнос|пожертвован))|собрани[еяюй]|сход\w*)")
# the same pattern over lower-cased text, without re.I: six times faster on Cyrillic (benchmarks/bench.py)
_QUICK_LOW_RE = re.compile(QUICK_RE.pattern)

# forms of assembly, by lemma (Russian) or by stem (Kazakh, no morphology)
FORM_LEMMAS = {
    "митинг", "митинговать", "митингующий", "пикет", "пикетчик", "пикетировать", "пикетирование",
    "пикетчица", "голодовка", "голодать", "голодающий", "шествие", "флешмоб", "флеш-моб", "хэппенинг",
    "хеппенинг", "перформанс", "приковать", "приковаться", "приковывать", "забастовка", "бастовать",
}
KK_FORM_RE = re.compile(r"митинг|пикет|аштық|шеру|наразылы[қғ]|ереуіл|акция|бейбіт\s+жиын", re.I)
KK_EVENT_RE = re.compile(r"білдіріп\s+(?:\w+\s+)?жат|алдында\w*\s+(?:\w+\s+)?тұр\b|шықт|шығып|шыққан|ұстал|ұстап|өткізд|өткізіп|жиналд|жиналған|жиналып|жариялад|жапт|ұйымдастырд|білдірд|тұрд|"
                         r"өтті|өтіп\s+жатыр|өткен|басталд|басталған|қатысып|қатысты|жауып\s+тастад|"
                         r"жалғастыр|жалғасуда|жалғасып|жалғасты", re.I)
KK_ROADBLOCK_RE = re.compile(r"(?:жол|тасжол|автожол)\w*\s+(?:\w+\s+)?(?:жауып\s+тастад|жапт|жауып\s+таста|бөгеп|бөгеді)", re.I)
KK_GATHER_RE = re.compile(r"жиналд|жиналып|жиналған|жиылған|шыққан|шықт|шығып|жиылд|жиылып|келіп|келді|түнеп|түнеді|түнеген|бөгеп|бөгеді|"
                          r"(?:әкімдік|әкімдіг|ғимарат)\w*\s+(?:\w+\s+)?(?:барып|барды|барған)", re.I)
KK_DEMAND_RE = re.compile(r"талап\s+ет|талаптарын\s+айт|наразылы[қғ]|ұрандат|сұрап|сұрады|сұрайды|наразы\b", re.I)
# people at a building's front ("әкімдік алдына жиылып", "ғимаратының алдында түнеп шықты"): a gathering even
# without a stated demand when they spent the night or stood there
# a strike told without the word in Kazakh: refusing to go to work or to come up from the mine
KK_STRIKE_RE = re.compile(r"жұмысқа\s+шықпа|жұмысқа\s+шығудан\s+бас\s+тарт|жұмысты\s+тоқтатт|жер\s+бетіне\s+(?:\w+\s+)?"
                          r"көтерілу\w*\s+бас\s+тарт|жер\s+астынан\s+шықпа|шахтадан\s+шығудан\s+бас\s+тарт", re.I)
KK_SQUARE_RE = re.compile(r"(?:алаң|әкімдік|әкімдіг|ғимарат)\w*\s+(?:\w+\s+){0,2}?(?:алдына\s+|алдында\s+)?"
                          r"(?:жиналд|жиналып|жиналған|жиылд|жиылып|жиылған|шықт|шығып|шыққан)", re.I)
# in front of any other building ("үйдің алдына жиналып"): a plain gathering, which needs a demand next to it
KK_FRONT_RE = re.compile(r"алдын[ад]а?\s+(?:жиналд|жиналып|жиналған|жиылд|жиылып|жиылған)", re.I)
# sitting or standing in front of the akimat, a building or on the square ("екінші күн әкімдік алдында отыр")
KK_SIT_AT_RE = re.compile(r"(?:әкімдік|әкімдіг|ғимарат|үкімет|акорда|ақорда|кеңсе|зауыт|сот|департамент|министрлі|"
                          r"парламент|мәжіліс|елшілі|консулдығ|шахта|компания|мекеме|басқарма|полиция)\w*\s+(?:алдында|маңында)\s+(?:\w+\s+)?"
                          r"(?:отыр|тұр)(?:ды|ған|ып)?\b|алаңда\s+(?:\w+\s+)?(?:отыр|тұр)(?:ды|ған|ып)?\b", re.I)
KK_NIGHT_AT_RE = re.compile(r"алдында\s+(?:\w+\s+)?(?:түнеп|түнеді|түнеген)|(?:әкімдіг|әкімдік|ғимарат)\w*\s+(?:\w+\s+){0,2}?түне", re.I)
_KAZAKH_LETTER_RE = re.compile(r"[әғқңөұүһі]")
# one or more people holding a placard in front of a building or on the square ("әкімдігінің алдына плакат ұстап шықты")
KK_PLACARD_RE = re.compile(r"плакат\w*\s+(?:\w+\s+){0,2}?(?:ұстап|көтеріп)\s+(?:\w+\s+){0,2}?(?:шықт|шығып|шыққан|тұрд|тұр\b|тұрған|тұрып)", re.I)
# activists gathered to commemorate ("бір топ белсенді ... құрбандарын еске алды", "гүл қойып")
KK_COMMEMORATION_RE = re.compile(r"белсенді\w*[^.]{0,160}?(?:еске\s+алд|гүл\s+қой)", re.I)
# a penalty: the sentence (and a headline of it) is about the court's decision, not the assembly
PENALTY_RE = re.compile(r"оштрафова\w*|арестова\w*\s+на\s+\d+\s+сут|привлеч\w+\s+к\s+(?:административн|уголовн)\w*\s+"
                        r"ответственност|признан\w*\s+виновн|айыппұл\s+салын|кінәлі\s+деп\s+тан|әкімшілік\s+сот", re.I)
# an event of years ago ("в 2011 году", "с апреля 2011 года"; not "3 мая 2017 года")
OLD_YEAR_RE = re.compile(r"(?<!\d\s)\b(?:в|с|до)\s+(?:(?:январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|"
                         r"ноябр|декабр)\w*\s+)?(?:19|20)\d\d\s*(?:год|г\.)|(?:19|20)\d\d\s+жылы\b", re.I)
# an administrative or criminal case opened: the sentence is about the case, not the assembly
CASE_RE = re.compile(r"(?:завел\w*|возбудил\w*|возбуждено)\s+(?:\w+\s+){0,4}?дел[оа]|"
                     r"(?:прокурор|гособвинител|обвинени)\w*\s+(?:\w+\s+){0,2}?(?:потребовал|запросил|просит|попросил|требует)|административн\w+\s+(?:дел|протокол)|"
                     r"неповиновени\w+\s+(?:законн\w+\s+)?(?:требовани\w+\s+)?(?:сотрудник\w+\s+)?полиц", re.I)
# the sentence tells of another time: background ("Напомним, в марте прошлого года ...") or a plan
BACKGROUND_RE = re.compile(r"^\s*(?:напомним|ранее|как\s+сообщалось|в\s+прошлом\s+году|бұған\s+дейін|еске\s+сал)|"
                           r"прошлого\s+года|в\s+(?:прошлом|позапрошлом)\s+году|"
                           r"\b(?:дня|дней|недел[иью]|месяц\w*|лет|года?)\s+назад\b|"
                           r"(?:несколько\s+раз|неоднократно)\s+(?:\w+\s+){0,2}?задержива|"
                           r"\bранее\s+(?:уже\s+)?[а-яё]+(?:ли|ла|л)\b|за\s+последн\w+\s+(?:дни|дней|недел\w*|месяц\w*)|бұрын\s+(?:\w+\s+)?(?:өткізген|шыққан)", re.I)
# an intention ("планировали", "хотели провести"): in a sentence that also reports the holding in the past
# ("вышли около 70 человек, хотя планировалось собрать 100") it does not make the sentence a plan
INTENT_RE = re.compile(r"планиру\w*|планирова\w*|намерен\w*|намерева\w*|собира\w+\s+провести|хоте\w*\s+провести|"
                       r"хотят\s+провести", re.I)
PLANNED_RE = re.compile(r"заявк\w+\s+на\s+проведение|пройд[её]т\b|пройдут\b|состоится|состоятся|проведут|выйдут\b|"
                        r"перекроют|объявят\b|начнут\b|будет\s+(?:проходить|проведен|долгим)|будут\s+(?:проходить|стоять)|"
                        r"призыва\w+\s+(?:\w+\s+)?(?:выйти|прийти)|призвал\w*\s+(?:\w+\s+)?(?:выйти|прийти)|анонсирова\w*|"
                        r"готов\w*\s+к\s+(?:\w+\s+)?(?:забастовк|акци|митинг)|готовится\s+к|назначил\w*\s+на|"
                        r"өтеді|өткізбек|өткізетін|шығуға\s+шақыр|жоспарла|"
                        # calls to hold or join one ("призывы к организации и участию в митингах"), a warning that
                        # they will be stopped ("будут пресекаться")
                        r"призыв\w*\s+к\s+(?:\w+\s+){0,3}?(?:организаци|участи|проведени)|будут\s+пресека", re.I)
# the sentence is about a permission, a refusal, a notification: the decision, not the assembly
PERMISSION_RE = re.compile(
    r"разрешени\w+\s+на\s+(?:проведение|митинг|пикет)|разрешил\w*\s+(?:\w+\s+)?провести|дал\w*\s+разрешени|"
    r"разрешается\s+проводить|запрещается\s+проведение|не\s+(?:дали|позволил\w*)\s+(?:им\s+)?провести|отказ\w*\s+(?:\w+\s+){0,4}в\s+(?:проведении|согласовании)|"
    r"уведомлени\w+\s+(?:\w+\s+){0,4}о\s+проведении|подал\w*\s+(?:\w+\s+){0,4}(?:заявк|уведомлен)|"
    r"постановлени\w+\s+(?:\w+\s+){0,3}об\s+отказе|"
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
# a threat or an ultimatum: "иначе объявят голодовку", "пригрозили митингами"
THREAT_RE = re.compile(
    r"(?:пригрозил\w*|грозят\w*|угрожа\w+|в\s+противном\s+случае|иначе|если\s+[^.]{0,80}?не)\s+"
    r"[^.]{0,60}?(?:голодовк|митинг|пикет|акци|забастовк|перекр|выйти|выйдут|объяв)|"
    r"\w+(?:па|пе|ба|бе|ма|ме)(?:са|се)\s+(?:[\w-]+\s+){0,3}?(?:аштық|ереуіл|митинг|шеру)", re.I)
# the sentence itself tells of a holding in the past: a permission sentence may still report the event
PAST_EVENT_RE = re.compile(r"\b(?:прош(?:ел|ла|ли)|состоял\w*|собрал\w*|вышл[иа]|вышел|провел[аи]?|пришл[иа]|"
                           r"митинговал\w*|простоял\w*|перекрыл\w*|объявил\w*)\b|өтті|жиналды|шықты", re.I)


# the holding is told inside something else: remembered, narrated, shown in a film or a book
# ("вспоминают, как люди вышли", "фильм о том, как нефтяники бастовали"), or as a generality
# ("митинги проходят все реже", "люди выходят на митинги, когда ...")
NARRATED_RE = re.compile(r"(?:вспомина\w*|вспомнил\w*|рассказыва\w*|рассказал\w*|расскажет|показал\w*|"
                         r"фильм\w*|книг\w*|о\s+том)\s*,?\s+как\b|"
                         # a book, a film, an exhibition about it ("Вышла книга о забастовке шахтеров")
                         r"\b(?:книг|фильм|стать|выставк|спектакл|сериал|документальн|исследовани|монографи)\w*\s+"
                         r"(?:[\w«»\"-]+\s+){0,2}?(?:о|об|про)\s|"
                         # the reason of a later persecution or penalty ("меня преследуют за то, что я вышел протестовать")
                         r"(?:преследу|наказ|уволи|осуд|осужд|арестова|оштрафова|судят)\w*\s+(?:\w+\s+){0,2}?за\s+то,?\s+что\b", re.I)
GENERIC_RE = re.compile(r"^\s*(?:эксперт|политолог|социолог|аналитик|юрист)\w*\s*:|^\s*почему\b|\bвс[её]\s+(?:реже|чаще)\b|\bкак\s+правило\b|\bзачастую\b|\bобычно\b|"
                        r"\b(?:по\s+мнению|считает|считают)\b[^.]{0,60}\b(?:политолог|эксперт|социолог)\w*|"
                        r"\b(?:политолог|эксперт|социолог)\w*[^.]{0,40}\b(?:считает|считают|уверен\w*|полага\w+)\b", re.I)


# an assembly that did not take place ("несостоявшегося митинга", "митинг так и не состоялся")
NOT_HELD_RE = re.compile(r"несостоявш\w*|\bне\s+состоял\w*|так\s+и\s+не\s+(?:состоял|прош[её]л|прошл)\w*|"
                         r"не\s+удалось\s+провести|өтпей\s+қалд", re.I)


def sentence_mode(text: str) -> str | None:
    """Why a sentence does not report the event itself: 'planned', 'permission', 'threat', or None."""
    low = yo(text)
    if ("состо" in low or "удалось" in low or "өтпей" in low) and NOT_HELD_RE.search(low):
        return "planned"
    if THREAT_RE.search(low):
        return "threat"
    if WARNING_RE.search(low) and not PAST_EVENT_RE.search(low):
        return "permission"
    if PERMISSION_RE.search(low) and not PAST_EVENT_RE.search(low):
        return "permission"
    if PLANNED_RE.search(low):
        return "planned"
    if INTENT_RE.search(low) and not PAST_EVENT_RE.search(low):
        return "planned"
    return None


# BACKGROUND_RE over lower-cased text (faster than re.I on Cyrillic), and the words that open a
# background paragraph
_BACKGROUND_LOW_RE = re.compile(BACKGROUND_RE.pattern)
_BACKGROUND_LEAD_RE = re.compile(r"\s*(?:напомним|как\s+сообщалось|ранее|бұған\s+дейін|еске\s+сал)")


def background_indices(sents: list[Sentence]) -> set[int]:
    """Sentences that tell of another time: a background sentence ("Напомним, ...") and the rest of
    its paragraph."""
    out: set[int] = set()
    para = None
    for s in sents:
        low = yo(s.text).lower()
        if _BACKGROUND_LOW_RE.search(low):
            out.add(s.index)
            para = s.paragraph if _BACKGROUND_LEAD_RE.match(low) else None
        elif para is not None and s.paragraph == para:
            out.add(s.index)
        else:
            para = None
    return out
# events abroad: a report from another country is not part of this monitoring
ABROAD_RE = re.compile(r"\b(?:Париж\w*|Франци\w+|Москв\w+|Росси\w+|Киев\w*|Украин\w+|Бишкек\w*|Кыргызстан\w*|"
                       r"Киргизи\w+|Ташкент\w*|Узбекистан\w*|Минск\w*|Беларус\w+|Белорусси\w+|Лондон\w*|Берлин\w*|"
                       r"Германи\w+|США|Вашингтон\w*|Европ\w+|Грузи\w+|Тбилиси|Армени\w+|Ереван\w*|Китае|Пекин\w*|"
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
                       r"Иркутск\w*|Ростов\w*-на-Дону|Воронеж\w*|Перм[иь]|Тюмен\w*|Дагестан\w*|Махачкал\w+|Калининград\w*|"
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
                       r"Батуми|Кутаиси|Гюмри|Гяндж\w*)\b")
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
                                    r"Лукашенк\w*|\bгорсовет\w*|\bоблсовет\w*")
# "аким" alone: Kyrgyzstan has akims too, so it does not place an event in Kazakhstan against a foreign
# place named in the headline or the lead
KZ_AKIM_RE = re.compile(r"\bаким(?:а|у|ом|е|ы|ов)?\b")
PAST_DETENTION_RE = re.compile(r"\bзадержан[аоы]?\b|\bзадержал[аи]?\b|\bбыл[аи]?\s+задержан", re.I)

EVENT_LEMMAS = {
    "провести", "проводить", "пройти", "проходить", "состояться", "собраться", "собираться", "выйти",
    "выходить", "устроить", "устраивать", "объявить", "объявлять", "организовать", "начать", "продолжить",
    "пикетировать", "приковать", "перекрыть", "взобраться", "залезть", "забраться", "подняться", "стоять",
    "держать", "задержать", "разогнать", "выстроиться", "голодать", "протестовать", "митинговать",
    "участвовать", "прошествовать", "прийти", "продолжаться", "длиться", "отказаться", "бастовать",
    "требовать", "начаться", "простоять", "попытаться", "идти", "задерживать", "отправиться", "почтить",
    # ending it tells that it was held ("прекратили забастовку", "завершили голодовку")
    "прекратить", "завершить", "завершиться", "закончиться", "приостановить",
    "потребовать",
}
GATHER_LEMMAS = {"собраться", "собираться", "выйти", "выходить", "выстроиться", "прийти", "перекрыть", "прорваться",
                 "ворваться", "вломиться", "штурмовать", "заночевать", "ночевать", "заселиться", "простоять",
                 "перекрывать", "блокировать", "прибыть", "приехать",
                 # people coming together, however the verb puts it ("подтягиваются люди", "съехались")
                 "подтягиваться", "подтянуться", "стягиваться", "стянуться", "съезжаться", "съехаться",
                 "сходиться", "сойтись", "стекаться", "стечься", "толпиться", "столпиться", "прибывать",
                 # farmers or drivers bringing their machines to a building ("пригнали технику к акимату")
                 "пригнать", "пригонять",
                 # keeping watch at a site or a building ("дежурят у забора стройки, требуя ...")
                 "дежурить"}
PROTEST_LEMMAS = {"требовать", "потребовать", "требование", "против", "протест", "протестовать", "протестующий", "недовольство",
                  "плакат", "лозунг", "скандировать", "несанкционированный", "транспарант", "возмущенный",
                  "недовольный", "отставка", "штурм", "митингующий",
                  # pressing a demand without the word ("добиваются выделения жилья", "возмущаются")
                  "добиваться", "возмущаться", "возмущение"}
VIDEO_APPEAL_RE = re.compile(r"(?:записали|сняли|опубликовали|записывают)\s+(?:\w+\s+){0,2}видео\w*", re.I)
HEIGHT_RE = re.compile(r"(?:взобрал|залез|забрал|поднял|влез|сидел|сидит|просидел)\w*\s+на\s+(?:[\w-]+\s+){0,2}"
                       r"(?:крыш|трубу|вышк|опор|рекламн)", re.I)
# people standing at a building ("второй день стоят у здания акимата") and a strike told without the
# word ("прекратили работу", "не вышли на работу", "отказались выходить на работу") are gatherings
STAND_AT_RE = re.compile(r"\b(?:стоят|стоит|стояли|стоял[аи]?|простояли|простоял[аи]?|сидят|сидели|просидели|остаются|оставались|остались)\s+(?:[\w-]+\s+){0,3}?"
                         r"(?:(?:у|возле|перед|около|под)\s|на\s+(?:центральн\w+\s+|главн\w+\s+)?площад)")
STOP_WORK_RE = re.compile(r"(?:прекратил\w*|остановил\w*|бросил\w*)\s+работу|не\s+вышл\w+\s+на\s+работу|"
                          r"отказ\w+\s+(?:\w+\s+)?(?:выходить|выйти|спускаться|спуститься)\s+(?:на\s+(?:работу|смену)|в\s+шахту)|"
                          r"отказ\w+\s+(?:\w+\s+)?(?:подниматься|подняться|выходить|выйти)\s+(?:на\s+поверхность|из\s+шахты)")
# a yurt or tents set up at a building or on the square ("на площади установлены две юрты", "живут в палатках у
# акимата", "не разбирают юрту"): a gathering that stays
CAMP_RE = re.compile(r"(?:установ|постав|разбива|разбил|разбира|разобра|жив[уё]т|живут|ночу)\w*\s+(?:[\w-]+\s+){0,3}?(?:юрт|палатк)|"
                     r"(?:юрт|палатк)\w*\s+(?:[\w-]+\s+){0,2}?(?:установ|постав|разбит)", re.I)
# protesters present ("на площади находилось от 500 до 700 протестующих", "остаются участники акций")
PRESENT_LEMMAS = {"находиться", "оставаться", "остаться"}
# people who do not leave ("люди не расходятся с площади", "не уходят от акимата"): a gathering that stays
NOT_LEAVING_RE = re.compile(r"\bне\s+(?:расходятся|расходились|разошлись|уходят|уходили|ушли)\b")
# going out to the square or into the streets ("снова вышли на площадь"): the idiom of protest, unless to
# celebrate ("вышли на площадь, чтобы отметить Наурыз")
SQUARE_IDIOM_RE = re.compile(r"\bвы(?:шли|шел|шла|ходят|ходили)\s+(?:\w+\s+)?на\s+(?:центральн\w+\s+|главн\w+\s+)?(?:площад|улиц)")
FESTIVE_RE = re.compile(r"отмет|праздн|концерт|наурыз|мерек|поздрав|болельщ|фанат", re.I)
# "провели ночь у акимата": a night spent at a building is a gathering
NIGHT_AT_RE = re.compile(r"(?:провел\w*|провести|проводят)\s+(?:\w+\s+)?ноч[ьи]\s+(?:у|возле|перед|около|в\s+здании)\b")
# the police detaining protesters ("задержала всех протестовавших рабочих", "задержали митингующих")
DETAIN_LEMMAS = {"задержать", "задерживать", "доставить", "доставлять",
                 # protesters dispersed or dispersed by the police ("протестующие разошлись", "разогнали митингующих")
                 "разойтись", "расходиться", "разогнать", "разгонять", "оцепить", "вытеснить", "вытеснять"}
PROTESTER_LEMMAS = {"протестовать", "протестующий", "митинговать", "митингующий", "пикетчик", "пикетчица", "демонстрант",
                    "бастовать", "бастующий", "голодающий"}
# the participants of an action named as such ("организаторы и активные участники доставлены в полицию",
# "участников несанкционированного митинга задержали")
PARTICIPANTS_RE = re.compile(r"активн\w+\s+участник|организатор\w*\s+и\s+(?:\w+\s+)?участник|участник\w*\s+"
                             r"(?:несанкционированн\w+\s+|незаконн\w+\s+|протестн\w+\s+)?(?:акци|митинг|пикет|шестви|протест)", re.I)
# a finite verb of demanding, people its subject ("Люди требуют", "жители потребовали"), and a building or a
# square where they stand
DEMAND_VERB_RE = re.compile(r"\b(?:люди|жители|жительницы|рабочие|матери|женщины|собравшиеся|пенсионеры|дольщики|"
                            r"горожане|сельчане|родители|активисты|они)\s+(?:\w+\s+)?(?:требуют|требовали|потребовали)\b", re.I)
AT_BUILDING_RE = re.compile(r"\b(?:у|возле|перед|около)\s+(?:здани\w+\s+)?(?:\w+\s+)?(?:акимат\w*|министерств\w*|парламент\w*|"
                            r"мажилис\w*|акорд\w*|посольств\w*|консульств\w*|проходн\w*|управлени\w*|офис\w*)|"
                            r"\bна\s+(?:центральн\w+\s+|главн\w+\s+)?площад\w*", re.I)
# a campaign called "акция" that is no protest: sales, charity, ecology, blood donation, sport, a
# state or police campaign ("в магазинах проходит акция: скидки", "прошла экологическая акция:
# волонтеры высадили деревья", "полицейские провели акцию «Внимание, дети!»")
NON_PROTEST_ACTION_RE = re.compile(
    r"скидк|распродаж|кэшб[эе]к|рассрочк|промокод|розыгрыш|покупател|магазин|акционн\w+\s+(?:цен|товар)|"
    r"благотворительн|экологическ|эко-?акци|донор|сдали\s+кровь|сдать\s+кровь|субботник|высади\w*|саженц|деревь|"
    r"зарядк|спортивн|акци\w+\s+«спорт|профилактическ|сбор\w*\s+(?:средств|помощи|вещей|подарков)|подарк|"
    r"(?:полицейск|полици[яи]|сотрудник\w*\s+(?:\w+\s+)?(?:полиц|дпс)|инспектор|акимат|министерств|управлени)\w*\s+(?:[\w«»\"-]+\s+){0,3}?"
    r"(?:провел|провели|проводят|проводит|организовал|организовали|запустил|запустили)\w*\s+(?:\w+\s+){0,2}акци|"
    r"(?:стартовал|стартует|проходит|продлится)\w*\s+(?:\w+\s+){0,2}(?:республиканск|областн|городск)\w*\s+акци", re.I)
# the same in Kazakh ("қайырымдылық акциясы", "экологиялық акция", "донорлық акция", a shop's "акциясы" with discounts)
KK_NON_PROTEST_RE = re.compile(r"қайырымдылы|экологиялық|донор|қан\s+тапсыр|жеңілдік|ұтыс|сауда\s+орталы|дүкен|тауар|"
                               r"еріктілер|волонтер|сенбілік|қоқыс|ағаш\s+отырғыз|сыйлық|науқан|әлеуметтік\s+акция|"
                               r"спорттық|профилактикалық|мерекелік|марафон", re.I)
# a holiday's event: "флешмоб ко Дню Республики", "митинг, посвященный Дню Победы", "в честь Дня
# независимости", "торжественное собрание", "мерекелік", "Тәуелсіздік күніне орай": a celebration, not a protest
# (unless the sentence names a protest: "в День независимости вышли на митинг против ...")
CELEBRATION_RE = re.compile(r"(?:\bко\s+|\bв\s+честь\s+|посвящ[её]нн?\w*\s+|празднован\w+\s+)(?:\d+-?\w*\s+)?(?:годовщин\w+\s+)?"
                            r"дн[юяе]\s+(?:[\w-]+\s+)?(?:республики|независимости|победы|единства|столицы|города|"
                            r"защитника|россии|знаний|матери|семьи|учителя|благодарности|языков|конституции|"
                            r"первого\s+президента|полиции|молод[её]жи)|"
                            r"торжественн\w+\s+(?:\w+\s+)?(?:собрани|митинг|церемони|мероприяти)|"
                            r"(?:күніне|мерекесіне)\s+орай|мерекелік|салтанатты", re.I)
# the strings every CELEBRATION_RE match holds (a cheap test first)
_CELEBRATION_HINT_RE = re.compile(r"[Дд]н[юяе]|орж|орай|ерек|алтанат")
# a protest motorcade or bicycle ride ("устроили автопробег против повышения цен на газ"): a form with a protest cue
MOTORCADE_RE = re.compile(r"автопробег|велопробег|автоколонн|(?:проехал|прошл|прош[её]л)\w*\s+колонн", re.I)
PROTEST_ACTION_RE = re.compile(r"акци\w+\s+протест|акци\w+\s+памяти|протестн\w+\s+акци|(?:провел|провели|провести|устроил\w*|"
                               r"прошла|проходит|вышл\w+\s+на)\s+(?:\w+\s+){0,2}акци", re.I)

NEGATIVE = {
    "court": ({"суд", "судья", "оштрафовать", "приговор", "приговорить", "обжаловать", "апелляционный",
               "коап", "ходатайство", "заседание", "штраф", "мрп", "виновный", "осудить", "процесс", "подсудимый",
               "прокурор", "адвокат"}, 2),
    "law": ({"законопроект", "мажилис", "сенат", "депутат", "чтение", "поправка", "закон"}, 2),
    "statistics": ({"индекс", "статистика", "количество", "число", "снизиться", "вырасти", "распространить",
                    "распространенный"}, 2),
    "entertainment": ({"концерт", "зритель", "фестиваль", "марафон", "забег", "бегун", "праздник",
                       "праздничный", "фейерверк", "выступление", "спектакль", "матч", "болельщик",
                       "фильм", "сериал", "кинофильм", "режиссер", "персонаж", "роман", "фанат", "трибуна", "баннерный",
                       "стадион"}, 1),
    "corporate": ({"акционер", "дивиденд", "съезд", "делегат", "пленум", "собственник", "кск", "кооператив",
                   "голосование", "голосовать", "отчетность"}, 1),
    "online": ({"instagram", "facebook", "соцсеть", "хэштег", "хештег", "пользователь", "блогер", "публиковать"}, 1),
    "civic": ({"субботник", "волонтер", "уборка", "ремонт", "встреча", "объездной", "пресс-конференция", "брифинг"}, 1),
}
COURT_VERBS = {"оштрафовать", "арестовать", "приговорить", "обжаловать", "признать", "рассмотреть", "осудить"}
POLICE_SUBJECT_RE = re.compile(r"полиц\w*\s+(?:\w+\s+){0,3}(?:перекрыл|перегородил|заблокировал)|"
                               r"(?:перекрыл|перегородил|заблокировал)\w*\s+(?:\w+\s+){0,4}полиц", re.I)
ROADBLOCK_RE = re.compile(r"перекрыл[иа]?\s+(?:[\w-]+\s+){0,6}?(трасс|дорог|проспект|улиц|движени|автодорог|мост|перекрест)"
                          r"|(?:перегородил|заблокировал)[иа]?\s+(?:[\w-]+\s+){0,3}?(трасс|дорог|проспект|улиц|движени|въезд|выезд|"
                          r"проезд|двор|ворота|подъезд|мост|железнодорожн|рельс|пут[ьи])"
                          r"|блокиру\w*\s+(?:[\w-]+\s+){0,2}?(движени|трасс|дорог)|перекрыти\w+\s+(?:\w+\s+)?(трасс|дорог)"
                          r"|(трасс|дорог|проспект\w*|улиц|движени)\w*\s+(?:[\w«»\"-]+\s+){0,8}?перекрыл[иа]?\b"
                          r"|перекрывать\s+(?:\w+\s+)?(дорог|трасс)|(?:встал|легл|сел)\w*\s+(?:[\w-]+\s+){0,4}?"
                          r"(?:на|поперек|поперёк)\s+(?:[\w-]+\s+){0,2}?(трасс|дорог|проезж|автодорог)|(?:жол|тасжол|автожол)\w*\s+(?:\w+\s+)?(?:жауып\s+тастад|жапт|бөгеп|бөгеді)", re.I)
PEOPLE_ROADBLOCK_RE = re.compile(r"(?:жител|люди|сельчан|протестующ|жильц|горожан|рабочи|безработн|женщин|матер|тұрғын)\w*"
                                 r"[^.]{0,80}?(?:перекры|блокир|перегород|жауып\s+тастад|жапт|бөге)", re.I)
CRANE_RE = re.compile(r"(?:взобрал|залез|забрал|поднял|влез|сидел|сидит|просидел)\w*\s+на\s+(?:[\w-]+\s+){0,2}кран|"
                      r"(?:протест\w*|акци\w+|пикет\w*|сидени\w+)\s+на\s+(?:[\w-]+\s+){0,2}кран|"
                      r"на\s+(?:[\w-]+\s+)?(?:башенн|строительн)\w+\s+кран|кранға\s+(?:шықт|өрмеле)", re.I)
ONLINE_RE = re.compile(r"#\w+|соцсет|социальн\w+ сет|instagram|facebook|tiktok|\bzoom\b|онлайн|әлеуметтік\s+желі", re.I)
# fasting for health, not a hunger strike ("голодал 10 дней, чтобы похудеть")
DIET_RE = re.compile(r"похуде|диет|лечебн\w+\s+голода|голодани\w+\s+(?:для|ради)|интервальн", re.I)
# figures over a period or the country: "за год прошло 200 несанкционированных акций", "с начала года"
AGGREGATE_RE = re.compile(r"\bза\s+(?:прошедш\w+\s+|последн\w+\s+|этот\s+|минувш\w+\s+)?(?:год|полгода|квартал|"
                          r"\d+\s+(?:месяц\w*|лет|года?))\b|\bс\s+начала\s+(?:года|месяца)|"
                          r"\b\d+\s+(?:несанкционированн\w+\s+|протестн\w+\s+|массов\w+\s+)?(?:акций|митингов|пикетов|протестов|"
                          r"забастовок|шествий)\b", re.I)


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


@dataclass
class TriageResult:
    passed_quick: bool
    is_assembly: bool
    score: float
    reasons: list[str]
    event_sentences: list[int]

    @property
    def label(self) -> str:
        if not self.passed_quick:
            return "no_mention"
        return "assembly" if self.is_assembly else "mention_only"


def quick_pass(text: str) -> bool:
    """First pass, on every article: does it mention any form of protest at all?"""
    return bool(_QUICK_LOW_RE.search(text.lower()))


# A sentence can have a reason to be an event sentence (judge_sentence) only if one of these
# strings is in it (lower-cased) or one of its lemmas is a form or a gathering: every pattern
# behind a reason requires one of them (form words, "акци", crane, roof, road block, video, Kazakh
# gathering and commemoration words). Sentences without any are not judged one by one.
_TRIGGER_RE = re.compile(r"флеш|флэш|х[эе]п+енинг|одиночн|шестви|маршем|акци|митинг|пикет|аштық|шеру|наразылы|ереуіл|"
                         r"кран|крыш|трубу|вышк|опор|рекламн|перекр|блокиру|заблокир|перегород|жауып|жапт|видео|жиналд|жиналып|жиналған|шыққан|шықт|"
                         r"шығып|белсенді|ноч|стоя|работу|шахт|пришл|прибыл|приеха|подтягива|съех|стека|столпи|жиыл|келіп|келді|түне|"
                         r"бөге|поверхност|автопробег|велопробег|автоколонн|сидя|сидел|бейбіт\s+жиын|жұмысқа\s+шы|жұмысты\s+тоқтат|"
                         r"жер\s+бет|жер\s+аст|несанкционированн\w*\s+(?:сбор|собрани|сход)|незаконн\w*\s+(?:сбор|собрани|сход)|"
                         r"стихийн\w*\s+(?:сбор|собрани|сход)|білдіріп\s+жат|алдында\w*\s+(?:\w+\s+)?тұр\b|"
                         r"барып|барды|барған|отыр|палатк|юрт|ночу|под\s+землей|активн\w+\s+участник|организатор\w*\s+и\s|участник\w*\s+(?:\w+\s+)?протест|"
                         r"\bоста(?:ются|вались|лись)\s+(?:[\w-]+\s+){0,3}?(?:у|возле|перед|около|под)\s|\bне\s+(?:расход|уход|разошл|ушли)")
_TRIGGER_LEMMAS = FORM_LEMMAS | GATHER_LEMMAS | PROTESTER_LEMMAS


def may_be_event(s: Sentence) -> bool:
    """False only where judge_sentence could find no reason at all (a cheap test before it)."""
    low = yo(s.text).lower()
    return bool(_TRIGGER_RE.search(low)) or bool(set(lemmas(low)) & _TRIGGER_LEMMAS)


def no_mention() -> TriageResult:
    """The verdict on an article the quick pass does not let through."""
    return TriageResult(False, False, 0.0, ["no form of assembly mentioned"], [])


STRONG_NEGATIVES = {"court", "law", "statistics", "background", "planned", "permission", "threat", "diet", "celebration"}


# "требуя встречи с акимом", "ждут встречи", "добиваются встречи": the meeting is what the protesters want
MEETING_DEMANDED_RE = re.compile(r"(?:требу\w*|потребова\w*|жд[уеа]\w*|ожида\w*|добива\w*|проси\w*|просят|настаива\w*)\s+"
                                 r"(?:\w+\s+)?встреч", re.I)


def _negatives(lem: set[str], raw: str) -> list[str]:
    out = []
    mode = sentence_mode(raw)
    for name, (words, need) in NEGATIVE.items():
        hits = lem & words
        if name == "civic" and MEETING_DEMANDED_RE.search(raw):
            hits = hits - {"встреча"}  # a meeting they demand or wait for is the protest's aim, not a meeting held
        if name == "court":
            # a sentence about a court case: a court and what it decided
            if ({"суд", "судья"} & lem and (hits & COURT_VERBS or hits & {"штраф", "мрп", "коап", "заседание", "процесс", "подсудимый", "прокурор"})) \
                    or len(hits - {"осудить"}) >= 3:
                out.append(name)
        elif len(hits) >= need or (name == "law" and "законопроект" in hits):
            out.append(name)
    if ONLINE_RE.search(raw) and "online" not in out:
        out.append("online")
    if AGGREGATE_RE.search(raw) and "statistics" not in out:
        out.append("statistics")
    if DIET_RE.search(raw):
        out.append("diet")
    if _CELEBRATION_HINT_RE.search(raw) and CELEBRATION_RE.search(raw) and not lem & (PROTEST_LEMMAS - {"плакат", "лозунг"}) \
            and not KK_DEMAND_RE.search(raw):
        out.append("celebration")
    if (CASE_RE.search(raw) or PENALTY_RE.search(raw)) and "court" not in out:
        out.append("court")
    main = re.sub(r",\s*(?:где|когда|котор\w+|после\s+того)\b[^,;]*", "", raw)  # not in a relative clause
    if OLD_YEAR_RE.search(REMEMBERED_YEAR_RE.sub(" ", main)) and "background" not in out:
        out.append("background")
    if BACKGROUND_RE.search(raw):
        out.append("background")
    if (NARRATED_RE.search(raw) or GENERIC_RE.search(raw)) and "background" not in out:
        out.append("background")
    if mode:
        out.append(mode)
    return out


# verbs whose time is the time of the infinitive they govern ("продолжают митинговать", "стали задерживать")
# verbs of stopping: with an infinitive they say the holding is no more ("перестали выходить")
STOP_LEMMAS = {"перестать", "переставать", "прекратить", "прекращать", "бросить"}
PHASAL_LEMMAS = {"начать", "начинать", "продолжить", "продолжать", "стать", "пытаться", "попытаться", "перестать",
                 "успеть", "остаться", "оставаться", "заставить", "вынудить", "пойти"}


RELATIVE_CLAUSE_RE = re.compile(r",\s*(?:(?:на|в|во|с|со|о|об|по|за|из|для|после|перед|у|к)\s+)?(?:котор\w+|где|когда)\b[^,;:—]*")


def verb_time(tag) -> str:
    """'past', 'present', 'future', 'infinitive' or 'other' for a pymorphy tag of a verb form."""
    if tag.POS == "INFN":
        return "infinitive"
    if tag.POS == "VERB":
        return {"past": "past", "pres": "present", "futr": "future"}.get(tag.tense, "other")
    return "other"  # a participle, a gerund, a noun: says nothing of the time


def _has_form(lem: set[str], low: str) -> bool:
    """The sentence names a form of assembly (a protest "акция" included, a sale or charity "акция" not)."""
    form = bool(lem & FORM_LEMMAS) or bool(re.search(r"флеш-?моб|х[эе]п+енинг|одиночн\w+ пикет|\bшестви|\bмаршем", low)) \
        or (bool(MOTORCADE_RE.search(low)) and bool(lem & PROTEST_LEMMAS)) or bool(UNSANCTIONED_GATHERING_RE.search(low))
    action = bool(PROTEST_ACTION_RE.search(low)) \
        or ("акция" in lem and bool(lem & (PROTEST_LEMMAS | {"активист", "участник", "пикетчик", "памятник", "годовщина"})))
    if action and not form and NON_PROTEST_ACTION_RE.search(low) and not lem & PROTEST_LEMMAS:
        action = False  # a sale, a charity or a police campaign called "акция"
    return form or action


def _action_only(lem: set[str], low: str) -> bool:
    """The only form the sentence names is a bare "акция" (no protest word with it)."""
    return not (lem & FORM_LEMMAS or re.search(r"флеш-?моб|х[эе]п+енинг|одиночн\w+ пикет|\bшестви|\bмаршем", low)
                or MOTORCADE_RE.search(low) or lem & PROTEST_LEMMAS)


def judge_sentence(s: Sentence) -> SentenceVerdict:
    raw = yo(s.text)
    lem = set(lemmas(raw))
    low = raw.lower()
    v = SentenceVerdict(index=s.index, event=False)
    form = _has_form(lem, low)
    # the form named only inside a relative clause that is a plan, a threat or a refusal ("провели
    # пресс-конференцию, на которой заявили о намерении провести митинг") is not what the main verb holds
    main_raw = RELATIVE_CLAUSE_RE.sub(" ", raw)
    form_main = form and (main_raw == raw or _has_form(set(lemmas(main_raw)), main_raw.lower())
                          or not any(sentence_mode(m.group(0)) for m in RELATIVE_CLAUSE_RE.finditer(raw)))
    kazakh = bool(_KAZAKH_LETTER_RE.search(low))
    kk = bool(KK_FORM_RE.search(low)) and bool(KK_EVENT_RE.search(low))
    # the only Kazakh form is a bare "акция" (no митинг, пикет, наразылық ...)
    kk_action_only = kk and not re.search(r"митинг|пикет|аштық|шеру|наразылы[қғ]|ереуіл|бейбіт\s+жиын", low)
    if kk_action_only and (KK_NON_PROTEST_RE.search(low) or NON_PROTEST_ACTION_RE.search(low)) \
            and not KK_DEMAND_RE.search(low) and not lem & PROTEST_LEMMAS:
        kk = False  # a charity, a sale, a clean-up called "акция"
    crane = bool(CRANE_RE.search(low))
    roadblock = bool(ROADBLOCK_RE.search(low)) and not POLICE_SUBJECT_RE.search(low) and not re.search(r"был[оа]? перекрыт", low)
    by_people = roadblock and bool(PEOPLE_ROADBLOCK_RE.search(low))
    height = bool(HEIGHT_RE.search(low))
    video = bool(VIDEO_APPEAL_RE.search(low))
    # a verb of holding; a form word that is also a verb ("митинговать") counts as one only when
    # it is a verb, not a participle naming people ("данного митинговавшим 24 апреля")
    event_verb = False
    tenses: set[str] = set()
    gather_verb = False  # a verb of gathering, not negated
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
        if k > 0 and ps[0].tag.POS == "INFN" and any(
                yo(p.normal_form) in STOP_LEMMAS and p.tag.POS == "VERB" for p in parses(toks[k - 1].lower())[:2]):
            continue  # "перестали выходить на митинги": they no longer do
        if l in GATHER_LEMMAS:
            gather_verb = True
        if l in EVENT_LEMMAS and not (l in FORM_LEMMAS and ps[0].tag.POS in ("PRTF", "NOUN", "ADJF")):
            event_verb = True
            tenses.add(verb_time(ps[0].tag))
        else:
            # a verb form read first as a noun ("начала", "стали") still counts by its verb reading
            verb = next((p for p in ps if p.tag.POS in ("VERB", "INFN")
                         and yo(p.normal_form) in GATHER_LEMMAS | PHASAL_LEMMAS), None)
            if verb is not None:
                tenses.add(verb_time(verb.tag))
                gather_verb = gather_verb or yo(verb.normal_form) in GATHER_LEMMAS
    gather = gather_verb or bool(NIGHT_AT_RE.search(low)) or bool(STAND_AT_RE.search(low)) or bool(NOT_LEAVING_RE.search(low)) \
        or bool(STOP_WORK_RE.search(low)) or bool(CAMP_RE.search(low))
    protest = bool(lem & PROTEST_LEMMAS) or (bool(SQUARE_IDIOM_RE.search(low)) and not FESTIVE_RE.search(low))
    if form_main and event_verb:
        v.reasons.append("form+verb")
        v.action_only = _action_only(lem, low)
    elif form_main and UNSANCTIONED_GATHERING_RE.search(low) and re.search(r"пресеч|пресек|разогна|разгон", low):
        v.reasons.append("form+verb")  # "пресечен несанкционированный сбор граждан": it was held, then stopped
    # the police acting on a crowd the sentence describes in a relative clause ("вытеснили с площади
    # несколько сотен человек, которые третий день собирались там с требованием ...")
    def rel_crowd() -> bool:
        if main_raw == raw:
            return False
        rel_lem = set(lemmas(" ".join(m.group(0) for m in RELATIVE_CLAUSE_RE.finditer(raw))))
        return bool(rel_lem & GATHER_LEMMAS and rel_lem & PROTEST_LEMMAS)
    if lem & DETAIN_LEMMAS and (lem & PROTESTER_LEMMAS or rel_crowd() or PARTICIPANTS_RE.search(low)) \
            and not ABROAD_RE.search(raw):
        v.reasons.append("protesters detained")
    if lem & PRESENT_LEMMAS and (lem & PROTESTER_LEMMAS or (form and "участник" in lem)) \
            and not re.search(r"\bне\s+(?:осталось|остались|находил)", low):
        v.reasons.append("protesters present")
    if kk:
        v.reasons.append("kk form+verb")
        v.action_only = v.action_only or (kk_action_only and not KK_DEMAND_RE.search(low))
    if crane:
        v.reasons.append("crane")
    if kazakh and KK_PLACARD_RE.search(low):
        v.reasons.append("kk placard")
    if height:
        v.reasons.append("height")
    if roadblock and (protest or by_people):
        v.reasons.append("road block+protest")
    elif roadblock:
        v.reasons.append("road block")
    if (gather or video) and protest and not form:
        v.reasons.append("gathering+protest")
    elif (gather or video or KK_FRONT_RE.search(low) or (kazakh and KK_SIT_AT_RE.search(low))) and not form:
        v.reasons.append("gathering")
    if KK_GATHER_RE.search(low) and KK_DEMAND_RE.search(low) and not kk:
        v.reasons.append("kk gathering+demand")
    elif (KK_COMMEMORATION_RE.search(low) or KK_NIGHT_AT_RE.search(low) or KK_SQUARE_RE.search(low)
          or KK_STRIKE_RE.search(low)) and not kk:
        v.reasons.append("kk gathering+demand")
    v.negatives = _negatives(lem, raw)
    v.infinitive_only = bool(tenses) and tenses <= {"infinitive"} and not PAST_EVENT_RE.search(low) \
        and set(v.reasons) <= {"form+verb"}
    # every verb of holding or gathering is in the future tense ("соберутся у акимата", "устроят пикет"),
    # none tells of a holding done or under way: a plan, whatever the verb
    # an intention next to a holding already done or under way ("стоят у акимата и намерены стоять до
    # конца", "собрались, хотя планировали шествие"): the holding is the event
    if "planned" in v.negatives and tenses & {"past", "present"} and INTENT_RE.search(low) \
            and not PLANNED_RE.search(low):
        v.negatives.remove("planned")
    if v.reasons and tenses and tenses <= {"future"} and "planned" not in v.negatives and not PAST_EVENT_RE.search(low):
        v.negatives.append("planned")
    strong_neg = [n for n in v.negatives if n in STRONG_NEGATIVES]
    weak_neg = [n for n in v.negatives if n not in STRONG_NEGATIVES]
    specific = [r for r in v.reasons if r in ("form+verb", "kk form+verb", "crane", "road block+protest", "protesters detained",
                                               "protesters present", "kk placard",
                                               "kk gathering+demand", "height")]
    if strong_neg:
        v.event = False
    elif weak_neg:
        # "concert", "meeting", "volunteers": a plain gathering is not an assembly; a named form held
        # in the same sentence still is unless two such words weigh against it
        weak_hits = sum(len(lem & NEGATIVE[n][0]) for n in weak_neg) + (1 if ONLINE_RE.search(raw) else 0)
        # a protest named in the sentence weighs against one of them ("болельщики вышли на пикет у стадиона
        # против руководства клуба")
        weak_hits -= 1 if lem & {"против", "требовать", "потребовать", "протест", "протестовать", "отставка"} else 0
        v.event = bool(specific) and weak_hits < 2
    else:
        v.event = bool(v.reasons)
    if raw.rstrip().endswith("?"):
        v.event = False  # a question ("Почему люди не выходят на митинги?") reports nothing
    return v


def classify(title: str, text: str, published: dt.date | None = None) -> TriageResult:
    """Second pass, on candidates only. With the publication date, an event sentence naming a year
    two or more years before it is background (an anniversary, a history), whatever its wording."""
    title, text = kazlatin.convert(title or "", text)  # Kazakh in Latin letters is read in Cyrillic
    full = f"{normalise(title)}\n{normalise(text)}" if title else normalise(text)
    if not quick_pass(full):
        return no_mention()
    return _classify_sentences(full, bool(title), published)


def classify_batch(articles: Iterable[tuple]) -> list[TriageResult]:
    """Both passes over a batch of (title, text) or (title, text, published), as the pipeline and the
    benchmark run them: the quick pass on every article's raw text, `classify` only on those it lets through."""
    return [classify(*a) if quick_pass(f"{a[0]}\n{a[1]}") or kazlatin.scheme(f"{a[0]}\n{a[1]}") else no_mention()
            for a in articles]


# the year the sentence's own event took place ("в 2011 году", "16 декабря 2011 года", "2011 жылы"); not
# a year naming something else ("события 2011 года", "2011 жылғы оқиғалар")
YEAR_RE = re.compile(r"\b(?:в|с)\s+((?:19|20)\d\d)\s*(?:году|г\.)|"
                     # the year as the form's attribute: "забастовка шахтеров 1989 года", "митинг 2011 года"
                     r"\b(?:забастовк|митинг|пикет|шестви|голодовк|протест|акци)\w*\s+(?:[а-яё]+\s+){0,2}?((?:19|20)\d\d)\s+года|"
                     r"\b\d{1,2}\s+(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)\w*\s+"
                     r"((?:19|20)\d\d)\s*(?:года|г\.)|\b((?:19|20)\d\d)\s+жылы\b", re.I)


# the year of what is remembered, not of the holding ("почтить память погибших в Жанаозене в 2011 году",
# "в годовщину событий декабря 1986 года")
REMEMBERED_YEAR_RE = re.compile(r"(?:памят\w*|погибш\w*|жертв\w*|годовщин\w*|событи\w*|трагеди\w*|расстрел\w*)"
                                r"[^.;,]{0,60}?(?:19|20)\d\d\s*(?:год\w*|г\.)", re.I)


def _old_year(text: str, published: dt.date | None) -> bool:
    if published is None:
        return False
    main = RELATIVE_CLAUSE_RE.sub(" ", text)  # "..., где в 2011 году ...": about the place, not the event
    main = REMEMBERED_YEAR_RE.sub(" ", main)  # "почтить память погибших в 2011 году": the year of the remembered
    years = [int(next(g for g in m.groups() if g)) for m in YEAR_RE.finditer(main)]
    return bool(years) and max(years) <= published.year - 2


def _abroad(full: str, sents: list[Sentence], strong: list[SentenceVerdict]) -> bool:
    """The event is told abroad: a foreign place where the event is told (the headline, the lead, an event
    sentence; not only in passing further on: "as in Russia", "a citizen of Kyrgyzstan") or a foreign
    institution, and no place of Kazakhstan (a city named only as whose residents or whom they support does
    not place the event: "у посольства Казахстана в Москве ... пикет в поддержку жителей Жанаозена")."""
    if any(places.hit_role(full, h) != "resident" for h in places.find_cities(full)):
        return False
    foreign_institution = FOREIGN_INSTITUTION_RE.search(full)
    where = [t.text for t in sents[:2]] + [sents[v.index].text for v in strong]
    if not (foreign_institution or any(ABROAD_RE.search(t) or foreign_region(t) for t in where)):
        return False
    foreign_lead = foreign_institution or any(ABROAD_RE.search(t.text) or foreign_region(t.text) for t in sents[:2])
    kz_marks = {m.group(0) for m in KZ_MARK_RE.finditer(full)}
    if any(not KZ_AKIM_RE.fullmatch(m) for m in kz_marks) or (kz_marks and not foreign_lead):
        return False
    return not places.capital_mentioned(full) or bool(FOREIGN_CUE_RE.search(full)) or bool(foreign_institution)


def _classify_sentences(full: str, title: bool, published: dt.date | None = None) -> TriageResult:
    sents = sentences(full)
    # the headline is always judged (its negatives matter); other sentences only when they may be events
    verdicts = [judge_sentence(s) if (s.index == 0 or may_be_event(s)) else SentenceVerdict(index=s.index, event=False)
                for s in sents]
    for v in verdicts:
        if v.event and _old_year(sents[v.index].text, published):
            v.event = False
            v.negatives.append("background")
    for i in background_indices(sents):
        if verdicts[i].event:
            verdicts[i].event = False
            verdicts[i].negatives.append("background")
    # an assembly the police stopped: "десятки человек были задержаны ... Они собирались провести митинг"
    # (an intention, not a future plan, next to detentions already made)
    for v in verdicts:
        if not v.event and "form+verb" in v.reasons and v.negatives == ["planned"]:
            low = yo(sents[v.index].text).lower()
            if INTENT_RE.search(low) and not PLANNED_RE.search(low) and any(
                    PAST_DETENTION_RE.search(s.text) for s in sents if s.index != v.index):
                v.event = True
                v.infinitive_only = False  # the detentions tell that something was under way
                v.reasons.append("stopped by detentions")
    # people demanding at a building, told live ("Сейчас у акимата Актобе. Люди требуют снизить цены на газ"):
    # a finite "требовать" with the building in the same or the sentence before
    for v in verdicts:
        if v.event or v.negatives or v.index == 0 and title:
            continue
        t = sents[v.index].text
        if "треб" not in t or not DEMAND_VERB_RE.search(t):
            continue
        t = re.sub(r",?\s*чтобы\b.*", "", t)  # (the place in what they want: "требуют, чтобы на площади ...")
        here = AT_BUILDING_RE.search(t) or (v.index > (1 if title else 0) and AT_BUILDING_RE.search(sents[v.index - 1].text)
                                            and not verdicts[v.index - 1].negatives)
        if here:
            v.event = True
            v.reasons.append("demand at a building")
    events = [v for v in verdicts if v.event]
    # a bare road block ("перекрыли проспект") or gathering ("собираются люди") counts only with a
    # protest cue next to it
    strong = []
    for v in events:
        if set(v.reasons) <= {"road block", "gathering"}:
            near = [w for w in verdicts if 0 < abs(w.index - v.index) <= 2]
            near_protest = any(set(lemmas(sents[w.index].text)) & PROTEST_LEMMAS or KK_DEMAND_RE.search(sents[w.index].text)
                               for w in near + [v])
            if not near_protest:
                continue
        strong.append(v)
    # a headline about something else (a court, a law, a clean-up, a concert ...) that does not itself
    # report the event: the article needs two event sentences
    title_neg = verdicts[0].negatives if title and verdicts and not verdicts[0].event else []
    if title_neg and set(lemmas(sents[0].text)) & PROTEST_LEMMAS:
        # "Болельщики против руководства клуба": a headline naming a protest is not about a match
        title_neg = [n for n in title_neg if n in STRONG_NEGATIVES]
    need = 2 if title_neg else 1
    # an article whose only events are a bare "акция" that the article itself calls a charity, a sale or a
    # campaign ("прошла акция в поддержку пострадавших ... благотворительная акция"): no protest
    if strong and all(v.action_only and set(v.reasons) <= {"form+verb", "kk form+verb"} for v in strong) \
            and (NON_PROTEST_ACTION_RE.search(full) or KK_NON_PROTEST_RE.search(full)):
        strong = []
    # an article that calls its event a celebration ("мерекелік шеру", "флешмоб ко Дню Республики") and names no
    # protest in its event sentences: a holiday, not an assembly
    # (so is a crowd "out on the square" in an article about a feast, a concert or fans)
    festive_crowd = all(set(v.reasons) <= {"gathering+protest", "gathering"} for v in strong) and any(
        FESTIVE_RE.search(sents[i].text) for i in {0, 1, *(v.index for v in strong)} if i < len(sents))
    if strong and (any("celebration" in v.negatives for v in verdicts) or festive_crowd) and not any(
            set(lemmas(sents[v.index].text)) & (PROTEST_LEMMAS - {"плакат", "лозунг"}) or KK_DEMAND_RE.search(sents[v.index].text)
            for v in strong):
        strong = []
    # sentences that do not themselves say anything was held count only next to one that does
    if strong and all(v.infinitive_only for v in strong):
        strong = []
    is_assembly = len(strong) >= need
    abroad = False
    # abroad: the foreign place is named where the event is told (the headline, the lead, an event
    # sentence), not only in passing further on ("as in Russia", "a citizen of Kyrgyzstan")
    if is_assembly and _abroad(full, sents, strong):
        is_assembly, abroad = False, True
    reasons = []

    def quote(i: int) -> str:
        t = sents[i].text
        return "«" + (t if len(t) <= 140 else t[:140].rsplit(" ", 1)[0] + "…") + "»"

    for v in strong[:3]:
        reasons.append(f"sentence {v.index}: {', '.join(v.reasons)} {quote(v.index)}")
    if title_neg:
        reasons.append(f"title is about: {', '.join(title_neg)}")
    if abroad:
        reasons.append("the event is abroad (no city of Kazakhstan named)")
    skipped = [v for v in verdicts if v.reasons and not v.event]
    for v in skipped[:3]:
        reasons.append(f"sentence {v.index} not counted ({', '.join(v.negatives)}) {quote(v.index)}")
    score = min(1.0, len(strong) / 3) if is_assembly else 0.0
    return TriageResult(True, is_assembly, round(score, 2), reasons, [v.index for v in strong])

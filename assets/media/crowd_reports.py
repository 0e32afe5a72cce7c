"""Head counts as the wider Russian-language press reports them (round 20, the `wide` reporting of assemblies in
Russia, Belarus, Ukraine, Kyrgyzstan, Armenia, Georgia, Moldova): figures that are not the crowd although a person
noun follows them, and phrasings of a stated crowd that the main reading (participants.py) misses.

Figures that are not this crowd (`not_this_figure`):
- a number inside a quoted placard or slogan («"Полтысячи бомжей в Долгопрудном"»);
- victims or an affected population («жертвами махинаций стали не менее 100 тысяч человек»);
- intentions, RSVPs and invitations («подтвердили намерение чуть более 1 тыс.», «согласно опросам в социальных сетях,
  ... более трех тысяч», «число приглашенных»);
- a total over several rallies or a span of dates («В прошедших митингах с 23 января по 14 февраля ... до 500 тысяч»);
  a tally over weeks, months or years (session 22: «за три недели 14 человек вышли на одиночные пикеты», «үш аптада 14
  адам»);
- an earlier crowd given for comparison («собрал меньше участников, чем ... (акции собирали 50 000)»);
- people who ended up in police stations («В отделах полиции оказались 79 петербуржцев»);
- those who counted the crowd («Я и ещё 19 активистов ... считали приходящих»).

Sentences of an earlier assembly told after this one (`earlier_assembly_sentences`): «В минувшие выходные прошел
митинг ... Акция собрала около 300 человек» under a single picket held today.

Stated crowds the main reading misses (`stated_otherwise`), read only after it found none:
- «многотысячный митинг», «многотысячная колонна» (thousands);
- a noun before its numeral, the spoken approximation «присутствовало человек 15», «собралось человек двести»;
- «одним из двух участников пикета» (two);
- «Больше сотни одиночных пикетов» (one person each).

Headline verbs of taking part (`TITLE_ACTION_MORE_RE`, with participants.TITLE_ACTION_RE): «объявили забастовку»,
«участвуют в акции», «провели пикеты», «присоединились к акции»; and joining the action itself is taking part
(`JOINED_ACTION_RE`: «20 тысяч человек присоединились к акции протеста», unlike «к ним присоединились двое»)."""
from __future__ import annotations

import re
from functools import lru_cache

from assets.media import dates, triage_modes
from assets.media.detention_verbs import KK_SEIZED
from assets.media.numbers import Quantity, quantities
from assets.media.numbers_words import is_vague
from assets.media.count_not_crowd import WITNESS_BEFORE_RE

# a quoted placard, slogan or inscription: the figures inside it are its words
_PLACARD_RE = re.compile(r"(?:плакат|лозунг|транспарант|надпис|баннер|растяжк|гласил|скандир|кричал)\w*[^.!?]{0,60}$", re.I)
# victims, the affected, the deceived: how many suffered, not who came
_VICTIMS_BEFORE_RE = re.compile(r"(?:жертвами|пострадавшими|обманутыми)\s+(?:[\w-]+\s+){0,3}(?:стал[иао]?|оказал\w*)\s+"
                                r"(?:[\w-]+\s+){0,2}$|(?:обманул\w*|пострадал[ио]?)\s+(?:уже\s+)?"
                                r"(?:не\s+менее|более|около|свыше|порядка)?\s*$", re.I)
# intentions, RSVPs, invitations, online polls: how many said they would come
_INTENT_RE = re.compile(r"выразил\w*\s+(?:[\w-]+\s+)?(?:готовность|желание|намерение)|"
                        r"подтвердил\w*\s+(?:сво[её]\s+)?(?:намерение|участие)|рассматрива\w+\s+(?:для\s+себя\s+)?возможность|"
                        r"опрос\w*\s+в\s+социальн\w+\s+сет|разочарование\s+ждет|разочарование\s+ждёт|приглашенн\w+|"
                        r"приглашённ\w+|записал\w*\s+(?:в\s+)?(?:участник|на\s+(?:митинг|акци))", re.I)
# a total over several assemblies or over a span of dates: no one crowd
_MANY_BEFORE_RE = re.compile(r"\b(?:в|на)\s+(?:[\w-]+\s+){0,2}(?:митингах|акциях|протестах|шествиях|маршах|пикетах|"
                             r"манифестациях)\b|\bс\s+\d{1,2}\s+[а-яё]+\s+по\s+\d{1,2}\s+[а-яё]+", re.I)
# an earlier crowd given for comparison: "меньше участников, чем ... (акции собирали 50 000 человек и больше)"
_COMPARED_BEFORE_RE = re.compile(r"(?:меньше|больше|менее|более)\s+(?:участник|людей|человек|народ|протестующ)\w*"
                                 r"[^.!?]{0,20}?,?\s+чем\b", re.I)
# (session 22) a tally over weeks, months or years before the figure: "за три недели 14 человек вышли на одиночные пикеты",
# Kazakh "үш аптада 14 адам ... шыққан": many actions' sum, not this crowd (hours and one day are an event's own span)
_PERIOD_TALLY_BEFORE_RE = re.compile(r"\bза\s+(?:последн\w+\s+|прошедш\w+\s+)?(?:\d+|[а-яё]+)\s+(?:недел|месяц|лет\b|год|дн(?:я|ей)\b)\w*"
                                     r"[^.;]{0,40}$|(?<![\w-])(?:\d+|[а-яәғқңөұүһі]+)\s+(?:апта|ай|жыл|күн)(?:да|де|ның\s+ішінде)\s+"
                                     r"[^.;]{0,40}$", re.I)
# people who ended up in police stations: the detained, not the crowd
_IN_STATIONS_RE = re.compile(r"оказал\w*\s+(?:в\s+)?(?:отдел|отделени|ОВД|автозак|спецприемник|спецприёмник|изолятор|"
                             r"участк)|(?:в|во)\s+(?:[\w-]+\s+)?(?:отдел|отделени|ОВД|автозак)\w*\s+(?:полиции\s+|милиции\s+)?"
                             r"оказал", re.I)
# those who counted ("стояли на рамках и считали приходящих"): a verb of counting after the figure, in its sentence
_COUNTERS_AFTER_RE = re.compile(r"^[^.!?]{0,200}?\b(?:считал[иа]?|подсчитывал[иа]?|пересчитывал[иа]?)\b", re.I)

# an earlier assembly in its own sentence, told after today's: "В минувшие выходные прошел митинг ..."
_EARLIER_START_RE = re.compile(r"^\W*(?:[А-ЯЁA-Z][\w-]*\s+){0,2}?(?:в\s+минувш\w+\s+(?:выходны\w+|суббот\w+|воскресень\w+|"
                               r"пятниц\w+)|на\s+(?:прошлой|позапрошлой)\s+неделе|в\s+прошл\w+\s+(?:суббот\w+|"
                               r"воскресень\w+|выходны\w+|пятниц\w+)|неделей\s+ранее)", re.I)
# the next sentence going on about it: "Акция собрала около 300 человек", "Митинг собрал ...", (session 21) "В ходе
# акции полицейские задержали около 30 человек"
_ABOUT_IT_RE = re.compile(r"^\W*(?:(?:акция|митинг|пикет|шествие|марш|протест|мероприятие)\s+(?:собрал|прошл|прошел|прошёл|"
                          r"длил)|в\s+ходе\s+(?:этой\s+|той\s+)?(?:акци|митинг|шестви))", re.I)
# (session 21) "Тогда на улицы вышли около 100 человек" right after a sentence that dates the earlier start ("продолжением
# акции, которая началась в Алма-Ате 15 февраля"): that earlier day's
_THEN_START_RE = re.compile(r"^\W*тогда\b(?!\s+же)", re.I)
# today's event: "сегодня", "днем 21 ноября", a present tense of holding
_TODAY_RE = re.compile(r"\bсегодня\b|\bпроходит\b|\bпроходят\b|\bидет\b|\bидёт\b|\bстоит\b|\bстоят\b", re.I)

MULTI_THOUSAND_RE = re.compile(r"многотысячн\w+\s+(?:[\w-]+\s+)?(?:митинг|колонн|шестви|акци|марш|толп|протест|"
                               r"демонстраци|манифестаци|собрани|вече|забастовк)", re.I)
# "присутствовало человек 15-ть", "собралось человек двести": the noun before its numeral, an approximation
# (session 30: or the noun first at the head of a sentence, "Еще человек сто – поднятые по тревоге родственники ...
# перекрыли единственную дорогу")
NOUN_FIRST_RE = re.compile(r"(?:\b(?:присутствовал[оа]?|собрал[оа]?сь|пришл[оа]|вышл[оа]|был[оа]?|набралось|стояло)\s+"
                           r"(?:[\w-]+\s+)?|^\s*(?:ещ[её]\s+)?)(?:человек|людей|народу)\s+(\d{1,4}|[а-яё]+)(?:-?\s*(?:ть|ти|мь|ми|сят|ро|х))?"
                           r"(?![\w%]|\s*(?:лет|год|тыс|руб|тенге|минут|час|км|метр|%))", re.I)
ONE_OF_N_RE = re.compile(r"\bодн(?:им|ой|ого|а|ин|ою)\s+из\s+(двух|трех|трёх|четырех|четырёх|пяти|шести|\d{1,3})\s+"
                         r"(?:участни[кц]|пикетчи[кц]|активист|человек|митингующ|протестующ)", re.I)
_NOT_CROWD_NOUN_BEFORE_RE = re.compile(r"(?:журналист|корреспондент|полицейск|полици|милици|силовик|омонов|сотрудник|"
                                       r"детей|дет|наблюдател|зрител|прохож|чиновник)\w*\s*$", re.I)
_DETAINED_RE = re.compile(r"задерж|доставл|автозак|арест|задержанн|ұстал|" + KK_SEIZED, re.I)
_ONE_OF_WORDS = {"двух": 2, "трех": 3, "трёх": 3, "четырех": 4, "четырёх": 4, "пяти": 5, "шести": 6}
_PICKETS_AFTER_RE = re.compile(r"\s*одиночн\w+\s+пикет(?:ов|а|ы)\b", re.I)

TITLE_ACTION_MORE_RE = re.compile(r"объявил\w*\s+(?:[\w-]+\s+)?(?:забастовк|стачк)|\bучаству\w*|\bучаствовал\w*|приняли\s+участие|"
                                  r"провел[иа]?\s+(?:[\w-]+\s+)?(?:пикет|акци|митинг|забастовк|голодовк)|"
                                  r"присоединил\w*\s+к\s+(?:[\w-]+\s+)?(?:акци|митинг|шестви|протест|марш)", re.I)
JOINED_ACTION_RE = re.compile(r"присоединил\w*\s+к\s+(?:[\w-]+\s+){0,2}(?:акци|митинг|шестви|протест|марш|забастовк|"
                              r"голодовк|пикет)|\bк\s+(?:[\w-]+\s+)?(?:акци|митинг|шестви|протест|марш|забастовк|голодовк|"
                              r"пикет)\w*\s+(?:[\w-]+\s+){0,3}присоединил", re.I)


def _in_quotes(text: str, start: int) -> bool:
    """The position is inside a quotation opened after a placard word: «плакаты: "Полтысячи бомжей ..."»."""
    before = text[:start]
    opened = max(before.rfind("«"), before.rfind('"') if before.count('"') % 2 else -1)
    if opened == -1 or before.rfind("»") > opened:
        return False
    return bool(_PLACARD_RE.search(before[:opened]))


@lru_cache(maxsize=64)
def _sentence_cues(text: str) -> tuple[bool, int]:
    """What not_this_figure reads of the whole sentence, read once for all its figures (session 27: read once a figure,
    a text of thousands of figures took minutes): an intent or people found in a station anywhere in it, and where the
    first mention of several assemblies or of a comparison ends (a figure after it is not this crowd's)."""
    ends = [m.end() for rx in (_MANY_BEFORE_RE, _COMPARED_BEFORE_RE) if (m := rx.search(text))]
    return bool(_INTENT_RE.search(text) or _IN_STATIONS_RE.search(text)), min(ends, default=len(text) + 1)


def not_this_figure(text: str, start: int, end: int) -> bool:
    """The figure at [start, end) of the sentence counts someone other than this crowd (see the module doc)."""
    before = text[max(0, start - 80):start]
    if _in_quotes(text, start) or _VICTIMS_BEFORE_RE.search(before) or WITNESS_BEFORE_RE.search(before):
        return True  # (session 28: "в присутствии ... дюжины журналистов и двух видеооператоров": witnesses)
    whole, first_end = _sentence_cues(text)
    if whole:
        return True
    if first_end <= start or _PERIOD_TALLY_BEFORE_RE.search(before):
        return True
    if re.match(r"[`'’]\d{3}\b", text[end:]) or re.search(r"\d[`'’]$", text[:start]):
        return True  # "70`110 человек": the thousands of a figure written with a backtick, not 70
    return bool(_COUNTERS_AFTER_RE.match(text[end:]))


def plural_led(text: str) -> bool:
    """The sentence is led by people in the plural ("Бабушки и дедушки, которым надоел ..., двинулись"): a singular verb
    in a relative clause after them does not make it one person's action."""
    from assets.media.text import parses
    m = re.match(r"\W*([А-ЯЁ][а-яё-]+)(?:\s+и\s+[а-яё-]+)?\s*,\s*(?:котор|кому|чьи)", text)
    if not m:
        return False
    ps = parses(m.group(1).lower())
    return any(p.tag.POS == "NOUN" and {"plur", "nomn", "anim"} <= set(p.tag.grammemes) for p in ps[:3])


def earlier_assembly_sentences(texts: list[str], anchor_pos: int) -> set[int]:
    """Positions (in `texts`) of sentences telling an earlier assembly after today's anchor, and of the sentence right
    after each that goes on about it ("Акция собрала около 300 человек")."""
    if not 0 <= anchor_pos < len(texts):
        return set()
    today = bool(_TODAY_RE.search(" ".join(texts[:anchor_pos + 2])))
    out: set[int] = set()
    for k, t in enumerate(texts):
        # (the "тогда" after a dated sentence needs no "today": the date sets that sentence apart from the anchor, which
        # names no day itself — so the dated sentence is never the anchor)
        if k != anchor_pos and ((today and _EARLIER_START_RE.search(t)) or (
                k > 0 and _THEN_START_RE.search(t) and dates.RU_DATE_RE.search(texts[k - 1])
                and not dates.RU_DATE_RE.search(texts[anchor_pos]))):
            out.add(k)
            if k + 1 < len(texts) and _ABOUT_IT_RE.search(texts[k + 1]):
                out.add(k + 1)
    return out


def earlier_assembly_indices(search: list, anchor) -> set[int]:
    """The `index` of each sentence of `search` (text.Sentence) that `earlier_assembly_sentences` finds."""
    pos = next((k for k, x in enumerate(search) if x is anchor), -1)
    return {search[k].index for k in earlier_assembly_sentences([x.text for x in search], pos)}


def title_action(title: str, title_action_re: re.Pattern) -> bool:
    """The headline tells people acting (participants.TITLE_ACTION_RE, or a verb of this module's)."""
    return bool(title_action_re.search(title) or TITLE_ACTION_MORE_RE.search(title))


def fill_stated_otherwise(ev, search: list, elsewhere: set[int], anchor) -> None:
    """Set the event's count from a phrasing the main reading misses (`stated_otherwise`), read in a sentence of this
    event: not background, a plan or threat, another city's or an earlier assembly's."""
    for s in search:
        if triage_modes.told_before(s.text) or triage_modes.sentence_mode(s.text) or (s is not anchor and s.index in elsewhere):
            continue
        q = stated_otherwise(s.text)
        if q is not None:
            ev.participants_low, ev.participants, ev.participants_high = q.low, q.best, q.high
            ev.evidence["participants"] = s.text
            return


# (session 29) the later figure is of the gathering only in a sentence that tells one (not "7 оқушы ... келесі сыныпқа
# көшпей қалған", the seven pupils held back that dozens of parents came to the akimat about)
_HOLDING_WORD_RE = re.compile(r"собра|пришл|приш[её]д|вышл|выш[ей]д|участ|протест|митинг|бастов|забаст|голод|пикет|акци|"
                              r"жинал|жиыл|шықт|шығып|шыққ|келд|келіп|келг|қатыс|ереуіл|аштық|наразы|талап|шеру", re.I)


def exact_over_vague(ev, search: list, anchor, fill) -> None:
    """(s23) The event sentence's count is a vague word ("ондаған жұмысшы", "десятки человек") and a later sentence of
    this event states a figure ("133 жұмысшы аштық ұстап отыр"): both claims are kept, the figure as the best and the
    range spanning both. `fill` is participants.fill_participants, read on the other sentences with stated counts only."""
    if ev.participants is None or ev.evidence.get("participants") != anchor.text:
        return
    if not any(q.best == ev.participants and is_vague(q.text) for q, _ in quantities(anchor.text)):
        return
    other = type(ev)(url=ev.url, published=ev.published, date=ev.date, city=ev.city)
    # (session 47) an earlier assembly told after today's is found with the anchor in place (without it, no sentence is
    # "today's" and none is set aside: "Сегодня … собрались десятки человек. … В минувшие выходные прошел митинг у
    # парламента. Акция собрала около 300 человек." gave 300)
    earlier = earlier_assembly_indices(search, anchor)
    fill(other, [s for s in search if s is not anchor and s.index not in earlier], anchor, stated_only=True)
    if other.participants is not None and re.search(r"\d", other.evidence.get("participants", "")) \
            and _HOLDING_WORD_RE.search(other.evidence["participants"]):
        ev.participants_low = min(ev.participants_low, other.participants_low)
        ev.participants_high = max(ev.participants_high, other.participants_high)
        ev.participants = other.participants
        ev.evidence["participants"] = f"{anchor.text} {other.evidence['participants']}"


# a sentence recalling the article's own assembly: "Ранее сообщалось, что ...", "Как уже сообщалось, ...", "Напомним, что"
RECALL_START_RE = re.compile(r"^\W*(?:ранее\s+(?:сообщалось|писали|мы\s+писали|[«\"][^»\"]{1,40}[»\"]\s+писал[аио]?)"
                             r"(?:\s+о\s+том)?,?\s*(?:что\s+)?|как\s+(?:уже\s+)?сообщалось,?\s*(?:что\s+)?|"
                             r"напомним,?\s*(?:что\s+)?)", re.I)
_STEM_RE = re.compile(r"[А-ЯЁа-яё]{6,}")
_DATED_RE = re.compile(r"\b(?:январ|феврал|март|апрел|ма[йяе]\b|июн|июл|август|сентябр|октябр|ноябр|декабр)\w*|"
                       r"\b(?:19|20)\d\d\b|прошл\w+\s+(?:год|месяц)|\d{1,2}[./]\d{1,2}", re.I)


def recalled_sentence(s, title: str | None, anchor_text: str):
    """The sentence stripped of its "Ранее сообщалось, что" when it recalls this article's own assembly: it shares a
    city or a long word's stem with the headline or the event sentence. Else None."""
    from assets.media import places
    from assets.media.text import Sentence
    m = RECALL_START_RE.match(s.text)
    if not m or len(s.text) - m.end() < 20:
        return None
    rest = s.text[m.end():]
    if _DATED_RE.search(rest):
        return None  # "Напомним, в марте ... собирались около 50": an earlier event (dated recaps: extract.py)
    ref = f"{title or ''} {anchor_text}"
    same_city = {h.key for h in places.find_cities(rest)} & {h.key for h in places.find_cities(ref)}
    stems = {w.lower()[:6] for w in _STEM_RE.findall(rest)} & {w.lower()[:6] for w in _STEM_RE.findall(ref)}
    if not same_city and not stems:
        return None
    return Sentence(s.index, rest[:1].upper() + rest[1:], s.start + m.end(), s.paragraph)


def _spoken(word: str) -> int | None:
    from assets.media.numbers import word_number
    return word_number(word)


def stated_otherwise(text: str) -> Quantity | None:
    """A crowd stated in one of the phrasings the main reading misses, else None."""
    m = MULTI_THOUSAND_RE.search(text)
    if m:
        return Quantity(2000, 4000, 9000, m.start(), m.end(), m.group(0))
    m = NOUN_FIRST_RE.search(text)
    if m and _NOT_CROWD_NOUN_BEFORE_RE.search(text[max(0, m.start() - 30):m.start()]):
        m = None  # "Журналистов было человек 10", "Полицейских было человек 20": not the crowd
    if m and not _DETAINED_RE.search(text):  # ("Задержанных посадили в автозак, их было человек 15": the detained)
        n = _spoken(m.group(1))
        if n and n > 1:
            return Quantity(max(1, round(n * 0.8)), n, round(n * 1.2), m.start(1), m.end(1), m.group(1))
    m = ONE_OF_N_RE.search(text)
    if m:
        w = m.group(1).lower()
        n = int(w) if w.isdigit() else _ONE_OF_WORDS[w]
        return Quantity(n, n, n, m.start(1), m.end(1), m.group(1))
    for q, after in quantities(text):
        if _PICKETS_AFTER_RE.match(after):
            return q
    return None

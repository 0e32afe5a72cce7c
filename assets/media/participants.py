"""How many took part: the stated count nearest the event sentence (never one of plans, threats,
background, detainees or onlookers), a range or approximate word kept as low / best / high, else
the people named, else one person's action."""
from __future__ import annotations

import re

from assets.media import crowd, places, triage
from assets.media.counts import clause_of, counted
from assets.media.crowd import (CROWD_VERB_RE, PLURAL_CROWD_RE, RU_ONE_PERSON_RE, SERIES_RE, SOME_OF_THEM_RE,
                                clause_verbs, couple, future_only, increment_of, modal_subject_end, not_this_crowd, placed_elsewhere, plural_verb_first,
                                singular_subject)
from assets.media.detention_counts import singular_object
from assets.media.detention_patterns import SUPPORTED_DETAINED_RE, earlier_year
from assets.media.detentions import DETAIN_RE, NO_DETAIN_RE
from assets.media.event import Event
from assets.media.numbers import VAGUE, quantities
from assets.media.text import TOKEN_RE, Sentence, parses

ANNOUNCED_BEFORE_RE = re.compile(r"(?:обещанн|заявленн|ожидаем|анонсированн|запланированн|вместо)\w*\s+(?:[\w«»\"-]+\s+){0,5}$|"
                                 # (round 19) "Количество участников было заявлено 200 человек", "ожидалось около 500"
                                 r"(?:заявлено|заявлялось|заявляли|анонсировано|планировалось|ожидалось|обещано|предполагалось)"
                                 r"\s+(?:[\w-]+\s+)?(?:около|до|более|свыше|порядка|примерно)?\s*$|"
                                 # "организаторы рассчитывали на 500 участников, пришли около 120": the hope
                                 r"(?:рассчитыва|надеял|ожидал|планировал|собирались\s+собрать|хотели\s+собрать)\w*\s+"
                                 r"(?:на\s+)?(?:[\w«»\"-]+\s+){0,3}$", re.I)
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
KK_PLAN_AFTER_RE = re.compile(r"^[^.,;!?]{0,60}?(?:жоспар|\w(?:мақ|мек|бақ|бек|пақ|пек)\b|күтіл|көзде|ниет)", re.I)
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
# (round 19) who gives a figure: the organisers (or participants, the opposition) against the police (or the
# ministry, the akimat): "по данным организаторов, вышли 2000, по данным полиции — около 500"; Kazakh
# "ұйымдастырушылардың айтуынша 2000 адам, полиция 500 адам болғанын хабарлады"
_SAY = r"(?:назвал\w*|называ\w*|сообщ\w*|насчитал\w*|оценил\w*|оценива\w*|заявил\w*|заявля\w*|говор\w*|утвержда\w*|подсчитал\w*)"
_BY = r"по\s+(?:данным|словам|оценкам|подсч[её]там|информации|версии|мнению)\s+(?:самих\s+)?"
ORGANISERS_SRC_RE = re.compile(_BY + r"(?:организатор|участник|активист|протестующ|митингующ|оппозици)|"
                               r"(?:организатор\w*|участник\w*|активист\w*|оппозици\w*)\s+(?:акции\s+|митинга\s+)?" + _SAY +
                               r"|(?:ұйымдастырушы|белсенді|қатысушы)\w*\s+(?:айтуынша|дерегінше|мәліметінше|хабарла|мәлімде)",
                               re.I)
POLICE_SRC_RE = re.compile(_BY + r"(?:полици|мвд|дп\b|департамент|акимат|власт|правоохранител|силовик)|"
                           r"(?:в\s+)?(?:полици\w*|мвд|дп|акимат\w*|власт\w*)\s+" + _SAY +
                           r"|(?:полиция|іім|әкімдік|билік)\w*\s+(?:айтуынша|дерегінше|мәліметінше)|"
                           r"полиция\s+(?:[\w-]+\s+){0,4}?(?:хабарла|мәлімде)", re.I)
# a bare figure told as a source's ("по данным полиции — около 500", "в полиции назвали цифру 800")
SOURCE_FIGURE_RE = re.compile(r"(?:данным|словам|оценкам|подсч[её]там|дерегінше|айтуынша|мәліметінше)\W+(?:\w+\W+){0,2}?"
                              r"(?:[—–-]\s*)?(?:около|примерно|порядка|более|свыше|до|не\s+более|не\s+менее|шамамен)?\s*$|"
                              r"(?:назвал\w*|называ\w*|привел\w*|насчитал\w*)\s+(?:цифру\s+|число\s+)?"
                              r"(?:в\s+)?(?:около|примерно|порядка|более|свыше|до)?\s*$|говорят\s+о\s*$", re.I)
# (round 19) people close to the detained, who gathered for them: "друзей задержанных накануне активистов", "родителей
# арестованных студентов", "жёны осуждённых нефтяников" — a description of whom they support
KIN_OF_DETAINED_RE = re.compile(r"(?:сторонник|родственник|друз|друг|близки|коллег|соратник|семь|семей|жен|матер|родител|"
                                r"однопартийц|товарищ)\w*\s+(?:[\w-]+\s+){0,2}?(?:ранее\s+|накануне\s+|сегодня\s+|вчера\s+)?"
                                r"(?:арестованн|задержанн|осужденн|осуждённ|заключенн|заключённ|посаженн)\w*", re.I)
# Kazakh for one person's action: "жалғыз адамдық пикет" (a one-person picket), "жалғыз өзі" (by
# himself / herself), "бір адамдық", "жеке пикет"
KK_ONE_PERSON_RE = re.compile(r"(?:жалғыз|бір)\s+адамдық|жалғыз\s+өз(?:і|ім|ің)\b|жеке\s+пикет", re.I)
# a participle of gathering just before the number: the number counts those who gathered, even where they
# were then detained ("Республика алаңына жиналған 20-ға жуық белсенді ... әкетілді", "всех собравшихся 40 человек")
GATHERED_BEFORE_RE = re.compile(r"(?:жиналған|жиылған|шыққан|қатысқан|собравш\w+|вышедш\w+|пришедш\w+)\s+(?:\w+\s+)?$", re.I)
# a verb of detaining shortly before the number, only commas and words between: the number is its object
# ("задержала, по разным данным, от 50 до 70 человек")
DETAIN_OBJECT_RE = re.compile(r"\b(?:задержал\w*|задержан[аоы]?|доставил\w*|доставлен[аоы]?|увезл[аи]|арестовал\w*)\b"
                              r"(?:\s*,\s*по\s+(?:\w+\s+)?данным(?:\s+\w+){0,2}\s*,)?[^.\d;,]{0,40}$", re.I)
# what happens to people after a detention: released, fined, sanctioned (Russian and Kazakh): those counted
# are the detained or part of them, never the crowd ("43 человека отпущены", "шестеро участников оштрафованы",
# "43 адам әңгімелесуден кейін босатылды", "10-ы әкімшілік жауапкершілікке тартылды")
# (done to them, not asked for: "требуют освободить", "против штрафов", "босатуды талап етті" are demands)
AFTER_DETENTION_RE = re.compile(r"привлечен\w*\s+к\s+(?:\w+\s+)?ответственност|арестован[аы]?\b|водворен|этапирован|"
                                # (round 19) "12 участников акции привлечены к административной ответственности и
                                # арестованы": the sanctioned, not the crowd
                                r"отпущен|отпустил|освобожден|освободил|оштрафова|штраф\w*\s+в\s+размере|получил\w*\s+штраф|"
                                r"осужден|приговорен|наказан[аы]?\b|предупрежден|профилактическ\w*\s+бесед|босатыл|"
                                r"босатт|айыппұл\s+салын|үйіне\s+қайтар|қамауға\s+алын|жеткізіл", re.I)
# the number's noun phrase is the subject of a passive detention told after a participial phrase between
# commas ("Около сотни человек, пришедших на митинг, задержаны"; "ещё 20 человек, по данным ..., были
# задержаны"): the detained, not the crowd
DETAINED_SUBJECT_RE = re.compile(r"^\s*[\w-]*(?:\s+[\w-]+){0,2}?\s*,[^.;!?]{0,160}?,\s*(?:(?:были|был[аи]?|уже)\s+)?"
                                 r"(?:задержан|доставлен|арестован|отпущен|оштрафован)", re.I)
# a part of a figure already given ("23 человека, в том числе 13 женщин", "из них 10", "среди них пятеро")
PART_OF_BEFORE_RE = re.compile(r"(?:в\s+том\s+числе|из\s+них|среди\s+них|включая|олардың\s+ішінде|оның\s+ішінде)\s*$", re.I)
# a sentence about the number of the detained ("отвечая на вопрос о количестве задержанных", "цифра задержанных")
DETAINEE_COUNT_RE = re.compile(r"(?:количеств|числ|цифр)\w*\s+(?:\w+\s+)?задержанн|^\W*задержанн\w+\s", re.I)
KK_DETAIN_AFTER_RE = re.compile(r"ұстал|ұстад|ұстап|әкетіл|босатыл|жеткізіл|жауапкершілікке|айыппұл|қамауға", re.I)
# a Kazakh verb of gathering in any form ("жиналып", "шығып", "келген"): the count is of those who came
KK_GATHER_RE = re.compile(r"жинал|жиыл|шық|шығ|қатыс|топтас|кел[дгіе]|тұр|түне|бөге", re.I)


# a headline whose count is of people acting ("40 человек штурмовали улицы", "200 строителей бастуют",
# "Әкімдік алдына 30 адам жиналды"): other headline figures (victims, money, the detained) are not read
TITLE_ACTION_RE = re.compile(r"\b(?:вышл|вышел|вышла|собрал|пришл|пришел|перекрыл|штурмов|протест|бастую|бастова|"
                             r"митингу|пикетиру|голоду|объявил\w*\s+голодовк|потребовал|требую|стоят|стояли|"
                             r"ночевал|забрал\w*\s+на|вышедш|собравш)\w*|жинал|жиыл|шықт|шығып|келді|наразылық\s+білдір|"
                             r"ереуіл|аштық", re.I)
# a headline about sanctions: its figure counts the sanctioned, not the crowd
TITLE_SANCTION_RE = re.compile(r"сут(?:ок|ки)\s+(?:административного\s+)?арест|арест\w*|штраф\w*|осужд\w*|приговор\w*|"
                               r"оштрафова\w*|айыппұл|қамау", re.I)
# "участников акций" / "митингов" (plural): people of several assemblies, no one crowd's count
MANY_ACTIONS_RE = re.compile(r"\s*\w+\s+(?:[\w-]+\s+)?(?:акций|митингов|пикетов|протестов|шествий|собраний|"
                             r"несанкционированных\s+(?:акций|митингов))\b", re.I)


def detained_not_crowd(text: str, start: int, end: int) -> bool:
    """The number counts people detained (or released, fined) though its own clause has no verb of it:
    a participial phrase or a Kazakh parenthesis stands between ("бірнеше адамның, оның ішінде ...
    ұсталуына")."""
    rest = text[end:]
    if DETAINED_SUBJECT_RE.match(rest):
        return True
    if re.search("[әғқңөұүһі]", text.lower()):
        span = re.split(r"[.;!?]", rest, maxsplit=1)[0][:140]
        m = KK_DETAIN_AFTER_RE.search(span)
        if m and not KK_GATHER_RE.search(span[:m.start()]) \
                and not re.search(r"шақтысы|(?:еу|ау)ін\b|\d+-?(?:ін|ын|і|ы)\b", span[:m.start()]):
            return True  # (not "жүзге жуық адамның жиырма шақтысын ... ұстап": twenty of the hundred)
    return False


def fill_participants(ev: Event, search: list[Sentence], anchor: Sentence, stated_only: bool = False,
                      title: Sentence | None = None) -> None:
    """`stated_only`: take only a count the sentences state, never one inferred from a detention or a single
    subject. `title`: the headline when it is not among `search`, read for a stated count after the body
    states none ("40 человек штурмовали улицы Шымкента" over a body that gives only the detained)."""
    for s in search:
        for q, after in quantities(s.text):
            kind = counted(q, after, s.text[max(0, q.start - 40):q.start])
            if kind and kind[0] == "police" and ev.police_count is None:
                ev.police_count, ev.evidence["police_count"] = q.best, s.text
                ev.police_present = True
                ev.evidence.setdefault("police_present", s.text)
    weak = None  # "группа": only when nothing better is stated
    elsewhere = {x.index for x in search if x is not anchor and placed_elsewhere(x.text, ev.city)}
    ref = ev.date or ev.published
    for s in search:
        modal_at = modal_subject_end(s.text) if triage.sentence_mode(s.text) else None
        if triage.sentence_mode(s.text) and modal_at is None and not triage.BACKGROUND_RE.search(s.text):
            c = CONTRAST_RE.search(s.text)  # (round 19) "планировали собрать 1000, однако пришли около ста"
            if c and not triage.sentence_mode(s.text[c.end():]):
                s = Sentence(s.index, s.text[c.end():], s.start + c.end(), s.paragraph)
        modal_at = modal_subject_end(s.text) if triage.sentence_mode(s.text) else None
        if triage.BACKGROUND_RE.search(s.text) or (triage.sentence_mode(s.text) and modal_at is None):
            continue  # background, plans, threats, refusals: not this event's crowd (unless those who gathered
            # threaten: "30 матерей, пришедших в акимат, пригрозили объявить голодовку", round 16)
        if (s is not anchor and s.index in elsewhere) or (
                s.index - 1 in elsewhere and ANAPHORIC_START_RE.search(s.text) and not places.find_cities(s.text)):
            continue  # "около 20 человек провели акцию протеста в Астане": another city's crowd; (round 19) and the
            # next sentence going on about it ("Их участниками стали несколько сотен", "Там собрались около 300")
        if s is not anchor and ref is not None and earlier_year(s.text, ref.year):
            continue  # (round 19) "2022 жылы осындай акцияға 300 адам қатысқан": an earlier year's crowd
        for q, after in quantities(s.text):
            kind = counted(q, after, s.text[max(0, q.start - 40):q.start])
            if kind is None or kind[0] != "people":  # (police, the press)
                continue
            clause = clause_of(s.text, q.start, q.end)
            # (round 19) "около десятка сторонников арестованных сегодня активистов собрались": whom they support is
            # described as arrested, no detention of this crowd (the span is read as no detention)
            dclause = KIN_OF_DETAINED_RE.sub(" ", SUPPORTED_DETAINED_RE.sub(" ", clause))
            if modal_at is not None and q.start >= modal_at:
                continue  # (the count after the threat or plan is the planned one)
            detain_before = DETAIN_OBJECT_RE.search(s.text[max(0, q.start - 60):q.start])
            if (DETAIN_RE.search(dclause) or detain_before) and not NO_DETAIN_RE.search(clause) \
                    and (stated_only or not GATHERED_BEFORE_RE.search(s.text[max(0, q.start - 40):q.start])):
                continue  # (but "алаңға жиналған 20-ға жуық белсенді ұсталды": those who gathered; not in a
                # headline, where "митингке шыққан 80 адам ұсталды" is a total of the detained)
            if PART_OF_BEFORE_RE.search(s.text[max(0, q.start - 30):q.start]) or DETAINEE_COUNT_RE.search(s.text):
                continue  # "задержала 23 человека, в том числе 13 женщин"; "о количестве задержанных": not the crowd
            if (AFTER_DETENTION_RE.search(dclause) or detained_not_crowd(s.text, q.start, q.end)) \
                    and not GATHERED_BEFORE_RE.search(s.text[max(0, q.start - 40):q.start]):
                continue  # released, fined or detained after a parenthesis: not the crowd
            if not_this_crowd(s.text, q.start, q.end, clause) or increment_of(s.text, q.start):
                continue  # the dead, the dismissed, online supporters, a membership (round 16): not those who came
            if ANNOUNCED_BEFORE_RE.search(s.text[max(0, q.start - 60):q.start]):
                continue  # "вместо обещанных в анонсе 500 сторонников": a promise, not the crowd
            if PLAN_BEFORE_RE.search(s.text[max(0, q.start - 80):q.start]) or KK_PLAN_AFTER_RE.search(s.text[q.end:]):
                continue  # (round 19) "Собирались прийти около пятидесяти", "500 адам жинауды жоспарлаған": a plan
            if JOINED_RE.search(clause) and not re.search(r"всего|в\s+общей\s+сложности|итого|барлығы", clause, re.I):
                continue  # (round 19) "к ним присоединились двое мужчин": an increment, not the crowd
            # "4 из 16 участников": the whole is 16
            m = re.match(r"\s*из\s+(\d+)", after)
            if m:
                continue
            if re.search(r"бақыла|наблюдал|снимал\w*\s+на\s+(?:камер|телефон)|следил", clause, re.I):
                continue  # people watching or filming the event are not its participants
            if re.search(r"(?:деленц|инициативн\w+\s+групп|представител|зал\w*,?\s+рассчитан)", clause, re.I) \
                    and not re.search(r"собрал|вышл|пришл|участ", clause, re.I):
                continue  # "инициативную группу из 6 человек": a delegation, not the crowd
            lo, best, hi = q.low, q.best, q.high
            # "Шесть женщин, пришедших с Усетаевой": and the one they came with
            if re.match(r"[^.;]{0,40}?,?\s+(?:пришедш|вышедш|приехавш)\w+\s+с\s+[А-ЯЁ]", after):
                lo, best, hi = lo + 1, best + 1, hi + 1
            if q.text.lower() in ("группа", "группы") or (s is not anchor and not re.search(r"\d", q.text)
                                                          and any(rx.fullmatch(q.text) for rx, _ in VAGUE)):
                # "группа", or "десятки людей" outside the event sentence: a stated number elsewhere wins
                # (and "десятки" wins over "группа")
                is_group = q.text.lower() in ("группа", "группы")
                if is_group:
                    continue  # "группа активистов" states no number: none is invented
                if not CROWD_VERB_RE.search(clause_verbs(s.text, q.start, q.end)):
                    continue  # "Несколько человек ... стали руководить действиями бульдозера": not the crowd
                if weak is None or (weak[2] and not is_group):
                    weak = ((lo, best, hi), s.text, is_group)
                continue
            if ev.participants is None:
                ev.participants_low, ev.participants, ev.participants_high = lo, best, hi
                ev.evidence["participants"] = s.text
        if ev.participants is not None:
            break
    if ev.participants is not None and not stated_only:
        other_source_claim(ev, search)
    # (round 19) a headline's stated figure of people acting wins over a vague count of the body ("154 бастующих шахтёра
    # согласились выйти" over "несколько человек ... написали"); the body's vague count comes after it
    if ev.participants is None and title is not None and TITLE_ACTION_RE.search(title.text):
        fill_participants(ev, [title], title, stated_only=True)
        if ev.participants is not None and (TITLE_SANCTION_RE.search(title.text) or any(
                DETAIN_RE.search(x.text) and any(q.best == ev.participants for q, _ in quantities(x.text))
                for x in search)):
            # the headline's figure is the body's detained or sanctioned ("132 человека на несанкционированной
            # акции" over "Полицейские задержали 132 человека"; "Трое участников ... получили по 15 суток ареста")
            ev.participants_low = ev.participants = ev.participants_high = None
            ev.evidence.pop("participants", None)
    if ev.participants is None and weak:
        (ev.participants_low, ev.participants, ev.participants_high), ev.evidence["participants"], _ = weak
    if ev.participants is None and stated_only:
        if named_people(anchor.text) >= 2:  # "Алима Абдирова и Ольга Климонова вышли с плакатами"
            ev.participants_low = ev.participants = ev.participants_high = named_people(anchor.text)
            ev.evidence["participants"] = anchor.text
        return
    if ev.participants is None:
        for s in search:
            m = re.search(r"\b\d+\s+из\s+(\d+)\s+(?:участник|человек|пикетчик|жител)", s.text)
            if m:
                n = int(m.group(1))
                ev.participants_low = ev.participants = ev.participants_high = n
                ev.evidence["participants"] = s.text
                return
        for s in search:  # "задержаны шесть участников пикета": at least that many took part
            if not crowd.INFER_FROM_DETAINED or not DETAIN_RE.search(s.text) or SOME_OF_THEM_RE.search(s.text):
                # ("задержала четверых митингующих, которые отправились за питанием для остальных": a part)
                continue
            for q, after in quantities(s.text):
                kind = counted(q, after, s.text[max(0, q.start - 40):q.start])
                if kind and (re.match(r"\s*(?:участник|пикетчик|митингующ|протестующ|голодающ)", after, re.I)
                             or PARTICIPANTS_DASH_BEFORE_RE.search(s.text[max(0, q.start - 60):q.start])) \
                        and not MANY_ACTIONS_RE.match(after) and len({h.key for h in places.find_cities(s.text)}) < 2:
                    # (not "задержала 57 участников акций протеста в Алма-Ате и Нур-Султане": several crowds)
                    ev.participants_low = ev.participants = ev.participants_high = q.best
                    ev.evidence["participants"] = s.text
                    return
        lead = [anchor] + search[:3] + ([title] if title is not None else [])
        named = max([named_people(s.text) for s in [anchor] + search[:3]] + [couple(s.text) for s in lead])  # couple: 2
        if named >= 2:
            ev.participants_low = ev.participants = ev.participants_high = named
            ev.evidence["participants"] = anchor.text
            return
        plural = plural_verb_first(anchor.text) or any(PLURAL_CROWD_RE.search(s.text) for s in [anchor] + search)
        series = any(SERIES_RE.search(s.text) for s in lead)  # "серия одиночных пикетов": several people, no count
        if (ev.form in ("single_picket",) and not series) or (singular_subject(anchor.text) and not plural) \
                or any(KK_ONE_PERSON_RE.search(s.text) or RU_ONE_PERSON_RE.search(s.text) for s in lead) \
                or (not plural and not series and any(crowd.owned_by_one(s.text) for s in lead)) \
                or (not any(PLURAL_CROWD_RE.search(s.text) for s in [anchor] + search) and not series
                    and DETAIN_RE.search(anchor.text) and singular_object(anchor.text)
                    and ev.form in ("picket", "other", None)):
            # (round 16: "Житель Атырау устроил одиночный пикет" in the headline; "полиция задержала человека с
            # плакатом", "увели пикетчика в автобус": one picketer)
            ev.participants_low = ev.participants = ev.participants_high = 1
            ev.evidence["participants"] = anchor.text
    if ev.participants is not None and ev.participants_low is None:
        ev.participants_low = ev.participants_high = ev.participants




def named_people(text: str) -> int:
    """How many people a sentence names as its subject: "Алима Абдирова и Ольга Климонова вышли" -> 2
    (first names joined by "и" or commas before the first verb)."""
    if re.search("[әғқңөұүһі]", text.lower()):
        return 0
    head = []
    toks = list(TOKEN_RE.finditer(text))
    for k, m in enumerate(toks):
        ps = parses(m.group(0).lower())
        if ps and ps[0].tag.POS in ("VERB", "GRND"):
            # (a capitalised first name read as a verb before a surname: "Гулим Бабакова")
            nxt = parses(toks[k + 1].group(0).lower()) if k + 1 < len(toks) else []
            if not (k and m.group(0)[:1].isupper() and toks[k + 1].group(0)[:1].isupper()
                    and any("Surn" in p.tag for p in nxt[:3])):
                break
        head.append(m.end())
    if not head:
        return 0
    count = 0
    # (a hyphenated place is no person: "в Нур-Султане и Алма-Ате" read as two first names)
    head_text = re.sub(r"[А-ЯЁ][а-яё]+-[А-ЯЁа-яё][а-яё]+", "", text[:head[-1]])
    for chunk in re.split(r",|\s+и\s+", head_text):
        words = re.findall(r"[А-ЯЁ][а-яё]+", chunk)
        # the pair is the chunk's last capitalised words; lower-case words and a date may follow it before the
        # verb ("и ее сноха Гулим Бабакова 4 июня самостоятельно спуститься ... не смогли")
        tail = chunk[chunk.rfind(words[-1]) + len(words[-1]):] if words else ""
        if len(words) >= 2 and (not tail.strip() or re.fullmatch(r"[\sа-яё\d.,-]*", tail)):
            w1, w2 = words[-2].lower(), words[-1].lower()
            p1, p2 = parses(w1), parses(w2)
            # (a Kazakh first name the dictionary lacks, before a surname: "Гулим Бабакова")
            name1 = any({"Name"} & p.tag.grammemes for p in p1[:3]) or (
                any("Surn" in p.tag for p in p2[:3]) and not any(
                    p.tag.POS in ("NOUN", "ADJF") and not {"Name", "Surn", "Geox"} & p.tag.grammemes for p in p1[:3]))
            if name1 and any({"Surn", "Name"} & p.tag.grammemes for p in p2[:3]):
                count += 1
    return count


def other_source_claim(ev: Event, search: list[Sentence]) -> None:
    """(round 19) The organisers' and the police's counts of one gathering, told side by side in the count's sentence
    or the next: the range spans both claims ("по данным организаторов, вышли 2000, по данным полиции — около 500"
    -> 500 .. 2000); the evidence keeps both sentences. Only when the two figures are attributed to different sides."""
    first = ev.evidence.get("participants")
    if not first:
        return
    by_index = sorted(search, key=lambda x: x.index)
    k = next((i for i, x in enumerate(by_index) if x.text == first or first.endswith(x.text)), None)
    if k is None:
        return
    texts = [by_index[k].text] + ([by_index[k + 1].text] if k + 1 < len(by_index)
                                  and by_index[k + 1].index == by_index[k].index + 1 else [])
    joined = " ".join(texts)
    if not (ORGANISERS_SRC_RE.search(joined) and POLICE_SRC_RE.search(joined)):
        return
    claims = []
    for t in texts:
        if triage.BACKGROUND_RE.search(t):
            continue
        for q, after in quantities(t):
            before = t[max(0, q.start - 40):q.start]
            kind = counted(q, after, before)
            bare = kind is None and SOURCE_FIGURE_RE.search(t[max(0, q.start - 60):q.start]) \
                and re.match(r"\s*(?:[.,;!?)]|$|человек|участник|адам)", after) and re.search(r"\d", q.text + after[:3]) is not None
            if (kind and kind[0] == "people") or bare:
                if not_this_crowd(t, q.start, q.end, clause_of(t, q.start, q.end)) \
                        or PLAN_BEFORE_RE.search(t[max(0, q.start - 80):q.start]) or KK_PLAN_AFTER_RE.search(t[q.end:]) \
                        or ANNOUNCED_BEFORE_RE.search(t[max(0, q.start - 60):q.start]) or future_only(clause_of(t, q.start, q.end)):
                    continue  # (a plan or a hope is no claim of the crowd)
                claims.append((q.low, q.best, q.high))
    if len({c[1] for c in claims}) < 2 or len(claims) > 3:
        return  # one figure, or a list of several (cities, days): not two claims of one crowd
    lo, hi = min(c[0] for c in claims), max(c[2] for c in claims)
    ev.participants_low, ev.participants_high = lo, hi
    ev.participants = round((min(c[1] for c in claims) + max(c[1] for c in claims)) / 2)
    if len(texts) > 1 and first == texts[0]:
        ev.evidence["participants"] = " ".join(texts)

"""How many took part: the stated count nearest the event sentence (never one of plans, threats,
background, detainees or onlookers), a range or approximate word kept as low / best / high, else
the people named, else one person's action."""
from __future__ import annotations

import re

from assets.media import crowd, crowd_reports, places, triage_modes
from assets.media.count_context import (ANAPHORIC_START_RE, ANNOUNCED_BEFORE_RE, CONTRAST_RE, CROWD_NOUN_AFTER_RE, JOINED_RE,
                                        EXPECTED_AFTER_RE, EXPECTED_BEFORE_RE, KIN_OF_DETAINED_RE, KK_DETAIN_AFTER_RE, KK_PLAN_AFTER_RE, PARTICIPANTS_DASH_BEFORE_RE, PLAN_BEFORE_RE,
                                        before_of, clause_of, whole_of)
from assets.media.count_not_crowd import DETAINEE_COUNT_RE, PART_OF_BEFORE_RE
from assets.media.counts import counted
from assets.media.crowd import (CROWD_VERB_RE, PLURAL_CROWD_RE, RU_ONE_PERSON_RE, SERIES_RE, SOME_OF_THEM_RE,
                                clause_verbs, couple, future_only, increment_of, modal_subject_end, not_this_crowd, placed_elsewhere, plural_verb_first,
                                singular_subject)
from assets.media.detention_counts import singular_object
from assets.media.detention_patterns import SUPPORTED_DETAINED_RE, earlier_year
from assets.media.detentions import DETAIN_RE, NO_DETAIN_RE
from assets.media.event import Event
from assets.media.named_people import named_people
from assets.media.numbers import quantities, word_number
from assets.media.numbers_words import is_vague
from assets.media.source_claims import other_source_claim
from assets.media.text import Sentence

# Kazakh for one person's action: "жалғыз адамдық пикет" (a one-person picket), "жалғыз өзі" (by
# himself / herself), "бір адамдық", "жеке пикет"
KK_ONE_PERSON_RE = re.compile(r"(?:жалғыз|бір)\s+адамдық|жалғыз\s+өз(?:і|ім|ің)\b|жеке\s+пикет|"  # (s21: "Астанада ер адам ...")
                              r"(?:^|[^\w\s]\s*|(?-i:[А-ЯЁӘҒҚҢӨҰҮҺІ])\w*(?:да|де|та|те)\s+)(?-i:ер\s+адам)\b", re.I)
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
# a Kazakh verb of gathering in any form ("жиналып", "шығып", "келген"): the count is of those who came
KK_GATHER_RE = re.compile(r"жинал|жиыл|шық|шығ|қатыс|топтас|кел[дгіе]|тұр|түне|бөге", re.I)


# a headline whose count is of people acting ("40 человек штурмовали улицы", "200 строителей бастуют",
# "Әкімдік алдына 30 адам жиналды"): other headline figures (victims, money, the detained) are not read
TITLE_ACTION_RE = re.compile(r"\b(?:вышл|вышел|вышла|вывел|собрал|пришл|пришел|перекрыл|штурмов|протест|бастую|бастова|"
                             r"митингу|пикетиру|голоду|объявил\w*\s+голодовк|потребовал|требую|стоят|стояли|"
                             r"ночевал|забрал\w*\s+на|вышедш|собравш|оккупир|просят|попросил)\w*|жинал|жиыл|шықт|шығып|келді|наразылық\s+білдір|"
                             r"ереуіл|аштық|жұмысты\s+тоқтат|жұмысқа\s+шықпа|(?:прекратил|остановил)\w*\s+работу", re.I)  # (s22)
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
            kind = counted(q, after, before_of(s.text, q.start))
            if kind and kind[0] == "police" and ev.police_count is None:
                ev.police_count, ev.evidence["police_count"] = q.best, s.text
                ev.police_present = True
                ev.evidence.setdefault("police_present", s.text)
    weak = None  # "группа": only when nothing better is stated
    elsewhere = {x.index for x in search if x is not anchor and placed_elsewhere(x.text, ev.city)}
    elsewhere |= crowd_reports.earlier_assembly_indices(search, anchor) | crowd.aside_of_one(search, anchor, title)  # (round 20, s21)
    ref = ev.date or ev.published
    for s in search:
        modal_at = modal_subject_end(s.text) if triage_modes.sentence_mode(s.text) else None
        if triage_modes.sentence_mode(s.text) and modal_at is None and not triage_modes.told_before(s.text):
            c = CONTRAST_RE.search(s.text)  # (round 19) "планировали собрать 1000, однако пришли около ста"
            if c and not triage_modes.sentence_mode(s.text[c.end():]):
                s = Sentence(s.index, s.text[c.end():], s.start + c.end(), s.paragraph)
        modal_at = modal_subject_end(s.text) if triage_modes.sentence_mode(s.text) else None
        if triage_modes.told_before(s.text) or (triage_modes.sentence_mode(s.text) and modal_at is None):
            continue  # background, plans, threats, refusals: not this event's crowd (unless those who gathered
            # threaten: "30 матерей, пришедших в акимат, пригрозили объявить голодовку", round 16)
        if (s is not anchor and s.index in elsewhere) or (
                s.index - 1 in elsewhere and ANAPHORIC_START_RE.search(s.text) and not places.find_cities(s.text)):
            continue  # "около 20 человек провели акцию протеста в Астане": another city's crowd; (round 19) and the
            # next sentence going on about it ("Их участниками стали несколько сотен", "Там собрались около 300")
        if s is not anchor and ref is not None and earlier_year(s.text, ref.year):
            continue  # (round 19) "2022 жылы осындай акцияға 300 адам қатысқан": an earlier year's crowd
        detainee_count = bool(DETAINEE_COUNT_RE.search(s.text))  # (once a sentence, not once a figure)
        for q, after in quantities(s.text):
            kind = counted(q, after, before_of(s.text, q.start))
            if kind is None or kind[0] != "people":  # (police, the press)
                continue
            clause = clause_of(s.text, q.start, q.end)
            if crowd_reports.not_this_figure(s.text, q.start, q.end):
                continue  # (round 20) a placard's words, victims, RSVPs, several rallies' total, the counters
            # (round 19) "около десятка сторонников арестованных сегодня активистов собрались": whom they support is
            # described as arrested, no detention of this crowd (the span is read as no detention)
            dclause = KIN_OF_DETAINED_RE.sub(" ", SUPPORTED_DETAINED_RE.sub(" ", clause))
            if modal_at is not None and q.start >= modal_at:
                continue  # (the count after the threat or plan is the planned one)
            detain_before = DETAIN_OBJECT_RE.search(s.text[max(0, q.start - 60):q.start])
            if (whole := whole_of(s.text, q.start, after, word_number)) == "population":
                continue  # (round 22) "Акцию провели 40 из 120 обманутых дольщиков": the whole is those affected
            if whole == "crowd" and ev.participants is None:  # (round 22) "задержала 50 из примерно 300 собравшихся"
                ev.participants_low, ev.participants, ev.participants_high, ev.evidence["participants"] = q.low, q.best, q.high, s.text
                break
            if (DETAIN_RE.search(dclause) or detain_before) and not NO_DETAIN_RE.search(clause) \
                    and (stated_only or not GATHERED_BEFORE_RE.search(before_of(s.text, q.start))):
                continue  # (but "алаңға жиналған 20-ға жуық белсенді ұсталды": those who gathered; not in a
                # headline, where "митингке шыққан 80 адам ұсталды" is a total of the detained)
            if PART_OF_BEFORE_RE.search(s.text[max(0, q.start - 30):q.start]) or detainee_count:
                continue  # "задержала 23 человека, в том числе 13 женщин"; "о количестве задержанных": not the crowd
            if (AFTER_DETENTION_RE.search(dclause) or detained_not_crowd(s.text, q.start, q.end)) \
                    and not GATHERED_BEFORE_RE.search(before_of(s.text, q.start)):
                continue  # released, fined or detained after a parenthesis: not the crowd
            if not_this_crowd(s.text, q.start, q.end, clause) or increment_of(s.text, q.start):
                continue  # the dead, the dismissed, online supporters, a membership (round 16): not those who came
            if ANNOUNCED_BEFORE_RE.search(s.text[max(0, q.start - 60):q.start]):
                continue  # "вместо обещанных в анонсе 500 сторонников": a promise, not the crowd
            if PLAN_BEFORE_RE.search(s.text[max(0, q.start - 80):q.start]) or KK_PLAN_AFTER_RE.search(s.text[q.end:q.end + 200]):
                continue  # (round 19) "Собирались прийти около пятидесяти", "500 адам жинауды жоспарлаған": a plan
            if EXPECTED_BEFORE_RE.search(s.text[max(0, q.start - 80):q.start]) or EXPECTED_AFTER_RE.search(s.text[q.end:q.end + 100]):
                continue  # (session 53) "на митинг ожидают до 500 человек", "около 15 тыс. участников ожидается": expected
            if JOINED_RE.search(clause) and not crowd_reports.JOINED_ACTION_RE.search(clause) and not re.search(r"всего|в\s+общей\s+сложности|итого|барлығы", clause, re.I):
                continue  # (round 19) "к ним присоединились двое мужчин": an increment, not the crowd
            # "4 из 16 участников": the whole is 16
            m = re.match(r"\s*из\s+(?:примерно\s+|около\s+|почти\s+)?(\d+)", after)
            if m and CROWD_NOUN_AFTER_RE.match(after[m.end():]):
                continue  # (round 22: but "40 из 120 обманутых дольщиков": those who came of those affected)
            if re.search(r"бақыла|наблюдал|снимал\w*\s+на\s+(?:камер|телефон)|следил", clause, re.I):
                continue  # people watching or filming the event are not its participants
            if re.search(r"(?:деленц|инициативн\w+\s+групп|представител|зал\w*,?\s+рассчитан)", clause, re.I) \
                    and not re.search(r"собрал|вышл|пришл|участ", clause, re.I):
                continue  # "инициативную группу из 6 человек": a delegation, not the crowd
            lo, best, hi = q.low, q.best, q.high
            # "Шесть женщин, пришедших с Усетаевой": and the one they came with
            if re.match(r"[^.;]{0,40}?,?\s+(?:пришедш|вышедш|приехавш)\w+\s+с\s+[А-ЯЁ]", after):
                lo, best, hi = lo + 1, best + 1, hi + 1
            if q.text.lower() in ("группа", "группы") or (s is not anchor and is_vague(q.text)):
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
        crowd_reports.exact_over_vague(ev, search, anchor, fill_participants)  # (s23) "ондаған" and then "133"
        other_source_claim(ev, search, ANNOUNCED_BEFORE_RE)
    # (round 19) a headline's stated figure of people acting wins over a vague count of the body ("154 бастующих шахтёра
    # согласились выйти" over "несколько человек ... написали"); the body's vague count comes after it
    if ev.participants is None and title is not None and crowd_reports.title_action(title.text, TITLE_ACTION_RE):
        fill_participants(ev, [title], title, stated_only=True)
        if ev.participants is not None and (TITLE_SANCTION_RE.search(title.text) or any(
                DETAIN_RE.search(x.text) and any(q.best == ev.participants for q, _ in quantities(x.text))
                for x in search)):
            # the headline's figure is the body's detained or sanctioned ("132 человека на несанкционированной
            # акции" over "Полицейские задержали 132 человека"; "Трое участников ... получили по 15 суток ареста")
            ev.participants_low = ev.participants = ev.participants_high = None
            ev.evidence.pop("participants", None)
    if ev.participants is None and not stated_only:
        crowd_reports.fill_stated_otherwise(ev, search + ([title] if title else []), elsewhere, anchor)  # (round 20) "многотысячный митинг", "человек 15", ...
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
            if not crowd.INFER_FROM_DETAINED or not DETAIN_RE.search(s.text) or SOME_OF_THEM_RE.search(s.text) \
                    or (s is not anchor and s.index in elsewhere) or triage_modes.told_before(s.text):
                continue  # ("задержала четверых митингующих, которые отправились за питанием": a part; s54: not another city's)
            for q, after in quantities(s.text):
                kind = counted(q, after, before_of(s.text, q.start))
                if kind and (re.match(r"\s*(?:участник|пикетчик|митингующ|протестующ|голодающ)", after, re.I)
                             or PARTICIPANTS_DASH_BEFORE_RE.search(s.text[max(0, q.start - 60):q.start])) \
                        and not MANY_ACTIONS_RE.match(after) and len({h.key for h in places.find_cities(s.text)}) < 2 \
                        and not is_vague(q.text):  # (not several crowds; s22: not "нескольких")
                    ev.participants_low = ev.participants = ev.participants_high = q.best
                    ev.evidence["participants"] = s.text
                    return
        lead = [anchor] + search[:3] + ([title] if title is not None else [])
        named = max([named_people(s.text) for s in [anchor] + search[:3]] + [couple(s.text) for s in lead])  # couple: 2
        if named >= 2:
            ev.participants_low = ev.participants = ev.participants_high = named
            ev.evidence["participants"] = anchor.text
            return
        plural = plural_verb_first(anchor.text) or crowd_reports.plural_led(anchor.text) or any(PLURAL_CROWD_RE.search(s.text) for s in [anchor] + search)
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

#!/usr/bin/env python
"""A batch of hand mutants of session 54's media classes (issue 16), found by the grids of phrasings written from no
article: a date in figures at the end of a sentence, "прошедшее воскресенье", the Kazakh weekend (assets/media/dates.py),
the event named by a pronoun (event_date.py), people snatched out of the crowd (detention_patterns.py), a column of
people (count_not_crowd.py), Kazakh "-ге дейін" (numbers_kk.py, numbers.py, count_nouns_kk.py), a count that may come
(count_context.py), three cities' people and two Kazakh names before their residents (places.py), a Kazakh road closed
(triage_cues.py), placards brought to a building (triage_sentence.py), and the classes the whole-article grids found:
an earlier assembly named as such (triage_modes.py), a chat's members, each of a group, an office's reception, what
there is in a Kazakh town (count_not_crowd.py, counts.py), another city's detained as no floor on the crowd
(participants.py), a similar Kazakh action's detained elsewhere (detention_scope.py, detentions.py); and a crowd that
grew while it stood (crowd_growth.py, extract.py). Same mechanism and
output as the earlier batches (scripts/mutants_common.py).

    nice -n 10 .venv/bin/python scripts/mutate_by_hand_s54.py          # all
    .venv/bin/python scripts/mutate_by_hand_s54.py --check              # every old text found once (no run)
"""
from __future__ import annotations

import sys

from mutants_common import batch_main

T = ["tests/media/test_session54_classes.py", "tests/media/test_session54_grids.py"]
DA, ED, DP = "assets/media/dates.py", "assets/media/event_date.py", "assets/media/detention_patterns.py"
NC, NK, NU = "assets/media/count_not_crowd.py", "assets/media/numbers_kk.py", "assets/media/numbers.py"
CK, CC, PL = "assets/media/count_nouns_kk.py", "assets/media/count_context.py", "assets/media/places.py"
TC, TS = "assets/media/triage_cues.py", "assets/media/triage_sentence.py"
TM, CO, PA = "assets/media/triage_modes.py", "assets/media/counts.py", "assets/media/participants.py"
DS, DE = "assets/media/detention_scope.py", "assets/media/detentions.py"
CG, EX = "assets/media/crowd_growth.py", "assets/media/extract.py"

MUTANTS = [
    # a date in figures at the end of a sentence
    (DA, 'NUM_DATE_RE = re.compile(r"(?<![\\d.])(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}|\\d{2})(?!\\d|\\.\\d)")',
     'NUM_DATE_RE = re.compile(r"(?<![\\d.])(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}|\\d{2})(?![\\d.])")', T),
    (DA, 'NUM_DATE_RE = re.compile(r"(?<![\\d.])(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}|\\d{2})(?!\\d|\\.\\d)")',
     'NUM_DATE_RE = re.compile(r"(?<![\\d.])(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}|\\d{2})")', T),
    # "прошедшее воскресенье"
    (DA, 'прошл\\w+|минувш\\w+|прошедш\\w+|нынешн\\w+', 'прошл\\w+|минувш\\w+|нынешн\\w+', T),
    (DA, '    if re.search(r"прошл|минувш|прошедш|өткен", p):  # (session 54: "в прошедшее воскресенье", "өткен демалыста")',
     '    if re.search(r"прошл|минувш|өткен", p):  # (session 54: "в прошедшее воскресенье", "өткен демалыста")', T),
    (DA, '    if re.search(r"прошл|минувш|прошедш|өткен", p):  # (session 54: "в прошедшее воскресенье", "өткен демалыста")',
     '    if re.search(r"прошл|минувш|прошедш", p):  # (session 54: "в прошедшее воскресенье", "өткен демалыста")', T),
    # the Kazakh weekend
    (DA, '        for m in (*WEEKEND_RE.finditer(text), *KK_WEEKEND_RE.finditer(text)):',
     '        for m in (*WEEKEND_RE.finditer(text),):', T),
    (DA, '            add(_weekday(published, 5, future, m.group(0)), m, "weekday")  # (a past one',
     '            add(_weekday(published, 6, future, m.group(0)), m, "weekday")  # (a past one', T),
    (DA, 'r"(?<!\\w)(?:өткен\\s+демалыс(?:\\s+күндері|та)|демалыс\\s+күндері)(?!\\w)"',
     'r"(?<!\\w)(?:өткен\\s+демалыс(?:\\s+күндері|та)|демалыс\\s+күн\\w*)(?!\\w)"', T),
    (DA, 'r"(?<!\\w)(?:өткен\\s+демалыс(?:\\s+күндері|та)|демалыс\\s+күндері)(?!\\w)"',
     'r"(?<!\\w)(?:өткен\\s+демалыс\\s+күндері|демалыс\\s+күндері)(?!\\w)"', T),
    # the event named by a pronoun
    (ED, '            or bool(TOOK_PLACE_RE.search(s.text))', '            or False', T),
    (ED, 'r"^\\W*(?:он|она|оно|ол)\\s+(?:\\S+\\s+){0,4}?', 'r"^\\W*(?:он|она|оно)\\s+(?:\\S+\\s+){0,4}?', T),
    (ED, 'r"^\\W*(?:он|она|оно|ол)\\s+(?:\\S+\\s+){0,4}?', 'r"^\\W*(?:он|она|оно|ол)\\s+(?:[\\w-]+\\s+){0,4}?', T),
    (ED, 'r"(?:прош(?:[её]л|л[ао])|проходил[ао]?)(?=\\s+(?:в|во|на|у|около|возле|перед|вчера|сегодня|"',
     'r"(?:прош(?:[её]л|л[ао])|проходил[ао]?)(?=\\s+(?:\\w+|"', T),
    (ED, '(?:(?:состоял|начал)(?:ся|ась|ось)|өтті|басталды|', '(?:(?:состоял|начал)(?:ся|ась|ось)|басталды|', T),
    # snatched out of the crowd
    (DP, 'r"(?:выхват|выдерн|выдерг|вырвал|вытащил|выволок)\\w*\\s+(?:[\\w-]+\\s+){0,3}?из\\s+(?:толп|колонн|строя|рядов)|"',
     'r"(?:выхват|выдерн|выдерг|вырвал|вытащил|выволок)\\w*\\s+(?:[\\w-]+\\s+){0,3}?из\\s+(?:толп|колонн|строя|рядов|рук)|"', T),
    (DP, 'r"\\bиз\\s+(?:толп|колонн|строя|рядов)\\w*\\s+(?:[\\w-]+\\s+){0,2}?(?:выхват|выдерн|выдерг|вырвал|вытащил|выволок)|"',
     '', T),
    (DP, 'r"(?:выхват|выдерн|выдерг|вырвал|вытащил|выволок)\\w*\\s+(?:[\\w-]+\\s+){0,3}?из\\s+(?:толп|колонн|строя|рядов)|"',
     'r"(?:выхват|выдерн|вырвал|вытащил|выволок)\\w*\\s+(?:[\\w-]+\\s+){0,3}?из\\s+(?:толп|колонн|строя|рядов)|"', T),
    (DP, 'r"\\bиз\\s+(?:толп|колонн|строя|рядов)\\w*\\s+(?:[\\w-]+\\s+){0,2}?(?:выхват|выдерн|выдерг|вырвал|вытащил|выволок)|"',
     'r"\\bиз\\s+(?:толп|колонн|строя|рядов)\\w*\\s+(?:[\\w-]+\\s+){0,2}?(?:выхват|выдерн|выдерг|вырвал|вытащил|выволок|выкрик)|"', T),
    # a column of people
    (NC, 'WHOLE_BEFORE_RE = re.compile(r"(?<!колонна )(?<!колонну )(?<!колонны )(?<!группа )(?<!группу )(?<!группы )(?<!толпа )"',
     'WHOLE_BEFORE_RE = re.compile(r"(?<!колонну )(?<!колонны )(?<!группу )(?<!группы )(?<!толпа )"', T),
    (NC, 'r"(?<!толпу )(?<!толпы )\\bиз\\s*$", re.I)', 'r"(?<!толпу )(?<!толпы )\\bиз\\s+\\d*$", re.I)', T),
    # Kazakh "-ге дейін"
    (NK, 'KK_UP_TO_RE = re.compile(r"^\\s*-?\\s*(?:ға|ге|қа|ке)\\s+дейін(?!\\w)", re.I)',
     'KK_UP_TO_RE = re.compile(r"^\\s*-?\\s*(?:ға|ге)\\s+дейін(?!\\w)", re.I)', T),
    (NU, '        elif KK_UP_TO_RE.match(after) and not re.search(r"\\d\\s*-?\\s*(?:дан|ден|тан|тен|нан|нен)\\s+$", before):\n            how = "up_to"',
     '        elif KK_UP_TO_RE.match(after) and not re.search(r"\\d\\s*-?\\s*(?:дан|ден|тан|тен|нан|нен)\\s+$", before):\n            how = "about"', T),
    (NU, '        elif KK_UP_TO_RE.match(after) and not re.search(r"\\d\\s*-?\\s*(?:дан|ден|тан|тен|нан|нен)\\s+$", before):',
     '        elif False:', T),
    (NU, '        elif KK_UP_TO_RE.match(after) and not re.search(r"\\d\\s*-?\\s*(?:дан|ден|тан|тен|нан|нен)\\s+$", before):',
     '        elif KK_UP_TO_RE.match(after):', T),
    (CK, 'KK_BOUND_AFTER = r"^\\s*(?:-?\\s*(?:ға|ге|қа|ке)\\s+(?:жуық|тарта|дейін)|',
     'KK_BOUND_AFTER = r"^\\s*(?:-?\\s*(?:ға|ге|қа|ке)\\s+(?:жуық|тарта)|', T),
    (CK, 'KK_APPROX_RE = re.compile(r"^\\s*-?\\s*(?:(?:ға|ге|қа|ке)\\s+(?:жуық|тарта|дейін)|',
     'KK_APPROX_RE = re.compile(r"^\\s*-?\\s*(?:(?:ға|ге|қа|ке)\\s+(?:жуық|тарта)|', T),
    # a count that may come
    (CC, 'r"(?:может|могут|сможет|смогут)\\s+(?:[\\w-]+\\s+)?(?:прийти|собраться|выйти|принять\\s+участие|"',
     'r"(?:может|могут|могли|сможет|смогут)\\s+(?:[\\w-]+\\s+)?(?:прийти|собраться|выйти|принять\\s+участие|"', T),
    (CC, 'r"(?:может|могут|сможет|смогут)\\s+(?:[\\w-]+\\s+)?(?:прийти|собраться|выйти|принять\\s+участие|"',
     'r"(?:может|сможет|смогут)\\s+(?:[\\w-]+\\s+)?(?:прийти|собраться|выйти|принять\\s+участие|"', T),
    (CC, 'r"\\w(?:уы|уі)\\s+мүмкін(?!\\w))", re.I)', 'r"\\w(?:уі)\\s+мүмкін(?!\\w))", re.I)', T),
    # three cities' people, two Kazakh names before their residents
    (PL, '    ("atyrau", r"атыраус?ц\\w*|', '    ("atyrau", r"атыраусц\\w*|', T),
    (PL, '    ("temirtau", r"темиртаус?к\\w*|темиртаус?ц\\w*|', '    ("temirtau", r"темиртаус?к\\w*|темиртауц\\w*|', T),
    (PL, '    ("turkestan", r"туркестан[еь]?ц\\w*"),', '    ("turkestan", r"туркестан[еь]?ц\\w*|туркестанск\\w*|түркістандық\\w*"),', T),
    (PL, '    ("turkestan", r"туркестан[еь]?ц\\w*"),', '', T),
    (PL, 'text[m.end():m.end() + 12], re.I):', 'text[m.end():m.end() + 3], re.I):', T),
    (PL, 'r"\\s+(?:қала\\w*|город\\w*|тұрғын\\w*)"', 'r"\\s+(?:қала\\w*|город\\w*)"', T),
    # an earlier assembly named as such (triage_modes.py), a chat's members, each of a group, an office's reception, what
    # there is in a Kazakh town (count_not_crowd.py, counts.py), another city's detained participants as no floor
    # (participants.py), a similar action's detained elsewhere (detention_scope.py, detentions.py)
    (TM, 'r"^\\s*(?:(?:на|в|во)\\s+)?(?:предыдущ|прошл|прежн)\\w*\\s+(?:митинг|акци|пикет|шестви|забастовк|"',
     'r"^\\s*(?:предыдущ|прошл|прежн)\\w*\\s+(?:митинг|акци|пикет|шестви|забастовк|"', T),
    (TM, 'r"^\\s*(?:(?:на|в|во)\\s+)?(?:предыдущ|прошл|прежн)\\w*\\s+(?:митинг|акци|пикет|шестви|забастовк|"',
     'r"^\\s*(?:(?:на|в|во)\\s+)?(?:предыдущ|прошл|прежн)\\w*\\s+(?:[\\w-]+\\s+)?(?:митинг|акци|пикет|шестви|забастовк|"', T),
    (NC, 'r"\\bв\\s+(?:[\\w-]+\\s+)?(?:чат\\w*|телеграм-?канал\\w*|сообществ\\w*|групп[еу]\\s+в\\s+(?:whatsapp|"',
     'r"\\bв\\s+(?:[\\w-]+\\s+)?(?:телеграм-?канал\\w*|сообществ\\w*|групп[еу]\\s+в\\s+(?:whatsapp|"', T),
    (NC, 'r"telegram|ватсап\\w*|телеграм\\w*|facebook|фейсбук\\w*|вк|соцсет\\w*))\\b[^.,;:!?]{0,30}?|"',
     'r"telegram|ватсап\\w*|телеграм\\w*|facebook|фейсбук\\w*|вк|соцсет\\w*))\\b[^;:!?]{0,80}?|"', T),
    (NC, '    return bool(EACH_OF_BEFORE_RE.search(before)) and not _CROWD_NOUN_AFTER_RE.match(after)',
     '    return bool(EACH_OF_BEFORE_RE.search(before))', T),
    (NC, '    return bool(EACH_OF_BEFORE_RE.search(before)) and not _CROWD_NOUN_AFTER_RE.match(after)',
     '    return False', T),
    (NC, 'PERIOD_AFTER_RE = re.compile(r"^\\s*(?:[\\w-]+\\s+){0,2}?(?:на\\s+(?:личн\\w+\\s+)?при[её]ме\\b|за\\s+',
     'PERIOD_AFTER_RE = re.compile(r"^\\s*(?:[\\w-]+\\s+){0,2}?(?:на\\s+(?:личн\\w+\\s+)?при[её]м\\w*|за\\s+', T),
    (NC, 'PERIOD_AFTER_RE = re.compile(r"^\\s*(?:[\\w-]+\\s+){0,2}?(?:на\\s+(?:личн\\w+\\s+)?при[её]ме\\b|за\\s+',
     'PERIOD_AFTER_RE = re.compile(r"^\\s*(?:[\\w-]+\\s+){0,2}?(?:на\\s+личн\\w+\\s+при[её]ме\\b|за\\s+', T),
    (NC, '    return bool(KK_THERE_ARE_AFTER_RE.match(after)) and not KK_GATHERING_PLACE_BEFORE_RE.search(before or "")',
     '    return bool(KK_THERE_ARE_AFTER_RE.match(after))', T),
    (NC, 'KK_THERE_ARE_AFTER_RE = re.compile(r"^\\s*(?:-?\\s*[а-яёәғқңөұүһі]+\\s+){0,3}?бар(?=\\s*[.,;!?]|\\s*$)", re.I)',
     'KK_THERE_ARE_AFTER_RE = re.compile(r"^\\s*(?:-?\\s*[а-яёәғқңөұүһі]+\\s+){0,3}?бар", re.I)', T),
    (CO, ' or kk_there_are(before, after):', ':', T),
    (PA, '                    or (s is not anchor and s.index in elsewhere) or triage_modes.told_before(s.text):',
     '                    or triage_modes.told_before(s.text):', T),
    (PA, '                    or (s is not anchor and s.index in elsewhere) or triage_modes.told_before(s.text):',
     '                    or (s is not anchor and s.index in elsewhere):', T),
    (DS, 'SIMILAR_ACTION_RE = re.compile(r"(?<!\\w)(?:дәл\\s+|тура\\s+)?(?:осындай|сондай)\\s+(?:[\\w-]+\\s+)?(?:акци|митинг|пикет|шеру|жиын|"',
     'SIMILAR_ACTION_RE = re.compile(r"(?<!\\w)(?:дәл\\s+|тура\\s+)?(?:сондай)\\s+(?:[\\w-]+\\s+)?(?:акци|митинг|пикет|шеру|жиын|"', T),
    (DS, 'SIMILAR_ACTION_RE = re.compile(r"(?<!\\w)(?:дәл\\s+|тура\\s+)?(?:осындай|сондай)\\s+(?:[\\w-]+\\s+)?(?:акци|митинг|пикет|шеру|жиын|"',
     'SIMILAR_ACTION_RE = re.compile(r"(?<!\\w)(?:дәл\\s+|тура\\s+)?(?:осындай|сондай)\\s+(?:акци|митинг|пикет|шеру|жиын|"', T),
    (DE, '        if here and ev.city not in here and (here <= other_event_cities or SIMILAR_ACTION_RE.search(low)):',
     '        if here and ev.city not in here and (here <= other_event_cities or SIMILAR_ACTION_RE.search(t[:0])):', T),
    (DE, '        if here and ev.city not in here and (here <= other_event_cities or SIMILAR_ACTION_RE.search(low)):',
     '        if here and ev.city not in here and (here <= other_event_cities or bool(SIMILAR_ACTION_RE.search(low)) or True):', T),
    # a crowd that grew while it stood (crowd_growth.py, extract.py)
    (EX, '    widen_grown(ev, search)  # (session 54) a crowd that grew while it stood: both figures\n', '', T),
    (CG, r'START_RE = re.compile(r"(?:\bсначала|\bпоначалу|', r'START_RE = re.compile(r"(?:\bсначала|', T),
    (CG, r'\bк\s+(?:вечеру|обеду|полудню|ночи|концу)|', r'\bк\s+(?:вечеру|полудню|ночи|концу)|', T),
    (CG, r'(?<!\w)жетті|(?<!\w)өсті', r'(?<!\w)өсті', T),
    (CG, r'r"^\s*[—–-]\s*(?:(?:уже|около|более|свыше|почти|порядка|примерно)\s+)*$", re.I)',
     r'r"^\s*[—–-]\s*$", re.I)', T),
    (CG, r'PEOPLE_AFTER_RE = re.compile(r"\s*(?:человек|', r'PEOPLE_AFTER_RE = re.compile(r"\s*(?:\w|человек|', T),
    (CG, '            if (started or grew) and q2.best > q1.best and PEOPLE_AFTER_RE.match(after2):',
     '            if (started or grew) and q2.best != q1.best and PEOPLE_AFTER_RE.match(after2):', T),
    (CG, '            started = START_RE.search(text[:q1.start]) and later and LATER_CROWD_RE.search(between[later.end():])',
     '            started = START_RE.search(text[:q1.start]) and later', T),
    (CG, '            grew = (GREW_RE.search(between) or GREW_RE.search(after2[:20])) and GROWING_SUBJECT_RE.search(between)',
     '            grew = (GREW_RE.search(between) or GREW_RE.search(after2[:20]))', T),
    (CG, '            return q1.low, q1.high, q1.high  # "выросло с 50 до 300", read as one span',
     '            return None  # "выросло с 50 до 300", read as one span', T),
    # a Kazakh road closed, placards brought to a building
    (TC, '|жауып(?=\\s*,))', ')', T),
    (TS, r'вышл\w*\s+(?:к\s+(?:[\w-]+\s+){1,2}?)?с|', r'вышл\w*\s+(?:(?:к|на)\s+(?:[\w-]+\s+){1,2}?)?с|', T),
    (TS, r'вышл\w*\s+(?:к\s+(?:[\w-]+\s+){1,2}?)?с|', r'вышл\w*\s+с|', T),
]

if __name__ == "__main__":
    sys.exit(batch_main(MUTANTS, tuple(T), __file__))

#!/usr/bin/env python
"""A batch of hand mutants of session 32's media classes (issue 16): one or two per class written that session on the
media extractor (e3a2402c, 6f8d4647, from `fresh15`'s and earlier splits' misses and then `fresh16`'s): triage's
assemblies (a camp at a seat of power, a watch against a demolition or a felling, people under the machines, a meeting
hoped or pressed for, the authorities asked why, workers under a lead of wages owed, hundreds come to a square, a crowd
spoken to at a rally, Kazakh crowds before a police department and cattle driven to an akimat, «митинг болды», the quick
pass's new branches), triage's no-assemblies (a courtroom objection, Kazakh discontent shown «танытты»/«байқатуда» and
children's playgrounds no place, a queue the lead tells and its set-aside, signatures collected, a utility cut off,
nobody came out, a call to go out, a wave on the streets of big towns, a meeting with deputies, an office's campaign, a
veterans' parade), and the fields (a time of day between «сегодня» and its date, «аштықтан» no hunger strike, Kazakh
signatories and those taken no crowd, a workforce engaged in a project). Same mechanism and output as the earlier
batches (scripts/mutants_common.py).

    nice -n 10 .venv/bin/python scripts/mutate_by_hand_s32media.py          # all
    .venv/bin/python scripts/mutate_by_hand_s32media.py --check              # every old text found once (no run)
    .venv/bin/python scripts/mutate_by_hand_s32media.py --dups               # none repeats an earlier batch (no run)
"""
from __future__ import annotations

import sys

from mutants_common import batch_main

NEW = "tests/media/test_session32_classes.py"
T = [NEW]
C, S, TR = "assets/media/triage_cues.py", "assets/media/triage_sentence.py", "assets/media/triage.py"
IP, MO, CV = "assets/media/triage_in_person.py", "assets/media/triage_modes.py", "assets/media/triage_civic_cues.py"
NE, ED, FO = "assets/media/triage_not_events.py", "assets/media/event_date.py", "assets/media/forms.py"
CNC, CO, CX = "assets/media/count_not_crowd.py", "assets/media/counts.py", "assets/media/count_context.py"

MUTANTS = [
    # triage: assemblies — a camp at a seat of power
    (IP, '    if contains_any(low, ("лагерь", "палатк", "юрт")) and CAMP_AT_SEAT_RE.search(low) and not CAMP_FOR_OTHERS_RE.search(low) \\',
     '    if False and CAMP_AT_SEAT_RE.search(low) and not CAMP_FOR_OTHERS_RE.search(low) \\', T),
    (IP, r'_AT_SEAT_PORCH = r"(?:на\s+крыльце|\bу|\bперед|', r'_AT_SEAT_PORCH = r"(?:\bу|\bперед|', T),
    (IP, r'r"\w*[^.!?]{0,80}?" + _CAMP + r"|" + _CAMP + r"\s+(?:[\w-]+\s+){0,2}?" + _AT_SEAT_PORCH)',
     r'r"\w*[^.!?]{0,80}?" + _CAMP)', T),
    (IP, '            and not SERVICES_RE.search(low):\n        out.append("camp at a seat of power")',
     '            :\n        out.append("camp at a seat of power")', T),
    # a watch against a demolition; people under the machines
    (S, r'WATCH_AGAINST = (r"(?:дежур|охраня|караул|стерег|сторож)', r'WATCH_AGAINST = (r"(?:дежур|караул|стерег|сторож)', T),
    (S, '            and WATCH_AGAINST_RE.search(low) and not POLICE_ON_DUTY_RE.search(low):',
     '            and WATCH_AGAINST_RE.search(low):', T),
    (S, r'r"приостановлени|возлож|почти\w*\s+памят|с\s+цветами|от\s+вырубк|от\s+снос|"',
     r'r"приостановлени|возлож|почти\w*\s+памят|с\s+цветами|"', T),
    (S, r'BEFORE_MACHINES = (r"(?:встал|стоял|легл|ложат|ложил|', r'BEFORE_MACHINES = (r"(?:встал|стоял|легл|ложил|', T),
    (S, r'ковш|гусениц|трактор|грейдер|самосвал)")', r'ковш|трактор|грейдер|самосвал)")', T),
    # a meeting hoped or pressed for; the authorities asked why
    (CV, r'r"(?:надеясь|в\s+надежде)\s+на\s+встречу\s+с|"', r'r"(?!x)x|"', T),
    # (a second mutant, dropping the alternative «(?:добива|требу)\w*\s+…встречи\s+с», was equivalent: AIM_TO_OFFICIAL_RE is
    # read only in triage.py's near_protest, on the same sentences and in the same disjunction as `set(lemmas(...)) &
    # PROTEST_LEMMAS`, and every word it matched is a form of «добиваться» or «требовать», both PROTEST_LEMMAS; the
    # alternative was removed from the rules instead)
    (CV, r'r"(?:выяснить|узнать|спросить)\s+у\s+(?:власт|акимат|аким|руководств|чиновник)", re.I)',
     r'r"(?!x)x", re.I)', T),
    # workers under a lead of wages owed
    (TR, '            near_protest = lead_wage or (title_protest', '            near_protest = (title_protest', T),
    (TR, '        and any(WAGE_GRIEVANCE_RE.search(s.text) for s in sents[:3])',
     '        and any(WAGE_GRIEVANCE_RE.search(s.text) for s in sents[:1])', T),
    (C, r'WAGE_GRIEVANCE_RE = re.compile(r"(?:задерж(?:к|ек)|', r'WAGE_GRIEVANCE_RE = re.compile(r"(?:задержк|', T),
    # hundreds come to a square
    (IP, '    if crowd_at_seat(low) or crowd_on_square(low):', '    if crowd_at_seat(low):', T),
    (IP, r'                          r"\bна\s+(?:[\w«»\"-]+\s+)?площад\w*\s+(?:[\w«»\",-]+\s+){0,8}?" + _CAME_TO + r"\b")',
     r'                          r"(?!x)x")', T),
    (IP, r'BIG_CROWD_RE = re.compile(r"\bсотн(?:и|ен)\b|\bсотен\b|', r'BIG_CROWD_RE = re.compile(r"\bсотен\b|', T),
    (IP, r'NOT_PROTEST_SQUARE_RE = re.compile(r"концерт|парад|праздн|торжеств|наурыз|намаз|',
     r'NOT_PROTEST_SQUARE_RE = re.compile(r"парад|праздн|торжеств|наурыз|', T),
    # a crowd spoken to at a rally
    (S, '            or (" на " in low and SPOKE_AT_FORM_RE.search(low)):', '            :', T),
    # Kazakh crowds before a police department, cattle driven to an akimat; «митинг болды»
    (IP, '    (("айда",), (KK_CATTLE_TO_OFFICE_RE,), "kk gathered at an office"),\n', '', T),
    (IP, '    (("басқарма", "бөлім", "департамент"), (KK_AT_POLICE_RE,), "kk gathered at an office"),\n', '', T),
    (C, r'                         r"(?:митинг|пикет|шеру|акция|ереуіл)\w*\s+(?:[\w-]+\s+)?болды\b|"', '', T),
    # the quick pass's new branches
    (TR, r'r"требуя|вышл[иа]\s+(?:(?:\w+\s+)?(?:на|к)\b|(?:жильцы|жители|рабочие|работники|родители|сельчане|горожане)\b)|',
     r'r"требуя|вышл[иа]\s+(?:\w+\s+)?(?:на|к)\b|', T),
    (TR, r'r"гусениц|айдап\s+(?:әкел|бар|кел)|подняли', r'r"айдап\s+(?:әкел|бар|кел)|подняли', T),
    (TR, r'r"гусениц|айдап\s+(?:әкел|бар|кел)|подняли', r'r"гусениц|подняли', T),
    (TR, r'r"ульдозер|кскаватор|снести|сноса|вырубк|', r'r"ульдозер|кскаватор|снести|сноса|', T),
    (TR, r'    r"пришл[иоа]\s+(?:[\w-]+\s+){0,4}?на\s+(?:[\w«»\"-]+\s+)?площад|площад\w*\s+(?:[\w«»\",-]+\s+){0,8}?пришл[иоа]\b|"',
     r'    r"площад\w*\s+(?:[\w«»\",-]+\s+){0,8}?пришл[иоа]\b|"', T),
    # triage: no assembly — a courtroom objection
    (NE, r'COURTROOM_OBJECTION_RE = re.compile(r"сот(?:қа|\s+отырысына|\s+процесіне|\s+залындағы|\s+залында)\s+(?:[\w-]+\s+)?қатысушы|"',
     r'COURTROOM_OBJECTION_RE = re.compile(r"(?!x)x|"', T),
    (NE, r'                                    r"(?:участник|сторон)\w*\s+(?:судебн\w+\s+)?(?:процесс|заседани|слушани)\w*\s+"',
     r'                                    r"(?!x)x\w*\s+(?:судебн\w+\s+)?(?:процесс|заседани|слушани)\w*\s+"', T),
    # Kazakh discontent shown in words; playgrounds; workers with a possessive
    (S, r'KK_VOICED_ONLY_RE = re.compile(r"наразылы[қғ]\w*\s+(?:[\w-]+\s+)?(?:білдір|таныт|байқат)")',
     r'KK_VOICED_ONLY_RE = re.compile(r"наразылы[қғ]\w*\s+(?:[\w-]+\s+)?(?:білдір|байқат)")', T),
    (S, r'KK_VOICED_ONLY_RE = re.compile(r"наразылы[қғ]\w*\s+(?:[\w-]+\s+)?(?:білдір|таныт|байқат)")',
     r'KK_VOICED_ONLY_RE = re.compile(r"наразылы[қғ]\w*\s+(?:[\w-]+\s+)?(?:білдір|таныт)")', T),
    (S, r'KK_PLACE_OR_CROWD_RE = re.compile(r"алдын|(?<!балалар\s)(?<!ойын\s)алаң|',
     r'KK_PLACE_OR_CROWD_RE = re.compile(r"алдын|алаң|', T),
    (S, r'r"\w(?:шы|ші)(?:лар|лер)?[ыі]?\b|талап|', r'r"\w(?:шы|ші)(?:лар|лер)?\b|талап|', T),
    # a queue: the sentence's and the lead's
    (S, '                               r"собрал\\w*\\s+(?:[\\w-]+\\s+)?очеред|"\n', '', T),
    (TR, r'r"из-за|у\s|возле|в\s+пункт)|собрал\w*\s+очеред|(?:стоят|стоять|стояли|выстаива\w+)\s+',
     r'r"из-за|у\s|возле|в\s+пункт)|(?:стоят|стоять|стояли|выстаива\w+)\s+', T),
    (TR, r'r"из-за|у\s|возле|в\s+пункт)|собрал\w*\s+очеред|(?:стоят|стоять|стояли|выстаива\w+)\s+',
     r'r"из-за|у\s|возле|в\s+пункт)|собрал\w*\s+очеред|(?:стоят|стоять|стояли)\s+', T),
    (TR, r'QUEUE_PROTEST_RE = re.compile(r"протест|требова|акци|', r'QUEUE_PROTEST_RE = re.compile(r"требова|акци|', T),
    # (the review's guard: a gathering at a building, or one that demands, under a queue lead stays an assembly)
    (TR, '            set(v.reasons) <= {"gathering", "gathering+protest"} and not AT_BUILDING_RE.search(sents[v.index].text)\n',
     '            set(v.reasons) <= {"gathering", "gathering+protest"}\n', T),
    (TR, '            and "треб" not in sents[v.index].text.lower() for v in strong):', '            for v in strong):', T),
    # signatures collected; a utility cut off; nobody came out
    (S, '\n                                                                                              and not KK_SIGNATURES_RE.search(low))))) \\',
     ')))) \\', T),
    (S, '    if KK_GATHER_RE.search(low) and KK_DEMAND_RE.search(low) and not kk and not KK_SIGNATURES_RE.search(low):',
     '    if KK_GATHER_RE.search(low) and KK_DEMAND_RE.search(low) and not kk:', T),
    (S, '        and not UTILITY_CUT_RE.search(low)\n', '        and True\n', T),
    (S, '    if gather_found and gather_found <= BLOCK_LEMMAS and UTILITY_CUT_RE.search(low):',
     '    if False:', T),
    (S, '    if gather_verb and "никто" in low and NOBODY_CAME_RE.search(low):', '    if False:', T),
    # a call to go out; a wave on the streets of big towns
    (MO, r'шығуға\s+шақыр|шығуға\s+(?:[\w-]+\s+){0,2}?үнде|жоспарла|', r'шығуға\s+шақыр|жоспарла|', T),
    (MO, r'                        r"(?:\bв|\bна\s+улицах)\s+(?:разных|нескольких|многих|десятках|ряде|крупных|больших)\s+(?:[\w-]+\s+)?"',
     r'                        r"(?:\bв)\s+(?:разных|нескольких|многих|десятках|ряде|крупных|больших)\s+(?:[\w-]+\s+)?"', T),
    # a meeting with deputies; an office's campaign; a veterans' parade
    (NE, r'                           r"жинал\w*,?\s+(?:[\w«»\".,№-]+\s+){0,10}?(?:депут|әкім|басшы|бәсшы|бастығ|министр)\w*(?:мен|пен|бен),?\s+"',
     r'                           r"(?!x)x\w*(?:мен|пен|бен),?\s+"', T),
    (TR, '    if strong and triage_civic_cues.in_lead(triage_civic_cues.OFFICIAL_ORGANISER_RE, sents, 6) and not any(',
     '    if strong and triage_civic_cues.in_lead(triage_civic_cues.OFFICIAL_ORGANISER_RE, sents, 1) and not any(', T),
    (TR, '            set(lemmas(sents[v.index].text)) & (_NAMES_A_PROTEST - {"против"}) or KK_DEMAND_RE.search(sents[v.index].text)',
     '            set(lemmas(sents[v.index].text)) & _NAMES_A_PROTEST or KK_DEMAND_RE.search(sents[v.index].text)', T),
    (TR, '            set(lemmas(sents[v.index].text)) & (_NAMES_A_PROTEST - {"против"}) or KK_DEMAND_RE.search(sents[v.index].text)',
     '            set(lemmas(sents[v.index].text)) & (_NAMES_A_PROTEST - {"против"})', T),
    (CV, r'r"по\s+инициативе\s+(?:[\w-]+\s+){0,2}?(?:отдел\w*\s+полиции|полиции|акимат|управлени|департамент|"',
     r'r"(?!x)x(?:отдел\w*\s+полиции|полиции|акимат|управлени|департамент|"', T),
    (CV, r'r"министерств)|в\s+рамках\s+(?:нарратива|', r'r"министерств)|в\s+рамках\s+(?:', T),
    (NE, '    r"(?:ардагер|әрдәгер|тыл\\s+еңбеккер)\\w*[^.!?]{0,80}?шеру|шеру\\w*[^.!?]{0,80}?(?:ардагер|әрдәгер|тыл\\s+еңбеккер)", re.I)',
     '    r"шеру\\w*[^.!?]{0,80}?(?:ардагер|әрдәгер|тыл\\s+еңбеккер)", re.I)', T),
    (NE, '                 "мерек", "ардагер", "әрдәгер", "тыл еңбеккер")', '                 "мерек")', T),
    # fields: a time of day between «сегодня» and its date
    (ED, r'APPOSITION_RE = re.compile(r"^[\s,]*(?:(?:рано\s+)?(?:утром|дн[её]м|вечером|ночью|в\s+обед)[\s,]*|',
     r'APPOSITION_RE = re.compile(r"^[\s,]*(?:', T),
    (ED, r'                           r"(?:\s+(?:час\w*|утра|дня|вечера))?[\s,]*)?$")',
     r'                           r"(?:\s+(?:час\w*|утра|дня|вечера))?[\s,]*)?")', T),
    # «аштықтан» no hunger strike; Kazakh signatories and those taken no crowd; a workforce engaged in a project
    (FO, r'(?<!\w)аштық(?!тан)", re.I)),', r'(?<!\w)аштық", re.I)),', T),
    (CX, r'r"ұста(?:[дп]|ған)|әкетіл|', r'r"ұста[дп]|әкетіл|', T),
    (CO, '\\\n            or KK_SIGNED_AFTER_RE.match(after):', ':', T),
    (CNC, r'в\s+штате|занят[оы]?|задействован[оы]?|трудоустро\w+|', r'в\s+штате|занят[оы]?|трудоустро\w+|', T),
    (CNC, r'r"(?:был[аио]?\s+)?задействован\w*|(?:был[аио]?\s+)?привлечен\w*\s+к\s+(?:[\w-]+\s+)?работ|"',
     r'r"(?:был[аио]?\s+)?привлечен\w*\s+к\s+(?:[\w-]+\s+)?работ|"', T),
    (CNC, r'r"(?:был[аио]?\s+)?задействован\w*|(?:был[аио]?\s+)?привлечен\w*\s+к\s+(?:[\w-]+\s+)?работ|"',
     r'r"(?:был[аио]?\s+)?задействован\w*|"', T),
]

if __name__ == "__main__":
    sys.exit(batch_main(MUTANTS, (NEW,), __file__))

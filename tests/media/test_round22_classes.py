"""Round 22 (issue 16, item 5): detentions and head counts on reporting the rules were not fitted on. Classes of
phrasing found by hand-written probes (a battery of common Russian and Kazakh ways to report detentions and crowds,
none copied from an article) and checked on the fitted parts' misses; every case below failed before the round:

- kk_seized: Kazakh verbs of seizing other than "ұста-" ("құрықталды", "тұтқындалды", "тұтқынға алды", "қолға түсті");
- verb_first: the figure right after a sentence-initial verb, no noun ("Задержано 12, среди них 3 журналиста");
- whole: some of the detained told against their whole ("пятерых из 20 задержанных" is 20), the liability first
  ("к административной ответственности привлечены 15 человек, из них 10 ...") is the whole, not the part;
- updated: the figure grown to ("позже их число выросло до 25") over an earlier one of the sentence;
- counted_next: "Задержанных доставили в РУВД. Их было 15." (the count in the next sentence);
- vehicle: "затащили 15 человек в микроавтобусы", the vehicle first ("в автобусы посадили 15 человек"); "дюжину";
- possessive: "задержала его участников" tells no count (was read as one person, "его" as the object);
- ranges: a decimal range with one scale word ("1,5–2 тысячи", "1,5-2 тыс."; the Kazakh "1,5-2 мың" was read);
- notice: the number of a notice, permit or venue ("заявку на 5000 участников") is no head count;
- whole_crowd: "задержала 50 из примерно 300 собравшихся": the whole is the crowd; "40 из 120 обманутых дольщиков":
  the whole is those affected, never the crowd.
"""
from __future__ import annotations

import pytest

from tests.media.first_event import event

R = "В субботу в Алматы у акимата прошёл несанкционированный митинг. "
RC = R + "На митинг вышли около 200 человек. "
K = "Сенбі күні Алматыда әкімдік алдында наразылық акциясы өтті. "

DETAINED = [
    # kk_seized
    ("Алматыда наразылық", K + "Он бес адам құрықталды.", 15),
    ("Алматыда наразылық", K + "Полиция он бес адамды құрықтады.", 15),
    ("Алматыда наразылық", K + "Он бес белсенді тұтқындалды.", 15),
    ("Алматыда наразылық", K + "Полиция 12 адамды тұтқынға алды.", 12),
    ("Алматыда наразылық", K + "Акцияға шыққан жеті адам қолға түсті.", 7),
    # verb_first
    ("Митинг в Алматы", RC + "Задержано 12, среди них 3 журналиста.", 12),
    ("Митинг в Алматы", RC + "Задержаны 12, в том числе трое журналистов.", 12),
    ("Митинг в Алматы", RC + "Арестованы 9: им дали от 5 до 15 суток.", 9),
    # whole
    ("Митинг в Алматы", R + "Суд арестовал пятерых из 20 задержанных.", 20),
    ("Митинг в Алматы", R + "Суд оштрафовал троих из 14 задержанных, остальных отпустили.", 14),
    ("Митинг в Алматы", R + "По информации ДП, к административной ответственности привлечены 15 человек, из них 10 "
                            "арестованы на 10 суток.", 15),
    # updated
    ("Митинг в Алматы", R + "Сначала сообщалось о 10 задержанных, позже их число выросло до 25.", 25),
    ("Митинг в Алматы", R + "Утром говорили о 8 задержанных, к вечеру количество задержанных увеличилось до 19.", 19),
    # counted_next
    ("Митинг в Алматы", R + "Задержанных доставили в РУВД. Их было 15.", 15),
    # vehicle
    ("Митинг в Алматы", R + "Полицейские в штатском затащили 15 человек в микроавтобусы.", 15),
    ("Митинг в Алматы", R + "Полицейские уводили людей. По подсчётам журналистов, в автобусы посадили 15 человек.", 15),
    ("Митинг в Алматы", R + "Полицейские доставили в участок дюжину человек.", 12),
]

NO_COUNT = [
    # possessive: some of its people, no number (the monitor counts; never one person invented)
    ("Митинг в Алматы", R + "Полиция задержала его участников."),
    ("Митинг в Алматы", R + "Полиция задержала её сторонников и увезла их в отдел."),
]

PARTICIPANTS = [
    # ranges
    ("Митинг в Алматы", "В Алматы на митинг пришли 1,5–2 тысячи человек.", (1500, 2000)),
    ("Митинг в Алматы", "В Алматы на митинг пришли 1,5-2 тыс. человек.", (1500, 2000)),
    # notice
    ("Митинг в Алматы", R + "Заявку на 5000 участников акимат не согласовал, пришли около 300 человек.", 300),
    ("Митинг в Алматы", R + "Уведомление о митинге на 2000 человек акимат отклонил, пришли около 300 человек.", 300),
    # whole_crowd
    ("Митинг в Алматы", R + "Полиция задержала 50 из примерно 300 собравшихся.", 300),
]

NOT_THE_CROWD = [
    # the whole of those affected is no crowd
    ("Акция дольщиков", R + "Акцию провели 40 из 120 обманутых дольщиков.", 120),
]


def _in(got, want) -> bool:
    if isinstance(want, tuple):
        return got is not None and want[0] <= got <= want[1]
    return got == want


@pytest.mark.parametrize("title,text,want", DETAINED)
def test_the_detained_are_counted(title, text, want):
    assert event(title, text).detained == want


@pytest.mark.parametrize("title,text", NO_COUNT)
def test_a_possessive_pronoun_is_no_one_person(title, text):
    assert event(title, text).detained is None  # reported without a number, none invented


@pytest.mark.parametrize("title,text,want", PARTICIPANTS)
def test_the_crowd_is_read(title, text, want):
    ev = event(title, text)
    if isinstance(want, tuple):  # the scorer's rule for a labelled range (evaluate_real.participants_ok)
        a, b = want
        assert ev.participants is not None and ev.participants_low <= b and ev.participants_high >= a \
            and a / 1.5 <= ev.participants <= b * 1.5
    else:
        assert ev.participants is not None and ev.participants_low <= want <= ev.participants_high


@pytest.mark.parametrize("title,text,population", NOT_THE_CROWD)
def test_a_population_is_not_the_crowd(title, text, population):
    assert event(title, text).participants != population


def test_guards_keep_their_reading():
    # the object pronoun is one person; a possessive in the singular is one person too
    assert event("Митинг", R + "Его задержали полицейские.").detained == 1
    assert event("Митинг", R + "Полиция задержала его организатора.").detained == 1
    # "группа из восьми активистов" is a group, no "N из M"
    ev = event("Акция", "В четверг в Астане группа из восьми активистов провела акцию у посольства.")
    assert ev.participants != 0
    # the Kazakh decimal range was read before the round and still is
    ev = event("Алматыда митинг", "Алматыда митингке 1,5-2 мың адам қатысты.")
    assert ev.participants_low <= 2000 and ev.participants_high >= 1500
    # "4 из 16 участников" keeps the whole of those at the assembly
    assert event("Пикет", R + "Полиция задержала 4 из 16 участников пикета.").participants == 16

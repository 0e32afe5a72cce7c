"""Session 27's re-run of every hand batch (scripts/mutants_common.BATCHES): the mutants of older media batches that
lived because a newer rule now also catches their test sentence, so the old test no longer depends on the mutated code.
Each test below reads the mutated piece of code directly (a sentence only that branch reads, or the reason a monitor
sees) and was checked by hand to fail on its mutant and pass on the code.

- s22, assets/media/triage_cues.py KK_EVENT_RE «өткізген» dropped: s22's «шеру өткізген 30-ға жуық саудагер әкімдікке
  келді» is since session 24 also a crowd at a seat of power; a march held with no seat of power near
  («... рұқсатсыз шеру өткізген.») is an assembly only by «өткізген», and the monitor's reason is "kk form+verb".
- s22, assets/media/participants.py TITLE_ACTION_RE without «жұмысты тоқтат», «жұмысқа шықпа», «прекратил/остановил
  работу»: s22's headline-only strike («Ақтөбеде 160-қа жуық құрылысшы жұмысты тоқтатты» over a body with no event)
  is since session 25 the anchor itself (a headline that alone tells the event), so its count no longer goes through the
  headline's verbs; a body that tells the gathering with no figure leaves the headline's figure to that branch.
- s22, assets/media/forms.py `after` (the sentence right after the event's) → []: session 25's `near` (the lead's next
  three sentences) also reads it when the event sentence is among the first three; an event told in the fourth
  sentence of the body has its placards only in `after`.
- s24media2, assets/media/event_city.py `(s is anchor or not place_hits(s.text))` → True: a headline that places the
  gathering in a town («В Жанаозене жители вышли к областному акимату Мангистауской области») keeps the town when the
  event sentence names no place (session 25's convention; its test's headline was the event sentence itself, where
  the guard is not reached).
"""
from __future__ import annotations

import pytest

from assets.media import triage
from tests.media.first_event import event


# ---- s22: «өткізген» in KK_EVENT_RE

@pytest.mark.parametrize("title, body", [
    ("Жаңалықтар", "Кеше Таразда 30-ға жуық саудагер рұқсатсыз шеру өткізген."),
    ("Жаңалықтар", "Кеше Шымкентте тұрғындар митинг өткізген."),
])
def test_a_kazakh_march_told_as_held_with_otkizgen_is_an_assembly(title, body):
    res = triage.classify(title, body, None)
    assert res.is_assembly
    assert any("kk form+verb" in r for r in res.reasons)


def test_the_monitor_reads_kk_form_verb_for_s22s_traders_at_the_akimat():
    res = triage.classify("Саудагерлер", "Бүгін рұқсатсыз шеру өткізген 30-ға жуық саудагер әкімдікке келді.", None)
    assert res.is_assembly
    assert res.reasons[0].startswith("sentence 1: kk form+verb, crowd at a seat of power")


# ---- s22: the work stoppage's verbs in participants.TITLE_ACTION_RE

@pytest.mark.parametrize("title, body, counts", [
    ("Ақтөбеде 160-қа жуық құрылысшы жұмысты тоқтатты", "Бүгін құрылысшылар әкімдік алдына жиналып, жалақы талап етті.",
     (144, 160, 176)),
    ("Ақтөбеде 160-қа жуық құрылысшы жұмысқа шықпады", "Бүгін құрылысшылар әкімдік алдына жиналып, жалақы талап етті.",
     (144, 160, 176)),
    ("В Актобе 160 строителей прекратили работу",
     "Утром строители собрались у акимата и потребовали выплатить зарплату.", (160, 160, 160)),
    ("160 строителей остановили работу",
     "Утром строители в Актобе собрались у акимата и потребовали выплатить зарплату.", (160, 160, 160)),
])
def test_a_headlines_figure_of_workers_who_stopped_work_counts_when_the_body_gives_none(title, body, counts):
    ev = event(title, body, published=None)
    assert (ev.participants_low, ev.participants, ev.participants_high) == counts
    assert ev.evidence["participants"] == title


# ---- s22: forms.fill_form's `after`, the sentence right after a late event sentence

@pytest.mark.parametrize("title, body, evidence", [
    ("Тұрғындар шықты",
     "Шағынауданда үш жылдан бері үй салынып жатыр. Құрылыс түнде де тоқтамайды. Тұрғындар әкімдікке бірнеше рет "
     "шағымданған. Бүгін тұрғындар наразылық білдіру үшін көшеге шықты. Олар плакат көтеріп, құрылыс алаңына келді.",
     "Олар плакат көтеріп, құрылыс алаңына келді."),
    ("Стройка в микрорайоне",
     "В микрорайоне третий год строят жилой комплекс. Стройка не затихает даже ночью. Жители несколько раз жаловались в "
     "акимат. Сегодня жители вышли на улицу в знак протеста. Они держали плакаты с требованием остановить стройку.",
     "Они держали плакаты с требованием остановить стройку."),
])
def test_placards_right_after_an_event_told_in_the_fourth_sentence_make_a_picket(title, body, evidence):
    ev = event(title, body, published=None)
    assert ev.form == "picket"
    assert ev.evidence["form"] == evidence


# ---- s24media2: event_city's guard on the region's seat read in the headline

def test_a_headline_that_places_the_gathering_in_a_town_keeps_it_over_the_regional_akimats_seat():
    ev = event("В Жанаозене жители вышли к областному акимату Мангистауской области",
               "Около ста жителей собрались с плакатами, требуя работы.")
    assert ev.city == "zhanaozen"


def test_residents_of_a_town_named_only_as_residents_at_the_regional_akimat_are_at_the_seat():
    # (the guard's other side, unchanged by the mutant: no place hit in the headline, the region's seat)
    ev = event("Жители Жанаозена у областного акимата Мангистауской области",
               "Около ста жителей собрались с плакатами, требуя работы.")
    assert ev.city == "aktau"

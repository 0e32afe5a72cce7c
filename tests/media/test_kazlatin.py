"""Kazakh in Latin letters (three spellings in use) is read back in Cyrillic, so that triage finds the
assemblies it reports and the reports from abroad it names; other text is left alone. Sentences written
by hand."""
from __future__ import annotations

import datetime as dt

import pytest

from assets.media import extract, kazlatin, triage


@pytest.mark.parametrize("latin,cyrillic,kind", [
    ("Janaózende júzdegen adam alańǵa jınalyp, gaz baǵasyn túsirýdi talap etti.",
     "Жанаөзенде жүздеген адам алаңға жиналып, газ бағасын түсіруді талап етті.", "acute"),
    ("Bügin Oralda bir top ana äkimdik aldında narazılıq jiının ötkizdi, olar baspana surap şıqtı.",
     "Бүгін Оралда бір топ ана әкімдік алдында наразылық жиынын өткізді, олар баспана сурап шықты.", "breve"),  # жиын: і before ы is и
    ("Reseide myŋdaǧan adam narazylyq aksiiasyna şyqty, ūiymdastyruşylar mitingıde söz söiledı.",
     "Ресейде мыңдаған адам наразылық акциясына шықты, ұйымдастырушылар митингіде сөз сөйледі.", "old"),
])
def test_each_spelling_reads_back(latin, cyrillic, kind):
    assert kazlatin.scheme(latin) == kind
    assert kazlatin.to_cyrillic(latin) == cyrillic


@pytest.mark.parametrize("text", [
    "Hello, this is an English sentence about a rally in Almaty today.",
    "В Алматы прошел митинг против повышения цен на газ.",
    "Алматыда митинг өтті, оған 200 адам қатысты.",
    "Toqaev",  # too short to tell
])
def test_other_text_is_left_alone(text):
    assert kazlatin.to_cyrillic(text) == text


def test_triage_and_extract_read_kazakh_latin():
    pub = dt.date(2024, 5, 20)
    title, text = ("Jańaózende narazylar alańǵa jınaldy", "Búgin Jańaózende júzdegen adam alańǵa jınalyp, gaz "
                   "baǵasyn túsirýdi talap etti.")
    assert triage.classify(title, text, pub).is_assembly
    events = extract.extract(title, text, published=pub, force=True)
    assert events and events[0].city == "zhanaozen"
    # the same spelling reporting from Moscow is abroad
    assert not triage.classify("Máskeýde mıtıng ótti", "Búgin Máskeýde myńdaǵan adam mıtıngke shyǵyp, "
                               "bılikke narazylyq bildirdi.", pub).is_assembly

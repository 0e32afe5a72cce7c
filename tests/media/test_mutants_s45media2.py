"""Session 45, the second media batch of the mutation run (docs/testing.md, "Session 45 — a second media batch"):
each test kills a survivor of `scripts/mutate.py --area media` in assets/media/detentions.py, detention_counts.py,
reason_words.py, review_columns.py or counts.py; every expected value is worked out by hand from the input."""
from __future__ import annotations

from assets.media import review_columns


def test_a_column_without_its_own_width_is_narrow():
    assert review_columns.width("police_count") == review_columns.NARROW == 14
    assert review_columns.width("evidence") == 70


# --- assets/media/detention_counts.py ---------------------------------------------------------------------------------

from assets.media.detentions import fill_detentions  # noqa: E402
from assets.media.event import Event  # noqa: E402
from assets.media.text import Sentence  # noqa: E402
from tests.media.first_event import detained, detained_after_gathering  # noqa: E402


def test_two_persons_joined_by_i_are_two_detained():
    # "мужчину" (one person, not a name) and "женщину" joined by "и": 1 + 1 (kills :73 `not` dropped, :82 + 2, :82 "fewer")
    assert detained_after_gathering("Полиция задержала мужчину и женщину.") == 2
    assert detained_after_gathering("Полиция задержала студентку и журналиста.") == 2


# --- assets/media/detentions.py ---------------------------------------------------------------------------------------

def _detained(city, *texts, title=None):
    """fill_detentions called directly: an undated event in `city`, the sentences searched in this order."""
    ev = Event()
    ev.city = city
    sents, at = [], 0
    for i, t in enumerate(texts):
        sents.append(Sentence(i, t, at, 0))
        at += len(t) + 1
    fill_detentions(ev, sents, title=None if title is None else Sentence(len(texts), title, at, 0))
    return ev.detained


def test_an_undated_article_counts_the_detained_told_after_its_lead():
    # no date at all: the second sentence is not set apart from the lead (:72 `dated_apart` dropped skips it)
    assert _detained("kokshetau", "В Кокшетау у акимата прошёл митинг против тарифов.", "Полиция задержала 5 человек.") == 5


def test_a_capitalised_verb_of_detaining_is_read():
    # the sentence's own capitals: "Задержаны", "ЗАДЕРЖАНЫ" read as "задержаны" (:80 `.lower()` dropped)
    assert detained("Митинг в Кокшетау", "В Кокшетау у акимата прошёл митинг против тарифов. ЗАДЕРЖАНЫ 5 человек.", None) == 5


def test_a_city_figure_wins_over_the_nationwide_total_when_the_event_has_no_city():
    # no city of the event: the nationwide 80 is a fallback, the 6 told without "other cities" is the figure (:109)
    title = "Акции протеста в Казахстане"
    text = ("В субботу в нескольких городах Казахстана прошли несанкционированные митинги. Полиция задержала 6 человек. "
            "Всего в разных городах задержаны 80 человек.")
    assert detained(title, text) == 6

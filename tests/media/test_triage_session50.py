"""Triage classes of session 50, found in the misses of the holdout's opened half A and written as phrasing families
with sentences of the engineer's own (each case marked "new" fails on the rules before them; the others are traps that
keep the classes from widening):

- a holding dated by a part of a year or a month, not a day ("В начале года ... вышли на митинги", "в середине июня ...
  перекрыли трассу", Kazakh "жыл басында"): the story's history (assets/media/triage_time.py `vague_period`), unless the
  month is that of publication or the one before, or the sentence names a day or the present.
"""
from __future__ import annotations

import datetime as dt

import pytest

from assets.media import triage


def _assembly(title: str, body: str, published: dt.date | None = None) -> bool:
    return triage.classify(title, body, published).is_assembly


@pytest.mark.parametrize("title, body, published", [
    ("День траура в стране",  # new
     "Над зданиями приспущены флаги. В начале года жители нескольких городов вышли на несанкционированные митинги, "
     "протестуя против цен на топливо.", None),
    ("Ответ министерства",  # new
     "В конце апреля жители поселка вышли на пикет у акимата против закрытия школы. Министерство ответило им только сейчас.",
     dt.date(2023, 7, 10)),
    ("Мечеть так и не открыли",  # new (in the sentence's relative clause)
     "Сельчане, которые в середине июня, протестуя против закрытия мечети, перекрыли трассу, до сих пор ждут ответа.", None),
    ("Итоги",  # new
     "В начале этого года рабочие рудника объявили забастовку, требуя повысить зарплату.", dt.date(2023, 9, 1)),
    ("Газ бағасы", "Жыл басында Жаңаөзен тұрғындары алаңға шығып, митинг өткізді.", None),  # new
    ("Мешіт",  # new
     "Маусымның ортасында ауыл тұрғындары мешіттің жабылуына қарсы трассаны жауып тастады.", dt.date(2023, 9, 1)),
])
def test_a_part_of_a_year_or_a_month_is_another_time(title, body, published):
    assert not _assembly(title, body, published)


@pytest.mark.parametrize("title, body, published", [
    ("Митинг в Актобе", "В начале дня жители вышли на митинг у акимата, требуя снизить цены на газ.", None),
    ("Забастовка на руднике", "В середине июня рабочие вышли на забастовку у проходной рудника, требуя повысить зарплату.",
     dt.date(2023, 6, 20)),
    ("Трасса перекрыта", "В конце прошлой недели жители перекрыли трассу, протестуя против закрытия моста.", None),
    ("Снова на площади", "В начале года, 4 января, жители вышли на митинг на центральной площади.", None),
    ("Голодовка продолжается", "Сейчас, в конце мая, матери продолжают голодовку у здания акимата.", None),
])
def test_a_holding_of_this_time_stays_an_assembly(title, body, published):
    assert _assembly(title, body, published)

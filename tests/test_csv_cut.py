"""A CSV picked up while it was still being copied or saved: it ends without a line end in a row shorter than the
header. It used to be read with the last card's missing cells as empty (a red-team probe: card 2017-PRB-11 loaded
with no notes, without a word); it is refused whole, saying so (assets/ingest/readers.py `_csv_cut`)."""
from __future__ import annotations

from pathlib import Path

import pytest

from assets.ingest import readers

HEAD = "card_id,date,city,participants,notes\n2017-X-1,2017-05-01,Алматы,5,тихо\n"


@pytest.mark.parametrize("fast", [True, False])
def test_a_file_cut_in_its_last_row_is_refused_saying_so(fast):
    raw = (HEAD + "2017-X-2,2017-05-02,Алматы").encode("utf-8")
    out = readers.read_file(Path("cards.csv"), raw=raw, fast=fast)
    assert out.problem is not None and out.problem.startswith("the file ends in the middle of a row")
    assert "line 3" in out.problem and "has 3 cells but the header has 5" in out.problem
    assert out.records == []


@pytest.mark.parametrize("tail, sep", [("2017-X-2,2017-05-02,Алматы\n", ","),  # a short row with its line end
                                        ("2017-X-2,2017-05-02,Алматы,7,шумно", ","),  # whole, no final line end
                                        ('2017-X-2,2017-05-02,"Алматы', ",")])  # a quote: not judged here
def test_what_is_not_a_cut_file_is_left_to_the_readers(tail, sep):
    out = readers.read_file(Path("cards.csv"), raw=(HEAD + tail).encode("utf-8"))
    assert out.problem is None or "ends in the middle of a row" not in out.problem


def test_a_cut_windows_file_with_semicolons_in_cp1251():
    head = HEAD.replace("тихо", "пикет у здания акимата прошёл тихо, полиция наблюдала").replace(",", ";")
    raw = head.replace("\n", "\r\n").encode("cp1251") + "2017-X-2;2017-05-02".encode("cp1251")
    out = readers.read_file(Path("cards.csv"), raw=raw)
    assert out.problem is not None and "has 2 cells but the header has 5" in out.problem

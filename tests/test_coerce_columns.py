"""Issue 15: columns.coerce_columns types every cell as coerce.coerce_value (the record-by-record
reference that words the reasons) types it alone: the same typed value and the same problem, for
any mix of cells, across calls that share the answers' cache (a period typed file by file: values
answered in an earlier call, values new in a later one), with and without the control-character
search (`controls=False` is only given for values proven free of them, as fastcsv.Table.controls)."""
from __future__ import annotations

import polars as pl
from hypothesis import HealthCheck, given, settings, strategies as st

from assets.core.limits import limits
from assets.validate import columns
from assets.validate.coerce import coerce_value
from schemas.card import spec
from tests.conftest import examples

PIECES = ["0", "1", "7", "12", "007", "1 000", "10,0", "-3", "+7", "٣", "999999999999999999999", "2000000", " ", "\u00a0",
          "", "2017-05-03", "03.05.2017", "2017-02-30", "15:00", "9:05", "25:00", "да", "нет", "Нет ", "true", "x",
          "Алматы", "almaty", "Москва", "prevented", "picket", "Пикет", "RALLY", "placards;flags", "Плакаты, Флаги", "bad;flags",
          "http://a.kz/1", "https://b.kz/2; http://c.kz", " https://x.kz/a ", "ftp://x", "a\x7fb", "\u0090", "\t", ";"]


def _cells(controls: bool):
    piece = st.sampled_from(PIECES if controls else [p for p in PIECES if "\x7f" not in p and "\u0090" not in p])
    return st.one_of(st.none(), st.lists(piece, min_size=1, max_size=3).map("".join))


@st.composite
def files_of_cells(draw):
    kind = draw(st.sampled_from(["card", "person"]))
    controls = draw(st.booleans())
    names = list(spec().fields(kind))
    chosen = draw(st.lists(st.sampled_from(names), min_size=1, max_size=8, unique=True))
    files = []
    for _ in range(draw(st.integers(1, 3))):  # calls sharing one cache
        n = draw(st.integers(0, 12))
        files.append({c: draw(st.lists(_cells(controls), min_size=n, max_size=n)) for c in chosen})
    return kind, controls, files


@settings(max_examples=examples(150, 2000), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files_of_cells())
def test_each_cell_typed_as_coerce_value_types_it(case):
    kind, controls, files = case
    fields = spec().fields(kind)
    lim = limits()
    cache: dict = {}
    offset = 0
    for cells in files:
        n = len(next(iter(cells.values())))
        raw = pl.DataFrame({**cells, "_i": list(range(offset, offset + n))},
                           schema={**{c: pl.Utf8 for c in cells}, "_i": pl.Int64})
        typed, problems = columns.coerce_columns(kind, raw, cache, controls=controls)
        assert typed.columns == [*fields, "_i"] and typed["_i"].to_list() == raw["_i"].to_list()
        got = {(i, k): p for i, k, p in problems}
        assert len(got) == len(problems)  # one problem at most per cell
        for row, i in enumerate(raw["_i"]):
            answer = {name: coerce_value(f, cells[name][row] if name in cells else None, lim) for name, f in fields.items()}
            values = {name: v for name, (v, _) in answer.items()}
            if kind == "card":  # the defaults, as validate_period_by_record sets them
                for name in ("participants_low", "participants_high"):
                    if values[name] is None:
                        values[name] = typed["participants"][row]
                columns.fill_counts(values, {name for name, (_, p) in answer.items() if p is not None})
            for pos, name in enumerate(fields):
                assert typed[name][row] == values[name], (name, cells.get(name, [None] * n)[row])
                assert got.get((i, pos)) == answer[name][1], (name, cells.get(name, [None] * n)[row])
        offset += n


def test_values_new_in_a_later_file_past_256_answers():
    """A count's answers grow file by file past 256 values (the Enum's codes widen from 8 to 16 bits): the
    rows of values new in a later file are placed among them without disturbing the rows known already."""
    lim = limits()
    f = spec().fields("card")["participants"]
    cache: dict = {}
    first = [str(v) for v in range(200)] + ["x", None]
    later = [str(v) for v in range(150, 600)] + ["y", "x", None, "12"]
    for k, cells in enumerate((first, later)):
        raw = pl.DataFrame({"participants": cells, "_i": list(range(len(cells)))},
                           schema={"participants": pl.Utf8, "_i": pl.Int64})
        typed, problems = columns.coerce_columns("card", raw, cache)
        want = [coerce_value(f, v, lim) for v in cells]
        assert typed["participants"].to_list() == [v for v, _ in want], k
        pos = list(spec().fields("card")).index("participants")
        assert sorted((i, p) for i, n, p in problems if n == pos) == sorted((i, p) for i, (_, p) in enumerate(want) if p), k
    assert len(cache[("card", "participants")].known) > 256

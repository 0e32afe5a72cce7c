"""A period without a police control index (no unsanctioned assembly: the index is not defined) was drawn as a point at
0,00 on the line of the index by year, and a report whose only period had none showed a chart of one point at 0
(a reader's probe of an odd inbox). Missing is not zero: a gap in the line, no point; no chart when no period has a
value. Hand-made figures; no pipeline run."""
from __future__ import annotations

import math

from assets.report import charts


def test_a_missing_value_is_a_gap_not_a_point_at_zero():
    charts.by_period_bars.__wrapped__(["2016", "2017", "2018"], [0.14, 0.32, None], [True, False, False],
                                      ylabel="Police control index", legend=("from cards", "published"), decimals=2,
                                      lang="en", line=True)
    ax = charts.LAST_LAYOUT._fig.axes[0]
    ys = list(ax.lines[0].get_ydata())
    assert ys[:2] == [0.14, 0.32] and math.isnan(ys[2])
    points = ax.collections[0].get_offsets().tolist()
    assert points == [[0.0, 0.14], [1.0, 0.32]]


def test_no_police_chart_when_no_period_has_an_index(tmp_path, monkeypatch):
    from assets.report import chart_fragments
    from assets.report.period_view import PeriodView
    from tests.test_report_sentences_values import _data

    monkeypatch.setenv("MONITOR_BUILD", str(tmp_path))

    class Ctx:
        files: dict = {}
        fragments: dict = {}

    for figs, drawn in (({"2019": {("15", "total", "police_control_index"): None, ("2", "total", "count"): 6.0}}, False),
                        ({"2019": {("15", "total", "police_control_index"): 0.2, ("2", "total", "count"): 6.0}}, True)):
        ctx = Ctx()
        ctx.files, ctx.fragments = {}, {}
        with charts.drawing(("html",)):
            chart_fragments.add_charts(PeriodView(_data(figs, ["2019"]), "2019", "en"), ctx)
        assert bool(ctx.fragments["chart_police"]) is drawn, figs

"""The report's charts: static images drawn with matplotlib (Agg) from the warehouse's figures, so that
HTML, PDF and DOCX show the same picture. Each chart is written twice into the staged `_generated/`:
SVG (HTML and PDF; text drawn as paths, so no font is needed to view it) and PNG (DOCX); only SVG when
the report is rendered without DOCX (MONITOR_REPORT_FORMATS=html,pdf: `drawing`).

Fonts: DejaVu Sans from report/fonts/ (Cyrillic). Output is deterministic (no dates, fixed hash salt),
so an unchanged warehouse gives unchanged files."""
from __future__ import annotations

import contextlib
import contextvars
import functools
import hashlib
import io
import os
import threading
from functools import lru_cache
from pathlib import Path

from core import settings

BLUE = "#2b6cb0"
LIGHT = "#90b4de"
COLORS = {"political": "#c0392b", "economic": "#e6a23c", "social": "#2b6cb0"}
PNG_DPI = 150
EXTS = ("svg", "png")
# The files a chart is drawn as, here and now: both (the default), or only SVG where no DOCX is being
# rendered (drawing(...), set by assets/report/refresh.py from the formats asked for): the PNG is DOCX's.
_EXTS: contextvars.ContextVar[tuple[str, ...]] = contextvars.ContextVar("chart_exts", default=EXTS)


@contextlib.contextmanager
def drawing(formats):
    """Charts drawn in this context are written only as the files the report `formats` use: SVG for
    HTML and PDF, PNG for DOCX (both when DOCX is among them)."""
    exts = EXTS if "docx" in formats else ("svg",)
    token = _EXTS.set(exts)
    try:
        yield exts
    finally:
        _EXTS.reset(token)


@lru_cache(maxsize=1)
def _plt():
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager
    import matplotlib.pyplot as plt

    for f in sorted((settings.report_src_dir() / "fonts").glob("*.ttf")):
        font_manager.fontManager.addfont(str(f))
    matplotlib.rcParams.update({
        "font.family": "DejaVu Sans", "font.size": 10, "svg.fonttype": "path", "svg.hashsalt": "assembly-monitor",
        "axes.spines.top": False, "axes.spines.right": False, "axes.titleweight": "bold", "axes.titlesize": 11,
    })
    return plt


def cached(fn):
    """Charts depend only on their figures: a chart already drawn from the same figures (and the same
    chart code) is read from build/report_cache/charts/ instead of drawn again, so re-rendering after a
    narrative edit does not redraw anything."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        code = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
        key = hashlib.sha256(repr((fn.__name__, args, sorted(kwargs.items()), code)).encode()).hexdigest()[:32]
        folder = settings.build_dir() / "report_cache" / "charts"
        paths = {ext: folder / f"{key}.{ext}" for ext in _EXTS.get()}
        if all(p.exists() for p in paths.values()):
            return {ext: p.read_bytes() for ext, p in paths.items()}
        out = fn(*args, **kwargs)
        folder.mkdir(parents=True, exist_ok=True)
        for ext, data in out.items():
            tmp = paths[ext].with_name(f"{paths[ext].name}.{os.getpid()}.{threading.get_ident()}.tmp")  # its own: two
            # renders sharing the build folder (two periods at once) never write one file
            tmp.write_bytes(data)
            tmp.replace(paths[ext])
        return out
    return wrapper


class _LastLayout(dict):
    """What the last chart drawn looked like (for tests): overlaps, legend handles. Measured only when
    read (drawing the figure once more costs as much as saving it: a tenth of the report's charts'
    time), from the last figure, kept for that."""

    def __init__(self):
        super().__init__()
        self._fig = None

    def keep(self, fig) -> None:
        self.clear()
        self._fig = fig

    def _measure(self) -> None:
        if self._fig is not None:
            from matplotlib.backends.backend_agg import FigureCanvasAgg

            fig, self._fig = self._fig, None
            FigureCanvasAgg(fig)  # the closed figure's canvas again, as pyplot (Agg) drew it
            self.update(layout(fig))

    def __getitem__(self, key):
        self._measure()
        return super().__getitem__(key)

    def __contains__(self, key):
        self._measure()
        return super().__contains__(key)

    def __iter__(self):
        self._measure()
        return super().__iter__()

    def __len__(self):
        self._measure()
        return super().__len__()

    def get(self, key, default=None):
        self._measure()
        return super().get(key, default)

    def items(self):
        self._measure()
        return super().items()

    def keys(self):
        self._measure()
        return super().keys()

    def values(self):
        self._measure()
        return super().values()


LAST_LAYOUT = _LastLayout()


def layout(fig) -> dict:
    """The drawn chart's texts: pairs of texts (value labels, tick labels, legend entries) whose boxes
    overlap, value labels that run into the legend, the legend's handles, and the points cut by their axes."""
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    texts = []
    for ax in fig.axes:
        texts += [("label", t) for t in ax.texts if t.get_text()]
        texts += [("xtick", t) for t in ax.get_xticklabels() if t.get_text() and t.get_visible()]
        texts += [("ytick", t) for t in ax.get_yticklabels() if t.get_text() and t.get_visible()]
        leg = ax.get_legend()
        if leg is not None:
            texts += [("legend", t) for t in leg.get_texts()]
    boxes = [(kind, t.get_text(), t.get_window_extent(r)) for kind, t in texts]
    overlaps = []
    for i, (ka, ta, a) in enumerate(boxes):
        for kb, tb, b in boxes[i + 1:]:
            if {ka, kb} == {"xtick", "ytick"} or ka == kb == "ytick":  # the two axes meet at the corner
                continue
            if ka == kb == "xtick" and texts[i][1].get_rotation() and _slanted_apart(texts[i][1], a, b):
                continue  # slanted labels: their boxes overlap, the texts lie side by side
            if a.overlaps(b) and min(a.x1, b.x1) - max(a.x0, b.x0) > 1 and min(a.y1, b.y1) - max(a.y0, b.y0) > 1:
                overlaps.append((ta, tb))
    # a label printed inside a bar (white on the bar's colour) wider than its bar is cut off where it leaves it
    bars = [p.get_window_extent(r) for ax in fig.axes for p in ax.patches]
    for ax in fig.axes:
        for t in ax.texts:
            if t.get_gid() == "in-bar":
                b = t.get_window_extent(r)
                cx, cy = (b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2
                bar = next((p for p in bars if p.x0 <= cx <= p.x1 and p.y0 <= cy <= p.y1), None)
                if bar is None or b.x0 < bar.x0 - 0.5 or b.x1 > bar.x1 + 0.5:
                    overlaps.append((t.get_text(), "its bar"))
    # a point (marker) that reaches past its axes where the axes clip it is cut: a value of 0 on the floor of the plot,
    # drawn as half a dot
    clipped = []
    for ax in fig.axes:
        box = ax.get_window_extent(r)
        for coll in ax.collections:
            if not coll.get_clip_on() or not len(coll.get_offsets()):
                continue
            radius = (max(coll.get_sizes()) ** 0.5) / 2 * fig.dpi / 72
            for x, y in coll.get_offset_transform().transform(coll.get_offsets()):
                if x - radius < box.x0 - 0.5 or x + radius > box.x1 + 0.5 or y - radius < box.y0 - 0.5 or y + radius > box.y1 + 0.5:
                    clipped.append((round(float(x)), round(float(y))))
    handles = []
    for ax in fig.axes:
        leg = ax.get_legend()
        if leg is not None:
            legend_box = leg.get_window_extent(r)
            overlaps += [(t, "legend") for kind, t, b in boxes if kind == "label" and b.overlaps(legend_box)]
            handles += [type(h).__name__ for h in leg.legend_handles]
    return {"overlaps": overlaps, "legend_handles": handles, "clipped": clipped}


def _slanted_apart(t, a, b) -> bool:
    """Two parallel slanted texts (boxes a, b in pixels) are clear of each other when the distance between their
    lines, across their direction, exceeds the type's height."""
    import math

    dx = abs((a.x0 + a.x1) / 2 - (b.x0 + b.x1) / 2)
    height_px = t.get_fontsize() * t.figure.dpi / 72
    return dx * math.sin(math.radians(t.get_rotation())) > 1.1 * height_px


def _save(fig) -> dict[str, bytes]:
    plt = _plt()
    out = {}
    exts = _EXTS.get()
    for ext, kw in (("svg", {"metadata": {"Date": None}}), ("png", {"dpi": PNG_DPI, "metadata": {"Software": None}})):
        if ext not in exts:
            continue
        buf = io.BytesIO()
        fig.savefig(buf, format=ext, bbox_inches="tight", **kw)
        out[ext] = buf.getvalue()
    plt.close(fig)
    LAST_LAYOUT.keep(fig)  # measured when a test reads it, after the files are written
    return out


def _num(x: float, decimals: int, lang: str) -> str:
    s = f"{x:.{decimals}f}"
    return s.replace(".", ",") if lang == "ru" else s


def _period_tick(p: str) -> str:
    return p.replace("-", "–\n") if "-" in p else p


# More periods than this do not sit side by side under the bars (calendar years are added every year): their
# labels are slanted on one line, the value labels smaller and the bars wider.
_MANY_PERIODS = 9
_AXES_WIDTH_PT = 7.2 * 72 * 0.775  # the plot's width: figsize 7.2 in, matplotlib's default margins


def _period_axis(ax, periods: list[str]) -> None:
    xs = list(range(len(periods)))
    if len(periods) > _MANY_PERIODS:
        ax.set_xticks(xs, [p.replace("-", "–") for p in periods], rotation=45, ha="right", rotation_mode="anchor",
                      fontsize=8)
    else:
        ax.set_xticks(xs, [_period_tick(p) for p in periods])


def _legend_y(n: int, y: float) -> float:
    """The legend's top under the plot: lower under slanted period labels."""
    return y if n <= _MANY_PERIODS else y - 0.1


def _bar_width(n: int) -> float:
    return 0.62 if n <= _MANY_PERIODS else 0.8


def _fitting_size(text: str, n: int, size: float) -> float:
    """A value label's type size, at most `size`, at which it is no wider than a bar of n periods (a DejaVu
    digit is 0.64 em wide, % 0.95 em)."""
    bar_pt = _AXES_WIDTH_PT / (max(n, 1) + 0.5) * _bar_width(n)
    ems = sum(0.95 if c == "%" else 0.64 for c in text) or 1
    return min(size, max(4.5, 0.9 * bar_pt / ems))


@cached
def by_period_bars(periods: list[str], values: list[float | None], published: list[bool], *, ylabel: str,
                   legend: tuple[str, str] | None, decimals: int, lang: str, line: bool = False) -> dict[str, bytes]:
    """One bar per period (published periods lighter), the value printed on each bar."""
    plt = _plt()
    fig, ax = plt.subplots(figsize=(7.2, 3.4))
    xs = list(range(len(periods)))
    vals = [v if v is not None else 0 for v in values]
    colors = [LIGHT if p else BLUE for p in published]
    if line:  # a period without a value is a gap in the line and no point (not a point at 0: missing is not zero)
        ax.plot(xs, [v if v is not None else float("nan") for v in values], color=BLUE, linewidth=2, zorder=2)
        known = [i for i, v in enumerate(values) if v is not None]
        ax.scatter([xs[i] for i in known], [vals[i] for i in known], c=[colors[i] for i in known], s=60, zorder=3,
                   edgecolors=BLUE, clip_on=False)  # a point at 0 sits on the floor of the plot: drawn whole, never half
    else:
        ax.bar(xs, vals, color=colors, width=_bar_width(len(xs)), zorder=2)
    top = max(vals) if vals else 1
    texts = [_num(v, decimals, lang) for v in vals]
    # labels too wide for their bars even in small type stand upright above them, with room made for them
    size = min((_fitting_size(t, len(xs), 9) for t in texts), default=9)
    upright = size < 6.5
    headroom = 1.18 if not upright else 1 / (1 - (max(map(len, texts)) * 0.64 * 8 + 14) / (3.4 * 72 * 0.77))
    for x, v, raw, text in zip(xs, vals, values, texts):
        if raw is not None:
            # above the bar, or above the point clear of the line (white box)
            ax.annotate(text, (x, v), xytext=(0, 9 if line else 4), textcoords="offset points",
                        ha="center", va="bottom" if upright else "baseline", rotation=90 if upright else 0,
                        fontsize=8 if upright else size, zorder=4,
                        bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.9) if line else None)
    _period_axis(ax, periods)
    ax.set_ylim(0, (top or 1) * headroom)
    ax.set_ylabel(ylabel)
    ax.yaxis.set_major_formatter(lambda y, _: _num(y, 0 if decimals == 0 else 2, lang))
    ax.yaxis.grid(True, color="#e2e8f0", zorder=0)
    if line:
        # a line chart's legend shows the line (and, where periods differ, the two kinds of point)
        from matplotlib.lines import Line2D

        handles = [Line2D([], [], color=BLUE, linewidth=2, label=ylabel)]
        if legend and any(published) and not all(published):
            handles += [Line2D([], [], color=BLUE, marker="o", markerfacecolor=c, linestyle="none", markersize=7, label=lab)
                        for c, lab in ((BLUE, legend[0]), (LIGHT, legend[1]))]
        ax.legend(handles=handles, frameon=False, loc="upper center", bbox_to_anchor=(0.5, _legend_y(len(xs), -0.24)), ncol=len(handles),
                  fontsize=8)
    elif legend and any(published) and not all(published):
        from matplotlib.patches import Patch

        ax.legend(handles=[Patch(color=BLUE, label=legend[0]), Patch(color=LIGHT, label=legend[1])], frameon=False,
                  loc="upper center", bbox_to_anchor=(0.5, _legend_y(len(xs), -0.24)), ncol=2, fontsize=8)
    return _save(fig)


@cached
def stacked_shares(periods: list[str], shares: dict[str, list[float | None]], labels: dict[str, str],
                   lang: str, ylabel: str) -> dict[str, bytes]:
    """100% stacked bars: one bar per period, one segment per category."""
    plt = _plt()
    fig, ax = plt.subplots(figsize=(7.2, 3.6))
    xs = list(range(len(periods)))
    bottom = [0.0] * len(periods)
    # one type size for every value label, the largest at which each fits its bar
    size = min([_fitting_size(_num(v, 0, lang) + "%", len(xs), 8) for vals in shares.values() for v in vals if (v or 0) >= 6],
               default=8)
    for key, vals in shares.items():
        vals = [v or 0 for v in vals]
        ax.bar(xs, vals, bottom=bottom, color=COLORS.get(key, BLUE), width=_bar_width(len(xs)), label=labels[key],
               zorder=2)
        for x, v, b in zip(xs, vals, bottom):
            if v >= 6:  # inside its segment (layout() checks that it stays within the bar)
                ax.text(x, b + v / 2, _num(v, 0, lang) + "%", ha="center", va="center", color="white", gid="in-bar",
                        fontsize=size)
        bottom = [b + v for b, v in zip(bottom, vals)]
    _period_axis(ax, periods)
    ax.set_ylim(0, 100)
    ax.set_ylabel(ylabel)
    ax.legend(frameon=False, loc="upper center", bbox_to_anchor=(0.5, _legend_y(len(xs), -0.22)), ncol=len(shares), fontsize=9)
    return _save(fig)


@cached
def ranked(labels: list[str], values: list[float], shares: list[str | None], lang: str, xlabel: str) -> dict[str, bytes]:
    """Horizontal bars, largest first, 'n (share)' at each bar's end: the share as its table shows it ('8%')."""
    plt = _plt()
    height = 0.9 + 0.32 * max(len(labels), 1)
    fig, ax = plt.subplots(figsize=(7.2, height))
    ys = list(range(len(labels)))[::-1]
    ax.barh(ys, values, color=BLUE, height=0.62, zorder=2)
    for y, v, s in zip(ys, values, shares):
        text = _num(v, 0, lang) + (f" ({s})" if s is not None else "")
        ax.annotate(text, (v, y), xytext=(4, 0), textcoords="offset points", va="center", fontsize=9)
    ax.set_yticks(ys, labels)
    ax.set_xlim(0, (max(values) if values else 1) * 1.25)
    ax.set_xlabel(xlabel)
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.xaxis.grid(True, color="#e2e8f0", zorder=0)
    return _save(fig)

"""Charts of growth and targets: what a chart shows (`Chart`), and that chart as plain SVG.

`growth_chart` and `targets_chart` decide what is drawn, from the same `GrowthRow` and `Check`
objects the tables print; `svg` draws it. The terminal chart of `csplan growth` draws the same
`Chart` with the same scale (`span`). The SVG is self-contained (no scripts, no fonts or images
fetched), keeps every name as text in a CJK font-family list, and is the same bytes for the same
store, so a chart kept beside a document can be checked against a new one with `cmp`.

This module never imports Typer or Rich.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from .model import Store
from .compare import Row as CompareRow
from .targets import Check, GrowthRow, trim, dec, summary

FONT_FAMILY = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', SimHei, sans-serif"
WIDTH = 860

# series: (fill, stroke) — before: the year before the target's, target: the plan, after: the
# target year's own actual
COLOURS = {"before": ("#64748b", "#64748b"), "target": ("#dbeafe", "#2563eb"), "after": ("#ea580c", "#ea580c")}
# outcome: (text, background)
OUTCOME_COLOURS = {"met": ("#166534", "#dcfce7"), "missed": ("#991b1b", "#fee2e2"),
                   "pending": ("#4b5563", "#f3f4f6"), "manual": ("#6b21a8", "#f3e8ff")}
INK, MUTED, GRID, ZERO = "#111827", "#6b7280", "#e5e7eb", "#374151"


@dataclass
class Bar:
    series: str  # "before", "target" or "after" (COLOURS)
    value: Decimal | None
    text: str  # the label at the bar's end: "+5.8%", "157 家"
    estimate: bool = False  # the report gave the figure as an estimate (预计)


@dataclass
class Group:
    """One indicator's bars, with the outcome of its target (met, missed, pending, manual, or None)."""

    name: str
    bars: list[Bar]
    outcome: str | None = None
    target: Decimal | None = None  # a level target, drawn as a marker on the group's own scale
    target_text: str = ""


@dataclass
class Panel:
    """Groups on one scale (`shared`, an axis in `unit`), or each group on its own scale from zero."""

    heading: str
    groups: list[Group]
    shared: bool = True
    unit: str = "%"


@dataclass
class Chart:
    title: str
    subtitle: str
    legend: list[tuple[str, str]]  # (series, label); series "marker" is a level target's marker
    panels: list[Panel]
    notes: list[str] = field(default_factory=list)


# --- what is drawn ---------------------------------------------------------------------------


def _region_title(store: Store, regions: Sequence[str]) -> str:
    names = [store.regions[r].name if r in store.regions else r for r in dict.fromkeys(regions)]
    return "、".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")


def _source_note(store: Store, sources: Sequence[str | None]) -> str:
    said = []
    for sid in dict.fromkeys(s for s in sources if s):
        src = store.sources.get(sid)
        if src is None:
            continue
        who = src.issuer or src.title
        said.append(f"{who} ({src.date})" if src.date else who)
    return "Source: " + "; ".join(said) if said else ""


def _estimates(figures, year: str) -> str:
    """A word on figures the report gave as estimates (预计), which a reader should know."""
    statuses = [f.status for f in figures if f is not None]
    if "estimate" not in statuses:
        return ""
    return f"; {'the' if set(statuses) == {'estimate'} else 'some'} {year} figures are estimates (预计)"


def _years_text(years: set[int]) -> str:
    return str(next(iter(years))) if len(years) == 1 else "/".join(map(str, sorted(years)))


def growth_chart(store: Store, rows: Sequence[GrowthRow]) -> Chart:
    """Each indicator's actual growth of Y−1, its growth target for Y and, once recorded, Y's
    actual growth, on one axis through zero; the outcome of the target beside them."""
    from .vocab import signed_text, target_text

    before = _years_text({r.actual_year for r in rows})
    target = _years_text({r.target_year for r in rows})
    groups = []
    for r in rows:
        bars = [Bar("before", r.actual_growth, _pct(signed_text(r.actual_growth)) or "no growth printed",
                    _is_estimate(r.actual)),
                Bar("target", r.target_growth, target_text("growth", None, None, r.target.growth, r.target.qualifier)
                    if r.target else "no growth target")]
        if r.result_growth is not None:
            bars.append(Bar("after", r.result_growth, _pct(signed_text(r.result_growth)),
                            _is_estimate(r.check.actual if r.check else None)))
        groups.append(Group(r.indicator.name + (f" · {r.region}" if len({x.region for x in rows}) > 1 else ""),
                            bars, r.outcome))
    legend = [("before", f"{before} actual"), ("target", f"{target} target")]
    if any(r.result_growth is not None for r in rows):
        legend.append(("after", f"{target} actual"))
    sources = [f.source for r in rows for f in (r.actual, r.target) if f is not None]
    return Chart(f"{_region_title(store, [r.region for r in rows])} · growth: {before} actual vs {target} target",
                 "Growth on the year before, %" + _estimates([r.actual for r in rows], before), legend,
                 [Panel("", groups)],
                 [_source_note(store, sources)])


def compare_chart(store: Store, indicator, year: int, rows: Sequence[CompareRow]) -> Chart:
    """One indicator's growth across regions (`csplan compare`): each region's growth target for
    `year` and, once recorded, the year's actual growth, on one axis through zero, the largest
    target first; the outcome beside them. Level rows are left to the table."""
    from .vocab import signed_text, target_text

    groups = []
    for r in rows:
        if r.metric != "growth":
            continue
        t = r.target
        bars = [Bar("target", dec(t.growth) if t else None,
                    target_text("growth", None, None, t.growth, t.qualifier) if t else "no target")]
        if r.actual is not None and r.actual.growth is not None:
            bars.append(Bar("after", dec(r.actual.growth), _pct(signed_text(dec(r.actual.growth))),
                            _is_estimate(r.actual)))
        groups.append(Group(r.region.name, bars, r.check.outcome if r.check else None))
    sources = [f.source for r in rows for f in (r.target, r.actual) if f is not None]
    return Chart(f"{indicator.name} · {year}: growth by region",
                 "Growth on the year before, %" + _estimates([r.actual for r in rows], str(year)),
                 [("target", f"{year} target"), ("after", f"{year} actual")], [Panel("", groups)],
                 [_source_note(store, sources)])


def _is_estimate(figure) -> bool:
    return figure is not None and figure.status == "estimate"


def _pct(text: str) -> str:
    return f"{text}%" if text else ""


def targets_chart(store: Store, year: int, checks: Sequence[Check]) -> Chart:
    """A year's targets: growth targets on one axis beside the growth before them and the year's
    actual growth; level targets (and rates) each on its own scale, the target a marker between
    the level before and the year's actual; every target's outcome marked. Ranks and tasks are
    named in a note."""
    from .vocab import signed_text

    counts = summary(list(checks))
    growth, levels, rest = [], [], []
    for c in checks:
        name = c.indicator.name + (f" · {c.target.region}" if len({x.target.region for x in checks}) > 1 else "")
        if c.kind == "growth":
            bars = [Bar("before", c.baseline_growth, _pct(signed_text(c.baseline_growth)) or "no growth printed"),
                    Bar("target", dec(c.target.growth), _said(c))]
            if c.actual_growth is not None:
                bars.append(Bar("after", c.actual_growth, _pct(signed_text(c.actual_growth))))
            growth.append(Group(name, bars, c.outcome))
        elif c.kind in ("level", "rate"):
            levels.append(_level_group(c, name))
        else:
            rest.append(f"{name} {_said(c)} ({c.outcome})")
    panels = []
    if growth:
        panels.append(Panel("Growth targets, %", growth))
    if levels:
        panels.append(Panel("Level targets, each row on its own scale from zero", levels, shared=False))
    drawn = {b.series for p in panels for g in p.groups for b in g.bars if b.value is not None}
    legend = [("before", f"{year - 1} actual")] if "before" in drawn else []
    legend += [("target", f"{year} target")] if growth else []
    legend += [("marker", f"{year} level target" if growth else f"{year} target")] if levels else []
    legend += [("after", f"{year} actual")] if "after" in drawn else []
    notes = [f"Not drawn: {'; '.join(rest)}"] if rest else []
    notes.append(_source_note(store, [c.target.source for c in checks]))
    subtitle = f"{len(checks)} targets: " + " · ".join(f"{n} {o}" for o, n in counts.items()) + _estimates(
        [c.baseline for c in checks], str(year - 1))
    return Chart(f"{_region_title(store, [c.target.region for c in checks])} · {year} targets", subtitle, legend,
                 panels, notes)


def _said(c: Check) -> str:
    from .vocab import target_text

    t = c.target
    return target_text(t.metric, t.value, t.unit, t.growth, t.qualifier)


def _level_group(c: Check, name: str) -> Group:
    """Bars only for levels in the target's unit: one that does not convert (项 vs 个) is named, not drawn."""
    from .vocab import amount_text

    from .vocab import describe

    unit = c.target.unit
    bars = []
    for series, value, in_unit, figure in (("before", c.baseline_value, c.baseline_unit, c.baseline),
                                           ("after", c.actual_value, c.actual_unit, c.actual)):
        if value is None or figure is None:
            continue
        as_printed = figure.metric == "value" and figure.unit == in_unit  # keeps the 超 of 超 165 亿元
        said = describe("value", figure.value, figure.unit, None, figure.qualifier) if as_printed \
            else amount_text(value, in_unit)
        bars.append(Bar(series, value if in_unit == unit else None, f"{figure.year}: {said}"))
    return Group(name, bars, c.outcome, dec(c.target.value), _said(c))


# --- scales ----------------------------------------------------------------------------------


def span(values: Sequence[Decimal | None]) -> tuple[Decimal, Decimal]:
    """The range every bar of a chart is drawn on: the values and zero, never empty."""
    numbers = [v for v in values if v is not None]
    lo, hi = min([Decimal(0), *numbers]), max([Decimal(0), *numbers])
    return (lo, hi) if hi > lo else (lo, lo + 1)


def ticks(lo: Decimal, hi: Decimal, most: int = 7) -> list[Decimal]:
    """Round tick values (steps of 1, 2, 2.5 or 5 × 10^k) covering lo..hi, zero among them."""
    size = hi - lo
    power = Decimal(1).scaleb((size / most).adjusted())  # 10^k just below size / most
    step = next(power * m for m in (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5), Decimal(10))
                if size / (power * m) <= most)
    first = (lo / step).to_integral_value(rounding="ROUND_FLOOR") * step
    last = (hi / step).to_integral_value(rounding="ROUND_CEILING") * step
    count = int((last - first) / step)
    return [trim(first + n * step) for n in range(count + 1)]


# --- SVG -------------------------------------------------------------------------------------

MARGIN, OUTCOME_W, BAR_H, BAR_GAP, GROUP_GAP = 24, 70, 13, 3, 12
NAME_SIZE, LABEL_SIZE = 13, 11


def text_width(text: str, size: float) -> float:
    """About how wide `text` is drawn: a CJK character one em, other characters a bit over half."""
    return sum(size * (1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.58) for ch in text)


def _esc(text: str) -> str:
    """Text as SVG character data: control characters shown escaped (XML cannot hold them), & < > " quoted."""
    from xml.sax.saxutils import escape

    from .records import escape_cell

    return escape(escape_cell(text), {'"': "&quot;"})


def _n(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


class _Canvas:
    def __init__(self) -> None:
        self.parts: list[str] = []

    def rect(self, x: float, y: float, w: float, h: float, fill: str, stroke: str | None = None, rx: float = 0) -> None:
        extra = f' stroke="{stroke}" stroke-width="1.2"' if stroke and stroke != fill else ""
        extra += f' rx="{_n(rx)}"' if rx else ""
        self.parts.append(f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(max(w, 0))}" height="{_n(h)}" '
                          f'fill="{fill}"{extra}/>')

    def line(self, x1: float, y1: float, x2: float, y2: float, stroke: str, width: float = 1) -> None:
        self.parts.append(f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" stroke="{stroke}" '
                          f'stroke-width="{_n(width)}"/>')

    def text(self, x: float, y: float, text: str, size: float = NAME_SIZE, fill: str = INK, anchor: str = "start",
             weight: str = "", halo: bool = False) -> None:
        extra = f' text-anchor="{anchor}"' if anchor != "start" else ""
        extra += f' font-weight="{weight}"' if weight else ""
        extra += ' stroke="#ffffff" stroke-width="3" paint-order="stroke"' if halo else ""
        self.parts.append(f'<text x="{_n(x)}" y="{_n(y)}" font-size="{_n(size)}" fill="{fill}"{extra}>'
                          f"{_esc(text)}</text>")


def _wrap(text: str, width: float, size: float) -> list[str]:
    """`text` cut into lines of at most `width`, at spaces, or anywhere in CJK text."""
    lines, line = [], ""
    for ch in text:
        if text_width(line + ch, size) > width and line:
            cut = line.rfind(" ")
            if cut > len(line) // 2:
                lines.append(line[:cut])
                line = line[cut + 1:]
            else:
                lines.append(line)
                line = ""
        line += ch
    return lines + [line] if line else lines


def svg(chart: Chart) -> str:
    """The chart as a self-contained SVG document with its width, height and viewBox set."""
    c = _Canvas()
    c.text(MARGIN, 34, chart.title, 19, weight="bold")
    c.text(MARGIN, 56, chart.subtitle, 13, MUTED)
    y = _legend(c, chart.legend, 80)
    names = [g.name for p in chart.panels for g in p.groups]
    label_w = min(max([text_width(n, NAME_SIZE) for n in names], default=0) + 14, WIDTH * 0.3)
    for panel in chart.panels:
        if panel.heading:
            c.text(MARGIN, y + 14, panel.heading, 13, INK, weight="bold")
            y += 26
        y = (_shared_panel if panel.shared else _own_scale_panel)(c, panel, y + 6, label_w) + 10
    for note in chart.notes:
        for line in _wrap(note, WIDTH - 2 * MARGIN, LABEL_SIZE):
            c.text(MARGIN, y + 12, line, LABEL_SIZE, MUTED)
            y += 16
    height = round(y + MARGIN)
    title = _esc(chart.title)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
            f'viewBox="0 0 {WIDTH} {height}" font-family="{FONT_FAMILY}" role="img">\n'
            f"<title>{title}</title>\n"
            f'<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>\n' + "\n".join(c.parts) + "\n</svg>\n")


def _legend(c: _Canvas, legend: list[tuple[str, str]], y: float) -> float:
    x: float = MARGIN
    for series, label in legend:
        if series == "marker":
            c.line(x + 5, y - 11, x + 5, y + 3, COLOURS["target"][1], 2.5)
        else:
            fill, stroke = COLOURS[series]
            c.rect(x, y - 10, 14, 11, fill, stroke)
        c.text(x + 20, y, label, 12, INK)
        x += 20 + text_width(label, 12) + 22
    return y + 12


def _name(c: _Canvas, name: str, top: float, height: float, label_w: float) -> None:
    lines = _wrap(name, label_w - 14, NAME_SIZE)
    first = top + height / 2 + 4.5 - (len(lines) - 1) * 8
    for n, line in enumerate(lines):
        c.text(MARGIN + label_w - 14, first + n * 16, line, NAME_SIZE, INK, "end")


def _outcome(c: _Canvas, outcome: str | None, middle: float) -> None:
    if outcome is None:
        return
    ink, background = OUTCOME_COLOURS[outcome]
    x = WIDTH - MARGIN - OUTCOME_W + 6
    c.rect(x, middle - 10, OUTCOME_W - 6, 19, background, rx=9.5)
    c.text(x + (OUTCOME_W - 6) / 2, middle + 4, outcome, LABEL_SIZE, ink, "middle", weight="bold")


def _bar(c: _Canvas, bar: Bar, at, y: float, height: float, left: float, right: float, clear: float = 0) -> None:
    """One bar from zero, its label beyond its end and beyond `clear` (a marker it must not cross),
    or at zero, in grey, when it has no number."""
    zero = at(Decimal(0))
    if bar.value is None:
        c.text(max(zero, clear) + 5, y + height - 2, bar.text, LABEL_SIZE, MUTED, halo=True)
        return
    end = at(bar.value)
    fill, stroke = COLOURS[bar.series]
    c.rect(min(zero, end), y, abs(end - zero), height, fill, stroke)
    width = text_width(bar.text, LABEL_SIZE)
    if bar.value < 0 and end - width - 5 >= left:
        c.text(end - 5, y + height - 2, bar.text, LABEL_SIZE, INK, "end", halo=True)
    elif max(end, clear) + width + 5 <= right:
        c.text(max(end, clear) + 5, y + height - 2, bar.text, LABEL_SIZE, INK, halo=True)
    else:
        c.text(end - 5, y + height - 2, bar.text, LABEL_SIZE, INK, "end", halo=True)


def _shared_panel(c: _Canvas, panel: Panel, top: float, label_w: float) -> float:
    """Groups of bars on one axis, its ticks below, with a grid and the zero line."""
    values = [b.value for g in panel.groups for b in g.bars]
    marks = ticks(*span(values))
    room = max(text_width(b.text, LABEL_SIZE) for g in panel.groups for b in g.bars) + 10
    left = MARGIN + label_w
    right = WIDTH - MARGIN - OUTCOME_W
    x0 = left + (room if marks[0] < 0 else 0)
    x1 = right - (room if marks[-1] > 0 else 0)
    lo, hi = marks[0], marks[-1]

    def at(v: Decimal) -> float:
        return x0 + float((v - lo) / (hi - lo)) * (x1 - x0)

    heights = [len(g.bars) * (BAR_H + BAR_GAP) - BAR_GAP for g in panel.groups]
    bottom = top + sum(heights) + GROUP_GAP * len(heights)
    for m in marks:
        c.line(at(m), top, at(m), bottom, GRID)
    c.line(at(Decimal(0)), top - 2, at(Decimal(0)), bottom, ZERO, 1.5)
    y = top + GROUP_GAP / 2
    for g, h in zip(panel.groups, heights, strict=True):
        _name(c, g.name, y, h, label_w)
        for n, bar in enumerate(g.bars):
            _bar(c, bar, at, y + n * (BAR_H + BAR_GAP), BAR_H, left, right)
        _outcome(c, g.outcome, y + h / 2)
        y += h + GROUP_GAP
    from .vocab import amount_text

    for m in marks:
        c.text(at(m), bottom + 15, amount_text(m, panel.unit if m == marks[-1] else None), LABEL_SIZE, MUTED,
               "middle")
    return bottom + 20


def _own_scale_panel(c: _Canvas, panel: Panel, top: float, label_w: float) -> float:
    """One group a row, each on its own scale from zero: its bars, and its target as a marker."""
    left, right = MARGIN + label_w, WIDTH - MARGIN - OUTCOME_W
    room = max([text_width(b.text, LABEL_SIZE) for g in panel.groups for b in g.bars] + [0]) + 10
    y = top
    for g in panel.groups:
        h = 16 + max(len(g.bars), 1) * (BAR_H + BAR_GAP) - BAR_GAP
        lo, hi = span([b.value for b in g.bars] + [g.target])
        x0 = left + (room if lo < 0 else 0)
        x1 = right - room

        def at(v: Decimal, lo=lo, hi=hi, x0=x0, x1=x1) -> float:
            return x0 + float((v - lo) / (hi - lo)) * (x1 - x0)

        c.line(left, y - 4, right, y - 4, GRID)
        _name(c, g.name, y + 8, h - 8, label_w)
        c.line(at(Decimal(0)), y + 14, at(Decimal(0)), y + h + 2, ZERO, 1.5)
        marker = at(g.target) if g.target is not None else 0
        for n, bar in enumerate(g.bars):
            _bar(c, bar, at, y + 16 + n * (BAR_H + BAR_GAP), BAR_H, left, right, marker)
        if g.target is not None:
            x = marker
            c.line(x, y + 2, x, y + h + 3, COLOURS["target"][1], 2.5)
            if x + 4 + text_width(g.target_text, LABEL_SIZE) <= right:
                c.text(x + 4, y + 11, g.target_text, LABEL_SIZE, COLOURS["target"][1], weight="bold")
            else:
                c.text(x - 4, y + 11, g.target_text, LABEL_SIZE, COLOURS["target"][1], "end", weight="bold")
        _outcome(c, g.outcome, y + 8 + (h - 8) / 2)
        y += h + GROUP_GAP + 4
    return y

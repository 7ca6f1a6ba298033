"""Commands of csplan that check targets and compare growth (see targets.py)."""

from pathlib import Path
from typing import Annotated, Optional

import typer

from .common import (AsOfOpt, Format, FormatOpt, RegionOpt, SafeCsvOpt, WideOpt, _as_of, _region, app,
                  complete_indicator, complete_year, fail, load, note)
from .usage import amount, new_file, year as year_value

ToleranceOpt = Annotated[
    float,
    typer.Option("--tolerance", "-t", metavar="N", parser=amount,
                 help="Allowance of 左右 (about) and 近 (nearly) targets: percentage points for growth "
                      "and rate targets, percent of the target for level targets."),
]


SvgOpt = Annotated[
    Optional[Path],
    typer.Option("--svg", metavar="FILE", parser=new_file,
                 help="Also draw the chart into FILE, an SVG image for a document (replaced if it exists)."),
]


@app.command()
def targets(
    ctx: typer.Context,
    year: Annotated[int, typer.Argument(help="The year the targets are for.", parser=year_value, metavar="YEAR",
                                        autocompletion=complete_year, show_default=False)],
    region: RegionOpt = None,
    tolerance: ToleranceOpt = 0.5,
    check: Annotated[bool, typer.Option("--check", help="Exit 1 if any target was missed, else 0.")] = False,
    as_of: AsOfOpt = None,
    all_regions: Annotated[bool, typer.Option(
        "--all-regions", help="One line per region: how many of its targets were met, missed, pending.")] = False,
    svg: SvgOpt = None,
    fmt: FormatOpt = Format.table,
    safe_csv: SafeCsvOpt = False,
    wide: WideOpt = False,
) -> None:
    """Check every target of YEAR against what the year achieved.

    Each target with its baseline, the level it implies, the actual, the outcome (met, missed,
    pending, manual) and the margin (positive = better than the target).

    \b
    Examples:
      csplan targets 2025
      csplan targets 2025 --format json | jq '.[] | select(.outcome == "missed")'
      csplan targets 2025 --tolerance 0.3 --check && echo "none missed"
      csplan targets 2025 --svg targets-2025.svg
      csplan targets 2025 --all-regions
    """
    from decimal import Decimal

    from ..targets import check_year, summary, summary_text

    store = load(ctx)
    tol = Decimal(repr(tolerance))
    checks = check_year(store, year, region=_region(store, region), tolerance=tol, as_of=_as_of(as_of))
    if svg is not None:
        from ..chart import targets_chart

        _save_svg(targets_chart(store, year, checks), svg)
    if all_regions:
        _regions_summary(store, year, checks, fmt, safe_csv, wide)
    elif fmt is not Format.table:
        from ..records import KEYS
        from ..render import write_records
        from ..targets import EXTRA_KEYS

        write_records([c.record(store) for c in checks], fmt.value, KEYS + EXTRA_KEYS, safe=safe_csv)
        for c in checks:
            if c.outcome == "manual" and c.target.metric != "task":
                note(f"{c.target.indicator} {c.target.year} {c.target.region}: manual: {c.reason}")
        note(summary_text(checks, tol))
    else:
        _targets_table(store, year, checks, tol, wide)
    if check and summary(checks)["missed"]:
        raise typer.Exit(1)


def _regions_summary(store, year: int, checks, fmt: Format, safe_csv: bool, wide: bool) -> None:
    from ..compare import REGION_KEYS, by_region

    recs = by_region(store, checks)
    if fmt is not Format.table:
        from ..render import write_records

        write_records(recs, fmt.value, REGION_KEYS, safe=safe_csv)
        return
    from ..render import Table, print_blocks

    t = Table(["region", "name", "level", "targets", "met", "missed", "pending", "manual"],
              title=f"{year} targets by region", right=("targets", "met", "missed", "pending", "manual"),
              shrink=("name",), drop=("level", "name"))
    for r in recs:
        t.add(r["region"], r["region_name"], r["level"] or "", r["targets"], r["met"], r["missed"], r["pending"],
              r["manual"], style="missed" if r["missed"] else None)
    print_blocks(t, wide=wide)


def _targets_table(store, year: int, checks, tol, wide: bool = False) -> None:
    from ..render import Table, print_blocks
    from ..targets import summary_text
    from ..vocab import amount_text, describe, signed_text, target_text

    regions = sorted({c.target.region for c in checks})
    title = f"{year} targets" + (f" · {store.regions[regions[0]].name}" if len(regions) == 1 else "")
    headers = ["indicator", "name"] + (["region"] if len(regions) > 1 else []) + [
        "target", "baseline", "implied", "actual", "outcome", "margin", "note"]
    t = Table(headers, title=title, right=("margin",), below=("note",), shrink=("name",),
              drop=("baseline", "name", "margin", "region", "actual", "implied"))
    for c in checks:
        f = c.target
        baseline = ""
        if c.baseline is not None:
            if c.kind in ("rank", "task"):
                b = c.baseline
                baseline = describe(b.metric, b.value, b.unit, b.growth, b.qualifier)
            else:
                b = c.baseline
                as_printed = b.metric == "value" and c.baseline_unit == b.unit  # keeps 超/约 of the figure
                level = (describe("value", b.value, b.unit, None, b.qualifier) if as_printed
                         else amount_text(c.baseline_value, c.baseline_unit))
                growth_text = signed_text(c.baseline_growth) + ("%" if c.baseline_growth is not None else "")
                baseline = ", ".join(x for x in (level, growth_text) if x)
            baseline = f"{c.baseline_year}: {baseline}"
        actual = ""
        if c.actual is not None:
            a = c.actual
            actual = describe(a.metric, a.value, a.unit, a.growth, a.qualifier)
            if a.metric == "value" and a.growth is not None:
                actual += f", {signed_text(c.actual_growth)}%"
        cells = [f.indicator, store.indicators[f.indicator].name] + ([f.region] if len(regions) > 1 else []) + [
            target_text(f.metric, f.value, f.unit, f.growth, f.qualifier), baseline,
            amount_text(c.implied_value, c.level_unit), actual, c.outcome,
            signed_text(c.margin, c.margin_unit), c.reason]
        t.add(*cells, styles={"outcome": c.outcome})
    print_blocks(t, summary_text(checks, tol), wide=wide)


@app.command()
def growth(
    ctx: typer.Context,
    queries: Annotated[
        Optional[list[str]],
        typer.Argument(help="Indicators (id, name, alias or a unique part); default: every indicator with "
                            "both an actual growth and a growth target.",
                       metavar="QUERY", autocompletion=complete_indicator, show_default=False),
    ] = None,
    year: Annotated[
        Optional[int],
        typer.Option("--year", "-y", metavar="YEAR", parser=year_value, autocompletion=complete_year,
                     help="The target year Y, compared with the actual growth of Y-1. [default: the latest]"),
    ] = None,
    region: RegionOpt = None,
    as_of: AsOfOpt = None,
    svg: SvgOpt = None,
    fmt: FormatOpt = Format.table,
    safe_csv: SafeCsvOpt = False,
    wide: WideOpt = False,
) -> None:
    """Compare each actual growth with the next year's growth target.

    Beside each: the change in percentage points, the level the target implies and the
    prior-year level the actual growth implies.

    \b
    Examples:
      csplan growth
      csplan growth gdp retail_sales --format csv
      csplan growth --svg growth.svg
    """
    from ..query import find_indicator
    from ..targets import GROWTH_KEYS, growth_rows

    store = load(ctx)
    ids = None
    if queries:
        ids = list(dict.fromkeys(find_indicator(store, q).id for q in queries))
    rows = growth_rows(store, ids, year=year, region=_region(store, region), as_of=_as_of(as_of))
    if not rows:
        when = f" for {year}" if year else ""
        fail(f"no actual growth and growth target to compare{when}; `csplan list --kind target` lists the targets")
    if svg is not None:
        from ..chart import growth_chart

        _save_svg(growth_chart(store, rows), svg)
    if fmt is not Format.table:
        from ..render import write_records

        write_records([r.record() for r in rows], fmt.value, GROWTH_KEYS, safe=safe_csv)
        return
    _growth_table(store, rows, wide)


def _growth_table(store, rows, wide: bool = False) -> None:
    from ..render import Table, console, is_terminal, print_blocks
    from ..vocab import amount_text, signed_text, target_text

    regions = len({r.region for r in rows}) > 1
    headers = ["indicator", "name"] + (["region"] if regions else []) + [
        "actual year", "value", "growth", "target year", "target", "change", "implied level",
        "implied prior level"]
    t = Table(headers, title="growth: actual vs target", right=("growth", "change"), shrink=("name",),
              drop=("implied prior level", "actual year", "target year", "implied level", "value", "name", "region"))
    for r in rows:
        tg = r.target
        cells = [r.indicator.id, r.indicator.name] + ([r.region] if regions else []) + [
            r.actual_year, amount_text(r.actual_value, r.unit),
            signed_text(r.actual_growth) + ("%" if r.actual_growth is not None else ""),
            r.target_year, target_text("growth", None, None, tg.growth, tg.qualifier) if tg else "",
            signed_text(r.change, "pp"), amount_text(r.implied_value, r.unit),
            amount_text(r.implied_prior_value, r.unit)]
        t.add(*cells)
    print_blocks(t, wide=wide)
    if is_terminal():
        from ..chart import growth_chart
        from ..render import PALETTE, legend, shows_colour

        con = console()
        lines, meanings = _chart(growth_chart(store, rows), con.width)
        if shows_colour(con):
            lines.append(legend([m for m in PALETTE if m in meanings]))
        for line in lines:
            con.print(line, no_wrap=True, overflow="ignore", crop=False)


def _chart(chart, columns: int):
    """The chart's bars for a terminal of `columns` cells, on the SVG's scale (chart.span): every
    label whole, the bars as wide as the rest leaves (at most 40 cells); a name gets a line of its
    own when the terminal is too narrow to hold it beside the bars. Returns its lines and the
    meanings of render.PALETTE they show in colour."""
    from rich.cells import cell_len
    from rich.text import Text

    from ..chart import span
    from ..render import PALETTE, safe

    def colour(b) -> str:
        """One colour per meaning, as in the tables: a target cyan, an estimate yellow, a fact none."""
        return PALETTE["target"][0] if b.series == "target" else PALETTE["estimate"][0] if b.estimate else ""

    labels = dict(chart.legend)
    groups = chart.panels[0].groups
    lo, hi = span([b.value for g in groups for b in g.bars])
    name_w = max(cell_len(safe(g.name)) for g in groups)
    which_w = max(cell_len(label) for label in labels.values())
    value_w = max(cell_len(b.text) for g in groups for b in g.bars)
    outcome_w = max([cell_len(g.outcome) + 1 for g in groups if g.outcome] + [0])
    rest = which_w + value_w + outcome_w + 3
    own_line = columns - name_w - 1 - rest < 10
    width = max(4, min(40, columns - rest - (0 if own_line else name_w + 1)))
    zero = round((0 - lo) / (hi - lo) * width)

    def bar(x, style: str) -> Text:
        n = max(1, round(abs(x) / (hi - lo) * width)) if x else 0
        text = Text(" " * (zero - n if x is not None and x < 0 else zero))
        if x is not None and x < 0:
            text.append("█" * n, style=style)
        text.append("│", style="dim")
        if x is not None and x > 0:
            text.append("█" * n, style=style)
        text.append(" " * (width + 2 - cell_len(text.plain)))
        return text

    def padded(text: str, cells: int) -> str:
        return text + " " * (cells - cell_len(text))

    lines = [Text(f"{chart.title} (%)", style="bold")]
    meanings = {"target"} | {"estimate" for g in groups for b in g.bars if b.estimate} | {
        g.outcome for g in groups if g.outcome}
    for g in groups:
        name = safe(g.name)
        if own_line:
            lines.append(Text(name))
        for n, b in enumerate(g.bars):
            line = Text("" if own_line else padded(name if n == 0 else "", name_w) + " ")
            label = labels.get(b.series, b.series)
            line.append(padded(label, which_w), style=colour(b))
            line.append(" ")
            line.append_text(bar(b.value, colour(b)))
            last = g.outcome is not None and n == len(g.bars) - 1
            line.append(padded(b.text, value_w) if last else b.text)
            if last:
                line.append(" " + g.outcome, style=PALETTE[g.outcome][0])
            line.rstrip()
            lines.append(line)
    return lines, meanings


def _save_svg(chart, path: Path) -> None:
    """The chart into `path`, whole or not at all (store.write_atomic); a path it cannot be
    written to is one line and exit 3."""
    from ..chart import svg
    from ..store import write_atomic

    try:
        write_atomic(path, svg(chart))
    except OSError as e:
        fail(f"{path}: cannot write the chart ({e.strerror or e})", 3)

"""`csplan compare`: one indicator across regions (see compare.py)."""

from typing import Annotated, Optional

import typer

from .common import (AsOfOpt, Format, FormatOpt, QueryArg, SafeCsvOpt, WideOpt, _as_of, _region, app, complete_kind,
                  complete_level, complete_region, complete_year, fail, load)
from .targets import SvgOpt, ToleranceOpt, _chart, _save_svg
from .usage import year as year_value


@app.command()
def compare(
    ctx: typer.Context,
    query: QueryArg,
    year: Annotated[int, typer.Option("--year", "-y", metavar="YEAR", parser=year_value, autocompletion=complete_year,
                                      help="The year the targets and actuals are for.", show_default=False)],
    kind: Annotated[Optional[str], typer.Option(
        "--kind", "-k", metavar="KIND", autocompletion=complete_kind,
        help="Only regions with a target (target) or with an actual (actual). [default: either]")] = None,
    level: Annotated[Optional[str], typer.Option(
        "--level", "-l", metavar="LEVEL", autocompletion=complete_level,
        help="Only regions of this level: nation, province, city, county or district.")] = None,
    within: Annotated[Optional[str], typer.Option(
        "--within", "-w", metavar="REGION", autocompletion=complete_region,
        help="Only this region (id or name) and the regions below it.")] = None,
    vs_parent: Annotated[bool, typer.Option(
        "--vs-parent", help="Add each target's excess over its parent region's target for the same year (加码): "
                            "percentage points for growth and rates, else in the target's unit.")] = False,
    tolerance: ToleranceOpt = 0.5,
    as_of: AsOfOpt = None,
    svg: SvgOpt = None,
    fmt: FormatOpt = Format.table,
    safe_csv: SafeCsvOpt = False,
    wide: WideOpt = False,
) -> None:
    """Compare one indicator across regions, side by side.

    Each region's target and actual for YEAR: growth targets first, then levels, each from the
    largest target down; the outcome and margin as `csplan targets` judges them.

    \b
    Examples:
      csplan compare gdp --year 2025 --kind target
      csplan compare gdp --year 2025 --within anhui --vs-parent
      csplan compare gdp --year 2025 --level city --format csv
    """
    from decimal import Decimal

    from ..compare import KEYS, compare as compare_rows
    from ..model import LEVELS
    from ..query import find_indicator

    if kind is not None and kind not in ("target", "actual"):
        fail(f"Invalid value for '--kind': {kind!r}; use one of: target, actual", 2)
    if level is not None and level not in LEVELS:
        fail(f"Invalid value for '--level': {level!r}; use one of: {', '.join(LEVELS)}", 2)
    store = load(ctx)
    ind = find_indicator(store, query)
    rows = compare_rows(store, ind.id, year, kind=kind, level=level, inside=_region(store, within),
                        vs_parent=vs_parent, as_of=_as_of(as_of), tolerance=Decimal(repr(tolerance)))
    if svg is not None:
        from ..chart import compare_chart

        _save_svg(compare_chart(store, ind, year, rows), svg)
    if fmt is not Format.table:
        from ..render import write_records

        write_records([r.record(ind.id, year) for r in rows], fmt.value, KEYS, safe=safe_csv)
        return
    _table(store, ind, year, rows, vs_parent, wide)


def _table(store, ind, year: int, rows, vs_parent: bool, wide: bool) -> None:
    from ..render import Table, console, is_terminal, print_blocks
    from ..vocab import describe, signed_text, target_text

    headers = ["region", "name", "level", "parent", "target", "actual", "outcome", "margin"] + (
        ["vs parent"] if vs_parent else [])
    t = Table(headers, title=f"{ind.id} · {ind.name} · {year}", right=("margin", "vs parent"), shrink=("name",),
              drop=("parent", "level", "name", "margin"))
    for r in rows:
        tg, a, c = r.target, r.actual, r.check
        cells = [r.region.id, r.region.name, r.region.level or "", r.region.parent or "",
                 target_text(tg.metric, tg.value, tg.unit, tg.growth, tg.qualifier) if tg else "",
                 describe(a.metric, a.value, a.unit, a.growth, a.qualifier) if a else "",
                 c.outcome if c else "", signed_text(c.margin, c.margin_unit) if c else ""]
        if vs_parent:
            cells.append(signed_text(r.vs_parent, r.vs_parent_unit))
        t.add(*cells, styles={"outcome": c.outcome} if c else None)
    print_blocks(t, wide=wide)
    if is_terminal() and any(r.metric == "growth" for r in rows):
        from ..chart import compare_chart

        con = console()
        lines, _ = _chart(compare_chart(store, ind, year, rows), con.width)
        for line in lines:
            con.print(line, no_wrap=True, overflow="ignore", crop=False)

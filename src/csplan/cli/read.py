"""Commands that read a store: the overview, show, list, search, value, sources, store."""

import sys
from functools import partial
from typing import Annotated, Optional

import typer

from .common import (AsOfOpt, Format, FormatOpt, Kind, Field, QueryArg, RegionOpt, SafeCsvOpt, WideOpt, YearOpt, _as_of,
                  _region, app, complete_category, complete_year, emit_figures, fail, figure_cell, growth_cell, load,
                  meaning, note, status_cell, store_location)
from .usage import one_of, year as year_value

def overview(ctx: typer.Context, fmt: Format, safe_csv: bool = False, wide: bool = False) -> None:
    """The headline figures of the latest year, and the targets of the year after."""
    from ..query import headline

    store = load(ctx)
    view = headline(store)
    if fmt is not Format.table:
        emit_figures(store, view.actuals + view.targets, fmt, safe_csv=safe_csv)
        return
    from ..render import Table, print_blocks

    if view.region is None:
        note("the store holds no figures yet; add some with `csplan record` or `csplan import`")
        return
    region = store.regions[view.region]
    blocks: list = []
    if view.source:
        src = store.sources[view.source]
        blocks.append((f"{region.name} · {src.title}", "bold"))
        blocks.append(f"({src.date or ''} {src.issuer or ''})".replace("( ", "(").replace(" )", ")"))
    if view.actuals:
        t = Table(["indicator", "name", "figure", "growth", "status"], title=f"{view.actual_year} 主要指标",
                  right=("growth",), shrink=("name",), drop=("status", "name"))
        for f in view.actuals:
            t.add(f.indicator, store.indicators[f.indicator].name, figure_cell(f),
                  growth_cell(f.growth) if f.metric == "value" else "", status_cell(f),
                  style=meaning(f))
        blocks.append(t)
    if view.targets:
        t = Table(["indicator", "name", "target"], title=f"{view.target_year} 主要预期目标", shrink=("name",),
                  drop=("name",))
        for f in view.targets:
            t.add(f.indicator, store.indicators[f.indicator].name, figure_cell(f), style="target")
        blocks.append(t)
    hints = ["csplan show ID: one indicator with its quotes · csplan list: every figure"]
    if view.target_year:
        hints.append(f"csplan targets {view.target_year}: all {view.target_count} targets of {view.target_year}")
    blocks.append((" · ".join(hints), "dim"))
    print_blocks(*blocks, wide=wide)


@app.command()
def show(
    ctx: typer.Context,
    query: QueryArg,
    year: YearOpt = None,
    region: RegionOpt = None,
    as_of: AsOfOpt = None,
    history: Annotated[bool, typer.Option(
        "--history", help="Machine formats: also give superseded vintages (the table always lists them).")] = False,
    fmt: FormatOpt = Format.table,
    safe_csv: SafeCsvOpt = False,
    wide: WideOpt = False,
) -> None:
    """Show one indicator: every figure and target, with its quote.

    Its names and unit, then every figure and target with growth, qualifier, status, source and
    the sentence of the report it came from; how each target turned out, and the level it implies.

    \b
    Examples:
      csplan show gdp
      csplan show 地区生产总值 --format json
      csplan show 高新技术 --year 2025
    """
    from ..query import find_indicator, select

    store = load(ctx)
    ind = find_indicator(store, query)
    region_id, when = _region(store, region), _as_of(as_of)
    pick = partial(select, store, indicator=ind.id, year=year, region=region_id, as_of=when)
    figures = pick()
    if not figures:
        _no_figures(store, ind, region_id)
    if fmt is not Format.table:
        emit_figures(store, pick(history=True) if history else figures, fmt, safe_csv=safe_csv)
        return
    from ..render import print_blocks

    better = "越高越好 higher is better" if ind.better == "higher" else "越低越好 lower is better"
    title = f"{ind.name}  {ind.id}" + (f" · {ind.name_en}" if ind.name_en else "")
    lines: list[str | tuple[str, str]] = [(title, "bold")]
    facts = [f"unit {ind.unit}" if ind.unit else "", ind.category or "", better]
    lines.append(" · ".join(x for x in facts if x))
    if ind.aliases:
        lines.append("aliases: " + ", ".join(ind.aliases))
    print_blocks(*lines)
    every = pick(history=True)
    current = {id(f) for f in figures}
    emit_figures(store, every, fmt, quotes=True, name=False, wide=wide, after=_target_notes(store, ind, figures, when),
                 superseded=frozenset(id(f) for f in every if id(f) not in current))


def _no_figures(store, ind, region: str | None) -> None:
    """Exit 1 naming what the indicator does have, when the filters leave nothing."""
    from ..query import select

    years = sorted({f.year for f in select(store, indicator=ind.id, region=region)})
    if not years:
        fail(f"{ind.id} has no figures yet", 1)
    fail(f"{ind.id} has no figures for that selection; it has figures for {', '.join(map(str, years))}", 1)


def _target_notes(store, ind, figures, as_of: str | None = None) -> list:
    """Below `show`: how each target turned out and the level it implies (targets module)."""
    from ..targets import show_lines

    return show_lines(store, ind, figures, as_of)


@app.command("list")
def list_(
    ctx: typer.Context,
    year: YearOpt = None,
    kind: Annotated[Optional[Kind], typer.Option("--kind", "-k", metavar="KIND",
                                                 help=f"Only figures of this kind: {one_of(Kind)}.")] = None,
    category: Annotated[
        Optional[str],
        typer.Option("--category", "-c", help="Report section: headline, industry, reform, projects, livelihood …",
                     metavar="CATEGORY", autocompletion=complete_category),
    ] = None,
    region: RegionOpt = None,
    as_of: AsOfOpt = None,
    fmt: FormatOpt = Format.table,
    safe_csv: SafeCsvOpt = False,
    wide: WideOpt = False,
) -> None:
    """List the figures and targets, all or by year, kind or section.

    \b
    Examples:
      csplan list --year 2024
      csplan list --kind target --format csv
      csplan list --format csv --safe-csv > figures.csv    for a spreadsheet
      csplan list --category industry --format json | jq '.[].name'
    """
    from ..query import select

    store = load(ctx)
    if category is not None:
        category = _category(store, category)
    figures = select(store, year=year, kind=kind.value if kind else None, category=category,
                     region=_region(store, region), as_of=_as_of(as_of))
    emit_figures(store, figures, fmt, safe_csv=safe_csv, wide=wide)
    if not figures:
        if fmt is not Format.table:
            note("csplan: no figures match")
        raise typer.Exit(1)


def _category(store, category: str) -> str:
    """The category as stored (any letter case), or exit 1 with "did you mean"."""
    import difflib

    known = sorted({i.category for i in store.indicators.values() if i.category})
    for k in known:
        if category.casefold() == k.casefold():
            return k
    close = difflib.get_close_matches(category.casefold(), known, n=2, cutoff=0.5)
    hint = f"did you mean {' or '.join(close)}? " if close else ""
    fail(f"no category {category!r}; {hint}known categories: {', '.join(known) or 'none'}", 2, raise_=False)
    raise typer.Exit(2)


@app.command()
def search(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help="Text to look for, in any letter case.", metavar="TEXT",
                                        show_default=False)],
    fmt: FormatOpt = Format.table,
    safe_csv: SafeCsvOpt = False,
    wide: WideOpt = False,
) -> None:
    """Find the indicators that mention TEXT, and list their figures.

    TEXT is looked for in ids, names, aliases and quotes, in Chinese or English.

    \b
    Examples:
      csplan search 企业
      csplan search retail --format csv
      csplan search 全市第 --format json \\
          | jq -r '.[] | select(.metric == "rank") | .name'
    """
    from ..query import search as search_store, select

    if not text.strip():
        fail("empty search text; give a word to look for, e.g. csplan search 企业", 2)
    store = load(ctx)
    hits = search_store(store, text)
    if not hits:
        fail(f"nothing in the store mentions {text!r}", 1)
    wanted = {i.id for i in hits}
    emit_figures(store, [f for f in select(store) if f.indicator in wanted], fmt, safe_csv=safe_csv, wide=wide)


@app.command()
def value(
    ctx: typer.Context,
    query: QueryArg,
    year: Annotated[int, typer.Argument(help="The year the figure is about.", parser=year_value, metavar="YEAR",
                                        autocompletion=complete_year, show_default=False)],
    field: Annotated[Field, typer.Option(
        "--field", metavar="FIELD",
        help="Which number: value (the level, count or rank) or growth (%).")] = Field.value,
    kind: Annotated[Kind, typer.Option("--kind", "-k", metavar="KIND",
                                       help=f"Which figure: {one_of(Kind)}.")] = Kind.actual,
    region: RegionOpt = None,
    as_of: AsOfOpt = None,
) -> None:
    """Print one bare number, for scripts.

    The figure alone, for `gdp=$(csplan value gdp 2024)`; a year without it exits 1.

    \b
    Examples:
      csplan value gdp 2024                 1110
      csplan value gdp 2024 --field growth  5.8
      csplan value gdp 2025 --kind target --field growth
    """
    from ..query import find_indicator, select
    from ..vocab import number_text

    store = load(ctx)
    ind = find_indicator(store, query)
    figs = select(store, indicator=ind.id, year=year, kind=kind.value, region=_region(store, region),
                  as_of=_as_of(as_of))
    regions = sorted({f.region for f in figs})
    if len(regions) > 1:
        fail(f"{ind.id} {year} has figures for several regions ({', '.join(regions)}); choose one with --region", 1)
    attr = field.value
    order = ("value", "rank", "growth", "task") if attr == "value" else ("value", "growth")
    for metric in order:
        for f in figs:
            if f.metric == metric and getattr(f, attr) is not None:
                sys.stdout.write(number_text(getattr(f, attr)) + "\n")
                return
    if figs:
        other = "growth" if attr == "value" else "value"
        fail(f"{ind.id} {year} has no {attr} as {kind.value}; try --field {other}", 1)
    when = _as_of(as_of)
    years = sorted({f.year for f in select(store, indicator=ind.id, kind=kind.value, as_of=when)})
    have = f"; it has {kind.value}s for {', '.join(map(str, years))}" if years else ""
    known = f" as of {when}" if when else ""
    fail(f"no {kind.value} for {ind.id} in {year}{known}{have}", 1)


@app.command()
def sources(ctx: typer.Context, fmt: FormatOpt = Format.table, safe_csv: SafeCsvOpt = False,
            wide: WideOpt = False) -> None:
    """List the reports in the store, with how many figures each gave.

    \b
    Examples:
      csplan sources
      csplan sources --format json | jq -r '.[].title'
    """
    store = load(ctx)
    keys = ("id", "title", "date", "issuer", "meeting", "region", "figures")
    counts: dict[str, int] = {}
    for f in store.figures:
        counts[f.source] = counts.get(f.source, 0) + 1
    recs = [{"id": s.id, "title": s.title, "date": s.date, "issuer": s.issuer, "meeting": s.meeting,
             "region": s.region, "figures": counts.get(s.id, 0)} for s in store.sources.values()]
    if fmt is not Format.table:
        from ..render import write_records

        write_records(recs, fmt.value, keys, safe=safe_csv)
        return
    from ..render import Table, print_blocks

    t = Table(["id", "date", "region", "figures", "title"], right=("figures",), shrink=("title",), drop=("region",))
    for r in recs:
        t.add(r["id"], r["date"], r["region"], r["figures"], r["title"])
    print_blocks(t, wide=wide)


@app.command("store")
def store_(ctx: typer.Context, fmt: FormatOpt = Format.table, safe_csv: SafeCsvOpt = False) -> None:
    """Print the path of the store in use, and why it is the one.

    The store is --store, else $CSPLAN_STORE, else your own store if it exists, else the
    bundled store (read-only; the first change copies it to your store).

    \b
    Examples:
      csplan store
      cp "$(csplan store --format tsv | cut -f1 | tail -1)" backup.toml
    """
    from ..locate import user_store

    loc = store_location(ctx)
    rec = {"path": str(loc.path), "origin": loc.origin, "why": loc.why, "user_store": str(user_store())}
    if fmt is not Format.table:
        from ..render import write_records

        write_records([rec], fmt.value, tuple(rec), safe=safe_csv)
        return
    sys.stdout.write(f"{loc.path}\n")
    note(f"{loc.why}")

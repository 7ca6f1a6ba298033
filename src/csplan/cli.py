"""The command line: parses arguments, calls the library, picks a renderer.

Library modules are imported inside the commands, so that a command loads only what it uses
(`csplan value gdp 2024` never imports Rich). The cli modules do not use `from __future__ import
annotations`: Typer would evaluate every annotation string of every command on every call.
"""

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from typer.core import TyperGroup

from . import __version__


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    tsv = "tsv"
    markdown = "markdown"


class Kind(str, Enum):
    actual = "actual"
    target = "target"


class Field(str, Enum):
    value = "value"
    growth = "growth"


EXIT_CODES = """\b
Exit codes:
  0  success
  1  no answer: nothing matched, the query was ambiguous, or a check failed
  2  usage error: unknown command or option, bad option value
  3  data error: the store or an input file cannot be read, is invalid, or a write was refused
  4  internal error: a bug in csplan (CSPLAN_DEBUG=1 shows the traceback)
"""


class CsplanGroup(TyperGroup):
    """Turns the library's errors into one line on stderr and an exit code, never a traceback."""

    def parse_args(self, ctx, args):
        from .fastcli import quicken

        quicken(self.get_params(ctx))
        return super().parse_args(ctx, args)

    def get_command(self, ctx, name):
        from .fastcli import quicken

        cmd = super().get_command(ctx, name)
        if cmd is not None:
            quicken(cmd.get_params(ctx))
        return cmd

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        """Usage errors as one line too: `csplan: Missing argument 'QUERY' (see 'csplan show -h')`."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError

        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except NoArgsIsHelpError as e:
            e.show()
            sys.exit(e.exit_code)
        except UsageError as e:
            hint = f" (see '{e.ctx.command_path} -h')" if e.ctx is not None else ""
            fail(f"{e.format_message().rstrip('.')}{hint}", e.exit_code, raise_=False)
            sys.exit(e.exit_code)
        except ClickException as e:
            fail(e.format_message(), e.exit_code, raise_=False)
            sys.exit(e.exit_code)
        except typer.Abort:
            fail("aborted", 1, raise_=False)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx):
        from .model import CsplanError

        try:
            return super().invoke(ctx)
        except CsplanError as e:
            fail(str(e), e.exit_code)
        except KeyboardInterrupt:
            fail("interrupted", 130)
        except BrokenPipeError:
            _silence_stdout()
            raise typer.Exit(0)
        except (typer.Exit, typer.Abort):
            raise
        except OSError as e:
            fail(f"{e.filename}: {e.strerror or e}" if e.filename else f"{e.strerror or e}", 3)
        except Exception as e:
            from typer._click.exceptions import ClickException

            if isinstance(e, ClickException) or os.environ.get("CSPLAN_DEBUG"):
                raise
            fail(f"internal error ({type(e).__name__}: {e}); this is a bug in csplan: please report it "
                 "with the command you ran (CSPLAN_DEBUG=1 shows the traceback)", 4)


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def fail(message: str, code: int = 1, raise_: bool = True):
    """Print `csplan: message` on stderr (one line, control characters escaped); exit with `code`."""
    from .records import escape_cell

    sys.stderr.write(f"csplan: {escape_cell(message)}\n")
    if raise_:
        raise typer.Exit(code)


def note(message: str) -> None:
    """A message for the person, not data: stderr, one line, control characters escaped."""
    from .records import escape_cell

    sys.stderr.write(f"{escape_cell(message)}\n")


app = typer.Typer(
    cls=CsplanGroup,
    name="csplan",
    help=f"""Query the figures and targets of China's local development-plan reports.

\b
Examples:
  csplan                          overview: headline figures and next year's targets
  csplan show gdp                 one indicator, every figure with its quote
  csplan show 地区生产总值 --format json
  csplan list --year 2024 --format csv
  csplan search 企业              indicators whose names or quotes mention 企业
  csplan value gdp 2024           the bare number, for $(…) in scripts
  csplan targets 2025             the targets of 2025 and how they turned out

The store is data/indicators.toml unless --store or $CSPLAN_STORE names another.

{EXIT_CODES}""",
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    no_args_is_help=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"csplan {__version__}\n")
        raise typer.Exit(0)


@app.callback(invoke_without_command=True)
def main(
    ctx: typer.Context,
    store: Annotated[
        Optional[Path],
        typer.Option("--store", "-s", help="Store file to use. [env: CSPLAN_STORE; default: the bundled store]",
                     show_default=False),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", "-V", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format of the overview.")] = Format.table,
) -> None:
    if ctx.invoked_subcommand is None:
        overview(ctx, fmt)


# --- shared pieces --------------------------------------------------------------------------


def _store_option(ctx: typer.Context) -> Path | None:
    root = ctx.find_root()
    return root.params.get("store") if root.params else None


def load(ctx: typer.Context):
    from .store import load as load_store, store_path

    return load_store(store_path(_store_option(ctx)))


def complete_indicator(ctx: typer.Context, incomplete: str) -> list[str]:
    """Indicator ids for shell completion; never fails (a broken store completes nothing)."""
    from .store import load as load_store, store_path

    try:
        store = load_store(store_path(_store_option(ctx)))
    except Exception:
        return []
    return [i for i in store.indicators if i.startswith(incomplete)]


def _region(store, region: str | None) -> str | None:
    if region is None:
        return None
    from .query import find_region

    return find_region(store, region)


def _as_of(value: str | None) -> str | None:
    if value is None:
        return None
    from .store import DATE, _valid_date

    if not (DATE.match(value) and _valid_date(value)):
        raise typer.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD", param_hint="--as-of")
    return value


FormatOpt = Annotated[
    Format, typer.Option("--format", "-f", help="Output format: table for people, the others for programs.")
]
YearOpt = Annotated[
    Optional[int], typer.Option("--year", "-y", help="Only this year.", min=1949, max=2100, metavar="YEAR")
]
RegionOpt = Annotated[
    Optional[str], typer.Option("--region", "-r", help="Only this region (id or name).", metavar="REGION")
]
AsOfOpt = Annotated[
    Optional[str],
    typer.Option("--as-of", help="What was known on this date, YYYY-MM-DD (older vintages).", metavar="DATE"),
]
QueryArg = Annotated[
    str,
    typer.Argument(
        help="Indicator id, name, alias, English name, or a unique part of one.",
        autocompletion=complete_indicator,
        show_default=False,
        metavar="QUERY",
    ),
]


def growth_cell(g) -> str:
    from .vocab import number_text

    if g is None:
        return ""
    return f"{'+' if g > 0 else ''}{number_text(g)} %"


def figure_cell(f) -> str:
    from .vocab import describe

    return describe(f.metric, f.value, f.unit, f.growth, f.qualifier, f.kind)


def status_cell(f) -> str:
    from .vocab import STATUS_LABELS

    if f.kind == "target":
        return "目标"
    return STATUS_LABELS.get(f.status or "", "")


def emit_figures(store, figures, fmt: Format, *, title: str | None = None, quotes: bool = False,
                 name: bool = True, superseded: frozenset = frozenset()) -> None:
    """Figures as flat records (machine formats) or as a table.

    `superseded` holds the id() of figures a newer source replaced; the table marks them.
    """
    if fmt is not Format.table:
        from .records import KEYS, records
        from .render import write_records

        write_records(records(store, figures), fmt.value, KEYS)
        return
    from .render import Table, print_blocks

    regions = len({f.region for f in figures}) > 1
    headers = (["indicator", "name"] if name else []) + (["region"] if regions else []) + [
        "year", "kind", "figure", "growth", "status", "source"] + (["vintage"] if superseded else []) + (
        ["quote"] if quotes else [])
    if not figures:
        note("csplan: no figures match")
        return
    t = Table(headers, title=title, right=("year", "growth"), wrap=("quote", "name") if quotes else None)
    for f in figures:
        ind = store.indicators[f.indicator]
        cells = ([f.indicator, ind.name] if name else []) + ([f.region] if regions else []) + [
            f.year, f.kind, figure_cell(f), growth_cell(f.growth) if f.metric == "value" else "",
            status_cell(f), f.source] + (["superseded" if id(f) in superseded else "current"] if superseded else []) + (
            [f.quote] if quotes else [])
        style = "cyan" if f.kind == "target" else ("yellow" if f.status == "estimate" else None)
        t.add(*cells, style="dim" if id(f) in superseded else style)
    print_blocks(t)


# --- reading commands -----------------------------------------------------------------------


def overview(ctx: typer.Context, fmt: Format) -> None:
    """The headline figures of the latest year, and the targets of the year after."""
    from .query import headline

    store = load(ctx)
    view = headline(store)
    if fmt is not Format.table:
        emit_figures(store, view.actuals + view.targets, fmt)
        return
    from .render import Table, print_blocks

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
                  right=("growth",))
        for f in view.actuals:
            t.add(f.indicator, store.indicators[f.indicator].name, figure_cell(f),
                  growth_cell(f.growth) if f.metric == "value" else "", status_cell(f),
                  style="yellow" if f.status == "estimate" else None)
        blocks.append(t)
    if view.targets:
        t = Table(["indicator", "name", "target"], title=f"{view.target_year} 主要预期目标")
        for f in view.targets:
            t.add(f.indicator, store.indicators[f.indicator].name, figure_cell(f), style="cyan")
        blocks.append(t)
    hints = ["csplan show ID: one indicator with its quotes · csplan list: every figure"]
    if view.target_year:
        hints.append(f"csplan targets {view.target_year}: all {view.target_count} targets of {view.target_year}")
    blocks.append((" · ".join(hints), "dim"))
    print_blocks(*blocks)


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
) -> None:
    """One indicator: its names, unit, and every figure and target with growth, status and quote.

    \b
    Examples:
      csplan show gdp
      csplan show 地区生产总值 --format json
      csplan show 高新技术 --year 2025
    """
    from .query import find_indicator, select

    store = load(ctx)
    ind = find_indicator(store, query)
    kw = dict(indicator=ind.id, year=year, region=_region(store, region), as_of=_as_of(as_of))
    figures = select(store, **kw)
    if not figures:
        _no_figures(store, ind, kw)
    if fmt is not Format.table:
        emit_figures(store, select(store, **kw, history=True) if history else figures, fmt)
        return
    from .render import print_blocks

    better = "越高越好 higher is better" if ind.better == "higher" else "越低越好 lower is better"
    lines = [(f"{ind.name}  {ind.id}" + (f" · {ind.name_en}" if ind.name_en else ""), "bold")]
    facts = [f"unit {ind.unit}" if ind.unit else "", ind.category or "", better]
    lines.append(" · ".join(x for x in facts if x))
    if ind.aliases:
        lines.append("aliases: " + ", ".join(ind.aliases))
    print_blocks(*lines)
    every = select(store, **kw, history=True)
    current = {id(f) for f in figures}
    emit_figures(store, every, fmt, quotes=True, name=False,
                 superseded=frozenset(id(f) for f in every if id(f) not in current))
    _print_target_notes(store, ind, figures, kw["as_of"])


def _no_figures(store, ind, kw: dict) -> None:
    """Exit 1 naming what the indicator does have, when the filters leave nothing."""
    from .query import select

    years = sorted({f.year for f in select(store, indicator=ind.id, region=kw.get("region"))})
    if not years:
        fail(f"{ind.id} has no figures yet", 1)
    fail(f"{ind.id} has no figures for that selection; it has figures for {', '.join(map(str, years))}", 1)


def _print_target_notes(store, ind, figures, as_of: str | None = None) -> None:
    """Below `show`: how each target turned out and the level it implies (targets module)."""
    try:
        from .targets import show_lines
    except ImportError:
        return
    from .render import print_blocks

    lines = show_lines(store, ind, figures, as_of)
    if lines:
        print_blocks(*lines)


@app.command("list")
def list_(
    ctx: typer.Context,
    year: YearOpt = None,
    kind: Annotated[Optional[Kind], typer.Option("--kind", "-k", help="actual or target.")] = None,
    category: Annotated[
        Optional[str],
        typer.Option("--category", "-c", help="Report section: headline, industry, reform, projects, livelihood …",
                     metavar="CATEGORY"),
    ] = None,
    region: RegionOpt = None,
    as_of: AsOfOpt = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """Every figure and target, filtered.

    \b
    Examples:
      csplan list --year 2024
      csplan list --kind target --format csv
      csplan list --category industry --format json | jq '.[].name'
    """
    from .query import select

    store = load(ctx)
    if category is not None:
        category = _category(store, category)
    figures = select(store, year=year, kind=kind.value if kind else None, category=category,
                     region=_region(store, region), as_of=_as_of(as_of))
    emit_figures(store, figures, fmt)
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
    fail(f"no category {category!r}; {hint}known categories: {', '.join(known) or 'none'}", 1)


@app.command()
def search(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help="Text to look for, in any letter case.", metavar="TEXT",
                                        show_default=False)],
    fmt: FormatOpt = Format.table,
) -> None:
    """Indicators whose id, names, aliases or quotes contain TEXT (Chinese or English).

    \b
    Examples:
      csplan search 企业
      csplan search retail --format csv
      csplan search 全市第 --format json | jq -r '.[] | select(.metric == "rank") | .name'
    """
    from .query import search as search_store, select

    if not text.strip():
        fail("empty search text; give a word to look for, e.g. csplan search 企业", 2)
    store = load(ctx)
    hits = search_store(store, text)
    if not hits:
        fail(f"nothing in the store mentions {text!r}", 1)
    wanted = {i.id for i in hits}
    emit_figures(store, [f for f in select(store) if f.indicator in wanted], fmt)


@app.command()
def value(
    ctx: typer.Context,
    query: QueryArg,
    year: Annotated[int, typer.Argument(help="The year the figure is about.", min=1949, max=2100, metavar="YEAR",
                                        show_default=False)],
    field: Annotated[Field, typer.Option("--field", help="value (the level, count or rank) or growth (%).")] = Field.value,
    kind: Annotated[Kind, typer.Option("--kind", "-k", help="actual or target.")] = Kind.actual,
    region: RegionOpt = None,
    as_of: AsOfOpt = None,
) -> None:
    """Print one bare number, for scripts: `gdp=$(csplan value gdp 2024)`.

    \b
    Examples:
      csplan value gdp 2024                 1110
      csplan value gdp 2024 --field growth  5.8
      csplan value gdp 2025 --kind target --field growth
    """
    from .query import find_indicator, select
    from .vocab import number_text

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
def sources(ctx: typer.Context, fmt: FormatOpt = Format.table) -> None:
    """The reports in the store: id, date, region, how many figures each gave, title.

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
        from .render import write_records

        write_records(recs, fmt.value, keys)
        return
    from .render import Table, print_blocks

    t = Table(["id", "date", "region", "figures", "title"], right=("figures",), wrap=("title",))
    for r in recs:
        t.add(r["id"], r["date"], r["region"], r["figures"], r["title"])
    print_blocks(t)


def run() -> None:
    """Console-script entry point."""
    from .fastcli import finish, lean

    # Started with stdout or stderr closed (`csplan … >&-`): Python leaves the stream None. What
    # no one can read is dropped, as when the reader of a pipe leaves; a write still happens.
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")
    try:
        lean(app, sys.argv[1:])()
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(0)
    except SystemExit as e:
        finish(e.code)


# The other command groups register themselves on `app`.
from . import cli_extract, cli_targets, cli_write  # noqa: E402, F401

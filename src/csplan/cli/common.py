"""The app, its error handling and the options and output helpers every command shares.

Library modules are imported inside the commands, so that a command loads only what it uses
(`csplan value gdp 2024` never imports Rich). The cli modules do not use `from __future__ import
annotations`: Typer would evaluate every annotation string of every command on every call.
"""

import os
import sys
from enum import Enum
from pathlib import Path
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Annotated, Any, Optional

import typer

from .. import __version__
from .usage import HelpGroup, HelpTyper, one_of, seconds, usage_message, year as year_value


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
  3  data error: a store or input file unreadable or invalid, a write refused
  4  internal error: a bug in csplan (CSPLAN_DEBUG=1 shows the traceback)
"""


def _base(name: str) -> Any:
    """A Click exception class, found through Typer's public `BadParameter` so that no private
    module is imported: Typer ≥ 0.26 bundles Click as a private module of its own."""
    return next(c for c in typer.BadParameter.__mro__ if c.__name__ == name)


UsageError = _base("UsageError")
ClickException = _base("ClickException")


#: The options of `csplan` itself that may follow the command as well (`csplan show gdp --store x.toml`).
AFTER_THE_COMMAND = ("store", "wait")


def _into_root(ctx, param, value):
    """Where an option of `csplan` given after the command goes: into the root's own value, read
    where the root's value is read; given before too, with another value, is a usage error."""
    if value is None:
        return None
    root = ctx.find_root()
    before = root.params.get(param.name)
    if before is not None and before != value and not ctx.resilient_parsing:
        raise UsageError(f"{param.opts[0]} is given twice, as {str(before)!r} before the command and as "
                         f"{str(value)!r} after it; give it once", ctx=ctx)
    root.params[param.name] = value
    return None


def _after_the_command(ctx, cmd) -> None:
    """Give `cmd` the options of AFTER_THE_COMMAND, copied from the root with their help, parser
    and completion, so that they may follow it too."""
    if getattr(cmd, "_csplan_after", False):
        return
    import copy

    for param in ctx.find_root().command.params:
        if param.name in AFTER_THE_COMMAND:
            twin = copy.copy(param)
            twin.expose_value, twin.callback = False, _into_root
            cmd.params.append(twin)
    cmd._csplan_after = True


class SubGroup(HelpGroup):
    """A group under `csplan` (`csplan indicator add`): its commands take the root's options too."""

    def get_command(self, ctx, name):
        from .fast import quicken

        cmd = super().get_command(ctx, name)
        if cmd is not None:
            _after_the_command(ctx, cmd)
            quicken(cmd.get_params(ctx))
        return cmd


class CsplanGroup(SubGroup):
    """Turns the library's errors into one line on stderr and an exit code, never a traceback."""

    def parse_args(self, ctx, args):
        from .fast import quicken

        quicken(self.get_params(ctx))
        return super().parse_args(ctx, args)

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, windows_expand_args: bool = True, **extra: Any) -> Any:
        """Usage errors as one line too: `csplan: Missing argument 'QUERY' (see 'csplan show -h')`."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        try:
            code = super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        except UsageError as e:
            if type(e).__name__ == "NoArgsIsHelpError":  # a group called bare: its help, on stderr
                e.show()
                sys.exit(e.exit_code)
            hint = f" (see '{e.ctx.command_path} -h')" if e.ctx is not None else ""
            fail(f"{usage_message(e)}{hint}", e.exit_code, raise_=False)
            sys.exit(e.exit_code)
        except ClickException as e:
            fail(e.format_message(), e.exit_code, raise_=False)
            sys.exit(e.exit_code)
        except typer.Abort:
            fail("aborted", 1, raise_=False)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx):
        from .. import _done
        from ..model import CsplanError

        try:
            result = super().invoke(ctx)
            _done(0)
            return result
        except CsplanError as e:
            fail(str(e), e.exit_code)
        except KeyboardInterrupt:
            fail("interrupted", 130)
        except BrokenPipeError:
            _silence_stdout()
            raise typer.Exit(0) from None
        except (typer.Exit, typer.Abort):
            raise
        except OSError as e:
            fail(f"{e.filename}: {e.strerror or e}" if e.filename else f"{e.strerror or e}", 3)
        except Exception as e:
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
    from ..records import escape_cell

    sys.stderr.write(f"csplan: {escape_cell(message)}\n")
    if raise_:
        raise typer.Exit(code)


def note(message: str) -> None:
    """A message for the person, not data: stderr, one line, control characters escaped."""
    from ..records import escape_cell

    sys.stderr.write(f"{escape_cell(message)}\n")


app = HelpTyper(
    cls=CsplanGroup,
    name="csplan",
    help=f"""Query the figures and targets of China's local development-plan reports.

With no command, print the overview: the headline figures of the latest year and
the main targets of the year after.

\b
Examples:
  csplan                     the overview
  csplan show gdp            one indicator, every figure with its quote
  csplan show 地区生产总值 --format json
  csplan list --year 2024 --format csv
  csplan search 企业         indicators whose names or quotes mention 企业
  csplan value gdp 2024      the bare number, for $(…) in scripts
  csplan targets 2025        the targets of 2025 and how they turned out

The store is --store, else $CSPLAN_STORE, else your own store if you have one
(~/.local/share/csplan/indicators.toml), else the bundled one, which is read-only:
the first change copies it to your store. `csplan store` says which is in use.
--store and --wait may come before the command or after it.

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


# --- shared pieces --------------------------------------------------------------------------


def _store_option(ctx: typer.Context) -> Path | None:
    root = ctx.find_root()
    return root.params.get("store") if root.params else None


def store_location(ctx: typer.Context):
    """Which store this call reads, and why (see locate.py)."""
    from ..locate import locate

    return locate(_store_option(ctx))


def load(ctx: typer.Context):
    from ..store import load as load_store

    return load_store(store_location(ctx).path)


@contextmanager
def naming(path) -> Iterator[None]:
    """An error of the OS in writing the store names the store, `csplan: PATH: No space left on
    device`, where it named no file (a failed write or fsync) or only the temporary file."""
    try:
        yield
    except OSError as e:
        if isinstance(e, BrokenPipeError) or (e.filename is not None and not str(e.filename).endswith(".tmp")):
            raise
        raise OSError(e.errno, e.strerror or str(e), str(path)) from e


def load_to_fill(ctx: typer.Context):
    """The store of a command that fills it (`extract --apply`). A store named with --store that
    does not exist yet is made first, empty, as `init` makes one: the name was typed in this very
    command, so the user asked for that file. $CSPLAN_STORE, set long before, still has to exist."""
    location = store_location(ctx)
    if location.origin == "option" and not location.path.exists():
        from ..edit import new_store
        from ..store import StoreError, create
        try:
            with naming(location.path):
                create(location.path, new_store())
        except StoreError:
            if not location.path.exists():
                raise
            # another csplan made it meanwhile: fill that one
        else:
            note(f"csplan: created the store {location.path} (empty, as `csplan init` would)")
    return load(ctx)


def _wait_from_env(default: float) -> float:
    """$CSPLAN_WAIT, read here rather than by Typer so that every supported Typer reads it alike."""
    raw = os.environ.get("CSPLAN_WAIT", "").strip()
    if not raw:
        return default
    try:
        return seconds(raw)
    except ValueError as e:
        fail(f"CSPLAN_WAIT: {e}", 2, raise_=False)
        raise typer.Exit(2) from None


def writable_store(ctx: typer.Context):
    """The store this call changes: the first change with no store chosen copies the bundled store
    to the user's store, and says so. Its writes, this call through, wait --wait seconds for
    another writer, and say once that they wait."""
    from ..locate import for_writing
    from ..store import DEFAULT_WAIT, waiting

    root = ctx.find_root()
    seconds = (root.params or {}).get("wait")
    if seconds is None:
        seconds = _wait_from_env(DEFAULT_WAIT)

    def waits(store, pid) -> None:
        who = f"another writer (process {pid})" if pid else "another writer"
        until = "until it finishes" if seconds == float("inf") else f"up to {seconds:g} s (--wait)"
        note(f"csplan: {store}: {who} is writing it; waiting {until}")

    ctx.with_resource(waiting(seconds, waits))
    path, message = for_writing(_store_option(ctx))
    if message:
        note(message)
    return path


# --- shell completion -------------------------------------------------------------------------
# Each function is a Typer `autocompletion`: Typer offers what starts with the word being typed.
# Ids come with their names, which zsh and fish show beside them. The store is read as any command
# reads it (through the parse cache); one that cannot be read completes nothing, silently.


def _completion_store(ctx: typer.Context):
    from ..store import load

    try:
        return load(store_location(ctx).path)
    except Exception:  # completion must never fail: an unreadable store offers nothing
        return None


def complete_indicator(ctx: typer.Context, incomplete: str) -> list[str]:
    """Indicator ids."""
    store = _completion_store(ctx)
    return [i for i in store.indicators if i.startswith(incomplete)] if store else []


def complete_region(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Region ids, with their names."""
    store = _completion_store(ctx)
    return [(r.id, r.name) for r in store.regions.values()] if store else []


def complete_kind(ctx: typer.Context, incomplete: str) -> list[str]:
    from ..model import KINDS

    return list(KINDS)


def complete_level(ctx: typer.Context, incomplete: str) -> list[str]:
    """The levels a region may have."""
    from ..model import LEVELS

    return [lv for lv in LEVELS if lv.startswith(incomplete)]


def complete_source(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Source ids, with the dates of the reports."""
    store = _completion_store(ctx)
    return [(s.id, s.date or "") for s in store.sources.values()] if store else []


def complete_category(ctx: typer.Context, incomplete: str) -> list[str]:
    """The categories the store's indicators have."""
    store = _completion_store(ctx)
    return sorted({i.category for i in store.indicators.values() if i.category}) if store else []


def complete_year(ctx: typer.Context, incomplete: str) -> list[str]:
    """The years the store has figures or targets for."""
    store = _completion_store(ctx)
    return [str(y) for y in sorted({f.year for f in store.figures})] if store else []


def complete_any_category(ctx: typer.Context, incomplete: str) -> list[str]:
    """Every category an indicator may have."""
    from ..model import CATEGORIES

    return list(CATEGORIES)


def complete_qualifier(ctx: typer.Context, incomplete: str) -> list[str]:
    from ..model import QUALIFIERS

    return list(QUALIFIERS)


def complete_status(ctx: typer.Context, incomplete: str) -> list[str]:
    from ..model import STATUSES

    return list(STATUSES)


def complete_record_format(ctx: typer.Context, incomplete: str) -> list[str]:
    """The formats `import` reads."""
    from ..edit import RECORD_FORMATS

    return list(RECORD_FORMATS)


def _region(store, region: str | None) -> str | None:
    if region is None:
        return None
    from ..query import find_region

    return find_region(store, region)


def _as_of(value: str | None) -> str | None:
    if value is None:
        return None
    from ..store import DATE, valid_date

    if not (DATE.match(value) and valid_date(value)):
        raise typer.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD", param_hint="--as-of")
    return value


FormatOpt = Annotated[
    Format, typer.Option("--format", "-f", metavar="FORMAT",
                         help=f"Output format: {one_of(Format)}; table is for people, the others for programs.")
]
SafeCsvOpt = Annotated[
    bool,
    typer.Option("--safe-csv",
                 help="For a spreadsheet: in CSV and TSV, put ' before each text cell that starts with = + - or @, "
                      "so that it shows as text and never runs as a formula (numbers stay as they are). "
                      "`import` keeps the ', so leave it out for files that go back into a store."),
]
WideOpt = Annotated[
    bool,
    typer.Option("--wide", help="Tables: every column at full width, even past the terminal's edge."),
]
YearOpt = Annotated[
    Optional[int], typer.Option("--year", "-y", help="Only this year.", parser=year_value, metavar="YEAR",
                                autocompletion=complete_year)
]
RegionOpt = Annotated[
    Optional[str], typer.Option("--region", "-r", help="Only this region (id or name).", metavar="REGION",
                                autocompletion=complete_region)
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
    from ..vocab import number_text

    if g is None:
        return ""
    return f"{'+' if g > 0 else ''}{number_text(g)} %"


def figure_cell(f) -> str:
    from ..vocab import describe

    return describe(f.metric, f.value, f.unit, f.growth, f.qualifier, f.kind)


def status_cell(f) -> str:
    from ..vocab import STATUS_LABELS

    if f.kind == "target":
        return "目标"
    return STATUS_LABELS.get(f.status or "", "")


def emit_figures(store, figures, fmt: Format, *, title: str | None = None, quotes: bool = False,
                 name: bool = True, superseded: frozenset = frozenset(), safe_csv: bool = False,
                 wide: bool = False, after: Sequence = ()) -> None:
    """Figures as flat records (machine formats) or as a table, with the lines `after` under it.

    `superseded` holds the id() of figures a newer source replaced; the table marks them.
    `safe_csv` is --safe-csv (see render.spreadsheet_text).
    """
    if fmt is not Format.table:
        from ..records import KEYS, records
        from ..render import write_records

        write_records(records(store, figures), fmt.value, KEYS, safe=safe_csv)
        return
    from ..render import Table, print_blocks

    regions = len({f.region for f in figures}) > 1
    headers = (["indicator", "name"] if name else []) + (["region"] if regions else []) + [
        "year", "kind", "figure", "growth", "status", "source"] + (["vintage"] if superseded else []) + (
        ["quote"] if quotes else [])
    if not figures:
        note("csplan: no figures match")
        return
    t = Table(headers, title=title, right=("year", "growth"), below=("quote",), shrink=("name",),
              drop=("source", "vintage", "kind", "status", "name", "growth"))
    for f in figures:
        ind = store.indicators[f.indicator]
        cells = ([f.indicator, ind.name] if name else []) + ([f.region] if regions else []) + [
            f.year, f.kind, figure_cell(f), growth_cell(f.growth) if f.metric == "value" else "",
            status_cell(f), f.source] + (["superseded" if id(f) in superseded else "current"] if superseded else []) + (
            [f.quote] if quotes else [])
        t.add(*cells, style="superseded" if id(f) in superseded else meaning(f))
    print_blocks(t, *after, wide=wide)


def meaning(f) -> str | None:
    """The meaning of render.PALETTE a figure's row shows: target, estimate, or none (reported)."""
    return "target" if f.kind == "target" else ("estimate" if f.status == "estimate" else None)

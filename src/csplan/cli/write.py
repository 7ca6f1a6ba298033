"""Commands of csplan that change a store (see edit.py), and those that check its form.

Every change goes through `store.update`: under the store's lock, the whole new store is
checked before it atomically replaces the old one. Messages go to stderr; these commands print
no data on stdout except `validate`'s list of problems.
"""

import sys
from pathlib import Path
from collections.abc import Iterable
from typing import Annotated, Optional

import typer

from .common import (QueryArg, SubGroup, _store_option, app, complete_any_category, complete_level, complete_qualifier,
                  complete_record_format, complete_region, complete_source, complete_status, complete_year, fail,
                  load, naming, note, store_location, writable_store)
from .usage import HelpTyper, path as usage_path


def _change(ctx: typer.Context, change) -> None:
    from ..store import update

    path = writable_store(ctx)
    with naming(path):
        note(update(path, change))


YearArg = Annotated[str, typer.Argument(help="The year the figure is about (1949–2100).", metavar="YEAR",
                                        autocompletion=complete_year, show_default=False)]


def _unit(value: Optional[str]) -> Optional[str]:
    """An empty --unit is refused: it would silently mean the default unit."""
    if value is not None and not value.strip():
        raise typer.BadParameter("the unit is empty; give it as printed (亿元, %, 家), or leave --unit out")
    return value


UnitOpt = Annotated[Optional[str], typer.Option(
    "--unit", "-u", metavar="UNIT", callback=_unit,
    help="Unit as printed. [default: the indicator's unit; % for a growth]")]
QualifierOpt = Annotated[str, typer.Option(
    "--qualifier", "-q", metavar="QUALIFIER", autocompletion=complete_qualifier,
    help="exact, more_than, at_least, about, nearly, at_most, or the report's word (超, 以上, 约, 近, 以内).")]
WriteRegionOpt = Annotated[Optional[str], typer.Option(
    "--region", "-r", metavar="REGION", autocompletion=complete_region,
    help="Region id or name. [default: the source's region, or the store's only region]")]
SourceOpt = Annotated[Optional[str], typer.Option(
    "--source", metavar="ID", autocompletion=complete_source,
    help="Source (report) id. [default: the region's only source, or the store's only source]")]
QuoteOpt = Annotated[Optional[str], typer.Option(
    "--quote", metavar="TEXT", help="The report's sentence, verbatim. [default: none, entered by hand]")]
ValueOpt = Annotated[Optional[str], typer.Option("--value", metavar="NUMBER",
                                                 help="The number as printed (1110, 1.88).")]
GrowthOpt = Annotated[Optional[str], typer.Option("--growth", metavar="PERCENT",
                                                  help="Growth in % as printed; 下降 3% is -3, 持平 is 0.")]
RankOpt = Annotated[Optional[str], typer.Option("--rank", metavar="N", help="A place among peers (全市第 4 → 4).")]


@app.command()
def init(
    ctx: typer.Context,
    region: Annotated[Optional[str], typer.Option("--region", "-r", metavar="ID",
                                                  help="A first region's id, e.g. gulou (with --name).")] = None,
    name: Annotated[Optional[str], typer.Option("--name", metavar="名称",
                                                help="The region's Chinese name as printed.")] = None,
    source: Annotated[Optional[str], typer.Option(
        "--source", metavar="ID", help="A first source's id, e.g. gulou-2024-plan (with --title, --date).")] = None,
    title: Annotated[Optional[str], typer.Option("--title", metavar="TITLE",
                                                 help="The report's title as printed.")] = None,
    date: Annotated[Optional[str], typer.Option("--date", metavar="YYYY-MM-DD",
                                                help="The date the report was delivered.")] = None,
) -> None:
    """Create a store, empty or with a first region and source.

    The store is made at --store or $CSPLAN_STORE, else as your own store; an existing file is
    never overwritten. With a region and a source, the next figure needs only `indicator add` and `record`.

    \b
    Examples:
      csplan --store gulou.toml init --region gulou --name 福州市鼓楼区 \\
          --source gulou-2024-plan --title "关于鼓楼区2024年…的报告" \\
          --date 2025-01-08
      csplan --store empty.toml init
    """
    from ..edit import new_store
    from ..locate import for_creating
    from ..model import Region, Source
    from ..store import create

    if name is not None and region is None:
        fail("--name names the region of --region ID; give --region too", 2)
    if region is not None and name is None:
        fail("--region needs the region's name: --name 名称", 2)
    if (title is not None or date is not None) and source is None:
        fail("--title and --date describe the source of --source ID; give --source too", 2)
    if source is not None and (title is None or date is None):
        fail("--source needs the report's --title and --date", 2)
    store = new_store(Region(region, name) if region is not None and name is not None else None,
                      Source(source, title, date) if source is not None and title is not None else None)
    location = store_location(ctx)
    path = for_creating(_store_option(ctx))
    with naming(path):
        create(path, store, make_folder=location.origin == "bundled")
    made = " and ".join(m for m in (f"region {region}" if region else "", f"source {source}" if source else "") if m)
    what = f"the store {path} with {made}" if made else f"an empty store {path}"
    opt = "" if location.origin == "bundled" else f"--store {path} "
    nxt = (f"csplan {opt}indicator add ID --name 名称 --unit UNIT, then csplan {opt}record ID YEAR --value V"
           if region and source else f"csplan {opt}region add ID --name 名称")
    note(f"created {what}; next: {nxt}")


@app.command()
def record(
    ctx: typer.Context,
    query: QueryArg,
    year: YearArg,
    value: ValueOpt = None,
    growth: GrowthOpt = None,
    rank: RankOpt = None,
    done: Annotated[Optional[bool], typer.Option("--done/--not-done",
                                                 help="The verdict on a task target of that year.")] = None,
    unit: UnitOpt = None,
    qualifier: QualifierOpt = "exact",
    status: Annotated[str, typer.Option("--status", metavar="STATUS", autocompletion=complete_status,
                                        help="estimate (预计), preliminary (初步统计) or reported.")] = "reported",
    region: WriteRegionOpt = None,
    source: SourceOpt = None,
    quote: QuoteOpt = None,
) -> None:
    """Add an actual: what a year achieved, as a report prints it.

    Recording the same figure from the same source again replaces it (and says so); from
    another source it is kept as another vintage, and the newer source's figure is current.

    \b
    Examples:
      csplan record gdp 2025 --value 1175 --growth 5.6 --status estimate
      csplan record gdp 2025 --growth 5.6 --source cangshan-2025-plan
      csplan record 高新技术企业 2025 --value 630 --status estimate
      csplan record high_tech_firms 2025 --rank 2    全市第 2
      csplan record trade 2025 --done                the task target was met
    """
    from ..edit import add_figure, new_figure

    _change(ctx, lambda store: add_figure(store, new_figure(
        store, "actual", query, year, value=value, growth=growth, rank=rank, done=done, unit=unit,
        qualifier=qualifier, status=status, region=region, source=source, quote=quote)))


@app.command()
def target(
    ctx: typer.Context,
    query: QueryArg,
    year: YearArg,
    value: ValueOpt = None,
    growth: GrowthOpt = None,
    rank: RankOpt = None,
    task: Annotated[Optional[str], typer.Option("--task", metavar="TEXT",
                                                help="A target with no number; TEXT is its quote.")] = None,
    unit: UnitOpt = None,
    qualifier: QualifierOpt = "exact",
    region: WriteRegionOpt = None,
    source: SourceOpt = None,
    quote: QuoteOpt = None,
) -> None:
    """Add a target: what a plan expects for a year.

    Give exactly one of --value, --growth, --rank and --task.

    \b
    Examples:
      csplan target gdp 2026 --growth 5.5
      csplan target gdp 2026 --growth 5 --qualifier about        增长 5% 左右
      csplan target 高新技术企业 2026 --value 650 --qualifier 以上   650 家以上
      csplan target high_tech_firms 2026 --rank 3 --qualifier at_most
      csplan target air_quality_good_rate 2026 --value 98 --qualifier at_least
      csplan target trade 2026 --task "完成市下达的外贸任务"
    """
    from ..edit import add_figure, new_figure

    _change(ctx, lambda store: add_figure(store, new_figure(
        store, "target", query, year, value=value, growth=growth, rank=rank, task=task, unit=unit,
        qualifier=qualifier, status=None, region=region, source=source, quote=quote)))


def _group(help: str) -> typer.Typer:
    return HelpTyper(cls=SubGroup, help=help, rich_markup_mode=None, no_args_is_help=True,
                       context_settings={"help_option_names": ["-h", "--help"]})


indicator_app = _group("Add indicators: what is measured.")
region_app = _group("Add regions: the places figures describe.")
source_app = _group("Add sources: the reports figures come from.")
app.add_typer(indicator_app, name="indicator")
app.add_typer(region_app, name="region")
app.add_typer(source_app, name="source")

IdArg = Annotated[str, typer.Argument(help="A stable ASCII id.", metavar="ID", show_default=False)]


@indicator_app.command("add")
def indicator_add(
    ctx: typer.Context,
    id: Annotated[str, typer.Argument(help="Lower-case ASCII letters, digits and _, e.g. gdp.", metavar="ID",
                                      show_default=False)],
    name: Annotated[str, typer.Option("--name", metavar="名称", help="The Chinese name as printed.")],
    unit: Annotated[Optional[str], typer.Option(
        "--unit", metavar="UNIT", callback=_unit,
        help="The unit it is usually printed in (亿元, 万人, %, 家); none for ranks and tasks.")] = None,
    name_en: Annotated[Optional[str], typer.Option("--name-en", metavar="NAME", help="English name.")] = None,
    alias: Annotated[Optional[list[str]], typer.Option("--alias", metavar="NAME",
                                                       help="Another name `show` accepts; repeatable.")] = None,
    category: Annotated[Optional[str], typer.Option(
        "--category", metavar="CATEGORY", autocompletion=complete_any_category,
        help="Report section: headline, industry, agriculture, services, consumption, investment, projects, "
             "opening, innovation, reform, finance, urban, environment or livelihood.")] = None,
    lower_is_better: Annotated[bool, typer.Option("--lower-is-better",
                                                  help="A fall is an improvement (unemployment, prices).")] = False,
) -> None:
    """Add an indicator.

    \b
    Examples:
      csplan indicator add gdp --name 地区生产总值 --unit 亿元 \\
          --category headline --name-en "Gross regional product" --alias GDP
      csplan indicator add unemployment_rate --name 城镇调查失业率 --unit % \\
          --lower-is-better
    """
    from ..edit import add_indicator
    from ..model import CATEGORIES, Indicator

    if category is not None and category not in CATEGORIES:
        import difflib

        close = difflib.get_close_matches(category, CATEGORIES, n=1, cutoff=0.5)
        hint = f"did you mean {close[0]}? " if close else ""
        fail(f"Invalid value for '--category': {category!r}; {hint}use one of: {', '.join(CATEGORIES)}", 2)

    ind = Indicator(id, name, name_en, unit, category, "lower" if lower_is_better else "higher", list(alias or []))
    _change(ctx, lambda store: add_indicator(store, ind))


@region_app.command("add")
def region_add(
    ctx: typer.Context,
    id: IdArg,
    name: Annotated[str, typer.Option("--name", metavar="名称", help="The Chinese name as printed.")],
    name_en: Annotated[Optional[str], typer.Option("--name-en", metavar="NAME", help="English name.")] = None,
    level: Annotated[Optional[str], typer.Option(
        "--level", metavar="LEVEL", autocompletion=complete_level,
        help="Its place in the country: nation, province, city, county or district.")] = None,
    parent: Annotated[Optional[str], typer.Option(
        "--parent", metavar="REGION", autocompletion=complete_region,
        help="The region it belongs to (id or name), already in the store.")] = None,
) -> None:
    """Add a region.

    \b
    Examples:
      csplan region add fujian --name 福建省 --level province
      csplan region add fuzhou --name 福州市 --level city --parent fujian
      csplan region add gulou --name 福州市鼓楼区 --level district \\
          --parent fuzhou --name-en "Gulou District, Fuzhou"
    """
    from ..edit import add_region, region_id
    from ..model import LEVELS, Region

    if level is not None and level not in LEVELS:
        fail(f"Invalid value for '--level': {level!r}; use one of: {', '.join(LEVELS)}", 2)
    _change(ctx, lambda store: add_region(
        store, Region(id, name, name_en, level, region_id(store, parent) if parent is not None else None)))


@source_app.command("add")
def source_add(
    ctx: typer.Context,
    id: IdArg,
    title: Annotated[str, typer.Option("--title", metavar="TITLE", help="The report's title as printed.")],
    date: Annotated[str, typer.Option("--date", metavar="YYYY-MM-DD",
                                      help="The date it was delivered; decides which vintage is newer.")],
    issuer: Annotated[Optional[str], typer.Option("--issuer", metavar="WHO", help="Who wrote it.")] = None,
    meeting: Annotated[Optional[str], typer.Option("--meeting", metavar="TEXT",
                                                   help="The meeting it was delivered to.")] = None,
    region: Annotated[Optional[str], typer.Option("--region", "-r", metavar="REGION", autocompletion=complete_region,
                                                  help="The region it reports on (id or name).")] = None,
) -> None:
    """Add a source: a report.

    \b
    Example:
      csplan source add gulou-2024-plan --title "关于鼓楼区2024年…的报告" \\
          --date 2025-01-08 --region gulou
    """
    from ..edit import add_source, region_id
    from ..model import Source

    _change(ctx, lambda store: add_source(store, Source(
        id, title, date, issuer, meeting, region_id(store, region) if region is not None else None)))


@app.command("import")
def import_(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(help="CSV, TSV or JSON file; - reads stdin.", metavar="FILE",
                                        show_default=False)],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Check everything, write nothing.")] = False,
    fmt: Annotated[Optional[str], typer.Option(
        "--format", "-f", metavar="FORMAT", autocompletion=complete_record_format,
        help="csv, tsv or json. [default: from the suffix, else the text]")] = None,
) -> None:
    """Add the records of a CSV, TSV or JSON file.

    The file is read as `csplan list --format …` writes it. All or nothing: one bad row
    rejects the file; the first 20 bad rows are listed with their lines, and the rest counted.
    Indicators, regions and sources the store lacks are created from the rows' own fields.

    \b
    Examples:
      csplan import figures.csv --dry-run
      csplan import figures.csv
      csplan --store other.toml list --format json | csplan import -
    """
    from ..edit import read_input, read_records

    origin = "stdin" if file == "-" else file
    records = read_records(read_input(file), fmt, origin)
    path = store_location(ctx).path if dry_run else writable_store(ctx)
    apply_import(path, records, origin, dry_run=dry_run)


def apply_import(path, records: Iterable[dict], origin: str, dry_run: bool = False) -> None:
    """Import records all or nothing; on refusal, the first bad rows each on its own line and a
    count of all of them, then exit 3."""
    from ..edit import ImportRejected, import_records

    try:
        with naming(path):
            summary = import_records(path, records, dry_run=dry_run, origin=origin)
    except ImportRejected as e:
        if e.count == 1:
            fail(str(e), 3)
        for p in e.problems:
            note(f"csplan: {p}")
        rest = e.count - len(e.problems)
        shown = f" (the first {len(e.problems)} above, {rest} more not shown)" if rest else ""
        fail(f"{origin}: {e.count} bad rows{shown}; nothing imported", 3)
    for message in summary.replaced:
        note(message)
    note(str(summary))


@app.command()
def validate(ctx: typer.Context) -> None:
    """Check the store, and list every problem with its line.

    Exit 1 if there is any problem.

    \b
    Examples:
      csplan validate
      csplan --store fuzhou.toml validate
    """
    from ..records import escape_cell
    from ..store import Problem, StoreError, check_store, readable

    path = store_location(ctx).path
    readable(path)
    problems: list[Problem] | list[StoreError]
    try:
        store, problems = check_store(path)
    except StoreError as e:
        problems = [e]
    for p in problems:
        sys.stdout.write(escape_cell(str(p)) + "\n")
    if problems:
        fail(f"{path}: {len(problems)} problem{'s' * (len(problems) != 1)}", 1)
    counts = {"source": len(store.sources), "region": len(store.regions), "indicator": len(store.indicators),
              "figure": len(store.figures)}
    note(f"{path}: valid ({', '.join(f'{n} {k}' + 's' * (n != 1) for k, n in counts.items())})")


@app.command()
def fmt(
    ctx: typer.Context,
    check: Annotated[bool, typer.Option("--check",
                                        help="Change nothing; exit 1 if the store is not canonical.")] = False,
    to: Annotated[Optional[Path], typer.Option(
        "--to", metavar="PATH", parser=usage_path,
        help="Write the store anew at PATH instead, in canonical form: a store folder, or one file if PATH "
             "ends in .toml. PATH must not exist yet.")] = None,
) -> None:
    """Rewrite the store in its canonical form.

    A fixed order of tables and keys, no comments, UTF-8 without a byte-order mark. A large
    store is quicker as a folder, one file per report (docs/store.md): --to makes one.

    \b
    Examples:
      csplan fmt
      csplan fmt --check
      csplan --store corpus.toml fmt --to corpus
    """
    from ..store import check_text, decode, dumps, read_bytes, update

    path = store_location(ctx).path
    if to is not None:
        from ..store import create

        with naming(to):
            create(to, load(ctx))
        note(f"{to}: written, a copy of {path} as {'one file' if to.suffix.lower() == '.toml' else 'a store folder'}")
        return
    if path.is_dir():
        _fmt_folder(ctx, path, check)
        return
    data = read_bytes(path)
    text = decode(data, path)  # without the byte-order mark, if the file has one
    store, problems = check_text(text, path)
    if problems:
        fail(f"{problems[0]} (fix the store first; `csplan validate` lists every problem)", 3)
    canonical = dumps(store)
    if canonical.encode("utf-8") == data:
        note(f"{path}: already canonical")
        return
    if check:
        if canonical == text:
            fail(f"{path}:1: not in canonical form (it starts with a byte-order mark); "
                 f"run `csplan --store {path} fmt`", 1)
        old, new = text.splitlines(), canonical.splitlines()
        differs = (n for n, (a, b) in enumerate(zip(old, new, strict=False), 1) if a != b)
        line = next(differs, min(len(old), len(new)) + 1)
        fail(f"{path}:{line}: not in canonical form; run `csplan --store {path} fmt`", 1)
    path = writable_store(ctx)
    with naming(path):
        update(path, lambda store: None)
    note(f"{path}: rewritten in canonical form")


def _fmt_folder(ctx: typer.Context, path, check: bool) -> None:
    from ..store import check_store, folder_texts, update

    store, problems = check_store(path)
    if problems:
        fail(f"{problems[0]} (fix the store first; `csplan validate` lists every problem)", 3)
    differ = []
    for name, text in folder_texts(store).items():
        try:
            old = (path / name).read_bytes()
        except OSError:
            old = b""
        if old != text.encode("utf-8"):
            differ.append((path / name, old.decode("utf-8", "replace"), text))
    if not differ:
        note(f"{path}: already canonical")
        return
    if check:
        file, old, new = differ[0]
        a, b = old.splitlines(), new.splitlines()
        line = next((n for n, (x, y) in enumerate(zip(a, b, strict=False), 1) if x != y), min(len(a), len(b)) + 1)
        more = f" (and {len(differ) - 1} more files)" if len(differ) > 1 else ""
        fail(f"{file}:{line}: not in canonical form{more}; run `csplan --store {path} fmt`", 1)
    path = writable_store(ctx)
    with naming(path):
        update(path, lambda store: None, every_file=True)
    note(f"{path}: rewritten in canonical form ({len(differ)} file{'s' * (len(differ) != 1)})")

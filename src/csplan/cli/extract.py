"""Commands of csplan that extract figures from a report's text (see extract.py)."""

from enum import Enum
from typing import Annotated, Optional

import typer

from .app import SafeCsvOpt, WideOpt, app, complete_region, complete_source, fail, load, note, writable_store
from .usage import one_of, year as year_value


class ExtractFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    tsv = "tsv"
    markdown = "markdown"
    toml = "toml"


@app.command()
def extract(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(
        help="The report: text or Markdown (UTF-8, GB18030/GBK or UTF-16), a saved web page (.html, .htm), "
             "a PDF with a text layer (needs the pdf extra) or a Word file (.docx); - reads stdin.",
        metavar="FILE", show_default=False)],
    region: Annotated[Optional[str], typer.Option(
        "--region", "-r", metavar="REGION", autocompletion=complete_region,
        help="Region id or name. [default: the region the report's title names]")] = None,
    source: Annotated[Optional[str], typer.Option(
        "--source", metavar="ID", autocompletion=complete_source,
        help="Source id. [default: REGION-YEAR-plan, YEAR reported on; REGION-YEAR-gwr, YEAR delivered]")] = None,
    actual_year: Annotated[Optional[int], typer.Option(
        "--actual-year", parser=year_value, metavar="YEAR",
        help="The year the report's results are about. [default: from the title, else the target year - 1]")] = None,
    target_year: Annotated[Optional[int], typer.Option(
        "--target-year", parser=year_value, metavar="YEAR",
        help="The year the report's targets are for. [default: from the title, else the actual year + 1]")] = None,
    fmt: Annotated[ExtractFormat, typer.Option(
        "--format", "-f", metavar="FORMAT",
        help=f"Output format: {one_of(ExtractFormat)} (a store of the figures).")] = ExtractFormat.table,
    safe_csv: SafeCsvOpt = False,
    wide: WideOpt = False,
    apply: Annotated[bool, typer.Option("--apply", help="Add the figures to the store, after showing them.")] = False,
    every: Annotated[bool, typer.Option(
        "--all", help="Also read every quantitative statement of the other sections: counts, amounts, areas, "
                      "rates and ranks (全市第4, 前3), with their qualifiers, years and statuses.")] = False,
) -> None:
    """Read a report's headline figures and main targets, with quotes.

    Finds the summary of the year reported on (预计，全年地区生产总值 … 亿元，增长 …%；…) and the
    main targets (主要预期目标：…), and prints them as the records `csplan list` prints, so that
    `csplan import` accepts them. Indicators the store does not have are marked new (table) and
    are created on import. Check the figures against the report before adding them. With --all,
    every other section is read too, sentence by sentence: the part on the year reported on gives
    its figures (预计 marks an estimate), the part on the year planned gives targets.

    \b
    Examples:
      csplan extract report.md
      csplan extract report.md --all
      csplan extract report.pdf --format csv | csplan import -
      csplan extract report.txt --region gulou --apply
      csplan extract - --actual-year 2025 < report.txt
    """
    from pathlib import Path

    from ..extract import extract as run_extract

    if file != "-" and Path(file).is_dir():
        fail(f"{file}: is a directory; give the report's file", 3)
    if actual_year and target_year and target_year <= actual_year:
        fail(f"--target-year {target_year} is not after --actual-year {actual_year}", 2)
    from ..store import SOURCE_ID

    if source and not SOURCE_ID.match(source):
        fail(f"--source {source!r} is not a valid id (ASCII letters, digits, '.', '_' and '-', "
             "e.g. gulou-2025-plan)", 2)
    origin = "stdin" if file == "-" else file
    store = load(ctx)
    result = run_extract(_read(file), store, region=region, source=source, actual_year=actual_year,
                         target_year=target_year, every=every)
    for message in result.notes:
        note(f"csplan: {origin}: {message}")
    if not result.records:
        fail(f"{origin}: found no headline figures or targets; is it a plan report (执行情况 … 计划草案)?", 1)
    if apply and result.region_is_stand_in:
        fail(f"the report's region {result.region_name} is not in the store; give --region ID to name it", 2)
    _show(result, fmt, safe_csv, wide)
    if apply:
        _apply(ctx, result, origin)


def _read(file: str) -> str:
    """The report's text, from a file of any kind `documents` reads, or from stdin's bytes for -."""
    import sys

    from ..extract.documents import read_document

    if file != "-":
        return read_document(file)
    if sys.stdin is None:
        fail("stdin is closed; pipe the report in, or give its file name instead of -", 3)
    try:
        data = sys.stdin.buffer.read()
    except OSError as e:
        fail(f"stdin: cannot be read ({e.strerror or e})", 3)
    return read_document(None, data=data, name="stdin")


def _show(result, fmt: ExtractFormat, safe_csv: bool = False, wide: bool = False) -> None:
    import sys

    if fmt is ExtractFormat.toml:
        from ..store import dumps

        sys.stdout.write(dumps(result.store()))
        return
    if fmt is not ExtractFormat.table:
        from ..records import KEYS
        from ..render import write_records

        write_records(result.records, fmt.value, KEYS, safe=safe_csv)
        return
    from .app import growth_cell
    from ..render import Table, print_blocks
    from ..vocab import STATUS_LABELS, describe

    new = set(result.new_indicators)
    title = (f"{result.region_name or result.region} · {result.source} · "
             f"{result.actual_year} 实际 / {result.target_year} 目标")
    t = Table(["new", "indicator", "name", "year", "kind", "figure", "growth", "status", "quote"], title=title,
              right=("year", "growth"), below=("quote",), shrink=("name",), drop=("kind", "name", "status"))
    for r in result.records:
        figure = describe(r["metric"], r["value"], r["unit"], r["growth"], r["qualifier"], r["kind"])
        status = "目标" if r["kind"] == "target" else STATUS_LABELS.get(r["status"] or "", "")
        t.add("new" if r["indicator"] in new else "", r["indicator"], r["name"], r["year"], r["kind"], figure,
              growth_cell(r["growth"]) if r["metric"] == "value" else "", status, r["quote"],
              style="target" if r["kind"] == "target" else ("estimate" if r["status"] == "estimate" else None))
    blocks: list = [t]
    if new:
        blocks.append((f"new: {len(new)} indicator(s) the store does not have; importing creates them", "dim"))
    print_blocks(*blocks, wide=wide)


def _apply(ctx: typer.Context, result, origin: str) -> None:
    from .write import apply_import

    apply_import(writable_store(ctx), result.records, origin)

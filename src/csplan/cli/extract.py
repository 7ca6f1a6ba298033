"""Commands of csplan that extract figures from a report's text (see extract.py)."""

from enum import Enum
from typing import Annotated, Optional

import typer

from .common import (SafeCsvOpt, WideOpt, app, complete_region, complete_source, fail, load, load_to_fill, naming,
                  note, writable_store)
from .usage import one_of, parser, year as year_value


def _processes(text: str) -> int:
    if not (text.isascii() and text.isdigit() and int(text) >= 1):
        raise ValueError(f"{text!r} is not a number of processes (1 or more)")
    return int(text)


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
    paths: Annotated[list[str], typer.Argument(
        help="Reports, folders of reports (read with their subfolders) and globs (quoted: 'reports/*.pdf'). "
             "A report is text or Markdown (UTF-8, GB18030/GBK or UTF-16), a saved web page (.html, .htm), "
             "a PDF with a text layer (needs the pdf extra) or a Word file (.docx); - reads stdin.",
        metavar="PATH", show_default=False)],
    region: Annotated[Optional[str], typer.Option(
        "--region", "-r", metavar="REGION", autocompletion=complete_region,
        help="Region id or name. [default: the region the report names, else its file's name]")] = None,
    source: Annotated[Optional[str], typer.Option(
        "--source", metavar="ID", autocompletion=complete_source,
        help="Source id. [default: REGION-YEAR-plan, YEAR reported on; REGION-YEAR-gwr, YEAR delivered]")] = None,
    actual_year: Annotated[Optional[int], typer.Option(
        "--actual-year", parser=year_value, metavar="YEAR",
        help="The year the report's results are about. [default: from the report, else its file's name]")] = None,
    target_year: Annotated[Optional[int], typer.Option(
        "--target-year", parser=year_value, metavar="YEAR",
        help="The year the report's targets are for. [default: from the report, else the actual year + 1]")] = None,
    fmt: Annotated[ExtractFormat, typer.Option(
        "--format", "-f", metavar="FORMAT",
        help=f"Output format: {one_of(ExtractFormat)} (a store of the figures).")] = ExtractFormat.table,
    safe_csv: SafeCsvOpt = False,
    wide: WideOpt = False,
    apply: Annotated[bool, typer.Option("--apply", help="Add the figures to the store, after showing them.")] = False,
    every: Annotated[bool, typer.Option(
        "--all", help="Also read every quantitative statement of the other sections: counts, amounts, areas, "
                      "rates and ranks (全市第4, 前3), with their qualifiers, years and statuses.")] = False,
    jobs: Annotated[Optional[int], typer.Option(
        "--jobs", "-j", parser=parser(_processes), metavar="N",
        help="How many reports are read at once, each in a process of its own. [default: the machine's cores]")] = None,
) -> None:
    """Read a report's headline figures and main targets, with quotes.

    Finds the summary of the year reported on (预计，全年地区生产总值 … 亿元，增长 …%；…) and the
    main targets (主要预期目标：…), and prints them as the records `csplan list` prints, so that
    `csplan import` accepts them. Indicators the store does not have are marked new (table) and
    are created on import. Check the figures against the report before adding them. With --all,
    every other section is read too, sentence by sentence: the part on the year reported on gives
    its figures (预计 marks an estimate), the part on the year planned gives targets.

    Folders, globs and several files are read on every core, with a progress bar on a terminal
    and a summary at the end; --apply adds each report all or nothing, lists a report that fails
    with its reason, and adds nothing the store already has. The exit status is the highest a
    failed report gives alone (1 nothing found, 2 its region needs --region, 3 unreadable or
    refused), 0 when every report was read.

    \b
    Examples:
      csplan extract report.md
      csplan extract report.md --all
      csplan extract report.pdf --format csv | csplan import -
      csplan extract report.txt --region gulou --apply
      csplan extract - --actual-year 2025 < report.txt
      csplan extract reports/ --apply
      csplan extract 'reports/**/*.pdf' report.docx --format json
    """
    from ..batch import Options, find_reports, names_one_file

    if actual_year and target_year and target_year <= actual_year:
        fail(f"--target-year {target_year} is not after --actual-year {actual_year}", 2)
    from ..store import SOURCE_ID

    if source and not SOURCE_ID.match(source):
        fail(f"--source {source!r} is not a valid id (ASCII letters, digits, '.', '_' and '-', "
             "e.g. gulou-2025-plan)", 2)
    options = Options(region, source, actual_year, target_year, every)
    single = names_one_file(paths)
    found = find_reports(paths)
    if source and len(found.reports) + len(found.failed) > 1:
        fail("--source names one report; give it with one file, or leave it out so that each report has its own", 2)
    if not found.reports:
        fail(found.failed[0].error or "", found.failed[0].code)
    store = load_to_fill(ctx) if apply else load(ctx)
    if single:
        _one(ctx, found.reports[0], store, options, fmt, safe_csv, wide, apply)
    else:
        _many(ctx, found, store, options, fmt, safe_csv, wide, apply, jobs)


def _one(ctx: typer.Context, report, store, options, fmt, safe_csv: bool, wide: bool, apply: bool) -> None:
    """One file or stdin: its figures, then (--apply) what it added; a failure is one line."""
    from ..batch import read_report

    reading = read_report(report, store, options)
    _notes(reading)
    if reading.error:
        fail(reading.error, reading.code)
    _show([reading], fmt, safe_csv, wide)
    if apply:
        _apply(ctx, [reading], store, options)
        if reading.error:
            fail(reading.error, reading.code)
        assert reading.added is not None
        for message in reading.added.replaced:
            note(message)
        note(str(reading.added))


def _many(ctx: typer.Context, found, store, options, fmt, safe_csv: bool, wide: bool, apply: bool,
          jobs: Optional[int]) -> None:
    """Folders, globs, several files: read on every core (a progress bar on a terminal), added
    (--apply) in one write, each report all or nothing, then shown; the failures and a summary
    on stderr; the exit status is the highest a failed report gives (0 when none failed)."""
    from ..batch import read_batch

    with _progress(len(found.reports)) as (done, again):
        readings, read_from = read_batch(found.reports, store, options, jobs, done, again)
    if apply:
        _apply(ctx, readings, read_from, options)
    for reading in readings:
        _notes(reading)
    shown = [r for r in readings if r.extraction is not None and r.extraction.records]
    if fmt is ExtractFormat.toml:
        _show_store(shown, read_from, options, apply)
    else:
        _show(shown, fmt, safe_csv, wide, titled=True)
    for reading in found.failed + readings:
        if reading.error:
            note(f"csplan: {reading.error}")
    note(_summary(readings, found, apply))
    code = max((r.code for r in found.failed + readings if r.error), default=0)
    if code:
        raise typer.Exit(code)


def _notes(reading) -> None:
    for message in reading.extraction.notes if reading.extraction else []:
        note(f"csplan: {reading.report.origin}: {message}")


def _progress(total: int):
    """A context giving the callbacks (a report read, a new reading of them all) that draw a
    progress bar on stderr (Rich), on a terminal only; piped, or for one report, none. It is
    redrawn by those callbacks, not by a thread of its own, so that the reading processes
    start in a process that runs no other thread."""
    import sys
    from contextlib import contextmanager, nullcontext

    if total < 2 or not sys.stderr.isatty():
        return nullcontext((None, None))

    @contextmanager
    def bar():
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        from ..render import console

        columns = (TextColumn("{task.fields[what]}", markup=False), BarColumn(), MofNCompleteColumn(),
                   TimeElapsedColumn(), TextColumn("{task.description}", markup=False))
        with Progress(*columns, console=console(stderr=True), transient=True, auto_refresh=False) as progress:
            task = progress.add_task("", total=total, what="reading reports")

            def done(reading) -> None:
                progress.update(task, advance=1, description=reading.report.origin, refresh=True)

            def again(n: int) -> None:
                progress.reset(task, total=total, description="", refresh=True,
                               what=f"reading them again with what they add ({n})")

            yield done, again

    return bar()


def _apply(ctx: typer.Context, readings: list, store, options) -> list:
    from ..batch import apply_readings

    path = writable_store(ctx)
    with naming(path):
        return apply_readings(path, readings, store, options)


def _summary(readings: list, found, apply: bool) -> str:
    """One line: how many reports, how many failed, what they added (--apply) or hold, and the
    PATHs that named none and the files left out."""
    from ..edit import ImportSummary

    failed = sum(1 for r in readings if r.error)
    head = f"{len(readings)} report{'s' * (len(readings) != 1)}, {failed} failed"
    if apply:
        total = ImportSummary(head)
        for r in readings:
            if r.added and not r.error:
                total.added += r.added.added
                total.unchanged += r.added.unchanged
                total.replaced += r.added.replaced
                for section, ids in r.added.created.items():
                    total.created[section] += ids
        line = str(total)
    else:
        ok = [r.extraction for r in readings if r.extraction is not None and not r.error]
        new = {i for e in ok for i in e.new_indicators}
        line = (f"{head}: {sum(len(e.records) for e in ok)} figures, {len(new)} indicator{'s' * (len(new) != 1)} "
                "the store does not have")
    if found.failed:
        line += f"; {len(found.failed)} PATH{'s' * (len(found.failed) != 1)} named no report"
    if found.skipped:
        line += f"; left out as a folder's own documentation: {', '.join(found.skipped)}"
    return line


def _show(readings: list, fmt: ExtractFormat, safe_csv: bool = False, wide: bool = False,
          titled: bool = False) -> None:
    """The readings' records: a table each (titled by its file when `titled`), or one stream of
    flat records of them all, or (toml) the one report as a store of its own."""
    import sys

    if fmt is ExtractFormat.toml:
        from ..store import dumps

        sys.stdout.write(dumps(readings[0].extraction.store()))
        return
    if fmt is not ExtractFormat.table:
        from ..records import KEYS
        from ..render import write_records

        write_records([r for reading in readings for r in reading.extraction.records], fmt.value, KEYS, safe=safe_csv)
        return
    from ..render import print_blocks

    blocks: list = []
    for reading in readings:
        blocks += _table(reading.extraction, reading.report.origin if titled else None)
    print_blocks(*blocks, wide=wide)


def _show_store(readings: list, store, options, apply: bool) -> None:
    """Many reports as one store (--format toml): copies of the readings, so that --apply's
    outcomes stay; without --apply, a report that cannot join the others is a failure."""
    import sys

    from ..batch import Reading, merged_store
    from ..store import dumps

    copies = [Reading(r.report, r.extraction) for r in readings if not r.error]
    sys.stdout.write(dumps(merged_store(copies, store, options)))
    if not apply:
        for copy, reading in zip(copies, [r for r in readings if not r.error], strict=True):
            reading.error, reading.code = copy.error, copy.code


def _table(result, origin: Optional[str]) -> list:
    from .common import growth_cell
    from ..render import Table
    from ..vocab import STATUS_LABELS, describe

    new = set(result.new_indicators)
    title = (f"{origin + ': ' if origin else ''}{result.region_name or result.region} · {result.source} · "
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
    return blocks

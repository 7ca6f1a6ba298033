"""Extracting many reports at once: finding them in folders and globs, reading them on every core,
adding each to a store all or nothing.

    found = find_reports(["reports/", "2024/*.pdf"])
    readings, read_from = read_batch(found.reports, store, Options(), jobs=4)
    apply_readings(path, readings, read_from, Options())    # each reading's `added` or `error`

Reading a report (its file's text, then `extract`) is pure and CPU-bound: it runs in a pool of
processes, each given once the part of the store a reading uses (regions and indicators). The
store is then changed in the parent with one `store.update`: one lock, one check of the whole
store, one atomic write, however many reports there are, for the store is rewritten whole on
every write (N writes of a large store cost N times its check and write). Within that one
change each report is applied to the store in memory all or nothing: a report that fails is
rolled back and listed with its reason, and the others still go in. If the write itself fails
(the lock, a full disk), nothing is written at all.

Reports of a batch share the store's indicators, and how a report is read depends on them: a
batch is read until it settles (`read_batch`), and within one application a report that an
earlier one made outdated (a region or an indicator its reading could have used) is read again
against the store as it is (`Extraction.outdated`). Running a batch again adds nothing: it reads
the same figures, recognised as already in the store by their source (`edit.apply_records`),
and the file is not rewritten.
"""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .edit import ImportSummary, apply_extraction
from .extract import Extraction
from .extract.documents import SUFFIXES
from .model import CsplanError, Store

#: The names (without suffix, any case) of a folder's own documentation: a folder walk and a glob
#: csplan expands leave these out; a file named on the command line is always read.
FOLDER_DOCUMENTS = frozenset({"readme", "license", "licence", "copying", "changelog", "changes", "news",
                              "history", "contributing", "authors", "notice"})
_MAGIC = re.compile(r"[*?[]")


@dataclass
class Report:
    """A report to read: a file, or stdin's bytes (`data`) for -; `origin` names it in messages."""

    origin: str
    path: str | None = None
    data: bytes | None = None


@dataclass
class Options:
    """What `extract` is told besides the file: the same for every report of a batch."""

    region: str | None = None
    source: str | None = None
    actual_year: int | None = None
    target_year: int | None = None
    every: bool = False


@dataclass
class Reading:
    """What became of one report: its extraction, then (with --apply) what it added, or why it failed.

    `code` is the exit status the failure gives when the report is read alone: 1 it holds no
    figures, 2 its region needs --region, 3 it cannot be read or the store refused it, 4 a bug.
    """

    report: Report
    extraction: Extraction | None = None
    added: ImportSummary | None = None
    error: str | None = None
    code: int = 0

    def fail(self, message: str, code: int) -> None:
        label = f"{self.report.origin}:"
        self.error = message if message.startswith(label) else f"{label} {message}"
        self.code = code


@dataclass
class Found:
    """The reports PATHs name, in order, each once; the PATHs that name none, as failed readings;
    and the files left out as a folder's documentation."""

    reports: list[Report] = field(default_factory=list)
    failed: list[Reading] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def names_one_file(paths: list[str]) -> bool:
    """Whether PATHs name a single report file (or stdin), not a folder, a glob or several files."""
    return len(paths) == 1 and (paths[0] == "-" or not (os.path.isdir(paths[0]) or _is_glob(paths[0])))


def _is_glob(path: str) -> bool:
    return bool(_MAGIC.search(path)) and not os.path.lexists(path)


def find_reports(paths: list[str]) -> Found:
    """The reports that files, folders (walked recursively) and globs (`*`, `?`, `[…]`, `**`) name.

    A folder or a glob gives the files whose suffix `extract` reads (documents.SUFFIXES), except
    hidden files and folders and a folder's own documentation (FOLDER_DOCUMENTS), in path order;
    symbolic links to folders are not followed. A file named as such is always taken. A file
    named twice is read once; stdin (-) is read once, here.
    """
    found = Found()
    seen: set[str] = set()

    def take(path: str) -> None:
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            found.reports.append(Report(path, path))

    for path in paths:
        if path == "-":
            if "-" not in seen:
                seen.add("-")
                found.reports.append(Report("stdin", None, _stdin()))
        elif os.path.isdir(path):
            files = _walk(path, found.skipped)
            if not files:
                _nothing(found, path, "a folder with no report in it")
            for f in files:
                take(f)
        elif _is_glob(path):
            matches = sorted(glob.glob(path, recursive=True))
            files = [f for m in matches for f in (_walk(m, found.skipped) if os.path.isdir(m) else
                                                  _filter([m], found.skipped))]
            if not files:
                _nothing(found, path, "no report file matches it")
            for f in files:
                take(f)
        else:
            take(path)
    return found


def _nothing(found: Found, path: str, why: str) -> None:
    failed = Reading(Report(path))
    failed.fail(f"{why} ({_SUFFIX_LIST})", 3)
    found.failed.append(failed)


_SUFFIX_LIST = ", ".join(SUFFIXES)


def _stdin() -> bytes:
    import sys

    if sys.stdin is None:
        raise CsplanError("stdin is closed; pipe the report in, or give its file name instead of -")
    try:
        return sys.stdin.buffer.read()
    except OSError as e:
        raise CsplanError(f"stdin: cannot be read ({e.strerror or e})") from None


def _filter(files: list[str], skipped: list[str]) -> list[str]:
    """The files a walk or a glob takes (see find_reports); the documentation ones go to `skipped`."""
    taken = []
    for f in files:
        name = os.path.basename(f)
        stem, suffix = os.path.splitext(name)
        if name.startswith(".") or suffix.lower() not in SUFFIXES or not os.path.isfile(f):
            continue
        if stem.casefold() in FOLDER_DOCUMENTS:
            skipped.append(f)
        else:
            taken.append(f)
    return taken


def _walk(top: str, skipped: list[str]) -> list[str]:
    files: list[str] = []
    left: list[str] = []
    for folder, dirs, names in os.walk(top):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        files += _filter([os.path.join(folder, n) for n in names], left)
    skipped += sorted(left, key=_in_path_order)
    return sorted(files, key=_in_path_order)


def _in_path_order(path: str) -> tuple[str, ...]:
    """Files in the order of their paths, a folder's files among its other entries (a/b.md before a.md)."""
    return Path(path).parts


# --- reading ------------------------------------------------------------------------------------


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity where the system tells it)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def read_report(report: Report, store: Store, options: Options) -> Reading:
    """Read one report into a Reading: its extraction, or its failure and exit status."""
    from .extract import extract, read_document

    reading = Reading(report)
    try:
        text = read_document(report.path, data=report.data, name=None if report.path else report.origin)
        ext = extract(text, store, region=options.region, source=options.source, actual_year=options.actual_year,
                      target_year=options.target_year, every=options.every, file_name=report.path or report.origin)
    except CsplanError as e:
        reading.fail(str(e), e.exit_code)
        return reading
    except OSError as e:
        reading.fail(e.strerror or str(e), 3)
        return reading
    except Exception as e:  # a bug: the other reports still go in, and the run exits 4
        reading.fail(f"internal error ({type(e).__name__}: {e}); this is a bug in csplan: please report it", 4)
        return reading
    reading.extraction = ext
    if not ext.records:
        reading.fail("found no headline figures or targets; is it a plan report (执行情况 … 计划草案)?", 1)
    return reading


def reading_view(store: Store) -> Store:
    """The part of a store that reading a report uses: its regions and indicators (no figures,
    which a large store has by the hundred thousand, to send to every process)."""
    return Store(regions=dict(store.regions), indicators=dict(store.indicators), schema=store.schema)


_worker: tuple[Store, Options] | None = None


def _start_worker(store: Store, options: Options, interruptible: bool) -> None:
    """A reading process: the store and options once; Ctrl-C ends it silently (the parent says
    so) unless the parent ignores Ctrl-C, and it writes nothing to stderr (a reading's failure
    goes back as its value)."""
    import signal
    import sys

    global _worker
    _worker = (store, options)
    signal.signal(signal.SIGINT, signal.SIG_DFL if interruptible else signal.SIG_IGN)
    sys.stderr = open(os.devnull, "w")  # noqa: SIM115 (for the life of the process)


def _read_in_worker(report: Report) -> Reading:
    assert _worker is not None
    return read_report(report, *_worker)


def _context():
    """How reading processes start: forked on Linux, where that is cheap and the pool forks them
    all at its first task, before it (or anything of csplan) starts a thread; elsewhere started
    afresh ("spawn"), which imports the program's main module (the csplan script guards its run)."""
    import multiprocessing
    import sys

    if sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def read_reports(reports: list[Report], store: Store, options: Options, jobs: int | None = None,
                 done: Callable[[Reading], None] | None = None) -> list[Reading]:
    """Every report read against `store`, in the order given; `done` is told of each as it ends.

    With more than one report and `jobs` (default: the available cores) above 1, the reports are
    read by a pool of that many processes (at most one a report), given the store's regions and
    indicators once. `done` is called in this process, so it may draw on the terminal; nothing
    here starts a thread before the pool's processes are started.
    """
    view = reading_view(store)
    jobs = max(1, min(jobs or available_cores(), len(reports)))
    if jobs == 1:
        readings = []
        for report in reports:
            readings.append(read_report(report, view, options))
            if done:
                done(readings[-1])
        return readings
    import signal
    from concurrent.futures import ProcessPoolExecutor, as_completed

    results: list[Reading | None] = [None] * len(reports)
    start = (view, options, signal.getsignal(signal.SIGINT) is not signal.SIG_IGN)
    with ProcessPoolExecutor(jobs, mp_context=_context(), initializer=_start_worker, initargs=start) as pool:
        futures = {pool.submit(_read_in_worker, report): n for n, report in enumerate(reports)}
        for future in as_completed(futures):
            n = futures[future]
            try:
                reading = future.result()
            except Exception as e:  # the process reading it died (killed, out of memory)
                reading = Reading(reports[n])
                reading.fail(f"the process reading it ended ({type(e).__name__}: {e})", 4)
            results[n] = reading
            if done:
                done(reading)
    return [r for r in results if r is not None]


#: How many times a batch is read at most (see read_batch): the 23 reports of the development
#: corpus settle in two readings, in four with --all. Past it, the last reading is added as it is.
MAX_READINGS = 8


def read_batch(reports: list[Report], store: Store, options: Options, jobs: int | None = None,
               done: Callable[[Reading], None] | None = None,
               again: Callable[[int], None] | None = None) -> tuple[list[Reading], Store]:
    """Read a batch of reports until their readings settle; (readings, the store they were read
    against: `store`'s regions and indicators with those the batch adds).

    How a report is read depends on the store's indicators: a headline indicator one report adds
    (粮食播种面积) makes another report's sentence about it a figure. So the batch is read
    against `store`, then again against `store` with what that reading adds, until what it adds
    is what it was read against (at most MAX_READINGS times). Then reading the reports again
    once they are in the store gives the same figures, and running the batch again adds nothing.
    `again(n)` is told when the nth reading starts; each reading's `new_indicators` are those
    `store` lacks.
    """
    base = view = reading_view(store)
    readings = read_reports(reports, view, options, jobs, done)
    for n in range(2, MAX_READINGS + 1):
        trial = reading_view(view)
        add_readings(trial, [Reading(r.report, r.extraction) for r in readings if not r.error], view, options)
        grown = _entries_used(trial, base)
        if _entries(grown) == _entries(view):
            break
        if again:
            again(n)
        view = grown
        readings = read_reports(reports, view, options, jobs, done)
    for r in readings:
        if r.extraction is not None:
            r.extraction.new_indicators = [i for i in r.extraction.indicators if i not in base.indicators]
    return readings, view


def _entries_used(store: Store, base: Store) -> Store:
    """`base`'s regions and indicators, with those of `store` its figures and sources use."""
    view = reading_view(base)
    sources = {f.source for f in store.figures}
    for f in store.figures:
        view.indicators.setdefault(f.indicator, store.indicators[f.indicator])
        view.regions.setdefault(f.region, store.regions[f.region])
    for sid in sources:
        region = store.sources[sid].region
        if region:
            view.regions.setdefault(region, store.regions[region])
    for rid in with_parents(store, set(view.regions)):
        view.regions.setdefault(rid, store.regions[rid])
    return view


def with_parents(store: Store, regions: set[str]) -> set[str]:
    """`regions` and every region they belong to: a region's parent goes wherever the region goes."""
    out = set(regions)
    while more := {p for r in out if r in store.regions and (p := store.regions[r].parent)} - out:
        out |= more
    return out


def _entries(store: Store) -> tuple:
    """What of a store a reading depends on, to compare two: its regions and indicators."""
    from .store import to_table

    return ({k: to_table(v) for k, v in store.regions.items()}, {k: to_table(v) for k, v in store.indicators.items()})


# --- adding to a store ----------------------------------------------------------------------------


def apply_readings(path: Path, readings: list[Reading], read_from: Store, options: Options,
                   wait: float | None = None) -> list[Reading]:
    """Add every reading that has an extraction to the store at `path`, each all or nothing, in
    one locked, checked, atomic write (`store.update`), and fill in each one's `added` or
    `error`. `read_from` is the store they were read against. Raises as `update` does (the
    store is then unchanged); returns `readings`."""
    from .store import update

    update(Path(path), lambda store: add_readings(store, readings, read_from, options), wait=wait)
    return readings


def add_readings(store: Store, readings: list[Reading], read_from: Store, options: Options) -> list[Reading]:
    """Apply readings to an in-memory store, in order, each all or nothing (see apply_readings).

    A reading that an earlier one made outdated (`Extraction.outdated`) is read again against
    the store as it is; two reports that give the same source id fail the second: one source
    holds one report's figures.
    """
    sources: dict[str, str] = {}
    for reading in readings:
        if reading.extraction is None:
            continue
        if _repeats_a_source(reading, sources):  # refused whatever a new reading would give: not read again
            continue
        regions = {k: v for k, v in store.regions.items() if k not in read_from.regions}
        indicators = {k: v for k, v in store.indicators.items() if k not in read_from.indicators}
        if reading.extraction.outdated(regions, indicators):
            again = read_report(reading.report, store, options)
            reading.extraction, reading.error, reading.code = again.extraction, again.error, again.code
            if again.error:
                continue
        ext = reading.extraction
        assert ext is not None
        if _repeats_a_source(reading, sources):
            continue
        # apply_extraction fails before it changes a figure: only these are put back. (A copy of
        # the figures would read every one of a large store, which a cached store spares.)
        saved = (dict(store.sources), dict(store.regions), dict(store.indicators))
        try:
            reading.added = apply_extraction(store, ext, reading.report.origin)
        except CsplanError as e:
            store.sources, store.regions, store.indicators = saved
            reading.fail(str(e), e.exit_code)
            continue
        sources[ext.source] = reading.report.origin
    return readings


def _repeats_a_source(reading: Reading, sources: dict[str, str]) -> bool:
    """Fail a reading whose source id an earlier report of the batch gave: one source holds one
    report's figures."""
    sid = reading.extraction.source if reading.extraction else None
    if sid not in sources:
        return False
    reading.fail(f"gives the source id {sid}, as {sources[sid]} does; read it alone with --source ID", 3)
    return True


def merged_store(readings: list[Reading], read_from: Store, options: Options) -> Store:
    """The reports as one store of their own (extract --format toml of many reports): what
    adding them to `read_from` would add, with the regions, sources and indicators their figures
    use. Fills in each reading's `added` or `error` as apply_readings does."""
    store = reading_view(read_from)
    add_readings(store, readings, read_from, options)
    sources = {f.source for f in store.figures}
    used: dict[str, set] = {"sources": sources, "indicators": {f.indicator for f in store.figures},
                            "regions": {f.region for f in store.figures} | {store.sources[s].region for s in sources}}
    used["regions"] = with_parents(store, used["regions"])
    kept = {section: {k: v for k, v in getattr(store, section).items() if k in ids} for section, ids in used.items()}
    return Store(kept["sources"], kept["regions"], kept["indicators"], store.figures, store.schema)

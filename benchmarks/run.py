#!/usr/bin/env python3
"""Measure csplan against the goals of its performance table, as whole processes.

    python benchmarks/run.py            every row, 20 runs of the quick rows, 10 of the slow ones
    python benchmarks/run.py --quick    a short run (3 of each)

Each row runs csplan (A) and the floor it is compared with (B) interleaved, A B A B, so that a
busy moment of the machine hits both alike; it prints min, median and max of each, the ratio of
the medians, and one verdict line per goal. Peak memory is each process's own maximum resident
size (wait4). The large stores (100,000 figures, and the corpus-scale 500,000) are store folders
made by make_store.py in a temporary folder, and the cache lives there too: the user's own cache
is not touched. This is a benchmark, not a test.

    python benchmarks/run.py --scale 0  without the 500,000-figure rows (which take minutes)
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BUNDLED = ROOT / "data" / "indicators.toml"
CORPUS = ROOT.parent / "shared" / "corpus"
PY = sys.executable

# extract on one long paragraph: its time grows with the text's length, no faster (a clause read
# again from its start for each figure in it would make it quadratic: minutes, not seconds).
EXTRACT_BYTES = 5_000_000
EXTRACT_RUNS = 3
EXTRACT_GOAL_RATIO = 20  # × reading and normalising the same text (extract.text.prepare)
EXTRACT_GOAL_S = 10.0
EXTRACT_CLAUSE = "全年地区生产总值增长5%，社会消费品零售总额100亿元，"


def long_paragraph_report(path: Path) -> None:
    """A report whose summary is one paragraph of EXTRACT_BYTES, one clause said again and again."""
    times = EXTRACT_BYTES // len(EXTRACT_CLAUSE.encode("utf-8"))
    path.write_text("关于某县2024年国民经济和社会发展计划执行情况与2025年国民经济和社会发展计划草案的报告\n\n"
                    "一、2024年国民经济和社会发展计划执行情况\n\n" + EXTRACT_CLAUSE * times + "城镇新增就业1000人。\n\n"
                    "二、2025年经济社会发展的主要目标\n\n2025年经济社会发展的主要预期目标是：地区生产总值增长5%左右。\n",
                    encoding="utf-8")


def csplan_cmd() -> list[str]:
    script = Path(sys.executable).parent / "csplan"
    return [str(script)] if script.is_file() else [PY, "-m", "csplan"]


class Runner:
    def __init__(self, env: dict):
        self.env = env
        self.peak: dict[str, int] = {}  # label → KiB

    def once(self, cmd: list[str], env: dict | None = None, label: str | None = None, write: bool = False) -> float:
        """Seconds `cmd` takes. Before a `write` the disk is flushed: a write of many files ends in one
        sync of the machine, which must not wait for what the benchmark itself just wrote (a copied
        store, a file of rows)."""
        e = {**self.env, **(env or {})}
        if write:
            os.sync()
        t = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=e)
        _, status, usage = os.wait4(p.pid, 0)
        elapsed = time.perf_counter() - t
        p.returncode = os.waitstatus_to_exitcode(status)
        err = p.stderr.read().decode("utf-8", "replace") if p.stderr else ""
        if p.stderr:
            p.stderr.close()
        if p.returncode != 0:
            raise SystemExit(f"benchmark command failed ({p.returncode}): {' '.join(cmd)}\n{err}")
        if label:
            self.peak[label] = max(self.peak.get(label, 0), usage.ru_maxrss)
        return elapsed


def stats(xs: list[float]) -> str:
    return f"{fmt_t(statistics.median(xs)):>9} ({fmt_t(min(xs))}–{fmt_t(max(xs))})"


def fmt_t(s: float) -> str:
    return f"{s * 1000:.1f} ms" if s < 1 else f"{s:.2f} s"


class Report:
    def __init__(self):
        self.rows: list[str] = []
        self.verdicts: list[tuple[bool, str]] = []

    def pair(self, name: str, a: list[float], b: list[float], b_name: str, limit: float | None):
        ratio = statistics.median(a) / statistics.median(b)
        line = f"{name:<44} {stats(a):<28} {b_name:<36} {stats(b):<28} ratio {ratio:5.2f}"
        if limit is not None:
            line += f"  (goal ≤ {limit})"
            self.verdict(ratio <= limit, f"{name}: {ratio:.2f} × {b_name} (goal ≤ {limit})")
        self.rows.append(line)
        print(line, flush=True)
        return ratio

    def single(self, name: str, a: list[float], goal_s: float):
        med = statistics.median(a)
        line = f"{name:<44} {stats(a):<28} goal ≤ {fmt_t(goal_s)}"
        self.rows.append(line)
        print(line, flush=True)
        self.verdict(med <= goal_s, f"{name}: median {fmt_t(med)} (goal ≤ {fmt_t(goal_s)})")

    def verdict(self, ok: bool, text: str):
        self.verdicts.append((ok, text))


def interleave(run: Runner, n: int, a, b) -> tuple[list[float], list[float]]:
    """Run the callables a and b n times each, A B A B, after one unmeasured run of each."""
    a(), b()
    ta, tb = [], []
    for _ in range(n):
        ta.append(a())
        tb.append(b())
    return ta, tb


def heavy_modules(args: list[str], env: dict) -> list[str]:
    """Which of rich and pydantic a csplan command loads (a fresh interpreter reports it)."""
    code = ("import json, os, sys\nsys.argv = ['csplan', *json.loads(sys.argv[1])]\nreal_exit = os._exit\n"
            "def report(code):\n"
            "    sys.stderr.write('\\nHEAVY ' + json.dumps(sorted({m.split('.')[0] for m in sys.modules}"
            " & {'rich', 'pydantic'})))\n"
            "    sys.stderr.flush()\n    real_exit(code)\n"
            "os._exit = report  # csplan ends with os._exit once its output is flushed\n"
            "from csplan.cli import run\nrun()\n")
    p = subprocess.run([PY, "-c", code, json.dumps(args)], capture_output=True, text=True, env=env, check=False)
    line = [x for x in p.stderr.splitlines() if x.startswith("HEAVY ")]
    return json.loads(line[-1][6:]) if line else ["(unknown: the command failed)"]


def tomllib_reads(store: Path) -> str:
    """Python that reads with tomllib every file of a store (a file, or a store folder's files)."""
    return (f"import tomllib, pathlib\np = pathlib.Path({str(store)!r})\n"
            "for f in ([p] if p.is_file() else [p / 'store.toml', *(p / 'sources').glob('*.toml')]):\n"
            "    tomllib.loads(f.read_text(encoding='utf-8'))\n")


def make_store(work: Path, name: str, figures: int, env: dict, rows: Path | None = None) -> Path:
    """A store folder of `figures` figures made by make_store.py (seed 1); with `rows`, its
    figures written there as import rows too."""
    path = work / name
    t = time.perf_counter()
    subprocess.run([PY, str(HERE / "make_store.py"), "--figures", str(figures), "--seed", "1", str(path),
                    *(["--rows", str(rows)] if rows else [])], check=True, env=env, stderr=subprocess.DEVNULL)
    size = sum(f.stat().st_size for f in path.rglob("*.toml"))
    files = sum(1 for _ in path.rglob("*.toml"))
    print(f"made a store folder of {figures} figures ({files} files, {size / 1e6:.1f} MB) in "
          f"{time.perf_counter() - t:.1f} s", flush=True)
    return path


def large_store(run: Runner, report: Report, work: Path, cs: list[str], env: dict, store: Path, figures: int,
                n: int, bundled_show: list[float] | None, memory_goal_mb: int, with_compare: bool) -> None:
    """The goals on a large store: warm queries against jq on the JSON export, the first query after
    a change against tomllib, one record, peak memory."""
    k = f"{figures // 1000}k"
    run.peak = {}
    export = work / f"{store.name}.json"
    with open(export, "wb") as f:
        subprocess.run(cs + ["--store", str(store), "list", "--format", "json"], stdout=f, check=True, env=env)
    jq = shutil.which("jq")
    queries = [("show gdp --format json", ["show", "gdp", "--format", "json"], '[.[] | select(.indicator == "gdp")]')]
    if with_compare:
        queries.append(("compare gdp --year 2020 --format json", ["compare", "gdp", "--year", "2020", "--format",
                                                                  "json"],
                        '[.[] | select(.indicator == "gdp" and .year == 2020)]'))
    for name, argv, selection in queries:
        label = f"{argv[0]} (warm)"
        ours = lambda argv=argv, label=label: run.once(cs + ["--store", str(store), *argv], None, label)  # noqa: E731
        if jq:
            if argv[0] == "show":
                selected = subprocess.run([jq, selection, str(export)], capture_output=True, check=True).stdout
                shown = subprocess.run(cs + ["--store", str(store), *argv], capture_output=True, check=True,
                                       env=env).stdout
                same = json.loads(selected) == json.loads(shown)
                print(f"jq selects the same {len(json.loads(shown))} records as csplan: {'yes' if same else 'NO'}")
                report.verdict(same, f"{k}: jq and csplan select the same records")
            a, b = interleave(run, n, ours, lambda selection=selection: run.once([jq, selection, str(export)]))
            report.pair(f"{name}, {k}, warm", a, b, "jq on the JSON export", 0.5)
        else:
            print("jq not found: the comparison with jq is skipped")
            report.verdict(False, f"jq not found: {name} on the {k} store was not compared with jq")
            a = [ours() for _ in range(n + 1)][1:]
        if argv[0] == "show" and bundled_show is not None:
            ratio = statistics.median(a) / statistics.median(bundled_show)
            line = f"{'  same, against the bundled store':<44} {stats(a):<28} " \
                   f"{'show gdp --format json (bundled)':<36} {stats(bundled_show):<28} ratio {ratio:5.2f}  (goal ≤ 2)"
            print(line)
            report.rows.append(line)
            report.verdict(ratio <= 2, f"show on the {k} store, warm: {ratio:.2f} × the bundled store (goal ≤ 2)")

    # Cold: a cache directory of its own for every run, so every run parses, checks and writes the entry.
    cold_dirs = iter(range(10_000))

    def cold():
        return run.once(cs + ["--store", str(store), "show", "gdp", "--format", "json"],
                        {"CSPLAN_CACHE_DIR": str(work / f"cold-{next(cold_dirs)}")}, "first query, cache cold")

    a, b = interleave(run, n, cold, lambda: run.once([PY, "-c", tomllib_reads(store)]))
    report.pair(f"first query after a change, {k}", a, b, "tomllib reading the same files", 1.1)
    for d in work.glob("cold-*"):
        shutil.rmtree(d, ignore_errors=True)

    # Writes: each run records a different value, so every run changes the store.
    values = iter(range(2000, 100_000))

    def record():
        v = next(values)
        return run.once(cs + ["--store", str(store), "record", "gdp", "2024", "--value", str(v), "--region",
                              "cangshan", "--source", "cangshan-2024-plan", "--status", "estimate", "--quote",
                              f"预计，全年地区生产总值 {v} 亿元"], label="record", write=True)

    first = record()
    times = [record() for _ in range(n)]
    report.single(f"record into the {k} store", times, 2.5)
    print(f"{'  (the first record, before any cache)':<44} {fmt_t(first):>9}")
    texts = corpus_reports()
    if texts:  # a real report, with a region and indicators the store lacks: a write of several files
        largest = max(texts, key=lambda p: p.stat().st_size)
        t = run.once(cs + ["--store", str(store), "extract", str(largest), "--apply"], None,
                     "extract --apply of a report", write=True)
        print(f"{'extract --apply of a real report':<44} {fmt_t(t):>9}")
    t = run.once(cs + ["--store", str(store), "validate"], {"CSPLAN_NO_CACHE": "1"}, "validate")
    ok = subprocess.run(cs + ["--store", str(store), "fmt", "--check"], env=env, capture_output=True).returncode == 0
    report.verdict(ok, f"the {k} store is valid and canonical after the records")
    run.once(cs + ["--store", str(store), "list", "--format", "json"], None, "list --format json (every figure)")
    run.once(cs + ["--store", str(store), "value", "gdp", "2024", "--region", "cangshan"], None, "value")
    print(f"{'validate (no cache: parses and checks all)':<44} {fmt_t(t):>9}")
    print(f"peak memory on the {k} store:")
    for label, kib in run.peak.items():
        print(f"  {label:<42} {kib / 1024:6.0f} MB")
    worst = max(run.peak.values())
    report.verdict(worst / 1024 <= memory_goal_mb,
                   f"peak memory on the {k} store: {worst / 1024:.0f} MB (goal ≤ {memory_goal_mb} MB)")
    export.unlink()
    print(flush=True)


def first_rows(rows: Path, out: Path, count: int, keep=None, column: int = 0) -> set[str]:
    """The header and the first `count` rows of the CSV `rows` that `keep(cells)` accepts (all,
    by default), written to `out`, read a line at a time; the values of `column` in them."""
    seen = set()
    with open(rows, encoding="utf-8", newline="") as src, open(out, "w", encoding="utf-8", newline="") as dst:
        dst.write(src.readline())
        n = 0
        for line in src:
            if n >= count:
                break
            cells = next(csv.reader([line]))
            if keep is None or keep(cells):
                dst.write(line)
                seen.add(cells[column])
                n += 1
    return seen


def imports(run: Runner, report: Report, work: Path, cs: list[str], env: dict, rows: Path, into: Path,
            into_figures: int, sizes: tuple[int, ...], n: int) -> None:
    """Import: rows into an empty store at several sizes (linear, and 100k within its goal), and
    1,000 rows into the 100k store. `rows` are every figure of the corpus-scale store."""
    with open(rows, encoding="utf-8", newline="") as f:  # streamed: this process stays small, and so
        header = f.readline()                            # do the processes it starts (they begin as its copy)
        available = sum(1 for _ in f)
    keys = next(csv.reader([header]))
    at = keys.index("source")
    per_row = {}
    for size in sizes:
        if size > available:
            continue
        part = work / f"rows-{size}.csv"
        first_rows(rows, part, size)
        store = work / f"empty-{size}"
        subprocess.run(cs + ["--store", str(store), "init"], check=True, env=env, capture_output=True)
        t = run.once(cs + ["--store", str(store), "import", str(part)], None, f"import {size} rows", write=True)
        per_row[size] = t / size
        line = f"{f'import {size // 1000}k rows into an empty store':<44} {fmt_t(t):>9}   " \
               f"{t / size * 1e6:7.1f} µs a row, peak {run.peak[f'import {size} rows'] / 1024:.0f} MB"
        print(line, flush=True)
        report.rows.append(line)
        if size == 100_000:
            report.verdict(t <= 10, f"import 100k rows into an empty store: {fmt_t(t)} (goal ≤ 10 s)")
        shutil.rmtree(store, ignore_errors=True)
        part.unlink()
    if len(per_row) >= 2:
        small, large = min(per_row), max(per_row)
        growth = per_row[large] / per_row[small]
        report.verdict(growth <= 1.5, f"import is linear: a row costs {growth:.2f} × as much at {large // 1000}k "
                                      f"rows as at {small // 1000}k (goal ≤ 1.5)")

    # 1,000 rows into the 100k store: the figures of the first reports it does not hold.
    have = {line.split(",")[0] for line in subprocess.run(cs + ["--store", str(into), "sources", "--format", "csv"],
                                                          capture_output=True, text=True, check=True,
                                                          env=env).stdout.splitlines()[1:]}
    part = work / "rows-1000.csv"
    sources = first_rows(rows, part, 1000, lambda cells: cells[at] not in have, at)
    reports = len(sources)
    times = []
    for i in range(n):
        copy = work / f"into-{i}"
        shutil.copytree(into, copy)
        run.once(cs + ["--store", str(copy), "value", "gdp", "2024", "--region", "cangshan"])  # warm, as in use
        times.append(run.once(cs + ["--store", str(copy), "import", str(part)], None, "import 1000 rows", write=True))
        shutil.rmtree(copy, ignore_errors=True)
    report.single(f"import 1,000 rows ({reports} reports) into {into_figures // 1000}k", times, 2.5)
    rows.unlink()
    print(flush=True)


def corpus_reports() -> list[Path]:
    """The real reports of the corpus beside the checkout, if it is there."""
    return sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []


def extracts(run: Runner, report: Report, work: Path, cs: list[str], n: int) -> None:
    """extract of one whole real report, and of 200 reports on one core and on two."""
    texts = corpus_reports()
    if not texts:
        print(f"no real reports at {CORPUS}: extract of a whole report and of 200 reports not measured")
        report.verdict(False, "extract of real reports not measured (no corpus beside the checkout)")
        return
    largest = max(texts, key=lambda p: p.stat().st_size)
    command = [run.once(cs + ["extract", str(largest), "--format", "json"]) for _ in range(n + 1)][1:]
    report.single(f"extract one whole report ({largest.stat().st_size // 1000} kB)", command, 0.25)
    # Of that, reading the report itself (what each report of a batch costs): the first report in a
    # new process, its patterns compiled on the way, csplan already imported.
    code = ("import sys, time\nfrom csplan.api import extract_report, load, read_document\nstore = load()\n"
            "t = time.perf_counter()\nextract_report(read_document(sys.argv[1]), store)\n"
            "print(time.perf_counter() - t)\n")
    alone = [float(subprocess.run([PY, "-c", code, str(largest)], capture_output=True, text=True, check=True,
                                  env=run.env).stdout) for _ in range(n)]
    line = f"{'  of which reading the report, in the process':<44} {stats(alone)}"
    print(line)
    report.rows.append(line)
    folder = work / "reports"
    folder.mkdir()
    for i in range(200):
        text = texts[i % len(texts)]
        shutil.copy(text, folder / f"{i:03d}-{text.name}")
    one = run.once(cs + ["extract", str(folder), "--jobs", "1", "--format", "json"])
    two = run.once(cs + ["extract", str(folder), "--jobs", "2", "--format", "json"])
    speedup = one / two
    line = f"{'extract 200 reports, 1 process / 2':<44} {fmt_t(one):>9} / {fmt_t(two)}   speed-up {speedup:.2f}"
    print(line)
    report.rows.append(line)
    cores = os.cpu_count() or 1
    report.verdict(speedup >= 1.7 or cores < 2, f"extract of 200 reports: {speedup:.2f} × faster on 2 processes "
                                                f"than on 1 (goal ≥ 1.7; {cores} cores)")
    shutil.rmtree(folder, ignore_errors=True)
    print(flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="3 runs per row instead of 20 (10 for slow rows)")
    ap.add_argument("--figures", type=int, default=100_000, help="size of the large store (default 100000)")
    ap.add_argument("--scale", type=int, default=500_000,
                    help="size of the corpus-scale store (default 500000; 0 leaves those rows out)")
    args = ap.parse_args()
    fast_n, slow_n = (3, 3) if args.quick else (20, 10)
    scale_n = 3

    work = Path(tempfile.mkdtemp(prefix="csplan-bench-"))
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONDONTWRITEBYTECODE", "CSPLAN_STORE", "CSPLAN_NO_CACHE", "NO_COLOR", "FORCE_COLOR")
           and not k.endswith("_COMPLETE")}
    env["CSPLAN_CACHE_DIR"] = str(work / "cache")
    run = Runner(env)
    report = Report()
    cs = csplan_cmd()
    try:
        print(f"csplan benchmark: {os.cpu_count()} cores, Python {platform.python_version()}, "
              f"{platform.system()} {platform.machine()}; {'quick' if args.quick else 'full'} run", flush=True)
        # Byte code is written once, as an installed package has it.
        subprocess.run([PY, "-c", "import csplan.cli, csplan.store, csplan.cache, csplan.query, csplan.records, "
                        "csplan.render, csplan.simple_toml, csplan.cli.fast, csplan.vocab, typer, rich.table"],
                       check=True, env=env)

        def cmd(*a, store=None, label=None, extra=None):
            c = cs + (["--store", str(store)] if store else []) + list(a)
            return lambda: run.once(c, extra, label)

        def py(code):
            return lambda: run.once([PY, "-c", code])

        typer_only = py("import typer")
        typer_rich = py("import typer, rich.console, rich.table")

        a, b = interleave(run, fast_n, cmd("show", "gdp"), typer_rich)
        report.pair("show gdp (table, piped)", a, b, "import typer, rich.console, rich.table", 1.25)
        a, b = interleave(run, fast_n, cmd("show", "gdp", "--format", "json"), typer_only)
        report.pair("show gdp --format json", a, b, "import typer", 1.15)
        bundled_show = a
        a, b = interleave(run, fast_n, cmd("value", "gdp", "2024"), typer_only)
        report.pair("value gdp 2024", a, b, "import typer", 1.15)
        complete = {"_CSPLAN_COMPLETE": "complete_bash", "COMP_WORDS": "csplan show g", "COMP_CWORD": "2"}
        a, b = interleave(run, fast_n, lambda: run.once(cs, complete), typer_only)
        report.pair("completion of an indicator id (bash)", a, b, "import typer", 1.15)
        for what in (["show", "gdp", "--format", "json"], ["value", "gdp", "2024"], ["list", "--format", "csv"]):
            heavy = heavy_modules(what, env)
            report.verdict(not heavy, f"{' '.join(what)} loads no Rich or pydantic" + (f" (loads {heavy})"
                                                                                        if heavy else ""))
        heavy = heavy_modules([], {**env, **complete})
        report.verdict(not heavy, "completion loads no Rich or pydantic" + (f" (loads {heavy})" if heavy else ""))
        print(flush=True)

        big = make_store(work, "big", args.figures, env)
        large_store(run, report, work, cs, env, big, args.figures, slow_n, bundled_show, 250, with_compare=False)

        # extract on one paragraph of 5 MB, against reading and normalising the same text.
        long_report = work / "long-paragraph.txt"
        long_paragraph_report(long_report)
        a, b = interleave(run, EXTRACT_RUNS, cmd("extract", str(long_report), "--region", "x", "--format", "json"),
                          py(f"from csplan.extract.text import prepare\n"
                             f"prepare(open({str(long_report)!r}, encoding='utf-8').read())"))
        report.pair(f"extract, one paragraph of {EXTRACT_BYTES / 1e6:.0f} MB", a, b, "read and normalise the text",
                    EXTRACT_GOAL_RATIO)
        med = statistics.median(a)
        report.verdict(med <= EXTRACT_GOAL_S, f"extract of a {EXTRACT_BYTES / 1e6:.0f} MB paragraph: median "
                                              f"{fmt_t(med)} (goal ≤ {fmt_t(EXTRACT_GOAL_S)})")
        print(flush=True)
        extracts(run, report, work, cs, scale_n if args.quick else 10)

        if args.scale:
            rows = work / "rows.csv"
            huge = make_store(work, "huge", args.scale, env, rows)
            large_store(run, report, work, cs, env, huge, args.scale, scale_n, None, 500, with_compare=True)
            shutil.rmtree(huge, ignore_errors=True)
            imports(run, report, work, cs, env, rows, big, args.figures, (10_000, 100_000, 500_000), scale_n)

        print("\nverdicts:")
        for ok, text in report.verdicts:
            print(f"  {'PASS' if ok else 'MISS'}  {text}")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

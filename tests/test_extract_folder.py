"""`csplan extract PATH…`: folders (walked), globs and several files, read on every core and added
to a store each all or nothing; a second run adds nothing.

The sample reports are those of test_extract.py, whose expected figures were read off their
texts there (SAMPLES); the whole-corpus test needs ../shared/corpus beside the checkout.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, on_terminal, unavailable
from test_extract import FIXTURES, SAMPLES

from csplan.batch import FOLDER_DOCUMENTS, Options, Reading, find_reports, read_batch
from csplan.model import Store
from csplan.records import KEYS
from csplan.store import check_text, load

CORPUS = ROOT.parent / "shared" / "corpus"
NOT_A_REPORT = "各位代表：今年工作很好。\n"  # no year, no figure: extract cannot read it (exit 3 alone)
NOT_READ = "cannot tell which years the report covers"
ROW = ("indicator", "year", "kind", "metric", "value", "unit", "growth", "qualifier", "status")


def row(r: dict) -> tuple:
    return tuple(r[k] for k in ROW)


@pytest.fixture
def folder(tmp_path) -> Path:
    """Three sample reports (one in a subfolder), a text that is no report, and what a walk leaves
    out: the folder's README, a hidden file, a file of another kind."""
    top = tmp_path / "reports"
    (top / "fujian").mkdir(parents=True)
    shutil.copy(FIXTURES / "national-2024-plan-report.md", top)
    shutil.copy(FIXTURES / "county-2025-plan-report.md", top)
    shutil.copy(FIXTURES / "city-2023-plan-report.txt", top / "fujian")
    (top / "notes.txt").write_text(NOT_A_REPORT, encoding="utf-8")
    shutil.copy(FIXTURES / "province-2022-plan-report.md", top / "README.md")
    shutil.copy(FIXTURES / "province-2022-plan-report.md", top / ".draft.md")
    (top / "figures.csv").write_text("indicator,year\n", encoding="utf-8")
    return top


GOOD = ("national-2024-plan-report.md", "county-2025-plan-report.md", "city-2023-plan-report.txt")


def sources(path: Path) -> dict[str, int]:
    """Source id → how many figures the store holds from it."""
    store = load(path, cache=False)
    return {s: sum(f.source == s for f in store.figures) for s in store.sources}


def test_a_folder_goes_in_with_a_bad_file_listed_and_a_second_run_adds_nothing(cli, store_copy, folder):
    res = cli("--store", store_copy, "extract", folder, "--apply", "--format", "json")
    assert res.exit_code == 3, res.stderr  # notes.txt alone exits 3
    lines = res.stderr.splitlines()
    assert lines[-2].startswith(f"csplan: {folder / 'notes.txt'}: {NOT_READ}")
    expected = [r for name in GOOD for r in SAMPLES[name][0]]
    assert lines[-1].startswith(f"4 reports, 1 failed: added {len(expected)} figures")
    assert lines[-1].endswith(f"left out as a folder's own documentation: {folder / 'README.md'}")
    assert sorted(row(r) for r in json.loads(res.stdout)) == sorted(expected)
    assert sources(store_copy) == {"cangshan-2024-plan": 148, "china-2024-plan": len(SAMPLES[GOOD[0]][0]),
                                   "pingnan-2025-plan": len(SAMPLES[GOOD[1]][0]),
                                   "quanzhou-2023-plan": len(SAMPLES[GOOD[2]][0])}
    value = cli("--store", store_copy, "value", "gdp", "2024", "--region", "china")
    assert value.stdout == "134.9\n"  # 国内生产总值达到134.9万亿元

    before, mtime = store_copy.read_bytes(), store_copy.stat().st_mtime_ns
    again = cli("--store", store_copy, "extract", folder, "--apply", "--format", "json")
    assert again.exit_code == 3
    assert again.stderr.splitlines()[-1].startswith(f"4 reports, 1 failed: added 0 figures; {len(expected)} already")
    assert store_copy.read_bytes() == before and store_copy.stat().st_mtime_ns == mtime  # not even rewritten
    assert again.stdout == res.stdout


def test_globs_recursion_and_files_named_twice(cli, store_copy, folder):
    res = cli("--store", store_copy, "extract", str(folder / "**" / "*.txt"), "--format", "csv")
    assert res.exit_code == 3  # notes.txt again
    records = list(csv.DictReader(io.StringIO(res.stdout)))
    assert {r["source"] for r in records} == {"quanzhou-2023-plan"}  # the .txt in the subfolder; no .md
    assert "2 reports, 1 failed" in res.stderr.splitlines()[-1]

    res = cli("--store", store_copy, "extract", folder / "fujian", folder / "fujian" / "city-2023-plan-report.txt",
              str(folder / "n*.md"), "--format", "csv")
    assert res.exit_code == 0, res.stderr
    records = list(csv.DictReader(io.StringIO(res.stdout)))
    assert list(records[0]) == list(KEYS)
    by_source = {s: sum(r["source"] == s for r in records) for s in {r["source"] for r in records}}
    assert by_source == {"quanzhou-2023-plan": len(SAMPLES[GOOD[2]][0]), "china-2024-plan": len(SAMPLES[GOOD[0]][0])}


def test_a_named_readme_is_read_and_what_names_nothing_is_listed(cli, store_copy, folder, tmp_path):
    """A file named as such is always read, README or not; a glob matching nothing and a missing
    file are failures of their own (exit 3), and the other reports still go in."""
    res = cli("--store", store_copy, "extract", folder / "README.md", str(folder / "*.pdf"), tmp_path / "nowhere.txt",
              "--apply")
    assert res.exit_code == 3
    assert f"csplan: {folder / '*.pdf'}: no report file matches it" in res.stderr
    assert f"csplan: {tmp_path / 'nowhere.txt'}: no such file" in res.stderr
    assert "fujian-2022-plan" in sources(store_copy)  # README.md holds the province's report here
    assert res.stderr.splitlines()[-1].startswith("2 reports, 1 failed: added 21 figures")
    assert res.stderr.splitlines()[-1].endswith("; 1 PATH named no report")


def test_each_report_goes_in_all_or_nothing(cli, tmp_path, folder):
    """A report whose region has no readable id fails at --apply (exit 2 alone) and adds nothing,
    not even its source; the others go in."""
    store = tmp_path / "s.toml"
    assert cli("--store", store, "init").exit_code == 0
    (folder / "odd.txt").write_text("关于㐀㐁县2024年计划执行情况的报告\n\n预计全年地区生产总值增长5%，固定资产投资增长3%。\n\n"
                                    "主要预期目标是：地区生产总值增长6%左右。\n", encoding="utf-8")
    (folder / "notes.txt").unlink()
    res = cli("--store", store, "extract", folder, "--apply")
    assert res.exit_code == 2
    assert f"csplan: {folder / 'odd.txt'}: the report's region 㐀㐁县 is not in the store; give --region ID" in res.stderr
    got = sources(store)
    assert set(got) == {"china-2024-plan", "pingnan-2025-plan", "quanzhou-2023-plan"}
    assert not any(r.startswith("region-") for r in load(store, cache=False).regions)


def test_toml_of_many_reports_is_one_valid_store(cli, folder, tmp_path):
    (folder / "notes.txt").unlink()
    res = cli("extract", folder, "--format", "toml")
    assert res.exit_code == 0, res.stderr
    store, problems = check_text(res.stdout, tmp_path / "x.toml")
    assert problems == []
    assert sorted(store.sources) == ["china-2024-plan", "pingnan-2025-plan", "quanzhou-2023-plan"]
    assert store.sources["quanzhou-2023-plan"].date == "2024-01-10"  # （2024年1月10日在泉州市…会议上）
    assert len(store.figures) == sum(len(SAMPLES[name][0]) for name in GOOD)
    assert {f.indicator for f in store.figures} == set(store.indicators)


def test_the_table_lists_each_report_under_its_file(cli, folder):
    (folder / "notes.txt").unlink()
    res = cli("extract", folder)
    assert res.exit_code == 0, res.stderr
    titles = [ln for ln in res.stdout.splitlines() if " 实际 / " in ln]
    assert titles == [f"{folder / 'county-2025-plan-report.md'}: 屏南县 · pingnan-2025-plan · 2025 实际 / 2026 目标",
                      f"{folder / 'fujian' / 'city-2023-plan-report.txt'}: 泉州市 · quanzhou-2023-plan · 2023 实际 / 2024 目标",
                      f"{folder / 'national-2024-plan-report.md'}: 全国 · china-2024-plan · 2024 实际 / 2025 目标"]


@pytest.mark.parametrize("jobs", ["0", "abc", "-1", "1.5"])
def test_jobs_is_a_number_of_processes(cli, folder, jobs):
    res = cli("extract", folder, "--jobs", jobs)
    assert res.exit_code == 2 and res.stdout == ""
    assert res.stderr == f"csplan: Invalid value for '--jobs' / '-j': {jobs!r} is not a number of processes (1 or " \
                         "more) (see 'csplan extract -h')\n"


def test_source_is_refused_for_many_reports_and_an_empty_folder_is_one_line(cli, folder, tmp_path):
    res = cli("extract", folder, "--source", "x-2024-plan")
    assert res.exit_code == 2 and "--source names one report" in res.stderr
    (tmp_path / "empty").mkdir()
    res = cli("extract", tmp_path / "empty")
    assert res.exit_code == 3 and res.stdout == ""
    assert res.stderr == f"csplan: {tmp_path / 'empty'}: a folder with no report in it (.txt, .text, .md, .markdown, " \
                         ".html, .htm, .shtml, .xhtml, .pdf, .docx)\n"


HOLDER = """
import os, signal, sys
from pathlib import Path
from csplan.store import lock

with lock(Path(sys.argv[1])):
    print("locked", flush=True)
    os.kill(os.getpid(), signal.SIGSTOP)
"""


def test_a_batch_behind_another_writer_or_into_a_bad_store_writes_nothing(cli, store_copy, folder):
    """One write for the batch: behind a writer that holds the lock it gives up (exit 3) with the
    store byte-identical; a store that is not valid is refused whole before any report goes in."""
    (folder / "notes.txt").unlink()
    before = store_copy.read_bytes()
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(store_copy)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
        res = cli("--store", store_copy, "--wait", "0", "extract", folder, "--apply", "--format", "csv")
    finally:
        holder.kill()
        holder.wait()
    assert res.exit_code == 3 and "holds the lock" in res.stderr.splitlines()[-1]
    assert store_copy.read_bytes() == before
    store_copy.write_bytes(before.replace(b'unit = "\xe4\xba\xbf\xe5\x85\x83"', b"unit = 5", 1))  # 亿元 → 5
    broken = store_copy.read_bytes()
    assert broken != before
    res = cli("--store", store_copy, "extract", folder, "--apply", "--format", "csv")
    assert res.exit_code == 3 and res.stderr.count("\n") == 1 and "must be" in res.stderr
    assert store_copy.read_bytes() == broken


# --- reports of one batch that share regions and indicators ---------------------------------------

BRIEF = "\n\n预计全年地区生产总值增长5%，实际利用外资{fdi}。\n\n主要预期目标是：地区生产总值增长6%左右。\n"


def test_reports_of_one_batch_read_as_one_after_another(tmp_path):
    """Two names of one district make one region; a jobs figure in 万个 (posts) after one in 万人
    goes to an indicator of its own, as it would if the reports were added one by one."""
    brief = "\n\n预计全年地区生产总值增长5%，城镇新增就业{jobs}。\n\n主要预期目标是：地区生产总值增长6%左右。\n"
    (tmp_path / "a.txt").write_text("关于海拉尔区2024年计划执行情况的报告" + brief.format(jobs="1.2万人"), encoding="utf-8")
    (tmp_path / "b.txt").write_text("关于呼伦贝尔市海拉尔区2025年计划执行情况的报告" + brief.format(jobs="1.3万个"),
                                    encoding="utf-8")
    found = find_reports([str(tmp_path)])
    readings, read_from = read_batch(found.reports, Store(), Options(), jobs=2)
    store = Store()
    from csplan.batch import add_readings

    add_readings(store, readings, read_from, Options())
    assert [r.error for r in readings] == [None, None]
    # one district, under the city and the province the gazetteer places it in
    assert list(store.regions) == ["inner_mongolia", "hulunbeier", "hailaer"]
    assert store.regions["hailaer"].name == "海拉尔区" and store.regions["hailaer"].parent == "hulunbeier"
    jobs = {f.source: (f.indicator, f.unit) for f in store.figures if f.unit in ("万人", "万个")}
    assert jobs["hailaer-2024-plan"] == ("new_urban_jobs", "万人")
    other, unit = jobs["hailaer-2025-plan"]
    assert other != "new_urban_jobs" and unit == "万个" and store.indicators[other].unit == "万个"
    again, _ = read_batch(found.reports, store, Options(), jobs=1)  # read once they are in: the same figures
    assert [r.extraction.records for r in again] == [r.extraction.records for r in readings]


def test_parallel_and_one_process_read_alike(folder):
    found = find_reports([str(folder)])
    one, _ = read_batch(found.reports, Store(), Options(), jobs=1)
    many, _ = read_batch(found.reports, Store(), Options(), jobs=3)
    assert [(r.error, r.extraction and r.extraction.records) for r in one] == \
           [(r.error, r.extraction and r.extraction.records) for r in many]
    assert sum(r.error is None for r in many) == 3


def test_what_a_walk_takes(tmp_path):
    for name in ("b.md", "a.TXT", "x.pdf", "page.htm", "w.docx", "README.md", "license.txt", "ChangeLog.md",
                 "data.csv", ".hidden.txt", "sub/c.txt", ".git/d.txt", "sub/.e.md"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("", encoding="utf-8")
    os.symlink(tmp_path, tmp_path / "sub" / "loop")  # a link to a folder is not followed
    found = find_reports([str(tmp_path)])
    assert [Path(r.origin).relative_to(tmp_path).as_posix() for r in found.reports] == \
           ["a.TXT", "b.md", "page.htm", "sub/c.txt", "w.docx", "x.pdf"]
    assert sorted(Path(p).name for p in found.skipped) == ["ChangeLog.md", "README.md", "license.txt"]
    assert {"readme", "license", "changelog"} <= FOLDER_DOCUMENTS


def test_a_failure_in_one_report_is_its_own(folder):
    """A report that cannot be read fails with its reason and exit status; the others are read."""
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    readings, _ = read_batch(find_reports([str(folder)]).reports, Store(), Options(), jobs=2)
    failed = {Path(r.report.origin).name: (r.code, r.error) for r in readings if r.error}
    assert set(failed) == {"broken.docx", "notes.txt"}
    assert failed["broken.docx"][0] == 3 and "Word" in failed["broken.docx"][1]
    assert failed["notes.txt"][0] == 3 and NOT_READ in failed["notes.txt"][1]
    assert all(isinstance(r, Reading) for r in readings) and len(readings) == 5


# --- the terminal -------------------------------------------------------------------------------------


def run_csplan(args: list[str], tty: bool) -> tuple[int, str, str]:
    """csplan in a new process; stderr on a pseudo-terminal when `tty` (stdout piped)."""
    env = {k: v for k, v in os.environ.items() if k not in ("CSPLAN_STORE", "NO_COLOR")}
    env["COLUMNS"] = "120"
    command = [sys.executable, "-m", "csplan", *args]
    if not tty:
        p = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
        return p.returncode, p.stdout, p.stderr
    status, shown, out, _ = on_terminal(command, env=env, streams=("stderr",))
    return status, out, shown


def test_a_progress_bar_on_a_terminal_and_none_when_piped(folder, bundled):
    (folder / "notes.txt").unlink()
    known = load(bundled).indicators
    expected = [r for name in GOOD for r in SAMPLES[name][0]]
    new = {r[0] for r in expected} - set(known)
    summary = (f"3 reports, 0 failed: {len(expected)} figures, {len(new)} indicators the store does not have; "
               f"left out as a folder's own documentation: {folder / 'README.md'}")
    code, out, err = run_csplan(["extract", str(folder), "--format", "csv"], tty=True)
    assert code == 0, err
    assert "reading reports" in err and "\x1b[" in err  # drawn, then cleared
    assert err.rstrip().splitlines()[-1].endswith(summary)
    code, piped_out, err = run_csplan(["extract", str(folder), "--format", "csv"], tty=False)
    assert code == 0 and piped_out == out and len(out.splitlines()) == 1 + len(expected)
    assert err == summary + "\n"


# --- the real corpus ------------------------------------------------------------------------------


def test_the_whole_corpus_goes_in_with_no_flags_and_a_second_run_changes_nothing(cli, tmp_path):
    reports = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
    if len(reports) != 23:
        unavailable(f"needs the 23 reports of ../shared/corpus beside this checkout ({CORPUS})")
    store = tmp_path / "corpus.toml"
    assert cli("--store", store, "init").exit_code == 0
    res = cli("--store", store, "extract", CORPUS, "--apply", "--format", "csv")
    assert res.exit_code == 0, res.stderr
    summary = res.stderr.splitlines()[-1]
    assert summary.startswith("23 reports, 0 failed: added ") and "23 sources" in summary
    assert summary.endswith(f"left out as a folder's own documentation: {CORPUS / 'README.md'}")
    got = sources(store)
    assert len(got) == 23 and all(got.values())
    regions = load(store, cache=False).regions
    assert regions["hailaer"].name == "海拉尔区" and regions["changsha"].name == "长沙市"
    before = store.read_bytes()
    again = cli("--store", store, "extract", CORPUS, "--apply", "--format", "csv")
    assert again.exit_code == 0, again.stderr
    assert " added 0 figures;" in again.stderr.splitlines()[-1]
    assert store.read_bytes() == before
    assert again.stdout == res.stdout
    one = tmp_path / "one.toml"
    cli("--store", one, "init")
    assert cli("--store", one, "extract", CORPUS, "--apply", "--jobs", "1").exit_code == 0
    assert one.read_bytes() == before  # one process or many: the same store


def test_a_report_refused_in_a_batch_changes_no_figure_and_adds_no_entry(tmp_path):
    """add_readings puts back only the regions, sources and indicators of a refused report: it
    relies on apply_extraction failing before it changes any figure, which this holds it to."""
    from csplan.batch import add_readings
    from csplan.model import Figure

    good = tmp_path / "a.txt"
    good.write_text("关于海拉尔区2024年计划执行情况的报告" + BRIEF.format(fdi="5773万美元"), encoding="utf-8")
    bad = tmp_path / "b.txt"
    bad.write_text("关于海拉尔区2025年计划执行情况的报告" + BRIEF.format(fdi="30亿元"), encoding="utf-8")
    found = find_reports([str(tmp_path)])
    readings, read_from = read_batch(found.reports, Store(), Options(), jobs=1)
    second = readings[1].extraction
    assert second is not None and second.records
    second.records[-1] = {**second.records[-1], "year": 3000}  # a record no store takes, after the others
    store = Store()
    add_readings(store, [readings[0]], read_from, Options())
    before = (dict(store.sources), dict(store.regions), dict(store.indicators),
              [Figure(*(getattr(f, k) for k in Figure.__match_args__)) for f in store.figures])
    figures = store.figures
    add_readings(store, [readings[1]], read_from, Options())
    assert readings[1].error and "3000" in readings[1].error
    assert (store.sources, store.regions, store.indicators) == before[:3]
    assert store.figures is figures and store.figures == before[3]

"""Limits stated and kept: numbers a store cannot hold and text that is not Unicode are refused in
every way they can enter (typed, imported, hand-edited), `targets` computes on any number, Ctrl-C
ends csplan with one line at any moment, and extract reads a long paragraph in one pass."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from csplan.extract import extract
from csplan.model import Figure, number_problem
from csplan.store import load
from csplan.chart import growth_chart, svg, targets_chart
from csplan.targets import check_year, growth_rows, implied_text, outcome_text, show_lines, summary_text

from conftest import ctrl_c_as_a_terminal_gives_it

SCRIPT = Path(sys.executable).parent / "csplan"

TOO_LARGE = "1e58"
TOO_LONG = "1" * 5000  # more digits than Python converts to an int
OVER_64_BITS = str(2**63)
OUT_OF_RANGE = {"1e58": TOO_LARGE, "5000 digits": TOO_LONG, "2^63": OVER_64_BITS}
SURROGATE = "ab\udc9bc"  # what the byte 0x9b of a command line becomes: not a character


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _one_error_line(stderr: str) -> str:
    lines = stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("csplan: "), stderr[:2000]
    assert "Traceback" not in stderr
    assert len(lines[0]) < 400, lines[0]  # a 5,000-digit number is shown cut short
    return lines[0]


# --- the rule ---------------------------------------------------------------------------------


@pytest.mark.parametrize("x", [0, 1, -3, 5.8, 0.0, 1500, 999_999_999_999_999, -999_999_999_999_999,
                               "0.000000000000001", 1e-15, 123456789012345, 1.23456789012345, 1e14, "0e-400"])
def test_numbers_a_store_holds(x):
    assert number_problem(x) is None


@pytest.mark.parametrize("x", [1e58, 10**15, -(10**15), 2**63, 99999999999999999999999, TOO_LONG, "1e58",
                               1.2345678901234567, 123456789012345.6, 1e-16, "1e-400", float("inf"),
                               float("nan"), True])
def test_numbers_out_of_range(x):
    assert number_problem(x)


# --- typed --------------------------------------------------------------------------------------


@pytest.mark.parametrize("number", OUT_OF_RANGE.values(), ids=OUT_OF_RANGE.keys())
@pytest.mark.parametrize("command", [("record", "gdp", "2025", "--value"), ("record", "gdp", "2025", "--growth"),
                                     ("target", "gdp", "2026", "--value"), ("target", "gdp", "2026", "--growth")])
def test_a_typed_number_out_of_range_is_refused(cli, store_copy, command, number):
    before = _digest(store_copy)
    result = cli("--store", store_copy, *command, number)
    assert result.exit_code == 2, (result.stdout, result.stderr[:500])
    line = _one_error_line(result.stderr)
    assert command[-1] in line and ("too large" in line or "digits" in line)
    assert _digest(store_copy) == before


def _run(args: list, **kwargs) -> subprocess.CompletedProcess:
    if not SCRIPT.is_file():
        pytest.fail(f"the console script is not at {SCRIPT}; install csplan into this environment")
    env = {k: v for k, v in os.environ.items() if k != "CSPLAN_STORE"}
    return subprocess.run([os.fsencode(a) if isinstance(a, str) else a for a in [SCRIPT, *args]],
                          capture_output=True, env=env, check=False, **kwargs)


@pytest.mark.parametrize("args", [
    ("record", "gdp", "2025", "--value", "1", "--quote", b"ab\x9bc"),
    ("target", "gdp", "2026", "--task", b"ab\x9bc"),
    ("record", "gdp", "2025", "--growth", "1", "--unit", b"\x9b%"),
    ("indicator", "add", "foo", "--name", b"ab\x9bc", "--unit", "个"),
    ("region", "add", "foo", "--name", b"ab\x9bc"),
    ("source", "add", "foo", "--title", b"ab\x9bc", "--date", "2025-01-01", "--region", "cangshan"),
], ids=["record --quote", "target --task", "record --unit", "indicator add", "region add", "source add"])
def test_typed_text_that_is_not_unicode_is_refused(store_copy, args):
    """A byte that is not UTF-8 in an argument (`--quote $'ab\\x9bc'`) is refused before it is stored."""
    before = _digest(store_copy)
    p = _run(["--store", store_copy, *args])
    stderr = p.stderr.decode("utf-8")
    assert p.returncode == 2, stderr
    assert "not valid Unicode" in _one_error_line(stderr)
    assert _digest(store_copy) == before


def test_surrogate_text_from_a_program_is_refused(cli, store_copy):
    before = _digest(store_copy)
    result = cli("--store", store_copy, "record", "gdp", "2025", "--value", "1", "--quote", SURROGATE)
    assert result.exit_code == 2
    assert "--quote is not valid Unicode" in _one_error_line(result.stderr)
    assert _digest(store_copy) == before


# --- imported -----------------------------------------------------------------------------------

HEADER = ["indicator", "region", "year", "kind", "metric", "value", "unit", "growth", "qualifier", "status",
          "source", "quote"]


def _row(value: str = "1175", growth: str = "", quote: str = "x") -> list[str]:
    return ["gdp", "cangshan", "2025", "actual", "value", value, "亿元", growth, "exact", "reported",
            "cangshan-2024-plan", quote]


def _import_file(tmp_path: Path, fmt: str, row: list[str]) -> Path:
    path = tmp_path / f"in.{fmt}"
    if fmt == "json":
        cells = []
        for key, cell in zip(HEADER, row, strict=True):
            if cell == "":
                continue
            # numbers as JSON numbers, written out (5,000 digits, 2^63) as a program would
            text = cell if key in ("year", "value", "growth") else '"' + cell.encode(
                "unicode_escape").decode("ascii").replace('"', '\\"') + '"'
            cells.append(f'"{key}": {text}')
        path.write_text("[\n{" + ", ".join(cells) + "}\n]\n", encoding="utf-8")
    else:
        sep = "," if fmt == "csv" else "\t"
        path.write_text(sep.join(HEADER) + "\n" + sep.join(row) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json"])
@pytest.mark.parametrize("number", OUT_OF_RANGE.values(), ids=OUT_OF_RANGE.keys())
@pytest.mark.parametrize("field", ["value", "growth"])
def test_an_imported_number_out_of_range_is_a_bad_row(cli, store_copy, tmp_path, fmt, number, field):
    row = _row(value=number) if field == "value" else _row(growth=number)
    path = _import_file(tmp_path, fmt, row)
    before = _digest(store_copy)
    result = cli("--store", store_copy, "import", path)
    assert result.exit_code == 3, result.stderr[:500]
    line = _one_error_line(result.stderr)
    assert f"in.{fmt}:2" in line and field in line
    assert "too large" in line or "digits" in line
    assert _digest(store_copy) == before


def test_an_imported_json_text_that_is_not_unicode_is_a_bad_row(cli, store_copy, tmp_path):
    path = _import_file(tmp_path, "json", _row(quote=SURROGATE))
    assert "\\udc9b" in path.read_text(encoding="utf-8")
    before = _digest(store_copy)
    result = cli("--store", store_copy, "import", path)
    assert result.exit_code == 3
    assert "in.json:2" in _one_error_line(result.stderr) and "not valid Unicode" in result.stderr
    assert _digest(store_copy) == before


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_an_imported_byte_that_is_not_utf8_is_refused(cli, store_copy, tmp_path, fmt):
    path = _import_file(tmp_path, fmt, _row(quote="abc"))
    path.write_bytes(path.read_bytes().replace(b"abc", b"a\x9bc"))
    before = _digest(store_copy)
    result = cli("--store", store_copy, "import", path)
    assert result.exit_code == 3
    assert "not UTF-8" in _one_error_line(result.stderr)
    assert _digest(store_copy) == before


# --- hand-edited ------------------------------------------------------------------------------


@pytest.mark.parametrize("number", [*OUT_OF_RANGE.values(), "1.2345678901234567"],
                         ids=[*OUT_OF_RANGE.keys(), "17 digits"])
@pytest.mark.parametrize("field", ["value = 1110", "growth = 5.8"])
def test_a_hand_edited_number_out_of_range_is_a_problem(cli, store_copy, number, field):
    text = store_copy.read_text(encoding="utf-8")
    assert field in text
    store_copy.write_text(text.replace(field, f"{field.split(' =')[0]} = {number}", 1), encoding="utf-8")
    before = _digest(store_copy)
    checked = cli("--store", store_copy, "validate")
    assert checked.exit_code == 1 and "1 problem" in checked.stderr  # validate's answer: the store has problems
    assert "too large" in checked.stdout or "digits" in checked.stdout
    for command in (("show", "gdp"), ("targets", "2025"), ("record", "gdp", "2030", "--growth", "1")):
        result = cli("--store", store_copy, *command)
        assert result.exit_code == 3, (command, result.stderr[:500])
        line = _one_error_line(result.stderr)
        assert "indicators.toml" in line
        assert "too large" in line or "digits" in line
    assert _digest(store_copy) == before


def test_a_hand_edited_byte_that_is_not_utf8_is_a_problem(cli, store_copy):
    data = store_copy.read_bytes()
    store_copy.write_bytes(data.replace("全年地区生产总值".encode(), b"\x9b", 1))
    for command in (("validate",), ("show", "gdp")):
        result = cli("--store", store_copy, *command)
        assert result.exit_code == 3
        assert "not UTF-8" in _one_error_line(result.stderr)


# --- targets on any number ----------------------------------------------------------------------

EDGES = ["999999999999999", "-999999999999999", "0.000000000000001", "0", "-100", "-99.999999999999"]


@pytest.mark.parametrize("growth", ["999999999999999", "-100", "0.000000000000001", "-999999999999999"])
def test_targets_on_the_edges_of_the_range(cli, store_copy, growth):
    """The largest and smallest numbers a store holds, as levels, growths and targets: no crash."""
    for i, value in enumerate(EDGES):
        assert cli("--store", store_copy, "record", "gdp", str(2040 + i), "--value", value,
                   "--growth", growth).exit_code == 0
        assert cli("--store", store_copy, "target", "gdp", str(2041 + i), "--growth", growth).exit_code == 0
        assert cli("--store", store_copy, "target", "retail_sales", str(2041 + i), "--value", value,
                   "--qualifier", "about").exit_code == 0
    for year in range(2040, 2048):
        for fmt in ("table", "json", "csv"):
            for command in (("targets", str(year)), ("growth",), ("show", "gdp"), ("show", "retail_sales")):
                result = cli("--store", store_copy, *command, "--format", fmt)
                assert result.exit_code in (0, 1), (command, result.stderr)
                assert "internal error" not in result.stderr


FLOATS = [1e58, -1e300, 1.7976931348623157e308, 5e-324, 10**60, 2**63, 0, -100, 123456789.123456789]


def test_targets_compute_on_any_number_a_program_puts_in_a_store(bundled):
    """A store built in memory is not checked: targets still never fail on its numbers."""
    for actual, growth, target in [(a, g, t) for a in FLOATS for g in FLOATS[::2] for t in FLOATS[::3]]:
        store = load(bundled, cache=False)
        store.figures += [
            Figure("actual", "gdp", "cangshan", 2030, "value", "exact", "cangshan-2024-plan", "", actual, "亿元",
                   growth, "reported"),
            Figure("actual", "gdp", "cangshan", 2029, "value", "exact", "cangshan-2024-plan", "", target, "亿元",
                   None, "reported"),
            Figure("target", "gdp", "cangshan", 2030, "growth", "about", "cangshan-2024-plan", "", None, "%",
                   growth),
            Figure("target", "gdp", "cangshan", 2031, "value", "about", "cangshan-2024-plan", "", target, "亿元"),
        ]
        for year in (2030, 2031):
            checks = check_year(store, year)
            summary_text(checks)
            for c in checks:
                implied_text(c), outcome_text(c)
            assert svg(targets_chart(store, year, checks)).endswith("</svg>\n")
        assert svg(growth_chart(store, growth_rows(store))).endswith("</svg>\n")
        show_lines(store, store.indicators["gdp"], store.figures_of("gdp"))


# --- Ctrl-C -------------------------------------------------------------------------------------

SIGINT_RUNS = 50
SIGINT_LATEST = 0.3  # seconds after the start


def test_ctrl_c_at_any_moment_ends_with_one_line_and_130(tmp_path, store_copy):
    """SIGINT at random moments of a run: exit 130 and `csplan: interrupted` last, never a traceback.

    Before the command's first statement runs (it takes Ctrl-C, then imports csplan), the
    interpreter is still starting (its `site`), and a SIGINT then is the interpreter's: it ends the
    process by the signal, possibly after its own traceback of that start-up, in which no line of
    csplan appears. Such a run is counted apart; every other run must end as csplan says.
    """
    report = tmp_path / "report.txt"
    report.write_text(_report(10_000), encoding="utf-8")  # read for longer than SIGINT_LATEST
    commands = [["--store", store_copy, "extract", report, "--region", "x", "--format", "json"],
                ["--store", store_copy, "extract", report, "--region", "x", "--apply"],
                ["--store", store_copy, "record", "gdp", "2031", "--growth", "5"]]
    rng = random.Random(20260)
    outcomes: dict[str, int] = {}
    for run in range(SIGINT_RUNS):
        args = commands[run % len(commands)]
        p = subprocess.Popen([os.fspath(SCRIPT), *map(os.fspath, args)], stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, env={k: v for k, v in os.environ.items() if k != "CSPLAN_STORE"},
                             preexec_fn=ctrl_c_as_a_terminal_gives_it)
        time.sleep(rng.uniform(0, SIGINT_LATEST))
        p.send_signal(signal.SIGINT)
        _, err = p.communicate(timeout=60)
        stderr = err.decode("utf-8", "replace")
        if p.returncode == 130:
            # a Ctrl-C after the command has said what it did (`unchanged: …`) follows that line
            *said, last = stderr.splitlines() or [""]
            assert last == "csplan: interrupted", stderr
            assert "Traceback" not in stderr and not any("interrupted" in line for line in said), stderr
            outcome = "interrupted"
        elif p.returncode == 0:
            assert "interrupted" not in stderr, stderr
            outcome = "finished"
            if "Traceback" in stderr:
                # the interpreter, still starting, reports the interrupt and goes on (CPython says
                # "Failed checking if argv[0] is an import path entry"): no frame of csplan's
                assert f"{os.sep}csplan{os.sep}" not in stderr.replace(os.fspath(SCRIPT), ""), stderr
                outcome = "interpreter"
        else:
            # the interpreter's start-up, before csplan: no frame of csplan's own files
            assert p.returncode in (-signal.SIGINT, 1), (p.returncode, stderr)
            assert f"{os.sep}csplan{os.sep}" not in stderr.replace(os.fspath(SCRIPT), ""), stderr
            outcome = "interpreter"
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
        load(store_copy, cache=False)  # an interrupted write leaves a valid store
    # How many runs csplan itself ended depends on how fast the machine starts a process, so it is
    # printed, not asserted; test_faults_store interrupts a run that is surely inside csplan.
    print(f"SIGINT outcomes of {SIGINT_RUNS} runs: {outcomes}")
    assert sum(outcomes.values()) == SIGINT_RUNS


# --- a long paragraph ---------------------------------------------------------------------------

SUMMARY = "全年地区生产总值增长5%，社会消费品零售总额100亿元，"
TARGETS = "地区生产总值增长5%左右，社会消费品零售总额增长6%，"


def _report(times: int) -> str:
    return ("关于某县2024年国民经济和社会发展计划执行情况与2025年国民经济和社会发展计划草案的报告\n\n"
            "一、2024年国民经济和社会发展计划执行情况\n\n" + SUMMARY * times + "城镇新增就业1000人。\n\n"
            "二、2025年经济社会发展的主要目标\n\n2025年经济社会发展的主要预期目标是：" + TARGETS * times
            + "城镇新增就业1000人。\n")


def test_a_long_paragraph_gives_the_records_of_its_first_part():
    """A paragraph of one clause said 20,000 times (1.4 MB) reads as the clause said once."""
    once = extract(_report(1), region="x")
    assert {(r["kind"], r["indicator"]) for r in once.records} >= {("actual", "gdp"), ("target", "gdp")}
    long = extract(_report(20_000), region="x")
    assert long.records == once.records


def test_a_ctrl_c_after_the_command_is_done_ends_it_quietly_with_its_own_status():
    """Once a command has done its work and said so, Ctrl-C ends it with its status and no more
    words: "interrupted" after "recorded …" would say the write did not happen."""
    code = ("import os, signal, time, csplan\ncsplan._on_interrupt()\ncsplan._done(3)\n"
            "os.kill(os.getpid(), signal.SIGINT)\ntime.sleep(30)\n")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60,
                       preexec_fn=ctrl_c_as_a_terminal_gives_it)
    assert (p.returncode, p.stdout, p.stderr) == (3, b"", b"")
    still = subprocess.run([sys.executable, "-c", code.replace("csplan._done(3)\n", "")], capture_output=True,
                           timeout=60, preexec_fn=ctrl_c_as_a_terminal_gives_it)
    assert (still.returncode, still.stderr) == (130, b"csplan: interrupted\n")

"""Bugs found by hostile use of the CLI: each test pins one fix."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from conftest import REPORT, require_report


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _one_error_line(result, code: int) -> str:
    assert result.exit_code == code, (result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("csplan: "), result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_list_with_no_match_says_so_as_csplan(cli, store_copy, fmt):
    result = cli("--store", store_copy, "list", "--year", "2090", "--format", fmt)
    assert "no figures match" in _one_error_line(result, 1)


def _national(cli, path: Path) -> None:
    """GDP 2023 target 5% 左右; stats-2023 says 4.4 %, a later source revises it to 5.2 %."""
    steps = [
        ("init",),
        ("region", "add", "china", "--name", "中华人民共和国"),
        ("source", "add", "gwr-2023", "--title", "2023年政府工作报告", "--date", "2023-03-05", "--region", "china"),
        ("source", "add", "stats-2023", "--title", "2023年统计公报", "--date", "2024-02-29", "--region", "china"),
        ("source", "add", "stats-2024", "--title", "2024年统计公报", "--date", "2025-02-28", "--region", "china"),
        ("indicator", "add", "gdp", "--name", "国内生产总值", "--unit", "亿元"),
        ("target", "gdp", "2023", "--growth", "5", "--qualifier", "左右", "--source", "gwr-2023"),
        ("record", "gdp", "2023", "--value", "1260582", "--growth", "4.4", "--source", "stats-2023"),
        ("record", "gdp", "2023", "--value", "1294272", "--growth", "5.2", "--source", "stats-2024"),
    ]
    for step in steps:
        result = cli("--store", path, *step)
        assert result.exit_code == 0, (step, result.stderr)


def test_show_judges_targets_as_of_the_date_asked(cli, tmp_path):
    store = tmp_path / "china.toml"
    _national(cli, store)
    now = cli("--store", store, "show", "gdp")
    assert "target 2023 增长 5% 左右: met, margin +0.2 pp" in now.stdout
    then = cli("--store", store, "show", "gdp", "--as-of", "2024-03-01")
    assert then.exit_code == 0, then.stderr
    assert "+4.4 %" in then.stdout
    # what `targets 2023 --as-of 2024-03-01` says, and what was known that day: 4.4 % misses 5% 左右
    assert "target 2023 增长 5% 左右: missed" in then.stdout, then.stdout
    assert "met" not in then.stdout.split("target 2023", 1)[1]


def test_value_as_of_before_any_source_does_not_contradict_itself(cli, tmp_path):
    store = tmp_path / "china.toml"
    _national(cli, store)
    line = _one_error_line(cli("--store", store, "value", "gdp", "2023", "--as-of", "2024-01-01"), 1)
    assert "it has actuals for 2023" not in line
    assert "2024-01-01" in line


def test_an_indicator_id_always_finds_that_indicator(cli, store_copy):
    # another indicator may carry an id as one of its aliases; the id still names its own indicator
    result = cli("--store", store_copy, "indicator", "add", "x_two", "--name", "某指标", "--unit", "亿元",
                 "--alias", "retail_sales")
    assert result.exit_code == 0, result.stderr
    shown = cli("--store", store_copy, "show", "retail_sales", "--format", "json")
    assert shown.exit_code == 0, shown.stderr
    assert '"indicator": "retail_sales"' in shown.stdout
    assert cli("--store", store_copy, "value", "retail_sales", "2024").stdout == "593\n"
    assert cli("--store", store_copy, "record", "retail_sales", "2025", "--growth", "5").exit_code == 0


@pytest.mark.parametrize("number", ["1e-400", "-1e-330", "0.5e-400"])
def test_a_number_too_small_for_a_float_is_refused_not_stored_as_zero(cli, store_copy, number):
    before = _digest(store_copy)
    result = cli("--store", store_copy, "record", "gdp", "2025", "--value", number)
    assert number in _one_error_line(result, 2)
    assert _digest(store_copy) == before


def test_zero_written_as_exponent_is_still_zero(cli, store_copy):
    result = cli("--store", store_copy, "record", "gdp", "2025", "--growth", "0e-400")
    assert result.exit_code == 0, result.stderr
    assert cli("--store", store_copy, "value", "gdp", "2025", "--field", "growth").stdout == "0.0\n"


def test_an_import_cell_too_small_for_a_float_is_a_bad_row(cli, store_copy, tmp_path):
    rows = tmp_path / "tiny.csv"
    rows.write_text("indicator,region,year,kind,metric,value,unit,qualifier,status,source\n"
                    "gdp,cangshan,2025,actual,value,1e-400,亿元,exact,reported,cangshan-2024-plan\n",
                    encoding="utf-8")
    before = _digest(store_copy)
    result = cli("--store", store_copy, "import", rows)
    assert "tiny.csv:2" in _one_error_line(result, 3)
    assert _digest(store_copy) == before


def test_extract_with_an_invalid_source_id_is_one_usage_error(cli, store_copy):
    require_report()
    before = _digest(store_copy)
    result = cli("--store", store_copy, "extract", str(REPORT), "--source", "[red]x", "--apply")
    assert "[red]x" in _one_error_line(result, 2)
    assert _digest(store_copy) == before
    result = cli("--store", store_copy, "extract", str(REPORT), "--source", "bad id", "--format", "csv")
    _one_error_line(result, 2)
    assert result.stdout == ""


def _csplan(*args, **kw):
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "csplan", *map(str, args)], capture_output=False, **kw)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_on_stdout_is_one_line_without_a_doubled_prefix(bundled, tmp_path):
    err = tmp_path / "err"
    with open("/dev/full", "w") as full, err.open("w") as e:
        p = _csplan("--store", bundled, "list", stdout=full, stderr=e, env=_env(tmp_path))
    assert p.returncode == 3
    lines = err.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 and lines[0].startswith("csplan: "), lines
    assert not lines[0].startswith("csplan: csplan:"), lines


def _env(tmp_path):
    import os

    env = {k: v for k, v in os.environ.items() if k != "CSPLAN_STORE"}
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    return env


@pytest.mark.parametrize("args", [("value", "gdp", "2024"), ("show", "gdp", "--format", "json"), ("list",)])
def test_a_closed_stdout_is_no_traceback(bundled, tmp_path, args):
    import os

    err = tmp_path / "err"
    with err.open("w") as e:
        p = _csplan("--store", bundled, *args, stderr=e, env=_env(tmp_path), preexec_fn=lambda: os.close(1))
    text = err.read_text(encoding="utf-8")
    assert "Traceback" not in text, text
    assert p.returncode in (0, 1, 3)
    assert len(text.splitlines()) <= 1


def test_a_closed_stdout_does_not_stop_a_write(store_copy, tmp_path):
    import os

    err = tmp_path / "err"
    with err.open("w") as e:
        p = _csplan("--store", store_copy, "record", "gdp", "2025", "--growth", "5.6", stderr=e,
                    env=_env(tmp_path), preexec_fn=lambda: os.close(1))
    assert p.returncode == 0, err.read_text(encoding="utf-8")
    assert "recorded actual gdp 2025" in err.read_text(encoding="utf-8")


def test_a_number_cut_by_two_page_breaks_is_not_read_as_a_list_item(report_text):
    # Hypothesis found it: "增长\n\n 11.\n\n6%" — a lone "11." is a piece of a number, not item 11 of a list
    from csplan.extract import extract
    from csplan.model import Store

    at = report_text.index("增长 11.6%") + len("增长")
    cut = report_text[:at] + "\n\n" + report_text[at:at + 4] + "\n\n" + report_text[at + 4:]
    assert " 11.\n\n6%" in cut
    rows = [(r["indicator"], r["year"], r["value"], r["growth"]) for r in extract(report_text, Store(),
                                                                              region="cangshan").records]
    assert [(r["indicator"], r["year"], r["value"], r["growth"]) for r in extract(cut, Store(),
                                                                              region="cangshan").records] == rows


@pytest.mark.parametrize("tolerance", ["inf", "1e400", "Infinity"])
def test_an_infinite_tolerance_is_a_usage_error(cli, store_copy, tolerance):
    result = cli("--store", store_copy, "targets", "2025", "--tolerance", tolerance)
    assert "--tolerance" in _one_error_line(result, 2)
    assert result.stdout == ""


def test_a_store_saved_with_a_byte_order_mark_reads_like_the_same_store_without(tmp_path, bundled, cli):
    bom = tmp_path / "bom.toml"
    bom.write_bytes(b"\xef\xbb\xbf" + bundled.read_bytes())
    r = cli("--store", bom, "value", "gdp", "2024")
    assert r.exit_code == 0 and r.stdout == "1110\n"


def test_import_refuses_a_direction_that_is_neither_higher_nor_lower(store_copy, cli, tmp_path):
    import hashlib

    rows = cli("--store", store_copy, "show", "gdp", "--format", "csv").stdout.splitlines()
    bad = tmp_path / "bad.csv"
    bad.write_text(rows[0] + "\n" + rows[1].replace(",higher,", ",sideways,") + "\n", encoding="utf-8")
    before = hashlib.sha256(store_copy.read_bytes()).hexdigest()
    r = cli("--store", store_copy, "import", bad)
    assert r.exit_code == 3
    assert "'better' must be higher or lower, not 'sideways'" in r.stderr
    assert hashlib.sha256(store_copy.read_bytes()).hexdigest() == before


def test_import_from_a_closed_stdin_is_one_line(store_copy):
    import subprocess
    import sys

    before = store_copy.read_bytes()
    proc = subprocess.run([sys.executable, "-m", "csplan", "--store", str(store_copy), "import", "-"],
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, close_fds=True,
                          preexec_fn=lambda: __import__("os").close(0))
    assert proc.returncode == 3
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("csplan: ")
    assert "Traceback" not in proc.stderr
    assert store_copy.read_bytes() == before


def test_an_unexpected_exception_is_one_line_with_exit_4(cli, monkeypatch):
    import csplan.query

    def broken(*args, **kwargs):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(csplan.query, "find_indicator", broken)
    r = cli("show", "gdp")
    assert r.exit_code == 4
    assert r.stderr.count("\n") == 1 and "internal error (ZeroDivisionError: boom)" in r.stderr

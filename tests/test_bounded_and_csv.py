"""Bounded reports of bad input, errors of the OS that name the file, a store without a byte-order
mark, no empty unit, and CSV that is safe for a spreadsheet only when asked (--safe-csv)."""

from __future__ import annotations

import csv
import io
import os

import pytest

from csplan.edit import REPORTED_BAD_ROWS, ImportRejected, apply_records, read_records
from csplan.model import Indicator, Region, Source, Store
from csplan.render import FORMULA_STARTS

HEADER = "indicator,region,year,kind,metric,value,unit,growth,qualifier,status,source,quote\n"
GOOD_ROW = "gdp,cangshan,{year},actual,value,1200,亿元,,exact,reported,cangshan-2024-plan,\n"
BAD_ROWS = 100_000


def _bad_rows(n: int) -> str:
    """`n` bad rows of three kinds: a bad cell, a bad field, the same figure twice."""
    kinds = ("gdp,cangshan,1900,actual,value,1,亿元,,exact,reported,cangshan-2024-plan,\n",
             "gdp,cangshan,2030,actual,value,1,亿元,,roughly,reported,cangshan-2024-plan,\n",
             GOOD_ROW.format(year=2031))
    return GOOD_ROW.format(year=2031) + "".join(kinds[i % 3] for i in range(n - 1))


def test_a_hundred_thousand_bad_rows_give_the_first_twenty_and_a_count(cli, store_copy, tmp_path):
    file = tmp_path / "bad.csv"
    file.write_text(HEADER + _bad_rows(BAD_ROWS + 1), encoding="utf-8")  # the first row is good
    before = store_copy.read_bytes()
    result = cli("--store", store_copy, "import", file)
    assert result.exit_code == 3
    lines = result.stderr.splitlines()
    assert len(lines) == REPORTED_BAD_ROWS + 1 <= 21
    assert all(line.startswith(f"csplan: {file}:{n}: ") for n, line in enumerate(lines[:-1], 3)), lines[:3]
    assert "1900" in lines[0] and "roughly" in lines[1] and "the same figure as line 2" in lines[2]
    assert lines[-1] == (f"csplan: {file}: {BAD_ROWS} bad rows (the first {REPORTED_BAD_ROWS} above, "
                         f"{BAD_ROWS - REPORTED_BAD_ROWS} more not shown); nothing imported")
    assert store_copy.read_bytes() == before


def test_bad_rows_are_counted_not_collected():
    store = Store(regions={"cangshan": Region("cangshan", "仓山区")},
                  sources={"cangshan-2024-plan": Source("cangshan-2024-plan", "报告")},
                  indicators={"gdp": Indicator("gdp", "地区生产总值", unit="亿元")})
    rows = read_records(HEADER + _bad_rows(1000), "csv", "bad.csv")
    with pytest.raises(ImportRejected) as e:
        apply_records(store, rows, "bad.csv")
    assert e.value.count == 999
    assert len(e.value.problems) == REPORTED_BAD_ROWS
    assert str(e.value).startswith("bad.csv:3: year 1900") and "(and 998 more bad rows)" in str(e.value)


def test_bad_json_records_are_reported_at_the_lines_they_start_on(cli, store_copy, tmp_path):
    import json

    record = {"indicator": "gdp", "region": "cangshan", "year": 1900, "kind": "actual", "metric": "value",
              "value": 1, "unit": "亿元", "qualifier": "exact", "status": "reported", "source": "cangshan-2024-plan"}
    file = tmp_path / "bad.json"
    file.write_text(json.dumps([record] * 5000, ensure_ascii=False, indent=2), encoding="utf-8")
    before = store_copy.read_bytes()
    result = cli("--store", store_copy, "import", file)
    assert result.exit_code == 3
    lines = result.stderr.splitlines()
    step = len(record) + 2  # "{", a line a key, "},"
    assert [line.split(":")[2] for line in lines[:-1]] == [str(2 + step * n) for n in range(REPORTED_BAD_ROWS)]
    assert lines[-1].startswith(f"csplan: {file}: 5000 bad rows")
    assert store_copy.read_bytes() == before


def test_a_few_bad_rows_are_each_listed_with_their_count(cli, store_copy, tmp_path):
    file = tmp_path / "bad.csv"
    file.write_text(HEADER + _bad_rows(3), encoding="utf-8")
    result = cli("--store", store_copy, "import", file)
    assert result.exit_code == 3
    lines = result.stderr.splitlines()
    assert len(lines) == 3 and lines[-1] == f"csplan: {file}: 2 bad rows; nothing imported", lines


# --- errors of the OS name the file -----------------------------------------------------------


def _no_space(*args, **kwargs):
    raise OSError(28, "No space left on device")


@pytest.mark.parametrize("broken", ["fsync", "replace"])
@pytest.mark.parametrize("command", ["record", "import", "fmt"])
def test_a_full_disk_names_the_store(cli, store_copy, tmp_path, monkeypatch, broken, command):
    if command == "fmt":
        store_copy.write_bytes(b"\xef\xbb\xbf" + store_copy.read_bytes())
    file = tmp_path / "in.csv"
    file.write_text(HEADER + GOOD_ROW.format(year=2031), encoding="utf-8")
    args = {"record": ["record", "gdp", "2031", "--value", "1200"], "import": ["import", file], "fmt": ["fmt"]}
    before = store_copy.read_bytes()
    monkeypatch.setattr(os, broken, _no_space)
    result = cli("--store", store_copy, *args[command])
    monkeypatch.undo()
    assert result.exit_code == 3, result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("csplan: "), result.stderr
    assert str(store_copy) in result.stderr and "No space left on device" in result.stderr
    assert ".tmp" not in result.stderr
    assert store_copy.read_bytes() == before


# --- a byte-order mark is not canonical -------------------------------------------------------


def test_fmt_check_fails_on_a_byte_order_mark_and_fmt_removes_it(cli, store_copy):
    canonical = store_copy.read_bytes()
    assert cli("--store", store_copy, "fmt", "--check").exit_code == 0
    with_bom = b"\xef\xbb\xbf" + canonical
    store_copy.write_bytes(with_bom)
    result = cli("--store", store_copy, "fmt", "--check")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and f"{store_copy}:1:" in result.stderr, result.stderr
    assert "byte-order mark" in result.stderr
    assert store_copy.read_bytes() == with_bom
    assert cli("--store", store_copy, "fmt").exit_code == 0
    assert store_copy.read_bytes() == canonical
    assert cli("--store", store_copy, "fmt", "--check").exit_code == 0


# --- no empty unit ----------------------------------------------------------------------------


@pytest.mark.parametrize("unit", ["", " "])
@pytest.mark.parametrize("command", [["record", "gdp", "2031", "--value", "1200"],
                                     ["target", "gdp", "2031", "--value", "1200"],
                                     ["indicator", "add", "steel", "--name", "钢产量"]])
def test_an_empty_unit_is_refused(cli, store_copy, command, unit):
    before = store_copy.read_bytes()
    result = cli("--store", store_copy, *command, "--unit", unit)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("csplan: "), result.stderr
    assert "--unit" in result.stderr and "empty" in result.stderr
    assert store_copy.read_bytes() == before


# --- CSV for a spreadsheet --------------------------------------------------------------------

DANGEROUS = {"=": "=cmd|' /C calc'!A0", "+": "+1+cmd|' /C calc'!A0", "-": "-2+3+cmd|' /C calc'!A0",
             "@": "@SUM(1+9)*cmd|' /C calc'!A0"}


@pytest.fixture
def risky(cli, tmp_path):
    """A store whose text (title, name, unit, quotes) starts with every character a spreadsheet
    reads as a formula, with a negative growth beside them and a quote that starts with a tab."""
    path = tmp_path / "risky.toml"

    def run(*args):
        result = cli("--store", path, *args)
        assert result.exit_code == 0, result.stderr

    run("init", "--region", "r", "--name", "某区", "--source", "s", "--title", DANGEROUS["="], "--date",
        "2025-01-08")
    run("indicator", "add", "gdp", "--name", DANGEROUS["-"], "--unit", DANGEROUS["@"], "--name-en", "+GDP",
        "--alias", "地区生产总值")
    run("record", "gdp", "2024", "--value", "-5", "--growth", "-3.5", "--quote", DANGEROUS["="])
    run("record", "gdp", "2023", "--value", "1100", "--growth", "2", "--quote", "\t=1+1")
    run("target", "gdp", "2025", "--growth", "-1.5", "--quote", DANGEROUS["+"])
    run("target", "gdp", "2024", "--growth", "-4", "--quote", "地区生产总值增长-4%")
    (tmp_path / "report.md").write_text(REPORT, encoding="utf-8")
    return path


def _cells(text: str, fmt: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), delimiter="," if fmt == "csv" else "\t"))


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


# A report whose target `extract` finds; the records name the risky store's indicator.
REPORT = "# 关于某区2024年国民经济和社会发展计划执行情况与2025年计划草案的报告\n\n2025年主要预期目标：地区生产总值增长5%左右。\n"

READERS = [["list"], ["show", "gdp", "--history"], ["search", "gdp"], ["sources"], ["store"], ["targets", "2025"],
           ["growth"], ["extract", "report.md", "--region", "r"]]


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
@pytest.mark.parametrize("command", READERS, ids=lambda c: c[0])
def test_safe_csv_prefixes_exactly_the_text_cells_a_spreadsheet_would_run(cli, risky, command, fmt, monkeypatch):
    monkeypatch.chdir(risky.parent)
    plain = cli("--store", risky, *command, "--format", fmt)
    safe = cli("--store", risky, *command, "--format", fmt, "--safe-csv")
    assert plain.exit_code == safe.exit_code == 0, (plain.stderr, safe.stderr)
    before, after = _cells(plain.stdout, fmt), _cells(safe.stdout, fmt)
    assert before[0] == after[0] and len(before) == len(after) > 1
    prefixed = 0
    for row, safe_row in zip(before[1:], after[1:], strict=True):
        for cell, safe_cell in zip(row, safe_row, strict=True):
            if cell.startswith(FORMULA_STARTS) and not _is_number(cell):
                assert safe_cell == "'" + cell
                prefixed += 1
            else:
                assert safe_cell == cell
    if command[0] != "store":
        assert prefixed, "no cell of the risky store was prefixed"
    assert not any(c.startswith(FORMULA_STARTS) and not _is_number(c) for r in after[1:] for c in r)


def test_safe_csv_keeps_numbers_and_escaped_tabs_as_they_are(cli, risky):
    rows = list(csv.DictReader(io.StringIO(cli("--store", risky, "list", "--format", "csv", "--safe-csv").stdout)))
    by_year = {(r["kind"], r["year"]): r for r in rows}
    assert by_year["actual", "2024"]["value"] == "-5" and by_year["actual", "2024"]["growth"] == "-3.5"
    assert by_year["actual", "2024"]["quote"] == "'" + DANGEROUS["="]
    assert by_year["actual", "2023"]["quote"] == "\\t=1+1"  # a tab is written \t: no formula starts there
    assert by_year["target", "2025"]["quote"] == "'" + DANGEROUS["+"]
    assert by_year["target", "2024"]["quote"] == "地区生产总值增长-4%"
    assert {r["name"] for r in rows} == {"'" + DANGEROUS["-"]} and {r["name_en"] for r in rows} == {"'+GDP"}


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json"])
def test_without_safe_csv_the_risky_store_round_trips_byte_for_byte(cli, risky, tmp_path, fmt):
    exported = cli("--store", risky, "list", "--format", fmt).stdout
    assert DANGEROUS["="] in exported and "'" + DANGEROUS["="] not in exported
    copy = tmp_path / "copy.toml"
    assert cli("--store", copy, "init").exit_code == 0
    result = cli("--store", copy, "import", "-", "--format", fmt, input=exported)
    assert result.exit_code == 0, result.stderr
    assert cli("--store", copy, "list", "--format", fmt).stdout == exported


def test_safe_csv_changes_no_other_format(cli, risky):
    for fmt in ("json", "markdown", "table"):
        assert (cli("--store", risky, "list", "--format", fmt, "--safe-csv").stdout
                == cli("--store", risky, "list", "--format", fmt).stdout)
